"""The ``.afweging`` project file: an SQLite database holding one evaluation and its audit trail.

Every change is one transaction that updates the state tables and appends one audit row (time, user, change,
before, after, reason), so the file always holds exactly the changes that committed — no save button, nothing
lost on a crash.

Journal mode: the rollback journal (``DELETE``) with ``synchronous=FULL``, deliberately not WAL. A project file
is a document people copy, mail and put on shares; with WAL, committed changes can sit in a ``-wal`` side file that
a copy of the main file leaves behind, and WAL does not work on network file systems. The rollback journal keeps
the whole state in the one file whenever no transaction is open, at the cost of an extra fsync per change
(a few milliseconds — far below what a person notices).

Two editors of one file (two windows, two programs, two laptops on a share): each change checks, inside its write
transaction, that the file is still the one this store read; if another program changed or replaced it, the change
is refused with :class:`~evaluator.errors.StaleFile` and nothing is written, and :meth:`Store.reload` reads the
file as it now is. How the file is reached and what in it is trusted (its name, its schema, a journal beside it)
is :mod:`evaluator.dbfile`'s job; how the evaluation maps onto its tables, :mod:`evaluator.state_tables`'.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import getpass
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .changes import Batch, Change, apply_change, change_from_data
from .dbfile import (
    SQLITE_HEADER,
    JournalChanged,
    Presence,
    check_definitions,
    check_objects,
    connect,
    expected_schema,
    first_line,
    has_hot_journal,
    journal_path,
    memory,
    problem,
    rolled_back_copy,
)
from .errors import ChangeError, InputError, StaleFile, StoreError
from .files import atomic_write
from .i18n import gettext
from .model import Evaluation
from .state_tables import dumps, read_state, write_diff

SCHEMA_VERSION = 2  # 2: audit.label_nl, the change label in Dutch beside the English one
APPLICATION_ID = 0x41465747  # "AFWG": marks the SQLite file as an Afweging project

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE areas (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE criteria (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE alternatives (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE participants (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE assessments (
    alternative TEXT NOT NULL, criterion TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (alternative, criterion)
);
CREATE TABLE weights (
    participant TEXT NOT NULL, key TEXT NOT NULL, value REAL NOT NULL,
    PRIMARY KEY (participant, key)
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL, user TEXT NOT NULL, label TEXT NOT NULL,
    change TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL, reason TEXT NOT NULL,
    label_nl TEXT NOT NULL DEFAULT ''
);
"""


# Migrations from schema version N to N + 1, each run inside the upgrade transaction. Keep a fixture file of
# every released schema in tests/fixtures/ and a test that opens it.
def _add_dutch_labels(con: sqlite3.Connection) -> None:
    """1 → 2: the audit trail keeps each change's label in Dutch too (older rows show their English label)."""
    con.execute("ALTER TABLE audit ADD COLUMN label_nl TEXT NOT NULL DEFAULT ''")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _add_dutch_labels}


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    time: str
    user: str
    label: str
    change: dict[str, Any]
    before: dict[str, Any]
    after: dict[str, Any]
    reason: str
    label_nl: str = ""  # empty in rows written before schema 2

    def label_in(self, lang: str) -> str:
        """The change's label in ``lang`` (Dutch where recorded, else the English one)."""
        return self.label_nl if lang == "nl" and self.label_nl else self.label


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def default_user() -> str:
    """Who is changing the file: ``AFWEGING_USER`` when set (the app and the CLI alike), else the login name."""
    if os.environ.get("AFWEGING_USER", "").strip():
        return os.environ["AFWEGING_USER"].strip()
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on this system: record it as such
        return "unknown"


@contextlib.contextmanager
def _transaction(con: sqlite3.Connection) -> Iterator[None]:
    con.execute("BEGIN IMMEDIATE")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:  # SQLite rolls back by itself after some errors (disk full, I/O)
            with contextlib.suppress(sqlite3.Error):
                con.execute("ROLLBACK")
        raise


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _verify(con: sqlite3.Connection, path: Path) -> None:
    """What is checked before anything else is read: an Afweging project, not newer, only Afweging's objects."""
    version = con.execute("PRAGMA user_version").fetchone()[0]
    app = con.execute("PRAGMA application_id").fetchone()[0]
    if app != APPLICATION_ID:
        raise InputError(gettext("is an SQLite database, but not an Afweging project"), path)
    if version > SCHEMA_VERSION:
        raise InputError(
            gettext(
                "was written by a newer Afweging (file schema {version}, this version reads up "
                "to {SCHEMA_VERSION}); update Afweging to open it. The file was not changed."
            ).format(version=version, SCHEMA_VERSION=SCHEMA_VERSION),
            path,
        )
    check_objects(con, _expected(), path)


def _connection(path: Path, readonly: bool) -> sqlite3.Connection:
    """A connection to ``path`` as its committed state. A journal left by a crash is rolled back only once it is
    known to fit: read-only, in a private copy (the connection is then to that copy, in memory)."""
    if has_hot_journal(path):
        recovered = rolled_back_copy(path, APPLICATION_ID, _verify)
        if readonly:
            return recovered
        recovered.close()
    return connect(path, readonly)


def _in_memory(con: sqlite3.Connection) -> bool:
    return all(not row[2] for row in con.execute("PRAGMA database_list"))


def _clear_stale_journal(con: sqlite3.Connection, path: Path) -> None:
    """A journal that is not hot (the crash came before the change began) stays until the next write; a write
    that changes nothing clears it, so the project is one file again."""
    if journal_path(path).exists():
        with contextlib.suppress(sqlite3.Error), _transaction(con):
            con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


_EXPECTED: dict = {}


def _expected() -> dict:
    if not _EXPECTED:
        _EXPECTED.update(expected_schema(SCHEMA))
    return _EXPECTED


class Store:
    """An open ``.afweging`` file. Use :meth:`create` or :meth:`open`; close it (or use ``with``).

    Opened for writing, the store notices when another program (or window, or laptop on a share) changed or
    replaced the file since it was opened or reloaded: :meth:`apply` then raises :class:`StaleFile` and writes
    nothing; :meth:`reload` reads the file as it now is. :attr:`others_open` says whether another editor has the
    file open (None where that cannot be told).
    """

    def __init__(self, path: Path, con: sqlite3.Connection, ev: Evaluation, readonly: bool):
        self.path, self._con, self._ev, self.readonly = path, con, ev, readonly
        self._presence: Presence | None = None
        self._seen = self._fingerprint() if not readonly else None
        self._last: tuple[int, Evaluation, Change] | None = None  # the entry this store wrote last (amend)

    # -- opening ------------------------------------------------------------------------------------------
    @classmethod
    def create(
        cls, path: str | os.PathLike, ev: Evaluation, user: str | None = None, reason: str = ""
    ) -> Store:
        """Write ``ev`` as a new project file at ``path`` (replacing one that is there), atomically."""
        target = Path(path)
        # Built in memory and written in one go: a killed process leaves no half-made project or temporary file.
        con = sqlite3.connect(":memory:", isolation_level=None)
        try:
            con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            with _transaction(con):
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        con.execute(statement)
                con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                con.execute("INSERT INTO meta VALUES ('created', ?)", (_now(),))
                write_diff(con, None, ev)
                con.execute(
                    "INSERT INTO audit (time, user, label, change, before, after, reason) VALUES (?,?,?,?,?,?,?)",
                    (_now(), user or default_user(), "created", "{}", "{}", "{}", reason),
                )
                con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            image = con.serialize()
        finally:
            con.close()
        atomic_write(target, image)
        # A journal left beside the file it replaced can never belong to the new one.
        with contextlib.suppress(FileNotFoundError):
            journal_path(target).unlink()
        return cls.open(target)

    @classmethod
    def open(cls, path: str | os.PathLike, readonly: bool = False) -> Store:
        """Open a project file. ``InputError`` when it is missing, not a project, damaged, from a newer version,
        in use, or has a journal beside it that does not fit. Read-only, the file is never written."""
        p = Path(path)
        if not p.exists():
            raise InputError(gettext("no such file"), p)
        if p.is_dir():
            raise InputError(gettext("is a folder, not a project file"), p)
        try:
            with open(p, "rb") as f:
                head = f.read(100)
        except OSError as exc:
            raise InputError(
                gettext("cannot be read ({value})").format(value=exc.strerror or exc), p
            ) from None
        if head[:16] != SQLITE_HEADER:
            raise InputError(gettext("is not an Afweging project file (not an SQLite database)"), p)
        if len(head) == 100 and 2 in (head[18], head[19]):
            raise InputError(
                gettext(
                    "is an SQLite database in WAL mode, which Afweging projects never use (refused unread)"
                ),
                p,
            )
        for attempt in range(3):
            try:
                con = _connection(p, readonly)
                break
            except JournalChanged:
                if attempt == 2:
                    raise InputError(problem(sqlite3.OperationalError("database is locked")), p) from None
            except sqlite3.Error as exc:
                raise InputError(problem(exc), p) from None
            except OSError as exc:  # copying the file to roll a journal back privately
                raise InputError(
                    gettext("cannot be read ({value})").format(value=exc.strerror or exc), p
                ) from None
        try:
            _verify(con, p)
            version = con.execute("PRAGMA user_version").fetchone()[0]
            check = con.execute("PRAGMA quick_check").fetchall()
            if check != [("ok",)]:
                raise InputError(
                    gettext("is damaged (SQLite integrity check: {first_line})").format(
                        first_line=first_line(chr(10).join(r[0] for r in check))
                    ),
                    p,
                )
            if version < SCHEMA_VERSION:
                if readonly and not _in_memory(con):
                    # Read an older file without writing to it: upgrade a copy in memory. (Opened for writing,
                    # the file itself is upgraded, once.)
                    mem = memory()
                    con.backup(mem)
                    con.close()
                    con = mem
                _migrate(con, version, p)
            else:
                check_definitions(con, _expected(), p)
            if not readonly:
                con.execute("PRAGMA journal_mode = DELETE")
                con.execute("PRAGMA synchronous = FULL")
                _clear_stale_journal(con, p)
            ev = read_state(con, p)
        except InputError:
            con.close()
            raise
        except sqlite3.Error as exc:
            con.close()
            raise InputError(problem(exc), p) from None
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            con.close()
            raise InputError(
                gettext("is damaged or not an Afweging project ({exc})").format(exc=exc), p
            ) from None
        store = cls(p, con, ev, readonly)
        if not readonly:
            store._presence = Presence(p)
        return store

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._con.close()
        if self._presence is not None:
            self._presence.close()  # after SQLite let go of the file

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- other editors ------------------------------------------------------------------------------------
    @property
    def others_open(self) -> bool | None:
        """Whether another program or window has this file open for writing (None: cannot be told here)."""
        return self._presence.others() if self._presence is not None else None

    def _fingerprint(self) -> tuple:
        """What changes when someone else changes the file: its identity on disk, SQLite's data version for
        this connection, and the newest audit entry (every change adds one)."""
        data_version = self._con.execute("PRAGMA data_version").fetchone()[0]
        seq = self._con.execute("SELECT max(seq) FROM audit").fetchone()[0]
        return _identity(self.path), data_version, seq

    def _check_fresh(self) -> None:
        """Inside the write transaction: refuse when the file is not what this store last read."""
        identity, data_version, seq = self._seen
        now = _identity(self.path)
        if now != identity:
            what = gettext("moved or deleted") if now is None else gettext("replaced")
            raise StaleFile(
                gettext(
                    "{path}: another program {what} this file since you opened it; nothing was changed. "
                    "Reopen it to see what is there now."
                ).format(path=self.path, what=what)
            )
        if self._con.execute("PRAGMA data_version").fetchone()[0] != data_version:
            newest = self._con.execute("SELECT max(seq) FROM audit").fetchone()[0]
            if newest != seq:
                raise StaleFile(
                    gettext(
                        "{path}: another program changed this file since you opened it; nothing was changed. "
                        "Reopen it (or reload) to see the changes, then make yours again."
                    ).format(path=self.path)
                )
            self._seen = self._fingerprint()  # a commit that changed nothing (e.g. a journal cleared)

    def reload(self) -> Evaluation:
        """Read the file again as it is now (after :class:`StaleFile`); the new evaluation."""
        fresh = Store.open(self.path, self.readonly)
        self._con.close()
        if self._presence is not None:
            self._presence.close()
        self._con, self._ev, self._seen, self._presence = fresh._con, fresh._ev, fresh._seen, fresh._presence
        self._last = None
        return self._ev

    # -- state --------------------------------------------------------------------------------------------
    @property
    def evaluation(self) -> Evaluation:
        return self._ev

    @property
    def created(self) -> str:
        """When this project file was created (ISO time, UTC; "" if unknown): with the title, what tells
        two evaluations from the same catalogue apart (e.g. for workshop ballots)."""
        row = self._con.execute("SELECT value FROM meta WHERE key = 'created'").fetchone()
        return row[0] if row else ""

    def ballot_key(self, create: bool = False) -> bytes | None:
        """The project's secret key for sealing workshop ballots (32 random bytes), kept in ``meta`` and never
        exported (the evaluation does not carry it; an exported ``.afweging`` file gets a new one). ``create``:
        make it on first use (an older project has none until its first ballot export); None when there is none.
        """
        row = self._con.execute("SELECT value FROM meta WHERE key = 'ballot_key'").fetchone()
        if row is None and create:
            if self.readonly:
                raise ChangeError(gettext("this project is open read-only"))
            try:
                with _transaction(self._con):  # not a change of the evaluation: no audit entry
                    self._con.execute(
                        "INSERT OR IGNORE INTO meta VALUES ('ballot_key', ?)", (os.urandom(32).hex(),)
                    )
            except sqlite3.Error as exc:
                raise StoreError(
                    gettext("{path}: {problem}; nothing was changed").format(
                        path=self.path, problem=problem(exc)
                    )
                ) from None
            row = self._con.execute("SELECT value FROM meta WHERE key = 'ballot_key'").fetchone()
        if row is None:
            return None
        try:
            key = bytes.fromhex(row[0])
        except (TypeError, ValueError):
            key = b""
        if len(key) < 32:
            raise InputError(gettext("its ballot key (table meta) is damaged"), self.path)
        return key

    def apply(self, change: Change, user: str | None = None, reason: str = "") -> Change:
        """Apply ``change``, store the new state and its audit row in one transaction; return its inverse.

        ``ChangeError`` when the change does not fit; :class:`StaleFile` when another program changed the file
        since it was read; :class:`StoreError` when the file cannot take it (in use, disk full, read-only). The
        file and :attr:`evaluation` are then untouched.
        """
        if self.readonly:
            raise ChangeError(gettext("this project is open read-only"))
        old = self._ev
        new, inverse = apply_change(old, change)
        seq = self._record(old, new, change, inverse, user, reason, None)
        self._last = (seq, old, change)
        return inverse

    def amend(self, change: Change, user: str | None = None, reason: str = "") -> tuple[Change, Change]:
        """Apply ``change`` as part of the newest audit entry, which this store wrote: one entry (and one undo
        step) for a run of steps, such as keyboard steps on one slider. Returns the entry's change and its inverse
        (each for the whole run).

        Each step is stored at once, in one transaction that rewrites the state and that entry, with the same
        checks as :meth:`apply`: the file always holds exactly what the window shows, and a crash loses at most
        the step being written. The entry records the run as one change from the state before its first step
        (the last step alone when it sets everything the earlier ones set, else the steps as a batch).
        ``ChangeError`` when the newest entry is not this store's (nothing written yet, or another program wrote
        since: :class:`StaleFile`); nothing is then written.
        """
        if self.readonly:
            raise ChangeError(gettext("this project is open read-only"))
        if self._last is None or self._last[0] != self._seen[2]:
            raise ChangeError(gettext("there is no change of this window to add this step to"))
        seq, before, first = self._last
        if change.covers(first):
            merged: Change = change
        else:
            steps = first.changes if isinstance(first, Batch) and not first.description else (first,)
            merged = Batch((*steps, change))
        new, inverse = apply_change(before, merged)
        self._record(before, new, merged, inverse, user, reason, seq)
        self._last = (seq, before, merged)
        return merged, inverse

    def _record(
        self,
        before: Evaluation,
        new: Evaluation,
        change: Change,
        inverse: Change,
        user: str | None,
        reason: str,
        seq: int | None,
    ) -> int:
        """Write ``new`` and the audit entry for ``change`` (a new one, or entry ``seq`` rewritten) in one
        transaction, after checking the file is still the one this store read; the entry's number."""
        label, label_nl = change.label(before, "en"), change.label(before, "nl")
        change_text = dumps(change.to_data())
        row = (_now(), user or default_user(), label, change_text, dumps(inverse.to_data()), change_text,
               reason, label_nl)  # fmt: skip
        try:
            with _transaction(self._con):
                self._check_fresh()
                write_diff(self._con, self._ev, new)
                if seq is None:
                    cur = self._con.execute(
                        "INSERT INTO audit (time, user, label, change, before, after, reason, label_nl)"
                        " VALUES (?,?,?,?,?,?,?,?)",
                        row,
                    )
                    seq = cur.lastrowid
                else:
                    self._con.execute(
                        "UPDATE audit SET time = ?, user = ?, label = ?, change = ?, before = ?, after = ?,"
                        " reason = ?, label_nl = ? WHERE seq = ?",
                        (*row, seq),
                    )
        except sqlite3.Error as exc:
            raise StoreError(
                gettext("{path}: {problem}; nothing was changed").format(path=self.path, problem=problem(exc))
            ) from None
        identity, data_version, _ = self._seen
        self._seen = (identity, data_version, seq)
        self._ev = new
        return seq

    def audit(self, limit: int | None = None, after: int = 0) -> list[AuditEntry]:
        """Audit entries, newest first; with ``after``, only those recorded after entry number ``after``."""
        sql = (
            "SELECT seq, time, user, label, change, before, after, reason, label_nl FROM audit"
            " WHERE seq > ? ORDER BY seq DESC"
        )
        rows = self._con.execute(sql + (f" LIMIT {int(limit)}" if limit else ""), (int(after),)).fetchall()
        return [self._entry(r) for r in rows]

    def _entry(self, row: tuple) -> AuditEntry:
        """One audit row, checked: a damaged one is an ``InputError`` naming it, never a crash in a view."""
        seq, time, user, label, change, before, after, reason, label_nl = row
        try:
            if not all(isinstance(t, str) for t in (time, user, label, reason, label_nl)):
                raise ValueError("a text field holds something else")
            trees = [json.loads(raw) for raw in (change, before, after)]
            if not all(isinstance(t, dict) for t in trees):
                raise ValueError("a change is not a JSON object")
        except (ValueError, TypeError, RecursionError) as exc:
            detail = "nested too deeply" if isinstance(exc, RecursionError) else " ".join(str(exc).split())
            raise InputError(
                gettext("audit entry {seq} is damaged ({detail})").format(seq=seq, detail=detail), self.path
            ) from None
        return AuditEntry(seq, time, user, label, *trees, reason, label_nl)

    def audit_count(self) -> int:
        return self._con.execute("SELECT COUNT(*) FROM audit").fetchone()[0]

    def audit_changes(self) -> list[Change]:
        """Every recorded change, oldest first (replaying them on the first state gives the current one)."""
        rows = self._con.execute(
            "SELECT seq, time, user, label, change, before, after, reason, label_nl FROM audit"
            " WHERE change != '{}' ORDER BY seq"
        ).fetchall()
        return [
            change_from_data(self._entry(r).change, f"audit[{i}]", str(self.path)) for i, r in enumerate(rows)
        ]

    def integrity_check(self) -> str:
        return self._con.execute("PRAGMA integrity_check").fetchone()[0]


def _migrate(con: sqlite3.Connection, version: int, path: Path) -> None:
    with _transaction(con):
        while version < SCHEMA_VERSION:
            step = MIGRATIONS.get(version)
            if step is None:
                raise InputError(
                    gettext("has schema {version}, which this version cannot upgrade").format(
                        version=version
                    ),
                    path,
                )
            try:
                step(con)
            except sqlite3.Error as exc:
                raise InputError(
                    gettext(
                        "could not be upgraded from schema {version} ({exc}); the file was not changed"
                    ).format(version=version, exc=exc),
                    path,
                ) from None
            version += 1
        check_definitions(con, _expected(), path)  # before the upgrade commits: exactly Afweging's tables
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")  # in the same transaction: all or nothing
