"""A vectorised NumPy engine: scores for many weight vectors (and many score draws) at once.

Used where scikit-criteria's per-call overhead (≈ 1–3 ms) is too slow, and by ``rank`` itself for the methods
it covers (``FAST_METHODS``: the registry's methods with ``engine="numpy"``): live slider updates, SMAA with
100 000 samples, stability intervals. It implements exactly the definitions of :mod:`evaluator.methods` for
``wsm``, ``wpm``, ``topsis`` and ``vikor`` and is tested to give the same ranking as the scikit-criteria
pipelines sample by sample. Ties: :func:`evaluator.methods.dense_ranks`, the one tie rule.

Shapes: ``matrix`` is ``(n, m)`` (alternatives × criteria) or ``(k, n, m)`` (one matrix per sample);
``weights`` is ``(m,)`` or ``(k, m)`` with rows summing to 1. Scores come back as ``(k, n)``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from ..problem import Problem
from . import (
    METHODS,
    WPM_FLOOR,
    column_scale,
    dense_ranks,
    method_ranks,
    resolve_params,
    sort_with_ties,
)

FAST_METHODS = tuple(m.id for m in METHODS.values() if m.engine == "numpy")
HIGHER_IS_BETTER = {m: METHODS[m].higher_is_better for m in FAST_METHODS}
__all__ = ["FAST_METHODS", "HIGHER_IS_BETTER", "dense_ranks", "prepare", "ranks", "scores", "sort_with_ties"]


def prepare(p: Problem, method: str, matrix: np.ndarray | None = None) -> np.ndarray:
    """The matrix a method's weighting step sees: normalised, benefit-only, as :mod:`evaluator.methods` does.

    ``matrix`` overrides ``p.matrix`` (e.g. ``(k, n, m)`` score draws); normalisation runs over the
    alternatives (axis -2).
    """
    x = np.asarray(p.matrix if matrix is None else matrix, dtype=float)
    cost = p.objectives < 0
    if p.bare and method in ("wsm", "topsis", "vikor"):
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
        v = resolve_params("vikor", p.params if params is None else params)["v"]
        return _vikor(xk, w, cost, v)
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


def ranks(p: Problem, weights: np.ndarray, method: str, matrix: np.ndarray | None = None) -> np.ndarray:
    """Dense ranks ``(k, n)`` for ``k`` weight vectors (:func:`evaluator.methods.method_ranks`)."""
    return method_ranks(scores(p, weights, method, matrix), method)
