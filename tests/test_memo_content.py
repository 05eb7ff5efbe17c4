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
    from evaluator.i18n import pgettext
    from evaluator.report.texts import TEXTS
    from evaluator.text import message

    def tx(key: str) -> str:
        return pgettext(key, TEXTS[key], lang)

    heads = {_flat(tx(h)) for h in HEADINGS} | {_flat(message("model_check.title", lang))}
    heads |= {_flat(tx("top"))}
    intros = [_flat(re.sub(r"<[^>]+>|\{[^}]+\}", "", tx(i))) for i in INTROS]
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
    from evaluator.report.texts import t

    text = _flat("\n".join(_pages(sample_nl)))
    start = text.index(_flat(t("s6", "nl")))
    end = text.index(_flat(t("s7", "nl")), start)
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


# -- Dutch formatting through Babel; reasons and the verdict in the user's language ---------------------------


def _big_numbers():
    from evaluator.model import Assessment, Criterion, Scale, frozen_map
    from tests.helpers import small_evaluation

    ev = small_evaluation()
    big = Scale("numeric", unit="€", lower=0, upper=2_000_000, direction="cost")
    crits = tuple(
        Criterion(c.id, c.area, c.name, big, framework=c.framework) if c.id == "C1" else c
        for c in ev.criteria
    )
    scores = {"teams": 1_000_000.0, "opendesk": 12.5, "nextcloud": 250_000.0}
    ass = dict(ev.assessments)
    for alt, v in scores.items():
        ass[(alt, "C1")] = Assessment(v, evidence="test", source="test")
    from dataclasses import replace

    return replace(ev, criteria=crits, assessments=frozen_map(ass))


@pytest.mark.parametrize(
    ("lang", "million", "twelve"), [("nl", "1.000.000 €", "12,5 €"), ("en", "1,000,000 €", "12.5 €")]
)
def test_numbers_are_written_as_the_language_writes_them(lang, million, twelve):
    text = "\n".join(_pages(render_memo(_big_numbers(), lang, samples=200).pdf))
    assert million in text and twelve in text
    assert "e+0" not in text


def _cli(*args: str, cwd: Path, **env: str):
    import os
    import subprocess
    import sys

    full = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    full.update(env, PYTHONPATH=str(Path(__file__).parent.parent), AFWEGING_LOG_DIR=str(cwd / "log"))
    return subprocess.run(
        [sys.executable, "-m", "evaluator", *args], capture_output=True, text=True, env=full, cwd=cwd
    )


@pytest.fixture(scope="module")
def project_memo(tmp_path_factory) -> Path:
    """A Dutch memo of a project made from the sample, with a ballot export in its audit trail."""
    d = tmp_path_factory.mktemp("proj")
    assert _cli("new", "--sample", "p.afweging", cwd=d).returncode == 0
    p = _cli("ballot", "export", "p.afweging", "--participant", "Jan", "--add", "--out", "b.xlsx", cwd=d)
    assert p.returncode == 0, p.stderr
    p = _cli("report", "p.afweging", "--out", "m.pdf", "--lang", "nl", cwd=d, TZ="Europe/Amsterdam")
    assert p.returncode == 0, p.stderr
    return d / "m.pdf"


DUTCH_DATE = (
    r"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}"
)


def test_a_dutch_memo_writes_dates_and_local_times_the_dutch_way(project_memo):
    pages = _pages(project_memo.read_bytes())
    assert re.search(rf"Datum\s+{DUTCH_DATE}", pages[0])
    text = "\n".join(pages)
    # the moment it was made, in local time with its zone (Amsterdam: CET in winter, CEST in summer)
    assert re.search(rf"Gemaakt op {DUTCH_DATE} om \d\d:\d\d CES?T", text)
    assert re.search(r"\d\d-\d\d-\d{4} \d\d:\d\d\s+CES?T", text)  # each change in the audit table
    assert not re.search(r"\b\d{4}-\d\d-\d\d\b", text)  # no ISO date left, the sources' dates included


def test_reasons_the_program_recorded_are_in_the_memos_language(project_memo):
    text = "\n".join(_pages(project_memo.read_bytes()))
    assert "nieuw vanuit het voorbeeld" in text and "stemformulier uitgegeven" in text
    assert "new from sample" not in text and "ballot export" not in text


def test_free_text_reasons_stay_as_typed():
    from evaluator.report.texts import reason_text

    assert reason_text("Na overleg met CIO", "nl") == "Na overleg met CIO"
    assert reason_text("new from sample", "en") == "new from the sample"
    assert reason_text("imported from oud.xlsx", "nl") == "geïmporteerd uit oud.xlsx"


@pytest.mark.parametrize(
    ("env", "head"),
    [({"LANG": "nl_NL.UTF-8"}, "ONGELDIG"), ({"LANG": "en_GB.UTF-8"}, "INVALID"),
     ({"LC_ALL": "nl_BE.UTF-8", "LANG": "en_US.UTF-8"}, "ONGELDIG"), ({}, "INVALID")],
)  # fmt: skip
def test_verify_speaks_the_users_language(project_memo, env, head):
    p = _cli("verify", str(project_memo), cwd=project_memo.parent, **env)
    assert p.returncode == 1  # not signed
    assert p.stdout.startswith(head), p.stdout


def test_verify_lang_flag_wins_and_json_is_language_neutral(project_memo):
    d = project_memo.parent
    p = _cli("verify", str(project_memo), "--lang", "en", cwd=d, LANG="nl_NL.UTF-8")
    assert p.stdout.startswith("INVALID")
    nl = _cli("verify", str(project_memo), "--format", "json", cwd=d, LANG="nl_NL.UTF-8").stdout
    en = _cli("verify", str(project_memo), "--format", "json", cwd=d, LANG="en_GB.UTF-8").stdout
    assert nl == en and nl.strip().startswith("{")


def test_changes_on_one_day_are_said_to_be_on_that_day(project_memo):
    text = _flat("\n".join(_pages(project_memo.read_bytes())))
    assert re.search(_flat(rf"2 vastgelegde wijzigingen op {DUTCH_DATE}, door"), text)


def test_a_ranking_taller_than_a_page_is_drawn_in_parts():
    """70 alternatives with long names: the charts break into parts instead of failing ("too large on page")."""
    from dataclasses import replace

    from evaluator.model import Alternative, Assessment, frozen_map
    from tests.helpers import small_evaluation

    ev = small_evaluation()
    alts, ass = [], {}
    for i in range(70):
        a = Alternative(f"a{i}", f"Alternatief nummer {i} met een tamelijk lange naam voor de grafiek", "X")
        alts.append(a)
        for c, v in (("S1", i % 5), ("S2", 1 + i % 4), ("C1", 50 + i)):
            ass[(a.id, c)] = Assessment(float(v), evidence="t", source="t")
    ev = replace(ev, alternatives=tuple(alts), assessments=frozen_map(ass))
    text = _flat("\n".join(_pages(render_memo(ev, "nl", samples=100).pdf)))
    for rank, name in _ranking(ev):
        assert _flat(f"{rank}. {name}") in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_section_5_says_whether_the_methods_agree_from_the_attached_data(sample, sample_nl, sample_en, lang):
    """The agreement sentences under the table of ranks per method are rendered from the agreement the decision
    JSON records, in the memo's language: the Robustness page renders the same findings from the same data."""
    from evaluator.agreement import MethodAgreement
    from evaluator.text import sentences

    pdf = sample_nl if lang == "nl" else sample_en
    record = compute_results(sample)["agreement"]
    expected = " ".join(sentences(MethodAgreement.from_record(record).findings(), sample, lang))
    assert "Kendall" in expected
    assert _flat(expected) in _flat("".join(_pages(pdf)))


@pytest.mark.parametrize("which", ["nl", "en"])
def test_chart_axes_write_percentages_as_the_text_does(which, sample_nl, sample_en):
    """The acceptability and stability charts' axis numbers come from the same formatter as the sentences:
    "25 %" where the text writes "81 %", never a hand-made "25%"."""
    text = "\n".join(_pages(sample_nl if which == "nl" else sample_en))
    assert re.search(r"\b25 %", text) and re.search(r"\b100 %", text)
    glued = re.findall(r".{20}\b(?:0|25|50|75|100)%.{5}", text)
    assert not glued, glued[:3]
