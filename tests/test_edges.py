"""Numbers at the edges: every method (scikit-criteria pipelines and the vectorised engine) gives a defined result
or a clear ``InputError`` — one alternative, one criterion, identical alternatives, a constant criterion, zero and
tiny weights, huge and tiny values, on bare matrices and on evaluations with scales.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from evaluator import fastengine
from evaluator.errors import InputError
from evaluator.io.bare import BareMatrix, bare_evaluation
from evaluator.methods import METHODS, rank
from evaluator.model import Evaluation, frozen_map
from evaluator.problem import build_problem
from tests.hardening_helpers import make_evaluation


def _bare(matrix, objectives=None, weights=None) -> Evaluation:
    m = np.asarray(matrix, dtype=float)
    n, k = m.shape
    return bare_evaluation(
        BareMatrix(
            [f"A{i}" for i in range(n)],
            [f"C{j}" for j in range(k)],
            m.tolist(),
            objectives or [1 if j % 2 == 0 else -1 for j in range(k)],
            weights or [1.0] * k,
        )
    )


def _scaled(n_alt: int, n_crit: int, same: bool = False, weights: dict | None = None) -> Evaluation:
    ev = make_evaluation(n_alt, n_crit, seed=4)
    if same:
        first = ev.alternatives[0].id
        ev = replace(
            ev,
            assessments=frozen_map({(a.id, c): ev.assessments[(first, c)] for a in ev.alternatives for (_, c) in
                                    [(None, c.id) for c in ev.criteria]}),
        )  # fmt: skip
    if weights is not None:
        ev = replace(ev, weights=frozen_map({**ev.weights, **weights}))
    return ev


CASES = {
    "one alternative (bare)": lambda: _bare([[3.0, 5.0, 1.0]]),
    "one criterion (bare)": lambda: _bare([[3.0], [5.0], [1.0]]),
    "one by one (bare)": lambda: _bare([[7.0]]),
    "identical alternatives (bare)": lambda: _bare([[2.0, 3.0, 4.0]] * 4),
    "constant criterion (bare)": lambda: _bare([[1.0, 5.0, 2.0], [2.0, 5.0, 3.0], [3.0, 5.0, 1.0]]),
    "zero weights on some (bare)": lambda: _bare([[1.0, 5.0, 2.0], [2.0, 4.0, 3.0]], weights=[0.0, 0.0, 1.0]),
    "tiny weights (bare)": lambda: _bare(
        [[1.0, 5.0, 2.0], [2.0, 4.0, 3.0]], weights=[1e-300, 1e-300, 1e-300]
    ),
    "mixed tiny and big weights (bare)": lambda: _bare([[1.0, 5.0], [2.0, 4.0]], weights=[1e-300, 1e300]),
    "huge values (bare)": lambda: _bare(
        [[1e300, 1e-300, 1e300], [1e299, 1e300, 1e-300], [1e300, 1e300, 1e300]]
    ),
    "huge spread (bare)": lambda: _bare([[1e-300, 1.0], [1e300, 2.0]]),
    "negative and zero values (bare)": lambda: _bare([[-1.0, 0.0], [0.0, 3.0], [2.0, -5.0]]),
    "all zero column (bare)": lambda: _bare([[0.0, 1.0], [0.0, 2.0]]),
    "one alternative (scales)": lambda: _scaled(1, 6),
    "one criterion (scales)": lambda: _scaled(4, 1),
    "identical alternatives (scales)": lambda: _scaled(4, 6, same=True),
    "zero weight on an area (scales)": lambda: _scaled(4, 8, weights={"A": 0.0}),
    "tiny weights (scales)": lambda: _scaled(
        4, 8, weights={"A": 1e-300, "B": 1e-300, "C": 1e-300, "D": 1e-300}
    ),
}


def _check_ranking(r, n: int, label: str) -> None:
    assert len(r.ranks) == n and len(r.scores) == n, label
    assert np.all(np.isfinite(r.scores)), f"{label}: scores {r.scores}"
    assert np.all(r.ranks >= 1) and np.all(r.ranks <= max(n, 1)), f"{label}: ranks {r.ranks}"
    assert r.ranks.dtype.kind == "i"


# Cases this module found and methods.rank now refuses with a message (it let scikit-criteria's ValueError out).
KNOWN: set[tuple[str, str]] = set()


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_gives_a_result_or_a_clear_message(case, method, request):
    if (method, case) in KNOWN:
        request.applymarker(
            pytest.mark.xfail(raises=ValueError, strict=True, reason="float overflow in the pipeline")
        )
    ev = CASES[case]()
    try:
        p = build_problem(ev)
        r = rank(p, method, {})
    except InputError as exc:
        line = exc.line()
        assert line and "\n" not in line and "Traceback" not in line
        assert not line.startswith("internal")
        return
    _check_ranking(r, len(p.alternatives), f"{method} on {case}")
    if "identical" in case:
        assert len(set(r.ranks.tolist())) == 1, f"{method}: identical alternatives ranked apart: {r.ranks}"
    if "one alternative" in case:
        assert r.ranks.tolist() == [1]


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("method", fastengine.FAST_METHODS)
def test_fast_engine_is_defined_where_the_pipeline_is(case, method, request):
    if (method, case) in KNOWN:
        request.applymarker(
            pytest.mark.xfail(raises=ValueError, strict=True, reason="float overflow in the pipeline")
        )
    ev = CASES[case]()
    try:
        p = build_problem(ev)
        reference = rank(p, method, {}, engine="scikit-criteria")
    except InputError:
        return  # the pipeline refuses it with a message; the engine is never asked
    with np.errstate(all="ignore"):
        s = fastengine.scores(p, p.weights, method)
    assert s.shape == (1, len(p.alternatives))
    assert np.all(np.isfinite(s)), f"fast {method} on {case}: {s}"
    if len(p.alternatives) > 1 and "huge" not in case and "tiny" not in case:
        fast = fastengine.ranks(p, p.weights, method)[0]
        assert fast.tolist() == reference.ranks.tolist(), (
            f"fast {method} on {case}: {fast} vs {reference.ranks}"
        )


def test_all_zero_weights_are_refused_clearly():
    with pytest.raises(InputError, match="all weights are zero"):
        build_problem(_scaled(3, 4, weights={"A": 0.0, "B": 0.0, "C": 0.0, "D": 0.0}))


def test_no_alternatives_and_no_criteria_are_refused_clearly():
    ev = make_evaluation(3, 4)
    with pytest.raises(InputError, match="no alternatives"):
        build_problem(replace(ev, alternatives=(), assessments=frozen_map()))
    with pytest.raises(InputError, match="no criteria"):
        build_problem(replace(ev, criteria=(), assessments=frozen_map()))


def test_regression_overflow_is_refused_with_a_message():
    """Found by this module: scikit-criteria raised ValueError ("doesn't look like a ranking") past rank()."""
    with pytest.raises(InputError, match="waspas .*extreme values"):
        rank(build_problem(CASES["huge spread (bare)"]()), "waspas", {})


def test_huge_values_rank_as_the_same_matrix_in_a_larger_unit():
    """TOPSIS on values near 1e300 once overflowed (refused, or a criterion silently dropped); each criterion is
    now divided by its largest value first, which changes no result: the ranking is that of the matrix in units
    of 1e300."""
    huge = build_problem(CASES["huge values (bare)"]())
    small = replace(huge, matrix=np.array([[1.0, 0.0, 1.0], [0.1, 1.0, 0.0], [1.0, 1.0, 1.0]]))
    for method in ("topsis", "wsm", "vikor", "moora"):
        assert rank(huge, method, {}).ranks.tolist() == rank(small, method, {}).ranks.tolist(), method
