"""The model check page lists the core's findings with the catalogue's sentences, follows changes and language."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from evaluator.changes import set_score
from evaluator.modelcheck import check_model
from evaluator.text import render
from ui.main_window import MainWindow
from ui.settings import Settings


def open_page(qtbot, window: MainWindow, key: str = "check"):
    page = window.show_page(key)
    qtbot.waitUntil(page.isVisible)  # a page built just now is shown on the next turn of the event loop
    if key == "check":
        assert page.wait()  # the check runs off the GUI thread
    return page


def texts(page) -> list[str]:
    page.wait()  # a check under way (after a change) has been shown
    return page.texts()


def severities(page) -> list[str]:
    return [r.icon.toolTip() for r in page.rows if r.isVisibleTo(page)]


def test_the_page_lists_the_findings_and_follows_a_change(qtbot, window: MainWindow):
    page = open_page(qtbot, window)
    ev = window.doc.evaluation
    findings = check_model(ev)
    # Nextcloud's ranged A2 decides first place; Teams is worse than openDesk and Nextcloud everywhere
    assert [f.kind for f in findings] == ["uncertain_decides", "dominated"]
    assert texts(page) == [render(f, ev, "nl") for f in findings]
    assert texts(page)[1].startswith("Microsoft Teams wordt gedomineerd door openDesk en Nextcloud Hub")
    assert severities(page) == ["Waarschuwing", "Opmerking"]
    assert page.heading.text() == "Modelcontrole"
    assert window.tabs.tabText(window.page_index("check")) == "Modelcontrole"

    # Teams now has the most suppliers: no longer dominated
    window.doc.apply(set_score(ev, "teams", "B1", 20))
    assert window.doc.evaluation is not ev
    assert not any("gedomineerd" in t for t in texts(page))
    assert len(texts(page)) == len(severities(page)) == len(check_model(window.doc.evaluation)) == 1

    window.doc.undo_stack.undo()
    assert texts(page)[1].startswith("Microsoft Teams wordt gedomineerd")


def test_a_hidden_page_catches_up_when_shown(qtbot, window: MainWindow):
    page = open_page(qtbot, window)
    open_page(qtbot, window, "scores")
    ev = window.doc.evaluation
    window.doc.apply(set_score(ev, "teams", "B1", 20))
    assert texts(page)[1].startswith("Microsoft Teams wordt gedomineerd")  # not rerun while hidden
    open_page(qtbot, window)
    assert not any("gedomineerd" in t for t in texts(page))


def test_the_page_speaks_the_windows_language(qtbot, window: MainWindow):
    page = open_page(qtbot, window)
    dutch = texts(page)
    window.english_action.trigger()
    english = texts(page)
    assert english[1].startswith("Microsoft Teams is dominated by openDesk and Nextcloud Hub")
    assert english[0].endswith("the low end of its range.")
    assert all(a != b for a, b in zip(dutch, english, strict=True))
    assert page.heading.text() == "Model check" and severities(page) == ["Warning", "Note"]


def test_screenshot_of_the_model_check_on_the_old_sample(qtbot, tmp_path: Path):
    """The catalogue-1.0 sample gives the longest list of findings (its redundancy): nothing may be cut off."""
    from evaluator.store import Store
    from tests.helpers import load_old_sample

    shots = Path(os.environ.get("AFWEGING_SCREENSHOTS") or tmp_path / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "voorbeeld.afweging"
    Store.create(path, load_old_sample()).close()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    page = open_page(qtbot, window)
    for lang in ("nl", "en"):
        window.set_language(lang)
        QApplication.processEvents()
        file = shots / f"model-check-{lang}.png"
        assert page.grab().save(str(file))
        assert file.stat().st_size > 10_000
    findings = check_model(window.doc.evaluation)
    assert len(texts(page)) == len(findings) >= 15
    first = page.rows[0]
    assert first.icon.toolTip() == "Warning" and not first.icon.pixmap().isNull()
    assert first.text.accessibleName() == f"Warning: {texts(page)[0]}"
    assert all(r.text.height() >= r.text.heightForWidth(r.text.width()) for r in page.rows)  # nothing cut off
