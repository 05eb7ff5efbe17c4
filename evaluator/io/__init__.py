"""Readers and writers: the canonical JSON, DMSY (scikit-criteria's YAML), CSV, XLSX, and the sample TOML.

:func:`read_any` and :func:`write_any` pick the format by the file's extension. Every reader raises
``InputError`` naming the file, the place and the problem; none returns half an evaluation.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from ..files import MAX_INPUT_BYTES, read_bytes
from ..i18n import gettext
from ..model import Evaluation

__all__ = ["MAX_INPUT_BYTES", "read_any", "read_bytes", "write_any"]


READ_EXTENSIONS = (".afweging", ".json", ".dmsy", ".yaml", ".yml", ".csv", ".xlsx", ".toml")
WRITE_EXTENSIONS = (".afweging", ".json", ".dmsy", ".yaml", ".yml", ".csv", ".xlsx")


def _ext(path: str | os.PathLike) -> str:
    return Path(path).suffix.lower()


def read_any(path: str | os.PathLike) -> Evaluation:
    """Read an evaluation from any supported file, chosen by extension."""
    ext = _ext(path)
    if ext == ".afweging":
        from ..store import Store

        with Store.open(path, readonly=True) as st:
            return st.evaluation
    if ext == ".json":
        from .canonical import read_json

        return read_json(path)
    if ext in (".dmsy", ".yaml", ".yml"):
        from .dmsy import read_dmsy

        return read_dmsy(path)
    if ext == ".csv":
        from .table import read_csv

        return read_csv(path)
    if ext == ".xlsx":
        from .table import read_xlsx

        return read_xlsx(path)
    if ext == ".toml":
        from .sample_toml import read_evaluation_toml

        return read_evaluation_toml(path)
    raise InputError(
        gettext("unknown file type {value!r}; Afweging reads {READ_EXTENSIONS}").format(
            value=ext or "(no extension)", READ_EXTENSIONS=", ".join(READ_EXTENSIONS)
        ),
        path,
    )


def write_any(ev: Evaluation, path: str | os.PathLike) -> None:
    """Write ``ev`` to ``path`` in the format its extension names (atomically: all or nothing)."""
    ext = _ext(path)
    if ext == ".afweging":
        from ..store import Store

        Store.create(path, ev).close()
        return
    if ext == ".json":
        from .canonical import write_json

        write_json(ev, path)
        return
    if ext in (".dmsy", ".yaml", ".yml"):
        from .dmsy import write_dmsy

        write_dmsy(ev, path)
        return
    if ext == ".csv":
        from .table import write_csv

        write_csv(ev, path)
        return
    if ext == ".xlsx":
        from .table import write_xlsx

        write_xlsx(ev, path)
        return
    raise InputError(
        gettext("unknown file type {value!r}; Afweging writes {WRITE_EXTENSIONS}").format(
            value=ext or "(no extension)", WRITE_EXTENSIONS=", ".join(WRITE_EXTENSIONS)
        ),
        path,
    )
