"""A Dutch session (LANG=nl_NL.UTF-8, no --lang) reads the CLI's errors, tables and the verify verdict in Dutch,
with no English words in them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator.report.export import export_memo
from evaluator.report.sign import Pkcs12Key
from tests.pki import Pki, pki_fixture  # noqa: F401 - the fixture
from tests.report_data import memo_evaluation

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "beter-samenwerken.toml"
# Common English words that Dutch does not use (not "is", "of", "in", "over", "score": Dutch has them too).
ENGLISH = re.compile(
    r"\b(the|not|must|no|unknown|cannot|file|choose|expected|found|and|or|with|should|this|has|line|column|row|"
    r"sheet|cell|empty|valid|invalid|signed|signature|trusted|checked|rank|alternative|weight|samples|note|"
    r"missing|such|already|exists|error|expecting|value|property|delimiter)\b",
    re.IGNORECASE,
)


def _dutch(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {
        k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "AFWEGING_LANG")
    }
    env.update(LANG="nl_NL.UTF-8", AFWEGING_LOG_DIR=str((cwd or Path.cwd()) / "log"))
    return subprocess.run([sys.executable, "-m", "evaluator", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd)  # fmt: skip


def _english_words(text: str, *data: str) -> list[str]:
    for d in data:  # names and paths are data, in whatever language they were written
        text = text.replace(d, " ")
    return ENGLISH.findall(text)


def _bad_inputs(tmp: Path) -> list[tuple[list[object], list[str]]]:
    (tmp / "bad.json").write_text("{\n  oops\n}\n", encoding="utf-8")
    (tmp / "bad.csv").write_text("a,b\n", encoding="utf-8")
    (tmp / "notpdf.pdf").write_text("hello", encoding="utf-8")
    (tmp / "changes.json").write_text("[]", encoding="utf-8")
    return [
        (["rank", tmp / "missing.json"], ["bestaat niet"]),
        (["rank", tmp / "bad.json"], ["geen geldige JSON", "regel 2, kolom 3"]),
        (["rank", tmp / "bad.csv"], ["geen alternatieven"]),
        (["rank", SAMPLE, "--method", "nope"], ["onbekende methode"]),
        (["sensitivity", SAMPLE, "--samples", "0"], ["--samples"]),
        (["sensitivity", SAMPLE, "--method", "spotis"], ["gevoeligheidsanalyse"]),
        (["report", SAMPLE, "--out", tmp / "memo.txt"], ["de notitie is een PDF"]),
        (["verify", tmp / "notpdf.pdf"], ["geen PDF-bestand"]),
        (["check", tmp / "bad.json"], ["geen geldige JSON"]),
        (["weights", tmp / "missing.json"], ["bestaat niet"]),
        (["apply", SAMPLE, tmp / "changes.json"], ["projectbestand"]),
        (["frobnicate"], ["onbekende opdracht"]),
    ]


def test_errors_in_a_dutch_session_are_dutch(tmp_path: Path) -> None:
    for args, words in _bad_inputs(tmp_path):
        p = _dutch(*args, cwd=tmp_path)
        assert p.returncode == 2, (args, p.stdout, p.stderr)
        line = p.stderr.strip()
        assert len(line.splitlines()) == 1 and "Traceback" not in line, (args, line)
        for w in words:
            assert w in line, (args, line)
        paths = [str(a) for a in args if isinstance(a, Path)]
        assert _english_words(line, *paths, "afweging", "--samples", "--method", "--help") == [], (args, line)


def test_tables_in_a_dutch_session_are_dutch(tmp_path: Path) -> None:
    p = _dutch("rank", SAMPLE, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    head = p.stdout.splitlines()[1]
    assert head.split() == ["rang", "alternatief", "score"]
    assert re.search(r"\b0,\d{4}\b", p.stdout) and not re.search(r"\b0\.\d{4}\b", p.stdout)  # decimal comma
    p = _dutch("rank", SAMPLE, "--lang", "en", cwd=tmp_path)  # --lang still chooses
    assert p.stdout.splitlines()[1].split() == ["rank", "alternative", "score"]


@pytest.fixture(scope="module")
def signed(tmp_path_factory, pki: Pki) -> Path:
    out = tmp_path_factory.mktemp("memo") / "memo.pdf"
    export_memo(memo_evaluation(), out, key=Pkcs12Key(pki.signer_p12, pki.password), samples=500, seed=3)
    return out


def test_verify_in_a_dutch_session_is_dutch(signed: Path, pki: Pki) -> None:
    ok = _dutch("verify", signed, "--trust", pki.root_pem, cwd=signed.parent)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("GELDIG — ondertekend door")
    bad = _dutch("verify", signed, "--trust", pki.other_root_pem, cwd=signed.parent)
    assert bad.returncode == 1
    assert bad.stdout.startswith("ONGELDIG")
    for out in (ok.stdout, bad.stdout):
        signer = re.search(r"ondertekend door (.+)", out)
        data = [signer.group(1)] if signer else []
        assert _english_words(out, *data, "SHA-256") == [], out


def test_a_mistyped_command_line_is_answered_in_dutch(tmp_path: Path) -> None:
    p = _dutch("rank", SAMPLE, "--format", "foo", cwd=tmp_path)
    assert p.returncode == 2
    assert "gebruik: afweging rank" in p.stderr and "ongeldige keuze: 'foo'" in p.stderr
    p = _dutch("rank", cwd=tmp_path)
    assert p.returncode == 2 and "de volgende argumenten zijn verplicht: FILE" in p.stderr
    p = _dutch("rank", "--lang", "en", cwd=tmp_path)  # --lang chooses the parser's words too
    assert "the following arguments are required: FILE" in p.stderr
