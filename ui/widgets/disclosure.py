"""A disclosure: a button with a triangle that shows or hides what lies under it (collapsed at first).

The button is an ordinary checkable tool button: Tab reaches it, Space opens and closes it, and a screen reader
hears its name and whether it is expanded (its accessible description says so).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ..style import SUBHEADING, scaled_font


class Disclosure(QWidget):
    def __init__(self, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self.button = QToolButton()
        self.button.setCheckable(True)
        self.button.setChecked(False)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setFont(scaled_font(SUBHEADING, bold=True))
        self.button.setAutoRaise(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.button.toggled.connect(self._toggled)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.button)
        lay.addWidget(content)
        content.setVisible(False)

    def set_text(self, text: str, expanded: str, collapsed: str) -> None:
        """The button's text, and the words a screen reader says for its two states."""
        self.button.setText(text)
        self.button.setAccessibleName(text)
        self._states = (expanded, collapsed)
        self._toggled(self.button.isChecked())

    def _toggled(self, open_: bool) -> None:
        self.content.setVisible(open_)
        self.button.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        states = getattr(self, "_states", ("", ""))
        self.button.setAccessibleDescription(states[0] if open_ else states[1])
