"""Export the memo: decision JSON → pages → attachment → signature → file, all or nothing.

:func:`export_memo` is the one function the CLI (``afweging report``) and the desktop export dialog both call.
The key is loaded and checked first, so a wrong password or a missing token fails before any work; the file is
written to a private temporary file beside the target and moved into place only when complete.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..i18n import gettext, language
from ..model import Evaluation
from .sign import SigningKey


@dataclass(frozen=True)
class MemoResult:
    path: Path | None
    digest: str  # SHA-256 of the attached canonical decision JSON
    pages: int
    signed: bool
    signer: str = ""
    pdf: bytes = b""


def render_memo(
    ev: Evaluation,
    lang: str = "nl",
    signer: tuple[Any, str] | None = None,
    reason: str = "",
    audit: Sequence[Any] | None = None,
    samples: int | None = None,
    seed: int | None = None,
    generated: str | None = None,
    timestamper: Any = None,
    tsa_url: str | None = None,
    longevity: Any = None,
) -> MemoResult:
    """The memo's bytes (attached JSON; signed when ``signer`` from :func:`sign.open_signer` is given).

    Its robustness figures run with the evaluation's own robustness settings — as the Robustness page and
    ``afweging sensitivity`` run them; ``samples`` and ``seed`` override them where given (the CLI's flags).
    """
    from ..io.canonical import sha256
    from ..robustness import SCHEMA
    from .decision import decision_bytes, decision_data
    from .memo import ATTACHMENT_NAME, build_memo
    from .sign import attach_and_sign
    from .stamp import stamp_pdf
    from .texts import t

    left_out = {"schema": SCHEMA, "skipped": "left out (--samples 0)"} if samples == 0 else None
    data = decision_data(ev, generated=generated, robustness=left_out, samples=samples or None, seed=seed)
    if audit:
        entries = sorted(audit, key=lambda e: e.seq)
        data["audit"] = {
            "changes": len(entries),
            "first": entries[0].time,
            "last": entries[-1].time,
            "users": sorted({e.user for e in entries}),
        }
    raw = decision_bytes(data)
    digest = sha256(raw)
    memo = build_memo(ev, data, digest, lang=lang, audit=audit, signed=signer is not None)
    reason = reason or t("default_reason", lang)
    pdf = attach_and_sign(
        memo.data,
        raw,
        ATTACHMENT_NAME,
        signer=signer,
        page=memo.signature_page,
        box=memo.signature_box,
        reason=reason,
        stamp=lambda name, when, why, box: stamp_pdf(name, when, why, lang, box),
        timestamper=timestamper,
        tsa_url=tsa_url,
        description="Afweging decision data (canonical JSON)",
        longevity=longevity,
    )
    return MemoResult(None, digest, memo.pages, signer is not None, signer[1] if signer else "", pdf)


def export_memo(
    ev: Evaluation,
    out: str | os.PathLike,
    lang: str = "nl",
    key: SigningKey | None = None,
    reason: str = "",
    audit: Sequence[Any] | None = None,
    samples: int | None = None,
    seed: int | None = None,
    timestamper: Any = None,
    tsa_url: str | None = None,
    longevity: Any = None,
) -> MemoResult:
    """Write the memo to ``out`` (signed with ``key`` when given). Nothing is left behind on failure.

    ``longevity`` (:class:`.ltv.Longevity`): the PAdES level, its time-stamp authority and validation data.
    """
    from ..errors import InputError
    from ..files import atomic_write
    from .sign import open_signer

    target = Path(out)
    if target.suffix.lower() != ".pdf":
        raise InputError(gettext("the memo is a PDF; give the output a name ending in .pdf"), target)
    if lang not in ("nl", "en"):
        raise InputError(gettext("unknown language {lang_!r}; choose nl or en").format(lang_=lang))
    if key is not None and longevity is not None and longevity.embeds_validation_data:
        from .ltv import load_validation_data

        load_validation_data(longevity.validation_data)  # a wrong file fails before the key is opened
    with open_signer(key) as signer:
        res = render_memo(
            ev, lang, signer, reason, audit, samples, seed, None, timestamper, tsa_url, longevity
        )
    try:
        atomic_write(target, res.pdf)
    except OSError as exc:
        raise InputError(
            gettext("cannot be written ({value})").format(value=exc.strerror or exc), target
        ) from None
    return MemoResult(target, res.digest, res.pages, res.signed, res.signer, res.pdf)


def signing_concerns(ev: Evaluation) -> list[str]:
    """Why signing this memo deserves a second thought (empty: none): a draft, or no decision recorded; in the
    session's language.

    The CLI refuses to sign then without ``--allow-draft``; the export dialog asks first.
    """
    from .texts import STATUS_TEXTS, status_text

    concerns = []
    # "concept" is the Dutch for "draft": either is a draft
    if STATUS_TEXTS.get(ev.status.strip().casefold()) == STATUS_TEXTS["draft"]:
        status = status_text(ev.status, language())
        concerns.append(gettext("its status is {status}").format(status=repr(status)))
    if not ev.decision.strip():
        concerns.append(gettext("it records no decision"))
    return concerns
