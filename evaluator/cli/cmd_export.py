"""afweging export FILE --out DEST"""

from __future__ import annotations

import argparse

from ..i18n import N_, gettext

HELP = N_("export an evaluation as JSON (canonical), DMSY, CSV, XLSX or another .afweging file")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE")
    p.add_argument("--out", metavar="DEST", required=True, help=gettext("file type by extension"))
    p.add_argument("--force", action="store_true", help=gettext("replace DEST if it exists"))


def run(args: argparse.Namespace) -> int:
    import os

    from ..errors import InputError
    from ..io import write_any
    from .common import load, refuse_overwrite

    if os.path.abspath(args.out) == os.path.abspath(args.file):
        raise InputError(gettext("is the file being exported; choose another output"), args.out)
    ev = load(args.file)
    refuse_overwrite(args.out, args.force)
    write_any(ev, args.out)
    print(args.out)
    return 0
