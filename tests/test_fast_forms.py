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
from evaluator.methods import method_ranks
from evaluator.model import Evaluation
from evaluator.problem import build_problem
from tests.hardening_helpers import make_evaluation

METHODS = fastengine.FAST_METHODS


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


@pytest.mark.parametrize("method", METHODS)
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


@pytest.mark.parametrize("method", METHODS)
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
