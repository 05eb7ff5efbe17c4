"""The disagreement chart: per criterion a box (interquartile range) with every participant's weight as a dot.

Rows come in the order given (the workshop's agenda: most disagreement first). The box spans the IQR, the bar
inside it is the median, the dots are the participants (a strip), and a diamond marks the group weight. Drawn
with QPainter so it scales to any size, light (in the app) or dark (on the projector).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from evaluator.i18n import gettext
from evaluator.model import Evaluation, text
from evaluator.workshop import disagreement, group_weights

from .focus import paint_focus_frame
from .text_fit import Drawn, draw_line, draw_wrapped, line_count


@dataclass(frozen=True)
class SpreadRow:
    label: str
    values: tuple[float, ...]  # participants' global weights
    q1: float
    median: float
    q3: float
    group: float


@dataclass(frozen=True)
class Colours:
    background: str
    text: str
    box: str
    dot: str
    group: str
    grid: str


LIGHT = Colours("#ffffff", "#000000", "#c6dbef", "#08306b", "#b35806", "#949494")  # grid 3:1 on white
DARK = Colours("#000000", "#ffffff", "#2b4a6f", "#ffffff", "#ffd43b", "#666666")


def label_width(rows: list[SpreadRow], font: QFont, width: float) -> float:
    """The label column: as wide as the longest label (bold: the highlighted row), at most half the chart."""
    bold = QFont(font)
    bold.setBold(True)
    fm = QFontMetricsF(bold)
    widest = max((fm.horizontalAdvance(r.label) for r in rows), default=0.0)
    return min(width * 0.5, widest + fm.height())


def row_heights(rows: list[SpreadRow], font: QFont, label_w: float, highlight: int = -1) -> list[float]:
    """The height each row needs: its label wrapped at word boundaries (bold on the highlighted row), a line
    or more, and room for the dots."""
    bold = QFont(font)
    bold.setBold(True)
    plain, strong = QFontMetricsF(font), QFontMetricsF(bold)
    room = label_w - strong.height() * 0.4
    return [
        max(
            1.25 * strong.height(),
            line_count(strong if i == highlight else plain, r.label, room) * strong.lineSpacing()
            + strong.height() * 0.25,
        )
        for i, r in enumerate(rows)
    ]


def top_height(font: QFont) -> float:
    """The axis labels above the rows."""
    return QFontMetricsF(font).height() * 1.4


def paint_spread(
    p: QPainter,
    rect: QRectF,
    rows: list[SpreadRow],
    font: QFont,
    colours: Colours,
    highlight: int = -1,
    log: list[Drawn] | None = None,
    axis_max: float | None = None,
    label_w: float | None = None,
) -> None:
    """Draw the chart into ``rect`` (also used by the projector, a page of rows at a time: ``axis_max`` keeps
    the pages on one scale). Labels wrap at word boundaries, never cut; texts drawn go into ``log``."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(font)
    fm = p.fontMetrics()
    if not rows:
        p.restore()
        return
    label_w = label_width(rows, font, rect.width()) if label_w is None else label_w
    top_pad = top_height(font)
    need = row_heights(rows, font, label_w, highlight)
    stretch = (rect.height() - top_pad) / sum(need)
    stretch = min(stretch, 1.8) if stretch > 1 else stretch
    x0 = rect.left() + label_w
    x1 = rect.right() - fm.horizontalAdvance("100 %")
    hi = (
        axis_max
        if axis_max is not None
        else max(max((max(r.values, default=0), r.group) for r in rows)) or 1.0
    )
    hi = min(1.0, math.ceil(hi * 20 + 1e-9) / 20)  # round the axis up to the next 5 %

    def x(v: float) -> float:
        return x0 + (x1 - x0) * v / hi

    bottom = rect.top() + top_pad + sum(need) * stretch
    # axis ticks at every 10 %
    p.setPen(QPen(QColor(colours.grid), 1))
    step = 0.05 if hi <= 0.3 else 0.1
    steps = round(hi / step)
    every = (
        1 if (x(step) - x(0)) > fm.horizontalAdvance("100 %") * 1.4 else 2
    )  # label every other when crowded
    for k in range(steps + 1):
        v = k * step
        p.drawLine(QPointF(x(v), rect.top() + top_pad * 0.9), QPointF(x(v), bottom))
        if k % every == 0:
            p.setPen(QColor(colours.text))
            tick = f"{round(v * 100)} %"
            half = fm.horizontalAdvance(tick) / 2 + 2
            draw_line(p, QRectF(x(v) - half, rect.top(), 2 * half, top_pad * 0.8), Qt.AlignmentFlag.AlignCenter,
                      tick, log)  # fmt: skip
        p.setPen(QPen(QColor(colours.grid), 1))
    y_top = rect.top() + top_pad
    for i, r in enumerate(rows):
        row_h = need[i] * stretch
        y = y_top + row_h / 2
        f = QFont(font)
        f.setBold(i == highlight)
        p.setFont(f)
        p.setPen(QColor(colours.text))
        text_rect = QRectF(rect.left(), y_top, label_w - fm.height() * 0.4, row_h)
        draw_wrapped(p, text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, r.label, log)
        p.setFont(font)
        box_h = min(row_h * 0.5, fm.height() * 0.7)  # the same in a row whose label takes two lines
        dot_r = max(3.0, min(box_h * 0.32, fm.height() * 0.3))
        p.setPen(QPen(QColor(colours.dot), 1.5))
        p.setBrush(QColor(colours.box))
        p.drawRect(QRectF(x(r.q1), y - box_h / 2, max(2.0, x(r.q3) - x(r.q1)), box_h))
        p.setPen(QPen(QColor(colours.dot), 3))
        p.drawLine(QPointF(x(r.median), y - box_h / 2), QPointF(x(r.median), y + box_h / 2))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colours.dot))
        n = len(r.values)
        for k, v in enumerate(r.values):  # jitter the dots vertically so equal weights stay visible
            dy = (k - (n - 1) / 2) * (box_h / max(n, 1)) * 0.6
            p.drawEllipse(QPointF(x(v), y + dy), dot_r, dot_r)
        gx, s = x(r.group), dot_r * 1.6
        p.setBrush(QColor(colours.group))
        p.setPen(QPen(QColor(colours.background), 1))
        p.drawPolygon(
            QPolygonF([QPointF(gx, y - s), QPointF(gx + s, y), QPointF(gx, y + s), QPointF(gx - s, y)])
        )
        y_top += row_h
    p.restore()


class SpreadChart(QWidget):
    """The chart as a widget (light colours), for the workshop page."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[SpreadRow] = []
        self.setMinimumHeight(160)
        self.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus
        )  # reachable by Tab, so a screen reader reads the agenda

    def set_rows(self, rows: list[SpreadRow]) -> None:
        self.rows = rows
        self._fit_height()
        self.update()

    def _fit_height(self) -> None:
        """Tall enough for every row, also when a long label wraps onto a second line in a narrow window."""
        width = max(200, self.width() - 16)
        need = top_height(self.font()) + sum(
            row_heights(self.rows, self.font(), label_width(self.rows, self.font(), width))
        )
        self.setMinimumHeight(max(160, 36 * len(self.rows) + 40, int(need) + 8))

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_height()

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(LIGHT.background))
        paint_spread(p, QRectF(self.rect()).adjusted(8, 4, -8, -4), self.rows, self.font(), LIGHT)
        paint_focus_frame(self, p)
        p.end()


def spread_description(rows: list[SpreadRow], lang: str) -> str:
    """The chart in words: the discussion agenda, criteria with the most disagreement first."""
    from ..i18n import percent

    if not rows:
        return gettext("No votes yet.", lang)
    parts = []
    for k, r in enumerate(rows, 1):
        lo, hi = (min(r.values), max(r.values)) if r.values else (r.group, r.group)
        low, high, q1, q3, group = percent(lo), percent(hi), percent(r.q1), percent(r.q3), percent(r.group)
        parts.append(
            gettext(
                "{k}. {label}: participants from {low} to {high}, middle half {q1} to {q3}, group {group}",
                lang,
            ).format(k=k, label=r.label, low=low, high=high, q1=q1, q3=q3, group=group)
        )
    head = gettext("Agenda: the criteria where the participants disagree most come first. ", lang)
    return head + "; ".join(parts) + "."


def spread_rows(ev: Evaluation, lang: str) -> list[SpreadRow]:
    """The disagreement chart's rows, most disagreement first."""
    gw = group_weights(ev)
    return [
        SpreadRow(
            f"{s.criterion} {text(ev.criterion(s.criterion).name, lang)}",
            s.values,
            s.q1,
            s.median,
            s.q3,
            gw.group[s.criterion],
        )
        for s in disagreement(ev)
    ]
