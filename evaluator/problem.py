"""Evaluation → decision problem: the matrix a method ranks, its weights, and who is knocked out and why.

A pure function of the evaluation. For an evaluation with scales the matrix holds values in [0, 1] (benefit,
over the scales' fixed bounds). For a bare matrix (no criterion has bounds: DMSY/CSV/XLSX imports) it holds the
raw numbers with their objectives, and each method normalises as DESIGN.md defines.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from .errors import InputError
from .i18n import gettext
from .model import Evaluation, text
from .scales import values as scale_values
from .weighting import global_weights


@dataclass(frozen=True)
class Exclusion:
    """Why an alternative is left out of the ranking: a missing score, or a score below a criterion's minimum."""

    alternative: str
    criterion: str
    kind: str  # "missing" or "below_minimum"
    score: float | None = None
    minimum: float | None = None

    def describe(self, ev: Evaluation, lang: str = "nl") -> str:
        crit = ev.criterion(self.criterion)
        cname = f"{crit.id} {text(crit.name, lang)}"
        if self.kind == "missing":
            return gettext("{cname}: not scored yet", lang).format(cname=cname)
        from .scales import format_score

        s, m = format_score(crit.scale, self.score, lang), format_score(crit.scale, self.minimum, lang)
        return gettext("{cname}: score {s} is below the minimum {m}", lang).format(cname=cname, s=s, m=m)


@dataclass(frozen=True)
class Problem:
    """What a ranking method sees: included alternatives × criteria."""

    alternatives: tuple[str, ...]
    names: tuple[str, ...]
    criteria: tuple[str, ...]
    matrix: np.ndarray
    objectives: np.ndarray  # +1 maximise, -1 minimise
    weights: np.ndarray  # sums to 1
    bare: bool
    exclusions: tuple[Exclusion, ...] = field(default=())
    params: Mapping[str, float] = field(
        default_factory=dict
    )  # the evaluation's method settings (VIKOR's v, …)

    @property
    def excluded(self) -> dict[str, list[Exclusion]]:
        out: dict[str, list[Exclusion]] = {}
        for e in self.exclusions:
            out.setdefault(e.alternative, []).append(e)
        return out


_MATRICES: list[tuple[tuple, np.ndarray]] = []  # the last few score matrices, by the identity of their parts


def score_matrix(ev: Evaluation) -> np.ndarray:
    """Alternatives × criteria scores as entered (NaN where not scored); a new array each call.

    After a change several pages rank the same evaluation: the matrix of the same (immutable) assessments,
    alternatives and criteria is made once and copied."""
    from .summary import changed_keys

    parts = (ev.assessments, ev.alternatives, ev.criteria)
    for known, m in _MATRICES:
        if all(a is b for a, b in zip(known, parts, strict=True)):
            return m.copy()
    m = None
    for known, cached in _MATRICES:  # the same matrix with a few scores changed (a score edit): those cells
        if known[1] is parts[1] and known[2] is parts[2]:
            keys = changed_keys(known[0], parts[0])
            if keys is not None and len(keys) <= 64:
                m = cached.copy()
                row = {a.id: i for i, a in enumerate(ev.alternatives)}
                col = {c.id: j for j, c in enumerate(ev.criteria)}
                for a, c in keys:
                    if a in row and c in col:
                        s = ev.assessments.get((a, c))
                        m[row[a], col[c]] = np.nan if s is None or s.value is None else s.value
                break
    if m is None:
        m = _score_matrix(ev)
    _MATRICES.insert(0, (parts, m))
    del _MATRICES[4:]
    return m.copy()


def _score_matrix(ev: Evaluation) -> np.ndarray:
    m = np.full((len(ev.alternatives), len(ev.criteria)), np.nan)
    col = {c.id: j for j, c in enumerate(ev.criteria)}
    row = {a.id: i for i, a in enumerate(ev.alternatives)}
    for (a, c), s in ev.assessments.items():
        if s.value is not None and a in row and c in col:
            m[row[a], col[c]] = s.value
    return m


def value_matrix(
    ev: Evaluation, scores: np.ndarray | None = None, rows: np.ndarray | None = None
) -> np.ndarray:
    """Values in [0, 1] (1 best) for alternatives × criteria; NaN where not scored.

    ``scores`` replaces the entered scores (e.g. a draw within the ranges); ``rows`` restricts which
    alternatives a bare criterion's min–max normalisation looks at (the ones being ranked).
    """
    m = score_matrix(ev) if scores is None else np.asarray(scores, dtype=float)
    out = np.empty_like(m)
    for j, c in enumerate(ev.criteria):
        col = m[:, j]
        if not c.scale.bounded and rows is not None:
            v = np.full_like(col, np.nan)
            v[rows] = scale_values(c.scale, col[rows])
            out[:, j] = v
        else:
            out[:, j] = scale_values(c.scale, col)
    return out


def exclusions(ev: Evaluation, scores: np.ndarray | None = None) -> tuple[Exclusion, ...]:
    """Missing scores and knock-outs (score below the criterion's minimum, in the scale's own direction)."""
    m = np.asarray(score_matrix(ev) if scores is None else scores, dtype=float)
    crits, alts = ev.criteria, ev.alternatives
    missing = np.isnan(m)
    minimum = np.array([math.nan if c.minimum is None else float(c.minimum) for c in crits], dtype=float)
    cost = np.array([c.scale.direction == "cost" for c in crits], dtype=bool)
    with np.errstate(invalid="ignore"):  # NaN compares false: no minimum, or not scored
        below = np.where(cost, m > minimum, m < minimum)
    out = []
    for i, j in np.argwhere(missing | below):  # row by row, as the alternatives and criteria are listed
        a, c = alts[i], crits[j]
        if missing[i, j]:
            out.append(Exclusion(a.id, c.id, "missing"))
        else:
            out.append(Exclusion(a.id, c.id, "below_minimum", float(m[i, j]), c.minimum))
    return tuple(out)


def build_problem(
    ev: Evaluation,
    weights: Mapping[str, float] | None = None,
    scores: np.ndarray | None = None,
) -> Problem:
    """The decision problem for ``ev`` (agreed weights unless ``weights`` points are given)."""
    if not ev.criteria:
        raise InputError(gettext("the evaluation has no criteria"))
    if not ev.alternatives:
        raise InputError(gettext("the evaluation has no alternatives"))
    gw = global_weights(ev, weights)
    w = np.array([gw[c.id] for c in ev.criteria])
    m = score_matrix(ev) if scores is None else np.asarray(scores, dtype=float)
    ex = exclusions(ev, m)
    out_ids = {e.alternative for e in ex}
    rows = np.array([a.id not in out_ids for a in ev.alternatives], dtype=bool)
    alts = tuple(a.id for a in ev.alternatives if a.id not in out_ids)
    names = tuple(a.name for a in ev.alternatives if a.id not in out_ids)
    if ev.bare:
        matrix = m[rows]
        objectives = np.array([-1 if c.scale.direction == "cost" else 1 for c in ev.criteria])
    else:
        matrix = value_matrix(ev, m, rows)[rows]
        objectives = np.ones(len(ev.criteria), dtype=int)
    return Problem(
        alts,
        names,
        tuple(c.id for c in ev.criteria),
        matrix,
        objectives,
        w,
        ev.bare,
        ex,
        dict(ev.method_params),
    )
