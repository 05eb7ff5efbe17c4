"""The ranking chart writes every alternative's whole name: wrapped over the lines its row holds, cut short only
when even that is not enough (the bundled sample at 1600 × 900 used to show "Microsoft 365 via EU-exploitant
(Delos Cl…")."""

from __future__ import annotations

from ui.app import create_window, sample_copy
from ui.i18n import set_language


def _sample_at_1600_by_900(qtbot):  # noqa: ANN001, ANN202
    w = create_window(str(sample_copy()))
    qtbot.addWidget(w)
    set_language("nl")
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_sample_shows_every_name_whole_at_1600_by_900(qtbot):
    w = _sample_at_1600_by_900(qtbot)
    chart = w.show_page("results").chart
    chart.grab()  # paints
    names = [r.name for r in chart.data().rows]
    assert len(chart.drawn_names) == len(names)
    for name, lines in zip(names, chart.drawn_names, strict=True):
        assert " ".join(lines) == name, lines
        assert not any(line.endswith("…") for line in lines)


def test_the_profile_list_shows_every_name_whole(qtbot):
    """The list that picks the profile chart's alternatives wraps each name within its width (it used to cut
    'Nextcloud Hub in eigen b' behind a horizontal scroll bar)."""
    from PySide6.QtCore import QRect, Qt

    w = _sample_at_1600_by_900(qtbot)
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
        # the text's room: the item less its check box; its wrapped height must fit the item
        room = rect.width() - view.style().pixelMetric(view.style().PixelMetric.PM_IndicatorWidth) - 12
        need = fm.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, item.text()).height()
        assert rect.height() >= need, (item.text(), rect.height(), need)
        assert item.toolTip() == item.text()
