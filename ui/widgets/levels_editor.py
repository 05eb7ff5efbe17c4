"""The levels of an ordinal scale, editable: each level's short label and the descriptor that says what earns it.

The descriptors are what makes a score defensible ("4 · self-hosted, end-to-end encrypted, keys only with us"),
so a programme team must be able to write them for the criteria it adds. Edits are reported as a whole new tuple
of levels; the criterion editor turns that into one ``UpdateCriterion`` change (one undo step). A level can be
added above the top one, and the top one removed — the core refuses that while a score still uses it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator.model import Level

from ..i18n import signals, tr

# (attribute, language) per editable column, after the level's number
COLUMNS = (("label", "nl"), ("label", "en"), ("descriptor", "nl"), ("descriptor", "en"))


class LevelsEditor(QWidget):
    """A table of levels (number, label nl/en, descriptor nl/en) with add/remove buttons."""

    edited = Signal(object)  # tuple[Level, ...]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._levels: tuple[Level, ...] = ()
        self._loading = False
        self.table = QTableWidget(0, 1 + len(COLUMNS))
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field, not the next cell
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for j in range(1, 1 + len(COLUMNS)):
            hh.setSectionResizeMode(
                j, QHeaderView.ResizeMode.Stretch if j > 2 else QHeaderView.ResizeMode.Interactive
            )
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(self.add_level)
        self.remove_button.clicked.connect(self.remove_top_level)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                tr("Level"),
                tr("Label (Dutch)"),
                tr("Label (English)"),
                tr("What earns it (Dutch)"),
                tr("What earns it (English)"),
            ]
        )
        fm = self.table.horizontalHeader().fontMetrics()
        for j in (1, 2):  # label columns: at least as wide as their heading
            head = self.table.horizontalHeaderItem(j).text()
            self.table.setColumnWidth(j, max(120, fm.horizontalAdvance(head) + 24))
        self.table.setAccessibleName(tr("Levels of the scale"))
        self.add_button.setText(tr("Add a level above"))
        self.remove_button.setText(tr("Remove the top level"))

    def set_levels(self, levels: tuple[Level, ...]) -> None:
        if levels == self._levels and self.table.rowCount() == len(levels):
            return
        self._levels = levels
        self._loading = True
        try:
            self.table.setRowCount(len(levels))
            for i, lv in enumerate(levels):
                number = QTableWidgetItem(f"{lv.value:g}")
                number.setFlags(number.flags() & ~Qt.ItemFlag.ItemIsEditable)
                number.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(i, 0, number)
                for j, (attr, lang) in enumerate(COLUMNS, start=1):
                    texts = getattr(lv, attr)
                    value = texts.get(lang, "") if isinstance(texts, dict) else str(texts)
                    self.table.setItem(i, j, QTableWidgetItem(value))
            self.table.resizeRowsToContents()
        finally:
            self._loading = False
        self.remove_button.setEnabled(len(levels) > 2)

    def levels(self) -> tuple[Level, ...]:
        return self._levels

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() == 0:
            return
        attr, lang = COLUMNS[item.column() - 1]
        i = item.row()
        old = self._levels[i]
        texts = dict(getattr(old, attr)) if isinstance(getattr(old, attr), dict) else {}
        texts[lang] = item.text().strip()
        if attr == "label" and not texts[lang]:
            self.set_levels(self._levels)  # a level needs a label: show the stored one again
            return
        new = Level(old.value, texts if attr == "label" else dict(old.label),
                    texts if attr == "descriptor" else dict(old.descriptor))  # fmt: skip
        self.edited.emit(self._levels[:i] + (new,) + self._levels[i + 1 :])

    def add_level(self) -> None:
        top = self._levels[-1].value if self._levels else -1.0
        value = top + 1
        label = f"{value:g}"
        self.edited.emit((*self._levels, Level(value, {"nl": label, "en": label}, {"nl": "", "en": ""})))

    def remove_top_level(self) -> None:
        if len(self._levels) > 2:
            self.edited.emit(self._levels[:-1])
