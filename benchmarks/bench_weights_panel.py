"""The ranking panel beside the weight sliders: time from a slider preview to the panel re-ranked and painted.

20 alternatives × 30 criteria (the evaluation of bench_rerank). Measures, in one run:
  panel     — doc.preview(SetWeights) through the Qt signal into the weights page's RankingPanel (re-rank + chart
              data), then a synchronous repaint of the panel's chart;
  page      — the same, with the whole weights page (sliders, shares and panel) repainted;
  baseline  — one scikit-criteria pipeline evaluation (WSM) of the same matrix.
Prints milliseconds (median) and ratios against the baseline and the 16 ms frame. No assertion: a report.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_weights_panel.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_rerank import FRAME_MS, N_ALT, N_CRIT, evaluation, timed  # noqa: E402
from evaluator.changes import SetWeights  # noqa: E402


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from evaluator.methods import rank
    from evaluator.problem import build_problem
    from ui.document import Document
    from ui.weights_view import WeightsView

    app = QApplication.instance() or QApplication([])
    ev = evaluation()
    key = ev.areas[1].id
    values = iter(range(10**9))

    def baseline() -> None:
        rank(build_problem(ev), "wsm")

    with tempfile.TemporaryDirectory() as tmp:
        doc = Document.create(Path(tmp) / "bench.afweging", ev)
        view = WeightsView(doc)
        view.resize(1280, 720)
        view.show()
        app.processEvents()

        def panel() -> None:
            doc.preview(SetWeights({key: float(next(values) % 100)}))
            view.ranking.chart.repaint()

        def page() -> None:
            doc.preview(SetWeights({key: float(next(values) % 100)}))
            view.repaint()

        base = timed(baseline, 30)
        p = timed(panel, 100)
        pg = timed(page, 40)
        view.close()
        doc.close()
        app.processEvents()

    print(f"weights page ranking panel, {N_ALT} alternatives × {N_CRIT} criteria (median ms)")
    print(f"  baseline: one scikit-criteria WSM pipeline  {base:7.2f} ms")
    for name, ms in (
        ("preview → panel re-ranked + painted", p),
        ("preview → whole weights page painted", pg),
    ):
        print(
            f"  {name:<38}{ms:7.2f} ms   {ms / base:5.2f}× baseline   {100 * ms / FRAME_MS:5.1f} % of a 16 ms frame"
        )


if __name__ == "__main__":
    main()
