"""QR codes of the participants' links, made here (segno: pure Python, no network), large enough for a projector."""

from __future__ import annotations

import io


def qr_png(url: str, scale: int = 8) -> bytes:
    """The QR code of ``url`` as PNG bytes (``scale`` pixels per module)."""
    import segno

    buf = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()
