"""The workshop page drives a round with three participants; the projector mode is keyboard-driven."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from evaluator.changes import SetSetting
from evaluator.weighting import global_weights
from evaluator.workshop import group_weights, not_voted
from tests.ui.modals import DESTROY, answer
from ui.projector import ProjectorWindow
from ui.workshop_view import START_POINTS, WorkshopView

VOTES = {  # importance points per criterion A1, A2, B1, B2
    "ann": (80, 60, 20, 10),
    "bob": (10, 20, 90, 70),
    "cem": (50, 50, 50, 50),
}


def add(qtbot, view, name):
    view.new_name.setFocus()
    qtbot.keyClicks(view.new_name, name)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def view(doc, qtbot):
    v = WorkshopView(doc)
    qtbot.addWidget(v)
    v.resize(1280, 900)
    v.show()
    return v


def test_a_round_with_three_participants(doc, view, qtbot, tmp_path):
    for name in ("Ann", "Bob", "Cem"):
        add(qtbot, view, name)
    assert [p.name for p in doc.evaluation.participants] == ["Ann", "Bob", "Cem"]
    assert not view.results.isVisible() and "0 van de 3" in view.status.text()
    for k, (pid, points) in enumerate(VOTES.items()):
        assert view.voter.currentData() == pid  # the next one who has not voted
        # nobody sees the previous vote: every slider starts at the same place
        assert all(s.value() == START_POINTS for s in view.sliders.values())
        for slider, v in zip(view.sliders.values(), points, strict=True):
            slider.setFocus()
            slider.setValue(v)
        qtbot.mouseClick(view.submit, Qt.MouseButton.LeftButton)
        if k < 2:
            assert not view.results.isVisible()
            assert f"{k + 1} van de 3" in view.status.text()
            assert not view.adopt_button.isEnabled()
    ev = doc.evaluation
    assert not_voted(ev) == ()
    for pid, points in VOTES.items():
        expected = {c: v / sum(points) for c, v in zip(("A1", "A2", "B1", "B2"), points, strict=True)}
        assert global_weights(ev, ev.participant_weights[pid]) == pytest.approx(expected)
    # revealed: the group weights, named; the chart in agenda order; every participant's ranking
    assert view.results.isVisible()
    assert "rekenkundig gemiddelde" in view.group_label.text()
    assert "interkwartielafstand" in view.chart_label.text()
    # IQR of the global weights: A1 .209, B1 .178, B2 .155, A2 .124
    assert [r.label.split()[0] for r in view.chart.rows] == ["A1", "B1", "B2", "A2"]
    assert view.ranks.columnCount() == 5 and view.ranks.rowCount() == 3
    assert view.ranks.horizontalHeaderItem(2).text() == "Ann"
    view.grab().save(str(tmp_path / "workshop-round.png"))
    # adopt the group weights: one undoable change
    qtbot.mouseClick(view.adopt_button, Qt.MouseButton.LeftButton)
    assert global_weights(doc.evaluation) == pytest.approx(group_weights(ev).group)
    doc.undo_stack.undo()
    assert global_weights(doc.evaluation) == pytest.approx(global_weights(ev))
    # a new round clears every vote in one step and hides the results again
    answer(qtbot, [DESTROY], lambda: qtbot.mouseClick(view.round_button, Qt.MouseButton.LeftButton))
    assert not_voted(doc.evaluation) == ("ann", "bob", "cem")
    assert not view.results.isVisible()


def test_aggregation_and_anonymity_from_the_page(doc, view, qtbot):
    for name in ("Ann", "Bob"):
        add(qtbot, view, name)
    view.aggregation.setCurrentIndex(view.aggregation.findData("median"))
    view.aggregation.activated.emit(view.aggregation.currentIndex())
    assert doc.evaluation.aggregation == "median"
    qtbot.mouseClick(view.anonymous, Qt.MouseButton.LeftButton)
    assert doc.evaluation.anonymous
    shown = [view.people.item(i).text() for i in range(view.people.count())]
    assert shown[0].startswith("○  Deelnemer 1") and not any("Ann" in s or "Bob" in s for s in shown)
    assert [view.voter.itemText(i) for i in range(view.voter.count())] == ["Deelnemer 1", "Deelnemer 2"]


def test_projector_mode(doc, view, qtbot, tmp_path):
    for name in ("Ann de Vries", "Bob Jansen", "Cem Yilmaz"):
        add(qtbot, view, name)
    proj = ProjectorWindow(doc)
    qtbot.addWidget(proj)
    proj.resize(1280, 720)
    proj.show()
    proj.setFocus()
    shots = tmp_path / "projector"
    shots.mkdir()
    # before anyone votes: the criteria in the evaluation's order
    qtbot.keyClick(proj, Qt.Key.Key_C)
    assert proj.view == "criterion" and proj.current_criterion() == "A1"
    # digits vote, one participant after the other; the votes stay hidden until all three are in
    for digit, who in ((9, "ann-de-vries"), (2, "bob-jansen")):
        assert proj.voter() == who
        qtbot.keyClick(proj, getattr(Qt.Key, f"Key_{digit}"))
    proj.grab().save(str(shots / "1-criterion-voting.png"))
    qtbot.keyClick(proj, Qt.Key.Key_5)
    assert proj.voter() is None
    assert proj.votes == {"ann-de-vries": {"A1": 9}, "bob-jansen": {"A1": 2}, "cem-yilmaz": {"A1": 5}}
    assert len(doc.evaluation.participant_weights) == 3
    # next criterion with the arrow key, vote again
    qtbot.keyClick(proj, Qt.Key.Key_Right)
    assert proj.current_criterion() == "A2"
    for digit in (1, 8, 4):
        qtbot.keyClick(proj, getattr(Qt.Key, f"Key_{digit}"))
    ev = doc.evaluation
    # each vote changed one criterion; B1 and B2, not voted on, count as the neutral 5
    assert global_weights(ev, ev.participant_weights["ann-de-vries"]) == pytest.approx(
        {"A1": 0.45, "A2": 0.05, "B1": 0.25, "B2": 0.25}
    )
    proj.grab().save(str(shots / "2-criterion-revealed.png"))
    # the other views, by Tab and by letter
    qtbot.keyClick(proj, Qt.Key.Key_Tab)
    assert proj.view == "ranking"
    proj.grab().save(str(shots / "3-ranking.png"))
    qtbot.keyClick(proj, Qt.Key.Key_D)
    assert proj.view == "disagreement"
    # A1 and A2 were voted on and differ most; B1 and B2, at the neutral 5 for everyone, hardly differ
    assert proj.agenda() == ["A1", "A2", "B1", "B2"]
    assert (
        proj.current_criterion() == "A2"
    )  # the criterion under discussion stays put when the agenda reorders
    proj.grab().save(str(shots / "4-disagreement.png"))
    # digits do nothing outside the criterion view: nothing editable by accident
    before = doc.evaluation
    qtbot.keyClick(proj, Qt.Key.Key_7)
    assert doc.evaluation is before
    # anonymous: the names are gone from the screen
    doc.apply(SetSetting("anonymous", True))
    qtbot.keyClick(proj, Qt.Key.Key_R)
    proj.grab().save(str(shots / "5-ranking-anonymous.png"))
    for png in shots.iterdir():
        assert png.stat().st_size > 5000
    qtbot.keyClick(proj, Qt.Key.Key_Escape)
    assert not proj.isVisible()
