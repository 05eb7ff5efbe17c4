"""Findings as data: what an analysis found, in numbers and ids, never in words.

A :class:`Finding` says *what kind* of thing was found (``kind``, a key of the message catalogue in
:mod:`evaluator.text.messages`), how much it matters (``severity``), which criteria and alternatives it concerns
(by id) and the number it rests on (``value``), plus a few more numbers or ids in ``params`` that its sentence
needs. The sentence itself is rendered from the catalogue at the moment it is shown (:func:`evaluator.text.render`),
in the reader's language and with the names the evaluation has then. So the GUI, the CLI and the memo say the same
thing in the same words, and a check that compares findings (``verify``) compares data, never wording.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import frozen_map

SEVERITIES = ("info", "warning")

ParamValue = float | int | str | tuple[str, ...]


@dataclass(frozen=True)
class Finding:
    """One thing an analysis found. ``params`` holds numbers, ids, or tuples of ids — nothing that is prose."""

    kind: str
    severity: str = "info"
    criteria: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    value: float | None = None
    params: Mapping[str, ParamValue] = field(default_factory=frozen_map)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r} (use {' or '.join(SEVERITIES)})")
        if self.value is not None:
            value = float(self.value)
            if not math.isfinite(value):
                raise ValueError(f"finding value {value} is not a finite number")
            object.__setattr__(self, "value", value)
        object.__setattr__(self, "criteria", tuple(self.criteria))
        object.__setattr__(self, "alternatives", tuple(self.alternatives))
        object.__setattr__(
            self, "params", frozen_map({k: _param(k, v) for k, v in dict(self.params).items()})
        )

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-able data (lists for tuples); :meth:`from_data` reads it back to an equal finding."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "criteria": list(self.criteria),
            "alternatives": list(self.alternatives),
            "value": self.value,
            "params": {k: list(v) if isinstance(v, tuple) else v for k, v in self.params.items()},
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Finding:
        return cls(
            kind=str(data["kind"]),
            severity=str(data.get("severity", "info")),
            criteria=tuple(str(c) for c in data.get("criteria", ())),
            alternatives=tuple(str(a) for a in data.get("alternatives", ())),
            value=None if data.get("value") is None else float(data["value"]),
            params=dict(data.get("params") or {}),
        )

    def __hash__(self) -> int:  # the params mapping is not hashable; equal findings still hash alike
        return hash((self.kind, self.severity, self.criteria, self.alternatives, self.value))


def _param(key: str, v: Any) -> ParamValue:
    if isinstance(v, bool):
        raise TypeError(f"finding parameter {key!r}: use a number, an id or a tuple of ids, not a bool")
    if isinstance(v, int | str):
        return v
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError(f"finding parameter {key!r} is not a finite number")
        return v
    if isinstance(v, list | tuple):
        return tuple(str(x) for x in v)
    try:  # numpy scalars
        return float(v)
    except (TypeError, ValueError):
        raise TypeError(f"finding parameter {key!r}: {type(v).__name__} is not a number or an id") from None
