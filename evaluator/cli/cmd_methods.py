"""afweging methods"""

from __future__ import annotations

import argparse

HELP = "list the ranking methods: what each does, its definition and its parameters"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("nl", "en"), default="en")


def run(args: argparse.Namespace) -> int:
    from ..methods import METHODS

    lang = args.lang
    nl = lang == "nl"
    width = max(len(m) for m in METHODS)
    pad = " " * (width + 2)
    for m in METHODS.values():
        print(f"{m.id.ljust(width)}  {m.title(lang)}: {m.summary[lang]}")
        print(f"{pad}{'op een kale matrix' if nl else 'on a bare matrix'}: {m.definition[lang]}")
        for q in m.params:
            print(
                f"{pad}{q.show(lang=lang)} ({q.low:g}–{q.high:g}, {q.name!r} in method_params): {q.text[lang]}"
            )
        order = (
            ("op schalen met vaste grenzen verandert een alternatief erbij de volgorde van de andere nooit")
            if nl
            else "on scales with fixed bounds, adding an alternative never reorders the others"
        ) if m.keeps_order else (
            "een alternatief erbij kan de volgorde van de andere veranderen"
            if nl
            else "adding an alternative can reorder the others"
        )  # fmt: skip
        print(f"{pad}{order}")
    return 0
