"""Small helpers the verbs share: loading any evaluation file, printing tables and JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..i18n import gettext, ngettext
from ..model import Evaluation


def load(path: str) -> Evaluation:
    from ..io import read_any

    return read_any(path)


def refuse_overwrite(path: str, force: bool) -> None:
    p = Path(path)
    if p.exists() and not force:
        raise InputError(gettext("already exists; choose another name or pass --force to replace it"), p)


def counts(ev: Evaluation) -> str:
    """ "12 alternatives, 11 criteria", in the session's language."""
    n, m = len(ev.alternatives), len(ev.criteria)
    return (
        ngettext("{n} alternative", "{n} alternatives", n).format(n=n)
        + ", "
        + ngettext("{n} criterion", "{n} criteria", m).format(n=m)
    )


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], align: str = "") -> None:
    """A plain aligned text table; ``align`` gives ``l`` or ``r`` per column (default: numbers right)."""
    cells = [[str(h) for h in headers]] + [[_fmt(c) for c in r] for r in rows]
    widths = [max(len(r[j]) for r in cells) for j in range(len(headers))]
    for k, r in enumerate(cells):
        parts = []
        for j, c in enumerate(r):
            a = (
                align[j]
                if j < len(align)
                else ("r" if k and isinstance(rows[k - 1][j], int | float) else "l")
            )
            parts.append(c.rjust(widths[j]) if a == "r" else c.ljust(widths[j]))
        print("  ".join(parts).rstrip())
        if k == 0:
            print("  ".join("-" * w for w in widths))


def _fmt(c: Any) -> str:
    if isinstance(c, float):
        from ..formats import num

        return num(c, None, 4)  # as the session's language writes it: 0,7571 in Dutch
    return "" if c is None else str(c)
