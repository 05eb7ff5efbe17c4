"""How the memo looks: the A4 page and its margins, the colours, the paragraph styles, the house table, and the
small markup helpers every part of the memo uses (escaping, clipping)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, TableStyle

from . import charts
from .fonts import BOLD, MONO, REGULAR
from .tagging import TaggedTable

PAGE_W, PAGE_H = A4
MARGIN_X = 22 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
SIGNATURE_W, SIGNATURE_H = 92 * mm, 30 * mm

ACCENT = charts.ACCENT
SOFT = colors.HexColor("#EEF2F7")
RULE = colors.HexColor("#C9D1DB")
UNCERTAIN = colors.HexColor("#FFF1CC")
KNOCKOUT = colors.HexColor("#B42318")
MUTED = charts.MUTED


def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13.5, textColor=charts.TEXT)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=8, leading=10.5),
        "muted": ParagraphStyle("muted", base, fontSize=8, leading=10.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9.5),
        "cellb": ParagraphStyle("cellb", base, fontName=BOLD, fontSize=7.5, leading=9.5),
        "kind": ParagraphStyle("kind", base, fontName=BOLD, fontSize=9, leading=12, textColor=ACCENT),
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=17, leading=21, spaceAfter=3),
        "question": ParagraphStyle("question", base, fontSize=10.5, leading=14, textColor=ACCENT),
        "h1": ParagraphStyle(
            "h1", base, fontName=BOLD, fontSize=13, leading=17, spaceBefore=10, spaceAfter=5, textColor=ACCENT
        ),  # fmt: skip
        "h2": ParagraphStyle("h2", base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=8, spaceAfter=3),
        "advice": ParagraphStyle("advice", base, fontSize=10, leading=14),
        "mono": ParagraphStyle("mono", base, fontName=MONO, fontSize=8.5, leading=11),
    }


def table(
    rows: list[list[Any]], widths: Sequence[float], header: bool = True, zebra: bool = True
) -> TaggedTable:
    tbl = TaggedTable(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ]
    if header:
        style += [
            ("FONT", (0, 0), (-1, 0), BOLD, 8),
            ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT),
        ]
    if zebra:
        for r in range(1 if header else 0, len(rows)):
            if (r % 2 == 0) == header:
                style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F6F8FA")))
    tbl.setStyle(TableStyle(style))
    return tbl


def P_(s: str, style: ParagraphStyle, raw: bool = False) -> Paragraph:  # noqa: N802 - short on purpose
    return Paragraph(s if raw else esc(s).replace("\n", "<br/>"), style)


def esc(s: str) -> str:
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def hex_colour(c: colors.Color) -> str:
    return "#" + c.hexval()[2:]


def clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"
