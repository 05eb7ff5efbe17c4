"""Alternatives × criteria: each cell a score as a person reads it, coloured by its value, uncertain ones marked.

Editing a cell applies a :func:`evaluator.changes.set_score` change through the document (one undo step,
stored at once). Colours come from the value function (fixed scale bounds), so the same score has the same
colour in every evaluation; a low-confidence or ranged score carries a "?" and says why in its tooltip.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from evaluator.changes import set_score
from evaluator.model import Assessment, Criterion, Evaluation, text
from evaluator.problem import value_matrix
from evaluator.scales import format_score, with_unit
from evaluator.scales import values as scale_values
from evaluator.summary import EVERYTHING, summarize

from .. import style
from ..document import Document
from ..i18n import language, number, tr

Index = QModelIndex | QPersistentModelIndex


def confidence_text(confidence: str) -> str:
    names = {"high": tr("high"), "medium": tr("medium"), "low": tr("low")}
    return names.get(confidence) or tr("not stated")


def score_text(crit: Criterion, value: float | None) -> str:
    """A score in the current language: the level's label, yes/no, or the number (locale format) and unit."""
    if value is None:
        return "–"
    scale = crit.scale
    if scale.kind == "numeric":
        decimals = 0 if float(value).is_integer() else 2
        return with_unit(scale, value, language(), number(value, decimals))
    return format_score(scale, value, language())


def uncertainty_reason(s: Assessment) -> str:
    reasons = []
    if s.confidence == "low":
        reasons.append(tr("low confidence"))
    if s.low is not None and s.high is not None and s.high > s.low:
        reasons.append(tr("score range") + f" {number(s.low, 0)}–{number(s.high, 0)}")
    return ", ".join(reasons)


@functools.cache
def _brushes(step: int) -> tuple[QBrush, QBrush]:
    """(background, text) brushes of one step of the colour ramp (-1: not scored); made once, not per cell."""
    bg, fg = style.value_colours(math.nan if step < 0 else step / (len(style.RAMP) - 1))
    return QBrush(QColor(bg)), QBrush(QColor(fg))


def _step(value: float) -> int:
    """The ramp step ``style.value_colours`` gives ``value`` (-1: NaN, not scored)."""
    if math.isnan(value):
        return -1
    return round(min(1.0, max(0.0, value)) * (len(style.RAMP) - 1))


class ScoresModel(QAbstractTableModel):
    """Rows: alternatives; columns: criteria. ``Qt.EditRole`` is the score as a float (or ``None``)."""

    def __init__(self, doc: Document, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self._ev = doc.evaluation
        self._values = self._compute_values(self._ev)
        doc.changed.connect(self.refresh)

    # -- structure ------------------------------------------------------------------------------------------
    @staticmethod
    def _compute_values(ev: Evaluation) -> np.ndarray:
        if not ev.criteria or not ev.alternatives:
            return np.zeros((len(ev.alternatives), len(ev.criteria)))
        return value_matrix(ev)

    @staticmethod
    def _column_values(ev: Evaluation, j: int) -> np.ndarray:
        """Column ``j`` of :meth:`_compute_values` (its scores through the criterion's value function)."""
        c = ev.criteria[j]
        col = np.array(
            [
                np.nan if (s := ev.assessments.get((a.id, c.id))) is None or s.value is None else s.value
                for a in ev.alternatives
            ],
            dtype=float,
        )
        return scale_values(c.scale, col)

    @staticmethod
    def _shape(ev: Evaluation) -> tuple:
        return (tuple(a.id for a in ev.alternatives), tuple(c.id for c in ev.criteria))

    def refresh(self, ev: Evaluation | None = None) -> None:
        """Show ``ev`` (default: the document's), repainting only the cells the change touched.

        A title or weight edit touches no cell (nothing is recomputed or repainted); a score edit repaints its
        cell — its whole column when the criterion has no fixed bounds, whose values then depend on every score.
        """
        ev = self.doc.evaluation if ev is None else ev
        touched = summarize(self._ev, ev) if ev is not self._ev else EVERYTHING  # refresh(): show all anew
        if self._shape(ev) != self._shape(self._ev):
            self.beginResetModel()
            self._ev, self._values = ev, self._compute_values(ev)
            self.endResetModel()
            return
        self._ev = ev
        if touched.everything or touched.criteria or touched.alternatives:
            self._values = self._compute_values(
                ev
            )  # names, scales or order: every cell and header may differ
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
                )
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(0, self.rowCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
            return
        if not touched.scores:
            return
        rows = {a.id: i for i, a in enumerate(ev.alternatives)}
        cols = {c.id: j for j, c in enumerate(ev.criteria)}
        last = self.rowCount() - 1
        cells = [(rows[a], cols[c]) for a, c in touched.scores if a in rows and c in cols]
        if len(cells) > len(ev.alternatives):  # many cells (a pasted block): the whole matrix at once
            self._values = self._compute_values(ev)
        else:  # a cell's value depends on its column only: recompute just those columns
            for j in {j for _, j in cells}:
                self._values[:, j] = self._column_values(ev, j)
        for i, j in cells:
            if ev.criteria[j].scale.bounded:
                self.dataChanged.emit(self.index(i, j), self.index(i, j))
            else:
                self.dataChanged.emit(self.index(0, j), self.index(last, j))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ev.alternatives)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ev.criteria)

    # -- look-ups -------------------------------------------------------------------------------------------
    def criterion(self, column: int) -> Criterion:
        return self._ev.criteria[column]

    def alternative_id(self, row: int) -> str:
        return self._ev.alternatives[row].id

    def assessment(self, index: Index) -> Assessment:
        return self._ev.assessment(
            self._ev.alternatives[index.row()].id, self._ev.criteria[index.column()].id
        )

    def index_of(self, alternative: str, criterion: str) -> QModelIndex:
        rows = [a.id for a in self._ev.alternatives]
        cols = [c.id for c in self._ev.criteria]
        return self.index(rows.index(alternative), cols.index(criterion))

    # -- data -----------------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        crit = self._ev.criteria[index.column()]
        s = self.assessment(index)
        if role == Qt.ItemDataRole.DisplayRole:
            shown = score_text(crit, s.value)
            return f"{shown} {style.UNCERTAIN_MARK}" if s.uncertain and s.value is not None else shown
        if role == Qt.ItemDataRole.EditRole:
            return s.value
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            v = float(self._values[index.row(), index.column()]) if s.value is not None else math.nan
            return _brushes(_step(v))[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index, crit, s)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            alt = self._ev.alternatives[index.row()].name
            return f"{alt} · {crit.id}: {score_text(crit, s.value)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _tooltip(self, index: Index, crit: Criterion, s: Assessment) -> str:
        lang = language()
        alt = self._ev.alternatives[index.row()].name
        lines = [f"<b>{alt} · {crit.id} {text(crit.name, lang)}</b>"]
        if s.value is None:
            lines.append(tr("Not scored yet"))
        else:
            lines.append(tr("Score") + ": " + score_text(crit, s.value))
            lv = crit.scale.level(s.value) if crit.scale.kind == "ordinal" else None
            if lv is not None and text(lv.descriptor, lang):
                lines.append(f"<i>{text(lv.descriptor, lang)}</i>")
        if s.uncertain:
            lines.append(f"{style.UNCERTAIN_MARK} " + tr("Uncertain") + ": " + uncertainty_reason(s))
        lines.append(tr("Confidence") + ": " + confidence_text(s.confidence))
        if s.evidence:
            ev_text = s.evidence if len(s.evidence) < 300 else s.evidence[:297] + "…"
            lines.append(tr("Evidence") + ": " + ev_text)
        if s.source:
            lines.append(tr("Source") + ": " + s.source)
        return "<br>".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if value is not None:
            try:
                value = float(value)
            except (TypeError, ValueError):
                return False
        alt = self._ev.alternatives[index.row()].id
        crit = self._ev.criteria[index.column()].id
        if self._ev.assessment(alt, crit).value == value:
            return False
        return self.doc.apply(set_score(self._ev, alt, crit, value))

    def refuse(self, reason: str) -> None:
        """An edit that could not become a change (text that is not a number): say why, change nothing."""
        self.doc.failed.emit(reason)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        lang = language()
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(self._ev.criteria):
                return None
            c = self._ev.criteria[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return c.id
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{c.id} {text(c.name, lang)}"
            return None
        if section >= len(self._ev.alternatives):
            return None
        a = self._ev.alternatives[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return a.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{a.name} — {a.vendor}" if a.vendor else a.name
        return None
