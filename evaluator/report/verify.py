"""Verify a memo: is the signature valid and trusted, is the file unchanged since signing, and does the ranking it
states follow from the data attached to it?

The signature checks are in :mod:`.signature_checks`, the result and its words in :mod:`.verification`.
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
from typing import Any

from .. import settings
from ..errors import InputError
from ..formats import lazy_gettext
from ..i18n import gettext
from .signature_checks import load_trust_roots, signature_checks
from .verification import CHECKS, DEPENDS_ON, Check, Verification, describe

__all__ = ["CHECKS", "DEPENDS_ON", "Check", "Verification", "describe", "load_trust_roots", "verify_memo"]

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
    if not signature_checks(out, raw, reader, sigs, roots, at):
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
        detail = diffs[0]
        if len(diffs) > 1:
            detail = lazy_gettext("{first} (and {n} more)").format(first=diffs[0], n=len(diffs) - 1)
        out.checks.append(Check("ranking", False, detail))
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
