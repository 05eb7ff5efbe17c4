"""Start-up to a visible window with the ranked sample, as a ratio to a bare PySide6 window (aim: ≤ 4×).

Each start is a fresh Python process (imports are not cached between runs); the parent times from launching it
to the line the child prints once its window is exposed — for Afweging, once the results page shows the ranking
of the bundled sample — and, for "settled", to the line it prints once the background worker has ranked the
other methods too (the comparison table complete). Both kinds alternate, so machine load affects them alike. Run:

    .venv/bin/python benchmarks/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from PySide6.QtTest import QTest
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 720); w.show()
QTest.qWaitForWindowExposed(w)
app.processEvents()
print("shown", flush=True)
"""

APP = """
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
app = QApplication([])
from ui.app import create_window
w = create_window(None)
w.show()
QTest.qWaitForWindowExposed(w)
app.processEvents()
assert w.current_page_key() == "results" and w.page("results").ranking is not None
print("shown", len(w.page("results").ranking.names), flush=True)
assert w.page("results").wait_for_methods()  # settled: the other methods ranked by the background worker
app.processEvents()
print("settled", flush=True)
"""


def start(code: str, env: dict[str, str], settled: list[float] | None = None) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    if settled is not None and line.startswith("shown") and proc.stdout.readline().startswith("settled"):
        settled.append(time.perf_counter() - t0)
    proc.kill()
    proc.wait()
    if not line.startswith("shown"):
        raise SystemExit(f"the window did not show: {line!r}")
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, AFWEGING_HOME=home, AFWEGING_LOG_DIR=home)
        # As an installed copy starts: with its modules' byte code (pip and the bundle compile it at install; an
        # editable install writes it on the first start). PYTHONDONTWRITEBYTECODE, which some shells set, would
        # have every start compile ~60 of our modules from source (~0.2 s) while PySide6 has its byte code.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        compileall.compile_dir(ROOT / "evaluator", quiet=1)
        compileall.compile_dir(ROOT / "ui", quiet=1)
        env.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
        t_first = start(APP, env)  # first start: also copies the sample into the data folder
        bare, app, calm = [], [], []
        start(BARE, env)  # warm the disk cache for both
        for _ in range(args.runs):
            bare.append(start(BARE, env))
            app.append(start(APP, env, calm))
    b, a, c = statistics.median(bare), statistics.median(app), statistics.median(calm)
    print(f"platform          {env['QT_QPA_PLATFORM']}, {args.runs} runs each, medians")
    print(f"bare PySide6 window          {b * 1000:7.0f} ms")
    print(f"Afweging, ranked sample      {a * 1000:7.0f} ms   ratio {a / b:4.2f}x  (aim <= 4x)")
    print(
        f"Afweging, settled            {c * 1000:7.0f} ms   ratio {c / b:4.2f}x  (every method ranked, aim <= 4x)"
    )
    print(
        f"Afweging, very first start   {t_first * 1000:7.0f} ms   ratio {t_first / b:4.2f}x  (copies the sample)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
