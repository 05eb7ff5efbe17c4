"""The evaluation model: immutable values that every other part of Afweging reads.

An :class:`Evaluation` is never edited in place. A change (``evaluator.changes``) produces a new evaluation that
shares every untouched part with the old one, so undo is cheap and the store can tell what changed by identity.

Texts that come from a catalogue are bilingual: a ``dict`` from language code (``"nl"``, ``"en"``) to text;
:func:`text` picks one with a fallback. Texts a user types (evidence, alternative descriptions) are plain strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, Literal

from .settings import default, robustness_defaults

LANGUAGES = ("nl", "en")
CONFIDENCES = ("high", "medium", "low")
ScaleKind = Literal["ordinal", "numeric", "boolean"]
Direction = Literal["benefit", "cost"]

Text = Mapping[str, str]


def text(value: Text | str | None, lang: str = "nl") -> str:
    """The text in ``lang``, else in the other language, else ``""``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if value.get(lang):
        return value[lang]
    for other in LANGUAGES:
        if value.get(other):
            return value[other]
    return next((v for v in value.values() if v), "")


def frozen_map(mapping: Mapping | None = None) -> Mapping:
    """A read-only view of a fresh copy of ``mapping``."""
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Level:
    """One level of an ordinal scale: its number, a short label and a descriptor that says what earns it."""

    value: float
    label: Text
    descriptor: Text = field(default_factory=dict)


@dataclass(frozen=True)
class Scale:
    """How a criterion is scored and how a score becomes a value in [0, 1].

    ``ordinal``: ``levels`` in increasing order; bounds are the lowest and highest level.
    ``numeric``: ``unit`` and ``lower``/``upper`` bounds; both bounds ``None`` marks a bare-matrix criterion whose
    values are normalised over the alternatives (imports of DMSY/CSV/XLSX).
    ``boolean``: yes (1) or no (0).
    ``points`` optionally gives a piecewise-linear value function as ``(score, value)`` pairs, increasing in score;
    without it the value function is linear between the bounds. ``direction`` ``cost`` means lower is better.
    """

    kind: ScaleKind
    levels: tuple[Level, ...] = ()
    unit: str = ""
    lower: float | None = None
    upper: float | None = None
    direction: Direction = "benefit"
    points: tuple[tuple[float, float], ...] = ()

    @property
    def bounded(self) -> bool:
        return self.kind != "numeric" or (self.lower is not None and self.upper is not None)

    @property
    def bounds(self) -> tuple[float, float] | None:
        if self.kind == "ordinal":
            return (min(lv.value for lv in self.levels), max(lv.value for lv in self.levels))
        if self.kind == "boolean":
            return (0.0, 1.0)
        if self.lower is None or self.upper is None:
            return None
        return (self.lower, self.upper)

    def level(self, value: float) -> Level | None:
        for lv in self.levels:
            if lv.value == value:
                return lv
        return None


@dataclass(frozen=True)
class Area:
    """A group of criteria (sovereignty, continuity, ...)."""

    id: str
    name: Text
    description: Text = field(default_factory=dict)


@dataclass(frozen=True)
class Criterion:
    id: str
    area: str
    name: Text
    scale: Scale
    description: Text = field(default_factory=dict)
    framework: str = ""
    source: str = ""
    minimum: float | None = None  # knock-out gate: below it an alternative is excluded from the ranking


@dataclass(frozen=True)
class Alternative:
    id: str
    name: str
    vendor: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Assessment:
    """The score of one alternative on one criterion, with what it rests on. (Slots: a large project holds
    300 000; each takes a third less memory than with a ``__dict__``.)"""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    evidence: str = ""
    source: str = ""
    date: str = ""
    confidence: str = ""  # "high", "medium", "low" or "" (not stated)

    @property
    def uncertain(self) -> bool:
        return self.confidence == "low" or (
            self.low is not None and self.high is not None and self.high > self.low
        )


# What ``Assessment(value, low, high, evidence, source, date, confidence)`` does, one setter per field in field
# order, for a reader that builds 300 000 at once (``object.__new__(Assessment)``, then each setter): the frozen
# dataclass's ``__init__`` sets the same slots the same way (there is no ``__post_init__``) at twice the cost.
ASSESSMENT_SETTERS = tuple(Assessment.__dict__[f.name].__set__ for f in fields(Assessment))


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    organisation: str = ""
    role: str = ""


def _empty() -> Mapping:
    return frozen_map()


def _robustness() -> Mapping[str, Any]:
    return frozen_map(robustness_defaults())


@dataclass(frozen=True)
class Evaluation:
    """Everything a decision rests on.

    ``weights`` holds the agreed weights as points: area id → points among areas, criterion id → points within its
    area (global weights: ``evaluator.weighting.global_weights``). ``participant_weights`` holds the same per
    participant id. ``assessments`` maps ``(alternative id, criterion id)`` to an :class:`Assessment`.
    """

    title: str
    question: str = ""
    context: str = ""
    date: str = ""
    owner: str = ""
    status: str = default("status")
    decision: str = ""
    catalogue: str = ""
    areas: tuple[Area, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    assessments: Mapping[tuple[str, str], Assessment] = field(default_factory=_empty)
    weights: Mapping[str, float] = field(default_factory=_empty)
    participants: tuple[Participant, ...] = ()
    participant_weights: Mapping[str, Mapping[str, float]] = field(default_factory=_empty)
    aggregation: str = default("aggregation")  # how participants' weights combine: mean, median, geometric
    anonymous: bool = False
    method: str = default("method")
    method_params: Mapping[str, float] = field(default_factory=_empty)
    # how SMAA runs (settings.ROBUSTNESS_SETTINGS without the "robustness." prefix): the page, the CLI and the memo
    robustness: Mapping[str, Any] = field(default_factory=_robustness)

    # -- look-ups -------------------------------------------------------------------------------------------
    def area(self, area_id: str) -> Area:
        for a in self.areas:
            if a.id == area_id:
                return a
        raise KeyError(area_id)

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def alternative(self, alternative_id: str) -> Alternative:
        for a in self.alternatives:
            if a.id == alternative_id:
                return a
        raise KeyError(alternative_id)

    def participant(self, participant_id: str) -> Participant:
        for p in self.participants:
            if p.id == participant_id:
                return p
        raise KeyError(participant_id)

    def criteria_of(self, area_id: str) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.area == area_id)

    def assessment(self, alternative_id: str, criterion_id: str) -> Assessment:
        return self.assessments.get((alternative_id, criterion_id), EMPTY_ASSESSMENT)

    @property
    def bare(self) -> bool:
        """True when no criterion has scale bounds: a bare decision matrix (DMSY, CSV, XLSX import)."""
        return bool(self.criteria) and all(not c.scale.bounded for c in self.criteria)


EMPTY_ASSESSMENT = Assessment()
