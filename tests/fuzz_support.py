"""Shared parts of the fuzz tests: settings, mutation strategies, and the one check every reader must pass.

Every fuzzed input must give either a clean result or an ``InputError`` whose message is one line naming the
file — never another exception, a hang or a partial write.

Run lengths: CI runs ``FUZZ_EXAMPLES`` (default 100) cases per test; ``AFWEGING_FUZZ=long`` runs 3000 per test
(about 20× longer; a local soak before a release). ``AFWEGING_FUZZ_EXAMPLES=N`` sets any other number.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from evaluator.errors import InputError

LONG = os.environ.get("AFWEGING_FUZZ") == "long"
FUZZ_EXAMPLES = int(os.environ.get("AFWEGING_FUZZ_EXAMPLES", "3000" if LONG else "100"))
HANG_SECONDS = 30  # a guard against hangs, not a speed check: one case that takes this long is a bug

FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    database=None,
    derandomize=not LONG,  # CI: the same cases every run; long runs explore
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

CASES: Counter[str] = Counter()  # cases run per reader, printed by the fuzz modules at the end

MAGIC = [
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"-1", b"0", b"1e309", b"-1e309", b"NaN", b"nan", b"inf", b'"', b"'",
    b"\n", b"\r\n", b";", b",", b"\t", b"{", b"}", b"[", b"]", b"&", b"*a", b"&a", b"<", b">", b"=", b"#",
    b"<!ENTITY x 'y'>", b"9" * 400, b"\xc3\x28", b"\\", b"%s", "\u202e".encode(), b"[" * 5000,
]  # fmt: skip


class Hang(Exception):
    pass


@contextlib.contextmanager
def hang_guard(seconds: int = HANG_SECONDS) -> Iterator[None]:
    def on_alarm(signum: int, frame: Any) -> None:
        raise Hang(f"one case ran longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def check_outcome(run: Callable[[], Any], path: Path | str, reader: str) -> Any:
    """Run a reader on ``path``: its result, or ``None`` after a clean one-line ``InputError`` naming the file."""
    CASES[reader] += 1
    try:
        with hang_guard():
            return run()
    except InputError as exc:
        line = exc.line()
        assert "\n" not in line and "\r" not in line, f"a message of more than one line: {line!r}"
        assert str(path) in line, f"the message does not name the file: {line!r}"
        assert "Traceback" not in line
        return None


@st.composite
def mutated_bytes(draw: st.DrawFn, seed: bytes, max_ops: int = 6) -> bytes:
    """``seed`` with a few random byte-level mutations: flips, overwrites, inserts, deletes, dups, truncation."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, max_ops))):
        n = len(data)
        pos = draw(st.integers(0, max(0, n - 1)))
        op = draw(st.sampled_from(["flip", "set", "insert", "delete", "dup", "truncate", "magic"]))
        if op == "flip" and n:
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and n:
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete" and n:
            del data[pos : pos + draw(st.integers(1, 64))]
        elif op == "dup" and n:
            length = draw(st.integers(1, 256))
            data[pos:pos] = data[pos : pos + length]
        elif op == "truncate":
            del data[pos:]
        else:
            data[pos:pos] = draw(st.sampled_from(MAGIC))
    return bytes(data)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _slots(data: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    if isinstance(data, dict):
        for k in list(data):
            out.append((data, k))
            _slots(data[k], out)
    elif isinstance(data, list):
        for i in range(len(data)):
            out.append((data, i))
            _slots(data[i], out)
    return out


@st.composite
def mutated_tree(draw: st.DrawFn, make_seed: Callable[[], Any], max_ops: int = 4) -> Any:
    """A fresh copy of a plain-data tree with a few values replaced, deleted, duplicated or retyped."""
    data = make_seed()
    for _ in range(draw(st.integers(1, max_ops))):
        slots = _slots(data, [])
        if not slots:
            break
        parent, key = slots[draw(st.integers(0, len(slots) - 1))]
        op = draw(st.sampled_from(["replace", "replace", "delete", "dup", "wrap", "extreme"]))
        if op == "replace":
            parent[key] = draw(JSON_VALUES)
        elif op == "delete":
            del parent[key]
        elif op == "dup" and isinstance(parent, list):
            parent.insert(key, parent[key])
        elif op == "wrap":
            parent[key] = [parent[key]]
        else:
            parent[key] = draw(
                st.sampled_from([0, -1, 1e308, -1e308, 5e-324, 2**63, "", " ", "x" * 5000, True])
            )
    return data


def rezipped(seed: bytes, member_mutations: dict[str, bytes]) -> bytes:
    """An XLSX (zip) with some members replaced."""
    src = zipfile.ZipFile(io.BytesIO(seed))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, member_mutations.get(info.filename, src.read(info.filename)))
    return buf.getvalue()


def print_counts(title: str) -> None:
    total = sum(CASES.values())
    parts = ", ".join(f"{k} {v}" for k, v in sorted(CASES.items()))
    print(f"\n{title}: {total} fuzz cases ({parts})")
