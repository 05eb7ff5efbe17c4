"""The audit label of a set of weights says which weighting made it (issue 11): "Gewichten (swing, 2 gebieden)",
not "Weights (2)" — swing, rank order, AHP, equal, a projector vote, group adoption; in Dutch and English."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evaluator.changes import AddParticipant, SetWeights, change_from_data
from evaluator.model import Participant
from evaluator.weighting import points_from_global
from evaluator.workshop import adopt_group_weights
from tests.ui.modals import DESTROY, answer
from ui.main_window import MainWindow
from ui.projector import ProjectorWindow


def newest(window: MainWindow) -> tuple[str, str]:
    e = window.doc.audit(1)[0]
    return e.label_in("nl"), e.label_in("en")


def test_each_way_of_weighing_is_in_the_label(qtbot, window: MainWindow):
    weights = window.show_page("weights")
    qtbot.waitUntil(weights.isVisible)
    answer(qtbot, [DESTROY], lambda: qtbot.mouseClick(weights.points.equal, Qt.MouseButton.LeftButton))
    nl, en = newest(window)
    assert nl.startswith("Gewichten (even belangrijk,") and en.startswith("Weights (equal,"), (nl, en)
    for panel, dutch, english in (
        (weights.swing, "swing", "swing"),
        (weights.rank_order, "rangorde", "rank order"),
    ):
        weights.tabs.setCurrentWidget(panel)
        panel.move(1)
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
        nl, en = newest(window)
        assert nl.startswith(f"Gewichten ({dutch}, ") and en.startswith(f"Weights ({english}, "), (nl, en)
        assert "gebied" in nl or "criteri" in nl
    weights.tabs.setCurrentWidget(weights.ahp)
    dlg = weights.ahp.open_dialog()
    dlg.show()
    qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    nl, en = newest(window)
    assert nl.startswith("Gewichten (AHP, ") and en.startswith("Weights (AHP, "), (nl, en)


def test_a_projector_vote_and_group_adoption_are_named(qtbot, doc):
    doc.apply(AddParticipant(Participant("ann", "Ann")))
    proj = ProjectorWindow(doc)
    qtbot.addWidget(proj)
    proj.resize(1280, 720)
    proj.show()
    proj.setFocus()
    qtbot.keyClick(proj, Qt.Key.Key_C)
    qtbot.keyClick(proj, Qt.Key.Key_7)
    e = doc.audit(1)[0]
    assert e.label_in("nl") == "Gewichten (beamerstem, 2 gebieden, 4 criteria) (Ann)", e.label_in("nl")
    assert e.label_in("en") == "Weights (projector vote, 2 areas, 4 criteria) (Ann)"
    assert doc.apply(adopt_group_weights(doc.evaluation))
    e = doc.audit(1)[0]
    assert e.label_in("nl").startswith("Gewichten (groepsgewichten overgenomen, ")
    assert e.label_in("en").startswith("Weights (group weights adopted, ")


def test_the_method_is_kept_with_the_change_and_left_out_when_unknown(doc):
    ev = doc.evaluation
    made = SetWeights(
        points_from_global(ev, {"A1": 0.25, "A2": 0.25, "B1": 0.25, "B2": 0.25}), None, True, "ahp"
    )
    assert change_from_data(made.to_data()) == made
    plain = SetWeights({"A1": 10.0, "A2": 20.0})
    assert "method" not in plain.to_data()  # files written before stay byte for byte the same
    assert plain.label(ev, "nl") == "Gewichten (2 criteria)"
    assert plain.label(ev, "en") == "Weights (2 criteria)"
