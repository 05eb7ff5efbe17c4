"""Bare decision matrices (DMSY, CSV, XLSX): names, objectives, weights and numbers — no scales, no evidence.

:func:`bare_evaluation` turns one into an evaluation with one area and unbounded numeric criteria (ranked by the
bare-matrix definitions in DESIGN.md); :func:`bare_matrix` goes the other way for export. All checks name the
file and the place.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..formats import fill
from ..i18n import gettext
from ..model import Alternative, Area, Assessment, Criterion, Evaluation, Scale, frozen_map
from ..weighting import global_weights

AREA_ID = "criteria"


@dataclass(frozen=True)
class BareMatrix:
    alternatives: list[str]
    criteria: list[str]
    matrix: list[list[float]]
    objectives: list[int]  # 1 maximise, -1 minimise
    weights: list[float]


def slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "x"
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    taken.add(out)
    return out


def check_names(names: Sequence[str], what: str, file: str | None, place: Callable) -> None:
    seen: dict[str, int] = {}
    for i, n in enumerate(names):
        if not isinstance(n, str) or not n.strip():
            raise InputError(gettext("{what} name is empty").format(what=what), file, place(i))
        key = n.strip().casefold()
        if key in seen:
            raise InputError(
                gettext("duplicate {what} name {n!r} (also at {place})").format(
                    what=what, n=n.strip(), place=place(seen[key])
                ),
                file,
                place(i),
            )
        seen[key] = i


def check_number(x: object, file: str | None, place: str) -> float:
    if isinstance(x, bool) or not isinstance(x, int | float):
        raise InputError(gettext("{x!r} is not a number").format(x=x), file, place)
    if not math.isfinite(x):
        raise InputError(gettext("{x} is not a finite number").format(x=x), file, place)
    return float(x)


def check_weights(weights: Sequence[float], file: str | None, place: Callable) -> None:
    for j, w in enumerate(weights):
        if w < 0:
            raise InputError(fill(gettext("weight {w:g} is negative"), w=w), file, place(j))
    if weights and sum(weights) <= 0:
        raise InputError(gettext("all weights are zero"), file, place(None))


def bare_evaluation(bm: BareMatrix, title: str = "") -> Evaluation:
    taken_c: set[str] = {AREA_ID}
    taken_a: set[str] = set()
    criteria = []
    weights: dict[str, float] = {AREA_ID: 1.0}
    for name, obj, w in zip(bm.criteria, bm.objectives, bm.weights, strict=True):
        cid = slug(name, taken_c)
        scale = Scale(kind="numeric", direction="cost" if obj < 0 else "benefit")
        criteria.append(Criterion(cid, AREA_ID, {"nl": name.strip(), "en": name.strip()}, scale))
        weights[cid] = float(w)
    alternatives = [Alternative(slug(n, taken_a), n.strip()) for n in bm.alternatives]
    assessments = {
        (a.id, c.id): Assessment(value=float(bm.matrix[i][j]))
        for i, a in enumerate(alternatives)
        for j, c in enumerate(criteria)
    }
    from ..invariants import require

    return require(
        Evaluation(
            title=title,
            areas=(Area(AREA_ID, {"nl": "Criteria", "en": "Criteria"}),),
            criteria=tuple(criteria),
            alternatives=tuple(alternatives),
            assessments=frozen_map(assessments),
            weights=frozen_map(weights),
        )
    )


def bare_matrix(ev: Evaluation, file: str | None = None) -> BareMatrix:
    """The scores, directions and global weights of ``ev`` (every alternative must be scored on every criterion)."""
    gw = global_weights(ev)
    matrix = []
    for a in ev.alternatives:
        row = []
        for c in ev.criteria:
            s = ev.assessment(a.id, c.id)
            if s.value is None:
                raise InputError(
                    gettext("{name} has no score on {id}; a plain matrix needs every score").format(
                        name=a.name, id=c.id
                    ),
                    file,
                )
            row.append(s.value)
        matrix.append(row)
    names = [c.name.get("en") or c.id if isinstance(c.name, dict) else c.name for c in ev.criteria]
    return BareMatrix(
        alternatives=[a.name for a in ev.alternatives],
        criteria=[c.id if not ev.bare else n for c, n in zip(ev.criteria, names, strict=True)],
        matrix=matrix,
        objectives=[-1 if c.scale.direction == "cost" else 1 for c in ev.criteria],
        weights=[gw[c.id] for c in ev.criteria],
    )
