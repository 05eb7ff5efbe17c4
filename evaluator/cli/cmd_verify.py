"""afweging verify MEMO.pdf [--trust CERT.pem] [--format json]"""

from __future__ import annotations

import argparse

HELP = "check a memo's signature against trusted roots and recompute its ranking from the attached data"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("memo", metavar="MEMO.pdf")
    p.add_argument("--trust", metavar="CERT.pem", action="append", default=[],
                   help="a trusted root certificate (PEM or DER); repeat for several")  # fmt: skip
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("nl", "en"), default="en", help="language of the text output")


def run(args: argparse.Namespace) -> int:
    from ..report.verify import describe, verify_memo
    from .common import print_json

    result = verify_memo(args.memo, args.trust)
    if args.format == "json":
        print_json(result.to_data())
    else:
        print("\n".join(describe(result, args.lang)))
    return 0 if result.valid else 1
