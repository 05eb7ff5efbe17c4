"""The base of every change: the ``Change`` class and its registry, the one ``apply_change``, the plain-data
form, the helpers the change kinds share, and ``Batch`` (several changes as one)."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, ClassVar

from ..errors import ChangeError, InputError
from ..formats import fill
from ..i18n import gettext
from ..invariants import Problem, assessment_problem, check
from ..model import (
    Alternative,
    Area,
    Assessment,
    Criterion,
    Evaluation,
    Participant,
)
from ..serial import (
    Reader,
    alternative_to_data,
    area_to_data,
    assessment_to_data,
    criterion_to_data,
    participant_to_data,
)
from ..summary import changed_keys, note_changed_keys

_REGISTRY: dict[str, type[Change]] = {}


@dataclass(frozen=True)
class Change(ABC):
    """Base of all changes. Subclasses implement ``apply``, ``inverse``, ``label`` and ``_from_data``."""

    kind: ClassVar[str] = ""

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if cls.kind:
            _REGISTRY[cls.kind] = cls

    @abstractmethod
    def apply(self, ev: Evaluation) -> Evaluation:
        """The evaluation with this change made (``ChangeError`` when it does not fit)."""

    @abstractmethod
    def inverse(self, ev: Evaluation) -> Change:
        """The change that undoes this one, given the evaluation *before* it is applied."""

    @abstractmethod
    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        """A short readable label ("Score openDesk · A3 → 4"), for the undo menu and the audit view."""

    @classmethod
    @abstractmethod
    def _from_data(cls, r: Reader) -> Change:
        """The change from its plain-data form (read through ``r``, which names the place of a problem)."""

    def covers(self, earlier: Change) -> bool:
        """Whether applying ``earlier`` and then this change leaves what this change alone leaves (it sets
        everything ``earlier`` set): then a run of such steps is recorded as its last step only."""
        return False

    def to_data(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": self.kind}
        for f in fields(self):
            d[f.name] = _encode(getattr(self, f.name))
        return d


def _encode(v: Any) -> Any:
    if isinstance(v, Change):
        return v.to_data()
    if isinstance(v, Alternative):
        return alternative_to_data(v)
    if isinstance(v, Area):
        return area_to_data(v)
    if isinstance(v, Criterion):
        return criterion_to_data(v)
    if isinstance(v, Assessment):
        return assessment_to_data(v)
    if isinstance(v, Participant):
        return participant_to_data(v)
    if isinstance(v, tuple | list):
        return [_encode(x) for x in v]
    if isinstance(v, Mapping):
        return {str(k): _encode(v[k]) for k in sorted(v)}
    return v


def change_from_data(data: Any, place: str = "change", file: str | None = None) -> Change:
    """A change from its plain-data form; ``InputError`` naming the place when it is not one."""
    r = Reader(data, place, file)
    kind = r.get("type", str)
    cls = _REGISTRY.get(kind)
    if cls is None:
        raise r.fail("type", gettext("unknown change type {kind!r}").format(kind=kind))
    r.allow("type", *(f.name for f in fields(cls)))  # a typo must not silently drop part of a change
    return cls._from_data(r)


def apply_change(ev: Evaluation, change: Change) -> tuple[Evaluation, Change]:
    """Apply ``change`` to ``ev``: the new evaluation and the change that undoes it.

    Raises ``ChangeError`` (with a readable reason in the session's language) when the change does not fit, which is
    exactly when the evaluation it would leave could not be loaded (:func:`evaluator.invariants.check`); ``ev`` is
    untouched either way.
    """
    if not isinstance(change, Change):
        raise ChangeError(gettext("not a change: {change!r}").format(change=change))
    try:  # the audit trail stores the change as data: it must read back as the same change, or replay breaks
        change_from_data(change.to_data())
    except (InputError, TypeError, ValueError) as exc:
        line = exc.line() if isinstance(exc, InputError) else str(exc)
        raise ChangeError(gettext("this change cannot be recorded: {line}").format(line=line)) from None
    inverse = change.inverse(ev)
    new = change.apply(ev)
    problem = check(new, before=ev)
    if problem is not None:
        raise ChangeError(problem.line())
    return new, inverse


# -- helpers --------------------------------------------------------------------------------------------------


def _alt_name(ev: Evaluation, alt_id: str) -> str:
    try:
        return ev.alternative(alt_id).name
    except KeyError:
        return alt_id


def _need_alt(ev: Evaluation, alt_id: str) -> Alternative:
    try:
        return ev.alternative(alt_id)
    except KeyError:
        raise ChangeError(gettext("no alternative with id {alt_id!r}").format(alt_id=alt_id)) from None


def _need_crit(ev: Evaluation, crit_id: str) -> Criterion:
    try:
        return ev.criterion(crit_id)
    except KeyError:
        raise ChangeError(gettext("no criterion with id {crit_id!r}").format(crit_id=crit_id)) from None


def _need_area(ev: Evaluation, area_id: str) -> Area:
    try:
        return ev.area(area_id)
    except KeyError:
        raise ChangeError(gettext("no area with id {area_id!r}").format(area_id=area_id)) from None


def _need_participant(ev: Evaluation, pid: str) -> Participant:
    try:
        return ev.participant(pid)
    except KeyError:
        raise ChangeError(gettext("no participant with id {pid!r}").format(pid=pid)) from None


def _refuse_assessment(where: str, crit: Criterion, s: Assessment) -> None:
    """``ChangeError`` naming ``where`` when ``s`` does not fit ``crit`` (the one validity check's words)."""
    found = assessment_problem(crit, s)
    if found:
        problem = Problem("", *found)
        raise ChangeError(f"{where}: {problem.text()}")


def _check_weight(key: str, v: float) -> None:
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise ChangeError(gettext("weight of {key} must be a finite number, not {v!r}").format(key=key, v=v))
    if v < 0:
        raise ChangeError(fill(gettext("weight of {key} must not be negative ({v:g})"), key=key, v=v))


def _ids(ev: Evaluation) -> set[str]:
    return {a.id for a in ev.areas} | {c.id for c in ev.criteria}


def _insert(items: tuple, item: Any, position: int | None) -> tuple:
    pos = len(items) if position is None else max(0, min(position, len(items)))
    return items[:pos] + (item,) + items[pos:]


def _fmt(x: float) -> str:
    return f"{x:g}"


# -- several at once ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Batch(Change):
    """Several changes applied as one (one undo step, one audit entry): a ballot import, a pasted block."""

    kind: ClassVar[str] = "batch"
    changes: tuple[Change, ...]
    description: str = ""

    def apply(self, ev: Evaluation) -> Evaluation:
        first, keys = ev.assessments, set()
        for ch in self.changes:
            before = ev.assessments
            ev = ch.apply(ev)
            if keys is not None and ev.assessments is not before:
                step = changed_keys(before, ev.assessments)
                keys = None if step is None else keys | step
        if keys is not None and ev.assessments is not first:  # the cells of every step, noted as one
            note_changed_keys(first, ev.assessments, frozenset(keys))
        return ev

    def inverse(self, ev: Evaluation) -> Change:
        inverses = []
        for ch in self.changes:
            inverses.append(ch.inverse(ev))
            ev = ch.apply(ev)
        return Batch(tuple(reversed(inverses)), self.description)

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        if self.description:
            return self.description
        if len(self.changes) == 1:
            return self.changes[0].label(ev, lang)
        return gettext("{n_changes} changes", lang).format(n_changes=len(self.changes))

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        items = r.get("changes", list)
        return cls(
            tuple(change_from_data(c, r.where(f"changes[{i}]"), r.file) for i, c in enumerate(items)),
            r.get("description", str, ""),
        )
