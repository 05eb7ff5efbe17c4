"""Colours for areas and criteria: the Okabe–Ito palette (safe for colour-blind viewers), a shade per criterion.

Every colour is a bar, a line or a legend box on a white or light-grey background, so it must stand out at 3:1
(WCAG 1.4.11). Okabe–Ito's orange, sky blue and reddish purple do not (2.1–2.9:1 on #f7f7f7); they are replaced by
darker variants of the same hue family, picked so that under simulated protanopia, deuteranopia and tritanopia
(Machado et al. 2009) no two area colours come closer than ΔE 9 — further apart than the original set (6.1,
vermillion and brown under protanopia). Criterion shades go darker, never lighter than their area's colour.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

AREA_COLOURS = ("#0072B2", "#9E8A20", "#009E73", "#C2739F", "#D55E00", "#3D95C7", "#8A661E", "#555555")
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#C2739F", "#9E8A20", "#000000")


def area_colour(index: int) -> QColor:
    return QColor(AREA_COLOURS[index % len(AREA_COLOURS)])


def criterion_colour(area_index: int, k: int, count: int) -> QColor:
    """Shade ``k`` of ``count`` of the area's colour: from the full colour towards darker, greyer shades (a
    lighter tint would fall below 3:1 on the white background)."""
    base = area_colour(area_index)
    if count <= 1:
        return base
    h, s, v, _ = base.getHsvF()
    t = k / (count - 1)  # 0 … 1
    return QColor.fromHsvF(max(h, 0.0), s * (1.0 - 0.1 * t), v * (1.0 - 0.45 * t))


def series_colour(index: int) -> QColor:
    return QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
