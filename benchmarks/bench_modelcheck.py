"""The model check at scale (it runs on the GUI thread): 300 alternatives × 150 criteria, every fast method.

Prints, in one run, per method: ``check_model`` (best of ``--repeat``) and, as the baseline, the straightforward
form of its costly part — each uncertain score's tries ranked one by one on a copied matrix
(``modelcheck._first_place_cell``; on a sample of the tries, extrapolated) — against all tries at once
(``_first_places_cells``), with the ratio and whether both give the same first places. One by one, MOORA and
WASPAS go through scikit-criteria. Goal (issue 10): the model check well under 1 s at 300 × 150.

Run: .venv/bin/python benchmarks/bench_modelcheck.py [--alternatives N --criteria M --repeat R]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluator import fastengine, modelcheck  # noqa: E402
from evaluator.problem import build_problem, score_matrix  # noqa: E402
from tests.hardening_helpers import make_evaluation  # noqa: E402


def _tries(ev, p) -> list[tuple[int, int, float]]:  # noqa: ANN001
    """The one-cell tries the model check makes (uncertain scores of fixed-bound criteria)."""
    scores = score_matrix(ev)
    spans = modelcheck._bare_spans(ev, scores)
    row = {a: k for k, a in enumerate(p.alternatives)}
    out = []
    for a in ev.alternatives:
        for j, c in enumerate(ev.criteria):
            s = ev.assessment(a.id, c.id)
            if s.value is None or not s.uncertain or a.id not in row or not c.scale.bounded:
                continue
            ranged = s.low is not None and s.high is not None and s.high > s.low
            xs = [x for x in (s.low, s.high) if x != s.value] if ranged else modelcheck._neighbours(
                c.scale, s.value, spans[j]
            )  # fmt: skip
            out += [(row[a.id], j, x) for x in xs]
    return out


def _best(fn, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--alternatives", type=int, default=300)
    ap.add_argument("--criteria", type=int, default=150)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--baseline-tries", type=int, default=1500, help="tries ranked one by one (extrapolated)")
    ap.add_argument(
        "--baseline-seconds", type=float, default=3.0, help="time limit of the one-by-one baseline"
    )
    args = ap.parse_args()
    ev = make_evaluation(args.alternatives, args.criteria)
    p = build_problem(ev)
    tries = _tries(ev, p)
    print(
        f"model check, {args.alternatives} × {args.criteria}, {len(tries)} one-cell tries, best of {args.repeat}"
    )
    some = tries[:: max(1, len(tries) // args.baseline_tries)]
    for method in (*fastengine.FAST_METHODS, "moora", "waspas", "electre1"):
        modelcheck.check_model(ev, method)  # warm up (MOORA and WASPAS import scikit-criteria once)
        t_check = _best(lambda m=method: modelcheck.check_model(ev, m), args.repeat)
        t_all = _best(lambda m=method: modelcheck._first_places_cells(ev, p, tries, m), args.repeat)
        t, alone = time.perf_counter(), []
        for r, j, x in some:  # at most --baseline-seconds of them
            alone.append(modelcheck._first_place_cell(ev, p, r, j, ev.criteria[j], x, method))
            if time.perf_counter() - t > args.baseline_seconds:
                break
        t_alone = (time.perf_counter() - t) * len(tries) / len(alone)
        same = alone == modelcheck._first_places_cells(ev, p, some[: len(alone)], method)
        print(f"  {method:7s} check_model {t_check:6.3f} s   tries: one by one {t_alone:6.1f} s (extrapolated from "
              f"{len(alone)}), all at once {t_all:6.3f} s ({t_alone / t_all:5.0f}×; same first places: {same})")  # fmt: skip


if __name__ == "__main__":
    main()
