"""Schema migrations: files of every released schema open (and upgrade); newer files are refused, untouched.

``tests/fixtures/schema-N.afweging`` is a file written by the Afweging that introduced schema N (made once by
``tests/fixtures/make_schema_fixture.py``, never regenerated), with its expected content beside it. The migration
mechanism itself is proven with a synthetic schema 0 (the audit table without its ``reason`` column) and a 0 → 1
step registered in ``store.MIGRATIONS`` for the test.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from evaluator import store as store_mod
from evaluator.changes import SetSetting
from evaluator.cli import main
from evaluator.errors import InputError
from evaluator.io.canonical import evaluation_json
from evaluator.settings import robustness_defaults
from evaluator.store import SCHEMA_VERSION, Store

FIXTURES = Path(__file__).parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("schema-*.afweging"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _expected(fixture: Path) -> dict:
    return json.loads(fixture.with_name(fixture.stem + ".expected.json").read_text(encoding="utf-8"))


def _as_of(ev, want: dict) -> dict:
    """The evaluation's JSON, with the settings added after ``want`` was written checked to be their defaults."""
    got = json.loads(evaluation_json(ev))
    for key, value in {"robustness": robustness_defaults()}.items():
        if key not in want:
            assert got.pop(key) == value
    return got


def _copy(fixture: Path, tmp_path: Path) -> Path:
    out = tmp_path / fixture.name
    shutil.copyfile(fixture, out)
    return out


def test_a_fixture_exists_for_every_released_schema():
    versions = {int(p.stem.split("-")[1]) for p in RELEASED}
    assert versions == set(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_released_schema_opens_with_its_content_and_audit(fixture, tmp_path):
    path = _copy(fixture, tmp_path)
    want = _expected(fixture)
    with Store.open(path) as st:
        assert st.integrity_check() == "ok"
        assert _as_of(st.evaluation, want["evaluation"]) == want["evaluation"]
        assert st.audit_count() == want["audit_rows"]
        assert len(st.audit_changes()) == want["audit_rows"] - 1
        st.apply(SetSetting("title", "na de upgrade"))  # and it takes new changes
    with Store.open(path, readonly=True) as st:
        assert st.evaluation.title == "na de upgrade"
        assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _schema_0(tmp_path: Path) -> Path:
    """The schema-1 fixture turned into a synthetic schema 0: no ``audit.reason`` column."""
    path = _copy(RELEASED[0], tmp_path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("ALTER TABLE audit DROP COLUMN reason")
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.execute("PRAGMA user_version = 0")
    con.close()
    return path


def _add_reason(con: sqlite3.Connection) -> None:
    con.execute("ALTER TABLE audit ADD COLUMN reason TEXT NOT NULL DEFAULT ''")


def test_registered_migration_runs_and_upgrades(tmp_path, monkeypatch):
    path = _schema_0(tmp_path)
    monkeypatch.setattr(store_mod, "MIGRATIONS", {**store_mod.MIGRATIONS, 0: _add_reason})
    want = _expected(RELEASED[0])
    with Store.open(path) as st:
        assert _as_of(st.evaluation, want["evaluation"]) == want["evaluation"]
        st.apply(SetSetting("title", "gemigreerd"), reason="na migratie")
        assert st.audit(limit=1)[0].reason == "na migratie"
        assert st.audit_count() == want["audit_rows"] + 1
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
        SCHEMA_VERSION
    )
    assert "reason" in [r[1] for r in con.execute("PRAGMA table_info(audit)")]
    con.close()


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = _schema_0(tmp_path)
    before = _digest(path)

    def half_then_fail(con: sqlite3.Connection) -> None:
        _add_reason(con)
        con.execute("DROP TABLE weights")
        raise sqlite3.OperationalError("disk full (simulated)")

    monkeypatch.setattr(store_mod, "MIGRATIONS", {**store_mod.MIGRATIONS, 0: half_then_fail})
    with pytest.raises(
        InputError,
        match=r"could not be upgraded from schema 0 \(disk full \(simulated\)\); the file was not changed",
    ):
        Store.open(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_an_older_schema_without_a_migration_is_refused_clearly(tmp_path, monkeypatch):
    path = _schema_0(tmp_path)
    before = _digest(path)
    monkeypatch.setattr(store_mod, "MIGRATIONS", {k: v for k, v in store_mod.MIGRATIONS.items() if k != 0})
    with pytest.raises(InputError, match="schema 0, which this version cannot upgrade") as info:
        Store.open(path)
    assert str(path) in info.value.line()
    with pytest.raises(InputError, match="schema 0, which this version cannot upgrade"):
        Store.open(path, readonly=True)
    assert _digest(path) == before


def test_an_older_file_is_read_without_being_written(tmp_path, capsys):
    """rank, report, export open read-only: they read a schema-1 file through an upgraded copy in memory."""
    from evaluator.cli import main

    path = _copy(RELEASED[0], tmp_path)
    before = _digest(path)
    with Store.open(path, readonly=True) as st:
        want = _expected(RELEASED[0])["evaluation"]
        assert _as_of(st.evaluation, want) == want
        assert st.audit()[0].label_in("nl") == st.audit()[0].label  # old rows: the English label
    assert main(["rank", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["alternatives"]
    assert _digest(path) == before
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1


@pytest.mark.parametrize("readonly", [False, True])
def test_a_file_from_a_newer_version_is_refused_and_untouched(tmp_path, readonly):
    path = _copy(RELEASED[-1], tmp_path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = _digest(path)
    with pytest.raises(InputError) as info:
        Store.open(path, readonly=readonly)
    line = info.value.line()
    assert "newer Afweging" in line and f"schema {SCHEMA_VERSION + 1}" in line and str(path) in line
    assert "\n" not in line
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_the_cli_refuses_a_newer_file_with_one_line(tmp_path, capsys):
    path = _copy(RELEASED[-1], tmp_path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = _digest(path)
    for argv in (["rank", str(path)], ["export", str(path), "--out", str(tmp_path / "x.json")]):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and "newer Afweging" in err and "Traceback" not in err
    assert _digest(path) == before
    assert not (tmp_path / "x.json").exists()


def test_schema_1_upgrades_to_dutch_audit_labels_keeping_the_old_rows(tmp_path):
    """The real 1 → 2 migration: old audit rows keep their English label; new ones are recorded in both."""
    from evaluator.changes import SetWeights

    path = _copy(RELEASED[0], tmp_path)
    with Store.open(path) as st:
        old = st.audit()
        assert all(e.label_nl == "" and e.label_in("nl") == e.label for e in old)
        area = st.evaluation.areas[0].id
        st.apply(SetWeights({area: 12.0}))
        newest = st.audit(limit=1)[0]
        assert newest.label_in("en") == f"Weight {area} → 12"
        assert newest.label_in("nl") == f"Gewicht {area} → 12"
    assert "label_nl" in [r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(audit)")]
