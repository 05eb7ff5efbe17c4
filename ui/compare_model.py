"""A Qt table model: the ranks of the included alternatives under every method, side by side.

The ranks come from the core (:mod:`evaluator.method_ranks`): the fast methods at once, the others (which need
scikit-criteria) off the GUI thread after the window is shown; until then their cells say they are pending.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from evaluator.method_ranks import SLOW_METHODS
from evaluator.methods import METHODS
from evaluator.text import method_title

from .i18n import language, number, tr

PENDING = "pending"


def method_name(method: str) -> str:
    """The method's full name in the current language."""
    return method_title(method, language())


def short_name(method: str) -> str:
    """A column heading: the acronym ("WSM", "TOPSIS", "ELECTRE I")."""
    return METHODS[method].acronym


_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole))  # fmt: skip


class CompareModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ids: tuple[str, ...] = ()
        self._names: tuple[str, ...] = ()
        self._current = "wsm"
        self._ranks: dict[str, Mapping[str, int] | str] = {}
        self.methods: tuple[str, ...] = tuple(METHODS)
        self._rank_texts: dict[tuple[int, str], str] = {}

    def set_rows(
        self,
        ids: Sequence[str],
        names: Sequence[str],
        current: str,
        fast: Mapping[str, Mapping[str, int]],
        slow: Mapping[str, Mapping[str, int] | str] | None,
    ) -> None:
        self.beginResetModel()
        self._ids, self._names, self._current = tuple(ids), tuple(names), current
        self._ranks = dict(fast)
        for m in SLOW_METHODS:
            self._ranks[m] = PENDING if slow is None else slow.get(m, PENDING)
        self.endResetModel()

    def _rank_text(self, k: int) -> str:
        """A rank as the language writes it, written once per rank and language (1 000 rows × 9 methods are
        asked again at every paint and column sizing)."""
        key = (k, language())
        text = self._rank_texts.get(key)
        if text is None:
            text = self._rank_texts[key] = number(k, 0)
        return text

    def rank_of(self, alternative: str, method: str) -> int | None:
        r = self._ranks.get(method)
        return r.get(alternative) if isinstance(r, Mapping) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.methods)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role not in _ROLES or not index.isValid()
        ):  # first: sizing the columns asks every cell for every role
            return None
        row, col = index.row(), index.column()
        if col == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._names[row]
            return None
        m = self.methods[col - 1]
        r = self._ranks.get(m, PENDING)
        if role == Qt.ItemDataRole.DisplayRole:
            if r == PENDING:
                return "…"
            if isinstance(r, str):
                return "—"
            k = r.get(self._ids[row])
            return self._rank_text(k) if k is not None else "—"
        if role == Qt.ItemDataRole.ToolTipRole:
            if r == PENDING:
                return tr("Being computed…")
            if isinstance(r, str):
                return r
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and m == self._current:
            f = QFont()
            f.setBold(True)
            return f
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return tr("Alternative")
            return short_name(self.methods[section - 1])
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return method_name(self.methods[section - 1])
        return None
