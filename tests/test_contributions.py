"""Each method says whether its score splits into one part per criterion, and the parts add up to the score."""

from __future__ import annotations

import numpy as np
import pytest

from evaluator import fastengine
from evaluator.live_ranking import LiveRanker
from evaluator.methods import METHODS
from evaluator.problem import build_problem
from evaluator.sample import load_sample

from .test_fastengine import bare_problem, scaled_evaluation

ADDITIVE = ("wsm", "moora")


def test_the_registry_names_the_additive_methods() -> None:
    assert tuple(m for m in METHODS if METHODS[m].additive) == ADDITIVE


@pytest.mark.parametrize("method_id", ADDITIVE)
@pytest.mark.parametrize("kind", ["bare", "scaled"])
def test_contributions_sum_to_the_score_on_random_problems(kind: str, method_id: str) -> None:
    rng = np.random.default_rng(41)
    for n, m in [(2, 1), (3, 2), (7, 5), (15, 23)]:
        p = bare_problem(rng, n, m) if kind == "bare" else build_problem(scaled_evaluation(rng, n, m))
        w = rng.dirichlet(np.ones(m)) * rng.uniform(0.5, 3.0)  # not normalised: the engine normalises
        c = fastengine.contributions(p, w, method_id)
        assert c.shape == (n, m)
        np.testing.assert_allclose(c.sum(axis=1), fastengine.scores(p, w, method_id)[0], rtol=0, atol=1e-12)


def test_moora_counts_a_cost_criterion_negative() -> None:
    p = bare_problem(np.random.default_rng(3), 5, 4)  # its last criterion is a cost
    c = fastengine.contributions(p, np.ones(4), "moora")
    assert (c[:, -1] < 0).all()
    assert (c[:, p.objectives > 0] >= 0).all()


@pytest.mark.parametrize("method_id", [m for m in METHODS if m not in ADDITIVE])
def test_a_method_without_parts_is_refused(method_id: str) -> None:
    p = bare_problem(np.random.default_rng(4), 3, 2)
    with pytest.raises(ValueError, match="no per-criterion contributions"):
        fastengine.contributions(p, np.ones(2), method_id)


@pytest.mark.parametrize("method_id", list(METHODS))
def test_the_live_ranking_carries_the_methods_own_contributions(method_id: str) -> None:
    ev = load_sample()
    r = LiveRanker().rank(ev, method_id, "en")
    assert r.method == method_id  # every method ranks live, ELECTRE I on its outranking engine
    if r.method in ADDITIVE:
        np.testing.assert_allclose(r.contributions.sum(axis=1), r.scores, rtol=0, atol=1e-12)
    else:
        assert r.contributions is None
