"""The memo's content: decision JSON, pages in both languages, embedded fonts, attachment, no file on failure."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from evaluator.errors import InputError
from evaluator.io.canonical import canonical_bytes, sha256
from evaluator.report.decision import (
    check_recomputation,
    compute_results,
    decision_data,
    differences,
    robustness_data,
)
from evaluator.report.export import export_memo, render_memo
from evaluator.serial import evaluation_from_data
from tests.report_data import memo_evaluation

SAMPLES = 2000


@pytest.fixture(scope="module")
def memo_nl() -> bytes:
    return render_memo(memo_evaluation(), "nl", samples=SAMPLES).pdf


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_results_rank_the_included_and_explain_the_knocked_out():
    res = compute_results(memo_evaluation())
    assert res["method"] == "wsm"
    ranked = {r["id"] for r in res["ranking"]}
    assert "teams" not in ranked  # jurisdiction 1 is below the minimum 2
    (teams,) = res["excluded"]
    assert teams["id"] == "teams"
    assert teams["reasons"] == [{"criterion": "A1", "kind": "below_minimum", "score": 1.0, "minimum": 2.0}]
    assert [r["rank"] for r in sorted(res["ranking"], key=lambda r: r["rank"])][0] == 1
    assert "topsis" in res["other_methods"]


def test_decision_json_round_trips_and_recomputes_to_the_same_results():
    ev = memo_evaluation()
    data = decision_data(ev, samples=500, seed=7, generated="2024-06-01T10:00:00+00:00")
    raw = canonical_bytes(data)
    back = json.loads(raw)
    assert evaluation_from_data(back["evaluation"]) == ev
    assert check_recomputation(back) == []
    assert (back["schema"], back["robustness"]["seed"], back["robustness"]["samples"]) == (2, 7, 500)
    assert back["robustness"] == json.loads(canonical_bytes(robustness_data(ev, samples=500, seed=7)))


def test_differences_names_a_changed_rank():
    res = compute_results(memo_evaluation())
    changed = json.loads(json.dumps(res))
    changed["ranking"][0]["rank"] += 1
    diffs = differences(changed, res)
    assert diffs and diffs[0].startswith("results.ranking[0].rank")


def test_memo_states_recommendation_knockout_and_hash_in_dutch(memo_nl):
    text = _text(memo_nl)
    assert "BESLISNOTITIE" in text
    assert "De analyse adviseert openDesk" in text
    assert "Microsoft Teams" in text and "onder het minimum" in text
    assert "Bijlage A. Onderbouwing per score" in text
    assert "Continuïteit en kosten" in text and "€" in text and "Zoë Meet" in text
    attached = _attachment(memo_nl)
    digest = sha256(attached)
    assert digest[:32] in text.replace("\n", "")


def test_memo_in_english_has_english_fixed_texts():
    text = _text(render_memo(memo_evaluation(), "en", samples=0).pdf)
    assert "DECISION MEMO" in text and "The analysis recommends openDesk" in text
    assert "Annex B. Audit trail and integrity" in text
    assert "Sensitivity was not computed" in text
    assert "BESLISNOTITIE" not in text


def test_every_page_has_a_footer_with_its_number(memo_nl):
    reader = PdfReader(io.BytesIO(memo_nl))
    n = len(reader.pages)
    assert n >= 4
    for i, page in enumerate(reader.pages, start=1):
        assert f"Pagina {i} van {n}" in page.extract_text()


def test_fonts_are_embedded(tmp_path, memo_nl):
    path = tmp_path / "m.pdf"
    path.write_bytes(memo_nl)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        cols = row.split()
        assert "DejaVu" in cols[0]
        emb = cols[-5]
        assert emb == "yes", row


def test_charts_are_vector_not_images(memo_nl):
    reader = PdfReader(io.BytesIO(memo_nl))
    assert all(not page.images for page in reader.pages)


def test_evidence_table_repeats_its_header_on_every_page(tmp_path):
    ev = memo_evaluation()
    from dataclasses import replace

    long = {k: replace(s, evidence=s.evidence * 6) for k, s in ev.assessments.items()}
    ev = replace(ev, assessments=long)
    pdf = render_memo(ev, "en", samples=0).pdf
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    annex = [i for i, p in enumerate(pages) if "Annex A" in p][0]
    following = [p for p in pages[annex + 1 :] if "Evidence and source" in p or "Annex B" in p]
    assert len(following) >= 2
    for p in pages[annex:]:
        if "Annex B" in p and "Evidence and source" not in p:
            break
        assert "Criterion" in p and "Evidence and source" in p


def test_attachment_is_the_canonical_decision_json(memo_nl):
    raw = _attachment(memo_nl)
    data = json.loads(raw)
    assert canonical_bytes(data) == raw
    assert data["format"] == "afweging-decision"
    assert data["evaluation"]["title"] == "Samenwerkingsplatform voor het Rijk"
    assert data["results"]["ranking"]


def test_export_refuses_a_non_pdf_name_and_leaves_nothing(tmp_path):
    with pytest.raises(InputError, match="ending in .pdf"):
        export_memo(memo_evaluation(), tmp_path / "memo.docx", samples=0)
    assert list(tmp_path.iterdir()) == []


def test_export_writes_atomically(tmp_path):
    res = export_memo(memo_evaluation(), tmp_path / "memo.pdf", samples=0)
    assert res.path == tmp_path / "memo.pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.pdf"]
    assert (tmp_path / "memo.pdf").read_bytes().startswith(b"%PDF-")


def test_report_verb_writes_an_unsigned_memo(tmp_path):
    from evaluator.io import write_any

    src = tmp_path / "ev.json"
    write_any(memo_evaluation(), src)
    out = tmp_path / "memo.pdf"
    p = _cli("report", str(src), "--out", str(out), "--lang", "en", "--samples", "0", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "not signed" in p.stdout
    assert out.exists()
    again = _cli("report", str(src), "--out", str(out), "--samples", "0", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1


def test_report_from_a_store_includes_the_audit_trail(tmp_path):
    from evaluator.changes import SetSetting
    from evaluator.store import Store

    path = tmp_path / "e.afweging"
    with Store.create(path, memo_evaluation()) as st:
        st.apply(SetSetting("decision", "Besloten: pilot met openDesk."), user="joel", reason="workshop 3")
    out = tmp_path / "memo.pdf"
    p = _cli("report", str(path), "--out", str(out), "--samples", "0", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    text = _text(out.read_bytes())
    assert "Besloten: pilot met openDesk." in text
    assert "workshop 3" in text and "joel" in text
    assert json.loads(_attachment(out.read_bytes()))["audit"]["changes"] >= 1


def _attachment(pdf: bytes) -> bytes:
    reader = PdfReader(io.BytesIO(pdf))
    files = reader.attachments
    assert list(files) == ["decision.json"]
    return files["decision.json"][0]


def _cli(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    e = {**os.environ, "AFWEGING_LOG_DIR": str(cwd / "log"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "evaluator", *args], capture_output=True, text=True, cwd=cwd,
                          env=e)  # fmt: skip
