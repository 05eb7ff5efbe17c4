"""Removing an alternative or a criterion and starting a new round ask first; Cancel (the default) keeps
everything, and undo still restores what was removed (issue 11, item 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from evaluator.changes import AddParticipant, SetWeights
from evaluator.model import Participant
from tests.ui.modals import CANCEL, DESTROY, answer
from ui.main_window import MainWindow


def undo_by_key(qtbot, window: MainWindow) -> None:
    window.activateWindow()  # back from the question
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def enter(box) -> None:
    """Enter on the question: the default answer must be the safe one."""
    QTest.keyClick(box, Qt.Key.Key_Return)


def test_delete_on_an_alternative_asks_and_cancel_keeps_it_with_its_evidence(qtbot, window: MainWindow):
    page = window.show_page("alternatives")
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    seen = answer(qtbot, [CANCEL], lambda: qtbot.keyClick(page.table, Qt.Key.Key_Delete))
    assert "Microsoft Teams" in seen[0].text()
    assert [a.id for a in window.doc.evaluation.alternatives] == ["teams", "opendesk", "nextcloud"]
    answer(qtbot, [enter], lambda: qtbot.keyClick(page.table, Qt.Key.Key_Delete))
    assert len(window.doc.evaluation.alternatives) == 3

    answer(qtbot, [DESTROY], lambda: qtbot.keyClick(page.table, Qt.Key.Key_Delete))
    assert [a.id for a in window.doc.evaluation.alternatives] == ["opendesk", "nextcloud"]
    undo_by_key(qtbot, window)
    assert window.doc.evaluation.assessment("teams", "A1").evidence == "evidence teams A1"


def test_the_remove_button_asks_too(qtbot, window: MainWindow):
    page = window.show_page("alternatives")
    page.table.setCurrentIndex(page.model.index(1, 0))
    answer(qtbot, [CANCEL], lambda: qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton))
    assert len(window.doc.evaluation.alternatives) == 3


def test_removing_a_criterion_asks(qtbot, window: MainWindow):
    page = window.show_page("criteria")
    page.select("A1")
    answer(qtbot, [CANCEL], lambda: qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton))
    assert "A1" in [c.id for c in window.doc.evaluation.criteria]
    answer(qtbot, [DESTROY], lambda: qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton))
    assert "A1" not in [c.id for c in window.doc.evaluation.criteria]


def test_new_round_asks_before_clearing_the_votes(qtbot, window: MainWindow):
    doc = window.doc
    for pid in ("ann", "bob"):
        doc.apply(AddParticipant(Participant(pid, pid.title())))
        doc.apply(SetWeights({"A": 50, "B": 50, "A1": 50, "A2": 50, "B1": 50, "B2": 50}, pid, True))
    page = window.show_page("workshop")
    answer(qtbot, [CANCEL], lambda: qtbot.mouseClick(page.round_button, Qt.MouseButton.LeftButton))
    assert set(doc.evaluation.participant_weights) == {"ann", "bob"}
    seen = answer(qtbot, [DESTROY], lambda: qtbot.mouseClick(page.round_button, Qt.MouseButton.LeftButton))
    assert "2" in seen[0].text() + seen[0].informativeText()
    assert not doc.evaluation.participant_weights
    undo_by_key(qtbot, window)
    assert set(doc.evaluation.participant_weights) == {"ann", "bob"}
