"""A vectorised NumPy engine: scores for many weight vectors (and many score draws) at once.

Used where scikit-criteria's per-call overhead (≈ 1–3 ms) is too slow: live slider updates, SMAA with 100 000
samples, stability intervals. It implements exactly the definitions of :mod:`evaluator.methods` for ``wsm``,
``wpm``, ``topsis`` and ``vikor`` and is tested to give the same ranking sample by sample.

Shapes: ``matrix`` is ``(n, m)`` (alternatives × criteria) or ``(k, n, m)`` (one matrix per sample);
``weights`` is ``(m,)`` or ``(k, m)`` with rows summing to 1. Scores come back as ``(k, n)``.
"""

from __future__ import annotations

import numpy as np

from .methods import WPM_FLOOR
from .problem import Problem

FAST_METHODS = ("wsm", "wpm", "topsis", "vikor")
HIGHER_IS_BETTER = {"wsm": True, "wpm": True, "topsis": True, "vikor": False}


def prepare(p: Problem, method: str, matrix: np.ndarray | None = None) -> np.ndarray:
    """The matrix a method's weighting step sees: normalised, benefit-only, as :mod:`evaluator.methods` does.

    ``matrix`` overrides ``p.matrix`` (e.g. ``(k, n, m)`` score draws); normalisation runs over the
    alternatives (axis -2).
    """
    x = np.asarray(p.matrix if matrix is None else matrix, dtype=float)
    cost = p.objectives < 0
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
    raise ValueError(f"the fast engine has no method {method!r} (it has {', '.join(FAST_METHODS)})")


def scores(p: Problem, weights: np.ndarray, method: str, matrix: np.ndarray | None = None) -> np.ndarray:
    """Scores ``(k, n)`` for ``k`` weight vectors (and optionally ``k`` matrices)."""
    w = np.atleast_2d(np.asarray(weights, dtype=float))
    w = w / w.sum(axis=1, keepdims=True)
    x = prepare(p, method, matrix)
    xk = x if x.ndim == 3 else x[None, :, :]
    cost = (p.objectives < 0) if p.bare else np.zeros(p.objectives.shape, dtype=bool)
    if method == "wsm":
        if xk.shape[0] == 1:
            return w @ xk[0].T
        return np.einsum("knm,km->kn", xk, w)
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
        return _vikor(xk, w, cost, float(p.params.get("v", 0.5)))  # the evaluation's v, as methods.rank uses
    raise ValueError(f"the fast engine has no method {method!r}")


def _vikor(x: np.ndarray, w: np.ndarray, cost: np.ndarray, v: float) -> np.ndarray:
    """VIKOR's Q as scikit-criteria computes it (constant columns and distances contribute 0)."""
    best = np.where(cost, x.min(axis=1, keepdims=True), x.max(axis=1, keepdims=True))
    worst = np.where(cost, x.max(axis=1, keepdims=True), x.min(axis=1, keepdims=True))
    span = best - worst
    d = np.where(span == 0, 0.0, (best - x) / np.where(span == 0, 1.0, span))
    dw = d * w[:, None, :]
    s = dw.sum(axis=2)
    r = dw.max(axis=2)

    def scaled(a: np.ndarray) -> np.ndarray:
        lo = a.min(axis=1, keepdims=True)
        hi = a.max(axis=1, keepdims=True)
        rng = hi - lo
        return np.where(rng == 0, 0.0, (a - lo) / np.where(rng == 0, 1.0, rng))

    return v * scaled(s) + (1 - v) * scaled(r)


def dense_ranks(s: np.ndarray, higher_is_better: bool, decimals: int = 12) -> np.ndarray:
    """Dense 1-based ranks per row (ties share a rank), as scikit-criteria ranks."""
    key = np.round(-s if higher_is_better else s, decimals)
    order = np.sort(key, axis=1)
    new = np.ones_like(order, dtype=bool)
    new[:, 1:] = order[:, 1:] != order[:, :-1]
    dense = np.cumsum(new, axis=1)
    idx = np.argsort(key, axis=1, kind="stable")
    out = np.empty_like(dense)
    np.put_along_axis(out, idx, dense, axis=1)
    return out


def ranks(p: Problem, weights: np.ndarray, method: str, matrix: np.ndarray | None = None) -> np.ndarray:
    """Dense ranks ``(k, n)`` for ``k`` weight vectors."""
    return dense_ranks(scores(p, weights, method, matrix), HIGHER_IS_BETTER[method])
