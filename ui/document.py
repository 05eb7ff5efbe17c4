"""The open evaluation as the GUI sees it: a store, an undo stack over the core's change objects, and signals.

Every edit in every view goes through :meth:`Document.apply`; nothing else writes. Undo/redo apply the change's
inverse through the same store, so the audit trail shows them too. While a slider is dragged, views call
:meth:`Document.preview` (no write) and :meth:`Document.apply` once on release.

Steps in a run (keyboard steps on one slider, arrow steps in one number box) pass the same ``merge`` key: each is
stored at once, but added to the run's one audit entry (:meth:`Store.amend`) and merged into its one undo step
(``QUndoCommand.id``/``mergeWith``). A run ends when the focus moves, another change or an undo comes between, or
the steps pause for :data:`MERGE_PAUSE_S`.
"""

from __future__ import annotations

import os
import time
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from evaluator.changes import Change, apply_change
from evaluator.errors import ChangeError, InputError, StaleFile
from evaluator.model import Evaluation
from evaluator.store import AuditEntry, Store

from .i18n import language, tr

MERGE_PAUSE_S = 3.0  # keyboard steps further apart than this are separate undo steps and audit entries


class ChangeCommand(QUndoCommand):
    """A stored core change on Qt's undo stack: undo applies its inverse, redo the change again.

    :meth:`Document.apply` stores the change before pushing the command, so the first ``redo`` (which
    ``QUndoStack.push`` calls) has nothing left to do: each edit is applied once, not checked and then applied.
    """

    def __init__(
        self,
        doc: Document,
        change: Change,
        inverse: Change,
        label: str,
        reason: str = "",
        merge: str | None = None,
        amended: bool = False,
    ):
        super().__init__(label)
        self.doc, self.change, self.inverse, self.reason = doc, change, inverse, reason
        self.merge, self.amended = merge, amended  # amended: stored as part of the previous command's entry
        self._just_stored = True

    def id(self) -> int:  # noqa: A003 - Qt's name
        return -1 if self.merge is None else zlib.crc32(self.merge.encode()) & 0x7FFFFFFF

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        """Take in a step the store added to this command's audit entry (nothing else: that entry is the truth)."""
        if not (isinstance(other, ChangeCommand) and other.amended and other.merge == self.merge):
            return False
        self.change, self.inverse = other.change, other.inverse
        self.setText(other.text())
        return True

    def redo(self) -> None:
        if self._just_stored:
            self._just_stored = False
            return
        inverse = self.doc._store_apply(self.change, self.reason)
        if inverse is not None:
            self.inverse = inverse

    def undo(self) -> None:
        self.doc._store_apply(self.inverse, "undo")


class Document(QObject):
    """An open ``.afweging`` file. Signals: ``changed(Evaluation)`` after every stored change (also undo/redo),
    ``previewed(Evaluation)`` for unsaved what-ifs (slider drags), ``failed(str)`` when a change is refused."""

    changed = Signal(object)
    previewed = Signal(object)
    failed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.user = os.environ.get("AFWEGING_USER") or None
        self._pending_preview: Change | None = None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(0)
        self._preview_timer.timeout.connect(self._run_pending_preview)
        self._run: tuple[str, float, Evaluation] | None = (
            None  # the open run: key, time of its last step, before
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._end_run)  # the focus moves on: the next step starts a new entry

    # -- opening ------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike, parent: QObject | None = None) -> Document:
        """Open a project file (``InputError`` with a clear message when it cannot be used)."""
        return cls(Store.open(path), parent)

    @classmethod
    def create(cls, path: str | os.PathLike, ev: Evaluation, parent: QObject | None = None) -> Document:
        return cls(Store.create(path, ev), parent)

    def close(self) -> None:
        self.store.close()

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def evaluation(self) -> Evaluation:
        return self.store.evaluation

    def audit(self, limit: int | None = None, after: int = 0) -> list[AuditEntry]:
        """The file's audit trail, newest first (``after``: only entries after that number); views never read
        the store themselves."""
        return self.store.audit(limit, after)

    # -- changing -----------------------------------------------------------------------------------------
    def apply(self, change: Change, reason: str = "", merge: str | None = None) -> bool:
        """Apply and store ``change`` as one undo step. Returns False (and emits ``failed``) when refused.

        ``merge``: a key naming a run of steps (``"weight:A1"``); a step with the key of the open run is added to
        its undo step and audit entry instead of making new ones."""
        self._pending_preview = None  # a stored change supersedes any preview still waiting
        run, self._run = self._run, None
        top = self.undo_stack.command(self.undo_stack.index() - 1) if self.undo_stack.index() else None
        amend = (
            merge is not None
            and run is not None
            and run[0] == merge
            and time.monotonic() - run[1] < MERGE_PAUSE_S
            and self.undo_stack.index() == self.undo_stack.count()
            and isinstance(top, ChangeCommand)
            and top.merge == merge
        )
        before = run[2] if amend else self.evaluation
        try:
            if amend:
                change, inverse = self.store.amend(change, user=self.user, reason=reason)
            else:
                inverse = self.store.apply(change, user=self.user, reason=reason)
        except ChangeError as exc:  # refused: nothing stored, nothing on the undo stack
            self._refused(exc)
            return False
        label = change.label(before, language())  # the names as they were before the step (or the run)
        self.undo_stack.push(ChangeCommand(self, change, inverse, label, reason, merge, amended=amend))
        if merge is not None:
            self._run = (merge, time.monotonic(), before)
        self.changed.emit(self.evaluation)
        return True

    def _end_run(self, *_: object) -> None:
        self._run = None

    def preview(self, change: Change) -> Evaluation | None:
        """The evaluation as it would be after ``change``, without storing it; emits ``previewed``."""
        try:
            ev, _ = apply_change(self.evaluation, change)
        except ChangeError:
            return None
        self.previewed.emit(ev)
        return ev

    def preview_soon(self, change: Change) -> None:
        """Like :meth:`preview`, but coalesced: while the event loop is busy, only the latest change is previewed.

        A slider dragged over a large evaluation sends values faster than they can be ranked and painted; this
        keeps the window following the hand instead of working through a queue of stale positions.
        """
        self._pending_preview = change
        if not self._preview_timer.isActive():
            self._preview_timer.start()

    def _run_pending_preview(self) -> None:
        change, self._pending_preview = self._pending_preview, None
        if change is not None:
            self.preview(change)

    def _store_apply(self, change: Change, reason: str) -> Change | None:
        """An undo or redo step: the inverse, or None when the file refused it (an exception must not leave a Qt
        undo call). The stack then no longer matches the file: it is cleared once the step has returned."""
        self._run = None
        try:
            inverse = self.store.apply(change, user=self.user, reason=reason)
        except ChangeError as exc:
            self._refused(exc, clear_later=True)
            return None
        self.changed.emit(self.evaluation)
        return inverse

    def _refused(self, exc: ChangeError, clear_later: bool = False) -> None:
        """Say why a change was refused. When another program changed the file, read it again (the window shows
        the other program's changes) and forget the undo steps: their inverses no longer fit."""
        if not isinstance(exc, StaleFile):
            if clear_later:
                QTimer.singleShot(0, self.undo_stack, self.undo_stack.clear)
            self.failed.emit(exc.text(language()))
            return
        try:
            self.store.reload()
        except InputError as err:  # the file is gone or no longer a project: say so, keep what is shown
            self.failed.emit(err.line())
            return
        finally:
            if clear_later:
                QTimer.singleShot(
                    0, self.undo_stack, self.undo_stack.clear
                )  # not inside the stack's own call
            else:
                self.undo_stack.clear()
        self.changed.emit(self.evaluation)
        self.failed.emit(
            tr(
                "another program changed {name} meanwhile. The window now shows the file as it "
                "is (undo starts afresh); make your change again."
            ).format(name=self.path.name)
        )
