"""The weights page: points per area and per criterion (sliders and numbers), swing, rank order and AHP."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .document import Document
from .i18n import signals, tr


class WeightsView(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self._title = QLabel()
        lay = QVBoxLayout(self)
        lay.addWidget(self._title)
        lay.addStretch(1)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(tr("Weights", "Gewichten"))
