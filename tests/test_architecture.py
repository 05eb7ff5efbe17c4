"""Rules of the house that code review alone would miss."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_evaluator_never_imports_qt():
    """Import every evaluator module in a fresh interpreter and check no PySide6 module got loaded."""
    code = (
        "import importlib, pkgutil, sys, evaluator\n"
        "for m in pkgutil.walk_packages(evaluator.__path__, 'evaluator.'):\n"
        "    m.name.endswith('__main__') or importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "", f"evaluator pulled in Qt/ui modules: {proc.stdout}"


def test_no_evaluator_source_mentions_pyside():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "evaluator").rglob("*.py")
        if "PySide6" in p.read_text(encoding="utf-8") or "from ui" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []  # the app's launcher is ui/launcher.py


def test_rank_command_does_not_import_gui_or_report_libraries():
    code = (
        "import sys; from evaluator.cli import main\n"
        "main(['methods'])\n"
        "print([n for n in ('PySide6', 'reportlab', 'pyhanko', 'skcriteria', 'pandas') if n in sys.modules])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_the_house_rules_hold_as_import_linter_contracts():
    """pyproject's [tool.importlinter] contracts: the core imports no Qt and no ui; no import cycles in either."""
    code = "from importlinter.cli import lint_imports; raise SystemExit(lint_imports())"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
