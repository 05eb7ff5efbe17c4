"""Colours and fonts the views share: a colour-blind-safe sequential palette with readable text, scaled fonts.

Score cells are coloured by value (0 worst … 1 best) along a single-hue blue ramp (ColorBrewer "Blues"): it
varies in lightness only, so it reads the same for every kind of colour blindness and in greyscale on a
projector. The text colour on each step is chosen for the higher WCAG 2.1 contrast; :func:`contrast_ratio`
lets a test hold every step to at least 4.5:1. Fonts are the system font scaled, never fixed pixel sizes.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

# ColorBrewer Blues (9-class), light to dark: value 0 → light, value 1 → dark.
RAMP = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
BLACK = "#000000"
WHITE = "#ffffff"
MISSING = "#eeeeee"  # not scored: neutral grey, with a dash as text (not colour alone)
UNCERTAIN_MARK = "?"
MIN_CONTRAST = 4.5
MIN_GRAPHIC_CONTRAST = 3.0  # WCAG 1.4.11: lines, bars, areas, focus frames against what they touch
FOCUS_COLOUR = "#08306b"  # the ramp's darkest blue: 13:1 on white, ≥ 3:1 against every light tint
FOCUS_WIDTH = 3


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a ``#rrggbb`` colour."""
    c = QColor(colour)

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio between two colours (1 … 21)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever contrasts more with ``background``."""
    return BLACK if contrast_ratio(BLACK, background) >= contrast_ratio(WHITE, background) else WHITE


def value_colours(value: float | None) -> tuple[str, str]:
    """(background, text) for a value in [0, 1]; a neutral grey for ``None``/NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING, BLACK
    v = min(1.0, max(0.0, float(value)))
    bg = RAMP[round(v * (len(RAMP) - 1))]
    return bg, text_on(bg)


def scaled_font(factor: float = 1.0, bold: bool = False) -> QFont:
    """The application's font scaled by ``factor`` (follows the system's font size setting)."""
    f = QFont(QGuiApplication.font())
    size = f.pointSizeF()
    if size > 0:
        f.setPointSizeF(size * factor)
    f.setBold(bold)
    return f


HEADING = 1.5
SUBHEADING = 1.2


def over(fg: QColor, bg: QColor) -> str:
    """``fg`` (with its alpha) painted over ``bg``, as ``#rrggbb``."""
    a = fg.alphaF()
    mix = [round(a * f + (1 - a) * b) for f, b in zip(fg.getRgb()[:3], bg.getRgb()[:3], strict=True)]
    return QColor(*mix).name()


def readable_palette(p: QPalette) -> QPalette:
    """``p`` with the text pairs a style often gets wrong raised to 4.5:1 (WCAG 1.4.3): selected text on the
    selection colour (Fusion: 3.7:1) and placeholder text on a field (half-transparent in Qt 6). Pairs that
    already pass, as on most desktop themes, are left as the user's theme has them."""
    p = QPalette(p)
    role = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        hl, ht = p.color(group, role.Highlight), p.color(group, role.HighlightedText)
        if contrast_ratio(ht.name(), hl.name()) < MIN_CONTRAST:
            p.setColor(group, role.Highlight, QColor(RAMP[7]))
            p.setColor(group, role.HighlightedText, QColor(WHITE))
        base = p.color(group, role.Base)
        if contrast_ratio(over(p.color(group, role.PlaceholderText), base), base.name()) < MIN_CONTRAST:
            light = relative_luminance(base.name()) > 0.5
            p.setColor(group, role.PlaceholderText, QColor("#595959" if light else "#a6a6a6"))
    return p


def use_readable_palette() -> None:
    """Give the running application :func:`readable_palette` of its own palette."""
    app = QGuiApplication.instance()
    if app is not None:
        QGuiApplication.setPalette(readable_palette(QGuiApplication.palette()))
