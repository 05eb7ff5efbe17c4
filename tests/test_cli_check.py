"""``afweging check FILE``: the JSON contract, both languages, and advice that never blocks (exit 0)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from evaluator.modelcheck import KINDS
from evaluator.sample import sample_path
from tests.helpers import OLD_SAMPLE

ROOT = Path(__file__).resolve().parents[1]


def afweging(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "evaluator", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_check_on_the_old_sample_prints_the_json_contract_and_reports_the_redundancy():
    """Issue 12: `afweging check` on the catalogue-1.0 sample reports the redundancy the review measured."""
    proc = afweging("check", str(OLD_SAMPLE), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert findings
    for f in findings:
        assert {"kind", "severity", "criteria", "alternatives", "value", "text"} <= set(f)
        assert f["kind"] in KINDS and f["severity"] in ("info", "warning")
        assert isinstance(f["criteria"], list) and isinstance(f["alternatives"], list)
        assert f["value"] is None or isinstance(f["value"], float)
        assert f["text"] and "{" not in f["text"]
    pairs = {tuple(f["criteria"]): f["value"] for f in findings if f["kind"] == "correlated_criteria"}
    assert {("A1", "A2"), ("A2", "A5"), ("A5", "B1")} <= set(pairs)
    (dim,) = [f for f in findings if f["kind"] == "one_dimension"]
    assert round(dim["value"], 2) == 0.71
    assert "71 %" in dim["text"]


def test_check_speaks_dutch_and_english():
    nl = json.loads(afweging("check", str(OLD_SAMPLE), "--format", "json", "--lang", "nl").stdout)["findings"]
    en = json.loads(afweging("check", str(OLD_SAMPLE), "--format", "json", "--lang", "en").stdout)["findings"]
    assert [f["kind"] for f in nl] == [f["kind"] for f in en]
    assert all(a["text"] != b["text"] for a, b in zip(nl, en, strict=True))
    assert any("ordenen de alternatieven vrijwel gelijk (ρ = 0,95)" in f["text"] for f in nl)
    assert any("rank the alternatives almost identically (ρ = 0.95)" in f["text"] for f in en)


def test_check_table_is_advice_with_exit_zero():
    proc = afweging("check", str(sample_path()), "--lang", "nl")
    assert proc.returncode == 0 and proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("Modelcontrole: ") and "waarschuwing" in lines[0]
    assert any(line.startswith("waarschuwing  ") for line in lines[1:])


def test_check_on_unusable_input_exits_2_with_one_line(tmp_path: Path):
    bad = tmp_path / "broken.afweging"
    bad.write_bytes(b"not a database")
    for path in (bad, tmp_path / "missing.afweging"):
        proc = afweging("check", str(path), "--format", "json")
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
        assert path.name in proc.stderr


def test_check_of_a_model_without_findings_says_so(tmp_path: Path):
    from dataclasses import replace

    from evaluator.io import write_any
    from evaluator.model import Assessment, frozen_map
    from tests.helpers import small_evaluation

    ev = small_evaluation()
    cheap = {**ev.assessments, ("teams", "C1"): Assessment(50.0)}  # now Teams is the cheapest: none dominated
    path = tmp_path / "small.json"
    write_any(replace(ev, assessments=frozen_map(cheap)), path)  # 3 alternatives: too few for correlations
    proc = afweging("check", str(path), "--lang", "en")
    assert proc.returncode == 0
    assert proc.stdout.splitlines() == [
        "Model check: 0 warning(s), 0 note(s).",
        "The model check found nothing to remark on.",
    ]


def test_check_with_agreement_renders_the_cores_findings_in_either_language():
    """`check --agreement` adds the method agreement and rank-reversal findings (the Robustness page's), in the
    check's own JSON form, each sentence rendered from the catalogue."""
    from evaluator.agreement import KINDS as AGREEMENT_KINDS
    from evaluator.agreement import method_agreement, rank_reversal
    from evaluator.methods.fast import FAST_METHODS
    from evaluator.text import render
    from tests.helpers import load_old_sample

    out = {}
    for lang in ("nl", "en"):
        proc = afweging("check", str(OLD_SAMPLE), "--agreement", "--format", "json", "--lang", lang)
        assert proc.returncode == 0, proc.stderr
        out[lang] = [f for f in json.loads(proc.stdout)["findings"] if f["kind"] not in KINDS]
    ev = load_old_sample()
    core = method_agreement(ev, FAST_METHODS).findings() + list(rank_reversal(ev, ev.method).findings)
    assert [f["kind"] for f in out["en"]] == [f.kind for f in core]
    assert {f.kind for f in core} <= set(AGREEMENT_KINDS)
    for lang in ("nl", "en"):
        assert [f["text"] for f in out[lang]] == [render(f, ev, lang) for f in core]
        assert [f["alternatives"] for f in out[lang]] == [list(f.alternatives) for f in core]
    assert out["nl"][0]["text"] != out["en"][0]["text"]
    table = afweging("check", str(OLD_SAMPLE), "--agreement", "--lang", "en").stdout
    assert "\nMethod agreement\n" in table and "\nRank reversal checks (Weighted sum (WSM))\n" in table
