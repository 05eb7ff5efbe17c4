"""The engine's fast forms against the straightforward forms they replace, on random matrices.

Each fast form (weight stability along a walk, the model check's one-cell tries, SMAA's VIKOR scorer) must give
the same scores (within 1e-12) and exactly the same rankings and intervals as the plain definition, here on
random bare matrices with ties, cost criteria, constant columns and identical alternatives, and on evaluations
with scales.
"""

from __future__ import annotations

import numpy as np
import pytest

from evaluator import fastengine, sensitivity, stability
from evaluator.io.bare import BareMatrix, bare_evaluation
from evaluator.methods import method_ranks, rank
from evaluator.model import Evaluation
from evaluator.problem import build_problem
from tests.hardening_helpers import make_evaluation

METHODS = fastengine.FAST_METHODS
EVERY = (*METHODS, "electre1")  # SMAA and stability run every method of the registry


def random_bare(seed: int, n: int = 9, m: int = 6) -> Evaluation:
    """Small integers (many ties), a constant column, a copied alternative, some cost criteria."""
    rng = np.random.default_rng(seed)
    x = rng.integers(1, 6, size=(n, m)).astype(float)
    x[:, rng.integers(m)] = 3.0  # a constant column
    x[rng.integers(1, n)] = x[0]  # an alternative identical to the first
    if seed % 2:
        x[:, 0] *= 1000.0  # another unit
    objectives = [int(o) for o in rng.choice([1, -1], size=m)]
    weights = [float(w) for w in rng.integers(1, 10, size=m)]
    names = [f"a{i}" for i in range(n)]
    return bare_evaluation(BareMatrix(names, [f"c{j}" for j in range(m)], x.tolist(), objectives, weights))


CASES = [random_bare(s) for s in range(8)] + [make_evaluation(10, 7, seed=s) for s in range(4)]


def _plain_line(p, method: str, w0: np.ndarray, j: int):  # noqa: ANN001, ANN202
    """The straightforward form: weight the whole matrix at every point of the walk."""
    score = sensitivity._scorer(p, method)
    return lambda t: score(stability._walk(w0, j, t), None)


@pytest.mark.parametrize("method", EVERY)
@pytest.mark.parametrize("case", range(len(CASES)))
def test_walk_lines_score_as_the_whole_matrix_does(method: str, case: int) -> None:
    p = build_problem(CASES[case])
    w0 = np.asarray(p.weights, dtype=float)
    lines = stability.walk_lines(p, method, w0)
    t = np.union1d(np.linspace(0.0, 1.0, 101), [0.123456789, 1 - 1e-9])
    for j in range(len(p.criteria)):
        fast, plain = lines(j)(t), _plain_line(p, method, w0, j)(t)
        np.testing.assert_allclose(fast, plain, rtol=1e-12, atol=1e-12)
        assert np.array_equal(method_ranks(fast, method), method_ranks(plain, method))


@pytest.mark.parametrize("method", EVERY)
@pytest.mark.parametrize("case", range(len(CASES)))
def test_stability_intervals_equal_the_plain_search(method: str, case: int) -> None:
    ev = CASES[case]
    p = build_problem(ev)
    w0 = np.asarray(p.weights, dtype=float)
    got = stability.stability_intervals(ev, method)
    top = p.alternatives.index(got[0].top)
    index = {a: i for i, a in enumerate(p.alternatives)} | {None: None}
    for j, s in enumerate(got):
        lo, hi, below, above = stability._stability_search(sensitivity._scorer(p, method), w0, j, top, method)
        if method == "wsm":  # the exact interval: the search agrees up to its resolution
            assert s.low == pytest.approx(lo, abs=1e-6) and s.high == pytest.approx(hi, abs=1e-6)
        else:
            assert (s.low, s.high, index[s.below], index[s.above]) == (lo, hi, below, above)


# ELECTRE I with thresholds that leave many arcs (and circuits: p ≤ 0.5 lets ties outrank both ways)
OUTRANKING = [(0.5, 0.7), (0.6, 1.0), (0.65, 0.35), (0.75, 0.5)]


def _with_params(ev: Evaluation, c: float, d: float) -> Evaluation:
    from dataclasses import replace

    return replace(ev, method_params={"p": c, "q": d})


@pytest.mark.parametrize(("c", "d"), OUTRANKING)
@pytest.mark.parametrize("case", range(len(CASES)))
def test_electre_stability_equals_the_plain_search(c: float, d: float, case: int) -> None:
    ev = _with_params(CASES[case], c, d)
    p = build_problem(ev)
    w0 = np.asarray(p.weights, dtype=float)
    got = stability.stability_intervals(ev, "electre1")
    top = p.alternatives.index(got[0].top)
    assert rank(p, "electre1").ranks[top] == 1 and top == int(np.argmax(rank(p, "electre1").ranks == 1))
    index = {a: i for i, a in enumerate(p.alternatives)} | {None: None}
    lines = stability.walk_lines(p, "electre1", w0)
    t = np.linspace(0.0, 1.0, 41)
    for j, s in enumerate(got):
        plain = _plain_line(p, "electre1", w0, j)
        assert np.array_equal(lines(j)(t), plain(t))
        lo, hi, below, above = stability._stability_search(sensitivity._scorer(p, "electre1"), w0, j, top,
                                                           "electre1")  # fmt: skip
        assert (s.low, s.high, index[s.below], index[s.above]) == (lo, hi, below, above)


def test_electre_stability_cases_are_not_all_trivial() -> None:
    """The cases above do move the kernel along some walks (else they would test little)."""
    moved = [
        st
        for case in CASES
        for c, d in OUTRANKING
        for st in stability.stability_intervals(_with_params(case, c, d), "electre1")
        if st.low > 0 or st.high < 1
    ]
    assert len(moved) > 20


@pytest.mark.parametrize(("c", "d"), OUTRANKING)
@pytest.mark.parametrize("case", range(len(CASES)))
def test_kernels_for_many_weightings_equal_the_kernel_of_each(c: float, d: float, case: int) -> None:
    from dataclasses import replace

    from evaluator.outranking import electre1_kernel, kernel_scores

    p = build_problem(CASES[case])
    rng = np.random.default_rng(case)
    w = sensitivity.sample_weights(rng, 300, len(p.criteria))
    w[:5] = np.eye(len(p.criteria))[np.arange(5) % len(p.criteria)]  # weight on one criterion alone
    fast = kernel_scores(p, w, c, d)
    stack = p.matrix[None] * rng.uniform(0.5, 1.5, size=(60, *p.matrix.shape))  # score draws
    drawn = kernel_scores(p, w[:60], c, d, stack)
    for k in range(len(w)):
        assert np.array_equal(fast[k] > 0, electre1_kernel(replace(p, weights=w[k]), c, d)), k
    for k in range(60):
        assert np.array_equal(
            drawn[k] > 0, electre1_kernel(replace(p, weights=w[k], matrix=stack[k]), c, d)
        ), k
    assert len({row.tobytes() for row in fast}) > 1 or c == 0.65


@pytest.mark.parametrize("scores", ["fixed", "ranges"])
def test_electre_smaa_equals_ranking_each_sample(scores: str) -> None:
    """SMAA for ELECTRE I: each sample's rank is the kernel's (1 in it, 2 outside), its members share the first
    places; equal to ranking every sampled weighting with ``rank``."""
    from dataclasses import replace

    from evaluator.methods import METHODS as REGISTRY
    from tests.test_sensitivity import make_eval

    ev = _with_params(
        make_eval(8, 6, seed=2, ranges=True), 0.55, 0.8
    )  # ordinal and numeric scores with ranges
    p = build_problem(ev)
    assert sensitivity._ScoreSampler(ev, p).cells
    got = sensitivity.acceptability(ev, "electre1", samples=1500, seed=3, scores=scores)
    rng = np.random.default_rng(3)
    counts, central = np.zeros(len(p.alternatives) ** 2), np.zeros((len(p.alternatives), len(p.criteria)))
    rows = []
    sampler = sensitivity._ScoreSampler(ev, p) if scores == "ranges" else None
    chunk = max(
        1, sensitivity.CHUNK_CELLS // (len(p.alternatives) ** 2 * (len(p.criteria) if sampler else 1))
    )
    done = 0
    while done < 1500:  # the same random stream, chunk by chunk
        k = min(chunk, 1500 - done)
        w = sensitivity.sample_weights(rng, k, len(p.criteria))
        x = sampler.draw(rng, k) if sampler and sampler.cells else None
        for i in range(k):
            q = replace(p, weights=w[i]) if x is None else replace(p, weights=w[i], matrix=x[i])
            rows.append(rank(q, "electre1").scores)
        sensitivity._accumulate(
            np.array(rows[done:]), w, True, counts, central, REGISTRY["electre1"].tie_floor
        )
        done += k
    np.testing.assert_allclose(got.acceptability, counts.reshape(got.acceptability.shape) / 1500, atol=1e-12)
    first = got.acceptability[:, 0] * 1500
    expected = np.where(first[:, None] > 0, central / np.where(first > 0, first, 1)[:, None], np.nan)
    np.testing.assert_allclose(got.central_weights, expected, rtol=1e-9)
    assert 0 < got.first.max() < 1 and got.acceptability.sum() == pytest.approx(len(p.alternatives))


def test_kernel_shares_equal_the_shared_positions() -> None:
    """ELECTRE I's rank shares (kernel members share the first places) counted by run ends equal the general
    tie sharing of ``_accumulate``."""
    rng = np.random.default_rng(12)
    for n in (1, 2, 5, 9):
        s = (rng.random((3000, n)) < rng.random((3000, 1))).astype(float)
        s[np.arange(3000), rng.integers(0, n, 3000)] = 1.0  # the kernel is never empty
        s[:50] = 1.0  # all in the kernel
        w = sensitivity.sample_weights(rng, 3000, 4)
        got_counts, got_central = np.zeros(n * n), np.zeros((n, 4))
        sensitivity._accumulate_kernels(s, w, got_counts, got_central)
        plain_counts, plain_central = np.zeros(n * n), np.zeros((n, 4))
        sensitivity._accumulate(s, w, True, plain_counts, plain_central, 1e-3)
        np.testing.assert_allclose(got_counts, plain_counts, rtol=1e-12, atol=1e-9)
        np.testing.assert_allclose(got_central, plain_central, rtol=1e-12, atol=1e-12)


# -- the model check's one-cell tries -------------------------------------------------------------------------


def _with_clones(ev: Evaluation) -> Evaluation:
    """``ev`` with the second alternative's scores copied from the first (an exact tie)."""
    from dataclasses import replace

    from evaluator.model import frozen_map

    a0, a1 = ev.alternatives[0].id, ev.alternatives[1].id
    moved = {(a1, c.id): ev.assessment(a0, c.id) for c in ev.criteria}
    return replace(ev, assessments=frozen_map({**dict(ev.assessments), **moved}))


SCALED = [make_evaluation(12, 9, seed=s) for s in range(5)] + [_with_clones(make_evaluation(8, 5, seed=9))]


def _all_tries(ev: Evaluation, p) -> list[tuple[int, int, float]]:  # noqa: ANN001
    """Every cell of every alternative set to every level or a spread of values of its scale."""
    out = []
    for r in range(len(p.alternatives)):
        for j, c in enumerate(ev.criteria):
            if c.scale.kind == "ordinal":
                xs = [lv.value for lv in c.scale.levels]
            elif c.scale.kind == "boolean":
                xs = [0.0, 1.0]
            else:
                lo, hi = c.scale.bounds
                xs = list(np.linspace(lo, hi, 5))
            out += [(r, j, float(x)) for x in xs]
    return out


@pytest.mark.parametrize("method", (*METHODS, "moora", "waspas"))
@pytest.mark.parametrize("case", range(len(SCALED)))
def test_one_cell_scores_equal_the_changed_matrix(method: str, case: int) -> None:
    from dataclasses import replace

    from evaluator.methods.fast import first_places, one_cell_scores
    from evaluator.scales import values as scale_values

    ev = SCALED[case]
    p = build_problem(ev)
    tries = _all_tries(ev, p)
    rows, cols = np.array([t[0] for t in tries]), np.array([t[1] for t in tries])
    vals = np.array([scale_values(ev.criteria[j].scale, np.array([x]))[0] for _, j, x in tries])
    fast = np.concatenate(list(one_cell_scores(p, method, rows, cols, vals)))
    plain = []
    for r, j, v in zip(rows, cols, vals, strict=True):
        matrix = p.matrix.copy()
        matrix[r, j] = v
        plain.append(rank(replace(p, matrix=matrix), method).scores)  # scikit-criteria's for MOORA, WASPAS
    plain = np.array(plain)
    np.testing.assert_allclose(fast, plain, rtol=1e-12, atol=1e-12)
    assert np.array_equal(method_ranks(fast, method), method_ranks(plain, method))
    assert np.array_equal(first_places(fast, method), method_ranks(fast, method) == 1)


@pytest.mark.parametrize("method", (*METHODS, "moora", "waspas", "electre1"))
@pytest.mark.parametrize("case", range(len(SCALED)))
def test_model_check_tries_all_at_once_as_one_by_one(method: str, case: int) -> None:
    from evaluator import modelcheck

    ev = SCALED[case]
    p = build_problem(ev)
    tries = _all_tries(ev, p)
    together = modelcheck._first_places_cells(ev, p, tries, method)
    alone = [modelcheck._first_place_cell(ev, p, r, j, ev.criteria[j], x, method) for r, j, x in tries]
    assert together == alone
    assert len({frozenset(f) for f in alone}) > 1  # some tries do change first place


def test_first_places_with_ties_and_close_calls() -> None:
    from evaluator.methods.fast import first_places

    s = np.array([[1.0, 1.0, 0.5], [1.0, 1.0 - 1e-12, 0.2], [0.3, 0.9, 0.9 + 1e-13], [2.0, 1.0, 0.0]])
    for method in METHODS:
        assert np.array_equal(first_places(s, method), method_ranks(s, method) == 1)
        assert np.array_equal(first_places(-s, method), method_ranks(-s, method) == 1)


def test_dominated_is_the_plain_definition() -> None:
    from evaluator import modelcheck
    from evaluator.problem import value_matrix

    for seed in range(6):
        ev = _with_clones(make_evaluation(15, 4, seed=seed))
        values = value_matrix(ev)
        found = {f.alternatives[0]: f.alternatives[1:] for f in modelcheck.dominated(ev, values)}
        ids = [a.id for a in ev.alternatives]
        for i, a in enumerate(ids):
            by = tuple(
                ids[k]
                for k in range(len(ids))
                if k != i and np.all(values[k] >= values[i]) and np.any(values[k] > values[i])
            )
            assert found.get(a, ()) == by
        assert found  # the case has dominated alternatives


def test_first_component_is_the_svd() -> None:
    from evaluator.modelcheck import first_component

    rng = np.random.default_rng(3)
    for n, m in ((40, 12), (9, 20), (7, 6)):
        x = rng.integers(0, 5, size=(n, m)).astype(float) + rng.standard_normal((n, 1))
        z = (x - x.mean(axis=0)) / x.std(axis=0)
        _, s, vt = np.linalg.svd(z, full_matrices=False)
        share, loading = first_component(x)
        assert share == pytest.approx(s[0] ** 2 / (s**2).sum(), rel=1e-12)
        np.testing.assert_allclose(loading, vt[0] ** 2 * s[0] ** 2 / n, rtol=0, atol=1e-12)


# -- one owner of the sample bound ----------------------------------------------------------------------------


def test_the_engine_takes_its_sample_bound_from_the_settings() -> None:
    from evaluator import settings
    from evaluator.errors import InputError

    ev = make_evaluation(4, 3)
    assert sensitivity.acceptability(ev, samples=settings.MIN_SAMPLES).samples == settings.MIN_SAMPLES
    with pytest.raises(InputError, match=f"from {settings.MIN_SAMPLES} to {settings.MAX_SAMPLES:,}"):
        sensitivity.acceptability(ev, samples=settings.MAX_SAMPLES + 1)
    assert settings.ALL["robustness.samples"].check(settings.MAX_SAMPLES + 1) is not None


# -- SMAA's scorers on a fixed matrix ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("case", range(len(CASES)))
def test_smaa_scorer_equals_the_engine(method: str, case: int) -> None:
    p = build_problem(CASES[case])
    w = sensitivity.sample_weights(np.random.default_rng(case), 3000, len(p.criteria))
    w[:5] = np.eye(len(p.criteria))[np.arange(5) % len(p.criteria)]  # weight on one criterion alone
    fast, plain = sensitivity._scorer(p, method)(w, None), fastengine.scores(p, w, method)
    np.testing.assert_allclose(fast, plain, rtol=1e-12, atol=1e-12)
    assert np.array_equal(method_ranks(fast, method), method_ranks(plain, method))


@pytest.mark.parametrize("method", METHODS)
def test_smaa_equals_the_engine_sample_by_sample(method: str) -> None:
    """Acceptability and central weights from the fast scorer equal those from the engine's plain scores."""
    ev = CASES[1]
    p = build_problem(ev)
    got = sensitivity.acceptability(ev, method, samples=4000, seed=7)
    w = sensitivity.sample_weights(np.random.default_rng(7), 4000, len(p.criteria))
    counts, central = np.zeros(len(p.alternatives) ** 2), np.zeros((len(p.alternatives), len(p.criteria)))
    from evaluator.methods import METHODS as REGISTRY

    sensitivity._accumulate(
        fastengine.scores(p, w, method), w, REGISTRY[method].higher_is_better, counts, central,
        REGISTRY[method].tie_floor,
    )  # fmt: skip
    np.testing.assert_allclose(got.acceptability, counts.reshape(got.acceptability.shape) / 4000, atol=1e-15)
    first = got.acceptability[:, 0] * 4000
    expected = np.where(first[:, None] > 0, central / np.where(first > 0, first, 1)[:, None], np.nan)
    np.testing.assert_allclose(got.central_weights, expected, rtol=1e-12)


@pytest.mark.parametrize("method", METHODS)
def test_rank_shares_with_the_tie_screen_equal_the_shared_positions_everywhere(method: str) -> None:
    """``_accumulate`` sorts any way and screens rows for ties; sharing positions in every row (the plain
    form, ``_accumulate_ties``) must give the same counts and central weights."""
    from evaluator.methods import METHODS as REGISTRY

    rng = np.random.default_rng(11)
    k, n, m = 4000, 6, 4
    base = rng.random((k, n))
    s = base.copy()
    s[0::7, 1] = s[0::7, 0]  # exact ties
    s[1::7, 2] = s[1::7, 3] * (1 + 3e-10)  # within the tolerance: ties
    s[2::7, 4] = s[2::7, 5] * (1 + 3e-9)  # just outside it: no tie
    s[3::7] = np.round(s[3::7], 1)  # ties among several
    s[4::7, :3] = 1e-14 * rng.random((len(s[4::7]), 3))  # near 0, where the floor decides
    s[5::7] = 5.0  # all tie
    w = sensitivity.sample_weights(rng, k, m)
    r = REGISTRY[method]
    got_counts, got_central = np.zeros(n * n), np.zeros((n, m))
    sensitivity._accumulate(s, w, r.higher_is_better, got_counts, got_central, r.tie_floor)
    plain_counts, plain_central = np.zeros(n * n), np.zeros((n, m))
    sensitivity._accumulate_ties(s, w, r.higher_is_better, plain_counts, plain_central, r.tie_floor)
    np.testing.assert_allclose(got_counts, plain_counts, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(got_central, plain_central, rtol=1e-12, atol=1e-12)
    assert not np.allclose(plain_counts.reshape(n, n), np.round(plain_counts.reshape(n, n)))  # shares occur


def test_vikor_q_in_place_is_bitwise_the_plain_formula() -> None:
    from evaluator.methods.fast import vikor_q

    def plain(s: np.ndarray, r: np.ndarray, v: float) -> np.ndarray:
        def scaled(a: np.ndarray) -> np.ndarray:
            lo, hi = a.min(axis=1, keepdims=True), a.max(axis=1, keepdims=True)
            return np.where(hi - lo == 0, 0.0, (a - lo) / np.where(hi - lo == 0, 1.0, hi - lo))

        return v * scaled(s) + (1 - v) * scaled(r)

    rng = np.random.default_rng(5)
    for v in (0.0, 0.5, 0.37, 1.0):
        s, r = rng.random((400, 7)), rng.random((400, 7))
        s[::5], r[::7] = 0.3, np.round(r[::7], 1)  # constant rows, ties
        assert np.array_equal(vikor_q(s, r, v), plain(s, r, v))
        assert np.array_equal(vikor_q(s.T.copy().T, r.T.copy().T, v), plain(s, r, v))  # column-major input


@pytest.mark.parametrize(("c", "d"), [(0.5, 0.2), (0.65, 0.35), (0.8, 0.6), (0.55, 1.0)])
@pytest.mark.parametrize("case", range(len(SCALED)))
def test_one_cell_kernels_equal_the_kernel_of_the_changed_matrix(c: float, d: float, case: int) -> None:
    from dataclasses import replace

    from evaluator.outranking import electre1_kernel, one_cell_kernels
    from evaluator.scales import values as scale_values

    ev = SCALED[case]
    p = build_problem(ev)
    tries = _all_tries(ev, p)
    rows, cols = np.array([t[0] for t in tries]), np.array([t[1] for t in tries])
    vals = np.array([scale_values(ev.criteria[j].scale, np.array([x]))[0] for _, j, x in tries])
    fast = np.concatenate(list(one_cell_kernels(p, c, d, rows, cols, vals)))
    plain = []
    for r, j, v in zip(rows, cols, vals, strict=True):
        matrix = p.matrix.copy()
        matrix[r, j] = v
        plain.append(electre1_kernel(replace(p, matrix=matrix), c, d))
    assert np.array_equal(fast, np.array(plain))
    assert len({row.tobytes() for row in fast}) > 1  # some tries change the kernel


def test_concordance_discordance_in_blocks_is_bitwise_the_whole_array() -> None:
    from evaluator import outranking

    for case in CASES:
        p = build_problem(case)
        for step in (1, 7, 10**9):  # rows per block: one, several, all
            old = outranking.PAIR_BLOCK
            outranking.PAIR_BLOCK = step * p.matrix.size
            try:
                conc, disc = outranking.concordance_discordance(p)
            finally:
                outranking.PAIR_BLOCK = old
            x = np.asarray(p.matrix, dtype=float)
            g = np.where(p.objectives < 0, -x, x) if p.bare else x
            if p.bare:
                span = g.max(axis=0) - g.min(axis=0)
                g = (g - g.min(axis=0)) / np.where(span == 0, 1.0, span)
            w = np.asarray(p.weights, dtype=float) / np.sum(p.weights)
            diff = g[:, None, :] - g[None, :, :]
            plain_c, plain_d = ((diff >= 0) * w).sum(axis=2), np.maximum(-diff, 0.0).max(axis=2)
            np.fill_diagonal(plain_c, 0.0)
            np.fill_diagonal(plain_d, 0.0)
            assert np.array_equal(conc, plain_c) and np.array_equal(disc, plain_d)


@pytest.mark.parametrize("method", (*METHODS, "moora", "waspas", "electre1"))
@pytest.mark.parametrize(("n", "m"), [(1, 3), (2, 1), (3, 2), (2, 2)])
def test_model_check_tries_at_the_smallest_sizes(method: str, n: int, m: int) -> None:
    from evaluator import modelcheck

    for seed in range(3):
        ev = make_evaluation(n, m, seed=seed)
        p = build_problem(ev)
        tries = _all_tries(ev, p)
        together = modelcheck._first_places_cells(ev, p, tries, method)
        alone = [modelcheck._first_place_cell(ev, p, r, j, ev.criteria[j], x, method) for r, j, x in tries]
        assert together == alone


def _plain_kernel(s: np.ndarray) -> np.ndarray:
    """The kernel as first written (Afweging 0.2.0): Warshall over all alternatives, then the node graph in
    topological order, one node at a time."""
    n = s.shape[0]
    reach = s | np.eye(n, dtype=bool)
    for k in range(n):
        reach |= reach[:, k : k + 1] & reach[k : k + 1, :]
    same = reach & reach.T
    label = same.argmax(axis=1)
    nodes = np.unique(label)
    index = {int(c): i for i, c in enumerate(nodes)}
    m = len(nodes)
    arc = np.zeros((m, m), dtype=bool)
    for a, b in zip(*np.nonzero(s), strict=True):
        if label[a] != label[b]:
            arc[index[int(label[a])], index[int(label[b])]] = True
    in_kernel = np.zeros(m, dtype=bool)
    todo = arc.sum(axis=0)
    ready = [i for i in range(m) if todo[i] == 0]
    while ready:
        i = ready.pop()
        in_kernel[i] = not np.any(in_kernel & arc[:, i])
        for j in np.flatnonzero(arc[i]):
            todo[j] -= 1
            if todo[j] == 0:
                ready.append(int(j))
    return np.array([in_kernel[index[int(label[a])]] for a in range(n)], dtype=bool)


def test_kernel_and_kernels_equal_the_plain_kernel_on_random_graphs() -> None:
    from evaluator import outranking
    from evaluator.outranking import kernel, kernels

    rng = np.random.default_rng(8)
    graphs = []
    for n in (1, 2, 3, 5, 8, 13):
        for density in (0.0, 0.1, 0.3, 0.6, 0.9):
            for _ in range(25):
                s = rng.random((n, n)) < density
                np.fill_diagonal(s, False)
                graphs.append(s)
    cyclic = 0
    for s in graphs:
        plain = _plain_kernel(s)
        assert np.array_equal(kernel(s), plain)
        cyclic += not outranking._acyclic(s[None])[0]
    for n in (5, 8, 13):
        batch = np.array([g for g in graphs if g.shape[0] == n])
        assert np.array_equal(kernels(batch), np.array([_plain_kernel(g) for g in batch]))
    assert cyclic > 100


def test_vikor_scorer_is_bitwise_the_plain_loop_and_leaves_the_buffer_size() -> None:
    """SMAA's VIKOR scorer takes R with a smaller NumPy ufunc buffer (faster); the numbers are those of the plain
    loop bit for bit (so earlier seeds give the same figures), and the buffer size is restored afterwards."""
    from evaluator.methods import resolve_params
    from evaluator.methods.fast import blocked_product, vikor_q

    bufsize = np.getbufsize()
    for case in (CASES[0], CASES[9], make_evaluation(20, 30, seed=4)):
        p = build_problem(case)
        w = sensitivity.sample_weights(np.random.default_rng(1), 1666, len(p.criteria))
        got = sensitivity._scorer(p, "vikor")(w, None)
        x = fastengine.prepare(p, "vikor")
        cost = (p.objectives < 0) if p.bare else np.zeros(len(p.criteria), dtype=bool)
        best, worst = (
            np.where(cost, x.min(axis=0), x.max(axis=0)),
            np.where(cost, x.max(axis=0), x.min(axis=0)),
        )
        span = best - worst
        d = np.where(span == 0, 0.0, (best - x) / np.where(span == 0, 1.0, span))
        wt = np.ascontiguousarray((w / w.sum(axis=1, keepdims=True)).T)
        r = np.zeros((len(p.alternatives), len(w)))
        for j in range(d.shape[1]):
            r = np.maximum(r, d[:, j : j + 1] * wt[j])
        plain = vikor_q(blocked_product(d, wt).T, r.T, resolve_params("vikor", p.params)["v"])
        assert np.array_equal(got, plain)
    assert np.getbufsize() == bufsize


@pytest.mark.parametrize("n", [2, 7, 33, 1000])
@pytest.mark.parametrize("higher_is_better", [True, False])
def test_the_tagged_sort_orders_as_an_argsort_wherever_the_tie_screen_lets_a_row_pass(
    n: int, higher_is_better: bool
) -> None:
    """SMAA sorts each chunk by value with the column index in the lowest mantissa bits. Every row the tie screen
    passes (no gap within the widened tolerance) must be ordered exactly as an argsort of the true scores orders
    it; rows near the tolerance, negative, tiny and mixed-sign scores included; the scores are left unchanged."""
    rng = np.random.default_rng(n)
    k = 600
    s = rng.normal(size=(k, n)) * 10.0 ** rng.integers(-300, 300, size=(k, 1))
    s[::5, 1] = s[::5, 0] * (1 + 2e-9)  # just outside the tolerance
    s[1::5, 1] = s[1::5, 0] * (1 + 0.999e-9)  # just inside
    s[2::5] = np.abs(s[2::5])
    s[3::5, : n // 2] = 0.0
    before = s.copy()
    order, srt, slack = sensitivity._tagged_sort(s, higher_is_better)
    assert np.array_equal(s, before)
    key = -s if higher_is_better else s
    passed = np.diff(np.sort(key, axis=1), axis=1).min(axis=1) > (1e-9 + 2 * slack) * np.abs(key).max(axis=1)
    assert passed.sum() > k // 3
    assert np.array_equal(order[passed], np.argsort(key[passed], axis=1))
    np.testing.assert_allclose(srt, np.sort(key, axis=1), rtol=slack, atol=1e-320)  # 0 carries its tag too
