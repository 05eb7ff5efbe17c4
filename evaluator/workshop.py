"""Workshops: every participant's weights, the group's aggregate, where the group disagrees, and adopting it.

All functions are pure functions of the evaluation. Weights compared here are **global** (leaf) weights: each
participant's area and criterion points pass through :func:`evaluator.weighting.global_weights`, so every
participant's weights sum to 1 over the leaf criteria, whatever scale of points they used.

Aggregations (``Evaluation.aggregation``; the name is shown wherever group weights appear, see
:data:`AGGREGATION_NAMES`):

``mean`` (default)
    The arithmetic mean of the participants' normalised global weights. It sums to 1 by itself, so anyone can
    check it by hand from the per-participant columns of ``afweging weights``.
``median``
    Per criterion the median of the participants' global weights, then rescaled to sum to 1. One participant
    with extreme weights cannot pull it.
``geometric``
    The aggregation of individual AHP judgements. The model keeps each participant's weights, not their pairwise
    matrices, so this is computed per level of the hierarchy from the weights: the area shares are the
    geometric mean of the participants' effective area shares, the shares of the criteria within an area the
    geometric mean of the participants' shares within it, and the result passes through ``global_weights``.
    For consistent pairwise judgements this equals the weights of the element-wise geometric mean of the
    matrices (AIJ, :func:`evaluator.weighting.geometric_mean_pairwise`); it is also Forman & Peniwati's
    aggregation of individual priorities (AIP). A participant who gives a criterion 0 gives it 0 in the
    geometric mean (a veto); the result is refused when nothing is left.

Disagreement (:func:`disagreement`): per criterion the **interquartile range** (IQR) of the participants'
global weights, in the same units (a weight of 0.12 is 12 percentage points). It is the width of the box in a
box chart, so the agenda order matches the boxes the group sees; ties are broken by the full range. With one
participant it is 0.

Anonymous evaluations: :func:`participant_label` gives "Deelnemer 2"/"Participant 2" (the participant's
position in the evaluation) instead of the name; use it for everything shown or exported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .changes import AGGREGATIONS, Batch, ClearParticipantWeights, SetWeights
from .errors import InputError
from .i18n import N_, gettext
from .model import Evaluation
from .weighting import ahp_weights, global_weights, points_from_global

AGREED = (
    "agreed"  # the "aggregation" named when no participant has weighed yet and the agreed weights stand in
)

AGGREGATION_NAMES: dict[str, str] = {  # English; the Dutch is in the catalogue (evaluator.i18n)
    "mean": N_("arithmetic mean of the participants' normalised weights"),
    "median": N_("median of the participants' normalised weights, rescaled to sum to 1"),
    "geometric": N_(
        "geometric mean of the participants' weights per level (AHP aggregation), rescaled to sum to 1"
    ),
    AGREED: N_("agreed weights (no participant has weighed yet)"),
}

DISAGREEMENT_MEASURE = N_("interquartile range (IQR) of the participants' global weights")


def disagreement_name(lang: str | None = None) -> str:
    """The readable name of the disagreement measure, to show beside the spread per criterion."""
    return gettext(DISAGREEMENT_MEASURE, lang)


def aggregation_name(aggregation: str, lang: str = "nl") -> str:
    """The readable name of an aggregation, to show beside group weights."""
    name = AGGREGATION_NAMES.get(aggregation)
    return gettext(name, lang) if name else aggregation


def participant_label(ev: Evaluation, participant_id: str, lang: str = "nl") -> str:
    """The name to show for a participant: the name, or "Deelnemer N"/"Participant N" when anonymous."""
    for i, p in enumerate(ev.participants, start=1):
        if p.id == participant_id:
            if ev.anonymous:
                return gettext("Participant {i}", lang).format(i=i)
            return p.name
    raise KeyError(participant_id)


def participant_weights(ev: Evaluation) -> dict[str, dict[str, float]]:
    """Global (leaf) weights of every participant who has usable weights, in participant order.

    A participant without weights, or whose points leave nothing (all zero), is left out: see :func:`not_voted`.
    """
    out: dict[str, dict[str, float]] = {}
    for p in ev.participants:
        pts = ev.participant_weights.get(p.id)
        if not pts:
            continue
        try:
            out[p.id] = global_weights(ev, pts)
        except InputError:
            continue
    return out


def not_voted(ev: Evaluation) -> tuple[str, ...]:
    """Participants (ids, in order) without usable weights yet."""
    voted = participant_weights(ev)
    return tuple(p.id for p in ev.participants if p.id not in voted)


@dataclass(frozen=True)
class GroupWeights:
    """The group's global weights and each participant's, over the leaf criteria in evaluation order."""

    aggregation: str  # "mean", "median", "geometric", or "agreed" when nobody has weighed yet
    criteria: tuple[str, ...]
    group: Mapping[str, float]  # criterion id → weight, summing to 1
    participants: Mapping[str, Mapping[str, float]]  # participant id → criterion id → weight (voters only)
    not_voted: tuple[str, ...]

    def name(self, lang: str = "nl") -> str:
        return aggregation_name(self.aggregation, lang)

    def matrix(self) -> np.ndarray:
        """Participants × criteria global weights (rows in participant order)."""
        return np.array([[w[c] for c in self.criteria] for w in self.participants.values()], dtype=float)


def _check_aggregation(aggregation: str) -> None:
    if aggregation not in AGGREGATIONS:
        raise InputError(
            gettext("unknown group weighting {aggregation!r}; choose one of: {AGGREGATIONS}").format(
                aggregation=aggregation, AGGREGATIONS=", ".join(AGGREGATIONS)
            )
        )


def group_weights(ev: Evaluation, aggregation: str | None = None) -> GroupWeights:
    """The group weights by ``aggregation`` (default: the evaluation's); the agreed weights if nobody voted."""
    agg = ev.aggregation if aggregation is None else aggregation
    _check_aggregation(agg)
    crit_ids = tuple(c.id for c in ev.criteria)
    per = participant_weights(ev)
    missing = tuple(p.id for p in ev.participants if p.id not in per)
    if not per:
        return GroupWeights(AGREED, crit_ids, global_weights(ev), {}, missing)
    m = np.array([[w[c] for c in crit_ids] for w in per.values()], dtype=float)
    if agg == "mean":
        g = m.mean(axis=0)
    elif agg == "median":
        g = np.median(m, axis=0)
        if g.sum() <= 0:
            raise InputError(gettext("the median of the participants' weights is 0 for every criterion"))
    else:
        g = _geometric(ev, per)
    g = g / g.sum()
    return GroupWeights(agg, crit_ids, dict(zip(crit_ids, g.tolist(), strict=True)), per, missing)


def _geometric(ev: Evaluation, per: Mapping[str, Mapping[str, float]]) -> np.ndarray:
    """Per level of the hierarchy: geometric means of area shares and of shares within each area."""
    points: dict[str, float] = {}
    for a in ev.areas:
        crits = ev.criteria_of(a.id)
        if not crits:
            continue
        area_share = np.array([sum(w[c.id] for c in crits) for w in per.values()])
        points[a.id] = _gmean(area_share)
        for c in crits:
            within = np.array(
                [w[c.id] / s if s > 0 else 0.0 for w, s in zip(per.values(), area_share, strict=True)]
            )
            points[c.id] = _gmean(within)
    try:
        gw = global_weights(ev, points)
    except InputError:
        raise InputError(
            gettext(
                "the geometric mean leaves no weight: every criterion has 0 from at least one participant; "
                "use the mean or the median"
            )
        ) from None
    return np.array([gw[c.id] for c in ev.criteria])


def _gmean(x: np.ndarray) -> float:
    if np.any(x <= 0):
        return 0.0
    return float(np.exp(np.log(x).mean()))


# -- disagreement ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """How far apart the participants are on one criterion (global weights, participant order)."""

    criterion: str
    values: tuple[float, ...]
    low: float
    q1: float
    median: float
    q3: float
    high: float

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1

    @property
    def range(self) -> float:
        return self.high - self.low


def disagreement(ev: Evaluation) -> list[Spread]:
    """Per criterion the spread of the participants' global weights, most disagreement (IQR) first.

    The discussion agenda. Ties are broken by the range, then by the criteria's order. Empty when nobody voted.
    """
    per = participant_weights(ev)
    if not per:
        return []
    order = {c.id: i for i, c in enumerate(ev.criteria)}
    out = []
    for c in ev.criteria:
        v = np.array([w[c.id] for w in per.values()], dtype=float)
        q1, med, q3 = np.percentile(v, [25, 50, 75])
        out.append(
            Spread(c.id, tuple(v.tolist()), float(v.min()), float(q1), float(med), float(q3), float(v.max()))
        )
    out.sort(key=lambda s: (-round(s.iqr, 12), -round(s.range, 12), order[s.criterion]))
    return out


# -- each participant's ranking beside the group's ------------------------------------------------------------


@dataclass(frozen=True)
class Rankings:
    """Ranks (1 best) of the included alternatives under the group's and each participant's weights."""

    method: str
    alternatives: tuple[str, ...]  # included alternative ids, evaluation order
    names: tuple[str, ...]
    group: tuple[int, ...]
    participants: Mapping[str, tuple[int, ...]]  # participant id → ranks, aligned with ``alternatives``


def rankings(ev: Evaluation, method: str | None = None, aggregation: str | None = None) -> Rankings:
    """Each voter's ranking beside the group's, by ``method`` (default: the evaluation's).

    Uses the vectorised engine for the methods it has (one pass for all participants), else scikit-criteria.
    """
    from dataclasses import replace

    from .fastengine import FAST_METHODS, ranks
    from .methods import rank
    from .problem import build_problem

    meth = method or ev.method
    gw = group_weights(ev, aggregation)
    p = build_problem(ev)
    vectors = [gw.group, *gw.participants.values()]
    w = np.array([[v[c] for c in p.criteria] for v in vectors], dtype=float)
    if not p.alternatives:
        r = np.zeros((len(vectors), 0), dtype=int)
    elif meth in FAST_METHODS:
        r = ranks(p, w, meth)
    else:
        r = np.array([rank(replace(p, weights=row), meth, ev.method_params).ranks for row in w])
    rows = [tuple(int(x) for x in row) for row in r]
    return Rankings(meth, p.alternatives, p.names, rows[0], dict(zip(gw.participants, rows[1:], strict=True)))


# -- changes the workshop makes ------------------------------------------------------------------------------


def adopt_group_weights(ev: Evaluation, aggregation: str | None = None) -> SetWeights:
    """The change that makes the group weights the agreed weights (area and criterion points)."""
    gw = group_weights(ev, aggregation)
    if gw.aggregation == AGREED:
        raise InputError(gettext("no participant has weighed yet; there are no group weights to adopt"))
    return SetWeights(points_from_global(ev, gw.group), None, True, "group")


def new_round(ev: Evaluation, description: str = "") -> Batch:
    """One undoable change that clears every participant's weights, to start a fresh round of voting."""
    changes = tuple(ClearParticipantWeights(pid) for pid in ev.participant_weights)
    return Batch(changes, description or "Nieuwe ronde / new round")


def points_from_pairwise(ids: tuple[str, ...], pairwise: np.ndarray) -> tuple[dict[str, float], float]:
    """Points (×100, summing to 100) for ``ids`` from an AHP pairwise matrix, and its consistency ratio.

    ``ids`` are the areas, or the criteria of one area: compose them into one participant's weights with
    ``SetWeights(points, participant=pid)``, one level at a time.
    """
    if len(ids) != np.asarray(pairwise).shape[0]:
        raise InputError(
            gettext("pairwise comparison: {n_ids} items but a {shape}-row matrix").format(
                n_ids=len(ids), shape=np.asarray(pairwise).shape[0]
            )
        )
    w, cr = ahp_weights(pairwise)
    return {i: float(100.0 * x) for i, x in zip(ids, w, strict=True)}, cr
