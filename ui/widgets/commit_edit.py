"""Text fields that commit when the user leaves them (no save button): one change per finished edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class CommitTextEdit(QPlainTextEdit):
    """A multi-line field that emits ``committed(str)`` on focus-out or Ctrl+Enter, when its text changed.

    Tab moves focus instead of typing a tab, so a form stays keyboard-navigable.
    """

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._shown = ""

    def set_text(self, value: str) -> None:
        """Show ``value`` (from the document) without committing it; keeps the cursor when unchanged."""
        self._shown = value
        if self.toPlainText() != value:
            self.setPlainText(value)

    def commit(self) -> None:
        if self.toPlainText() != self._shown:
            self._shown = self.toPlainText()
            self.committed.emit(self._shown)

    def focusOutEvent(self, e: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if (
            e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and e.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.commit()
            return
        super().keyPressEvent(e)
