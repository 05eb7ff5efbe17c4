"""Repeated keyboard steps on one weight are one undo step and one audit entry (issue 10, "Views told what
changed"): five presses of the Right arrow on a slider are one decision, not five. Driven by key presses on the
real weights page; the file on disk is read back by a fresh store after every step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from evaluator.changes import SetWeights
from evaluator.errors import ChangeError
from evaluator.store import Store
from ui.document import Document
from ui.weights_view import WeightsView


@pytest.fixture
def view(wdoc, qtbot) -> WeightsView:
    v = WeightsView(wdoc)
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    qtbot.waitExposed(v)
    return v


def on_disk(doc: Document):  # noqa: ANN201
    with Store.open(doc.path, readonly=True) as s:
        return s.evaluation, s.audit_count(), s.audit_changes()


def test_five_arrow_steps_are_one_undo_step_and_one_audit_entry(view: WeightsView, wdoc: Document):
    before, entries, _ = on_disk(wdoc)
    start = before.weights["A"]
    slider = view.slider("A")
    slider.setFocus()
    for i in range(5):
        QTest.keyClick(slider, Qt.Key.Key_Right)
        ev, n, _ = on_disk(wdoc)
        assert ev.weights["A"] == start + i + 1  # every step is in the file at once (crash-safe)
        assert n == entries + 1  # ... in the one entry
    assert wdoc.undo_stack.count() == 1
    assert "A → " in wdoc.undo_stack.undoText() and str(int(start + 5)) in wdoc.undo_stack.undoText()
    ev, n, changes = on_disk(wdoc)
    assert ev == wdoc.evaluation  # the file reopens equal to what the window shows
    replayed = before
    for ch in changes[-1:]:
        replayed = ch.apply(replayed)
    assert replayed == ev  # the one entry, replayed on the state before it, gives the state after it
    assert wdoc.audit(1)[0].before == SetWeights({"A": start}).to_data()
    wdoc.undo_stack.undo()
    assert wdoc.evaluation.weights["A"] == start
    assert slider.value() == int(start)
    assert on_disk(wdoc)[0] == before


def test_spin_steps_merge_and_another_weight_starts_a_new_step(view: WeightsView, wdoc: Document):
    _, entries, _ = on_disk(wdoc)
    spin = view.spin("B")
    spin.setFocus()
    for _ in range(3):
        QTest.keyClick(spin, Qt.Key.Key_Up)
    assert wdoc.undo_stack.count() == 1
    b = wdoc.evaluation.weights["B"]
    slider = view.slider("A")
    slider.setFocus()  # focus moves on: the run on B is over
    QTest.keyClick(slider, Qt.Key.Key_Left)
    QTest.keyClick(slider, Qt.Key.Key_Left)
    assert wdoc.undo_stack.count() == 2
    assert on_disk(wdoc)[1] == entries + 2
    view.spin("B").setFocus()
    QTest.keyClick(view.spin("B"), Qt.Key.Key_Up)  # back on B: a new step, not added to the old one
    assert wdoc.undo_stack.count() == 3
    assert wdoc.evaluation.weights["B"] == b + 1
    wdoc.undo_stack.undo()
    assert wdoc.evaluation.weights["B"] == b


def test_a_step_after_an_undo_is_a_new_entry(view: WeightsView, wdoc: Document):
    slider = view.slider("A")
    slider.setFocus()
    start = wdoc.evaluation.weights["A"]
    QTest.keyClick(slider, Qt.Key.Key_Right)
    QTest.keyClick(slider, Qt.Key.Key_Right)
    wdoc.undo_stack.undo()
    QTest.keyClick(slider, Qt.Key.Key_Right)
    assert wdoc.undo_stack.count() == 1 and wdoc.undo_stack.index() == 1
    assert on_disk(wdoc)[0].weights["A"] == start + 1 == wdoc.evaluation.weights["A"]
    wdoc.undo_stack.undo()
    assert on_disk(wdoc)[0].weights["A"] == start


def test_the_store_adds_only_to_its_own_newest_entry(wdoc: Document, tmp_path):
    store = wdoc.store
    with pytest.raises(ChangeError):
        store.amend(SetWeights({"A": 3.0}))  # nothing written by this store yet
    store.apply(SetWeights({"A": 1.0}))
    with Store.open(wdoc.path) as other:  # another program adds an entry meanwhile
        other.apply(SetWeights({"B": 2.0}))
    with pytest.raises(ChangeError):
        store.amend(SetWeights({"A": 3.0}))
    assert on_disk(wdoc)[0].weights["A"] == 1.0


def test_the_audit_page_shows_the_run_as_its_one_entry(view: WeightsView, wdoc: Document):
    from ui.models.audit_model import AuditModel

    model = AuditModel(wdoc)
    rows = model.rowCount()
    slider = view.slider("A")
    slider.setFocus()
    start = wdoc.evaluation.weights["A"]
    for _ in range(3):
        QTest.keyClick(slider, Qt.Key.Key_Right)
    assert model.rowCount() == rows + 1
    assert f"→ {int(start + 3)}" in model.data(model.index(0, 2))
