"""The memo is a tagged PDF/A-3 and PDF/UA-1 file, and stays one when signed (issue 13).

There is no veraPDF here, so the structure is checked by hand (every painting operator on every page is inside
marked content or an artifact; the structure tree's marked-content ids and the parent tree agree; standard
structure types, header cells with a scope, figures with alternative text; XMP identification equal to the
document information; fonts embedded; the sRGB output intent), beside independent tools: poppler's ``pdfinfo``
(tagged, PDF 1.7) and ``pdfsig`` (the signature), and pikepdf's PDF/A-3b allowlist validator (veraPDF's rules).
The memos are made as a user makes them: ``afweging report`` in a subprocess.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from defusedxml import ElementTree

from tests.pki import Pki, pki_fixture  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "beter-samenwerken.toml"
STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
    "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
    "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
    "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form",
}  # fmt: skip
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "INLINE IMAGE"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


def _report(out: Path, *extra: str) -> Path:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEMO_PW": "geheim-wachtwoord-ë"}
    cmd = [
        sys.executable,
        "-m",
        "evaluator",
        "report",
        str(SAMPLE),
        "--out",
        str(out),
        "--samples",
        "300",
        "--lang",  # the memo in Dutch (--lang defaults to the session's language, English here)
        "nl",
        *extra,
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return out


def _sample_title() -> str:
    from evaluator.io.sample_toml import read_evaluation_toml

    return read_evaluation_toml(SAMPLE).title


def _ranking(memo: Path) -> list[dict]:
    """The ranking the memo's attached decision data states."""
    import io
    import json

    from pypdf import PdfReader

    data = json.loads(PdfReader(io.BytesIO(memo.read_bytes())).attachments["decision.json"][0])
    return data["results"]["ranking"]


@pytest.fixture(scope="module")
def signed(tmp_path_factory, pki: Pki) -> Path:
    out = tmp_path_factory.mktemp("pdfa") / "signed.pdf"
    return _report(out, "--sign", str(pki.signer_p12), "--password-env", "MEMO_PW", "--allow-draft")


@pytest.fixture(scope="module")
def unsigned(tmp_path_factory) -> Path:
    return _report(tmp_path_factory.mktemp("pdfa") / "unsigned-en.pdf", "--lang", "en")


# -- the structural check -----------------------------------------------------------------------------------------


def _marked_content(page: pikepdf.Page) -> tuple[list[int], list[str]]:
    """The MCIDs on ``page`` in content order, and every problem: painting outside marked content or an artifact,
    an MCID inside an artifact or inside another MCID, unbalanced BDC/EMC."""
    stack: list[tuple[str, int | None]] = []
    mcids: list[int] = []
    problems: list[str] = []
    for item in pikepdf.parse_content_stream(page):
        op = str(item.operator)
        if op in ("BDC", "BMC"):
            tag = str(item.operands[0])
            mcid = None
            if (
                op == "BDC"
                and isinstance(item.operands[1], pikepdf.Dictionary)
                and "/MCID" in item.operands[1]
            ):
                mcid = int(item.operands[1].MCID)
                if any(t == "/Artifact" or m is not None for t, m in stack):
                    problems.append(f"MCID {mcid} nested in {stack}")
                mcids.append(mcid)
            stack.append((tag, mcid))
        elif op == "EMC":
            if not stack:
                problems.append("EMC without BDC")
            else:
                stack.pop()
        elif op in PAINTING and not any(t == "/Artifact" or m is not None for t, m in stack):
            problems.append(f"{op} outside marked content")
    if stack:
        problems.append(f"unclosed marked content {stack}")
    return mcids, problems


def _number_tree(node: pikepdf.Dictionary) -> dict[int, pikepdf.Object]:
    out: dict[int, pikepdf.Object] = {}
    nums = node.get("/Nums", pikepdf.Array())
    for i in range(0, len(nums), 2):
        out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", pikepdf.Array()):
        out.update(_number_tree(kid))
    return out


def structure_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Everything wrong with the tagging of ``pdf`` (an empty list: none)."""
    problems: list[str] = []
    root = pdf.Root
    if "/StructTreeRoot" not in root:
        return ["no /StructTreeRoot"]
    if not root.get("/MarkInfo", {}).get("/Marked", False):
        problems.append("no /MarkInfo << /Marked true >>")
    tree = root.StructTreeRoot
    parent_tree = _number_tree(tree.ParentTree)
    page_index = {p.objgen: i for i, p in enumerate(pdf.pages)}

    # content side: MCIDs per page, and what is painted untagged
    on_page: dict[int, list[int]] = {}
    for i, page in enumerate(pdf.pages):
        mcids, found = _marked_content(page)
        problems += [f"page {i + 1}: {p}" for p in found]
        if mcids != list(range(len(mcids))):
            problems.append(f"page {i + 1}: MCIDs are not 0…n-1 in order: {mcids[:10]}…")
        on_page[i] = mcids
        if mcids:
            if "/StructParents" not in page.obj:
                problems.append(f"page {i + 1} has marked content but no /StructParents")
                continue
            arr = parent_tree.get(int(page.obj.StructParents))
            if arr is None or len(arr) != len(mcids):
                problems.append(f"page {i + 1}: the parent tree has {None if arr is None else len(arr)} entries "
                                f"for {len(mcids)} MCIDs")  # fmt: skip

    # tree side: walk from the root; every MCID kid is on its page and maps back to its element
    seen: set[tuple[int, int]] = set()
    types: list[str] = []

    def walk(elem: pikepdf.Dictionary, parent: pikepdf.Object) -> None:
        s = str(elem.S)[1:]
        types.append(s)
        if s not in STANDARD_TYPES:
            problems.append(f"non-standard structure type {s}")
        if elem.P.objgen != parent.objgen:
            problems.append(f"{s} element's /P is not its parent")
        if s == "Figure" and not str(elem.get("/Alt", "")).strip():
            problems.append("a Figure without /Alt")
        if s == "TH" and str(elem.get("/A", {}).get("/Scope", "")) not in ("/Row", "/Column", "/Both"):
            problems.append("a TH without /Scope")
        kids = elem.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        for k in kids:
            if isinstance(k, int | pikepdf.Object) and not isinstance(k, pikepdf.Dictionary):
                pg = page_index[elem.Pg.objgen]
                mcid = int(k)
            elif k.get("/Type") == "/MCR":
                pg, mcid = page_index[k.Pg.objgen], int(k.MCID)
            elif k.get("/Type") == "/OBJR":
                obj = k.Obj
                if "/StructParent" not in obj or parent_tree.get(int(obj.StructParent)) is None:
                    problems.append("an OBJR whose object has no /StructParent in the parent tree")
                elif parent_tree[int(obj.StructParent)].objgen != elem.objgen:
                    problems.append("the parent tree does not map an annotation back to its element")
                continue
            else:
                walk(k, elem)
                continue
            if mcid not in on_page[pg]:
                problems.append(f"{s} names MCID {mcid} on page {pg + 1}, which the page does not have")
                continue
            if (pg, mcid) in seen:
                problems.append(f"MCID {mcid} on page {pg + 1} belongs to two elements")
            seen.add((pg, mcid))
            arr = parent_tree.get(int(pdf.pages[pg].obj.StructParents), pikepdf.Array())
            if mcid >= len(arr) or arr[mcid].objgen != elem.objgen:
                problems.append(f"the parent tree maps MCID {mcid} on page {pg + 1} to another element")

    walk(tree.K, tree)
    for pg, mcids in on_page.items():
        for m in mcids:
            if (pg, m) not in seen:
                problems.append(f"MCID {m} on page {pg + 1} belongs to no element")
    headings = [int(t[1]) for t in types if len(t) == 2 and t[0] == "H" and t[1].isdigit()]
    if (
        not headings
        or headings[0] != 1
        or any(b > a + 1 for a, b in zip(headings, headings[1:], strict=False))
    ):
        problems.append(f"heading levels skip: {headings[:12]}")
    return problems


def _fonts(resources: pikepdf.Dictionary, seen: set) -> list[pikepdf.Dictionary]:
    out = []
    for font in resources.get("/Font", {}).values():
        if font.objgen not in seen:
            seen.add(font.objgen)
            out.append(font)
    for xobj in resources.get("/XObject", {}).values():
        if xobj.get("/Subtype") == "/Form" and "/Resources" in xobj and xobj.objgen not in seen:
            seen.add(xobj.objgen)
            out += _fonts(xobj.Resources, seen)
    return out


def _xmp(pdf: pikepdf.Pdf) -> dict[str, str]:
    """The simple XMP properties (``prefix:name`` → text), written as elements or as attributes, and the first
    item of dc:title, dc:creator, dc:description."""
    tree = ElementTree.fromstring(pdf.Root.Metadata.read_bytes())
    out: dict[str, str] = {}
    rev = {v: k for k, v in NS.items()}
    for desc in tree.iter(f"{{{NS['rdf']}}}Description"):
        for key, value in desc.attrib.items():
            if key.startswith("{"):
                uri, name = key[1:].split("}")
                if uri in rev:
                    out[f"{rev[uri]}:{name}"] = value
        for child in desc:
            uri, name = child.tag[1:].split("}")
            if uri not in rev:
                continue
            li = child.find(".//rdf:li", NS)
            out[f"{rev[uri]}:{name}"] = (li.text if li is not None else child.text) or ""
    return out


def _xmp_date(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def _pdf_date(s: str) -> dt.datetime:
    s = s[2:].replace("'", "")
    if s.endswith("Z"):
        return dt.datetime.strptime(s[:14], "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
    return dt.datetime.strptime(s[:14] + s[14:19], "%Y%m%d%H%M%S%z")


# -- the memo -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["signed", "unsigned"])
def test_every_content_operator_is_tagged_and_the_tree_agrees(request, which):
    with pikepdf.open(request.getfixturevalue(which)) as pdf:
        assert structure_problems(pdf) == []


def test_the_check_finds_untagged_content_and_a_broken_parent_tree(signed, tmp_path):
    """The structural check can fail: a line painted outside marked content, a parent tree entry dropped."""
    with pikepdf.open(signed) as pdf:
        page = pdf.pages[1]
        page.contents_add(pdf.make_stream(b"0 0 m 10 10 l S"), prepend=False)
        arr = _number_tree(pdf.Root.StructTreeRoot.ParentTree)[0]
        del arr[len(arr) - 1]
        found = structure_problems(pdf)
    assert any("page 2: S outside marked content" in p for p in found), found
    assert any("page 1: the parent tree has" in p for p in found), found


POPPLER = pytest.mark.skipif(
    shutil.which("pdfinfo") is None or shutil.which("pdfsig") is None,
    reason="poppler-utils not installed (CI installs it: system-packages.txt)",
)


@POPPLER
def test_pdfinfo_reports_a_tagged_pdf_17(signed):
    out = subprocess.run(["pdfinfo", str(signed)], capture_output=True, text=True, check=True)
    assert "Tagged:          yes" in out.stdout
    assert "PDF version:     1.7" in out.stdout
    assert out.stderr.strip() == ""  # poppler names any malformed structure it trips over
    assert signed.read_bytes().startswith(b"%PDF-1.7")
    with pikepdf.open(signed) as pdf:
        assert "/Version" not in pdf.Root  # no PDF 2.0 inside a PDF/A-3 (1.7) file


@POPPLER
def test_pdfsig_validates_the_signature(signed):
    """poppler's pdfsig, an independent validator beside pyHanko: the signature is valid and covers the file.
    (It does not know the test root, so it cannot call the certificate trusted.)"""
    out = subprocess.run(["pdfsig", str(signed)], capture_output=True, text=True, check=True).stdout
    assert "Signature Validation: Signature is Valid." in out
    assert "Total document signed" in out
    assert "Signer Certificate Common Name: Anneke de Vries-Ëlsinga" in out


def test_the_signed_memo_still_verifies(signed, pki: Pki):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "evaluator", "verify", str(signed), "--trust", str(pki.root_pem)],
                          env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("VALID")


def test_pdfa_validator_finds_nothing_but_its_known_limits(signed):
    """pikepdf's allowlist validator (veraPDF's PDF/A rules) finds no violation except what it cannot read: it
    does not support forms (the signature) or embedded files, and approves no structured XMP, so it denies the
    PDF/A extension schema that PDF/A requires to declare ``pdfuaid``."""
    import pikepdf.pdfa

    report = pikepdf.pdfa.validate_written(signed, "3b")
    unexpected = [
        f
        for f in report.findings
        if not (f.kind == "unsupported" and f.rule in ("pikepdf:schema-Catalog", "pikepdf:embedded-file"))
        and not (
            f.rule == "ISO_19005_3:6.6.2.3.1-1"
            and (
                "pdfaExtension" in f.message
                or "pdfaSchema" in f.message
                or "pdfaProperty" in f.message
                or "pdfuaid:part" in f.message
            )
        )  # fmt: skip
    ]
    assert unexpected == []
    assert any("pdfuaid:part" in f.message for f in report.findings)  # the limit is still there, as described


def test_xmp_identifies_pdfa3_and_pdfua1_and_says_what_the_information_dictionary_says(signed):
    with pikepdf.open(signed) as pdf:
        xmp, info = _xmp(pdf), pdf.docinfo
        assert xmp["pdfaid:part"] == "3" and xmp["pdfaid:conformance"] in ("A", "B")
        assert xmp["pdfuaid:part"] == "1"
        assert xmp["dc:title"] == str(info.Title) == _sample_title()
        assert xmp["dc:creator"] == str(info.Author)
        assert xmp["dc:description"] == str(info.Subject)
        assert xmp["pdf:Keywords"] == str(info.Keywords)
        assert xmp["pdf:Producer"] == str(info.Producer)
        assert xmp["xmp:CreatorTool"] == str(info.Creator)
        assert _xmp_date(xmp["xmp:CreateDate"]) == _pdf_date(str(info.CreationDate))
        assert _xmp_date(xmp["xmp:ModifyDate"]) == _pdf_date(str(info.ModDate))
        assert b"pdfaExtension:schemas" in pdf.Root.Metadata.read_bytes()


def test_output_intent_is_srgb_and_every_font_is_embedded(signed):
    from PIL import ImageCms

    with pikepdf.open(signed) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and intent.DestOutputProfile.N == 3
        profile = ImageCms.ImageCmsProfile(io.BytesIO(intent.DestOutputProfile.read_bytes()))
        assert "sRGB" in ImageCms.getProfileDescription(profile)
        seen: set = set()
        fonts = []
        for page in pdf.pages:
            fonts += _fonts(page.Resources, seen)
            for annot in page.get("/Annots", []):
                ap = annot.get("/AP", {}).get("/N")
                if ap is not None and "/Resources" in ap:
                    fonts += _fonts(ap.Resources, seen)
        assert len(fonts) > 3
        for font in fonts:
            desc = font.DescendantFonts[0].FontDescriptor if font.Subtype == "/Type0" else font.FontDescriptor
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.BaseFont


def test_language_title_bookmarks_and_the_attached_data(signed):
    with pikepdf.open(signed) as pdf:
        root = pdf.Root
        assert str(root.Lang) == "nl"
        assert root.ViewerPreferences.DisplayDocTitle is True
        with pdf.open_outline() as outline:
            (title,) = outline.root
            sections = [item.title for item in title.children]
        assert title.title == _sample_title()
        assert sections[0] == "Samenvatting en advies" and "6. Gevoeligheid" in sections
        (spec,) = root.AF
        names = root.Names.EmbeddedFiles.Names
        assert spec.objgen == names[1].objgen and str(names[0]) == "decision.json"
        assert spec.AFRelationship == "/Data" and spec.EF.F.Subtype == "/application/json"
        assert "/ModDate" in spec.EF.F.Params


def test_the_signature_field_is_part_of_the_structure(signed):
    with pikepdf.open(signed) as pdf:
        (field,) = pdf.Root.AcroForm.Fields
        assert field.FT == "/Sig" and "/V" in field and str(field.TU)
        forms = [e for e in _elements(pdf.Root.StructTreeRoot.K) if e.S == "/Form"]
        assert len(forms) == 1 and forms[0].K.Obj.objgen == field.objgen
        page = pdf.pages[-1].obj
        assert any(a.objgen == field.objgen for a in page.Annots) and page.Tabs == "/S"


def _elements(elem: pikepdf.Dictionary):
    yield elem
    kids = elem.get("/K")
    for k in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(k, pikepdf.Dictionary) and k.get("/Type") not in ("/MCR", "/OBJR"):
            yield from _elements(k)


def test_tables_lists_and_figures_are_what_they_seem(signed):
    with pikepdf.open(signed) as pdf:
        elems = list(_elements(pdf.Root.StructTreeRoot.K))
        kinds = [str(e.S)[1:] for e in elems]
        assert kinds.count("Figure") == 3  # ranking, rank acceptability, stability
        alts = [str(e.Alt) for e in elems if e.S == "/Figure"]
        first = next(r for r in _ranking(signed) if r["rank"] == 1)
        score = f"{first['score']:.3f}".replace(".", ",")
        assert alts[0].startswith(
            f"Staafdiagram van de rangorde met Gewogen som (WSM): 1. {first['name']}, score {score}"
        )
        assert re.search(r": [^;]+ eerste in \d+ %, tweede in \d+ %, derde in \d+ %; ", alts[1])
        assert "van" in alts[2] and "%" in alts[2]
        assert kinds.count("Table") >= 5 and kinds.count("TH") > 20 and kinds.count("TD") > 500
        assert kinds.count("L") == 1 and kinds.count("LI") == kinds.count("LBody") >= 3


def _luminance(rgb: tuple[float, float, float]) -> float:
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("which", ["signed", "unsigned"])
def test_all_text_is_at_least_4_5_to_1_against_the_palest_fill_it_sits_on(request, which):
    """WCAG AA for every glyph drawn: the fill colour at each text operator against #EEF2F7 (the summary box and
    area rows; the darkest background any text sits on)."""
    background = (0xEE / 255, 0xF2 / 255, 0xF7 / 255)
    worst: dict[tuple, float] = {}
    with pikepdf.open(request.getfixturevalue(which)) as pdf:
        for page in pdf.pages:
            fill, stack = (0.0, 0.0, 0.0), []
            for item in pikepdf.parse_content_stream(page):
                op = str(item.operator)
                if op == "q":
                    stack.append(fill)
                elif op == "Q":
                    fill = stack.pop()
                elif op == "rg":
                    fill = tuple(float(x) for x in item.operands)
                elif op == "g":
                    fill = (float(item.operands[0]),) * 3
                elif op in TEXT_SHOWING:
                    worst[fill] = _contrast(fill, background)
    assert worst and min(worst.values()) >= 4.5, {k: round(v, 2) for k, v in worst.items() if v < 4.5}


def test_an_unsigned_memo_has_no_signature_field_and_says_it_in_english(unsigned):
    with pikepdf.open(unsigned) as pdf:
        assert "/AcroForm" not in pdf.Root
        assert str(pdf.Root.Lang) == "en"
        alts = [str(e.Alt) for e in _elements(pdf.Root.StructTreeRoot.K) if e.S == "/Figure"]
        first = next(r for r in _ranking(unsigned) if r["rank"] == 1)
        assert alts[0].startswith(
            f"Bar chart of the ranking with Weighted sum (WSM): 1. {first['name']}, score {first['score']:.3f}"
        )


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm is not installed")
def test_pages_still_render(signed, tmp_path):
    subprocess.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "2", "-png", str(signed), str(tmp_path / "p")],
                   check=True, capture_output=True)  # fmt: skip
    assert len(list(tmp_path.glob("p-*.png"))) == 2
