"""afweging verify MEMO.pdf [--trust CERT.pem] [--format json] [--lang nl|en] [--at YYYY-MM-DD[THH:MM]]"""

from __future__ import annotations

import argparse

from ..i18n import N_, gettext

HELP = N_("check a memo's signature against trusted roots and recompute its ranking from the attached data")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("memo", metavar="MEMO.pdf")
    p.add_argument("--trust", metavar="CERT.pem", action="append", default=[],
                   help=gettext("a trusted root certificate (PEM or DER); repeat for several"))  # fmt: skip
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("nl", "en"), default=None,
                   help=gettext("language of the text output (default: the user's locale)"))  # fmt: skip
    p.add_argument("--at", metavar="YYYY-MM-DD[THH:MM]",
                   help=gettext("judge the certificates as on this moment (UTC) instead of now, e.g. after the signer's "
                   "certificate expires"))  # fmt: skip


def _moment(text: str | None):  # noqa: ANN202 - datetime | None
    import datetime as dt

    from ..errors import InputError

    if text is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            gettext("--at {text!r} is not a date (YYYY-MM-DD) or a moment (YYYY-MM-DDTHH:MM)").format(
                text=text
            )
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def run(args: argparse.Namespace) -> int:
    from ..report.verify import describe, verify_memo
    from .common import print_json

    result = verify_memo(args.memo, args.trust, at=_moment(args.at))
    if args.format == "json":
        print_json(result.to_data())
    else:
        print("\n".join(describe(result, args.lang)))
    return 0 if result.valid else 1
