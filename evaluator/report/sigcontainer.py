"""Is the file exactly what was signed? The signature container checked with bytes operations, before the
signature library's own judgement of coverage is trusted.

A PDF signature signs two byte ranges, ``[0, a)`` and ``[b, b + c)``; the gap between them holds the signature
itself, as the value of ``/Contents``. ISO 32000-1 (12.8.1, table 252) requires that value to be a hexadecimal
string when ``/ByteRange`` is present. pyHanko 0.38 decides "the signature covers the entire file" by arithmetic
that assumes so (``a + c + 2 · len(contents) + 2 == file size``): a literal ``( … )`` string takes half the room,
and an update appended in the room freed passes as "no modification" (mkl, LibrePDF/OpenPDF pull request #159,
2019). So the file is accepted only when it is, byte for byte, the signed ranges with ``<hex>`` between them, the
hex decodes to the very CMS that was validated, and the second range ends at the end of the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..formats import lazy_gettext

_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")


def container_problem(raw: bytes, byte_range: Sequence[Any], cms: bytes) -> str | None:
    """What is wrong with the signature container of ``raw`` (None: nothing).

    ``byte_range`` is the ``/ByteRange`` the signature was checked over and ``cms`` the ``/Contents`` bytes that
    were checked, both as the signature library read them.
    """
    try:
        values = [v for v in byte_range]
    except TypeError:
        return lazy_gettext("the signature's /ByteRange is not a list of numbers")
    if len(values) != 4 or not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return lazy_gettext("the signature's /ByteRange is not four whole numbers")
    start, a, b, c = values
    size = len(raw)
    if start != 0 or not 0 < a < b <= size or c < 0:
        return lazy_gettext(
            "the signature's /ByteRange {values} does not describe two ranges around a gap in this file"
        ).format(values=values)
    if b + c < size:
        return lazy_gettext("{value} bytes were added after the signed part of the file").format(
            value=size - (b + c)
        )
    if b + c > size:
        return lazy_gettext(
            "the signed ranges reach past the end of the file ({value} of {size} bytes)"
        ).format(value=b + c, size=size)
    gap = raw[a:b]
    m = _HEX.fullmatch(gap)
    if m is None:
        if gap[:1] == b"(":
            return lazy_gettext(
                "the signature's /Contents is a literal string, not the hexadecimal string the PDF standard "
                "requires; the space it frees can hide unsigned content"
            )
        return lazy_gettext(
            "the bytes between the signed ranges are not just the signature (a hexadecimal string)"
        )
    digits = m.group(1)
    if len(digits) % 2:
        return lazy_gettext("the signature's hexadecimal /Contents has an odd number of digits")
    if bytes.fromhex(digits.decode("ascii")) != bytes(cms):
        return lazy_gettext("the signature between the signed ranges is not the one that was checked")
    return None


_OBJ_HEAD = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")
_OBJ_TAIL = re.compile(rb"endobj\s*\Z")


def revision_problem(raw: bytes, start: int, xref_at: int, objects: dict[tuple[int, int], int]) -> str | None:
    """What is wrong with an appended revision (a document time-stamp's, PAdES B-LTA), None: nothing.

    ``raw[start:xref_at]`` must be exactly the revision's objects, one after the other, each ``N G obj …
    endobj`` at the offset its cross-reference section gives (``objects``: (number, generation) → offset): no
    bytes that no cross-reference points to, where a lenient reader could find content nobody checked.
    """
    if not 0 <= start <= xref_at <= len(raw):
        return lazy_gettext("an appended revision's cross-reference section lies outside it")
    placed = sorted((offset, ref) for ref, offset in objects.items())
    if any(not start <= offset < xref_at for offset, _ in placed):
        return lazy_gettext("an appended revision's objects lie outside it")
    ends = [offset for offset, _ in placed[1:]] + [xref_at]
    position = start
    for (offset, (num, gen)), end in zip(placed, ends, strict=True):
        if raw[position:offset].strip():
            return lazy_gettext("an appended revision holds {value} bytes outside its objects").format(
                value=offset - position
            )
        head = _OBJ_HEAD.match(raw, offset, end)
        if head is None or (int(head.group(1)), int(head.group(2))) != (num, gen):
            return lazy_gettext(
                "object {num} {gen} of an appended revision is not where its cross-reference says"
            ).format(num=num, gen=gen)
        if _OBJ_TAIL.search(raw[offset:end]) is None:
            return lazy_gettext(
                "object {num} {gen} of an appended revision is followed by bytes outside any object"
            ).format(num=num, gen=gen)
        position = end
    if raw[position:xref_at].strip():
        return lazy_gettext("an appended revision holds bytes outside its objects")
    return None
