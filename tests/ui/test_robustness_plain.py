"""The robustness page for non-specialists (issue 11): the verdict in plain words first, the rank numbers written
in the bars, a colour scale a projector can tell apart, and the specialist detail (stability intervals, method
agreement, Kendall τ, rank IQR) behind a "Details for specialists" disclosure that starts collapsed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from evaluator.sensitivity import verdict
from tests.ui.test_sensitivity_view import run_to_end
from ui.charts import acceptability
from ui.document import Document
from ui.i18n import set_language
from ui.sensitivity_view import SensitivityView
from ui.style import MIN_CONTRAST, MIN_GRAPHIC_CONTRAST, contrast_ratio, relative_luminance

SHOTS = Path(__file__).parents[2] / "docs" / "screenshots"


@pytest.fixture
def sample_doc(tmp_path: Path, qtbot):
    from evaluator.sample import load_sample

    d = Document.create(tmp_path / "voorbeeld.afweging", load_sample())
    yield d
    d.close()


@pytest.fixture
def ran(qtbot, sample_doc):
    view = SensitivityView(sample_doc)
    qtbot.addWidget(view)
    view.resize(1280, 900)
    view.show()
    run_to_end(qtbot, view, 2000)
    return view


def test_the_verdict_comes_first_and_the_detail_is_folded_away(qtbot, ran):
    view = ran
    o = view.outcome
    assert view.verdict.text() == verdict(o.ev, o.acc, o.stability, "nl")
    # the verdict is the first thing in the results, above the chart
    assert (
        view.verdict.mapTo(view.results, view.verdict.rect().topLeft()).y()
        < view.chart.mapTo(view.results, view.chart.rect().topLeft()).y()
    )
    details = view.details
    assert details.button.text() == "Details voor specialisten"
    for w in (view.stability_table, view.agreement_table, view.correlation_table, view.rank_spread_table):
        assert not w.isVisibleTo(view)  # collapsed by default
    assert view.correlation_title.text().startswith("Rangcorrelatie (Kendall τ")
    # opened from the keyboard
    details.button.setFocus()
    qtbot.keyClick(details.button, Qt.Key.Key_Space)
    for w in (view.stability_table, view.agreement_table, view.correlation_table, view.rank_spread_table):
        assert w.isVisibleTo(view)
    assert view.stability_table.rowCount() == len(view.doc.evaluation.criteria)
    # the rank IQR: per alternative the middle half of the places it took
    t = view.rank_spread_table
    assert t.rowCount() == len(o.acc.alternatives)
    assert "IQR" in t.horizontalHeaderItem(2).text()
    qtbot.keyClick(details.button, Qt.Key.Key_Space)
    assert not view.stability_table.isVisibleTo(view)


def test_rank_numbers_are_written_in_the_bars(qtbot, ran):
    view = ran
    view.chart.grab()
    drawn = view.chart.drawn
    assert drawn
    # each row's largest segment carries its place ("1e", "2e", … or "4+" for the rest)
    for row in view.shown_acceptability():
        texts = [d.text for d in drawn if d.row == row.label]
        assert texts, f"nothing written in the bar of {row.label}"
        assert any(t.split()[0] in ("1e", "2e", "3e", "4+", "4e") for t in texts), texts
    # English ordinals
    set_language("en")
    view.chart.grab()
    assert any(d.text.startswith("1st") for d in view.chart.drawn)


def test_the_rank_colours_can_be_told_apart_on_a_projector():
    for count in range(1, 16):
        colours = [acceptability.rank_colour(r, count).name() for r in range(count)]
        for c in colours:
            # every segment stands out from the white background and from the white gap between segments
            assert contrast_ratio(c, acceptability.BACKGROUND) >= MIN_GRAPHIC_CONTRAST, c
            assert contrast_ratio(c, acceptability.SEAM) >= MIN_GRAPHIC_CONTRAST, c
            # and its number is readable on it
            assert contrast_ratio(acceptability.label_colour(c), c) >= MIN_CONTRAST
        # sequential: darker for a better place, never lighter
        lum = [relative_luminance(c) for c in colours]
        assert lum == sorted(lum)
        # few enough classes that neighbours differ visibly (at least 1.4:1), the rest share one class
        distinct = list(dict.fromkeys(colours))
        assert len(distinct) <= acceptability.CLASSES
        for a, b in zip(distinct, distinct[1:], strict=False):
            assert contrast_ratio(a, b) >= 1.4, (a, b)
    assert acceptability.SEAM_WIDTH >= 2


@pytest.mark.skipif(not os.environ.get("AFWEGING_ROBUSTNESS_SHOT"), reason="screenshot on request")
def test_save_robustness_screenshot(qtbot, sample_doc):
    view = SensitivityView(sample_doc)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    run_to_end(qtbot, view, 10_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    assert view.grab().save(str(SHOTS / "robustness.png"))
    view.details.button.click()
    qtbot.wait(50)
    assert view.results.grab().save(str(SHOTS / "robustness-details.png"))
