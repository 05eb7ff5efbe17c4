"""Vector charts for the memo (reportlab graphics): crisp on paper and on a projector, and searchable text.

Each chart takes ``alt``, what it shows in words, which the tagged memo gives a screen reader instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..text import percent
from .fonts import BOLD, REGULAR

ACCENT = colors.HexColor("#154273")  # dark blue: the one colour that carries meaning
ACCENT_2 = colors.HexColor("#5C7FA8")
ACCENT_3 = colors.HexColor("#A9BCD3")
MUTED = colors.HexColor("#5B616B")  # 6.2:1 on white, 5.5:1 on the pale fills: readable (WCAG AA)
GRID = colors.HexColor("#D5D9DF")
TEXT = colors.HexColor("#1F2328")


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    width: float,
    value_text: Sequence[str],
    highlight: int | None = 0,
    vmax: float | None = None,
    row: float = 15,
    alt: str = "",
) -> Drawing:
    """Horizontal bars, one row per label, the value written after each bar; ``highlight`` in the accent colour."""
    label_w, lines = _labels(labels, width, 8.5)
    value_w = 52
    bar_w = width - label_w - value_w
    heights = [row + (len(ls) - 1) * _LINE for ls in lines]
    h = sum(heights) + 4
    d = Drawing(width, h)
    d.initialFontName = REGULAR  # no unembedded Helvetica in the PDF
    d.__dict__["alt_text"] = alt  # the figure's alternative text (a Drawing refuses unknown attributes)
    top = max([abs(v) for v in values] + [vmax or 0, 1e-12])
    y_top = h
    for i, (ls, v, vt, rh) in enumerate(zip(lines, values, value_text, heights, strict=True)):
        y_top -= rh
        y = y_top + 3 + (rh - row) / 2  # the bar centred on its (one- or more-line) label
        _draw_label(d, label_w, y + 2, ls, 8.5)
        d.add(Rect(label_w, y, bar_w, row - 5, fillColor=colors.HexColor("#F1F3F6"), strokeColor=None))
        length = max(0.0, bar_w * (v / top)) if top else 0
        colour = ACCENT if i == highlight else ACCENT_3
        d.add(Rect(label_w, y, length, row - 5, fillColor=colour, strokeColor=None))
        d.add(String(label_w + bar_w + 5, y + 2, vt, fontName=BOLD if i == highlight else REGULAR,
                     fontSize=8.5, fillColor=TEXT))  # fmt: skip
    return d


def stacked_chart(
    labels: Sequence[str],
    parts: Sequence[Sequence[float]],
    legend: Sequence[str],
    width: float,
    row: float = 15,
    alt: str = "",
    lang: str = "en",
) -> Drawing:
    """Horizontal stacked bars in [0, 1] (e.g. share of first, second, third place) with a legend on top."""
    shades = [ACCENT, ACCENT_2, ACCENT_3]
    label_w, lines = _labels(labels, width, 8.5)
    bar_w = width - label_w - 10
    legend_h = 16
    heights = [row + (len(ls) - 1) * _LINE for ls in lines]
    body_h = sum(heights)
    h = body_h + legend_h + 14
    d = Drawing(width, h)
    d.initialFontName = REGULAR  # no unembedded Helvetica in the PDF
    d.__dict__["alt_text"] = alt  # the figure's alternative text (a Drawing refuses unknown attributes)
    x = label_w
    for k, name in enumerate(legend):
        d.add(Rect(x, h - 10, 9, 9, fillColor=shades[k % 3], strokeColor=None))
        d.add(String(x + 13, h - 9, name, fontName=REGULAR, fontSize=8, fillColor=TEXT))
        x += 13 + stringWidth(name, REGULAR, 8) + 14
    y_top = h - legend_h
    for ls, p, rh in zip(lines, parts, heights, strict=True):
        y_top -= rh
        y = y_top + 3 + (rh - row) / 2
        _draw_label(d, label_w, y + 2, ls, 8.5)
        d.add(Rect(label_w, y, bar_w, row - 5, fillColor=colors.HexColor("#F1F3F6"), strokeColor=None))
        x = label_w
        for k, share in enumerate(p):
            w = bar_w * max(0.0, min(1.0, share))
            if w > 0:
                d.add(Rect(x, y, w, row - 5, fillColor=shades[k % 3], strokeColor=None))
            x += w
    # gridlines at 25 % steps, with their numbers under the last row
    base = h - legend_h - body_h
    for q in (0, 0.25, 0.5, 0.75, 1.0):
        gx = label_w + bar_w * q
        d.add(Line(gx, base, gx, h - legend_h, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(gx, base - 9, percent(q, lang), fontName=REGULAR, fontSize=7, fillColor=MUTED,
                     textAnchor="middle"))  # fmt: skip
    return d


def interval_chart(
    labels: Sequence[str],
    current: Sequence[float],
    low: Sequence[float],
    high: Sequence[float],
    width: float,
    row: float = 14,
    alt: str = "",
    lang: str = "en",
) -> Drawing:
    """Weight stability intervals: a bar from low to high on a 0–100 % axis, a tick at the current weight."""
    label_w, lines = _labels(labels, width, 8)
    bar_w = width - label_w - 10
    heights = [row + (len(ls) - 1) * _LINE for ls in lines]
    h = sum(heights) + 14
    d = Drawing(width, h)
    d.initialFontName = REGULAR  # no unembedded Helvetica in the PDF
    d.__dict__["alt_text"] = alt  # the figure's alternative text (a Drawing refuses unknown attributes)
    y_top = h
    for i, (ls, rh) in enumerate(zip(lines, heights, strict=True)):
        y_top -= rh
        y = y_top + 3 + (rh - row) / 2
        _draw_label(d, label_w, y + 1, ls, 8)
        d.add(Line(label_w, y + 4, label_w + bar_w, y + 4, strokeColor=GRID, strokeWidth=0.5))
        x0, x1 = label_w + bar_w * low[i], label_w + bar_w * high[i]
        d.add(Rect(x0, y, max(x1 - x0, 0.8), 8, fillColor=ACCENT_3, strokeColor=None))
        xc = label_w + bar_w * current[i]
        d.add(Line(xc, y - 1.5, xc, y + 9.5, strokeColor=ACCENT, strokeWidth=1.6))
    for q in (0, 0.25, 0.5, 0.75, 1.0):
        gx = label_w + bar_w * q
        d.add(String(gx, 2, percent(q, lang), fontName=REGULAR, fontSize=7, fillColor=MUTED,
                     textAnchor="middle"))  # fmt: skip
    return d


_LINE = 9.5  # the extra height of a label's second line
_GAP = 6  # between a label and its bar


def _labels(labels: Sequence[str], width: float, size: float) -> tuple[float, list[list[str]]]:
    """The label column's width and each label as one or more lines: as wide as the longest label needs, at most
    45 % of the chart; a label wider than that wraps at spaces onto more lines (clipped only beyond three)."""
    need = max((stringWidth(s, REGULAR, size) for s in labels), default=0.0)
    label_w = min(0.45 * width, need + _GAP + 2)
    room = label_w - _GAP
    return label_w, [_wrap(s, room, size) for s in labels]


def _wrap(s: str, room: float, size: float, most: int = 3) -> list[str]:
    """``s`` broken at spaces into at most ``most`` lines of ``room`` points; the last clipped with … if need be."""
    lines: list[str] = []
    words = s.split(" ")
    while words and len(lines) < most - 1:
        line = words.pop(0)
        while words and stringWidth(f"{line} {words[0]}", REGULAR, size) <= room:
            line = f"{line} {words.pop(0)}"
        lines.append(_fit(line, room, size))
    if words:
        lines.append(_fit(" ".join(words), room, size))
    return lines


def _fit(s: str, room: float, size: float) -> str:
    if stringWidth(s, REGULAR, size) <= room:
        return s
    while s and stringWidth(s + "…", REGULAR, size) > room:
        s = s[:-1]
    return s.rstrip() + "…"


def _draw_label(d: Drawing, right: float, y: float, lines: Sequence[str], size: float) -> None:
    """A label right-aligned before its bar; its lines stand around the bar's middle."""
    offset = (len(lines) - 1) * _LINE / 2
    for k, line in enumerate(lines):
        d.add(String(right - _GAP, y + offset - k * _LINE, line, fontName=REGULAR, fontSize=size, fillColor=TEXT,
                     textAnchor="end"))  # fmt: skip
