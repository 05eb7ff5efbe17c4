"""Smoke-test the one-folder bundle from outside the source tree: the verbs a user runs, and the app's window.

    .venv/bin/python tests/bundle_smoke.py [dist/afweging]

Runs the bundle's ``afweging`` in a fresh temporary folder, with its own home and no PYTHONPATH, so nothing of
the checkout can stand in for what the bundle lacks: ``--version``, ``new --sample``, ``rank --format json``,
``report`` signed with a test key (tests/pki.py), ``verify`` against its root, and the app started offscreen
(``AFWEGING_SMOKE=1``: it builds every page, prints one line and quits), with its icon and QtPdf for the memo
preview (the bundle is built with the ``preview`` extra). Exit 0 when all pass. Not a pytest
module: ``make bundle-test`` and CI (.ci/run) call it after building the bundle.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.pki only; the bundle itself never sees the checkout


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "afweging").resolve()
    exe = bundle / ("afweging.exe" if os.name == "nt" else "afweging")
    gui = bundle / ("afweging-gui.exe" if os.name == "nt" else "afweging-gui")
    for program in (exe, gui):
        if not program.is_file():
            print(f"bundle smoke: {program} is missing (build it with `make bundle`)", file=sys.stderr)
            return 2
    from tests.pki import make_pki

    failures = 0
    with tempfile.TemporaryDirectory(prefix="afweging-bundle-") as tmp:
        work = Path(tmp)
        pki = make_pki(work / "pki")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env.update(AFWEGING_HOME=str(work / "home"), AFWEGING_LOG_DIR=str(work / "log"), QT_QPA_PLATFORM="offscreen",
                   MEMO_PW=pki.password)  # fmt: skip

        def step(name: str, argv: list, check, program: Path = exe, **extra: str) -> None:
            nonlocal failures
            t0 = time.perf_counter()
            proc = subprocess.run([str(program), *argv], cwd=work, env={**env, **extra}, capture_output=True,
                                  text=True, timeout=300)  # fmt: skip
            took = time.perf_counter() - t0
            try:
                problem = check(proc)
            except Exception as exc:  # noqa: BLE001 - a smoke test reports, it does not crash
                problem = f"{type(exc).__name__}: {exc}"
            if proc.returncode != 0 and not problem:
                problem = f"exit {proc.returncode}"
            print(f"{'ok  ' if not problem else 'FAIL'} {name:<34} {took:5.2f} s", flush=True)
            if problem:
                failures += 1
                print(
                    f"     {problem}\n     stdout: {proc.stdout[-800:]}\n     stderr: {proc.stderr[-1500:]}"
                )

        step("--version", ["--version"], lambda p: None if p.stdout.startswith("afweging ") else p.stdout)
        step("afweging-gui --version", ["--version"], lambda p: None, program=gui)
        step("new --sample", ["new", "sample.afweging", "--sample"], lambda p: None)
        step("rank --format json", ["rank", "sample.afweging", "--format", "json"],
             lambda p: None if len(json.loads(p.stdout)["alternatives"]) >= 2 else p.stdout)  # fmt: skip
        # a memo made by 0.1.0: its methods recompute through scikit-criteria, which rank no longer imports
        old = ROOT / "tests" / "fixtures" / "memos" / "v0.1.0"
        step("verify a 0.1.0 memo (scikit-criteria)", ["verify", str(old / "small-en.pdf"), "--trust",
             str(old / "root.pem"), "--format", "json"],
             lambda p: None if json.loads(p.stdout)["valid"] else p.stdout)  # fmt: skip
        step("report --sign (pyHanko)", ["report", "sample.afweging", "--out", "memo.pdf", "--sign",
             str(pki.signer_p12), "--password-env", "MEMO_PW", "--allow-draft"],  # the sample is a draft
             lambda p: None if (work / "memo.pdf").stat().st_size > 10_000 else "no memo")  # fmt: skip
        step("verify --trust", ["verify", "memo.pdf", "--trust", str(pki.root_pem), "--format", "json"],
             lambda p: None if p.returncode == 0 else p.stdout)  # fmt: skip
        step("the app, offscreen", ["sample.afweging"],
             lambda p: None if all(w in p.stdout for w in ("window shown", "icon set", "preview QtPdf")) else p.stdout,
             AFWEGING_SMOKE="1")  # fmt: skip
    size = folder_size(bundle) / 1e6
    print(f"bundle {bundle}: {size:.0f} MB; {'all passed' if not failures else f'{failures} failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
