"""Editors for a score cell, chosen by the criterion's scale: a list of levels, yes/no, or a number.

Keyboard: F2 or typing opens the editor; in a level list, typing the level's number picks it; Enter commits.
A number field starts empty on an unscored cell and stays unscored until a number is typed; text that is not a
number is refused with a message (the decimal comma in a Dutch session, the point in either).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from evaluator.model import Criterion
from evaluator.scales import unit_text

from ..i18n import language, locale, number, tr
from ..models.scores_model import score_text

Index = QModelIndex | QPersistentModelIndex


class NotANumber(ValueError):
    """Text typed into a number field that is not a number; ``str()`` is the message for the user."""


def parse_number(typed: str, unit: str = "") -> float | None:
    """The number in ``typed`` (current locale, or with a decimal point), ``None`` when empty; a trailing
    ``unit`` is allowed, in either language. Raises :class:`NotANumber` with a message in the current language."""
    s = typed.strip()
    forms = {unit, *(unit_text(unit, lang, n) for lang in ("nl", "en") for n in (1, 2))} if unit else set()
    for form in sorted(forms, key=len, reverse=True):
        if form and s.endswith(form):
            s = s[: -len(form)].strip()
            break
    if not s:
        return None
    loc = QLocale(locale())
    loc.setNumberOptions(QLocale.NumberOption.RejectGroupSeparator)
    value, ok = loc.toDouble(s)
    if not ok:
        c = QLocale.c()
        c.setNumberOptions(QLocale.NumberOption.RejectGroupSeparator)
        value, ok = c.toDouble(s)
    if not ok or value != value or value in (float("inf"), float("-inf")):
        raise NotANumber(tr("“{typed}” is not a number").format(typed=typed.strip()))
    return float(value)


class NumberEdit(QLineEdit):
    """A numeric score as text: empty is "not scored"."""

    def __init__(self, crit: Criterion, parent: QWidget | None = None):
        super().__init__(parent)
        self.unit = crit.scale.unit or ""
        bounds = crit.scale.bounds
        hint = tr("number")
        if bounds is not None:
            hint = f"{number(bounds[0], 0)}–{number(bounds[1], 0)}"
        self.setPlaceholderText(
            f"{hint} {unit_text(self.unit, language())}".strip() + tr(" (empty: not scored)")
        )

    def set_value(self, value: float | None) -> None:
        if value is None:
            self.setText("")
        else:
            self.setText(number(value, 0 if float(value).is_integer() else 2))

    def value(self) -> float | None:
        return parse_number(self.text(), self.unit)


def score_editor(crit: Criterion, parent: QWidget | None = None) -> QWidget:
    """An editor widget for one score on ``crit``'s scale (its first entry, "not scored", clears)."""
    scale = crit.scale
    if scale.kind in ("ordinal", "boolean"):
        box = QComboBox(parent)
        box.addItem(tr("– not scored"), None)
        values = [lv.value for lv in scale.levels] if scale.kind == "ordinal" else [1.0, 0.0]
        for v in values:
            box.addItem(score_text(crit, v), float(v))
        box.setAccessibleName(tr("Score"))
        return box
    edit = NumberEdit(crit, parent)
    edit.setAccessibleName(tr("Score"))
    return edit


def set_editor_value(editor: QWidget, value: float | None) -> None:
    if isinstance(editor, QComboBox):
        i = editor.findData(None if value is None else float(value))
        editor.setCurrentIndex(max(0, i))
    elif isinstance(editor, NumberEdit):
        editor.set_value(value)


def editor_value(editor: QWidget) -> float | None:
    """The score in ``editor``; raises :class:`NotANumber` for text that is not one."""
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, NumberEdit):
        return editor.value()
    return None


class ScoreDelegate(QStyledItemDelegate):
    """Delegate for :class:`~ui.models.scores_model.ScoresModel` cells."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return score_editor(index.model().criterion(index.column()), parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        set_editor_value(editor, index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        try:
            value = editor_value(editor)
        except NotANumber as exc:
            model.refuse(str(exc))
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)
