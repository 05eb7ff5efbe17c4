"""The ranking chart writes every alternative's whole name: wrapped over the lines its row holds, cut short only
when even that is not enough (the bundled sample at 1600 × 900 used to show "Microsoft 365 via EU-exploitant
(Delos Cl…")."""

from __future__ import annotations

import pytest

from ui.app import create_window, sample_copy
from ui.i18n import set_language


def _sample_window(qtbot, size: tuple[int, int] = (1600, 900)):  # noqa: ANN001, ANN202
    w = create_window(str(sample_copy()))
    qtbot.addWidget(w)
    set_language("nl")
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.mark.parametrize("size", [(1600, 900), (1280, 720)])
def test_the_sample_shows_every_name_whole(qtbot, size):
    """At 1280 × 720 (a common projector) a row holds two lines, and 'Combinatie zoals Schleswig-Holstein:
    Open-Xchange, Nextcloud, LibreOffice, OpenTalk' needed three in the names' column: the column widens."""
    w = _sample_window(qtbot)
    w.resize(*size)
    qtbot.wait(20)
    chart = w.show_page("results").chart
    chart.grab()  # paints
    names = [r.name for r in chart.data().rows]
    assert len(chart.drawn_names) == len(names)
    for name, lines in zip(names, chart.drawn_names, strict=True):
        assert " ".join(lines) == name, lines
        assert not any(line.endswith("…") for line in lines)


@pytest.mark.parametrize(("size", "scale"), [((1600, 900), 1.0), ((1920, 1080), 1.3), ((1280, 720), 1.3)])
def test_the_profile_list_shows_every_name_whole(qtbot, size, scale):
    """The list that picks the profile chart's alternatives wraps each name within its width (it used to cut
    'Nextcloud Hub in eigen b' behind a horizontal scroll bar), also after the text is made larger for a
    projector (the items kept their old heights: '…, LibreOffice, …')."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    w = _sample_window(qtbot)
    w.resize(*size)
    w.apply_text_scale(scale)
    try:
        qtbot.wait(20)
        page = w.show_page("results")
        view = page.radar_list
        view.grab()
        assert not view.horizontalScrollBar().isVisible()
        width = view.viewport().width()
        fm = view.fontMetrics()
        for k in range(view.count()):
            item = view.item(k)
            rect = view.visualItemRect(item)
            assert rect.right() <= width, item.text()
            lines = item.text().split("\n")
            assert " ".join(lines) == view.name(k) == item.toolTip()  # every word, none cut
            # each line within what the style gives the text, and the item as tall as its lines
            opt = QStyleOptionViewItem()
            view.itemDelegate().initStyleOption(opt, view.indexFromItem(item))
            opt.rect = rect
            text_rect = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, view)
            margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
            assert max(fm.horizontalAdvance(line) for line in lines) <= text_rect.width() - 2 * margin, lines
            assert rect.height() >= len(lines) * fm.lineSpacing(), (lines, rect.height())
    finally:
        w.apply_text_scale(1.0)


def test_the_profile_chart_writes_every_area_and_name_whole_at_1280_by_720(qtbot):
    """At 1280 × 720 (a common projector) the web left 'Geschiktheid voor eigen beheer' less room than its
    longest word, which came out as 'Geschikth…': the web is drawn smaller instead."""
    w = _sample_window(qtbot, (1280, 720))
    radar = w.show_page("results").radar
    radar.grab()  # paints
    data = radar.data()
    assert len(radar.drawn_labels) == len(data.axes)
    for label, lines in zip(data.axes, radar.drawn_labels, strict=True):
        assert " ".join(lines) == label, lines
    for (name, _), lines in zip(data.series, radar.drawn_legend, strict=True):
        assert not any(line.endswith("…") for line in lines), lines
        assert " ".join(lines) == name, lines


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_workshop_page_fits_1280_by_720_without_scrolling_sideways(qtbot, lang):
    """The page fits a 1280 × 720 projector once laid out (the group-weights box is as wide as its longest name;
    a screenshot taken before the layout had settled showed a horizontal scroll bar)."""
    from ui.main_window import MainWindow
    from ui.settings import Settings

    w = MainWindow(Settings())
    qtbot.addWidget(w)
    w.set_language(lang)
    assert w.open_path(sample_copy())
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    page = w.show_page("workshop")
    box = page.aggregation

    def settled() -> bool:  # laid out (a busy machine takes a while): a readable box, no sideways scrolling
        wide = box.width() >= box.fontMetrics().horizontalAdvance("x" * 24)
        return wide and not page.scroll.horizontalScrollBar().isVisible()

    qtbot.waitUntil(settled, timeout=5000)


def test_the_score_matrix_shows_several_criteria_at_1280_by_720(qtbot):
    """The alternatives' names beside the score matrix were as wide as the longest ('Combinatie zoals
    Schleswig-Holstein: Open-Xchange, Nextcloud, LibreOffice, OpenTalk'), which left room for one criterion at
    1280 × 720; the names' column is capped (a long name ends in '…', whole in its tooltip and the side panel)."""
    from PySide6.QtCore import Qt

    w = _sample_window(qtbot)
    w.resize(1280, 720)
    page = w.show_page("scores")
    table = page.table

    def shown() -> list[int]:
        return [
            k
            for k in range(page.model.columnCount())
            if table.columnViewportPosition(k) + table.columnWidth(k) <= table.viewport().width()
        ]

    qtbot.waitUntil(lambda: table.width() > 600, timeout=5000)  # laid out at 1280 × 720
    qtbot.wait(20)
    assert len(shown()) >= 4, (len(shown()), table.verticalHeader().width(), table.width())
    name = page.model.headerData(8, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)
    tip = page.model.headerData(8, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert name in tip  # the whole name, for a name the column cuts


def test_the_criteria_tree_shows_the_minimum_column_at_1280_by_720(qtbot):
    """The criterion column was as wide as the longest name, which pushed the minimum level (the knock-out)
    out of view at 1280 × 720; the names' column is capped (a long name ends in '…', whole in its tooltip)."""
    from PySide6.QtCore import Qt

    w = _sample_window(qtbot)
    w.resize(1280, 720)
    page = w.show_page("criteria")
    tree = page.tree
    qtbot.waitUntil(lambda: tree.width() > 500, timeout=5000)  # laid out at 1280 × 720
    qtbot.wait(20)
    minimum = 3  # criterion, scale, direction, minimum, framework (the last may run on behind the edge)
    assert tree.model().headerData(minimum, Qt.Orientation.Horizontal) == "Minimum"
    assert tree.columnViewportPosition(minimum) + tree.columnWidth(minimum) <= tree.viewport().width()
