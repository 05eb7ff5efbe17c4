"""Windows the size they were designed for, or as much of the screen as there is: a dialog made for a desktop
monitor (the memo dialog, 1100 × 760) must still show its buttons on a 1280 × 720 projector."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SHARE = 0.94  # of the screen's free area, leaving the window's frame and title bar in view


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` × ``height``, or less where the screen it opens on (its parent's) is
    smaller."""
    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else widget.screen()) or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    widget.resize(min(width, int(room.width() * SHARE)), min(height, int(room.height() * SHARE)))
