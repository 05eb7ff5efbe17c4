"""``afweging verify``: a good memo passes; an incremental edit, a changed byte, a truncated file, an untrusted
root, an unsigned memo and doctored results are each rejected, and the JSON says which check failed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator.io.canonical import canonical_bytes, sha256
from evaluator.report.decision import decision_data
from evaluator.report.export import export_memo
from evaluator.report.memo import ATTACHMENT_NAME, build_memo
from evaluator.report.sign import Pkcs12Key, attach_and_sign, load_pkcs12
from evaluator.report.verify import describe, verify_memo
from tests.pki import Pki, pki_fixture  # noqa: F401 - the fixture
from tests.report_data import memo_evaluation


@pytest.fixture(scope="module")
def signed(tmp_path_factory, pki: Pki) -> Path:
    out = tmp_path_factory.mktemp("memo") / "memo.pdf"
    export_memo(memo_evaluation(), out, key=Pkcs12Key(pki.signer_p12, pki.password), samples=1000, seed=3)
    return out


def _verify_cli(path: Path, *extra: str) -> tuple[int, dict]:
    env = {**os.environ, "AFWEGING_LOG_DIR": str(path.parent / "log")}
    p = subprocess.run([sys.executable, "-m", "evaluator", "verify", str(path), "--format", "json", *extra],
                       capture_output=True, text=True, env=env)  # fmt: skip
    assert "Traceback" not in p.stderr
    return p.returncode, (json.loads(p.stdout) if p.stdout.strip() else {"stderr": p.stderr})


def test_good_memo_is_valid_with_every_check(signed, pki: Pki):
    v = verify_memo(signed, [pki.root_pem])
    assert v.valid, describe(v)
    assert [c.name for c in v.checks] == [
        "signature",
        "trust",
        "unchanged",
        "attachment",
        "digest",
        "ranking",
    ]
    assert v.signer == "Anneke de Vries-Ëlsinga" and v.winner == "openDesk"
    code, data = _verify_cli(signed, "--trust", str(pki.root_pem))
    assert code == 0 and data["valid"] is True and data["failed"] is None
    assert data["sha256"] == v.digest


def test_untrusted_root_is_rejected(signed, pki: Pki):
    code, data = _verify_cli(signed, "--trust", str(pki.other_root_pem))
    assert code == 1 and data["failed"] == "trust"
    code, data = _verify_cli(signed)
    assert code == 1 and data["failed"] == "trust"


def test_incremental_edit_is_rejected(tmp_path, signed, pki: Pki):
    """An update appended after signing (here: the page text replaced) keeps the signed bytes intact."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(signed.read_bytes()))
    page_ref = w.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 720 Td (Advies: Microsoft Teams) Tj ET")
    page["/Contents"] = w.add_object(stream)
    w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    edited = tmp_path / "edited.pdf"
    edited.write_bytes(out.getvalue())
    v = verify_memo(edited, [pki.root_pem])
    assert not v.valid
    assert v.check("signature").ok  # the signed revision itself is intact ...
    assert v.check("unchanged").ok is False  # ... but the file was changed after signing
    code, data = _verify_cli(edited, "--trust", str(pki.root_pem))
    assert code == 1 and data["failed"] == "unchanged"


def test_a_changed_byte_is_rejected(tmp_path, signed, pki: Pki):
    raw = bytearray(signed.read_bytes())
    i = raw.index(b"Samenwerkingsplatform")  # the title in the document information, inside the signed range
    raw[i] = ord("Z")
    bad = tmp_path / "byte.pdf"
    bad.write_bytes(bytes(raw))
    code, data = _verify_cli(bad, "--trust", str(pki.root_pem))
    assert code == 1 and data["failed"] == "signature"


def test_a_truncated_file_is_rejected(tmp_path, signed, pki: Pki):
    raw = signed.read_bytes()
    for cut in (len(raw) // 2, len(raw) - 200):
        bad = tmp_path / f"cut{cut}.pdf"
        bad.write_bytes(raw[:cut])
        code, data = _verify_cli(bad, "--trust", str(pki.root_pem))
        assert code == 1 and data["valid"] is False and data["failed"] == "signature", data


def test_unsigned_memo_is_not_valid(tmp_path, pki: Pki):
    out = tmp_path / "unsigned.pdf"
    export_memo(memo_evaluation(), out, samples=0)
    v = verify_memo(out, [pki.root_pem])
    assert not v.valid and v.failed[0].name == "signature"
    # Nothing rests on an unsigned file: the attached data is not even read (issue 13: a crafted unsigned memo
    # must not keep verify busy recomputing).
    assert [v.check(n).ok for n in ("trust", "unchanged", "attachment", "digest", "ranking")] == [None] * 5


def test_doctored_results_under_a_valid_signature_are_caught(tmp_path, pki: Pki):
    """A memo signed over results that do not follow from its own evaluation fails the ranking check."""
    ev = memo_evaluation()
    data = decision_data(ev, samples=0)
    rows = data["results"]["ranking"]
    first = next(r for r in rows if r["rank"] == 1)
    last = max(rows, key=lambda r: r["rank"])
    first["rank"], last["rank"] = last["rank"], first["rank"]
    raw = canonical_bytes(data)
    memo = build_memo(ev, data, sha256(raw), signed=True)
    pdf = attach_and_sign(memo.data, raw, ATTACHMENT_NAME, signer=load_pkcs12(Pkcs12Key(pki.signer_p12,
                          pki.password)), page=memo.signature_page, box=memo.signature_box)  # fmt: skip
    out = tmp_path / "doctored.pdf"
    out.write_bytes(pdf)
    v = verify_memo(out, [pki.root_pem])
    assert v.check("signature").ok and v.check("trust").ok and v.check("digest").ok
    assert v.check("ranking").ok is False and "rank" in v.check("ranking").detail
    assert "memo says" in v.check("ranking").detail and "more)" in v.check("ranking").detail
    dutch = "\n".join(describe(v, "nl"))  # the same verdict for a Dutch reader: no English in it
    for english in ("memo says", "recomputed", "more)", "only in the"):
        assert english not in dutch, dutch
    assert "het memo zegt" in dutch and "herberekend" in dutch, dutch


def test_attachment_that_differs_from_the_named_digest_is_caught(tmp_path, pki: Pki):
    ev = memo_evaluation()
    data = decision_data(ev, samples=0)
    raw = canonical_bytes(data)
    memo = build_memo(ev, data, "0" * 64, signed=True)
    out = tmp_path / "m.pdf"
    out.write_bytes(attach_and_sign(memo.data, raw, ATTACHMENT_NAME, signer=load_pkcs12(Pkcs12Key(
        pki.signer_p12, pki.password)), page=memo.signature_page, box=memo.signature_box))  # fmt: skip
    v = verify_memo(out, [pki.root_pem])
    assert v.check("signature").ok and v.check("unchanged").ok
    assert v.check("digest").ok is False


def test_unreadable_input_is_exit_2(tmp_path, pki: Pki):
    not_pdf = tmp_path / "memo.pdf"
    not_pdf.write_text("hello")
    code, data = _verify_cli(not_pdf, "--trust", str(pki.root_pem))
    assert code == 2 and "is not a PDF file" in data["stderr"]
    code, data = _verify_cli(tmp_path / "missing.pdf")
    assert code == 2 and "no such file" in data["stderr"]
    code, data = _verify_cli(not_pdf, "--trust", str(not_pdf))
    assert code == 2 and "is not a certificate" in data["stderr"]


def test_text_output_in_dutch(signed, pki: Pki):
    env = {**os.environ, "AFWEGING_LOG_DIR": str(signed.parent / "log")}
    p = subprocess.run([sys.executable, "-m", "evaluator", "verify", str(signed), "--trust", str(pki.root_pem),
                        "--lang", "nl"], capture_output=True, text=True, env=env)  # fmt: skip
    assert p.returncode == 0
    assert p.stdout.startswith("GELDIG — ondertekend door Anneke de Vries-Ëlsinga")
