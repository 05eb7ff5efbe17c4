"""The results page: the ranking that moves while a weight slider moves, profiles and other methods."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .document import Document
from .i18n import signals, tr


class ResultsView(QWidget):
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
        self._title.setText(tr("Results", "Resultaten"))
