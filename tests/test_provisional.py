"""Provisional ranking while scoring is under way: who is ranked, on which criteria, and with which weights."""

from __future__ import annotations

from dataclasses import replace

import pytest

from evaluator.methods import rank
from evaluator.model import Alternative, Assessment, frozen_map
from evaluator.problem import build_problem
from evaluator.provisional import provisional
from evaluator.weighting import global_weights
from tests.ui.conftest import small_evaluation


def with_scores(ev, drop=(), set_=None, alternatives=None):
    a = {k: v for k, v in ev.assessments.items() if k not in drop}
    a |= set_ or {}
    return replace(ev, assessments=frozen_map(a), alternatives=alternatives or ev.alternatives)


def test_fully_scored_needs_no_provisional_ranking():
    assert provisional(small_evaluation()) is None


def test_a_missing_cell_leaves_its_criterion_out_and_ranks_everyone_on_the_rest():
    ev = with_scores(small_evaluation(), drop={("opendesk", "B1")})
    assert [a for a in build_problem(ev).alternatives] == ["teams", "nextcloud"]  # the full ranking drops it
    p = provisional(ev)
    assert p is not None
    assert p.left_out == ("B1",) and p.admitted == ("opendesk",)
    assert [c.id for c in p.evaluation.criteria] == ["A1", "A2", "B2"]
    gw = global_weights(p.evaluation)
    # area B keeps its 40 of 100 points, now carried by B2 alone; A1 and A2 keep 30 % each
    assert gw == pytest.approx({"A1": 0.3, "A2": 0.3, "B2": 0.4})
    r = rank(build_problem(p.evaluation), "wsm")
    assert set(r.alternatives) == {"teams", "opendesk", "nextcloud"}
    assert not build_problem(p.evaluation).exclusions


def test_an_area_with_no_criterion_left_drops_out_and_the_others_keep_their_proportions():
    ev = with_scores(small_evaluation(), drop={("teams", "B1"), ("opendesk", "B2")})
    p = provisional(ev)
    assert p.left_out == ("B1", "B2")
    assert global_weights(p.evaluation) == pytest.approx({"A1": 0.5, "A2": 0.5})


def test_knocked_out_and_unscored_alternatives_stay_out():
    ev = small_evaluation()
    new = Alternative("new", "Nieuw pakket")
    ev = with_scores(
        ev,
        drop={("opendesk", "B1")},
        set_={("teams", "A2"): Assessment(0.0)},  # below A2's minimum of 1
        alternatives=ev.alternatives + (new,),
    )
    p = provisional(ev)
    assert p.knocked_out == ("teams",) and p.waiting == ("new",)
    assert [a.id for a in p.evaluation.alternatives] == ["opendesk", "nextcloud"]
    assert p.left_out == ("B1",)


def test_nothing_provisional_when_only_an_unscored_alternative_is_missing():
    ev = small_evaluation()
    ev = with_scores(ev, alternatives=ev.alternatives + (Alternative("new", "Nieuw"),))
    assert provisional(ev) is None


def test_nothing_provisional_when_the_criteria_left_carry_no_weight():
    ev = with_scores(small_evaluation(), drop={("opendesk", "A1"), ("teams", "A2")})
    ev = replace(ev, weights=frozen_map(dict(ev.weights) | {"B": 0}))
    assert provisional(ev) is None
