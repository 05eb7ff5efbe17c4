"""Temporary files: a killed export leaves none that a later run does not remove, and exports say nothing about
the machine that wrote them.

``export .xlsx`` and ``ballot export`` used to leave a full-data temporary file beside the output in 49 of 52
SIGKILLs. They now build the workbook in memory and write it through ``atomic_write`` (on Linux an anonymous
file that gets its name only when complete); a named temporary file (the fallback, the app's settings) is marked
and locked while in use, and the next write into its folder removes the ones nobody holds.
"""

from __future__ import annotations

import os
import platform
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evaluator.files import MARK
from evaluator.store import Store
from tests.hardening_helpers import make_evaluation

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kills with SIGKILL (POSIX)")

ROOT = Path(__file__).resolve().parents[1]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def afweging(*argv) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "evaluator", *map(str, argv)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def killed(argv: list, delay: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "evaluator", *map(str, argv)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A project large enough that writing its XLSX takes a while (the window a kill hits)."""
    folder = tmp_path_factory.mktemp("big")
    path = folder / "big.afweging"
    Store.create(path, make_evaluation(400, 60, participants=2)).close()
    return path


def test_killed_exports_leave_no_temporary_file(big, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    who = Store.open(big, readonly=True).evaluation.participants[0].id
    runs = [
        ["export", big, "--out", out / "matrix.xlsx", "--force"],
        ["ballot", "export", big, "--participant", who, "--out", out / "ballot.xlsx", "--force"],
    ]
    started = time.monotonic()
    assert afweging(*runs[0]).returncode == 0  # how long one takes sets the range of the kills
    took = time.monotonic() - started
    rng = random.Random(14)
    for i in range(12):
        killed(runs[i % 2], rng.uniform(0.3 * took, 1.1 * took))
    left_by_kills = leftovers(out)
    assert afweging(*runs[1]).returncode == 0
    assert leftovers(out) == [], f"after the kills: {left_by_kills}"
    assert left_by_kills == []  # Linux: written through an anonymous file, named only when complete


WRITER = """
import os, sys, time
from evaluator.files import atomic_path
with atomic_path(sys.argv[1], ".json-tmp") as tmp:
    tmp.write_bytes(b"secret full data " * 1000)
    print("written", flush=True)
    if sys.argv[2] == "kill":
        os.kill(os.getpid(), 9)
    sys.stdin.readline()
"""


def writer(target: Path, how: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target), how],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "written"
    return proc


def test_named_temporary_file_of_a_killed_writer_is_removed_by_the_next_write(tmp_path):
    proc = writer(tmp_path / "settings.json", "kill")
    proc.wait(timeout=60)
    (left,) = leftovers(tmp_path)
    assert left.startswith(".settings.json" + MARK)
    assert os.stat(tmp_path / left).st_mode & 0o777 == 0o600
    # a later run writing anything into the folder: an export
    project = tmp_path / "p.afweging"
    Store.create(project, make_evaluation(3, 4)).close()
    assert afweging("export", project, "--out", tmp_path / "p.json").returncode == 0
    assert leftovers(tmp_path) == []
    assert not (tmp_path / "settings.json").exists()


def test_a_writer_still_running_keeps_its_temporary_file(tmp_path):
    proc = writer(tmp_path / "settings.json", "wait")
    try:
        (left,) = leftovers(tmp_path)
        from evaluator.files import atomic_write

        atomic_write(tmp_path / "other.json", b"{}")  # sweeps the folder
        assert leftovers(tmp_path) == [left]
    finally:
        proc.communicate("\n", timeout=60)
    assert proc.returncode == 0
    assert leftovers(tmp_path) == []
    assert (tmp_path / "settings.json").read_bytes().startswith(b"secret full data")


def test_dmsy_export_names_no_host(tmp_path):
    project = tmp_path / "p.afweging"
    Store.create(project, make_evaluation(3, 4)).close()
    out = tmp_path / "p.dmsy"
    assert afweging("export", project, "--out", out).returncode == 0
    text = out.read_text()
    for host in (
        "platform",
        "python_version",
        "system_encoding",
        platform.platform(),
        sys.version.split()[0],
    ):
        assert host not in text
    from skcriteria.io.dmsy import read_dmsy

    assert read_dmsy(str(out)).alternatives.size == 3  # scikit-criteria still reads it as its own
