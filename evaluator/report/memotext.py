"""What the pages of a memo say, compared with its attached data: nothing visible that the data does not back.

The memo prints the attached data's SHA-256 in the footer of every page (``SHA-256`` and its first 16 hex
digits) and in full in the integrity annex, and on page 1 the ranking chart ``1. name``, ``2. name``, … (the
first eight; a long name clipped with ``…``). :func:`footer_problem` and :func:`ranking_problem` check the page
text (read with pypdf by :func:`page_texts`) against the data, so a memo whose pages were made from one
evaluation and whose attachment is another does not verify, however it was signed.
White space is never significant, so line breaks and spacing in the extraction do not matter.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..formats import lazy_gettext

MAX_PAGES = 2000  # a memo of an evaluation Afweging can hold is far shorter; more is not a memo
CHART_ROWS = 8  # the first page's chart shows the first eight of the ranking
_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub("", s)


def page_texts(raw: bytes) -> list[str]:
    """The text of every page; ``ValueError`` with a plain reason when the pages cannot be read."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        n = len(reader.pages)
        if n > MAX_PAGES:
            raise ValueError(f"the memo has {n} pages, more than the {MAX_PAGES} a memo can have")
        return [page.extract_text() or "" for page in reader.pages]
    except ValueError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged page; all mean "unreadable"
        raise ValueError(f"the page text cannot be read ({type(exc).__name__}: {exc})") from None


def footer_problem(texts: Sequence[str], digest: str) -> str | None:
    """None when every page names ``digest`` (its first 16 hex digits after "SHA-256") and some page names it in
    full (the integrity annex), else which page does not."""
    want = _norm(f"SHA-256 {digest[:16]}")
    for i, text in enumerate(texts, start=1):
        norm = _norm(text)
        if want not in norm:
            named = re.search(r"SHA-256([0-9a-f]{16})", norm)
            said = f"names SHA-256 {named.group(1)}…" if named else "names no SHA-256"
            return lazy_gettext("page {i} {said}, the attached data is {digest}…").format(
                i=i, said=said, digest=digest[:16]
            )
    if digest not in _norm("".join(texts)):
        return lazy_gettext("no page names the attached data's full SHA-256 {digest}").format(digest=digest)
    return None


def _spaced(chars: str) -> str:
    """A pattern for ``chars`` (no white space in it) that allows white space between any two of them."""
    return r"\s*".join(re.escape(ch) for ch in chars)


def _label(rank: Any, name: str) -> re.Pattern[str]:
    """``rank. name`` as the chart prints it: in full, or clipped and ended with ``…``."""
    n = _norm(name)
    options = [_spaced(n)] + [_spaced(n[:k]) + r"\s*…" for k in range(len(n) - 1, 0, -1)]
    return re.compile(rf"(?<![0-9]){_spaced(f'{rank}.')}\s*(?:{'|'.join(options)})")


def ranking_problem(first_page: str, ranking: Sequence[Mapping[str, Any]]) -> str | None:
    """None when the memo's opening pages (``first_page``: the text of pages 1–2, where the ranking chart stands
    with its heading) show ``ranking`` (rows with ``rank`` and ``name``) in order, else what they miss."""
    rows = sorted(ranking, key=lambda r: r["rank"])[:CHART_ROWS]  # sorted() is stable: input order in a tie
    text = first_page
    pos = 0
    for r in rows:
        label = _label(r["rank"], str(r["name"]))
        m = label.search(text, pos)
        if m is None:
            where = "in its place" if label.search(text) else "anywhere"
            return lazy_gettext(
                'the ranking on pages 1–2 does not show "{rank}. {name}" {where}, as the attached '
                "data ranks it"
            ).format(rank=r["rank"], name=r["name"], where=where)
        pos = m.end()
    return None
