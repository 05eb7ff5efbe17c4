"""Editors for a score cell, chosen by the criterion's scale: a list of levels, yes/no, or a number.

Keyboard: F2 or typing opens the editor; in a level list, typing the level's number picks it; Enter commits.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from evaluator.model import Criterion

from ..i18n import locale, tr
from ..models.scores_model import score_text

Index = QModelIndex | QPersistentModelIndex


def score_editor(crit: Criterion, parent: QWidget | None = None) -> QWidget:
    """An editor widget for one score on ``crit``'s scale (its first entry, "not scored", clears)."""
    scale = crit.scale
    if scale.kind in ("ordinal", "boolean"):
        box = QComboBox(parent)
        box.addItem(tr("– not scored", "– geen score"), None)
        values = [lv.value for lv in scale.levels] if scale.kind == "ordinal" else [1.0, 0.0]
        for v in values:
            box.addItem(score_text(crit, v), float(v))
        box.setAccessibleName(tr("Score", "Score"))
        return box
    spin = QDoubleSpinBox(parent)
    lo, hi = scale.bounds or (-1e12, 1e12)
    spin.setRange(lo, hi)
    spin.setDecimals(2)
    spin.setLocale(locale())
    spin.setSuffix(f" {scale.unit}" if scale.unit else "")
    spin.setAccessibleName(tr("Score", "Score"))
    return spin


def set_editor_value(editor: QWidget, value: float | None) -> None:
    if isinstance(editor, QComboBox):
        i = editor.findData(None if value is None else float(value))
        editor.setCurrentIndex(max(0, i))
    elif isinstance(editor, QDoubleSpinBox) and value is not None:
        editor.setValue(float(value))


def editor_value(editor: QWidget) -> float | None:
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QDoubleSpinBox):
        return editor.value()
    return None


class ScoreDelegate(QStyledItemDelegate):
    """Delegate for :class:`~ui.models.scores_model.ScoresModel` cells."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return score_editor(index.model().criterion(index.column()), parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        set_editor_value(editor, index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        model.setData(index, editor_value(editor), Qt.ItemDataRole.EditRole)
