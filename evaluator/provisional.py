"""A provisional ranking while scoring is under way: rank on the criteria every scored alternative has a score for.

The full ranking leaves out an alternative that misses any score (``problem.exclusions``, kind ``"missing"``), so
nothing about it shows until the last cell is filled. The rule here, stated to the user wherever it is used:

1. an alternative with a score below a criterion's minimum stays out (the knock-out is already known);
2. an alternative without any score yet stays out;
3. the others are ranked on the criteria that every one of them has scored; the remaining criteria are left
   out, and the weights of the criteria kept are rescaled in their agreed proportions (an area with no criterion
   left drops out, the other areas keep their proportions). A knock-out on a criterion left out cannot show yet.

A pure function of the evaluation; ``None`` when the full ranking already ranks everyone it can (no alternative is
out only for missing scores) or when no criterion with weight is left.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .errors import InputError
from .model import Evaluation
from .problem import exclusions, score_matrix
from .weighting import global_weights


@dataclass(frozen=True)
class Provisional:
    evaluation: Evaluation  # the alternatives ranked provisionally × the criteria kept, everything scored
    left_out: tuple[str, ...]  # criterion ids not used (not scored for every alternative ranked), input order
    admitted: tuple[str, ...]  # alternative ids ranked only thanks to this rule (they miss some score)
    waiting: tuple[str, ...]  # alternative ids with no score at all (left out)
    knocked_out: tuple[str, ...]  # alternative ids below a minimum (left out)


def provisional(ev: Evaluation) -> Provisional | None:
    """The provisional ranking's evaluation and what it leaves out, or ``None`` when there is no need for one."""
    if not ev.criteria or not ev.alternatives:
        return None
    m = score_matrix(ev)
    if not np.isnan(m).any():
        return None  # fully scored: the full ranking is the ranking (the common case, kept cheap)
    ex = exclusions(ev, m)
    knocked = {e.alternative for e in ex if e.kind == "below_minimum"}
    missing: dict[str, set[str]] = {}
    for e in ex:
        if e.kind == "missing":
            missing.setdefault(e.alternative, set()).add(e.criterion)
    n_crit = len(ev.criteria)
    waiting = {a for a, cs in missing.items() if len(cs) == n_crit}
    admitted = [a.id for a in ev.alternatives if a.id in missing and a.id not in knocked | waiting]
    if not admitted:
        return None  # the full ranking already holds every alternative that could be ranked
    ranked = [a for a in ev.alternatives if a.id not in knocked | waiting]
    gaps = set().union(*(missing.get(a.id, set()) for a in ranked))
    kept = tuple(c for c in ev.criteria if c.id not in gaps)
    if not kept:
        return None
    sub = replace(ev, criteria=kept, alternatives=tuple(ranked))
    try:
        if sum(global_weights(sub).values()) <= 0:
            return None
    except InputError:
        return None  # the criteria kept carry no weight
    return Provisional(
        sub,
        tuple(c.id for c in ev.criteria if c.id in gaps),
        tuple(admitted),
        tuple(a.id for a in ev.alternatives if a.id in waiting),
        tuple(a.id for a in ev.alternatives if a.id in knocked),
    )


def ranked_evaluation(ev: Evaluation) -> Evaluation:
    """What a page ranks: the provisional evaluation while one applies, else ``ev`` itself."""
    p = provisional(ev)
    return ev if p is None else p.evaluation
