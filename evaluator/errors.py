"""Errors that reach the user as one clear line: which file, which place, what is wrong."""

from __future__ import annotations

import os


class AfwegingError(Exception):
    """Base class of the errors Afweging reports to its user instead of a traceback."""


class InputError(AfwegingError):
    """Input that cannot be used (exit status 2): names the file, the place in it, and the problem."""

    def __init__(
        self,
        problem: str,
        file: str | os.PathLike | None = None,
        place: str | None = None,
    ):
        self.problem = problem  # in the session's language (evaluator.i18n), like every message of the core
        self.file = os.fspath(file) if file is not None else None
        self.place = place
        super().__init__(self.line())

    def line(self) -> str:
        parts = [p for p in (self.file, self.place) if p]
        where = ": ".join(parts)
        return f"{where}: {self.problem}" if where else self.problem

    def at(self, file: str | os.PathLike | None = None, place: str | None = None) -> InputError:
        """The same problem, with the file and/or place filled in where they were not yet known."""
        return InputError(self.problem, self.file or file, self.place or place)


class CheckFailed(AfwegingError):
    """A check that ran and failed (exit status 1), e.g. a memo whose signature does not hold."""


class ChangeError(AfwegingError):
    """A change that cannot be applied to this evaluation (unknown id, value off the scale, ...).

    ``str(error)`` is the reason in the session's language (:mod:`evaluator.i18n`, the app's or ``--lang``),
    made from the catalogue when it was raised.
    """

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem  # in the session's language when it was raised (from the catalogue)

    def text(self, lang: str | None = None) -> str:  # noqa: ARG002 - kept for its callers
        return self.problem


class StoreError(ChangeError):
    """The project file could not take a change (in use by another program, disk full, read-only); nothing was
    written and the open evaluation is as it was."""


class StaleFile(StoreError):
    """Another program changed or replaced the project file since it was opened or reloaded; nothing was
    written. Reload (``Store.reload``) to see the file as it is now."""
