"""A file that is not an Excel workbook (issue 11): the table import says so in the user's language and names the
file, never "BadZipFile"; a ballot says the same."""

from __future__ import annotations

import zipfile

import pytest

from evaluator.ballot import read_ballot
from evaluator.errors import InputError
from ui.i18n import set_language

CASES = {
    "text.xlsx": b"Naam;Score\nTeams;3\n",  # a CSV renamed
    "truncated.xlsx": b"PK\x03\x04 not really a zip",
}


def broken_zip(path) -> None:
    with zipfile.ZipFile(path, "w") as z:  # a zip, but not a workbook inside
        z.writestr("hello.txt", "not a workbook")


@pytest.mark.parametrize("name", [*CASES, "zip-without-workbook.xlsx"])
@pytest.mark.parametrize(
    ("lang", "words"),
    [("nl", "is geen leesbare Excel-werkmap (.xlsx)"), ("en", "is not a readable XLSX workbook (Excel)")],
)
def test_the_table_import_says_the_file_is_not_a_workbook(qtbot, window, tmp_path, name, lang, words):
    path = tmp_path / name
    if name in CASES:
        path.write_bytes(CASES[name])
    else:
        broken_zip(path)
    set_language(lang)
    assert not window.import_file(path)
    line = window.last_error
    assert str(path) in line and words in line, line
    assert "BadZipFile" not in line and "Error" not in line and "KeyError" not in line, line
    assert window.error_box.text() == line
    window.error_box.close()


def test_a_ballot_that_is_not_a_workbook_says_so_in_both_languages(tmp_path):
    path = tmp_path / "stem.xlsx"
    path.write_bytes(CASES["truncated.xlsx"])
    from evaluator.i18n import language, set_language
    from tests.ui.conftest import small_evaluation

    was = language()
    lines = {}
    try:
        for lang in ("nl", "en"):  # the core writes its messages in the session's language
            set_language(lang)
            with pytest.raises(InputError) as info:
                read_ballot(small_evaluation(), path, "2026-01-01T00:00:00+00:00", key=None)
            lines[lang] = info.value.line()
    finally:
        set_language(was)
    assert "stem.xlsx: is geen leesbare Excel-werkmap (.xlsx)" in lines["nl"]
    assert "stem.xlsx: is not a readable XLSX workbook (Excel)" in lines["en"]
    assert "BadZipFile" not in lines["en"]
