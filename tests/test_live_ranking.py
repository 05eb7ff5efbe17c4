"""The pages' Qt-free computations live in the core: the live ranking, the ranks per method, the provisional
ranking and what a weighting panel weighs. Checked here without Qt, against the core's reference functions."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from evaluator import fastengine
from evaluator.live_ranking import LiveRanker, provisional_ranking
from evaluator.method_ranks import SLOW_METHODS, fast_ranks, rank_slow_methods
from evaluator.methods import METHODS, rank
from evaluator.model import frozen_map
from evaluator.problem import build_problem
from evaluator.provisional import provisional, ranked_evaluation
from evaluator.weight_scopes import AREAS, items, scopes
from tests.helpers import small_evaluation


@pytest.mark.parametrize("method", METHODS)
def test_the_live_ranking_ranks_as_the_methods_do(method: str):
    ev = small_evaluation()
    r = LiveRanker().rank(ev, method, "en")
    ref = rank(build_problem(ev), method)
    assert r.method == method and r.alternatives == ref.alternatives
    assert r.ranks.tolist() == ref.ranks.tolist()
    np.testing.assert_allclose(r.scores, ref.scores)
    if METHODS[
        method
    ].additive:  # the method's own parts (tests/test_contributions.py), not the weighted sum's
        np.testing.assert_allclose(r.contributions.sum(axis=1), ref.scores, rtol=0, atol=1e-12)
    else:
        assert r.contributions is None
    assert [r.names[i] for i in r.order()][0] == ref.names[int(np.argmin(ref.ranks))]


@pytest.mark.parametrize(
    ("method", "params"),
    [("vikor", {"v": 0.1}), ("waspas", {"lambda": 0.9}), ("electre1", {"p": 0.5, "q": 0.35})],
)
def test_the_live_ranking_follows_a_change_of_the_methods_parameters(method: str, params: dict):
    """One ranker kept across a parameter change (the Results page's): it ranks with the new parameters, as the
    core ranks the changed file, not with those of the problem it built before."""
    ev = replace(small_evaluation(), method=method)
    ranker = LiveRanker()
    before = ranker.rank(ev, method, "en")
    changed = replace(ev, method_params=frozen_map(params))
    r = ranker.rank(changed, method, "en")
    ref = rank(build_problem(changed), method)
    np.testing.assert_allclose(r.scores, ref.scores)
    assert not np.allclose(before.scores, ref.scores)  # the parameters matter on this evaluation


def test_a_weight_change_reuses_the_value_matrix_and_a_score_change_does_not():
    ev = small_evaluation()
    ranker = LiveRanker()
    p = ranker.problem(ev)
    heavier = replace(ev, weights=frozen_map({**ev.weights, "C": 90}))
    assert ranker.problem(heavier) is p
    assert ranker.rank(heavier).weights.tolist() != ranker.rank(ev).weights.tolist()
    rescored = replace(ev, assessments=frozen_map({**ev.assessments}))
    assert ranker.problem(rescored) is not p


def test_ranks_per_method_fast_now_and_slow_later():
    ev = small_evaluation()
    p = build_problem(ev)
    gw = LiveRanker().rank(ev).weights
    fast = fast_ranks(p, gw)
    assert set(fast) == set(fastengine.FAST_METHODS)
    for m, ranks in fast.items():
        assert ranks.tolist() == rank(p, m).ranks.tolist()
    slow = rank_slow_methods(ev)
    assert set(slow) == set(SLOW_METHODS) and set(SLOW_METHODS) | set(fast) == set(METHODS)
    for m, got in slow.items():
        ref = rank(p, m, ev.method_params)
        assert got == dict(zip(ref.alternatives, ref.ranks.tolist(), strict=True)), m


def test_the_provisional_ranking_ranks_the_provisional_evaluation():
    ev = small_evaluation()
    assert (
        ranked_evaluation(ev) is ev and provisional_ranking(LiveRanker(), ev, LiveRanker().rank(ev)) is None
    )
    gap = replace(
        ev, assessments=frozen_map({k: v for k, v in ev.assessments.items() if k != ("teams", "S1")})
    )
    ranker = LiveRanker()
    full = ranker.rank(gap)
    rule, r = provisional_ranking(ranker, gap, full, "en")
    assert rule == provisional(gap) and ranked_evaluation(gap) == rule.evaluation
    assert "teams" in r.alternatives and "S1" not in r.criteria
    assert r.ranks.tolist() == rank(build_problem(rule.evaluation), gap.method).ranks.tolist()


def test_what_a_weighting_panel_weighs_in_either_language():
    ev = small_evaluation()
    assert scopes(ev, "en") == [
        (AREAS, "Among the areas"),
        ("S", "Within S Sovereignty"),
        ("C", "Within C Cost"),
    ]
    assert scopes(ev, "nl")[:2] == [(AREAS, "Tussen de gebieden"), ("S", "Binnen S Soevereiniteit")]
    assert [i.id for i in items(ev, AREAS, "en")] == ["S", "C"]
    price = items(ev, "C", "nl")[0]
    assert price.name == "C1 Prijs" and price.swing.startswith("van 400") and " naar 0" in price.swing
    assert items(ev, "C", "en")[0].swing.startswith("from 400")
