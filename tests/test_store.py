"""The .afweging file: every change is stored with its audit row, survives reopening, and bad files are refused."""

from __future__ import annotations

import sqlite3

import pytest

from evaluator.changes import SetSetting, SetWeights, apply_change, set_score
from evaluator.errors import ChangeError, InputError
from evaluator.serial import evaluation_to_data
from evaluator.store import SCHEMA_VERSION, Store
from tests.helpers import small_evaluation


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "test.afweging"
    Store.create(path, small_evaluation(), user="tester").close()
    return path


def test_created_file_reopens_to_the_same_evaluation(project):
    with Store.open(project) as st:
        assert evaluation_to_data(st.evaluation) == evaluation_to_data(small_evaluation())
        assert st.integrity_check() == "ok"
        assert st.audit()[0].label == "created"


def test_each_change_is_stored_at_once_with_who_what_before_after_why(project):
    st = Store.open(project)
    ev = st.evaluation
    st.apply(set_score(ev, "teams", "S1", 2), user="anna", reason="nieuwe DPIA")
    st.apply(SetWeights({"S1": 70}), user="bram")
    # no save, no close: another connection sees it
    with Store.open(project, readonly=True) as other:
        assert other.evaluation.assessment("teams", "S1").value == 2
        assert other.evaluation.weights["S1"] == 70
        entries = other.audit()
    st.close()
    assert [e.user for e in entries[:2]] == ["bram", "anna"]
    score = entries[1]
    assert score.reason == "nieuwe DPIA"
    assert score.label == "Score Microsoft Teams · S1 → 2"
    assert score.change["assessment"]["value"] == 2
    assert score.before["assessment"]["value"] == 1  # the inverse restores the old score
    assert score.time.endswith("+00:00")


def test_undo_through_the_inverse_is_stored_too(project):
    with Store.open(project) as st:
        inverse = st.apply(SetSetting("title", "Nieuw"))
        st.apply(inverse, reason="undo")
        assert st.evaluation.title == "Test"
        assert st.audit_count() == 3
    with Store.open(project) as st:
        assert st.evaluation.title == "Test"


def test_replaying_the_audit_trail_reproduces_the_state(project):
    with Store.open(project) as st:
        for i, v in enumerate([2, 3, 4, 0]):
            st.apply(set_score(st.evaluation, "teams", "S1", v))
            st.apply(SetWeights({"C": 10 + i}))
        st.apply(SetSetting("decision", "openDesk, met een pilot"))
        final = evaluation_to_data(st.evaluation)
        ev = small_evaluation()
        for ch in st.audit_changes():
            ev, _ = apply_change(ev, ch)
    assert evaluation_to_data(ev) == final


def test_refused_change_leaves_file_and_state_untouched(project):
    with Store.open(project) as st:
        n = st.audit_count()
        with pytest.raises(ChangeError):
            st.apply(SetWeights({"S1": -3}))
        assert st.audit_count() == n
        assert st.evaluation.weights["S1"] == 50


def test_readonly_store_refuses_changes(project):
    with Store.open(project, readonly=True) as st, pytest.raises(ChangeError, match="read-only"):
        st.apply(SetSetting("title", "x"))


def test_file_is_one_self_contained_file_between_changes(project):
    with Store.open(project) as st:
        st.apply(SetSetting("title", "Nieuw"))
        assert sorted(p.name for p in project.parent.iterdir()) == ["test.afweging"]
        mode = st._con.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "delete"


def test_newer_file_is_refused_clearly_and_left_untouched(project):
    con = sqlite3.connect(project)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = project.read_bytes()
    with pytest.raises(InputError, match="newer Afweging") as exc:
        Store.open(project)
    assert str(project) in str(exc.value)
    assert project.read_bytes() == before


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "not an Afweging project file"),
        (b"hello world, this is text", "not an Afweging project file"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "damaged|cannot be opened|not an Afweging"),
    ],
)
def test_not_a_project_is_a_clear_error(tmp_path, content, message):
    p = tmp_path / "bad.afweging"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        Store.open(p)


def test_other_sqlite_database_is_refused(tmp_path):
    p = tmp_path / "other.afweging"
    sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(InputError, match="not an Afweging project"):
        Store.open(p)


def test_truncated_project_is_a_clear_error(project):
    data = project.read_bytes()
    project.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError):
        Store.open(project)


def test_damaged_row_is_a_clear_error_naming_the_place(project):
    con = sqlite3.connect(project)
    con.execute(
        "UPDATE assessments SET data = '{\"value\": \"high\"}' WHERE alternative = 'teams' AND criterion = 'S1'"
    )
    con.commit()
    con.close()
    with pytest.raises(InputError, match=r"assessments\[0\]\.value: must be a number"):
        Store.open(project)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        Store.open(tmp_path / "nope.afweging")
    with pytest.raises(InputError, match="folder"):
        Store.open(tmp_path)


def test_create_replaces_atomically_and_leaves_no_temporary_files(tmp_path):
    p = tmp_path / "x.afweging"
    Store.create(p, small_evaluation()).close()
    Store.create(p, small_evaluation()).close()
    assert [q.name for q in tmp_path.iterdir()] == ["x.afweging"]


def test_audit_after_returns_only_newer_entries(project):
    with Store.open(project) as st:
        newest = st.audit(limit=1)[0].seq
        st.apply(SetSetting("title", "een"))
        st.apply(SetSetting("title", "twee"))
        assert [e.label for e in st.audit(after=newest)] == ["Title → twee", "Title → een"]
        assert st.audit(after=st.audit(limit=1)[0].seq) == []
