"""The features built as separate widgets are reachable from the main window by menu and keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from ui.main_window import MainWindow
from ui.settings import Settings


def _file_menu_texts(w: MainWindow) -> list[str]:
    return [a.text() for a in w.file_menu.actions()]


def test_memo_export_and_verify_are_in_the_file_menu_in_both_languages(qtbot, window: MainWindow):
    from ui.i18n import set_language

    assert "Besluit&notitie (pdf)…" in _file_menu_texts(window)
    set_language("en")
    assert "Decision &memo (PDF)…" in _file_menu_texts(window)
    assert "&Verify a memo…" in _file_menu_texts(window)


def test_memo_action_opens_the_export_dialog_on_the_open_evaluation(qtbot, window: MainWindow):
    from ui.export_memo_dialog import ExportMemoDialog
    from ui.verify_dialog import VerifyDialog

    window.memo_action.trigger()
    dlg = window.memo_dialog
    assert isinstance(dlg, ExportMemoDialog) and dlg.isVisible()
    dlg.close()
    window.verify_action.trigger()
    assert isinstance(window.verify_dialog, VerifyDialog) and window.verify_dialog.isVisible()
    window.verify_dialog.close()


def test_f5_opens_the_projector_full_screen_and_escape_leaves(qtbot, window: MainWindow):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    proj = window.projector
    qtbot.waitUntil(proj.isVisible)
    assert proj.isFullScreen()
    qtbot.keyClick(proj, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not proj.isVisible())


def test_workshop_page_is_a_page_of_the_window(qtbot, window: MainWindow):
    window.show_page("workshop")
    from ui.workshop_view import WorkshopView

    assert isinstance(window.page("workshop"), WorkshopView)


def test_window_remembers_its_size_and_place(qtbot, small_file: Path):
    from PySide6.QtGui import QGuiApplication

    first = MainWindow(Settings())
    qtbot.addWidget(first)
    room = QGuiApplication.primaryScreen().availableGeometry()
    # a first start fills 85 % of the screen (at least 1280 × 720), never more than the screen
    assert first.width() == min(max(int(room.width() * 0.85), 1280), room.width())
    first.resize(700, 500)
    first.move(30, 40)
    first.show()
    qtbot.waitExposed(first)
    first.close()
    again = MainWindow(Settings.load())
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_the_audit_trail_reads_in_the_language_of_the_window(qtbot, window: MainWindow):
    from evaluator.changes import SetWeights
    from ui.i18n import set_language
    from ui.models.audit_model import what

    window.doc.apply(SetWeights({"A": 70.0}))
    entry = window.doc.audit(limit=1)[0]
    assert what(entry) == "Gewicht A → 70"
    set_language("en")
    assert what(entry) == "Weight A → 70"
