"""The command-line contract of DESIGN.md: verbs, JSON shapes, and exit codes with one clear line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from evaluator.cli import main
from evaluator.io import write_any
from tests.helpers import small_evaluation
from tests.test_io import AIR_CSV


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def air(tmp_path):
    p = tmp_path / "air.csv"
    p.write_text(AIR_CSV)
    return p


def test_rank_json_contract(capsys, air):
    code, out, err = run(capsys, "rank", str(air), "--method", "topsis", "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["method"] == "topsis"
    assert [a["name"] for a in data["alternatives"]] == ["A1", "A2", "A3", "A4"]  # input order
    assert [a["rank"] for a in data["alternatives"]] == [1, 4, 2, 3]
    assert [round(a["score"], 3) for a in data["alternatives"]] == [0.643, 0.268, 0.614, 0.312]


def test_rank_table_and_csv(capsys, air):
    code, out, _ = run(capsys, "rank", str(air), "--method", "wsm")
    assert code == 0 and "A3" in out.splitlines()[3]  # header, rule, then rank 1 first
    code, out, _ = run(capsys, "rank", str(air), "--format", "csv")
    assert out.splitlines()[0] == "name,rank,score" and len(out.splitlines()) == 5


def test_rank_reports_knocked_out_alternatives_with_the_reason(capsys, tmp_path):
    from dataclasses import replace

    from evaluator.changes import apply_change, set_score

    ev = small_evaluation()
    ev, _ = apply_change(ev, set_score(ev, "teams", "S2", 0))  # below S2's minimum of 1
    p = tmp_path / "e.json"
    write_any(replace(ev), p)
    code, out, _ = run(capsys, "rank", str(p), "--format", "json")
    data = json.loads(out)
    assert [a["name"] for a in data["alternatives"]] == ["openDesk", "Nextcloud Hub"]
    assert data["excluded"][0]["name"] == "Microsoft Teams"
    assert "below the minimum" in data["excluded"][0]["reasons"][0]
    code, out, _ = run(capsys, "rank", str(p), "--lang", "nl")
    assert "Uitgesloten" in out and "onder het minimum" in out


def test_methods_lists_each_with_one_line(capsys):
    code, out, _ = run(capsys, "methods")
    lines = out.splitlines()
    assert code == 0
    for m in ("wsm", "wpm", "topsis", "vikor", "electre1"):
        assert sum(line.startswith(m + " ") for line in lines) == 1


def test_new_import_export_round(capsys, tmp_path, air):
    proj = tmp_path / "p.afweging"
    assert run(capsys, "import", str(air), "--out", str(proj))[0] == 0
    code, _, err = run(capsys, "import", str(air), "--out", str(proj))
    assert code == 2 and "already exists" in err
    out_json = tmp_path / "p.json"
    assert run(capsys, "export", str(proj), "--out", str(out_json))[0] == 0
    code, out, _ = run(capsys, "rank", str(out_json), "--method", "topsis", "--format", "json")
    assert json.loads(out)["alternatives"][0]["rank"] == 1


def test_new_from_catalogue_and_sample(capsys, tmp_path):
    from evaluator.sample import sample_path

    if not sample_path().exists():
        pytest.skip("sample not bundled yet")
    code, out, _ = run(capsys, "new", str(tmp_path / "leeg.afweging"))
    assert code == 0 and "0 alternatives" in out
    code, out, _ = run(capsys, "new", str(tmp_path / "s.afweging"), "--sample")
    assert code == 0
    code, out, _ = run(capsys, "rank", str(tmp_path / "s.afweging"), "--format", "json")
    assert code == 0 and len(json.loads(out)["alternatives"]) >= 10


@pytest.mark.parametrize(
    "argv, message",
    [
        (["rank", "{tmp}/missing.csv"], "missing.csv: no such file"),
        (["rank", "{air}", "--method", "magic"], "unknown method 'magic'"),
        (["rank", "{air}", "--format", "xml"], "invalid choice"),
        (["import", "{air}", "--out", "{tmp}/x.txt"], "must be a project file ending in .afweging"),
        (["new", "{tmp}/x.csv"], "must end in .afweging"),
        (["export", "{air}", "--out", "{tmp}/x.pdf"], "unknown file type '.pdf'"),
        (["frobnicate", "x"], "unknown verb"),
        (["new", "{tmp}/x.afweging", "--catalogue", "nonexistent"], "unknown catalogue 'nonexistent'"),
    ],
)
def test_unusable_input_exits_2_with_one_line_and_no_traceback(capsys, tmp_path, air, argv, message):
    argv = [a.format(tmp=tmp_path, air=air) for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if line.startswith("afweging:")] == [err.splitlines()[-1]]


def test_failed_import_leaves_no_project_behind(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("alternative,a\nX,hoog\n")
    code, _, err = run(capsys, "import", str(bad), "--out", str(tmp_path / "p.afweging"))
    assert code == 2 and "row 2, column 2" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_console_script_runs_as_a_process(air):
    proc = subprocess.run(
        [sys.executable, "-m", "evaluator", "rank", str(air), "--method", "vikor", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["method"] == "vikor"
