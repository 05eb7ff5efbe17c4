"""afweging new FILE [--sample] [--catalogue NAME]"""

from __future__ import annotations

import argparse

from ..i18n import N_, gettext

HELP = N_("start an evaluation from a catalogue (or a copy of the bundled sample)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help=gettext("the new project file (.afweging)"))
    p.add_argument("--sample", action="store_true", help=gettext("copy the bundled sample evaluation"))
    p.add_argument(
        "--catalogue",
        metavar="NAME",
        help=gettext("catalogue id or .toml file (default: beter-samenwerken-2026)"),
    )
    p.add_argument("--title", help=gettext("the evaluation's title"))
    p.add_argument("--force", action="store_true", help=gettext("replace FILE if it exists"))


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..catalogue import DEFAULT_CATALOGUE, find
    from ..errors import InputError
    from ..store import Store
    from .common import counts, refuse_overwrite

    if not args.file.lower().endswith(".afweging"):
        raise InputError(gettext("a project file name must end in .afweging"), args.file)
    if args.sample and args.catalogue:
        raise InputError(gettext("give --sample or --catalogue, not both"))
    refuse_overwrite(args.file, args.force)
    if args.sample:
        from ..sample import load_sample

        ev = load_sample()
    else:
        ev = find(args.catalogue or DEFAULT_CATALOGUE).evaluation()
    if args.title:
        ev = replace(ev, title=args.title)
    Store.create(args.file, ev, reason="new from sample" if args.sample else "new from catalogue").close()
    print(f"{args.file}: {counts(ev)}")
    return 0
