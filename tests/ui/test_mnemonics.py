"""Alt+letter reaches one target: no two visible targets in a window share a mnemonic, and none shares the
menu bar's (issue 11, item 1). Walks every page and every tab on it, and every dialog, in Dutch and English."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QWidget

from tests.ui.walk import each_view
from ui.i18n import set_language
from ui.main_window import MainWindow

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    m = _MNEMONIC.search(text.replace("&&", ""))
    return m.group(1).lower() if m else None


def targets(top: QWidget) -> dict[str, list[str]]:
    """Letter → what Alt+letter would reach among the widgets on screen in ``top`` (and its menu bar)."""
    found: dict[str, list[str]] = defaultdict(list)
    if hasattr(top, "menuBar") and top.menuWidget() is not None:
        for a in top.menuBar().actions():
            if (k := mnemonic(a.text())) is not None:
                found[k].append(f"menu {a.text()}")
    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top) or w.window() is not top:
            continue
        if (isinstance(w, QLabel) and w.buddy() is not None) or isinstance(w, QAbstractButton):
            texts = [w.text()]
        elif isinstance(w, QGroupBox):
            texts = [w.title()]
        elif isinstance(w, QTabBar):
            texts = [w.tabText(i) for i in range(w.count()) if w.isTabVisible(i)]
        else:
            continue
        for t in texts:
            if (k := mnemonic(t)) is not None:
                found[k].append(f"{type(w).__name__} {t}")
    return found


def clashes(top: QWidget, where: str) -> list[str]:
    return [f"{where}: Alt+{k.upper()} → {' | '.join(v)}" for k, v in targets(top).items() if len(v) > 1]


def test_the_collector_sees_a_clash(qtbot):
    """The check itself can fail: two buttons with the same letter are a clash."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    w = QWidget()
    lay = QVBoxLayout(w)
    for t in ("&Save", "&Stop"):
        lay.addWidget(QPushButton(t))
    assert clashes(w, "test") and mnemonic("Save && &quit") == "q"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_has_one_target_per_alt_letter(qtbot, window: MainWindow, lang: str):
    set_language(lang)
    found = []
    for where, _page in each_view(qtbot, window):
        found += clashes(window, f"{lang} {where}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_dialog_has_one_target_per_alt_letter(qtbot, window: MainWindow, lang: str):
    from ui.export_memo_dialog import ExportMemoDialog
    from ui.verify_dialog import VerifyDialog

    set_language(lang)
    found = []
    weights = window.show_page("weights")
    qtbot.waitUntil(weights.isVisible)
    dialogs = [("AHP", weights.ahp.open_dialog()), ("verify", VerifyDialog(window))]
    dialogs.append(("memo", ExportMemoDialog(window.doc, window)))
    for name, dlg in dialogs:
        dlg.show()
        QApplication.processEvents()
        found += clashes(dlg, f"{lang} {name}")
        dlg.close()  # the AHP dialog deletes itself on close
    assert not found, "\n".join(found)


def test_alt_e_on_the_scores_page_reaches_the_evidence_not_the_edit_menu(qtbot, window: MainWindow):
    """The reported slip: Alt+E then typing stored nothing and Space undid the last score."""
    set_language("en")
    scores = window.show_page("scores")
    qtbot.waitUntil(scores.isVisible)
    scores.select("opendesk", "A1")
    qtbot.keyClick(scores.table, Qt.Key.Key_4)  # a score, so there is something to undo
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.evaluation.assessment("opendesk", "A1").value == 4.0)
    letter = mnemonic(scores.panel.evidence_label.text())
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is scores.panel.evidence
    qtbot.keyClick(scores.panel.evidence, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(scores.panel.evidence, " DPIA 2026")
    scores.table.setFocus()  # leaving the field stores it
    s = window.doc.evaluation.assessment("opendesk", "A1")
    assert s.value == 4.0 and s.evidence.endswith(" DPIA 2026")
