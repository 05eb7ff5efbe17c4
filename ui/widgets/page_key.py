"""A key that works anywhere on one page (Insert to add, Alt+↑/↓ to move), independent of any button.

A button's own shortcut is no good for this: ``QAbstractButton.setText`` replaces it with the text's mnemonic,
so a page that sets its texts after the shortcut (every ``retranslate``) silently loses the key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def page_key(page: QWidget, key: QKeySequence | str | Qt.Key, slot: Callable[[], object]) -> QAction:
    """Run ``slot`` when ``key`` is pressed while the focus is on ``page`` or inside it."""
    action = QAction(page)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    page.addAction(action)
    return action
