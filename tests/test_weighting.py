"""Weights: AHP against ahpy and Saaty's published example, rank-order centroid, swing, direct, the hierarchy,
and every kind of bad input a workshop can type."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from evaluator import weighting
from evaluator.errors import InputError
from evaluator.model import Area, Criterion, Evaluation, Scale, frozen_map
from evaluator.weighting import (
    RANDOM_INDEX,
    ahp_weights,
    direct,
    global_weights,
    most_inconsistent_judgement,
    rank_order_centroid,
    swing,
)

SAATY_VALUES = np.array([1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9])

# ahpy's 'saaty' random index (Saaty, Theory and Applications of the ANP, 2005, p. 31). Ours is Saaty's 1980
# table, so the consistency *ratios* differ by RI_ours / RI_ahpy; the consistency *index* CR·RI must agree.
AHPY_SAATY_RI = {3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.40, 9: 1.45}


def random_reciprocal(n: int, rng: np.random.Generator) -> np.ndarray:
    a = np.ones((n, n))
    for i, j in itertools.combinations(range(n), 2):
        a[i, j] = rng.choice(SAATY_VALUES)
        a[j, i] = 1.0 / a[i, j]
    return a


def consistent(w: np.ndarray) -> np.ndarray:
    return w[:, None] / w[None, :]


def ahpy_compare(a: np.ndarray, precision: int):
    import ahpy

    n = a.shape[0]
    names = [f"c{i}" for i in range(n)]
    comparisons = {(names[i], names[j]): float(a[i, j]) for i, j in itertools.combinations(range(n), 2)}
    cmp = ahpy.Compare("criteria", comparisons, precision=precision, random_index="saaty")
    return np.array([cmp.local_weights[x] for x in names]), float(cmp.consistency_ratio)


# -- AHP -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", range(3, 10))
def test_ahp_matches_ahpy_on_random_saaty_matrices(n: int) -> None:
    rng = np.random.default_rng(100 + n)
    for _ in range(15):
        a = random_reciprocal(n, rng)
        w, cr = ahp_weights(a)
        # ahpy's default precision (4 decimals): its weights and CR are rounded to 4 decimals.
        ref_w, ref_cr = ahpy_compare(a, precision=4)
        np.testing.assert_allclose(w, ref_w, atol=1e-4 + 1e-12)
        ci, ref_ci = cr * RANDOM_INDEX[n], ref_cr * AHPY_SAATY_RI[n]
        assert ci == pytest.approx(ref_ci, abs=0.5e-4 * AHPY_SAATY_RI[n] + 1e-12)
        # and at 10 decimals (ahpy iterates the squared matrix until 10 decimals settle)
        ref_w, ref_cr = ahpy_compare(a, precision=10)
        np.testing.assert_allclose(w, ref_w, atol=1e-9)
        assert cr * RANDOM_INDEX[n] == pytest.approx(ref_cr * AHPY_SAATY_RI[n], abs=1e-9)
        assert w.sum() == pytest.approx(1.0) and np.all(w > 0)


def test_random_index_is_saatys_1980_table() -> None:
    # n = 3..15 from Saaty (1980), including the well-known dip at n = 12.
    assert RANDOM_INDEX[3:10] == (0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45)
    assert RANDOM_INDEX[10:16] == (1.49, 1.51, 1.48, 1.56, 1.57, 1.59)


def test_saaty_wealth_of_nations_example() -> None:
    """Saaty (1980), relative wealth of seven nations: published eigenvector
    .427 .230 .021 .052 .052 .123 .094, λmax = 7.61, CR = 0.08."""
    us, ussr, china, france, uk, japan, wgermany = range(7)
    upper = {
        (us, ussr): 4, (us, china): 9, (us, france): 6, (us, uk): 6, (us, japan): 5, (us, wgermany): 5,
        (ussr, china): 7, (ussr, france): 5, (ussr, uk): 5, (ussr, japan): 3, (ussr, wgermany): 4,
        (china, france): 1 / 5, (china, uk): 1 / 5, (china, japan): 1 / 7, (china, wgermany): 1 / 5,
        (france, uk): 1, (france, japan): 1 / 3, (france, wgermany): 1 / 3,
        (uk, japan): 1 / 3, (uk, wgermany): 1 / 3,
        (japan, wgermany): 2,
    }  # fmt: skip
    a = weighting.pairwise_from_upper(7, upper)
    w, cr = ahp_weights(a)
    np.testing.assert_array_equal(np.round(w, 3), [0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094])
    lam = 7 + cr * RANDOM_INDEX[7] * 6  # CR = (λmax − n)/(n − 1)/RI
    assert round(lam, 2) == 7.61
    assert round(cr, 2) == 0.08


@pytest.mark.parametrize("n", range(1, 10))
def test_a_consistent_matrix_has_cr_zero_and_returns_its_weights(n: int) -> None:
    w0 = np.random.default_rng(n).dirichlet(np.ones(n))
    w, cr = ahp_weights(consistent(w0))
    np.testing.assert_allclose(w, w0, rtol=1e-9)
    assert cr == pytest.approx(0.0, abs=1e-9)


def test_two_criteria_are_always_consistent() -> None:
    w, cr = ahp_weights(np.array([[1.0, 3.0], [1 / 3, 1.0]]))
    np.testing.assert_allclose(w, [0.75, 0.25])
    assert cr == 0.0


def test_a_badly_inconsistent_matrix_exceeds_the_threshold() -> None:
    # a > b (9), b > c (9), but c > a (9): a cycle no weights can honour
    a = weighting.pairwise_from_upper(3, {(0, 1): 9, (1, 2): 9, (0, 2): 1 / 9})
    _, cr = ahp_weights(a)
    assert cr > 0.1


@pytest.mark.parametrize("n", range(4, 10))
def test_most_inconsistent_judgement_finds_the_corrupted_one(n: int) -> None:
    rng = np.random.default_rng(200 + n)
    for _ in range(20):
        w0 = rng.dirichlet(np.ones(n))
        a = consistent(w0)
        i, j = sorted(rng.choice(n, size=2, replace=False))
        factor = rng.choice([1 / 9, 1 / 6, 1 / 4, 4, 6, 9])
        a[i, j] *= factor
        a[j, i] = 1.0 / a[i, j]
        fi, fj, fit = most_inconsistent_judgement(a)
        assert (fi, fj) == (i, j)
        # the suggested value lies between the corrupted judgement and the one that was consistent
        lo, hi = sorted((a[i, j], w0[i] / w0[j]))
        assert lo < fit < hi


def test_most_inconsistent_judgement_orders_the_pair() -> None:
    a = consistent(np.array([0.4, 0.3, 0.2, 0.1]))
    a[3, 0] *= 8
    a[0, 3] = 1 / a[3, 0]
    i, j, _ = most_inconsistent_judgement(a)
    assert (i, j) == (0, 3)


def test_geometric_mean_of_judgements_stays_reciprocal() -> None:
    rng = np.random.default_rng(7)
    mats = [random_reciprocal(5, rng) for _ in range(4)]
    g = weighting.geometric_mean_pairwise(mats)
    np.testing.assert_allclose(g * g.T, 1.0)
    np.testing.assert_allclose(g[0, 1], np.prod([m[0, 1] for m in mats]) ** 0.25)


BAD_PAIRWISE = {
    "not square": np.ones((2, 3)),
    "empty": np.ones((0, 0)),
    "one dimensional": np.ones(3),
    "not reciprocal": np.array([[1.0, 3.0, 1.0], [0.5, 1.0, 1.0], [1.0, 1.0, 1.0]]),
    "zero": np.array([[1.0, 0.0], [0.0, 1.0]]),
    "negative": np.array([[1.0, -2.0], [-0.5, 1.0]]),
    "not a number": np.array([[1.0, np.nan], [np.nan, 1.0]]),
    "infinite": np.array([[1.0, np.inf], [0.0, 1.0]]),
    "diagonal not 1": np.array([[2.0, 1.0], [1.0, 0.5]]),
}


@pytest.mark.parametrize("case", sorted(BAD_PAIRWISE))
def test_bad_pairwise_matrices_raise_input_error(case: str) -> None:
    with pytest.raises(InputError, match="pairwise comparison"):
        ahp_weights(BAD_PAIRWISE[case])
    with pytest.raises(InputError, match="pairwise comparison"):
        most_inconsistent_judgement(BAD_PAIRWISE[case])


def test_non_reciprocal_error_names_both_judgements() -> None:
    with pytest.raises(InputError, match=r"\(1, 2\) = 3 is not the reciprocal of \(2, 1\) = 0.5"):
        ahp_weights(BAD_PAIRWISE["not reciprocal"])


@pytest.mark.parametrize("v", [0, -3, float("nan"), float("inf"), "9"])
def test_pairwise_from_upper_refuses_bad_judgements(v: object) -> None:
    with pytest.raises(InputError, match=r"judgement \(1, 2\)"):
        weighting.pairwise_from_upper(3, {(0, 1): v})


# -- rank order centroid, swing, direct ----------------------------------------------------------------------


def test_rank_order_centroid_known_values() -> None:
    np.testing.assert_allclose(rank_order_centroid([1, 2, 3]), [11 / 18, 5 / 18, 2 / 18])
    np.testing.assert_array_equal(np.round(rank_order_centroid([1, 2, 3]), 3), [0.611, 0.278, 0.111])
    # n = 4: (1 + 1/2 + 1/3 + 1/4)/4, (1/2 + 1/3 + 1/4)/4, (1/3 + 1/4)/4, (1/4)/4
    np.testing.assert_allclose(rank_order_centroid([1, 2, 3, 4]), [25 / 48, 13 / 48, 7 / 48, 3 / 48])
    np.testing.assert_array_equal(
        np.round(rank_order_centroid([1, 2, 3, 4]), 4), [0.5208, 0.2708, 0.1458, 0.0625]
    )


def test_rank_order_centroid_follows_the_ranks_not_the_positions() -> None:
    np.testing.assert_allclose(rank_order_centroid([3, 1, 2]), [2 / 18, 11 / 18, 5 / 18])


def test_rank_order_centroid_ties_share_their_weights() -> None:
    w = rank_order_centroid([1, 2, 2, 4])
    roc4 = np.array([25, 13, 7, 3]) / 48
    np.testing.assert_allclose(w, [roc4[0], (roc4[1] + roc4[2]) / 2, (roc4[1] + roc4[2]) / 2, roc4[3]])
    assert w.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("ranks", [[], [0, 1, 2], [1, 2, 5], [1, 1.5, 2]])
def test_rank_order_centroid_refuses_bad_ranks(ranks: list) -> None:
    with pytest.raises(InputError, match="rank order"):
        rank_order_centroid(ranks)


def test_swing_normalises_points_against_the_top_swing() -> None:
    np.testing.assert_allclose(swing([100, 50, 25]), [4 / 7, 2 / 7, 1 / 7])
    np.testing.assert_allclose(swing([30, 100, 0]), [30 / 130, 100 / 130, 0])


@pytest.mark.parametrize("points", [[80, 50], [120, 50], [100, -10], [100, float("nan")]])
def test_swing_refuses_bad_points(points: list) -> None:
    with pytest.raises(InputError, match="swing weights"):
        swing(points)


def test_direct_points_become_weights() -> None:
    np.testing.assert_allclose(direct([30, 20, 50]), [0.3, 0.2, 0.5])
    np.testing.assert_allclose(direct([1, 1, 1, 1]), [0.25] * 4)


@pytest.mark.parametrize(
    ("points", "problem"),
    [
        ([], "at least one"),
        ([0, 0], "all weights are zero"),
        ([1, -1], "negative"),
        ([1, float("nan")], "finite"),
    ],
)
def test_direct_refuses_bad_points(points: list, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        direct(points)


# -- the hierarchy ------------------------------------------------------------------------------------------


def tree(weights: dict[str, float]) -> Evaluation:
    """Area A with A1, A2; area B with B1, B2, B3; area C without criteria."""
    scale = Scale("ordinal", levels=())
    crits = [("A1", "A"), ("A2", "A"), ("B1", "B"), ("B2", "B"), ("B3", "B")]
    return Evaluation(
        title="tree",
        areas=tuple(Area(a, {"en": a}) for a in "ABC"),
        criteria=tuple(Criterion(c, a, {"en": c}, scale) for c, a in crits),
        weights=frozen_map(weights),
    )


def test_global_weights_multiply_down_the_tree() -> None:
    gw = global_weights(tree({"A": 60, "B": 40, "C": 50, "A1": 1, "A2": 3, "B1": 2, "B2": 2, "B3": 0}))
    # C has no criteria, so it carries nothing; A and B share 60:40
    assert gw == pytest.approx(
        {"A1": 0.6 * 0.25, "A2": 0.6 * 0.75, "B1": 0.4 * 0.5, "B2": 0.4 * 0.5, "B3": 0.0}
    )
    assert sum(gw.values()) == pytest.approx(1.0)


def test_global_weights_sum_to_one_for_random_points() -> None:
    rng = np.random.default_rng(3)
    for _ in range(50):
        pts = {k: float(rng.integers(0, 100)) for k in ["A", "B", "A1", "A2", "B1", "B2", "B3"]}
        pts["A"] = pts["A1"] = pts["B1"] = pts["A"] + 1  # keep something alive
        gw = global_weights(tree(pts))
        assert sum(gw.values()) == pytest.approx(1.0)
        a_share = pts["A"] / (pts["A"] + pts["B"])
        assert gw["A1"] + gw["A2"] == pytest.approx(a_share)
        assert gw["A1"] == pytest.approx(a_share * pts["A1"] / (pts["A1"] + pts["A2"]))


def test_an_area_whose_criteria_have_no_points_passes_its_share_on() -> None:
    gw = global_weights(tree({"A": 60, "B": 40, "A1": 0, "A2": 0, "B1": 1, "B2": 1, "B3": 2}))
    assert gw == pytest.approx({"A1": 0.0, "A2": 0.0, "B1": 0.25, "B2": 0.25, "B3": 0.5})


def test_missing_points_count_as_zero() -> None:
    gw = global_weights(tree({"A": 1, "A1": 1}))
    assert gw == pytest.approx({"A1": 1.0, "A2": 0.0, "B1": 0.0, "B2": 0.0, "B3": 0.0})


@pytest.mark.parametrize(
    "weights",
    [
        {},
        {"A": 0, "B": 0, "A1": 1, "B1": 1},
        {"A": 1, "B": 1, "A1": 0, "A2": 0, "B1": 0, "B2": 0, "B3": 0},
        {"C": 100, "A1": 1},
    ],
)
def test_all_zero_weights_raise_input_error(weights: dict) -> None:
    with pytest.raises(InputError, match="all weights are zero"):
        global_weights(tree(weights))


@pytest.mark.parametrize(("key", "value"), [("A", -1.0), ("A1", float("nan")), ("B2", float("inf"))])
def test_negative_or_non_finite_points_raise_input_error(key: str, value: float) -> None:
    with pytest.raises(InputError, match=key):
        global_weights(tree({"A": 1, "B": 1, "A1": 1, "B1": 1, key: value}))


def test_points_from_global_round_trip() -> None:
    ev = tree({"A": 60, "B": 40, "A1": 1, "A2": 3, "B1": 2, "B2": 2, "B3": 0})
    gw = global_weights(ev)
    assert global_weights(ev, weighting.points_from_global(ev, gw)) == pytest.approx(gw)
