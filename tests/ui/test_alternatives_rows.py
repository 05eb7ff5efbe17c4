"""The alternatives table fits the rows in view to their wrapped texts (fitting all 1 000 rows of a large
evaluation took 0.6 s at every change): whatever is in view — after opening, scrolling, a longer name or vendor,
a narrower column — shows its names and vendors whole, never cut off at the row's bottom edge or elided."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QFontMetrics

from evaluator.changes import UpdateAlternative
from evaluator.model import Alternative
from evaluator.store import Store
from tests.hardening_helpers import make_evaluation
from ui.alternatives_view import AlternativesView
from ui.document import Document

LONG_VENDOR = " B.V., leverancier van open-source kantoorsoftware voor de Rijksoverheid (NL)"


@pytest.fixture
def view(tmp_path, qtbot):
    ev = make_evaluation(1000, 2, seed=1)
    alts = tuple(
        Alternative(a.id, a.name + (" Samenwerkingsplatform voor de Rijksoverheid" if i % 3 == 0 else ""),
                    vendor=a.vendor + (LONG_VENDOR if i % 2 else ""))
        for i, a in enumerate(ev.alternatives)
    )  # fmt: skip
    path = tmp_path / "groot.afweging"
    Store.create(path, replace(ev, alternatives=alts)).close()
    doc = Document.open(path)
    v = AlternativesView(doc)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    qtbot.waitExposed(v)
    yield v
    doc.close()


def rows_in_view(v: AlternativesView) -> range:
    table = v.table
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    return range(first, (last if last >= 0 else v.model.rowCount() - 1) + 1)


def cut_texts(v: AlternativesView) -> list[str]:
    """The names and vendors in view that do not fit their cell whole."""
    table, bad = v.table, []
    metrics = QFontMetrics(table.font())
    for row in rows_in_view(v):
        if table.rowHeight(row) < table.sizeHintForRow(row):  # a wrapped text runs past the row's bottom edge
            bad.append(f"row {row}: {table.rowHeight(row)} px tall, needs {table.sizeHintForRow(row)}")
        name = v.model.alternative(row).name
        if metrics.horizontalAdvance(name) > table.columnWidth(0):
            bad.append(f"row {row}: name {name!r} wider than its column")
    return bad


def settle(qtbot, v: AlternativesView) -> None:  # noqa: ANN001
    """Let the view fit its rows (a fit can move the end of the list, which asks for another): until the
    scroll range and the heights in view stay the same over two turns of the event loop."""
    bar, last = v.table.verticalScrollBar(), None
    for _ in range(200):
        qtbot.wait(20)
        now = (bar.maximum(), bar.value(), [v.table.rowHeight(r) for r in rows_in_view(v)])
        if now == last:
            return
        last = now


def test_rows_in_view_show_names_and_vendors_whole(view, qtbot):
    settle(qtbot, view)
    assert len(rows_in_view(view)) > 5
    assert any(view.table.rowHeight(r) > view.table.rowHeight(0) for r in rows_in_view(view))  # some wrap
    assert not cut_texts(view)
    bar = view.table.verticalScrollBar()
    for where in (bar.maximum() // 2, bar.maximum(), 0, bar.maximum() // 3):
        bar.setValue(where)
        settle(qtbot, view)
        assert not cut_texts(view), where


def test_the_end_of_the_list_is_in_view_whole(view, qtbot):
    """Scrolled to the end before the last rows were fitted (taller than the rows they replace), the view
    follows the end down: the last alternative is in view, whole."""
    settle(qtbot, view)
    bar, table, last = view.table.verticalScrollBar(), view.table, view.model.rowCount() - 1
    bar.setValue(bar.maximum())
    settle(qtbot, view)
    assert table.rowViewportPosition(last) >= 0
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
    assert not cut_texts(view)


def test_a_longer_vendor_or_a_narrower_column_refits_the_rows_in_view(view, qtbot):
    settle(qtbot, view)
    row = rows_in_view(view)[2]
    a = view.model.alternative(row)
    assert view.doc.apply(UpdateAlternative(replace(a, vendor=a.vendor + LONG_VENDOR * 3)))
    settle(qtbot, view)
    assert not cut_texts(view)
    view.table.horizontalHeader().resizeSection(1, 120)
    settle(qtbot, view)
    assert not cut_texts(view)
    assert view.doc.apply(
        UpdateAlternative(replace(a, name=a.name + " met een veel langere naam dan de rest"))
    )
    settle(qtbot, view)
    assert not cut_texts(view)
