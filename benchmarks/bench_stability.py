"""Weight stability intervals at scale: every fast method at 300 alternatives × 150 criteria.

Prints, in one run, the time of ``stability_intervals`` per method and its ratio to WSM's (exact, closed form),
and the TOPSIS scorer against the broadcasting k × n × m form it replaced (same numbers, checked here).
Goal (issue 10): stability for every method under 1 s at 300 × 150.

Run: .venv/bin/python benchmarks/bench_stability.py [--alternatives N --criteria M]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from evaluator import fastengine  # noqa: E402
from evaluator.problem import build_problem  # noqa: E402
from evaluator.sensitivity import _scorer  # noqa: E402
from evaluator.stability import stability_intervals  # noqa: E402
from tests.hardening_helpers import make_evaluation  # noqa: E402


def _broadcast_topsis(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The k × n × m form (benefit criteria): the baseline the two-product form must equal."""
    v = x[None, :, :] * w[:, None, :]
    best, worst = v.max(axis=1, keepdims=True), v.min(axis=1, keepdims=True)
    d_best = np.sqrt(((v - best) ** 2).sum(axis=2))
    d_worst = np.sqrt(((v - worst) ** 2).sum(axis=2))
    return d_worst / (d_best + d_worst)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--alternatives", type=int, default=300)
    ap.add_argument("--criteria", type=int, default=150)
    args = ap.parse_args()
    ev = make_evaluation(args.alternatives, args.criteria)
    print(f"stability intervals, {args.alternatives} × {args.criteria}")
    base = None
    for method in fastengine.FAST_METHODS:
        t = time.perf_counter()
        stability_intervals(ev, method)
        dt = time.perf_counter() - t
        base = base or dt
        print(f"  {method:7s} {dt:8.3f} s   {dt / base:6.1f}× wsm")
    p = build_problem(ev)
    x = fastengine.prepare(p, "topsis")
    rng = np.random.default_rng(0)
    w = rng.dirichlet(np.ones(x.shape[1]), 400)
    score = _scorer(p, "topsis")
    t = time.perf_counter()
    fast = score(w, None)
    t_fast = time.perf_counter() - t
    t = time.perf_counter()
    slow = _broadcast_topsis(x, w)
    t_slow = time.perf_counter() - t
    same = np.allclose(fast, slow, rtol=1e-12, atol=1e-14)
    print(f"TOPSIS, 400 weightings: the search's two products {t_fast:.3f} s, the k×n×m form {t_slow:.3f} s "
          f"({t_slow / t_fast:.0f}× faster; same scores: {same})")  # fmt: skip


if __name__ == "__main__":
    main()
