"""The memo's sections that say what the data means: the summary and recommendation (the advice box), the
sensitivity section (rank acceptability, stability intervals, the verdict) and the audit trail."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..agreement import MethodAgreement, first_place_count
from ..model import Evaluation, text
from ..text import percent, render, sentences
from ..verdict import render as render_verdict
from . import charts
from .memo_format import method_name, score_text
from .memo_pages import chart_parts
from .memo_style import CONTENT_W, P_, esc, table
from .texts import date_text, moment_text, num, reason_text, t


def robustness(data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The robustness object the memo states (schema 2), or None when it was left out."""
    rob = data.get("robustness")
    return rob if isinstance(rob, Mapping) and rob.get("alternatives") else None


def advice(
    ev: Evaluation,
    res: Mapping[str, Any],
    rob: Mapping[str, Any] | None,
    ranking: Sequence[Mapping[str, Any]],
    lang: str,
) -> list[str]:
    method_id = res["method"]
    mname = esc(method_name(method_id, lang))
    out = []
    if not ranking:
        out.append(t("no_ranking", lang))
    else:
        firsts = [r for r in ranking if r["rank"] == 1]
        if len(firsts) > 1:
            out.append(t("recommend_tie", lang, names=" &amp; ".join(esc(r["name"]) for r in firsts),
                         method=mname))  # fmt: skip
        else:
            w = firsts[0]
            out.append(t("recommend", lang, name=esc(w["name"]), method=mname,
                         score=score_text(w["score"], method_id, lang)))  # fmt: skip
            if len(ranking) > 1:
                r2 = ranking[1]
                out.append(t("runner_up", lang, name=esc(r2["name"]),
                             score=score_text(r2["score"], method_id, lang)))  # fmt: skip
        winner = firsts[0]
        others = res.get("other_methods", {})
        if others:
            ranks = {
                m: {r["id"]: r["rank"] for r in rows} for m, rows in [(method_id, ranking), *others.items()]
            }
            out.append(esc(render(first_place_count(winner["id"], ranks), ev, lang)))
        share = first_share(rob, winner["id"])
        if share is not None:
            key = "robust_high" if share >= 0.8 else "robust_mid" if share >= 0.5 else "robust_low"
            out.append(f"<b>{t(key, lang)}</b> {esc(render_verdict(ev, rob['verdict'], lang))}")
    if res.get("excluded"):
        out.append(t("knocked_out_n", lang, names=esc(", ".join(x["name"] for x in res["excluded"]))))
    n_unc = sum(1 for s in ev.assessments.values() if s.uncertain)
    if n_unc:
        out.append(t("uncertain_one", lang) if n_unc == 1 else t("uncertain_n", lang, n=n_unc))
    return out


def first_share(rob: Mapping[str, Any] | None, alt_id: str) -> float | None:
    """The share of the robustness samples in which ``alt_id`` ranks first, or None."""
    for a in (rob or {}).get("alternatives", []):
        if a["id"] == alt_id and a["rank_acceptability"]:
            return float(a["rank_acceptability"][0])
    return None


def acceptability_rows(rob: Mapping[str, Any]) -> list[tuple[str, list[float]]]:
    """(name, rank acceptability) of each alternative of the robustness data, in the order every view lists them
    (:func:`evaluator.sensitivity.display_order`)."""
    from ..sensitivity import display_order

    alts = rob["alternatives"]
    return [(alts[i]["name"], alts[i]["rank_acceptability"]) for i in display_order(
        [a["rank_acceptability"] for a in alts])]  # fmt: skip


def sensitivity_section(
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
    rows = acceptability_rows(rob)
    out.append(Spacer(1, 2 * mm))
    items = [
        t(
            "alt_acc_item",
            lang,
            name=n,
            **{f"p{k + 1}": percent((list(row) + [0.0] * 3)[k], lang) for k in range(3)},
        )
        for n, row in rows
    ]

    def shares(i: int, j: int) -> Drawing:
        alt = t("alt_acc", lang, samples=num(rob["samples"], lang, 0), items="; ".join(items[i:j]))
        return charts.stacked_chart([n for n, _ in rows[i:j]], [row[:3] for _, row in rows[i:j]],
                                    [t("first", lang), t("second", lang), t("third", lang)], CONTENT_W, alt=alt,
                                    lang=lang)  # fmt: skip

    out += chart_parts(shares, len(rows))
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
            t("alt_stab_item", lang, label=lab, weight=percent(s["weight"], lang), low=percent(s["low"], lang),
              high=percent(s["high"], lang))
            for lab, s in zip(labels, stab, strict=True)
        ]  # fmt: skip

        def intervals(i: int, j: int) -> Drawing:
            alt = t("alt_stab", lang, items="; ".join(items[i:j]))
            part = stab[i:j]
            return charts.interval_chart(labels[i:j], [s["weight"] for s in part], [s["low"] for s in part],
                                         [s["high"] for s in part], CONTENT_W, alt=alt, lang=lang)  # fmt: skip

        out += chart_parts(intervals, len(stab))
    out.append(Spacer(1, 2 * mm))
    out.append(Paragraph(esc(render_verdict(ev, rob["verdict"], lang)), st["body"]))
    return out


def audit_section(audit: Sequence[Any] | None, lang: str, st: Mapping[str, ParagraphStyle]) -> list[Flowable]:
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
        Paragraph(esc(t(key, lang, n=len(entries), first=first, last=last, users=who)), st["body"]),
        Spacer(1, 2 * mm),
        Paragraph(t("audit_last", lang), st["h2"]),
    ]  # fmt: skip
    rows: list[list[Any]] = [[t("when", lang), t("who", lang), t("what", lang), t("why", lang)]]
    for e in reversed(entries[-12:]):
        rows.append([P_(moment_text(e.time, lang, short=True), st["cell"]), P_(e.user, st["cell"]), P_(e.label_in(lang) if e.label != "created" else t("audit_created", lang), st["cell"]),
                     P_(reason_text(e.reason, lang) or "—", st["cell"])])  # fmt: skip
    out.append(table(rows, [34 * mm, 25 * mm, CONTENT_W - 103 * mm, 44 * mm]))
    return out


def agreement_section(
    ev: Evaluation, res: Mapping[str, Any], lang: str, st: Mapping[str, ParagraphStyle]
) -> list[Flowable]:
    """Section 5's closing paragraph: do the methods agree on first place, and which two rankings are the least
    alike, rendered from the agreement the decision data records (``results.agreement``), as the Robustness page
    renders the same findings; nothing when the data records none (a memo of one method)."""
    record = res.get("agreement")
    if not isinstance(record, Mapping) or len(record.get("methods", ())) < 2:
        return []
    found = MethodAgreement.from_record(record).findings()
    return [Spacer(1, 2 * mm), Paragraph(esc(" ".join(sentences(found, ev, lang))), st["body"])]
