"""The canonical decision JSON: stable key order and number formatting, so its SHA-256 identifies the data."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from ..errors import InputError
from ..i18n import N_, gettext, library_words
from ..model import Evaluation
from ..serial import evaluation_from_data, evaluation_to_data

# What Python's json module says about broken JSON, so a Dutch session reads it in Dutch (gettext(exc.msg)).
JSON_WORDS = (
    N_("Expecting value"),
    N_("Expecting property name enclosed in double quotes"),
    N_("Expecting ',' delimiter"),
    N_("Expecting ':' delimiter"),
    N_("Extra data"),
    N_("Unterminated string starting at"),
    N_("Invalid control character at"),
    N_("Invalid \\escape"),
    N_("Invalid \\uXXXX escape"),
)


def canonical_bytes(data: Any) -> bytes:
    """Plain data as canonical JSON bytes: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode()


def evaluation_json(ev: Evaluation) -> bytes:
    return canonical_bytes(evaluation_to_data(ev))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_json(raw: bytes | str, file: str | os.PathLike | None = None) -> Any:
    """JSON → plain data; ``InputError`` with line and column when it is not valid JSON (NaN refused)."""

    class NotANumber(ValueError):
        pass

    def no_constants(name: str) -> None:
        raise NotANumber(gettext("{name} is not allowed").format(name=name))

    try:
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8")
        return json.loads(raw, parse_constant=no_constants)
    except UnicodeDecodeError as exc:
        raise InputError(gettext("not UTF-8 text (byte {start})").format(start=exc.start), file) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            gettext("not valid JSON: {msg}").format(
                msg=gettext(exc.msg)
            ),  # the json module's words: JSON_WORDS
            file,
            gettext("line {line}, column {column}").format(line=exc.lineno, column=exc.colno),
        ) from None
    except NotANumber as exc:
        raise InputError(gettext("not valid JSON: {exc}").format(exc=exc), file) from None
    except ValueError as exc:  # Python's own limits (a number too long)
        raise InputError(library_words(gettext("not valid JSON: {detail}"), exc), file) from None
    except RecursionError:
        raise InputError(gettext("not valid JSON: nested too deeply"), file) from None


def read_json(path: str | os.PathLike) -> Evaluation:
    from . import read_bytes

    data = parse_json(read_bytes(path), path)
    return evaluation_from_data(data, os.fspath(path))


def write_json(ev: Evaluation, path: str | os.PathLike) -> None:
    from ..files import atomic_write

    text = json.dumps(evaluation_to_data(ev), sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    atomic_write(path, (text + "\n").encode())
