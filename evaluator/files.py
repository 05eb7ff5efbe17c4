"""Files the safe way: reading with a size limit and plain reasons; atomic writes through a private temporary file.

A temporary file that has a name is named ``.<target>.afweging-tmp.<random><suffix>`` and held under an
exclusive lock for as long as its writer runs. A writer killed half-way (SIGKILL, power cut) cannot clean up, so
every later write into that folder removes the temporary files of ours that nobody holds (:func:`sweep`). On
Linux, :func:`atomic_write` needs no named temporary file at all (``O_TMPFILE``).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError
from .i18n import gettext

MAX_INPUT_BYTES = 200 * 1024 * 1024


def read_bytes(path: str | os.PathLike, limit: int = MAX_INPUT_BYTES) -> bytes:
    """A file's bytes, or ``InputError`` saying plainly why it cannot be read."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(gettext("is a folder, not a file"), p)
        size = p.stat().st_size
        if size > limit:
            raise InputError(
                gettext("is {value:.0f} MB, more than the {value2:.0f} MB Afweging reads").format(
                    value=size / 1000000.0, value2=limit / 1000000.0
                ),
                p,
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(gettext("no such file"), p) from None
    except PermissionError:
        raise InputError(gettext("no permission to read it"), p) from None
    except IsADirectoryError:
        raise InputError(gettext("is a folder, not a file"), p) from None
    except OSError as exc:
        raise InputError(gettext("cannot be read ({value})").format(value=exc.strerror or exc), p) from None


MARK = ".afweging-tmp."  # in the name of every temporary file that has one


def _lock(fd: int) -> bool:
    """Take the exclusive lock that says "in use" (True), or find it taken (False). Without ``fcntl`` (Windows)
    there is nothing to take: an open file cannot be deleted there, which protects it as well."""
    try:
        import fcntl
    except ImportError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def sweep(folder: str | os.PathLike) -> None:
    """Remove the temporary files of ours in ``folder`` that no running writer holds: what a killed run left.

    A file still empty and less than a second old may be one whose writer has not yet taken its lock; it is left
    for the next run (it holds no data)."""
    folder = Path(folder)
    try:
        names = [n for n in os.listdir(folder) if n.startswith(".") and MARK in n]
    except OSError:
        return
    for name in names:
        path = folder / name
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            continue
        try:
            st = os.fstat(fd)
            fresh = st.st_size == 0 and time.time() - st.st_mtime < 1
            if stat.S_ISREG(st.st_mode) and not fresh and _lock(fd):
                now = os.stat(path, follow_symlinks=False)
                if (now.st_dev, now.st_ino) == (st.st_dev, st.st_ino):
                    os.unlink(path)
        except OSError:
            pass
        finally:
            os.close(fd)


@contextlib.contextmanager
def _named_temporary(target: Path, suffix: str) -> Iterator[tuple[int, Path]]:
    """A private (0600) temporary file beside ``target``, locked while in use; removed unless moved away."""
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{MARK}", suffix=suffix, dir=target.parent)
    tmp_path = Path(tmp)
    try:
        _lock(fd)
        yield fd, tmp_path
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        raise
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a private (0600) temporary path beside ``path``; on success move it into place, else delete it.

    Prefer :func:`atomic_write` with the bytes in memory: on Linux it leaves nothing behind even when killed."""
    target = Path(path)
    with _named_temporary(target, suffix) as (_, tmp_path):
        yield tmp_path
        os.replace(tmp_path, target)


def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` all or nothing, durably (fsync'd before it gets its name).

    On Linux the bytes go into an anonymous file (``O_TMPFILE``, mode 0600) that gets a name only once it is
    complete, so even a process killed half-way (SIGKILL, power cut) leaves no partial or temporary file behind.
    Elsewhere, or where the file system lacks ``O_TMPFILE``, a private temporary file beside ``path`` is used.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep(target.parent)
    fd = _anonymous_file(target.parent)
    if fd is not None:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
            _name_anonymous_file(fd, target)
            _sync_folder(target.parent)
            return
        except OSError:  # e.g. no /proc: fall back to a named temporary file
            pass
        finally:
            os.close(fd)
    with _named_temporary(target, ".tmp") as (fd, tmp):
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.replace(tmp, target)
        _sync_folder(target.parent)


def _anonymous_file(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o600)
    except OSError:  # the file system does not support it (EOPNOTSUPP, EISDIR on old kernels, ...)
        return None


def _link(fd: int, name: Path) -> None:
    """linkat(AT_FDCWD, "/proc/self/fd/N", AT_FDCWD, name, AT_SYMLINK_FOLLOW): how an O_TMPFILE file gets a name.

    ``os.link`` cannot do it (it does not pass AT_SYMLINK_FOLLOW on Linux), hence libc through ctypes.
    """
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, at_symlink_follow = -100, 0x400
    source = f"/proc/self/fd/{fd}".encode()
    if libc.linkat(at_fdcwd, source, at_fdcwd, os.fsencode(name), at_symlink_follow) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err), os.fspath(name))


def _name_anonymous_file(fd: int, target: Path) -> None:
    """Give the anonymous file ``fd`` the name ``target`` (replacing what is there)."""
    try:
        _link(fd, target)
        return
    except FileExistsError:
        pass
    # Replacing a file: link under a private name, then rename over the target (the name lives for microseconds).
    # The name has the mark and the inode is locked (flock holds for every name of it): a kill right here leaves a
    # file the next write sweeps.
    _lock(fd)
    tmp = target.with_name(f".{target.name}{MARK}{os.getpid()}.{os.urandom(4).hex()}.tmp")
    _link(fd, tmp)
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
