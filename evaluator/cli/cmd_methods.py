"""afweging methods"""

from __future__ import annotations

import argparse

HELP = "list the ranking methods with one line each"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=("nl", "en"), default="en")


def run(args: argparse.Namespace) -> int:
    from ..methods import METHODS

    width = max(len(m) for m in METHODS)
    for m in METHODS.values():
        print(f"{m.id.ljust(width)}  {m.title(args.lang)}: {m.summary[args.lang]}")
    return 0
