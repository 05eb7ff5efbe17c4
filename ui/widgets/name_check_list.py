"""A list of names to tick, each written whole: wrapped at words over as many lines as it needs.

Qt's own word wrap in a list with check boxes sizes an item for one width and paints it in a narrower one, so a
long name lost its last words to '…' at some widths and text sizes ('…, LibreOffice, …' at 1920 × 1080 with the
projector's larger text). Here the lines are made by :func:`ui.charts.text_fit.wrap` for the width the text
really gets, and made again when the list's width or font changes; the item's size then follows its lines.
The name itself stays whole in the tooltip and the accessible text, which a screen reader reads.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from ..charts.text_fit import wrap

NAME = Qt.ItemDataRole.ToolTipRole  # the whole name, on one line


class NameCheckList(QListWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setWordWrap(False)  # the lines are ours
        self.setSpacing(3)  # a gap between two names of several lines

    def add_name(self, name: str, key: object) -> QListWidgetItem:
        it = QListWidgetItem(name)
        it.setData(NAME, name)
        it.setData(Qt.ItemDataRole.AccessibleTextRole, name)
        it.setData(Qt.ItemDataRole.UserRole, key)
        it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        self.addItem(it)
        self._wrap(it, self.text_width())
        return it

    def name(self, row: int) -> str:
        return self.item(row).data(NAME)

    def text_width(self) -> float:
        """What a line of a name may use: the list's width less the check box, the margins and a spacing."""
        style = self.style()
        check = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        return max(40.0, self.viewport().width() - 2 * self.spacing() - check - 4 * margin - 8)

    def _wrap(self, it: QListWidgetItem, width: float) -> None:
        lines = wrap(QFontMetricsF(self.font()), it.data(NAME), width)
        it.setText("\n".join(lines))

    def rewrap(self) -> None:
        width = self.text_width()
        self.blockSignals(True)  # a new text is not a new tick
        for k in range(self.count()):
            self._wrap(self.item(k), width)
        self.blockSignals(False)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.rewrap()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.rewrap()
