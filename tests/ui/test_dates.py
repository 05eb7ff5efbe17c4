"""Dates are calendar dates or none: "gisteren" and 31-02-2026 are refused with a message (issue 11, item 8)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.main_window import MainWindow


def type_into(qtbot, field, text: str, leave_to) -> None:
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    if text:
        qtbot.keyClicks(field, text)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field stores it
    if field.hasFocus():
        leave_to.setFocus()


def test_the_evidence_date_takes_only_real_dates(qtbot, window: MainWindow):
    scores = window.show_page("scores")
    qtbot.waitUntil(scores.isVisible)
    scores.select("teams", "A1")
    date = scores.panel.date
    for bad in ("gisteren", "31-02-2026"):
        type_into(qtbot, date, bad, scores.table)
        assert window.doc.evaluation.assessment("teams", "A1").date == ""
        assert bad in window.last_error
    type_into(qtbot, date, "15-03-2026", scores.table)
    assert window.doc.evaluation.assessment("teams", "A1").date == "2026-03-15"
    assert date.text() == "15-03-2026"
    type_into(qtbot, date, "", scores.table)  # no date
    assert window.doc.evaluation.assessment("teams", "A1").date == ""


def test_the_evaluation_date_in_english(qtbot, window: MainWindow):
    window.set_language("en")
    page = window.show_page("evaluation")
    qtbot.waitUntil(page.isVisible)
    type_into(qtbot, page.date, "yesterday", page.title)
    assert window.doc.evaluation.date == "" and "yesterday" in window.last_error
    type_into(qtbot, page.date, "15/03/2026", page.title)
    assert window.doc.evaluation.date == "2026-03-15"
    window.set_language("nl")
    assert page.date.text() == "15-03-2026"


def test_an_audit_moment_reads_the_same_in_the_app_the_command_line_and_the_memo(qtbot, window: MainWindow):
    """The app wrote the moment by Qt's locale, the memo by Babel ('01-12-2026 07:06 UTC') and `afweging log`
    as stored ('2026-12-01T07:06:24+00:00'): one formatter (evaluator.formats.moment_text) now serves all."""
    import subprocess
    import sys

    from evaluator.formats import moment_text

    window.set_language("nl")
    page = window.show_page("audit")
    model = page.table.model()
    entry = window.doc.store.audit(limit=1)[0]
    shown = model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert shown == moment_text(entry.time, "nl", short=True)
    printed = subprocess.run(
        [sys.executable, "-m", "evaluator", "log", str(window.doc.path), "--lang", "nl"],
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert moment_text(entry.time, "nl", short=True) in printed
    assert entry.time not in printed
