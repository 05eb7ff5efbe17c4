"""A numeric score is a number someone typed: an unscored cell stays unscored until then (issue 11, item 2)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from ui.main_window import MainWindow


def open_editor(qtbot, w: MainWindow, alternative: str, criterion: str):
    scores = w.show_page("scores")
    scores.select(alternative, criterion)
    scores.table.setFocus()
    qtbot.keyClick(scores.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not scores.table
    return scores, editor


def finish(qtbot, scores, editor, key=Qt.Key.Key_Return) -> None:
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: scores.table.state() == scores.table.State.NoState)
    QApplication.processEvents()


def clear(qtbot, w: MainWindow, alternative: str, criterion: str) -> None:
    scores = w.show_page("scores")
    scores.select(alternative, criterion)
    qtbot.keyClick(scores.table, Qt.Key.Key_Delete)
    assert w.doc.evaluation.assessment(alternative, criterion).value is None


def test_an_unscored_numeric_cell_opens_empty_and_enter_or_tab_leaves_it_unscored(qtbot, window: MainWindow):
    clear(qtbot, window, "teams", "B1")
    scores, editor = open_editor(qtbot, window, "teams", "B1")
    shown = editor.text() if isinstance(editor, QLineEdit) else editor.lineEdit().text()
    assert "0" not in shown  # not "0,00": an empty field
    finish(qtbot, scores, editor)
    assert window.doc.evaluation.assessment("teams", "B1").value is None
    scores, editor = open_editor(qtbot, window, "teams", "B1")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # commits and moves on to the next cell
    QApplication.processEvents()
    assert window.doc.evaluation.assessment("teams", "B1").value is None
    assert scores.model.index_of("teams", "B1").data() == "–"


def test_letters_in_a_numeric_score_are_refused_with_a_message(qtbot, window: MainWindow):
    clear(qtbot, window, "teams", "B1")
    scores, editor = open_editor(qtbot, window, "teams", "B1")
    qtbot.keyClicks(editor, "veel")
    finish(qtbot, scores, editor)
    assert window.doc.evaluation.assessment("teams", "B1").value is None
    assert "veel" in window.last_error
    # a scored cell keeps its score when letters are typed over it
    scores, editor = open_editor(qtbot, window, "opendesk", "B1")
    editor.selectAll()
    qtbot.keyClicks(editor, "abc")
    finish(qtbot, scores, editor)
    assert window.doc.evaluation.assessment("opendesk", "B1").value == 6.0


def test_a_dutch_decimal_comma_and_an_english_point_are_numbers(qtbot, window: MainWindow):
    clear(qtbot, window, "teams", "B1")
    scores, editor = open_editor(qtbot, window, "teams", "B1")
    qtbot.keyClicks(editor, "7,5")
    finish(qtbot, scores, editor)
    assert window.doc.evaluation.assessment("teams", "B1").value == 7.5
    assert scores.model.index_of("teams", "B1").data() == "7,50 firms"

    window.set_language("en")
    scores, editor = open_editor(qtbot, window, "teams", "B1")
    editor.selectAll()
    qtbot.keyClicks(editor, "12.25")
    finish(qtbot, scores, editor)
    assert window.doc.evaluation.assessment("teams", "B1").value == 12.25


def test_a_number_outside_the_scale_is_refused(qtbot, window: MainWindow):
    scores, editor = open_editor(qtbot, window, "opendesk", "B1")
    editor.selectAll()
    qtbot.keyClicks(editor, "25")
    finish(qtbot, scores, editor)
    assert window.doc.evaluation.assessment("opendesk", "B1").value == 6.0
    assert "25" in window.last_error


def test_the_evidence_panel_score_field_does_not_turn_unscored_into_zero(qtbot, window: MainWindow):
    clear(qtbot, window, "teams", "B1")
    panel = window.page("scores").panel
    field = panel.score
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field without typing
    assert window.doc.evaluation.assessment("teams", "B1").value is None
    field.setFocus()
    qtbot.keyClicks(field, "x")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.doc.evaluation.assessment("teams", "B1").value is None
    assert "x" in window.last_error
