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
