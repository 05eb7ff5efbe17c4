"""``afweging verify`` is not fooled (issue 13): attacks on the signature container, pages that say one thing and
data that say another, attachments that ask for hours of work or have a crafted shape, and reasons that say
what is actually wrong.

The container attacks are built with bytes operations on real signed memos (tests/sig_attacks.py), on a memo
made now and on the memos v0.1.0 signed; each must make ``verify --trust ROOT --format json`` exit 1 naming the
check that failed, with every check that rests on it "not checked".
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator.cli import main
from evaluator.io.canonical import canonical_bytes, sha256
from evaluator.model import frozen_map
from evaluator.report.decision import decision_data
from evaluator.report.export import export_memo
from evaluator.report.memo import ATTACHMENT_NAME, build_memo
from evaluator.report.sign import Pkcs12Key, attach_and_sign, load_pkcs12
from evaluator.report.verify import describe, verify_memo
from tests import sig_attacks
from tests.pki import PASSWORD, Pki, pki_fixture  # noqa: F401 - the fixture
from tests.report_data import memo_evaluation

FIXTURES = Path(__file__).parent / "fixtures" / "memos" / "v0.1.0"
DATA_CHECKS = ("attachment", "digest", "ranking")


def _teams_first():
    """The test evaluation with Teams and openDesk swapping names (so Teams is first), evidence left out so the
    decision JSON is small enough to fit the room a literal /Contents frees."""
    ev = memo_evaluation()
    swap = {"Microsoft Teams": "openDesk", "openDesk": "Microsoft Teams"}
    alts = tuple(dataclasses.replace(a, name=swap.get(a.name, a.name)) for a in ev.alternatives)
    bare = frozen_map({k: dataclasses.replace(v, evidence="", source="") for k, v in ev.assessments.items()})
    return dataclasses.replace(ev, alternatives=alts, assessments=bare)


@pytest.fixture(scope="module")
def memos(tmp_path_factory, pki: Pki) -> dict[str, tuple[bytes, Path]]:
    """name → (signed memo bytes, its trust root): one made now, and the two v0.1.0 signed."""
    folder = tmp_path_factory.mktemp("signed")
    out = folder / "memo.pdf"
    export_memo(memo_evaluation(), out, key=Pkcs12Key(pki.signer_p12, pki.password), samples=300, seed=3)
    found = {"now": (out.read_bytes(), pki.root_pem)}
    for name in ("small-en.pdf", "sample-nl.pdf"):
        found[f"v0.1.0/{name}"] = ((FIXTURES / name).read_bytes(), FIXTURES / "root.pem")
    return found


def verify_cli(path: Path, *extra: str) -> tuple[int, dict]:
    env = {**os.environ, "AFWEGING_LOG_DIR": str(path.parent / "log")}
    p = subprocess.run([sys.executable, "-m", "evaluator", "verify", str(path), "--format", "json", *extra],
                       capture_output=True, text=True, env=env, timeout=300)  # fmt: skip
    assert "Traceback" not in p.stderr and "internal error" not in p.stderr, p.stderr
    return p.returncode, (json.loads(p.stdout) if p.stdout.strip() else {"stderr": p.stderr})


def _sign(pdf: bytes, data_raw: bytes, memo, signer) -> bytes:
    return attach_and_sign(pdf, data_raw, ATTACHMENT_NAME, signer=signer, page=memo.signature_page,
                           box=memo.signature_box)  # fmt: skip


# -- the container attacks ------------------------------------------------------------------------------------


def _attack(name: str, raw: bytes) -> bytes:
    if name == "literal-overlay":
        return sig_attacks.literal_overlay(raw)
    if name == "literal-data":
        data = canonical_bytes(decision_data(_teams_first(), samples=0))
        return sig_attacks.literal_overlay(raw, data, sha256(data))
    if name == "wrapped-literal":
        return sig_attacks.wrapped(raw)
    if name == "wrapped-hex":
        return sig_attacks.wrapped(raw, hexed=True)
    assert name == "plain-update"
    return sig_attacks.plain_update(raw)


ATTACKS = {
    # attack → words the reason must contain
    "literal-overlay": "added after the signed part",
    "literal-data": "added after the signed part",
    "wrapped-literal": "literal string",
    "wrapped-hex": "not just the signature",
    "plain-update": "added after the signed part",
}


def test_the_literal_attacks_fool_pyhanko_on_its_own(memos, tmp_path):
    """The attacks are real: pyHanko alone calls these files intact, trusted and covering the entire file, while
    page 1 shows the attacker's text (and, in one, the data name Teams first). This is what verify must catch."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext
    from pypdf import PdfReader

    from evaluator.report.verify import load_trust_roots

    raw, root = memos["now"]
    for name in ("literal-overlay", "literal-data", "wrapped-literal"):
        bad = _attack(name, raw)
        (sig,) = PdfFileReader(io.BytesIO(bad), strict=False).embedded_signatures
        vc = ValidationContext(trust_roots=load_trust_roots([root]), allow_fetching=False)
        status = validate_pdf_signature(sig, signer_validation_context=vc)
        assert status.bottom_line and status.coverage == SignatureCoverageLevel.ENTIRE_FILE, name
        assert sig_attacks.OVERLAY_TEXT in PdfReader(io.BytesIO(bad)).pages[0].extract_text(), name
    data = canonical_bytes(decision_data(_teams_first(), samples=0))
    bad = _attack("literal-data", raw)
    names = PdfFileReader(io.BytesIO(bad), strict=False).root["/Names"]["/EmbeddedFiles"]["/Names"]
    assert names[1].get_object()["/EF"]["/F"].get_object().data == data


@pytest.mark.parametrize("memo_name", ["now", "v0.1.0/small-en.pdf", "v0.1.0/sample-nl.pdf"])
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_container_attack_is_rejected(memos, tmp_path, memo_name, attack):
    raw, root = memos[memo_name]
    bad = tmp_path / "attacked.pdf"
    bad.write_bytes(_attack(attack, raw))
    code, data = verify_cli(bad, "--trust", str(root))
    checks = {c["name"]: c for c in data["checks"]}
    assert code == 1 and data["valid"] is False, data
    assert data["failed"] == "unchanged", data
    assert ATTACKS[attack] in checks["unchanged"]["detail"], checks["unchanged"]
    assert (
        checks["signature"]["ok"] is True and checks["trust"]["ok"] is True
    )  # the signed bytes are intact ...
    assert [checks[n]["ok"] for n in DATA_CHECKS] == [
        None,
        None,
        None,
    ]  # ... but nothing unsigned is believed


def test_pdfsig_agrees_the_attacked_file_is_not_wholly_signed(memos, tmp_path):
    """A second opinion (poppler's pdfsig), where installed; the core does not depend on it."""
    import shutil

    if shutil.which("pdfsig") is None:
        pytest.skip("pdfsig (poppler-utils) not installed")
    raw, _ = memos["now"]
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(raw)
    bad.write_bytes(_attack("literal-overlay", raw))
    said = {
        p.name: subprocess.run(["pdfsig", str(p)], capture_output=True, text=True).stdout for p in (good, bad)
    }
    assert "Total document signed" in said["good.pdf"] and "Not total document signed" not in said["good.pdf"]
    assert "Not total document signed" in said["bad.pdf"]


def test_a_failed_signature_leaves_nothing_ticked_after_it(memos, tmp_path):
    """Issue 11 item 7: under "✗ the signed bytes have been altered" no "✓ Nothing was changed after signing"."""
    raw = bytearray(memos["now"][0])
    i = raw.index(b"Samenwerkingsplatform")
    raw[i] = ord("Z")
    bad = tmp_path / "byte.pdf"
    bad.write_bytes(bytes(raw))
    v = verify_memo(bad, [memos["now"][1]])
    assert v.check("signature").ok is False
    assert [v.check(n).ok for n in ("trust", "unchanged", *DATA_CHECKS)] == [None] * 5
    text = "\n".join(describe(v))
    assert "✓" not in text and "– Nothing was changed after signing" in text


def _with_keywords(pdf: bytes, keywords: str) -> bytes:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    info = w.trailer["/Info"]
    info[generic.pdf_name("/Keywords")] = generic.TextStringObject(keywords)
    w.update_container(info)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


# -- pages against data ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def signer(pki: Pki):
    return load_pkcs12(Pkcs12Key(pki.signer_p12, pki.password))


@pytest.mark.parametrize("footer", ["pages", "attachment"])
def test_pages_from_one_evaluation_and_data_from_another_are_caught(tmp_path, pki: Pki, signer, footer):
    """Pages saying openDesk, data saying Teams, signed by the trusted key. With the pages' own SHA-256 in the
    footers the digest check names the page; with the attachment's SHA-256 there the ranking check names what
    page 1 should show."""
    ev_pages, ev_data = memo_evaluation(), _teams_first()
    shown = decision_data(ev_pages, samples=0)
    attached = decision_data(ev_data, samples=0)
    raw = canonical_bytes(attached)
    digest_on_pages = sha256(canonical_bytes(shown)) if footer == "pages" else sha256(raw)
    memo = build_memo(ev_pages, shown, digest_on_pages, lang="en", signed=True)
    # /Info names the attachment in both, so that only the pages can give the mix-up away.
    pdf = _sign(_with_keywords(memo.data, f"afweging-decision-sha256:{sha256(raw)}"), raw, memo, signer)
    out = tmp_path / "mixed.pdf"
    out.write_bytes(pdf)
    code, data = verify_cli(out, "--trust", str(pki.root_pem))
    checks = {c["name"]: c for c in data["checks"]}
    assert code == 1 and checks["signature"]["ok"] and checks["trust"]["ok"] and checks["unchanged"]["ok"], (
        data
    )
    if footer == "pages":
        assert data["failed"] == "digest", data
        assert checks["digest"]["detail"].startswith(f"page 1 names SHA-256 {digest_on_pages[:16]}"), checks
    else:
        assert data["failed"] == "ranking", data
        assert "pages 1–2" in checks["ranking"]["detail"] and "Microsoft Teams" in checks["ranking"]["detail"]
    assert data["first"] == "Microsoft Teams"


# -- reasons that say what is wrong ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("which", "words"),
    [("expired_p12", "expired on"), ("no_nonrep_p12", "lacks non-repudiation")],
)
def test_trust_failure_says_what_is_wrong(tmp_path, pki: Pki, which, words):
    """Our signer refuses these keys up front, so the memo is signed with pyHanko directly."""
    from pyhanko.sign.signers import SimpleSigner

    ev = memo_evaluation()
    data = decision_data(ev, samples=0)
    raw = canonical_bytes(data)
    memo = build_memo(ev, data, sha256(raw), signed=True)
    key = SimpleSigner.load_pkcs12(str(getattr(pki, which)), passphrase=PASSWORD.encode())
    out = tmp_path / f"{which}.pdf"
    out.write_bytes(_sign(memo.data, raw, memo, (key, which)))
    code, result = verify_cli(out, "--trust", str(pki.root_pem))
    checks = {c["name"]: c for c in result["checks"]}
    assert code == 1 and result["failed"] == "trust", result
    assert words in checks["trust"]["detail"] and "does not lead to" not in checks["trust"]["detail"]
    assert checks["unchanged"]["ok"] and checks["ranking"]["ok"]  # only the trust is wrong, and it says why


def test_an_unknown_root_still_says_so(memos, tmp_path, pki: Pki):
    good = tmp_path / "memo.pdf"
    good.write_bytes(memos["now"][0])
    code, result = verify_cli(good, "--trust", str(pki.other_root_pem))
    assert code == 1 and result["failed"] == "trust"
    assert "does not lead to a given root" in result["checks"][1]["detail"]


# -- work and shape limits ------------------------------------------------------------------------------------


def _asking_for(samples: int) -> bytes:
    data = decision_data(memo_evaluation(), samples=0)
    data["results"]["sensitivity"] = {"method": "wsm", "samples": samples, "seed": 1}
    return canonical_bytes(data)


def test_an_unsigned_memo_asking_for_hours_of_work_stops_at_the_signature(tmp_path, pki: Pki):
    raw = _asking_for(100_000_000)
    ev = memo_evaluation()
    memo = build_memo(ev, decision_data(ev, samples=0), sha256(raw), signed=False)
    out = tmp_path / "unsigned.pdf"
    out.write_bytes(attach_and_sign(memo.data, raw, ATTACHMENT_NAME))
    code, result = verify_cli(out, "--trust", str(pki.root_pem))  # the 300 s timeout fails a hang
    assert code == 1 and result["failed"] == "signature"
    assert [c["ok"] for c in result["checks"][1:]] == [None] * 5


def test_a_signed_memo_asking_for_too_many_samples_is_refused(tmp_path, pki: Pki, signer):
    raw = _asking_for(100_000_000)
    ev = memo_evaluation()
    memo = build_memo(ev, decision_data(ev, samples=0), sha256(raw), signed=True)
    out = tmp_path / "greedy.pdf"
    out.write_bytes(_sign(memo.data, raw, memo, signer))
    code, result = verify_cli(out, "--trust", str(pki.root_pem))
    checks = {c["name"]: c for c in result["checks"]}
    assert code == 1 and result["failed"] == "attachment", result
    assert "100000000 samples" in checks["attachment"]["detail"]


def test_a_decompression_bomb_is_refused(tmp_path, pki: Pki, signer):
    raw = b'{"evaluation": {}, "results": {}, "pad": "' + b" " * 60_000_000 + b'"}'
    ev = memo_evaluation()
    memo = build_memo(ev, decision_data(ev, samples=0), sha256(raw), signed=True)
    out = tmp_path / "bomb.pdf"
    out.write_bytes(_sign(memo.data, raw, memo, signer))
    assert out.stat().st_size < 2_000_000  # it really is a bomb: small on disk
    code, result = verify_cli(out, "--trust", str(pki.root_pem))
    assert code == 1 and result["failed"] == "attachment" and "larger than" in result["checks"][3]["detail"]


def _crafted() -> dict[str, bytes]:
    """A few dozen decision files of the wrong shape, each a way a hand-edited or hostile attachment can look."""
    good = decision_data(memo_evaluation(), samples=0)

    def edit(path: str, value):
        d = json.loads(json.dumps(good))
        *parents, last = path.split(".")
        node = d
        for p in parents:
            node = node[int(p)] if isinstance(node, list) else node[p]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
        return json.dumps(d).encode()

    out = {
        "list": b"[]",
        "string": b'"decision"',
        "number": b"42",
        "null": b"null",
        "empty object": b"{}",
        "not json": b"{evaluation: }",
        "not utf-8": b'{"a": "\xff\xfe"}',
        "nan": b'{"evaluation": NaN, "results": {}}',
        "deep": b"[" * 5000 + b"]" * 5000,
        "evaluation a list": json.dumps({"evaluation": [], "results": {}}).encode(),
        "results a list": json.dumps({"evaluation": good["evaluation"], "results": []}).encode(),
        "too many alternatives": edit("evaluation.alternatives", [{}] * 2500),
    }
    out |= {
        "ranking a dict": edit("results.ranking", {}),
        "ranking of numbers": edit("results.ranking", [1, 2]),
        "rank a string": edit("results.ranking.0", {"rank": "1", "name": "openDesk"}),
        "rank a bool": edit("results.ranking.0", {"rank": True, "name": "openDesk"}),
        "name a number": edit("results.ranking.0", {"rank": 1, "name": 5}),
        "method a number": edit("results.method", 5),
        "method unknown": edit("results.method", "astrology"),
        "methods a string": edit("results.methods_requested", "wsm"),
        "methods of numbers": edit("results.methods_requested", [1, 2]),
        "methods unknown": edit("results.methods_requested", ["astrology"]),
        "methods many": edit("results.methods_requested", ["wsm"] * 500),
        "sensitivity a list": edit("results.sensitivity", [1]),
        "samples a string": edit("results.sensitivity", {"samples": "many", "seed": 1}),
        "samples negative": edit("results.sensitivity", {"samples": -1, "seed": 1}),
        "samples a float": edit("results.sensitivity", {"samples": 1e9, "seed": 1}),
        "seed negative": edit("results.sensitivity", {"samples": 10, "seed": -5}),
        "seed huge": edit("results.sensitivity", {"samples": 10, "seed": 2**70}),
        "seed a list": edit("results.sensitivity", {"samples": 10, "seed": [1]}),
        "alternatives a dict": edit("evaluation.alternatives", {}),
        "alternatives of strings": edit("evaluation.alternatives", ["a", "b"]),
        "criteria a string": edit("evaluation.criteria", "x"),
        "evaluation format": edit("evaluation.format", "something-else"),
        "evaluation version": edit("evaluation.version", 999),
        "weights a list": edit("evaluation.weights", []),
        "assessments a list": edit("evaluation.assessments", [[1, 2]]),
        "scores strings": edit("evaluation.assessments", {"x": "y"}),
        "other methods a list": edit("results.other_methods", [1]),
        "excluded a string": edit("results.excluded", "none"),
    }
    return out


def test_crafted_attachments_give_a_reason_never_an_internal_error(tmp_path, pki: Pki, signer):
    """Each crafted shape, attached to a memo and signed by the trusted key, through the command line: exit 1
    with the failing check's reason, never "internal error" and never exit 2 (the memo itself is readable)."""
    from tests.fuzz_support import hang_guard

    ev = memo_evaluation()
    memo = build_memo(ev, decision_data(ev, samples=0), "0" * 64, signed=True)
    env_log = os.environ.get("AFWEGING_LOG_DIR")
    os.environ["AFWEGING_LOG_DIR"] = str(tmp_path / "log")
    try:
        for name, raw in _crafted().items():
            out = tmp_path / "crafted.pdf"
            out.write_bytes(_sign(memo.data, raw, memo, signer))
            so, se = io.StringIO(), io.StringIO()
            with hang_guard(), contextlib.redirect_stdout(so), contextlib.redirect_stderr(se):
                code = main(["verify", str(out), "--trust", str(pki.root_pem), "--format", "json"])
            assert code == 1 and "internal error" not in se.getvalue() and not se.getvalue(), (
                name,
                se.getvalue(),
            )
            result = json.loads(so.getvalue())
            failed = next(c for c in result["checks"] if c["ok"] is False)
            assert failed["name"] in DATA_CHECKS and failed["detail"], (name, result)
            ranking = result["checks"][-1]
            assert ranking["ok"] is not True, (name, ranking)
    finally:
        if env_log is None:
            os.environ.pop("AFWEGING_LOG_DIR", None)
        else:
            os.environ["AFWEGING_LOG_DIR"] = env_log


# -- the container check on its own ---------------------------------------------------------------------------

_FILE = b"A" * 10 + b"<0A0b>" + b"B" * 5


@pytest.mark.parametrize(
    ("raw", "byte_range", "cms", "words"),
    [
        (_FILE, [0, 10, 16, 5], b"\x0a\x0b", None),
        (_FILE.replace(b"<0A0b>", b"(\n\x0b)  "), [0, 10, 16, 5], b"\n\x0b", "literal string"),
        (_FILE.replace(b"<0A0b>", b"<0A 0>"), [0, 10, 16, 5], b"\x0a", "not just the signature"),
        (_FILE.replace(b"<0A0b>", b"<0A0bb"), [0, 10, 16, 5], b"\x0a\x0b", "not just the signature"),
        (_FILE.replace(b"<0A0b>", b"<0A0b0>"), [0, 10, 17, 5], b"\x0a\x0b", "odd number"),
        (_FILE, [0, 10, 16, 5], b"\x0a\x0c", "not the one that was checked"),
        (_FILE, [0, 10, 16, 4], b"\x0a\x0b", "1 bytes were added"),
        (_FILE, [0, 10, 16, 6], b"\x0a\x0b", "past the end"),
        (_FILE, [1, 10, 16, 5], b"\x0a\x0b", "does not describe"),
        (_FILE, [0, 16, 10, 5], b"\x0a\x0b", "does not describe"),
        (_FILE, [0, 10.0, 16, 5], b"\x0a\x0b", "four whole numbers"),
        (_FILE, [0, 10, 16], b"\x0a\x0b", "four whole numbers"),
        (_FILE, None, b"\x0a\x0b", "not a list"),
    ],
)
def test_container_problem(raw, byte_range, cms, words):
    from evaluator.report.sigcontainer import container_problem

    problem = container_problem(raw, byte_range, cms)
    assert (problem is None) if words is None else (words in (problem or "")), problem
