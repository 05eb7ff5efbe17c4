"""afweging ballot export FILE --participant NAME --out BALLOT.xlsx | afweging ballot import FILE BALLOT.xlsx…"""

from __future__ import annotations

import argparse

from ..i18n import N_, gettext, ngettext

HELP = N_("workshop ballots: export an XLSX ballot for a participant, or import filled-in ballots")


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    ex = sub.add_parser(
        "export",
        help=gettext("write a participant's ballot (opens in Excel and LibreOffice)"),
        description=gettext(
            "Write a participant's ballot: the criteria with their descriptions and one locked-down "
            "input cell per criterion for importance points 0–100."
        ),
    )
    ex.add_argument("file", metavar="FILE", help=gettext("the .afweging project file"))
    ex.add_argument(
        "--participant", metavar="NAME", required=True, help=gettext("the participant's name (or id)")
    )
    ex.add_argument("--out", metavar="BALLOT.xlsx", required=True)
    ex.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=None,
        help=gettext("language of the ballot (default: the user's locale)"),
    )
    ex.add_argument(
        "--add",
        action="store_true",
        help=gettext("add the participant to FILE first if there is none by that name"),
    )
    ex.add_argument("--force", action="store_true", help=gettext("replace BALLOT.xlsx if it exists"))
    im = sub.add_parser(
        "import",
        help=gettext("read filled-in ballots into FILE as one change (all or nothing)"),
        description=gettext(
            "Read filled-in ballots into the participants' weights, as one change in the audit "
            "trail; a bad ballot refuses them all and changes nothing."
        ),
    )
    im.add_argument("file", metavar="FILE", help=gettext("the .afweging project file"))
    im.add_argument("ballots", metavar="BALLOT.xlsx", nargs="+")
    im.add_argument("--reason", default="", help=gettext("why, for the audit trail"))
    im.add_argument(
        "--lang", choices=("nl", "en"), default=None, help=gettext("language of names and messages")
    )


def _open(path: str):  # noqa: ANN202 - a Store; imported lazily
    from pathlib import Path

    from ..errors import InputError
    from ..store import Store

    if Path(path).suffix.lower() != ".afweging":
        raise InputError(
            gettext(
                "ballots work on an .afweging project file (convert with: afweging import SRC --out FILE.afweging)"
            ),
            path,
        )
    st = Store.open(path)
    if (
        st.others_open
    ):  # the change goes in; the other editor is told to reload when it next changes something
        import sys

        print(
            "afweging: "
            + gettext("note: {path} is also open in another window or program").format(path=path),
            file=sys.stderr,
        )
    return st


def run(args: argparse.Namespace) -> int:
    return _export(args) if args.action == "export" else _import(args)


def _export(args: argparse.Namespace) -> int:
    import os

    from ..ballot import find_participant, write_ballot
    from ..changes import AddParticipant
    from ..errors import InputError
    from ..io.bare import slug
    from ..model import Participant
    from .common import refuse_overwrite

    if not args.out.lower().endswith(".xlsx"):
        raise InputError(
            gettext("a ballot is an .xlsx workbook; give --out a name ending in .xlsx"), args.out
        )
    if os.path.abspath(args.out) == os.path.abspath(args.file):
        raise InputError(gettext("is the project file; choose another output"), args.out)
    refuse_overwrite(args.out, args.force)
    with _open(args.file) as st:
        try:
            pid = find_participant(st.evaluation, args.participant)
        except InputError as exc:
            if not args.add:
                raise InputError(
                    gettext("{problem}; pass --add to add them").format(problem=exc.problem), args.file
                ) from None
            name = args.participant.strip()
            if not name:
                raise InputError(gettext("a participant needs a name"), args.file) from None
            pid = slug(name, {p.id for p in st.evaluation.participants})
            st.apply(AddParticipant(Participant(pid, name)), reason="ballot export")
        write_ballot(st.evaluation, pid, args.out, st.created, args.lang, key=st.ballot_key(create=True))
    print(args.out)
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..ballot import import_ballots
    from ..errors import ChangeError, InputError, StoreError
    from ..formats import number
    from ..workshop import participant_label

    with _open(args.file) as st:
        ev = st.evaluation
        batch, ballots = import_ballots(ev, args.ballots, st.created, args.lang, key=st.ballot_key())
        try:
            st.apply(batch, reason=args.reason)
        except StoreError:  # the file could not take it (in use, disk full, changed meanwhile): say that
            raise
        except ChangeError as exc:
            raise InputError(
                gettext("the ballots do not fit the evaluation: {exc}").format(exc=exc), args.file
            ) from None
        for b in ballots:
            total = sum(b.points.values())
            given = ngettext("{n} criterion", "{n} criteria", len(b.points)).format(n=len(b.points))
            points = ngettext("{n} point", "{n} points", round(total)).format(n=number(total))
            print(f"{participant_label(ev, b.participant, args.lang)}: {given}, {points}")
    return 0
