"""Robustness analysis: SMAA rank acceptability, weight stability intervals, the verdict, and the CLI verb."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import tracemalloc
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from evaluator.errors import InputError
from evaluator.io import write_any
from evaluator.io.bare import BareMatrix, bare_evaluation
from evaluator.methods import rank
from evaluator.model import Alternative, Area, Assessment, Criterion, Evaluation, Level, Scale, frozen_map
from evaluator.problem import build_problem
from evaluator.sensitivity import (
    Cancelled,
    acceptability,
    participants_spread,
    sample_weights,
    verdict,
)
from evaluator.stability import stability_intervals

ROOT = Path(__file__).resolve().parents[1]
METHODS = ("wsm", "wpm", "topsis", "vikor")
LEVELS = tuple(Level(float(v), {"nl": f"niveau {v}", "en": f"level {v}"}) for v in range(1, 6))


def make_eval(n: int = 5, m: int = 4, seed: int = 1, ranges: bool = False) -> Evaluation:
    """An evaluation with scales: ordinal criteria (levels 1–5) and numeric ones (0–100, one of them a cost)."""
    rng = np.random.default_rng(seed)
    crits = []
    for j in range(m):
        if j % 2 == 0:
            scale = Scale("ordinal", levels=LEVELS)
        else:
            scale = Scale(
                "numeric", unit="h", lower=0.0, upper=100.0, direction="cost" if j == 1 else "benefit"
            )
        area = "A" if j < m // 2 else "B"
        crits.append(Criterion(f"c{j}", area, {"nl": f"criterium {j}", "en": f"criterion {j}"}, scale))
    assessments = {}
    for i in range(n):
        for c in crits:
            if c.scale.kind == "ordinal":
                v = float(rng.integers(1, 6))
                lo, hi = (max(1.0, v - 1), min(5.0, v + 1)) if ranges else (None, None)
            else:
                v = float(rng.uniform(10, 90))
                lo, hi = (v - 10, v + 10) if ranges else (None, None)
            assessments[(f"a{i}", c.id)] = Assessment(value=v, low=lo, high=hi)
    weights = {"A": 60.0, "B": 40.0, **{c.id: float(rng.integers(1, 10)) for c in crits}}
    return Evaluation(
        title="test",
        areas=(Area("A", {"en": "Area A"}), Area("B", {"en": "Area B"})),
        criteria=tuple(crits),
        alternatives=tuple(Alternative(f"a{i}", f"Alt {i}") for i in range(n)),
        assessments=frozen_map(assessments),
        weights=frozen_map(weights),
    )


def two_by_two(b_value: float = 0.0, b_range: tuple[float, float] | None = None) -> Evaluation:
    """A scores (100, 0), B scores (b_value, 100) on two 0–100 criteria with equal weights."""
    sc = Scale("numeric", lower=0.0, upper=100.0)
    crits = (Criterion("x", "A", {"en": "price"}, sc), Criterion("y", "A", {"en": "continuity"}, sc))
    lo, hi = b_range or (None, None)
    return Evaluation(
        title="2x2",
        areas=(Area("A", {"en": "A"}),),
        criteria=crits,
        alternatives=(Alternative("a", "A"), Alternative("b", "B")),
        assessments=frozen_map(
            {
                ("a", "x"): Assessment(100.0),
                ("a", "y"): Assessment(0.0),
                ("b", "x"): Assessment(b_value, low=lo, high=hi),
                ("b", "y"): Assessment(100.0),
            }
        ),
        weights=frozen_map({"A": 1.0, "x": 1.0, "y": 1.0}),
    )


# -- acceptability: invariants --------------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("weights", "scores"), [("uniform", "fixed"), ("around", "ranges")])
def test_rows_and_columns_sum_to_one(method: str, weights: str, scores: str) -> None:
    ev = make_eval(n=6, m=5, ranges=True)
    acc = acceptability(ev, method, weights=weights, scores=scores, samples=3000, seed=4)
    assert acc.acceptability.shape == (6, 6)
    np.testing.assert_allclose(acc.acceptability.sum(axis=1), 1.0, atol=1e-12)
    np.testing.assert_allclose(acc.acceptability.sum(axis=0), 1.0, atol=1e-12)
    assert acc.central_weights.shape == (6, 5)
    ever_first = acc.first > 0
    np.testing.assert_allclose(acc.central_weights[ever_first].sum(axis=1), 1.0, atol=1e-9)
    assert np.all(np.isnan(acc.central_weights[~ever_first]))
    assert acc.ranged_cells == (30 if scores == "ranges" else 0)


def test_same_seed_same_result_other_seed_other_result() -> None:
    ev = make_eval(n=6, m=5, ranges=True)
    kw = {"method": "topsis", "weights": "around", "scores": "ranges", "samples": 2000}
    a = acceptability(ev, seed=7, **kw)
    b = acceptability(ev, seed=7, **kw)
    c = acceptability(ev, seed=8, **kw)
    assert np.array_equal(a.acceptability, b.acceptability)
    assert np.array_equal(a.central_weights, b.central_weights, equal_nan=True)
    assert not np.array_equal(a.acceptability, c.acceptability)


def test_chunked_run_equals_its_own_pieces_in_total() -> None:
    """More samples than one chunk: progress reports every chunk and ends at the total."""
    ev = make_eval(n=20, m=30, seed=3)
    calls: list[tuple[int, int]] = []
    acc = acceptability(ev, "vikor", samples=5000, seed=1, progress=lambda d, t: calls.append((d, t)))
    assert len(calls) >= 3
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert calls[-1] == (5000, 5000)
    np.testing.assert_allclose(acc.acceptability.sum(axis=1), 1.0)


# -- acceptability: against analytic answers and independent estimates ----------------------------------------


def test_two_alternatives_analytic_acceptability_and_central_weights() -> None:
    """WSM, A = (1, 0), B = (0, 1): under Dirichlet(1) weights w_x ~ U(0, 1); A wins iff w_x > ½.

    So each is first half the time, and A's central weights are E[w | w_x > ½] = (¾, ¼)."""
    acc = acceptability(two_by_two(), "wsm", samples=200_000, seed=11)
    se = 0.5 / np.sqrt(200_000)
    assert abs(acc.first[0] - 0.5) < 5 * se
    np.testing.assert_allclose(acc.central_weights[0], [0.75, 0.25], atol=0.005)
    np.testing.assert_allclose(acc.central_weights[1], [0.25, 0.75], atol=0.005)


def test_ties_are_shared_between_the_tied_positions() -> None:
    ev = make_eval(n=3, m=2)
    twin = {("twin", c.id): ev.assessment("a0", c.id) for c in ev.criteria}
    ev = replace(
        ev,
        alternatives=(*ev.alternatives, Alternative("twin", "Twin of 0")),
        assessments=frozen_map({**ev.assessments, **twin}),
    )
    acc = acceptability(ev, "wsm", samples=4000, seed=0)
    np.testing.assert_allclose(acc.acceptability[0], acc.acceptability[3])
    np.testing.assert_allclose(acc.acceptability.sum(axis=0), 1.0)


def test_agrees_with_a_straightforward_loop_within_sampling_error() -> None:
    """An independent estimate: numpy's own Dirichlet sampler, scores as plain weighted sums of the values
    computed by hand from the scale definitions, and a Python sort per sample."""
    ev = make_eval(n=5, m=4, seed=2)
    values = np.empty((5, 4))
    for i in range(5):
        for j, c in enumerate(ev.criteria):
            x = ev.assessment(f"a{i}", c.id).value
            if c.scale.kind == "ordinal":
                values[i, j] = (x - 1) / 4
            else:
                values[i, j] = (100 - x) / 100 if c.scale.direction == "cost" else x / 100
    n_loop = 20_000
    rng = np.random.default_rng(123)
    counts = np.zeros((5, 5))
    for w in rng.dirichlet(np.ones(4), size=n_loop):
        s = [sum(values[i, j] * w[j] for j in range(4)) for i in range(5)]
        for r, i in enumerate(sorted(range(5), key=lambda i: -s[i])):
            counts[i, r] += 1
    naive = counts / n_loop
    acc = acceptability(ev, "wsm", samples=100_000, seed=5).acceptability
    se = np.sqrt(np.maximum(naive * (1 - naive), 1e-4) * (1 / n_loop + 1 / 100_000))
    assert np.all(np.abs(acc - naive) < 5 * se), np.abs(acc - naive) / se


@pytest.mark.parametrize("method", ["wsm", "vikor"])
def test_agrees_with_scikit_criteria_pipelines_within_sampling_error(method: str) -> None:
    """Around the agreed weights, each sample ranked by the scikit-criteria pipeline (methods.rank)."""
    ev = make_eval(n=4, m=4, seed=9)
    p = build_problem(ev)
    rng = np.random.default_rng(99)
    n_loop = 300
    counts = np.zeros((4, 4))
    for w in sample_weights(rng, n_loop, 4, "around", p.weights, 0.5):
        r = rank(replace(p, weights=w), method).ranks
        counts[np.arange(4), r - 1] += 1  # dense ranks; ties are rare with continuous weights
    naive = counts / n_loop
    acc = acceptability(ev, method, weights="around", spread=0.5, samples=50_000, seed=1).acceptability
    se = np.sqrt(np.maximum(naive * (1 - naive), 1 / n_loop) / n_loop)
    assert np.all(np.abs(acc - naive) < 5 * se)


def test_score_ranges_numeric_and_ordinal_analytic() -> None:
    """Only criterion x carries weight (y agreed at 0, kept at 0 around the agreed weights).

    Numeric: B uniform in [30, 70] beats A's 50 half the time."""
    ev = two_by_two(b_value=40.0, b_range=(30.0, 70.0))
    ev = replace(
        ev,
        weights=frozen_map({"A": 1.0, "x": 1.0, "y": 0.0}),
        assessments=frozen_map({**ev.assessments, ("a", "x"): Assessment(50.0)}),
    )
    acc = acceptability(ev, "wsm", weights="around", spread=0.3, scores="ranges", samples=100_000, seed=3)
    assert acc.ranged_cells == 1
    assert abs(acc.first[1] - 0.5) < 5 * 0.5 / np.sqrt(100_000)
    fixed = acceptability(ev, "wsm", weights="around", scores="fixed", samples=1000, seed=3)
    assert fixed.first[1] == 0.0

    # Ordinal: A at level 3, B at 2 within [1, 5]: B wins at 4 or 5 (2/5) and ties at 3 (1/5, shared) → 0.5.
    crit = Criterion("q", "A", {"en": "quality"}, Scale("ordinal", levels=LEVELS))
    ev2 = Evaluation(
        title="ordinal",
        areas=(Area("A", {"en": "A"}),),
        criteria=(crit,),
        alternatives=(Alternative("a", "A"), Alternative("b", "B")),
        assessments=frozen_map({("a", "q"): Assessment(3.0), ("b", "q"): Assessment(2.0, low=1.0, high=5.0)}),
        weights=frozen_map({"A": 1.0, "q": 1.0}),
    )
    acc2 = acceptability(ev2, "wsm", scores="ranges", samples=100_000, seed=3)
    assert abs(acc2.first[1] - 0.5) < 5 * 0.5 / np.sqrt(100_000)
    assert abs(acc2.acceptability[1, 1] - 0.5) < 5 * 0.5 / np.sqrt(100_000)


def test_bare_matrix_acceptability_matches_pipelines() -> None:
    bm = BareMatrix(
        alternatives=["Teams", "openDesk", "Nextcloud"],
        criteria=["cost", "sovereignty", "features"],
        matrix=[[30.0, 2.0, 9.0], [20.0, 8.0, 6.0], [10.0, 7.0, 4.0]],
        objectives=[-1, 1, 1],
        weights=[1.0, 1.0, 1.0],
    )
    ev = bare_evaluation(bm)
    p = build_problem(ev)
    rng = np.random.default_rng(5)
    counts = np.zeros((3, 3))
    for w in sample_weights(rng, 300, 3):
        r = rank(replace(p, weights=w), "topsis").ranks
        counts[np.arange(3), r - 1] += 1
    naive = counts / 300
    acc = acceptability(ev, "topsis", samples=30_000, seed=2).acceptability
    se = np.sqrt(np.maximum(naive * (1 - naive), 1 / 300) / 300)
    assert np.all(np.abs(acc - naive) < 5 * se)


# -- weight sampling ------------------------------------------------------------------------------------------


def _ks(sample: np.ndarray, cdf) -> float:  # noqa: ANN001
    x = np.sort(sample)
    f = cdf(x)
    k = np.arange(1, x.size + 1) / x.size
    return float(max(np.max(k - f), np.max(f - (k - 1 / x.size))))


def test_uniform_weights_are_dirichlet_one_not_normalised_uniforms() -> None:
    """Under Dirichlet(1) on m criteria, one weight follows Beta(1, m−1): F(x) = 1 − (1 − x)^(m−1).

    The naive "uniform per weight, then normalise" fails the same Kolmogorov–Smirnov test (it avoids extremes)."""
    m, k = 6, 40_000
    cdf = lambda x: 1 - (1 - x) ** (m - 1)  # noqa: E731
    crit = 1.95 / np.sqrt(k)  # 0.1 % level
    w = sample_weights(np.random.default_rng(0), k, m)
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    assert _ks(w[:, 0], cdf) < crit
    u = np.random.default_rng(0).uniform(size=(k, m))
    naive = u / u.sum(axis=1, keepdims=True)
    assert _ks(naive[:, 0], cdf) > crit


def test_around_weights_keep_the_mean_and_the_relative_spread() -> None:
    agreed = np.array([0.4, 0.3, 0.2, 0.1])
    w = sample_weights(np.random.default_rng(1), 200_000, 4, "around", agreed, 0.2)
    assert np.all(w > 0)
    np.testing.assert_allclose(w.mean(axis=0), agreed, rtol=0.02)
    rel = w.std(axis=0) / agreed
    expected = 0.2 * np.sqrt(1 - 2 * agreed + (agreed**2).sum())  # delta method, module docstring
    np.testing.assert_allclose(rel, expected, rtol=0.08)
    fixed = sample_weights(np.random.default_rng(1), 10, 4, "around", agreed, 0.0)
    np.testing.assert_allclose(fixed, np.tile(agreed, (10, 1)))


def test_per_criterion_spread_and_participants_spread() -> None:
    ev = make_eval(n=4, m=4)
    acc = acceptability(ev, "wsm", weights="around", spread={"c0": 0.5}, samples=2000)
    assert acc.spread == {"c0": 0.5}
    assert participants_spread(ev) is None
    pw = {
        "p1": {"A": 50.0, "B": 50.0, "c0": 1.0, "c1": 1.0, "c2": 1.0, "c3": 1.0},
        "p2": {"A": 70.0, "B": 30.0, "c0": 1.0, "c1": 1.0, "c2": 1.0, "c3": 1.0},
    }
    spread = participants_spread(replace(ev, participant_weights=frozen_map(pw)))
    assert spread is not None and set(spread) == {"c0", "c1", "c2", "c3"}
    assert spread["c0"] == pytest.approx(np.std([0.25, 0.35], ddof=1) / 0.3)


# -- stability intervals --------------------------------------------------------------------------------------


def _walked(p, j: int, t: float):  # noqa: ANN001, ANN202 - the problem with criterion j at weight t
    w = np.asarray(p.weights, dtype=float).copy()
    rest = w.copy()
    rest[j] = 0
    w = (1 - t) * rest / rest.sum()
    w[j] = t
    return replace(p, weights=w)


@pytest.mark.parametrize("method", METHODS)
def test_stability_edges_verified_by_reranking_with_scikit_criteria(method: str) -> None:
    ev = make_eval(n=6, m=5, seed=21)
    p = build_problem(ev)
    top = rank(p, method).order()[0]
    st = stability_intervals(ev, method)
    assert [s.criterion for s in st] == list(p.criteria)
    moved = 0
    for j, s in enumerate(st):
        assert 0.0 <= s.low <= s.weight <= s.high <= 1.0
        assert s.top == p.alternatives[top]
        for edge, outside, rival in ((s.low, s.low - 1e-4, s.below), (s.high, s.high + 1e-4, s.above)):
            inside = edge + 1e-7 if edge == s.low else edge - 1e-7
            assert rank(_walked(p, j, inside), method).ranks[top] == 1
            if 0.0 < edge < 1.0:
                moved += 1
                r = rank(_walked(p, j, outside), method).ranks
                assert r[top] != 1
                assert rival is not None and r[p.alternatives.index(rival)] == 1
            else:
                assert rival is None
    assert moved > 0  # the case has at least one interval that ends inside (0, 1)


def test_wsm_exact_intervals_agree_with_search() -> None:
    from evaluator import sensitivity, stability

    ev = make_eval(n=8, m=6, seed=5)
    p = build_problem(ev)
    w0 = np.asarray(p.weights)
    top = int(np.argmin(rank(p, "wsm").ranks))
    for j, s in enumerate(stability_intervals(ev, "wsm")):
        lo, hi, _, _ = stability._stability_search(sensitivity._scorer(p, "wsm"), w0, j, top, "wsm")
        assert s.low == pytest.approx(lo, abs=1e-6)
        assert s.high == pytest.approx(hi, abs=1e-6)


# -- the verdict ----------------------------------------------------------------------------------------------


def test_verdict_names_the_winner_the_share_and_the_critical_weight() -> None:
    ev = two_by_two()
    ev = replace(ev, weights=frozen_map({"A": 1.0, "x": 3.0, "y": 2.0}))  # w = 0.6 / 0.4: A first until x < ½
    acc = acceptability(ev, "wsm", weights="around", spread=0.5, samples=20_000, seed=0)
    assert 0.6 < acc.first[0] < 0.95
    st = stability_intervals(ev, "wsm")
    assert st[0].low == pytest.approx(0.5) and st[0].below == "b"
    nl = verdict(ev, acc, st, "nl")
    en = verdict(ev, acc, st, "en")
    share = f"{int(100 * acc.first[0] + 0.5)} %"
    assert nl.startswith(f"A staat eerst in {share} van de wegingen rond de afgesproken gewichten")
    assert "price minder dan 50 % weegt (nu 60 %)" in nl
    assert en.startswith(f"A ranks first in {share} of the weightings around the agreed weights")
    assert "price weighs less than 50 % (now 60 %)" in en


def test_verdict_when_no_single_weight_changes_the_top() -> None:
    ev = two_by_two(b_value=100.0)  # B dominates A
    acc = acceptability(ev, "wsm", samples=1000)
    st = stability_intervals(ev, "wsm")
    assert all((s.low, s.high) == (0.0, 1.0) for s in st)
    assert verdict(ev, acc, st, "en") == (
        "B ranks first in 100 % of all possible weightings. No single weight can change on its own who comes first."
    )
    assert "Geen enkel gewicht" in verdict(ev, acc, st, "nl")


# -- exclusions and bad input ---------------------------------------------------------------------------------


def test_knocked_out_and_unscored_alternatives_are_excluded() -> None:
    ev = make_eval(n=4, m=4)
    crits = list(ev.criteria)
    crits[0] = replace(crits[0], minimum=3.0)
    assessments = {**ev.assessments, **{(f"a{i}", "c0"): Assessment(4.0) for i in range(4)}}
    assessments[("a0", "c0")] = Assessment(1.0)  # below the minimum
    del assessments[("a1", "c2")]  # not scored
    ev = replace(ev, criteria=tuple(crits), assessments=frozen_map(assessments))
    acc = acceptability(ev, "wsm", samples=500)
    assert acc.excluded == ("a0", "a1")
    assert acc.alternatives == ("a2", "a3")
    assert acc.acceptability.shape == (2, 2)


@pytest.mark.parametrize(
    ("kwargs", "place"),
    [
        ({"method": "spotis"}, "method"),
        ({"weights": "flat"}, "weights"),
        ({"scores": "wild"}, "scores"),
        ({"samples": 0}, "samples"),
        ({"spread": -0.1}, "spread"),
        ({"spread": float("nan")}, "spread"),
        ({"spread": {"nope": 0.1}}, "spread"),
        ({"seed": -1}, "seed"),
    ],
)
def test_bad_arguments_raise_input_error_naming_the_place(kwargs: dict, place: str) -> None:
    with pytest.raises(InputError) as exc:
        acceptability(make_eval(), **kwargs)
    assert exc.value.place == place


def test_cancel_flag_stops_between_chunks() -> None:
    ev = make_eval(n=20, m=30)
    stop = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        stop.set()

    with pytest.raises(Cancelled):
        acceptability(ev, "topsis", samples=100_000, progress=progress, cancel=stop)
    assert len(seen) == 1
    with pytest.raises(Cancelled):
        acceptability(ev, "wsm", samples=10, cancel=lambda: True)


def test_memory_stays_bounded_for_many_samples() -> None:
    """500 000 samples of 10 × 10: unchunked, the weights alone would take 40 MB and the scores another 40."""
    ev = make_eval(n=10, m=10)
    tracemalloc.start()
    try:
        acceptability(ev, "wsm", samples=500_000, seed=0)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 80e6  # chunked: ≈ 33 MB; unchunked: ≈ 330 MB


# -- command line ---------------------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "evaluator", "sensitivity", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )


def test_cli_json_contract(tmp_path: Path) -> None:
    ev = make_eval(n=5, m=4, ranges=True)
    crits = list(ev.criteria)
    crits[0] = replace(crits[0], minimum=2.0)
    scores = {(f"a{i}", "c0"): Assessment(3.0, low=2.0, high=4.0) for i in range(4)}
    ev = replace(
        ev,
        criteria=tuple(crits),
        assessments=frozen_map({**ev.assessments, **scores, ("a4", "c0"): Assessment(1.0)}),
    )
    path = tmp_path / "ev.json"
    write_any(ev, path)
    out = _cli(str(path), "--method", "topsis", "--weights", "around", "--spread", "0.3", "--scores", "ranges",
               "--samples", "3000", "--seed", "4", "--format", "json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["method"] == "topsis" and data["samples"] == 3000
    assert [a["name"] for a in data["alternatives"]] == ["Alt 0", "Alt 1", "Alt 2", "Alt 3"]
    for a in data["alternatives"]:
        assert len(a["rank_acceptability"]) == 4
        assert sum(a["rank_acceptability"]) == pytest.approx(1.0)
        assert a["central_weights"] is None or len(a["central_weights"]) == 4
    assert [s["criterion"] for s in data["stability"]] == ["c0", "c1", "c2", "c3"]
    assert all(s["low"] <= s["weight"] <= s["high"] for s in data["stability"])
    assert data["excluded"][0]["name"] == "Alt 4"
    direct = acceptability(ev, "topsis", "around", 0.3, "ranges", 3000, 4)
    got = [a["rank_acceptability"] for a in data["alternatives"]]
    assert got == [pytest.approx(row, rel=1e-11, abs=1e-15) for row in direct.acceptability.tolist()]


def test_cli_table_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "ev.json"
    write_any(make_eval(), path)
    out = _cli(str(path), "--samples", "2000", "--lang", "nl")
    assert out.returncode == 0, out.stderr
    assert "rang 1" in out.stdout and "staat eerst in" in out.stdout  # --lang nl: headers in Dutch too
    for args, words in (
        ([str(tmp_path / "missing.json")], "no such file"),
        ([str(path), "--method", "spotis"], "spotis"),
        ([str(path), "--samples", "0"], "--samples must be at least 1"),
        ([str(path), "--weights", "around", "--spread", "9"], "--spread must be at most 3"),
    ):
        bad = _cli(*args)
        assert bad.returncode == 2
        assert words in bad.stderr
        assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr


def test_cli_path_does_not_import_heavy_libraries(tmp_path: Path) -> None:
    path = tmp_path / "ev.json"
    write_any(make_eval(), path)
    code = (
        "import sys, io, contextlib\n"
        "from evaluator.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main(['sensitivity', {str(path)!r}, '--samples', '100'])\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'skcriteria', 'pandas', 'reportlab', "
        "'matplotlib', 'scipy', 'PySide6', 'pyhanko', 'openpyxl'})\n"
        "print(rc, heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "0 []", out.stderr


@pytest.mark.parametrize("method", METHODS)
def test_fixed_matrix_scorer_is_the_fast_engine(method: str) -> None:
    from evaluator import fastengine, sensitivity

    for ev in (make_eval(n=6, m=5), bare_evaluation(BareMatrix(["a", "b", "c"], ["x", "y"],
                                                                  [[1.0, 5.0], [2.0, 3.0], [4.0, 1.0]],
                                                                  [1, -1], [1.0, 2.0]))):  # fmt: skip
        p = build_problem(ev)
        w = sample_weights(np.random.default_rng(0), 50, len(p.criteria))
        np.testing.assert_allclose(
            sensitivity._scorer(p, method)(w, None), fastengine.scores(p, w, method), rtol=1e-12
        )


def test_verdict_names_the_runner_up_in_a_close_race() -> None:
    ev = replace(two_by_two(), weights=frozen_map({"A": 1.0, "x": 1.0, "y": 1.0}))
    acc = acceptability(ev, "wsm", samples=20_000, seed=0)  # each first about half the time
    st = stability_intervals(ev, "wsm")
    i = int(np.argmax(acc.first))
    other = acc.names[1 - i]
    assert f", {other} in {int(100 * acc.first[1 - i] + 0.5)} %." in verdict(ev, acc, st, "en")
    assert f", {other} in {int(100 * acc.first[1 - i] + 0.5)} %." in verdict(ev, acc, st, "nl")


def test_bundled_sample_runs_with_every_method() -> None:
    from evaluator.sample import load_sample, sample_path

    if not sample_path().exists():
        pytest.skip("the bundled sample is not there yet")
    ev = load_sample()
    p = build_problem(ev)
    for method in METHODS:
        acc = acceptability(ev, method, weights="around", scores="ranges", samples=2000, seed=1)
        np.testing.assert_allclose(acc.acceptability.sum(axis=1), 1.0)
        assert acc.ranged_cells > 0
        st = stability_intervals(ev, method)
        assert len(st) == len(ev.criteria)
        top = p.alternatives.index(st[0].top)
        for j, s in enumerate(st):
            if 0 < s.high < 1:
                assert rank(_walked(p, j, s.high + 1e-4), method).ranks[top] != 1
        assert acc.names[int(np.argmax(acc.first))] in verdict(ev, acc, st, "nl")


def test_cli_spread_from_the_participants(tmp_path: Path) -> None:
    from evaluator.model import Participant

    ev = make_eval(n=4, m=4)
    path = tmp_path / "ev.json"
    write_any(ev, path)
    out = _cli(str(path), "--weights", "around", "--spread", "participants")
    assert out.returncode == 2 and "at least two participants" in out.stderr
    pw = {
        "p1": {"A": 50.0, "B": 50.0, "c0": 1.0, "c1": 2.0, "c2": 1.0, "c3": 1.0},
        "p2": {"A": 70.0, "B": 30.0, "c0": 1.0, "c1": 1.0, "c2": 3.0, "c3": 1.0},
    }
    ev = replace(ev, participants=(Participant("p1", "Ann"), Participant("p2", "Bo")),
                 participant_weights=frozen_map({k: frozen_map(v) for k, v in pw.items()}))  # fmt: skip
    write_any(ev, path)
    out = _cli(
        str(path), "--weights", "around", "--spread", "participants", "--format", "json", "--samples", "500"
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["spread"] == pytest.approx(participants_spread(ev))
    bad = _cli(str(path), "--weights", "around", "--spread", "wide")
    assert bad.returncode == 2 and "--spread must be a number or 'participants'" in bad.stderr


def test_drawn_matrices_are_the_value_functions_of_drawn_scores() -> None:
    """Each drawn matrix equals problem.value_matrix of the drawn scores — also for an unbounded criterion."""
    from evaluator import sensitivity
    from evaluator.problem import score_matrix, value_matrix

    ev = make_eval(n=5, m=4, ranges=True)
    crits = list(ev.criteria)
    crits[3] = replace(crits[3], scale=Scale("numeric", direction="cost"))  # no bounds: min–max per sample
    ev = replace(ev, criteria=tuple(crits))
    p = build_problem(ev)
    sampler = sensitivity._ScoreSampler(ev, p)
    x = sampler.draw(np.random.default_rng(3), 40)
    rng = np.random.default_rng(3)
    draws = [(i, j, sampler._draw_cell(rng, 40, kind, spec)) for i, j, kind, spec in sampler.cells]
    base = score_matrix(ev)
    rows = np.ones(5, dtype=bool)
    for s in range(40):
        scores = base.copy()
        for i, j, d in draws:
            scores[i, j] = d[s]
        np.testing.assert_allclose(x[s], value_matrix(ev, scores, rows), atol=1e-12)


@pytest.mark.parametrize("method", ["moora", "waspas", "electre1"])
def test_every_method_has_its_robustness_analysis(tmp_path: Path, method: str) -> None:
    """`afweging sensitivity --method M` and the memo's robustness object run for every method (MOORA, WASPAS
    on the NumPy engine, ELECTRE I on the outranking engine), and give the same object."""
    from dataclasses import replace

    from evaluator.report.decision import robustness_data

    ev = replace(make_eval(6, 5, ranges=True), method=method)
    path = tmp_path / "ev.json"
    write_any(ev, path)
    out = _cli(str(path), "--samples", "2000", "--format", "json", "--lang", "en")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["method"] == method and len(data["stability"]) == 5
    rows = np.array([a["rank_acceptability"] for a in data["alternatives"]])
    np.testing.assert_allclose(rows.sum(axis=1), 1.0)
    memo = robustness_data(ev, samples=2000)
    assert "skipped" not in memo and memo["method"] == method
    assert memo["alternatives"] == data["alternatives"] and memo["stability"] == data["stability"]


def test_a_memo_from_0_1_recomputes_its_skipped_analysis_as_skipped() -> None:
    """Afweging 0.1.x ran the analysis for WSM, WPM, TOPSIS and VIKOR only; a memo it made with MOORA says
    "skipped" with 0.1.0's reason, and recomputing it under 0.1's definitions must give the same."""
    from evaluator import i18n
    from evaluator.methods import definitions_of
    from evaluator.report.decision import _legacy_sensitivity

    ev = make_eval(5, 4)
    before = i18n.language()
    i18n.set_language("en")
    try:
        with definitions_of("0.1.0"):
            out = _legacy_sensitivity(ev, "moora", 2000, 0)
            assert _legacy_sensitivity(ev, "wsm", 2000, 0)["acceptability"]
    finally:
        i18n.set_language(before)
    assert out == {"method": "moora", "samples": 2000, "seed": 0,
                   "skipped": "sensitivity analysis runs wsm, wpm, topsis, vikor; not 'moora'"}  # fmt: skip
    assert "acceptability" in _legacy_sensitivity(ev, "moora", 2000, 0)  # today's analysis runs it
