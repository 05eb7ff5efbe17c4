"""Time to re-rank after a weight change, for a 20 × 30 evaluation, against one 16 ms frame.

Measures, in one run:
  core     — apply the SetWeights change, then LiveRanker.rank (vectorised engine), as every slider step does;
  gui      — doc.preview(SetWeights) through the Qt signal into ResultsView (rainbow, radar and the fast-method
             table filled) plus a full offscreen repaint of the results page;
  baseline — one scikit-criteria pipeline evaluation (WSM) of the same matrix (build_problem + methods.rank).
Prints milliseconds (median of repeats) and ratios against the baseline and against the 16 ms frame budget.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_rerank.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from evaluator.changes import SetWeights, apply_change  # noqa: E402
from evaluator.model import Alternative, Area, Assessment, Criterion, Evaluation, Level, Scale, frozen_map  # noqa: E402

FRAME_MS = 16.0
N_ALT, N_CRIT, N_AREAS = 20, 30, 4


def evaluation(seed: int = 7) -> Evaluation:
    rng = np.random.default_rng(seed)
    levels = tuple(Level(float(v), {"nl": f"n{v}", "en": f"l{v}"}) for v in range(5))
    scale = Scale("ordinal", levels=levels)
    areas = tuple(Area(chr(65 + k), {"nl": f"Gebied {k}", "en": f"Area {k}"}) for k in range(N_AREAS))
    crits = tuple(
        Criterion(f"{areas[j % N_AREAS].id}{j}", areas[j % N_AREAS].id, {"nl": f"c{j}", "en": f"c{j}"}, scale)
        for j in range(N_CRIT)
    )
    alts = tuple(Alternative(f"a{i}", f"Alternative {i}") for i in range(N_ALT))
    scores = rng.integers(0, 5, size=(N_ALT, N_CRIT))
    assessments = {
        (a.id, c.id): Assessment(float(scores[i, j])) for i, a in enumerate(alts) for j, c in enumerate(crits)
    }
    weights = {a.id: float(rng.integers(10, 50)) for a in areas} | {
        c.id: float(rng.integers(10, 100)) for c in crits
    }
    return Evaluation(
        "bench",
        areas=areas,
        criteria=crits,
        alternatives=alts,
        assessments=frozen_map(assessments),
        weights=frozen_map(weights),
    )


def timed(fn, repeats: int) -> float:
    """Median milliseconds of ``fn()`` over ``repeats`` runs (after two warm-up runs)."""
    fn()
    fn()
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from evaluator.live_ranking import LiveRanker
    from evaluator.methods import rank
    from evaluator.problem import build_problem
    from ui.document import Document
    from ui.results_view import ResultsView

    app = QApplication.instance() or QApplication([])
    ev = evaluation()
    key = ev.criteria[3].id
    values = iter(range(10**9))

    def baseline() -> None:
        rank(build_problem(ev), "wsm")

    ranker = LiveRanker()

    def core() -> None:
        new, _ = apply_change(ev, SetWeights({key: float(next(values) % 100)}))
        ranker.rank(new, "wsm")

    def core_topsis() -> None:
        new, _ = apply_change(ev, SetWeights({key: float(next(values) % 100)}))
        ranker.rank(new, "topsis")

    with tempfile.TemporaryDirectory() as tmp:
        doc = Document.create(Path(tmp) / "bench.afweging", ev)
        view = ResultsView(doc)
        view.resize(1280, 720)
        view.show()
        app.processEvents()
        view.wait_for_methods()  # let the worker finish importing scikit-criteria before timing anything

        def gui_update() -> None:
            doc.preview(SetWeights({key: float(next(values) % 100)}))

        def gui_chart() -> None:
            doc.preview(SetWeights({key: float(next(values) % 100)}))
            view.chart.repaint()  # the ranking bars, painted synchronously
            view.radar.repaint()

        def gui_paint() -> None:
            doc.preview(SetWeights({key: float(next(values) % 100)}))
            view.repaint()  # synchronous paint of the whole page (every child), the worst case

        base = timed(baseline, 30)
        c = timed(core, 200)
        ct = timed(core_topsis, 200)
        g = timed(gui_update, 100)
        gc = timed(gui_chart, 100)
        gp = timed(gui_paint, 50)
        view.close()
        view.deleteLater()
        doc.close()
        app.processEvents()

    print(f"re-rank after a weight change, {N_ALT} alternatives × {N_CRIT} criteria (median ms)")
    print(f"  baseline: one scikit-criteria WSM pipeline  {base:7.2f} ms")
    rows = (
        ("core: change + live WSM rank", c),
        ("core: change + live TOPSIS rank", ct),
        ("gui: preview → results page updated", g),
        ("gui: + bars and radar repainted", gc),
        ("gui: + whole page repainted", gp),
    )
    for name, ms in rows:
        print(
            f"  {name:<38}{ms:7.2f} ms   {ms / base:5.2f}× baseline   {100 * ms / FRAME_MS:5.1f} % of a 16 ms frame"
        )


if __name__ == "__main__":
    main()
