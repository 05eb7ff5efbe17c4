"""Applying a change says what it touched, so views refresh only what concerns them."""

from __future__ import annotations

from evaluator.changes import (
    AddParticipant,
    RemoveAlternative,
    SetSetting,
    SetWeights,
    apply_change,
    set_score,
)
from evaluator.model import Participant
from evaluator.summary import EVERYTHING, ChangeSummary, summarize
from tests.helpers import small_evaluation


def _touch(change, ev=None):
    ev = ev or small_evaluation()
    new, _ = apply_change(ev, change)
    return summarize(ev, new)


def test_a_title_edit_touches_only_the_title():
    s = _touch(SetSetting("title", "Nieuw"))
    assert s == ChangeSummary(settings=frozenset({"title"}))
    assert not s.ranking and not s.robustness and not s.structure and not s.workshop


def test_a_score_names_its_cell_and_changes_the_ranking():
    s = _touch(set_score(small_evaluation(), "teams", "S1", 2.0))
    assert s.scores == {("teams", "S1")} and s.ranking and not s.structure


def test_weights_method_and_robustness_settings():
    assert _touch(SetWeights({"S1": 10})).weights
    assert _touch(SetSetting("method", "topsis")).ranking
    rob = _touch(SetSetting("robustness.seed", 3))
    assert rob.robustness and not rob.ranking


def test_structure_and_participants():
    s = _touch(RemoveAlternative("teams"))
    assert s.alternatives and s.structure and s.scores == {("teams", c) for c in ("S1", "S2", "C1")}
    p = _touch(AddParticipant(Participant("p1", "Ann")))
    assert p.participants and p.workshop and not p.ranking


def test_nothing_and_everything():
    ev = small_evaluation()
    assert not summarize(ev, ev)
    assert summarize(None, ev) == EVERYTHING and EVERYTHING.ranking
