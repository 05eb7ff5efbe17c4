"""The memo's pages: the furniture drawn on every page (header, footer with "page n of N"), the signature slot,
charts cut into parts that fit a page, and headings kept on the page of what they introduce."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from .fonts import REGULAR
from .memo_style import (
    ACCENT,
    CONTENT_W,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_H,
    PAGE_W,
    RULE,
    SIGNATURE_H,
    SIGNATURE_W,
)
from .tagging import Elem, Tagger, artifact, content
from .texts import t

# -- page furniture -------------------------------------------------------------------------------------------


class NumberedCanvas(rl_canvas.Canvas):
    """Holds the pages back until the end, so every footer can say "page n of N"."""

    footer: tuple[str, str, str] = ("", "", "nl")

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs["initialFontName"] = REGULAR  # else reportlab lists an unembedded Helvetica
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._furniture(total)
            super().showPage()
        super().save()

    def _furniture(self, total: int) -> None:
        left, title, lang = self.footer
        n = self._pageNumber
        self.saveState()
        with artifact(self, "Footer"):
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, MARGIN_BOTTOM - 7 * mm, PAGE_W - MARGIN_X, MARGIN_BOTTOM - 7 * mm)
            self.setFont(REGULAR, 7.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, MARGIN_BOTTOM - 11 * mm, left)
            self.drawRightString(
                PAGE_W - MARGIN_X, MARGIN_BOTTOM - 11 * mm, t("page", lang, n=n, total=total)
            )
        if n > 1:
            with artifact(self, "Header"):
                self.drawString(MARGIN_X, PAGE_H - 13 * mm, title)
                self.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 13 * mm, t("kind", lang).capitalize())
        else:
            with artifact(self):
                self.setFillColor(ACCENT)
                self.rect(0, PAGE_H - 8 * mm, PAGE_W, 8 * mm, stroke=0, fill=1)
        self.restoreState()


class SignatureSlot(Flowable):
    """An empty framed box where the visible signature goes; records its page and position when drawn.

    The frame is an artifact; the placeholder of an unsigned memo is a paragraph."""

    self_tagging = True

    def __init__(self, label: str, placeholder: str | None):
        super().__init__()
        self.width, self.height = SIGNATURE_W, SIGNATURE_H
        self.label, self.placeholder = label, placeholder
        self.where: tuple[int, tuple[float, float, float, float]] | None = None

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        x, y = c.absolutePosition(0, 0)
        self.where = (c.getPageNumber() - 1, (x, y, x + self.width, y + self.height))
        c.saveState()
        with artifact(c):
            c.setStrokeColor(RULE)
            c.setLineWidth(0.6)
            c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        if self.placeholder:
            tagger: Tagger | None = getattr(c, "tagger", None)
            elem = Elem("P")
            if tagger is not None:
                tagger.root.kids.append(elem)
            with content(c, elem):
                c.setFont(REGULAR, 9)
                c.setFillColor(MUTED)
                c.drawCentredString(self.width / 2, self.height / 2 - 3, self.placeholder)
        c.restoreState()


def chart_parts(make: Any, n: int) -> list[Drawing]:
    """A chart of ``n`` rows (``make(i, j)`` draws rows i..j-1) in as many parts as it takes for each to fit on a
    page: a drawing cannot break across pages, and a ranking of 60 alternatives is taller than one."""
    room = 0.85 * FRAME_H
    parts: list[Drawing] = []
    start = 0
    while start < n:
        end = n
        d = make(start, end)
        while d.height > room and end - start > 1:
            end = start + max(1, min(end - start - 1, int((end - start) * room / d.height)))
            d = make(start, end)
        parts.append(d)
        start = end
    return parts


# -- headings keep with what follows -------------------------------------------------------------------------

_HEADS = ("h1", "h2")
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM


def _is_lead(story: Sequence[Flowable], i: int) -> bool:
    """A heading, or a short introduction ("small") under a heading or before a table or chart."""
    f = story[i]
    if not isinstance(f, Paragraph):
        return False
    if f.style.name in _HEADS:
        return True
    if f.style.name != "small":
        return False
    if i > 0 and isinstance(story[i - 1], Paragraph) and story[i - 1].style.name in _HEADS:
        return True
    j = i + 1
    while j < len(story) and type(story[j]) is Spacer:
        j += 1
    return j < len(story) and isinstance(story[j], Table | Drawing)


def _height(f: Flowable, whole: bool = True) -> float:
    """``f``'s height on the page; with ``whole=False`` only its first part (a table's header and two rows)."""
    if type(f) is Spacer:
        return f.height
    h = f.wrap(CONTENT_W, FRAME_H)[1]
    if isinstance(f, Paragraph):
        h += f.getSpaceBefore() + f.getSpaceAfter()
        return h if whole else min(h, 3 * f.style.leading)
    if isinstance(f, Table) and not whole:
        head = f.repeatRows if isinstance(f.repeatRows, int) else len(f.repeatRows)
        return sum(f._rowHeights[: head + 2])
    if isinstance(f, KeepTogether):
        h = f._H
    return min(h, 0.5 * FRAME_H)


def keep_with_next(story: list[Flowable]) -> list[Flowable]:
    """Every heading (and the introduction under it) stays on the page of what it introduces: a conditional page
    break before it asks for room for the heading, its introduction and the first part of what follows."""
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        if not _is_lead(story, i):
            out.append(story[i])
            i += 1
            continue
        j, need = i, 0.0
        while j < len(story) and (_is_lead(story, j) or type(story[j]) is Spacer):
            need += _height(story[j])
            j += 1
        if j < len(story) and not isinstance(story[j], PageBreak | CondPageBreak):
            need += _height(story[j], whole=False)
        need = min(need, 0.6 * FRAME_H)  # never more than a page holds: that would leave a page empty
        if out and type(out[-1]) is CondPageBreak:
            out[-1].height = max(out[-1].height, need)
        elif out and isinstance(out[-1], PageBreak):
            pass  # on top of a new page already
        else:
            out.append(CondPageBreak(need))
        out += story[i:j]
        i = j
    return out
