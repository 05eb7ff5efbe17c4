"""A vectorised NumPy engine: scores for many weight vectors (and many score draws) at once.

Used where scikit-criteria's per-call overhead (≈ 1–3 ms) is too slow, and by ``rank`` itself for the methods
it covers (``FAST_METHODS``: the registry's methods with ``engine="numpy"``): live slider updates, SMAA with
100 000 samples, stability intervals. It implements exactly the definitions of :mod:`evaluator.methods` for
``wsm``, ``wpm``, ``topsis``, ``vikor``, ``moora`` and ``waspas`` and is tested to give the same scores and
ranking as the scikit-criteria pipelines sample by sample. Ties: :func:`evaluator.methods.dense_ranks`, the one
tie rule.

The model check's uncertain-score tries (thousands of one-cell changes) are scored all at once by
:func:`one_cell_scores` — for these methods (on values) — and their first places
found by :func:`first_places`; each is tested equal to ranking every changed matrix on its own.

Shapes: ``matrix`` is ``(n, m)`` (alternatives × criteria) or ``(k, n, m)`` (one matrix per sample);
``weights`` is ``(m,)`` or ``(k, m)`` with rows summing to 1. Scores come back as ``(k, n)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np

from ..problem import Problem
from . import (
    CURRENT_DEFINITIONS,
    METHODS,
    TIE_RTOL,
    WPM_FLOOR,
    _definitions,
    column_scale,
    dense_ranks,
    method_ranks,
    resolve_params,
    sort_with_ties,
)

FAST_METHODS = tuple(m.id for m in METHODS.values() if m.engine == "numpy")
HIGHER_IS_BETTER = {m: METHODS[m].higher_is_better for m in FAST_METHODS}
ONE_CELL_BLOCK = 2048  # tries per block in :func:`one_cell_scores` (a (block, n) array each)
BLAS_BLOCK = 150_000  # multiply-adds per matrix product block (below OpenBLAS's threading threshold)
__all__ = [
    "FAST_METHODS",
    "HIGHER_IS_BETTER",
    "contributions",
    "dense_ranks",
    "prepare",
    "ranks",
    "scores",
    "sort_with_ties",
]


def prepare(p: Problem, method: str, matrix: np.ndarray | None = None) -> np.ndarray:
    """The matrix a method's weighting step sees: normalised, benefit-only, as :mod:`evaluator.methods` does
    (MOORA's: cost criteria negative, so its score is the weighted sum of this matrix).

    ``matrix`` overrides ``p.matrix`` (e.g. ``(k, n, m)`` score draws); normalisation runs over the
    alternatives (axis -2).
    """
    x = np.asarray(p.matrix if matrix is None else matrix, dtype=float)
    cost = p.objectives < 0
    if p.bare and method != "wpm":
        x = x / column_scale(x)  # changes no result, keeps squares and spans far from float overflow
    if method == "wsm":
        if not p.bare:
            return x
        x = np.where(cost, -x, x)  # NegateMinimize, then MinMaxScaler over alternatives
        lo = x.min(axis=-2, keepdims=True)
        span = x.max(axis=-2, keepdims=True) - lo
        return np.where(span == 0, 0.0, (x - lo) / np.where(span == 0, 1.0, span))
    if method == "wpm":
        return np.where(cost, 1.0 / x, x) if p.bare else np.maximum(x, WPM_FLOOR)
    if method == "topsis":
        if not p.bare:
            return x
        norm = np.sqrt((x * x).sum(axis=-2, keepdims=True))
        return x / np.where(norm == 0, 1.0, norm)
    if method == "vikor":
        return x
    if (
        method == "moora"
    ):  # vector normalisation (a column of zeros stays 0), then cost criteria count negative
        norm = np.sqrt((x * x).sum(axis=-2, keepdims=True))
        return x / np.where(norm == 0, 1.0, norm) * p.objectives
    if method == "waspas":
        if not p.bare:
            return np.maximum(x, WPM_FLOOR)
        x = np.where(cost, 1.0 / x, x)  # InvertMinimize, then MaxAbsScaler over the alternatives
        top = np.abs(x).max(axis=-2, keepdims=True)
        x = x / np.where(top == 0, 1.0, top)
        with np.errstate(invalid="ignore"):
            return np.where(
                x > 0, x, np.nan
            )  # scikit-criteria refuses values ≤ 0 (float underflow): no score
    raise ValueError(f"the fast engine has no method {method!r} (it has {', '.join(FAST_METHODS)})")


def scores(
    p: Problem,
    weights: np.ndarray,
    method: str,
    matrix: np.ndarray | None = None,
    params: Mapping[str, float] | None = None,
) -> np.ndarray:
    """Scores ``(k, n)`` for ``k`` weight vectors (and optionally ``k`` matrices); ``params`` default to the
    evaluation's own (``p.params``), missing ones to the method's defaults."""
    if method not in FAST_METHODS:
        raise ValueError(f"the fast engine has no method {method!r} (it has {', '.join(FAST_METHODS)})")
    w = np.atleast_2d(np.asarray(weights, dtype=float))
    w = w / w.sum(axis=1, keepdims=True)
    x = prepare(p, method, matrix)
    xk = x if x.ndim == 3 else x[None, :, :]
    cost = (p.objectives < 0) if p.bare else np.zeros(p.objectives.shape, dtype=bool)
    if method in (
        "wsm",
        "moora",
    ):  # MOORA's ratio system is the weighted sum of its signed, normalised matrix
        if xk.shape[0] == 1:
            return w @ xk[0].T
        return np.einsum("knm,km->kn", xk, w)
    if method == "waspas":
        lam = resolve_params("waspas", p.params if params is None else params)["lambda"]
        return waspas_mix(_weighted(xk, w), _weighted(np.log10(xk), w), lam)
    if method == "wpm":
        logx = np.log10(xk)
        s = w @ logx[0].T if xk.shape[0] == 1 else np.einsum("knm,km->kn", logx, w)
        return 10.0**s
    if method == "topsis":
        v = xk * w[:, None, :]
        best = np.where(cost, v.min(axis=1, keepdims=True), v.max(axis=1, keepdims=True))
        worst = np.where(cost, v.max(axis=1, keepdims=True), v.min(axis=1, keepdims=True))
        d_best = np.sqrt(((v - best) ** 2).sum(axis=2))
        d_worst = np.sqrt(((v - worst) ** 2).sum(axis=2))
        total = d_best + d_worst
        return np.where(total == 0, 0.0, d_worst / np.where(total == 0, 1.0, total))
    if method == "vikor":
        v = resolve_params("vikor", p.params if params is None else params)["v"]
        return _vikor(xk, w, cost, v)
    raise ValueError(f"the fast engine has no method {method!r}")


def contributions(p: Problem, weights: np.ndarray, method: str) -> np.ndarray:
    """What each criterion adds to each alternative's score ``(n, m)``, for a method whose score is such a sum
    (``METHODS[method].additive``): WSM ``wⱼ·vᵢⱼ``, MOORA ``wⱼ·rᵢⱼ`` with cost criteria negative. Each row sums
    to the alternative's score from :func:`scores`. Weights ``(m,)`` are normalised to sum to 1."""
    if method not in FAST_METHODS or not METHODS[method].additive:
        raise ValueError(f"{method!r} has no per-criterion contributions")
    w = np.asarray(weights, dtype=float)
    return prepare(p, method) * (w / w.sum())[None, :]


def _weighted(xk: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Σ_j w_kj · x_kij ``(k, n)`` for one matrix ``(1, n, m)`` or one per sample ``(k, n, m)``."""
    return w @ xk[0].T if xk.shape[0] == 1 else np.einsum("knm,km->kn", xk, w)


def waspas_mix(wsm: np.ndarray, log_wpm: np.ndarray, lam: float) -> np.ndarray:
    """WASPAS's joint criterion from the weighted sum and the weighted sum of log₁₀ values, as scikit-criteria:
    λ·WSM + (1 − λ)·10^(log₁₀ WPM). Reuses ``log_wpm``'s memory."""
    out = np.power(10.0, log_wpm, out=log_wpm)
    out *= 1 - lam
    out += lam * wsm
    return out


def _vikor(x: np.ndarray, w: np.ndarray, cost: np.ndarray, v: float) -> np.ndarray:
    """VIKOR's Q as scikit-criteria computes it (constant columns and distances contribute 0)."""
    best = np.where(cost, x.min(axis=1, keepdims=True), x.max(axis=1, keepdims=True))
    worst = np.where(cost, x.max(axis=1, keepdims=True), x.min(axis=1, keepdims=True))
    span = best - worst
    d = np.where(span == 0, 0.0, (best - x) / np.where(span == 0, 1.0, span))
    dw = d * w[:, None, :]
    return vikor_q(dw.sum(axis=2), dw.max(axis=2), v)


def ranks(p: Problem, weights: np.ndarray, method: str, matrix: np.ndarray | None = None) -> np.ndarray:
    """Dense ranks ``(k, n)`` for ``k`` weight vectors (:func:`evaluator.methods.method_ranks`)."""
    return method_ranks(scores(p, weights, method, matrix), method)


def blocked_product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b`` in row blocks small enough for BLAS to stay on one thread: for these thin products threads gain
    nothing, and on a busy machine their spin-waiting made the product up to ten times slower."""
    block = max(1, BLAS_BLOCK // max(1, b.size))
    out = np.empty((a.shape[0], b.shape[1]))
    for i in range(0, a.shape[0], block):
        np.matmul(a[i : i + block], b, out=out[i : i + block])
    return out


def first_places(scores: np.ndarray, method: str) -> np.ndarray:
    """Per row of scores ``(k, n)``: which alternatives rank first — ``method_ranks(scores, method) == 1``,
    without sorting a row whose best is further ahead of all others than any chain of ties could bridge
    (``(n − 1) · TIE_RTOL`` of the row's largest score)."""
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    if _definitions.get() != CURRENT_DEFINITIONS or s.shape[1] < 2:
        return method_ranks(s, method) == 1
    key = s if METHODS[method].higher_is_better else -s
    best = key.max(axis=1)
    bridge = (s.shape[1] - 1) * TIE_RTOL * np.abs(s).max(axis=1)
    with np.errstate(invalid="ignore"):
        out = key >= (best - bridge)[:, None]
    unsure = (out.sum(axis=1) != 1) | ~np.isfinite(best)
    if unsure.any():
        out[unsure] = method_ranks(s[unsure], method) == 1
    return out


def one_cell_scores(
    p: Problem, method: str, rows: np.ndarray, cols: np.ndarray, values: np.ndarray
) -> Iterator[np.ndarray]:
    """Scores ``(k, n)`` of ``p`` at its own weights with one cell changed per try ``t``: alternative ``rows[t]``
    on criterion ``cols[t]`` holds the value ``values[t]`` — in blocks of :data:`ONE_CELL_BLOCK` tries.

    For an evaluation with scales only (each value stands on its own; a bare column is normalised over the
    alternatives). What the model check asks thousands of times: the unchanged part of the matrix is weighted
    once, so a try costs O(n + m) instead of O(n·m). The same definitions as :func:`scores`, tested equal.
    """
    if p.bare:
        raise ValueError("one_cell_scores needs an evaluation with scales")
    if method in ("moora", "waspas"):  # the scikit-criteria pipelines' definitions on values (see below)
        yield from _one_cell_pipelines(p, method, rows, cols, values)
        return
    x = prepare(p, method)
    n, m = x.shape
    w = np.asarray(p.weights, dtype=float)
    w = w / w.sum()
    new = prepare(p, method, np.asarray(values, dtype=float)[:, None])[:, 0] if method == "wpm" else values
    others = 1.0 - np.eye(m)  # x @ others: each row's sum over the other criteria
    if method in ("wsm", "wpm"):
        g = x if method == "wsm" else np.log10(x)
        gnew = new if method == "wsm" else np.log10(new)
        base = g @ w if method == "wsm" else np.power(10.0, g @ w)
    elif method == "topsis":
        v = x * w
        to_best, to_worst = (v - v.max(axis=0)) ** 2, (v - v.min(axis=0)) ** 2
        best_rest, worst_rest = blocked_product(to_best, others), blocked_product(to_worst, others)
    elif method == "vikor":
        q = resolve_params("vikor", p.params)["v"]
        best, worst = x.max(axis=0), x.min(axis=0)
        span = best - worst
        dw = np.where(span == 0, 0.0, (best - x) / np.where(span == 0, 1.0, span)) * w
        sum_rest = blocked_product(dw, others)
        top1, arg1 = dw.max(axis=1), dw.argmax(axis=1)
        top2 = np.partition(dw, m - 2, axis=1)[:, m - 2] if m > 1 else np.zeros(n)
    else:
        raise ValueError(f"the fast engine has no method {method!r} (it has {', '.join(FAST_METHODS)})")
    for start in range(0, len(rows), ONE_CELL_BLOCK):
        r, j = rows[start : start + ONE_CELL_BLOCK], cols[start : start + ONE_CELL_BLOCK]
        k = len(r)
        at = np.arange(k)
        if method in ("wsm", "wpm"):
            changed = g[r]
            changed[at, j] = gnew[start : start + k]
            s = np.repeat(base[None, :], k, axis=0)
            s[at, r] = changed @ w if method == "wsm" else np.power(10.0, changed @ w)
            yield s
            continue
        col = x[:, j].T.copy()  # (k, n): criterion j of each try, with its one cell changed
        col[at, r] = new[start : start + k]
        if method == "topsis":
            vj = col * w[j][:, None]
            d_best = np.sqrt(best_rest[:, j].T + (vj - vj.max(axis=1, keepdims=True)) ** 2)
            d_worst = np.sqrt(worst_rest[:, j].T + (vj - vj.min(axis=1, keepdims=True)) ** 2)
            total = d_best + d_worst
            yield np.where(total == 0, 0.0, d_worst / np.where(total == 0, 1.0, total))
            continue
        bj, wj = col.max(axis=1, keepdims=True), col.min(axis=1, keepdims=True)
        sp = bj - wj
        dwj = np.where(sp == 0, 0.0, (bj - col) / np.where(sp == 0, 1.0, sp)) * w[j][:, None]
        r_rest = np.where(arg1[None, :] == j[:, None], top2[None, :], top1[None, :])  # max over k ≠ j
        yield vikor_q(sum_rest[:, j].T + dwj, np.maximum(r_rest, dwj), q)


def _one_cell_pipelines(
    p: Problem, method: str, rows: np.ndarray, cols: np.ndarray, values: np.ndarray
) -> Iterator[np.ndarray]:
    """:func:`one_cell_scores` for the methods scikit-criteria computes (:func:`evaluator.methods.decision`), on
    values: WASPAS is λ·Σ wⱼxᵢⱼ + (1 − λ)·10^(Σ wⱼ·log₁₀ xᵢⱼ) on values floored at ``WPM_FLOOR``; MOORA's ratio
    system is Σ wⱼxᵢⱼ/‖xⱼ‖ (every value is a benefit; a column of zeros stays 0). Tested equal to the pipelines."""
    x = np.asarray(p.matrix, dtype=float)
    n, m = x.shape
    w = np.asarray(p.weights, dtype=float)
    w = w / w.sum()
    values = np.asarray(values, dtype=float)
    if method == "waspas":
        lam = resolve_params("waspas", p.params)["lambda"]
        xf, new = np.maximum(x, WPM_FLOOR), np.maximum(values, WPM_FLOOR)
        base = lam * (xf @ w) + (1 - lam) * np.power(10.0, np.log10(xf) @ w)
        for start in range(0, len(rows), ONE_CELL_BLOCK):
            r, j = rows[start : start + ONE_CELL_BLOCK], cols[start : start + ONE_CELL_BLOCK]
            at = np.arange(len(r))
            changed = xf[r]
            changed[at, j] = new[start : start + len(r)]
            s = np.repeat(base[None, :], len(r), axis=0)
            s[at, r] = lam * (changed @ w) + (1 - lam) * np.power(10.0, np.log10(changed) @ w)
            yield s
        return
    norm = np.sqrt((x * x).sum(axis=0))
    part = x / np.where(norm == 0, 1.0, norm) * (w * p.objectives)
    rest = blocked_product(part, 1.0 - np.eye(m))  # each row's sum over the other criteria
    for start in range(0, len(rows), ONE_CELL_BLOCK):
        r, j = rows[start : start + ONE_CELL_BLOCK], cols[start : start + ONE_CELL_BLOCK]
        at = np.arange(len(r))
        col = x[:, j].T.copy()  # (k, n): criterion j of each try, with its one cell changed
        col[at, r] = values[start : start + len(r)]
        nj = np.sqrt((col * col).sum(axis=1, keepdims=True))
        yield rest[:, j].T + col / np.where(nj == 0, 1.0, nj) * (w[j] * p.objectives[j])[:, None]


def _scaled(a: np.ndarray, factor: float) -> np.ndarray:
    """``factor`` × each row of ``a`` min–max scaled to [0, 1] (0 for a constant row), in one new array."""
    lo = a.min(axis=1, keepdims=True)
    rng = a.max(axis=1, keepdims=True) - lo
    flat = rng[:, 0] == 0
    out = np.subtract(a, lo)
    out /= np.where(flat[:, None], 1.0, rng)
    out[flat] = 0.0
    out *= factor
    return out


def vikor_q(s: np.ndarray, r: np.ndarray, v: float) -> np.ndarray:
    """VIKOR's Q from S and R ``(k, n)``: v · S scaled to [0, 1] + (1 − v) · R scaled."""
    q = _scaled(s, v)
    q += _scaled(r, 1 - v)
    return q
