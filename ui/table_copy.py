"""Ctrl+C on any table in the app copies the whole selection as tab-separated text (rows on lines), as a
spreadsheet does — not just the current cell, which is what Qt's item views copy by themselves.

One event filter (:func:`install`, once for the application) serves every ``QTableView`` and ``QTableWidget``,
including those in dialogs and pages built later; no table needs code of its own. It is put on a table when the
table gets the keyboard focus (the only time a key can reach it), not on the application, so the app's other
events never pass through Python for it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QTableView, QWidget


def selection_text(view: QTableView) -> str:
    """The selected cells of ``view`` as TSV, in the order shown: selected rows × selected columns (a cell in
    that grid that is not selected is empty), hidden rows and columns left out. The current cell when nothing
    is selected; ``""`` when there is no current cell either."""
    model, sel = view.model(), view.selectionModel()
    if model is None:
        return ""
    indexes = [i for i in (sel.selectedIndexes() if sel is not None else []) if i.isValid()]
    if not indexes and view.currentIndex().isValid():
        indexes = [view.currentIndex()]
    if not indexes:
        return ""
    chosen = {(i.row(), i.column()) for i in indexes}
    vh, hh = view.verticalHeader(), view.horizontalHeader()
    rows = sorted({r for r, _ in chosen if not view.isRowHidden(r)}, key=vh.visualIndex)
    cols = sorted({c for _, c in chosen if not view.isColumnHidden(c)}, key=hh.visualIndex)
    lines = []
    for r in rows:
        cells = [_cell(model.index(r, c)) if (r, c) in chosen else "" for c in cols]
        lines.append("\t".join(cells))
    return "\n".join(lines)


def _cell(index) -> str:  # noqa: ANN001 - a QModelIndex
    value = index.data(Qt.ItemDataRole.DisplayRole)
    if value is None:
        return ""
    return " ".join(str(value).replace("\t", " ").splitlines())  # one cell stays one cell


class TableCopy(QObject):
    """The event filter each focused table view gets: the Copy key copies its selection."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QTableView):
            new.installEventFilter(self)  # once: installing it again only moves it to the front

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _KEYS or not isinstance(obj, QTableView) or not isinstance(event, QKeyEvent):
            return False
        if not event.matches(QKeySequence.StandardKey.Copy):
            return False
        if kind == QEvent.Type.ShortcutOverride:  # a window's Ctrl+C shortcut must not take it from the table
            event.accept()
            return True
        QGuiApplication.clipboard().setText(selection_text(obj))
        return True


_KEYS = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)

_installed: list[TableCopy] = []


def install(app: QApplication | None = None) -> TableCopy:
    """Copy selections in every table of ``app`` (default: the running application); once."""
    app = app or QApplication.instance()
    if app is None:
        raise RuntimeError("create a QApplication first")
    for f in _installed:
        if shiboken6.isValid(f) and f.parent() is app:
            return f
    f = TableCopy(app)
    _installed[:] = [x for x in _installed if shiboken6.isValid(x)] + [f]
    return f
