"""The real main window, driven by keyboard and mouse: scores, ranking, undo/redo, language, reopening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionSlider

from evaluator.changes import SetWeights
from evaluator.problem import build_problem
from evaluator.store import Store
from ui.main_window import PAGES, MainWindow
from ui.settings import Settings


def ranking(w: MainWindow) -> list[str]:
    r = w.page("results").ranking
    return [r.names[i] for i in r.order()]


def edit_score_by_keyboard(qtbot, w: MainWindow, alternative: str, criterion: str, key: str) -> None:
    scores = w.page("scores")
    scores.select(alternative, criterion)
    scores.table.setFocus()
    qtbot.keyClick(scores.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox), editor
    qtbot.keyClicks(editor, key)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: scores.table.state() == scores.table.State.NoState)
    QApplication.processEvents()


def test_title_names_the_evaluation_and_results_come_first(window: MainWindow):
    assert window.windowTitle() == "Samenwerken testafweging — Afweging"
    assert window.current_page_key() == "results"
    assert ranking(window)[0] == "Nextcloud Hub"


def test_score_by_keyboard_reranks_and_undo_redo_use_the_change_label(qtbot, window: MainWindow, small_file):
    edit_score_by_keyboard(qtbot, window, "opendesk", "A1", "4")
    assert window.doc.evaluation.assessment("opendesk", "A1").value == 4.0
    assert window.doc.evaluation.assessment("opendesk", "A1").evidence == "evidence opendesk A1"  # kept
    assert ranking(window)[0] == "openDesk"
    assert window.undo_action.text() == "Ongedaan maken Score openDesk · A1 → 4"
    assert window.undo_action.isEnabled()

    window.undo_action.trigger()
    assert window.doc.evaluation.assessment("opendesk", "A1").value == 3.0
    assert ranking(window)[0] == "Nextcloud Hub"
    assert window.redo_action.text() == "Opnieuw Score openDesk · A1 → 4"

    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo by shortcut
    assert window.doc.evaluation.assessment("opendesk", "A1").value == 4.0
    assert ranking(window)[0] == "openDesk"


def test_delete_clears_a_score_and_the_ranking_turns_provisional(qtbot, window: MainWindow):
    scores = window.page("scores")
    scores.select("teams", "B1")
    qtbot.keyClick(scores.table, Qt.Key.Key_Delete)
    assert window.doc.evaluation.assessment("teams", "B1").value is None
    assert "teams" not in build_problem(window.doc.evaluation).alternatives  # the full ranking drops it
    results = window.page("results")  # and the page ranks everyone provisionally, without B1, and says so
    assert "Microsoft Teams" in ranking(window) and results.provisional is not None
    assert results.provisional.rule.left_out == ("B1",)
    assert "Voorlopige rangorde" in results.status.text()
    assert scores.model.index_of("teams", "B1").data() == "–"


def test_weight_change_reranks(qtbot, window: MainWindow):
    before = ranking(window)
    window.doc.apply(SetWeights({"A1": 0.0, "A2": 100.0}))
    assert ranking(window) != before
    assert ranking(window)[0] == "openDesk"


def test_evidence_panel_commits_on_leaving_the_field_and_the_audit_lists_it(qtbot, window: MainWindow):
    scores = window.show_page("scores")
    scores.select("teams", "A1")
    panel = scores.panel
    panel.source.setFocus()
    panel.source.selectAll()
    qtbot.keyClicks(panel.source, "https://example.org/dpia")
    qtbot.keyClick(panel.source, Qt.Key.Key_Tab)  # leaving the field stores it
    assert window.doc.evaluation.assessment("teams", "A1").source == "https://example.org/dpia"
    audit = window.show_page("audit")
    assert (
        audit.model.index(0, 2).data() == "Onderbouwing Microsoft Teams · A1"
        or "Evidence" in audit.model.index(0, 2).data()
    )
    assert audit.model.index(0, 1).data() == "tester"


def test_page_shortcuts_switch_pages_by_keyboard(qtbot, window: MainWindow):
    for i, page in enumerate(PAGES[:9]):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == page.key


def test_language_switch_from_the_view_menu_changes_every_page(qtbot, window: MainWindow):
    window.build_all_pages()
    assert window.tabs.tabText(window.page_index("weights")) == "Gewichten"
    window.english_action.trigger()
    assert window.tabs.tabText(window.page_index("weights")) == "Weights"
    assert window.file_menu.title() == "&File"
    assert window.page("scores").heading.text() == "Scores"
    assert window.page("audit").heading.text() == "Audit trail"
    assert window.settings.language == "en"
    assert Settings.load().language == "en"
    window.dutch_action.trigger()
    assert window.page("audit").heading.text() == "Logboek"


def test_numbers_follow_the_language(qtbot, window: MainWindow, small_file):
    store = Store.open(small_file)
    store.close()
    window.doc.apply(SetWeights({"B1": 50.0}))
    from dataclasses import replace

    from evaluator.changes import UpdateCriterion

    crit = window.doc.evaluation.criterion("B1")
    window.doc.apply(UpdateCriterion(replace(crit, scale=replace(crit.scale, upper=20.5))))
    from evaluator.changes import set_score

    window.doc.apply(set_score(window.doc.evaluation, "teams", "B1", 2.5))
    scores = window.page("scores")
    assert scores.model.index_of("teams", "B1").data() == "2,50 firms"
    window.set_language("en")
    assert scores.model.index_of("teams", "B1").data() == "2.50 firms"


def test_every_change_is_kept_after_reopening(qtbot, window: MainWindow, small_file: Path):
    edit_score_by_keyboard(qtbot, window, "teams", "A2", "3")
    window.doc.apply(SetWeights({"B": 10.0}))
    ev_view = window.show_page("evaluation")
    ev_view.title.setFocus()
    ev_view.title.selectAll()
    qtbot.keyClicks(ev_view.title, "Nieuwe titel")
    qtbot.keyClick(ev_view.title, Qt.Key.Key_Return)
    assert window.windowTitle() == "Nieuwe titel — Afweging"
    alts = window.show_page("alternatives")
    assert alts.add("Element / Matrix", "Element")
    alts.model.setData(alts.model.index(0, 1), "Microsoft Corporation")
    window.close()

    again = MainWindow(Settings())
    qtbot.addWidget(again)
    assert again.open_path(small_file)
    ev = again.doc.evaluation
    assert ev.assessment("teams", "A2").value == 3.0
    assert ev.weights["B"] == 10.0
    assert ev.title == "Nieuwe titel"
    assert [a.name for a in ev.alternatives][-1] == "Element / Matrix"
    assert ev.alternative("teams").vendor == "Microsoft Corporation"
    assert again.page("audit").model.rowCount() == 6  # created + five changes


def test_a_file_that_cannot_be_opened_leaves_the_current_one_open(qtbot, window: MainWindow, tmp_path: Path):
    bad = tmp_path / "kapot.afweging"
    bad.write_text("dit is geen database")
    current = window.doc.path
    assert not window.open_path(bad)
    assert window.doc.path == current
    assert "kapot.afweging" in window.last_error
    assert "geen Afweging-project" in window.error_box.text()  # the core's words, in the app's Dutch
    assert window.error_box.isVisible()


def test_recent_files_and_last_file_are_remembered(
    qtbot, window: MainWindow, small_file: Path, tmp_path: Path
):
    other = tmp_path / "ander.afweging"
    assert window.new_from_catalogue("beter-samenwerken", other, "Andere afweging")
    assert window.windowTitle() == "Andere afweging — Afweging"
    s = Settings.load()
    assert s.last == str(other.resolve())
    assert s.recent[:2] == [str(other.resolve()), str(small_file.resolve())]
    window._fill_recent()
    entries = [a for a in window.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == s.recent[:2]
    entries[1].trigger()
    assert window.doc.path == small_file


def test_import_and_export(qtbot, window: MainWindow, tmp_path: Path):
    out = tmp_path / "uit.json"
    assert window.export_to(out)
    assert out.exists() and b"Samenwerken testafweging" in out.read_bytes()
    csv = tmp_path / "matrix.csv"
    csv.write_text(
        "alternative,cost,speed\nobjective,min,max\nweight,1,1\nA,10,3\nB,20,5\n", encoding="utf-8"
    )
    target = tmp_path / "matrix.afweging"
    ok = window.import_file(csv, target)
    assert ok, window.last_error
    assert window.doc.path == target
    assert [a.name for a in window.doc.evaluation.alternatives] == ["A", "B"]


def test_refused_change_is_reported_and_not_stored(qtbot, window: MainWindow):
    alts = window.show_page("alternatives")
    assert not alts.model.setData(alts.model.index(1, 0), "Microsoft Teams")  # a duplicate name
    assert "er is al" in window.last_error  # the core's words, in the app's Dutch
    assert window.doc.evaluation.alternatives[1].name == "openDesk"


def _handle_centre(slider) -> QPoint:
    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    rect = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, slider
    )
    return rect.center()


def test_weight_by_mouse_and_by_keyboard_reranks_and_undoes(qtbot, window: MainWindow, small_file: Path):
    weights = window.show_page("weights")
    qtbot.waitExposed(weights)
    assert ranking(window)[0] == "Nextcloud Hub"

    slider = weights.slider("A1")  # mouse: drag A1's handle all the way to the left
    start = _handle_centre(slider)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    for x in range(start.x(), -1, -5):
        qtbot.mouseMove(slider, QPoint(x, start.y()))
    qtbot.mouseMove(slider, QPoint(0, start.y()))
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(0, start.y()))
    assert window.doc.evaluation.weights["A1"] == 0.0
    assert ranking(window)[0] == "openDesk"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    assert window.doc.evaluation.weights["A1"] == 50.0
    assert ranking(window)[0] == "Nextcloud Hub"

    a2 = weights.slider("A2")  # keyboard: A2 to its maximum
    a2.setFocus()
    qtbot.keyClick(a2, Qt.Key.Key_End)
    assert window.doc.evaluation.weights["A2"] > 50.0
    assert ranking(window)[0] == "openDesk"

    window.close()
    with Store.open(small_file) as st:
        assert st.evaluation.weights["A2"] > 50.0 and st.evaluation.weights["A1"] == 50.0


def shown_title(w) -> str:
    """The title bar's text as Qt's xcb and Windows plugins make it (QPlatformWindow::formatWindowTitle): the
    application's display name is appended unless the title already ends with it."""
    t, app = w.windowTitle(), QApplication.applicationDisplayName()
    return t if t.endswith(app) else f"{t} — {app}" if t else app


def test_the_title_bar_says_afweging_once(qtbot, window: MainWindow):
    from ui.projector import ProjectorWindow

    before = QApplication.applicationDisplayName()
    QApplication.setApplicationDisplayName("Afweging")  # as ui.app does
    try:
        assert shown_title(window) == "Samenwerken testafweging — Afweging"
        proj = ProjectorWindow(window.doc)
        qtbot.addWidget(proj)
        assert shown_title(proj).count("Afweging") == 1
    finally:
        QApplication.setApplicationDisplayName(before)
