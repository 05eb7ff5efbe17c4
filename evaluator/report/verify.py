"""Verify a memo: is the signature valid and trusted, is the file unchanged since signing, and does the ranking it
states follow from the data attached to it?

Judged by pyHanko's bottom line and the signature's coverage and modification level, never by ``intact`` alone.
Then the attached decision JSON is read, its SHA-256 compared with the one the signed memo records, and the
results recomputed from its evaluation with the same code that made them. A file that cannot be read at all is an
``InputError`` (exit 2); everything else gives a :class:`Verification` whose ``valid`` says yes or no (0 or 1).
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError

CHECKS = ("signature", "trust", "unchanged", "attachment", "digest", "ranking")
# What a failed check is called in the one-line verdict ("INVALID — signature: the signed bytes have been altered").
_SHORT = {
    "signature": ("signature", "handtekening"),
    "trust": ("trust", "vertrouwen"),
    "unchanged": ("changed after signing", "gewijzigd na ondertekening"),
    "attachment": ("decision data", "besluitgegevens"),
    "digest": ("decision data (SHA-256)", "besluitgegevens (SHA-256)"),
    "ranking": ("ranking", "rangorde"),
}

_TEXT = {
    "signature": ("The signature is mathematically valid", "De handtekening is wiskundig geldig"),
    "trust": (
        "The signer's certificate leads to a trusted root",
        "Het certificaat van de ondertekenaar leidt naar een vertrouwde basis",
    ),  # fmt: skip
    "unchanged": ("Nothing was changed after signing", "Er is na het ondertekenen niets gewijzigd"),
    "attachment": ("The decision data is attached", "De besluitgegevens zijn bijgevoegd"),
    "digest": (
        "The attached data is the data the memo names (SHA-256)",
        "De bijgevoegde gegevens zijn die welke de notitie noemt (SHA-256)",
    ),  # fmt: skip
    "ranking": (
        "Recomputing from the attached data gives the stated ranking",
        "Herberekenen uit de bijgevoegde gegevens geeft de vermelde rangorde",
    ),  # fmt: skip
}


@dataclass
class Check:
    name: str
    ok: bool | None  # None: not run, because an earlier check made it meaningless
    detail: str = ""

    def label(self, lang: str = "en") -> str:
        en, nl = _TEXT[self.name]
        return nl if lang == "nl" else en


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

    @property
    def valid(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if c.ok is False]

    def check(self, name: str) -> Check:
        return next(c for c in self.checks if c.name == name)

    def to_data(self) -> dict[str, Any]:
        failed = self.failed
        return {
            "file": self.file,
            "valid": self.valid,
            "failed": failed[0].name if failed else None,
            "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in self.checks],
            "signer": self.signer,
            "signed_at": self.signed_at,
            "reason": self.reason,
            "sha256": self.digest,
            "method": self.method,
            "first": self.winner,
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
            raise InputError("is not a certificate (PEM or DER)", p) from None
    return roots


def _attachment(reader: Any, name: str) -> bytes | None:
    """The bytes of the embedded file called ``name``, or None."""
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except (KeyError, TypeError):
        return None
    for i in range(0, len(names) - 1, 2):
        if str(names[i]) == name:
            spec = names[i + 1].get_object()
            return spec["/EF"]["/F"].get_object().data
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


def verify_memo(path: str | os.PathLike, trust: Sequence[str | os.PathLike] = ()) -> Verification:
    """Run every check on the memo at ``path``; ``InputError`` only when the file cannot be read as a PDF."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    from ..io import read_bytes
    from ..io.canonical import parse_json, sha256
    from .decision import check_recomputation
    from .memo import ATTACHMENT_NAME

    roots = load_trust_roots(trust)
    raw = read_bytes(path)
    out = Verification(os.fspath(path))
    if not raw.startswith(b"%PDF-"):
        raise InputError("is not a PDF file", path)
    try:
        reader = PdfFileReader(io.BytesIO(raw), strict=False)
        sigs = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError, OSError) as exc:
        # A PDF header but a broken body: a damaged or cut-short memo is a failed check, not unreadable input.
        out.checks.append(Check("signature", False, f"the file is damaged or cut short ({exc})"))
        out.checks += [Check(name, None) for name in CHECKS[1:]]
        return out

    # -- the signature ----------------------------------------------------------------------------------------
    _signature_checks(out, sigs, roots)

    # -- the attached data ------------------------------------------------------------------------------------
    try:
        data_raw = _attachment(reader, ATTACHMENT_NAME)
    except Exception as exc:  # noqa: BLE001 - a damaged attachment is a failed check, not a crash
        data_raw = None
        out.checks.append(Check("attachment", False, f"the attachment cannot be read ({exc})"))
    if data_raw is None:
        if not any(c.name == "attachment" for c in out.checks):
            out.checks.append(Check("attachment", False, f"no {ATTACHMENT_NAME} attached"))
        out.checks += [Check("digest", None), Check("ranking", None)]
        return out
    try:
        data = parse_json(data_raw, ATTACHMENT_NAME)
        if not isinstance(data, dict) or "evaluation" not in data or "results" not in data:
            raise InputError("not an Afweging decision file", ATTACHMENT_NAME)
    except InputError as exc:
        out.checks += [Check("attachment", False, exc.line()), Check("digest", None), Check("ranking", None)]
        return out
    out.checks.append(Check("attachment", True, f"{ATTACHMENT_NAME}, {len(data_raw)} bytes"))
    out.digest = sha256(data_raw)
    stated = _keyword_digest(reader)
    if stated is None:
        out.checks.append(Check("digest", False, "the memo records no SHA-256 of its data"))
    elif stated != out.digest:
        out.checks.append(Check("digest", False, f"the memo names {stated}, the attachment is {out.digest}"))
    else:
        out.checks.append(Check("digest", True, out.digest))

    results = data["results"]
    out.method = str(results.get("method", ""))
    firsts = [r.get("name", "") for r in results.get("ranking", []) if r.get("rank") == 1]
    out.winner = " & ".join(firsts)
    try:
        diffs = check_recomputation(data)
    except InputError as exc:
        out.checks.append(Check("ranking", False, f"the attached evaluation cannot be used: {exc.line()}"))
        return out
    if diffs:
        more = f" (and {len(diffs) - 1} more)" if len(diffs) > 1 else ""
        out.checks.append(Check("ranking", False, diffs[0] + more))
    else:
        out.checks.append(Check("ranking", True, f"{out.method}: {out.winner} first"))
    return out


def _signature_checks(out: Verification, sigs: list[Any], roots: list[Any]) -> None:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    if not sigs:
        out.checks += [
            Check("signature", False, "the memo is not signed"),
            Check("trust", None),
            Check("unchanged", None),
        ]
        return
    first = sigs[0]
    try:
        vc = ValidationContext(trust_roots=roots, allow_fetching=False)
        status = validate_pdf_signature(first, signer_validation_context=vc)
    except Exception as exc:  # noqa: BLE001 - pyHanko fails in many ways on a damaged signature
        out.checks += [
            Check("signature", False, f"the signature cannot be checked ({type(exc).__name__}: {exc})"),
            Check("trust", None),
            Check("unchanged", None),
        ]
        return
    cert = status.signing_cert
    out.signer = cert.subject.native.get("common_name", "") if cert is not None else ""
    when = status.signer_reported_dt or getattr(status, "timestamp_validity", None)
    out.signed_at = when.isoformat(timespec="seconds") if hasattr(when, "isoformat") else ""
    try:
        out.reason = str(first.sig_object.get("/Reason", ""))
    except Exception:  # noqa: BLE001
        out.reason = ""
    crypto_ok = bool(status.intact and status.valid)
    out.checks.append(
        Check(
            "signature", crypto_ok, "intact and valid" if crypto_ok else "the signed bytes have been altered"
        )
    )
    coverage = status.coverage
    level = status.modification_level
    unchanged = coverage == SignatureCoverageLevel.ENTIRE_FILE and len(sigs) == 1
    if not roots:
        out.checks.append(Check("trust", False, "no trust root given (--trust CERT.pem)"))
    elif crypto_ok:
        trusted = bool(status.trusted)
        detail = (
            f"signed by {out.signer}" if trusted else "the signer's certificate does not lead to a given root"
        )
        if trusted and unchanged and not status.bottom_line:  # not a modification: key usage or policy
            trusted, detail = False, "pyHanko judges the signature invalid (key usage or signing policy)"
        out.checks.append(Check("trust", trusted, detail))
    else:
        out.checks.append(Check("trust", None))
    if unchanged:
        detail = "the signature covers the whole file"
    elif coverage == SignatureCoverageLevel.ENTIRE_REVISION:
        lv = level.name.lower().replace("_", " ") if level is not None else "unknown"
        detail = f"the file was changed after signing (modification: {lv})"
    else:
        detail = "the signature does not cover the file"
    out.checks.append(Check("unchanged", unchanged, detail))


def describe(v: Verification, lang: str = "en") -> list[str]:
    """The result in plain words, one line each: the verdict, then each check."""
    when = v.signed_at[:16].replace("T", " ") + " UTC" if v.signed_at.endswith("+00:00") else v.signed_at
    if v.valid:
        head = (
            f"GELDIG — ondertekend door {v.signer}" if lang == "nl" else f"VALID — signed by {v.signer}"
        ) + (f", {when}" if when else "")
    else:
        f = v.failed[0] if v.failed else None
        what = f"{_SHORT[f.name][lang == 'nl']}: {f.detail}" if f else ""
        head = ("ONGELDIG — " if lang == "nl" else "INVALID — ") + what
    lines = [head]
    for c in v.checks:
        mark = "✓" if c.ok else ("✗" if c.ok is False else "–")
        # The details are English; in Dutch, a passed check shows only the data it carries (the hash, the winner).
        show = c.detail and (lang != "nl" or not c.ok or c.name in ("digest", "ranking"))
        lines.append(f"{mark} {c.label(lang)}" + (f": {c.detail}" if show else ""))
    return lines
