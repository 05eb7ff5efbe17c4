"""Making a new evaluation never overwrites the one that is open (issue 11, item 3)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from evaluator.store import Store
from tests.ui.modals import answer
from ui.main_window import MainWindow


def test_new_from_catalogue_suggests_an_unused_name(qtbot, window: MainWindow, small_file: Path):
    taken = small_file.parent / "beter-samenwerken.afweging"
    Store.create(taken, Store.open(small_file).evaluation).close()
    suggested: list[str] = []

    def file_dialog(d):
        assert isinstance(d, QFileDialog)
        suggested.append(d.selectedFiles()[0])
        d.reject()

    answer(qtbot, [lambda d: d.accept(), file_dialog], window.new_catalogue_action.trigger)
    assert suggested and Path(suggested[0]).name != taken.name
    assert not Path(suggested[0]).exists()


def test_new_from_catalogue_on_the_open_file_is_refused_and_keeps_the_evaluation(
    qtbot, window: MainWindow, small_file: Path
):
    before = window.doc.evaluation

    def pick_catalogue(d):
        assert isinstance(d, QInputDialog)
        d.accept()

    def choose_open_file(d):
        assert isinstance(d, QFileDialog)
        name = d.findChild(QLineEdit, "fileNameEdit")  # typed, as a person would
        name.setText(str(small_file))
        d.accept()  # Qt asks whether to replace the existing file

    def yes_replace(box):
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    answer(qtbot, [pick_catalogue, choose_open_file, yes_replace], window.new_catalogue_action.trigger)
    qtbot.waitUntil(lambda: window.last_error != "")
    assert small_file.name in window.last_error
    assert window.doc.path == small_file
    assert window.doc.evaluation == before
    with Store.open(small_file) as s:
        assert s.evaluation.title == "Samenwerken testafweging"
        assert len(s.evaluation.alternatives) == 3


def test_export_onto_the_open_file_is_refused(qtbot, window: MainWindow, small_file: Path):
    assert not window.export_to(small_file)
    assert small_file.name in window.last_error
    with Store.open(small_file) as s:
        assert len(s.audit()) == len(window.doc.audit())
