"""The one helper for work off the GUI thread (ui/background.py): newest result only, errors as a line, cancel,
nothing delivered after close or once the page is gone. Real threads, a real event loop."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtWidgets import QWidget

from evaluator.errors import InputError
from ui.background import Background


def test_only_the_newest_outcome_is_delivered(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    bg = Background(page)
    release = threading.Event()
    got: list = []
    bg.start(lambda t: release.wait(5) and "old", done=got.append)
    bg.start(lambda t: "new", done=got.append)
    assert bg.wait()
    release.set()
    qtbot.wait(100)
    assert got == ["new"]


def test_an_error_arrives_as_one_line_and_progress_arrives_in_order(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    bg = Background(page)
    lines, steps = [], []

    def work(task):  # noqa: ANN001, ANN202
        for i in range(3):
            task.progress(i + 1, 3)
        raise InputError("has no criteria", "x.afweging")

    bg.start(work, done=lambda r: None, failed=lines.append, progress=lambda d, n: steps.append((d, n)))
    assert bg.wait()
    assert steps == [(1, 3), (2, 3), (3, 3)]
    assert lines == [InputError("has no criteria", "x.afweging").line()] and "\n" not in lines[0]
    bg.start(lambda t: 1 / 0, done=lambda r: None, failed=lines.append)
    assert bg.wait() and lines[-1] == "ZeroDivisionError: division by zero"


def test_cancel_reaches_the_work_and_the_page(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    bg = Background(page)
    started, said = threading.Event(), []

    def work(task):  # noqa: ANN001, ANN202
        started.set()
        task.cancel.wait(5)
        return "finished anyway"

    bg.start(work, done=said.append, cancelled=lambda: said.append("cancelled"))
    assert started.wait(5)
    bg.cancel()
    assert bg.wait() and said == ["cancelled"] and not bg.running


def test_nothing_is_delivered_after_close_or_to_a_deleted_page(qtbot):
    page = QWidget()
    bg = Background(page)
    release, got = threading.Event(), []
    bg.start(lambda t: release.wait(5) and "late", done=got.append)
    bg.close()
    release.set()
    qtbot.wait(100)
    other = Background(page)
    release2 = threading.Event()
    other.start(lambda t: release2.wait(5) and "late", done=got.append)
    shiboken6.delete(page)
    release2.set()
    other.wait(2000)
    assert got == []


def test_a_work_that_exits_is_reported_not_lost(qtbot):
    import sys

    page = QWidget()
    qtbot.addWidget(page)
    bg = Background(page)
    lines: list[str] = []
    bg.start(lambda t: sys.exit(3), done=lambda r: None, failed=lines.append)
    assert bg.wait() and lines == ["SystemExit: 3"] and not bg.running


def test_quitting_waits_for_a_file_being_written_not_for_the_rest(qtbot):
    from ui.background import cancel_all

    page = QWidget()
    qtbot.addWidget(page)
    writing, checking = Background(page), Background(page)
    release, started, written = threading.Event(), threading.Event(), []

    def write(task):  # noqa: ANN001, ANN202
        started.set()
        time.sleep(0.3)
        written.append(True)

    checking.start(lambda t: release.wait(30), done=lambda r: None)  # long, cannot stop: not waited for
    writing.start(write, done=lambda r: None, finish=True)
    assert started.wait(5)
    t = time.monotonic()
    cancel_all(finish_timeout_s=10)
    assert written == [True] and time.monotonic() - t < 5
    release.set()


def test_a_worker_makes_no_qt_call_and_the_outcome_arrives_by_the_event_loop(qtbot, monkeypatch):
    """The workers put outcomes in a queue that the GUI thread empties: a queued PySide signal carrying Python
    objects, emitted from a Python thread, crashed the event loop now and then (a segfault in CI during a
    robustness run). Any Qt signal emitted off the GUI thread is counted here as a failure."""
    from PySide6.QtCore import SignalInstance

    import ui.background as background

    page = QWidget()
    qtbot.addWidget(page)
    bg = Background(page)
    gui = threading.current_thread()
    off_thread: list[str] = []
    real_emit = SignalInstance.emit

    def emit(self, *args):  # noqa: ANN001, ANN202
        if threading.current_thread() is not gui:
            off_thread.append(threading.current_thread().name)
        return real_emit(self, *args)

    monkeypatch.setattr(SignalInstance, "emit", emit)
    got, steps = [], []

    def work(task):  # noqa: ANN001, ANN202
        for i in range(50):
            task.progress(i + 1, 50)
        return "done"

    bg.start(work, done=got.append, progress=lambda d, t: steps.append(d))
    qtbot.waitUntil(lambda: got == ["done"], timeout=5000)  # by the event loop alone, no wait() call
    assert steps == list(range(1, 51)) and off_thread == []
    qtbot.waitUntil(lambda: not background._courier().timer.isActive(), timeout=1000)  # idle: the timer stops
