"""Ranking bars with each criterion's contribution stacked (PROMETHEE's "rainbow"), large enough for a projector.

One row per alternative, best first: rank number, name, a horizontal bar split into segments (one per criterion,
coloured per area with a shade per criterion), and the method's score. A legend of the areas sits below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from .focus import paint_focus_frame
from .text_fit import lines_within
from .text_fit import wrap as wrap_words


@dataclass(frozen=True)
class Row:
    """One alternative: ``values`` holds one contribution per criterion, in the order of ``RainbowData.colours``."""

    rank: int
    name: str
    score: str
    values: np.ndarray


@dataclass(frozen=True)
class RainbowData:
    rows: tuple[Row, ...] = ()
    colours: tuple[QColor, ...] = ()  # one per criterion (segment)
    legend: tuple[tuple[QColor, str], ...] = ()
    scale: float = 1.0  # the bar length that fills the bar column
    caption: str = ""
    empty: str = ""  # shown when there are no rows
    tooltip: Callable[[int, int], str] | None = None  # (row, segment) → text, formatted only on hover
    # Segments grouped by area, for bars too narrow to show every criterion (many criteria): the group of each
    # segment, and one colour per group. Empty: never grouped.
    groups: tuple[int, ...] = ()
    group_colours: tuple[QColor, ...] = ()


NAME_SHARE_MOST = 0.5  # the names' column may widen to this share of the width so a name is not cut
NAME_SMALLEST = 0.85  # and the names' type shrink to this share of its size, before a name is cut


class RainbowChart(QWidget):
    """Paints :class:`RainbowData`; hover a segment for what it stands for."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._data = RainbowData()
        self.name_share = 0.36  # at most this share of the width for the names (the rest: bars, scores)
        self._hits: list[tuple[float, float, np.ndarray, np.ndarray]] = []  # per row: top, bottom, x, width
        self.drawn_names: list[list[str]] = []  # per row painted last: the lines its name was written in
        self._name_w: tuple[tuple, tuple[float, float]] | None = None  # → (names' column width, their size)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab, so a screen reader can read it

    def data(self) -> RainbowData:
        return self._data

    def set_data(self, data: RainbowData) -> None:
        self._data = data
        self.setAccessibleDescription(
            "; ".join(f"{r.rank}. {r.name} {r.score}" for r in data.rows) or data.empty
        )
        self.updateGeometry()
        self.update()

    # -- geometry -------------------------------------------------------------------------------------------
    def _fonts(self, row_h: float) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.font())
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        big = QFont(base)
        big.setPointSizeF(max(size, min(size * 2.0, row_h * 0.36)))
        bold = QFont(big)
        bold.setBold(True)
        small = QFont(base)
        return big, bold, small

    def _base_row_height(self) -> float:
        return QFontMetricsF(self.font()).height() * 2.6

    def sizeHint(self) -> QSize:
        n = max(1, len(self._data.rows))
        return QSize(700, int(self._base_row_height() * n + self._legend_height(700) + 40))

    def minimumSizeHint(self) -> QSize:
        n = max(1, len(self._data.rows))
        return QSize(360, int(QFontMetricsF(self.font()).height() * 1.6 * n + self._legend_height(360) + 30))

    def _legend_height(self, width: float) -> float:
        if not self._data.legend:
            return 0.0
        fm = QFontMetricsF(self.font())
        lines, x = 1, 0.0
        for _, label in self._data.legend:
            w = fm.height() + 6 + fm.horizontalAdvance(label) + 18
            if x + w > width and x > 0:
                lines, x = lines + 1, 0.0
            x += w
        return lines * fm.height() * 1.4 + 8

    def _names_width(self, font: QFont, row_h: float, w: float) -> float:
        """The names' column: as wide as the longest name up to ``name_share`` of the width; wider, up to
        ``NAME_SHARE_MOST``, when a name would need more lines than its row holds (bars get narrower, names
        stay whole); then, if that is not enough, the names' type a little smaller (to ``NAME_SMALLEST`` of the
        page's). Sets ``font``'s size; found once per data, font and size (a slider step does not ask again)."""
        names = tuple(r.name for r in self._data.rows)
        key = (frozenset(names), font.toString(), row_h, w, self.name_share)  # a new order: the same widths
        if self._name_w is not None and self._name_w[0] == key:
            font.setPointSizeF(self._name_w[1][1])
            return self._name_w[1][0]
        smallest = max(font.pointSizeF() * NAME_SMALLEST, self.font().pointSizeF() * NAME_SMALLEST)
        while True:
            fm = QFontMetricsF(font)
            lines = max(1, int(row_h // fm.lineSpacing()))  # lines a row holds
            width = min(max(fm.horizontalAdvance(n) for n in names) + 16, w * self.name_share)
            most = max(width, w * NAME_SHARE_MOST)
            while width < most and any(len(wrap_words(fm, n, width - 12)) > lines for n in names):
                width = min(most, width + 12)
            fits = all(len(wrap_words(fm, n, width - 12)) <= lines for n in names)
            if fits or font.pointSizeF() - 0.5 < smallest:
                break
            font.setPointSizeF(font.pointSizeF() - 0.5)
        self._name_w = (key, (width, font.pointSizeF()))
        return width

    # -- painting -------------------------------------------------------------------------------------------
    def paintEvent(self, event: object) -> None:
        exposed = event.rect() if hasattr(event, "rect") else self.rect()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fg = pal.color(QPalette.ColorRole.WindowText)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        self._hits = []
        self.drawn_names = []
        w, h = float(self.width()), float(self.height())
        d = self._data
        margin = 8.0
        top = margin
        fm_small = QFontMetricsF(self.font())
        if d.caption:  # wrapped: it names what the bars are, so none of it may be cut off on a narrow page
            p.setPen(fg)
            p.setFont(self.font())
            wrap = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
            box = fm_small.boundingRect(QRectF(margin, top, w - 2 * margin, 1e6), wrap, d.caption)
            p.drawText(QRectF(margin, top, w - 2 * margin, box.height()), wrap, d.caption)
            top += box.height() + fm_small.height() * 0.3
        legend_h = self._legend_height(w - 2 * margin)
        if not d.rows:
            p.setPen(fg)
            p.drawText(
                QRectF(margin, top, w - 2 * margin, h - top - margin),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                d.empty,
            )
            paint_focus_frame(self, p)
            p.end()
            return
        avail = h - top - legend_h - margin
        row_h = max(fm_small.height() * 1.4, min(avail / len(d.rows), self._base_row_height() * 1.8))
        big, bold, _ = self._fonts(row_h)
        longest = max(d.rows, key=lambda r: len(r.name)).name
        while bold.pointSizeF() > self.font().pointSizeF() and QFontMetricsF(bold).horizontalAdvance(
            longest
        ) > w * (self.name_share - 0.06):
            bold.setPointSizeF(bold.pointSizeF() - 1)  # narrow page: smaller names rather than cut ones
            big.setPointSizeF(bold.pointSizeF())
        fm_big, fm_bold = QFontMetricsF(big), QFontMetricsF(bold)
        rank_w = fm_bold.horizontalAdvance("00.") + 8
        name_w = self._names_width(bold, row_h, w)  # may make ``bold`` smaller
        fm_bold = QFontMetricsF(bold)
        name_room = max(1, int(row_h // fm_bold.lineSpacing()))  # lines a row holds
        score_w = max(fm_big.horizontalAdvance(r.score) for r in d.rows) + 16
        bar_x = margin + rank_w + name_w
        bar_w = max(20.0, w - bar_x - score_w - margin)
        values = np.vstack([r.values for r in d.rows])
        # A negative part (a cost criterion counting against the score) goes left of a zero line: the bar column
        # spans the largest negative total to the scale.
        below = float(np.minimum(values, 0.0).sum(axis=1).min(initial=0.0))
        scale = d.scale if d.scale > 0 else 1.0
        span = scale - below
        zero_x = bar_x + bar_w * (-below) / span
        if below == 0.0:
            grid = QPen(pal.color(QPalette.ColorRole.Mid))
            grid.setStyle(Qt.PenStyle.DotLine)
            p.setPen(grid)
            for t in (0.25, 0.5, 0.75, 1.0):
                x = bar_x + bar_w * t
                p.drawLine(QPointF(x, top), QPointF(x, top + row_h * len(d.rows)))
        bh = row_h * 0.62
        pos_w = bar_w * np.maximum(values, 0.0) / span
        neg_w = bar_w * np.maximum(-values, 0.0) / span
        all_widths = pos_w + neg_w
        all_starts = np.where(
            values < 0, zero_x - np.cumsum(neg_w, axis=1), zero_x + np.cumsum(pos_w, axis=1) - pos_w
        )
        self._hits = [
            (top + i * row_h, top + (i + 1) * row_h, all_starts[i], all_widths[i]) for i in range(len(d.rows))
        ]
        # Paint only the rows in view (the chart scrolls when there are many alternatives).
        first = max(0, int((exposed.top() - top) // row_h))
        last = min(len(d.rows), int((exposed.bottom() - top) // row_h) + 1)
        grouped = bool(d.groups) and all_widths.shape[1] > bar_w / 4  # under 4 px a segment: one per area
        if grouped:
            group_of = np.asarray(d.groups)
            k = len(d.group_colours)
        self.drawn_names = []
        for i in range(first, last):
            r = d.rows[i]
            y = top + i * row_h
            if i % 2 == 1:
                p.fillRect(
                    QRectF(margin, y, w - 2 * margin, row_h), pal.color(QPalette.ColorRole.AlternateBase)
                )
            p.setPen(fg)
            p.setFont(bold)
            p.drawText(
                QRectF(margin, y, rank_w - 6, row_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{r.rank}.",
            )
            lines = lines_within(fm_bold, r.name, name_w - 12, name_room)
            self.drawn_names.append(lines)
            p.drawText(
                QRectF(margin + rank_w + 4, y, name_w - 8, row_h),
                Qt.AlignmentFlag.AlignVCenter,
                "\n".join(lines),
            )
            by = y + (row_h - bh) / 2
            colours, widths, starts = d.colours, all_widths[i], all_starts[i]
            if grouped:  # per area: its positive parts right of zero, its negative parts left
                gp = np.bincount(group_of, weights=pos_w[i], minlength=k)
                gn = np.bincount(group_of, weights=neg_w[i], minlength=k)
                colours = tuple(d.group_colours) * 2
                widths = np.concatenate([gp, gn])
                starts = np.concatenate([zero_x + np.cumsum(gp) - gp, zero_x - np.cumsum(gn)])
            gap = 1.0 if widths.size < bar_w / 4 else 0.0  # a hairline between segments while they are wide
            for x, sw, colour in zip(starts.tolist(), widths.tolist(), colours, strict=False):
                if sw > 0:
                    p.fillRect(QRectF(x, by, max(sw - gap, 0.5), bh), colour)
            if below < 0.0:
                p.setPen(QPen(fg, 2.0))
                p.drawLine(QPointF(zero_x, y + 2), QPointF(zero_x, y + row_h - 2))
            p.setPen(fg)
            p.setFont(big)
            p.drawText(QRectF(bar_x + bar_w + 8, y, score_w, row_h), Qt.AlignmentFlag.AlignVCenter, r.score)
        # legend
        p.setFont(self.font())
        ly = top + row_h * len(d.rows) + 10
        lx = margin
        box = fm_small.height() * 0.9
        for colour, label in d.legend:
            lw = box + 6 + fm_small.horizontalAdvance(label) + 18
            if lx + lw > w - margin and lx > margin:
                lx, ly = margin, ly + fm_small.height() * 1.4
            p.fillRect(QRectF(lx, ly + (fm_small.height() - box) / 2, box, box), colour)
            p.setPen(fg)
            p.drawText(QPointF(lx + box + 6, ly + fm_small.ascent()), label)
            lx += lw
        paint_focus_frame(self, p)
        p.end()

    def mouseMoveEvent(self, event: object) -> None:
        pos = event.position()
        for row, (top, bottom, starts, widths) in enumerate(self._hits):
            if top <= pos.y() < bottom:
                inside = np.flatnonzero((starts <= pos.x()) & (pos.x() < starts + widths))
                if inside.size and self._data.tooltip is not None:
                    tip = f"{self._data.rows[row].name} · {self._data.tooltip(row, int(inside[0]))}"
                    QToolTip.showText(event.globalPosition().toPoint(), tip, self)
                    return
        QToolTip.hideText()
