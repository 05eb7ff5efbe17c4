"""Views told what changed: each page refreshes only what a stored change touched (issue 10).

A title edit must not re-rank, re-run the model check or repaint the score matrix; a score edit repaints its one
cell. Counted through the real signals and calls of real pages in the main window.
"""

from __future__ import annotations

from evaluator.changes import SetSetting, set_score
from ui.main_window import PAGES


def _built(window, qtbot):  # noqa: ANN001, ANN202
    for page in PAGES:
        window.show_page(page.key)
    qtbot.wait(10)
    return {p.key: window.page(p.key) for p in PAGES}


def test_a_title_edit_repaints_no_score_and_ranks_nothing(window, qtbot):
    pages = _built(window, qtbot)
    scores, results = pages["scores"].model, pages["results"]
    painted, ranked = [], []
    scores.dataChanged.connect(lambda a, b, *_: painted.append((a.row(), a.column(), b.row(), b.column())))
    real_rank = results.ranker.rank
    results.ranker.rank = lambda *a, **k: ranked.append(1) or real_rank(*a, **k)
    assert window.doc.apply(SetSetting("title", "Nieuwe titel"))
    assert window.doc.evaluation.title == "Nieuwe titel"
    assert painted == [] and ranked == []
    ev = window.doc.evaluation
    a, c = ev.alternatives[1].id, ev.criteria[0].id
    level = next(lv.value for lv in ev.criteria[0].scale.levels if lv.value != ev.assessment(a, c).value)
    assert window.doc.apply(set_score(ev, a, c, level))
    assert painted == [(1, 0, 1, 0)]  # the one cell
    window.show_page("results")
    assert ranked  # and the ranking follows the score (a page behind another catches up when shown)


def test_a_language_switch_still_repaints_everything(window, qtbot):
    from ui.i18n import set_language

    scores = _built(window, qtbot)["scores"].model
    painted = []
    scores.dataChanged.connect(lambda a, b, *_: painted.append((a.row(), b.row(), a.column(), b.column())))
    set_language("en")
    assert (0, scores.rowCount() - 1, 0, scores.columnCount() - 1) in painted


def test_a_page_behind_compares_no_score_matrix_at_each_edit(window, qtbot, monkeypatch):
    """Score edits while the model check's and the robustness page are behind: once their results are known to be
    out of date, later edits do not compare those results' evaluation with the newest one again (a scan of every
    cell once the chain of noted edits runs out: 49 ms an edit at 300 × 150). Every comparison a change asks for
    is of the states around it."""
    from PySide6.QtCore import Qt

    import evaluator.summary as summary

    pages = _built(window, qtbot)
    robustness = pages["sensitivity"]
    window.show_page("sensitivity")
    robustness.samples_box.setValue(500)
    qtbot.mouseClick(robustness.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not robustness.running, timeout=60_000)
    assert robustness.outcome is not None and not robustness.stale
    window.show_page("scores")
    window.page("check").wait()
    states = [window.doc.evaluation]
    compared = []
    real = summary._summarize
    monkeypatch.setattr(summary, "_summarize", lambda old, new: compared.append((old, new)) or real(old, new))
    ev = window.doc.evaluation
    a, c = ev.alternatives[1].id, ev.criteria[0].id
    levels = [lv.value for lv in ev.criteria[0].scale.levels]
    for k in range(8):
        assert window.doc.apply(set_score(window.doc.evaluation, a, c, levels[k % len(levels)]))
        states.append(window.doc.evaluation)
    at = {id(ev): k for k, ev in enumerate(states)}  # by identity: equal states recur as the levels cycle
    far = [(at[id(o)], at[id(n)]) for o, n in compared if at[id(n)] - at[id(o)] > 1]
    assert far == []
    window.show_page("check")
    assert window.page("check").wait()
    assert window.page("check")._checked is window.doc.evaluation  # and the check catches up when shown
    assert robustness.stale  # the robustness result says it is of an earlier state


def test_a_score_edit_repaints_its_cell_not_the_matrix(window, qtbot):
    """A bounded score's edit repaints its one cell on screen: the row header's name did not change, so telling the
    header it had made the whole matrix repaint (306 cells, 7 roles each, at 300 × 150)."""
    from PySide6.QtCore import QEvent, QObject, QRect

    _built(window, qtbot)
    page = window.show_page("scores")
    table = page.table
    qtbot.wait(50)
    painted: list[QRect] = []

    class Spy(QObject):
        def eventFilter(self, obj, event):  # noqa: ANN001, ANN202, N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                painted.append(event.rect())
            return False

    spy = Spy()
    table.viewport().installEventFilter(spy)
    ev = window.doc.evaluation
    a, c = ev.alternatives[1].id, ev.criteria[0].id
    level = next(lv.value for lv in ev.criteria[0].scale.levels if lv.value != ev.assessment(a, c).value)
    assert window.doc.apply(set_score(ev, a, c, level))
    qtbot.wait(50)
    table.viewport().removeEventFilter(spy)
    cell = table.visualRect(page.model.index(1, 0))
    assert painted, "the edited cell was not repainted"
    assert all(cell.adjusted(-2, -2, 2, 2).contains(r) for r in painted), (cell, painted)
