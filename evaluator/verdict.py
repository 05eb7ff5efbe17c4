"""The robustness verdict as data, and its sentence in Dutch or English rendered from that data (the catalogue).

:func:`verdict_data` holds only ids, shares and weights — what the memo attaches and ``verify`` recomputes and
compares; :func:`render` turns it into the sentence a non-specialist reads, looking names up in the evaluation.
The wording can change in a later version without a signed memo's data changing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from .model import Evaluation
from .text import message

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


def render(ev: Evaluation | None, v: Mapping[str, Any], lang: str = "nl") -> str:
    """The verdict's sentence in ``lang`` (``nl`` or ``en``), from :func:`verdict_data`'s data, every word from
    the message catalogue (:mod:`evaluator.text.messages`, keys ``verdict.*``)."""
    if v["kind"] == "nothing":
        return message("verdict.nothing", lang)
    if v["kind"] == "single":
        return message(
            "verdict.single_only" if v["excluded"] else "verdict.single", lang, ev, first=v["first"]
        )
    where = f"verdict.where.{v['weights']}" + ("_ranged" if v["ranged"] else "")
    key = "verdict.first" if v["runner_up"] is None else "verdict.first_runner_up"
    first = message(key, lang, ev, first=v["first"], share=v["share"], where=where, runner_up=v["runner_up"] or "",
                    runner_up_share=v["runner_up_share"] or 0.0)  # fmt: skip
    if v["top"] is None:
        return first
    lead = "verdict.agreed_top_" if v["top"] != v["first"] else "verdict."
    edge = v["edge"]
    if edge is None:
        return f"{first} {message(lead + 'no_edge', lang, ev, top=v['top'])}"
    side = "less" if edge["side"] == "low" else "more"
    then = message(f"{lead}edge_{side}", lang, ev, top=v["top"], criterion=edge["criterion"], at=edge["at"],
                   now=edge["weight"])  # fmt: skip
    return f"{first} {then}"
