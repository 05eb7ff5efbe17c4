"""What one stored change costs in the desktop app at scale, against storing it alone (same process).

At 300 alternatives × 150 criteria with every page built, it times a title edit, a score edit and a weight edit
through the document (store + every view's refresh, events processed), and divides each by the time the store
alone takes for the same change. Also a page switch. Goal (issue 10): any stored change or page switch under
100 ms at 300 × 150; a title edit must not re-rank or repaint the score matrix.

Also: the time to open the file and build every page (goal: under 5 s at 1000 × 300; ``--open-only`` stops
there), and how long the work the pages leave to the background (other methods, model check) then takes.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_change.py [--alternatives N --criteria M]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("AFWEGING_HOME", tempfile.mkdtemp())
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluator.changes import SetSetting, SetWeights, set_score  # noqa: E402
from evaluator.store import Store  # noqa: E402
from tests.hardening_helpers import make_evaluation  # noqa: E402


def median_time(fn, repeat: int = 5) -> float:  # noqa: ANN001
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
    ap.add_argument("--open-only", action="store_true", help="only time opening and building every page")
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    from ui.main_window import PAGES, MainWindow
    from ui.settings import Settings

    ev = make_evaluation(args.alternatives, args.criteria, seed=1)
    folder = Path(tempfile.mkdtemp())
    project, alone = folder / "app.afweging", folder / "alone.afweging"
    Store.create(project, ev).close()
    store = Store.create(alone, ev)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(Settings.load())
    window.resize(1600, 1000)
    window.show()
    t = time.perf_counter()
    window.open_path(project)
    for page in PAGES:  # every page built, as after a while in the app
        window.show_page(page.key)
        app.processEvents()
    window.show_page("scores")
    app.processEvents()
    print(f"open + build every page ({args.alternatives} × {args.criteria}): {time.perf_counter() - t:.2f} s")
    if args.open_only:
        window.close()
        return
    t = time.perf_counter()
    window.page("results").wait_for_methods(600_000)  # the app settled: no background work left running
    window.page("check").wait(600_000)
    print(f"background work after building every page: {time.perf_counter() - t:.1f} s")
    doc = window.doc
    a, c = ev.alternatives[0].id, ev.criteria[0].id
    levels = [lv.value for lv in ev.criteria[0].scale.levels] or [0.0, 1.0]
    counter = [0]

    def changes():  # noqa: ANN202
        counter[0] += 1
        k = counter[0]
        return {
            "title edit": SetSetting("title", f"Titel {k}"),
            "score edit": set_score(doc.evaluation, a, c, levels[k % len(levels)]),
            "weight edit": SetWeights({c: float(10 + k % 40)}),
        }

    print(f"one stored change, {args.alternatives} × {args.criteria}, every page built")
    print(f"{'change':<14}{'app':>10}{'store alone':>14}{'ratio':>8}")
    for name in ("title edit", "score edit", "weight edit"):

        def in_app(name: str = name) -> None:
            doc.apply(changes()[name])
            app.processEvents()

        def in_store(name: str = name) -> None:
            ch = changes()[name]
            if name == "score edit":
                ch = set_score(store.evaluation, a, c, levels[counter[0] % len(levels)])
            store.apply(ch)

        t_app, t_store = median_time(in_app), median_time(in_store)
        print(f"{name:<14}{t_app * 1000:>8.1f} ms{t_store * 1000:>12.1f} ms{t_app / t_store:>8.1f}×")
    # where each edit is made: a weight step on the weights page, a score on the score page with the results
    # page built but behind it (above), and the results page shown after a weight edit
    for page, name in (("weights", "weight edit"), ("results", "weight edit")):
        window.show_page(page)
        app.processEvents()

        def on_page(name: str = name) -> None:
            doc.apply(changes()[name])
            app.processEvents()

        if page != "weights":
            print(f"{name} with the {page} page shown: {median_time(on_page) * 1000:.1f} ms")
            continue
        # the weights page's stability bands follow from a worker: the time until the window is back in its
        # event loop (and the window thread's CPU in it), then until the bands are drawn, one edit at a time
        points = window.page("weights").points
        back, cpu, drawn = [], [], []
        for _ in range(7):
            t, t_cpu = time.perf_counter(), time.thread_time()
            on_page(name)
            back.append(time.perf_counter() - t)
            cpu.append(time.thread_time() - t_cpu)
            while getattr(points, "bands_pending", False):
                app.processEvents()
                time.sleep(0.001)
            drawn.append(time.perf_counter() - t)
        ms = [statistics.median(x) * 1000 for x in (back, cpu, drawn)]
        print(f"{name} with the {page} page shown: {ms[0]:.1f} ms (window thread CPU {ms[1]:.1f} ms), "
              f"bands drawn after {ms[2]:.1f} ms")  # fmt: skip
    keys = [p.key for p in PAGES]
    i = [0]

    def switch() -> None:
        i[0] += 1
        window.show_page(keys[i[0] % len(keys)])
        app.processEvents()

    print(f"page switch   {median_time(switch, repeat=len(keys)) * 1000:>8.1f} ms")
    window.close()


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 can crash while garbage-collecting widgets at exit
