"""Weight stability intervals at scale: every method at 300 alternatives × 150 criteria.

Prints, in one run, per method: ``stability_intervals`` (best of ``--repeat``), against the straightforward
search it replaced — the same grid and subdivision, weighting the whole matrix with SMAA's scorer at every
point (``stability._stability_search``), run once — with the ratio, and whether both give the same intervals.
Goal (issue 10): stability for every method under 1 s at 300 × 150.

Run: .venv/bin/python benchmarks/bench_stability.py [--alternatives N --criteria M --repeat R]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from evaluator import stability  # noqa: E402
from evaluator.methods import METHODS  # noqa: E402
from evaluator.problem import build_problem  # noqa: E402
from evaluator.sensitivity import _scorer  # noqa: E402
from tests.hardening_helpers import make_evaluation  # noqa: E402


def _plain(ev, method: str) -> list[tuple]:  # noqa: ANN001
    """The straightforward search: every point of every walk weights the whole (n, m) matrix."""
    p = build_problem(ev)
    w0 = np.asarray(p.weights, dtype=float)
    top = stability._top(p, w0, method)
    score = _scorer(p, method)
    return [stability._stability_search(score, w0, j, top, method) for j in range(len(p.criteria))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--alternatives", type=int, default=300)
    ap.add_argument("--criteria", type=int, default=150)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    ev = make_evaluation(args.alternatives, args.criteria)
    p = build_problem(ev)
    print(f"stability intervals, {args.alternatives} × {args.criteria}, best of {args.repeat} (goal: < 1 s)")
    for method in METHODS:
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            got = stability.stability_intervals(ev, method)
            times.append(time.perf_counter() - t)
        t = time.perf_counter()
        plain = _plain(ev, method)
        t_plain = time.perf_counter() - t
        idx = {a: i for i, a in enumerate(p.alternatives)} | {None: None}
        mine = [(s.low, s.high, idx[s.below], idx[s.above]) for s in got]
        if method == "wsm":  # exact intervals: the search agrees to its resolution
            same = all(
                abs(a[0] - b[0]) < 1e-6 and abs(a[1] - b[1]) < 1e-6 for a, b in zip(mine, plain, strict=True)
            )
        else:
            same = mine == plain
        print(f"  {method:7s} {min(times):7.3f} s   straightforward search {t_plain:7.3f} s   "
              f"{t_plain / min(times):6.1f}× faster   same intervals: {same}")  # fmt: skip


if __name__ == "__main__":
    main()
