"""Verify a memo: is the signature valid and trusted, is the file unchanged since signing, and does the ranking it
states follow from the data attached to it?

Judged by pyHanko's bottom line, and "unchanged" first on the bytes (:mod:`.sigcontainer`: the file is exactly
the signed ranges around the hex signature that was checked), then by pyHanko's coverage and modification level.
Only then is the attached decision JSON read (within limits on size and work), its SHA-256 compared with the one
the memo records in ``/Info`` and on its pages, the results recomputed from its evaluation with the same code that
made them, and page 1's ranking compared with them (:mod:`.memotext`). A check that fails makes those resting on
it "not checked". A file that cannot be read at all is an ``InputError`` (exit 2); everything else gives a
:class:`Verification` whose ``valid`` says yes or no (0 or 1).
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import settings
from ..errors import InputError
from ..formats import lazy_gettext, text_in
from ..i18n import gettext, pgettext

CHECKS = ("signature", "trust", "unchanged", "attachment", "digest", "ranking")
# A check that rests on another means nothing when that one failed or was not run: it is shown "not checked".
DEPENDS_ON = {"trust": "signature", "unchanged": "signature", "digest": "attachment", "ranking": "attachment"}
# What a failed check is called in the one-line verdict ("INVALID — signature: the signed bytes have been altered").


def _short(name: str, lang: str | None) -> str:
    """A check's short name, for the verdict's first line."""
    words = {
        "signature": pgettext("verify", "signature", lang),
        "trust": pgettext("verify", "trust", lang),
        "unchanged": pgettext("verify", "changed after signing", lang),
        "attachment": pgettext("verify", "decision data", lang),
        "digest": pgettext("verify", "decision data (SHA-256)", lang),
        "ranking": pgettext("verify", "ranking", lang),
    }
    return words[name]


TEXTS = {  # check: (English, Dutch) until the codemod, then English; msgctxt = check
    "signature": "The signature is mathematically valid",
    "trust": "The signer's certificate leads to a trusted root",  # fmt: skip
    "unchanged": "Nothing was changed after signing",
    "attachment": "The decision data is attached",
    "digest": "The attached data is the data the memo names (SHA-256)",  # fmt: skip
    "ranking": "Recomputing from the attached data gives the stated ranking",  # fmt: skip
}


@dataclass
class Check:
    name: str
    ok: bool | None  # None: not run, because an earlier check made it meaningless
    detail: str = ""

    def label(self, lang: str = "en") -> str:
        entry = TEXTS[self.name]
        if isinstance(entry, tuple):  # (English, Dutch): before tools/i18n_codemod.py
            return entry[1] if lang == "nl" else entry[0]
        return pgettext(self.name, entry, lang)


@dataclass
class Verification:
    file: str
    checks: list[Check] = field(default_factory=list)
    signer: str = ""
    signed_at: str = ""
    reason: str = ""
    digest: str = ""
    method: str = ""
    winner: str = ""
    level: str = ""  # PAdES level the memo holds: B-B, B-T, B-LT, B-LTA
    timestamp: str = ""  # the signature's trusted time-stamp (ISO), "" without one
    judged_at: str = ""  # "" judged now (or at ``at``); else the time of signing it was judged at

    @property
    def valid(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if c.ok is False]

    def status(self, name: str) -> bool | None:
        """A check's outcome as shown: ``None`` ("not checked") when the check it rests on (``DEPENDS_ON``) did not
        pass, whatever was recorded for it — never ✓ under a failed signature or a missing attachment."""
        need = DEPENDS_ON.get(name)
        if need is not None and any(c.name == need for c in self.checks) and self.status(need) is not True:
            return None
        return self.check(name).ok

    def check(self, name: str) -> Check:
        return next(c for c in self.checks if c.name == name)

    def to_data(self) -> dict[str, Any]:
        failed = self.failed
        return {
            "file": self.file,
            "valid": self.valid,
            "failed": failed[0].name if failed else None,
            "checks": [
                {"name": c.name, "ok": self.status(c.name), "detail": str(c.detail)} for c in self.checks
            ],
            "signer": self.signer,
            "signed_at": self.signed_at,
            "reason": self.reason,
            "sha256": self.digest,
            "method": self.method,
            "first": self.winner,
            "level": self.level,
            "timestamp": self.timestamp,
            "judged_at_signing_time": self.judged_at,
        }


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


# Limits on what an attached decision file may ask of the recomputation: far above any real memo (the default is
# 10 000 samples), far below what would keep ``verify`` busy for hours or exhaust memory.
MAX_ATTACHMENT_BYTES = 50_000_000
MAX_SAMPLES = settings.MAX_SAMPLES  # every memo the app can make verifies
MAX_WORK = 400_000_000  # samples × alternatives × criteria
MAX_ITEMS = 2_000  # alternatives, criteria, methods
_NOT_CHECKED = ("attachment", "digest", "ranking")


def _stream_bytes(stream: Any) -> bytes:
    """The decoded bytes of an embedded file stream, refusing a filter other than Flate and a decompression bomb."""
    import zlib

    filters = stream.get("/Filter")
    names = (
        [str(f) for f in filters] if isinstance(filters, list) else [] if filters is None else [str(filters)]
    )
    if "/DecodeParms" in stream and stream.get("/DecodeParms"):
        raise ValueError("the attachment's stream has decode parameters, which Afweging never writes")
    raw = stream.encoded_data
    if names == []:
        data = bytes(raw)
    elif names == ["/FlateDecode"]:
        z = zlib.decompressobj()
        try:
            data = z.decompress(raw, MAX_ATTACHMENT_BYTES + 1)
        except zlib.error as exc:
            raise ValueError(f"the attachment cannot be decompressed ({exc})") from None
    else:
        raise ValueError(f"the attachment is encoded with {' '.join(names)}, not as Afweging writes it")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValueError(f"the attachment is larger than {MAX_ATTACHMENT_BYTES // 1_000_000} MB")
    return data


def _attachment(reader: Any, name: str) -> bytes | None:
    """The bytes of the embedded file called ``name``, or None."""
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except (KeyError, TypeError):
        return None
    for i in range(0, len(names) - 1, 2):
        if str(names[i]) == name:
            spec = names[i + 1].get_object()
            return _stream_bytes(spec["/EF"]["/F"].get_object())
    return None


def _keyword_digest(reader: Any) -> str | None:
    from .memo import HASH_KEYWORD

    try:
        kw = str(reader.trailer_view["/Info"]["/Keywords"])
    except (KeyError, TypeError):
        return None
    for part in kw.split():
        if part.startswith(HASH_KEYWORD):
            return part[len(HASH_KEYWORD) :]
    return None


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _shape_problem(data: Any) -> str | None:
    """Why the decision data cannot be recomputed as it stands (a crafted or damaged shape), or None."""
    if not isinstance(data, dict):
        kind = {list: "a list", str: "a string", bool: "true or false", type(None): "null"}.get(
            type(data), "a number"
        )
        return lazy_gettext("is {kind}, not a JSON object").format(kind=kind)
    if "evaluation" not in data or "results" not in data:
        return lazy_gettext("not an Afweging decision file (no evaluation and results)")
    ev, res = data["evaluation"], data["results"]
    if not isinstance(ev, dict):
        return lazy_gettext("evaluation is not an object")
    if not isinstance(res, dict):
        return lazy_gettext("results is not an object")
    for key in ("alternatives", "criteria"):
        items = ev.get(key, [])
        if not isinstance(items, list):
            return lazy_gettext("evaluation.{key} is not a list").format(key=key)
        if len(items) > MAX_ITEMS:
            return lazy_gettext(
                "evaluation.{key} has {n_items} entries, more than the {MAX_ITEMS} verify recomputes"
            ).format(key=key, n_items=len(items), MAX_ITEMS=MAX_ITEMS)
    if not isinstance(res.get("method"), str):
        return lazy_gettext("results.method is not a method name")
    ranking = res.get("ranking")
    if not isinstance(ranking, list):
        return lazy_gettext("results.ranking is not a list")
    for i, r in enumerate(ranking):
        if not isinstance(r, dict) or not _is_int(r.get("rank")) or not isinstance(r.get("name"), str):
            return lazy_gettext(
                "results.ranking[{i}] is not a row with a whole-number rank and a name"
            ).format(i=i)
    methods = res.get("methods_requested")
    if methods is not None and (
        not isinstance(methods, list) or not all(isinstance(m, str) for m in methods) or len(methods) > 50
    ):
        return lazy_gettext("results.methods_requested is not a short list of method names")
    for where, sens in (
        ("results.sensitivity", res.get("sensitivity")),
        ("robustness", data.get("robustness")),
    ):
        if not sens:
            continue
        if not isinstance(sens, dict):
            return lazy_gettext("{where} is not an object").format(where=where)
        if "skipped" in sens:
            continue
        samples, seed = sens.get("samples", 0), sens.get("seed", 0)
        if not _is_int(samples) or samples < 0:
            return lazy_gettext("{where}.samples is not a whole number of 0 or more").format(where=where)
        if not _is_int(seed) or not 0 <= seed < 2**63:
            return lazy_gettext("{where}.seed is not a whole number from 0 to 2^63").format(where=where)
        if samples > MAX_SAMPLES:
            return lazy_gettext(
                "{where} asks for {samples} samples, more than the {MAX_SAMPLES} verify recomputes"
            ).format(where=where, samples=samples, MAX_SAMPLES=MAX_SAMPLES)
        work = samples * max(1, len(ev.get("alternatives", []))) * max(1, len(ev.get("criteria", [])))
        if work > MAX_WORK:
            return lazy_gettext(
                "{where} asks for {samples} samples of {n_value} alternatives and {n_value2} criteria, "
                "more than verify recomputes"
            ).format(
                where=where,
                samples=samples,
                n_value=len(ev.get("alternatives", [])),
                n_value2=len(ev.get("criteria", [])),
            )
        if where == "robustness":
            for key in ("method", "weights", "scores"):
                if not isinstance(sens.get(key), str):
                    return lazy_gettext("robustness.{key} is not a name").format(key=key)
            if not isinstance(sens.get("spread"), int | float | dict | type(None)) or isinstance(
                sens.get("spread"), bool
            ):
                return lazy_gettext("robustness.spread is not a number")
    return None


def verify_memo(
    path: str | os.PathLike, trust: Sequence[str | os.PathLike] = (), at: dt.datetime | None = None
) -> Verification:
    """Run every check on the memo at ``path``; ``InputError`` only when the file cannot be read as a PDF.

    A check that fails makes the checks that rest on it "not checked" (``ok`` None): a signature that does not
    verify, or a file that holds more than what was signed, stops before the attached data is even read.
    The certificates are judged now, or as of ``at``; one that has expired by then is judged at the time of its
    trusted time-stamp with the validation data the memo embeds (PAdES B-LT/B-LTA), and the result says so.
    """
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    from ..io import read_bytes
    from ..io.canonical import parse_json, sha256
    from .memo import ATTACHMENT_NAME

    roots = load_trust_roots(trust)
    raw = read_bytes(path)
    out = Verification(os.fspath(path))
    if not raw.startswith(b"%PDF-"):
        raise InputError(gettext("is not a PDF file"), path)
    try:
        reader = PdfFileReader(io.BytesIO(raw), strict=False)
        sigs = list(reader.embedded_signatures)
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        AttributeError,
        OSError,
        AssertionError,
        RecursionError,
    ) as exc:  # pyHanko asserts on some damaged cross-reference streams
        # A PDF header but a broken body: a damaged or cut-short memo is a failed check, not unreadable input.
        why = " ".join(str(exc).split())  # one line, whatever the parser's message
        out.checks.append(
            Check(
                "signature", False, lazy_gettext("the file is damaged or cut short ({why})").format(why=why)
            )
        )
        out.checks += [Check(name, None) for name in CHECKS[1:]]
        return out

    # -- the signature ----------------------------------------------------------------------------------------
    if not _signature_checks(out, raw, reader, sigs, roots, at):
        out.checks += [Check(name, None) for name in _NOT_CHECKED]
        return out

    # -- the attached data ------------------------------------------------------------------------------------
    try:
        data_raw = _attachment(reader, ATTACHMENT_NAME)
    except Exception as exc:  # noqa: BLE001 - a damaged attachment is a failed check, not a crash
        out.checks += [Check("attachment", False, lazy_gettext("the attachment cannot be read ({exc})").format(exc=exc)),
                       Check("digest", None), Check("ranking", None)]  # fmt: skip
        return out
    if data_raw is None:
        out.checks += [Check("attachment", False, lazy_gettext("no {ATTACHMENT_NAME} attached").format(ATTACHMENT_NAME=ATTACHMENT_NAME)),
                       Check("digest", None), Check("ranking", None)]  # fmt: skip
        return out
    try:
        data = parse_json(data_raw, ATTACHMENT_NAME)
        problem = _shape_problem(data)
        if problem:
            raise InputError(problem, ATTACHMENT_NAME)
    except InputError as exc:
        out.checks += [Check("attachment", False, exc.line()), Check("digest", None), Check("ranking", None)]
        return out
    out.checks.append(
        Check(
            "attachment",
            True,
            lazy_gettext("{ATTACHMENT_NAME}, {n_data_raw} bytes").format(
                ATTACHMENT_NAME=ATTACHMENT_NAME, n_data_raw=len(data_raw)
            ),
        )
    )
    out.digest = sha256(data_raw)

    pages: list[str] | str | None = None  # the page text, or why it cannot be read

    def page_text() -> list[str] | str:
        nonlocal pages
        if pages is None:
            from .memotext import page_texts

            try:
                pages = page_texts(raw)
            except ValueError as exc:
                pages = str(exc)
        return pages

    _digest_check(out, reader, page_text)
    _ranking_check(out, data, page_text)
    return out


def _digest_check(out: Verification, reader: Any, page_text: Any) -> None:
    from .memotext import footer_problem

    stated = _keyword_digest(reader)
    if stated is None:
        out.checks.append(Check("digest", False, lazy_gettext("the memo records no SHA-256 of its data")))
        return
    if stated != out.digest:
        out.checks.append(
            Check(
                "digest",
                False,
                lazy_gettext("the memo names {stated}, the attachment is {digest}").format(
                    stated=stated, digest=out.digest
                ),
            )
        )
        return
    texts = page_text()
    problem = texts if isinstance(texts, str) else footer_problem(texts, out.digest)
    out.checks.append(Check("digest", problem is None, problem or out.digest))


def _ranking_check(out: Verification, data: dict[str, Any], page_text: Any) -> None:
    from .decision import recompute_and_compare
    from .memotext import ranking_problem

    results = data["results"]
    out.method = results["method"]
    out.winner = " & ".join(r["name"] for r in results["ranking"] if r["rank"] == 1)
    try:
        diffs, recomputed = recompute_and_compare(data)
        again = recomputed["results"]
    except InputError as exc:
        out.checks.append(
            Check(
                "ranking",
                False,
                lazy_gettext("the attached evaluation cannot be used: {line}").format(line=exc.line()),
            )
        )
        return
    except Exception as exc:  # noqa: BLE001 - crafted data must give a reason, never an internal error
        out.checks.append(
            Check(
                "ranking",
                False,
                lazy_gettext("the attached data cannot be recomputed ({name})").format(
                    name=type(exc).__name__
                ),
            )
        )
        return
    if diffs:
        more = f" (and {len(diffs) - 1} more)" if len(diffs) > 1 else ""
        out.checks.append(Check("ranking", False, diffs[0] + more))
        return
    texts = page_text()
    problem = texts if isinstance(texts, str) else ranking_problem("\n".join(texts[:2]), again["ranking"])
    out.checks.append(
        Check(
            "ranking",
            problem is None,
            problem or lazy_gettext("{method}: {winner} first").format(method=out.method, winner=out.winner),
        )
    )


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
    return cert.subject.native.get("common_name", "the TSA") if cert is not None else "the TSA"


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


def _signature_checks(
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
        detail = (
            lazy_gettext("signed by {signer}").format(signer=out.signer)
            if trusted
            else _trust_problem(status, moment)
        )
        if trusted and out.timestamp:
            detail += f"; time-stamped {_utc(ts.timestamp)} by {_tsa(ts)}"
        if not trusted and _expired(status, moment) is not None:
            trusted, detail = _judge_at_signing(out, reader, first, status, roots, vc, moment)
        elif trusted and unchanged and not status.bottom_line:  # not a modification: key usage or policy
            trusted, detail = False, "pyHanko judges the signature invalid (key usage or signing policy)"
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


def describe(v: Verification, lang: str = "en") -> list[str]:
    """The result in plain words, one line each: the verdict, then each check."""
    when = v.signed_at[:16].replace("T", " ") + " UTC" if v.signed_at.endswith("+00:00") else v.signed_at
    if v.valid:
        head = (gettext("VALID — signed by {signer}", lang).format(signer=v.signer)) + (
            f", {when}" if when else ""
        )
        if v.judged_at:
            head += gettext(
                " (judged at the time of signing with the validation data in the memo; the certificate "
                "has expired since)",
                lang,
            )
    else:
        f = v.failed[0] if v.failed else None
        what = f"{_short(f.name, lang)}: {text_in(f.detail, lang)}" if f else ""
        head = (gettext("INVALID — ", lang)) + what
    lines = [head]
    for c in v.checks:
        ok = v.status(c.name)
        mark = "✓" if ok else ("✗" if ok is False else "–")
        if ok is None and (
            c.ok is not None or not c.detail
        ):  # not run, or resting on a check that did not pass
            lines.append(f"{mark} {c.label(lang)}: " + (gettext("not checked", lang)))
            continue
        # A passed check in Dutch shows only the data it carries (the hash, the winner); a failed one says why.
        show = c.detail and (lang != "nl" or not ok or c.name in ("digest", "ranking"))
        lines.append(f"{mark} {c.label(lang)}" + (f": {text_in(c.detail, lang)}" if show else ""))
    return lines
