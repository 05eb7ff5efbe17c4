"""The decision memo as a PDF (reportlab): a government memo with the recommendation up front, data in annexes.

:func:`build_memo` puts the pages together from an evaluation and its decision data (``decision.decision_data``);
it returns the PDF bytes and where the signature box sits, so ``sign`` can put the visible signature there. How
the memo looks lives in :mod:`.memo_style`, its page furniture and breaks in :mod:`.memo_pages`, its tables in
:mod:`.memo_tables`, the sections that explain in :mod:`.memo_sections`, the visible signature in :mod:`.stamp`.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from ..methods import METHODS
from ..model import Evaluation
from . import charts
from .fonts import BOLD, REGULAR, register_fonts
from .memo_format import crit_code, knockout_reason, method_name, ordered, score_text
from .memo_pages import NumberedCanvas, SignatureSlot, chart_parts, keep_with_next
from .memo_sections import advice, agreement_section, audit_section, robustness, sensitivity_section
from .memo_style import (
    ACCENT,
    CONTENT_W,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    RULE,
    SOFT,
    clip,
    esc,
    styles,
    table,
)
from .memo_tables import criteria_table, evidence_table, methods_table, score_matrix
from .model_check import model_check_section
from .pdfa import DocInfo, SignatureField, finish
from .tagging import TaggedTable, Tagger, tag_story
from .texts import date_text, moment_text, status_text, t

__all__ = ["ATTACHMENT_NAME", "HASH_KEYWORD", "MemoPdf", "build_memo"]

ATTACHMENT_NAME = "decision.json"
HASH_KEYWORD = "afweging-decision-sha256:"


@dataclass(frozen=True)
class MemoPdf:
    data: bytes
    pages: int
    signature_page: int  # 0-based
    signature_box: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points


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
    st = styles()
    res = data["results"]
    method_id = res["method"]
    ranking = ordered(res["ranking"])
    story: list[Flowable] = []
    P = Paragraph  # noqa: N806

    # -- title block ------------------------------------------------------------------------------------------
    story += [P(t("kind", lang), st["kind"]), Spacer(1, 1.5 * mm)]
    story.append(P(esc(ev.title or "—"), st["title"]))
    if ev.question:
        story.append(P(esc(ev.question), st["question"]))
    story.append(Spacer(1, 3 * mm))
    people = ", ".join(
        p.name + (f" ({p.organisation})" if p.organisation else "") for p in ev.participants
    ) or t("none", lang)
    meta = [
        [t("date", lang), date_text(ev.date or data.get("generated", ""), lang)],
        [t("owner", lang), ev.owner or t("none", lang)],
        [t("status", lang), status_text(ev.status, lang)],
        [t("participants", lang), P(esc(people), st["small"])],
        [t("method", lang), method_name(method_id, lang)],
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
    rob = robustness(data)
    lines = advice(ev, res, rob, ranking, lang)
    box = TaggedTable(
        [[P(a, st["advice"])] for a in lines], colWidths=[CONTENT_W], hAlign="LEFT", kind="list"
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
        scores = [score_text(r["score"], method_id, lang) for r in top]
        items = [t("alt_bar_item", lang, label=a, score=b) for a, b in zip(labels, scores, strict=True)]

        def bars(i: int, j: int) -> Drawing:
            alt = t("alt_bar", lang, method=method_name(method_id, lang), items="; ".join(items[i:j]))
            return charts.bar_chart(labels[i:j], vals[i:j], CONTENT_W, scores[i:j], highlight=0 if i == 0 else None,
                                    vmax=1.0, row=13, alt=alt)  # fmt: skip

        first, *more = chart_parts(bars, len(top))
        story.append(
            KeepTogether([P(f"{t('top', lang)} — {esc(method_name(method_id, lang))}", st["h2"]), first])
        )
        story += more
    story.append(PageBreak())

    # -- 1 question and context -------------------------------------------------------------------------------
    story.append(P(t("s1", lang), st["h1"]))
    if ev.question:
        story.append(P(f"<b>{esc(ev.question)}</b>", st["body"]))
        story.append(Spacer(1, 2 * mm))
    for para in (ev.context or t("no_context", lang)).split("\n\n"):
        story.append(P(esc(para).replace("\n", "<br/>"), st["body"]))

    # -- 2 criteria and weights -------------------------------------------------------------------------------
    story.append(P(t("s2", lang), st["h1"]))
    story.append(P(t("s2_intro", lang), st["small"]))
    story.append(Spacer(1, 2 * mm))
    codes = crit_code(ev)
    story.append(criteria_table(ev, codes, lang, st))

    # -- 3 scores ---------------------------------------------------------------------------------------------
    story.append(CondPageBreak(80 * mm))
    story.append(P(t("s3", lang), st["h1"]))
    story.append(P(t("s3_intro", lang), st["small"]))
    story.append(Spacer(1, 2 * mm))
    story.append(score_matrix(ev, codes, lang, st))

    # -- 4 knock-outs -----------------------------------------------------------------------------------------
    story.append(CondPageBreak(50 * mm))
    story.append(P(t("s4", lang), st["h1"]))
    if not res["excluded"]:
        story.append(P(t("s4_none", lang), st["body"]))
    else:
        rows = [[t("alternative", lang), t("reason", lang)]]
        for x in res["excluded"]:
            reasons = "<br/>".join(esc(knockout_reason(ev, r, codes, lang)) for r in x["reasons"])
            rows.append([P(f"<b>{esc(x['name'])}</b>", st["cell"]), P(reasons, st["cell"])])
        story.append(table(rows, [45 * mm, CONTENT_W - 45 * mm]))

    # -- 5 results per method ---------------------------------------------------------------------------------
    story.append(CondPageBreak(70 * mm))
    story.append(P(t("s5", lang), st["h1"]))
    story.append(P(t("s5_intro", lang, method=esc(method_name(method_id, lang))), st["small"]))
    story.append(Spacer(1, 2 * mm))
    story.append(methods_table(res, ranking, lang, st))
    if res.get("skipped"):
        items = "; ".join(f"{method_name(m, lang)} ({why})" for m, why in res["skipped"].items())
        story.append(P(esc(t("skipped", lang, items=items)), st["muted"]))
    story += agreement_section(ev, res, lang, st)

    # -- 6 sensitivity ----------------------------------------------------------------------------------------
    story.append(CondPageBreak(70 * mm))
    story.append(P(t("s6", lang), st["h1"]))
    story += sensitivity_section(ev, rob, codes, lang, st)
    story += model_check_section(ev, lang, st, method_id)

    # -- 7 decision -------------------------------------------------------------------------------------------
    story.append(CondPageBreak(40 * mm))
    story.append(P(t("s7", lang), st["h1"]))
    for para in (ev.decision or t("s7_none", lang)).split("\n\n"):
        story.append(P(esc(para).replace("\n", "<br/>"), st["body"]))

    # -- annex A: evidence ------------------------------------------------------------------------------------
    story.append(PageBreak())
    story.append(P(t("annex_a", lang), st["h1"]))
    story.append(evidence_table(ev, codes, lang, st))

    # -- annex B: audit and integrity; the signature ----------------------------------------------------------
    story.append(CondPageBreak(90 * mm))
    story.append(P(t("annex_b", lang), st["h1"]))
    story += audit_section(audit, lang, st)
    story.append(Spacer(1, 4 * mm))
    story.append(P(t("integrity", lang, file=ATTACHMENT_NAME), st["body"]))
    story.append(Paragraph(f"{digest[:32]}<br/>{digest[32:]}", st["mono"]))
    story.append(Spacer(1, 1.5 * mm))
    story.append(P(t("integrity2", lang), st["small"]))
    story.append(P(esc(t("generated", lang, when=moment_text(data.get("generated", ""), lang),
                          version=data.get("afweging_version", ""))), st["muted"]))  # fmt: skip
    slot = SignatureSlot(t("signing", lang), None if signed else t("unsigned", lang))
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
        (NumberedCanvas,),
        {"footer": (footer_left, clip(ev.title, 90), lang), "tagger": tagger},
    )
    doc.build(tag_story(keep_with_next(story)), canvasmaker=canvas_cls)
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
