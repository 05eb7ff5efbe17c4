"""A visible keyboard-focus frame for the charts (WCAG 2.4.7): 3 px, dark blue, ≥ 3:1 against white and tints."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ..style import FOCUS_COLOUR, FOCUS_WIDTH


def paint_focus_frame(widget: QWidget, p: QPainter) -> None:
    """Draw the frame inside ``widget``'s edge when it has keyboard focus (call last in ``paintEvent``)."""
    if not widget.hasFocus():
        return
    p.save()
    p.setBrush(QColor(0, 0, 0, 0))
    p.setPen(QPen(QColor(FOCUS_COLOUR), FOCUS_WIDTH))
    half = FOCUS_WIDTH / 2
    p.drawRect(QRectF(widget.rect()).adjusted(half, half, -half, -half))
    p.restore()
