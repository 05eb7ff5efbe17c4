"""One owner of validity: a change is refused exactly when the file it would leave could not be loaded.

The property test applies random sequences of changes — valid and invalid, of every kind — through the store, and
checks that each accepted state reopens equal, that each refused change raises ``ChangeError`` (never another
exception) and leaves file and state as they were, and that the validity check agrees with the loader.
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluator import i18n, invariants
from evaluator.changes import (
    AddAlternative,
    AddParticipant,
    Batch,
    RemoveAlternative,
    RemoveCriterion,
    SetAssessment,
    SetMethodParams,
    SetSetting,
    SetWeights,
    UpdateAlternative,
    apply_change,
    change_from_data,
)
from evaluator.errors import ChangeError, InputError
from evaluator.model import Alternative, Assessment, Participant
from evaluator.serial import evaluation_from_data, evaluation_to_data
from evaluator.store import Store
from tests.helpers import small_evaluation

IDS = ["teams", "opendesk", "nextcloud", "ghost", ""]
CRITS = ["S1", "S2", "C1", "X9", "S"]
NUMS = st.one_of(
    st.none(),
    st.sampled_from([0, 1, 2, 3, 4, 5, -1, 80, 120, 400, 401, 2.5, math.inf, math.nan]),
    st.floats(-10, 500, allow_nan=False),
)
ODD = st.sampled_from(["x", True, [1], {"a": 1}, None])

assessments = st.builds(
    Assessment,
    value=NUMS,
    low=NUMS,
    high=NUMS,
    evidence=st.one_of(st.text(max_size=5), ODD),
    confidence=st.sampled_from(["", "high", "low", "medium", "zeker"]),
)
changes = st.one_of(
    st.builds(SetAssessment, st.sampled_from(IDS), st.sampled_from(CRITS), st.one_of(st.none(), assessments)),
    st.builds(
        SetSetting,
        st.sampled_from(
            [
                "title",
                "method",
                "aggregation",
                "anonymous",
                "status",
                "robustness.samples",
                "robustness.seed",
                "robustness.weights",
                "robustness.spread",
                "robustness.method",
                "robustness.nonsense",
                "colour",
            ]
        ),  # fmt: skip
        st.one_of(
            st.sampled_from(["wsm", "topsis", "electre1", "median", "around", "participants", "nope", ""]),
            st.integers(-5, 20_000_000),
            st.booleans(),
            st.floats(allow_nan=True),
            ODD,
        ),  # fmt: skip
    ),
    st.builds(
        SetMethodParams,
        st.dictionaries(
            st.sampled_from(["v", "p", "q", "lambda", "vikor_v"]), st.one_of(NUMS, ODD), max_size=3
        ),
    ),
    st.builds(
        SetWeights,
        st.dictionaries(st.sampled_from(["S", "C", "S1", "C1", "nope"]), st.one_of(NUMS, ODD), max_size=3),
        st.sampled_from([None, "p1", "nobody"]),
        st.booleans(),
    ),
    st.builds(
        AddAlternative,
        st.builds(
            Alternative, st.sampled_from(IDS + ["new"]), st.sampled_from(["New", "openDesk", " ", "X"])
        ),
        st.one_of(st.none(), st.integers(-2, 9)),
        st.dictionaries(st.sampled_from(CRITS), assessments, max_size=2),
    ),
    st.builds(
        UpdateAlternative,
        st.builds(Alternative, st.sampled_from(IDS), st.sampled_from(["A", "openDesk", ""])),
    ),
    st.builds(RemoveAlternative, st.sampled_from(IDS)),
    st.builds(RemoveCriterion, st.sampled_from(CRITS)),
    st.builds(
        AddParticipant,
        st.builds(Participant, st.sampled_from(["p1", "p2", ""]), st.sampled_from(["Ann", "ann", "Bo"])),
    ),
)


def _typed(x):
    """Plain data where a bool differs from a number (Python says True == 1) and 1 equals 1.0."""
    if isinstance(x, bool) or x is None or isinstance(x, str):
        return (type(x).__name__, x)
    if isinstance(x, int | float):
        return ("num", float(x))
    if isinstance(x, dict):
        return {k: _typed(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_typed(v) for v in x]
    return ("other", repr(x))


def _plain(ev):
    """``evaluation_to_data`` without its number normalisation, so a stored bool stays visible."""
    data = evaluation_to_data(ev)
    data["method_params"] = dict(ev.method_params)
    return data


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@settings(
    max_examples=int(os.environ.get("AFWEGING_PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.one_of(changes, st.lists(changes, min_size=1, max_size=3).map(lambda c: Batch(tuple(c)))),
                min_size=1, max_size=12))  # fmt: skip
def test_random_changes_leave_only_files_that_reopen_equal(tmp_path_factory, seq):
    path = tmp_path_factory.mktemp("prop") / "p.afweging"
    with Store.create(path, small_evaluation()) as store:
        for change in seq:
            before, digest = store.evaluation, _digest(path)
            try:
                inverse = store.apply(change)
            except ChangeError as exc:
                assert str(exc) and exc.text("nl")
                assert store.evaluation is before and _digest(path) == digest
                continue
            # Accepted: the file reopens to the same state, and the plain-data round trip agrees.
            with Store.open(path, readonly=True) as again:
                assert again.evaluation == store.evaluation
            assert evaluation_from_data(evaluation_to_data(store.evaluation)) == store.evaluation
            # The change and its inverse survive their audit form, and the inverse undoes it.
            assert change_from_data(change.to_data()).to_data() == change.to_data()
            undone, _ = apply_change(store.evaluation, inverse)
            assert evaluation_to_data(undone) == evaluation_to_data(before)


@settings(max_examples=150, deadline=None)
@given(changes)
def test_a_change_is_refused_exactly_when_its_result_would_not_load(change):
    ev = small_evaluation()
    try:
        new = change.apply(ev)
    except ChangeError:
        return  # refused before a result exists (unknown id, ...)
    try:  # "would load": its file form reads back, to the same evaluation (True is not the number 1 here)
        would_load = _typed(evaluation_to_data(evaluation_from_data(evaluation_to_data(new)))) == _typed(
            _plain(new)
        )
    except (InputError, ValueError, TypeError):
        would_load = False
    try:
        apply_change(ev, change)
        accepted = True
    except ChangeError:
        accepted = False
    assert accepted == would_load == (invariants.check(new) is None)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (SetAssessment("teams", "S1", Assessment(value=2, low=3, high=1)), "range low 3 is above high 1"),
        (SetAssessment("teams", "S1", Assessment(value=2, low=1)), "both ends of the range"),
        (SetAssessment("teams", "C1", Assessment(value="12")), "value must be a number"),
        (SetMethodParams({"vikor_v": 0.3}), "unknown method parameter 'vikor_v'"),
        (SetMethodParams({"v": 1.5}), "v must be a number from 0 to 1"),
        (SetSetting("method", "spotis"), "unknown method 'spotis'"),
        (SetSetting("aggregation", "mode"), "aggregation must be one of mean, median, geometric"),
        (SetSetting("robustness.samples", 0), "at least 1"),
        (SetSetting("robustness.method", "spotis"), "sensitivity analysis runs"),
        (SetSetting("colour", "red"), "'colour' is not a setting"),
    ],
)
def test_known_holes_are_refused_with_a_clear_message_in_both_languages(tmp_path, change, words):
    path = tmp_path / "p.afweging"
    with Store.create(path, small_evaluation()) as store:
        digest = _digest(path)
        with pytest.raises(ChangeError) as info:
            store.apply(change)
        assert words in str(info.value)
        before = i18n.language()
        i18n.set_language("nl")  # the message is in the session's language (the app's, or the CLI's --lang)
        try:
            with pytest.raises(ChangeError) as dutch:
                store.apply(change)
        finally:
            i18n.set_language(before)
        assert str(dutch.value) != str(info.value)
        assert _digest(path) == digest
    with Store.open(path) as again:
        assert again.evaluation == small_evaluation()


def test_a_file_with_an_unknown_method_or_aggregation_no_longer_loads_silently():
    data = evaluation_to_data(small_evaluation())
    for key, value, words in (
        ("method", "spotis", "unknown method"),
        ("aggregation", "mode", "must be one of"),
    ):
        with pytest.raises(InputError) as info:
            evaluation_from_data({**data, key: value}, "x.json")
        assert words in info.value.line() and info.value.place == key


def test_robustness_settings_are_part_of_the_evaluation_and_survive_the_file(tmp_path):
    path = tmp_path / "p.afweging"
    with Store.create(path, small_evaluation()) as store:
        store.apply(Batch((SetSetting("robustness.seed", 42), SetSetting("robustness.weights", "around"),
                           SetSetting("robustness.spread", "participants"))))  # fmt: skip
    with Store.open(path, readonly=True) as again:
        r = again.evaluation.robustness
        assert (r["seed"], r["weights"], r["spread"]) == (42, "around", "participants")


def test_an_incremental_check_equals_a_full_check():
    ev = small_evaluation()
    bad = replace(ev, assessments={**ev.assessments, ("teams", "S1"): Assessment(value=9)})
    assert invariants.check(bad, before=ev) is not None
    assert invariants.check(bad, before=ev) == invariants.check(bad)
