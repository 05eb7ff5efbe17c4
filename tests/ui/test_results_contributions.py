"""The results page draws the chosen method's own parts of the score, or says plainly that it has none.

A workshop reads the bars as "why this alternative scores what it scores": for a method whose score is not a sum
over the criteria the page must not show another method's parts.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from evaluator.io.bare import BareMatrix, bare_evaluation
from evaluator.methods import METHODS
from evaluator.store import Store
from ui.document import Document
from ui.i18n import set_language
from ui.results_view import ResultsView
from ui.weights_view import WeightsView

NOT_SPLIT = "does not split its score by criterion"


@pytest.fixture
def results(wdoc, qtbot) -> ResultsView:
    set_language("en")
    v = ResultsView(wdoc)
    qtbot.addWidget(v)
    v.resize(1280, 720)
    return v


def choose(v: ResultsView, method: str) -> None:
    """Pick ``method`` in the page's method box, as a user does."""
    v.method_box.setCurrentIndex(v.method_box.findData(method))
    v.method_box.activated.emit(v.method_box.currentIndex())
    assert v.doc.evaluation.method == method


def bars(v: ResultsView) -> np.ndarray:
    return np.vstack([row.values for row in v.chart.data().rows])


def shown_scores(v: ResultsView) -> np.ndarray:
    r = v.ranking
    return np.array([r.scores[i] for i in r.order()])


@pytest.mark.parametrize("method", ["wsm", "moora"])
def test_a_method_with_parts_draws_one_segment_per_criterion_adding_up_to_its_score(
    results: ResultsView, method: str
):
    choose(results, method)
    data = results.chart.data()
    assert results.ranking.method == method
    assert bars(results).shape == (len(data.rows), len(results.doc.evaluation.criteria))
    np.testing.assert_allclose(bars(results).sum(axis=1), shown_scores(results), rtol=0, atol=1e-12)
    assert data.caption.startswith("Bar: each criterion's part of the score (the parts add up to it)")
    assert METHODS[method].score_meaning("en") in data.caption
    assert NOT_SPLIT not in results.status.text()
    assert len(data.legend) == len(results.doc.evaluation.areas)  # the segments' colours are explained


def test_moora_bars_are_not_the_weighted_sums(results: ResultsView):
    choose(results, "wsm")
    wsm = bars(results)
    choose(results, "moora")
    assert not np.allclose(bars(results), wsm)
    assert "normalised value" in results.chart.data().tooltip(0, 0)


@pytest.mark.parametrize("method", ["topsis", "wpm", "waspas"])
def test_a_method_without_parts_draws_its_score_as_one_plain_bar_and_says_why(
    results: ResultsView, method: str
):
    choose(results, method)
    data = results.chart.data()
    assert bars(results).shape == (len(data.rows), 1)
    np.testing.assert_allclose(bars(results)[:, 0], shown_scores(results))
    assert data.legend == ()  # no area colours: the bar is not split by area
    name = METHODS[method].title("en")
    assert data.caption == f"Bar and number: {name}, {METHODS[method].score_meaning('en')}"
    assert results.status.isVisibleTo(results)
    assert results.status.text() == (
        f"{name} does not split its score by criterion; the Profile tab on the right shows where each "
        "alternative is strong or weak."
    )


def test_vikor_shows_its_number_without_bars(results: ResultsView):
    """Lower is better: a bar of Q would give the winner the shortest bar."""
    choose(results, "vikor")
    data = results.chart.data()
    assert (bars(results) == 0).all()
    assert [row.score for row in data.rows][0] == "0.000"  # the best compromise
    assert data.caption == "Number: VIKOR, Q (lower is better) · no bars, as the lowest number is the best"
    assert NOT_SPLIT in results.status.text()


def test_electre_i_is_ranked_live_by_its_kernel(results: ResultsView):
    """ELECTRE I ranks live as every other method: the kernel first, a full bar for its members, none for the
    others, the numbers 1 and 0 as its score means, and the same ranks as the core's ranking of the file."""
    from evaluator.methods import rank
    from evaluator.problem import build_problem

    choose(results, "electre1")
    r = results.ranking
    assert r.method == "electre1"
    core = rank(build_problem(results.doc.evaluation), "electre1")
    assert dict(zip(r.alternatives, r.ranks.tolist(), strict=True)) == dict(
        zip(core.alternatives, core.ranks.tolist(), strict=True)
    )
    data = results.chart.data()
    assert data.caption.startswith("Bar and number: ELECTRE")
    assert {row.score for row in data.rows} <= {"1", "0"}
    assert [float(row.values[0]) for row in data.rows] == [1.0 if row.rank == 1 else 0.0 for row in data.rows]
    assert "weighted sum" not in results.status.text()
    assert NOT_SPLIT in results.status.text()


def test_the_weights_panel_draws_the_same_bars(wdoc: Document, results: ResultsView, qtbot):
    weights = WeightsView(wdoc)
    qtbot.addWidget(weights)
    for method in ("moora", "topsis"):
        choose(results, method)
        panel = weights.ranking.chart.data()
        np.testing.assert_allclose(
            np.vstack([row.values for row in panel.rows]), bars(results), rtol=0, atol=0
        )
        assert [row.score for row in panel.rows] == [row.score for row in results.chart.data().rows]


def test_moora_draws_a_cost_criterion_left_of_the_zero_line(tmp_path: Path, qtbot):
    set_language("en")
    bm = BareMatrix(
        ["Alpha", "Beta", "Gamma"],
        ["price", "quality", "speed"],
        [[100, 7, 30], [60, 5, 40], [80, 9, 20]],
        [-1, 1, 1],
        [1.0, 2.0, 1.0],
    )
    Store.create(tmp_path / "bare.afweging", replace(bare_evaluation(bm), method="moora")).close()
    doc = Document.open(tmp_path / "bare.afweging")
    try:
        v = ResultsView(doc)
        qtbot.addWidget(v)
        v.resize(1100, 600)
        v.show()
        qtbot.waitExposed(v)
        data = v.chart.data()
        assert (bars(v)[:, 0] < 0).all() and (bars(v)[:, 1:] > 0).all()
        assert data.caption.endswith("cost criteria count against it: left of the zero line")
        v.chart.grab()  # paints: the segments' places are what the mouse finds
        for _top, _bottom, starts, widths in v.chart._hits:
            zero = starts[1]  # the first benefit part starts at the zero line
            assert starts[0] + widths[0] == pytest.approx(zero)  # the price part ends there, on its left
            assert widths[0] > 0
        assert (
            v.wait_for_methods()
        )  # the other methods, ranked off the GUI thread, are done before the file closes
        v.close()
    finally:
        doc.close()


def test_the_captions_and_the_note_are_dutch_in_dutch(results: ResultsView):
    choose(results, "topsis")
    set_language("nl")
    assert results.chart.data().caption.startswith("Balk en getal: TOPSIS")
    assert "deelt zijn score niet op per criterium" in results.status.text()
    choose(results, "wsm")
    assert results.chart.data().caption.startswith("Balk: het deel van elk criterium in de score")
