"""Findings are data; their sentences come from one catalogue, in Dutch and English (issue 10)."""

from __future__ import annotations

import json

import pytest

from evaluator.findings import Finding
from evaluator.modelcheck import KINDS
from evaluator.text import criterion_label, message, number, percent, render
from evaluator.text.messages import MESSAGES
from tests.helpers import small_evaluation


def test_a_finding_survives_json_and_back():
    f = Finding(
        "uncertain_decides",
        "warning",
        ("S1",),
        ("teams", "opendesk"),
        2.0,
        {"score": 2.0, "current": 1, "first": ("opendesk",), "basis": "uncertain.low"},
    )
    data = json.loads(json.dumps(f.to_data()))
    assert data["params"]["first"] == ["opendesk"]
    assert Finding.from_data(data) == f
    assert Finding.from_data(data).params["first"] == ("opendesk",)


def test_a_finding_refuses_prose_and_nonsense():
    with pytest.raises(ValueError):
        Finding("dominated", "error")
    with pytest.raises(ValueError):
        Finding("dominated", value=float("nan"))
    with pytest.raises(TypeError):
        Finding("dominated", params={"flag": True})
    with pytest.raises(TypeError):
        Finding("dominated", params={"what": {"nested": 1}})


def test_every_catalogue_entry_has_both_languages_and_they_differ():
    """The Dutch comes from the gettext catalogue, keyed by the entry (tests/test_i18n.py checks all of it)."""
    missing = [k for k in MESSAGES if not (message(k, "nl") and message(k, "en"))]
    assert not missing, f"missing a language: {missing}"
    same = [k for k in MESSAGES if message(k, "nl") == message(k, "en")]
    assert not same, f"not translated: {same}"


def test_every_finding_kind_the_model_check_makes_has_a_message():
    assert [k for k in KINDS if k not in MESSAGES] == []


def test_every_agreement_and_reversal_finding_has_a_message():
    import re

    from evaluator import agreement

    assert [k for k in (*agreement.KINDS, *agreement.PARTS) if k not in MESSAGES] == []
    from pathlib import Path

    source = Path(agreement.__file__).read_text(encoding="utf-8")
    made = set(re.findall(r'"((?:agreement|reversal)\.[a-z_.]+)"', source))
    assert made <= set(agreement.KINDS) | set(agreement.PARTS), (
        made - set(agreement.KINDS) - set(agreement.PARTS)
    )


def test_a_missing_translation_fails_loudly(monkeypatch: pytest.MonkeyPatch):
    """The guard above is only worth something if a gap is a gap: an entry the catalogue lacks stays English."""
    monkeypatch.setitem(MESSAGES, "dominated", "a sentence nobody translated")
    assert [k for k in MESSAGES if message(k, "nl") == message(k, "en")] == ["dominated"]


def test_numbers_are_written_the_way_each_language_writes_them():
    assert number(1234.5, "nl", 1) == "1.234,5"
    assert number(1234.5, "en", 1) == "1,234.5"
    assert number(-0.0001, "nl", 2) == "0,00"
    assert percent(0.7076, "nl") == "71 %"
    assert percent(0.125, "nl", 1) == "12,5 %"
    assert percent(0.125, "en", 1) == "12.5 %"


def test_names_are_looked_up_when_the_text_is_rendered():
    ev = small_evaluation()
    f = Finding("dominated", "info", (), ("teams", "opendesk"), 1.0)
    nl, en = render(f, ev, "nl"), render(f, ev, "en")
    assert nl.startswith("Microsoft Teams wordt gedomineerd door openDesk")
    assert en.startswith("Microsoft Teams is dominated by openDesk")
    assert criterion_label(ev, "S1", "en") == "S1 ‘Control’"
    assert criterion_label(ev, "S1", "nl") == "S1 ‘Controle’"
    assert criterion_label(ev, "gone", "nl") == "gone"  # an id the evaluation no longer has is shown as is


def test_a_number_in_a_finding_is_written_in_the_readers_language():
    ev = small_evaluation()
    f = Finding("correlated_criteria", "warning", ("S1", "S2"), (), 0.9612)
    assert "(ρ = 0,96)" in render(f, ev, "nl")
    assert "(ρ = 0.96)" in render(f, ev, "en")
    assert "S1 ‘Controle’ en S2 ‘Sleutels’" in render(f, ev, "nl")


def test_a_score_is_written_on_its_scale():
    ev = small_evaluation()
    f = Finding(
        "uncertain_decides",
        "warning",
        ("C1",),
        ("teams", "opendesk"),
        62.5,
        {
            "score": 62.5,
            "current": 300,
            "first": ("opendesk",),
            "was": ("nextcloud",),
            "basis": "uncertain.range_low",
        },
    )
    assert "62,5 €/gebruiker/jaar scoorde in plaats van 300 €/gebruiker/jaar" in render(
        f, ev, "nl"
    )  # unit in Dutch
    assert "62.5 €/user/year instead of 300 €/user/year" in render(f, ev, "en")


def test_message_fills_in_plain_parameters():
    assert message("model_check.title", "nl") == "Modelcontrole"
    assert message("model_check.count", "en", warnings=2, notes=1) == "2 warning(s), 1 note(s)."


def test_one_percentage_formatter_for_the_verdict_the_memo_and_the_catalogue():
    from pathlib import Path

    from evaluator.text import share_percent, weight_percent

    assert share_percent(0.996, "nl") == "meer dan 99 %" and share_percent(0.004, "en") == "less than 1 %"
    assert share_percent(1.0, "en") == "100 %" and share_percent(0.0, "nl") == "0 %"
    assert share_percent(0.0734, "nl") == "7,3 %" and share_percent(0.4949, "en") == "49 %"
    assert share_percent(0.07, "en") == "7 %"  # whole below 10 %: no decimal
    assert weight_percent(0.227, "nl") == "22,7 %" and weight_percent(0.15, "en") == "15 %"
    assert weight_percent(0.0612, "en") == "6.1 %" and weight_percent(0.5004, "nl") == "50 %"
    root = Path(__file__).resolve().parents[1] / "evaluator"
    owners = [
        p.relative_to(root).as_posix() for p in root.rglob("*.py") if "def pct(" in p.read_text("utf-8")
    ]
    assert owners == [], f"a second percentage formatter: {owners}"


def test_the_verdict_is_rendered_from_the_catalogue_with_the_evaluations_names():
    from evaluator.verdict import render as verdict

    ev = small_evaluation()
    v = {"kind": "ranked", "first": "opendesk", "share": 0.812, "runner_up": "nextcloud", "runner_up_share": 0.17,
         "weights": "uniform", "ranged": False, "top": "nextcloud",
         "edge": {"criterion": "C1", "side": "high", "at": 0.227, "weight": 0.15}}  # fmt: skip
    assert verdict(ev, v, "en") == (
        "openDesk ranks first in 81 % of all possible weightings, Nextcloud Hub in 17 %. With the agreed weights "
        "Nextcloud Hub ranks first; that only changes if Price weighs more than 22.7 % (now 15 %)."
    )
    assert verdict(ev, {**v, "top": "opendesk", "ranged": True, "runner_up": None}, "nl") == (
        "openDesk staat eerst in 81 % van alle denkbare wegingen met scores binnen hun marges. De eerste plaats "
        "verandert pas als Prijs meer dan 22,7 % weegt (nu 15 %)."
    )
    assert verdict(ev, {"kind": "single", "first": "teams", "excluded": True}, "en").startswith(
        "Only Microsoft"
    )


@pytest.mark.parametrize(
    ("lang", "one", "many"), [("en", "in 1 trial ", "in 3 trials "), ("nl", "in 1 proef ", "in 3 proeven ")]
)
def test_a_count_of_one_reads_in_the_singular_and_the_finding_keeps_its_kind(lang: str, one: str, many: str):
    ev = small_evaluation()
    for lost, words in ((1, one), (3, many)):
        f = Finding(
            "reversal.worse",
            "info",
            (),
            (),
            4.0,
            {"method": "wsm", "first": "reversal.worse.lost", "order": "reversal.worse.same_order",
             "alternative": "teams", "others": ("opendesk",), "lost": lost},
        )  # fmt: skip
        assert words in render(f, ev, lang)
        assert f.to_data()["params"]["first"] == "reversal.worse.lost"  # the data does not change


@pytest.mark.parametrize(
    ("first", "was", "en", "nl"),
    [
        (("opendesk",), ("teams",), "openDesk would rank first instead of Microsoft Teams",
         "openDesk zou eerste staan in plaats van Microsoft Teams"),
        (("opendesk", "nextcloud"), ("teams",), "would rank first together instead of Microsoft Teams",
         "zouden samen eerste staan in plaats van Microsoft Teams"),
        (("opendesk", "teams"), ("teams",), "openDesk would share first place with Microsoft Teams",
         "openDesk zou de eerste plaats delen met Microsoft Teams"),
    ],
)  # fmt: skip
def test_who_would_be_first_reads_as_what_happens(first, was, en, nl):
    """A tie with today's first is "would share first place with", not "X and Y would rank first instead of Y"."""
    ev = small_evaluation()
    f = Finding(
        "uncertain_decides",
        "warning",
        (ev.criteria[0].id,),
        ("teams",),
        None,
        {"score": 2.0, "current": 1.0, "first": first, "was": was, "basis": "uncertain.range_low"},
    )
    assert en in render(f, ev, "en") and nl in render(f, ev, "nl")
    assert f.to_data()["params"]["first"] == list(first)
