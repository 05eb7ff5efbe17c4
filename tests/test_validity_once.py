"""Each score is checked once when a file is read, and what is refused is exactly what a strict reading refuses.

Opening a large project reads its scores as they stand and leaves every field to the one validity check
(``evaluator.invariants``), which passes a plain score at a glance (:func:`invariants.plainly_valid`) and looks
closer at anything else. These tests hold the fast reading to the strict one (every field read and checked on its
own): the same evaluation or the same message, for fuzzed evaluations, crafted project rows and odd scores.
"""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evaluator import invariants, serial
from evaluator.errors import InputError
from evaluator.i18n import gettext
from evaluator.model import Assessment, Criterion, Level, Scale
from evaluator.serial import evaluation_from_data, evaluation_to_data
from evaluator.store import Store
from tests.fuzz_support import FUZZ, mutated_tree
from tests.helpers import small_evaluation

ROOT = Path(__file__).resolve().parents[1]


def _outcome(read):  # noqa: ANN001, ANN202
    try:
        return ("read", read())
    except InputError as exc:
        return ("refused", exc.line())
    except Exception as exc:  # noqa: BLE001 - any other exception must be the same one too
        return ("raised", type(exc).__name__)


def _strict(data):  # noqa: ANN001, ANN202
    return invariants.require(serial._evaluation(data, "x.json", plain=False), "x.json")


def _scores_tree():  # noqa: ANN202
    """A small evaluation's plain data with scores of every shape: a range, texts, confidences."""
    data = evaluation_to_data(small_evaluation())
    data["assessments"][0].update(low=0, high=2, confidence="low", date="2026-01-01")
    data["assessments"][1].update(evidence=None, source=None)
    return data


@FUZZ
@given(data=mutated_tree(_scores_tree, max_ops=3))
def test_reading_a_fuzzed_evaluation_gives_what_the_strict_reading_gives(data):
    fast = _outcome(lambda: evaluation_from_data(json.loads(json.dumps(data)), "x.json"))
    assert fast == _outcome(lambda: _strict(json.loads(json.dumps(data))))


ODD = [0, 1, 2, 4, 5, 0.0, 2.5, 80, 400, 401, -1, True, False, math.nan, math.inf, -math.inf, 10**400, "high",
       "low", "", "x", None, [], {}, [1], {"a": 1}]  # fmt: skip
FIELDS = ["value", "low", "high", "evidence", "source", "date", "confidence", "extra"]
GOOD = {"value": 2, "low": 1, "high": 3, "evidence": "e", "source": "s", "date": "d", "confidence": "high"}
IDS = [("opendesk", "S2"), ("opendesk ", " S2"), ("ghost", "S2"), ("opendesk", "X9"), ("opendesk", "S1"),
       ("", "S2"), (7, "S2"), (None, "S2")]  # the cell's own, spaced, unknown, taken, empty, not text  # fmt: skip


def _cells(field: str) -> list[dict]:
    """A plain score (with a range and without) with ``field`` odd in every way, or gone."""
    cells = [{**GOOD, field: odd} for odd in ODD] + [{k: v for k, v in GOOD.items() if k != field}]
    return cells + [
        {k: v for k, v in c.items() if k not in ("low", "high")}
        for c in cells
        if field not in ("low", "high")
    ]


@pytest.mark.parametrize("field", FIELDS)
def test_a_score_with_an_odd_field_is_read_exactly_as_the_strict_reading_reads_it(field):
    data = evaluation_to_data(small_evaluation())
    assert (data["assessments"][4]["alternative"], data["assessments"][4]["criterion"]) == ("opendesk", "S2")
    accepted = 0
    for cell in _cells(field):
        for a_id, c_id in IDS:
            data["assessments"][4] = {"alternative": a_id, "criterion": c_id, **cell}
            fast = _outcome(lambda: evaluation_from_data(data, "x.json"))  # noqa: B023
            assert fast == _outcome(lambda: _strict(data)), (cell, a_id, c_id)  # noqa: B023
            accepted += fast[0] == "read"
    assert accepted  # some are read: the comparison is not of refusals alone


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ('{"value": "high"}', r"assessments\[0\]\.value: must be a number, found 'high'"),
        ('{"value": true}', r"assessments\[0\]\.value: must be a number, found True"),
        ('{"value": NaN}', r"assessments\[0\]\.value: must be a finite number"),
        ('{"value": 1, "evidence": 5}', r"assessments\[0\]\.evidence: must be str, found int 5"),
        ('{"value": 1, "confidence": "zeker"}', r"assessments\[0\]\.confidence: must be high, medium or low"),
        ('{"value": 1, "evidance": "x"}', r"assessments\[0\]\.evidance: unknown key"),
        ('{"value": 1, "low": 0}', r"assessments\[teams, S1\]: give both ends of the range"),
        ('{"value": 9}', r"assessments\[teams, S1\]: score 9 is not a level of this scale"),
        ('{"value": 1, "alternative": "ghost"}', r"assessments\[ghost, S1\]: unknown alternative 'ghost'"),
        ("[1]", "is damaged or not an Afweging project"),
        (' {"value": 1}\n', None),  # spaces around the JSON: read as json.loads reads it
        ('{"value": 1}{}', "is damaged or not an Afweging project"),  # more than one JSON value
        ('{"value": 1} x', "is damaged or not an Afweging project"),
        ('\ufeff{"value": 1}', "is damaged or not an Afweging project"),
    ],
)
def test_a_crafted_score_row_is_refused_naming_its_place(tmp_path, cell, words):
    path = tmp_path / "p.afweging"
    Store.create(path, small_evaluation()).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE assessments SET data = ? WHERE alternative = 'teams' AND criterion = 'S1'", (cell,))
    con.commit()
    con.close()
    if words is None:
        with Store.open(path, readonly=True) as store:
            assert store.evaluation.assessments[("teams", "S1")] == Assessment(1.0)
        return
    with pytest.raises(InputError, match=words) as info:
        Store.open(path, readonly=True)
    assert str(path) in info.value.line() and "\n" not in info.value.line()


def test_an_integer_beyond_any_float_is_refused_with_one_line_naming_the_file(tmp_path):
    data = evaluation_to_data(small_evaluation())
    data["assessments"][0]["value"] = 10**400
    data["weights"]["S"] = 10**400
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "evaluator", "rank", str(path), "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 2, run.stderr
    assert "internal error" not in run.stderr
    assert "assessments[0].value: must be a finite number" in run.stderr and str(path) in run.stderr


# -- the glance ----------------------------------------------------------------------------------------------------

LEVELS = tuple(Level(v, "l") for v in (1, 2.5, 4))
SCALES = [
    Scale("ordinal", levels=LEVELS),
    Scale("numeric", lower=0, upper=400),
    Scale("numeric"),  # bare: any finite number
    Scale("boolean"),
    Scale("ordinal", levels=(Level(1, "a"),)),  # invalid: one level
    Scale("numeric", lower=5, upper=1),  # invalid: upside down
    Scale("colour"),  # invalid kind
]
NUMBERS = st.one_of(
    st.none(),
    st.sampled_from([0, 1, 2.5, 4, 400, 401, -1, 0.0, -0.0, True, False, math.nan, math.inf, -math.inf, "1"]),
    st.floats(allow_nan=True),
    st.integers(-5, 500),
)
TEXTS = st.one_of(
    st.text(max_size=3), st.sampled_from(["high", "medium", "low", "", "zeker"]), st.none(), st.just(1)
)


class OddAssessment(Assessment):
    pass


@FUZZ
@given(
    scale=st.sampled_from(SCALES),
    make=st.sampled_from([Assessment, OddAssessment]),
    value=NUMBERS,
    low=st.one_of(st.none(), NUMBERS),
    high=st.one_of(st.none(), NUMBERS),
    evidence=TEXTS,
    date=TEXTS,
    confidence=TEXTS,
)
def test_a_glance_never_passes_a_score_a_close_look_refuses(scale, make, value, low, high, evidence, date,
                                                            confidence):  # fmt: skip
    crit = Criterion("K", "S", "k", scale)
    s = make(value, low, high, evidence=evidence, date=date, confidence=confidence)
    if invariants.plainly_valid(invariants.plain_score_rule(crit), s):
        assert invariants.assessment_problem(crit, s) is None


def test_a_glance_passes_the_plain_scores_of_a_file():
    ev = small_evaluation()
    crits = {c.id: c for c in ev.criteria}
    passed = [
        invariants.plainly_valid(invariants.plain_score_rule(crits[c]), s)
        for (_, c), s in ev.assessments.items()
    ]
    assert all(passed)  # else a large file is looked at closely, cell by cell, and opens slowly
    assert not invariants.plainly_valid(invariants.plain_score_rule(crits["S1"]), Assessment(9.0))
    assert not invariants.plainly_valid(invariants.plain_score_rule(crits["C1"]), Assessment(math.nan))


# -- the project file's rows ---------------------------------------------------------------------------------------
# Store.open reads the score rows the fast way (serial.evaluation_from_rows: each text parsed straight into its
# score, checked as it is read, placed by position); anything not plain falls back to the rows as plain data.
# Held here to the strict reading of the same rows: the same evaluation, in the same order, or the same message.

ODD_TEXTS = ['{"value":1}', ' {"value":1}', '{"value":1}{}', '{"value":1}x', "[1]", "null", "1", '"x"', "",
             '{"value":1,"value":"x"}', '{"value":"x","value":1}', '{"low":1,"high":0}', '{"low":0,"high":4}',
             '{"value":1e400}', '{"value":NaN}', '{"value":9}', '{"value":true}', '{"value":null}', "{}",
             '{"evidence":null,"value":2}', '{"confidence":"zeker","value":1}', '{"alternative":"teams"}',
             '{"criterion":"S1","value":1}', '{"value":1,"extra":1}', '{"value":1}\n', "[" * 3000, "\ufeff{}",
             '{"value":' + "9" * 400 + "}", '{"value":1,"low":1}', '{"date":5}', '{"value":2.5}']  # fmt: skip
ODD_IDS = ["teams", "opendesk", "nextcloud", "S1", "S2", "C1", " teams", "S1 ", "ghost", "", "X9"]


def _strict_rows(path: Path):  # noqa: ANN202
    """The strict reading of a project's state: every score read and checked on its own, in position order."""
    from evaluator import state_tables

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        data, rows = state_tables.state_rows(con, path)
    finally:
        con.close()
    try:
        data = state_tables.with_cells(data, rows)
        return invariants.require(serial._evaluation(data, str(path), plain=False), str(path))
    except (ValueError, KeyError, TypeError, RecursionError) as exc:  # as Store.open says it
        if isinstance(exc, InputError):
            raise
        raise InputError(
            gettext("is damaged or not an Afweging project ({exc})").format(exc=exc), path
        ) from None


def _opened(path: Path):  # noqa: ANN202
    with Store.open(path, readonly=True) as store:
        return store.evaluation


def _in_order(outcome):  # noqa: ANN001, ANN202
    kind, ev = outcome  # the scores in their order, each with its fields' types (a float, not an int)
    return (kind, [(k, repr(s)) for k, s in ev.assessments.items()]) if kind == "read" else outcome


@FUZZ
@given(data=st.data())
def test_opening_fuzzed_score_rows_gives_what_the_strict_reading_gives(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("rows") / "p.afweging"
    ev = small_evaluation()
    tree = evaluation_to_data(ev)
    tree["assessments"][0].update(low=0, high=2, confidence="low")  # a range: looked at closely, still valid
    Store.create(path, serial.evaluation_from_data(tree)).close()
    con = sqlite3.connect(path, isolation_level=None)
    cells = con.execute("SELECT rowid FROM assessments").fetchall()
    for _ in range(data.draw(st.integers(1, 4))):
        rowid = data.draw(st.sampled_from(cells))[0]
        op = data.draw(st.sampled_from(["text", "tree", "alternative", "criterion", "last", "delete", "ids"]))
        with contextlib.suppress(sqlite3.IntegrityError):  # (a pair that is already there)
            if op == "text":
                text = data.draw(
                    st.one_of(
                        st.sampled_from(ODD_TEXTS), st.integers(-(2**63), 2**63 - 1), st.binary(max_size=4)
                    )
                )
                con.execute("UPDATE assessments SET data = ? WHERE rowid = ?", (text, rowid))
            elif op == "tree":  # a row that still holds a JSON text, its tree mutated
                old = con.execute("SELECT data FROM assessments WHERE rowid = ?", (rowid,)).fetchone()
                try:
                    tree = json.loads(old[0])
                except (TypeError, ValueError):
                    tree = None
                if tree is not None:
                    new = data.draw(mutated_tree(lambda t=tree: json.loads(json.dumps(t)), max_ops=2))
                    con.execute("UPDATE assessments SET data = ? WHERE rowid = ?", (json.dumps(new), rowid))
            elif op in ("alternative", "criterion"):
                con.execute(f"UPDATE assessments SET {op} = ? WHERE rowid = ?",
                            (data.draw(st.sampled_from(ODD_IDS)), rowid))  # fmt: skip
            elif op == "last":  # rows no longer in the order they were written
                con.execute("UPDATE assessments SET rowid = (SELECT max(rowid) + 1 FROM assessments) WHERE rowid = ?",
                            (rowid,))  # fmt: skip
            elif op == "delete":
                con.execute("DELETE FROM assessments WHERE rowid = ?", (rowid,))
            else:  # an alternative's or criterion's own id spaced, or its place taken by another
                table = data.draw(st.sampled_from(["alternatives", "criteria"]))
                row = con.execute(f"SELECT id, data FROM {table} ORDER BY random() LIMIT 1").fetchone()
                item = json.loads(row[1])
                item["id"] = data.draw(st.sampled_from([f" {item['id']}", "teams", "S1", "ghost"]))
                con.execute(f"UPDATE {table} SET data = ?, position = ? WHERE id = ?",
                            (json.dumps(item), data.draw(st.integers(0, 3)), row[0]))  # fmt: skip
    con.close()
    fast = _in_order(_outcome(lambda: _opened(path)))
    assert fast == _in_order(_outcome(lambda: _strict_rows(path)))


def test_a_plain_project_and_one_with_every_kind_of_score_are_read_the_fast_way(tmp_path):
    """Else opening a large project falls back to the plain-data reading and takes twice as long."""
    from evaluator import state_tables

    tree = _scores_tree()
    tree["assessments"][2].update(value=None)
    for n, ev in enumerate([small_evaluation(), serial.evaluation_from_data(tree)]):
        path = tmp_path / f"p{n}.afweging"
        Store.create(path, ev).close()
        con = sqlite3.connect(path)
        data, rows = state_tables.state_rows(con, path)
        con.close()
        fast = serial.evaluation_from_rows(data, rows, str(path))
        assert fast is not None and list(fast.assessments.items()) == list(ev.assessments.items())


@pytest.mark.parametrize(
    "craft",
    [
        "UPDATE alternatives SET data = json_set(data, '$.id', ' opendesk') WHERE id = 'opendesk'",
        "UPDATE criteria SET data = json_set(data, '$.id', 'S2 ') WHERE id = 'S2'",
        "UPDATE assessments SET rowid = 100 WHERE alternative = 'teams' AND criterion = 'S1'",
        "DELETE FROM assessments WHERE alternative = 'opendesk' AND criterion = 'C1'",
        "UPDATE alternatives SET position = 0",
    ],
)
def test_opening_crafted_rows_gives_the_scores_in_the_order_the_strict_reading_gives(tmp_path, craft):
    path = tmp_path / "p.afweging"
    Store.create(path, small_evaluation()).close()
    con = sqlite3.connect(path)
    con.execute(craft)
    con.commit()
    con.close()
    fast = _in_order(_outcome(lambda: _opened(path)))
    assert fast[0] == "read" and fast == _in_order(_outcome(lambda: _strict_rows(path)))
