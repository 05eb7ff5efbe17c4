"""The keys the pages advertise work, and Tab leaves every table (issue 11, item 6)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QInputDialog

from tests.ui.modals import answer
from tests.ui.walk import each_view
from ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier


def show(qtbot, window: MainWindow, key: str):
    page = window.show_page(key)
    qtbot.waitUntil(page.isVisible)  # a page built now is shown on the next turn of the event loop
    return page


def type_name(name: str):
    def step(d) -> None:
        assert isinstance(d, QInputDialog)
        d.setTextValue(name)
        d.accept()

    return step


def test_insert_and_alt_arrows_on_the_alternatives_page(qtbot, window: MainWindow):
    page = show(qtbot, window, "alternatives")
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Down, ALT)
    assert [a.id for a in window.doc.evaluation.alternatives] == ["opendesk", "teams", "nextcloud"]
    qtbot.keyClick(page.table, Qt.Key.Key_Up, ALT)
    assert [a.id for a in window.doc.evaluation.alternatives] == ["teams", "opendesk", "nextcloud"]
    answer(qtbot, [type_name("CryptPad")], lambda: qtbot.keyClick(page.table, Qt.Key.Key_Insert))
    assert [a.name for a in window.doc.evaluation.alternatives][-1] == "CryptPad"
    window.set_language("en")  # the texts are set again: the keys must survive that
    window.activateWindow()  # back from the question (offscreen Qt does not do it by itself)
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(3, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Up, ALT)
    assert [a.name for a in window.doc.evaluation.alternatives][-2] == "CryptPad"


def test_insert_on_the_criteria_page_adds_a_criterion(qtbot, window: MainWindow):
    page = show(qtbot, window, "criteria")
    page.select("B1")
    page.tree.setFocus()
    answer(qtbot, [type_name("Exit plan")], lambda: qtbot.keyClick(page.tree, Qt.Key.Key_Insert))
    added = window.doc.evaluation.criteria[-1]
    assert added.area == "B" and added.name["nl"] == "Exit plan"


def test_tab_leaves_every_table_and_tree(qtbot, window: MainWindow):
    stuck = []
    for where, page in each_view(qtbot, window):
        for view in page.findChildren(QAbstractItemView):
            if not view.isVisible() or view.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue
            if view.model() is not None and view.model().rowCount():
                view.setCurrentIndex(view.model().index(0, 0))
            view.setFocus()
            qtbot.waitUntil(view.hasFocus)
            qtbot.keyClick(view, Qt.Key.Key_Tab)
            if QApplication.focusWidget() is view:
                stuck.append(f"{where}: {view.accessibleName() or type(view).__name__}")
    assert not stuck
