"""The rank acceptability chart: one horizontal stacked bar per alternative, best first.

Each bar splits 100 % of the sampled weightings by the place the alternative took: first, second, third and
every lower place together, darkest for first along a single-hue sequential scale (ColorBrewer "Blues"), so the
order reads in greyscale, for every kind of colour blindness and on a washed-out projector. Each segment wide
enough carries its place and share ("1e · 45 %"), so colour is never the only cue; a legend above maps colours
to places. Drawn with QPainter in the system font scaled up, so it stays legible on a projector.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..i18n import percent
from ..style import text_on
from .focus import paint_focus_frame
from .text_fit import draw_wrapped, wrap

# Four classes of the ColorBrewer Blues family, all dark enough for 3:1 against white (a projector washes out
# the light tints): 1st, 2nd, 3rd place, and every lower place together. Neighbouring classes differ by 1.5:1 or
# more; a 2 px white gap between segments (3:1 against every class) and the place written in the segment keep
# them apart. Sequential: a better place is darker.
CLASS_COLOURS = ("#08306b", "#08519c", "#2171b5", "#4292c6")
CLASSES = len(CLASS_COLOURS)
BACKGROUND = SEAM = "#ffffff"
SEAM_WIDTH = 2.0
OUTLINE = "#6b6b6b"
FONT_SCALE = 1.2
MIN_LABEL_SHARE = 0.005  # segments below half a per cent carry no label even when wide enough


@dataclass(frozen=True)
class AcceptabilityRow:
    label: str
    shares: tuple[float, ...]  # share of rank 1, rank 2, …; sums to 1


@dataclass(frozen=True)
class SegmentText:
    row: str  # the row's label
    text: str
    rect: QRectF


def rank_class(rank: int, count: int) -> int:
    """The colour class of rank ``rank`` (0 the best): its own for the first three, one for the rest."""
    return min(rank, CLASSES - 1) if count > CLASSES else rank


def rank_colour(rank: int, count: int) -> QColor:
    """Colour of rank ``rank`` (0 the best) among ``count``: darkest for the best."""
    return QColor(CLASS_COLOURS[rank_class(rank, count)])


def label_colour(background: str) -> str:
    return text_on(background)


def place_label(k: int, count: int) -> str:
    """How class ``k`` is written in the bar and the legend: "1e"/"1st" …, "4+" for the rest together."""
    from evaluator.formats import ordinal

    from ..i18n import language

    if count > CLASSES and k == CLASSES - 1:
        return f"{k + 1}+"
    n = k + 1
    return ordinal(n, language())


def class_shares(shares: tuple[float, ...]) -> list[float]:
    """The shares per colour class (the places below third added together)."""
    count = len(shares)
    out = [0.0] * min(count, CLASSES) if count else []
    for r, s in enumerate(shares):
        out[rank_class(r, count)] += s
    return out


def paint_acceptability(
    p: QPainter,
    rect: QRectF,
    rows: list[AcceptabilityRow],
    font: QFont,
    rank_word: str,
    log: list[SegmentText] | None = None,
) -> float:
    """Draw the legend and the bars into ``rect``; returns the height it needed. The texts written in the bars
    go into ``log``."""
    if not rows:
        return 0.0
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(font)
    fm = QFontMetricsF(font)
    n = max(len(r.shares) for r in rows)
    classes = min(n, CLASSES)
    line = fm.height()
    # legend: "Plaats  [1e] [2e] [3e] [4+]" as coloured swatches carrying the place
    p.setPen(QColor("#000000"))
    word_w = fm.horizontalAdvance(rank_word) + line * 0.5
    p.drawText(QRectF(rect.left(), rect.top(), word_w, line * 1.4), Qt.AlignmentFlag.AlignVCenter, rank_word)
    x = rect.left() + word_w
    for k in range(classes):
        label = place_label(k, n)
        sw = max(fm.horizontalAdvance(label) + line * 0.8, line * 1.6)
        box = QRectF(x, rect.top(), sw, line * 1.4)
        c = CLASS_COLOURS[k]
        p.fillRect(box, QColor(c))
        p.setPen(QColor(label_colour(c)))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        x += sw + SEAM_WIDTH * 2
    top = rect.top() + line * 2.2
    widest = max(fm.horizontalAdvance(r.label) for r in rows)
    label_w = min(rect.width() * 0.35, widest + line)
    room = label_w - line * 0.5
    x0 = rect.left() + label_w
    x1 = rect.right()
    bar_h = line * 2.0
    y = top
    for row in rows:
        lines = len(wrap(fm, row.label, room))
        row_h = max(line * 2.3, lines * fm.lineSpacing() + line * 0.3)
        mid = y + row_h / 2
        p.setPen(QColor("#000000"))
        draw_wrapped(p, QRectF(rect.left(), y, room, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     row.label, None)  # fmt: skip
        left = x0
        shares = class_shares(row.shares)
        for k, share in enumerate(shares):
            w = (x1 - x0) * max(0.0, share)
            if w <= 0:
                continue
            seg = QRectF(left, mid - bar_h / 2, w, bar_h)
            c = CLASS_COLOURS[k]
            p.fillRect(seg, QColor(c))
            if share >= MIN_LABEL_SHARE:
                place = place_label(k, n)
                for text in (f"{place} · {percent(share)}", place):
                    if fm.horizontalAdvance(text) + line * 0.4 <= w:
                        p.setPen(QColor(label_colour(c)))
                        p.drawText(seg, Qt.AlignmentFlag.AlignCenter, text)
                        if log is not None:
                            log.append(SegmentText(row.label, text, seg))
                        break
            left += w
            if left < x1 - 1:  # a white gap, so neighbouring places of similar shade stay apart
                p.setPen(QPen(QColor(SEAM), SEAM_WIDTH))
                p.drawLine(QPointF(left, mid - bar_h / 2), QPointF(left, mid + bar_h / 2))
        p.setPen(QPen(QColor(OUTLINE), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(x0, mid - bar_h / 2, x1 - x0, bar_h))
        y += row_h
    p.restore()
    return y - rect.top()


def needed_height(rows: list[AcceptabilityRow], font: QFont, width: float) -> float:
    """The height :func:`paint_acceptability` takes for ``rows`` at ``width`` (labels wrap at words)."""
    if not rows:
        return 0.0
    fm = QFontMetricsF(font)
    line = fm.height()
    widest = max(fm.horizontalAdvance(r.label) for r in rows)
    room = min(width * 0.35, widest + line) - line * 0.5
    return line * 2.2 + sum(
        max(line * 2.3, len(wrap(fm, r.label, room)) * fm.lineSpacing() + line * 0.3) for r in rows
    )


class AcceptabilityChart(QWidget):
    """The chart as a widget; :meth:`set_rows` takes the rows best first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[AcceptabilityRow] = []
        self.rank_word = ""
        self.drawn: list[SegmentText] = []  # what the last paint wrote in the bars
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keyboard users reach it and hear its description

    def chart_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * FONT_SCALE)
        return f

    def set_rows(self, rows: list[AcceptabilityRow], rank_word: str) -> None:
        self.rows, self.rank_word = rows, rank_word
        self._fit_height()
        self.updateGeometry()
        self.update()

    def _fit_height(self) -> None:
        """As tall as the rows need at the current width (a long name wraps onto a second line)."""
        width = max(300, self.width()) - 16
        self.setFixedHeight(int(needed_height(self.rows, self.chart_font(), width) + 14) if self.rows else 40)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_height()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(600, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(300, self.height())

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(BACKGROUND))
        self.drawn = []
        paint_acceptability(
            p,
            QRectF(self.rect()).adjusted(8, 6, -8, -6),
            self.rows,
            self.chart_font(),
            self.rank_word,
            self.drawn,
        )
        paint_focus_frame(self, p)
        p.end()
