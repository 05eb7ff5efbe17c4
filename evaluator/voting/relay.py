"""Hands work from the voting server's threads to the one thread that owns the project file.

SQLite connections and Qt objects belong to the thread that made them, and every change goes through the one
change path there. The server asks with :meth:`Relay.call` and waits for the answer; the owner runs what is
waiting with :meth:`Relay.pump` (the command line in its main loop; the desktop app when ``notify`` — a queued Qt
signal — tells it something is waiting). After :meth:`Relay.close` every call is refused at once.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")


class RelayClosed(RuntimeError):
    pass


class Relay:
    def __init__(self, notify: Callable[[], None] | None = None):
        self._queue: queue.Queue[tuple[Callable[[], Any], Future]] = queue.Queue()
        self._closed = threading.Event()
        self.notify = notify

    def call(self, fn: Callable[[], T], timeout: float = 30.0) -> T:
        """Run ``fn`` in the owner's thread and return what it returns (or raise what it raised)."""
        if self._closed.is_set():
            raise RelayClosed("the voting server is stopping")
        fut: Future = Future()
        self._queue.put((fn, fut))
        if self.notify is not None:
            self.notify()
        try:
            return fut.result(timeout)
        except TimeoutError:
            fut.cancel()  # not run yet: it never will be; already running: it finishes, the answer is lost
            raise

    def pump(self, wait: float = 0.0) -> int:
        """In the owner's thread: run what is waiting (waiting up to ``wait`` seconds for the first); how many."""
        done = 0
        while True:
            try:
                fn, fut = self._queue.get(timeout=wait) if wait and not done else self._queue.get_nowait()
            except queue.Empty:
                return done
            if fut.set_running_or_notify_cancel():
                try:
                    fut.set_result(fn())
                except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                    fut.set_exception(exc)
            done += 1

    def close(self) -> None:
        """Refuse every call from now on, and the ones still waiting."""
        self._closed.set()
        while True:
            try:
                _, fut = self._queue.get_nowait()
            except queue.Empty:
                return
            if fut.set_running_or_notify_cancel():
                fut.set_exception(RelayClosed("the voting server is stopping"))
