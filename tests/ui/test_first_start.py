"""A first start that explains itself: example data says so, F1 opens help at the page, empty pages say what next."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from evaluator.changes import AddAlternative
from evaluator.model import Alternative, Evaluation
from ui.alternatives_view import AlternativesView
from ui.app import create_window
from ui.criteria_view import CriteriaView
from ui.document import Document
from ui.help_window import help_html
from ui.i18n import set_language
from ui.main_window import PAGES
from ui.scores_view import ScoresView


@pytest.fixture
def first(qtbot):
    w = create_window(None, build_rest=False)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_first_start_says_the_sample_is_example_data_until_dismissed(first, qtbot):
    banner = first.example_banner
    assert banner.isVisible()
    assert "Voorbeelddata" in banner.text.text() and "geen oordeel van het programma" in banner.text.text()
    set_language("en")
    assert "not the programme's verdict" in banner.text.text()
    QTest.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    first.show_page("weights")
    assert not banner.isVisible()  # dismissed stays dismissed


def test_the_banner_goes_when_an_own_file_is_opened(first, small_file: Path):
    assert first.example_banner.isVisible()
    assert first.open_path(small_file)
    assert not first.example_banner.isVisible()


def test_an_own_file_opens_without_the_banner(qtbot, small_file: Path):
    w = create_window(str(small_file), build_rest=False)
    qtbot.addWidget(w)
    w.show()
    assert not w.example_banner.isVisible()


def test_f1_opens_help_at_the_current_page_in_the_current_language(first, qtbot):
    first.show_page("weights")
    QTest.keyClick(first, Qt.Key.Key_F1)
    hw = first._help_window
    qtbot.waitUntil(hw.isVisible)
    assert hw.section == "weights"
    assert "sleep een schuif" in hw.browser.toPlainText()
    assert hw.browser.verticalScrollBar().value() > 0  # scrolled down to the weights section
    top = hw.browser.cursorForPosition(hw.browser.viewport().rect().topLeft()).block().text()
    assert top == "Gewichten", f"help opens at {top!r}"
    hw.close()
    set_language("en")
    first.show_page("results")
    QTest.keyClick(first, Qt.Key.Key_F1)
    assert hw.isVisible() and hw.section == "results"
    assert "Provisional ranking." in hw.browser.toPlainText()
    assert first.about_action.shortcut().isEmpty()  # F1 is help, the About box stays in the Help menu


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_has_a_help_section(lang):
    html = help_html(lang)
    for key in [p.key for p in PAGES] + ["start"]:
        assert f'<a name="{key}">' in html, f"{lang}: no help for page {key}"


def test_empty_pages_say_what_to_do_next(tmp_path: Path, qtbot):
    doc = Document.create(tmp_path / "leeg.afweging", Evaluation("Leeg"))
    pages = [AlternativesView(doc), CriteriaView(doc), ScoresView(doc)]
    for p in pages:
        qtbot.addWidget(p)
        p.show()
    alts, crits, scores = pages
    assert alts.empty_hint.isVisible() and "Toevoegen" in alts.empty_hint.text()
    assert crits.empty_hint.isVisible() and "Criterium toevoegen" in crits.empty_hint.text()
    assert scores.empty_hint.isVisible()
    set_language("en")
    assert "No alternatives yet" in alts.empty_hint.text()
    assert doc.apply(AddAlternative(Alternative("a", "Nextcloud")))
    assert not alts.empty_hint.isVisible()
    assert scores.empty_hint.isVisible()  # still no criteria to score on
    doc.close()


def test_a_filled_page_shows_no_hint(doc: Document, qtbot):
    v = AlternativesView(doc)
    qtbot.addWidget(v)
    v.show()
    assert not v.empty_hint.isVisible()
