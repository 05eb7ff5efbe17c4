"""``afweging apply`` and ``afweging log``: scriptable changes through the one change path, and the audit trail."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator.store import Store
from tests.helpers import small_evaluation


def _cli(*args: str, user: str = "scripter") -> subprocess.CompletedProcess:
    env = {**os.environ, "AFWEGING_USER": user}
    p = subprocess.run([sys.executable, "-m", "evaluator", *args], capture_output=True, text=True, env=env)
    assert "Traceback" not in p.stderr
    return p


@pytest.fixture
def project(tmp_path) -> Path:
    path = tmp_path / "p.afweging"
    Store.create(path, small_evaluation()).close()
    return path


def _write(tmp_path: Path, data) -> Path:
    p = tmp_path / "changes.json"
    p.write_text(json.dumps(data), "utf-8")
    return p


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_apply_takes_the_audit_trails_own_form_all_as_one_entry(project, tmp_path):
    changes = [
        {"type": "set_assessment", "alternative": "teams", "criterion": "S1",
         "assessment": {"value": 2, "low": 1, "high": 3, "evidence": "Microsoft EU Data Boundary, 2025"}},
        {"type": "set_setting", "name": "robustness.seed", "value": 7},
        {"type": "set_weights", "weights": {"S": 70}},
    ]  # fmt: skip
    p = _cli("apply", str(project), str(_write(tmp_path, changes)), "--reason", "review 2026-11")
    assert p.returncode == 0, p.stderr
    assert "3 changes as one entry" in p.stdout
    with Store.open(project, readonly=True) as st:
        ev = st.evaluation
        assert ev.assessment("teams", "S1").low == 1 and ev.robustness["seed"] == 7 and ev.weights["S"] == 70
        assert st.audit_count() == 2
    log = json.loads(_cli("log", str(project), "--format", "json").stdout)
    assert [e["seq"] for e in log] == [1, 2]
    last = log[-1]
    assert (last["user"], last["reason"]) == ("scripter", "review 2026-11")
    assert last["change"]["type"] == "batch" and last["change"]["changes"][0]["assessment"]["low"] == 1
    assert set(last) == {"seq", "time", "user", "reason", "label", "change"}
    assert log[0]["change"] is None  # the entry that created the file


def test_what_log_prints_can_be_applied_again(project, tmp_path):
    one = [{"type": "set_setting", "name": "title", "value": "Nieuwe titel"}]
    assert _cli("apply", str(project), str(_write(tmp_path, one))).returncode == 0
    logged = json.loads(_cli("log", str(project), "--format", "json").stdout)[-1]["change"]
    other = tmp_path / "q.afweging"
    Store.create(other, small_evaluation()).close()
    assert _cli("apply", str(other), str(_write(tmp_path, [logged]))).returncode == 0
    with Store.open(other, readonly=True) as st:
        assert st.evaluation.title == "Nieuwe titel"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ([{"type": "set_setting", "name": "title", "value": "ok"},
          {"type": "set_assessment", "alternative": "teams", "criterion": "S1",
           "assessment": {"value": 2, "low": 3, "high": 1}}], "changes.json: [1]: this change does not fit: "),
        ([{"type": "set_assessment", "alternative": "teams", "criterion": "S1", "assessment": {"value": 2, "low": 1}}],
         "both ends of the range"),
        ([{"type": "set_method_params", "params": {"vikor_v": 0.3}}], "unknown method parameter 'vikor_v'"),
        ([{"type": "set_setting", "name": "method", "value": "spotis"}], "unknown method 'spotis'"),
        ([{"type": "set_weights", "weights": {"S": "veel"}}], "[0].weights.S: must be a number"),
        ([{"type": "remove_alternative", "alternative": "ghost"}], "no alternative with id 'ghost'"),
        ([{"type": "teleport"}], "[0].type: unknown change type 'teleport'"),
        ([{"type": "set_setting", "name": "title", "value": "x", "colour": 1}], None),
        ({"changes": []}, "expected a JSON list of changes"),
        ([], "the list of changes is empty"),
    ],
)  # fmt: skip
def test_a_change_that_does_not_fit_exits_2_naming_the_index_and_leaves_the_file_as_it_was(
    project, tmp_path, changes, words
):
    before = _digest(project)
    p = _cli("apply", str(project), str(_write(tmp_path, changes)))
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "changes.json" in lines[0]
    if words:
        assert words in lines[0]
    assert _digest(project) == before
    assert not Path(f"{project}-journal").exists()


def test_apply_and_log_refuse_what_is_not_a_project(tmp_path):
    csv = tmp_path / "m.csv"
    csv.write_text("alternative,c1\na,1\nb,2\n", "utf-8")
    changes = _write(tmp_path, [{"type": "set_setting", "name": "title", "value": "x"}])
    for args in (("apply", str(csv), str(changes)), ("log", str(csv))):
        p = _cli(*args)
        assert p.returncode == 2 and ".afweging" in p.stderr


def test_log_table_in_dutch(project, tmp_path):
    _cli(
        "apply", str(project), str(_write(tmp_path, [{"type": "set_setting", "name": "title", "value": "T"}]))
    )
    out = _cli("log", str(project), "--lang", "nl").stdout
    assert "wijziging" in out and "Titel → T" in out
