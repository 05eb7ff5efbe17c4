"""A programme team writes the level descriptors of its own criteria in the app, as one undoable change each."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.main_window import MainWindow
from ui.settings import Settings


@pytest.fixture
def editor(qtbot, small_file: Path):
    w = MainWindow(Settings())
    qtbot.addWidget(w)
    assert w.open_path(small_file)
    w.show()
    w.show_page("criteria")
    page = w.page("criteria")
    page.editor.show_item("A2")
    return w, page.editor


def test_a_descriptor_typed_in_the_table_is_stored_and_undoable(qtbot, editor):
    w, ed = editor
    assert ed.levels.isVisible() and ed.levels.table.rowCount() == 5
    ed.levels.table.item(4, 3).setText("Zelf gehost, eind-tot-eind versleuteld, sleutels alleen bij ons")
    crit = w.doc.evaluation.criterion("A2")
    assert (
        crit.scale.levels[4].descriptor["nl"]
        == "Zelf gehost, eind-tot-eind versleuteld, sleutels alleen bij ons"
    )
    assert crit.scale.levels[4].descriptor["en"] == "full control"  # the other language is kept
    assert w.doc.undo_stack.count() == 1
    w.doc.undo_stack.undo()
    assert w.doc.evaluation.criterion("A2").scale.levels[4].descriptor["nl"] == "volledige controle"
    assert ed.levels.table.item(4, 3).text() == "volledige controle"


def test_levels_can_be_added_and_the_unused_top_removed(qtbot, editor):
    w, ed = editor
    ed.levels.add_button.click()
    assert [lv.value for lv in w.doc.evaluation.criterion("A2").scale.levels] == [0, 1, 2, 3, 4, 5]
    ed.levels.remove_button.click()
    assert [lv.value for lv in w.doc.evaluation.criterion("A2").scale.levels] == [0, 1, 2, 3, 4]


def test_removing_a_level_that_a_score_uses_is_refused_and_changes_nothing(qtbot, editor):
    w, ed = editor
    ed.show_item("A1")  # Nextcloud Hub scores 4 on A1
    messages: list[str] = []
    w.doc.failed.connect(messages.append)
    ed.levels.remove_button.click()
    assert messages and "Nextcloud Hub" in messages[0]
    assert len(w.doc.evaluation.criterion("A1").scale.levels) == 5
    assert w.doc.undo_stack.count() == 0
