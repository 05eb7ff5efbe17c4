"""The weights page driven like a user would: keyboard, mouse drag, typed numbers, swing, rank order and AHP."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyle, QStyleOptionSlider

from evaluator.store import Store
from evaluator.weighting import ahp_weights, rank_order_centroid
from tests.ui.modals import CANCEL, DESTROY, answer
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


def stored_weights(doc: Document) -> dict[str, float]:
    """The weights as they are in the file, read back by a fresh store."""
    with Store.open(doc.path, readonly=True) as s:
        return dict(s.evaluation.weights)


def handle_centre(slider) -> QPoint:
    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    r = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, slider
    )
    return r.center()


def test_keyboard_step_stores_one_change_and_undo_redo_restore_it(view: WeightsView, wdoc: Document):
    slider = view.slider("A")
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Right)
    assert stored_weights(wdoc)["A"] == 41.0
    assert wdoc.undo_stack.count() == 1
    assert "A" in wdoc.undo_stack.undoText()
    QTest.keyClick(slider, Qt.Key.Key_PageDown)  # the next step on the same slider joins the first (issue 10)
    assert stored_weights(wdoc)["A"] == 31.0
    assert view.spin("A").value() == 31.0
    assert wdoc.undo_stack.count() == 1
    wdoc.undo_stack.undo()
    assert stored_weights(wdoc)["A"] == 40.0
    assert slider.value() == 40  # the slider follows the undo
    wdoc.undo_stack.redo()
    assert stored_weights(wdoc)["A"] == 31.0
    assert view.spin("A").value() == 31.0


def test_mouse_drag_previews_then_release_stores_one_undo_step(view: WeightsView, wdoc: Document, qtbot):
    slider = view.slider("B")
    previews = []
    wdoc.previewed.connect(lambda ev: previews.append(ev.weights["B"]))
    start = handle_centre(slider)
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    assert slider.isSliderDown()
    for dx in (20, 60, 120, 200):
        QTest.mouseMove(slider, QPoint(start.x() + dx, start.y()))
    qtbot.waitUntil(lambda: bool(previews))
    # previews are coalesced: four positions sent while the event loop was busy give one preview, of the last
    assert previews == [float(slider.value())], "dragging must preview the latest weight once"
    assert previews[-1] > 30.0
    assert wdoc.undo_stack.count() == 0  # nothing stored while dragging
    assert stored_weights(wdoc)["B"] == 30.0
    QTest.mouseRelease(
        slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(start.x() + 200, start.y())
    )
    assert wdoc.undo_stack.count() == 1  # one drag, one undo step
    assert stored_weights(wdoc)["B"] == float(slider.value()) == previews[-1]
    wdoc.undo_stack.undo()
    assert stored_weights(wdoc)["B"] == 30.0
    assert slider.value() == 30


def test_typed_points_are_one_change_and_shares_follow(view: WeightsView, wdoc: Document):
    spin = view.spin("A1")
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "150")
    assert wdoc.undo_stack.count() == 0  # no change per keystroke
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert stored_weights(wdoc)["A1"] == 150.0
    assert wdoc.undo_stack.count() == 1
    # A has 40 % of the total; A1 now has 150 of 200 points within A: 30,0 %
    assert view.points.rows["A1"].share.text() == "30,0 %"
    assert view.slider("A1").maximum() >= 150


def test_equal_weights_is_one_step(qtbot, view: WeightsView, wdoc: Document):
    answer(qtbot, [CANCEL], view.points.equal.click)  # it asks first: the weighting made so far is replaced
    assert stored_weights(wdoc)["A"] == 40.0
    answer(qtbot, [DESTROY], view.points.equal.click)
    w = stored_weights(wdoc)
    assert w["A"] == w["D"] == w["A1"] == 100.0
    assert view.points.rows["A"].share.text() == "25,0 %"
    wdoc.undo_stack.undo()
    assert stored_weights(wdoc)["A"] == 40.0


def test_swing_applies_points_relative_to_the_top_swing(view: WeightsView, wdoc: Document):
    panel = view.swing
    view.tabs.setCurrentWidget(panel)
    assert [it.id for it in panel.order] == ["A", "B", "C", "D"]  # starts from the current weights
    panel.table.setCurrentCell(3, 0)
    panel.move(-1)  # D above C
    assert [it.id for it in panel.order] == ["A", "B", "D", "C"]
    panel.table.cellWidget(1, 1).setValue(80)
    assert panel.apply_weights()
    w = stored_weights(wdoc)
    assert w["A"] == 100.0 and w["B"] == 80.0
    assert wdoc.undo_stack.count() == 1


def test_swing_shows_each_criterion_worst_to_best(view: WeightsView):
    view.swing.set_scope("B")
    assert [it.id for it in view.swing.order] == ["B1", "B2"]
    assert "van 0 · niveau 0 naar 4 · niveau 4" in view.swing.table.item(0, 0).text()


def test_rank_order_gives_roc_weights_from_the_order(view: WeightsView, wdoc: Document):
    panel = view.rank_order
    panel.table.setCurrentCell(0, 0)
    panel.table.setFocus()
    QTest.keyClick(panel.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # A below B
    assert [it.id for it in panel.order] == ["B", "A", "C", "D"]
    assert panel.apply_weights()
    w = stored_weights(wdoc)
    roc = rank_order_centroid([1, 2, 3, 4])
    got = np.array([w["B"], w["A"], w["C"], w["D"]])
    np.testing.assert_allclose(got / got.sum(), roc, atol=1e-3)


def test_ahp_dialog_shows_cr_points_out_the_worst_judgement_and_applies(
    view: WeightsView, wdoc: Document, qtbot
):
    dlg = view.ahp.open_dialog()
    # starting from the current weights 40:30:20:10 the judgements are nearly consistent
    assert dlg.cr <= 0.10
    dlg.set_judgement(0, 1, 9.0)  # A ≫ B
    dlg.set_judgement(1, 2, 9.0)  # B ≫ C
    dlg.set_judgement(0, 2, 1 / 9)  # but C ≫ A: a contradiction
    assert dlg.cr > 0.10
    assert "Te inconsistent" in dlg.advice.text()
    i, j, _ = dlg.worst
    assert dlg.items[i].name in dlg.advice.text() and dlg.items[j].name in dlg.advice.text()
    assert dlg.fix_button.isVisible()
    before = dlg.cr
    dlg.fix_button.click()
    assert dlg.cr < before  # taking the suggestion makes the judgements agree better
    w, cr = ahp_weights(dlg.matrix())
    assert cr == pytest.approx(dlg.cr)
    expected = dlg.points()
    np.testing.assert_allclose([expected[it.id] for it in dlg.items], 100 * w, atol=0.01)
    dlg.apply_button.click()
    stored = stored_weights(wdoc)
    assert {k: stored[k] for k in expected} == expected
    assert wdoc.undo_stack.count() == 1
    wdoc.undo_stack.undo()
    assert stored_weights(wdoc)["A"] == 40.0


def test_ahp_within_an_area(view: WeightsView, wdoc: Document, qtbot):
    view.ahp.scope_box.setCurrentIndex(view.ahp.scope_box.findData("C"))
    dlg = view.ahp.open_dialog()
    assert [it.id for it in dlg.items] == ["C1", "C2"]
    dlg.set_judgement(0, 1, 3.0)
    assert dlg.cr == 0.0
    dlg.apply_button.click()
    w = stored_weights(wdoc)
    assert w["C1"] == pytest.approx(75.0) and w["C2"] == pytest.approx(25.0)


def test_language_switch_retranslates(view: WeightsView):
    assert view.title.text() == "Gewichten"
    assert view.slider("A").accessibleName() == "Gewicht van A Soevereiniteit"
    set_language("en")
    assert view.title.text() == "Weights"
    assert view.slider("A").accessibleName() == "Weight of A Sovereignty"
    assert view.points.rows["A"].share.text() == "40.0 %"
    assert view.spin("A").locale().decimalPoint() == "."


def test_every_control_has_an_accessible_name(view: WeightsView):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QSlider

    for cls in (QSlider, QAbstractSpinBox, QComboBox):
        for w in view.findChildren(cls):
            assert w.accessibleName(), f"{cls.__name__} without an accessible name"
