"""The audit trail says how a set of weights was made: swing, rank order, AHP, equal (issue 11, item 8)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.modals import DESTROY, answer
from ui.main_window import MainWindow


def newest(window: MainWindow) -> tuple[str, str]:
    e = window.doc.audit(1)[0]
    return e.label_in("nl"), e.reason


def test_each_way_of_weighing_is_named_in_the_audit_trail(qtbot, window: MainWindow):
    weights = window.show_page("weights")
    qtbot.waitUntil(weights.isVisible)
    answer(qtbot, [DESTROY], lambda: qtbot.mouseClick(weights.points.equal, Qt.MouseButton.LeftButton))
    assert "gelijke gewichten" in newest(window)[1]
    for panel, word in ((weights.swing, "swing"), (weights.rank_order, "rangorde")):
        weights.tabs.setCurrentWidget(panel)
        panel.move(1)  # the current row one down: another order, other weights
        qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
        assert word in newest(window)[1], newest(window)
    weights.tabs.setCurrentWidget(weights.ahp)
    dlg = weights.ahp.open_dialog()
    dlg.show()
    qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    assert "AHP" in newest(window)[1]
    audit = window.show_page("audit")
    qtbot.waitUntil(audit.isVisible)
    why = [audit.table.model().index(r, 3).data() for r in range(audit.table.model().rowCount())]
    assert any("AHP" in w for w in why) and any("swing" in w for w in why)
