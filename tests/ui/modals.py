"""Answering the app's modal questions in a test: each step waits for the next modal window and acts on it.

``answer(qtbot, steps, start)`` runs ``start()`` (which opens a modal dialog and blocks in its own event loop)
while a timer hands each modal window in turn to the next step; returns the windows the steps were given.
A step that fails, or a question that never comes, closes what is open so the test fails instead of hanging.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

GIVE_UP_S = 10.0


def _close_modals() -> None:
    for _ in range(10):
        w = QApplication.activeModalWidget()
        if w is None:
            return
        if isinstance(w, QDialog):
            w.reject()
        else:
            w.close()
        QApplication.processEvents()


def answer(qtbot, steps: list[Callable[[QWidget], None]], start: Callable[[], object]) -> list[QWidget]:
    seen: list[QWidget] = []
    todo = list(steps)
    errors: list[BaseException] = []
    deadline = time.monotonic() + GIVE_UP_S

    def poll() -> None:
        if errors:
            return
        if time.monotonic() > deadline:
            errors.append(AssertionError(f"no question came for step {len(seen) + 1} of {len(steps)}"))
            _close_modals()
            return
        w = QApplication.activeModalWidget()
        if todo and w is not None and w.isVisible() and (not seen or w is not seen[-1]):
            seen.append(w)
            step = todo.pop(0)
            if todo:
                timer.start(20)  # before the step: it may open the next question in a loop of its own
            try:
                step(w)
            except BaseException as exc:  # noqa: BLE001 - handed to the test below, after unblocking start()
                errors.append(exc)
                _close_modals()
        elif todo:
            timer.start(20)

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(poll)
    timer.start(20)
    start()
    qtbot.waitUntil(lambda: not todo or bool(errors), timeout=int(GIVE_UP_S * 1000) + 1000)
    timer.stop()
    if errors:
        raise errors[0]
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
