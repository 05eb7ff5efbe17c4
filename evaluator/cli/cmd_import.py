"""afweging import SRC --out FILE.afweging"""

from __future__ import annotations

import argparse

from ..i18n import N_, gettext

HELP = N_("import a DMSY, CSV, XLSX, JSON or TOML evaluation into a new project file")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("src", metavar="SRC")
    p.add_argument("--out", metavar="FILE", required=True, help=gettext("the new project file (.afweging)"))
    p.add_argument("--force", action="store_true", help=gettext("replace FILE if it exists"))


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..io import read_any
    from ..store import Store
    from .common import counts, refuse_overwrite

    if not args.out.lower().endswith(".afweging"):
        raise InputError(gettext("the output must be a project file ending in .afweging"), args.out)
    ev = read_any(args.src)  # fully read and checked before anything is written
    refuse_overwrite(args.out, args.force)
    Store.create(args.out, ev, reason=f"imported from {args.src}").close()
    print(f"{args.out}: {counts(ev)}")
    return 0
