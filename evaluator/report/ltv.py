"""Signatures that outlive their certificate: PAdES levels, validation data, and judging at the time of signing.

A B-B signature can only be judged while the signer's certificate is valid. B-T adds a time-stamp token from a
time-stamp authority (TSA): proof that the signature existed at that moment. B-LT also embeds, in the document
security store (DSS) of the signed revision, the validation data (certificates, CRLs, OCSP responses) that show
the certificate was valid and not revoked then; B-LTA adds a document time-stamp over all of it. ``verify`` judges
such a memo at the time of its time-stamp once the certificate has expired.

Nothing here connects to the network unless the caller allows it: a TSA address given by the user is permission
to ask that TSA, and ``fetch=True`` (the user's explicit choice) is permission to fetch CRLs and OCSP responses
from the addresses in the certificates. Offline machines supply the validation data as files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..i18n import gettext

LEVELS = ("B-B", "B-T", "B-LT", "B-LTA")


@dataclass(frozen=True)
class Longevity:
    """How long a signature can be checked: the PAdES level and what it needs.

    ``timestamper`` is a pyHanko time-stamper (the tests use one made in the fixture); without it, ``tsa_url``
    names the TSA to ask. ``validation_data``: files with certificates, CRLs or OCSP responses; ``fetch``: the
    user allows fetching CRLs and OCSP responses from the addresses in the certificates.
    """

    level: str = "B-B"
    tsa_url: str | None = None
    timestamper: Any = None
    validation_data: tuple[str | os.PathLike, ...] = ()
    fetch: bool = False

    @property
    def needs_timestamp(self) -> bool:
        return self.level != "B-B"

    @property
    def embeds_validation_data(self) -> bool:
        return self.level in ("B-LT", "B-LTA")


def longevity(
    level: str | None = None,
    tsa_url: str | None = None,
    timestamper: Any = None,
    validation_data: Sequence[str | os.PathLike] = (),
    fetch: bool = False,
) -> Longevity:
    """The :class:`Longevity` a user asked for; ``InputError`` for a combination that cannot work.

    Without a level: B-T when a TSA is given, else B-B.
    """
    has_tsa = bool(tsa_url) or timestamper is not None
    level = (level or ("B-T" if has_tsa else "B-B")).upper()
    if level not in LEVELS:
        raise InputError(
            gettext("unknown signature level {level!r}; choose one of {LEVELS}").format(
                level=level, LEVELS=", ".join(LEVELS)
            )
        )
    if tsa_url:
        from urllib.parse import urlsplit

        parts = urlsplit(tsa_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(
                gettext("the time-stamp authority {tsa_url!r} is not an http:// or https:// address").format(
                    tsa_url=tsa_url
                )
            )
    if level != "B-B" and not has_tsa:
        raise InputError(
            gettext("signature level {level} needs a time-stamp authority: give its URL (--tsa-url)").format(
                level=level
            )
        )
    if level == "B-B" and has_tsa:
        raise InputError(gettext("a time-stamp authority was given for level B-B; choose B-T, B-LT or B-LTA"))
    if level in ("B-LT", "B-LTA") and not (validation_data or fetch):
        raise InputError(
            gettext(
                "signature level {level} needs validation data: give the CA certificates and CRLs "
                "as files (--validation-data), or allow fetching them (--fetch-validation-data)"
            ).format(level=level)
        )
    if level in ("B-B", "B-T") and (validation_data or fetch):
        raise InputError(
            gettext("validation data is only embedded at level B-LT or B-LTA, not {level}").format(
                level=level
            )
        )
    return Longevity(level, tsa_url or None, timestamper, tuple(validation_data), fetch)


# -- validation data as files ----------------------------------------------------------------------------------


@dataclass
class ValidationData:
    certs: list[Any] = field(default_factory=list)
    crls: list[Any] = field(default_factory=list)
    ocsps: list[Any] = field(default_factory=list)


def load_validation_data(paths: Sequence[str | os.PathLike]) -> ValidationData:
    """Certificates, CRLs and OCSP responses from files (PEM or DER; a PEM file may hold several)."""
    from asn1crypto import crl, pem, x509

    from ..io import read_bytes

    out = ValidationData()
    for p in paths:
        raw = read_bytes(p, limit=20_000_000)
        try:
            if pem.detect(raw):
                found = 0
                for typ, _, der in pem.unarmor(raw, multiple=True):
                    if typ == "CERTIFICATE":
                        out.certs.append(_parsed(x509.Certificate.load(der)))
                    elif typ == "X509 CRL":
                        out.crls.append(_parsed(crl.CertificateList.load(der)))
                    else:
                        continue
                    found += 1
                if not found:
                    raise ValueError("nothing usable in it")
                continue
            kind, obj = _der(raw)
            if kind == "ocsps" and obj["response_status"].native != "successful":
                raise InputError(
                    gettext("is an OCSP response that gives no status (the responder refused)"), p
                )
            getattr(out, kind).append(obj)
        except InputError:
            raise
        except Exception:  # noqa: BLE001 - asn1crypto raises many kinds; all mean "not validation data"
            raise InputError(gettext("is not a certificate, CRL or OCSP response (PEM or DER)"), p) from None
    return out


def _der(raw: bytes) -> tuple[str, Any]:
    """("certs" | "crls" | "ocsps", the parsed object) for DER bytes; ValueError when it is none of them."""
    from asn1crypto import crl, ocsp, x509

    for kind, cls in (
        ("certs", x509.Certificate),
        ("crls", crl.CertificateList),
        ("ocsps", ocsp.OCSPResponse),
    ):
        with contextlib.suppress(Exception):
            return kind, _parsed(cls.load(raw, strict=True))
    raise ValueError("not a certificate, CRL or OCSP response")


def _parsed(obj: Any) -> Any:
    obj.native  # noqa: B018 - parse now, so damaged data fails here and not deep inside the signing
    return obj


# -- signing ----------------------------------------------------------------------------------------------------


def timestamper_for(lon: Longevity) -> Any:
    """The pyHanko time-stamper for ``lon`` (None at B-B). Asking the user's TSA is the user's permission."""
    if not lon.needs_timestamp:
        return None
    if lon.timestamper is not None:
        return lon.timestamper
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(lon.tsa_url, timeout=30)


def signing_context(lon: Longevity, signer: Any) -> Any:
    """The validation context that gathers the validation data to embed (None below B-LT).

    Revocation data is required for every certificate (``revocation_mode="require"``), so a memo never claims
    B-LT without the data to back it. The CA certificates come from the key file's chain and the files given;
    fetching happens only when ``lon.fetch`` says the user allows it.
    """
    if not lon.embeds_validation_data:
        return None
    from pyhanko_certvalidator import ValidationContext

    data = load_validation_data(lon.validation_data)
    try:
        chain = list(getattr(signer, "cert_registry", None) or ()) + data.certs
    except Exception:  # noqa: BLE001 - a token that cannot list its other certificates: use the files alone
        chain = list(data.certs)
    roots = [c for c in chain if c.self_signed]
    others = [c for c in chain if not c.self_signed]
    if not roots:
        raise InputError(
            gettext(
                "signing with validation data needs the root CA's certificate: give it with --validation-data FILE"
            )
        )
    if not (data.crls or data.ocsps or lon.fetch):
        raise InputError(
            gettext(
                "no CRL or OCSP response among the validation data; give one with --validation-data FILE, "
                "or allow fetching with --fetch-validation-data"
            )
        )
    return ValidationContext(trust_roots=roots, other_certs=others, crls=data.crls, ocsps=data.ocsps,
                             allow_fetching=lon.fetch, revocation_mode="require")  # fmt: skip


def signing_settings(lon: Longevity) -> dict[str, Any]:
    """Keyword arguments for pyHanko's ``PdfSignatureMetadata`` at level ``lon.level``.

    The DSS goes into the signed revision itself (no VRI), so a B-LT memo is one revision with one signature;
    B-LTA adds one more revision holding the time-stamp's own validation data and the document time-stamp that
    covers the whole file.
    """
    if not lon.embeds_validation_data:
        return {}
    from pyhanko.sign.signers.pdf_signer import DSSContentSettings, SigDSSPlacementPreference

    return {
        "embed_validation_info": True,
        "use_pades_lta": lon.level == "B-LTA",
        "timestamp_field_name": "Tijdstempel" if lon.level == "B-LTA" else None,
        "dss_settings": DSSContentSettings(
            placement=SigDSSPlacementPreference.TOGETHER_WITH_SIGNATURE, include_vri=False
        ),
    }


def signing_problem(exc: BaseException, name: str, tsa_url: str | None = None) -> str:
    """What went wrong while gathering validation data or time-stamping, in one line."""
    from pyhanko.sign.timestamps import TimestampRequestError
    from pyhanko_certvalidator import errors as cv

    chain = [exc]
    while chain[-1].__cause__ is not None and len(chain) < 10:
        chain.append(chain[-1].__cause__)
    for e in chain:
        if isinstance(e, TimestampRequestError):
            where = f" at {tsa_url}" if tsa_url else ""
            return gettext("the time-stamp authority{where} did not give a time-stamp ({e})").format(
                where=where, e=e
            )
        if isinstance(e, cv.RevokedError):
            return gettext(
                "the certificate of {name} has been revoked, according to the validation data"
            ).format(name=name)
        if isinstance(e, cv.InsufficientRevinfoError | cv.StaleRevinfoError):
            return gettext(
                "the validation data does not show that the certificates were valid now (no current CRL or "
                "OCSP response for them); give a current CRL with --validation-data FILE, or allow fetching "
                "with --fetch-validation-data"
            )
        if isinstance(e, cv.PathBuildingError):
            return gettext(
                "no chain from the certificate of {name} to a root among the validation data; give "
                "the CA certificates with --validation-data FILE"
            ).format(name=name)
        if isinstance(e, cv.ExpiredError | cv.NotYetValidError):
            return gettext("a certificate is not valid now ({e})").format(e=e)
    return (
        gettext("signing failed: {kind}: {problem}").format(kind=type(exc).__name__, problem=exc).rstrip(": ")
    )


@contextlib.contextmanager
def quiet_pyhanko() -> Iterator[None]:
    """pyHanko warns on the log when embedding validation data without fetching; that is our choice, not news."""
    log = logging.getLogger("pyhanko.sign.signers.pdf_signer")
    old = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(old)


# -- verifying --------------------------------------------------------------------------------------------------


def level_of(reader: Any, sig: Any) -> str:
    """The PAdES level a signed memo reaches: B-B, B-T, B-LT or B-LTA (what it holds, not whether it is valid)."""
    unsigned = sig.signer_info["unsigned_attrs"]
    types = [a["type"].native for a in unsigned] if unsigned.native else []
    if "signature_time_stamp_token" not in types:
        return "B-B"
    if "/DSS" not in reader.root:
        return "B-T"
    doc_ts = [s for s in reader.embedded_signatures if s.sig_object.get("/Type") == "/DocTimeStamp"]
    return "B-LTA" if doc_ts else "B-LT"


def past_context(reader: Any, roots: list[Any], moment: dt.datetime) -> Any:
    """A validation context at ``moment`` holding only the memo's own validation data (its DSS), with revocation
    data required for every certificate; None when the memo embeds no validation data."""
    from pyhanko.sign.validation.dss import DocumentSecurityStore, NoDSSFoundError

    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except NoDSSFoundError:
        return None
    kwargs = {"trust_roots": roots, "allow_fetching": False, "moment": moment, "revocation_mode": "require"}
    try:
        return dss.as_validation_context(kwargs)
    except ValueError:  # a DSS without any CRL or OCSP response: nothing to judge revocation with
        return None
