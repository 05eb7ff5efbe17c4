"""The ranking the results page and the weights panel draw, computed with the vectorised engine fast enough for
every slider step.

Qt-free and a pure function of the evaluation and a method id. The value matrix and the knock-outs depend only on
the scores, so :class:`LiveRanker` keeps the last problem keyed on the identity of the (immutable) parts it was
built from; a weight change therefore re-runs only the weighting, never the scale look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from . import fastengine
from .methods import METHODS, resolve_params
from .model import Evaluation
from .outranking import electre1_kernel
from .problem import Problem, build_problem
from .provisional import Provisional, provisional
from .weighting import global_weights


@dataclass(frozen=True)
class LiveRanking:
    """One method's ranking of the included alternatives, with what each criterion adds to the score when the
    method's score is such a sum (``METHODS[method].additive``)."""

    method: str  # the method the scores come from (a fast one)
    alternatives: tuple[str, ...]
    names: tuple[str, ...]
    criteria: tuple[str, ...]
    areas: tuple[str, ...]  # the area of each criterion
    weights: np.ndarray  # global criterion weights, summing to 1
    values: np.ndarray  # (n, m) values in [0, 1] as the weighted sum sees them
    scores: np.ndarray  # the method's own figure
    ranks: np.ndarray  # dense, 1 the best
    higher_is_better: bool
    excluded: tuple[tuple[str, str], ...]  # (alternative name, reason) in input order
    problem: Problem
    # (n, m): what each criterion adds to each alternative's score, each row summing to the score
    # (:func:`evaluator.fastengine.contributions`); None for a method whose score does not split by criterion
    contributions: np.ndarray | None = None

    def order(self) -> list[int]:
        """Indices best first (ties in input order)."""
        return sorted(range(len(self.alternatives)), key=lambda i: (int(self.ranks[i]), i))


class LiveRanker:
    """Re-ranks an evaluation for new weights, reusing the value matrix while the scores are unchanged."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._problem: Problem | None = None
        self._prepared: dict[str, np.ndarray] = {}

    def problem(self, ev: Evaluation) -> Problem:
        key = (id(ev.assessments), id(ev.criteria), id(ev.alternatives), id(ev.areas))
        if self._key != key or self._problem is None:
            self._problem = build_problem(
                ev, weights={c.id: 1.0 for c in ev.criteria} | {a.id: 1.0 for a in ev.areas}
            )
            self._key = key
            self._keep = (ev.assessments, ev.criteria, ev.alternatives, ev.areas)  # ids stay valid while kept
            self._prepared = {}
        return self._problem

    def rank(self, ev: Evaluation, method: str = "wsm", lang: str = "nl") -> LiveRanking:
        """The ranking of ``ev`` under ``method``: the NumPy engine's, or for ELECTRE I the outranking engine's
        kernel (1 inside, 0 outside); an unknown method falls back to the weighted sum."""
        if method not in METHODS:
            method = "wsm"
        p = self.problem(ev)
        gw = global_weights(ev)
        w = np.array([gw[c.id] for c in ev.criteria])
        excluded = _excluded(ev, p, lang)
        if not p.alternatives:
            empty = np.zeros(0)
            return LiveRanking(
                method,
                (),
                (),
                p.criteria,
                _areas(ev),
                w,
                np.zeros((0, len(w))),
                empty,
                np.zeros(0, dtype=np.int64),
                METHODS[method].higher_is_better,
                excluded,
                p,
                np.zeros((0, len(w))) if METHODS[method].additive else None,
            )
        if "wsm" not in self._prepared:
            self._prepared["wsm"] = fastengine.prepare(p, "wsm")
        values = self._prepared["wsm"]
        scores = _scores(p, w, method, ev)
        hib = METHODS[method].higher_is_better
        ranks = fastengine.dense_ranks(scores[None, :], hib)[0]
        return LiveRanking(
            method,
            p.alternatives,
            p.names,
            p.criteria,
            _areas(ev),
            w,
            values,
            scores,
            ranks,
            hib,
            excluded,
            p,
            fastengine.contributions(p, w, method) if METHODS[method].additive else None,
        )


def _scores(p: Problem, w: np.ndarray, method: str, ev: Evaluation) -> np.ndarray:
    if METHODS[method].engine == "outranking":
        params = resolve_params(method, ev.method_params)
        return electre1_kernel(replace(p, weights=w), params["p"], params["q"]).astype(float)
    return fastengine.scores(p, w, method, params=resolve_params(method, ev.method_params))[0]


def provisional_ranking(
    ranker: LiveRanker, ev: Evaluation, full: LiveRanking, lang: str = "nl"
) -> tuple[Provisional, LiveRanking] | None:
    """The provisional rule for ``ev`` (:mod:`evaluator.provisional`) and its ranking, whose "not ranked" lines are
    the full ranking's for whoever stays out; ``None`` when the full ranking ``full`` is all there is."""
    p = provisional(ev)
    if p is None:
        return None
    r = ranker.rank(p.evaluation, ev.method, lang)
    ranked = set(r.names)
    return p, replace(r, excluded=tuple((n, why) for n, why in full.excluded if n not in ranked))


def _areas(ev: Evaluation) -> tuple[str, ...]:
    return tuple(c.area for c in ev.criteria)


def _excluded(ev: Evaluation, p: Problem, lang: str) -> tuple[tuple[str, str], ...]:
    out = []
    by_alt = p.excluded
    for a in ev.alternatives:
        if a.id in by_alt:
            reasons = by_alt[a.id]
            below = [e for e in reasons if e.kind == "below_minimum"]
            shown = (below or reasons)[:2]
            more = len(below or reasons) - len(shown)
            txt = "; ".join(e.describe(ev, lang) for e in shown)
            if more > 0:
                txt += f" (+{more})"
            out.append((a.name, txt))
    return tuple(out)
