"""Evaluation → decision problem: the matrix a method ranks, its weights, and who is knocked out and why.

A pure function of the evaluation. For an evaluation with scales the matrix holds values in [0, 1] (benefit,
over the scales' fixed bounds). For a bare matrix (no criterion has bounds: DMSY/CSV/XLSX imports) it holds the
raw numbers with their objectives, and each method normalises as DESIGN.md defines.
"""

from __future__ import annotations

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


def score_matrix(ev: Evaluation) -> np.ndarray:
    """Alternatives × criteria scores as entered (NaN where not scored)."""
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
    m = score_matrix(ev) if scores is None else scores
    out = []
    for i, a in enumerate(ev.alternatives):
        for j, c in enumerate(ev.criteria):
            x = m[i, j]
            if np.isnan(x):
                out.append(Exclusion(a.id, c.id, "missing"))
            elif c.minimum is not None:
                worse = x > c.minimum if c.scale.direction == "cost" else x < c.minimum
                if worse:
                    out.append(Exclusion(a.id, c.id, "below_minimum", float(x), c.minimum))
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
