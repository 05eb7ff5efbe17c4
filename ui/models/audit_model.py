"""The audit trail as a table, newest first: when (locale format), who, what, why.

The document's store records every change with an English label; the first entry ("created") is the file's
creation. Reading goes through :meth:`Document.audit`, never to SQLite directly from a view.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from evaluator.store import AuditEntry

from ..document import Document
from ..i18n import language, pgettext, tr

Index = QModelIndex | QPersistentModelIndex


def column_titles() -> tuple[str, ...]:
    return (tr("When"), tr("Who"), tr("What"), tr("Why"))


def local_time(iso: str) -> str:
    """An ISO 8601 UTC moment as local time, written as the memo and ``afweging log`` write it."""
    from evaluator.formats import moment_text

    return moment_text(iso, language(), short=True)


def what(entry: AuditEntry) -> str:
    if entry.label == "created":
        return tr("File created")
    label = entry.label_in(language())
    if entry.reason == "undo":
        return pgettext("audit", "Undo") + ": " + label
    return label


class AuditModel(QAbstractTableModel):
    def __init__(self, doc: Document, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self._rows: list[AuditEntry] = doc.audit()
        doc.changed.connect(self.refresh)

    def refresh(self, *_: object) -> None:
        """Add the entries recorded since the newest one shown (one per change; not the whole trail again). The
        newest one shown is read again: a run of keyboard steps rewrites its one entry (Store.amend)."""
        newer = self.doc.audit(after=self._rows[0].seq - 1 if self._rows else 0)
        if newer and self._rows and newer[-1].seq == self._rows[0].seq:
            again = newer.pop()
            if again != self._rows[0]:
                self._rows[0] = again
                self.dataChanged.emit(self.index(0, 0), self.index(0, 3))
        if newer:
            self.beginInsertRows(QModelIndex(), 0, len(newer) - 1)
            self._rows[:0] = newer
            self.endInsertRows()

    def entry(self, row: int) -> AuditEntry:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            col = index.column()
            if col == 0:
                return local_time(e.time)
            if col == 1:
                return e.user
            if col == 2:
                return what(e)
            return "" if e.reason == "undo" else e.reason
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_titles()[section] if section < 4 else None
        return None
