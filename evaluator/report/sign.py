"""Attach the decision JSON to the memo and sign it with pyHanko: PAdES B-B, B-T, B-LT or B-LTA (:mod:`.ltv`).

Keys come from a PKCS#12 file or a PKCS#11 token (smartcard, HSM; SoftHSM2 in the tests). Passwords and PINs are
passed in by the caller, used once, and never stored or logged. Every problem with a key becomes an
``InputError`` with one plain line, raised before any file is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..i18n import gettext

SIGNATURE_FIELD = "Handtekening"


@dataclass(frozen=True)
class Pkcs12Key:
    """A key and certificate in a PKCS#12 (.p12/.pfx) file."""

    path: str | os.PathLike
    password: str = field(default="", repr=False)


@dataclass(frozen=True)
class Pkcs11Key:
    """A key and certificate on a PKCS#11 token (``lib``: the token's PKCS#11 module)."""

    lib: str | os.PathLike
    token_label: str
    key_label: str
    pin: str = field(default="", repr=False)
    cert_label: str | None = None


SigningKey = Pkcs12Key | Pkcs11Key


# -- where the PKCS#11 library usually is -----------------------------------------------------------------------

# The smartcard middleware Dutch government workplaces use (OpenSC; the UZI/Rijkspas middleware of Safesign,
# Nexus, Thales/Gemalto and Oberthur/IDEMIA), by platform. The first that exists is the default; the user can pick
# another file.
PKCS11_CANDIDATES = {
    "linux": (
        "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
        "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so",
        "/usr/lib64/opensc-pkcs11.so",
        "/usr/lib/opensc-pkcs11.so",
        "/usr/local/lib/opensc-pkcs11.so",
        "/usr/lib/libaetpkss.so",
        "/usr/lib/libIDPrimePKCS11.so",
        "/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so",
    ),
    "win32": (  # (folder from the environment, path under it)
        ("SystemRoot", "System32", "opensc-pkcs11.dll"),
        ("ProgramFiles", "OpenSC Project", "OpenSC", "pkcs11", "opensc-pkcs11.dll"),
        ("SystemRoot", "System32", "aetpkss1.dll"),
        ("SystemRoot", "System32", "eTPKCS11.dll"),
        ("SystemRoot", "System32", "IDPrimePKCS11.dll"),
        ("SystemRoot", "System32", "nxpkcs11.dll"),
        ("SystemRoot", "System32", "OcsCryptoki.dll"),
    ),
    "darwin": (
        "/Library/OpenSC/lib/opensc-pkcs11.so",
        "/usr/local/lib/opensc-pkcs11.so",
        "/opt/homebrew/lib/opensc-pkcs11.so",
        "/usr/local/lib/libaetpkss.dylib",
        "/usr/local/lib/libIDPrimePKCS11.dylib",
    ),
}


def find_pkcs11_libs(platform: str | None = None) -> list[str]:
    """The PKCS#11 libraries installed in the usual places for ``platform`` (default: this one), best first."""
    import sys

    plat = platform or sys.platform
    key = "win32" if plat.startswith("win") else "darwin" if plat == "darwin" else "linux"
    found: list[str] = []
    for candidate in PKCS11_CANDIDATES[key]:
        if isinstance(candidate, tuple):  # Windows: under %SystemRoot% or %ProgramFiles%
            base = os.environ.get(candidate[0], _WINDOWS_DEFAULTS[candidate[0]])
            path = os.path.join(base, *candidate[1:])
        else:
            path = candidate
        if os.path.isfile(path) and path not in found:
            found.append(path)
    return found


_WINDOWS_DEFAULTS = {"SystemRoot": r"C:\Windows", "ProgramFiles": r"C:\Program Files"}


def default_pkcs11_lib() -> str:
    """The first usual PKCS#11 library found here, or "" when none is installed (the user then picks one)."""
    found = find_pkcs11_libs()
    return found[0] if found else ""


# -- loading keys -----------------------------------------------------------------------------------------------


def _check_certificate(cert: Any, where: str, now: dt.datetime | None = None) -> str:
    """The signer's name; ``InputError`` for a certificate that is expired, not yet valid or not for signing."""
    now = now or dt.datetime.now(dt.UTC)
    name = cert.subject.native.get("common_name") or cert.subject.human_friendly
    validity = cert["tbs_certificate"]["validity"]
    start, end = validity["not_before"].native, validity["not_after"].native
    if end < now:
        raise InputError(
            gettext("the certificate of {name} expired on {end:%Y-%m-%d}; it can no longer sign").format(
                name=name, end=end
            ),
            where,
        )
    if start > now:
        raise InputError(
            gettext("the certificate of {name} is only valid from {start:%Y-%m-%d}").format(
                name=name, start=start
            ),
            where,
        )
    if cert.ca:
        raise InputError(
            gettext("the certificate of {name} is a CA certificate, not a signer's certificate").format(
                name=name
            ),
            where,
        )
    usage = cert.key_usage_value.native if cert.key_usage_value is not None else None
    if usage is not None and "non_repudiation" not in usage:
        raise InputError(
            gettext(
                "the certificate of {name} is not meant for signing documents (its key usage lacks "
                "non-repudiation); use a signing certificate"
            ).format(name=name),
            where,
        )
    return str(name)


def load_pkcs12(key: Pkcs12Key) -> tuple[Any, str]:
    """A pyHanko signer and the signer's name from a PKCS#12 file."""
    from pyhanko.sign.signers import SimpleSigner

    from ..io import read_bytes

    raw = read_bytes(key.path, limit=1_000_000)
    try:
        signer = SimpleSigner.load_pkcs12_data(raw, other_certs=(), passphrase=key.password.encode() or None)
    except (ValueError, TypeError):
        if not raw[:1] == b"\x30":
            raise InputError(gettext("is not a PKCS#12 key file (.p12 or .pfx)"), key.path) from None
        raise InputError(
            gettext("wrong password for this key file, or the file is damaged"), key.path
        ) from None
    if signer.signing_cert is None or signer.signing_key is None:
        raise InputError(gettext("holds no key with its certificate"), key.path)
    return signer, _check_certificate(signer.signing_cert, os.fspath(key.path))


@contextlib.contextmanager
def open_pkcs11(key: Pkcs11Key) -> Iterator[tuple[Any, str]]:
    """A pyHanko PKCS#11 signer (session open while in the ``with``) and the signer's name."""
    from pkcs11 import exceptions as p11err
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign import pkcs11 as hk11

    lib = os.fspath(key.lib)
    if not os.path.isfile(lib):
        raise InputError(gettext("no such PKCS#11 library"), lib)
    where = f"token {key.token_label!r}"
    try:
        session = hk11.open_pkcs11_session(lib, token_criteria=TokenCriteria(label=key.token_label),
                                           user_pin=key.pin or None)  # fmt: skip
    except p11err.PinIncorrect:
        raise InputError(gettext("wrong PIN"), where) from None
    except p11err.PinLocked:
        raise InputError(
            gettext("the PIN is locked; unlock the token with its SO PIN first"), where
        ) from None
    except (p11err.PKCS11Error, hk11.PKCS11Error) as exc:
        msg = str(exc) or type(exc).__name__
        if "No token" in msg:
            raise InputError(
                gettext("no such token; is the smartcard inserted and the label right?"), where
            ) from None
        raise InputError(gettext("the token cannot be opened ({msg})").format(msg=msg), where) from None
    except (OSError, RuntimeError) as exc:
        raise InputError(
            gettext("the PKCS#11 library cannot be loaded ({exc})").format(exc=exc), lib
        ) from None
    try:
        signer = hk11.PKCS11Signer(
            session, key_label=key.key_label, cert_label=key.cert_label or key.key_label
        )
        try:
            cert = signer.signing_cert
        except Exception as exc:  # noqa: BLE001 - pyHanko raises several kinds; all mean the same to the user
            raise InputError(
                gettext("no certificate labelled {value!r} on it").format(
                    value=key.cert_label or key.key_label
                ),
                where,
            ) from exc
        if cert is None:
            raise InputError(
                gettext("no certificate labelled {value!r} on it").format(
                    value=key.cert_label or key.key_label
                ),
                where,
            )
        name = _check_certificate(cert, where)
        yield signer, name
    finally:
        with contextlib.suppress(Exception):
            session.close()


@contextlib.contextmanager
def open_signer(key: SigningKey | None) -> Iterator[tuple[Any, str] | None]:
    """The signer for ``key`` (None: no signing), checked before anything is written."""
    if key is None:
        yield None
    elif isinstance(key, Pkcs12Key):
        yield load_pkcs12(key)
    else:
        with open_pkcs11(key) as s:
            yield s


# -- attaching and signing --------------------------------------------------------------------------------------


def attach_and_sign(
    pdf: bytes,
    attachment: bytes,
    attachment_name: str,
    signer: tuple[Any, str] | None = None,
    page: int = -1,
    box: tuple[float, float, float, float] | None = None,
    reason: str = "",
    stamp: Callable[[str, str, str, tuple], bytes] | None = None,
    location: str | None = None,
    timestamper: Any = None,
    tsa_url: str | None = None,
    description: str = "",
    longevity: Any = None,
) -> bytes:
    """Attach ``attachment`` (JSON) to ``pdf`` and, when ``signer`` is given, sign with a visible box.

    ``stamp(signer name, time, reason, box)`` returns a one-page PDF drawn as the visible signature.
    ``longevity`` (:class:`.ltv.Longevity`) sets the PAdES level; without it, a ``timestamper`` or ``tsa_url``
    gives B-T and neither B-B.

    The attachment goes into the same incremental update that the signature covers, so the signature covers it.
    """
    from pyhanko.pdf_utils import embed, generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    params = embed.EmbeddedFileParams(modification_date=dt.datetime.now(dt.UTC).replace(microsecond=0))
    spec = embed.FileSpec(
        file_spec_string=attachment_name,
        file_name=attachment_name,
        embedded_data=embed.EmbeddedFileObject.from_file_data(
            w, data=attachment, mime_type="application/json", params=params
        ),
        description=description or None,
    )
    embed.embed_file(w, spec)
    # PDF/A-3 associates the data with the document: /AFRelationship on the file spec and /AF on the catalog.
    # Set here rather than by pyHanko, which would also raise the catalog's /Version to 2.0 (PDF/A-3 is 1.7).
    names = w.root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec_ref = names.raw_get(len(names) - 1)  # the reference, so /AF names the same file specification
    spec_ref.get_object()["/AFRelationship"] = generic.pdf_name("/Data")
    w.root["/AF"] = generic.ArrayObject([spec_ref])
    w.update_root()
    out = io.BytesIO()
    if signer is None:
        w.write(out)
        return out.getvalue()

    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.stamp import StaticStampStyle

    from . import ltv

    lon = longevity or ltv.longevity(tsa_url=tsa_url, timestamper=timestamper)
    pyhanko_signer, name = signer
    validation_context = ltv.signing_context(lon, pyhanko_signer)  # files read before anything is signed
    ibox = tuple(int(round(v)) for v in box) if box else None
    if not any(name == SIGNATURE_FIELD for name, *_ in fields.enumerate_sig_fields(w)):
        fields.append_signature_field(w, fields.SigFieldSpec(SIGNATURE_FIELD, on_page=page, box=ibox))
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location,
        name=name,
        validation_context=validation_context,
        **ltv.signing_settings(lon),
    )
    timestamper = ltv.timestamper_for(lon)
    with tempfile.TemporaryDirectory(prefix="afweging-stamp-") as tmp:
        style = None
        if ibox and stamp is not None:
            when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
            stamp_file = os.path.join(tmp, "stamp.pdf")
            with open(stamp_file, "wb") as f:
                f.write(stamp(name, when, reason, ibox))
            style = StaticStampStyle.from_pdf_file(stamp_file, border_width=0)
        pdf_signer = signers.PdfSigner(
            meta, signer=pyhanko_signer, stamp_style=style, timestamper=timestamper
        )
        try:
            with ltv.quiet_pyhanko():
                pdf_signer.sign_pdf(w, output=out)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - a token refusing to sign, a TSA not answering: one clear line
            raise InputError(ltv.signing_problem(exc, name, lon.tsa_url)) from None
    return out.getvalue()
