"""The signature, trust and unchanged checks of a memo (pyHanko and the byte-level container check of
:mod:`.sigcontainer`): is the signature valid and its certificate trusted — now, or at the time of signing with the
validation data the memo embeds — and is the file exactly what was signed, with at most document time-stamps
after it? :mod:`.verify` runs these first; nothing else is read from a file they do not pass."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any

from ..errors import InputError
from ..formats import lazy_gettext
from ..i18n import gettext
from .verification import Check, Verification


def load_trust_roots(paths: Sequence[str | os.PathLike]) -> list[Any]:
    """Certificates (PEM or DER; a PEM file may hold several) as asn1crypto certificates."""
    from asn1crypto import pem, x509

    from ..io import read_bytes

    roots = []
    for p in paths:
        raw = read_bytes(p, limit=5_000_000)
        try:
            if pem.detect(raw):
                found = [x509.Certificate.load(der) for typ, _, der in pem.unarmor(raw, multiple=True)
                         if typ == "CERTIFICATE"]  # fmt: skip
                if not found:
                    raise ValueError("no certificate in it")
                for c in found:
                    c.native  # noqa: B018 - parse now, so a damaged certificate fails here
                roots += found
            else:
                c = x509.Certificate.load(raw)
                c.native  # noqa: B018
                roots.append(c)
        except Exception:  # noqa: BLE001 - asn1crypto raises many kinds; all mean "not a certificate"
            raise InputError(gettext("is not a certificate (PEM or DER)"), p) from None
    return roots


def _expired(status: Any, when: dt.datetime) -> dt.datetime | None:
    """When the signer's certificate expired, if it had by ``when``; else None."""
    cert = status.signing_cert
    if cert is None:
        return None
    end = cert["tbs_certificate"]["validity"]["not_after"].native
    return end if end < when else None


def _trust_problem(status: Any, when: dt.datetime | None = None, timestamped: bool = False) -> str:
    """Why the signer's certificate is not trusted, in words: no path to a root, expired, not for signing, …"""
    from pyhanko.sign.ades.report import AdESIndeterminate

    cert = status.signing_cert
    indic = getattr(status, "trust_problem_indic", None)
    if indic in (AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND, None) or cert is None:
        return lazy_gettext("the signer's certificate does not lead to a given root")
    name = cert.subject.native.get("common_name", "the signer")
    validity = cert["tbs_certificate"]["validity"]
    start, end = validity["not_before"].native, validity["not_after"].native
    when = when or getattr(status, "validation_time", None) or dt.datetime.now(dt.UTC)
    if end < when:
        if timestamped:
            return lazy_gettext("the certificate of {name} expired on {end:%Y-%m-%d}").format(
                name=name, end=end
            )
        return lazy_gettext(
            "the certificate of {name} expired on {end:%Y-%m-%d}; without a trusted timestamp "
            "from before then the signature can no longer be relied on"
        ).format(name=name, end=end)
    if start > when:
        return lazy_gettext("the certificate of {name} is only valid from {start:%Y-%m-%d}").format(
            name=name, start=start
        )
    if indic in (AdESIndeterminate.REVOKED_NO_POE, AdESIndeterminate.REVOKED_CA_NO_POE) or status.revoked:
        return lazy_gettext("the certificate of {name} has been revoked").format(name=name)
    if indic == AdESIndeterminate.REVOCATION_OUT_OF_BOUNDS_NO_POE or "REVOCATION" in indic.name:
        return lazy_gettext(
            "the memo's validation data does not show that the certificate of {name} was not revoked"
        ).format(name=name)
    usage = cert.key_usage_value.native if cert.key_usage_value is not None else None
    if usage is not None and "non_repudiation" not in usage:
        return lazy_gettext(
            "the certificate of {name} is not meant for signing documents (its key usage lacks "
            "non-repudiation)"
        ).format(name=name)
    return lazy_gettext("the certificate of {name} is not trusted ({name2})").format(
        name=name, name2=indic.name.lower().replace("_", " ")
    )


def _tsa(ts: Any) -> str:
    cert = ts.signing_cert
    unnamed = lazy_gettext("the time-stamping service")
    return cert.subject.native.get("common_name", unnamed) if cert is not None else unnamed


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _judge_at_signing(
    out: Verification, reader: Any, first: Any, status: Any, roots: list[Any], vc: Any, moment: dt.datetime
) -> tuple[bool, str]:
    """Trust for a signature whose certificate has expired by ``moment``: judged at the time of its trusted
    time-stamp with the validation data the memo embeds, or why that cannot be done."""
    from pyhanko.sign.validation import validate_pdf_signature

    from .ltv import past_context

    name = out.signer or "the signer"
    end = _expired(status, moment)
    expired = f"the certificate of {name} expired on {end:%Y-%m-%d}"
    ts = status.timestamp_validity
    if ts is None:
        return False, _trust_problem(status, moment)
    if not (ts.intact and ts.valid and ts.trusted):
        return False, lazy_gettext(
            "{expired}, and its time-stamp cannot be trusted (is the TSA's root among --trust?)"
        ).format(expired=expired)
    signed = ts.timestamp
    past = past_context(reader, roots, signed)
    if past is None:
        return False, (
            lazy_gettext(
                "{expired}; the memo has a time-stamp ({utc}) but no validation data (PAdES B-T), "
                "so it cannot be judged at the time of signing"
            ).format(expired=expired, utc=_utc(signed))
        )
    try:
        then = validate_pdf_signature(first, signer_validation_context=past, ts_validation_context=vc)
    except Exception as exc:  # noqa: BLE001 - pyHanko fails in many ways on damaged validation data
        return False, lazy_gettext(
            "{expired}; judging it at the time of signing failed ({name}: {exc})"
        ).format(expired=expired, name=type(exc).__name__, exc=exc)
    if not (then.trusted and then.bottom_line):
        why = _trust_problem(then, signed, timestamped=True)
        return False, lazy_gettext("at the time of signing ({utc}): {why}").format(utc=_utc(signed), why=why)
    out.judged_at = signed.isoformat(timespec="seconds")
    return True, (
        lazy_gettext(
            "signed by {name}; judged at the time of signing ({utc}, time-stamped by {tsa}) "
            "with the validation data in the memo: {expired}, after signing"
        ).format(name=name, utc=_utc(signed), tsa=_tsa(ts), expired=expired)
    )


def signature_checks(
    out: Verification,
    raw: bytes,
    reader: Any,
    sigs: list[Any],
    roots: list[Any],
    at: dt.datetime | None = None,
) -> bool:
    """The signature, trust and unchanged checks; True when the file is exactly what a valid signature signed,
    with at most PAdES document time-stamps after it (B-LTA), the last covering the whole file."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from .ltv import level_of

    if not sigs:
        out.checks += [
            Check("signature", False, lazy_gettext("the memo is not signed")),
            Check("trust", None),
            Check("unchanged", None),
        ]
        return False
    first = sigs[0]
    moment = at or dt.datetime.now(dt.UTC)
    try:
        vc = ValidationContext(trust_roots=roots, allow_fetching=False, moment=at)
        status = validate_pdf_signature(first, signer_validation_context=vc, ts_validation_context=vc)
        out.level = level_of(reader, first)
    except Exception as exc:  # noqa: BLE001 - pyHanko fails in many ways on a damaged signature
        out.checks += [
            Check(
                "signature",
                False,
                lazy_gettext("the signature cannot be checked ({name}: {exc})").format(
                    name=type(exc).__name__, exc=exc
                ),
            ),
            Check("trust", None),
            Check("unchanged", None),
        ]
        return False
    cert = status.signing_cert
    out.signer = cert.subject.native.get("common_name", "") if cert is not None else ""
    when = status.signer_reported_dt or getattr(status, "timestamp_validity", None)
    out.signed_at = when.isoformat(timespec="seconds") if hasattr(when, "isoformat") else ""
    ts = status.timestamp_validity
    if ts is not None and ts.intact and ts.valid and ts.trusted:
        out.timestamp = ts.timestamp.isoformat(timespec="seconds")
    try:
        out.reason = str(first.sig_object.get("/Reason", ""))
    except Exception:  # noqa: BLE001
        out.reason = ""
    crypto_ok = bool(status.intact and status.valid)
    out.checks.append(
        Check(
            "signature",
            crypto_ok,
            lazy_gettext("intact and valid")
            if crypto_ok
            else lazy_gettext("the signed bytes have been altered"),
        )
    )
    if not crypto_ok:
        out.checks += [Check("trust", None), Check("unchanged", None)]
        return False

    # Whether the file is exactly what was signed: checked on the bytes first, then pyHanko's own view.
    problem = _unchanged_problem(raw, reader, first, sigs[1:], status, vc)
    unchanged = problem is None

    if not roots:
        out.checks.append(Check("trust", False, lazy_gettext("no trust root given (--trust CERT.pem)")))
    else:
        trusted = bool(status.trusted)
        if trusted and out.timestamp:
            detail = lazy_gettext("signed by {signer}; time-stamped {utc} by {tsa}").format(
                signer=out.signer, utc=_utc(ts.timestamp), tsa=_tsa(ts)
            )
        elif trusted:
            detail = lazy_gettext("signed by {signer}").format(signer=out.signer)
        else:
            detail = _trust_problem(status, moment)
        if not trusted and _expired(status, moment) is not None:
            trusted, detail = _judge_at_signing(out, reader, first, status, roots, vc, moment)
        elif trusted and unchanged and not status.bottom_line:  # not a modification: key usage or policy
            trusted, detail = (
                False,
                lazy_gettext("pyHanko judges the signature invalid (key usage or signing policy)"),
            )
        out.checks.append(Check("trust", trusted, detail))
    out.checks.append(
        Check("unchanged", unchanged, problem or lazy_gettext("the signature covers the whole file"))
    )
    return unchanged


def _unchanged_problem(
    raw: bytes, reader: Any, first: Any, later: list[Any], status: Any, vc: Any
) -> str | None:
    """Why the file is not exactly what was signed (None: it is).

    A memo is one signed revision, or (PAdES B-LTA) that revision followed by revisions that each end in a
    document time-stamp, the last covering the whole file. Every signature's container is checked on the bytes.
    """
    from pyhanko.sign.validation import validate_pdf_timestamp
    from pyhanko.sign.validation.status import ModificationLevel, SignatureCoverageLevel

    others = [s for s in later if s.sig_object.get("/Type") != "/DocTimeStamp"]
    if others:
        return lazy_gettext("the file holds {value} signatures; a memo holds one").format(
            value=len(others) + 1
        )
    problem = _covered_prefix_problem(raw, first, last=not later)
    if problem:
        return problem
    expected = first.signed_revision
    for i, ts in enumerate(later):
        expected += 1
        if ts.signed_revision != expected:
            return lazy_gettext("a document time-stamp does not directly follow the revision before it")
        problem = _covered_prefix_problem(raw, ts, last=i == len(later) - 1) or _appended_problem(
            raw, reader, expected
        )
        if problem:
            return "document time-stamp: " + problem
        try:
            ts_status = validate_pdf_timestamp(ts, validation_context=vc)
        except Exception as exc:  # noqa: BLE001 - a damaged time-stamp is a failed check
            return lazy_gettext("a document time-stamp cannot be checked ({name})").format(
                name=type(exc).__name__
            )
        if not (ts_status.intact and ts_status.valid):
            return lazy_gettext("a document time-stamp does not match the file")
    revisions_after = reader.xrefs.total_revisions - 1 - expected
    if revisions_after:
        what = "the last document time-stamp" if later else "the signed one"
        return lazy_gettext("the file has {revisions_after} revision(s) after {what}").format(
            revisions_after=revisions_after, what=what
        )
    if later:
        if status.coverage != SignatureCoverageLevel.ENTIRE_REVISION:
            return lazy_gettext("the signature does not cover its whole revision")
        if status.modification_level not in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES):
            return lazy_gettext("the file was changed after signing ({name})").format(
                name=status.modification_level.name.lower()
            )
        return None
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return lazy_gettext("the signature does not cover the whole file")
    if status.modification_level not in (None, ModificationLevel.NONE):
        return lazy_gettext("the file was changed after signing ({name})").format(
            name=status.modification_level.name.lower()
        )
    return None


def _appended_problem(raw: bytes, reader: Any, revision: int) -> str | None:
    """The byte check of :func:`.sigcontainer.revision_problem` on an appended revision."""
    from .sigcontainer import revision_problem

    xrefs = reader.xrefs
    before = xrefs.get_xref_container_info(revision - 1)
    start = _revision_end(raw, before.end_location)
    objects = {}
    for ref in xrefs.explicit_refs_in_revision(revision):
        offset = xrefs.get_xref_data(revision).try_resolve(ref)
        if not isinstance(offset, int):
            return lazy_gettext(
                "an appended revision keeps objects in object streams, which Afweging never writes"
            )
        objects[(ref.idnum, ref.generation)] = offset
    return revision_problem(raw, start, xrefs.get_xref_container_info(revision).declared_startxref, objects)


def _revision_end(raw: bytes, after: int) -> int:
    """Where the revision whose cross-reference ends at ``after`` ends: just past its ``%%EOF`` line."""
    eof = raw.find(b"%%EOF", after)
    if eof < 0:
        return len(raw)
    end = eof + len(b"%%EOF")
    while end < len(raw) and raw[end : end + 1] in (b"\r", b"\n"):
        end += 1
    return end


def _covered_prefix_problem(raw: bytes, sig: Any, last: bool) -> str | None:
    """The container check of :mod:`.sigcontainer` on the part of the file ``sig`` signs (all of it when
    ``last``): the signed ranges with exactly the checked hex signature between them."""
    from .sigcontainer import container_problem

    br = list(sig.byte_range)
    if not last:
        if len(br) != 4 or not all(isinstance(v, int) for v in br) or br[2] + br[3] >= len(raw):
            return lazy_gettext(
                "the signature's /ByteRange does not end inside the file before a later time-stamp"
            )
        raw = raw[: br[2] + br[3]]
    return container_problem(raw, br, sig.pkcs7_content)
