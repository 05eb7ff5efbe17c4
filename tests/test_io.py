"""Readers and writers: round trips, the canonical JSON, and bad input named by file, place and problem."""

from __future__ import annotations

import json

import numpy as np
import openpyxl
import pytest

from evaluator.errors import InputError
from evaluator.io import read_any, write_any
from evaluator.io.canonical import evaluation_json, sha256
from evaluator.methods import rank
from evaluator.problem import build_problem
from evaluator.serial import evaluation_to_data
from tests.helpers import small_evaluation

AIR_CSV = """alternative,max speed,range,payload,cost,reliability,maneuverability
objective,max,max,max,min,max,max
weight,0.2,0.1,0.1,0.1,0.2,0.3
A1,2.0,1500,20000,5.5,5,9
A2,2.5,2700,18000,6.5,3,5
A3,1.8,2000,21000,4.5,7,7
A4,2.2,1800,20000,5.0,5,5
"""


@pytest.fixture
def air(tmp_path):
    p = tmp_path / "air.csv"
    p.write_text(AIR_CSV)
    return p


def _ranking(ev, method="topsis"):
    r = rank(build_problem(ev), method)
    return list(r.names), np.round(r.scores, 10).tolist()


@pytest.mark.parametrize("ext", [".json", ".afweging", ".dmsy", ".csv", ".xlsx", ".yaml"])
def test_bare_matrix_round_trips_through_every_format(tmp_path, air, ext):
    ev = read_any(air)
    out = tmp_path / f"copy{ext}"
    write_any(ev, out)
    back = read_any(out)
    assert _ranking(back) == _ranking(ev)
    assert [a.name for a in back.alternatives] == ["A1", "A2", "A3", "A4"]
    assert [c.scale.direction for c in back.criteria].count("cost") == 1


@pytest.mark.parametrize("ext", [".json", ".afweging"])
def test_scaled_evaluation_round_trips_losslessly(tmp_path, ext):
    ev = small_evaluation()
    out = tmp_path / f"e{ext}"
    write_any(ev, out)
    assert evaluation_to_data(read_any(out)) == evaluation_to_data(ev)


def test_dmsy_written_is_read_by_scikit_criteria_and_vice_versa(tmp_path, air):
    import skcriteria as skc
    from skcriteria.io.dmsy import read_dmsy, to_dmsy

    ev = read_any(air)
    ours = tmp_path / "ours.dmsy"
    write_any(ev, ours)
    dm = read_dmsy(str(ours))
    assert dm.matrix.shape == (4, 6)
    assert list(dm.objectives.values).count(-1) == 1 or "min" in str(dm.objectives.values).lower()
    theirs = tmp_path / "theirs.dmsy"
    to_dmsy(skc.mkdm([[1, 2], [3, 4]], objectives=[1, -1], weights=[0.4, 0.6], alternatives=["x", "y"],
                     criteria=["sov", "cost"]), str(theirs))  # fmt: skip
    back = read_any(theirs)
    assert [a.name for a in back.alternatives] == ["x", "y"]
    assert back.weights["sov"] == pytest.approx(0.4)


def test_canonical_json_is_stable_and_identifies_the_data():
    a = evaluation_json(small_evaluation())
    b = evaluation_json(small_evaluation())
    assert a == b and sha256(a) == sha256(b)
    data = json.loads(a)
    assert list(data) == sorted(data)
    from evaluator.io.canonical import canonical_bytes

    assert canonical_bytes(data) == a  # a fixed point: re-serialising the parsed JSON gives the same bytes
    assert b'": ' not in a  # compact separators


def test_dutch_spreadsheet_csv_with_semicolons_and_decimal_commas(tmp_path):
    p = tmp_path / "nl.csv"
    p.write_text(
        "alternatief;soevereiniteit;kosten\ndoel;max;min\ngewicht;0,4;0,6\nTeams;1,5;36\nopenDesk;3,5;12\n"
    )
    ev = read_any(p)
    assert [a.name for a in ev.alternatives] == ["Teams", "openDesk"]
    assert ev.assessment("teams", "soevereiniteit").value == 1.5
    assert ev.criteria[1].scale.direction == "cost"


BAD_CSV = [
    ("alternative,a,b\nX,1\n", "row 2, column 3: is empty"),
    ("alternative,a,b\nX,1,2,3\n", "row 2, column 4: has 4 cells"),
    ("alternative,a,b\nX,1,hoog\n", "row 2, column 3: 'hoog' is not a number"),
    ("alternative,a,b\nX,1,nan\n", "row 2, column 3: nan is not a finite number"),
    ("alternative,a,b\nX,1,inf\n", "not a finite number"),
    ("alternative,a,a\nX,1,2\n", "row 1, column 3: duplicate criterion name 'a'"),
    ("alternative,a,b\nX,1,2\nX,3,4\n", "row 3, column 1: duplicate alternative name 'X'"),
    ("alternative,a,b\nweight,-1,2\nX,1,2\n", "negative"),
    ("alternative,a,b\nweight,0,0\nX,1,2\n", "all weights are zero"),
    ("alternative,a,b\nobjective,max,sideways\nX,1,2\n", "row 2, column 3: objective 'sideways'"),
    ("", "is empty"),
    ("alternative,a,b\n", "no alternatives"),
]


@pytest.mark.parametrize("text, message", BAD_CSV)
def test_bad_csv_names_file_place_and_problem(tmp_path, text, message):
    p = tmp_path / "bad.csv"
    p.write_text(text)
    with pytest.raises(InputError) as exc:
        read_any(p)
    assert message in str(exc.value)
    assert str(p) in str(exc.value)


BAD_DMSY = [
    ("data: {matrix: [[1, 2], [3]]}", "data.matrix[1]: has 1 values, expected 2"),
    ("data: {matrix: [[1, x]]}", "data.matrix[0][1]: 'x' is not a number"),
    ("data: {matrix: [[1, .nan]]}", "not a finite number"),
    ("data: {matrix: [[1, 2]], objectives: [1, 0]}", "data.objectives[1]"),
    ("data: {matrix: [[1, 2]], weights: [1]}", "data.weights: has 1 entries, expected 2"),
    ("data: {matrix: [[1, 2]], weights: [-1, 1]}", "negative"),
    ("data: {matrix: [[1, 2], [3, 4]], alternatives: [a, a]}", "duplicate alternative name"),
    ("data: [1, 2", "not valid YAML"),
    ("a: &x [1]\nb: *x\n", "aliases"),
    ("just text", "no 'data' section"),
    ("dmsy: {dm_type: continuous}\ndata: {matrix: [[1]]}", "dm_type"),
]


@pytest.mark.parametrize("text, message", BAD_DMSY)
def test_bad_dmsy_names_the_key(tmp_path, text, message):
    p = tmp_path / "bad.dmsy"
    p.write_text(text)
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        read_any(p)


def test_bad_xlsx_names_the_cell(tmp_path):
    p = tmp_path / "bad.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Blad1"
    for row in (["alternative", "a", "b"], ["X", 1, "veel"]):
        ws.append(row)
    wb.save(p)
    with pytest.raises(InputError, match=r"sheet 'Blad1', cell C2: 'veel' is not a number"):
        read_any(p)


def test_not_a_workbook(tmp_path):
    p = tmp_path / "fake.xlsx"
    p.write_text("no zip here")
    with pytest.raises(InputError, match="not a readable XLSX workbook"):
        read_any(p)


@pytest.mark.parametrize(
    "text, message",
    [
        ("{", "line 1, column 2"),
        ('{"title": NaN}', "NaN is not allowed"),
        ('{"format": "other"}', "format: is 'other'"),
        ('{"version": 99}', "newer than this Afweging"),
        ('{"alternatives": [{"id": "a"}]}', r"alternatives\[0\]\.name: is missing"),
        (
            '{"areas": [{"id": "A", "name": "x"}], "criteria": [{"id": "c", "area": "B", "name": "n", '
            '"scale": {"kind": "boolean"}}]}',
            r"criteria\[0\]\.area: unknown area 'B'",
        ),  # fmt: skip
    ],
)
def test_bad_json_names_the_place(tmp_path, text, message):
    p = tmp_path / "bad.json"
    p.write_text(text)
    with pytest.raises(InputError, match=message):
        read_any(p)


def test_unknown_extension_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="unknown file type '.docx'"):
        read_any(tmp_path / "memo.docx")
    with pytest.raises(InputError, match="no such file"):
        read_any(tmp_path / "nope.csv")


def test_failed_write_leaves_nothing_behind(tmp_path):
    ev = small_evaluation()
    from dataclasses import replace

    from evaluator.model import frozen_map

    unscored = replace(ev, assessments=frozen_map({}))
    with pytest.raises(InputError, match="no score"):
        write_any(unscored, tmp_path / "m.csv")
    assert list(tmp_path.iterdir()) == []
