"""Catalogue 1.0 (``criteria/beter-samenwerken.toml``) and the sample made on it: complete, bilingual, sourced, loadable.

Catalogue 1.0 stays bundled so that files made with it keep opening; its sample is kept as a test fixture
(``tests/fixtures/sample-catalogue-1.0.toml``) since the bundled sample moved to catalogue 2026 (issue 12, tested in
``test_new_catalogue.py``). These tests pin the 1.0 design and that sample, deliberately. Also checks that a damaged catalogue is refused with one clear line naming the file and the place.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from evaluator.catalogue import Catalogue, find, load_catalogue
from evaluator.errors import InputError
from evaluator.io.sample_toml import read_evaluation_toml
from evaluator.model import Evaluation
from evaluator.scales import value
from evaluator.weighting import global_weights

AREAS = ("A", "B", "C", "D")
LANGS = ("nl", "en")


def _filled(text: object, lang: str) -> bool:
    return isinstance(text, dict) and isinstance(text.get(lang), str) and bool(text[lang].strip())


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return find("beter-samenwerken")


@pytest.fixture(scope="module")
def sample_path() -> Path:
    return Path(__file__).parent / "fixtures" / "sample-catalogue-1.0.toml"


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> Evaluation:
    return read_evaluation_toml(sample_path)


# -- the catalogue ------------------------------------------------------------------------------------------


def test_catalogue_has_its_head(catalogue: Catalogue) -> None:
    assert catalogue.id == "beter-samenwerken"
    assert catalogue.version
    for lang in LANGS:
        assert _filled(catalogue.name, lang)
        assert _filled(catalogue.description, lang)
    assert len(catalogue.sources) >= 5


def test_catalogue_has_four_areas_with_four_to_six_criteria(catalogue: Catalogue) -> None:
    assert tuple(a.id for a in catalogue.areas) == AREAS
    for area in catalogue.areas:
        for lang in LANGS:
            assert _filled(area.name, lang), (area.id, lang)
        crits = [c for c in catalogue.criteria if c.area == area.id]
        assert 4 <= len(crits) <= 6, (area.id, len(crits))
        assert all(c.id.startswith(area.id) for c in crits)
        assert catalogue.weights[area.id] > 0
        assert all(catalogue.weights[c.id] > 0 for c in crits)


def test_every_criterion_is_bilingual_and_sourced(catalogue: Catalogue) -> None:
    for c in catalogue.criteria:
        for lang in LANGS:
            assert _filled(c.name, lang), (c.id, "name", lang)
            assert _filled(c.description, lang), (c.id, "description", lang)
        assert c.framework.strip(), c.id
        assert c.source.strip(), c.id


def test_every_ordinal_level_has_label_and_descriptor_in_both_languages(catalogue: Catalogue) -> None:
    ordinal = [c for c in catalogue.criteria if c.scale.kind == "ordinal"]
    assert len(ordinal) >= len(catalogue.criteria) // 2
    for c in ordinal:
        assert [lv.value for lv in c.scale.levels] == [0, 1, 2, 3, 4], c.id
        for lv in c.scale.levels:
            for lang in LANGS:
                assert _filled(lv.label, lang), (c.id, lv.value, "label", lang)
                assert _filled(lv.descriptor, lang), (c.id, lv.value, "descriptor", lang)


def test_the_numeric_and_cost_criteria_are_as_designed(catalogue: Catalogue) -> None:
    crit = {c.id: c for c in catalogue.criteria}
    cost = crit["C3"].scale
    assert (cost.kind, cost.direction, cost.lower) == ("numeric", "cost", 0)
    assert cost.unit and cost.upper >= 400
    assert value(cost, 0) == 1 and value(cost, cost.upper) == 0
    for cid in ("B4", "B5"):
        s = crit[cid].scale
        assert (s.kind, s.direction) == ("numeric", "benefit")
        gains = [b[1] - a[1] for a, b in zip(s.points, s.points[1:], strict=False)]
        spans = [b[0] - a[0] for a, b in zip(s.points, s.points[1:], strict=False)]
        slopes = [g / w for g, w in zip(gains, spans, strict=True)]
        assert slopes == sorted(slopes, reverse=True), (
            f"{cid}: value function should show diminishing returns"
        )
    skills = crit["D2"].scale
    assert (skills.kind, skills.direction) == ("ordinal", "cost")
    assert value(skills, 0) == 1 and value(skills, 4) == 0


def test_knock_out_gates_are_few_and_explained(catalogue: Catalogue) -> None:
    gated = [c for c in catalogue.criteria if c.minimum is not None]
    assert [c.id for c in gated] == ["B3"]
    assert gated[0].minimum == 1
    assert "cloudbeleid" in gated[0].description["nl"]
    assert "cloud policy" in gated[0].description["en"]


# -- the sample evaluation ------------------------------------------------------------------------------------


def test_sample_has_the_alternatives(sample: Evaluation, catalogue: Catalogue) -> None:
    assert sample.catalogue == "beter-samenwerken"
    assert sample.title and sample.question and sample.context
    assert sample.date == "2026-11-01"
    assert sample.owner == "Programma Beter Samenwerken"
    assert [c.id for c in sample.criteria] == [c.id for c in catalogue.criteria]
    assert len(sample.alternatives) >= 13
    names = " ".join(a.name for a in sample.alternatives)
    for expected in ("Teams", "openDesk", "Nextcloud", "Element", "MijnBureau", "Jitsi"):
        assert expected in names
    for a in sample.alternatives:
        assert a.vendor.strip() and a.description.strip(), a.id


def test_every_alternative_is_scored_on_every_criterion_with_evidence(sample: Evaluation) -> None:
    for a in sample.alternatives:
        for c in sample.criteria:
            s = sample.assessments.get((a.id, c.id))
            assert s is not None and s.value is not None, (a.id, c.id)
            assert s.evidence.strip(), (a.id, c.id, "evidence")
            assert s.source.strip(), (a.id, c.id, "source")
            assert s.date.strip(), (a.id, c.id, "date")
            assert s.confidence in ("high", "medium", "low"), (a.id, c.id, "confidence")


def test_low_confidence_scores_carry_a_range(sample: Evaluation) -> None:
    low = [(k, s) for k, s in sample.assessments.items() if s.confidence == "low"]
    assert low, "the sample should show at least one uncertain score"
    for key, s in low:
        assert s.low is not None and s.high is not None, key
        assert s.low <= s.value <= s.high, key


def test_no_alternative_is_knocked_out_in_the_sample(sample: Evaluation) -> None:
    for c in sample.criteria:
        if c.minimum is None:
            continue
        for a in sample.alternatives:
            assert sample.assessment(a.id, c.id).value >= c.minimum, (a.id, c.id)


def test_sovereign_options_rank_above_teams_with_default_weights(sample: Evaluation) -> None:
    w = global_weights(sample)
    assert math.isclose(sum(w.values()), 1.0)

    def total(alt_id: str) -> float:
        return sum(w[c.id] * value(c.scale, sample.assessment(alt_id, c.id).value) for c in sample.criteria)

    teams = total("teams")
    for alt_id in ("opendesk", "nextcloud", "element", "mijnbureau", "la-suite"):
        assert total(alt_id) > teams, alt_id


# -- damaged catalogues -----------------------------------------------------------------------------------------

_LOW = "{ value = 0, label = { nl = 'laag', en = 'low' }, descriptor = { nl = 'niets', en = 'none' } }"
_HIGH = "{ value = 1, label = { nl = 'hoog', en = 'high' }, descriptor = { nl = 'alles', en = 'all' } }"
_LEVELS = f"[{_LOW}, {_HIGH}]"
_REVERSED = f"[{_HIGH}, {_LOW}]"

_GOOD = """\
[catalogue]
id = "kapot"
name = {{ nl = "Kapot", en = "Broken" }}

[[areas]]
id = "A"
name = {{ nl = "Gebied", en = "Area" }}

[[areas.criteria]]
id = "A1"
name = {{ nl = "Een", en = "One" }}
description = {{ nl = "Eerste", en = "First" }}
scale = {{ kind = "ordinal", levels = {levels} }}

[[areas.criteria]]
id = "{second_id}"
name = {second_name}
description = {{ nl = "Tweede", en = "Second" }}{second_extra}
scale = {{ kind = "ordinal", levels = {second_levels} }}
"""


def _catalogue_text(**changes: str) -> str:
    parts = {
        "levels": _LEVELS,
        "second_id": "A2",
        "second_name": '{ nl = "Twee", en = "Two" }',
        "second_levels": _LEVELS,
        "second_extra": "",
    }
    parts.update(changes)
    return _GOOD.format(**parts)


def test_the_undamaged_test_catalogue_loads(tmp_path: Path) -> None:
    path = tmp_path / "kapot.toml"
    path.write_text(_catalogue_text(), encoding="utf-8")
    cat = load_catalogue(path)
    assert [c.id for c in cat.criteria] == ["A1", "A2"]


@pytest.mark.parametrize(
    ("text", "place", "problem"),
    [
        (_catalogue_text(second_id="A1"), "areas[0].criteria[1].id", "duplicate id"),
        (_catalogue_text(second_levels=_REVERSED), "areas[0].criteria[1].scale", "increasing order"),
        (_catalogue_text(second_name='{ nl = "Twee" }'), "areas[0].criteria[1].name", "missing en"),
        (_catalogue_text().replace('id = "A2"', 'id = "A2'), "line 16", "not valid TOML"),
        (_catalogue_text(second_extra="\nminimun = 1"), "areas[0].criteria[1].minimun", "unknown key"),
        (
            _catalogue_text(
                second_levels=f"[{_LOW}, {{ value = 1, label = {{ nl = 'hoog', en = 'high' }} }}]"
            ),
            "areas[0].criteria[1].scale.levels[1].descriptor",
            "missing nl",
        ),
    ],
    ids=[
        "duplicate-criterion-id",
        "levels-out-of-order",
        "missing-english-name",
        "invalid-toml",
        "typo-in-key",
        "missing-descriptor",
    ],
)
def test_a_damaged_catalogue_names_file_and_place(
    tmp_path: Path, text: str, place: str, problem: str
) -> None:
    path = tmp_path / "kapot.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_catalogue(path)
    message = str(info.value)
    assert str(path) in message
    assert place in message
    assert problem in message
    assert "\n" not in message
