"""The project file as an SQLite database, opened safely: whatever its name, whatever lies beside it.

:mod:`evaluator.store` owns what the tables mean; this module owns how the file is reached and what is trusted:

- the connection URI is built from the path with percent-encoding, so a ``#``, ``?`` or ``%20`` in a file or
  folder name opens the file it names (:func:`file_uri`);
- connections distrust the file's schema (``trusted_schema=OFF``; SQLite's defensive mode on Python 3.12+) and
  refuse any text or blob cell above :data:`MAX_CELL_BYTES`; :func:`check_objects` and :func:`check_definitions`
  accept exactly the tables Afweging makes — no triggers, views or extra objects;
- a rollback journal beside the file (``FILE-journal``) is only rolled back when it fits the file: a read-only
  open never writes (it rolls a crash's journal back in a private copy), and a journal from another file, or one
  that would roll the file back into something damaged or newer, is refused with the file left as it was;
- :class:`Presence` tells editors of one file about each other (a shared lock on a byte SQLite never locks);
- :func:`problem` says in one line what an ``sqlite3.Error`` means for the user (in use, disk full, ...).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import struct
import tempfile
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import InputError
from .i18n import gettext

# One cell's (one row's) text or blob at most; the largest real one, an audit row, is far smaller.
MAX_CELL_BYTES = 32 * 1024 * 1024
BUSY_SECONDS = 10  # how long a change waits for another program's change to finish
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
SQLITE_HEADER = b"SQLite format 3\x00"


def journal_path(path: Path) -> Path:
    return Path(f"{os.fspath(path)}-journal")


def uri(path: Path, readonly: bool) -> str:
    """The SQLite URI of ``path``: every character outside ``[A-Za-z0-9_.~/:-]`` percent-encoded."""
    return f"{file_uri(os.path.abspath(path), os.sep)}?mode={'ro' if readonly else 'rw'}"


def file_uri(absolute: str | bytes, sep: str = os.sep) -> str:
    """``file://`` + the absolute path, percent-encoded. A Windows drive path gets a leading slash
    (``file:///C:/...``, which SQLite reads back as ``C:/...``); a share (``\\\\server\\share\\...``) keeps its
    two slashes after an empty authority (``file:////server/share/...``), as SQLite refuses any other authority."""
    raw = os.fsencode(absolute)
    if sep != "/":
        raw = raw.replace(sep.encode(), b"/")
    if not raw.startswith(b"/"):
        raw = b"/" + raw
    return "file://" + urllib.parse.quote_from_bytes(raw, safe="/:")


def harden(con: sqlite3.Connection) -> sqlite3.Connection:
    """Distrust the file: no functions with side effects from its schema, no writes to the schema tables,
    no cell larger than :data:`MAX_CELL_BYTES`."""
    con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_CELL_BYTES)
    setconfig = getattr(con, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        for name, on in (
            ("SQLITE_DBCONFIG_DEFENSIVE", True),
            ("SQLITE_DBCONFIG_TRUSTED_SCHEMA", False),
            ("SQLITE_DBCONFIG_ENABLE_TRIGGER", False),
            ("SQLITE_DBCONFIG_ENABLE_VIEW", False),
        ):
            op = getattr(sqlite3, name, None)
            if op is not None:
                with contextlib.suppress(sqlite3.Error):
                    setconfig(op, on)
    con.execute("PRAGMA trusted_schema = OFF")
    con.execute("PRAGMA cell_size_check = ON")
    return con


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    con = sqlite3.connect(
        uri(path, readonly), uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_SECONDS
    )
    return harden(con)


def memory() -> sqlite3.Connection:
    return harden(sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False))


# -- what an error means for the user --------------------------------------------------------------------------


_WRITE_ERRORS = {
    getattr(sqlite3, name, -1)
    for name in (
        "SQLITE_IOERR_WRITE",
        "SQLITE_IOERR_FSYNC",
        "SQLITE_IOERR_TRUNCATE",
        "SQLITE_IOERR_DIR_FSYNC",
    )
}


def problem(exc: sqlite3.Error) -> str:
    """One line saying what went wrong, in the user's terms (no SQLite jargon when it can be helped)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = " ".join(str(exc).split())
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return gettext("is in use by another program that is writing to it; try again in a moment")
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return gettext("cannot be written: the disk is full")
    if code in _WRITE_ERRORS:  # a failed write or flush: a full disk or quota, or a share that went away
        return gettext("cannot be written: the disk is full or cannot be reached")
    if primary == sqlite3.SQLITE_READONLY or "readonly" in text:
        return gettext("cannot be written (a read-only disk or folder, or no permission to change it)")
    if primary == sqlite3.SQLITE_TOOBIG or "too big" in text:
        return gettext("holds a value larger than {value} MB, more than Afweging reads").format(
            value=MAX_CELL_BYTES // (1024 * 1024)
        )
    if primary == sqlite3.SQLITE_CANTOPEN:
        return gettext("cannot be opened (no permission, or the folder is gone)")
    if primary == sqlite3.SQLITE_IOERR:
        return gettext("cannot be read or written (input/output error: {text})").format(text=text)
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return gettext("is damaged ({text})").format(text=text)
    return gettext("is damaged or not an Afweging project ({text})").format(text=text)


def first_line(report: str) -> str:
    """SQLite's integrity report in one line: the first problem, and how many more there are."""
    lines = [ln.strip() for ln in report.splitlines() if ln.strip() and not ln.startswith("*** in database")]
    if not lines:
        return report.strip()
    more = f" (and {len(lines) - 1} more problems)" if len(lines) > 1 else ""
    return lines[0] + more


# -- the schema: exactly what Afweging makes -------------------------------------------------------------------


def _normal(sql: str | None) -> str | None:
    """A table definition with layout removed and literal defaults dropped, so a table made at once and one grown
    by ``ALTER TABLE ADD COLUMN`` compare equal; constraints, types and collations still count."""
    if sql is None:
        return None
    s = " ".join(sql.split())
    s = re.sub(r"\s*([(),])\s*", r"\1", s)
    return re.sub(r" DEFAULT (?:'(?:[^']|'')*'|-?[0-9]+(?:\.[0-9]+)?)", "", s)


def expected_schema(schema_sql: str) -> dict[tuple[str, str, str], str | None]:
    con = sqlite3.connect(":memory:")
    try:
        for statement in schema_sql.split(";"):
            if statement.strip():
                con.execute(statement)
        rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    finally:
        con.close()
    return {(t, n, tb): _normal(sql) for t, n, tb, sql in rows}


def _objects(con: sqlite3.Connection) -> dict[tuple[str, str, str], str | None]:
    rows = con.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    return {(t, n, tb): _normal(sql) for t, n, tb, sql in rows}


def check_objects(con: sqlite3.Connection, expected: dict, path: Path) -> None:
    """No trigger, view, index or table beyond Afweging's own, and none of those missing: checked before a row
    is read or written, so nothing in the file runs."""
    found = _objects(con)
    for kind, name, _ in sorted(set(found) - set(expected)):
        article = "an" if kind[0] in "aeiou" else "a"
        raise InputError(
            gettext(
                "is not an Afweging project as Afweging makes it: it holds {article} {kind} {name!r} "
                "(refused unread)"
            ).format(article=article, kind=kind, name=name),
            path,
        )
    for kind, name, _ in sorted(set(expected) - set(found), key=lambda k: (k[0] != "table", k[1])):
        raise InputError(
            gettext("is damaged or not an Afweging project: the {kind} {name!r} is missing").format(
                kind=kind, name=name
            ),
            path,
        )


def check_definitions(con: sqlite3.Connection, expected: dict, path: Path) -> None:
    """Each table defined exactly as Afweging defines it (columns, types, keys, collations, constraints)."""
    check_objects(con, expected, path)
    for key, sql in _objects(con).items():
        if sql != expected[key]:
            raise InputError(
                gettext(
                    "is not an Afweging project as Afweging makes it: the {key} {key2!r} is defined "
                    "differently (refused unread)"
                ).format(key=key[0], key2=key[1]),
                path,
            )


# -- the journal beside the file -------------------------------------------------------------------------------


def has_hot_journal(path: Path) -> bool:
    """Whether SQLite would roll a journal back on opening ``path`` — asked of a read-only connection, which
    cannot. (A journal that a live writer holds is not hot; one left by a crash, or put there, is.)"""
    if not journal_path(path).exists():
        return False
    con = connect(path, readonly=True)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY_ROLLBACK:
            return True
        raise
    finally:
        con.close()
    return False


def _page_size(raw: int) -> int:
    return 65536 if raw == 1 else raw


def journal_misfit(head: bytes, file_size: int, journal: bytes, application_id: int) -> str | None:
    """Why ``journal`` cannot be the journal of the file whose first bytes are ``head``; None if it may be.

    A journal holds the pages of its file as they were before the unfinished change; its copy of page 1 must
    show this file (an Afweging project, the same page size, and a change counter the file has since moved on
    from by at most one change), and the file cannot be smaller than it was then. SQLite ignores a journal
    without a valid header or without synced records, so that one fits. (A journal from a copy of this very file
    with the same history cannot be told apart; the rolled-back copy must then still pass the integrity check.)
    """
    if len(journal) < 28 or journal[:8] != JOURNAL_MAGIC or len(head) < 100:
        return None
    _, _, initial, sector, page = struct.unpack(">IIIII", journal[8:28])
    if page != _page_size(struct.unpack(">H", head[16:18])[0]):
        return "its page size differs from the file's"
    if sector < 28 or page < 512 or sector > 65536:
        return "its header is damaged"
    if file_size // page < initial:  # a project file never shrinks during a change (no auto-vacuum)
        return "it was left by a larger file"
    for number, old in _journal_pages(journal, sector, page):
        if number != 1:
            continue
        if old[:16] != SQLITE_HEADER:
            return "its copy of the file's first page is not an SQLite page"
        if struct.unpack(">I", old[68:72])[0] != application_id:
            return "it was left by a database that is not an Afweging project"
        then, now = struct.unpack(">I", old[24:28])[0], struct.unpack(">I", head[24:28])[0]
        if (now - then) % 2**32 > 1:
            return "it was left by another file (its change counter does not match)"
    return None


def _journal_pages(journal: bytes, sector: int, page: int) -> Iterator[tuple[int, bytes]]:
    """(page number, old content) of every record SQLite would roll back: segment after segment, each a header
    (at a sector boundary) and its synced records. A segment whose records were never synced (count 0) ends it."""
    record = 4 + page + 4
    at = 0
    while at + 28 <= len(journal) and journal[at : at + 8] == JOURNAL_MAGIC:
        n_rec = struct.unpack(">I", journal[at + 8 : at + 12])[0]
        if n_rec == 0:
            return
        at += sector
        count = (len(journal) - at) // record
        if n_rec != 0xFFFFFFFF:
            count = min(count, n_rec)
        for _ in range(count):
            yield struct.unpack(">I", journal[at : at + 4])[0], journal[at + 4 : at + 4 + page]
            at += record
        at = -(-at // sector) * sector


def rolled_back_copy(
    path: Path, application_id: int, verify: Callable[[sqlite3.Connection, Path], None]
) -> sqlite3.Connection:
    """The state a hot journal restores, rolled back in a private copy (the file itself is not touched) and
    checked by ``verify``; an in-memory connection to it. ``InputError`` when the journal does not fit."""
    from .files import MAX_INPUT_BYTES, read_bytes

    journal = journal_path(path)
    advice = gettext(
        "; nothing was changed. If {name} does not belong to this project, move it away and open the file again"
    ).format(name=journal.name)
    with tempfile.TemporaryDirectory(prefix="afweging-recover-") as tmp:
        db_copy = Path(tmp) / "project.afweging"
        before = _journal_bytes(journal, MAX_INPUT_BYTES, read_bytes)
        shutil.copyfile(path, db_copy)
        if _journal_bytes(journal, MAX_INPUT_BYTES, read_bytes) != before:
            raise JournalChanged  # another program rolled it back meanwhile: open the file as it is now
        with open(db_copy, "rb") as f:
            head = f.read(100)
        why = journal_misfit(head, db_copy.stat().st_size, before, application_id)
        if why:
            raise InputError(
                gettext("has a journal beside it that does not fit: {why}{advice}").format(
                    why=why, advice=advice
                ),
                path,
            )
        journal_path(db_copy).write_bytes(before)
        con = connect(db_copy, readonly=False)
        try:
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # rolls the copy back
                verify(con, path)
                report = con.execute("PRAGMA integrity_check").fetchone()[0]
            except sqlite3.Error as exc:
                raise InputError(
                    gettext("has a journal beside it that does not fit: {problem}{advice}").format(
                        problem=problem(exc), advice=advice
                    ),
                    path,
                ) from None
            if report != "ok":
                raise InputError(
                    gettext(
                        "has a journal beside it that does not fit: rolled back, the file would be damaged "
                        "({first_line}){advice}"
                    ).format(first_line=first_line(report), advice=advice),
                    path,
                )
            mem = memory()
            con.backup(mem)
            return mem
        finally:
            con.close()


def _journal_bytes(journal: Path, limit: int, read_bytes: Callable) -> bytes:
    try:
        return read_bytes(journal, limit)
    except InputError:
        if not journal.exists():
            raise JournalChanged from None
        raise


class JournalChanged(Exception):
    """The journal changed or went while it was being read: another program is recovering the file."""


# -- editors of one file know about each other -----------------------------------------------------------------


class Presence:
    """A shared lock on one byte of the project file (beyond the bytes SQLite locks) for as long as it is open
    for writing: another editor of the file sees it. Open file description locks (Linux): they do not interfere
    with SQLite's own locks and work between windows of one program too. Elsewhere, :meth:`others` is None.

    (Closing any descriptor of a file drops the process's classic POSIX locks on it, SQLite's included. SQLite
    holds those only inside a transaction, and the store closes this one after its own connection.)"""

    OFFSET = 0x40000000 + 0x300  # SQLite locks 0x40000000 .. +511 (its pending, reserved and shared bytes)

    def __init__(self, path: Path):
        self._fd: int | None = None
        try:
            import fcntl
        except ImportError:
            return
        self._fcntl = fcntl
        if not hasattr(fcntl, "F_OFD_SETLK"):
            return
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return
        try:
            fcntl.fcntl(fd, fcntl.F_OFD_SETLK, self._flock(fcntl.F_RDLCK))
        except OSError:
            os.close(fd)
            return
        self._fd = fd

    def _flock(self, kind: int) -> bytes:
        return struct.pack("hhqqixxxx", kind, os.SEEK_SET, self.OFFSET, 1, 0)

    def others(self) -> bool | None:
        """Whether another program (or window) has the file open for writing; None when it cannot be told."""
        if self._fd is None:
            return None
        fcntl = self._fcntl
        try:
            got = fcntl.fcntl(self._fd, fcntl.F_OFD_GETLK, self._flock(fcntl.F_WRLCK))
        except OSError:
            return None
        return struct.unpack("hhqqixxxx", got)[0] != fcntl.F_UNLCK

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
