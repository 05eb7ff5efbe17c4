"""How sure is the ranking? SMAA rank acceptability, weight stability intervals, and a verdict in plain words.

Everything here runs on the vectorised engines (:mod:`evaluator.fastengine`; ELECTRE I's kernels for many
weightings at once, :func:`evaluator.outranking.kernel_scores`), never on scikit-criteria, so that 100 000
what-ifs take a fraction of a second and ``afweging sensitivity`` starts fast. Every method of the registry runs;
ELECTRE I's rank is the kernel's (1 in the kernel, 2 outside; the kernel's members share the first places).

**Rank acceptability (SMAA-2).** For many sampled weight vectors (and, optionally, score draws) every included
alternative is ranked; ``acceptability[i, r]`` is the share of samples in which alternative ``i`` takes rank
``r + 1``. Ties are *shared*: when ``q`` alternatives tie for the positions ``r … r+q-1`` each of them gets ``1/q``
of each of those positions, so rows and columns both sum to 1. The **central weight vector** of an alternative is
the mean weight vector of the samples in which it ranks first (a tie for first counts with its share); it is NaN
when the alternative never ranks first.

Weights (leaf, i.e. global, weights of the criteria):

- ``"uniform"`` — no weight information: uniform on the simplex, i.e. Dirichlet(1, …, 1), drawn as normalised
  standard exponentials (not "uniform per weight, then normalise", which avoids extreme weightings).
- ``"around"`` — around the agreed weights ``w``: each weight is multiplied by an independent Gamma draw with mean
  1 and standard deviation ``spread`` (shape ``1/spread²``), then the vector is renormalised. This is a *scaled
  Dirichlet*; with equal agreed weights it is exactly Dirichlet(1/spread², …). We chose it over Dirichlet(α·w)
  because a Dirichlet gives small weights a much larger relative spread than large ones
  (sd/w = √((1−w)/(w(α+1)))), while here every weight varies by the same relative amount: before renormalising
  its relative standard deviation is exactly ``spread``, after it about ``spread·√(1 − 2wᵢ + Σw²)`` (≈ 0.97·spread
  for 19 equal weights). Weights stay positive without truncation, and a criterion agreed at 0 stays at 0.
  ``spread`` may also be a mapping criterion id → relative spread (e.g. the participants' spread,
  :func:`participants_spread`); a criterion it does not name keeps spread 0.

Scores (``"ranges"``): each assessment with a low–high range is drawn anew in every sample — uniformly among the
scale's levels between low and high on an ordinal or yes/no scale, uniformly in [low, high] on a numeric one — and
mapped through the criterion's value function. Assessments without a range keep their score. Which alternatives
take part is decided by the entered scores (knock-outs and missing scores, as :func:`evaluator.problem.build_problem`
does); a draw does not knock an alternative in or out.

Samples are processed in chunks (bounded memory for any number of samples), with a progress callback and a cancel
flag checked between chunks, so a GUI can run it in a worker thread. The same seed gives the same result.

Weight stability intervals live in :mod:`evaluator.stability`; the verdict's data and wording in
:mod:`evaluator.verdict`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral
from typing import Any

import numpy as np

from . import fastengine, settings
from .errors import InputError
from .formats import fill
from .i18n import gettext
from .methods import METHODS, TIE_RTOL, check_problem, resolve_params, sort_with_ties
from .methods.fast import blocked_product, waspas_mix
from .model import Evaluation
from .problem import Problem, build_problem, score_matrix
from .scales import values as scale_values

WEIGHT_MODES, SCORE_MODES, MAX_SPREAD = settings.WEIGHT_MODES, settings.SCORE_MODES, settings.MAX_SPREAD
MIN_SAMPLES, MAX_SAMPLES = settings.MIN_SAMPLES, settings.MAX_SAMPLES  # one bound: the setting's
CHUNK_CELLS = 1_000_000  # floats per k×n×m working array in one chunk (≈ 8 MB)
CHUNK_CELLS_FLAT = (
    250_000  # floats per k×(n+m) chunk on the matrix-product paths: cache-sized, measured fastest
)
R_BUFSIZE = 1024  # NumPy's ufunc buffer (elements) while VIKOR's R is taken: see _scorer
TIE_GAP = 1e-9  # up to 0.1.x: sorted scores closer than this were checked for ties (12-decimal rounding)

Progress = Callable[[int, int], object]


class Cancelled(Exception):
    """The run was cancelled through its ``cancel`` flag; nothing is returned."""


@dataclass(frozen=True)
class Acceptability:
    """The result of an SMAA run over the included alternatives (input order) and all criteria."""

    method: str
    samples: int
    seed: int
    weights_mode: str
    spread: float | Mapping[str, float]
    scores_mode: str
    alternatives: tuple[str, ...]  # ids of the included alternatives
    names: tuple[str, ...]
    # (n, n): the share of samples in which alternative i takes rank r + 1; rows (and columns) sum to 1
    acceptability: np.ndarray
    central_weights: np.ndarray  # (n, m): mean global weights where i ranks first; NaN row if never first
    criteria: tuple[str, ...]
    excluded: tuple[str, ...]  # ids of the alternatives left out (knocked out or not fully scored)
    ranged_cells: int = 0  # assessments whose score was drawn within a range (0 when scores are fixed)

    @property
    def first(self) -> np.ndarray:
        """The share of samples in which each alternative ranks first."""
        return self.acceptability[:, 0] if self.acceptability.size else np.zeros(0)

    @property
    def expected_rank(self) -> np.ndarray:
        """The mean rank of each alternative over the samples."""
        n = len(self.alternatives)
        return self.acceptability @ np.arange(1, n + 1) if n else np.zeros(0)


def display_order(acceptability: Sequence[Sequence[float]] | np.ndarray) -> list[int]:
    """The order in which rank acceptability is listed everywhere (the Robustness page, ``afweging
    sensitivity``, the memo, the workbook): by mean rank, best first; then by the share of first places; then as
    given. ``acceptability`` holds a row per alternative (the share of samples at rank 1, 2, …).

    By first places alone, an alternative never first but mostly second or third (mean rank 3.5 in the sample)
    came below one first in 0.1 % of the samples and mostly near the bottom (mean rank 8)."""
    rows = [list(map(float, r)) for r in acceptability]
    mean = [sum((k + 1) * b for k, b in enumerate(r)) for r in rows]
    return sorted(range(len(rows)), key=lambda i: (round(mean[i], 9), -(rows[i][0] if rows[i] else 0.0), i))


# -- checks ---------------------------------------------------------------------------------------------------


# What Afweging 0.1.x ran: a memo it made with another method says the analysis was skipped, and its
# recomputation must say so too.
LEGACY_METHODS = ("wsm", "wpm", "topsis", "vikor")


def _check_method(method: str) -> None:
    runs = tuple(LEGACY_METHODS if _legacy_rules() else METHODS)
    if method not in runs:
        raise InputError(
            gettext("sensitivity analysis runs {FAST_METHODS}; not {method!r}").format(
                FAST_METHODS=", ".join(runs), method=method
            ),
            place="method",
        )


def _spread_vector(ev: Evaluation, spread: float | Mapping[str, float]) -> np.ndarray:
    if isinstance(spread, Mapping):
        unknown = [k for k in spread if k not in {c.id for c in ev.criteria}]
        if unknown:
            raise InputError(
                gettext("spread given for unknown criterion {unknown!r}").format(unknown=unknown[0]),
                place="spread",
            )
        s = np.array([float(spread.get(c.id, 0.0)) for c in ev.criteria])
    else:
        if isinstance(spread, bool) or not isinstance(spread, int | float):
            raise InputError(
                gettext("spread {spread!r} is not a number").format(spread=spread), place="spread"
            )
        s = np.full(len(ev.criteria), float(spread))
    if not np.all(np.isfinite(s)) or np.any(s < 0) or np.any(s > MAX_SPREAD):
        raise InputError(
            fill(
                gettext(
                    "spread must lie between 0 and {MAX_SPREAD:g} (the relative standard deviation "
                    "of each weight)"
                ),
                MAX_SPREAD=MAX_SPREAD,
            ),
            place="spread",
        )
    return s


# -- weights --------------------------------------------------------------------------------------------------


def sample_weights(
    rng: np.random.Generator, k: int, m: int, mode: str = "uniform", agreed: np.ndarray | None = None,
    spread: np.ndarray | float = 0.2,
) -> np.ndarray:  # fmt: skip
    """``k`` weight vectors of length ``m`` (rows sum to 1), as the module docstring describes."""
    if mode == "uniform":
        e = rng.standard_exponential((k, m))
        e /= e.sum(axis=1, keepdims=True)
        return e
    if mode != "around" or agreed is None:
        raise ValueError(f"unknown weight mode {mode!r}")
    s = np.broadcast_to(np.asarray(spread, dtype=float), (m,))
    g = np.ones((k, m))
    vary = s > 0
    if vary.any():
        shape = 1.0 / s[vary] ** 2
        g[:, vary] = rng.gamma(shape, 1.0 / shape, size=(k, int(vary.sum())))
    w = agreed[None, :] * g
    total = w.sum(axis=1, keepdims=True)
    bad = total[:, 0] <= 0
    if (
        bad.any()
    ):  # every drawn weight underflowed to 0 (only with an extreme spread): keep the agreed weights
        w[bad] = agreed
        total[bad] = agreed.sum()
    return w / total


def participants_spread(ev: Evaluation) -> dict[str, float] | None:
    """Each criterion's relative spread (sd / mean of the global weights) among the participants, or ``None``
    when fewer than two participants have given weights."""
    from .weighting import global_weights

    rows = []
    for pts in ev.participant_weights.values():
        try:
            gw = global_weights(ev, pts)
        except InputError:
            continue
        rows.append([gw[c.id] for c in ev.criteria])
    if len(rows) < 2:
        return None
    a = np.array(rows)
    mean = a.mean(axis=0)
    sd = a.std(axis=0, ddof=1)
    rel = np.where(mean > 0, sd / np.where(mean > 0, mean, 1.0), 0.0)
    return {c.id: float(min(r, MAX_SPREAD)) for c, r in zip(ev.criteria, rel, strict=True)}


# -- scores ---------------------------------------------------------------------------------------------------


class _ScoreSampler:
    """Draws the matrix the engine ranks, ``(k, n, m)``, with ranged scores drawn anew per sample."""

    def __init__(self, ev: Evaluation, p: Problem):
        self.ev, self.p = ev, p
        row = {a.id: i for i, a in enumerate(ev.alternatives)}
        self.rows = np.array([row[a] for a in p.alternatives], dtype=int)
        self.scores = score_matrix(ev)[self.rows]  # (n, m) entered scores of the included alternatives
        self.cells: list[tuple[int, int, str, np.ndarray | tuple[float, float]]] = []
        for i, a in enumerate(p.alternatives):
            for j, c in enumerate(ev.criteria):
                s = ev.assessment(a, c.id)
                if s.value is None or (s.low is None and s.high is None):
                    continue
                lo = min(x for x in (s.low, s.value) if x is not None)
                hi = max(x for x in (s.high, s.value) if x is not None)
                if hi <= lo:
                    continue
                if c.scale.kind == "ordinal":
                    lv = np.array([v.value for v in c.scale.levels if lo <= v.value <= hi])
                    if lv.size > 1:
                        self.cells.append((i, j, "levels", lv))
                elif c.scale.kind == "boolean":
                    lv = np.array([v for v in (0.0, 1.0) if lo <= v <= hi])
                    if lv.size > 1:
                        self.cells.append((i, j, "levels", lv))
                else:
                    self.cells.append((i, j, "uniform", (lo, hi)))

    def draw(self, rng: np.random.Generator, k: int) -> np.ndarray:
        if self.p.bare:  # raw numbers: each method normalises over the alternatives per sample
            x = np.repeat(self.scores[None, :, :], k, axis=0)
            for i, j, kind, spec in self.cells:
                x[:, i, j] = self._draw_cell(rng, k, kind, spec)
            return x
        # values: start from the fixed values and redo only the drawn cells (a bounded scale maps each score on
        # its own) and the unbounded columns that hold a drawn cell (min–max over the alternatives per sample)
        x = np.repeat(np.asarray(self.p.matrix, dtype=float)[None, :, :], k, axis=0)
        raw: dict[int, np.ndarray] = {}
        for i, j, kind, spec in self.cells:
            c = self.ev.criteria[j]
            d = self._draw_cell(rng, k, kind, spec)
            if c.scale.bounded:
                x[:, i, j] = scale_values(c.scale, d)
            else:
                col = raw.setdefault(j, np.repeat(self.scores[None, :, j], k, axis=0))
                col[:, i] = d
        for j, col in raw.items():
            lo = col.min(axis=1, keepdims=True)
            span = col.max(axis=1, keepdims=True) - lo
            v = np.where(span == 0, 1.0, (col - lo) / np.where(span == 0, 1.0, span))
            x[:, :, j] = 1.0 - v if self.ev.criteria[j].scale.direction == "cost" else v
        return x

    @staticmethod
    def _draw_cell(
        rng: np.random.Generator, k: int, kind: str, spec: np.ndarray | tuple[float, float]
    ) -> np.ndarray:
        if kind == "levels":
            return spec[rng.integers(0, len(spec), size=k)]
        return rng.uniform(spec[0], spec[1], size=k)


# -- ranks with shared ties -----------------------------------------------------------------------------------


def _legacy_rules() -> bool:
    """True while recomputing a memo made with the 0.1.x definitions (ties: scores equal after 12 decimals)."""
    from .methods import _definitions

    return _definitions.get() == "1"


def _shared_positions(
    s: np.ndarray, higher_is_better: bool, floor: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For scores ``(k, n)``: the alternative at each sorted position, the first position of its tie group and
    the group's size (1 when untied). Ties follow the project's one tie rule (:func:`methods.sort_with_ties`)."""
    k, n = s.shape
    if _legacy_rules():
        key = np.round(-s if higher_is_better else s, 12)
        order = np.argsort(key, axis=1, kind="stable")
        srt = np.take_along_axis(key, order, axis=1)
        starts = np.ones((k, n), dtype=bool)
        starts[:, 1:] = srt[:, 1:] != srt[:, :-1]
    else:
        order, starts = sort_with_ties(s, higher_is_better, floor)
    pos = np.arange(n)
    ends = np.ones((k, n), dtype=bool)
    ends[:, :-1] = starts[:, 1:]
    first = np.maximum.accumulate(np.where(starts, pos, 0), axis=1)
    last = np.minimum.accumulate(np.where(ends, pos, n - 1)[:, ::-1], axis=1)[:, ::-1]
    return order, first, last - first + 1


def _tagged_sort(s: np.ndarray, higher_is_better: bool) -> tuple[np.ndarray, np.ndarray, float]:
    """Each row of scores ``(k, n)`` sorted best first, with the alternatives' order, by ONE value sort: each
    score's lowest mantissa bits are replaced by its column index, so the sorted values carry the order (a value
    sort is about twice as fast as an argsort, and no gather of the sorted values is needed). The tags move a
    value by less than ``slack`` × its size (2^(bits−52)); two scores further apart than that keep their order,
    so a row whose gaps all exceed the tie screen's width (which adds ``slack``) is ordered exactly as by its true
    scores. Returns ``(order, tagged sorted values, slack)``; ``s`` is not changed."""
    n = s.shape[1]
    bits = max(1, (n - 1).bit_length())
    mask = np.int64((1 << bits) - 1)
    key = np.negative(s) if higher_is_better else np.array(s, dtype=np.float64, copy=True)
    tags = key.view(np.int64)
    tags &= ~mask
    tags |= np.arange(n, dtype=np.int64)
    key.sort(axis=1)
    return key.view(np.int64) & mask, key, 2.0 ** (bits - 51)


def _accumulate(
    s: np.ndarray,
    w: np.ndarray,
    higher_is_better: bool,
    counts: np.ndarray,
    central: np.ndarray,
    floor: float,
) -> None:
    """Add one chunk's rank shares to ``counts`` (n·n, flattened) and first-place weights to ``central``.

    Rows without a tie (by the one tie rule) take a fast path; the few others are ranked with shared ties.
    """
    k, n = s.shape
    if _legacy_rules():
        key = -s if higher_is_better else s
        order = np.argsort(key, axis=1)
        srt = np.take_along_axis(key, order, axis=1)
        close = (np.diff(srt, axis=1) <= TIE_GAP).any(axis=1)
    else:
        # Any sort will do: ties are decided below, and alternatives with equal scores always tie.
        order, srt, slack = _tagged_sort(s, higher_is_better)
        close = np.zeros(k, dtype=bool)
        if n > 1:
            # A tie needs a gap of at most TIE_RTOL × the row's largest |score| (the one tie rule,
            # methods.sort_with_ties, never allows more): a row whose every gap is wider has none. The few
            # others are judged by the rule itself. The sorted values carry their tags (``slack``), so the
            # screen is that much wider: it may send a row to the rule that has no tie, never the reverse.
            widest = np.maximum(np.abs(srt[:, 0]), np.abs(srt[:, -1]))
            with np.errstate(invalid="ignore"):
                close = ~((srt[:, 1:] - srt[:, :-1]).min(axis=1) > (TIE_RTOL + slack) * widest)
            if close.any():
                _, starts = sort_with_ties(s[close], higher_is_better, floor)
                close[close] = ~starts.all(axis=1)
    if close.any():
        _accumulate_ties(s[close], w[close], higher_is_better, counts, central, floor)
        keep = ~close
        order, w = order[keep], w[keep]
        k = order.shape[0]
    if k == 0:
        return
    counts += np.bincount((order * n + np.arange(n)).ravel(), minlength=n * n)
    m = w.shape[1]
    idx = (order[:, :1] * m + np.arange(m)).ravel()
    central += np.bincount(idx, weights=w.ravel(), minlength=n * m).reshape(n, m)


def _accumulate_ties(
    s: np.ndarray,
    w: np.ndarray,
    higher_is_better: bool,
    counts: np.ndarray,
    central: np.ndarray,
    floor: float,
) -> None:
    """As :func:`_accumulate`, for rows that may hold ties: each tied alternative shares the tied positions."""
    k, n = s.shape
    order, first, size = _shared_positions(s, higher_is_better, floor)
    base = order * n + first
    share = 1.0 / size
    for d in range(int(size.max())):
        m = size > d
        counts += np.bincount((base + d)[m], weights=share[m], minlength=n * n)
    top = np.where(first == 0, share, 0.0)  # (k, n) by sorted position
    top_by_alt = np.zeros((k, n))
    np.put_along_axis(top_by_alt, order, top, axis=1)
    central += top_by_alt.T @ w


def _accumulate_kernels(s: np.ndarray, w: np.ndarray, counts: np.ndarray, central: np.ndarray) -> None:
    """:func:`_accumulate` for ELECTRE I's scores ``(k, n)`` (1 in the kernel, 0 outside): the kernel's ``q``
    members share positions 1…q, the others q+1…n. Each row adds a constant share over a run of positions, so
    the runs' ends are counted and summed up once, instead of one pass per tied position."""
    k, n = s.shape
    inside = s > 0
    q = inside.sum(axis=1)  # ≥ 1: the kernel is never empty
    rest = n - q
    alt = np.broadcast_to(np.arange(n), (k, n))
    starts = np.where(inside, 0, q[:, None])
    ends = np.where(inside, q[:, None], n)
    share = np.where(inside, 1.0 / q[:, None], 1.0 / np.where(rest == 0, 1, rest)[:, None])
    edges = np.bincount((alt * (n + 1) + starts).ravel(), weights=share.ravel(), minlength=n * (n + 1))
    edges -= np.bincount((alt * (n + 1) + ends).ravel(), weights=share.ravel(), minlength=n * (n + 1))
    counts += np.cumsum(edges.reshape(n, n + 1), axis=1)[:, :n].ravel()
    central += (np.where(inside, 1.0 / q[:, None], 0.0)).T @ w


def _scorer(p: Problem, method: str) -> Callable[[np.ndarray, np.ndarray | None], np.ndarray]:
    """Scores for weights (rows summing to 1) and an optional drawn matrix: :func:`fastengine.scores`, with
    shortcuts on a fixed matrix (same definitions, tested equal): the weighted sum and product are one matrix
    product; TOPSIS too, since with weights ≥ 0 the weighted ideal is the weight times the column's ideal, so
    ``d_best² = (w²) @ ((x − x_best)²)ᵀ``, and likewise for the worst."""
    if method == "electre1":  # the kernel per weighting (1 in it, 0 outside) on the outranking engine
        from .outranking import kernel_scorer

        q = resolve_params("electre1", p.params)
        return kernel_scorer(p, q["p"], q["q"])
    x = fastengine.prepare(p, method)
    if method in ("wsm", "wpm"):
        xt = np.ascontiguousarray((x if method == "wsm" else np.log10(x)).T)

        def fixed(w: np.ndarray, matrix: np.ndarray | None) -> np.ndarray:
            if matrix is not None:
                return fastengine.scores(p, w, method, matrix)
            s = blocked_product(w, xt)
            return s if method == "wsm" else np.power(10.0, s, out=s)

        return fixed
    if method == "topsis":
        cost = (p.objectives < 0) if p.bare else np.zeros(p.objectives.shape, dtype=bool)
        best = np.where(cost, x.min(axis=0), x.max(axis=0))
        worst = np.where(cost, x.max(axis=0), x.min(axis=0))
        to_best = np.ascontiguousarray(((x - best) ** 2).T)
        to_worst = np.ascontiguousarray(((x - worst) ** 2).T)

        def topsis(w: np.ndarray, matrix: np.ndarray | None) -> np.ndarray:
            if matrix is not None:
                return fastengine.scores(p, w, method, matrix)
            w2 = w * w
            d_best = np.sqrt(blocked_product(w2, to_best))
            d_worst = np.sqrt(blocked_product(w2, to_worst))
            total = d_best + d_worst
            return np.where(total == 0, 0.0, d_worst / np.where(total == 0, 1.0, total))

        return topsis
    if method == "vikor":
        from .methods.fast import vikor_q

        cost = (p.objectives < 0) if p.bare else np.zeros(p.objectives.shape, dtype=bool)
        best = np.where(cost, x.min(axis=0), x.max(axis=0))
        worst = np.where(cost, x.max(axis=0), x.min(axis=0))
        span = best - worst
        d = np.where(span == 0, 0.0, (best - x) / np.where(span == 0, 1.0, span))  # (n, m), ≥ 0
        v = resolve_params("vikor", p.params)["v"]

        def vikor(w: np.ndarray, matrix: np.ndarray | None) -> np.ndarray:
            if matrix is not None:
                return fastengine.scores(p, w, method, matrix)
            wt = np.empty(
                (w.shape[1], w.shape[0])
            )  # (m, k): alternatives × samples below, samples contiguous
            np.divide(w.T, w.sum(axis=1), out=wt)  # the engine's w / w.sum(), transposed in the same pass
            s = blocked_product(d, wt)  # S = Σ_j w_j d_ij
            r = np.zeros_like(s)  # R = max_j w_j d_ij, one criterion at a time on cache-sized rows
            step = np.empty_like(s)
            with np.errstate():  # restores the buffer size below on leaving
                # With rows of about 1 000–2 500 samples NumPy would copy the broadcast column d_j through its
                # 8 192-element ufunc buffer; a smaller buffer lets it multiply the rows in place: twice as fast,
                # the same numbers (element by element, no sum).
                np.setbufsize(R_BUFSIZE)
                for j in range(d.shape[1]):
                    np.multiply(d[:, j : j + 1], wt[j], out=step)
                    np.maximum(r, step, out=r)
            return np.ascontiguousarray(vikor_q(s.T, r.T, v))

        return vikor
    if method in ("moora", "waspas"):
        xt = np.ascontiguousarray(x.T)
        lam = resolve_params("waspas", p.params)["lambda"] if method == "waspas" else 1.0
        logt = np.ascontiguousarray(np.log10(x).T) if method == "waspas" else None

        def linear(w: np.ndarray, matrix: np.ndarray | None) -> np.ndarray:
            if matrix is not None:
                return fastengine.scores(p, w, method, matrix)
            w = w / w.sum(axis=1, keepdims=True)
            s = blocked_product(w, xt)
            return s if logt is None else waspas_mix(s, blocked_product(w, logt), lam)

        return linear
    return lambda w, matrix: fastengine.scores(p, w, method, matrix)


def _cancelled(cancel: object) -> bool:
    if cancel is None:
        return False
    if hasattr(cancel, "is_set"):
        return bool(cancel.is_set())
    return bool(cancel())


# -- SMAA -----------------------------------------------------------------------------------------------------


def acceptability(
    ev: Evaluation,
    method: str = "wsm",
    weights: str = "uniform",
    spread: float | Mapping[str, float] = 0.2,
    scores: str = "fixed",
    samples: int = 10_000,
    seed: int = 0,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | object | None = None,
) -> Acceptability:
    """Rank acceptability indices and central weights over ``samples`` what-ifs (see the module docstring).

    ``progress(done, total)`` is called after each chunk; ``cancel`` (a callable returning True, or an object
    with ``is_set()`` such as ``threading.Event``) is checked before each chunk and raises :class:`Cancelled`.
    """
    _check_method(method)
    if weights not in WEIGHT_MODES:
        raise InputError(
            gettext("weights must be {WEIGHT_MODES}, not {weights!r}").format(
                WEIGHT_MODES=" or ".join(WEIGHT_MODES), weights=weights
            ),
            place="weights",
        )
    if scores not in SCORE_MODES:
        raise InputError(
            gettext("scores must be {SCORE_MODES}, not {scores!r}").format(
                SCORE_MODES=" or ".join(SCORE_MODES), scores=scores
            ),
            place="scores",
        )
    if (
        isinstance(samples, bool)
        or not isinstance(samples, Integral)
        or not MIN_SAMPLES <= samples <= MAX_SAMPLES
    ):
        raise InputError(
            fill(
                gettext("samples must be a whole number from {MIN_SAMPLES} to {MAX_SAMPLES:,}"),
                MIN_SAMPLES=MIN_SAMPLES,
                MAX_SAMPLES=MAX_SAMPLES,
            ),
            place="samples",
        )
    if isinstance(seed, bool) or not isinstance(seed, Integral) or seed < 0:
        raise InputError(gettext("seed must be a whole number, 0 or more"), place="seed")
    spread_vec = _spread_vector(ev, spread)
    p = build_problem(ev)
    check_problem(p, method)  # refuse what rank refuses (WPM on values ≤ 0)
    n, m = len(p.alternatives), len(p.criteria)
    excluded = tuple(a.id for a in ev.alternatives if a.id not in set(p.alternatives))
    sampler = _ScoreSampler(ev, p) if scores == "ranges" else None
    if sampler is not None and not sampler.cells:
        sampler = None  # nothing to draw: the fixed matrix is the same and faster
    counts = np.zeros(n * n)
    central = np.zeros((n, m))
    if n:
        if method == "electre1":  # a graph of n×n arcs per sample (and its pairs' m criteria on draws)
            chunk = max(1, CHUNK_CELLS // (n * n * (m if sampler is not None else 1)))
        elif sampler is None and method != "vikor":  # no k×n×m arrays on these paths
            chunk = max(1, CHUNK_CELLS_FLAT // (n + m))
        else:  # VIKOR's R takes m passes over k×n: chunks of k×n×m cells keep them in cache
            chunk = max(1, CHUNK_CELLS // (n * m))
        rng = np.random.default_rng(seed)
        higher = METHODS[method].higher_is_better
        score = _scorer(p, method)
        done = 0
        while done < samples:
            if _cancelled(cancel):
                raise Cancelled(f"cancelled after {done} of {samples} samples")
            k = min(chunk, samples - done)
            w = sample_weights(rng, k, m, weights, p.weights, spread_vec)
            s = score(w, sampler.draw(rng, k) if sampler is not None else None)
            if method == "electre1":
                _accumulate_kernels(s, w, counts, central)
            else:
                _accumulate(s, w, higher, counts, central, METHODS[method].tie_floor)
            done += k
            if progress is not None:
                progress(done, samples)
    acc = counts.reshape(n, n) / samples
    mass = acc[:, 0] * samples if n else np.zeros(0)
    with np.errstate(invalid="ignore", divide="ignore"):
        cw = np.where(mass[:, None] > 0, central / np.where(mass > 0, mass, 1.0)[:, None], np.nan)
    return Acceptability(
        method=method,
        samples=int(samples),
        seed=int(seed),
        weights_mode=weights,
        spread=spread if isinstance(spread, Mapping) else float(spread),
        scores_mode=scores,
        alternatives=p.alternatives,
        names=p.names,
        acceptability=acc,
        central_weights=cw,
        criteria=p.criteria,
        excluded=excluded,
        ranged_cells=len(sampler.cells) if sampler is not None else 0,
    )


# -- the verdict (data in evaluator.verdict; kept here for the callers that want the sentence) -----------------


def verdict(ev: Evaluation, acc: Acceptability, stability: list[Any], lang: str = "nl") -> str:
    """The outcome in one or two sentences a non-specialist understands (``lang`` ``nl`` or ``en``)."""
    from .verdict import render, verdict_data

    return render(ev, verdict_data(acc, stability), lang)


__all__ = [
    "Acceptability",
    "Cancelled",
    "acceptability",
    "participants_spread",
    "sample_weights",
    "verdict",
]
