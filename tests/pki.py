"""A two-level test PKI made with ``cryptography``: root CA → signer (non-repudiation), plus broken variants, a
time-stamp authority (root → TSA with the time-stamping EKU, :func:`make_tsa`) and CRLs of the root (one empty,
one that revokes the signer).

A signer that is itself the trust root hides key-usage mistakes (pyHanko does not enforce non-repudiation on a
trust root), so every signing test goes through a separate root CA. Import the fixtures into a test module:
``from tests.pki import pki_fixture  # noqa: F401``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD = "geheim-wachtwoord-ë"


@dataclass
class Pki:
    folder: Path
    root_pem: Path  # the trust root
    other_root_pem: Path  # a root that did not issue the signer
    signer_p12: Path  # root → signer with digitalSignature + nonRepudiation
    signer_cert_pem: Path
    signer_key_pem: Path  # unencrypted PKCS#8, for importing into a token
    signer_cert_der: Path
    signer_key_der: Path
    no_nonrep_p12: Path  # root → signer without non-repudiation (not a signing certificate for documents)
    expired_p12: Path  # root → signer whose validity ended
    tsa_cert_der: Path  # root → TSA (time-stamping EKU), valid ten years
    tsa_key_der: Path
    crl_pem: Path  # the root's CRL, revoking nothing; current for 30 days
    revoked_crl_pem: Path  # the root's CRL revoking the signer
    password: str = PASSWORD


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ministerie van Testzaken"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _root(cn: str) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = _key()
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(_name(cn))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=30))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _leaf(
    root_key: rsa.RSAPrivateKey,
    root: x509.Certificate,
    cn: str,
    non_repudiation: bool = True,
    expired: bool = False,
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = _key()
    now = dt.datetime.now(dt.UTC)
    start, end = (
        (now - dt.timedelta(days=400), now - dt.timedelta(days=35))
        if expired
        else (now - dt.timedelta(days=1), now + dt.timedelta(days=365))
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(root.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=non_repudiation,
                key_encipherment=not non_repudiation,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    return key, cert


def _tsa(root_key: rsa.RSAPrivateKey, root: x509.Certificate) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = _key()
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Testzaken Tijdstempeldienst"))
        .issuer_name(root.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False
        )
        .sign(root_key, hashes.SHA256())
    )
    return key, cert


def _crl(root_key: rsa.RSAPrivateKey, root: x509.Certificate, revoked: list[x509.Certificate]) -> bytes:
    now = dt.datetime.now(dt.UTC)
    b = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(root.subject)
        .last_update(now - dt.timedelta(hours=1))
        .next_update(now + dt.timedelta(days=30))
        .add_extension(x509.CRLNumber(1), critical=False)
    )
    for c in revoked:
        b = b.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(c.serial_number)
            .revocation_date(now - dt.timedelta(minutes=30))
            .build()
        )
    return b.sign(root_key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)


def make_tsa(pki: Pki):  # noqa: ANN201 - a pyHanko DummyTimeStamper: a TSA in the fixture, no network
    """A time-stamp authority answering in-process with the PKI's TSA certificate."""
    from asn1crypto import keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.timestamps import DummyTimeStamper

    return DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(pki.tsa_cert_der.read_bytes()),
        tsa_key=keys.PrivateKeyInfo.load(pki.tsa_key_der.read_bytes()),
    )


def _p12(path: Path, key: rsa.RSAPrivateKey, cert: x509.Certificate, ca: x509.Certificate) -> Path:
    enc = serialization.BestAvailableEncryption(PASSWORD.encode())
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"signer", key, cert, [ca], enc))
    return path


def make_pki(folder: Path) -> Pki:
    folder.mkdir(parents=True, exist_ok=True)
    root_key, root = _root("Testzaken Root CA")
    _, other_root = _root("Andere Root CA")
    key, cert = _leaf(root_key, root, "Anneke de Vries-Ëlsinga")
    nk, nc = _leaf(root_key, root, "Geen Onweerlegbaarheid", non_repudiation=False)
    ek, ec = _leaf(root_key, root, "Verlopen Certificaat", expired=True)
    tk, tc = _tsa(root_key, root)
    der = serialization.Encoding.DER
    (folder / "tsa.der").write_bytes(tc.public_bytes(der))
    (folder / "tsa-key.der").write_bytes(
        tk.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    (folder / "root.crl").write_bytes(_crl(root_key, root, []))
    (folder / "revoked.crl").write_bytes(_crl(root_key, root, [cert]))
    pem = serialization.Encoding.PEM
    (folder / "root.pem").write_bytes(root.public_bytes(pem))
    (folder / "other-root.pem").write_bytes(other_root.public_bytes(pem))
    (folder / "signer.pem").write_bytes(cert.public_bytes(pem))
    (folder / "signer.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))
    (folder / "signer-key.pem").write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    (folder / "signer-key.der").write_bytes(
        key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return Pki(
        folder=folder,
        root_pem=folder / "root.pem",
        other_root_pem=folder / "other-root.pem",
        signer_p12=_p12(folder / "signer.p12", key, cert, root),
        signer_cert_pem=folder / "signer.pem",
        signer_key_pem=folder / "signer-key.pem",
        signer_cert_der=folder / "signer.der",
        signer_key_der=folder / "signer-key.der",
        no_nonrep_p12=_p12(folder / "no-nonrep.p12", nk, nc, root),
        expired_p12=_p12(folder / "expired.p12", ek, ec, root),
        tsa_cert_der=folder / "tsa.der",
        tsa_key_der=folder / "tsa-key.der",
        crl_pem=folder / "root.crl",
        revoked_crl_pem=folder / "revoked.crl",
    )


_SHARED: list[Pki] = []


@pytest.fixture(scope="session", name="pki")
def pki_fixture(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    """One PKI for the whole run, whichever module asks first. Each module that imports this fixture gets a
    fixture of its own, but SoftHSM reads its token folder once per process: a second PKI would meet the first
    one's keys on the token (a signer that leads to another root)."""
    if not _SHARED:
        _SHARED.append(make_pki(tmp_path_factory.mktemp("pki")))
    return _SHARED[0]


# Keep TSA helpers importable for the timestamp test without making every test pay for them.
TIME_STAMPING = ExtendedKeyUsageOID.TIME_STAMPING


@contextlib.contextmanager
def local_tsa(pki: Pki) -> Iterator[str]:
    """A time-stamp authority speaking RFC 3161 over HTTP on 127.0.0.1 (the CLI's ``--tsa-url``), answered by
    :func:`make_tsa`; yields its URL and stops when the ``with`` ends. Nothing leaves the machine."""
    import http.server
    import threading

    from asn1crypto import tsp

    dummy = make_tsa(pki)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            answer = dummy.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
