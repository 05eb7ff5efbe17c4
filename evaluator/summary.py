"""What a change touched, so each view refreshes only what concerns it (as Anki's ``OpChanges`` does).

:func:`summarize` compares the evaluation before and after a change by identity — the model is immutable and a
change shares every untouched part — so it costs a few dictionary look-ups, not a comparison of values. A title
edit yields ``settings={"title"}`` and nothing else: no page re-ranks, recomputes stability or repaints scores.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from . import settings
from .model import Evaluation


@dataclass(frozen=True)
class ChangeSummary:
    """What differs between two evaluations. Empty sets and ``False`` mean untouched."""

    settings: frozenset[str] = field(default_factory=frozenset)  # names, as in evaluator.settings
    method_params: bool = False
    areas: bool = False
    criteria: bool = False  # criteria added, removed, moved or edited (scales, names, minimums)
    alternatives: bool = False  # alternatives added, removed, moved or edited
    scores: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # (alternative, criterion) cells
    weights: bool = False  # the agreed weights
    participant_weights: frozenset[str] = field(default_factory=frozenset)  # participant ids
    participants: bool = False
    everything: bool = False  # another evaluation altogether (a reload, an open)

    @property
    def structure(self) -> bool:
        return self.everything or self.areas or self.criteria or self.alternatives

    @property
    def ranking(self) -> bool:
        """Could the ranking differ? (scores, agreed weights, structure, method or its parameters)"""
        return bool(
            self.structure or self.scores or self.weights or self.method_params or "method" in self.settings
        )

    @property
    def robustness(self) -> bool:
        """Could the robustness figures differ? (the ranking, or the robustness settings; participants' spread)"""
        return bool(
            self.ranking
            or any(s.startswith("robustness.") for s in self.settings)
            or self.participant_weights
            or self.participants
        )

    @property
    def workshop(self) -> bool:
        return bool(self.everything or self.participants or self.participant_weights or self.structure
                    or "aggregation" in self.settings or "anonymous" in self.settings)  # fmt: skip

    def __bool__(self) -> bool:
        return self != ChangeSummary()


EVERYTHING = ChangeSummary(everything=True)


# -- which scores a change touched ------------------------------------------------------------------------------
# A score change makes a new assessments mapping from the old one with a few keys set. It notes them here, so
# what compares the two (this summary, the store writing the difference, the validity check) looks at those
# keys instead of every cell of the matrix. Kept for the last few mappings, with both held: identity stays true.

_DERIVED: list[tuple[Mapping, Mapping, frozenset]] = []  # (old, new, keys set in new), newest first
_DERIVED_KEEP = 4  # each holds two assessments tables (15 MB at 1000 × 300): a few, not a history


def note_changed_keys(old: Mapping, new: Mapping, keys: frozenset) -> None:
    """``new`` is ``old`` with (at most) ``keys`` set or removed."""
    _DERIVED.insert(0, (old, new, keys))
    del _DERIVED[_DERIVED_KEEP:]


def changed_keys(old: Mapping, new: Mapping) -> frozenset | None:
    """The keys whose value differs (by identity) between ``old`` and ``new`` when noted, else None (the caller
    then compares every key)."""
    if old is new:
        return frozenset()
    keys: set = set()
    at = new
    for _ in range(_DERIVED_KEEP):
        step = next(((o, k) for o, n, k in _DERIVED if n is at), None)
        if step is None:
            return None
        keys |= step[1]
        at = step[0]
        if at is old:
            return frozenset(k for k in keys if old.get(k) is not new.get(k))
    return None


_RECENT: list[tuple[Evaluation, Evaluation, ChangeSummary]] = []  # every page asks about the same change
_KEEP = 3


def summarize(old: Evaluation | None, new: Evaluation) -> ChangeSummary:
    """What differs between ``old`` and ``new`` (``old`` None: everything). The last few answers are kept: after
    a change every page asks about the same pair, and the score comparison is linear in the matrix."""
    if old is None:
        return EVERYTHING
    if old is new:
        return ChangeSummary()
    for a, b, known in _RECENT:
        if a is old and b is new:
            return known
    found = _summarize(old, new)
    _RECENT.insert(0, (old, new, found))
    del _RECENT[_KEEP:]
    return found


def _summarize(old: Evaluation, new: Evaluation) -> ChangeSummary:
    changed = frozenset(name for name in settings.ALL if settings.get(old, name) != settings.get(new, name))
    scores: frozenset[tuple[str, str]] = frozenset()
    if old.assessments is not new.assessments:
        a, b = old.assessments, new.assessments
        noted = changed_keys(a, b)
        scores = (
            noted
            if noted is not None
            else frozenset(k for k in a.keys() | b.keys() if a.get(k) is not b.get(k))
        )
    pw: frozenset[str] = frozenset()
    if old.participant_weights is not new.participant_weights:
        a, b = old.participant_weights, new.participant_weights
        pw = frozenset(k for k in a.keys() | b.keys() if a.get(k) is not b.get(k))
    return ChangeSummary(
        settings=changed,
        method_params=old.method_params != new.method_params,
        areas=old.areas != new.areas,
        criteria=old.criteria != new.criteria,
        alternatives=old.alternatives != new.alternatives,
        scores=scores,
        weights=old.weights is not new.weights and dict(old.weights) != dict(new.weights),
        participant_weights=pw,
        participants=old.participants != new.participants,
    )
