"""Fuzzing every file reader in-process: byte-level mutation of valid files and structure-aware mutation of their
content (JSON, DMSY/YAML, CSV, XLSX, .afweging, catalogue TOML, sample TOML).

Each case must end in a clean evaluation or a one-line ``InputError`` naming the file (see tests/fuzz_support.py
for the run lengths: CI default, ``AFWEGING_FUZZ=long`` for a local soak).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import sqlite3
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from evaluator.catalogue import load_catalogue
from evaluator.changes import SetSetting, set_score
from evaluator.errors import InputError
from evaluator.io import read_any
from evaluator.io.bare import BareMatrix, bare_evaluation
from evaluator.io.canonical import evaluation_json
from evaluator.io.dmsy import write_dmsy
from evaluator.io.sample_toml import read_evaluation_toml
from evaluator.io.table import write_csv, write_xlsx
from evaluator.model import Evaluation
from evaluator.serial import evaluation_to_data
from evaluator.store import Store
from tests.fuzz_support import (
    CASES,
    FUZZ,
    JSON_VALUES,
    check_outcome,
    mutated_bytes,
    mutated_tree,
    print_counts,
    rezipped,
)
from tests.hardening_helpers import make_evaluation

ROOT = Path(__file__).resolve().parent.parent
_counter = itertools.count()

CATALOGUE_TOML = """\
[catalogue]
id = "fuzz"
version = "1.0"
name = { nl = "Fuzz", en = "Fuzz" }
sources = ["https://example.org"]

[[areas]]
id = "A"
name = { nl = "Soevereiniteit", en = "Sovereignty" }
weight = 40

[[areas.criteria]]
id = "A1"
name = { nl = "Zeggenschap", en = "Control" }
description = { nl = "Wie beslist", en = "Who decides" }
framework = "EU CSF SOV-1"
weight = 60
minimum = 1
scale = { kind = "ordinal", levels = [
  { value = 0, label = { nl = "geen", en = "none" }, descriptor = { nl = "geen", en = "none" } },
  { value = 1, label = { nl = "weinig", en = "little" }, descriptor = { nl = "weinig", en = "little" } },
  { value = 2, label = { nl = "veel", en = "much" }, descriptor = { nl = "veel", en = "much" } },
] }

[[areas.criteria]]
id = "A2"
name = { nl = "Kosten", en = "Cost" }
description = { nl = "Prijs", en = "Price" }
weight = 40
scale = { kind = "numeric", unit = "EUR", lower = 0, upper = 400, direction = "cost" }

[[areas]]
id = "B"
name = { nl = "Continuiteit", en = "Continuity" }
weight = 60

[[areas.criteria]]
id = "B1"
name = { nl = "Exit", en = "Exit" }
description = { nl = "Exitplan", en = "Exit plan" }
weight = 100
scale = { kind = "boolean" }
"""

SAMPLE_TOML = """\
[evaluation]
title = "Fuzz"
question = "Welke?"
date = "2026-11-01"
catalogue = "{catalogue}"
method = "wsm"

[[alternatives]]
id = "teams"
name = "Microsoft Teams"
vendor = "Microsoft (US)"

[alternatives.scores.A1]
value = 1
low = 0
high = 2
evidence = "DPIA 2022"
confidence = "medium"

[alternatives.scores.A2]
value = 300

[alternatives.scores.B1]
value = 0

[[alternatives]]
id = "opendesk"
name = "openDesk"

[alternatives.scores.A1]
value = 2

[alternatives.scores.A2]
value = 120
"""


class Seeds:
    def __init__(self, folder: Path):
        self.folder = folder
        ev = make_evaluation(5, 7, seed=3, participants=2)
        self.ev = ev
        self.json_tree = evaluation_to_data(ev)
        self.json = evaluation_json(ev)
        bare = bare_evaluation(
            BareMatrix(
                ["Teams", "openDesk", "Nextcloud", "Zoom"],
                ["soevereiniteit", "kosten", "exit"],
                [[1, 300, 0.5], [4, 120, 2], [3, 80.5, 2], [1, 250, 1]],
                [1, -1, 1],
                [0.5, 0.3, 0.2],
            ),
            "fuzz",
        )
        write_dmsy(bare, folder / "seed.dmsy")
        write_csv(bare, folder / "seed.csv")
        write_xlsx(bare, folder / "seed.xlsx")
        self.dmsy = (folder / "seed.dmsy").read_bytes()
        self.dmsy_tree = yaml.safe_load(self.dmsy)
        self.csv = (folder / "seed.csv").read_bytes()
        self.csv_nl = (
            "alternatief;soevereiniteit;kosten\ndoel;max;min\ngewicht;0,6;0,4\nTeams;1;1.250,50\nopenDesk;4;80\n"
        ).encode("cp1252")
        self.xlsx = (folder / "seed.xlsx").read_bytes()
        with Store.create(folder / "seed.afweging", ev) as st_:
            st_.apply(SetSetting("decision", "openDesk"))
            st_.apply(set_score(st_.evaluation, "alt0", ev.criteria[0].id, 3.0))
        self.afweging = (folder / "seed.afweging").read_bytes()
        self.hot = {
            "own": self._hot(folder / "own.afweging", ev),
            "other": self._hot(folder / "other.afweging"),
        }
        self.catalogue_path = folder / "fuzz-catalogue.toml"
        self.catalogue_path.write_text(CATALOGUE_TOML, encoding="utf-8")
        self.catalogue = CATALOGUE_TOML.encode()
        bundled = ROOT / "criteria" / "beter-samenwerken.toml"
        self.bundled_catalogue = bundled.read_bytes() if bundled.exists() else self.catalogue
        self.sample = SAMPLE_TOML.replace("{catalogue}", self.catalogue_path.as_posix()).encode()

    def _hot(self, path: Path, ev: Evaluation | None = None) -> tuple[bytes, bytes]:
        """(the seed project, a journal beside it): the project's own after a crash mid-change, or a journal
        that another, larger project's crash left."""
        from tests.test_store_hardening import _die_mid_change

        if ev is not None:
            path.write_bytes(self.afweging)
            journal = _die_mid_change(path)
        else:
            Store.create(path, make_evaluation(12, 20, seed=8)).close()
            journal = _die_mid_change(path)
        if ev is not None:  # the file as the crash left it, half-written
            return path.read_bytes(), journal.read_bytes()
        return self.afweging, journal.read_bytes()

    def case(self, suffix: str, data: bytes) -> Path:
        path = self.folder / f"case-{next(_counter)}{suffix}"
        path.write_bytes(data)
        return path


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    s = Seeds(tmp_path_factory.mktemp("fuzz-readers"))
    for suffix, data in (
        (".json", s.json),
        (".dmsy", s.dmsy),
        (".csv", s.csv),
        (".csv", s.csv_nl),
        (".xlsx", s.xlsx),
        (".afweging", s.afweging),
    ):
        assert isinstance(read_any(s.case(suffix, data)), Evaluation)  # the seeds themselves are valid
    assert load_catalogue(s.case(".toml", s.catalogue)).id == "fuzz"
    assert len(read_evaluation_toml(s.case(".toml", s.sample)).alternatives) == 2
    CASES.clear()
    yield s
    print_counts("reader fuzzing")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read(seeds: Seeds, suffix: str, data: bytes, reader: str) -> Evaluation | None:
    path = seeds.case(suffix, data)
    try:
        before = _digest(path)
        result = check_outcome(lambda: read_any(path), path, reader)
        assert _digest(path) == before, "reading changed the file"  # a reader never writes
        return result
    finally:
        path.unlink()


# -- JSON --------------------------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_fuzz_json_bytes(seeds, data):
    _read(seeds, ".json", data.draw(mutated_bytes(seeds.json)), "json")


@FUZZ
@given(data=st.data())
def test_fuzz_json_structure(seeds, data):
    tree = data.draw(mutated_tree(lambda: json.loads(seeds.json)))
    _read(seeds, ".json", json.dumps(tree, allow_nan=True).encode(), "json")


def test_json_nested_too_deeply_is_refused(seeds):
    assert _read(seeds, ".json", b"[" * 100_000 + b"]" * 100_000, "json") is None


# -- DMSY --------------------------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_fuzz_dmsy_bytes(seeds, data):
    _read(seeds, ".dmsy", data.draw(mutated_bytes(seeds.dmsy)), "dmsy")


@FUZZ
@given(data=st.data())
def test_fuzz_dmsy_structure(seeds, data):
    tree = data.draw(mutated_tree(lambda: yaml.safe_load(seeds.dmsy)))
    _read(seeds, ".dmsy", yaml.safe_dump(tree, allow_unicode=True).encode(), "dmsy")


# -- CSV ---------------------------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data(), nl=st.booleans())
def test_fuzz_csv_bytes(seeds, data, nl):
    _read(seeds, ".csv", data.draw(mutated_bytes(seeds.csv_nl if nl else seeds.csv)), "csv")


CELL = st.one_of(
    st.text(max_size=8),
    st.sampled_from(
        ["max", "min", "objective", "weight", "gewicht", "doel", "1,5", "1.234,5", "-0", "1e400", "nan"]
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**30), 10**30).map(str),
)


@FUZZ
@given(rows=st.lists(st.lists(CELL, max_size=6), max_size=7), sep=st.sampled_from([",", ";", "\t"]))
def test_fuzz_csv_cells(seeds, rows, sep):
    text = "\n".join(sep.join(r) for r in rows)
    _read(seeds, ".csv", text.encode("utf-8", "surrogatepass"), "csv")


# -- XLSX --------------------------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_fuzz_xlsx_bytes(seeds, data):
    _read(seeds, ".xlsx", data.draw(mutated_bytes(seeds.xlsx, max_ops=3)), "xlsx")


XLSX_MEMBERS = ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml", "xl/styles.xml",
                "xl/_rels/workbook.xml.rels", "docProps/core.xml"]  # fmt: skip


@FUZZ
@given(data=st.data(), member=st.sampled_from(XLSX_MEMBERS))
def test_fuzz_xlsx_parts(seeds, data, member):
    import io
    import zipfile

    original = zipfile.ZipFile(io.BytesIO(seeds.xlsx)).read(member)
    _read(seeds, ".xlsx", rezipped(seeds.xlsx, {member: data.draw(mutated_bytes(original))}), "xlsx")


XCELL = st.one_of(
    st.none(),
    st.text(max_size=8).filter(lambda s: not any(ord(c) < 32 and c not in "\t\n\r" for c in s)),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-(2**60), 2**60),
    st.booleans(),
    st.datetimes(),
    st.sampled_from(["max", "min", "weight", "=1/0", "=SUM(B2:B3)", "#N/A", "1,5"]),
)


@FUZZ
@given(rows=st.lists(st.lists(XCELL, max_size=5), max_size=6))
def test_fuzz_xlsx_cells(seeds, rows):
    import openpyxl

    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    path = seeds.case(".xlsx", b"")
    wb.save(path)
    try:
        check_outcome(lambda: read_any(path), path, "xlsx")
    finally:
        path.unlink()


# -- .afweging ---------------------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_fuzz_afweging_bytes(seeds, data):
    _read(seeds, ".afweging", data.draw(mutated_bytes(seeds.afweging, max_ops=4)), "afweging")


TABLES = {
    "settings": "value",
    "areas": "data",
    "criteria": "data",
    "alternatives": "data",
    "participants": "data",
    "assessments": "data",
    "weights": "value",
    "audit": "change",
    "meta": "value",
}


def _read_with_audit(path: Path) -> Evaluation:
    """What ``report`` and the audit view read: the evaluation and every audit entry."""
    with Store.open(path, readonly=True) as st:
        st.audit()
        return st.evaluation


SCHEMA_CRAFTS = [
    "CREATE TRIGGER t AFTER INSERT ON audit BEGIN UPDATE weights SET value = 99; END",
    "CREATE TRIGGER t2 BEFORE UPDATE ON {table} BEGIN SELECT RAISE(IGNORE); END",
    "CREATE VIEW v AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r",
    "CREATE INDEX i ON {table} ({column})",
    "CREATE TABLE extra (x)",
    "ALTER TABLE {table} ADD COLUMN extra TEXT",
    "ALTER TABLE {table} RENAME TO {table}_old",
    "CREATE TABLE IF NOT EXISTS {table} (x)",
    "PRAGMA journal_mode = WAL",
]


@FUZZ
@given(data=st.data())
def test_fuzz_afweging_rows(seeds, data):
    """Valid SQLite, damaged content: rows with wrong JSON, wrong types, missing tables, wrong headers."""
    path = seeds.case(".afweging", seeds.afweging)
    try:
        con = sqlite3.connect(path, isolation_level=None)
        for _ in range(data.draw(st.integers(1, 3))):
            table = data.draw(st.sampled_from(sorted(TABLES)))
            column = TABLES[table]
            op = data.draw(
                st.sampled_from(
                    ["json", "value", "drop", "delete", "pragma", "dup_position", "schema", "schema"]
                )
            )
            if op == "json":
                rows = con.execute(f"SELECT rowid, {column} FROM {table}").fetchall()
                if rows:
                    rowid, raw = rows[data.draw(st.integers(0, len(rows) - 1))]
                    try:
                        tree = json.loads(raw)
                    except (TypeError, ValueError):
                        tree = raw
                    new = data.draw(mutated_tree(lambda t=tree: json.loads(json.dumps(t))))
                    con.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (json.dumps(new), rowid))
            elif op == "value":
                value = data.draw(st.one_of(JSON_VALUES.map(json.dumps), st.binary(max_size=8), st.integers(),
                                            st.just("[" * 50_000)))  # fmt: skip
                with_rowid = con.execute(f"SELECT rowid FROM {table} LIMIT 1").fetchone()
                if with_rowid and value is not None:
                    con.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (value, with_rowid[0]))
            elif op == "drop":
                con.execute(f"DROP TABLE {table}")
                break
            elif op == "delete":
                con.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} LIMIT 1)")
            elif op == "schema":  # what a crafted file adds: none of it may run, each is refused unread
                with contextlib.suppress(sqlite3.Error):  # (a craft that does not fit this file is skipped)
                    con.execute(data.draw(st.sampled_from(SCHEMA_CRAFTS)).format(table=table, column=column))
                break
            elif op == "pragma":
                name = data.draw(st.sampled_from(["user_version", "application_id"]))
                con.execute(f"PRAGMA {name} = {data.draw(st.integers(-(2**31), 2**31 - 1))}")
            elif table in ("areas", "criteria", "alternatives", "participants"):
                con.execute(f"UPDATE {table} SET position = 0")
        con.close()
        before = _digest(path)
        check_outcome(lambda: _read_with_audit(path), path, "afweging")
        assert _digest(path) == before, "a read-only open changed the file"
    finally:
        path.unlink()


@FUZZ
@given(data=st.data(), which=st.sampled_from(["own", "other"]))
def test_fuzz_afweging_journal(seeds, data, which):
    """A journal beside the project: a crash's own (mutated) or another file's. Reading gives the committed
    state or one clear line, and changes neither the file nor the journal."""
    project, journal = seeds.hot[which]
    path = seeds.case(".afweging", project)
    beside = Path(f"{path}-journal")
    written = data.draw(st.one_of(st.just(journal), mutated_bytes(journal, max_ops=4)))
    beside.write_bytes(written)
    try:
        before = (_digest(path), _digest(beside))
        ev = check_outcome(lambda: read_any(path), path, "afweging-journal")
        assert (_digest(path), _digest(beside)) == before, "a read-only open wrote to the file or its journal"
        if written == journal and which == "own":  # (a damaged journal cannot restore what it held)
            assert ev is not None and ev.title == seeds.ev.title, "not the state before the crash"
    finally:
        path.unlink()
        beside.unlink()


# -- TOML: catalogues and the sample ------------------------------------------------------------------------------

TOML_SNIPPETS = ["", "=", '"', "[[areas]]", "[catalogue]", 'id = ""', "weight = -1", "weight = nan",
                 "value = 1e999", 'kind = "x"', "levels = []", 'direction = "up"', "minimum = 99", "[[areas.criteria]]",
                 'id = "A"', 'name = { nl = 1 }', "scale = 3", "value = 7", "low = 3", "high = 1"]  # fmt: skip


@st.composite
def mutated_lines(draw: st.DrawFn, seed: bytes) -> bytes:
    lines = seed.decode().split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "dup", "swap", "value", "snippet"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "value" and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            literal = draw(st.sampled_from(['""', "0", "-3", "1e308", "inf", "nan", "true", "[]", "{}", '"x"',
                                            "2026-01-01", "[1, 2]", '{ nl = "a" }']))  # fmt: skip
            lines[i] = f"{key}= {literal}"
        else:
            lines.insert(i, draw(st.sampled_from(TOML_SNIPPETS)))
    return "\n".join(lines).encode()


@FUZZ
@given(data=st.data(), bundled=st.booleans())
def test_fuzz_catalogue_toml(seeds, data, bundled):
    seed = seeds.bundled_catalogue if bundled else seeds.catalogue
    raw = data.draw(st.one_of(mutated_lines(seed), mutated_bytes(seed)))
    path = seeds.case(".toml", raw)
    try:
        check_outcome(lambda: load_catalogue(path), path, "catalogue")
    finally:
        path.unlink()


@FUZZ
@given(data=st.data())
def test_fuzz_sample_toml(seeds, data):
    raw = data.draw(st.one_of(mutated_lines(seeds.sample), mutated_bytes(seeds.sample)))
    _read(seeds, ".toml", raw, "sample-toml")


# -- regressions: cases the fuzzing found ---------------------------------------------------------------------------


def test_regression_yaml_control_character_gives_one_line(seeds):
    """PyYAML's ReaderError prints over two lines; the message must stay one line and say where."""
    path = seeds.case(".dmsy", b"\x00" + seeds.dmsy[1:])
    with pytest.raises(InputError) as info:
        read_any(path)
    assert "\n" not in info.value.line() and "character 1" in info.value.line()


def test_regression_xlsx_with_a_nul_in_its_xml_gives_one_line(seeds):
    import io
    import zipfile

    sheet = zipfile.ZipFile(io.BytesIO(seeds.xlsx)).read("xl/worksheets/sheet1.xml")
    path = seeds.case(
        ".xlsx", rezipped(seeds.xlsx, {"xl/worksheets/sheet1.xml": sheet[:1] + b"\x00" + sheet[1:]})
    )
    with pytest.raises(InputError) as info:
        read_any(path)
    assert "\n" not in info.value.line() and "not a readable XLSX workbook" in info.value.line()


def test_regression_afweging_with_deeply_nested_json_is_refused(seeds):
    path = seeds.case(".afweging", seeds.afweging)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("UPDATE alternatives SET data = ? WHERE position = 0", ("[" * 50_000,))
    con.close()
    with pytest.raises(InputError, match="damaged or not an Afweging project"):
        read_any(path)
