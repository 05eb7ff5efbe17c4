"""What a memo's verification found: the checks (each passed, failed or not checked, and why), the verdict, and
the same in plain words (:func:`describe`), in the reader's language. :mod:`.verify` runs the checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..formats import text_in
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


TEXTS = {  # check: its line in the result; msgctxt = check
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
        return pgettext(self.name, TEXTS[self.name], lang)


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
