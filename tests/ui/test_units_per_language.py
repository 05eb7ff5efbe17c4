"""Units per language (issue 11): a catalogue's units are written in the UI's language ("0 suppliers" in English,
"0 leveranciers" in Dutch) and numbers as that language writes them, with thousands separators and never
"1e+06": on the scores page, in the audit trail and in the memo."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluator.catalogue import load_catalogue
from evaluator.changes.scores import set_score
from evaluator.io.sample_toml import read_evaluation_toml
from evaluator.model import Scale
from evaluator.report.memo_format import fmt_score
from evaluator.scales import format_score, unit_text
from evaluator.text import score_text
from ui.document import Document
from ui.i18n import set_language
from ui.models.audit_model import what
from ui.models.criteria_model import scale_summary
from ui.models.scores_model import score_text as ui_score_text

ROOT = Path(__file__).parents[2]
OLD_SAMPLE = ROOT / "tests" / "fixtures" / "sample-catalogue-1.0.toml"


@pytest.mark.parametrize(
    ("unit", "x", "nl", "en"),
    [
        ("gebruikers", 1_000_000, "1.000.000 gebruikers", "1,000,000 users"),
        ("leveranciers", 0, "0 leveranciers", "0 suppliers"),
        ("leveranciers", 1, "1 leverancier", "1 supplier"),
        ("€/gebruiker/jaar", 12.5, "12,5 €/gebruiker/jaar", "12.5 €/user/year"),
        ("firms", 3, "3 firms", "3 firms"),  # a unit the app does not know stays as typed
    ],
)
def test_a_score_with_its_unit_in_each_language(unit, x, nl, en):
    scale = Scale("numeric", unit=unit, lower=0, upper=2_000_000)
    for lang, want in (("nl", nl), ("en", en)):
        assert format_score(scale, x, lang) == want
        assert score_text(scale, x, lang) == want  # the findings' sentences
        assert fmt_score(scale, x, lang) == want  # the memo


def test_every_unit_in_the_bundled_catalogues_has_an_english_form():
    units = set()
    for path in sorted((ROOT / "criteria").glob("*.toml")):
        for c in load_catalogue(path).criteria:
            if c.scale.kind == "numeric" and c.scale.unit:
                units.add(c.scale.unit)
    assert units
    for u in units:
        assert unit_text(u, "en", 2) != u, f"{u!r} has no English form"
        assert unit_text(unit_text(u, "en", 2), "nl", 2) == u  # and back


def test_scores_page_and_audit_in_both_languages(qtbot, tmp_path):
    doc = Document.create(tmp_path / "units.afweging", read_evaluation_toml(OLD_SAMPLE))
    try:
        ev = doc.evaluation
        crit = ev.criterion("B5")  # proven scale in government, in gebruikers
        assert crit.scale.unit == "gebruikers"
        assert doc.apply(set_score(ev, "teams", "B5", 250_000.0))
        entry = doc.audit(limit=1)[0]
        set_language("en")
        assert ui_score_text(crit, 250_000.0) == "250,000 users"
        assert "users" in scale_summary(crit.scale) and "gebruikers" not in scale_summary(crit.scale)
        assert what(entry).endswith("→ 250,000 users"), what(entry)
        b4 = ev.criterion("B4")
        assert ui_score_text(b4, 0.0) == "0 suppliers"
        set_language("nl")
        assert ui_score_text(crit, 250_000.0) == "250.000 gebruikers"
        assert what(entry).endswith("→ 250.000 gebruikers"), what(entry)
        assert "e+" not in what(entry)
    finally:
        doc.close()


def test_a_number_typed_with_its_unit_in_either_language():
    from ui.widgets.score_delegate import parse_number

    assert parse_number("12 suppliers", "leveranciers") == 12
    assert parse_number("1 leverancier", "leveranciers") == 1
    assert parse_number("430 €/user/year", "€/gebruiker/jaar") == 430
