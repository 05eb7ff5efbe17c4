"""The robustness page runs SMAA in a worker (progress, cancel, window stays responsive), shows the verdict, the
acceptability chart, stability intervals and method agreement; a stored change marks the result out of date.
The weight sliders carry a band whose bounds are the core's stability intervals mapped to points."""

from __future__ import annotations

import html
import math
import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer

from evaluator.changes import SetWeights
from evaluator.sensitivity import acceptability
from evaluator.stability import stability_intervals
from evaluator.weighting import global_weights
from ui.charts.stability_band import area_share_and_rest, points_for_weight
from ui.document import Document
from ui.i18n import percent, set_language
from ui.sensitivity_view import SensitivityView
from ui.weights_view import WeightsView

DONE_TIMEOUT = 120_000  # ms: scikit-criteria's first import in the worker takes seconds on a busy machine


@pytest.fixture
def shots_dir(tmp_path: Path) -> Path:
    d = Path(os.environ.get("AFWEGING_SCREENSHOTS") or tmp_path / "screenshots")
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture
def sample_doc(tmp_path: Path, qtbot):
    from evaluator.sample import load_sample

    d = Document.create(tmp_path / "voorbeeld.afweging", load_sample())
    yield d
    d.close()


def run_to_end(qtbot, view: SensitivityView, samples: int = 2000) -> None:
    view.samples_box.setValue(samples)
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    assert view.running
    qtbot.waitUntil(lambda: not view.running, timeout=DONE_TIMEOUT)


def test_a_run_shows_the_verdict_and_acceptability_rows_that_sum_to_100(qtbot, doc):
    view = SensitivityView(doc)
    qtbot.addWidget(view)
    view.show()
    assert not view.results.isVisibleTo(view)  # nothing computed at start
    run_to_end(qtbot, view)
    assert "Klaar" in view.status.text(), view.status.text()
    assert view.results.isVisibleTo(view)
    rows = view.shown_acceptability()
    assert len(rows) == 3
    for r in rows:
        assert sum(r.shares) == pytest.approx(1.0)
    # the same numbers as the core with the same settings, best first
    acc = acceptability(doc.evaluation, view.settings().method, samples=2000, seed=0)
    best = int(np.argmax(acc.first))
    assert rows[0].label == acc.names[best]
    assert rows[0].shares == pytest.approx(tuple(acc.acceptability[best]))
    assert rows[0].label in view.verdict.text()
    mean = [sum((k + 1) * b for k, b in enumerate(r.shares)) for r in rows]
    assert mean == sorted(mean)  # listed by mean rank, as everywhere (evaluator.sensitivity.display_order)
    # stability table: every criterion, the criterion closest to an edge first
    assert view.stability_table.rowCount() == len(doc.evaluation.criteria)
    assert view.stability_table.item(0, 0).text().startswith("A2")  # 30 % with an edge at 35.2 %
    assert view.stability_table.item(0, 3).text() == "35,2 %"
    # method agreement: ranks of four methods side by side, a correlation matrix, reversal findings
    assert view.agreement_table.columnCount() == 7  # the alternative and the six NumPy-engine methods
    assert view.agreement_table.rowCount() == 3
    assert view.correlation_table.item(0, 1).text() == "1,00"
    assert view.reversal.text().count("<li>") >= 3


def test_the_page_follows_the_language(qtbot, doc):
    view = SensitivityView(doc)
    qtbot.addWidget(view)
    run_to_end(qtbot, view, 500)
    dutch = (view.verdict.text(), view.reversal.text(), view.title.text())
    set_language("en")
    english = (view.verdict.text(), view.reversal.text(), view.title.text())
    assert english[2] == "Robustness" and dutch[2] == "Robuustheid"
    assert "ranks first" in english[0] and "staat eerst" in dutch[0]
    assert english[1] != dutch[1] and "Leaving out one alternative" in english[1]


def test_agreement_and_reversal_are_found_once_and_rendered_in_the_language_shown(qtbot, doc):
    """The worker returns findings (data), not sentences in both languages: a language switch renders the same
    findings again from the catalogue, as the CLI and the memo render them."""
    from evaluator.agreement import RankReversal, rank_reversal
    from evaluator.text import sentences

    view = SensitivityView(doc)
    qtbot.addWidget(view)
    run_to_end(qtbot, view, 500)
    o = view.outcome
    assert isinstance(o.reversal, RankReversal) and o.reversal.method == view.settings().method
    assert o.reversal == rank_reversal(doc.evaluation, view.settings().method)  # the same checks, same seed
    ev = doc.evaluation
    for lang in ("nl", "en"):
        set_language(lang)
        assert view.outcome is o  # switching language does not run anything again
        assert view.agreement_summary.text() == " ".join(sentences(o.agreement.findings(), ev, lang))
        for line in sentences(o.reversal.findings, ev, lang):
            assert f"<li>{html.escape(line, quote=False)}</li>" in view.reversal.text()
    assert view.agreement_summary.text().startswith(("All 6 methods", "The methods disagree"))


def test_cancelling_a_long_run_says_so_and_the_window_stays_responsive(qtbot, sample_doc):
    view = SensitivityView(sample_doc)
    qtbot.addWidget(view)
    view.show()
    view.method_box.setCurrentIndex(view.method_box.findData("vikor"))
    view.samples_box.setValue(1_000_000)
    ticks = []
    timer = QTimer(view, interval=10, timeout=lambda: ticks.append(1))
    timer.start()
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.progress.value() > 0, timeout=DONE_TIMEOUT)
    assert view.running and view.cancel_button.isEnabled() and not view.run_button.isEnabled()
    seen = len(ticks)
    qtbot.waitUntil(
        lambda: len(ticks) >= seen + 3, timeout=5000
    )  # the event loop runs while the worker works
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.running, timeout=DONE_TIMEOUT)
    timer.stop()
    assert "Geannuleerd" in view.status.text(), view.status.text()
    assert "1.000.000" in view.status.text()
    assert view.outcome is None and not view.results.isVisibleTo(view)
    assert view.run_button.isEnabled() and not view.cancel_button.isEnabled()


def test_a_stored_change_marks_the_result_out_of_date(qtbot, doc):
    view = SensitivityView(doc)
    qtbot.addWidget(view)
    view.show()
    run_to_end(qtbot, view, 500)
    assert not view.stale_label.isVisibleTo(view)
    assert doc.apply(SetWeights({"A": 90.0}))
    assert view.stale and view.stale_label.isVisibleTo(view)
    assert "Verouderd" in view.stale_label.text()
    assert "Klaar" in view.status.text()  # the old result stays readable, marked as old
    run_to_end(qtbot, view, 500)
    assert not view.stale and not view.stale_label.isVisibleTo(view)
    doc.undo_stack.undo()
    assert view.stale_label.isVisibleTo(view)


def test_the_stability_band_on_a_slider_matches_the_core(qtbot, doc):
    view = WeightsView(doc)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.points.bands_pending)  # computed off the GUI thread
    ev = doc.evaluation
    stab = {s.criterion: s for s in stability_intervals(ev, "wsm")}
    a2 = view.points.rows["A2"].band
    assert a2.isVisibleTo(view) and a2.low == 0.0 and math.isfinite(a2.high)
    assert "35,2 %" in a2.toolTip() and "Nextcloud Hub" in a2.toolTip()
    # the slider position at the band's edge gives the criterion exactly the core's edge weight
    for key, s in stab.items():
        band = view.points.rows[key].band
        for points, edge in ((band.low, s.low), (band.high, s.high)):
            if math.isfinite(points) and 0 < edge < 1:
                gw = global_weights(ev, dict(ev.weights) | {key: points})
                assert gw[key] == pytest.approx(edge)
    assert not view.points.rows["A"].band.isVisibleTo(view)  # areas carry no band
    # and it follows a stored change
    assert doc.apply(SetWeights({"A2": 10.0}))
    qtbot.waitUntil(lambda: not view.points.bands_pending)
    ev = doc.evaluation
    s = next(s for s in stability_intervals(ev, "wsm") if s.criterion == "A1")
    band = view.points.rows["A1"].band
    if math.isfinite(band.low) and s.low > 0:
        assert global_weights(ev, dict(ev.weights) | {"A1": band.low})["A1"] == pytest.approx(s.low)
    assert band.toolTip() and view.slider("A1").accessibleDescription() == band.toolTip()


def core_bands(view: WeightsView) -> dict[str, tuple[float, float]]:
    """The band under each criterion slider that the core's stability intervals of the document give, in points."""
    ev = view.doc.evaluation
    gw = global_weights(ev)
    out = {}
    for s in stability_intervals(ev, "wsm"):
        share, rest = area_share_and_rest(ev, s.criterion, gw)
        out[s.criterion] = (points_for_weight(s.low, share, rest), points_for_weight(s.high, share, rest))
    return out


def shown_bands(view: WeightsView) -> dict[str, tuple[float | None, float | None]]:
    return {c.id: (view.points.rows[c.id].band.low, view.points.rows[c.id].band.high)
            for c in view.doc.evaluation.criteria}  # fmt: skip


def test_a_weight_change_returns_before_the_bands_are_computed_and_they_then_follow_it(qtbot, doc):
    """The bands are computed off the GUI thread (0.2-0.3 s at 1000 x 300): a stored change returns to the event
    loop with the last bands still shown, and the bands of the new state replace them when they arrive."""
    view = WeightsView(doc)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.points.bands_pending)
    before = shown_bands(view)
    assert before == core_bands(view)
    assert doc.apply(SetWeights({"A2": 10.0}))  # the slot ran; no event has been processed since
    assert shown_bands(view) == before  # the last result stays until the new one arrives
    assert view.points.bands_pending
    qtbot.waitUntil(lambda: not view.points.bands_pending)
    after = shown_bands(view)
    assert after == core_bands(view) and after != before
    s = next(s for s in stability_intervals(doc.evaluation, "wsm") if s.criterion == "A1")
    assert percent(s.low, 1) in view.slider("A1").accessibleDescription()


def test_a_run_of_steps_ends_with_the_bands_of_the_last_one(qtbot, doc):
    view = WeightsView(doc)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.points.bands_pending)
    view.slider("A2").setFocus()
    for _ in range(6):  # six keyboard steps, the event loop turning between them as it does for a user
        qtbot.keyClick(view.slider("A2"), Qt.Key.Key_Left)
    assert view.points.bands_pending or shown_bands(view) == core_bands(view)
    qtbot.waitUntil(lambda: not view.points.bands_pending)
    assert shown_bands(view) == core_bands(view)
    # a change that cannot move the ranking (a title) computes nothing
    from evaluator.changes import SetSetting

    assert doc.apply(SetSetting("title", "Another title"))
    assert not view.points.bands_pending
    assert "Blauwe band" in view.slider("A1").accessibleDescription()
    set_language("en")  # nor does a language switch: the same bands, in other words
    assert not view.points.bands_pending and shown_bands(view) == core_bands(view)
    assert "Blue band" in view.slider("A1").accessibleDescription()
    assert view.slider("A1").accessibleDescription() == view.points.rows["A1"].band.toolTip()


def test_controls_have_names_and_keyboard_access(qtbot, doc):
    view = SensitivityView(doc)
    qtbot.addWidget(view)
    for box in (view.method_box, view.weights_box, view.spread_box, view.scores_box, view.samples_box,
                view.seed_box, view.run_button, view.cancel_button):  # fmt: skip
        assert box.accessibleName()
        assert box.focusPolicy() & Qt.FocusPolicy.TabFocus
    for label in (view.method_label, view.weights_label, view.samples_label, view.seed_label):
        assert label.buddy() is not None and "&" in label.text()
    assert not view.spread_box.isEnabled()
    view.weights_box.setFocus()
    qtbot.keyClick(view.weights_box, Qt.Key.Key_Down)  # uniform → around, as a user does it
    assert view.spread_box.isEnabled() and view.settings().weights == "around"
    assert (
        doc.evaluation.robustness["weights"] == "around"
    )  # stored in the evaluation, through the change path


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_screenshots(qtbot, sample_doc, shots_dir: Path, lang: str):
    set_language(lang)
    view = SensitivityView(sample_doc)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    run_to_end(qtbot, view, 5000)
    for w, h in ((1920, 1080), (1280, 720)):
        view.resize(w, h)
        qtbot.wait(50)
        path = shots_dir / f"robustness-{lang}-{w}x{h}.png"
        assert view.grab().save(str(path))
        assert path.stat().st_size > 20_000
    body = shots_dir / f"robustness-{lang}-results.png"
    assert view.results.grab().save(str(body))
    weights = WeightsView(sample_doc)
    qtbot.addWidget(weights)
    weights.resize(1280, 720)
    weights.show()
    qtbot.waitUntil(lambda: not weights.points.bands_pending)
    qtbot.wait(50)  # laid out and painted
    assert weights.grab().save(str(shots_dir / f"weights-bands-{lang}-1280x720.png"))


def test_the_page_shows_and_stores_the_files_robustness_settings_and_matches_the_cli(qtbot, doc, tmp_path):
    """One setting, one set of figures: the page runs what `afweging sensitivity FILE` runs for the same file."""
    import json
    import subprocess
    import sys

    from evaluator.changes import SetSetting

    doc.apply(SetSetting("robustness.seed", 9))
    view = SensitivityView(doc)
    qtbot.addWidget(view)
    assert view.seed_box.value() == 9
    view.samples_box.setValue(3000)
    view.samples_box.editingFinished.emit()
    assert doc.evaluation.robustness["samples"] == 3000
    assert doc.audit(limit=1)[0].label == "Samples → 3000"
    run_to_end(qtbot, view, 3000)
    cli = subprocess.run([sys.executable, "-m", "evaluator", "sensitivity", str(doc.path), "--format", "json"],
                         capture_output=True, text=True)  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    data = json.loads(cli.stdout)
    assert (data["seed"], data["samples"]) == (9, 3000)
    shown = {r.label: r.shares for r in view.shown_acceptability()}
    for a in data["alternatives"]:
        assert shown[a["name"]] == pytest.approx(tuple(a["rank_acceptability"]), abs=1e-9)


@pytest.mark.parametrize("method", ["electre1", "waspas"])
def test_every_method_can_be_chosen_and_run(qtbot, doc, method):
    """The page offers every method of the registry; ELECTRE I and WASPAS run like the others."""
    from evaluator.methods import METHODS

    view = SensitivityView(doc)
    qtbot.addWidget(view)
    view.show()
    assert [view.method_box.itemData(i) for i in range(view.method_box.count())] == list(METHODS)
    view.method_box.setCurrentIndex(view.method_box.findData(method))
    run_to_end(qtbot, view)
    assert "Klaar" in view.status.text(), view.status.text()
    o = view.outcome
    assert o.settings.method == method == doc.evaluation.robustness["method"]
    assert o.acc.acceptability == pytest.approx(
        acceptability(doc.evaluation, method, samples=2000).acceptability
    )
    assert view.stability_table.rowCount() == len(doc.evaluation.criteria)
