"""Ctrl+C on a table copies the whole selection as tab-separated text (issue 16), in every table of the app."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier


def press_copy(qtbot, widget: QWidget) -> None:
    """Ctrl+C as the platform delivers it to the focused table: through its window, shortcuts and all."""
    assert widget.hasFocus()
    qtbot.keyClick(widget.window().windowHandle(), Qt.Key.Key_C, CTRL)


def _table(rows: list[list[str]]) -> QTableWidget:
    t = QTableWidget(len(rows), len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.setItem(r, c, QTableWidgetItem(value))
    return t


@pytest.fixture
def shown(qtbot, window):
    """Show a table focused in the running app (whose window installed the copy), as a user meets it."""
    hosts: list[QWidget] = []

    def show(table: QTableWidget) -> QTableWidget:
        host = QWidget()
        QVBoxLayout(host).addWidget(table)
        qtbot.addWidget(host)
        hosts.append(host)
        host.show()
        host.activateWindow()
        qtbot.waitUntil(host.isActiveWindow)
        table.setFocus()
        return table

    yield show
    hosts.clear()


def test_ctrl_c_copies_a_2x3_selection_as_tsv(qtbot, window, shown):
    t = shown(_table([["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]]))
    t.setRangeSelected(_range(0, 0, 1, 2), True)
    QGuiApplication.clipboard().setText("before")
    press_copy(qtbot, t)
    assert QGuiApplication.clipboard().text() == "a\tb\tc\nd\te\tf"


def test_a_selection_with_gaps_keeps_its_grid_and_leaves_hidden_columns_out(qtbot, window, shown):
    t = shown(_table([["a", "b", "c"], ["d", "e", "f"], ["g", "h\tx", "i\nj"]]))
    t.setColumnHidden(1, True)
    sel = QItemSelection()
    for r, c in ((0, 0), (2, 1), (2, 2), (2, 0), (0, 1)):
        sel.select(t.model().index(r, c), t.model().index(r, c))
    t.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    press_copy(qtbot, t)
    # row 1 has nothing selected, column 1 is hidden, a line break in a cell is a space: one cell stays one cell
    assert QGuiApplication.clipboard().text() == "a\t\ng\ti j"


def test_a_window_shortcut_on_ctrl_c_does_not_take_the_copy_from_the_table(qtbot, window, shown):
    fired = []
    t = shown(_table([["1", "2"], ["3", "4"]]))
    act = QAction(t.window())
    act.setShortcut(QKeySequence.StandardKey.Copy)
    act.triggered.connect(lambda: fired.append(True))
    t.window().addAction(act)
    t.selectAll()
    press_copy(qtbot, t)
    assert QGuiApplication.clipboard().text() == "1\t2\n3\t4" and not fired


def test_the_ranking_under_every_method_copies_whole(qtbot, window):
    view = window.show_page("results")
    view.wait_for_methods()
    table = view.table
    table.setFocus()
    table.selectAll()
    press_copy(qtbot, table)
    lines = QGuiApplication.clipboard().text().split("\n")
    model = table.model()
    assert len(lines) == model.rowCount() and model.rowCount() >= 2
    for r, line in enumerate(lines):
        cells = line.split("\t")
        assert len(cells) == model.columnCount()
        assert cells == [model.index(r, c).data() for c in range(model.columnCount())]
    assert any(cell == "1" for cell in lines[0].split("\t")[1:])


def _range(top: int, left: int, bottom: int, right: int):
    from PySide6.QtWidgets import QTableWidgetSelectionRange

    return QTableWidgetSelectionRange(top, left, bottom, right)
