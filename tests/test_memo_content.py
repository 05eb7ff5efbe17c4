"""What a minister signs (issue 13): the whole ranking on page 1 in full names, no heading alone at a page's
foot, every alternative in the sensitivity chart, Dutch dates and numbers, reasons in the memo's language."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from evaluator.io.sample_toml import read_evaluation_toml
from evaluator.report.decision import compute_results
from evaluator.report.export import render_memo
from tests.helpers import load_old_sample

SAMPLE = Path(__file__).parent.parent / "resources" / "sample" / "beter-samenwerken.toml"
SAMPLES = 500


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def _flat(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def sample():
    return read_evaluation_toml(SAMPLE)


@pytest.fixture(scope="module")
def sample_nl(sample) -> bytes:
    return render_memo(sample, "nl", samples=SAMPLES).pdf


@pytest.fixture(scope="module")
def sample_en(sample) -> bytes:
    return render_memo(sample, "en", samples=SAMPLES).pdf


def _ranking(ev) -> list[tuple[int, str]]:
    res = compute_results(ev)
    return [(r["rank"], r["name"]) for r in sorted(res["ranking"], key=lambda r: r["rank"])]


@pytest.mark.parametrize("which", ["sample", "old"])
def test_page_one_shows_the_whole_ranking_in_full_names(which, sample, sample_nl):
    ev, pdf = (
        (sample, sample_nl)
        if which == "sample"
        else (old := load_old_sample(), render_memo(old, "nl", samples=SAMPLES).pdf)
    )
    ranking = _ranking(ev)
    assert len(ranking) >= 10
    page1 = _flat(_pages(pdf)[0])
    pos = 0
    for rank, name in ranking:
        label = _flat(f"{rank}. {name}")
        at = page1.find(label, pos)
        assert at >= 0, f"page 1 does not show {rank}. {name} in full, in its place"
        pos = at + len(label)
