"""Fuzzing through the command line and the remaining readers: ``rank`` and ``import`` on mutated files of every
format, ``verify`` on mutated memos, ballots with mutated bytes and cells, and a few real subprocess runs.

Every run must exit 0, or 2 with one line on stderr (``verify`` may also exit 1: a check that failed) — never a
traceback, an "internal error", a hang or a partial write. Run lengths: see tests/fuzz_support.py.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluator.cli import main
from evaluator.errors import InputError
from evaluator.io import write_any
from evaluator.store import Store
from tests.fuzz_support import CASES, FUZZ, check_outcome, hang_guard, mutated_bytes, print_counts
from tests.hardening_helpers import make_evaluation

KEY = bytes(range(32))  # a project's ballot key (Store.ballot_key), fixed for the tests

ROOT = Path(__file__).resolve().parent.parent
_n = itertools.count()


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-cli")
    old = os.environ.get("AFWEGING_LOG_DIR")
    os.environ["AFWEGING_LOG_DIR"] = str(folder / "logs")
    ev = make_evaluation(4, 6, seed=5, participants=1)
    out: dict[str, bytes] = {}
    Store.create(folder / "seed.afweging", ev).close()
    out[".afweging"] = (folder / "seed.afweging").read_bytes()
    write_any(ev, folder / "seed.json")
    out[".json"] = (folder / "seed.json").read_bytes()
    for ext in (".csv", ".xlsx", ".dmsy"):
        from evaluator.io.bare import BareMatrix, bare_evaluation

        bare = bare_evaluation(
            BareMatrix(["X", "Y", "Z"], ["a", "b"], [[1, 2], [3, 1.5], [2, 2]], [1, -1], [1, 2])
        )
        write_any(bare, folder / f"seed{ext}")
        out[ext] = (folder / f"seed{ext}").read_bytes()
    CASES.clear()
    yield _Seeds((folder, out, ev))
    print_counts("command-line fuzzing")
    if old is None:
        os.environ.pop("AFWEGING_LOG_DIR", None)
    else:
        os.environ["AFWEGING_LOG_DIR"] = old


class _Seeds(tuple):
    def __repr__(self) -> str:  # keep hypothesis' failure reports readable
        return "<fuzz seeds>"


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with hang_guard(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def assert_clean(code: int, err: str, allowed: tuple[int, ...] = (0, 2)) -> None:
    assert code in allowed, (code, err)
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 2:
        assert err.count("\n") == 1 and err.startswith("afweging: "), f"not one line: {err!r}"


@FUZZ
@given(data=st.data(), ext=st.sampled_from([".afweging", ".json", ".csv", ".xlsx", ".dmsy"]))
def test_fuzz_rank_and_import(seeds, data, ext):
    folder, raw, _ = seeds
    work = folder / f"case-{next(_n)}"
    work.mkdir()
    src = work / f"input{ext}"
    src.write_bytes(data.draw(mutated_bytes(raw[ext], max_ops=3 if ext in (".afweging", ".xlsx") else 6)))
    CASES[f"cli {ext}"] += 1
    method = data.draw(st.sampled_from(["wsm", "topsis", "vikor", "wpm", "electre1"]))
    code, out, err = run_cli(["rank", str(src), "--method", method, "--format", "json"])
    assert_clean(code, err)
    if code == 0:
        result = json.loads(out)
        assert result["method"] == method and isinstance(result["alternatives"], list)
    target = work / "out.afweging"
    code, _, err = run_cli(["import", str(src), "--out", str(target)])
    assert_clean(code, err)
    left = sorted(p.name for p in work.iterdir())
    if code == 2:
        assert left == [src.name], f"a failed import left {left}"
    else:
        assert left == sorted([src.name, target.name])
        Store.open(target, readonly=True).close()
    for p in work.iterdir():
        p.unlink()
    work.rmdir()


@pytest.fixture(scope="module")
def memo(seeds):
    folder, _, _ = seeds
    if "verify" not in _verbs():
        pytest.skip("no verify verb yet")
    path = folder / "memo.pdf"
    code, _, err = run_cli(["report", str(folder / "seed.afweging"), "--out", str(path), "--lang", "en"])
    assert code == 0, err
    return _Seeds((path.read_bytes(),))


def _verbs() -> set[str]:
    from evaluator.cli import _verbs

    return set(_verbs())


@FUZZ
@given(data=st.data())
def test_fuzz_verify(seeds, memo, data):
    folder, _, _ = seeds
    path = folder / f"memo-{next(_n)}.pdf"
    path.write_bytes(data.draw(mutated_bytes(memo[0], max_ops=3)))
    CASES["verify pdf"] += 1
    try:
        code, out, err = run_cli(["verify", str(path), "--format", "json"])
        assert_clean(code, err, allowed=(0, 1, 2))
    finally:
        path.unlink()


@pytest.fixture(scope="module")
def ballot_seed(seeds):
    ballot = pytest.importorskip("evaluator.ballot")
    folder, _, ev = seeds
    path = folder / "ballot-seed.xlsx"
    ballot.write_ballot(ev, ev.participants[0].id, path, created="2026-01-01T00:00:00+00:00", key=KEY)
    return _Seeds((ballot, path.read_bytes()))


@FUZZ
@given(data=st.data())
def test_fuzz_ballot_bytes(seeds, ballot_seed, data):
    ballot, raw = ballot_seed
    folder, _, ev = seeds
    path = folder / f"ballot-{next(_n)}.xlsx"
    path.write_bytes(data.draw(mutated_bytes(raw, max_ops=3)))
    try:
        check_outcome(
            lambda: ballot.read_ballot(ev, path, "2026-01-01T00:00:00+00:00", key=KEY), path, "ballot"
        )
    finally:
        path.unlink()


BALLOT_VALUES = st.one_of(
    st.none(), st.integers(-(10**9), 10**9), st.floats(allow_nan=False), st.booleans(),
    st.text(max_size=6).filter(lambda t: not any(ord(c) < 32 for c in t)),
    st.sampled_from(["50", "12,5", "1e3", "=A1", "100", "-0"]),
)  # fmt: skip


@settings(FUZZ, max_examples=max(10, FUZZ.max_examples // 3))  # each case saves and loads a workbook
@given(data=st.data())
def test_fuzz_ballot_cells(seeds, ballot_seed, data):
    """A participant types anything anywhere: only the weight column may change, and only to 0–100."""
    import openpyxl

    ballot, raw = ballot_seed
    folder, _, ev = seeds
    path = folder / f"ballot-{next(_n)}.xlsx"
    path.write_bytes(raw)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[data.draw(st.integers(0, len(wb.worksheets) - 1))]
    for _ in range(data.draw(st.integers(1, 4))):
        ws.cell(data.draw(st.integers(1, 12)), data.draw(st.integers(1, 7))).value = data.draw(BALLOT_VALUES)
    wb.save(path)
    try:
        check_outcome(
            lambda: ballot.read_ballot(ev, path, "2026-01-01T00:00:00+00:00", key=KEY), path, "ballot"
        )
    finally:
        path.unlink()


def test_a_few_real_subprocess_runs(seeds, tmp_path):
    """The installed entry point, not only main(): exit status and stderr as a user sees them."""
    folder, raw, _ = seeds
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AFWEGING_LOG_DIR": str(tmp_path / "logs")}
    cases = {
        "truncated.afweging": raw[".afweging"][:5000],
        "garbage.json": b'{"format": "afweging-evaluation", "criteria": [1, 2',
        "nul.csv": b"a;b\x00\n1;2\n",
        "zip.xlsx": raw[".xlsx"][:300],
        "alias.dmsy": b"a: &a [1]\ndata: {matrix: [*a]}\n",
        "fine.csv": raw[".csv"],
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        proc = subprocess.run(
            [sys.executable, "-m", "evaluator", "rank", str(path)], capture_output=True, text=True, env=env,
            timeout=120,
        )  # fmt: skip
        CASES["subprocess"] += 1
        assert_clean(proc.returncode, proc.stderr)
        assert (proc.returncode == 0) == (name == "fine.csv"), (name, proc.stderr)
        if proc.returncode:
            assert str(path) in proc.stderr


def test_input_error_lines_are_single_lines_in_the_cli(tmp_path):
    """A regression guard for the message format every reader relies on."""
    err = InputError("is broken", tmp_path / "x.csv", "row 3, column 2")
    assert err.line() == f"{tmp_path / 'x.csv'}: row 3, column 2: is broken"
