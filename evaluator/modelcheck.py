"""The model check: advice on the decision model itself, never a block.

:func:`check_model` looks at the value matrix (:func:`evaluator.problem.value_matrix`: each score as a value in
[0, 1], 1 the best) and the agreed weights, and returns :class:`~evaluator.findings.Finding` objects — data, no
prose; :mod:`evaluator.text` renders them in Dutch or English. Kinds (``KINDS``):

- ``missing_score``: an alternative lacks scores (it is left out of the ranking).
- ``no_difference``: every alternative has the same value on a weighted criterion, so its weight has no effect.
- ``correlated_criteria``: two criteria rank the alternatives almost identically (Spearman's ρ): perhaps one
  question asked twice, and weighted twice.
- ``one_dimension``: the first principal component of the criteria explains most of the differences between the
  alternatives: the workshop may weigh fewer questions than it thinks.
- ``uncertain_decides``: moving one uncertain score (low confidence, or a low–high range) to the other end of what
  it could be changes which alternative ranks first.
- ``dominated``: an alternative that another is at least as good as on every criterion and better on one.
- ``swing_small`` / ``swing_large``: the alternatives' scores span so little (or so much more than elsewhere) of
  a criterion's scale that its weight acts at a fraction (or a multiple) of its nominal strength.

Everything is a pure function of the evaluation; NumPy only (Spearman and PCA are a few lines each).
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

import numpy as np

from .errors import InputError
from .findings import Finding
from .model import Criterion, Evaluation, Scale
from .problem import Problem, build_problem, score_matrix, value_matrix
from .weighting import global_weights

KINDS = (
    "missing_score",
    "no_difference",
    "uncertain_decides",
    "one_dimension",  # the big picture before the pairs that make it up
    "correlated_criteria",
    "dominated",
    "swing_small",
    "swing_large",
)

# Two criteria whose Spearman ρ over the alternatives is at least this order them nearly the same way: at 0.9 at
# most a few neighbouring alternatives swap places. Below it a pair of criteria with a real trade-off between
# them (cost against openness, say) is common and no cause for advice.
CORRELATION_THRESHOLD = 0.9
# With few alternatives two unrelated criteria agree by chance: with 4 alternatives a random pair has ρ = 1 one
# time in 24 (and the bundled catalogue has 171 pairs); with 5, ρ ≥ 0.9 one time in 60. From 5 on a high ρ is
# worth a question.
MIN_ALTERNATIVES_CORRELATION = 5

# The first principal component (of the standardised value columns) explaining at least this share of the total
# variance means one dimension drives most of the differences between the alternatives. For independent criteria
# the share is about 1/min(criteria, alternatives − 1): 0.2 on the bundled sample's 14 × 19; the sample itself
# gives 0.71.
ONE_DIMENSION_SHARE = 0.6
# Few alternatives or criteria give a large first component by chance: with 7 alternatives and 6 criteria of
# random scores the share exceeds 0.6 about one time in a hundred (simulated), with 5 × 5 one time in four.
MIN_ALTERNATIVES_PCA = 7
MIN_CRITERIA_PCA = 6
# A criterion "belongs" to the first component when the component explains at least this share of its variance
# (its squared loading): the criteria listed with a one_dimension finding.
LOADING_SHARE = 0.5

# A weight acts through the spread of the values it multiplies: a criterion whose alternatives span a third or
# less of the average spread (weighted) counts for a third or less of its weight; three times the average, for
# three times its weight. Beyond that factor either way, the weight probably does not say what was meant (weights
# should be set for the swing between the worst and best alternative actually considered).
SWING_FACTOR = 3.0

# A low-confidence score without a range is tried one step either side: the neighbouring level (ordinal), the
# other answer (yes/no), or this share of the scale's span (numeric). It stands for "off by a level", not for
# "could be anything".
LOW_CONFIDENCE_NUMERIC_STEP = 0.2

_ORDER = {k: i for i, k in enumerate(KINDS)}


def check_model(ev: Evaluation, method: str | None = None) -> list[Finding]:
    """Everything the model check finds in ``ev``: warnings first, then notes, each group in ``KINDS`` order.

    ``method`` (default: the evaluation's) is the one whose first place the uncertain-score check watches.
    """
    if not ev.criteria or not ev.alternatives:
        return []
    values = value_matrix(ev)
    try:
        gw = global_weights(ev)
        weights = np.array([gw[c.id] for c in ev.criteria])
    except InputError:  # all weights zero: nothing weight-related to say
        weights = None
    out: list[Finding] = []
    out += missing_scores(ev, values)
    out += correlated_criteria(ev, values)
    out += one_dimension(ev, values)
    out += dominated(ev, values)
    if weights is not None:
        out += no_difference(ev, values, weights)
        out += swing(ev, values, weights)
        out += uncertain_decides(ev, method or ev.method)
    return sorted(out, key=lambda f: (f.severity != "warning", _ORDER[f.kind]))


# -- statistics -------------------------------------------------------------------------------------------------


def average_ranks(x: np.ndarray) -> np.ndarray:
    """Ranks 1..n of ``x`` with ties sharing the mean of their ranks (as Spearman's ρ needs)."""
    x = np.asarray(x, dtype=float)
    order = np.argsort(x, kind="stable")
    sx = x[order]
    ranks = np.empty(len(x))
    start = 0
    for end in range(1, len(x) + 1):
        if end == len(x) or sx[end] != sx[start]:
            ranks[order[start:end]] = (start + end + 1) / 2  # mean of ranks start+1 .. end
            start = end
    return ranks


def spearman(matrix: np.ndarray) -> np.ndarray:
    """Spearman's ρ between the columns of ``matrix`` (rows: observations); NaN for a constant column."""
    r = np.apply_along_axis(average_ranks, 0, np.asarray(matrix, dtype=float))
    return _pearson(r)


def _pearson(x: np.ndarray) -> np.ndarray:
    c = x - x.mean(axis=0)
    sd = np.sqrt((c * c).sum(axis=0))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = c / np.where(sd == 0, np.nan, sd)
    out = z.T @ z
    return np.clip(out, -1.0, 1.0)


def first_component(matrix: np.ndarray) -> tuple[float, np.ndarray]:
    """Share of the total variance the first principal component of the standardised columns explains, and the
    share of each column's variance it explains (its squared loading). Columns must vary."""
    x = np.asarray(matrix, dtype=float)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    # The eigenvalues of the smaller Gram matrix are the squared singular values of z (an SVD of z gives the
    # same numbers, tested; this is ten times faster and does not thrash BLAS threads on a busy machine).
    n, m = z.shape
    with _one_blas_thread():
        if m <= n:
            eig, vec = np.linalg.eigh(z.T @ z)
            top = vec[:, -1] ** 2 * eig[-1]  # squared right singular vector times its eigenvalue
        else:
            eig, vec = np.linalg.eigh(z @ z.T)
            top = (z.T @ vec[:, -1]) ** 2  # zᵀu = s·v, so (zᵀu)² = s²·v²
    eig = np.maximum(eig, 0.0)
    share = float(eig[-1] / eig.sum())
    loading_sq = top / n  # correlation of each column with the component, squared
    return share, np.clip(loading_sq, 0.0, 1.0)


def _one_blas_thread() -> AbstractContextManager[object]:
    """BLAS on one thread for a small decomposition: waking OpenBLAS's threads on a busy machine cost up to 100×
    the work itself (150 × 150: 2 ms alone, 150 ms under load). threadpoolctl comes with scikit-learn; without
    it nothing is limited."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - installed with scikit-criteria's scikit-learn
        return nullcontext()
    return threadpool_limits(1, user_api="blas")


# -- the checks -------------------------------------------------------------------------------------------------


def _complete_rows(values: np.ndarray) -> np.ndarray:
    return ~np.isnan(values).any(axis=1)


def _spread(values: np.ndarray) -> np.ndarray:
    """Highest minus lowest value of each column, ignoring missing values (0 for a column without any)."""
    scored = ~np.isnan(values)
    hi = np.where(scored, values, -np.inf).max(axis=0)
    lo = np.where(scored, values, np.inf).min(axis=0)
    return np.where(scored.any(axis=0), hi - lo, 0.0)


def missing_scores(ev: Evaluation, values: np.ndarray) -> list[Finding]:
    gaps = np.isnan(values)
    out = []
    for i in np.flatnonzero(gaps.any(axis=1)):
        missing = tuple(ev.criteria[j].id for j in np.flatnonzero(gaps[i]))
        out.append(
            Finding("missing_score", "warning", missing, (ev.alternatives[i].id,), float(len(missing)))
        )
    return out


def correlated_criteria(ev: Evaluation, values: np.ndarray) -> list[Finding]:
    rows = _complete_rows(values)
    if rows.sum() < MIN_ALTERNATIVES_CORRELATION:
        return []
    v = values[rows]
    rho = spearman(v)
    n = len(ev.criteria)
    upper = np.triu(np.ones((n, n), dtype=bool), k=1)
    with np.errstate(invalid="ignore"):
        high = upper & np.isfinite(rho) & (rho >= CORRELATION_THRESHOLD)
    pairs = [(float(rho[i, j]), int(i), int(j)) for i, j in zip(*np.nonzero(high), strict=True)]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return [
        Finding(
            "correlated_criteria",
            "warning",
            (ev.criteria[i].id, ev.criteria[j].id),
            value=round(r, 4),
            params={"alternatives": int(rows.sum())},
        )
        for r, i, j in pairs
    ]


def one_dimension(ev: Evaluation, values: np.ndarray) -> list[Finding]:
    rows = _complete_rows(values)
    if rows.sum() < MIN_ALTERNATIVES_PCA:
        return []
    v = values[rows]
    cols = np.flatnonzero(v.max(axis=0) > v.min(axis=0))
    if len(cols) < MIN_CRITERIA_PCA:
        return []
    share, loading = first_component(v[:, cols])
    if share < ONE_DIMENSION_SHARE:
        return []
    crits = tuple(ev.criteria[j].id for j, ld in zip(cols, loading, strict=True) if ld >= LOADING_SHARE)
    return [
        Finding(
            "one_dimension",
            "warning",
            crits,
            value=round(share, 4),
            params={"total": len(cols), "alternatives": int(rows.sum())},
        )
    ]


def dominated(ev: Evaluation, values: np.ndarray) -> list[Finding]:
    rows = np.flatnonzero(_complete_rows(values))
    v = values[rows]
    out = []
    for i, vi in zip(rows, v, strict=True):
        by_mask = (v >= vi).all(axis=1) & (v > vi).any(axis=1)  # never i itself: it is not better than itself
        by = tuple(ev.alternatives[k].id for k in rows[by_mask])
        if by:
            out.append(Finding("dominated", "info", (), (ev.alternatives[i].id, *by), float(len(by))))
    return out


def no_difference(ev: Evaluation, values: np.ndarray, weights: np.ndarray) -> list[Finding]:
    out = []
    scored = (~np.isnan(values)).sum(axis=0)
    spread = _spread(values)
    for j, c in enumerate(ev.criteria):
        if scored[j] >= 2 and spread[j] == 0 and weights[j] > 0:
            out.append(
                Finding("no_difference", "warning", (c.id,), value=round(float(weights[j]), 6),
                        params={"weight": round(float(weights[j]), 6)})
            )  # fmt: skip
    return out


def swing(ev: Evaluation, values: np.ndarray, weights: np.ndarray) -> list[Finding]:
    """Criteria whose weight acts at a third or less (or three times or more) of its nominal strength."""
    bounded = np.array([c.scale.bounded for c in ev.criteria])
    scored = (~np.isnan(values)).sum(axis=0)
    use = bounded & (scored >= 2) & (weights > 0)
    if use.sum() < 2:
        return []
    spread = _spread(values)
    w = np.where(use, weights, 0.0)
    total = float((w * spread).sum())
    if total <= 0:
        return []
    mean_spread = total / w.sum()
    out = []
    for j, c in enumerate(ev.criteria):
        if not use[j] or spread[j] == 0:  # a criterion without spread has its own finding (no_difference)
            continue
        factor = spread[j] / mean_spread
        kind = (
            "swing_small" if factor <= 1 / SWING_FACTOR else "swing_large" if factor >= SWING_FACTOR else ""
        )
        if kind:
            out.append(
                Finding(
                    kind,
                    "info",
                    (c.id,),
                    value=round(float(factor), 4),
                    params={
                        "weight": round(float(w[j] / w.sum()), 6),
                        "range": round(float(spread[j]), 6),
                        "effect": round(float(w[j] * spread[j] / total), 6),
                    },
                )
            )
    return out


def uncertain_decides(ev: Evaluation, method: str) -> list[Finding]:
    """Uncertain scores that decide first place: each tried at the other end(s) of what it could be."""
    scores = score_matrix(ev)
    base = _problem(ev, scores)
    first = None if base is None else _rank_first(ev, base, method)  # _first_place, on the one build
    if first is None:
        return []
    bare_span = _bare_spans(ev, scores)
    row = {a: k for k, a in enumerate(base.alternatives)} if base is not None else {}
    plan = []
    for i, a in enumerate(ev.alternatives):
        for j, c in enumerate(ev.criteria):
            s = ev.assessment(a.id, c.id)
            if s.value is None or not s.uncertain:
                continue
            ranged = s.low is not None and s.high is not None and s.high > s.low
            tries = (
                [x for x in (s.low, s.high) if x != s.value]
                if ranged
                else _neighbours(c.scale, s.value, bare_span[j])
            )
            # One cell of a fixed-bound criterion without a minimum, of an alternative that takes part: only that
            # cell's value moves, so the prepared problem is reused and all such tries are ranked together (at
            # 300 × 150 a full rebuild per try took minutes). Anything else — a knock-out gate, a column
            # normalised over the alternatives — is rebuilt.
            fast = base is not None and a.id in row and c.minimum is None and c.scale.bounded and not ev.bare
            plan.append((i, j, s, ranged, tries, fast))
    cells = [(row[ev.alternatives[i].id], j, x) for i, j, _, _, tries, fast in plan if fast for x in tries]
    quick = iter(_first_places_cells(ev, base, cells, method) if cells else [])
    out = []
    for i, j, s, ranged, tries, fast in plan:
        a, c = ev.alternatives[i], ev.criteria[j]
        found = None
        for x in tries:
            if fast:
                now = next(quick)  # every fast try is consumed, in order, whether or not one decided
            elif found is None:
                trial = scores.copy()
                trial[i, j] = x
                now = _first_place(ev, trial, method)
            else:
                continue
            if found is None and now is not None and now != first:
                found = (x, now)
        if found is not None:
            x, now = found
            out.append(
                Finding(
                    "uncertain_decides",
                    "warning",
                    (c.id,),
                    (a.id, *[b for b in _ids(ev, now) if b != a.id]),
                    value=float(x),
                    params={
                        "score": float(x),
                        "current": float(s.value),
                        "first": _ids(ev, now),
                        "was": _ids(ev, first),
                        "basis": _basis(ranged, x == s.low),
                    },
                )
            )
    return out


def _basis(ranged: bool, at_low: bool) -> str:
    """The catalogue key saying why a score was tried there."""
    if not ranged:
        return "uncertain.low"
    return "uncertain.range_low" if at_low else "uncertain.range_high"


def _ids(ev: Evaluation, ids: frozenset[str]) -> tuple[str, ...]:
    return tuple(a.id for a in ev.alternatives if a.id in ids)


def _bare_spans(ev: Evaluation, scores: np.ndarray) -> list[float]:
    out = []
    for j in range(len(ev.criteria)):
        col = scores[:, j][~np.isnan(scores[:, j])]
        out.append(float(col.max() - col.min()) if col.size else 0.0)
    return out


def _neighbours(scale: Scale, x: float, bare_span: float) -> list[float]:
    """The scores one step either side of ``x``: what "low confidence" doubts."""
    if scale.kind == "ordinal":
        levels = [lv.value for lv in scale.levels]
        if x not in levels:
            return []
        k = levels.index(x)
        return [levels[m] for m in (k - 1, k + 1) if 0 <= m < len(levels)]
    if scale.kind == "boolean":
        return [1.0 - x]
    bounds = scale.bounds
    span = (bounds[1] - bounds[0]) if bounds else bare_span
    if span <= 0:
        return []
    step = LOW_CONFIDENCE_NUMERIC_STEP * span
    lo, hi = bounds if bounds else (-np.inf, np.inf)
    return [y for y in (max(lo, x - step), min(hi, x + step)) if y != x]


def _problem(ev: Evaluation, scores: np.ndarray) -> Problem | None:
    try:
        return build_problem(ev, scores=scores)
    except InputError:
        return None


def _first_place_cell(
    ev: Evaluation, p: Problem, r: int, j: int, crit: Criterion, x: float, method: str
) -> frozenset[str] | None:
    """As :func:`_first_place` with one score changed to ``x``, on the prepared problem ``p`` (same value function,
    so the same answer as a rebuild for a fixed-bound criterion without a minimum)."""
    from dataclasses import replace

    from .scales import values as scale_values

    matrix = p.matrix.copy()
    matrix[r, j] = float(scale_values(crit.scale, np.array([x], dtype=float))[0])
    return _rank_first(ev, replace(p, matrix=matrix), method)


def _first_places_cells(
    ev: Evaluation, p: Problem, cells: list[tuple[int, int, float]], method: str
) -> list[frozenset[str] | None]:
    """:func:`_first_place_cell` for each ``(row, criterion, score)`` in ``cells``: all at once for the fast
    engine's methods, and under the current definitions for MOORA and WASPAS
    (:func:`evaluator.methods.fast.one_cell_scores`) and ELECTRE I (:func:`evaluator.outranking.one_cell_kernels`);
    on a bare matrix one by one."""
    from .fastengine import FAST_METHODS
    from .methods import CURRENT_DEFINITIONS, _definitions

    current = ("moora", "waspas", "electre1") if _definitions.get() == CURRENT_DEFINITIONS else ()
    if method not in (*FAST_METHODS, *current) or p.bare:
        return [_first_place_cell(ev, p, r, j, ev.criteria[j], x, method) for r, j, x in cells]
    from .methods import resolve_params
    from .methods.fast import first_places, one_cell_scores
    from .outranking import one_cell_kernels
    from .scales import values as scale_values

    rows = np.array([r for r, _, _ in cells], dtype=int)
    cols = np.array([j for _, j, _ in cells], dtype=int)
    raw = np.array([x for _, _, x in cells], dtype=float)
    vals = np.empty(len(cells))
    for j in np.unique(cols):
        at = cols == j
        vals[at] = scale_values(ev.criteria[j].scale, raw[at])
    out: list[frozenset[str] | None] = []
    seen: dict[bytes, frozenset[str]] = {}  # most tries leave the same first place: one set per answer
    if method == "electre1":
        q = resolve_params(method, p.params)
        firsts = one_cell_kernels(p, q["p"], q["q"], rows, cols, vals)
    else:
        firsts = (first_places(block, method) for block in one_cell_scores(p, method, rows, cols, vals))
    for block in firsts:
        for mask in block:
            key = mask.tobytes()
            if key not in seen:
                seen[key] = frozenset(p.alternatives[k] for k in np.flatnonzero(mask))
            out.append(seen[key])
    return out


def _rank_first(ev: Evaluation, p: Problem, method: str) -> frozenset[str] | None:
    """The ids ``method`` ranks first on the prepared problem ``p``; ``None`` when it cannot rank them."""
    if not p.alternatives:
        return frozenset()
    try:
        from .fastengine import FAST_METHODS, ranks

        if method in FAST_METHODS:
            r = ranks(p, p.weights, method)[0]
        else:
            from .methods import rank

            r = rank(p, method, ev.method_params).ranks
    except InputError:
        return None
    return frozenset(a for a, k in zip(p.alternatives, r, strict=True) if k == 1)


def _first_place(ev: Evaluation, scores: np.ndarray, method: str) -> frozenset[str] | None:
    """The ids ranked first by ``method`` on ``scores`` (knock-outs applied); ``None`` when it cannot rank."""
    p = _problem(ev, scores)
    return None if p is None else _rank_first(ev, p, method)
