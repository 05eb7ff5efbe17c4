"""The scoring matrix: alternatives × criteria, colour-coded by value, with the evidence panel beside it.

Keyboard: arrows move between cells, F2 or typing edits (a level's number picks it), Enter stores, Delete clears
a score. The colour legend and the "?" mark say in words what the colours and marks mean.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator.changes import set_score

from . import style
from .document import Document
from .empty_hint import EmptyHint
from .i18n import signals, tr
from .models.scores_model import ScoresModel
from .widgets.assessment_panel import AssessmentPanel
from .widgets.heading import Heading
from .widgets.score_delegate import ScoreDelegate


class ScoresTable(QTableView):
    """The matrix; Delete/Backspace clears the current score (one undo step)."""

    def keyPressEvent(self, e: QKeyEvent) -> None:
        idx = self.currentIndex()
        if (
            e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and idx.isValid()
            and self.state() != self.State.EditingState
        ):
            self.model().setData(idx, None, Qt.ItemDataRole.EditRole)
            return
        super().keyPressEvent(e)


class Legend(QWidget):
    """A row of swatches from worst to best, with words at both ends and what "?" means."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.worst = QLabel()
        row.addWidget(self.worst)
        for colour in style.RAMP:
            sw = QLabel("  ")
            sw.setMinimumWidth(sw.fontMetrics().horizontalAdvance("MM"))
            sw.setStyleSheet(f"background:{colour}; border:1px solid #555;")
            sw.setAccessibleName("")
            row.addWidget(sw)
        self.best = QLabel()
        row.addWidget(self.best)
        row.addSpacing(sw.fontMetrics().horizontalAdvance("MMM"))
        self.mark = QLabel()
        row.addWidget(self.mark)
        row.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.worst.setText(tr("worst"))
        self.best.setText(tr("best"))
        self.mark.setText(
            f"{style.UNCERTAIN_MARK} = "
            + tr("uncertain (low confidence or a range)")
            + "    – = "
            + tr("not scored")
        )


class ScoresView(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.heading = Heading()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.legend = Legend()
        self.model = ScoresModel(doc, self)
        self.table = ScoresTable()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field, not the next cell
        self.table.setModel(self.model)
        self.table.setItemDelegate(ScoreDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # One line per row (no word wrap), so rows get a fixed height from the font: sizing them to their contents
        # asked every cell of the matrix for its size after every change (360 000 calls at 300 × 150).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.fit_rows()
        self.panel = AssessmentPanel(doc)
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(lambda: self._current_changed(self.table.currentIndex()))
        self.model.modelReset.connect(self.fit_columns)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        self.empty_hint = EmptyHint(doc, "scores")  # an empty page says what to do next
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.legend)
        layout.addWidget(split, 1)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()
        if self.model.rowCount() and self.model.columnCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def retranslate(self, *_: object) -> None:
        self.heading.setText(tr("Scores"))
        self.hint.setText(
            tr(
                "Each cell is one alternative on one criterion. Type or press F2 to change a score, Delete to clear "
                "it; the panel on the right holds the evidence. Darker means better."
            )
        )
        self.table.setAccessibleName(tr("Scoring matrix"))
        self.legend.retranslate()
        self.model.refresh()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Columns wide enough for a level's number and the start of its label (the rest is in the tooltip
        and the side panel), so a whole catalogue fits across a projector screen."""
        width = self.table.fontMetrics().horizontalAdvance("0") * 12
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(width)
        for col in range(self.model.columnCount()):
            header.resizeSection(col, width)

    def fit_rows(self) -> None:
        """Rows one line of the table's font high, with the style's margins; the alternatives' names beside them
        at most about 36 characters wide, so a long name does not leave room for one criterion on a projector
        (the rest of it ends in '…'; the whole name is in its tooltip and above the evidence)."""
        fm = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(fm.height() + 10)
        self.table.verticalHeader().setMaximumWidth(fm.horizontalAdvance("0") * 36)
        self.table.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ApplicationFontChange:
            self.fit_columns()
            self.fit_rows()
        return super().event(e)

    def select(self, alternative: str, criterion: str) -> QModelIndex:
        """Make the cell of ``alternative`` × ``criterion`` current (and return its index)."""
        idx = self.model.index_of(alternative, criterion)
        self.table.selectionModel().setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return idx

    def _current_changed(self, current: QModelIndex, *_: object) -> None:
        if not current.isValid():
            self.panel.show_cell(None, None)
            return
        self.panel.show_cell(
            self.model.alternative_id(current.row()), self.model.criterion(current.column()).id
        )

    def clear_current(self) -> None:
        idx = self.table.currentIndex()
        if idx.isValid():
            ev = self.doc.evaluation
            self.doc.apply(
                set_score(
                    ev, self.model.alternative_id(idx.row()), self.model.criterion(idx.column()).id, None
                )
            )
