"""A radar profile: one polygon per selected alternative over a few axes (areas, or criteria), values 0–1."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from .focus import paint_focus_frame
from .palette import series_colour
from .text_fit import lines_within, widest_word

_DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)


@dataclass(frozen=True)
class RadarData:
    axes: tuple[str, ...] = ()
    series: tuple[tuple[str, tuple[float, ...]], ...] = ()  # (name, one value in [0, 1] per axis)
    empty: str = ""


class RadarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._data = RadarData()
        self.drawn_labels: list[list[str]] = []  # painted last: the lines each axis label was written in
        self.drawn_legend: list[list[str]] = []  # and each series' name in the legend
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab, so a screen reader can read it

    def data(self) -> RadarData:
        return self._data

    def set_data(self, data: RadarData) -> None:
        self._data = data
        self.setAccessibleDescription(
            "; ".join(
                f"{name}: "
                + ", ".join(f"{a} {round(100 * v)}" for a, v in zip(data.axes, vals, strict=False))
                for name, vals in data.series
            )
            or data.empty
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 240)

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fg = pal.color(QPalette.ColorRole.WindowText)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        d = self._data
        fm = QFontMetricsF(self.font())
        w, h = float(self.width()), float(self.height())
        if len(d.axes) < 3 or not d.series:
            p.setPen(fg)
            p.drawText(
                QRectF(8, 8, w - 16, h - 16), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, d.empty
            )
            paint_focus_frame(self, p)
            p.end()
            return
        # The legend: each series' name in whole words beside its line sample, over up to three lines.
        legend_names = [lines_within(fm, name, max(40.0, w - 56 - 8), 3) for name, _ in d.series]
        self.drawn_legend, self.drawn_labels = legend_names, []
        entry_h = [fm.height() * 0.5 + fm.lineSpacing() * len(lines) for lines in legend_names]
        legend_h = sum(entry_h) + 8
        n = len(d.axes)
        beside = [a for k, a in enumerate(d.axes) if abs(math.cos(-math.pi / 2 + 2 * math.pi * k / n)) > 0.2]
        longest = max((fm.horizontalAdvance(a) for a in beside), default=0.0)
        cx, cy = w / 2, (h - legend_h) / 2 + 4
        # The radius leaves the labels beside the web what they need: a whole label up to 22 % of the width,
        # and never less than its longest word (a label wraps at words, so that word must fit a line); a narrow
        # page gets a smaller web rather than cut labels.
        need = max(min(longest, w * 0.22), widest_word(fm, beside))
        r = max(20.0, min(w / 2 - need - 16, (h - legend_h) / 2 - fm.height() * 1.6))
        side_w = w / 2 - r - 16  # what a label beside the web may use
        top_w = w - 16  # a label above or below the web may use the width

        def point(k: int, v: float) -> QPointF:
            a = -math.pi / 2 + 2 * math.pi * k / n
            return QPointF(cx + r * v * math.cos(a), cy + r * v * math.sin(a))

        grid = QPen(pal.color(QPalette.ColorRole.Mid), 1.0)
        p.setPen(grid)
        for ring in (0.25, 0.5, 0.75, 1.0):
            p.drawPolygon(QPolygonF([point(k, ring) for k in range(n)]))
        for k in range(n):
            p.drawLine(QPointF(cx, cy), point(k, 1.0))
        p.setPen(fg)
        for k, label in enumerate(d.axes):
            pt = point(k, 1.0)
            a = -math.pi / 2 + 2 * math.pi * k / n
            room = top_w if abs(math.cos(a)) <= 0.2 else side_w
            lines = lines_within(fm, label, room, 3)  # whole words over up to three lines, not cut at once
            self.drawn_labels.append(lines)
            step = fm.lineSpacing()
            if math.sin(a) > 0.2:  # below the web: the lines go down from it
                y0 = pt.y() + fm.ascent() + 4
            elif math.sin(a) < -0.2:  # above: the last line ends just above it
                y0 = pt.y() - 6 - (len(lines) - 1) * step
            else:  # beside: centred on the spoke
                y0 = pt.y() + fm.ascent() / 2 - (len(lines) - 1) * step / 2
            for j, line in enumerate(lines):
                tw = fm.horizontalAdvance(line)
                x = pt.x() + (6 if math.cos(a) > 0.2 else -tw - 6 if math.cos(a) < -0.2 else -tw / 2)
                p.drawText(QPointF(x, y0 + j * step), line)
        for i, (_name, vals) in enumerate(d.series):
            colour = series_colour(i)
            fill = QColor(colour)
            fill.setAlphaF(0.12)
            pen = QPen(colour, 3.0)
            pen.setStyle(_DASHES[i % len(_DASHES)])
            p.setPen(pen)
            p.setBrush(QBrush(fill))
            p.drawPolygon(QPolygonF([point(k, max(0.0, min(1.0, v))) for k, v in enumerate(vals)]))
            ly = h - legend_h + sum(entry_h[:i]) + 4
            p.drawLine(QPointF(12, ly + fm.height() / 2), QPointF(48, ly + fm.height() / 2))
            p.setPen(fg)
            for j, line in enumerate(legend_names[i]):
                p.drawText(QPointF(56, ly + fm.ascent() + j * fm.lineSpacing()), line)
        paint_focus_frame(self, p)
        p.end()
