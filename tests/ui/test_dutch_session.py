"""A Dutch session shows no English (issue 16): every page, tab, menu, dialog, question, chart and status text of
the app, walked on the bundled sample in Dutch, and the Dutch memo made from it.

A text fails when it is a message of the catalogue shown in English, or has a common English word as a whole word
(``tests/ui/english.py``). The evaluation's own texts (names, evidence, sources) are data and are left out.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QTabWidget, QWidget

from evaluator.changes import AddParticipant
from evaluator.model import Participant
from evaluator.store import Store
from tests.pki import pki_fixture  # noqa: F401 - the signing fixture
from tests.ui.english import PaintedTexts, english_in, shown_texts
from tests.ui.modals import answer
from tests.ui.test_translations import data_strings
from ui.main_window import PAGES, MainWindow
from ui.settings import Settings


class Findings:
    """The English found, by place; ``check`` judges what a widget shows, ``texts`` what was painted or said."""

    def __init__(self, data: set[str]) -> None:
        self.data = data
        self.found: dict[str, str] = {}
        self.judged: set[str] = set()
        self.checked = 0

    def text(self, where: str, text: str) -> None:
        self.checked += 1
        if text in self.judged:
            return
        self.judged.add(text)
        hits = english_in(text, self.data)
        if hits:
            self.found.setdefault(text, f"{where}: {text[:300]!r} → {', '.join(hits)}")

    def check(self, where: str, root: QWidget) -> None:
        for place, text in shown_texts(root):
            self.text(f"{where} › {place}", text)

    def painted(self, where: str, painter: PaintedTexts, root: QWidget) -> None:
        for text in painter.of(root):
            self.text(f"{where} › painted", text)

    def report(self) -> str:
        return f"{len(self.found)} English text(s) in a Dutch session:\n" + "\n".join(
            sorted(self.found.values())
        )


@pytest.fixture
def painter() -> Iterator[PaintedTexts]:
    p = PaintedTexts()
    p.install()
    yield p
    p.uninstall()


@pytest.fixture
def sample_window(qtbot, tmp_path: Path) -> MainWindow:
    from evaluator.sample import load_sample

    path = tmp_path / "voorbeeld.afweging"
    Store.create(path, load_sample()).close()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.set_language("nl")
    assert window.open_path(path)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def findings_for(window: MainWindow) -> Findings:
    doc = window.doc
    return Findings(
        data_strings(doc.evaluation, doc.path) | {e.user for e in doc.audit()} | {str(doc.path.parent)}
    )


def walk_pages(qtbot, window: MainWindow, f: Findings, painter: PaintedTexts, label: str = "") -> None:
    """Every page and every tab in it, shown in turn, with what it shows and paints."""
    for p in PAGES:
        page = window.show_page(p.key)
        qtbot.waitUntil(page.isVisible)
        where = f"{label}{p.key}"
        f.check(where, page)
        f.painted(where, painter, page)
        for tabs in page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                if not tabs.isVisible():
                    continue
                tabs.setCurrentIndex(i)
                QApplication.processEvents()
                f.check(f"{where} › {tabs.tabText(i)}", page)
                f.painted(f"{where} › {tabs.tabText(i)}", painter, page)
            tabs.setCurrentIndex(0)


def test_every_page_menu_and_chart_of_the_sample_is_dutch(qtbot, sample_window: MainWindow, painter):
    window = sample_window
    f = findings_for(window)
    walk_pages(qtbot, window, f, painter)
    window.recent_menu.aboutToShow.emit()
    f.check("window", window)
    f.check("menus", window.menuBar())
    for m in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu, window.recent_menu):
        f.check("menu", m)
    assert f.checked > 1000
    assert not f.found, f.report()


def looked_at(f: Findings, where: str, painter: PaintedTexts | None = None):  # noqa: ANN201 - a modals step
    """A step for :func:`tests.ui.modals.answer`: judge the modal window that came, then close it."""

    def step(w: QWidget) -> None:
        f.check(where, w)
        if painter is not None:
            f.painted(where, painter, w)
        if isinstance(w, QMessageBox):
            (w.escapeButton() or w.buttons()[-1]).click()
        elif isinstance(w, QDialog):
            w.reject()
        else:
            w.close()

    return step


def test_every_editor_question_and_robustness_detail_is_dutch(qtbot, sample_window: MainWindow, painter):
    from tests.ui.test_sensitivity_view import run_to_end

    window = sample_window
    f = findings_for(window)
    ev = window.doc.evaluation

    # the criterion editor on an area, an ordinal, a numeric criterion and the knock-out
    crit = window.show_page("criteria")
    numeric = next(c.id for c in ev.criteria if c.scale.kind == "numeric")
    knockout = next(c.id for c in ev.criteria if c.minimum is not None)
    for item in (ev.areas[0].id, ev.criteria[0].id, numeric, knockout):
        crit.select(item)
        QApplication.processEvents()
        f.check(f"criterion editor {item}", crit.editor)
    # the questions the pages ask (answered with Cancel)
    answer(qtbot, [looked_at(f, "add area")], crit.ask_add_area)
    answer(qtbot, [looked_at(f, "add criterion")], crit.ask_add_criterion)
    alts = window.show_page("alternatives")
    answer(qtbot, [looked_at(f, "add alternative")], alts.ask_add)
    alts.table.setCurrentIndex(alts.model.index(0, 0))
    answer(qtbot, [looked_at(f, "remove alternative")], alts.remove_current)
    weights = window.show_page("weights")
    answer(qtbot, [looked_at(f, "equal weights")], weights.equal_weights)
    # AHP on every scope
    for i in range(weights.ahp.scope_box.count()):
        weights.ahp.scope_box.setCurrentIndex(i)
        dlg = weights.ahp.open_dialog()
        qtbot.waitUntil(dlg.isVisible)
        f.check(f"AHP {weights.ahp.scope_box.currentText()}", dlg)
        f.painted("AHP", painter, dlg)
        dlg.reject()
    # robustness: a run, its verdict, chart and the details for specialists
    rob = window.show_page("sensitivity")
    f.check("robustness before a run", rob)
    run_to_end(qtbot, rob, 2000)
    rob.details.button.click()
    QApplication.processEvents()
    f.check("robustness", rob)
    f.painted("robustness", painter, rob)
    for i in range(rob.weights_box.count()):  # every way to draw the weights, and ranges of the scores
        rob.weights_box.setCurrentIndex(i)
        f.check("robustness settings", rob)
    rob.scores_box.setCurrentIndex(1)
    f.check("robustness settings", rob)
    # the model check, the help, about, a refusal in the status bar
    f.check("model check", window.show_page("check"))
    window.show_help()
    f.check("help", window._help_window)
    window._help_window.close()
    answer(qtbot, [looked_at(f, "about")], window.show_about)
    window.doc.failed.emit("x")  # a refused change: "Niet gewijzigd: x"
    f.text("status bar", window.statusBar().currentMessage())
    assert window.export_to(window.doc.path.with_name("uit.json"))
    f.text("status bar", window.statusBar().currentMessage())
    # a text field's own menu (Qt's words, in Dutch through its qtbase catalogue)
    from PySide6.QtWidgets import QLineEdit

    edit = window.page("alternatives").findChild(QLineEdit) or QLineEdit(window)
    menu = edit.createStandardContextMenu()
    f.check("context menu", menu)
    menu.deleteLater()
    assert not f.found, f.report()


def test_import_errors_and_the_empty_window_are_dutch(qtbot, tmp_path: Path, painter):
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.set_language("nl")
    window.resize(1280, 800)
    window.show()
    f = Findings({str(tmp_path)})
    f.check("no evaluation", window)
    f.check("empty", window.empty)
    bad = {
        "kapot.csv": "alternative;A1\nteams;veel\n",
        "leeg.csv": "",
        "kapot.xlsx": "geen spreadsheet",
        "kapot.json": "{",
        "kapot.toml": "[evaluation\n",
        "kapot.dmsy": "- [",
    }
    for name, content in bad.items():
        p = tmp_path / name
        p.write_text(content)
        assert not window.open_path(p)
        f.check(f"import {name}", window.error_box)
        window.error_box.close()
    # a new evaluation from the catalogue: no alternatives, no scores yet (every page's empty state)
    from evaluator.catalogue import available

    assert window.new_from_catalogue(next(iter(available())), tmp_path / "nieuw.afweging")
    f.data |= data_strings(window.doc.evaluation, window.doc.path)
    walk_pages(qtbot, window, f, painter, "new › ")
    assert not f.found, f.report()


def test_the_workshop_voting_panel_and_projector_are_dutch(qtbot, sample_window: MainWindow, painter):
    from ui.projector import VIEWS, open_projector

    window = sample_window
    doc = window.doc
    for name in ("Anna", "Bram", "Cem"):
        doc.apply(AddParticipant(Participant(name.lower(), name, "Ministerie van BZK")))
    f = findings_for(window)
    page = window.show_page("workshop")
    f.check("workshop, nobody voted", page)
    panel = page.voting
    assert panel.start()
    f.check("voting panel, listening", panel)
    page.voter.setCurrentIndex(page.voter.findData("bram"))
    assert page.submit_vote()
    assert page.status.text().startswith("1 van de 3 heeft gestemd."), page.status.text()  # one: singular
    f.check("workshop, one voted", page)
    panel.close_round()
    f.check("voting panel, closed", panel)
    panel.stop()
    projector = open_projector(doc)
    qtbot.addWidget(projector)
    for view in VIEWS:  # every view while some have not voted yet
        projector.view = view
        f.painted(f"projector {view}", painter, projector)
        f.text(f"projector {view} › said", projector.accessibleDescription())
    for pid in ("anna", "cem"):
        if pid == "cem":
            assert page.status.text().startswith("2 van de 3 hebben gestemd."), page.status.text()
        page.voter.setCurrentIndex(page.voter.findData(pid))
        assert page.submit_vote()
    f.check("workshop, everyone voted", page)
    f.painted("workshop, everyone voted", painter, page)
    for anonymous in (True, False):
        page.anonymous.click()
        f.check(f"workshop, anonymous={anonymous}", page)
    for i in range(page.aggregation.count()):
        page._aggregation_chosen(i)
        f.check("workshop, aggregation", page)
    for view in VIEWS:
        projector.view = view
        f.painted(f"projector {view}", painter, projector)
        f.text(f"projector {view} › said", projector.accessibleDescription())
    projector.close()
    answer(qtbot, [looked_at(f, "new round")], page.start_round)
    assert not f.found, f.report()


def memo_words(pdf: Path, data: set[str]) -> Findings:
    """The English in a memo: its text as pdftotext reads it in content order (a table cell's lines together)."""
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    f = Findings(data)
    for i, page in enumerate(text.split("\f"), 1):
        f.text(f"{pdf.name} page {i}", page)
    return f


def test_the_memo_dialogs_signing_and_verifying_are_dutch(
    qtbot, sample_window: MainWindow, pki, tmp_path: Path
):
    window = sample_window
    f = findings_for(window)
    window.show_export_memo()
    dlg = window.memo_dialog
    qtbot.waitUntil(lambda: dlg.preview_path is not None, timeout=120_000)
    f.check("memo dialog", dlg)
    for mode in (dlg.mode_p11, dlg.mode_p12):
        mode.setChecked(True)
        for i in range(dlg.level.count()):
            dlg.level.setCurrentIndex(i)
            f.check("memo dialog, signing", dlg)
    dlg.level.setCurrentIndex(0)
    dlg.p12_path.setText(str(pki.signer_p12))
    dlg.password.setText(pki.password)
    memo = tmp_path / "notitie.pdf"

    def sign_the_concept() -> None:  # the question the export asks: the sample is a concept
        box = dlg.confirmation
        if box is None or not box.isVisible():
            QTimer.singleShot(20, sign_the_concept)
            return
        try:
            f.check("sign a concept?", box)
        finally:
            box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, sign_the_concept)
    assert dlg.export_to(memo)
    assert dlg.wait_for_export()
    qtbot.waitUntil(lambda: "notitie.pdf" in dlg.message.text())
    f.check("memo dialog, signed", dlg)
    dlg.mode_p12.setChecked(True)
    dlg.p12_path.setText(str(tmp_path / "geen.p12"))
    QTimer.singleShot(0, sign_the_concept)
    assert not dlg.export_to(tmp_path / "tweede.pdf") or not dlg.wait_for_export()
    f.check("memo dialog, a key that is not there", dlg)
    dlg.reject()

    # the signed memo itself, in Dutch
    words = memo_words(memo, f.data)
    assert words.checked > 30 and not words.found, words.report()

    # verify: valid, under another root, with a changed byte, unsigned, not a PDF
    raw = bytearray(memo.read_bytes())
    i = raw.index(b"/Title (") + len(b"/Title (")
    raw[i] = ord("Z") if raw[i] != ord("Z") else ord("Y")
    tampered = tmp_path / "gewijzigd.pdf"
    tampered.write_bytes(bytes(raw))
    not_pdf = tmp_path / "geen.pdf"
    not_pdf.write_text("geen pdf")
    unsigned = tmp_path / "onondertekend.pdf"
    assert window.memo_dialog is dlg
    from evaluator.report.export import export_memo

    export_memo(window.doc.evaluation, unsigned, lang="nl", samples=0)
    window.show_verify_memo()
    ver = window.verify_dialog
    f.check("verify dialog", ver)
    for pdf, root, valid in ((memo, pki.root_pem, True), (memo, pki.other_root_pem, False),
                             (tampered, pki.root_pem, False), (unsigned, pki.root_pem, False),
                             (not_pdf, pki.root_pem, None), (memo, tmp_path / "weg.pem", None)):  # fmt: skip
        ver.memo.setText(str(pdf))
        ver.trust.setText(str(root))
        assert ver.run_check() is valid, ver.verdict.text()
        f.check(f"verify {pdf.name} under {root.name}", ver)
    ver.reject()
    assert not f.found, f.report()


def test_the_check_finds_english_a_label_a_message_and_a_painted_word(
    qtbot, sample_window: MainWindow, painter
):
    """The judge is not blind: an English word on a label, a catalogue message left in English and a word a chart
    paints are each found; the evaluation's own English (a source's title) is not."""
    window = sample_window
    f = findings_for(window)
    page = window.show_page("scores")
    QLabel("Klik hier om de weights te zien", page)
    QLabel("Equal weights", page)  # a message of the catalogue, shown untranslated
    source = next(s.source for s in window.doc.evaluation.assessments.values() if "the" in s.source.split())
    QLabel(f"Bron: {source}", page)
    f.check("scores", page)
    assert sorted(f.found) == ["Equal weights", "Klik hier om de weights te zien"], f.report()

    class Chart(QWidget):
        def paintEvent(self, _e: object) -> None:  # noqa: N802 - Qt's name
            from PySide6.QtCore import QPointF
            from PySide6.QtGui import QPainter

            p = QPainter(self)
            p.drawText(QPointF(4, 12), "share of the samples")
            p.end()

    chart = Chart()
    chart.resize(200, 40)
    f.painted("chart", painter, chart)
    assert "share of the samples" in f.found


def test_the_dutch_memo_of_the_sample_has_no_english_outside_its_data(tmp_path: Path):
    """``afweging report resources/sample/… --lang nl``: every page's text, the sources' titles (data) left out."""
    import sys

    from evaluator.sample import load_sample, sample_path

    memo = tmp_path / "notitie.pdf"
    run = subprocess.run([sys.executable, "-m", "evaluator", "report", str(sample_path()), "--lang", "nl",
                          "--out", str(memo), "--samples", "2000"], capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 0, run.stderr
    f = memo_words(memo, data_strings(load_sample(), sample_path()))
    assert f.checked > 30 and not f.found, f.report()
    text = subprocess.run(["pdftotext", str(memo), "-"], capture_output=True, text=True).stdout
    assert "startgetal 0" in " ".join(text.split())  # the sampling's seed, in Dutch
