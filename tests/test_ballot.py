"""Workshop ballots: a locked-down XLSX that round-trips through openpyxl; bad ballots change nothing."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from evaluator.ballot import import_ballots, read_ballot, write_ballot
from evaluator.changes import AddCriterion, AddParticipant, RemoveParticipant, SetSetting, apply_change
from evaluator.cli import main
from evaluator.errors import InputError
from evaluator.model import Criterion, Participant
from evaluator.store import Store
from evaluator.weighting import global_weights
from tests.helpers import ORDINAL
from tests.test_workshop import workshop

IDS = ["S1", "S2", "C1"]  # the leaf criteria of tests.helpers.small_evaluation, in order


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "workshop.afweging"
    Store.create(path, workshop()).close()
    return path


def export(project, who, out, lang="nl"):
    with Store.open(project) as st:
        write_ballot(st.evaluation, who, out, st.created, lang, key=st.ballot_key(create=True))
    return out


def fill(path, values, sheet=0):
    """Fill the weight cells as another tool (or a person in Excel) would, and save."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[sheet]
    for i, v in enumerate(values, start=2):
        ws.cell(i, 5).value = v
    wb.save(path)
    return path


def state(project):
    with Store.open(project, readonly=True) as st:
        return st.evaluation, st.audit_count()


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# -- the workbook ------------------------------------------------------------------------------------------


def test_ballot_layout_protection_and_validation(project, tmp_path):
    path = export(project, "dee", tmp_path / "dee.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[0] == "id" and header[4] == "weight"
    assert [ws.cell(i, 1).value for i in range(2, 5)] == IDS
    assert ws.cell(2, 3).value == "Controle"  # the criterion's name, in Dutch
    assert ws.max_row == 4
    # protected, only the weight cells open
    assert ws.protection.sheet
    assert all(not ws.cell(i, 5).protection.locked for i in range(2, 5))
    assert all(ws.cell(i, j).protection.locked for i in range(1, 5) for j in range(1, 5))
    assert ws.cell(1, 5).protection.locked
    assert wb.security.lockStructure
    # whole numbers 0–100, refused otherwise, with a message in both languages
    (dv,) = ws.data_validations.dataValidation
    assert (dv.type, dv.operator, dv.formula1, dv.formula2) == ("whole", "between", "0", "100")
    assert dv.showErrorMessage and dv.errorStyle == "stop"
    assert "geheel getal" in dv.error and "whole number" in dv.error
    assert str(dv.sqref) == "E2:E4"
    # the identifier is out of sight and ties the ballot to this evaluation and participant
    ids = wb["afweging"]
    assert ids.sheet_state == "hidden"
    assert ids["B1"].value == "afweging-ballot" and ids["B5"].value == "dee"
    assert "Dee Bakker" in [c.value for c in wb.worksheets[1]["B"]]


def test_english_ballot(project, tmp_path):
    path = export(project, "dee", tmp_path / "dee.xlsx", "en")
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.title == "ballot"
    assert [c.value for c in ws[1]] == ["id", "area", "criterion", "description", "weight"]
    assert ws.cell(2, 3).value == "Control"


def test_a_ballot_reads_back_whatever_its_language_and_the_sessions(project, tmp_path, capsys):
    """The sheet title is in the ballot's language ("stembiljet", "ballot"); reading checks it against the title
    sealed in the ballot, never against the session's words, so either reads back in a session of either."""
    dutch = fill(export(project, "dee", tmp_path / "dee.xlsx", "nl"), [30, 30, 40])
    english = fill(export(project, "cem", tmp_path / "cem.xlsx", "en"), [10, 20, 70])
    assert [openpyxl.load_workbook(p).worksheets[0].title for p in (dutch, english)] == [
        "stembiljet",
        "ballot",
    ]
    code, out, err = run(capsys, "ballot", "import", project, dutch, "--lang", "en")
    assert code == 0, err
    code, out, err = run(capsys, "ballot", "import", project, english, "--lang", "nl")
    assert code == 0, err
    assert out == "Cem Yilmaz: 3 criteria, 100 punten\n"
    weights = state(project)[0].participant_weights
    assert global_weights(state(project)[0], weights["cem"]) == pytest.approx(
        {"S1": 0.1, "S2": 0.2, "C1": 0.7}
    )


def test_anonymous_ballot_names_nobody(project, tmp_path):
    with Store.open(project) as st:
        st.apply(SetSetting("anonymous", True))
    path = export(project, "bob", tmp_path / "bob.xlsx", "en")
    wb = openpyxl.load_workbook(path)
    texts = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]
    texts.append(wb.properties.title)
    assert not any("Bob" in t or "Jansen" in t for t in texts)
    assert any("Participant 2" in t for t in texts)


# -- round trip --------------------------------------------------------------------------------------------


def test_round_trip_through_openpyxl_is_one_audited_change(project, tmp_path):
    path = fill(export(project, "dee", tmp_path / "dee.xlsx"), [60, 20, 20])
    before, audits = state(project)
    with Store.open(project) as st:
        batch, ballots = import_ballots(st.evaluation, [path], st.created, key=st.ballot_key())
        inverse = st.apply(batch)
        ev = st.evaluation
        assert st.audit_count() == audits + 1
        assert st.audit(1)[0].label == "Stembiljetten ingelezen: Dee Bakker"
    assert ballots[0].points == {"S1": 60.0, "S2": 20.0, "C1": 20.0}
    assert global_weights(ev, ev.participant_weights["dee"]) == pytest.approx(
        {"S1": 0.6, "S2": 0.2, "C1": 0.2}
    )
    # the others' weights and the agreed weights are untouched; undo takes it back
    assert ev.participant_weights["ann"] == before.participant_weights["ann"]
    assert dict(ev.weights) == dict(before.weights)
    back, _ = apply_change(ev, inverse)
    assert "dee" not in back.participant_weights


def test_several_ballots_replace_earlier_weights_in_one_change(project, tmp_path):
    a = fill(export(project, "ann", tmp_path / "ann.xlsx"), [0, 0, 100])
    d = fill(export(project, "dee", tmp_path / "dee.xlsx"), ["40", "12,5", 47.5])  # text and decimal comma
    _, audits = state(project)
    with Store.open(project) as st:
        batch, _ = import_ballots(st.evaluation, [a, d], st.created, "en", key=st.ballot_key())
        st.apply(batch)
        ev = st.evaluation
        assert st.audit_count() == audits + 1
    assert global_weights(ev, ev.participant_weights["ann"]) == pytest.approx({"S1": 0, "S2": 0, "C1": 1})
    assert global_weights(ev, ev.participant_weights["dee"]) == pytest.approx(
        {"S1": 0.4, "S2": 0.125, "C1": 0.475}
    )


# -- refused, naming the place, changing nothing ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "cell", "problem"),
    [
        ([50, 150, 10], "E3", "150 is not a number from 0 to 100"),
        ([50, -1, 10], "E3", "-1 is not a number from 0 to 100"),
        ([50, 20, "veel"], "E4", "'veel' is not a number"),
        ([50, None, 10], "E3", "no weight given"),
        ([True, 20, 10], "E2", "True is not a number"),
    ],
)
def test_bad_value_refused_with_the_cell_and_nothing_changes(
    project, tmp_path, capsys, values, cell, problem
):
    good = fill(export(project, "ann", tmp_path / "ann.xlsx"), [10, 20, 30])
    bad = fill(export(project, "dee", tmp_path / "dee.xlsx"), values)
    before, audits = state(project)
    code, out, err = run(capsys, "ballot", "import", project, good, bad)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"dee.xlsx: sheet 'stembiljet', cell {cell}: " in err and problem in err
    after, audits_after = state(project)
    assert audits_after == audits
    assert after == before


def test_all_zero_refused(project, tmp_path):
    path = fill(export(project, "dee", tmp_path / "dee.xlsx"), [0, 0, 0])
    with Store.open(project) as st, pytest.raises(InputError, match=r"every weight is 0;.*E2–E4"):
        read_ballot(st.evaluation, path, st.created, key=st.ballot_key())


def tampered(project, tmp_path, edit):
    path = fill(export(project, "dee", tmp_path / "dee.xlsx"), [10, 20, 30])
    wb = openpyxl.load_workbook(path)
    edit(wb)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda wb: setattr(wb.worksheets[0]["C3"], "value", "Iets anders"), "cell C3: was changed"),
        (lambda wb: setattr(wb.worksheets[0]["E1"], "value", "gewicht"), "cell E1: was changed"),
        (lambda wb: setattr(wb.worksheets[0]["D2"], "value", "telt dubbel"), "cell D2: was changed"),
        (lambda wb: setattr(wb.worksheets[0]["A3"], "value", "C1"), "cell A3: should hold criterion id 'S2'"),
        (lambda wb: wb.worksheets[0].delete_rows(3), "cell A3: should hold criterion id 'S2'"),
        (lambda wb: setattr(wb.worksheets[0]["F2"], "value", 99), "cell F2: holds something outside"),
        (lambda wb: setattr(wb.worksheets[0]["A5"], "value", "X9"), "cell A5: holds something outside"),
        (lambda wb: wb.remove(wb["afweging"]), "is not an Afweging ballot"),
        (lambda wb: setattr(wb["afweging"]["B5"], "value", "nobody"), "cell B5: was changed after"),
        (lambda wb: setattr(wb["afweging"]["B3"], "value", "0" * 24), "cell B3: was changed after"),
        (lambda wb: wb.move_sheet(wb.worksheets[1], -1), "the first sheet should be 'stembiljet'"),
    ],
)
def test_tampered_ballot_refused(project, tmp_path, capsys, edit, message):
    path = tampered(project, tmp_path, edit)
    before, audits = state(project)
    code, _, err = run(capsys, "ballot", "import", project, path)
    assert code == 2 and message in err and err.count("\n") == 1
    assert state(project) == (before, audits)


def test_ballot_for_another_evaluation_refused(project, tmp_path, capsys):
    other = tmp_path / "other.afweging"
    ev, _ = apply_change(workshop(), SetSetting("title", "Andere afweging"))
    Store.create(other, ev).close()
    path = fill(export(other, "dee", tmp_path / "dee.xlsx"), [10, 20, 30])
    code, _, err = run(capsys, "ballot", "import", project, path)
    assert code == 2
    assert (
        "is a ballot for another evaluation: it was made for the evaluation 'Andere afweging', not 'Test'"
        in err
    )


def test_ballot_for_another_evaluation_refused_in_dutch(project, tmp_path, capsys):
    """The reason was English inside the Dutch sentence ('is een stembiljet voor een andere afweging: it was made
    for the evaluation …')."""
    other = tmp_path / "other.afweging"
    ev, _ = apply_change(workshop(), SetSetting("title", "Andere afweging"))
    Store.create(other, ev).close()
    path = fill(export(other, "dee", tmp_path / "dee.xlsx"), [10, 20, 30])
    code, _, err = run(capsys, "ballot", "import", project, path, "--lang", "nl")
    assert code == 2
    assert "it was made" not in err and "for the evaluation" not in err, err
    assert "'Andere afweging'" in err and "'Test'" in err
    from evaluator.i18n import set_language

    set_language("en")  # (--lang nl set the session's language; the test's is put back after it)
    with Store.open(project) as st, pytest.raises(InputError) as refused:
        read_ballot(st.evaluation, fill(export(project, "dee", tmp_path / "d2.xlsx"), [1, 2, 3]),
                    "1999-01-01T00:00:00+00:00", key=st.ballot_key())  # fmt: skip
    assert "same title" in str(refused.value.line())
    set_language("nl")
    with Store.open(project) as st, pytest.raises(InputError) as refused:
        read_ballot(st.evaluation, fill(export(project, "dee", tmp_path / "d3.xlsx"), [1, 2, 3]),
                    "1999-01-01T00:00:00+00:00", key=st.ballot_key())  # fmt: skip
    assert "same title" not in refused.value.line(), refused.value.line()


def test_same_title_other_file_refused(project, tmp_path):
    path = fill(export(project, "dee", tmp_path / "dee.xlsx"), [10, 20, 30])
    with (
        Store.open(project) as st,
        pytest.raises(InputError, match="another project file with the same title"),
    ):
        read_ballot(st.evaluation, path, "1999-01-01T00:00:00+00:00", key=st.ballot_key())


def test_changed_criteria_void_outstanding_ballots(project, tmp_path):
    path = fill(export(project, "dee", tmp_path / "dee.xlsx"), [10, 20, 30])
    with Store.open(project) as st:
        st.apply(AddCriterion(Criterion("S3", "S", {"nl": "Nieuw", "en": "New"}, ORDINAL)))
        with pytest.raises(InputError, match="criteria changed since it was made; export a new ballot"):
            read_ballot(st.evaluation, path, st.created, key=st.ballot_key())


def test_removed_participant_refused(project, tmp_path):
    path = fill(export(project, "dee", tmp_path / "dee.xlsx"), [10, 20, 30])
    with Store.open(project) as st:
        st.apply(RemoveParticipant("dee"))
        with pytest.raises(InputError, match="participant 'dee', who is no longer in this evaluation"):
            read_ballot(st.evaluation, path, st.created, key=st.ballot_key())


def test_two_ballots_of_one_participant_refused(project, tmp_path):
    a = fill(export(project, "dee", tmp_path / "a.xlsx"), [10, 20, 30])
    b = shutil.copy(a, tmp_path / "b.xlsx")
    with Store.open(project) as st, pytest.raises(InputError, match="second ballot of Dee Bakker"):
        import_ballots(st.evaluation, [a, b], st.created, key=st.ballot_key())


def test_not_a_workbook_refused(project, tmp_path, capsys):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, err = run(capsys, "ballot", "import", project, junk)
    assert code == 2 and "junk.xlsx: is not a readable XLSX workbook" in err
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    code, _, err = run(capsys, "ballot", "import", project, plain)
    assert code == 2 and "plain.xlsx: is not an Afweging ballot" in err


# -- the command line --------------------------------------------------------------------------------------------


def test_cli_export_and_import(project, tmp_path, capsys):
    out = tmp_path / "dee.xlsx"
    code, stdout, err = run(capsys, "ballot", "export", project, "--participant", "dee bakker", "--out", out)
    assert code == 0 and stdout.strip() == str(out) and err == ""
    fill(out, [30, 30, 40])
    code, _, err = run(capsys, "ballot", "export", project, "--participant", "Dee Bakker", "--out", out)
    assert code == 2 and "already exists" in err
    code, stdout, err = run(capsys, "ballot", "import", project, out, "--reason", "sent by mail")
    assert code == 0, err
    assert stdout == "Dee Bakker: 3 criteria, 100 points\n"
    with Store.open(project, readonly=True) as st:
        assert st.audit(1)[0].reason == "sent by mail"
        assert global_weights(st.evaluation, st.evaluation.participant_weights["dee"]) == pytest.approx(
            {"S1": 0.3, "S2": 0.3, "C1": 0.4}
        )


def test_cli_export_unknown_participant_and_add(project, tmp_path, capsys):
    out = tmp_path / "eve.xlsx"
    code, _, err = run(capsys, "ballot", "export", project, "--participant", "Eve", "--out", out)
    assert code == 2 and "no participant named 'Eve'" in err and "--add" in err
    assert not out.exists()
    code, _, err = run(capsys, "ballot", "export", project, "--participant", "Eve", "--out", out, "--add")
    assert code == 0, err
    with Store.open(project, readonly=True) as st:
        assert st.evaluation.participants[-1] == Participant("eve", "Eve")
        assert openpyxl.load_workbook(out)["afweging"]["B5"].value == "eve"


def test_cli_refuses_files_that_are_not_projects(project, tmp_path, capsys):
    from evaluator.io import write_any

    js = tmp_path / "w.json"
    write_any(workshop(), js)
    code, _, err = run(
        capsys, "ballot", "export", js, "--participant", "Dee Bakker", "--out", tmp_path / "d.xlsx"
    )
    assert code == 2 and "ballots work on an .afweging project file" in err
    code, _, err = run(
        capsys, "ballot", "export", project, "--participant", "Dee Bakker", "--out", tmp_path / "d.csv"
    )
    assert code == 2 and "a ballot is an .xlsx workbook" in err


def test_added_participant_before_import_is_fine(project, tmp_path):
    path = fill(export(project, "dee", tmp_path / "dee.xlsx"), [1, 2, 3])
    with Store.open(project) as st:
        st.apply(AddParticipant(Participant("fay", "Fay")))
        ballot = read_ballot(st.evaluation, path, st.created, key=st.ballot_key())
    assert ballot.participant == "dee"


# -- the seal: a ballot is bound to its participant and evaluation by the project's key --------------------------


def import_err(capsys, project, *paths):
    before = state(project)
    code, out, err = run(capsys, "ballot", "import", project, *paths)
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert state(project) == before  # nothing changed: weights and audit trail as they were
    return err


def edit_ids(path, **cells):
    wb = openpyxl.load_workbook(path)
    for coord, value in cells.items():
        wb["afweging"][coord].value = value
    wb.save(path)
    return path


def test_impersonation_by_editing_the_participant_is_refused(project, tmp_path, capsys):
    """Alice (ann) fills her ballot and writes Bob's id into the identifier: refused, Bob's weights untouched."""
    path = fill(export(project, "ann", tmp_path / "ann.xlsx"), [90, 5, 5])
    edit_ids(path, B5="bob")
    err = import_err(capsys, project, path)
    assert "ann.xlsx: sheet 'afweging', cell B5: was changed after the ballot was exported" in err
    assert "'bob'" in err and "export the participant's ballot again" in err


def test_edited_evaluation_and_criteria_refused_with_the_cell(project, tmp_path, capsys):
    path = fill(export(project, "dee", tmp_path / "dee.xlsx"), [10, 20, 30])
    with Store.open(project, readonly=True) as st:
        from evaluator.ballot import evaluation_key

        other = evaluation_key(st.evaluation, "2000-01-01T00:00:00+00:00")
    edit_ids(path, B3=other)
    assert "cell B3: was changed after the ballot was exported" in import_err(capsys, project, path)
    path = fill(export(project, "dee", tmp_path / "dee2.xlsx"), [10, 20, 30])
    edit_ids(path, B6='["S1", "C1", "S2"]')
    assert "cell B6: was changed after the ballot was exported" in import_err(capsys, project, path)


def test_tags_copied_from_another_ballot_break_the_seal(project, tmp_path, capsys):
    """Bob's participant cell with its own valid tag, pasted into Alice's ballot: the seal over all fields fails."""
    bob = openpyxl.load_workbook(export(project, "bob", tmp_path / "bob.xlsx"))["afweging"]
    path = fill(export(project, "ann", tmp_path / "ann.xlsx"), [90, 5, 5])
    edit_ids(path, B5=bob["B5"].value, C5=bob["C5"].value)
    err = import_err(capsys, project, path)
    assert "cell B10: the identifier sheet was changed after the ballot was exported" in err


def test_ballot_sealed_by_another_project_is_refused(project, tmp_path, capsys):
    """Another project file with the same evaluation (same title, criteria and even creation time): its key
    differs, so its ballots are refused here."""
    other = tmp_path / "copy-of-the-catalogue.afweging"
    Store.create(other, workshop()).close()
    with Store.open(other) as st:
        other_key = st.ballot_key(create=True)
    with Store.open(project) as st:
        st.ballot_key(create=True)
        path = tmp_path / "dee.xlsx"
        write_ballot(st.evaluation, "dee", path, st.created, key=other_key)
    fill(path, [10, 20, 30])
    err = import_err(capsys, project, path)
    assert "dee.xlsx: sheet 'afweging', cell B10: was sealed by another project file" in err


def test_project_that_sealed_no_ballot_refuses_one(project, tmp_path, capsys):
    other = tmp_path / "other.afweging"
    Store.create(other, workshop()).close()
    path = fill(export(other, "dee", tmp_path / "dee.xlsx"), [10, 20, 30])
    with Store.open(project, readonly=True) as st:
        assert st.ballot_key() is None
    assert "cell B10: was sealed by another project file" in import_err(capsys, project, path)


def test_ballots_from_before_the_seal_are_refused_with_advice(project, tmp_path, capsys):
    path = fill(export(project, "dee", tmp_path / "dee.xlsx"), [10, 20, 30])
    legacy = {"B2": 1, "B10": None, "A10": None, **{f"C{r}": None for r in range(1, 10)}}
    edit_ids(path, **legacy)
    err = import_err(capsys, project, path)
    assert "cell B2: was exported by an earlier Afweging, before ballots were sealed" in err
    assert "export the participant's ballot again" in err
    path = fill(export(project, "dee", tmp_path / "dee2.xlsx"), [10, 20, 30])
    edit_ids(path, B10=None)
    assert "cell B10: has no seal" in import_err(capsys, project, path)


def test_ballot_key_made_once_kept_in_the_project_and_never_exported(project, tmp_path, capsys):
    import json
    import zipfile

    from evaluator.serial import evaluation_to_data

    with Store.open(project) as st:
        assert st.ballot_key() is None  # an older project (or a new one) has none until its first ballot
        audits = st.audit_count()
    code, _, err = run(
        capsys, "ballot", "export", project, "--participant", "dee", "--out", tmp_path / "d.xlsx"
    )
    assert code == 0, err
    with Store.open(project) as st:
        key = st.ballot_key()
        assert key is not None and len(key) == 32
        assert st.ballot_key(create=True) == key  # made once
        assert st.audit_count() == audits  # not a change of the evaluation
        decision = json.dumps(evaluation_to_data(st.evaluation))
    assert key.hex() not in decision and key.hex().upper() not in decision
    with zipfile.ZipFile(tmp_path / "d.xlsx") as z:
        ballot_bytes = b"".join(z.read(n) for n in z.namelist())
    assert key.hex().encode() not in ballot_bytes
    for ext in (".json", ".afweging", ".xlsx", ".csv"):
        out = tmp_path / f"export{ext}"
        code, _, err = run(capsys, "export", project, "--out", out)
        assert code == 0, err
        data = out.read_bytes()
        if ext == ".xlsx":
            with zipfile.ZipFile(out) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        assert key.hex().encode() not in data and key not in data
    with Store.open(tmp_path / "export.afweging", readonly=True) as st:
        assert st.ballot_key() is None  # an exported project seals its own ballots, with its own key


def test_honest_ballots_still_import_after_the_key_exists(project, tmp_path, capsys):
    a = fill(export(project, "ann", tmp_path / "ann.xlsx"), [50, 25, 25])
    b = fill(export(project, "bob", tmp_path / "bob.xlsx"), [10, 10, 80])
    code, out, err = run(capsys, "ballot", "import", project, a, b, "--lang", "en")
    assert code == 0, err
    assert "100 points" in out
    with Store.open(project, readonly=True) as st:
        ev = st.evaluation
        assert global_weights(ev, ev.participant_weights["bob"]) == pytest.approx(
            {"S1": 0.1, "S2": 0.1, "C1": 0.8}
        )


def test_a_project_from_an_older_version_gets_its_key_on_the_first_export(tmp_path, capsys):
    from pathlib import Path

    old = tmp_path / "old.afweging"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-1.afweging", old)
    out = tmp_path / "eve.xlsx"
    code, _, err = run(capsys, "ballot", "export", old, "--participant", "Eve", "--add", "--out", out)
    assert code == 0, err
    with Store.open(old, readonly=True) as st:
        assert st.ballot_key() is not None
        n = len(st.evaluation.criteria)
    fill(out, [5] * n)
    code, stdout, err = run(capsys, "ballot", "import", old, out)
    assert code == 0, err
    assert stdout == f"Eve: {n} criteria, {5 * n} points\n"
