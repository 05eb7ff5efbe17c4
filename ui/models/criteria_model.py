"""The criteria tree: areas at the top level, their criteria beneath, read-only (a side panel edits them).

Columns: name (with id), scale, direction, minimum level, framework. Texts follow the current language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from evaluator.model import Area, Criterion, Evaluation, Scale, text
from evaluator.scales import unit_text
from evaluator.summary import summarize

from ..document import Document
from ..i18n import language, number, tr
from .scores_model import score_text

Index = QModelIndex | QPersistentModelIndex
AREA = 0  # internalId of area rows; a criterion row's internalId is its area's row + 1


def column_titles() -> tuple[str, ...]:
    return (
        tr("Criterion"),
        tr("Scale"),
        tr("Direction"),
        tr("Minimum"),
        tr("Framework"),
    )


def scale_summary(scale: Scale) -> str:
    if scale.kind == "ordinal":
        lo, hi = scale.bounds or (0, 0)
        return tr("levels") + f" {number(lo, 0)}–{number(hi, 0)}"
    if scale.kind == "boolean":
        return tr("yes/no")
    if scale.bounds is None:
        return tr("number") + (f" ({unit_text(scale.unit, language())})" if scale.unit else "")
    lo, hi = scale.bounds
    dec = 0 if float(lo).is_integer() and float(hi).is_integer() else 2
    return f"{number(lo, dec)}–{number(hi, dec)} {unit_text(scale.unit, language())}".strip()


def direction_text(scale: Scale) -> str:
    return tr("higher is better") if scale.direction == "benefit" else tr("lower is better")


_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole))


class CriteriaModel(QAbstractItemModel):
    def __init__(self, doc: Document, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self._ev = doc.evaluation
        self._grouped_for: Evaluation | None = None
        self._grouped: list[tuple[Criterion, ...]] = []
        doc.changed.connect(self._stored)

    @staticmethod
    def _shape(ev: Evaluation) -> tuple:
        return tuple((a.id, tuple(c.id for c in ev.criteria_of(a.id))) for a in ev.areas)

    def _stored(self, ev: Evaluation) -> None:
        """A stored change: repaint only when it touched the areas or criteria (not a score, weight or title)."""
        touched = summarize(self._ev, ev)
        if touched.everything or touched.areas or touched.criteria:
            self.refresh(ev)
        else:
            self._ev = ev

    def refresh(self, ev: Evaluation | None = None) -> None:
        """Show ``ev`` (default: the document's) anew, every cell and the headers (a language switch)."""
        ev = self.doc.evaluation if ev is None else ev
        if self._shape(ev) == self._shape(self._ev):
            self._ev = ev
            for r in range(len(ev.areas)):
                top = self.index(r, 0)
                self.dataChanged.emit(top, self.index(r, 4))
                n = self.rowCount(top)
                if n:
                    self.dataChanged.emit(self.index(0, 0, top), self.index(n - 1, 4, top))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        else:
            self.beginResetModel()
            self._ev = ev
            self.endResetModel()

    # -- look-ups -------------------------------------------------------------------------------------------
    def item(self, index: Index) -> Area | Criterion | None:
        if not index.isValid():
            return None
        if index.internalId() == AREA:
            return self._ev.areas[index.row()]
        return self._criteria_of(index.internalId() - 1)[index.row()]

    def _criteria_of(self, area_row: int) -> tuple[Criterion, ...]:
        """The criteria of the area in row ``area_row``, grouped once per evaluation shown (a paint asks for
        every visible cell, and ``Evaluation.criteria_of`` goes through every criterion)."""
        if self._grouped_for is not self._ev:
            grouped: dict[str, list[Criterion]] = {a.id: [] for a in self._ev.areas}
            for c in self._ev.criteria:
                grouped.setdefault(c.area, []).append(c)
            self._grouped = [tuple(grouped[a.id]) for a in self._ev.areas]
            self._grouped_for = self._ev
        return self._grouped[area_row]

    def index_of(self, item_id: str) -> QModelIndex:
        for r, a in enumerate(self._ev.areas):
            if a.id == item_id:
                return self.index(r, 0)
            for cr, c in enumerate(self._ev.criteria_of(a.id)):
                if c.id == item_id:
                    return self.index(cr, 0, self.index(r, 0))
        return QModelIndex()

    # -- structure ------------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, AREA)
        if parent.internalId() == AREA:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == AREA:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, AREA)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._ev.areas)
        if parent.internalId() == AREA and parent.column() == 0:
            return len(self._criteria_of(parent.row()))
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 5

    # -- data -----------------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # first: sizing a column asks every cell for a dozen roles
            return None
        it = self.item(index)
        if it is None:
            return None
        lang = language()
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(it, Area):
                return f"{it.id}  {text(it.name, lang)}" if col == 0 else ""
            if col == 0:
                return f"{it.id}  {text(it.name, lang)}"
            if col == 1:
                return scale_summary(it.scale)
            if col == 2:
                return direction_text(it.scale)
            if col == 3:
                return "" if it.minimum is None else score_text(it, it.minimum)
            return it.framework
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return text(it.description, lang) or None
        if role == Qt.ItemDataRole.FontRole and isinstance(it, Area):
            from ..style import scaled_font

            return scaled_font(1.0, bold=True)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section < 5:
            return column_titles()[section]
        return None
