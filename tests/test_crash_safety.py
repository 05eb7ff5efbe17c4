"""Crash safety: processes applying changes and importing files are killed (SIGKILL) at random moments.

After every kill the project must open (read-only, as ``afweging rank`` does, and for writing), pass SQLite's
integrity check, and hold exactly the changes that committed: every change the child acknowledged (it says so
only after ``Store.apply`` returned) and at most one more, in order; replaying the audit trail on the first state
gives the stored state. A killed import leaves either nothing or the complete project — no half-written file and
no stray temporary file.

CI runs a few hundred kills in well under a minute. ``AFWEGING_FUZZ=long`` runs thousands (a local soak).
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from evaluator.io.canonical import evaluation_json
from evaluator.store import Store
from tests.hardening_helpers import change_stream, make_evaluation, replay

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill tests fork (POSIX only)"),
    pytest.mark.slow,
]

# The default run kills enough to catch a regression in minutes even on a loaded 2-core machine; a release soak
# (AFWEGING_FUZZ=long) kills thousands.
LONG = os.environ.get("AFWEGING_FUZZ") == "long"
APPLY_KILLS = 2000 if LONG else 80
IMPORT_KILLS = 300 if LONG else 10
WORKER = Path(__file__).parent / "fixtures" / "crash_worker.py"
ROOT = Path(__file__).resolve().parent.parent


class ForkServer:
    """Drives tests/fixtures/crash_worker.py: start jobs, collect their protocol lines, kill them."""

    def __init__(self) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "AFWEGING_LOG_DIR": os.environ.get("AFWEGING_LOG_DIR", ""),
        }
        if not env["AFWEGING_LOG_DIR"]:
            env.pop("AFWEGING_LOG_DIR")
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put("eof")

    def _next(self, timeout: float = 60.0) -> list[str]:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("the crash worker stopped answering (a hang?)") from None
        if line == "eof":
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise AssertionError(f"the crash worker died: {err}")
        return line.split(" ", 2)

    def run(
        self, cmd: dict, kill_after: float | None, from_first_ack: bool = False
    ) -> tuple[int, bool, list[str]]:
        """Start a job; SIGKILL it ``kill_after`` seconds after it started (or, with ``from_first_ack``, after its
        first acknowledged commit, so a slow, loaded machine still kills mid-stream). → (highest ack, finished,
        errors)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()
        word, pid_s, *_ = self._next()
        assert word == "start", word
        pid = int(pid_s)
        started = time.monotonic()
        acked, finished, errors, killed = 0, False, [], kill_after is None
        waiting_for_ack = from_first_ack and not killed
        while True:
            wait = 60.0 if killed or waiting_for_ack else max(0.0, started + kill_after - time.monotonic())
            try:
                line = self.lines.get(timeout=wait)
            except queue.Empty:
                os.kill(pid, signal.SIGKILL)  # the child is waited for by the server, so the pid is still its
                killed = True
                continue
            if line == "eof":
                raise AssertionError("the crash worker died")
            word, _, rest = line.split(" ", 2) if line.count(" ") >= 2 else (*line.split(" "), "")
            if word == "ack":
                acked = max(acked, int(rest))
                if waiting_for_ack:
                    waiting_for_ack, started = False, time.monotonic()
            elif word == "done":
                finished = True
            elif word == "error":
                errors.append(rest)
            elif word == "exit":
                return acked, finished, errors

    def close(self) -> None:
        if self.proc.poll() is None and self.proc.stdin:
            self.proc.stdin.write(json.dumps({"op": "quit"}) + "\n")
            self.proc.stdin.flush()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@pytest.fixture(scope="module")
def server():
    s = ForkServer()
    yield s
    s.close()


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


class Lane:
    """One project file that is killed again and again; knows the stream its changes come from."""

    def __init__(self, folder: Path, n_alt: int, n_crit: int, seed: int, length: int):
        self.cmd = {"op": "apply", "n_alt": n_alt, "n_crit": n_crit, "seed": seed, "length": length}
        self.first = make_evaluation(n_alt, n_crit, seed, participants=2)
        self.stream = change_stream(self.first, seed, length)
        self.states = [self.first]  # states[k] = the state after k changes, filled in as needed
        folder.mkdir()
        self.folder = folder
        self.path = folder / "project.afweging"
        self.cmd["path"] = str(self.path)
        Store.create(self.path, self.first, user="crash-test").close()
        self.committed = 0

    def state(self, k: int):
        while len(self.states) <= k:
            self.states.append(replay(self.states[-1], [self.stream[len(self.states) - 1]]))
        return self.states[k]

    def check(self, acked: int, full_replay: bool) -> None:
        # Read-only first, as `afweging rank` opens it right after a crash (a hot journal may be waiting).
        with Store.open(self.path, readonly=True) as ro:
            seen_ro = ro.audit_count() - 1
        with Store.open(self.path) as st:
            assert st.integrity_check() == "ok"
            n = st.audit_count() - 1
            assert n == seen_ro
            low = max(acked, self.committed)
            assert low <= n <= low + 1, f"acknowledged {low} changes, the file holds {n}"
            assert evaluation_json(st.evaluation) == evaluation_json(self.state(n))
            for entry in st.audit(limit=n - self.committed + 1):
                if entry.label != "created":
                    k = int(entry.reason.split()[-1])
                    assert entry.change == self.stream[k - 1].to_data()
            if full_replay:
                changes = st.audit_changes()
                assert [c.to_data() for c in changes] == [c.to_data() for c in self.stream[:n]]
                assert evaluation_json(replay(self.first, changes)) == evaluation_json(st.evaluation)
        assert _files(self.folder) == {"project.afweging"}, f"left behind: {_files(self.folder)}"
        self.committed = n


def test_killed_changes_keep_exactly_what_committed(server, tmp_path):
    rng = random.Random(20261123)
    lanes = [
        Lane(tmp_path / "small", 4, 5, 1, 4000),
        Lane(tmp_path / "sample-sized", 13, 19, 2, 4000),
        Lane(tmp_path / "wide", 40, 60, 3, 4000),
    ]
    kills = 0
    for round_no in range(APPLY_KILLS):
        lane = lanes[round_no % len(lanes)]
        if lane.committed >= len(lane.stream) - 50:
            continue
        # Mostly mid-stream; sometimes at once (while the file opens and a hot journal is rolled back).
        at_once = rng.random() < 0.15
        delay = rng.uniform(0, 0.002) if at_once else rng.uniform(0, 0.06)
        acked, finished, errors = server.run(lane.cmd, kill_after=delay, from_first_ack=not at_once)
        assert not errors, errors
        kills += not finished
        lane.check(acked, full_replay=round_no % 20 == 0 or round_no >= APPLY_KILLS - len(lanes))
    assert kills >= APPLY_KILLS * 0.9
    assert sum(lane.committed for lane in lanes) > 100, "the children were killed before committing anything"
    print(f"\n{kills} kills while applying; {sum(lane.committed for lane in lanes)} changes committed")


def _big_csv(path: Path, n_alt: int = 300, n_crit: int = 150) -> None:
    rng = random.Random(5)
    lines = ["alternative;" + ";".join(f"criterium {j}" for j in range(n_crit))]
    lines.append("objective;" + ";".join("max" if j % 3 else "min" for j in range(n_crit)))
    lines.append("weight;" + ";".join(str(1 + j % 7) for j in range(n_crit)))
    for i in range(n_alt):
        lines.append(
            f"Suite {i};" + ";".join(f"{rng.uniform(1, 1000):.3f}".replace(".", ",") for _ in range(n_crit))
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_killed_imports_leave_nothing_or_the_whole_project(server, tmp_path):
    from evaluator.io import read_any

    src = tmp_path / "matrix.csv"
    _big_csv(src)
    expected = evaluation_json(read_any(src))
    work = tmp_path / "out"
    work.mkdir()
    out = work / "project.afweging"
    previous = make_evaluation(3, 4, 9)

    # How long an import takes here, so the kills land anywhere in it.
    t0 = time.monotonic()
    _, finished, errors = server.run({"op": "import", "src": str(src), "out": str(out)}, kill_after=None)
    duration = time.monotonic() - t0
    assert finished and not errors, errors
    assert evaluation_json(Store.open(out, readonly=True).evaluation) == expected

    rng = random.Random(7)
    kills = 0
    for round_no in range(IMPORT_KILLS):
        force = round_no % 2 == 1  # half the time over an existing project, which must survive intact
        for p in work.iterdir():
            p.unlink()
        if force:
            Store.create(out, previous).close()
        cmd = {"op": "import", "src": str(src), "out": str(out), "force": force}
        _, finished, errors = server.run(cmd, kill_after=rng.uniform(0, duration * 1.1))
        assert not errors, errors
        kills += not finished
        left = _files(work)
        if not force and not finished:
            assert left <= {"project.afweging"}, f"stray files after a killed import: {left}"
        else:
            assert left == {"project.afweging"}, f"stray files after a killed import: {left}"
        if left:
            with Store.open(out, readonly=True) as st:
                assert st.integrity_check() == "ok"
                got = evaluation_json(st.evaluation)
            assert got == expected or (force and got == evaluation_json(previous)), "a half-imported project"
            if finished:
                assert got == expected
        assert _files(work) == left
    assert kills >= IMPORT_KILLS * 0.6
    print(f"\n{kills} kills while importing a 300 × 150 matrix (one import takes {duration:.2f} s)")
