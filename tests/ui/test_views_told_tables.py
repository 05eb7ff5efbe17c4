"""The criteria and alternatives tables repaint only what a stored change touched (issue 10): a title or a score
repaints none of their cells, an edited alternative its one row."""

from __future__ import annotations

from dataclasses import replace

from evaluator.changes import SetSetting, UpdateAlternative, set_score
from ui.models.alternatives_model import AlternativesModel
from ui.models.criteria_model import CriteriaModel


def test_tables_repaint_only_what_a_change_touched(doc, qtbot):
    alts, crits = AlternativesModel(doc), CriteriaModel(doc)
    painted: list = []
    for m in (alts, crits):
        m.dataChanged.connect(lambda a, b, *_, m=m: painted.append((type(m).__name__, a.row(), b.row())))
        m.modelReset.connect(lambda m=m: painted.append((type(m).__name__, "reset")))
    assert doc.apply(SetSetting("title", "Andere titel"))
    ev = doc.evaluation
    assert doc.apply(set_score(ev, "teams", "A1", 3.0))
    assert painted == []
    ev = doc.evaluation
    assert doc.apply(UpdateAlternative(replace(ev.alternatives[1], vendor="ZenDiS GmbH")))
    assert painted == [("AlternativesModel", 1, 1)]
    assert alts.data(alts.index(1, 1)) == "ZenDiS GmbH"
