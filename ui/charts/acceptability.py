"""The rank acceptability chart: one horizontal stacked bar per alternative, best first.

Each bar splits 100 % of the sampled weightings by the rank the alternative took: rank 1 darkest, the last rank
lightest, along a single-hue sequential ramp (ColorBrewer "Blues", interpolated), so the order reads in greyscale
and for every kind of colour blindness. A segment wide enough carries its percentage; a legend above maps colours
to ranks. Drawn with QPainter in the system font scaled up, so it stays legible on a projector.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..style import RAMP, text_on
from .focus import paint_focus_frame

DARKEST, LIGHTEST = QColor(RAMP[-1]), QColor(RAMP[1])
FONT_SCALE = 1.2
MIN_LABEL_SHARE = 0.005  # segments below half a per cent carry no label even when wide enough


@dataclass(frozen=True)
class AcceptabilityRow:
    label: str
    shares: tuple[float, ...]  # share of rank 1, rank 2, …; sums to 1


def rank_colour(rank: int, count: int) -> QColor:
    """Colour of rank ``rank`` (0 the best) among ``count``: darkest for the best, lightest for the last."""
    if count <= 1:
        return QColor(DARKEST)
    t = rank / (count - 1)
    return QColor.fromRgbF(
        DARKEST.redF() + (LIGHTEST.redF() - DARKEST.redF()) * t,
        DARKEST.greenF() + (LIGHTEST.greenF() - DARKEST.greenF()) * t,
        DARKEST.blueF() + (LIGHTEST.blueF() - DARKEST.blueF()) * t,
    )


def paint_acceptability(
    p: QPainter, rect: QRectF, rows: list[AcceptabilityRow], font: QFont, rank_word: str
) -> None:
    """Draw the legend and the bars into ``rect``."""
    if not rows:
        return
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(font)
    fm = QFontMetrics(font)
    n = max(len(r.shares) for r in rows)
    line = fm.height()
    # legend: "rank  [1] [2] … [n]" as coloured swatches carrying the number
    p.setPen(QColor("#000000"))
    word_w = fm.horizontalAdvance(rank_word) + line * 0.5
    p.drawText(QRectF(rect.left(), rect.top(), word_w, line * 1.4), Qt.AlignmentFlag.AlignVCenter, rank_word)
    sw = max(fm.horizontalAdvance(str(n)) + line * 0.6, line * 1.4)
    x = rect.left() + word_w
    for r in range(n):
        box = QRectF(x, rect.top(), sw, line * 1.4)
        c = rank_colour(r, n)
        p.fillRect(box, c)
        p.setPen(QPen(QColor("#6b6b6b"), 1))
        p.drawRect(box)
        p.setPen(QColor(text_on(c.name())))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, str(r + 1))
        x += sw + 2
    top = rect.top() + line * 2.2
    widest = max(fm.horizontalAdvance(r.label) for r in rows)
    label_w = min(rect.width() * 0.35, widest + line)
    x0 = rect.left() + label_w
    x1 = rect.right()
    row_h = (rect.bottom() - top) / len(rows)
    bar_h = min(row_h * 0.72, line * 2.0)
    for i, row in enumerate(rows):
        y = top + row_h * (i + 0.5)
        p.setPen(QColor("#000000"))
        text_rect = QRectF(rect.left(), y - row_h / 2, label_w - line * 0.5, row_h)
        shown = fm.elidedText(row.label, Qt.TextElideMode.ElideRight, int(text_rect.width()))
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, shown)
        left = x0
        for r, share in enumerate(row.shares):
            w = (x1 - x0) * max(0.0, share)
            if w <= 0:
                continue
            seg = QRectF(left, y - bar_h / 2, w, bar_h)
            c = rank_colour(r, n)
            p.fillRect(seg, c)
            label = _pct(share)
            if share >= MIN_LABEL_SHARE and fm.horizontalAdvance(label) + line * 0.4 <= w:
                p.setPen(QColor(text_on(c.name())))
                p.drawText(seg, Qt.AlignmentFlag.AlignCenter, label)
            left += w
            if left < x1 - 1:  # a white seam, so neighbouring ranks of similar shade stay apart
                p.setPen(QPen(QColor("#ffffff"), 1.5))
                p.drawLine(QPointF(left, y - bar_h / 2), QPointF(left, y + bar_h / 2))
        p.setPen(QPen(QColor("#6b6b6b"), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(x0, y - bar_h / 2, x1 - x0, bar_h))
    p.restore()


def _pct(share: float) -> str:
    from ..i18n import percent

    return percent(share, 0)


class AcceptabilityChart(QWidget):
    """The chart as a widget; :meth:`set_rows` takes the rows best first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[AcceptabilityRow] = []
        self.rank_word = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keyboard users reach it and hear its description

    def chart_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * FONT_SCALE)
        return f

    def set_rows(self, rows: list[AcceptabilityRow], rank_word: str) -> None:
        self.rows, self.rank_word = rows, rank_word
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line = QFontMetrics(self.chart_font()).height()
        return QSize(600, int(line * 2.2 + max(1, len(self.rows)) * line * 2.3 + 12))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#ffffff"))
        paint_acceptability(
            p, QRectF(self.rect()).adjusted(8, 6, -8, -6), self.rows, self.chart_font(), self.rank_word
        )
        paint_focus_frame(self, p)
        p.end()
