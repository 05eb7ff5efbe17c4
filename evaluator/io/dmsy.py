"""DMSY, scikit-criteria's YAML interchange format for decision matrices.

Read with our own checks (clear messages naming the key; YAML aliases refused, so no "billion laughs");
written with scikit-criteria's own ``skcriteria.io.dmsy.to_dmsy`` so other tools read it as their own.
"""

from __future__ import annotations

import io
import os
from typing import Any

import yaml

from ..errors import InputError
from ..i18n import gettext, library_words
from ..model import Evaluation
from .bare import BareMatrix, bare_evaluation, bare_matrix, check_names, check_number, check_weights


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "aliases (*name) are not allowed in DMSY", event.start_mark
            )
        return super().compose_node(parent, index)


def parse_yaml(raw: bytes, file: str | None) -> Any:
    try:
        return yaml.load(raw.decode("utf-8"), Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except UnicodeDecodeError as exc:
        raise InputError(gettext("not UTF-8 text (byte {start})").format(start=exc.start), file) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (
            gettext("line {line}, column {column}").format(line=mark.line + 1, column=mark.column + 1)
            if mark
            else None
        )
        raise InputError(
            library_words(gettext("not valid YAML: {detail}"), exc.problem or exc.context), file, where
        ) from None
    except yaml.reader.ReaderError as exc:  # a control character: its str() runs over two lines
        raise InputError(
            gettext("not valid YAML: character {character!r} is not allowed").format(character=exc.character),
            file,
            gettext("character {position}").format(position=exc.position + 1),
        ) from None
    except RecursionError:
        raise InputError(gettext("not valid YAML: nested too deeply"), file) from None
    except yaml.YAMLError as exc:
        raise InputError(
            library_words(gettext("not valid YAML: {detail}"), " ".join(str(exc).split())), file
        ) from None


def parse_dmsy(doc: Any, file: str | None = None) -> BareMatrix:
    if not isinstance(doc, dict) or "data" not in doc:
        raise InputError(gettext("not a DMSY file: no 'data' section"), file)
    head = doc.get("dmsy")
    if isinstance(head, dict):
        if head.get("dm_type", "discrete-dm") != "discrete-dm":
            raise InputError(
                gettext("unsupported dm_type {value!r}").format(value=head.get("dm_type")),
                file,
                "dmsy.dm_type",
            )
        if head.get("version", 1) != 1:
            raise InputError(
                gettext("unsupported DMSY version {value!r}").format(value=head.get("version")),
                file,
                "dmsy.version",
            )
    data = doc["data"]
    if not isinstance(data, dict):
        raise InputError(gettext("must be a mapping"), file, "data")
    matrix = data.get("matrix")
    if not isinstance(matrix, list) or not matrix:
        raise InputError(gettext("missing or empty"), file, "data.matrix")
    width = None
    rows = []
    for i, row in enumerate(matrix):
        if not isinstance(row, list):
            raise InputError(gettext("must be a list of numbers"), file, f"data.matrix[{i}]")
        if width is None:
            width = len(row)
        if len(row) != width or width == 0:
            raise InputError(
                gettext("has {n_row} values, expected {width}").format(n_row=len(row), width=width),
                file,
                f"data.matrix[{i}]",
            )
        rows.append([check_number(x, file, f"data.matrix[{i}][{j}]") for j, x in enumerate(row)])
    n, m = len(rows), width or 0

    def listed(key: str, default: list, length: int) -> list:
        v = data.get(key, default)
        if v is None:
            v = default
        if not isinstance(v, list):
            raise InputError(gettext("must be a list"), file, f"data.{key}")
        if len(v) != length:
            raise InputError(
                gettext("has {n_v} entries, expected {length}").format(n_v=len(v), length=length),
                file,
                f"data.{key}",
            )
        return v

    objectives = []
    for j, o in enumerate(listed("objectives", [1] * m, m)):
        if o in (1, "max", "MAX", ">") and not isinstance(o, bool):
            objectives.append(1)
        elif o in (-1, "min", "MIN", "<") and not isinstance(o, bool):
            objectives.append(-1)
        else:
            raise InputError(
                gettext("{o!r} must be 1 (maximise) or -1 (minimise)").format(o=o),
                file,
                f"data.objectives[{j}]",
            )
    weights = [
        check_number(w, file, f"data.weights[{j}]") for j, w in enumerate(listed("weights", [1] * m, m))
    ]
    check_weights(weights, file, lambda j: "data.weights" if j is None else f"data.weights[{j}]")
    alternatives = [str(a) if isinstance(a, int | float) else a for a in
                    listed("alternatives", [f"A{i}" for i in range(n)], n)]  # fmt: skip
    criteria = [
        str(c) if isinstance(c, int | float) else c
        for c in listed("criteria", [f"C{j}" for j in range(m)], m)
    ]
    check_names(alternatives, gettext("alternative"), file, lambda i: f"data.alternatives[{i}]")
    check_names(criteria, gettext("criterion"), file, lambda j: f"data.criteria[{j}]")
    return BareMatrix(alternatives, criteria, rows, objectives, weights)


def read_dmsy(path: str | os.PathLike) -> Evaluation:
    from . import read_bytes

    file = os.fspath(path)
    bm = parse_dmsy(parse_yaml(read_bytes(path), file), file)
    return bare_evaluation(bm, os.path.splitext(os.path.basename(file))[0])


def write_dmsy(ev: Evaluation, path: str | os.PathLike) -> None:
    import skcriteria as skc
    from skcriteria.io.dmsy import to_dmsy

    from ..files import atomic_write

    bm = bare_matrix(ev, os.fspath(path))
    dm = skc.mkdm(
        bm.matrix,
        objectives=bm.objectives,
        weights=bm.weights,
        alternatives=bm.alternatives,
        criteria=bm.criteria,
    )
    buf = io.StringIO()
    to_dmsy(dm, buf)
    atomic_write(path, _without_host(buf.getvalue()).encode())


HOST_FIELDS = ("platform", "python_version", "system_encoding")  # scikit-criteria's meta about the machine


def _without_host(text: str) -> str:
    """The DMSY text without what scikit-criteria records about the host (operating system, kernel, Python
    build): an exported file says nothing about the machine that wrote it."""
    import yaml
    from skcriteria.io.dmsy import CustomYAMLDumper

    tree = yaml.safe_load(text)
    meta = tree.get("dmsy", {}).get("meta", {})
    for name in HOST_FIELDS:
        meta.pop(name, None)
    # as scikit-criteria writes it (the same dumper and options), so that it reads it back as its own
    return yaml.dump(tree, Dumper=CustomYAMLDumper, sort_keys=False, indent=2, default_flow_style=False)
