"""afweging log FILE [--format table|json] [--lang nl|en]

The audit trail, oldest first. JSON: a list of entries ``{"seq", "time", "user", "reason", "label", "change"}``,
where ``change`` is the change in the form ``afweging apply`` takes (``null`` for the entry that created the file).
"""

from __future__ import annotations

import argparse

from ..i18n import N_, gettext

HELP = N_("the audit trail of a project: who changed what, when and why")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help=gettext("the .afweging project"))
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("nl", "en"), default=None, help=gettext("language of the labels"))


def entries(path: str, lang: str = "en") -> list[dict]:
    from ..store import Store

    with Store.open(path, readonly=True) as st:
        rows = sorted(st.audit(), key=lambda e: e.seq)
    return [
        {
            "seq": e.seq,
            "time": e.time,
            "user": e.user,
            "reason": e.reason,
            "label": e.label_in(lang),
            "change": e.change or None,
        }
        for e in rows
    ]


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..errors import InputError
    from .common import print_json, print_table

    if Path(args.file).suffix.lower() != ".afweging":
        raise InputError(gettext("only a project file (.afweging) keeps an audit trail"), args.file)
    data = entries(args.file, args.lang)
    if args.format == "json":
        print_json(data)
        return 0
    from ..formats import moment_text
    from ..report.texts import reason_text

    head = ["#", gettext("time"), gettext("user"), gettext("change"), gettext("reason")]
    rows = [
        [
            e["seq"],
            moment_text(e["time"], args.lang, short=True),  # as the app and the memo write it
            e["user"],
            _created() if e["change"] is None else e["label"],
            reason_text(e["reason"], args.lang),
        ]
        for e in data
    ]
    print_table(head, rows, "rllll")
    return 0


def _created() -> str:
    return gettext("File created")
