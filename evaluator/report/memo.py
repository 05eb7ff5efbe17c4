"""The decision memo as a PDF (reportlab): a government memo with the recommendation up front, data in annexes.

:func:`build_memo` renders the pages from an evaluation and its decision data (``decision.decision_data``); it
returns the PDF bytes and where the signature box sits, so ``sign`` can put the visible signature there.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from ..methods import METHODS
from ..model import Evaluation, text
from ..scales import format_score, with_unit
from ..verdict import render as render_verdict
from ..weighting import global_weights
from . import charts
from .fonts import BOLD, MONO, REGULAR, register_fonts
from .model_check import model_check_section
from .pdfa import DocInfo, SignatureField, finish
from .tagging import Elem, TaggedTable, Tagger, artifact, content, tag_story
from .texts import date_text, moment_text, num, number, pct, reason_text, status_text, t

PAGE_W, PAGE_H = A4
MARGIN_X = 22 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
SIGNATURE_W, SIGNATURE_H = 92 * mm, 30 * mm
ATTACHMENT_NAME = "decision.json"
HASH_KEYWORD = "afweging-decision-sha256:"

ACCENT = charts.ACCENT
SOFT = colors.HexColor("#EEF2F7")
RULE = colors.HexColor("#C9D1DB")
UNCERTAIN = colors.HexColor("#FFF1CC")
KNOCKOUT = colors.HexColor("#B42318")
MUTED = charts.MUTED


@dataclass(frozen=True)
class MemoPdf:
    data: bytes
    pages: int
    signature_page: int  # 0-based
    signature_box: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points


# -- styles ---------------------------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
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


def _table(
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


# -- page furniture -------------------------------------------------------------------------------------------


class _NumberedCanvas(rl_canvas.Canvas):
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


class _SignatureSlot(Flowable):
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


# -- the memo -------------------------------------------------------------------------------------------------


def _method_name(m: str, lang: str) -> str:
    return METHODS[m].title(lang) if m in METHODS else m


def _crit_code(ev: Evaluation) -> dict[str, str]:
    """Short column codes for the criteria: the id when short, else area letter + number."""
    if all(len(c.id) <= 5 for c in ev.criteria):
        return {c.id: c.id for c in ev.criteria}
    out: dict[str, str] = {}
    for k, a in enumerate(ev.areas):
        prefix = a.id[:1].upper() if len(a.id) <= 2 else chr(ord("A") + k % 26)
        for j, c in enumerate(ev.criteria_of(a.id), start=1):
            out[c.id] = f"{prefix}{j}"
    for j, c in enumerate(ev.criteria, start=1):
        out.setdefault(c.id, f"C{j}")
    return out


def _ordered(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(rows, key=lambda r: (r["rank"], rows.index(r)))


def _score_text(x: float, method_id: str, lang: str) -> str:
    if method_id == "electre1":
        return num(x, lang, 0)
    return num(x, lang, 3)


def build_memo(
    ev: Evaluation,
    data: Mapping[str, Any],
    digest: str,
    lang: str = "nl",
    audit: Sequence[Any] | None = None,
    signed: bool = False,
) -> MemoPdf:
    """Render the memo. ``data`` is the decision JSON (as plain data), ``digest`` its SHA-256 in hex."""
    register_fonts()
    st = _styles()
    res = data["results"]
    method_id = res["method"]
    ranking = _ordered(res["ranking"])
    story: list[Flowable] = []
    P = Paragraph  # noqa: N806

    # -- title block ------------------------------------------------------------------------------------------
    story += [P(t("kind", lang), st["kind"]), Spacer(1, 1.5 * mm)]
    story.append(P(_esc(ev.title or "—"), st["title"]))
    if ev.question:
        story.append(P(_esc(ev.question), st["question"]))
    story.append(Spacer(1, 3 * mm))
    people = ", ".join(
        p.name + (f" ({p.organisation})" if p.organisation else "") for p in ev.participants
    ) or t("none", lang)
    meta = [
        [t("date", lang), date_text(ev.date or data.get("generated", ""), lang)],
        [t("owner", lang), ev.owner or t("none", lang)],
        [t("status", lang), status_text(ev.status, lang)],
        [t("participants", lang), P(_esc(people), st["small"])],
        [t("method", lang), _method_name(method_id, lang)],
    ]
    mt = TaggedTable(meta, colWidths=[32 * mm, CONTENT_W - 32 * mm], hAlign="LEFT", kind="rows")
    mt.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, 8.5), ("FONT", (0, 0), (0, -1), BOLD, 8.5),
        ("TEXTCOLOR", (0, 0), (0, -1), MUTED), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE), ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ]))  # fmt: skip
    story += [mt, Spacer(1, 3 * mm)]

    # -- summary and recommendation ---------------------------------------------------------------------------
    story.append(P(t("summary", lang), st["h1"]))
    rob = _robustness(data)
    advice = _advice(ev, res, rob, ranking, lang)
    box = TaggedTable(
        [[P(a, st["advice"])] for a in advice], colWidths=[CONTENT_W], hAlign="LEFT", kind="list"
    )
    box.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, 9),
        ("BACKGROUND", (0, 0), (-1, -1), SOFT), ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, 0), 8), ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ]))  # fmt: skip
    story += [box, Spacer(1, 3 * mm)]
    if ranking:
        # The whole ranking, the reference included, with its heading: kept together, so a long question moves
        # both to the next page rather than leaving the heading alone at the foot of page 1.
        top = ranking
        hib = METHODS[method_id].higher_is_better if method_id in METHODS else True
        vals = [r["score"] if hib else (1 - r["score"]) for r in top]
        labels = [f"{r['rank']}. {r['name']}" for r in top]
        scores = [_score_text(r["score"], method_id, lang) for r in top]
        items = [t("alt_bar_item", lang, label=a, score=b) for a, b in zip(labels, scores, strict=True)]

        def bars(i: int, j: int) -> Drawing:
            alt = t("alt_bar", lang, method=_method_name(method_id, lang), items="; ".join(items[i:j]))
            return charts.bar_chart(labels[i:j], vals[i:j], CONTENT_W, scores[i:j], highlight=0 if i == 0 else None,
                                    vmax=1.0, row=13, alt=alt)  # fmt: skip

        first, *more = _chart_parts(bars, len(top))
        story.append(
            KeepTogether([P(f"{t('top', lang)} — {_esc(_method_name(method_id, lang))}", st["h2"]), first])
        )
        story += more
    story.append(PageBreak())

    # -- 1 question and context -------------------------------------------------------------------------------
    story.append(P(t("s1", lang), st["h1"]))
    if ev.question:
        story.append(P(f"<b>{_esc(ev.question)}</b>", st["body"]))
        story.append(Spacer(1, 2 * mm))
    for para in (ev.context or t("no_context", lang)).split("\n\n"):
        story.append(P(_esc(para).replace("\n", "<br/>"), st["body"]))

    # -- 2 criteria and weights -------------------------------------------------------------------------------
    story.append(P(t("s2", lang), st["h1"]))
    story.append(P(t("s2_intro", lang), st["small"]))
    story.append(Spacer(1, 2 * mm))
    codes = _crit_code(ev)
    gw = global_weights(ev)
    area_w = {a.id: sum(gw[c.id] for c in ev.criteria_of(a.id)) for a in ev.areas}
    rows: list[list[Any]] = [[t("code", lang), t("criterion", lang), t("framework", lang), t("knockout", lang),
                              t("weight", lang)]]  # fmt: skip
    area_rows = []
    for a in ev.areas:
        area_rows.append(len(rows))
        rows.append(
            [P(f"<b>{_esc(text(a.name, lang))}</b>", st["cellb"]), "", "", "", pct(area_w[a.id], lang, 1)]
        )
        for c in ev.criteria_of(a.id):
            rows.append([
                codes[c.id], P(_esc(text(c.name, lang)), st["cell"]), P(_esc(c.framework or "—"), st["cell"]),
                P(_esc(_fmt_score(c.scale, c.minimum, lang)), st["cell"]) if c.minimum is not None else "",
                pct(gw[c.id], lang, 1),
            ])  # fmt: skip
    widths = [14 * mm, CONTENT_W - 14 * mm - 42 * mm - 24 * mm - 18 * mm, 42 * mm, 24 * mm, 18 * mm]
    tbl = _table(rows, widths, zebra=False)
    extra = [("ALIGN", (4, 0), (4, -1), "RIGHT")]
    for r in area_rows:
        extra += [
            ("SPAN", (0, r), (3, r)),
            ("BACKGROUND", (0, r), (-1, r), SOFT),
            ("FONT", (4, r), (4, r), BOLD, 8),
        ]
    tbl.setStyle(TableStyle(extra))
    story.append(tbl)

    # -- 3 scores ---------------------------------------------------------------------------------------------
    story.append(CondPageBreak(80 * mm))
    story.append(P(t("s3", lang), st["h1"]))
    story.append(P(t("s3_intro", lang), st["small"]))
    story.append(Spacer(1, 2 * mm))
    story.append(_score_matrix(ev, codes, lang, st))

    # -- 4 knock-outs -----------------------------------------------------------------------------------------
    story.append(CondPageBreak(50 * mm))
    story.append(P(t("s4", lang), st["h1"]))
    if not res["excluded"]:
        story.append(P(t("s4_none", lang), st["body"]))
    else:
        rows = [[t("alternative", lang), t("reason", lang)]]
        for x in res["excluded"]:
            reasons = "<br/>".join(_esc(_reason(ev, r, codes, lang)) for r in x["reasons"])
            rows.append([P(f"<b>{_esc(x['name'])}</b>", st["cell"]), P(reasons, st["cell"])])
        story.append(_table(rows, [45 * mm, CONTENT_W - 45 * mm]))

    # -- 5 results per method ---------------------------------------------------------------------------------
    story.append(CondPageBreak(70 * mm))
    story.append(P(t("s5", lang), st["h1"]))
    story.append(P(t("s5_intro", lang, method=_esc(_method_name(method_id, lang))), st["small"]))
    story.append(Spacer(1, 2 * mm))
    story.append(_methods_table(res, ranking, lang, st))
    if res.get("skipped"):
        items = "; ".join(f"{_method_name(m, lang)} ({why})" for m, why in res["skipped"].items())
        story.append(P(_esc(t("skipped", lang, items=items)), st["muted"]))

    # -- 6 sensitivity ----------------------------------------------------------------------------------------
    story.append(CondPageBreak(70 * mm))
    story.append(P(t("s6", lang), st["h1"]))
    story += _sensitivity(ev, rob, codes, lang, st)
    story += model_check_section(ev, lang, st, method_id)

    # -- 7 decision -------------------------------------------------------------------------------------------
    story.append(CondPageBreak(40 * mm))
    story.append(P(t("s7", lang), st["h1"]))
    for para in (ev.decision or t("s7_none", lang)).split("\n\n"):
        story.append(P(_esc(para).replace("\n", "<br/>"), st["body"]))

    # -- annex A: evidence ------------------------------------------------------------------------------------
    story.append(PageBreak())
    story.append(P(t("annex_a", lang), st["h1"]))
    story.append(_evidence_table(ev, codes, lang, st))

    # -- annex B: audit and integrity; the signature ----------------------------------------------------------
    story.append(CondPageBreak(90 * mm))
    story.append(P(t("annex_b", lang), st["h1"]))
    story += _audit(audit, lang, st)
    story.append(Spacer(1, 4 * mm))
    story.append(P(t("integrity", lang, file=ATTACHMENT_NAME), st["body"]))
    story.append(Paragraph(f"{digest[:32]}<br/>{digest[32:]}", st["mono"]))
    story.append(Spacer(1, 1.5 * mm))
    story.append(P(t("integrity2", lang), st["small"]))
    story.append(P(_esc(t("generated", lang, when=moment_text(data.get("generated", ""), lang),
                          version=data.get("afweging_version", ""))), st["muted"]))  # fmt: skip
    slot = _SignatureSlot(t("signing", lang), None if signed else t("unsigned", lang))
    story.append(
        KeepTogether(
            [
                Spacer(1, 6 * mm),
                HRFlowable(width="100%", thickness=0.5, color=RULE),
                P(t("signing", lang), st["h1"]),
                P(t("signing_intro", lang), st["small"]),
                Spacer(1, 3 * mm),
                slot,
            ]
        )  # fmt: skip
    )

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=ev.title or t("kind", lang), author=ev.owner or "Afweging",
        subject=ev.question, creator="Afweging", keywords=f"{HASH_KEYWORD}{digest}", lang=lang,
    )  # fmt: skip
    footer_left = f"Afweging · SHA-256 {digest[:16]}…"
    tagger = Tagger()
    canvas_cls = type(
        "MemoCanvas",
        (_NumberedCanvas,),
        {"footer": (footer_left, _clip(ev.title, 90), lang), "tagger": tagger},
    )
    doc.build(tag_story(_keep_with_next(story)), canvasmaker=canvas_cls)
    assert slot.where is not None
    pages = slot.where[0] + 1
    info = DocInfo(title=ev.title or t("kind", lang), author=ev.owner or "Afweging", subject=ev.question or "",
                   keywords=f"{HASH_KEYWORD}{digest}", lang=lang)  # fmt: skip
    field = None
    if signed:
        from .sign import SIGNATURE_FIELD

        box = tuple(int(round(v)) for v in slot.where[1])
        field = SignatureField(SIGNATURE_FIELD, t("signing", lang), slot.where[0], box)  # type: ignore[arg-type]
    return MemoPdf(finish(buf.getvalue(), tagger, info, field), pages, slot.where[0], slot.where[1])


def _chart_parts(make: Any, n: int) -> list[Drawing]:
    """A chart of ``n`` rows (``make(i, j)`` draws rows i..j-1) in as many parts as it takes for each to fit on a
    page: a drawing cannot break across pages, and a ranking of 60 alternatives is taller than one."""
    room = 0.85 * _FRAME_H
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
_FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM


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
    h = f.wrap(CONTENT_W, _FRAME_H)[1]
    if isinstance(f, Paragraph):
        h += f.getSpaceBefore() + f.getSpaceAfter()
        return h if whole else min(h, 3 * f.style.leading)
    if isinstance(f, Table) and not whole:
        head = f.repeatRows if isinstance(f.repeatRows, int) else len(f.repeatRows)
        return sum(f._rowHeights[: head + 2])
    if isinstance(f, KeepTogether):
        h = f._H
    return min(h, 0.5 * _FRAME_H)


def _keep_with_next(story: list[Flowable]) -> list[Flowable]:
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
        need = min(need, 0.6 * _FRAME_H)  # never more than a page holds: that would leave a page empty
        if out and type(out[-1]) is CondPageBreak:
            out[-1].height = max(out[-1].height, need)
        elif out and isinstance(out[-1], PageBreak):
            pass  # on top of a new page already
        else:
            out.append(CondPageBreak(need))
        out += story[i:j]
        i = j
    return out


# -- sections -------------------------------------------------------------------------------------------------


def _robustness(data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The robustness object the memo states (schema 2), or None when it was left out."""
    rob = data.get("robustness")
    return rob if isinstance(rob, Mapping) and rob.get("alternatives") else None


def _advice(
    ev: Evaluation,
    res: Mapping[str, Any],
    rob: Mapping[str, Any] | None,
    ranking: Sequence[Mapping[str, Any]],
    lang: str,
) -> list[str]:
    method_id = res["method"]
    mname = _esc(_method_name(method_id, lang))
    out = []
    if not ranking:
        out.append(t("no_ranking", lang))
    else:
        firsts = [r for r in ranking if r["rank"] == 1]
        if len(firsts) > 1:
            out.append(t("recommend_tie", lang, names=" &amp; ".join(_esc(r["name"]) for r in firsts),
                         method=mname))  # fmt: skip
        else:
            w = firsts[0]
            out.append(t("recommend", lang, name=_esc(w["name"]), method=mname,
                         score=_score_text(w["score"], method_id, lang)))  # fmt: skip
            if len(ranking) > 1:
                r2 = ranking[1]
                out.append(t("runner_up", lang, name=_esc(r2["name"]),
                             score=_score_text(r2["score"], method_id, lang)))  # fmt: skip
        winner = firsts[0]
        others = res.get("other_methods", {})
        if others:
            k = 1 + sum(
                1 for rows in others.values() for r in rows if r["id"] == winner["id"] and r["rank"] == 1
            )
            out.append(t("agree", lang, k=k, n=1 + len(others), name=_esc(winner["name"])))
        share = _first_share(rob, winner["id"])
        if share is not None:
            key = "robust_high" if share >= 0.8 else "robust_mid" if share >= 0.5 else "robust_low"
            out.append(f"<b>{t(key, lang)}</b> {_esc(render_verdict(ev, rob['verdict'], lang))}")
    if res.get("excluded"):
        out.append(t("knocked_out_n", lang, names=_esc(", ".join(x["name"] for x in res["excluded"]))))
    n_unc = sum(1 for s in ev.assessments.values() if s.uncertain)
    if n_unc:
        out.append(t("uncertain_n", lang, n=n_unc))
    return out


def _first_share(rob: Mapping[str, Any] | None, alt_id: str) -> float | None:
    """The share of the robustness samples in which ``alt_id`` ranks first, or None."""
    for a in (rob or {}).get("alternatives", []):
        if a["id"] == alt_id and a["rank_acceptability"]:
            return float(a["rank_acceptability"][0])
    return None


def _reason(ev: Evaluation, r: Mapping[str, Any], codes: Mapping[str, str], lang: str) -> str:
    c = ev.criterion(r["criterion"])
    crit = f"{codes.get(c.id, c.id)} {text(c.name, lang)}"
    if r["kind"] == "missing":
        return t("missing", lang, crit=crit)
    return t("below", lang, crit=crit, score=_fmt_score(c.scale, r["score"], lang),
             minimum=_fmt_score(c.scale, r["minimum"], lang))  # fmt: skip


def _score_matrix(
    ev: Evaluation, codes: Mapping[str, str], lang: str, st: Mapping[str, ParagraphStyle]
) -> TaggedTable:
    n = len(ev.criteria)
    name_w = 36 * mm
    header = [t("alternative", lang)] + [codes[c.id] for c in ev.criteria]
    rows: list[list[Any]] = [header]
    style: list[tuple] = [("ALIGN", (1, 0), (-1, -1), "CENTER"), ("FONT", (1, 1), (-1, -1), REGULAR, 7.5)]
    for i, a in enumerate(ev.alternatives, start=1):
        row: list[Any] = [P_(a.name, st["cell"])]
        for j, c in enumerate(ev.criteria, start=1):
            s = ev.assessment(a.id, c.id)
            if s.value is None:
                row.append("–")
                continue
            cell = _compact(s.value, lang) if c.scale.kind != "boolean" else ("✓" if s.value else "✗")
            if s.uncertain:
                cell = "~" + cell
                style.append(("BACKGROUND", (j, i), (j, i), UNCERTAIN))
            if c.minimum is not None and (
                s.value > c.minimum if c.scale.direction == "cost" else s.value < c.minimum
            ):
                style += [("TEXTCOLOR", (j, i), (j, i), KNOCKOUT), ("FONT", (j, i), (j, i), BOLD, 7.5)]
            row.append(cell)
        rows.append(row)
    # Each column as wide as its widest cell (a user count needs more room than a level 0–4); what is left is
    # shared evenly, so numbers never run into the next column.
    head_size = 6.5 if n > 14 else 7.5
    need = [
        max(stringWidth(str(r[j]), REGULAR, 7.5) for r in rows[1:]) if len(rows) > 1 else 0.0
        for j in range(1, n + 1)
    ]
    need = [max(w, stringWidth(str(header[j]), BOLD, head_size)) + 5 for j, w in enumerate(need, start=1)]
    spare = (CONTENT_W - name_w - sum(need)) / max(n, 1)
    tbl = _table(rows, [name_w] + [w + max(spare, 0.0) for w in need])
    tbl.setStyle(TableStyle(style + [("FONT", (1, 0), (-1, 0), BOLD, head_size)]))
    return tbl


def _fmt_score(scale: Any, x: float | None, lang: str) -> str:
    """A score as :func:`format_score` writes it, its number as the memo's language writes numbers."""
    if x is None or scale.kind == "boolean":
        return format_score(scale, x, lang)
    if scale.kind == "ordinal":
        lv = scale.level(x)
        return f"{number(x, lang)} · {text(lv.label, lang)}" if lv else number(x, lang)
    return with_unit(scale, x, lang)


def _compact(x: float, lang: str) -> str:
    """A score short enough for a matrix cell: 600000 → 600k, 1250000 → 1,3M (decimal comma in Dutch)."""
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(x) >= limit:
            v = x / limit
            return (num(v, lang, 0) if abs(v) >= 100 or float(v).is_integer() else num(v, lang, 1)) + suffix
    return number(round(x, 2), lang)


def _methods_table(
    res: Mapping[str, Any], ranking: Sequence[Mapping[str, Any]], lang: str, st: Mapping[str, ParagraphStyle]
) -> TaggedTable:
    others = res.get("other_methods", {})
    methods = [res["method"], *others]
    rank_of = {res["method"]: {r["id"]: r["rank"] for r in res["ranking"]}}
    for m, rows in others.items():
        rank_of[m] = {r["id"]: r["rank"] for r in rows}
    short = {m: (METHODS[m].acronym if m in METHODS else m) for m in methods}
    header = [t("alternative", lang)] + [P_(short[m], st["cellb"]) for m in methods]
    rows: list[list[Any]] = [header]
    style: list[tuple] = [("ALIGN", (1, 0), (-1, -1), "CENTER")]
    for i, r in enumerate(ranking, start=1):
        row: list[Any] = [P_(r["name"], st["cell"])]
        for j, m in enumerate(methods, start=1):
            k = rank_of[m].get(r["id"])
            row.append("–" if k is None else str(k))
            if k == 1:
                style += [("FONT", (j, i), (j, i), BOLD, 8), ("TEXTCOLOR", (j, i), (j, i), ACCENT)]
        rows.append(row)
    # every method column as wide as the widest heading ("ELECTRE I" in one line); the names take the rest
    head_w = max(stringWidth(short[m], BOLD, 7.5) for m in methods) + 12
    col_w = max(head_w, (CONTENT_W - 44 * mm) / max(len(methods), 1))
    name_w = CONTENT_W - col_w * len(methods)
    tbl = _table(rows, [name_w] + [col_w] * len(methods))
    tbl.setStyle(TableStyle(style + [("BACKGROUND", (1, 1), (1, -1), SOFT)]))
    return tbl


def _sensitivity(
    ev: Evaluation,
    rob: Mapping[str, Any] | None,
    codes: Mapping[str, str],
    lang: str,
    st: Mapping[str, ParagraphStyle],
) -> list[Flowable]:
    if rob is None:
        return [Paragraph(t("s6_none", lang), st["body"])]
    out: list[Flowable] = []
    out.append(
        Paragraph(t("s6_acc", lang, samples=num(rob["samples"], lang, 0), seed=rob["seed"]), st["small"])
    )
    rows = sorted(
        ((a["name"], a["rank_acceptability"]) for a in rob["alternatives"]),
        key=lambda nr: [-x for x in nr[1][:3]],
    )
    out.append(Spacer(1, 2 * mm))
    items = [
        t(
            "alt_acc_item",
            lang,
            name=n,
            **{f"p{k + 1}": pct((list(row) + [0.0] * 3)[k], lang) for k in range(3)},
        )
        for n, row in rows
    ]

    def shares(i: int, j: int) -> Drawing:
        alt = t("alt_acc", lang, samples=num(rob["samples"], lang, 0), items="; ".join(items[i:j]))
        return charts.stacked_chart([n for n, _ in rows[i:j]], [row[:3] for _, row in rows[i:j]],
                                    [t("first", lang), t("second", lang), t("third", lang)], CONTENT_W, alt=alt)  # fmt: skip

    out += _chart_parts(shares, len(rows))
    stab = rob.get("stability")
    if stab:
        out.append(Spacer(1, 3 * mm))
        out.append(Paragraph(t("s6_stab", lang), st["small"]))
        out.append(Spacer(1, 2 * mm))
        labels = []
        for s in stab:
            try:
                c = ev.criterion(s["criterion"])
                labels.append(f"{codes.get(c.id, c.id)} {text(c.name, lang)}")
            except KeyError:
                labels.append(str(s["criterion"]))
        items = [
            t("alt_stab_item", lang, label=lab, weight=pct(s["weight"], lang), low=pct(s["low"], lang),
              high=pct(s["high"], lang))
            for lab, s in zip(labels, stab, strict=True)
        ]  # fmt: skip

        def intervals(i: int, j: int) -> Drawing:
            alt = t("alt_stab", lang, items="; ".join(items[i:j]))
            part = stab[i:j]
            return charts.interval_chart(labels[i:j], [s["weight"] for s in part], [s["low"] for s in part],
                                         [s["high"] for s in part], CONTENT_W, alt=alt)  # fmt: skip

        out += _chart_parts(intervals, len(stab))
    out.append(Spacer(1, 2 * mm))
    out.append(Paragraph(_esc(render_verdict(ev, rob["verdict"], lang)), st["body"]))
    return out


def _evidence_table(
    ev: Evaluation, codes: Mapping[str, str], lang: str, st: Mapping[str, ParagraphStyle]
) -> TaggedTable:
    rows: list[list[Any]] = [[t("criterion", lang), t("alternative", lang), t("score", lang),
                              t("confidence", lang), t("evidence", lang)]]  # fmt: skip
    style: list[tuple] = []
    for c in ev.criteria:
        first = True
        for a in ev.alternatives:
            s = ev.assessment(a.id, c.id)
            if s.value is None and not s.evidence:
                continue
            score = _fmt_score(c.scale, s.value, lang)
            if s.low is not None and s.high is not None and s.high > s.low:
                score += "\n" + t("range", lang, low=number(s.low, lang), high=number(s.high, lang))
            conf = t(s.confidence, lang) if s.confidence in ("high", "medium", "low") else "—"
            ev_text = _esc(s.evidence or "—")
            src = " · ".join(x for x in (s.source, date_text(s.date, lang) if s.date else "") if x)
            if src:
                ev_text += f"<br/><font color='{_hex(MUTED)}' size='7'>{_esc(src)}</font>"
            crit = f"<b>{_esc(codes[c.id])}</b> {_esc(text(c.name, lang))}" if first else ""
            r = len(rows)
            rows.append([P_(crit, st["cell"], raw=True), P_(a.name, st["cell"]), P_(score, st["cell"]),
                         conf, Paragraph(ev_text, st["cell"])])  # fmt: skip
            if s.uncertain:
                style.append(("BACKGROUND", (2, r), (3, r), UNCERTAIN))
            if first:
                style.append(("LINEABOVE", (0, r), (-1, r), 0.5, RULE))
            first = False
    # the confidence column as wide as its header or its widest word needs ("Confidence" is wider than "Zekerheid")
    conf_w = max([stringWidth(rows[0][3], BOLD, 8)] + [stringWidth(r[3], REGULAR, 8) for r in rows[1:]]) + 9
    conf_w = max(conf_w, 17 * mm)
    widths = [34 * mm, 30 * mm, 26 * mm, conf_w, CONTENT_W - 90 * mm - conf_w]
    tbl = _table(rows, widths, zebra=False)
    tbl.setStyle(TableStyle(style))
    return tbl


def _audit(audit: Sequence[Any] | None, lang: str, st: Mapping[str, ParagraphStyle]) -> list[Flowable]:
    if not audit:
        return [Paragraph(t("audit_none", lang), st["body"])]
    entries = sorted(audit, key=lambda e: e.seq)
    users: dict[str, int] = {}
    for e in entries:
        users[e.user] = users.get(e.user, 0) + 1
    who = ", ".join(f"{u} ({n})" for u, n in sorted(users.items(), key=lambda kv: -kv[1]))
    first, last = date_text(entries[0].time, lang), date_text(entries[-1].time, lang)
    key = "audit_sum_one" if len(entries) == 1 else "audit_sum_day" if first == last else "audit_sum"
    out: list[Flowable] = [
        Paragraph(_esc(t(key, lang, n=len(entries), first=first, last=last, users=who)), st["body"]),
        Spacer(1, 2 * mm),
        Paragraph(t("audit_last", lang), st["h2"]),
    ]  # fmt: skip
    rows: list[list[Any]] = [[t("when", lang), t("who", lang), t("what", lang), t("why", lang)]]
    for e in reversed(entries[-12:]):
        rows.append([P_(moment_text(e.time, lang, short=True), st["cell"]), P_(e.user, st["cell"]), P_(e.label_in(lang) if e.label != "created" else t("audit_created", lang), st["cell"]),
                     P_(reason_text(e.reason, lang) or "—", st["cell"])])  # fmt: skip
    out.append(_table(rows, [34 * mm, 25 * mm, CONTENT_W - 103 * mm, 44 * mm]))
    return out


# -- helpers --------------------------------------------------------------------------------------------------


def P_(s: str, style: ParagraphStyle, raw: bool = False) -> Paragraph:  # noqa: N802 - short on purpose
    return Paragraph(s if raw else _esc(s).replace("\n", "<br/>"), style)


def _esc(s: str) -> str:
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _hex(c: colors.Color) -> str:
    return "#" + c.hexval()[2:]


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


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
    c.drawString(x, y - 15, _clip(signer, 44))
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
        c.drawString(x + stringwidth(label, REGULAR, 8), y - 54, _clip(" ".join(lines[1:]), 60))
    c.showPage()
    c.save()
    return buf.getvalue()


def stringwidth(s: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(s, font, size)
