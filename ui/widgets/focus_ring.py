"""A clearly visible keyboard-focus outline on sliders and combo boxes (WCAG 2.4.7 / 2.4.11).

Most styles mark a focused slider or combo box only faintly. A style sheet would do it, but a style sheet on a
combo box changes its size hint (the page grows a scroll bar), and Qt's QFocusFrame sits outside the widget where
a tightly fitting parent clips it. So one transparent overlay follows the focus as a child of the focused widget
and paints a 3 px dark-blue ring on its edge, without touching its layout or its mouse events. Charts paint the
same ring themselves (:mod:`ui.charts.focus`).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QAbstractSlider, QApplication, QComboBox, QWidget

from ..style import FOCUS_COLOUR, FOCUS_WIDTH

RINGED = (QAbstractSlider, QComboBox)


class FocusRing(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None

    def follow(self, w: QWidget | None) -> None:
        if self.target is not None and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = w
        if w is None:
            self.hide()
            self.setParent(None)
            return
        self.setParent(w)
        self.setGeometry(w.rect())
        w.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.target and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.target.rect())
        return False

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setPen(QPen(QColor(FOCUS_COLOUR), FOCUS_WIDTH))
        half = FOCUS_WIDTH / 2
        p.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
        p.end()


_ring: FocusRing | None = None


def _focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    global _ring
    if _ring is None or not shiboken6.isValid(_ring):  # it lives in a widget; deleting that deletes it
        _ring = FocusRing()
    _ring.follow(new if isinstance(new, RINGED) else None)


def install_focus_ring() -> None:
    """Follow the keyboard focus with the ring from now on (idempotent)."""
    app = QApplication.instance()
    if app is not None and not app.property("afweging_focus_ring"):
        app.setProperty("afweging_focus_ring", True)
        app.focusChanged.connect(_focus_changed)
