"""The short cuts a score change takes (issue 10, speed): the cells it set are noted, and the summary, the store,
the validity check and the score matrix look at those cells only. Each must give what the full comparison gives."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from evaluator.changes import Batch, SetAssessment, set_score
from evaluator.errors import ChangeError
from evaluator.problem import _score_matrix, exclusions, score_matrix
from evaluator.store import Store
from evaluator.summary import _summarize, summarize
from tests.hardening_helpers import make_evaluation


def test_noted_cells_give_what_the_full_comparison_gives(tmp_path):
    ev = make_evaluation(12, 9, seed=5)
    path = tmp_path / "a.afweging"
    store = Store.create(path, ev)
    a, b = ev.alternatives[2].id, ev.alternatives[7].id
    c, d = ev.criteria[1].id, ev.criteria[4].id
    score_matrix(store.evaluation)  # cached: the next ones are derived from it
    steps = [
        set_score(store.evaluation, a, c, None),
        Batch((set_score(store.evaluation, b, d, None), SetAssessment(a, d, None))),
    ]
    for change in steps:
        before = store.evaluation
        store.apply(change)
        after = store.evaluation
        assert summarize(before, after) == _summarize_full(before, after)
        assert np.array_equal(score_matrix(after), _score_matrix(after), equal_nan=True)
        assert exclusions(after) == _exclusions_loop(after)
    with Store.open(path, readonly=True) as again:
        assert again.evaluation == store.evaluation  # the store wrote exactly the cells that changed
    store.close()


def test_a_noted_cell_that_does_not_fit_is_still_refused(tmp_path):
    ev = make_evaluation(5, 4, seed=2)
    store = Store.create(tmp_path / "b.afweging", ev)
    a, c = ev.alternatives[0].id, ev.criteria[0].id
    s, before = ev.assessment(a, c), store.evaluation
    with pytest.raises(ChangeError):
        store.apply(SetAssessment(a, c, replace(s, low=3.0, high=1.0)))
    assert store.evaluation is before
    store.close()


def _summarize_full(old, new):  # noqa: ANN001, ANN202 - the comparison without noted cells
    import evaluator.summary as summary

    saved = list(summary._DERIVED)
    summary._DERIVED.clear()
    try:
        return _summarize(old, new)
    finally:
        summary._DERIVED[:] = saved


def _exclusions_loop(ev):  # noqa: ANN001, ANN202 - the loop the NumPy form replaced
    from evaluator.problem import Exclusion

    m = _score_matrix(ev)
    out = []
    for i, a in enumerate(ev.alternatives):
        for j, c in enumerate(ev.criteria):
            x = m[i, j]
            if np.isnan(x):
                out.append(Exclusion(a.id, c.id, "missing"))
            elif c.minimum is not None and (x > c.minimum if c.scale.direction == "cost" else x < c.minimum):
                out.append(Exclusion(a.id, c.id, "below_minimum", float(x), c.minimum))
    return tuple(out)
