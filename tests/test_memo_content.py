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


# -- no heading alone at the foot of a page ------------------------------------------------------------------

HEADINGS = [
    "s1",
    "s2",
    "s3",
    "s4",
    "s5",
    "s6",
    "s7",
    "annex_a",
    "annex_b",
    "summary",
    "audit_last",
    "signing",
]
INTROS = ["s2_intro", "s3_intro", "s5_intro", "s6_acc", "s6_stab"]


def _content_lines(page: str, title: str) -> list[str]:
    """The page's text lines without the running header and footer (title, "Beslisnotitie", SHA-256, page n)."""
    furniture = re.compile(
        r"^(Afweging · SHA-256 .*|(Pagina|Page) \d+ (van|of) \d+|Beslisnotitie|Decision memo)$"
    )
    return [
        ln.strip()
        for ln in page.splitlines()
        if ln.strip() and not furniture.match(ln.strip()) and not ln.strip().startswith(title[:40])
    ]


def _lead_texts(lang: str) -> tuple[set[str], list[str]]:
    from evaluator.report.texts import TEXTS
    from evaluator.text import message

    k = 1 if lang == "nl" else 0
    heads = {_flat(TEXTS[h][k]) for h in HEADINGS} | {_flat(message("model_check.title", lang))}
    heads |= {_flat(TEXTS["top"][k])}
    intros = [_flat(re.sub(r"<[^>]+>|\{[^}]+\}", "", TEXTS[i][k])) for i in INTROS]
    intros.append(_flat(message("model_check.intro", lang)))
    return heads, intros


def _memos():
    old = load_old_sample()
    sample = read_evaluation_toml(SAMPLE)
    for ev, name in ((sample, "sample"), (old, "old")):
        for lang in ("nl", "en"):
            yield pytest.param(ev, lang, id=f"{name}-{lang}")


@pytest.mark.parametrize(("ev", "lang"), list(_memos()))
def test_no_page_ends_with_a_heading_or_an_introduction(ev, lang):
    pages = _pages(render_memo(ev, lang, samples=SAMPLES).pdf)
    heads, intros = _lead_texts(lang)
    for n, page in enumerate(pages[:-1], start=1):
        lines = _content_lines(page, ev.title)
        assert lines, f"page {n} is empty"
        last = _flat(lines[-1])
        assert not any(last.startswith(h) for h in heads), f"page {n} ends with the heading {lines[-1]!r}"
        assert not any(i.endswith(last) for i in intros if len(last) > 12), (
            f"page {n} ends with an introduction, its table or chart on the next page: {lines[-1]!r}"
        )


def test_the_sensitivity_chart_lists_every_ranked_alternative(sample, sample_nl):
    from evaluator.report.texts import TEXTS

    text = _flat("\n".join(_pages(sample_nl)))
    start = text.index(_flat(TEXTS["s6"][1]))
    end = text.index(_flat(TEXTS["s7"][1]), start)
    section = text[start:end]
    for _, name in _ranking(sample):
        assert _flat(name) in section, f"section 6 does not show {name}"


def test_the_english_evidence_table_gives_confidence_its_room(sample_en):
    """ "Confidence" is wider than "Zekerheid": its column grows, so the header does not run into the next."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from evaluator.report.fonts import BOLD, register_fonts

    register_fonts()
    reader = PdfReader(io.BytesIO(sample_en))
    page = next(p for p in reader.pages if "Annex A. Evidence per score" in (p.extract_text() or ""))
    xs: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        for word in ("Confidence", "Evidence and source"):
            if text.strip() == word and word not in xs:
                xs[word] = tm[4] * cm[0] + cm[4]

    page.extract_text(visitor_text=visit)
    assert set(xs) == {"Confidence", "Evidence and source"}, xs
    gap = xs["Evidence and source"] - (xs["Confidence"] + stringWidth("Confidence", BOLD, 8))
    assert gap >= 4, f"the header 'Confidence' runs into 'Evidence and source' ({gap:.1f} pt apart)"
