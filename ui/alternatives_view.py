"""The alternatives: an editable list (name, vendor, description) with add, remove and reorder.

Keyboard: F2 edits a cell, Insert adds, Delete removes (after a question), Alt+Up/Alt+Down move.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaluator.changes import AddAlternative, MoveAlternative, RemoveAlternative
from evaluator.io.bare import slug
from evaluator.model import Alternative

from .ask import confirm_removal
from .document import Document
from .empty_hint import EmptyHint
from .i18n import signals, tr
from .models.alternatives_model import AlternativesModel
from .widgets.heading import Heading
from .widgets.page_key import page_key


class AlternativesView(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.heading = Heading()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.model = AlternativesModel(doc, self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field, not the next cell
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows as tall as their wrapped texts, fitted for the rows in view only (fit_visible_rows): fitting all
        # of them (ResizeToContents) took 0.6 s at 1 000 alternatives, at every change and scroll.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit = QTimer(self)
        self._fit.setSingleShot(True)
        self._fit.timeout.connect(self.fit_visible_rows)
        for signal in (self.table.verticalScrollBar().valueChanged, hh.sectionResized, self.model.dataChanged,
                       self.model.modelReset, self.model.rowsInserted, self.model.rowsMoved,
                       self.model.layoutChanged):  # fmt: skip
            signal.connect(self._fit_soon)
        self._at_end = False  # the view was scrolled to the end when its rows were last fitted
        self.table.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self.table.viewport().installEventFilter(self)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        page_key(self, Qt.Key.Key_Insert, self.ask_add)
        page_key(self, "Alt+Up", lambda: self.move_current(-1))
        page_key(self, "Alt+Down", lambda: self.move_current(1))
        self.add_button.clicked.connect(self.ask_add)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        self.empty_hint = EmptyHint(doc, "alternatives")  # an empty page says what to do next
        layout.addWidget(self.empty_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.installEventFilter(self)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def eventFilter(self, obj, event) -> bool:  # noqa: ANN001 - Qt's signature
        if obj is self.table.viewport() and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._fit_soon()
        if (
            obj is self.table
            and event.type() == event.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            self.remove_current()
            return True
        return super().eventFilter(obj, event)

    def retranslate(self, *_: object) -> None:
        self.heading.setText(tr("Alternatives"))
        self.hint.setText(
            tr(
                "The suites being compared. F2 edits a cell; Insert adds an alternative; Alt+Up and Alt+Down "
                "change the order."
            )
        )
        self.add_button.setText(tr("Add…"))
        self.remove_button.setText(tr("Remove"))
        self.up_button.setText(tr("Move up"))
        self.down_button.setText(tr("Move down"))
        self.add_button.setToolTip(tr("Add an alternative (Insert)"))
        self.remove_button.setToolTip(tr("Remove the selected alternative (Delete)"))
        self.up_button.setToolTip(tr("Move the selected alternative up (Alt+Up)"))
        self.down_button.setToolTip(tr("Move the selected alternative down (Alt+Down)"))
        self.table.setAccessibleName(tr("Alternatives"))
        self.model.refresh()
        self.fit_columns()

    def fit_columns(self) -> None:
        """A vendor column of about 30 characters, so the description gets the rest of the width."""
        self.table.horizontalHeader().resizeSection(1, self.table.fontMetrics().averageCharWidth() * 30)

    def _fit_soon(self, *_: object) -> None:
        self._fit.start(0)  # once, after the events at hand (a scroll, a resize, a change) are handled

    def fit_visible_rows(self) -> None:
        """Fit the height of every row in view to its wrapped texts (rows out of view keep theirs until seen)."""
        table = self.table
        bar = table.verticalScrollBar()
        self._at_end = 0 < bar.maximum() == bar.value()
        bottom = table.viewport().height()
        row = max(table.rowAt(0), 0)
        rows = self.model.rowCount()
        while row < rows and table.rowViewportPosition(row) < bottom:
            table.resizeRowToContents(row)
            row += 1

    def _range_changed(self, _low: int, high: int) -> None:
        """Rows fitted taller at the end of the list move the end further down: a view at the end follows it,
        so the last alternative stays in view whole."""
        if self._at_end:
            self.table.verticalScrollBar().setValue(high)
        self._fit_soon()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ApplicationFontChange:
            self.fit_columns()
        return super().event(e)

    # -- actions --------------------------------------------------------------------------------------------
    def current_row(self) -> int:
        idx = self.table.currentIndex()
        return idx.row() if idx.isValid() else -1

    def add(self, name: str, vendor: str = "") -> bool:
        name = name.strip()
        if not name:
            return False
        ev = self.doc.evaluation
        alt_id = slug(name, {a.id for a in ev.alternatives})
        ok = self.doc.apply(AddAlternative(Alternative(alt_id, name, vendor.strip())))
        if ok:
            self.table.setCurrentIndex(self.model.index(len(self.doc.evaluation.alternatives) - 1, 0))
        return ok

    def ask_add(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Add alternative"), tr("Name:"))
        if ok:
            self.add(name)

    def remove_current(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        alt = self.model.alternative(row)
        ev = self.doc.evaluation
        held = [ev.assessment(alt.id, c.id) for c in ev.criteria]
        if not confirm_removal(self, tr("Remove {name}?").format(name=alt.name), held):
            return
        self.doc.apply(RemoveAlternative(alt.id))

    def move_current(self, step: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        target = row + step
        if not 0 <= target < self.model.rowCount():
            return
        col = self.table.currentIndex().column()
        if self.doc.apply(MoveAlternative(self.model.alternative(row).id, target)):
            self.table.setCurrentIndex(self.model.index(target, col))
