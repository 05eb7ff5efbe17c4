"""CPU time of `afweging rank FILE --method wsm` against `python -c "import numpy"`, each a fresh process.

The fast engine covers WSM, WPM, TOPSIS, VIKOR, MOORA and WASPAS (and ELECTRE I has its own NumPy path), so
`rank` never imports scikit-criteria; the goal is a ratio of at most 3. CPU time of the child (user + system),
median of repeats.

Run: .venv/bin/python benchmarks/bench_rank_cli.py
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPEATS = 5


def _cpu(cmd: list[str]) -> float:
    times = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(REPEATS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, cwd=ROOT)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.afweging"
        subprocess.run(
            [sys.executable, "-m", "evaluator", "new", "--sample", str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
        )
        base = _cpu([sys.executable, "-c", "import numpy"])
        print(f"python -c 'import numpy'        {base * 1000:7.0f} ms CPU")
        for method in ("wsm", "topsis", "electre1", "moora", "waspas"):
            t = _cpu([sys.executable, "-m", "evaluator", "rank", str(path), "--method", method])
            print(f"afweging rank --method {method:<9} {t * 1000:7.0f} ms CPU  {t / base:5.1f}× import numpy")


if __name__ == "__main__":
    main()
