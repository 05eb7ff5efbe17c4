"""What a weighting method weighs: the areas among themselves, or the criteria within one area.

Shared by the swing, rank-order and AHP panels; each returns points for the items of one scope, applied as one
``SetWeights`` change.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaluator.i18n import gettext
from evaluator.model import Evaluation, text
from evaluator.scales import format_score

AREAS = "__areas__"


@dataclass(frozen=True)
class Item:
    id: str
    name: str  # "A1 Control and jurisdiction"
    swing: str  # "from 0 · none to 4 · full": the worst → best swing a person weighs


def scopes(ev: Evaluation, lang: str) -> list[tuple[str, str]]:
    """(scope id, label): among areas first, then within each area that has criteria."""
    among = gettext("Among the areas", lang)
    out = [(AREAS, among)]
    for a in ev.areas:
        if ev.criteria_of(a.id):
            label = gettext("Within {id} {name}", lang).format(id=a.id, name=text(a.name, lang))
            out.append((a.id, label))
    return out


def items(ev: Evaluation, scope: str, lang: str) -> list[Item]:
    if scope == AREAS:
        return [Item(a.id, f"{a.id} {text(a.name, lang)}", "") for a in ev.areas if ev.criteria_of(a.id)]
    out = []
    for c in ev.criteria_of(scope):
        b = c.scale.bounds
        swing = ""
        if b is not None:
            lo, hi = (b[1], b[0]) if c.scale.direction == "cost" else b
            low, high = format_score(c.scale, lo, lang), format_score(c.scale, hi, lang)
            swing = gettext("from {low} to {high}", lang).format(low=low, high=high)
        out.append(Item(c.id, f"{c.id} {text(c.name, lang)}", swing))
    return out
