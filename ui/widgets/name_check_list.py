"""A list of names to tick, each written whole: wrapped at words over as many lines as it needs.

Qt's own word wrap in a list with check boxes sizes an item for one width and paints it in a narrower one, so a
long name lost its last words to '…' at some widths and text sizes ('…, LibreOffice, …' at 1920 × 1080 with the
projector's larger text). Here the lines are made by :func:`ui.charts.text_fit.wrap` for the width the text
really gets, and made again when the list's width or font changes; the item's size then follows its lines.
The name itself stays whole in the tooltip and the accessible text, which a screen reader reads.
"""

from __future__ import annotations

from collections.abc import Callable

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
        self._wrapped: dict[str, str] = {}  # name → its lines, for the width and font in _wrapped_for
        self._wrapped_for: tuple[float, str] | None = None

    def set_names(self, names: list[tuple[str, object]]) -> None:
        """The list anew: one unticked item per (name, key), the key as the item's UserRole data."""
        self.clear()
        lines = self._wrapper()
        for name, key in names:
            it = QListWidgetItem(lines(name))
            it.setData(NAME, name)
            it.setData(Qt.ItemDataRole.AccessibleTextRole, name)
            it.setData(Qt.ItemDataRole.UserRole, key)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.addItem(it)

    def _wrapper(self) -> Callable[[str], str]:
        """A name → its lines for the list as it is now; the lines are kept while its width and font stay (the
        list is made anew at every re-rank: 300 names a slider step)."""
        now = (self.text_width(), self.font().toString())
        if now != self._wrapped_for:
            self._wrapped, self._wrapped_for = {}, now
        fm, known = QFontMetricsF(self.font()), self._wrapped

        def lines(name: str) -> str:
            found = known.get(name)
            if found is None:
                found = known[name] = "\n".join(wrap(fm, name, now[0]))
            return found

        return lines

    def name(self, row: int) -> str:
        return self.item(row).data(NAME)

    def text_width(self) -> float:
        """What a line of a name may use: the list's width less the check box, the margins and a spacing."""
        style = self.style()
        check = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        return max(40.0, self.viewport().width() - 2 * self.spacing() - check - 4 * margin - 8)

    def rewrap(self) -> None:
        lines = self._wrapper()
        self.blockSignals(True)  # a new text is not a new tick
        for k in range(self.count()):
            it = self.item(k)
            it.setText(lines(it.data(NAME)))
        self.blockSignals(False)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.rewrap()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.rewrap()
