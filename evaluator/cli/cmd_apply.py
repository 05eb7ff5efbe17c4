"""afweging apply FILE CHANGES.json [--reason TEXT]

Applies a JSON list of changes — in exactly the form the audit trail stores them (``afweging log --format json``
prints it under ``change``) — through the one change path, all or nothing, as one audit entry. A change that
does not fit exits 2 with one line naming the list index and the problem; the file is then byte-for-byte as it
was. ``AFWEGING_USER`` names the user in the audit trail, as it does in the app.
"""

from __future__ import annotations

import argparse

from ..i18n import N_, gettext, ngettext

HELP = N_("apply a JSON list of changes (the audit trail's own form) to a project, all or nothing")

MAX_CHANGES_BYTES = 50_000_000


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help=gettext("the .afweging project to change"))
    p.add_argument("changes", metavar="CHANGES.json", help=gettext('a JSON list of changes, e.g. [{"type": "set_setting", '
                   '"name": "title", "value": "..."}]'))  # fmt: skip
    p.add_argument("--reason", metavar="TEXT", default="", help=gettext("why, recorded in the audit trail"))
    p.add_argument("--lang", choices=("nl", "en"), default=None, help=gettext("language of messages"))


def read_changes(path: str) -> list:
    """The change objects in the JSON list at ``path``; ``InputError`` naming the index and the problem."""
    from ..changes import change_from_data
    from ..errors import InputError
    from ..io import read_bytes
    from ..io.canonical import parse_json

    data = parse_json(read_bytes(path, limit=MAX_CHANGES_BYTES), path)
    if isinstance(data, dict) and "type" in data:
        data = [data]
    if not isinstance(data, list):
        raise InputError(
            gettext("expected a JSON list of changes, found {name}").format(name=type(data).__name__), path
        )
    if not data:
        raise InputError(gettext("the list of changes is empty; nothing to apply"), path)
    return [change_from_data(item, f"[{i}]", path) for i, item in enumerate(data)]


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..changes import Batch, apply_change
    from ..errors import ChangeError, InputError
    from ..store import Store

    if Path(args.file).suffix.lower() != ".afweging":
        raise InputError(gettext("changes are applied to a project file (.afweging), which keeps the audit trail"),
                         args.file)  # fmt: skip
    changes = read_changes(args.changes)
    # Try every change on the evaluation in memory first, from a read-only open: a change that does not fit is
    # named by its index, and the file is not even opened for writing (nor migrated, nor journalled).
    with Store.open(args.file, readonly=True) as st:
        ev = st.evaluation
        for i, change in enumerate(changes):
            try:
                ev, _ = apply_change(ev, change)
            except ChangeError as exc:
                raise InputError(
                    gettext("this change does not fit: {text}").format(text=exc.text(args.lang)),
                    args.changes,
                    f"[{i}]",
                ) from None
    change = changes[0] if len(changes) == 1 else Batch(tuple(changes))
    with Store.open(args.file) as st:
        st.apply(change, reason=args.reason)
        seq = st.audit(limit=1)[0].seq
        label = change.label(st.evaluation, args.lang)
    n = len(changes)
    what = ngettext("{n} change", "{n} changes", n, args.lang).format(n=n)
    entry = gettext("as one entry", args.lang)
    print(f"{args.file}: {what} {entry} (#{seq}): {label}")
    return 0
