"""The disagreement chart: per criterion a box (interquartile range) with every participant's weight as a dot.

Rows come in the order given (the workshop's agenda: most disagreement first). The box spans the IQR, the bar
inside it is the median, the dots are the participants (a strip), and a diamond marks the group weight. Drawn
with QPainter so it scales to any size, light (in the app) or dark (on the projector).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from evaluator.i18n import gettext
from evaluator.model import Evaluation, text
from evaluator.workshop import disagreement, group_weights

from .focus import paint_focus_frame


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


def paint_spread(
    p: QPainter, rect: QRectF, rows: list[SpreadRow], font: QFont, colours: Colours, highlight: int = -1
) -> None:
    """Draw the chart into ``rect`` (also used by the projector)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(font)
    fm = p.fontMetrics()
    if not rows:
        p.restore()
        return
    bold = QFont(font)
    bold.setBold(True)
    widest = max(QFontMetrics(bold).horizontalAdvance(r.label) for r in rows)  # bold: the highlighted row
    label_w = min(rect.width() * 0.45, widest + fm.height())
    top_pad = fm.height() * 1.4
    row_h = (rect.height() - top_pad) / len(rows)
    x0 = rect.left() + label_w
    x1 = rect.right() - fm.horizontalAdvance("100 %")
    hi = max(max((max(r.values, default=0), r.group) for r in rows)) or 1.0
    hi = min(1.0, (int(hi * 10) + 1) / 10)  # round the axis up to the next 10 %

    def x(v: float) -> float:
        return x0 + (x1 - x0) * v / hi

    # axis ticks at every 10 %
    p.setPen(QPen(QColor(colours.grid), 1))
    steps = round(hi * 10)
    every = 1 if (x(0.1) - x(0)) > fm.horizontalAdvance("100 %") * 1.4 else 2  # label every 20 % when crowded
    for k in range(steps + 1):
        v = k / 10
        p.drawLine(QPointF(x(v), rect.top() + top_pad * 0.9), QPointF(x(v), rect.bottom()))
        if k % every == 0:
            p.setPen(QColor(colours.text))
            label = QRectF(x(v) - 60, rect.top(), 120, top_pad * 0.8)
            p.drawText(label, Qt.AlignmentFlag.AlignCenter, f"{k * 10} %")
        p.setPen(QPen(QColor(colours.grid), 1))
    dot_r = max(3.0, min(row_h * 0.16, fm.height() * 0.3))
    for i, r in enumerate(rows):
        y = rect.top() + top_pad + row_h * (i + 0.5)
        text_rect = QRectF(rect.left(), y - row_h / 2, label_w - fm.height() * 0.4, row_h)
        f = QFont(font)
        f.setBold(i == highlight)
        p.setFont(f)
        p.setPen(QColor(colours.text))
        shown = QFontMetrics(f).elidedText(r.label, Qt.TextElideMode.ElideRight, int(text_rect.width()))
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, shown)
        p.setFont(font)
        box_h = row_h * 0.5
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
        self.setMinimumHeight(max(160, 36 * len(rows) + 40))
        self.update()

    def paintEvent(self, _event: object) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(LIGHT.background))
        paint_spread(p, QRectF(self.rect()).adjusted(8, 4, -8, -4), self.rows, self.font(), LIGHT)
        paint_focus_frame(self, p)
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
