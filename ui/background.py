"""Work off the GUI thread, for every page: one helper instead of a hand-rolled worker per page.

A page holds a :class:`Background` and calls :meth:`Background.start` with the work (a function of a
:class:`Task`, run in a worker thread) and what to do with its outcome (functions called in the GUI thread). Each
start is a new generation and cancels the one before: an outcome that arrives after a newer start, after
:meth:`Background.close`, or after the page is deleted is dropped, so a page never shows a stale result.

The work reports progress and stages through its task, and checks ``task.cancel`` (a :class:`threading.Event`,
which the core's long loops take as is). It never dies silently: an exception reaches ``failed`` as one line of
text (an ``InputError``'s :meth:`~evaluator.errors.InputError.line`), a cancelled run reaches ``cancelled``.

Outcomes travel to the GUI thread through a queue that one courier object, for the whole process, empties on a
timer in the GUI thread while jobs run: the workers make no Qt call at all. (They used to emit a queued signal
carrying Python objects; under PySide6 6.11 that crashed the event loop now and then — a segfault in CI while a
robustness run reported to its page.) The worker threads are Python's own, holding the work until it is done whatever happens to the
page; they do not keep the application from quitting (a model check of a large evaluation takes a minute and cannot
stop half-way), except a job started with ``finish=True`` (writing a memo), which quitting waits for.
"""

from __future__ import annotations

import itertools
import queue
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

from evaluator.errors import AfwegingError, InputError

WORKERS = 4  # a long robustness run must not hold up a memo export or the other methods' ranking
POLL_MS = 10  # how often the GUI thread takes outcomes out of the queue while jobs run
FINAL = frozenset(("done", "failed", "cancelled"))  # the one outcome each job reports last


class Task:
    """What the work sees of its job: ``cancel`` (set when it should stop), and ways to report."""

    def __init__(self, background: Background, generation: int):
        self._bg_id, self.generation = background._id, generation
        self.cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps (thread-safe; delivered to the page's ``progress``)."""
        _send(self._bg_id, self.generation, "progress", (done, total))

    def stage(self, name: str) -> None:
        """The work moved to another stage (``name`` is the page's own word; delivered to ``stage``)."""
        _send(self._bg_id, self.generation, "stage", (name,))


@dataclass
class _Job:
    task: Task
    done: Callable[[Any], None]
    failed: Callable[[str], None] | None
    progress: Callable[[int, int], None] | None
    stage: Callable[[str], None] | None
    cancelled: Callable[[], None] | None
    reported: threading.Event = field(default_factory=threading.Event)  # its outcome reached the GUI thread


class Background:
    """Runs one page's work off the GUI thread, newest generation only. ``owner``: the page (or dialog); once it
    is deleted nothing more is delivered to it."""

    _ids = itertools.count(1)

    def __init__(self, owner: QObject):
        _courier()  # made in the GUI thread, before any worker needs it
        self._id = next(Background._ids)
        self._owner = owner
        self._job: _Job | None = None
        self.generation = 0
        _LIVE[self._id] = self

    @property
    def running(self) -> bool:
        """Whether the newest job has not yet reported its outcome."""
        return self._job is not None and not self._job.reported.is_set()

    @property
    def task(self) -> Task | None:
        return self._job.task if self._job is not None else None

    def start(
        self,
        work: Callable[[Task], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
        stage: Callable[[str], None] | None = None,
        cancelled: Callable[[], None] | None = None,
        finish: bool = False,
    ) -> Task:
        """Run ``work(task)`` in a worker thread (cancelling the job before); then, in the GUI thread, ``done``
        with its result, ``failed`` with a line of text, or ``cancelled``. ``finish``: quitting the application
        waits for this job (a file being written)."""
        self.cancel()
        self.generation += 1
        task = Task(self, self.generation)
        job = _Job(task, done, failed, progress, stage, cancelled)
        self._job = job
        _courier().started()
        _pool().put((self._id, work, task, finish))
        return task

    def cancel(self) -> None:
        """Ask the running job to stop (its ``cancelled`` is still called once it has)."""
        if self._job is not None:
            self._job.task.cancel.set()

    def close(self) -> None:
        """Stop and forget: nothing started before is delivered any more (a dialog closing, a page going)."""
        self.cancel()
        self.generation += 1
        self._job = None
        _LIVE.pop(self._id, None)

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """Wait, with the event loop turning, until the newest job has reported (for tests and callers that need
        the outcome now); True when it has."""
        job = self._job
        if job is None:
            return True
        deadline = time.monotonic() + timeout_ms / 1000
        while not job.reported.is_set() and time.monotonic() < deadline:
            _courier().drain()  # the outcome is delivered here
            QCoreApplication.processEvents()  # and the window keeps turning
            if not job.reported.is_set():
                time.sleep(0.002)
        return job.reported.is_set()

    def _deliver(self, generation: int, kind: str, args: tuple) -> None:
        job = self._job
        if job is None or generation != self.generation or generation != job.task.generation:
            return  # a stale outcome: a newer job replaced it, or the page closed it
        final = kind not in ("progress", "stage")
        if final:
            job.reported.set()
        if not shiboken6.isValid(self._owner):
            return
        if kind == "progress":
            if job.progress is not None:
                job.progress(*args)
            return
        if kind == "stage":
            if job.stage is not None:
                job.stage(*args)
            return
        if kind == "done":
            job.done(*args)
        elif kind == "cancelled":
            if job.cancelled is not None:
                job.cancelled()
        elif job.failed is not None:
            job.failed(*args)


# -- the worker side --------------------------------------------------------------------------------------------


def _run(bg_id: int, work: Callable[[Task], Any], task: Task) -> None:
    try:
        result = work(task)
    except BaseException as exc:  # noqa: BLE001 - reported to the page, never lost (a library's sys.exit too)
        if task.cancel.is_set():
            _send(bg_id, task.generation, "cancelled", ())
        else:
            _send(bg_id, task.generation, "failed", (error_line(exc),))
        return
    if task.cancel.is_set():
        _send(bg_id, task.generation, "cancelled", ())
    else:
        _send(bg_id, task.generation, "done", (result,))


_finishing: set[Task] = set()  # jobs that quitting waits for
_finished = threading.Condition()


def _worker(jobs: queue.SimpleQueue) -> None:
    while True:
        bg_id, work, task, finish = jobs.get()
        if finish:
            with _finished:
                _finishing.add(task)
        try:
            _run(bg_id, work, task)
        except BaseException:  # noqa: BLE001, S110 - _run reports the work's errors; nothing may end a worker
            pass
        finally:
            if finish:
                with _finished:
                    _finishing.discard(task)
                    _finished.notify_all()


def error_line(exc: BaseException) -> str:
    """An exception as the one line a page shows."""
    if isinstance(exc, InputError):
        return exc.line()
    text = " ".join(str(exc).split())
    if isinstance(exc, AfwegingError) and text:
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__  # unexpected: say what it was


class _Courier(QObject):
    """Carries outcomes from the worker threads to the GUI thread (one for the process): the workers put them in
    :data:`_OUTBOX`; a timer in the GUI thread takes them out while any job has not reported its end."""

    def __init__(self) -> None:
        super().__init__()
        self.open = 0  # jobs started whose final outcome has not been taken out yet
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.drain)

    def started(self) -> None:
        self.open += 1
        if not self.timer.isActive():
            self.timer.start()

    def drain(self) -> None:
        """Deliver every outcome that has arrived, in order (GUI thread only)."""
        while True:
            try:
                bg_id, generation, kind, args = _OUTBOX.get_nowait()
            except queue.Empty:
                break
            if kind in FINAL:
                self.open = max(0, self.open - 1)
            bg = _LIVE.get(bg_id)
            if bg is not None:
                bg._deliver(generation, kind, args)
        if self.open == 0 and self.timer.isActive():
            self.timer.stop()


_OUTBOX: queue.SimpleQueue = (
    queue.SimpleQueue()
)  # (background id, generation, kind, arguments) from the workers
_LIVE: weakref.WeakValueDictionary[int, Background] = weakref.WeakValueDictionary()
_state: dict[str, Any] = {}
_lock = threading.Lock()


def _courier() -> _Courier:
    if "courier" not in _state:
        _state["courier"] = _Courier()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(cancel_all)
    return _state["courier"]


def _pool() -> queue.SimpleQueue:
    """The jobs' queue, served by :data:`WORKERS` daemon threads (started on first use)."""
    with _lock:
        if "jobs" not in _state:
            jobs: queue.SimpleQueue = queue.SimpleQueue()
            for i in range(WORKERS):
                threading.Thread(target=_worker, args=(jobs,), name=f"afweging-{i}", daemon=True).start()
            _state["jobs"] = jobs
        return _state["jobs"]


def _send(bg_id: int, generation: int, kind: str, args: tuple) -> None:
    """An outcome from a worker thread: queued for the GUI thread, no Qt call here."""
    _OUTBOX.put((bg_id, generation, kind, args))


def cancel_all(finish_timeout_s: float = 60.0) -> None:
    """The application quits: ask every job to stop, and wait for those that must finish (a memo being
    written) up to ``finish_timeout_s``; the others end with the process."""
    for bg in list(_LIVE.values()):
        bg.cancel()
    with _finished:
        _finished.wait_for(lambda: not _finishing, timeout=finish_timeout_s)
