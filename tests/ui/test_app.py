"""Start-up: the sample copy on first start, the last file after that, a given file, and bad files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from evaluator.sample import load_sample, sample_path
from ui.app import SAMPLE_FILE, create_window, start_path
from ui.settings import Settings, config_dir, data_dir


def test_first_start_opens_a_copy_of_the_sample_in_the_data_folder(qtbot, afweging_home: Path):
    before = hashlib.sha256(sample_path().read_bytes()).hexdigest()
    w = create_window(None, build_rest=False)
    qtbot.addWidget(w)
    assert data_dir() == afweging_home / "data"
    assert w.doc.path == afweging_home / "data" / SAMPLE_FILE
    assert w.windowTitle().endswith(" — Afweging")
    assert [a.id for a in w.doc.evaluation.alternatives] == [a.id for a in load_sample().alternatives]
    assert any("Teams" in a.name for a in w.doc.evaluation.alternatives)
    assert w.current_page_key() == "results"
    assert w.page("results").ranking is not None
    assert hashlib.sha256(sample_path().read_bytes()).hexdigest() == before  # the package's copy is untouched
    saved = json.loads((config_dir() / "settings.json").read_text())
    assert saved["last"] == str(w.doc.path.resolve())


def test_later_starts_open_the_last_file(qtbot, small_file: Path):
    s = Settings()
    s.remember(small_file)
    s.save()
    assert start_path(None, Settings.load()) == small_file.resolve()
    w = create_window(None, build_rest=False)
    qtbot.addWidget(w)
    assert w.doc.path == small_file.resolve()


def test_a_given_file_is_opened(qtbot, small_file: Path):
    w = create_window(str(small_file), build_rest=False)
    qtbot.addWidget(w)
    assert w.doc.path == small_file
    assert w.windowTitle() == "Samenwerken testafweging — Afweging"


def test_a_missing_last_file_falls_back_to_the_sample(qtbot, tmp_path: Path):
    s = Settings()
    s.remember(tmp_path / "weg.afweging")
    s.save()
    w = create_window(None, build_rest=False)
    qtbot.addWidget(w)
    assert w.doc.path.name == SAMPLE_FILE


def test_a_bad_file_on_the_command_line_shows_why_and_opens_the_sample(qtbot, tmp_path: Path):
    bad = tmp_path / "kapot.afweging"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    w = create_window(str(bad), build_rest=False)
    qtbot.addWidget(w)
    assert w.doc.path.name == SAMPLE_FILE
    assert "kapot.afweging" in w.error_box.text()


def test_damaged_settings_are_ignored(afweging_home: Path):
    config_dir().mkdir(parents=True)
    (config_dir() / "settings.json").write_text("{ niet json")
    s = Settings.load()
    assert s.last == "" and s.language == ""
    (config_dir() / "settings.json").write_text(
        json.dumps({"language": "fr", "recent": [1, "a"], "text_scale": 99})
    )
    s = Settings.load()
    assert s.language == "" and s.recent == ["a"] and s.text_scale == 1.0


def test_language_is_remembered_between_starts(qtbot, small_file: Path):
    w = create_window(str(small_file), build_rest=False)
    qtbot.addWidget(w)
    w.english_action.trigger()
    w.close()
    again = create_window(str(small_file), build_rest=False)
    qtbot.addWidget(again)
    assert again.tabs.tabText(again.page_index("results")) == "Results"


def test_remaining_pages_are_built_after_the_window(qtbot, small_file: Path):
    w = create_window(str(small_file), build_rest=True)
    qtbot.addWidget(w)
    slots = [w.tabs.widget(i) for i in range(w.tabs.count())]
    assert [s.widget is not None for s in slots].count(True) == 1  # only the results page so far
    w.show()
    qtbot.waitUntil(lambda: all(s.widget is not None for s in slots), timeout=10000)
