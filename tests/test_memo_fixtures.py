"""Memos signed by earlier versions of Afweging verify with this one (the archive's promise).

Each folder under ``tests/fixtures/memos/`` was written once, by the release it is named after
(``make_memo_fixtures.py``), and is never regenerated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluator.report.verify import describe, verify_memo

FIXTURES = Path(__file__).parent / "fixtures" / "memos"
CASES = [
    (folder, memo)
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir())
    for memo in json.loads((folder / "manifest.json").read_text("utf-8"))["memos"]
]


@pytest.mark.parametrize(("folder", "memo"), CASES, ids=[f"{f.name}/{m['file']}" for f, m in CASES])
def test_memo_from_an_earlier_version_verifies(folder: Path, memo: dict):
    v = verify_memo(folder / memo["file"], [folder / "root.pem"])
    assert v.valid, describe(v)
    assert (v.digest, v.method, v.winner, v.signer) == (
        memo["sha256"],
        memo["method"],
        memo["first"],
        memo["signer"],
    )


def test_there_is_a_fixture_for_every_version_including_this_one():
    """A release adds its own folder (make_memo_fixtures.py), so every later version is held to it."""
    from evaluator import __version__

    names = {f.name for f, _ in CASES}
    assert {"v0.1.0", f"v{__version__}"} <= names
