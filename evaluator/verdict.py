"""The robustness verdict as data, and its sentence in Dutch or English rendered from that data.

:func:`verdict_data` holds only ids, shares and weights — what the memo attaches and ``verify`` recomputes and
compares; :func:`render` turns it into the sentence a non-specialist reads, looking names up in the evaluation.
The wording can change in a later version without a signed memo's data changing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from .i18n import gettext
from .model import Evaluation, text

RUNNER_UP = 0.1  # the verdict names the runner-up when it is first in at least this share


def verdict_data(acc: Any, stability: list[Any]) -> dict[str, Any]:
    """What the verdict says, as plain data (see the module text)."""
    n = len(acc.alternatives)
    if n == 0:
        return {"kind": "nothing"}
    if n == 1:
        return {"kind": "single", "first": acc.alternatives[0], "excluded": bool(acc.excluded)}
    first = acc.first
    i = int(np.argmax(first))
    others = [int(j) for j in np.argsort(-first, kind="stable") if j != i]
    runner = others[0] if others and first[others[0]] >= RUNNER_UP else None
    out: dict[str, Any] = {
        "kind": "ranked",
        "first": acc.alternatives[i],
        "share": float(first[i]),
        "runner_up": acc.alternatives[runner] if runner is not None else None,
        "runner_up_share": float(first[runner]) if runner is not None else None,
        "weights": acc.weights_mode,
        "ranged": bool(acc.ranged_cells),
        "top": stability[0].top if stability else None,
        "edge": None,
    }
    edge = _closest_edge(stability)
    if edge is not None:
        s, side, at = edge
        out["edge"] = {"criterion": s.criterion, "side": side, "at": float(at), "weight": float(s.weight)}
    return out


def _closest_edge(stability: list[Any]) -> tuple[Any, str, float] | None:
    """The criterion whose weight is closest to an edge that changes the top, with the side and the edge."""
    best = None
    for s in stability:
        for side, edge in (("low", s.low), ("high", s.high)):
            if (side == "low" and edge <= 0.0) or (side == "high" and edge >= 1.0):
                continue
            d = abs(s.weight - edge)
            if best is None or d < best[0]:
                best = (d, s, side, edge)
    return None if best is None else best[1:]


def pct(x: float, lang: str, share: bool = True) -> str:
    """A percentage as people read it. A share: whole numbers (one decimal below 10 %), never rounded to 0 or
    100. A weight: one decimal unless it is whole, so the verdict quotes the same edge as the table."""
    v = 100.0 * x
    nl = lang == "nl"
    if share and 99.5 <= v < 100.0:
        return gettext("more than 99 %", lang)
    if share and 0.0 < v < 0.5:
        return gettext("less than 1 %", lang)
    whole = math.floor(v + 0.5)
    if abs(v - whole) >= 0.05 and (v < 10 or not share):  # weights keep one decimal, as the table shows them
        t = f"{v:.1f}"
        return (t.replace(".", ",") if nl else t) + " %"
    return f"{whole} %"


def _name(ev: Evaluation, alt_id: str) -> str:
    try:
        return ev.alternative(alt_id).name
    except KeyError:
        return alt_id


def render(ev: Evaluation, v: Mapping[str, Any], lang: str = "nl") -> str:
    """The verdict's sentence in ``lang`` (``nl`` or ``en``), from :func:`verdict_data`'s data."""
    nl = lang == "nl"
    if v["kind"] == "nothing":
        return gettext(
            "There is nothing to rank: every alternative lacks a score or fails a minimum requirement.", lang
        )
    if v["kind"] == "single":
        only = _name(ev, v["first"])
        if not v["excluded"]:
            return gettext("There is only one alternative: {only}.", lang).format(only=only)
        return gettext("Only {only} takes part; the other alternatives drop out.", lang).format(only=only)
    where = {
        ("uniform", True): "van alle denkbare wegingen",
        ("uniform", False): "of all possible weightings",
        ("around", True): "van de wegingen rond de afgesproken gewichten",
        ("around", False): "of the weightings around the agreed weights",
    }[(v["weights"], nl)]
    if v["ranged"]:
        where += gettext(" with scores drawn within their ranges", lang)
    name = _name(ev, v["first"])
    share = pct(v["share"], lang)
    first = gettext("{name} ranks first in {share} {where}", lang).format(name=name, share=share, where=where)
    if v["runner_up"] is not None:  # a close race: name the runner-up too
        first += f", {_name(ev, v['runner_up'])} in {pct(v['runner_up_share'], lang)}"
    first += "."
    if v["top"] is None:
        return first
    lead = ""
    if v["top"] != v["first"]:
        top = _name(ev, v["top"])
        lead = gettext("With the agreed weights {top} ranks first; ", lang).format(top=top)
    edge = v["edge"]
    if edge is None:
        if nl:
            rest = "geen enkel gewicht kan daar in zijn eentje iets aan veranderen."
            return (
                f"{first} {lead}{rest}"
                if lead
                else f"{first} Geen enkel gewicht kan in zijn eentje veranderen wie eerst staat."
            )
        rest = "no single weight can change that on its own."
        return (
            f"{first} {lead}{rest}"
            if lead
            else f"{first} No single weight can change on its own who comes first."
        )
    crit = edge["criterion"]
    cname = text(ev.criterion(crit).name, lang) if crit in {c.id for c in ev.criteria} else crit
    at, now = pct(edge["at"], lang, False), pct(edge["weight"], lang, False)
    if nl:
        more = "minder" if edge["side"] == "low" else "meer"
        change = f"de eerste plaats verandert pas als {cname} {more} dan {at} weegt (nu {now})."
    else:
        more = "less" if edge["side"] == "low" else "more"
        change = f"first place only changes if {cname} weighs {more} than {at} (now {now})."
    if lead:
        change = (
            change.replace("de eerste plaats", "dat", 1) if nl else change.replace("first place", "that", 1)
        )
        return f"{first} {lead}{change}"
    return f"{first} {change[0].upper()}{change[1:]}"
