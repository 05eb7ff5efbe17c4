"""What a start loads: `afweging rank` with a method the NumPy engine covers does not import scikit-criteria
(seconds of CPU), and the app with every page built loads neither it nor the voting server.

Every method has a NumPy path (MOORA and WASPAS too); scikit-criteria stays the tests' reference and the path
for the 0.1.x definitions an old memo records. The speed itself is measured by benchmarks/bench_rank_cli.py (no
timing assertions here).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator.methods import METHODS

CHECK = (
    "import runpy, sys\n"
    "sys.argv = ['evaluator', 'rank', sys.argv[1], '--method', sys.argv[2], '--format', 'json']\n"
    "try:\n"
    "    runpy.run_module('evaluator', run_name='__main__')\n"
    "except SystemExit as exc:\n"
    "    assert not exc.code, exc.code\n"
    "print('SKCRITERIA' if 'skcriteria' in sys.modules else 'NO-SKCRITERIA')\n"
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rank") / "sample.afweging"
    done = subprocess.run(
        [sys.executable, "-m", "evaluator", "new", "--sample", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return path


def test_every_method_has_a_numpy_path() -> None:
    assert {m.engine for m in METHODS.values()} <= {"numpy", "outranking"}


@pytest.mark.parametrize("method", list(METHODS))
def test_rank_with_a_numpy_method_does_not_import_scikit_criteria(sample: Path, method: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK, str(sample), method], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.strip().splitlines()
    assert out[-1] == "NO-SKCRITERIA"
    assert json.loads("\n".join(out[:-1]))["method"] == method


APP_PAGES = (
    "import os, sys\n"
    "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication([])\n"
    "from ui.app import create_window\n"
    "from ui.main_window import PAGES\n"
    "w = create_window(sys.argv[1])\n"
    "w.show()\n"
    "for page in PAGES:\n"
    "    w.show_page(page.key)\n"
    "    app.processEvents()\n"
    "print(' '.join(m for m in ('skcriteria', 'aiohttp', 'asyncio') if m in sys.modules) or 'NONE')\n"
)


def test_the_app_with_every_page_built_loads_no_voting_server_or_scikit_criteria(
    sample: Path, tmp_path: Path
) -> None:
    """asyncio and aiohttp (~0.13 s) load when a voting round opens, not when the workshop page is built."""
    env = {**os.environ, "AFWEGING_HOME": str(tmp_path), "AFWEGING_LOG_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", APP_PAGES, str(sample)], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "NONE"
