"""Scale: a 300 alternatives × 150 criteria evaluation with 30 participants (45 000 scored assessments).

Measures, in one run (absolute time, and the ratio against reading the same evaluation as a plain JSON file):
  create      — Store.create of the .afweging file (built in memory, written in one go)
  open        — Store.open (integrity quick_check, read every table, check every value)
  baseline    — read_any of the same evaluation as canonical JSON (the plain-file floor)
  problem     — build_problem (value matrix, knock-outs, global weights)
  rank/<m>    — methods.rank through scikit-criteria, for every method in METHODS
  fast/<m>    — fastengine.scores for 1 000 weight vectors at once (what sensitivity and sliders use)
  apply       — Store.apply of one score change (one transaction with its audit row, fsync'd)
  desktop     — when ui/main_window.py exists: opening the file in the main window offscreen, and re-ranking
                after one weight change through the document (what a slider step costs)

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_scale.py [--alternatives N --criteria M]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from evaluator.changes import SetWeights, set_score  # noqa: E402
from evaluator.io import read_any, write_any  # noqa: E402
from evaluator.store import Store  # noqa: E402
from tests.hardening_helpers import make_evaluation  # noqa: E402


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--alternatives", type=int, default=300)
    ap.add_argument("--criteria", type=int, default=150)
    ap.add_argument("--participants", type=int, default=30)
    args = ap.parse_args()
    ev = make_evaluation(args.alternatives, args.criteria, seed=1, participants=args.participants)
    n, m = len(ev.alternatives), len(ev.criteria)
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "scale.afweging"
        plain = Path(tmp) / "scale.json"
        write_any(ev, plain)
        baseline = timed(lambda: read_any(plain))
        rows.append(("create", timed(lambda: Store.create(project, ev).close(), repeat=2)))
        rows.append(("open", timed(lambda: Store.open(project).close())))
        print(f"{n} alternatives × {m} criteria, {len(ev.participants)} participants; "
              f".afweging {project.stat().st_size / 1e6:.1f} MB, JSON {plain.stat().st_size / 1e6:.1f} MB")  # fmt: skip

        from evaluator import fastengine
        from evaluator.methods import METHODS, rank
        from evaluator.problem import build_problem

        rank(build_problem(make_evaluation(3, 3)), "wsm")  # import scikit-criteria outside the timings
        rows.append(("problem", timed(lambda: build_problem(ev))))
        p = build_problem(ev)
        for mid in METHODS:
            try:
                rows.append((f"rank/{mid}", timed(lambda mid=mid: rank(p, mid, {}), repeat=1)))
            except Exception as exc:  # noqa: BLE001 - report, keep measuring the rest
                print(f"rank/{mid}: {type(exc).__name__}: {exc}")
        w = np.random.default_rng(0).dirichlet(np.ones(m), size=1000)
        for mid in fastengine.FAST_METHODS:
            rows.append((f"fast/{mid} ×1000", timed(lambda mid=mid: fastengine.scores(p, w, mid), repeat=1)))

        st = Store.open(project)
        crit = ev.criteria[0]
        k = [0]

        def one_change() -> None:
            k[0] += 1
            st.apply(set_score(st.evaluation, ev.alternatives[k[0] % n].id, crit.id, float(k[0] % 5)))

        rows.append(("apply", timed(one_change, repeat=9)))
        st.close()
        rows += desktop(project, ev)

    print(f"\n{'step':<22}{'time':>12}{'× JSON read':>14}")
    print(f"{'baseline (JSON read)':<22}{baseline * 1000:>10.1f} ms{1.0:>14.2f}")
    for name, t in rows:
        print(f"{name:<22}{t * 1000:>10.1f} ms{t / baseline:>14.2f}")


def desktop(project: Path, ev) -> list[tuple[str, float]]:  # noqa: ANN001
    if not (ROOT / "ui" / "main_window.py").exists():
        print("desktop: ui/main_window.py does not exist yet; skipped")
        return []
    try:
        from PySide6.QtWidgets import QApplication

        from ui.main_window import MainWindow
        from ui.settings import Settings
    except Exception as exc:  # noqa: BLE001
        print(f"desktop: cannot import the app ({type(exc).__name__}: {exc}); skipped")
        return []
    home = tempfile.mkdtemp()
    os.environ.setdefault("AFWEGING_HOME", home)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = []
    window = MainWindow(Settings.load())
    window.resize(1600, 1000)
    window.show()

    def open_it() -> None:
        window.open_path(project)
        app.processEvents()

    out.append(("desktop/open", timed(open_it, repeat=1)))
    doc = getattr(window, "document", None) or getattr(window, "doc", None)
    if doc is not None and hasattr(doc, "preview"):
        area = ev.areas[0].id
        step = [0]

        def slide() -> None:
            step[0] += 1
            doc.preview(SetWeights({area: float(10 + step[0] % 50)}))
            app.processEvents()

        out.append(("desktop/slider step", timed(slide, repeat=5)))
    else:
        print("desktop: no document with preview() on the main window; slider step not measured")
    window.close()
    return out


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 can crash while garbage-collecting widgets at exit
