"""File → Export results… (issue 16): the same workbook as ``afweging rank --out``, in the app's language."""

from __future__ import annotations

import openpyxl

from ui import results_export


def test_the_file_menu_offers_export_results_in_both_languages(qtbot, window):
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Resultaten e&xporteren…" in texts
    window.set_language("en")
    assert "E&xport results…" in [a.text() for a in window.file_menu.actions()]


def test_export_writes_the_workbook_with_headers_in_the_apps_language(qtbot, window, tmp_path):
    nl = tmp_path / "resultaten.xlsx"
    assert results_export.export(window, nl)
    wb = openpyxl.load_workbook(nl)
    assert wb.sheetnames[:3] == ["Rangorde", "Waardematrix", "Gewichten"]
    assert wb["Rangorde"]["A1"].value == "Alternatief"
    assert "resultaten.xlsx" in window.statusBar().currentMessage()
    # the ranking is the one the results page shows
    shown = window.show_page("results").compare
    first = [shown.index(r, 0).data() for r in range(shown.rowCount())]
    assert sorted(c.value for c in wb["Rangorde"]["A"][1:]) == sorted(first)

    window.set_language("en")
    en = tmp_path / "results.csv"
    assert results_export.export(window, en)
    raw = en.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw[3:].decode().startswith("Alternative,Rank ")


def test_a_path_it_cannot_write_is_one_clear_line(qtbot, window, tmp_path):
    assert not results_export.export(window, tmp_path / "results.pdf")
    assert "results.pdf" in window.last_error and ".xlsx" in window.last_error
