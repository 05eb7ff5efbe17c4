"""The memo's large tables: the score matrix (section 3), the ranks per method (section 5) and the evidence per
score (annex A)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, TableStyle

from ..methods import METHODS
from ..model import Evaluation, text
from ..text import percent
from ..weighting import global_weights
from .fonts import BOLD, REGULAR
from .memo_format import compact, fmt_score
from .memo_style import ACCENT, CONTENT_W, KNOCKOUT, MUTED, P_, RULE, SOFT, UNCERTAIN, esc, hex_colour, table
from .tagging import TaggedTable
from .texts import date_text, number, t


def score_matrix(
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
            cell = compact(s.value, lang) if c.scale.kind != "boolean" else ("✓" if s.value else "✗")
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
    tbl = table(rows, [name_w] + [w + max(spare, 0.0) for w in need])
    tbl.setStyle(TableStyle(style + [("FONT", (1, 0), (-1, 0), BOLD, head_size)]))
    return tbl


def methods_table(
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
    tbl = table(rows, [name_w] + [col_w] * len(methods))
    tbl.setStyle(TableStyle(style + [("BACKGROUND", (1, 1), (1, -1), SOFT)]))
    return tbl


def evidence_table(
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
            score = fmt_score(c.scale, s.value, lang)
            if s.low is not None and s.high is not None and s.high > s.low:
                score += "\n" + t("range", lang, low=number(s.low, lang), high=number(s.high, lang))
            conf = t(s.confidence, lang) if s.confidence in ("high", "medium", "low") else "—"
            ev_text = esc(s.evidence or "—")
            src = " · ".join(x for x in (s.source, date_text(s.date, lang) if s.date else "") if x)
            if src:
                ev_text += f"<br/><font color='{hex_colour(MUTED)}' size='7'>{esc(src)}</font>"
            crit = f"<b>{esc(codes[c.id])}</b> {esc(text(c.name, lang))}" if first else ""
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
    tbl = table(rows, widths, zebra=False)
    tbl.setStyle(TableStyle(style))
    return tbl


def criteria_table(
    ev: Evaluation, codes: Mapping[str, str], lang: str, st: Mapping[str, ParagraphStyle]
) -> TaggedTable:
    """Section 2: per area its share, under it each criterion with its framework, minimum and weight."""
    P = Paragraph  # noqa: N806
    gw = global_weights(ev)
    area_w = {a.id: sum(gw[c.id] for c in ev.criteria_of(a.id)) for a in ev.areas}
    rows: list[list[Any]] = [[t("code", lang), t("criterion", lang), t("framework", lang), t("knockout", lang),
                              t("weight", lang)]]  # fmt: skip
    area_rows = []
    for a in ev.areas:
        area_rows.append(len(rows))
        rows.append(
            [P(f"<b>{esc(text(a.name, lang))}</b>", st["cellb"]), "", "", "", percent(area_w[a.id], lang, 1)]
        )
        for c in ev.criteria_of(a.id):
            rows.append([
                codes[c.id], P(esc(text(c.name, lang)), st["cell"]), P(esc(c.framework or "—"), st["cell"]),
                P(esc(fmt_score(c.scale, c.minimum, lang)), st["cell"]) if c.minimum is not None else "",
                percent(gw[c.id], lang, 1),
            ])  # fmt: skip
    widths = [14 * mm, CONTENT_W - 14 * mm - 42 * mm - 24 * mm - 18 * mm, 42 * mm, 24 * mm, 18 * mm]
    tbl = table(rows, widths, zebra=False)
    extra = [("ALIGN", (4, 0), (4, -1), "RIGHT")]
    for r in area_rows:
        extra += [
            ("SPAN", (0, r), (3, r)),
            ("BACKGROUND", (0, r), (-1, r), SOFT),
            ("FONT", (4, r), (4, r), BOLD, 8),
        ]
    tbl.setStyle(TableStyle(extra))
    return tbl
