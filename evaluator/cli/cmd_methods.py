"""afweging methods"""

from __future__ import annotations

import argparse

from ..i18n import N_, gettext

HELP = N_("list the ranking methods: what each does, its definition and its parameters")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("nl", "en"), default=None)


def run(args: argparse.Namespace) -> int:
    from ..formats import number
    from ..methods import METHODS

    lang = args.lang
    width = max(len(m) for m in METHODS)
    pad = " " * (width + 2)
    for m in METHODS.values():
        print(f"{m.id.ljust(width)}  {m.title(lang)}: {m.summary(lang)}")
        print(pad + gettext("on a bare matrix: {definition}", lang).format(definition=m.definition_in(lang)))
        for q in m.params:
            print(
                pad
                + gettext("{setting} ({low}–{high}, {name!r} in method_params): {meaning}", lang).format(
                    setting=q.show(lang=lang),
                    low=number(q.low, lang),
                    high=number(q.high, lang),
                    name=q.name,
                    meaning=q.meaning(lang),
                )
            )
        order = (
            gettext("on scales with fixed bounds, adding an alternative never reorders the others", lang)
        ) if m.keeps_order else (
            gettext("adding an alternative can reorder the others", lang)
        )  # fmt: skip
        print(f"{pad}{order}")
    return 0
