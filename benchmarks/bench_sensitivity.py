"""Speed of the robustness analysis, as ratios against scikit-criteria measured in the same run.

Case: 20 alternatives × 30 criteria, 100 000 SMAA samples (Dirichlet(1) weights), weighted sum.
Baseline: a loop of scikit-criteria pipeline evaluations (``evaluator.methods.rank``), measured on a few hundred
samples and extrapolated per sample to 100 000.
Prints: the engine alone (``evaluator.sensitivity.acceptability``) against the loop — target ≥ 1000× —; the
``afweging sensitivity`` command end to end, process start included — target ≥ 200× —; and the peak memory of a
1 000 000-sample run (bounded by chunking).

Run: ``.venv/bin/python benchmarks/bench_sensitivity.py [--baseline-samples 300]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluator.io import write_any  # noqa: E402
from evaluator.methods.fast import BLAS_BLOCK  # noqa: E402
from evaluator.model import (  # noqa: E402
    Alternative,
    Area,
    Assessment,
    Criterion,
    Evaluation,
    Level,
    Scale,
    frozen_map,
)

N_ALT, N_CRIT, SAMPLES = 20, 30, 100_000


def case(n: int = N_ALT, m: int = N_CRIT, seed: int = 0) -> Evaluation:
    """A catalogue-like evaluation: four areas, ordinal (1–5) and numeric (0–100) criteria, some score ranges."""
    rng = np.random.default_rng(seed)
    levels = tuple(Level(float(v), {"en": f"level {v}"}) for v in range(1, 6))
    areas = tuple(Area(a, {"en": f"Area {a}"}) for a in "ABCD")
    crits = []
    for j in range(m):
        scale = (
            Scale("ordinal", levels=levels)
            if j % 2 == 0
            else Scale("numeric", lower=0.0, upper=100.0, direction="cost" if j % 4 == 1 else "benefit")
        )
        crits.append(Criterion(f"c{j:02d}", "ABCD"[j * 4 // m], {"en": f"criterion {j}"}, scale))
    assessments = {}
    for i in range(n):
        for c in crits:
            if c.scale.kind == "ordinal":
                v = float(rng.integers(1, 6))
                lo, hi = (max(1.0, v - 1), min(5.0, v + 1)) if rng.random() < 0.3 else (None, None)
            else:
                v = float(rng.uniform(10, 90))
                lo, hi = (v - 10, v + 10) if rng.random() < 0.3 else (None, None)
            assessments[(f"a{i:02d}", c.id)] = Assessment(v, low=lo, high=hi)
    weights = {a.id: float(rng.integers(10, 40)) for a in areas} | {
        c.id: float(rng.integers(1, 10)) for c in crits
    }
    return Evaluation(
        title="benchmark",
        areas=areas,
        criteria=tuple(crits),
        alternatives=tuple(Alternative(f"a{i:02d}", f"Alternative {i}") for i in range(n)),
        assessments=frozen_map(assessments),
        weights=frozen_map(weights),
    )


def baseline_per_sample(ev: Evaluation, method: str, k: int) -> float:
    """Seconds per sample for a loop of scikit-criteria pipeline evaluations (import and warm-up excluded)."""
    from evaluator.methods import rank
    from evaluator.problem import build_problem
    from evaluator.sensitivity import sample_weights

    p = build_problem(ev)
    weights = sample_weights(np.random.default_rng(0), k, len(p.criteria))
    rank(p, method, engine="scikit-criteria")  # import scikit-criteria and warm up
    t0 = time.perf_counter()
    for w in weights:
        rank(replace(p, weights=w), method, engine="scikit-criteria")  # the reference, not the fast path
    return (time.perf_counter() - t0) / k


def reference_smaa(
    ev: Evaluation, samples: int, seed: int, block: int | None
) -> tuple[np.ndarray, np.ndarray]:
    """The leanest complete SMAA-2 one can write in NumPy for WSM with uniform weights: the same chunks and
    random stream as the engine, one product, one sort, two bincounts per chunk; no tie handling (none occur
    here). ``block``: rows per matrix product (None: the whole chunk in one product). Returns the acceptability
    matrix and the central weights; the engine must give the same."""
    from evaluator import fastengine
    from evaluator.problem import build_problem
    from evaluator.sensitivity import CHUNK_CELLS_FLAT

    p = build_problem(ev)
    x = fastengine.prepare(p, "wsm")
    n, m = x.shape
    xt = np.ascontiguousarray(x.T)
    chunk = max(1, CHUNK_CELLS_FLAT // (n + m))
    rng = np.random.default_rng(seed)
    counts, central = np.zeros(n * n), np.zeros(n * m)
    pos, crit = np.arange(n), np.arange(m)
    done = 0
    while done < samples:
        k = min(chunk, samples - done)
        w = rng.standard_exponential((k, m))
        w /= w.sum(axis=1, keepdims=True)
        if block is None:
            s = w @ xt
        else:
            s = np.empty((k, n))
            for i in range(0, k, block):
                np.matmul(w[i : i + block], xt, out=s[i : i + block])
        order = np.argsort(-s, axis=1)
        counts += np.bincount((order * n + pos).ravel(), minlength=n * n)
        central += np.bincount((order[:, :1] * m + crit).ravel(), weights=w.ravel(), minlength=n * m)
        done += k
    acc = counts.reshape(n, n) / samples
    return acc, central.reshape(n, m) / np.maximum(acc[:, :1] * samples, 1)


def best_of(fn, repeat: int = 3) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline-samples", type=int, default=100, help="scikit-criteria samples per round")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds; the best of each is kept")
    args = ap.parse_args()
    from evaluator.sensitivity import acceptability

    ev = case()
    print(f"case: {N_ALT} alternatives × {N_CRIT} criteria, {SAMPLES:,} samples, best of {args.rounds} "
          "interleaved rounds (the machine is shared: baseline and candidates see the same load)")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.json"
        write_any(ev, path)
        exe = Path(sys.executable).with_name("afweging")
        cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "evaluator"]
        cmd += ["sensitivity", str(path), "--method", "wsm", "--samples", str(SAMPLES), "--format", "json"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}

        def run_cli() -> None:
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)

        per, engine, cli, vikor, ref, ref_blocked = [], [], [], [], [], []
        for _ in range(args.rounds):
            per.append(baseline_per_sample(ev, "wsm", args.baseline_samples))
            engine.append(best_of(lambda: acceptability(ev, "wsm", samples=SAMPLES, seed=0), 1))
            vikor.append(best_of(lambda: acceptability(ev, "vikor", samples=SAMPLES, seed=0), 1))
            ref.append(best_of(lambda: reference_smaa(ev, SAMPLES, 0, None), 1))
            ref_blocked.append(
                best_of(lambda: reference_smaa(ev, SAMPLES, 0, BLAS_BLOCK // (N_ALT * N_CRIT)), 1)
            )
            cli.append(best_of(run_cli, 1))
    base = min(per) * SAMPLES
    print(f"baseline  scikit-criteria loop: {1e3 * min(per):.2f} ms/sample (best round of "
          f"{args.baseline_samples}) → {base:.0f} s for {SAMPLES:,} (extrapolated)")  # fmt: skip
    print(
        f"engine    acceptability(wsm):   {min(engine):.3f} s   ratio {base / min(engine):,.0f}×  (target ≥ 1000×)"
    )
    best_ref = min(min(ref), min(ref_blocked))
    mine = acceptability(ev, "wsm", samples=SAMPLES, seed=0)
    acc, cw = reference_smaa(ev, SAMPLES, 0, None)
    same = np.allclose(mine.acceptability, acc, rtol=0, atol=1e-15) and np.allclose(
        mine.central_weights, cw, rtol=1e-12
    )
    print(f"reference lean NumPy SMAA (wsm): {min(ref):.3f} s one product per chunk, {min(ref_blocked):.3f} s "
          f"in single-thread-sized blocks; engine / best = {min(engine) / best_ref:.2f}  (target ≤ 1.5; "
          f"same result: {same})")  # fmt: skip
    print(f"          acceptability(vikor): {min(vikor):.3f} s = {min(vikor) / min(engine):.2f}× wsm  "
          "(target ≤ 1.5×)")  # fmt: skip
    print(f"command   afweging sensitivity:  {min(cli):.3f} s   ratio {base / min(cli):,.0f}×  "
          "(target ≥ 200×, process start included)")  # fmt: skip
    for method, weights, scores in (("topsis", "uniform", "fixed"), ("moora", "uniform", "fixed"),
                                    ("waspas", "uniform", "fixed"), ("electre1", "uniform", "fixed"),
                                    ("wsm", "around", "ranges"), ("electre1", "around", "ranges")):  # fmt: skip
        t = best_of(lambda m=method, w=weights, s=scores: acceptability(ev, m, w, 0.2, s, SAMPLES, 0), 1)
        print(f"          acceptability({method}, {weights}, {scores}): {t:.3f} s (for information)")

    tracemalloc.start()
    t0 = time.perf_counter()
    acceptability(ev, "wsm", samples=1_000_000, seed=0)
    t = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"memory    1,000,000 samples (wsm): peak {peak / 1e6:.0f} MB traced, {t:.1f} s (chunked; "
        f"unchunked the weights alone would take {1e6 * N_CRIT * 8 / 1e6:.0f} MB)"
    )


if __name__ == "__main__":
    main()
