"""Issue 12: catalogue 2026 and the sample on it; the old catalogue and its sample keep working.

Done when (issue 12): on the new sample no two criteria's value columns correlate above 0.9 (Spearman) and the
first principal component explains under half the variance; at least 90 % of sources are specific pages or
documents; scores carry varied, true source dates; `afweging check` on the old sample reports the redundancy.
The numbers are computed with the model check's own functions (evaluator.modelcheck).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import pytest

from evaluator.catalogue import DEFAULT_CATALOGUE, find
from evaluator.modelcheck import check_model, first_component, spearman
from evaluator.problem import build_problem, exclusions, value_matrix
from evaluator.sample import load_sample
from evaluator.store import Store
from tests.helpers import OLD_SAMPLE, load_old_sample

ROOT = Path(__file__).resolve().parents[1]
NEW = "beter-samenwerken-2026"
URL = re.compile(r"https?://[^\s;]+")


def afweging(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "evaluator", *args], capture_output=True, text=True, cwd=ROOT, timeout=180
    )


@pytest.fixture(scope="module")
def sample():
    return load_sample()


@pytest.fixture(scope="module")
def catalogue():
    return find(NEW)


def _specific(source: str) -> bool:
    """A source names a page or document: every URL in it has a path beyond the domain root, or (without a URL)
    it names a document and a section or date."""
    urls = URL.findall(source)
    if not urls:
        return bool(re.search(r"\b(19|20)\d\d\b", source)) and len(source.split()) >= 4
    return all(urlparse(u).path.strip("/") or urlparse(u).query for u in urls)


# -- the catalogue ------------------------------------------------------------------------------------------------


def test_new_projects_use_the_new_catalogue(tmp_path: Path):
    assert DEFAULT_CATALOGUE == NEW
    path = tmp_path / "nieuw.afweging"
    proc = afweging("new", str(path))
    assert proc.returncode == 0, proc.stderr
    with Store.open(path) as st:
        assert st.evaluation.catalogue == NEW


def test_the_apps_new_from_catalogue_offers_the_new_catalogue_first():
    """The app's "New from catalogue" picker preselects the first of ``available()``: that must be the default,
    with the old catalogue still offered."""
    from evaluator.catalogue import available

    assert list(available()) == [NEW, "beter-samenwerken"]


def test_the_four_mission_areas_stay_the_top_of_the_tree(catalogue):
    assert [a.id for a in catalogue.areas] == ["A", "B", "C", "D"]
    assert [a.name["en"] for a in catalogue.areas] == [
        "Sovereignty",
        "Continuity",
        "Licence and vendor dependency",
        "On-premise viability",
    ]
    assert (
        8 <= len([c for c in catalogue.criteria if catalogue.weights[c.id] > 0]) <= 12
    )  # a manageable number


def test_every_criterion_names_its_framework_with_a_source_a_reader_can_open(catalogue):
    for c in catalogue.criteria:
        assert c.framework.strip() and c.source.strip(), c.id
        urls = URL.findall(c.source)
        assert urls, c.id
        assert all(urlparse(u).path.strip("/") for u in urls), (
            c.id,
            urls,
        )  # a page or document, no home page
    crit = {c.id: c for c in catalogue.criteria}
    assert "SOV-1" in crit["A1"].framework and "SOV-2" in crit["A1"].framework
    assert "SOV-3" in crit["A2"].framework
    assert "Data Act" in crit["B1"].framework
    assert all(k in crit["B3"].framework for k in ("SOV-7", "BIO2", "Cyberbeveiligingswet"))
    assert "SOV-6" in crit["C1"].framework and "SOV-5" in crit["C2"].framework
    assert "SOV-4" in crit["D1"].framework and "C3A" in crit["D1"].framework
    # what the review found wrongly attributed: cost is no CSF objective, maturity is not SOV-4
    assert "Geen CSF-doelstelling" in crit["C3"].framework and "Geen CSF-doelstelling" in crit["B2"].framework


def test_seal_levels_are_the_frameworks_own(catalogue):
    a1 = {c.id: c for c in catalogue.criteria}["A1"]
    labels = [lv.label["en"] for lv in a1.scale.levels]
    assert labels == [
        "SEAL-0 · no sovereignty",
        "SEAL-1 · formal jurisdiction",
        "SEAL-2 · data sovereignty",
        "SEAL-3 · digital resilience",
        "SEAL-4 · full digital sovereignty",
    ]
    # the UK and Switzerland are not "EU": no level counts them in, the description says so
    for lv in a1.scale.levels:
        assert "Switzerland" not in lv.descriptor["en"] and "UK" not in lv.descriptor["en"]
    assert "the UK and Switzerland do not" in a1.description["en"]


def test_functional_coverage_is_a_gate_and_not_a_weight(catalogue):
    gates = {c.id: c.minimum for c in catalogue.criteria if c.minimum is not None}
    assert gates == {"B1": 1, "D0": 3}
    assert catalogue.weights["D0"] == 0


# -- the new sample -------------------------------------------------------------------------------------------------


def test_the_sample_says_on_its_first_page_that_it_is_an_example(sample):
    assert sample.catalogue == NEW
    assert sample.title.startswith("Voorbeeld (geen oordeel van het programma)")
    assert sample.context.startswith("VOORBEELD, GEEN OORDEEL VAN HET PROGRAMMA.")
    assert sample.owner.startswith("Voorbeeld") and "niet vastgesteld" in sample.owner


def test_no_two_criteria_correlate_above_0_9_and_no_single_dimension(sample):
    v = value_matrix(sample)
    rho = spearman(v)
    n = len(sample.criteria)
    worst = max(rho[i, j] for i in range(n) for j in range(i + 1, n) if np.isfinite(rho[i, j]))
    assert worst < 0.9
    cols = np.flatnonzero(v.max(axis=0) > v.min(axis=0))
    share, _ = first_component(v[:, cols])
    assert share < 0.5
    kinds = {f.kind for f in check_model(sample)}
    assert not kinds & {"correlated_criteria", "one_dimension"}


def test_every_score_has_evidence_a_specific_source_a_date_and_an_honest_confidence(sample):
    scores = list(sample.assessments.values())
    assert len(scores) == len(sample.alternatives) * len(sample.criteria)
    for (a, c), s in sample.assessments.items():
        assert s.value is not None and s.evidence.strip() and s.source.strip() and s.date, (a, c)
        assert s.confidence in ("high", "medium", "low"), (a, c)
        if s.confidence == "low":
            assert s.low is not None and s.high is not None and s.low <= s.value <= s.high, (a, c)
        if "unverified" in s.evidence:
            assert s.confidence != "high", (a, c)
    specific = sum(_specific(s.source) for s in scores)
    assert specific / len(scores) >= 0.9
    assert not any("non-public" in s.source or "notities" in s.source for s in scores)


def test_scores_carry_varied_true_source_dates(sample):
    dates = Counter(s.date for s in sample.assessments.values())
    assert len(dates) >= 10
    assert max(dates.values()) / sum(dates.values()) < 0.25  # no single date for most scores, as before
    for (a, c), s in sample.assessments.items():
        assert re.fullmatch(r"20\d\d(-\d\d(-\d\d)?)?", s.date), (a, c, s.date)
        assert s.date <= sample.date, (a, c)
        if s.date == sample.date:  # an undated page: the day it was consulted, and the source says so
            assert "consulted" in s.source, (a, c)
        else:  # the date is the source's own: its year is in the source text
            assert s.date[:4] in s.source, (a, c, s.date)


def test_one_operating_model_per_alternative_and_the_missing_ones_considered(sample):
    for a in sample.alternatives:
        assert a.description.count("Exploitatiemodel:") == 1, a.id
    opendesk = [a.id for a in sample.alternatives if a.name.startswith("openDesk")]
    assert len(opendesk) == 2  # one alternative per model
    assert len({sample.assessment(i, "D1").value for i in opendesk}) == 2
    names = " ".join(a.name for a in sample.alternatives)
    for expected in (
        "Teams",
        "hybride",
        "BundesMessenger",
        "OpenTalk",
        "Open-Xchange",
        "Nextcloud",
        "MijnBureau",
    ):
        assert expected in names, expected


def test_chat_only_and_video_only_products_are_not_ranked_against_suites(sample):
    out = {e.alternative for e in exclusions(sample) if e.criterion == "D0"}
    assert out == {"bundesmessenger", "opentalk"}
    ranked = build_problem(sample).alternatives
    assert "bundesmessenger" not in ranked and "teams-m365" in ranked


def test_the_sample_is_neutral(sample):
    mb = next(a for a in sample.alternatives if a.id == "mijnbureau")
    assert "Beter Samenwerken zelf" in mb.description
    icc = sample.assessment("teams-m365", "A1").evidence
    assert "betwist" in icc and "ontkent" in icc and "NCSC" in icc and "Visie" in icc


def test_the_seven_wrong_facts_are_corrected(sample):
    ev = sample.assessment
    assert "Teams Enterprise" in ev("teams-m365", "C3").evidence  # not just M365 E3
    assert "60.000" in ev("opendesk-eigen-beheer", "B2").evidence  # not 3,000
    assert ev("opendesk-eigen-beheer", "C3").value > 45 and "45" in ev("opendesk-eigen-beheer", "C3").evidence
    assert "AGPL" in ev("la-suite", "C1").evidence and ev("la-suite", "C1").value <= 2  # not "MIT"
    assert ev("la-suite", "D1").value <= 1  # SaaS, not self-hostable
    assert "5.000" in ev("nextcloud-hub", "B2").evidence  # 50,000 is the target
    # Element is no longer scored as an EU vendor: it is not in the sample, and the catalogue counts only the EU
    assert not any(a.name.startswith("Element") for a in sample.alternatives)


def test_the_new_sample_ranks_and_checks_from_the_command_line():
    path = str(ROOT / "resources" / "sample" / "beter-samenwerken.toml")
    rank = afweging("rank", path, "--format", "json")
    assert rank.returncode == 0, rank.stderr
    data = json.loads(rank.stdout)
    assert {x["name"] for x in data["excluded"]} == {
        "BundesMessenger (alleen chat)",
        "OpenTalk (alleen video)",
    }
    check = afweging("check", path, "--format", "json")
    assert check.returncode == 0, check.stderr
    kinds = {f["kind"] for f in json.loads(check.stdout)["findings"]}
    assert "correlated_criteria" not in kinds and "one_dimension" not in kinds


# -- old projects keep working --------------------------------------------------------------------------------------


def test_the_old_sample_still_opens_and_ranks():
    old = load_old_sample()
    assert old.catalogue == "beter-samenwerken" and len(old.alternatives) == 14
    proc = afweging("rank", str(OLD_SAMPLE), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    first = [a["name"] for a in json.loads(proc.stdout)["alternatives"] if a["rank"] == 1]
    assert first == ["openDesk"]


def test_a_project_on_the_old_catalogue_still_opens_and_ranks(tmp_path: Path):
    empty = tmp_path / "leeg.afweging"
    assert afweging("new", str(empty), "--catalogue", "beter-samenwerken").returncode == 0
    with Store.open(empty) as st:
        assert st.evaluation.catalogue == "beter-samenwerken" and len(st.evaluation.criteria) == 19
    path = tmp_path / "oud.afweging"
    Store.create(path, load_old_sample()).close()
    proc = afweging("rank", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    first = [a["name"] for a in json.loads(proc.stdout)["alternatives"] if a["rank"] == 1]
    assert first == ["openDesk"]


def test_check_on_the_old_sample_reports_the_redundancy():
    proc = afweging("check", str(OLD_SAMPLE), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    pairs = [f for f in findings if f["kind"] == "correlated_criteria"]
    assert len(pairs) >= 10 and all(f["value"] >= 0.9 for f in pairs)
    (dim,) = [f for f in findings if f["kind"] == "one_dimension"]
    assert dim["value"] > 0.6
