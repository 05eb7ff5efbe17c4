"""Swing and rank-order weighting: put the items of one scope in order of importance, then apply the weights.

Swing: the most important swing (worst → best) gets 100 points, the others points relative to it.
Rank order: the weights follow from the order alone (rank-order centroid).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator.changes import SetWeights
from evaluator.errors import InputError
from evaluator.model import Evaluation
from evaluator.weight_scopes import AREAS, Item, items, scopes
from evaluator.weighting import rank_order_centroid, swing

from .document import Document
from .i18n import language, percent, tr


class OrderPanel(QWidget):
    """``mode`` ``"swing"`` or ``"rank"``."""

    def __init__(self, doc: Document, mode: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.mode = doc, mode
        self.order: list[Item] = []
        self.points: dict[str, int] = {}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.scope_label = QLabel()
        self.scope_box = QComboBox()
        self.scope_label.setBuddy(self.scope_box)
        self.scope_box.currentIndexChanged.connect(lambda _i: self.load())
        self.table = QTableWidget(0, 3 if mode == "swing" else 2)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field, not the next cell
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.up = QPushButton()
        self.down = QPushButton()
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        self.table.installEventFilter(self)  # Alt+↑ / Alt+↓ move the current row
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.apply_weights)
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.scope_label)
        top.addWidget(self.scope_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        doc.changed.connect(self._changed)
        self._fill_scopes()

    # -- state ----------------------------------------------------------------------------------------------
    def scope(self) -> str:
        return self.scope_box.currentData() or AREAS

    def set_scope(self, scope: str) -> None:
        i = self.scope_box.findData(scope)
        if i >= 0:
            self.scope_box.setCurrentIndex(i)

    def _fill_scopes(self) -> None:
        keep = self.scope()
        self.scope_box.blockSignals(True)
        self.scope_box.clear()
        for sid, label in scopes(self.doc.evaluation, language()):
            self.scope_box.addItem(label, sid)
        i = self.scope_box.findData(keep)
        self.scope_box.setCurrentIndex(max(0, i))
        self.scope_box.blockSignals(False)
        self.load()

    def _changed(self, ev: Evaluation) -> None:
        ids = [s for s, _ in scopes(ev, language())]
        if ids != [self.scope_box.itemData(k) for k in range(self.scope_box.count())]:
            self._fill_scopes()

    def load(self) -> None:
        """Start from the current weights: most points first; swing points relative to the largest."""
        ev = self.doc.evaluation
        its = items(ev, self.scope(), language())
        pts = {it.id: float(ev.weights.get(it.id, 0.0)) for it in its}
        its.sort(key=lambda it: -pts[it.id])
        top = max(pts.values(), default=0.0)
        self.points = {it.id: (round(100 * pts[it.id] / top) if top > 0 else 100) for it in its}
        self.order = its
        self._show()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self.move(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(obj, event)

    def move(self, step: int) -> None:
        """Move the selected item up (-1) or down (+1) in importance; keeps it selected."""
        r = self.table.currentRow()
        k = r + step
        if r < 0 or not (0 <= k < len(self.order)):
            return
        self.order[r], self.order[k] = self.order[k], self.order[r]
        self._show()
        self.table.setCurrentCell(k, 0)

    def weights(self) -> list[float]:
        """The weights (summing to 1) in the current order; ``InputError`` when they cannot be formed."""
        if self.mode == "rank":
            return [float(w) for w in rank_order_centroid(list(range(1, len(self.order) + 1)))]
        pts = [100.0 if k == 0 else float(self.points[it.id]) for k, it in enumerate(self.order)]
        return [float(w) for w in swing(pts)]

    def result(self) -> dict[str, float]:
        """Points to apply: swing points as given, rank-order weights ×100."""
        w = self.weights()
        if self.mode == "swing":
            return {
                it.id: (100.0 if k == 0 else float(self.points[it.id])) for k, it in enumerate(self.order)
            }
        return {it.id: round(100.0 * x, 2) for it, x in zip(self.order, w, strict=True)}

    def apply_weights(self) -> bool:
        try:
            pts = self.result()
        except InputError as exc:
            self.message.setText(str(exc))
            return False
        how = (
            tr("made by swing weighting")
            if self.mode == "swing"
            else tr("made by rank order (rank-order centroid)")
        )
        method = "swing" if self.mode == "swing" else "rank_order"
        return self.doc.apply(SetWeights(pts, method=method), reason=how)

    # -- table ----------------------------------------------------------------------------------------------
    def _show(self) -> None:
        t = self.table
        t.setRowCount(len(self.order))
        try:
            w = self.weights()
            self.message.setText("")
        except InputError as exc:
            w = [0.0] * len(self.order)
            self.message.setText(str(exc))
        for k, it in enumerate(self.order):
            label = f"{k + 1}. {it.name}" + (f" — {it.swing}" if self.mode == "swing" and it.swing else "")
            t.setItem(k, 0, QTableWidgetItem(label))
            share = QTableWidgetItem(percent(w[k], 1))
            share.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(k, t.columnCount() - 1, share)
            if self.mode == "swing":
                spin = t.cellWidget(k, 1)
                if not isinstance(spin, QSpinBox):  # reuse the row's box: replaced ones linger until deleted
                    spin = QSpinBox()
                    spin.setRange(0, 100)
                    spin.valueChanged.connect(lambda v, row=k: self._points_changed(row, v))
                    t.setCellWidget(k, 1, spin)
                spin.blockSignals(True)
                spin.setValue(100 if k == 0 else self.points[it.id])
                spin.blockSignals(False)
                spin.setEnabled(k != 0)
                spin.setAccessibleName(tr("Swing points of {name}").format(name=it.name))
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _points_changed(self, row: int, value: int) -> None:
        self.points[self.order[row].id] = value
        try:
            w = self.weights()
            self.message.setText("")
        except InputError as exc:
            self.message.setText(str(exc))
            return
        for k, x in enumerate(w):
            self.table.item(k, self.table.columnCount() - 1).setText(percent(x, 1))

    # -- language -------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        if self.mode == "swing":
            self.intro.setText(
                tr(
                    "Imagine each item going from its worst to its best level. Put the swing you would most like to "
                    "make at the top (100 points), then give each other swing points relative to it."
                )
            )
            headers = [
                tr("Swing, most important first"),
                tr("Points"),
                tr("Weight"),
            ]
        else:
            self.intro.setText(
                tr(
                    "Put the items in order of importance, most important first. The weights follow from the order "
                    "(rank-order centroid)."
                )
            )
            headers = [
                tr("Item, most important first"),
                tr("Weight"),
            ]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(tr("Order of importance"))
        self.scope_label.setText(tr("&Weigh:"))
        self.scope_box.setAccessibleName(tr("What to weigh"))
        self.up.setText(tr("Move &up (Alt+↑)"))
        self.down.setText(tr("Move &down (Alt+↓)"))
        self.apply_button.setText(tr("&Apply these weights"))
        scope = self.scope()
        self._fill_scopes()
        self.set_scope(scope)
