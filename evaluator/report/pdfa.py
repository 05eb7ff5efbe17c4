"""Make reportlab's memo a tagged PDF/A-3 (PDF/UA-1) file with pikepdf, before it is attached to and signed.

:func:`finish` adds what reportlab does not write: the structure tree recorded by :mod:`.tagging` (with its
parent tree, so a reader finds the element of every piece of marked content), ``/MarkInfo``, ``/Lang``,
``DisplayDocTitle``, bookmarks from the headings, XMP metadata that says the same as the document information
(title, author, subject, keywords, dates; ``pdfaid`` part 3 and ``pdfuaid`` part 1, with the PDF/A extension
schema that declares ``pdfuaid``), the sRGB output intent, and a PDF 1.7 header.

For a memo to be signed it also makes the empty signature field, tagged as a ``Form`` element, so the signature
pyHanko adds in its incremental update lands in a field that is already part of the structure.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape

from .tagging import Elem, Heading, Tagger

SRGB_ID = "sRGB IEC61966-2.1"


@dataclass(frozen=True)
class DocInfo:
    title: str
    author: str
    subject: str
    keywords: str
    lang: str  # "nl" or "en"
    creator: str = "Afweging"


@dataclass(frozen=True)
class SignatureField:
    name: str
    label: str  # what the field is, for a screen reader (/TU)
    page: int  # 0-based
    box: tuple[int, int, int, int]


def srgb_profile() -> bytes:
    """The sRGB ICC profile (v2, from littleCMS) that pikepdf ships for PDF/A output intents."""
    return (resources.files("pikepdf") / "pdfa" / "data" / "sRGB.icc").read_bytes()


def producer() -> str:
    """What pyHanko writes as producer when it updates the file: set now, so the XMP and the document
    information dictionary still agree after the signature's update (PDF/A wants them equal)."""
    from pyhanko.pdf_utils.metadata.model import VENDOR

    return VENDOR


def finish(
    raw: bytes,
    tagger: Tagger,
    info: DocInfo,
    signature: SignatureField | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    pdf = pikepdf.open(io.BytesIO(raw))
    root = pdf.Root
    pages = list(pdf.pages)

    # -- structure tree -------------------------------------------------------------------------------------------
    parents: dict[int, dict[int, Any]] = {}  # page → mcid → element
    tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))

    def build(elem: Elem, parent: Any) -> Any:
        # no /Type /StructElem (optional) and a lone kid not in an array: thousands of cells, each bytes smaller
        d = pdf.make_indirect(Dictionary(S=Name("/" + elem.type), P=parent))
        kids = Array()
        page_of = None
        for k in elem.kids:
            if isinstance(k, Elem):
                kids.append(build(k, d))
                continue
            page, mcid = k
            if page_of is None:
                page_of = page
                d.Pg = pages[page].obj
            if page == page_of:
                kids.append(mcid)
            else:
                kids.append(Dictionary(Type=Name.MCR, Pg=pages[page].obj, MCID=mcid))
            parents.setdefault(page, {})[mcid] = d
        d.K = kids[0] if len(kids) == 1 else kids
        if elem.alt:
            d.Alt = String(elem.alt)
        if elem.attrs:
            d.A = Dictionary({"/" + key: _pdf_value(v) for key, v in elem.attrs.items()})
        return d

    document = build(tagger.root, tree_root)
    nums = Array()
    for page, by_mcid in sorted(parents.items()):
        if sorted(by_mcid) != list(range(len(by_mcid))):
            raise AssertionError(f"page {page + 1}: marked content ids are not 0…n-1")
        pages[page].obj.StructParents = page
        nums.extend([page, Array([by_mcid[m] for m in range(len(by_mcid))])])
    next_key = len(pages)

    if signature is not None:
        next_key = _signature_field(pdf, pages, document, nums, next_key, signature)

    tree_root.K = document
    tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    tree_root.ParentTreeNextKey = next_key
    root.StructTreeRoot = tree_root
    root.MarkInfo = Dictionary(Marked=True)
    root.Lang = String(info.lang)
    root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    for p in pages:
        p.obj.Tabs = Name.S  # annotations in structure order (PDF/UA)

    _outline(pdf, tagger.headings)

    # -- output intent, metadata, version ---------------------------------------------------------------------------
    icc = pdf.make_stream(srgb_profile())
    icc.N = 3
    root.OutputIntents = Array([Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFA1, OutputConditionIdentifier=String(SRGB_ID),
        Info=String(SRGB_ID), RegistryName=String("http://www.color.org"), DestOutputProfile=icc,
    )])  # fmt: skip
    prod = producer()
    pdf.docinfo = pdf.make_indirect(Dictionary(
        Title=String(info.title), Author=String(info.author), Subject=String(info.subject),
        Keywords=String(info.keywords), Creator=String(info.creator), Producer=String(prod),
        CreationDate=String(_pdf_date(now)), ModDate=String(_pdf_date(now)),
    ))  # fmt: skip
    meta = pdf.make_stream(_xmp(info, prod, now).encode("utf-8"))
    meta.Type, meta.Subtype = Name.Metadata, Name.XML
    root.Metadata = meta
    if "/Version" in root:
        del root["/Version"]
    out = io.BytesIO()
    # no object streams: the signature update then ends in a classic cross-reference table, as before
    pdf.save(out, force_version="1.7", fix_metadata_version=False)
    return out.getvalue()


def _pdf_value(v: Any) -> Any:
    from pikepdf import Array, Name

    if isinstance(v, str):
        return Name("/" + v)
    if isinstance(v, list | tuple):
        return Array([round(x, 2) if isinstance(x, float) else x for x in v])
    return v


def _signature_field(pdf: Any, pages: list, document: Any, nums: Any, key: int, sig: SignatureField) -> int:
    """The empty signature field with its widget on ``sig.page``, tagged ``Form`` → ``OBJR``; the next key."""
    from pikepdf import Array, Dictionary, Name, String

    page = pages[sig.page]
    appearance = pdf.make_stream(b"", Type=Name.XObject, Subtype=Name.Form,
                                 BBox=Array([0, 0, sig.box[2] - sig.box[0], sig.box[3] - sig.box[1]]))  # fmt: skip
    widget = pdf.make_indirect(Dictionary(
        Type=Name.Annot, Subtype=Name.Widget, FT=Name.Sig, T=String(sig.name), TU=String(sig.label),
        Rect=Array(list(sig.box)), F=4, P=page.obj, StructParent=key, AP=Dictionary(N=appearance),
    ))  # fmt: skip
    if "/Annots" not in page.obj:
        page.obj.Annots = Array()
    page.obj.Annots.append(widget)
    pdf.Root.AcroForm = Dictionary(Fields=Array([widget]), SigFlags=1)
    form = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Form, P=document, Pg=page.obj,
                                        Alt=String(sig.label)))  # fmt: skip
    form.K = Dictionary(Type=Name.OBJR, Obj=widget, Pg=page.obj)
    document.K = Array([*document.K, form]) if isinstance(document.K, Array) else Array([document.K, form])
    nums.extend([key, form])
    return key + 1


def _outline(pdf: Any, headings: Sequence[Heading]) -> None:
    """Bookmarks: the title, and under it the sections with their parts."""
    from pikepdf import Name, OutlineItem, PageLocation

    if not headings:
        return
    with pdf.open_outline() as outline:
        stack: list[tuple[int, Any]] = []
        for h in headings:
            item = OutlineItem(h.text, h.page, PageLocation.XYZ, left=0, top=round(h.top + 4, 2))
            while stack and stack[-1][0] >= h.level:
                stack.pop()
            (stack[-1][1].children if stack else outline.root).append(item)
            stack.append((h.level, item))
    pdf.Root.PageMode = Name.UseOutlines


def _pdf_date(t: dt.datetime) -> str:
    return t.strftime("D:%Y%m%d%H%M%S+00'00'")


def _xmp(info: DocInfo, prod: str, now: dt.datetime) -> str:
    """The XMP packet: Dublin Core, PDF and XMP basic properties equal to the document information, and the
    PDF/A and PDF/UA identification (``pdfuaid`` declared with the PDF/A extension schema)."""
    when = now.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    e = escape
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{e(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{e(info.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{e(info.lang)}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Keywords>{e(info.keywords)}</pdf:Keywords>
<pdf:Producer>{e(prod)}</pdf:Producer>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>{e(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>{when}</xmp:CreateDate>
<xmp:ModifyDate>{when}</xmp:ModifyDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>3</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
