"""A page heading: the system font scaled up, following the system's (and the app's) text size."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from ..style import HEADING, scaled_font


class Heading(QLabel):
    def __init__(self, text: str = "", factor: float = HEADING, parent: QWidget | None = None):
        super().__init__(text, parent)
        self._factor = factor
        self.setWordWrap(True)
        self.setFont(scaled_font(factor, bold=True))

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ApplicationFontChange:
            self.setFont(scaled_font(self._factor, bold=True))
        return super().event(e)
