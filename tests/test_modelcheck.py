"""The model check (issue 12) on constructed models whose redundancy is known, and on the bundled sample."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from evaluator.findings import Finding
from evaluator.model import Alternative, Area, Assessment, Criterion, Evaluation, Level, Scale, frozen_map
from evaluator.modelcheck import (
    CORRELATION_THRESHOLD,
    KINDS,
    ONE_DIMENSION_SHARE,
    average_ranks,
    check_model,
    first_component,
    spearman,
)
from evaluator.problem import value_matrix
from evaluator.sample import load_sample
from evaluator.text import render
from tests.fuzz_support import FUZZ
from tests.helpers import load_old_sample

ORDINAL = Scale(
    "ordinal", levels=tuple(Level(float(v), {"nl": f"niveau {v}", "en": f"level {v}"}) for v in range(5))
)
PERCENT = Scale("numeric", unit="%", lower=0, upper=100)


def build(
    columns: dict[str, list[float | None]],
    scales: dict[str, Scale] | None = None,
    weights: dict[str, float] | None = None,
    extra: dict[tuple[str, str], Assessment] | None = None,
    method: str = "wsm",
) -> Evaluation:
    """Criteria named by ``columns`` (ordinal 0–4 unless ``scales`` says otherwise), alternatives X1…Xn."""
    scales = scales or {}
    n = len(next(iter(columns.values())))
    crits = tuple(
        Criterion(k, "A", {"nl": f"crit {k}", "en": f"crit {k}"}, scales.get(k, ORDINAL)) for k in columns
    )
    alts = tuple(Alternative(f"X{i + 1}", f"Alt {i + 1}") for i in range(n))
    assessments = {
        (f"X{i + 1}", k): Assessment(float(v))
        for k, col in columns.items()
        for i, v in enumerate(col)
        if v is not None
    }
    assessments.update(extra or {})
    w = {"A": 100.0, **{k: 10.0 for k in columns}, **(weights or {})}
    return Evaluation(
        title="constructed",
        areas=(Area("A", {"nl": "Alles", "en": "All"}),),
        criteria=crits,
        alternatives=alts,
        assessments=frozen_map(assessments),
        weights=frozen_map(w),
        method=method,
    )


def of(findings: list[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


# -- redundancy --------------------------------------------------------------------------------------------------


def test_two_identical_criteria_give_rho_one_even_on_different_scales():
    k1 = [0, 1, 2, 3, 4, 1]
    ev = build(
        {"K1": k1, "K2": [100 - 25 * x for x in k1], "K3": [4, 0, 3, 1, 2, 2]},
        scales={"K2": Scale("numeric", unit="€", lower=0, upper=100, direction="cost")},
    )
    pairs = of(check_model(ev), "correlated_criteria")
    assert [(f.criteria, f.value, f.severity) for f in pairs] == [(("K1", "K2"), 1.0, "warning")]
    assert "(ρ = 1,00)" in render(pairs[0], ev, "nl")
    assert "K1 ‘crit K1’ and K2 ‘crit K2’ rank the alternatives almost identically" in render(
        pairs[0], ev, "en"
    )


def test_a_pair_just_below_the_threshold_is_not_reported():
    k1 = [0, 1, 2, 3, 4, 2]
    k2 = [0, 2, 1, 3, 4, 2]  # two neighbours swap
    rho = spearman(np.array([k1, k2], dtype=float).T)[0, 1]
    assert 0.8 < rho < CORRELATION_THRESHOLD
    assert of(check_model(build({"K1": k1, "K2": k2})), "correlated_criteria") == []


def test_too_few_alternatives_to_judge_a_correlation():
    ev = build({"K1": [0, 2, 4, 1], "K2": [0, 2, 4, 1]})
    assert of(check_model(ev), "correlated_criteria") == []


def test_one_dimension_when_criteria_follow_one_latent_score_and_not_when_they_are_independent():
    latent = [0, 1, 1, 2, 2, 3, 4, 4]
    noise = [[0, 0, 1, 0, 0, -1, 0, 0], [1, 0, 0, -1, 0, 0, 0, -1], [0, 1, 0, 0, -1, 0, -1, 0]]
    cols = {
        f"K{j + 1}": [min(4, max(0, x + noise[j % 3][i])) for i, x in enumerate(latent)] for j in range(6)
    }
    found = of(check_model(build(cols)), "one_dimension")
    assert len(found) == 1 and found[0].value >= ONE_DIMENSION_SHARE
    assert found[0].params["total"] == 6
    assert set(found[0].criteria) <= set(cols)

    # columns 2..7 of a Hadamard matrix of order 8: pairwise uncorrelated, every one varies
    h = np.array([[1]])
    for _ in range(3):
        h = np.block([[h, h], [h, -h]])
    independent = {f"K{j}": [4 if x > 0 else 0 for x in h[:, j]] for j in range(1, 7)}
    findings = check_model(build(independent))
    share, _ = first_component(value_matrix(build(independent)))
    assert share == pytest.approx(1 / 6)
    assert of(findings, "one_dimension") == [] and of(findings, "correlated_criteria") == []


# -- weights without effect, swing -------------------------------------------------------------------------------


def test_a_constant_criterion_has_a_weight_without_effect():
    ev = build({"K1": [0, 1, 2, 3, 4], "K2": [3, 1, 4, 0, 2], "K3": [2, 2, 2, 2, 2]})
    found = of(check_model(ev), "no_difference")
    assert [(f.criteria, f.severity) for f in found] == [(("K3",), "warning")]
    assert found[0].value == pytest.approx(1 / 3, abs=1e-6)
    assert "33,3 %" in render(found[0], ev, "nl")
    assert all("K3" not in f.criteria for f in of(check_model(ev), "correlated_criteria"))


def test_a_constant_criterion_without_weight_is_not_reported():
    ev = build({"K1": [0, 1, 2, 3, 4], "K2": [2, 2, 2, 2, 2]}, weights={"K2": 0.0})
    assert of(check_model(ev), "no_difference") == []


def test_a_weight_on_scores_that_barely_differ_acts_at_a_fraction_of_its_size():
    cols = {f"K{j}": [0, 1, 2, 3, 4] for j in range(1, 5)} | {"K5": [2, 3, 2, 3, 2]}
    found = check_model(build(cols))
    small = of(found, "swing_small")
    assert [f.criteria for f in small] == [("K5",)] and of(found, "swing_large") == []
    assert small[0].params["range"] == pytest.approx(0.25)
    assert small[0].params["weight"] == pytest.approx(0.2)
    assert small[0].params["effect"] == pytest.approx(0.25 * 0.2 / (4 * 0.2 + 0.25 * 0.2), abs=1e-6)


def test_a_criterion_spread_far_wider_than_the_rest_acts_at_a_multiple_of_its_weight():
    cols = {f"K{j}": [40, 50, 45, 42, 48] for j in range(1, 6)} | {"K6": [0, 100, 50, 20, 80]}
    found = check_model(build(cols, scales={k: PERCENT for k in cols}))
    assert [f.criteria for f in of(found, "swing_large")] == [("K6",)]
    assert of(found, "swing_small") == []


# -- alternatives and scores -------------------------------------------------------------------------------------


def test_a_dominated_alternative_names_what_dominates_it():
    ev = build({"K1": [3, 2, 0, 4, 1], "K2": [2, 2, 4, 0, 1], "K3": [1, 1, 3, 2, 4]})
    found = of(check_model(ev), "dominated")
    assert [(f.alternatives, f.severity) for f in found] == [(("X2", "X1"), "info")]
    assert render(found[0], ev, "en").startswith("Alt 2 is dominated by Alt 1")


def test_a_missing_score_is_reported_and_the_rest_still_checked():
    k1 = [0, 1, 2, 3, 4, 1]
    ev = build({"K1": k1, "K2": [*k1[:2], None, *k1[3:]], "K3": [4, 0, 3, 1, 2, 2]})
    findings = check_model(ev)
    missing = of(findings, "missing_score")
    assert [(f.alternatives, f.criteria, f.value, f.severity) for f in missing] == [
        (("X3",), ("K2",), 1.0, "warning")
    ]
    assert [f.criteria for f in of(findings, "correlated_criteria")] == [
        ("K1", "K2")
    ]  # on the 5 complete ones
    assert "Alt 3 heeft geen score op K2" in render(missing[0], ev, "nl")


def test_a_ranged_score_whose_other_end_changes_first_place_is_reported():
    cols = {"K1": [4, 3, 0, 1, 2], "K2": [3, 4, 1, 0, 2]}  # X1 and X2 tie on 7 points … until X1's K1 range
    risky = Assessment(4.0, low=2.0, high=4.0, confidence="medium")  # at 2, X2 comes first
    harmless = Assessment(0.0, low=0.0, high=1.0)  # X3 stays last either way
    ev = build(cols, extra={("X1", "K1"): Assessment(4.0), ("X3", "K1"): harmless}, weights={"K1": 11.0})
    assert of(check_model(ev), "uncertain_decides") == []
    ev = build(cols, extra={("X1", "K1"): risky, ("X3", "K1"): harmless}, weights={"K1": 11.0})
    found = of(check_model(ev), "uncertain_decides")
    assert [(f.criteria, f.alternatives, f.value) for f in found] == [(("K1",), ("X1", "X2"), 2.0)]
    assert found[0].params["first"] == ("X2",) and found[0].params["was"] == ("X1",)
    assert found[0].params["basis"] == "uncertain.range_low"
    en = render(found[0], ev, "en")
    assert "Alt 2 would rank first instead of Alt 1 if Alt 1 scored 2 · level 2 instead of 4 · level 4" in en


def test_a_low_confidence_score_is_tried_one_level_either_side():
    cols = {"K1": [4, 3, 0, 1, 2], "K2": [3, 4, 1, 0, 2]}
    ev = build(cols, extra={("X2", "K1"): Assessment(3.0, confidence="low")}, weights={"K1": 11.0})
    found = of(check_model(ev), "uncertain_decides")  # at 4 instead of 3 X2 overtakes X1
    assert [(f.alternatives, f.value, f.params["basis"]) for f in found] == [(("X2",), 4.0, "uncertain.low")]


def test_the_check_watches_the_first_place_of_the_method_it_is_given():
    from dataclasses import replace

    from evaluator.methods import rank
    from evaluator.problem import build_problem

    cols = {"K1": [4, 3, 0, 1, 2], "K2": [3, 4, 1, 0, 2]}
    ranged = Assessment(4.0, low=2.0, high=4.0)
    ev = build(cols, extra={("X1", "K1"): ranged}, weights={"K1": 11.0})
    low = replace(ev, assessments=frozen_map({**ev.assessments, ("X1", "K1"): Assessment(2.0)}))
    for method in ("topsis", "moora"):  # the fast engine, and scikit-criteria for the others

        def first(e: Evaluation, m: str = method) -> set[str]:
            r = rank(build_problem(e), m)
            return {a for a, k in zip(r.alternatives, r.ranks, strict=True) if k == 1}

        found = of(check_model(ev, method), "uncertain_decides")
        assert bool(found) == (first(ev) != first(low)), method
        assert [f.params["first"] for f in found] == ([tuple(sorted(first(low)))] if found else [])


# -- edges -------------------------------------------------------------------------------------------------------


def test_all_weights_zero_still_gives_the_weightless_findings():
    k1 = [0, 1, 2, 3, 4, 1]
    ev = build({"K1": k1, "K2": k1}, weights={"A": 0.0})
    kinds = {f.kind for f in check_model(ev)}
    assert kinds == {"correlated_criteria", "dominated"}  # nothing about weights, and no error


def test_a_bare_matrix_is_checked_without_swing_advice(tmp_path):
    from evaluator.io import read_any
    from tests.test_io import AIR_CSV

    p = tmp_path / "air.csv"
    p.write_text(AIR_CSV)
    findings = check_model(read_any(p))
    assert {f.kind for f in findings} <= set(KINDS) - {"swing_small", "swing_large"}


def test_average_ranks_share_ties():
    assert list(average_ranks(np.array([3.0, 1.0, 3.0, 2.0]))) == [3.5, 1.0, 3.5, 2.0]


# -- the bundled sample ------------------------------------------------------------------------------------------


def test_spearman_agrees_with_scipy_on_the_sample():
    from scipy.stats import spearmanr

    v = value_matrix(load_sample())
    assert np.allclose(spearman(v), spearmanr(v).correlation)
    v = value_matrix(load_old_sample())
    assert np.allclose(spearman(v), spearmanr(v).correlation)


def test_the_old_sample_reports_its_redundancy():
    """The domain review measured it on the catalogue-1.0 sample: A2–A5, A5–B1, A1–A2 move together; one
    component explains ~71 %. (The bundled sample is on catalogue 2026 now: test_new_catalogue.py.)

    Its "0.95–0.96" is Pearson's r on the value columns (0.958, 0.956, 0.955); the check uses rank correlation
    (Spearman's ρ), which ties on the 0–4 levels pull a little lower: 0.951, 0.941, 0.954.
    """
    ev = load_old_sample()
    findings = check_model(ev)
    rho = {f.criteria: f.value for f in of(findings, "correlated_criteria")}
    assert rho[("A2", "A5")] == pytest.approx(0.951, abs=0.001)
    assert rho[("A5", "B1")] == pytest.approx(0.941, abs=0.001)
    assert rho[("A1", "A2")] == pytest.approx(0.954, abs=0.001)
    assert len(rho) == 13 and min(rho.values()) >= CORRELATION_THRESHOLD
    v = value_matrix(ev)
    ids = [c.id for c in ev.criteria]
    r = np.corrcoef(v.T)
    for a, b in (("A2", "A5"), ("A5", "B1"), ("A1", "A2")):
        assert 0.95 <= r[ids.index(a), ids.index(b)] <= 0.96
    (dim,) = of(findings, "one_dimension")
    assert dim.value == pytest.approx(0.71, abs=0.005)
    assert dim.params["total"] == 19
    assert {"A1", "A2", "A5", "B1"} <= set(dim.criteria)
    assert "71 %" in render(dim, ev, "nl") and "71 %" in render(dim, ev, "en")


@pytest.mark.parametrize("which", ["old", "bundled"])
def test_every_finding_on_the_sample_reads_differently_in_dutch_and_english(which):
    ev = load_old_sample() if which == "old" else load_sample()
    findings = check_model(ev)
    expected = {"correlated_criteria", "one_dimension", "dominated"} if which == "old" else {"dominated"}
    assert {f.kind for f in findings} >= expected
    for f in findings:
        nl, en = render(f, ev, "nl"), render(f, ev, "en")
        assert nl and en and nl != en
        assert "{" not in nl + en


# -- any evaluation ----------------------------------------------------------------------------------------------

_LEVEL = st.one_of(st.none(), st.integers(0, 4).map(float))


@FUZZ
@given(
    st.integers(1, 7).flatmap(
        lambda n: st.tuples(
            st.lists(st.lists(_LEVEL, min_size=n, max_size=n), min_size=1, max_size=6),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, 5), st.sampled_from(["low", "high", ""]),
                               st.booleans()), max_size=6),
            st.lists(st.integers(0, 3), min_size=6, max_size=6),
            st.sampled_from(["wsm", "wpm", "topsis", "vikor"]),
        )
    )
)  # fmt: skip
def test_any_evaluation_gives_findings_that_render_in_both_languages(case):
    """Missing scores, ties, constant columns, zero weights, ranges and low confidence anywhere: the check never
    fails, every finding is well-formed data, and it reads in Dutch and in English."""
    columns, uncertain, points, method = case
    cols = {f"K{j + 1}": col for j, col in enumerate(columns)}
    extra = {}
    for i, j, confidence, ranged in uncertain:
        key = (f"X{i + 1}", f"K{j % len(cols) + 1}")
        value = cols[key[1]][i]
        if value is not None:
            low, high = (max(0.0, value - 1), min(4.0, value + 1)) if ranged else (None, None)
            extra[key] = Assessment(value, low=low, high=high, confidence=confidence)
    weights = {k: float(p) for k, p in zip(cols, points, strict=False)}
    ev = build(cols, weights=weights, extra=extra, method=method)
    for f in check_model(ev):
        assert f.kind in KINDS and Finding.from_data(f.to_data()) == f
        assert set(f.criteria) <= set(cols) and set(f.alternatives) <= {a.id for a in ev.alternatives}
        nl, en = render(f, ev, "nl"), render(f, ev, "en")
        assert nl and en and nl != en and "{" not in nl + en


def test_uncertain_scores_tried_on_the_prepared_problem_match_a_full_rebuild():
    """The fast path (one cell changed on the prepared problem) names the same cells as rebuilding the problem
    for every try — on an evaluation with ranges, low confidence and a knock-out gate."""
    import numpy as np

    from evaluator import modelcheck
    from evaluator.problem import score_matrix
    from tests.hardening_helpers import make_evaluation

    ev = make_evaluation(12, 9, seed=4)
    for method in ("wsm", "topsis", "vikor"):
        got = {(f.criteria[0], f.alternatives[0], f.value) for f in modelcheck.uncertain_decides(ev, method)}
        scores = score_matrix(ev)
        first = modelcheck._first_place(ev, scores, method)
        want = set()
        for i, a in enumerate(ev.alternatives):
            for j, c in enumerate(ev.criteria):
                s = ev.assessment(a.id, c.id)
                if s.value is None or not s.uncertain:
                    continue
                ranged = s.low is not None and s.high is not None and s.high > s.low
                span = modelcheck._bare_spans(ev, scores)[j]
                tries = (
                    [x for x in (s.low, s.high) if x != s.value]
                    if ranged
                    else modelcheck._neighbours(c.scale, s.value, span)
                )
                for x in tries:
                    trial = np.array(scores, copy=True)
                    trial[i, j] = x
                    now = modelcheck._first_place(ev, trial, method)
                    if now is not None and now != first:
                        want.add((c.id, a.id, float(x)))
                        break
        assert got == want, method
