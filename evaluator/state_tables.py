"""The evaluation in a project file's state tables: writing what a change altered, reading it back.

:mod:`evaluator.store` owns the file (opening it, its schema, transactions, the audit trail, other editors); this
module owns how an :class:`~evaluator.model.Evaluation` maps onto its rows — settings, areas, criteria,
alternatives, participants (one JSON row each, in position order), one row per score, one per weight — and reads
them back within a budget, through the one validity check: the score rows straight into assessments
(:func:`evaluator.serial.evaluation_from_rows`), or, when anything is not as Afweging writes it, as plain data
(:func:`evaluator.serial.evaluation_from_data`, which names the place of what it refuses).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .errors import InputError
from .i18n import gettext
from .model import Evaluation
from .serial import (
    SETTINGS,
    alternative_to_data,
    area_to_data,
    assessment_to_data,
    criterion_to_data,
    evaluation_from_data,
    evaluation_from_rows,
    participant_to_data,
)
from .summary import changed_keys

_TABLE_SETTINGS = ("method_params", "robustness")  # settings rows that hold a table (JSON object)
AGREED = ""  # the participant key of the agreed weights in the weights table


def dumps(data: Any) -> str:
    """The JSON of a row (and of an audit entry's change): sorted keys, no spaces, never NaN."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


# -- writing the state ------------------------------------------------------------------------------------------


def _rows(con: sqlite3.Connection, table: str, old: tuple | None, new: tuple, to_data: Callable) -> None:
    """Rewrite ``table`` rows for the entities that changed (by identity) or moved."""
    if old is new:
        return
    old_pos = {} if old is None else {e.id: (i, e) for i, e in enumerate(old)}
    new_ids = set()
    for i, e in enumerate(new):
        new_ids.add(e.id)
        prev = old_pos.get(e.id)
        if prev is None or prev[0] != i or prev[1] is not e:
            con.execute(
                f"INSERT OR REPLACE INTO {table} (id, position, data) VALUES (?, ?, ?)",
                (e.id, i, dumps(to_data(e))),
            )
    for gone in set(old_pos) - new_ids:
        con.execute(f"DELETE FROM {table} WHERE id = ?", (gone,))


def _weights(con: sqlite3.Connection, participant: str, old: Any, new: Any) -> None:
    if old is new:
        return
    old = old or {}
    new = new or {}
    for k, v in new.items():
        if old.get(k) != v or k not in old:
            con.execute("INSERT OR REPLACE INTO weights VALUES (?, ?, ?)", (participant, k, float(v)))
    for k in set(old) - set(new):
        con.execute("DELETE FROM weights WHERE participant = ? AND key = ?", (participant, k))


def write_diff(con: sqlite3.Connection, old: Evaluation | None, new: Evaluation) -> None:
    """Write ``new`` into the state tables: every row when ``old`` is ``None``, else only what differs."""
    for name in (*SETTINGS, *_TABLE_SETTINGS):
        value = getattr(new, name)
        if old is None or getattr(old, name) != value:
            data = dict(value) if name in _TABLE_SETTINGS else value
            con.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (name, dumps(data)))
    _rows(con, "areas", old and old.areas, new.areas, area_to_data)
    _rows(con, "criteria", old and old.criteria, new.criteria, criterion_to_data)
    _rows(con, "alternatives", old and old.alternatives, new.alternatives, alternative_to_data)
    _rows(con, "participants", old and old.participants, new.participants, participant_to_data)
    if old is None or old.assessments is not new.assessments:
        before = {} if old is None else old.assessments
        noted = None if old is None else changed_keys(before, new.assessments)
        if noted is not None:  # the change said which cells it set: write those only
            for key in noted:
                s = new.assessments.get(key)
                if s is None:
                    con.execute("DELETE FROM assessments WHERE alternative = ? AND criterion = ?", key)
                else:
                    con.execute(
                        "INSERT OR REPLACE INTO assessments VALUES (?, ?, ?)",
                        (key[0], key[1], dumps(assessment_to_data(s))),
                    )
            noted_all = True
        else:
            noted_all = False
        kept = 0  # keys already there: when all of the old ones are, nothing was removed
        for key, s in () if noted_all else new.assessments.items():
            was = before.get(key)
            if was is not None:
                kept += 1
            if was is not s:
                con.execute(
                    "INSERT OR REPLACE INTO assessments VALUES (?, ?, ?)",
                    (key[0], key[1], dumps(assessment_to_data(s))),
                )
        if not noted_all and kept != len(before):
            for key in before.keys() - new.assessments.keys():
                con.execute("DELETE FROM assessments WHERE alternative = ? AND criterion = ?", key)
    _weights(con, AGREED, old and old.weights, new.weights)
    if old is None or old.participant_weights is not new.participant_weights:
        before_pw = {} if old is None else old.participant_weights
        for pid, w in new.participant_weights.items():
            _weights(con, pid, before_pw.get(pid), w)
        for pid in set(before_pw) - set(new.participant_weights):
            con.execute("DELETE FROM weights WHERE participant = ?", (pid,))


# -- reading the state ------------------------------------------------------------------------------------------


class _Budget:
    """Counts the bytes read from the state tables; a file holding more than any reader takes is refused
    before it fills the memory (as :func:`evaluator.io.read_bytes` refuses a large file)."""

    def __init__(self, path: Path):
        from .files import MAX_INPUT_BYTES

        self.left, self.limit, self.path = MAX_INPUT_BYTES, MAX_INPUT_BYTES, path

    def take(self, text: Any) -> Any:
        self.left -= len(text) if isinstance(text, str | bytes) else 8
        if self.left < 0:
            self.refuse()
        return text

    def rows(self, cursor: sqlite3.Cursor, batch: int = 5000) -> list[tuple]:
        """Every row of ``cursor``, counted a batch at a time (one ``take`` per value was a third of opening a
        large file); refused as soon as the count passes the limit."""
        out: list[tuple] = []
        while chunk := cursor.fetchmany(batch):
            try:  # every value a text (what Afweging writes): their lengths, summed at C speed
                self.left -= sum(map(len, itertools.chain.from_iterable(chunk)))
            except TypeError:  # a number among them (a crafted or damaged file): counted one by one
                for row in chunk:
                    for v in row:
                        self.left -= len(v) if isinstance(v, str | bytes) else 8
            if self.left < 0:
                self.refuse()
            out += chunk
        return out

    def refuse(self) -> None:
        raise InputError(
            gettext("holds more than the {value:.0f} MB of evaluation data Afweging reads").format(
                value=self.limit / 1000000.0
            ),
            self.path,
        )


_scan = json.JSONDecoder().scan_once  # what json.loads runs, without its per-call checks (see _cell)


def _cell(alternative: Any, criterion: Any, text: Any) -> Any:
    """One assessments row as the evaluation's plain data: ``{"alternative": ..., "criterion": ..., **data}``,
    where an ``alternative`` or ``criterion`` key in the data wins. The data is read as ``json.loads`` reads
    it; the common case (a text holding exactly one JSON object, as Afweging writes it) is scanned directly,
    a third of opening a large file otherwise."""
    if type(text) is str:
        try:
            cell, end = _scan(text, 0)
        except (
            StopIteration,
            ValueError,
        ):  # not one JSON value at position 0: json.loads decides, and says why
            end = -1
        if end == len(text) and type(cell) is dict and "alternative" not in cell and "criterion" not in cell:
            cell["alternative"], cell["criterion"] = alternative, criterion
            return cell
    return {"alternative": alternative, "criterion": criterion, **json.loads(text)}


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading a large project makes a million objects that all stay: the cycle collector, which runs every few
    hundred new objects and now and then looks at all of them, would find nothing to free (a third of opening
    1 000 × 300). Paused while reading (objects that die are still freed at once); as it was afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_state(con: sqlite3.Connection, path: Path) -> Evaluation:
    """The evaluation the state tables hold, checked (``InputError`` naming ``path`` when it is not valid)."""
    with _collector_paused():
        return _read_state(con, path)


def _read_state(con: sqlite3.Connection, path: Path) -> Evaluation:
    data, rows = state_rows(con, path)
    ev = evaluation_from_rows(data, rows, str(path))  # the fast reading; None: read the scores as plain data
    return ev if ev is not None else evaluation_from_data(with_cells(data, rows), str(path))


def state_rows(con: sqlite3.Connection, path: Path) -> tuple[dict[str, Any], list[tuple]]:
    """What the state tables hold, within the budget: the evaluation's plain data without its scores, and the
    scores' rows ``(alternative, criterion, JSON text)`` as stored."""
    budget = _Budget(path)
    data: dict[str, Any] = {}
    for name, value in con.execute("SELECT name, value FROM settings"):
        if name in (*SETTINGS, *_TABLE_SETTINGS):
            data[name] = json.loads(budget.take(value))
    for table in ("areas", "criteria", "alternatives", "participants"):
        cursor = con.execute(f"SELECT data FROM {table} ORDER BY position")
        data[table] = [json.loads(budget.take(r[0])) for r in cursor]
    rows = budget.rows(con.execute("SELECT alternative, criterion, data FROM assessments"))
    weights: dict[str, dict[str, float]] = {}
    for participant, key, value in con.execute("SELECT participant, key, value FROM weights"):
        weights.setdefault(budget.take(participant), {})[budget.take(key)] = value
    data["weights"] = weights.pop(AGREED, {})
    data["participant_weights"] = weights
    return data, rows


def with_cells(data: dict[str, Any], rows: list[tuple]) -> dict[str, Any]:
    """``data`` with the scores of ``rows`` as the evaluation's plain data: a table per score, in the order of
    the alternatives and criteria (what the strict reading reads)."""
    alt_pos = {a["id"]: i for i, a in enumerate(data["alternatives"])}
    crit_pos = {c["id"]: i for i, c in enumerate(data["criteria"])}
    rows = sorted(rows, key=lambda r: (alt_pos.get(r[0], -1), crit_pos.get(r[1], -1)))
    return {**data, "assessments": [_cell(a, c, d) for a, c, d in rows]}
