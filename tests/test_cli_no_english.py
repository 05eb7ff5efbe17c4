"""Every verb of the command line, run as a Dutch user runs it (``AFWEGING_LANG=nl``, no ``--lang``), prints no
English: its success output, its help and its common errors.

Two checks on every line a verb prints, after the data in it is taken out (names and descriptions from the
evaluation, paths, the signer's name, digests):

- no English text of the catalogue: a literal part of an English message id (the text between its placeholders)
  of three words or more that is not also part of some Dutch translation (``(Hwang & Yoon)``) is a text that was
  printed without being translated;
- no common English words that Dutch does not use (``ENGLISH``): this catches texts that never reached the
  catalogue (an f-string, a hard-coded line).
"""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from babel.messages.pofile import read_po

from evaluator.cli import verb_names
from evaluator.i18n import DOMAIN
from evaluator.sample import load_sample
from tests.pki import Pki, pki_fixture  # noqa: F401 - the fixture
from tools.i18n_catalog import PO

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "beter-samenwerken.toml"

# Common English words that Dutch does not use as words (not "is", "of", "in", "over", "score", "data", "door",
# "criteria"; not "a", a name in formulas: "a overtreft b").
ENGLISH = re.compile(
    r"\b(the|not|must|no|unknown|cannot|file|choose|expected|found|and|or|with|should|this|has|line|column|row|"
    r"sheet|cell|empty|valid|invalid|signed|signature|trusted|checked|rank|alternatives?|weights?|samples|note|"
    r"missing|such|already|exists|error|expecting|value|property|delimiter|pages?|criterion|created|"
    r"from|an|to|of the|on|for|which|when|what|each|every|default|language|show|write|read|print|list|"
    r"without|only|yet|after|before|replace|give|method|ranking|decision|participants?|options|usage|help|seed|"
    r"password|key)\b",
    re.IGNORECASE,
)
FIELD = re.compile(r"%\(\w+\)[sdr]|%[sdr]")  # argparse's own placeholders


def _english_fragments() -> set[str]:
    """The literal parts of the catalogue's English texts that a Dutch session must never print."""
    with PO.open("rb") as f:
        po = read_po(f, locale="nl", domain=DOMAIN)
    dutch = " ".join(
        s for m in po if m.id for s in (m.string if isinstance(m.string, tuple) else (m.string,)) if s
    )
    out = set()
    for m in po:
        for en in m.id if isinstance(m.id, tuple) else (m.id,):
            if not en:
                continue
            try:
                parts = [lit for lit, *_ in string.Formatter().parse(en)]
            except ValueError:
                parts = [en]
            for part in parts:
                for piece in FIELD.split(part):
                    piece = piece.strip(" .,:;()'\"\n—–-")
                    if len(piece.split()) >= 3 and piece not in dutch:
                        out.add(piece)
    return out


def _data() -> list[str]:
    """Texts that are data, in whatever language they were written: the sample's names, labels, descriptions."""
    ev = load_sample()
    texts: list[object] = [ev.title, ev.question, ev.context, ev.decision, ev.owner]
    for x in (*ev.alternatives, *ev.criteria, *ev.areas, *ev.participants):
        texts += [getattr(x, a, "") for a in ("name", "description", "vendor", "organisation", "role")]
    for c in ev.criteria:
        texts += [
            c.scale.unit,
            *(lev.label for lev in c.scale.levels),
            *(lev.descriptor for lev in c.scale.levels),
        ]
    flat = [s for t in texts for s in (t.values() if isinstance(t, dict) else [t]) if isinstance(s, str)]
    return sorted({t for t in flat if len(t) > 1}, key=len, reverse=True)


VERBS = sorted(verb_names() | {"export", "import", "serve"}, key=len, reverse=True)


def _scrub(text: str, *data: str) -> str:
    for d in data:
        text = text.replace(d, " ")
    verbs = "|".join(VERBS)
    text = re.sub(rf"\bafweging(\s+({verbs})\b)*", " ", text)  # the command the user types
    text = re.sub(rf"^\s+({verbs})(\s{{2,}}|$)", " ", text)  # a verb in the --help list
    text = re.sub(r"``[^`]*``|\"[^\"]*\"|'[^']*'", " ", text)  # quoted: values typed as they are
    text = re.sub(r"[A-Za-z0-9_./\\-]*\.(afweging|json|toml|csv|xlsx|pdf|pem|p12|dmsy|yaml)\b", " ", text)
    text = re.sub(r"(?<![\w-])--?[a-z][\w-]*", " ", text)  # options are what the user types
    text = re.sub(r"\{[^}\s]*\}", " ", text)  # {table,json}: choices, typed as they are
    text = re.sub(r"\b[A-Z][A-Z0-9_.#]*\b", " ", text)  # metavars (FILE, KEY.p12), acronyms (WSM, SMAA)
    text = re.sub(r"\b[0-9a-f]{64}\b", " ", text)  # digests
    return text


def _dutch(home: Path, *args: object, **extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(
        AFWEGING_LANG="nl", AFWEGING_HOME=str(home / "home"), AFWEGING_LOG_DIR=str(home / "log"), **extra
    )
    return subprocess.run([sys.executable, "-m", "evaluator", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=home, timeout=300)  # fmt: skip


def _fill(path: Path, points: int) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 1).value:
            ws.cell(row, 5).value = points + row
    wb.save(path)


def _session(tmp: Path, pki: Pki) -> list[tuple[list[str], int, str]]:
    """Every verb, its success and a few of its errors, as a Dutch user runs them: (args, exit, output)."""
    (tmp / "changes.json").write_text(
        '[{"type": "set_setting", "name": "title", "value": "X"}]', encoding="utf-8"
    )
    (tmp / "bad.json").write_text("{\n  oops\n}\n", encoding="utf-8")
    (tmp / "badchange.json").write_text('[{"type": "set_weight", "id": "A1"}]', encoding="utf-8")
    (tmp / "notpdf.pdf").write_text("hello", encoding="utf-8")
    steps: list[list[object]] = [
        ["new", "p.afweging", "--sample"],
        ["new", "p.afweging", "--sample"],  # exists
        ["import", SAMPLE, "--out", "q.afweging"],
        ["export", "p.afweging", "--out", "e.json"],
        ["export", "p.afweging", "--out", "e.txt"],  # unknown type
        ["check", "p.afweging"],
        ["check", "bad.json"],
        ["rank", "p.afweging"],
        ["rank", "p.afweging", "--out", "r.xlsx"],
        ["rank", "p.afweging", "--method", "nope"],
        ["apply", "p.afweging", "changes.json", "--reason", "X"],
        ["apply", SAMPLE, "changes.json"],
        ["apply", "p.afweging", "badchange.json"],
        ["log", "p.afweging"],
        ["ballot", "export", "p.afweging", "--participant", "Anna", "--add", "--out", "anna.xlsx"],
        ["ballot", "export", "p.afweging", "--participant", "Bert", "--add", "--out", "bert.xlsx"],
        ["ballot", "import", "p.afweging", "anna.xlsx"],  # not filled in
        "fill",
        ["ballot", "import", "p.afweging", "anna.xlsx", "bert.xlsx"],
        ["weights", "p.afweging"],
        ["sensitivity", "p.afweging", "--samples", "100"],
        ["sensitivity", "p.afweging", "--samples", "0"],
        ["report", "p.afweging", "--out", "memo.pdf", "--samples", "50"],
        ["report", "p.afweging", "--out", "memo.pdf", "--samples", "50"],  # exists
        ["verify", "memo.pdf"],  # not signed
        ["verify", "notpdf.pdf"],
        ["report", "p.afweging", "--out", "signed.pdf", "--samples", "50", "--sign", pki.signer_p12],  # no password
        ["report", "p.afweging", "--out", "signed.pdf", "--samples", "50", "--sign", pki.signer_p12,
         "--password-env", "MEMO_PW"],  # a draft
        ["report", "p.afweging", "--out", "signed.pdf", "--samples", "50", "--sign", pki.signer_p12,
         "--password-env", "MEMO_PW", "--allow-draft", "--reason", "Akkoord"],
        ["verify", "signed.pdf", "--trust", pki.root_pem],
        ["verify", "signed.pdf", "--trust", pki.other_root_pem],
        ["verify", "signed.pdf"],  # no trust given
        ["check", "p.afweging", "--agreement"],
        ["sensitivity", "p.afweging", "--samples", "100", "--weights", "around", "--scores", "ranges"],
        ["sensitivity", "p.afweging", "--samples", "100", "--spread", "participants", "--weights", "around"],
        ["rank", "bad.json"],
        ["rank", "p.afweging", "--out", "r.xlsx"],  # exists
        ["import", "bad.json", "--out", "z.afweging"],
        ["new", "x.txt"],
        ["log", "e.json"],
        ["weights", "e.json", "--aggregation", "median"],
        ["ballot", "export", "p.afweging", "--participant", "Nobody", "--out", "n.xlsx"],
        ["ballot", "import", "p.afweging", "notpdf.pdf"],
        ["methods"],
        ["workshop", "serve", "e.json"],
        ["frobnicate"],
        ["--help"],
        *[[verb, "--help"] for verb in ("apply", "check", "export", "import", "log", "methods", "new", "rank",
                                         "report", "sensitivity", "verify", "weights", "ballot", "workshop")],
        ["ballot", "export", "--help"],
        ["ballot", "import", "--help"],
        ["workshop", "serve", "--help"],
    ]  # fmt: skip
    out = []
    for args in steps:
        if args == "fill":
            _fill(tmp / "anna.xlsx", 10)
            _fill(tmp / "bert.xlsx", 30)
            continue
        p = _dutch(tmp, *args, MEMO_PW=pki.password)
        out.append(([str(a) for a in args], p.returncode, p.stdout + p.stderr))
    return out


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory, pki: Pki) -> list[tuple[list[str], int, str]]:
    out = _session(tmp_path_factory.mktemp("dutch"), pki)
    if os.environ.get("AFWEGING_SHOW_SESSION"):  # to read it all: AFWEGING_SHOW_SESSION=1 pytest -s
        for args, code, output in out:
            print(f"$ afweging {' '.join(args)}  [{code}]\n{output}")
    return out


def _english_in(output: str) -> list[str]:
    data = _data()
    signer = re.findall(r"ondertekend door (.+)", output)
    text = _scrub(output, *signer, *data)
    found = [f"text {frag!r}" for frag in _ENGLISH_FRAGMENTS if frag in text]
    return found + [f"word {w!r}" for w in ENGLISH.findall(text)]


_ENGLISH_FRAGMENTS = _english_fragments()


def test_every_verb_ran_as_expected(session) -> None:
    codes: dict[str, list[int]] = {}
    for a, code, _ in session:
        if "--help" not in a:
            codes.setdefault(" ".join(a[:2]), []).append(code)
    assert codes["new p.afweging"] == [0, 2]  # the second time: it exists
    assert codes["rank p.afweging"] == [0, 0, 2, 2]  # table, xlsx, unknown method, xlsx exists
    assert codes["ballot import"] == [2, 0, 2]
    assert codes["report p.afweging"] == [0, 2, 2, 2, 0]  # exists, no password, a draft, signed
    assert codes["verify memo.pdf"] == [1]  # not signed
    assert codes["verify signed.pdf"] == [0, 1, 1]  # trusted, another root, no root
    assert codes["frobnicate"] == [2]
    assert all(c == 0 for a, c, _ in session if "--help" in a)


def test_no_english_in_a_dutch_session(session) -> None:
    bad = []
    for args, _code, output in session:
        for line in output.splitlines():
            found = _english_in(line)
            if found:
                bad.append(f"afweging {' '.join(args)}\n    {line.strip()}\n    -> {', '.join(found)}")
    assert bad == [], f"{len(bad)} line(s) with English:\n" + "\n".join(bad)


def test_the_check_finds_english() -> None:
    """The check catches an untranslated catalogue text and a line that never reached the catalogue."""
    assert _english_in("rang  alternatief  score") == []
    assert _english_in("memo.pdf: 37 pages, not signed; decision data SHA-256 " + "a" * 64)
    assert _english_in("afweging: x.json: is not valid JSON: line 2, column 3")
    frag = next(iter(sorted(_ENGLISH_FRAGMENTS)))
    assert _english_in(f"iets {frag} iets")
