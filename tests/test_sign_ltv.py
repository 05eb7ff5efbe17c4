"""A memo stays valid after the signer's certificate expires (issue 13): PAdES B-T with a time-stamp authority,
B-LT and B-LTA with validation data (the test PKI's CRL) embedded in a DSS, judged by ``verify`` at the time of
signing once the certificate has expired; while a B-B memo becomes invalid and says why.

"Later" is a moment after the signer's certificate expired, given to ``verify --at``: the same memo, the same
certificates, judged as on that day. The TSA is made in the fixture (in-process, or on 127.0.0.1 for the CLI);
nothing connects out.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509

from evaluator.errors import InputError
from evaluator.report.export import export_memo
from evaluator.report.ltv import longevity
from evaluator.report.sign import Pkcs12Key, find_pkcs11_libs
from evaluator.report.verify import describe, verify_memo
from tests.pki import Pki, local_tsa, make_tsa, pki_fixture  # noqa: F401 - the fixture
from tests.report_data import memo_evaluation
from tests.test_sign_memo import softhsm_token  # noqa: F401 - the SoftHSM2 token fixture

LEVELS = ("B-B", "B-T", "B-LT", "B-LTA")


def _expiry(pki: Pki) -> dt.datetime:
    return x509.load_pem_x509_certificate(pki.signer_cert_pem.read_bytes()).not_valid_after_utc


def _later(pki: Pki) -> dt.datetime:
    return _expiry(pki) + dt.timedelta(days=30)


def _sign(pki: Pki, out: Path, level: str, crl: Path | None = None) -> None:
    data = [crl or pki.crl_pem] if level in ("B-LT", "B-LTA") else []
    lon = longevity(level, timestamper=make_tsa(pki) if level != "B-B" else None, validation_data=data)
    export_memo(memo_evaluation(), out, key=Pkcs12Key(pki.signer_p12, pki.password), samples=0, longevity=lon)


@pytest.fixture(scope="module")
def memos(tmp_path_factory, pki: Pki) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ltv")
    found = {}
    for level in LEVELS:
        found[level] = folder / f"memo-{level}.pdf"
        _sign(pki, found[level], level)
    return found


def _cli(*argv: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "AFWEGING_LOG_DIR": str((cwd or Path.cwd()) / "log"), **(env or {})}
    p = subprocess.run([sys.executable, "-m", "evaluator", *argv], capture_output=True, text=True, env=env,
                       timeout=300)  # fmt: skip
    assert "Traceback" not in p.stderr and "internal error" not in p.stderr, p.stderr
    return p


# -- what each level holds ---------------------------------------------------------------------------------------


def test_each_level_holds_what_it_promises(memos, pki: Pki):
    from pyhanko.pdf_utils.reader import PdfFileReader

    for level, path in memos.items():
        reader = PdfFileReader(io.BytesIO(path.read_bytes()))
        sigs = reader.embedded_signatures
        unsigned = sigs[0].signer_info["unsigned_attrs"].native or []
        has_ts = any(a["type"] == "signature_time_stamp_token" for a in unsigned)
        assert has_ts == (level != "B-B"), level
        assert ("/DSS" in reader.root) == (level in ("B-LT", "B-LTA")), level
        if level in ("B-LT", "B-LTA"):
            dss = reader.root["/DSS"]
            assert len(dss["/CRLs"]) >= 1 and len(dss["/Certs"]) >= 2  # the CRL, the signer's and TSA's chain
        # B-LT is one signed revision; B-LTA adds one revision ending in a document time-stamp over everything.
        assert len(sigs) == (2 if level == "B-LTA" else 1), level
        if level == "B-LTA":
            assert sigs[1].sig_object["/Type"] == "/DocTimeStamp"
            assert sigs[1].byte_range[2] + sigs[1].byte_range[3] == len(path.read_bytes())
        v = verify_memo(path, [pki.root_pem])
        assert v.valid, describe(v)
        assert v.level == level and bool(v.timestamp) == (level != "B-B") and v.judged_at == ""


def test_now_a_timestamped_memo_names_its_timestamp(memos, pki: Pki):
    v = verify_memo(memos["B-LTA"], [pki.root_pem])
    assert (
        "time-stamped" in v.check("trust").detail and "Testzaken Tijdstempeldienst" in v.check("trust").detail
    )


def test_a_dutch_reader_reads_the_timestamp_in_dutch(memos, pki: Pki):
    """The time stamp was glued on in English ('; time-stamped … by …'), which also turned the whole detail
    ('ondertekend door …') back into English for a Dutch reader."""
    from evaluator.formats import text_in

    v = verify_memo(memos["B-LTA"], [pki.root_pem])
    detail = text_in(v.check("trust").detail, "nl")
    assert "time-stamped" not in detail and "signed by" not in detail, detail
    assert "Testzaken Tijdstempeldienst" in detail and "tijdstempel" in detail, detail
    assert "time-stamped" in str(v.check("trust").detail)  # the JSON keeps the English


# -- after the certificate expired ---------------------------------------------------------------------------------


def test_after_expiry_a_b_b_memo_is_invalid_and_says_the_certificate_expired(memos, pki: Pki):
    v = verify_memo(memos["B-B"], [pki.root_pem], at=_later(pki))
    assert not v.valid and v.failed[0].name == "trust"
    assert f"expired on {_expiry(pki):%Y-%m-%d}" in v.failed[0].detail
    assert describe(v)[0].startswith("INVALID — trust: the certificate of Anneke de Vries-Ëlsinga expired on")


def test_after_expiry_a_b_t_memo_lacks_the_validation_data(memos, pki: Pki):
    v = verify_memo(memos["B-T"], [pki.root_pem], at=_later(pki))
    assert not v.valid and v.failed[0].name == "trust"
    assert "expired on" in v.failed[0].detail and "no validation data" in v.failed[0].detail


@pytest.mark.parametrize("level", ["B-LT", "B-LTA"])
def test_after_expiry_an_ltv_memo_is_judged_at_the_time_of_signing(memos, pki: Pki, level):
    v = verify_memo(memos[level], [pki.root_pem], at=_later(pki))
    assert v.valid, describe(v)
    assert v.judged_at and v.judged_at == v.timestamp
    assert dt.datetime.fromisoformat(v.judged_at) < _expiry(pki)
    trust = v.check("trust").detail
    assert "judged at the time of signing" in trust and f"expired on {_expiry(pki):%Y-%m-%d}" in trust
    assert "judged at the time of signing" in describe(v)[0]
    assert "beoordeeld op het moment van ondertekenen" in describe(v, "nl")[0]
    assert all(c.ok for c in v.checks)  # the data checks ran too


def test_after_expiry_the_time_stamp_must_be_trusted(memos, pki: Pki):
    v = verify_memo(memos["B-LTA"], [pki.other_root_pem], at=_later(pki))
    assert not v.valid and v.failed[0].name == "trust"


def test_cli_verify_at_a_later_moment(memos, pki: Pki, tmp_path):
    later = _later(pki).strftime("%Y-%m-%d")
    p = _cli("verify", str(memos["B-LTA"]), "--trust", str(pki.root_pem), "--at", later, "--format", "json",
             cwd=tmp_path)  # fmt: skip
    assert p.returncode == 0, p.stdout + p.stderr
    data = json.loads(p.stdout)
    assert data["valid"] and data["level"] == "B-LTA" and data["judged_at_signing_time"] == data["timestamp"]
    p = _cli("verify", str(memos["B-B"]), "--trust", str(pki.root_pem), "--at", later, cwd=tmp_path)
    assert p.returncode == 1 and "expired on" in p.stdout.splitlines()[0]
    bad = _cli("verify", str(memos["B-B"]), "--at", "next tuesday", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.strip().count("\n") == 0 and "--at" in bad.stderr


# -- tampering with a B-LTA memo ---------------------------------------------------------------------------------


def test_bytes_after_the_document_time_stamp_are_refused(memos, pki: Pki, tmp_path):
    bad = tmp_path / "appended.pdf"
    bad.write_bytes(memos["B-LTA"].read_bytes() + b"\n% unsigned\n")
    v = verify_memo(bad, [pki.root_pem])
    assert not v.valid and v.failed[0].name == "unchanged" and "added after" in v.failed[0].detail


def test_a_changed_byte_under_the_document_time_stamp_is_refused(memos, pki: Pki, tmp_path):
    raw = bytearray(memos["B-LTA"].read_bytes())
    from pyhanko.pdf_utils.reader import PdfFileReader

    first = PdfFileReader(io.BytesIO(bytes(raw))).embedded_signatures[0]
    end = first.byte_range[2] + first.byte_range[3]
    at = raw.index(b"/DocTimeStamp", end)
    raw[at + 1 : at + 4] = b"Doc".swapcase()  # in the time-stamp's own revision, covered by it
    bad = tmp_path / "changed.pdf"
    bad.write_bytes(bytes(raw))
    v = verify_memo(bad, [pki.root_pem])
    assert not v.valid


def test_a_later_incremental_update_to_an_lta_memo_is_refused(memos, pki: Pki, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(memos["B-LTA"].read_bytes()))
    w.trailer["/Info"] = w.add_object(
        generic.DictionaryObject({generic.pdf_name("/Title"): generic.pdf_string("x")})
    )
    out = io.BytesIO()
    w.write(out)
    bad = tmp_path / "updated.pdf"
    bad.write_bytes(out.getvalue())
    v = verify_memo(bad, [pki.root_pem])
    assert not v.valid and v.failed[0].name == "unchanged"


# -- signing problems: one line, no file ---------------------------------------------------------------------------


def test_a_revoked_certificate_cannot_sign_at_b_lt(pki: Pki, tmp_path):
    with pytest.raises(InputError, match="has been revoked") as err:
        _sign(pki, tmp_path / "m.pdf", "B-LT", crl=pki.revoked_crl_pem)
    assert "\n" not in err.value.line()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("level", "tsa", "data", "message"),
    [
        ("B-LT", True, [], "needs validation data"),
        ("B-LTA", False, ["crl"], "needs a time-stamp authority"),
        ("B-T", True, ["crl"], "only embedded at level B-LT or B-LTA"),
        ("B-X", True, [], "unknown signature level"),
        ("B-LT", True, ["root_pem"], "no CRL or OCSP response"),
        ("B-LT", True, ["signer_p12"], "is not a certificate, CRL or OCSP response"),
    ],
)
def test_level_problems_are_one_line_and_leave_no_file(pki: Pki, tmp_path, level, tsa, data, message):
    files = [pki.crl_pem if d == "crl" else getattr(pki, d) for d in data]
    out = tmp_path / "out" / "m.pdf"
    out.parent.mkdir()
    with pytest.raises(InputError, match=message) as err:
        lon = longevity(level, timestamper=make_tsa(pki) if tsa else None, validation_data=files)
        export_memo(
            memo_evaluation(), out, key=Pkcs12Key(pki.signer_p12, pki.password), samples=0, longevity=lon
        )
    assert "\n" not in err.value.line()
    assert list(out.parent.iterdir()) == []


# -- the command line: a TSA on 127.0.0.1, the concept confirmation ----------------------------------------------


def _evaluation_file(tmp_path: Path, **changes) -> Path:
    import dataclasses

    from evaluator.io import write_any

    src = tmp_path / "ev.json"
    write_any(dataclasses.replace(memo_evaluation(), **changes), src)
    return src


def test_cli_signs_b_lta_with_a_tsa_and_a_crl_file(pki: Pki, tmp_path):
    src = _evaluation_file(tmp_path, status="vastgesteld")
    out = tmp_path / "memo.pdf"
    with local_tsa(pki) as url:
        p = _cli("report", str(src), "--out", str(out), "--samples", "0", "--sign", str(pki.signer_p12),
                 "--password-env", "PW", "--level", "B-LTA", "--tsa-url", url, "--validation-data",
                 str(pki.crl_pem), env={"PW": pki.password}, cwd=tmp_path)  # fmt: skip
    assert p.returncode == 0, p.stderr
    assert "(PAdES B-LTA)" in p.stdout
    v = verify_memo(out, [pki.root_pem], at=_later(pki))
    assert v.valid and v.level == "B-LTA" and v.judged_at, describe(v)


def test_cli_refuses_to_sign_a_concept_without_allow_draft(pki: Pki, tmp_path):
    env = {"PW": pki.password}
    for changes, why in (({"status": "concept"}, "its status is 'draft'"),
                         ({"status": "vastgesteld", "decision": ""}, "it records no decision")):  # fmt: skip
        src = _evaluation_file(tmp_path, **changes)
        out = tmp_path / "memo.pdf"
        cmd = ["report", str(src), "--out", str(out), "--samples", "0", "--sign", str(pki.signer_p12),
               "--password-env", "PW"]  # fmt: skip
        p = _cli(*cmd, env=env, cwd=tmp_path)
        assert p.returncode == 2 and p.stderr.strip().count("\n") == 0, p.stderr
        assert why in p.stderr and "--allow-draft" in p.stderr
        assert not out.exists()
        ok = _cli(*cmd, "--allow-draft", env=env, cwd=tmp_path)
        assert ok.returncode == 0, ok.stderr
        out.unlink()
    unsigned = _cli("report", str(src), "--out", str(out), "--samples", "0", cwd=tmp_path)
    assert unsigned.returncode == 0, unsigned.stderr  # an unsigned draft needs no confirmation


def test_cli_level_without_a_tsa_is_one_line(pki: Pki, tmp_path):
    src = _evaluation_file(tmp_path, status="vastgesteld")
    p = _cli("report", str(src), "--out", str(tmp_path / "m.pdf"), "--sign", str(pki.signer_p12),
             "--password-env", "PW", "--level", "B-LT", env={"PW": pki.password}, cwd=tmp_path)  # fmt: skip
    assert (
        p.returncode == 2 and "needs a time-stamp authority" in p.stderr and p.stderr.strip().count("\n") == 0
    )


# -- the PKCS#11 library ------------------------------------------------------------------------------------------


def test_pkcs11_library_found_in_the_usual_windows_place(tmp_path, monkeypatch):
    system32 = tmp_path / "System32"
    system32.mkdir()
    (system32 / "aetpkss1.dll").write_bytes(b"MZ")
    monkeypatch.setenv("SystemRoot", str(tmp_path))
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "nothing"))
    assert find_pkcs11_libs("win32") == [str(system32 / "aetpkss1.dll")]
    (system32 / "opensc-pkcs11.dll").write_bytes(b"MZ")
    assert find_pkcs11_libs("win32")[0] == str(system32 / "opensc-pkcs11.dll")  # OpenSC first


def test_pkcs11_library_found_on_linux_when_opensc_is_installed():
    import shutil

    if not shutil.which("pkcs11-tool"):
        pytest.skip("opensc is not installed (system-packages.txt lists it; .ci/run installs it)")
    found = find_pkcs11_libs("linux")
    assert found and all(os.path.isfile(p) and "pkcs11" in os.path.basename(p) for p in found)


def test_a_tsa_that_does_not_answer_is_one_line_and_leaves_no_file(pki: Pki, tmp_path):
    import socket

    with socket.socket() as s:  # a port on this machine that nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/tsa"
    with pytest.raises(
        InputError, match=f"the time-stamp authority at {url} did not give a time-stamp"
    ) as err:
        export_memo(memo_evaluation(), tmp_path / "m.pdf", key=Pkcs12Key(pki.signer_p12, pki.password),
                    samples=0, longevity=longevity("B-T", tsa_url=url))  # fmt: skip
    assert "\n" not in err.value.line() and list(tmp_path.iterdir()) == []
    with pytest.raises(InputError, match="not an http:// or https:// address"):
        longevity("B-T", tsa_url="tsa.example.nl")


def test_a_smartcard_signs_b_lta_with_the_root_and_crl_as_files(pki: Pki, tmp_path, softhsm_token):  # noqa: F811
    """A token holds no CA chain: the root and the CRL come as files, and the memo outlives the certificate."""
    from evaluator.report.sign import Pkcs11Key

    out = tmp_path / "memo.pdf"
    key = Pkcs11Key(softhsm_token["lib"], softhsm_token["token"], "signer", softhsm_token["pin"])
    lon = longevity("B-LTA", timestamper=make_tsa(pki), validation_data=[pki.crl_pem])
    with pytest.raises(InputError, match="root CA's certificate"):
        export_memo(memo_evaluation(), out, key=key, samples=0, longevity=lon)
    lon = longevity("B-LTA", timestamper=make_tsa(pki), validation_data=[pki.root_pem, pki.crl_pem])
    export_memo(memo_evaluation(), out, key=key, samples=0, longevity=lon)
    v = verify_memo(out, [pki.root_pem], at=_later(pki))
    assert v.valid and v.level == "B-LTA" and v.judged_at, describe(v)


@pytest.mark.parametrize("junk", [b"", b"\n% not referenced by any cross-reference\n(hidden text)\n"])
def test_bytes_no_cross_reference_points_to_under_a_document_time_stamp(memos, pki: Pki, tmp_path, junk):
    """A document time-stamp added after the signature covers what precedes it; bytes between its revision's
    objects that nothing points to are refused even so (a lenient reader could find content there)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.signers import PdfTimeStamper

    out = io.BytesIO()
    w = IncrementalPdfFileWriter(io.BytesIO(memos["B-LT"].read_bytes() + junk))
    PdfTimeStamper(make_tsa(pki)).timestamp_pdf(w, "sha256", output=out)
    path = tmp_path / "stamped.pdf"
    path.write_bytes(out.getvalue())
    v = verify_memo(path, [pki.root_pem])
    if not junk:
        assert v.valid and v.level == "B-LTA", describe(v)
    else:
        assert not v.valid and v.failed[0].name == "unchanged"
        assert "bytes outside its objects" in v.failed[0].detail


def test_validation_data_files_in_pem_and_der(pki: Pki, tmp_path):
    from asn1crypto import ocsp, pem

    from evaluator.report.ltv import load_validation_data

    _, _, der = pem.unarmor(pki.crl_pem.read_bytes())
    (tmp_path / "root.crl.der").write_bytes(der)
    data = load_validation_data([tmp_path / "root.crl.der", pki.crl_pem, pki.root_pem, pki.signer_cert_der])
    assert (len(data.certs), len(data.crls), len(data.ocsps)) == (2, 2, 0)
    refused = tmp_path / "refused.ocsp"
    refused.write_bytes(ocsp.OCSPResponse({"response_status": "unauthorized"}).dump())
    with pytest.raises(InputError, match="OCSP response that gives no status"):
        load_validation_data([refused])
