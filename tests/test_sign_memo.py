"""Signing the memo: PAdES with a PKCS#12 file and a PKCS#11 token (SoftHSM2), checked by pyHanko against a
two-level test PKI; every key problem is one clear line and leaves no file behind."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator.errors import InputError
from evaluator.report.export import export_memo
from evaluator.report.sign import Pkcs11Key, Pkcs12Key
from tests.pki import Pki, pki_fixture  # noqa: F401 - the fixture
from tests.report_data import memo_evaluation

SOFTHSM_LIB = "/usr/lib/softhsm/libsofthsm2.so"


def _validate(pdf: bytes, root: Path):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from evaluator.report.verify import load_trust_roots

    reader = PdfFileReader(io.BytesIO(pdf))
    (sig,) = reader.embedded_signatures
    vc = ValidationContext(trust_roots=load_trust_roots([root]), allow_fetching=False)
    status = validate_pdf_signature(sig, signer_validation_context=vc)
    return status, status.coverage == SignatureCoverageLevel.ENTIRE_FILE, sig


def test_pkcs12_signed_memo_validates_against_the_root(tmp_path, pki: Pki):
    out = tmp_path / "memo.pdf"
    res = export_memo(memo_evaluation(), out, key=Pkcs12Key(pki.signer_p12, pki.password),
                      reason="Vaststelling — 100 % akkoord", samples=0)  # fmt: skip
    assert res.signed and res.signer == "Anneke de Vries-Ëlsinga"
    status, whole, sig = _validate(out.read_bytes(), pki.root_pem)
    assert status.bottom_line and status.trusted and whole
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert str(sig.sig_object["/Reason"]) == "Vaststelling — 100 % akkoord"


def test_signature_is_untrusted_under_another_root(tmp_path, pki: Pki):
    out = tmp_path / "memo.pdf"
    export_memo(memo_evaluation(), out, key=Pkcs12Key(pki.signer_p12, pki.password), samples=0)
    status, _, _ = _validate(out.read_bytes(), pki.other_root_pem)
    assert status.intact and not status.trusted and not status.bottom_line


def test_visible_signature_sits_on_the_last_page(tmp_path, pki: Pki):
    from pypdf import PdfReader

    out = tmp_path / "memo.pdf"
    export_memo(memo_evaluation(), out, key=Pkcs12Key(pki.signer_p12, pki.password), samples=0, lang="en")
    reader = PdfReader(out)
    last = reader.pages[-1]
    widgets = [a.get_object() for a in last.get("/Annots", [])]
    sig = [w for w in widgets if w.get("/FT") == "/Sig"]
    assert len(sig) == 1
    x1, y1, x2, y2 = (float(v) for v in sig[0]["/Rect"])
    assert x2 - x1 > 150 and y2 - y1 > 50
    for page in reader.pages[:-1]:
        assert not [a for a in page.get("/Annots", []) if a.get_object().get("/FT") == "/Sig"]
    assert "Signature" in last.extract_text()


@pytest.mark.parametrize(
    ("which", "password", "message"),
    [
        ("signer_p12", "wrong", "wrong password"),
        ("expired_p12", None, "expired on"),
        ("no_nonrep_p12", None, "not meant for signing documents"),
        ("root_pem", None, "not a PKCS#12 key file"),
    ],
)
def test_bad_keys_fail_with_one_line_and_no_file(tmp_path, pki: Pki, which, password, message):
    out = tmp_path / "memo.pdf"
    key = Pkcs12Key(getattr(pki, which), pki.password if password is None else password)
    with pytest.raises(InputError, match=message) as err:
        export_memo(memo_evaluation(), out, key=key, samples=0)
    assert "\n" not in err.value.line()
    assert list(tmp_path.iterdir()) == []


def test_report_verb_signs_and_refuses_a_wrong_password(tmp_path, pki: Pki):
    from evaluator.io import write_any

    src = tmp_path / "ev.json"
    write_any(memo_evaluation(), src)
    env = {**os.environ, "AFWEGING_LOG_DIR": str(tmp_path / "log"), "MEMO_PW": pki.password}
    cmd = [
        sys.executable,
        "-m",
        "evaluator",
        "report",
        str(src),
        "--samples",
        "0",
        "--sign",
        str(pki.signer_p12),
        "--allow-draft",  # the test evaluation is a concept
    ]
    ok = subprocess.run([*cmd, "--out", str(tmp_path / "a.pdf"), "--password-env", "MEMO_PW"],
                        capture_output=True, text=True, env=env)  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert "signed by Anneke" in ok.stdout
    bad = subprocess.run([*cmd, "--out", str(tmp_path / "b.pdf"), "--password-env", "MEMO_PW"],
                         capture_output=True, text=True, env={**env, "MEMO_PW": "nope"})  # fmt: skip
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "wrong password" in bad.stderr
    assert "Traceback" not in bad.stderr and "nope" not in bad.stderr + bad.stdout
    assert not (tmp_path / "b.pdf").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["a.pdf"]
    missing = subprocess.run([*cmd, "--out", str(tmp_path / "c.pdf"), "--password-env", "UNSET_VAR_X"],
                             capture_output=True, text=True, env=env)  # fmt: skip
    assert missing.returncode == 2 and "UNSET_VAR_X is not set" in missing.stderr


def test_timestamped_signature_b_t(tmp_path, pki: Pki):
    """B-T: a timestamp token from a (test) TSA; the TSA certificate carries the time-stamping EKU."""
    import datetime as dt

    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
    from pyhanko.sign.timestamps import DummyTimeStamper

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test TSA")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    tsa = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )  # fmt: skip
        ),
    )
    out = tmp_path / "memo.pdf"
    export_memo(
        memo_evaluation(), out, key=Pkcs12Key(pki.signer_p12, pki.password), samples=0, timestamper=tsa
    )
    from pyhanko.pdf_utils.reader import PdfFileReader

    (sig,) = PdfFileReader(io.BytesIO(out.read_bytes())).embedded_signatures
    unsigned = sig.signer_info["unsigned_attrs"].native or []
    assert any(a["type"] == "signature_time_stamp_token" for a in unsigned)
    status, whole, _ = _validate(out.read_bytes(), pki.root_pem)
    assert status.intact and status.valid and status.trusted and whole


# -- PKCS#11 with a real SoftHSM2 token -----------------------------------------------------------------------


@pytest.fixture
def softhsm_token(tmp_path, pki: Pki, monkeypatch):
    if not (os.path.exists(SOFTHSM_LIB) and shutil.which("softhsm2-util") and shutil.which("pkcs11-tool")):
        pytest.skip("softhsm2 and opensc (pkcs11-tool) are not installed; .ci/run installs them")
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    pin = "123456"
    run = lambda *a: subprocess.run(a, check=True, capture_output=True, text=True)  # noqa: E731
    run(
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        "afweging-test",
        "--pin",
        pin,
        "--so-pin",
        "654321",
    )
    base = ["pkcs11-tool", "--module", SOFTHSM_LIB, "--token-label", "afweging-test", "--login", "--pin", pin]
    run(
        *base,
        "--write-object",
        str(pki.signer_key_der),
        "--type",
        "privkey",
        "--label",
        "signer",
        "--id",
        "01",
    )
    run(
        *base, "--write-object", str(pki.signer_cert_der), "--type", "cert", "--label", "signer", "--id", "01"
    )
    return {"lib": SOFTHSM_LIB, "token": "afweging-test", "pin": pin}


def test_pkcs11_token_signs_a_memo_that_validates(tmp_path, pki: Pki, softhsm_token):
    out = tmp_path / "memo.pdf"
    key = Pkcs11Key(softhsm_token["lib"], softhsm_token["token"], "signer", softhsm_token["pin"])
    res = export_memo(memo_evaluation(), out, key=key, samples=0)
    assert res.signed and res.signer == "Anneke de Vries-Ëlsinga"
    status, whole, _ = _validate(out.read_bytes(), pki.root_pem)
    assert status.bottom_line and whole


@pytest.mark.parametrize(
    ("token", "key_label", "pin", "message"),
    [
        ("no-such-token", "signer", "123456", "no such token"),
        ("afweging-test", "signer", "000000", "wrong PIN"),
        ("afweging-test", "nobody", "123456", "no certificate labelled 'nobody'"),
    ],
)
def test_pkcs11_problems_are_one_line_and_leave_no_file(
    tmp_path, softhsm_token, token, key_label, pin, message
):
    out = tmp_path / "out" / "memo.pdf"
    out.parent.mkdir()
    with pytest.raises(InputError, match=message):
        export_memo(
            memo_evaluation(), out, key=Pkcs11Key(softhsm_token["lib"], token, key_label, pin), samples=0
        )
    assert list(out.parent.iterdir()) == []


def test_pkcs11_missing_library_is_named(tmp_path):
    with pytest.raises(InputError, match="no such PKCS#11 library"):
        export_memo(memo_evaluation(), tmp_path / "m.pdf", key=Pkcs11Key(tmp_path / "nope.so", "t", "k", "1"))
    assert list(tmp_path.iterdir()) == []
