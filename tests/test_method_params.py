"""A file's own method settings (VIKOR's v) mean the same to rank, the live engine and the robustness analysis."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from evaluator import fastengine
from evaluator.changes import SetMethodParams, apply_change
from evaluator.methods import rank
from evaluator.problem import build_problem
from evaluator.sensitivity import acceptability
from tests.helpers import small_evaluation


def _with_v(v: float):
    ev, _ = apply_change(small_evaluation(), SetMethodParams({"v": v}))
    return ev


def test_fast_engine_and_pipeline_use_the_files_v_sample_by_sample():
    p = build_problem(_with_v(0.1))
    rng = np.random.default_rng(7)
    weights = rng.dirichlet(np.ones(len(p.criteria)), 50)
    fast = fastengine.scores(p, weights, "vikor")
    for w, s in zip(weights, fast, strict=True):
        np.testing.assert_allclose(
            rank(replace(p, weights=w), "vikor", engine="scikit-criteria").scores, s, atol=1e-12
        )


def test_v_changes_the_scores_and_the_robustness_run_follows_it():
    low, mid = build_problem(_with_v(0.1)), build_problem(_with_v(0.5))
    assert not np.allclose(rank(low, "vikor").scores, rank(mid, "vikor").scores)
    a = acceptability(_with_v(0.1), method="vikor", samples=2000, seed=3)
    b = acceptability(_with_v(0.5), method="vikor", samples=2000, seed=3)
    assert not np.allclose(a.acceptability, b.acceptability)
    # and the run with v = 0.5 set explicitly is the run without any setting (the default)
    c = acceptability(small_evaluation(), method="vikor", samples=2000, seed=3)
    np.testing.assert_allclose(b.acceptability, c.acceptability)


def test_rank_reversal_checks_run_the_very_pipeline_rank_runs():
    """agreement.rank_reversal uses methods.decision; its pipeline must rank as rank() does (MOORA's own
    normalisation and WPM's floor included), or the checks would test another method."""
    import pytest

    from evaluator.methods import METHODS, decision, dense_rank

    p = build_problem(small_evaluation())
    for m in METHODS:
        if m == "electre1":
            continue  # a kernel, not a ranking
        dm, pipeline, read_score = decision(p, m)
        scores = np.asarray(read_score(pipeline.evaluate(dm)), dtype=float).reshape(-1)
        assert scores == pytest.approx(rank(p, m, engine="scikit-criteria").scores), m
        assert (
            dense_rank(scores, METHODS[m].higher_is_better, METHODS[m].tie_floor).tolist()
            == rank(p, m).ranks.tolist()
        ), m


def test_a_parameter_is_written_as_the_language_writes_numbers() -> None:
    from evaluator.methods import METHODS

    v = next(q for q in METHODS["vikor"].params if q.name == "v")
    assert v.show(lang="nl") == f"{v.symbol or v.name} = 0,5"
    assert v.show(lang="en") == f"{v.symbol or v.name} = 0.5"
    assert v.show(0.123456, lang="nl").endswith("= 0,123456")  # no digits lost, no exponent
    assert v.show(1e-5, lang="en").endswith("= 0.00001")
