"""Value functions map scores to [0, 1] over fixed bounds, in the scale's own direction."""

from __future__ import annotations

import numpy as np
import pytest

from evaluator.model import Scale
from evaluator.scales import check_scale, check_score, value, values
from tests.helpers import COST, ORDINAL


def test_ordinal_linear_over_the_levels():
    assert [value(ORDINAL, x) for x in range(5)] == [0, 0.25, 0.5, 0.75, 1]


def test_cost_scale_reverses():
    assert value(COST, 0) == 1 and value(COST, 400) == 0 and value(COST, 100) == 0.75


def test_piecewise_value_function_interpolates():
    s = Scale("numeric", lower=0, upper=20, points=((0, 0), (1, 0.2), (3, 0.6), (20, 1)))
    assert check_scale(s) is None
    assert value(s, 2) == pytest.approx(0.4)
    assert value(s, 20) == 1


def test_piecewise_cost_must_fall():
    rising = Scale("numeric", lower=0, upper=10, direction="cost", points=((0, 0), (10, 1)))
    assert "direction is cost" in check_scale(rising)
    falling = Scale("numeric", lower=0, upper=10, direction="benefit", points=((0, 1), (10, 0)))
    assert "direction is benefit" in check_scale(falling)
    ok = Scale("numeric", lower=0, upper=10, direction="cost", points=((0, 1), (5, 0.2), (10, 0)))
    assert check_scale(ok) is None and value(ok, 0) == 1


def test_bare_scale_normalises_over_the_alternatives():
    bare = Scale("numeric", direction="cost")
    assert values(bare, np.array([10.0, 20.0, 30.0])).tolist() == [1.0, 0.5, 0.0]
    assert values(bare, np.array([5.0, 5.0])).tolist() == [0.0, 0.0]  # constant: cost-reversed 1 → 0, equal


@pytest.mark.parametrize(
    "scale, x, message",
    [
        (ORDINAL, 2.5, "not a level"),
        (COST, 401, "outside the scale's bounds"),
        (Scale("boolean"), 2, "1 (yes) or 0 (no)"),
        (ORDINAL, float("inf"), "not a finite number"),
        (ORDINAL, "3", "not a number"),
    ],
)
def test_scores_off_the_scale_are_named(scale, x, message):
    assert message in check_score(scale, x)
