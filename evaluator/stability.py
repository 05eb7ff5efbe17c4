"""Weight stability intervals: for each criterion, the range of its global weight (the other weights rescaled
proportionally) over which the alternative that ranks first at the agreed weights still ranks first — exact for
``wsm`` (scores are linear in the weight), found by a grid search refined by subdivision for the other methods,
on the same prepared scorer SMAA uses (:func:`evaluator.sensitivity._scorer`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import fastengine
from .methods import check_problem, method_ranks, top_is_first
from .model import Evaluation
from .problem import Problem, build_problem
from .sensitivity import _check_method, _scorer

STABILITY_GRID = 401
STABILITY_ROUNDS = 5
STABILITY_SUBDIVISIONS = 32


@dataclass(frozen=True)
class Stability:
    """The range ``[low, high]`` of one criterion's global weight that keeps the same alternative first."""

    criterion: str
    weight: float
    low: float
    high: float
    top: str = ""  # the alternative first at the agreed weights
    below: str | None = None  # who takes first place just below ``low`` (None when low is 0)
    above: str | None = None  # who takes first place just above ``high`` (None when high is 1)


# -- stability intervals --------------------------------------------------------------------------------------


def _walk(w0: np.ndarray, j: int, t: np.ndarray) -> np.ndarray:
    """Weight vectors with criterion ``j`` at each ``t`` and the others rescaled proportionally, ``(len(t), m)``."""
    m = w0.size
    rest = w0.copy()
    rest[j] = 0.0
    total = rest.sum()
    if total <= 0:  # j holds all the weight: share the remainder equally
        rest = np.ones(m)
        rest[j] = 0.0
        total = m - 1
    w = (1.0 - t)[:, None] * (rest / total)[None, :]
    w[:, j] = t
    return w


def _stability_wsm(
    p: Problem, w0: np.ndarray, j: int, top: int
) -> tuple[float, float, int | None, int | None]:
    x = fastengine.prepare(p, "wsm")
    rest = _walk(w0, j, np.array([0.0]))[0]  # the others' weights when j has none
    a = x[:, j]
    b = x @ rest
    c = b[top] - b
    slope = (a[top] - a) - c
    lo, hi, below, above = 0.0, 1.0, None, None
    wj = float(w0[j])
    for i in range(len(a)):
        if i == top or slope[i] == 0:
            continue
        t = float(-c[i] / slope[i])
        if slope[i] > 0 and t > lo:  # i overtakes below t
            lo, below = t, i
        elif slope[i] < 0 and t < hi:  # i overtakes above t
            hi, above = t, i
    lo, hi = min(max(lo, 0.0), wj), max(min(hi, 1.0), wj)
    return lo, hi, (below if lo > 0 else None), (above if hi < 1 else None)


def _first(score: Callable, w: np.ndarray, top: int, method: str) -> np.ndarray:
    """Whether ``top`` ranks first (ties count as first) under each weight vector in ``w`` — by the one tie rule,
    without sorting everyone else."""
    return top_is_first(score(w, None), method, top)


def _edge(
    score: Callable, w0: np.ndarray, j: int, top: int, method: str, inside: float, outside: float
) -> float:
    """Refine the boundary between ``inside`` (top is first) and ``outside`` (it is not) by subdivision."""
    for _ in range(STABILITY_ROUNDS):
        t = np.linspace(inside, outside, STABILITY_SUBDIVISIONS + 1)
        ok = _first(score, _walk(w0, j, t), top, method)
        k = int(np.argmin(ok)) if not ok.all() else len(t) - 1  # first point that is not ok
        inside, outside = float(t[k - 1]), float(t[k])
    return inside


def _stability_search(
    score: Callable, w0: np.ndarray, j: int, top: int, method: str
) -> tuple[float, float, int | None, int | None]:
    wj = float(w0[j])
    grid = np.union1d(np.linspace(0.0, 1.0, STABILITY_GRID), [wj])
    ok = _first(score, _walk(w0, j, grid), top, method)
    c = int(np.searchsorted(grid, wj))
    ok[c] = True
    lo_i = c
    while lo_i > 0 and ok[lo_i - 1]:
        lo_i -= 1
    hi_i = c
    while hi_i < len(grid) - 1 and ok[hi_i + 1]:
        hi_i += 1
    lo = 0.0 if lo_i == 0 else _edge(score, w0, j, top, method, float(grid[lo_i]), float(grid[lo_i - 1]))
    hi = (
        1.0
        if hi_i == len(grid) - 1
        else _edge(score, w0, j, top, method, float(grid[hi_i]), float(grid[hi_i + 1]))
    )
    lo, hi = min(lo, wj), max(hi, wj)
    below = above = None
    if lo > 0:
        below = _winner(score, w0, j, max(0.0, lo - 1e-7), method, top)
    if hi < 1:
        above = _winner(score, w0, j, min(1.0, hi + 1e-7), method, top)
    return lo, hi, below, above


def _winner(score: Callable, w0: np.ndarray, j: int, t: float, method: str, top: int) -> int | None:
    r = method_ranks(score(_walk(w0, j, np.array([t])), None), method)[0]
    firsts = [i for i in np.flatnonzero(r == 1) if i != top]
    return int(firsts[0]) if firsts else None


def stability_intervals(ev: Evaluation, method: str = "wsm") -> list[Stability]:
    """For each criterion, the range of its global weight that keeps the agreed top alternative first."""
    _check_method(method)
    p = build_problem(ev)
    check_problem(p, method)
    w0 = np.asarray(p.weights, dtype=float)
    n = len(p.alternatives)
    if n == 0:
        return []
    if n == 1:
        return [Stability(c, float(w0[j]), 0.0, 1.0, p.alternatives[0]) for j, c in enumerate(p.criteria)]
    top = int(np.flatnonzero(fastengine.ranks(p, w0, method)[0] == 1)[0])
    score = _scorer(p, method)  # prepared once: the search scores thousands of weightings on one matrix
    out = []
    for j, cid in enumerate(p.criteria):
        if len(p.criteria) == 1:
            out.append(Stability(cid, 1.0, 1.0, 1.0, p.alternatives[top]))
            continue
        if method == "wsm":
            lo, hi, below, above = _stability_wsm(p, w0, j, top)
        else:
            lo, hi, below, above = _stability_search(score, w0, j, top, method)
        out.append(
            Stability(
                cid,
                float(w0[j]),
                float(lo),
                float(hi),
                p.alternatives[top],
                p.alternatives[below] if below is not None else None,
                p.alternatives[above] if above is not None else None,
            )
        )
    return out
