"""Weights: direct points, swing, rank-order centroid, AHP pairwise comparison, and the hierarchy.

All functions return plain NumPy arrays or dicts and check their input; bad input raises ``InputError``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from .errors import InputError
from .formats import fill
from .i18n import gettext
from .model import Evaluation

# Saaty's random consistency index for n = 1..15, index n (Saaty 1980). ahpy uses Saaty's 2005 or Donegan &
# Dodd's estimates and pymcdm Tummala & Ling's, so their CRs differ slightly; CR·RI (= CI) agrees.
RANDOM_INDEX = (0.0, 0.0, 0.0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59)


def normalise(points: Sequence[float], what: str | None = None) -> np.ndarray:
    """Points → weights summing to 1. Refuses negative, non-finite and all-zero points."""
    what = what or gettext("weights")
    w = np.asarray(points, dtype=float)
    if w.ndim != 1 or w.size == 0:
        raise InputError(gettext("{what}: need at least one weight").format(what=what))
    bad = np.flatnonzero(~np.isfinite(w))
    if bad.size:
        raise InputError(
            gettext("{what}: weight {value} is not a finite number ({w})").format(
                what=what, value=bad[0] + 1, w=w[bad[0]]
            )
        )
    neg = np.flatnonzero(w < 0)
    if neg.size:
        raise InputError(
            fill(
                gettext("{what}: weight {value} is negative ({w:g})"),
                what=what,
                value=neg[0] + 1,
                w=w[neg[0]],
            )
        )
    total = w.sum()
    if total <= 0:
        raise InputError(gettext("{what}: all weights are zero").format(what=what))
    return w / total


def direct(points: Sequence[float]) -> np.ndarray:
    """Direct rating: each criterion gets points (e.g. 0–100); weights are the points normalised."""
    return normalise(points)


def swing(points: Sequence[float]) -> np.ndarray:
    """Swing weighting: the most important swing (worst → best) gets 100, the others points relative to it.

    Refuses points above 100 or no swing at 100, as the method asks the top swing to be the yardstick.
    """
    p = np.asarray(points, dtype=float)
    if p.size and np.nanmax(p) > 100:
        raise InputError(gettext("swing weights: points run from 0 to 100 (the most important swing is 100)"))
    if p.size and np.nanmax(p) != 100:
        raise InputError(gettext("swing weights: give the most important swing 100 points"))
    return normalise(p, gettext("swing weights"))


def rank_order_centroid(ranks: Sequence[int]) -> np.ndarray:
    """Rank-order centroid weights from ranks (1 = most important; ties share the mean of their weights)."""
    r = np.asarray(ranks)
    n = r.size
    if n == 0:
        raise InputError(gettext("rank order: need at least one criterion"))
    if not np.all(np.equal(np.mod(r, 1), 0)) or r.min() < 1 or r.max() > n:
        raise InputError(gettext("rank order: ranks must be whole numbers from 1 to {n}").format(n=n))
    roc = np.array([sum(1.0 / k for k in range(i, n + 1)) / n for i in range(1, n + 1)])
    order = np.argsort(r, kind="stable")
    w = np.empty(n)
    w[order] = roc
    for rank in np.unique(r):  # ties: share the centroid weights of the positions they occupy
        tied = r == rank
        w[tied] = w[tied].mean()
    return w / w.sum()


def check_pairwise(pairwise: np.ndarray) -> np.ndarray:
    a = np.asarray(pairwise, dtype=float)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise InputError(
            gettext("pairwise comparison: need a square matrix, got shape {shape}").format(shape=a.shape)
        )
    if not np.all(np.isfinite(a)):
        raise InputError(gettext("pairwise comparison: every judgement must be a finite number"))
    if np.any(a <= 0):
        i, j = np.argwhere(a <= 0)[0]
        raise InputError(
            gettext("pairwise comparison: judgement ({value}, {value2}) must be positive").format(
                value=i + 1, value2=j + 1
            )
        )
    if not np.allclose(np.diag(a), 1.0):
        raise InputError(gettext("pairwise comparison: the diagonal must be 1"))
    if not np.allclose(a * a.T, 1.0, rtol=1e-6):
        i, j = np.argwhere(~np.isclose(a * a.T, 1.0, rtol=1e-6))[0]
        raise InputError(
            fill(
                gettext(
                    "pairwise comparison: judgement ({value}, {value2}) = {a:g} is not the reciprocal "
                    "of ({value2}, {value}) = {a2:g}"
                ),
                value=i + 1,
                value2=j + 1,
                a=a[i, j],
                a2=a[j, i],
            )
        )
    return a


def ahp_weights(pairwise: np.ndarray) -> tuple[np.ndarray, float]:
    """AHP: the principal right eigenvector of a reciprocal pairwise matrix, and Saaty's consistency ratio.

    Returns ``(weights summing to 1, consistency_ratio)``; CR is 0 for n ≤ 2 and for a consistent matrix, and
    above 0.1 is conventionally too inconsistent to use.
    """
    a = check_pairwise(pairwise)
    n = a.shape[0]
    eigvals, eigvecs = np.linalg.eig(a)
    k = int(np.argmax(eigvals.real))
    lam = float(eigvals[k].real)
    w = np.abs(eigvecs[:, k].real)
    w = w / w.sum()
    if n <= 2:
        return w, 0.0
    ci = (lam - n) / (n - 1)
    ri = RANDOM_INDEX[n] if n < len(RANDOM_INDEX) else RANDOM_INDEX[-1]
    return w, max(0.0, ci / ri)


def most_inconsistent_judgement(pairwise: np.ndarray) -> tuple[int, int, float]:
    """The judgement (i, j) that departs most from what the weights imply, and the value that would fit.

    A facilitator asks the group to reconsider that one first (as Expert Choice and M-MACBETH point it out).
    """
    a = check_pairwise(pairwise)
    w, _ = ahp_weights(a)
    implied = w[:, None] / w[None, :]
    err = np.abs(np.log(a / implied))
    np.fill_diagonal(err, -1)
    i, j = np.unravel_index(int(np.argmax(err)), err.shape)
    if i > j:
        i, j = j, i
    return int(i), int(j), float(implied[i, j])


def geometric_mean_pairwise(matrices: Sequence[np.ndarray]) -> np.ndarray:
    """Aggregate individual AHP judgements (AIJ): the element-wise geometric mean keeps reciprocity."""
    if not matrices:
        raise InputError(gettext("pairwise comparison: no judgements to combine"))
    stack = np.stack([check_pairwise(m) for m in matrices])
    return np.exp(np.log(stack).mean(axis=0))


def pairwise_from_upper(n: int, upper: Mapping[tuple[int, int], float]) -> np.ndarray:
    """A full reciprocal matrix from the judgements above the diagonal (missing ones count as 1, equal)."""
    a = np.ones((n, n))
    for (i, j), v in upper.items():
        if not (isinstance(v, int | float) and math.isfinite(v) and v > 0):
            raise InputError(
                gettext(
                    "pairwise comparison: judgement ({value}, {value2}) must be a positive number"
                ).format(value=i + 1, value2=j + 1)
            )
        a[i, j] = v
        a[j, i] = 1.0 / v
    return a


# -- the hierarchy ------------------------------------------------------------------------------------------


def global_weights(ev: Evaluation, weights: Mapping[str, float] | None = None) -> dict[str, float]:
    """Leaf (criterion) weights summing to 1: the area's share times the criterion's share within its area.

    ``weights`` are points keyed by area id and criterion id (default: the agreed weights). A missing entry counts
    as 0. An area whose criteria all have 0 points passes nothing down. Raises ``InputError`` when nothing is
    left, or a weight is negative or not finite.
    """
    pts = ev.weights if weights is None else weights
    for key, v in pts.items():
        if not isinstance(v, int | float) or not math.isfinite(v):
            raise InputError(gettext("weight of {key!r} is not a finite number ({v!r})").format(key=key, v=v))
        if v < 0:
            raise InputError(fill(gettext("weight of {key!r} is negative ({v:g})"), key=key, v=v))
    out = {c.id: 0.0 for c in ev.criteria}
    area_ids = [a.id for a in ev.areas if ev.criteria_of(a.id)]
    area_pts = {a: float(pts.get(a, 0.0)) for a in area_ids}
    # areas whose criteria have no points cannot carry weight
    live = {
        a: p for a, p in area_pts.items() if sum(float(pts.get(c.id, 0.0)) for c in ev.criteria_of(a)) > 0
    }
    total = sum(live.values())
    if total <= 0:
        raise InputError(
            gettext("all weights are zero: give at least one area and one of its criteria some weight")
        )
    for a, p in live.items():
        crits = ev.criteria_of(a)
        sub = sum(float(pts.get(c.id, 0.0)) for c in crits)
        for c in crits:
            out[c.id] = (p / total) * float(pts.get(c.id, 0.0)) / sub
    return out


def points_from_global(ev: Evaluation, leaf: Mapping[str, float]) -> dict[str, float]:
    """Area and criterion points that reproduce the given leaf weights (for flat inputs such as ballots).

    Each area gets the sum of its criteria's weights ×100; each criterion its share within the area ×100.
    """
    out: dict[str, float] = {}
    for a in ev.areas:
        crits = ev.criteria_of(a.id)
        s = sum(float(leaf.get(c.id, 0.0)) for c in crits)
        out[a.id] = round(100.0 * s, 10)
        for c in crits:
            out[c.id] = round(100.0 * float(leaf.get(c.id, 0.0)) / s, 10) if s > 0 else 0.0
    return out
