"""The alternatives as an editable table: name, vendor, description. Edits become ``UpdateAlternative`` changes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from evaluator.changes import UpdateAlternative
from evaluator.model import Alternative, Evaluation
from evaluator.summary import summarize

from ..document import Document
from ..i18n import tr

Index = QModelIndex | QPersistentModelIndex
FIELDS = ("name", "vendor", "description")
_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole))


def column_titles() -> tuple[str, ...]:
    return (tr("Name"), tr("Vendor"), tr("Description"))


class AlternativesModel(QAbstractTableModel):
    def __init__(self, doc: Document, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self._ev = doc.evaluation
        doc.changed.connect(self._stored)

    def _stored(self, ev: Evaluation) -> None:
        """A stored change: repaint only the rows it touched (a score, a weight, a title: none)."""
        touched = summarize(self._ev, ev)
        old = self._ev
        if touched.everything or [a.id for a in ev.alternatives] != [a.id for a in old.alternatives]:
            self.refresh(ev)
            return
        self._ev = ev
        if touched.alternatives:
            for r, a in enumerate(ev.alternatives):
                if a is not old.alternatives[r]:
                    self.dataChanged.emit(self.index(r, 0), self.index(r, len(FIELDS) - 1))

    def refresh(self, ev: Evaluation | None = None) -> None:
        """Show ``ev`` (default: the document's) anew, every cell and the headers (a language switch)."""
        ev = self.doc.evaluation if ev is None else ev
        same = [a.id for a in ev.alternatives] == [a.id for a in self._ev.alternatives]
        if same:
            self._ev = ev
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(FIELDS) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(FIELDS) - 1)
        else:
            self.beginResetModel()
            self._ev = ev
            self.endResetModel()

    def alternative(self, row: int) -> Alternative:
        return self._ev.alternatives[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ev.alternatives)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():  # first: sizing a column asks for a dozen roles a cell
            return None
        column = index.column()
        value = getattr(self._ev.alternatives[index.row()], FIELDS[column])
        if role == Qt.ItemDataRole.ToolTipRole:
            return value if column == 2 else None
        if role == Qt.ItemDataRole.DisplayRole and column == 2 and len(value) > 160:
            return value[:157] + "…"
        return value

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        a = self._ev.alternatives[index.row()]
        field = FIELDS[index.column()]
        value = str(value).strip()
        if getattr(a, field) == value:
            return False
        return self.doc.apply(UpdateAlternative(replace(a, **{field: value})))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_titles()[section] if section < len(FIELDS) else None
        return str(section + 1)
