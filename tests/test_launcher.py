"""``afweging``: a verb runs the command line, anything else the app; the core never starts the app itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from evaluator.sample import sample_path

ROOT = Path(__file__).resolve().parents[1]


def afweging(
    tmp_path: Path, *argv: str, module: str = "ui.launcher", **env: str
) -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    environ = dict(os.environ, AFWEGING_HOME=str(home), AFWEGING_LOG_DIR=str(home / "log"),
                   QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), **env)  # fmt: skip
    return subprocess.run([sys.executable, "-m", module, *argv], capture_output=True, text=True, cwd=tmp_path,
                          env=environ, timeout=300)  # fmt: skip


def test_version_and_verbs_go_to_the_command_line(tmp_path):
    from evaluator import __version__

    version = afweging(tmp_path, "--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"afweging {__version__}")
    new = afweging(tmp_path, "new", "s.afweging", "--sample")
    assert new.returncode == 0, new.stderr
    ranked = afweging(tmp_path, "rank", "s.afweging", "--format", "json")
    assert ranked.returncode == 0, ranked.stderr
    from evaluator.sample import load_sample

    data = json.loads(ranked.stdout)  # every alternative of the sample: ranked, or excluded with its reasons
    assert len(data["alternatives"]) + len(data.get("excluded", [])) == len(load_sample().alternatives)
    assert len(data["alternatives"]) >= 2


def test_a_verb_does_not_load_qt(tmp_path):
    code = "import sys; from ui.launcher import main; main(['methods']); print('PySide6' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.stdout.strip().splitlines()[-1] == "False", proc.stderr


def test_an_unknown_verb_with_arguments_is_one_line_not_the_app(tmp_path):
    proc = afweging(tmp_path, "rnak", "x.afweging")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "afweging: unknown verb 'rnak'; try: afweging --help"


def test_python_m_evaluator_is_the_command_line_only(tmp_path):
    """A file name is not a verb for the core: it says so instead of opening a window."""
    proc = afweging(tmp_path, str(sample_path()), module="evaluator")
    assert proc.returncode == 2
    assert "unknown verb" in proc.stderr and "Traceback" not in proc.stderr
    assert afweging(tmp_path, "methods", module="evaluator").returncode == 0


def test_no_verb_opens_the_app_with_its_icon(tmp_path):
    proc = afweging(tmp_path, AFWEGING_SMOKE="1")
    assert proc.returncode == 0, proc.stderr
    line = proc.stdout.strip().splitlines()[-1]
    assert line.startswith("afweging: window shown, 10 pages, ")
    assert "icon set" in line
    assert (tmp_path / "home" / "data" / "beter-samenwerken.afweging").is_file()  # the sample, opened


def test_a_file_argument_opens_that_file(tmp_path):
    assert afweging(tmp_path, "new", "mine.afweging", "--sample").returncode == 0
    proc = afweging(tmp_path, "mine.afweging", AFWEGING_SMOKE="1")
    assert proc.returncode == 0, proc.stderr
    saved = json.loads((tmp_path / "home" / "config" / "settings.json").read_text())
    assert saved["last"] == str((tmp_path / "mine.afweging").resolve())


def test_the_installed_commands_are_the_launcher():
    """``afweging`` a console script, ``afweging-gui`` a gui-script (pythonw: no console window on Windows)."""
    import importlib
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"afweging": "ui.launcher:main"}
    assert project["gui-scripts"] == {"afweging-gui": "ui.launcher:gui"}
    for target in (*project["scripts"].values(), *project["gui-scripts"].values()):
        module, func = target.split(":")
        assert callable(getattr(importlib.import_module(module), func))


def test_the_gui_script_survives_having_no_console(tmp_path):
    """pythonw and a windowed bundle give no stdout/stderr: a verb that writes JSON there must still work."""
    assert afweging(tmp_path, "new", "s.afweging", "--sample").returncode == 0
    code = "import sys; sys.stdout = sys.stderr = None; from ui.launcher import gui; sys.exit(gui())"
    env = dict(os.environ, AFWEGING_HOME=str(tmp_path / "home"), AFWEGING_LOG_DIR=str(tmp_path / "log"),
               QT_QPA_PLATFORM="offscreen", AFWEGING_SMOKE="1", PYTHONPATH=str(ROOT))  # fmt: skip
    for argv in (["rank", "s.afweging", "--format", "json"], ["s.afweging"]):  # a verb, and the app
        proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env,
                              cwd=tmp_path, timeout=300)  # fmt: skip
        assert proc.returncode == 0, argv
    assert "internal error" not in (tmp_path / "log" / "afweging.log").read_text(encoding="utf-8")
