"""Answering the app's modal questions in a test: each step waits for the next modal window and acts on it.

``answer(qtbot, steps, start)`` runs ``start()`` (which opens a modal dialog and blocks in its own event loop)
while a timer hands each modal window in turn to the next step; returns the windows the steps were given.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def answer(qtbot, steps: list[Callable[[QWidget], None]], start: Callable[[], object]) -> list[QWidget]:
    seen: list[QWidget] = []
    todo = list(steps)

    def poll() -> None:
        w = QApplication.activeModalWidget()
        if todo and w is not None and w.isVisible() and (not seen or w is not seen[-1]):
            seen.append(w)
            step = todo.pop(0)
            if todo:
                timer.start(20)  # before the step: it may open the next question in a loop of its own
            step(w)
        elif todo:
            timer.start(20)

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(poll)
    timer.start(20)
    start()
    qtbot.waitUntil(lambda: not todo, timeout=10000)
    timer.stop()
    return seen


def press(role: QMessageBox.ButtonRole) -> Callable[[QWidget], None]:
    """A step that clicks the question's one button with ``role``."""

    def step(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), box
        (button,) = [b for b in box.buttons() if box.buttonRole(b) == role]
        button.click()

    return step


CANCEL = press(QMessageBox.ButtonRole.RejectRole)
DESTROY = press(QMessageBox.ButtonRole.DestructiveRole)
