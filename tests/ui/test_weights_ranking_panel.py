"""The ranking beside the weight sliders follows a drag live, in the order the core ranks the previewed weights."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from evaluator import methods
from evaluator.changes import SetWeights, apply_change
from evaluator.problem import build_problem
from tests.ui.test_weights_view import handle_centre
from ui.document import Document
from ui.i18n import set_language
from ui.weights_view import WeightsView


@pytest.fixture
def view(wdoc, qtbot) -> WeightsView:
    v = WeightsView(wdoc)
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    qtbot.waitExposed(v)
    return v


def core_order(ev) -> list[str]:
    """Names best first as the core ranks ``ev`` (the scikit-criteria pipeline, not the panel's engine)."""
    r = methods.rank(build_problem(ev), ev.method)
    return [r.names[i] for i in sorted(range(len(r.names)), key=lambda i: (int(r.ranks[i]), i))]


def test_panel_sits_beside_the_sliders_and_shows_the_stored_ranking(view: WeightsView, wdoc: Document):
    panel = view.ranking
    assert panel.isVisible() and panel.chart.isVisible()
    sliders = view.points.rows["A"].slider
    # beside, not below: the panel starts to the right of the sliders and overlaps them vertically
    s_pos = sliders.mapTo(view, QPoint(0, 0))
    p_pos = panel.mapTo(view, QPoint(0, 0))
    assert p_pos.x() > s_pos.x() + sliders.width()
    assert p_pos.y() < s_pos.y() + sliders.height()
    assert panel.names() == core_order(wdoc.evaluation)
    assert "Jitsi Meet" in panel.chart.accessibleDescription()


def test_dragging_a_slider_reorders_the_panel_as_the_core_ranks_the_preview(view: WeightsView, wdoc, qtbot):
    panel = view.ranking
    before = panel.names()
    slider = view.slider("B")  # continuity: Wire scores best there
    previews = []
    wdoc.previewed.connect(previews.append)
    start = handle_centre(slider)
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for dx in (40, 120, 400, 900):
        QTest.mouseMove(slider, QPoint(start.x() + dx, start.y()))
    qtbot.waitUntil(lambda: bool(previews))
    assert slider.isSliderDown() and wdoc.undo_stack.count() == 0  # still dragging, nothing stored
    expected = core_order(apply_change(wdoc.evaluation, SetWeights({"B": float(slider.value())}))[0])
    assert panel.names() == expected
    assert panel.names() != before, "a heavy continuity weight must move Wire up"
    assert panel.names().index("Wire") < before.index("Wire")
    assert "Voorbeeld" in panel.state.text()
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    assert wdoc.undo_stack.count() == 1
    assert panel.names() == core_order(wdoc.evaluation)
    assert "Voorbeeld" not in panel.state.text()


def test_keyboard_steps_move_the_panel_too(view: WeightsView, wdoc):
    slider = view.slider("D")  # Jitsi Meet is strongest on D
    slider.setFocus()
    before = view.ranking.names()
    for _ in range(9):
        QTest.keyClick(slider, Qt.Key.Key_PageUp)
    assert wdoc.evaluation.weights["D"] == 100.0
    assert view.ranking.names() == core_order(wdoc.evaluation) != before


def test_panel_speaks_english_after_a_switch(view: WeightsView):
    set_language("en")
    assert view.ranking.title.text() == "Ranking with these weights"
    assert "Stored weights" in view.ranking.state.text()


def test_panel_ranks_provisionally_like_the_results_page(view: WeightsView, wdoc):
    from evaluator.changes import SetAssessment
    from evaluator.provisional import provisional

    assert wdoc.apply(SetAssessment("alt2", "C1", None))  # Nextcloud Hub loses one score
    p = provisional(wdoc.evaluation)
    assert p is not None and p.left_out == ("C1",)
    assert view.ranking.names() == core_order(p.evaluation)
    assert "Nextcloud Hub" in view.ranking.names()
    assert "VOORLOPIG, zonder C1" in view.ranking.state.text()
