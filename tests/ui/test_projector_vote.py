"""A projector vote changes the one criterion on screen, never the rest of a participant's weighting
(issue 11, item 4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from evaluator.changes import AddParticipant, SetWeights
from evaluator.model import Participant
from evaluator.weighting import global_weights, points_from_global
from ui.projector import ProjectorWindow


@pytest.fixture
def proj(doc, qtbot):
    p = ProjectorWindow(doc)
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    p.setFocus()
    return p


def leaf(doc, pid: str) -> dict[str, float]:
    ev = doc.evaluation
    return global_weights(ev, ev.participant_weights[pid])


def test_a_vote_keeps_the_weights_a_participant_already_had(doc, proj, qtbot):
    doc.apply(AddParticipant(Participant("ann", "Ann")))
    before = {"A1": 0.4, "A2": 0.3, "B1": 0.2, "B2": 0.1}
    doc.apply(SetWeights(points_from_global(doc.evaluation, before), "ann", True))
    qtbot.keyClick(proj, Qt.Key.Key_C)
    assert proj.current_criterion() == "A1" and proj.voter() == "ann"
    qtbot.keyClick(proj, Qt.Key.Key_9)
    after = leaf(doc, "ann")
    assert after["A1"] > before["A1"]  # the criterion shown counts more …
    assert after["A1"] < 0.99  # … but is not everything
    for c, d in (("A2", "B1"), ("B1", "B2")):  # the others keep their proportions
        assert after[c] / after[d] == pytest.approx(before[c] / before[d])


def test_a_first_vote_does_not_zero_the_criteria_not_voted_on(doc, proj, qtbot):
    doc.apply(AddParticipant(Participant("bob", "Bob")))
    qtbot.keyClick(proj, Qt.Key.Key_C)
    qtbot.keyClick(proj, Qt.Key.Key_9)
    w = leaf(doc, "bob")
    assert w["A1"] < 0.99
    assert w["A2"] > 0
    assert w["A2"] == pytest.approx(w["B1"]) == pytest.approx(w["B2"])
    # the next criterion: only that one moves
    qtbot.keyClick(proj, Qt.Key.Key_Right)
    assert proj.current_criterion() == "A2"
    qtbot.keyClick(proj, Qt.Key.Key_1)
    w2 = leaf(doc, "bob")
    assert w2["A1"] / w2["B1"] == pytest.approx(w["A1"] / w["B1"])
    assert w2["A2"] < w2["B1"] == pytest.approx(w2["B2"])
