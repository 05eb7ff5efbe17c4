"""Issue 14: the project file under pressure — unusual names, two editors, crafted files, journals beside it.

Every test goes the way a user goes: through the CLI (in-process ``main`` or a real process), or by opening a
real file that was crafted with the sqlite3 module, and then looks at the file itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator.changes import RemoveAlternative, SetSetting, SetWeights, set_score
from evaluator.cli import main
from evaluator.errors import ChangeError, InputError
from evaluator.store import SCHEMA_VERSION, Store
from tests.helpers import small_evaluation

ROOT = Path(__file__).resolve().parent.parent


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.afweging"
    Store.create(path, small_evaluation(), user="tester").close()
    return path


# -- 1. every path works as named ---------------------------------------------------------------------------------

UNUSUAL = [
    "x.afweging#kopie.afweging",
    "vraag?mode=ro.afweging",
    "pct%20.afweging",
    "pct%2.afweging",
    "met spatie.afweging",
    "Ünïcødé — één.afweging",
    "regel\neinde.afweging",
    "punt;komma.afweging",
    "ster*.afweging",
    "a&b=c.afweging",
    "haak[1].afweging",
    "#begin.afweging",
]


@pytest.mark.parametrize("name", UNUSUAL, ids=lambda n: repr(n))
def test_unusual_names_open_the_file_they_name(capsys, tmp_path, name):
    # A decoy that a mis-built URI would open instead (the name cut at '#' or '?', or '%20' decoded).
    decoy = tmp_path / "x.afweging"
    Store.create(decoy, small_evaluation()).close()
    decoy_digest = _digest(decoy)
    target = tmp_path / name
    code, out, err = _cli(capsys, "new", target, "--sample", "--title", "het echte bestand")
    assert code == 0, err
    code, out, err = _cli(capsys, "rank", target, "--format", "json")
    assert code == 0, err
    ballot = tmp_path / "b.xlsx"
    code, out, err = _cli(capsys, "ballot", "export", target, "--participant", "Anna", "--add", "--out", ballot)
    assert code == 0, err
    with Store.open(target, readonly=True) as st:
        assert st.evaluation.title == "het echte bestand"
        assert [p.name for p in st.evaluation.participants] == ["Anna"]
        assert st.audit(limit=1)[0].reason == "ballot export"
    assert _digest(decoy) == decoy_digest
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"x.afweging", name, "b.xlsx"})


@pytest.mark.parametrize("folder", ["Team #2", "100%25 zeker", "vraag?", "map met spatie"])
def test_a_folder_with_an_unusual_name_works_and_gets_no_stray_file(capsys, tmp_path, folder):
    where = tmp_path / folder
    where.mkdir()
    code, _, err = _cli(capsys, "new", where / "p.afweging", "--sample")
    assert code == 0, err
    code, _, err = _cli(capsys, "rank", where / "p.afweging")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]
    assert [p.name for p in where.iterdir()] == ["p.afweging"]


def test_the_hash_name_through_a_real_process(tmp_path):
    plain = tmp_path / "x.afweging"
    Store.create(plain, small_evaluation()).close()
    before = _digest(plain)
    odd = tmp_path / "x.afweging#kopie.afweging"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "evaluator", *map(str, a)], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    made = run("new", odd.name, "--sample")
    assert made.returncode == 0, made.stderr
    ranked = run("rank", odd.name, "--format", "json")
    assert ranked.returncode == 0, ranked.stderr
    names = {a["name"] for a in json.loads(ranked.stdout)["alternatives"]}
    assert len(names) > 3  # the sample's alternatives, not the three of the decoy
    assert _digest(plain) == before
