"""The results page ranks provisionally while an alternative is only partly scored, and says so and by which rule."""

from __future__ import annotations

import pytest

from evaluator.changes import AddAlternative, SetAssessment
from evaluator.methods import rank
from evaluator.model import Alternative, Assessment
from evaluator.problem import build_problem
from evaluator.provisional import provisional
from ui.document import Document
from ui.i18n import set_language
from ui.results_view import ResultsView


@pytest.fixture
def results(wdoc, qtbot) -> ResultsView:
    v = ResultsView(wdoc)
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    qtbot.waitExposed(v)
    return v


def rows(v: ResultsView) -> list[str]:
    return [r.name for r in v.chart.data().rows]


def add_partly_scored(doc: Document) -> None:
    """A user adds an alternative and scores every criterion but D2 (scores as the best alternative's)."""
    ev = doc.evaluation
    assert doc.apply(AddAlternative(Alternative("cryptpad", "CryptPad")))
    for c in ev.criteria:
        if c.id != "D2":
            assert doc.apply(
                SetAssessment("cryptpad", c.id, Assessment(ev.assessments[("alt1", c.id)].value))
            )


def test_partly_scored_alternative_is_ranked_provisionally_with_the_rule_stated(results: ResultsView, wdoc):
    full_before = rows(results)
    assert "CryptPad" not in full_before
    add_partly_scored(wdoc)
    shown = rows(results)
    assert "CryptPad" in shown, "a partly scored alternative shows in the provisional ranking"
    p = provisional(wdoc.evaluation)
    r = rank(build_problem(p.evaluation), "wsm")
    assert shown == [r.names[i] for i in r.order()]  # the core's ranking on the criteria kept
    status = results.status.text()
    assert results.status.isVisible()
    assert "<b>Voorlopige rangorde</b>" in status and "D2" in status and "weggelaten" in status
    assert "VOORLOPIGE RANGORDE" in results.chart.data().caption
    # the knocked-out alternative is still listed as not ranked, with its reason; CryptPad is not
    assert "✕" in results.excluded.text() and "CryptPad" not in results.excluded.text()
    set_language("en")
    assert "Provisional ranking" in results.status.text() and "left out: D2" in results.status.text()


def test_scoring_the_last_cell_ends_the_provisional_ranking(results: ResultsView, wdoc):
    add_partly_scored(wdoc)
    assert results.provisional is not None
    assert wdoc.apply(SetAssessment("cryptpad", "D2", Assessment(1.0)))
    assert results.provisional is None
    assert "Voorlopige" not in results.status.text()
    r = rank(build_problem(wdoc.evaluation), "wsm")
    assert rows(results) == [r.names[i] for i in r.order()]


def test_the_methods_table_ranks_the_same_alternatives(results: ResultsView, wdoc):
    add_partly_scored(wdoc)
    assert results.wait_for_methods()
    assert "cryptpad" in results.compare._ids
    slow = [m for m in results.compare._ranks if results.compare.rank_of("cryptpad", m) is not None]
    assert len(slow) == len(results.compare._ranks), "every method ranks CryptPad provisionally"
