"""The vectorised engine against scikit-criteria (``evaluator.methods.rank``), weight vector by weight vector.

SMAA, stability intervals and live sliders use the fast engine; the memo's ranking uses scikit-criteria. If the
two disagreed, a workshop would see one winner on the slider and another in the signed memo.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from evaluator import fastengine, methods
from evaluator.io.bare import BareMatrix, bare_evaluation
from evaluator.model import Alternative, Area, Assessment, Criterion, Evaluation, Level, Scale, frozen_map
from evaluator.problem import Problem, build_problem

SAMPLES = 200


def bare_problem(rng: np.random.Generator, n: int, m: int) -> Problem:
    matrix = rng.uniform(1.0, 50.0, size=(n, m))
    objectives = rng.choice([1, -1], size=m)
    objectives[-1] = -1  # at least one cost criterion
    bm = BareMatrix(
        [f"alt {i}" for i in range(n)],
        [f"crit {j}" for j in range(m)],
        matrix.tolist(),
        objectives.tolist(),
        [1.0] * m,
    )
    return build_problem(bare_evaluation(bm))


def _levels(k: int) -> tuple[Level, ...]:
    return tuple(Level(float(v), {"en": f"level {v}"}) for v in range(k))


SCALES = (
    Scale("ordinal", levels=_levels(5)),
    Scale("ordinal", levels=_levels(4)),
    Scale("boolean"),
    Scale("numeric", unit="€", lower=0.0, upper=40.0, direction="cost"),
    Scale("numeric", unit="%", lower=90.0, upper=100.0),
    Scale(
        "numeric", unit="d", lower=0.0, upper=200.0, direction="cost", points=((0, 1), (30, 0.7), (200, 0))
    ),
)


def _draw(scale: Scale, rng: np.random.Generator) -> float:
    if scale.kind == "ordinal":
        return float(rng.choice([lv.value for lv in scale.levels]))
    if scale.kind == "boolean":
        return float(rng.integers(0, 2))
    return float(rng.uniform(scale.lower, scale.upper))


def scaled_evaluation(rng: np.random.Generator, n: int, m: int) -> Evaluation:
    """Two areas of criteria on ordinal, yes/no, numeric and piecewise scales, scored at random."""
    crits = tuple(
        Criterion(f"c{j}", "A" if j % 2 == 0 else "B", {"en": f"c{j}"}, SCALES[j % len(SCALES)])
        for j in range(m)
    )
    alts = tuple(Alternative(f"a{i}", f"Alternative {i}") for i in range(n))
    assessments = {(a.id, c.id): Assessment(value=_draw(c.scale, rng)) for a in alts for c in crits}
    weights = {"A": 1.0, "B": 1.0, **{c.id: 1.0 for c in crits}}
    return Evaluation(
        title="random",
        areas=(Area("A", {"en": "A"}), Area("B", {"en": "B"})),
        criteria=crits,
        alternatives=alts,
        assessments=frozen_map(assessments),
        weights=frozen_map(weights),
    )


def problems(kind: str) -> list[Problem]:
    rng = np.random.default_rng({"bare": 11, "scaled": 12}[kind])
    sizes = [(3, 2), (6, 5), (13, 19)]
    if kind == "bare":
        return [bare_problem(rng, n, m) for n, m in sizes]
    return [build_problem(scaled_evaluation(rng, n, m)) for n, m in sizes]


def _reference(
    p: Problem, w: np.ndarray, method_id: str, matrix: np.ndarray | None = None
) -> methods.Ranking:
    q = replace(p, weights=w) if matrix is None else replace(p, weights=w, matrix=matrix)
    return methods.rank(q, method_id, engine="scikit-criteria")


@pytest.mark.parametrize("kind", ["bare", "scaled"])
@pytest.mark.parametrize("method_id", fastengine.FAST_METHODS)
def test_fast_engine_ranks_and_scores_like_scikit_criteria(kind: str, method_id: str) -> None:
    rng = np.random.default_rng(21)
    for p in problems(kind):
        assert p.bare == (kind == "bare")
        weights = rng.dirichlet(np.ones(len(p.criteria)), size=SAMPLES)
        fast_scores = fastengine.scores(p, weights, method_id)
        fast_ranks = fastengine.ranks(p, weights, method_id)
        assert fast_scores.shape == fast_ranks.shape == (SAMPLES, len(p.alternatives))
        for k, w in enumerate(weights):
            ref = _reference(p, w, method_id)
            np.testing.assert_allclose(
                fast_scores[k], ref.scores, rtol=1e-9, atol=1e-12, err_msg=f"sample {k}"
            )
            np.testing.assert_array_equal(fast_ranks[k], ref.ranks, err_msg=f"sample {k}")


@pytest.mark.parametrize("kind", ["bare", "scaled"])
@pytest.mark.parametrize("method_id", fastengine.FAST_METHODS)
def test_fast_engine_with_one_matrix_per_sample(kind: str, method_id: str) -> None:
    """A (k, n, m) stack of matrices (score draws within ranges) with k weight vectors."""
    rng = np.random.default_rng(31)
    p = problems(kind)[1]
    k = 60
    weights = rng.dirichlet(np.ones(len(p.criteria)), size=k)
    if p.bare:
        stack = p.matrix[None] * rng.uniform(0.7, 1.3, size=(k, *p.matrix.shape))
    else:
        stack = np.clip(p.matrix[None] + rng.normal(0, 0.15, size=(k, *p.matrix.shape)), 0.0, 1.0)
    fast_scores = fastengine.scores(p, weights, method_id, stack)
    fast_ranks = fastengine.ranks(p, weights, method_id, stack)
    assert fast_scores.shape == (k, len(p.alternatives))
    for i in range(k):
        ref = _reference(p, weights[i], method_id, stack[i])
        np.testing.assert_allclose(fast_scores[i], ref.scores, rtol=1e-9, atol=1e-12, err_msg=f"sample {i}")
        np.testing.assert_array_equal(fast_ranks[i], ref.ranks, err_msg=f"sample {i}")


@pytest.mark.parametrize("method_id", fastengine.FAST_METHODS)
def test_a_stack_of_one_matrix_equals_the_plain_matrix(method_id: str) -> None:
    p = problems("bare")[1]
    w = np.random.default_rng(4).dirichlet(np.ones(len(p.criteria)), size=7)
    plain = fastengine.scores(p, w, method_id)
    stacked = fastengine.scores(p, w, method_id, np.broadcast_to(p.matrix, (7, *p.matrix.shape)).copy())
    np.testing.assert_allclose(stacked, plain, rtol=1e-12)


@pytest.mark.parametrize("method_id", fastengine.FAST_METHODS)
def test_one_weight_vector_and_unnormalised_weights(method_id: str) -> None:
    """A 1-D weight vector gives one row; points that do not sum to 1 are normalised as methods.rank does."""
    p = problems("scaled")[1]
    w = np.arange(1.0, len(p.criteria) + 1)
    s = fastengine.scores(p, w, method_id)
    assert s.shape == (1, len(p.alternatives))
    np.testing.assert_allclose(
        s[0],
        methods.rank(replace(p, weights=w / w.sum()), method_id, engine="scikit-criteria").scores,
        rtol=1e-9,
    )
    np.testing.assert_allclose(fastengine.scores(p, w * 37.0, method_id), s, rtol=1e-12)


@pytest.mark.parametrize("method_id", fastengine.FAST_METHODS)
def test_ties_and_degenerate_problems_agree(method_id: str) -> None:
    """Identical alternatives tie in both engines; constant criteria and zero weights change nothing."""
    rng = np.random.default_rng(5)
    base = bare_problem(rng, 5, 4)
    m = base.matrix.copy()
    m[3] = m[1]  # two identical alternatives
    m[:, 2] = 7.0  # a constant criterion
    p = replace(base, matrix=m)
    weights = rng.dirichlet(np.ones(4), size=40)
    weights[:10, 0] = 0.0  # some zero weights
    weights /= weights.sum(axis=1, keepdims=True)
    fast = fastengine.ranks(p, weights, method_id)
    for k, w in enumerate(weights):
        ref = _reference(p, w, method_id)
        np.testing.assert_array_equal(fast[k], ref.ranks, err_msg=f"sample {k}")
        assert fast[k, 1] == fast[k, 3]


@pytest.mark.parametrize("method_id", fastengine.FAST_METHODS)
def test_one_alternative_agrees(method_id: str) -> None:
    p = problems("scaled")[0]
    one = replace(p, alternatives=p.alternatives[:1], names=p.names[:1], matrix=p.matrix[:1])
    ref = methods.rank(one, method_id, engine="scikit-criteria")
    np.testing.assert_allclose(fastengine.scores(one, one.weights, method_id)[0], ref.scores)
    np.testing.assert_array_equal(fastengine.ranks(one, one.weights, method_id)[0], [1])


@pytest.mark.parametrize("kind", ["bare", "scaled"])
@pytest.mark.parametrize(("method_id", "params"), [("waspas", {"lambda": 0.0}), ("waspas", {"lambda": 0.8}),
                                                   ("vikor", {"v": 0.2})])  # fmt: skip
def test_fast_engine_reads_the_method_parameters(kind: str, method_id: str, params: dict) -> None:
    """WASPAS's λ (and VIKOR's v) from the evaluation's parameters, as the pipeline reads them."""
    rng = np.random.default_rng(23)
    p = replace(problems(kind)[2], params=params)
    weights = rng.dirichlet(np.ones(len(p.criteria)), size=40)
    fast = fastengine.scores(p, weights, method_id)
    assert not np.allclose(fast, fastengine.scores(replace(p, params={}), weights, method_id))
    for k, w in enumerate(weights):
        np.testing.assert_allclose(fast[k], _reference(p, w, method_id).scores, rtol=1e-9, atol=1e-12)


def test_dense_ranks_match_the_single_vector_version() -> None:
    rng = np.random.default_rng(6)
    s = rng.integers(0, 4, size=(50, 7)).astype(float)
    for higher in (True, False):
        fast = fastengine.dense_ranks(s, higher)
        for k in range(len(s)):
            np.testing.assert_array_equal(fast[k], methods.dense_rank(s[k], higher))


def test_unknown_method_is_refused() -> None:
    p = problems("bare")[0]
    with pytest.raises(ValueError, match="no method 'electre1'"):
        fastengine.scores(p, p.weights, "electre1")


@pytest.mark.parametrize("method_id", fastengine.FAST_METHODS)
def test_round_number_weights_on_ordinal_levels_tie_alike(method_id: str) -> None:
    """Workshop weights are round numbers and ordinal values quarters, so exact ties are common; both engines
    must see them as ties, not as a last-bit difference."""
    rng = np.random.default_rng(41)
    names = tuple(f"a{i}" for i in range(5))
    for _ in range(150):
        values = rng.choice([0.0, 0.25, 0.5, 0.75, 1.0], size=(5, 4))
        w = rng.choice([1.0, 2.0, 3.0, 5.0], size=4)
        w /= w.sum()
        p = Problem(names, names, ("c1", "c2", "c3", "c4"), values, np.ones(4, dtype=int), w, False)
        ref = methods.rank(p, method_id, engine="scikit-criteria")
        np.testing.assert_array_equal(fastengine.ranks(p, w, method_id)[0], ref.ranks, err_msg=str(values))


@pytest.mark.parametrize("method_id", fastengine.FAST_METHODS)
def test_fast_engine_agrees_on_the_bundled_sample(method_id: str) -> None:
    """The real Beter Samenwerken evaluation (14 suites × 19 criteria, ordinal and numeric scales)."""
    from evaluator.sample import load_sample

    p = build_problem(load_sample())
    assert not p.bare and len(p.alternatives) >= 2
    weights = np.random.default_rng(51).dirichlet(np.ones(len(p.criteria)), size=SAMPLES)
    fast_scores = fastengine.scores(p, weights, method_id)
    fast_ranks = fastengine.ranks(p, weights, method_id)
    for k, w in enumerate(weights):
        ref = _reference(p, w, method_id)
        np.testing.assert_allclose(fast_scores[k], ref.scores, rtol=1e-9, atol=1e-12, err_msg=f"sample {k}")
        np.testing.assert_array_equal(fast_ranks[k], ref.ranks, err_msg=f"sample {k}")
    # and with the agreed weights the fast engine gives the memo's ranking
    agreed = methods.rank(p, method_id, engine="scikit-criteria")
    np.testing.assert_array_equal(fastengine.ranks(p, p.weights, method_id)[0], agreed.ranks)
