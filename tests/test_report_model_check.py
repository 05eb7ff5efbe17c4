"""The memo carries a model-check section, in the memo's language, with the same sentences as the CLI."""

from __future__ import annotations

import io

from pypdf import PdfReader

from evaluator.modelcheck import check_model
from evaluator.report.export import render_memo
from evaluator.report.model_check import model_check_paragraphs
from evaluator.text import render
from tests.helpers import small_evaluation
from tests.report_data import memo_evaluation


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_memo_has_a_model_check_section_in_its_language():
    ev = memo_evaluation()
    findings = check_model(ev)
    assert {f.kind for f in findings} >= {"correlated_criteria", "dominated"}
    for lang, title in (("nl", "Modelcontrole"), ("en", "Model check")):
        text = _text(render_memo(ev, lang, samples=0).pdf)
        assert title in text
        pair = next(f for f in findings if f.kind == "correlated_criteria")
        assert " ".join(render(pair, ev, lang).split()) in text


def test_each_finding_is_one_paragraph_with_its_severity_first_or_one_saying_there_is_none():
    from dataclasses import replace

    from evaluator.model import Assessment, frozen_map

    ev = small_evaluation()
    paras = model_check_paragraphs(ev, "en")
    assert [s for s, _ in paras] == ["h2", "small", "body"]
    assert paras[0][1] == "Model check"
    assert paras[2][1].startswith("Note: Microsoft Teams is dominated by openDesk and Nextcloud Hub")
    cheap = replace(ev, assessments=frozen_map({**ev.assessments, ("teams", "C1"): Assessment(50.0)}))
    assert model_check_paragraphs(cheap, "nl")[2:] == [
        ("body", "De modelcontrole vond niets om op te wijzen.")
    ]
