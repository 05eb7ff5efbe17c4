"""Text on painted surfaces (the projector, the charts): wrapped at word boundaries, never elided, logged.

Each line is drawn on its own, so a word is never cut at a column edge; a painter that wants to prove what it
showed passes a list and every line lands in it as :class:`Drawn` (text, box, font size, inked area).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter


@dataclass(frozen=True)
class Drawn:
    text: str
    rect: QRectF  # the box the text was given
    ink: QRectF  # where its letters are
    px: int
    bold: bool


def sized(base: QFont, px: float, bold: bool = False) -> QFont:
    f = QFont(base)
    f.setPixelSize(max(1, round(px)))
    f.setBold(bold)
    return f


def wrap(fm: QFontMetricsF, text: str, width: float) -> list[str]:
    """``text`` as lines of whole words no wider than ``width`` (a word wider than that gets a line to itself)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and fm.horizontalAdvance(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def lines_within(fm: QFontMetricsF, text: str, width: float, most: int) -> list[str]:
    """``text`` in whole words over at most ``most`` lines no wider than ``width``; cut short (…) only when it
    needs more lines than that, or a single word is wider."""
    lines = wrap(fm, text, width)
    if len(lines) > most:
        lines = [*lines[: max(1, most) - 1], " ".join(lines[max(1, most) - 1 :])]
    return [fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


def widest_word(fm: QFontMetricsF, texts: list[str]) -> float:
    return max((fm.horizontalAdvance(w) for t in texts for w in t.split()), default=0.0)


def draw_line(
    p: QPainter,
    rect: QRectF,
    flags: Qt.AlignmentFlag,
    line: str,
    log: list[Drawn] | None,
) -> None:
    """One line of text in ``rect`` with the painter's font, noted in ``log``."""
    p.drawText(rect, flags, line)
    if log is not None:
        f = p.font()
        ink = QFontMetricsF(f).boundingRect(rect, int(flags), line)
        log.append(Drawn(line, QRectF(rect), ink, f.pixelSize(), f.bold()))


def draw_wrapped(
    p: QPainter,
    rect: QRectF,
    flags: Qt.AlignmentFlag,
    text: str,
    log: list[Drawn] | None,
) -> float:
    """``text`` wrapped to ``rect``'s width, lines stacked from its top (or centred when ``flags`` says
    AlignVCenter); returns the height used."""
    fm = QFontMetricsF(p.font())
    lines = wrap(fm, text, rect.width())
    step = fm.lineSpacing()
    used = step * len(lines)
    y = rect.top()
    if flags & Qt.AlignmentFlag.AlignVCenter:
        y = rect.top() + (rect.height() - used) / 2
    horizontal = flags & ~(
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignBottom
    )
    for k, line in enumerate(lines):
        draw_line(p, QRectF(rect.left(), y + k * step, rect.width(), step), horizontal | Qt.AlignmentFlag.AlignTop,
                  line, log)  # fmt: skip
    return used


def line_count(fm: QFontMetricsF, text: str, width: float) -> int:
    return len(wrap(fm, text, width))


def paginate(heights: list[float], room: float) -> list[list[int]]:
    """Indices of ``heights`` split into as few pages of height ``room`` as they need, the pages as even in
    number of rows as that allows (19 rows on two pages: 10 and 9, not 15 and 4)."""
    if not heights:
        return [[]]

    def greedy(cap: int) -> list[list[int]]:
        pages: list[list[int]] = [[]]
        used = 0.0
        for i, h in enumerate(heights):
            if pages[-1] and (used + h > room or len(pages[-1]) >= cap):
                pages.append([])
                used = 0.0
            pages[-1].append(i)
            used += h
        return pages

    least = len(greedy(len(heights)))
    for n in range(least, len(heights) + 1):
        pages = greedy(math.ceil(len(heights) / n))
        if len(pages) <= n:
            return pages
    return [[i] for i in range(len(heights))]
