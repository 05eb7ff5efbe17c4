"""Colours for areas and criteria: the Okabe–Ito palette (safe for colour-blind viewers), a shade per criterion."""

from __future__ import annotations

from PySide6.QtGui import QColor

AREA_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#8C6D1F", "#555555")
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#000000")


def area_colour(index: int) -> QColor:
    return QColor(AREA_COLOURS[index % len(AREA_COLOURS)])


def criterion_colour(area_index: int, k: int, count: int) -> QColor:
    """Shade ``k`` of ``count`` of the area's colour: from the full colour towards lighter tints."""
    base = area_colour(area_index)
    if count <= 1:
        return base
    h, s, v, _ = base.getHsvF()
    t = k / (count - 1)  # 0 … 1
    return QColor.fromHsvF(max(h, 0.0), s * (1.0 - 0.55 * t), min(1.0, v * (0.85 + 0.3 * t)))


def series_colour(index: int) -> QColor:
    return QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
