"""The visible signature's appearance: who signed, when and why, in the memo's colours and fonts."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas as rl_canvas

from . import charts
from .fonts import BOLD, REGULAR, register_fonts
from .memo_style import ACCENT, MUTED, clip
from .texts import t


def stamp_pdf(
    signer: str, when: str, reason: str, lang: str, box: tuple[float, float, float, float]
) -> bytes:
    """The visible signature's appearance as a one-page PDF the size of the box (DejaVu, every character)."""
    register_fonts()
    w, h = box[2] - box[0], box[3] - box[1]
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(w, h), initialFontName=REGULAR)
    c.setFillColor(ACCENT)
    c.rect(0, 0, 3, h, stroke=0, fill=1)
    x, y = 12, h - 16
    c.setFillColor(MUTED)
    c.setFont(REGULAR, 7.5)
    c.drawString(x, y, t("signed_by", lang))
    c.setFillColor(charts.TEXT)
    c.setFont(BOLD, 11)
    c.drawString(x, y - 15, clip(signer, 44))
    c.setFont(REGULAR, 8)
    c.drawString(x, y - 31, f"{t('sign_time', lang)}: {when}")
    words, line, lines = reason.split(), "", []
    for word in words:
        if stringwidth(f"{line} {word}".strip(), REGULAR, 8) > w - x - 28 and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    label = f"{t('reason_l', lang)}: "
    c.drawString(x, y - 43, label + lines[0])
    if len(lines) > 1:
        c.drawString(x + stringwidth(label, REGULAR, 8), y - 54, clip(" ".join(lines[1:]), 60))
    c.showPage()
    c.save()
    return buf.getvalue()


def stringwidth(s: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(s, font, size)
