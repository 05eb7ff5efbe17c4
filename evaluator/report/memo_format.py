"""How the memo writes values: method names, short criterion codes, scores (in a sentence and in a matrix cell)
and the reason an alternative was knocked out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..methods import METHODS
from ..model import Evaluation, text
from ..scales import format_score, with_unit
from .texts import num, number, t


def method_name(m: str, lang: str) -> str:
    return METHODS[m].title(lang) if m in METHODS else m


def crit_code(ev: Evaluation) -> dict[str, str]:
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


def ordered(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(rows, key=lambda r: (r["rank"], rows.index(r)))


def score_text(x: float, method_id: str, lang: str) -> str:
    if method_id == "electre1":
        return num(x, lang, 0)
    return num(x, lang, 3)


def knockout_reason(ev: Evaluation, r: Mapping[str, Any], codes: Mapping[str, str], lang: str) -> str:
    c = ev.criterion(r["criterion"])
    crit = f"{codes.get(c.id, c.id)} {text(c.name, lang)}"
    if r["kind"] == "missing":
        return t("missing", lang, crit=crit)
    return t("below", lang, crit=crit, score=fmt_score(c.scale, r["score"], lang),
             minimum=fmt_score(c.scale, r["minimum"], lang))  # fmt: skip


def fmt_score(scale: Any, x: float | None, lang: str) -> str:
    """A score as :func:`format_score` writes it, its number as the memo's language writes numbers."""
    if x is None or scale.kind == "boolean":
        return format_score(scale, x, lang)
    if scale.kind == "ordinal":
        lv = scale.level(x)
        return f"{number(x, lang)} · {text(lv.label, lang)}" if lv else number(x, lang)
    return with_unit(scale, x, lang)


def compact(x: float, lang: str) -> str:
    """A score short enough for a matrix cell: 600000 → 600k, 1250000 → 1,3M (decimal comma in Dutch)."""
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(x) >= limit:
            v = x / limit
            return (num(v, lang, 0) if abs(v) >= 100 or float(v).is_integer() else num(v, lang, 1)) + suffix
    return number(round(x, 2), lang)
