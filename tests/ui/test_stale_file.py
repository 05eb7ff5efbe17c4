"""Two editors of one project file: the window's change after another program's is refused in the user's
language, the window reloads and shows the other program's change, and undo afterwards does not crash."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from evaluator.changes import SetSetting
from evaluator.store import Store
from ui.document import Document
from ui.i18n import set_language
from ui.main_window import MainWindow
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def stored(path: Path):
    with Store.open(path, readonly=True) as st:
        return st.evaluation


def test_stale_change_is_refused_in_dutch_and_the_document_reloads(qtbot, doc: Document, small_file: Path):
    assert doc.apply(SetSetting("owner", "Eerst hier"))
    other = Document.open(small_file)  # another window opens the file and changes it
    try:
        assert other.apply(SetSetting("title", "Door het andere venster"))
        assert other.evaluation.owner == "Eerst hier"
        with (
            qtbot.waitSignal(doc.failed) as failed,
            qtbot.waitSignal(doc.changed) as changed,
        ):
            assert not doc.apply(SetSetting("question", "Te laat"))
        assert failed.args[0].startswith("een ander programma heeft klein.afweging intussen gewijzigd")
        assert changed.args[0].title == "Door het andere venster"
        assert doc.evaluation.title == "Door het andere venster" and doc.evaluation.owner == "Eerst hier"
        assert doc.undo_stack.count() == 0  # the inverses no longer fit the file
        assert stored(small_file).question != "Te laat"
        assert doc.apply(SetSetting("question", "Nu wel"))  # made again, it goes in
        assert stored(small_file).question == "Nu wel"
        assert stored(small_file).title == "Door het andere venster"
    finally:
        other.close()


def test_undo_and_redo_after_another_program_changed_the_file_do_not_crash(
    qtbot, doc: Document, small_file: Path
):
    set_language("en")
    assert doc.apply(SetSetting("owner", "Mine"))
    other = Document.open(small_file)
    try:
        assert other.apply(SetSetting("title", "Theirs"))
        with qtbot.waitSignal(doc.failed) as failed:
            doc.undo_stack.undo()  # the inverse goes to the store from inside Qt's undo call
        assert failed.args[0].startswith("another program changed klein.afweging meanwhile")
        qtbot.waitUntil(lambda: doc.undo_stack.count() == 0)
        assert (doc.evaluation.owner, doc.evaluation.title) == ("Mine", "Theirs")  # the undo was refused
        assert (stored(small_file).owner, stored(small_file).title) == ("Mine", "Theirs")
        doc.undo_stack.undo()  # nothing left to undo: nothing happens
        # redo: undo one step here, the other program changes the file, then redo
        assert doc.apply(SetSetting("owner", "Mine again"))
        doc.undo_stack.undo()
        assert doc.evaluation.owner == "Mine"
        assert not other.apply(SetSetting("question", "Theirs too"))  # stale itself: refused, reloads
        assert other.apply(SetSetting("question", "Theirs too"))
        with qtbot.waitSignal(doc.failed):
            doc.undo_stack.redo()
        qtbot.waitUntil(lambda: doc.undo_stack.count() == 0)
        assert doc.evaluation.question == "Theirs too" and doc.evaluation.owner == "Mine"
        assert doc.apply(SetSetting("owner", "After all"))
        doc.undo_stack.undo()
        assert stored(small_file).owner == "Mine"
    finally:
        other.close()


def test_window_refuses_after_a_cli_apply_reloads_and_undo_is_safe(qtbot, window: MainWindow, tmp_path: Path):
    path = window.doc.path
    changes = tmp_path / "changes.json"
    changes.write_text(
        json.dumps([{"type": "set_setting", "name": "title", "value": "Via de opdrachtregel"}])
    )
    proc = subprocess.run(
        [sys.executable, "-m", "evaluator", "apply", str(path), str(changes)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert window.windowTitle() == "Samenwerken testafweging — Afweging"  # not yet seen
    alts = window.show_page("alternatives")
    assert not alts.model.setData(alts.model.index(1, 0), "openDesk 2")
    assert window.last_error.startswith("een ander programma heeft klein.afweging intussen gewijzigd")
    assert window.statusBar().currentMessage().startswith("Niet gewijzigd: een ander programma")
    assert window.windowTitle() == "Via de opdrachtregel — Afweging"  # the window shows the file as it is
    assert window.doc.evaluation.alternatives[1].name == "openDesk"
    qtbot.waitUntil(lambda: not window.undo_action.isEnabled())
    window.undo_action.trigger()  # nothing to undo, nothing breaks
    assert alts.model.setData(alts.model.index(1, 0), "openDesk 2")  # made again, it goes in
    assert stored(path).alternatives[1].name == "openDesk 2"
    assert stored(path).title == "Via de opdrachtregel"


def test_a_second_window_on_the_same_file_is_told(qtbot, window: MainWindow):
    second = MainWindow(Settings())
    qtbot.addWidget(second)
    assert second.open_path(window.doc.path)
    assert "klein.afweging is ook geopend in een ander venster of programma" in second.last_notice
    assert window.last_notice == ""  # the first window opened it alone
