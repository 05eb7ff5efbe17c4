"""The one way to change an evaluation: every change applies, undoes exactly, serialises, and refuses bad input."""

from __future__ import annotations

import pytest

from evaluator.changes import (
    AddAlternative,
    AddArea,
    AddCriterion,
    AddParticipant,
    Batch,
    MoveAlternative,
    RemoveAlternative,
    RemoveArea,
    RemoveCriterion,
    RemoveParticipant,
    SetAssessment,
    SetSetting,
    SetWeights,
    UpdateAlternative,
    UpdateCriterion,
    apply_change,
    change_from_data,
    set_score,
)
from evaluator.errors import ChangeError, InputError
from evaluator.model import Alternative, Area, Assessment, Criterion, Participant, Scale
from evaluator.serial import evaluation_to_data
from tests.helpers import ORDINAL, small_evaluation

P = Participant("p1", "Anna de Vries", "BZK", "architect")


def _with_participant():
    ev, _ = apply_change(small_evaluation(), AddParticipant(P))
    ev, _ = apply_change(ev, SetWeights({"S": 10, "C": 90, "S1": 1, "S2": 1, "C1": 1}, "p1", True))
    return ev


CHANGES = [
    SetSetting("title", "Nieuwe titel"),
    SetSetting("method", "topsis"),
    SetSetting("anonymous", True),
    SetAssessment(
        "teams", "S1", Assessment(2.0, 1.0, 3.0, "bewijs", "https://example.org", "2026-01-01", "low")
    ),
    SetAssessment("teams", "S1", None),
    SetWeights({"S1": 80}),
    SetWeights({"S": 1, "C": 1}, replace_all=True),
    SetWeights({"S1": 5}, participant="p1"),
    AddAlternative(Alternative("element", "Element", "Element (UK)"), 1, {"S1": Assessment(4.0)}),
    RemoveAlternative("opendesk"),
    UpdateAlternative(Alternative("teams", "Microsoft Teams / M365", "Microsoft (US)", "baseline")),
    MoveAlternative("nextcloud", 0),
    AddArea(Area("D", {"nl": "On-premise", "en": "On-premise"}), None, 20),
    AddCriterion(
        Criterion("S3", "S", {"nl": "Open", "en": "Open"}, ORDINAL), 2, 30, {"teams": Assessment(0.0)}
    ),
    RemoveCriterion("S2"),
    RemoveCriterion("C1"),
    UpdateCriterion(Criterion("S1", "C", {"nl": "Verplaatst", "en": "Moved"}, ORDINAL, minimum=2)),
    AddParticipant(Participant("p2", "Bram", "J&V")),
    RemoveParticipant("p1"),
    Batch((SetWeights({"S1": 1}), SetSetting("decision", "Kies openDesk")), "twee"),
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.kind)
def test_change_applies_and_its_inverse_restores_the_evaluation_exactly(change):
    ev = _with_participant()
    new, inverse = apply_change(ev, change)
    assert evaluation_to_data(new) != evaluation_to_data(ev)
    back, redo = apply_change(new, inverse)
    assert evaluation_to_data(back) == evaluation_to_data(ev)
    again, _ = apply_change(back, redo)
    assert evaluation_to_data(again) == evaluation_to_data(new)


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.kind)
def test_change_round_trips_through_plain_data(change):
    ev = _with_participant()
    copy = change_from_data(change.to_data())
    assert copy.to_data() == change.to_data()
    assert evaluation_to_data(apply_change(ev, copy)[0]) == evaluation_to_data(apply_change(ev, change)[0])


def test_label_is_readable_in_both_languages():
    ev = small_evaluation()
    ch = set_score(ev, "opendesk", "S1", 3)
    assert ch.label(ev, "en") == "Score openDesk · S1 → 3"
    assert ch.label(ev, "nl") == "Score openDesk · S1 → 3"
    assert SetWeights({"S1": 80}).label(ev, "nl") == "Gewicht S1 → 80"
    assert RemoveAlternative("teams").label(ev, "en") == "Remove alternative: Microsoft Teams"


def test_set_score_keeps_evidence_and_drops_a_range_it_leaves():
    ev, _ = apply_change(
        small_evaluation(), SetAssessment("teams", "S1", Assessment(2.0, 1.0, 3.0, "why", "src"))
    )
    ev2, _ = apply_change(ev, set_score(ev, "teams", "S1", 3))
    s = ev2.assessment("teams", "S1")
    assert (s.value, s.low, s.high, s.evidence, s.source) == (3.0, 1.0, 3.0, "why", "src")
    ev3, _ = apply_change(ev2, set_score(ev2, "teams", "S1", 4))
    assert (ev3.assessment("teams", "S1").low, ev3.assessment("teams", "S1").high) == (None, None)


@pytest.mark.parametrize(
    "change, message",
    [
        (SetAssessment("teams", "S1", Assessment(7.0)), "not a level"),
        (SetAssessment("teams", "C1", Assessment(-5.0)), "outside the scale's bounds"),
        (SetAssessment("nobody", "S1", Assessment(1.0)), "no alternative"),
        (SetAssessment("teams", "X9", Assessment(1.0)), "no criterion"),
        (SetWeights({"S1": -1}), "must not be negative"),
        (SetWeights({"S1": float("nan")}), "finite"),
        (SetWeights({"nope": 1}), "no area or criterion"),
        (SetSetting("method", "astrology"), "unknown method"),
        (SetSetting("colour", "red"), "not a setting"),
        (AddAlternative(Alternative("teams", "Other")), "already is an alternative with id"),
        (AddAlternative(Alternative("x", "openDesk")), "already is an alternative named"),
        (AddCriterion(Criterion("S", "S", {"en": "dup"}, ORDINAL)), "already in use"),
        (
            AddCriterion(Criterion("Z1", "S", {"en": "bad"}, Scale("numeric", lower=5, upper=1))),
            "upper bound",
        ),
        (RemoveArea("S"), "still has criteria"),
        (
            UpdateCriterion(Criterion("C1", "C", {"en": "Price"}, Scale("numeric", lower=0, upper=100))),
            "bounds",
        ),
    ],
)
def test_a_change_that_does_not_fit_is_refused_and_changes_nothing(change, message):
    ev = small_evaluation()
    before = evaluation_to_data(ev)
    with pytest.raises(ChangeError, match=message):
        apply_change(ev, change)
    assert evaluation_to_data(ev) == before


def test_change_from_bad_data_names_the_place():
    with pytest.raises(InputError, match="change.type: unknown change type 'explode'"):
        change_from_data({"type": "explode"})
    with pytest.raises(InputError, match=r"change.assessment.value: must be a number"):
        change_from_data(
            {"type": "set_assessment", "alternative": "a", "criterion": "c", "assessment": {"value": "x"}}
        )


def test_batch_is_all_or_nothing():
    ev = small_evaluation()
    bad = Batch((SetWeights({"S1": 3}), SetAssessment("teams", "S1", Assessment(9.0))))
    with pytest.raises(ChangeError):
        apply_change(ev, bad)
    assert ev.weights["S1"] == 50
