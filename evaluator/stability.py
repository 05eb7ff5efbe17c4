"""Weight stability intervals: for each criterion, the range of its global weight (the other weights rescaled
proportionally) over which the alternative that ranks first at the agreed weights still ranks first — exact for
``wsm`` (scores are linear in the weight), found by a grid search refined by subdivision for the other methods.
The search scores about 700 weightings per criterion; along one criterion's walk each method's score is a
function of two or three precomputed vectors (:func:`walk_lines`), so it never weights the whole matrix (300 × 150:
every method well under a second). Every method of the registry: for ELECTRE I "ranks first" means "is in the
kernel" (:func:`_kernel_lines`). The same definitions as the engine; tested equal to weighting the matrix with
SMAA's scorer (:func:`evaluator.sensitivity._scorer`) at every point.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import fastengine
from .methods import check_problem, method_ranks, top_is_first
from .methods.fast import blocked_product, vikor_q
from .model import Evaluation
from .problem import Problem, build_problem
from .sensitivity import _check_method, _scorer

Line = Callable[[np.ndarray], np.ndarray]  # weights t of one criterion along its walk → scores (len(t), n)

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


def _first(line: Line, t: np.ndarray, top: int, method: str) -> np.ndarray:
    """Whether ``top`` ranks first (ties count as first) at each weight ``t`` of the walk — by the one tie rule,
    without sorting everyone else (ELECTRE I's lines answer it themselves)."""
    first = getattr(line, "first", None)
    return first(t, top) if first is not None else top_is_first(line(t), method, top)


def _edge(line: Line, top: int, method: str, inside: float, outside: float) -> float:
    """Refine the boundary between ``inside`` (top is first) and ``outside`` (it is not) by subdivision."""
    for _ in range(STABILITY_ROUNDS):
        t = np.linspace(inside, outside, STABILITY_SUBDIVISIONS + 1)
        ok = _first(line, t, top, method)
        k = int(np.argmin(ok)) if not ok.all() else len(t) - 1  # first point that is not ok
        inside, outside = float(t[k - 1]), float(t[k])
    return inside


def _stability_search(
    score: Callable, w0: np.ndarray, j: int, top: int, method: str
) -> tuple[float, float, int | None, int | None]:
    """:func:`_search` with the whole matrix weighted at each point of the walk (``score(w, None)``, e.g.
    :func:`_scorer`): the straightforward form the fast lines are tested against."""
    return _search(lambda t: score(_walk(w0, j, t), None), float(w0[j]), top, method)


def _search(line: Line, wj: float, top: int, method: str) -> tuple[float, float, int | None, int | None]:
    """The interval around ``wj`` where ``top`` stays first along ``line``: a grid, then subdivision at each
    end."""
    grid = np.union1d(np.linspace(0.0, 1.0, STABILITY_GRID), [wj])
    ok = _first(line, grid, top, method)
    c = int(np.searchsorted(grid, wj))
    ok[c] = True
    lo_i = c
    while lo_i > 0 and ok[lo_i - 1]:
        lo_i -= 1
    hi_i = c
    while hi_i < len(grid) - 1 and ok[hi_i + 1]:
        hi_i += 1
    lo = 0.0 if lo_i == 0 else _edge(line, top, method, float(grid[lo_i]), float(grid[lo_i - 1]))
    hi = 1.0 if hi_i == len(grid) - 1 else _edge(line, top, method, float(grid[hi_i]), float(grid[hi_i + 1]))
    lo, hi = min(lo, wj), max(hi, wj)
    below = above = None
    if lo > 0:
        below = _winner(line, max(0.0, lo - 1e-7), method, top)
    if hi < 1:
        above = _winner(line, min(1.0, hi + 1e-7), method, top)
    return lo, hi, below, above


def _winner(line: Line, t: float, method: str, top: int) -> int | None:
    r = method_ranks(line(np.array([t])), method)[0]
    firsts = [i for i in np.flatnonzero(r == 1) if i != top]
    return int(firsts[0]) if firsts else None


# -- scores along a walk ----------------------------------------------------------------------------------------
# Along criterion j's walk the weights are w(t) = (1 − t)·r + t·e_j, with r the other weights rescaled (r_j = 0).
# Each fast method's score is then a function of two or three vectors per criterion, computed for all criteria
# at once with one matrix product: the search scores ~700 points per criterion on (t, n) arrays instead of
# weighting the (n, m) matrix for each. Same definitions as the engine (tested equal to ``_walk`` + ``_scorer``).


def walk_lines(p: Problem, method: str, w0: np.ndarray) -> Callable[[int], Line]:
    """``lines(j)``: the scores ``(len(t), n)`` at weights ``_walk(w0, j, t)``, as :func:`_scorer` gives them."""
    m = w0.size
    rest = np.stack([_walk(w0, j, np.zeros(1))[0] for j in range(m)]) if m else np.zeros((0, 0))  # row j: r
    if method == "electre1":
        return _kernel_lines(p, rest)
    x = fastengine.prepare(p, method)
    if method in ("wsm", "wpm", "moora"):  # MOORA: the weighted sum of its signed, normalised matrix
        g = np.log10(x) if method == "wpm" else x
        a = blocked_product(g, rest.T)  # a[:, j] = g @ r_j

        def lines(j: int) -> Line:
            aj, bj = a[:, j], g[:, j]

            def line(t: np.ndarray) -> np.ndarray:
                s = (1.0 - t)[:, None] * aj[None, :] + t[:, None] * bj[None, :]
                return np.power(10.0, s, out=s) if method == "wpm" else s

            return line

        return lines
    if method == "waspas":  # λ · the weighted sum + (1 − λ) · 10^(the weighted sum of log₁₀ values)
        from .methods import resolve_params
        from .methods.fast import waspas_mix

        lam = resolve_params("waspas", p.params)["lambda"]
        logx = np.log10(x)
        a, a_log = blocked_product(x, rest.T), blocked_product(logx, rest.T)

        def lines(j: int) -> Line:
            aj, bj, cj, dj = a[:, j], x[:, j], a_log[:, j], logx[:, j]

            def line(t: np.ndarray) -> np.ndarray:
                u, v = (1.0 - t)[:, None], t[:, None]
                return waspas_mix(u * aj + v * bj, u * cj + v * dj, lam)

            return line

        return lines
    cost = (p.objectives < 0) if p.bare else np.zeros(m, dtype=bool)
    if method == "topsis":  # d² = Σ w_k² (x_k − ideal_k)², and w(t)² = (1 − t)²·r² + t²·e_j
        best = np.where(cost, x.min(axis=0), x.max(axis=0))
        worst = np.where(cost, x.max(axis=0), x.min(axis=0))
        to_best, to_worst = (x - best) ** 2, (x - worst) ** 2
        r2 = (rest * rest).T
        a_best, a_worst = blocked_product(to_best, r2), blocked_product(to_worst, r2)

        def lines(j: int) -> Line:
            ab, bb, aw, bw = a_best[:, j], to_best[:, j], a_worst[:, j], to_worst[:, j]

            def line(t: np.ndarray) -> np.ndarray:
                u2, t2 = ((1.0 - t) ** 2)[:, None], (t * t)[:, None]
                d_best = np.sqrt(u2 * ab + t2 * bb)
                d_worst = np.sqrt(u2 * aw + t2 * bw)
                total = d_best + d_worst
                return np.where(total == 0, 0.0, d_worst / np.where(total == 0, 1.0, total))

            return line

        return lines
    if method == "vikor":  # S = Σ w_k d_k and R = max_k w_k d_k, with d ≥ 0 the distance to the best
        from .methods import resolve_params

        v = resolve_params("vikor", p.params)["v"]
        best = np.where(cost, x.min(axis=0), x.max(axis=0))
        worst = np.where(cost, x.max(axis=0), x.min(axis=0))
        span = best - worst
        d = np.where(span == 0, 0.0, (best - x) / np.where(span == 0, 1.0, span))
        a_sum = blocked_product(d, rest.T)
        rest_sum = rest.sum(axis=1)

        def lines(j: int) -> Line:
            aj, dj, rho = a_sum[:, j], d[:, j], (d * rest[j]).max(axis=1)

            def line(t: np.ndarray) -> np.ndarray:
                u = (1.0 - t)[:, None]
                total = (1.0 - t) * rest_sum[j] + t  # the engine divides the weights by their sum
                s = (u * aj + t[:, None] * dj) / total[:, None]
                r = np.maximum(u * rho, t[:, None] * dj) / total[:, None]
                return vikor_q(s, r, v)

            return line

        return lines
    score = _scorer(p, method)  # any other method: weight the whole matrix at each point
    return lambda j: lambda t: score(_walk(w0, j, t), None)


def _kernel_lines(p: Problem, rest: np.ndarray) -> Callable[[int], Line]:
    """ELECTRE I along each walk: 1 for the kernel's alternatives, 0 for the others. The discordance does not
    depend on the weights, so only the pairs it allows can ever be arcs; their concordance along criterion j's
    walk is (1 − t)·(its concordance at r_j) + t·[a at least as good as b on j]. Alternatives in no such pair
    are in every kernel; the kernels of the others are found for all points at once
    (:func:`evaluator.outranking.kernels`, each distinct graph once)."""
    from .methods import resolve_params
    from .outranking import EPS, Candidates, kernels

    q = resolve_params("electre1", p.params)
    pairs = Candidates(p, q["q"])
    at_rest = blocked_product(pairs.ind, rest.T) if len(pairs.flat) else np.zeros((0, rest.shape[0]))

    class KernelLine:
        def __init__(self, j: int):
            self.r, self.i = at_rest[:, j], pairs.ind[:, j]

        def arcs(self, t: np.ndarray) -> np.ndarray:
            conc = (1.0 - t)[:, None] * self.r[None, :] + t[:, None] * self.i[None, :]
            return conc >= q["p"] - EPS

        def __call__(self, t: np.ndarray) -> np.ndarray:
            return pairs.kernel_scores(self.arcs(t))

        def first(self, t: np.ndarray, top: int) -> np.ndarray:
            """Whether ``top`` is in the kernel at each ``t`` — what the search asks: plain where top has no
            predecessor (in) or one without predecessors of its own (out: that one is in the kernel)."""
            out = np.ones(len(t), dtype=bool)
            if not np.any(pairs.active == top):
                return out  # no arc can touch top: it is in every kernel
            s = pairs.graphs(self.arcs(t))
            at = pairs.place[top]
            pred = s[:, :, at]
            source = ~s.any(axis=1)
            out[(pred & source).any(axis=1)] = False
            hard = pred.any(axis=1) & out
            if hard.any():
                out[hard] = kernels(s[hard])[:, at]
            return out

    return KernelLine


def _top(p: Problem, w0: np.ndarray, method: str) -> int:
    """The first alternative (in input order) that ranks first at the agreed weights."""
    if method in fastengine.FAST_METHODS:
        r = fastengine.ranks(p, w0, method)[0]
    else:
        r = method_ranks(_scorer(p, method)(w0[None, :] / w0.sum(), None), method)[0]
    return int(np.flatnonzero(r == 1)[0])


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
    top = _top(p, w0, method)
    lines = walk_lines(p, method, w0) if method != "wsm" else None  # prepared once for all criteria
    out = []
    for j, cid in enumerate(p.criteria):
        if len(p.criteria) == 1:
            out.append(Stability(cid, 1.0, 1.0, 1.0, p.alternatives[top]))
            continue
        if method == "wsm":
            lo, hi, below, above = _stability_wsm(p, w0, j, top)
        else:
            lo, hi, below, above = _search(lines(j), float(w0[j]), top, method)
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
