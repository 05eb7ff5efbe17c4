"""The one way to change an evaluation: small serialisable change objects applied by :func:`apply_change`.

The same objects are what the desktop app's undo stack holds, what the store writes to the audit trail in the
same transaction as the new state, and what a workshop ballot import produces. Each change knows its inverse
(computed against the evaluation it is applied to), so undo is simply applying the inverse.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar

from . import settings
from .errors import ChangeError, InputError
from .invariants import Problem, assessment_problem, check
from .model import (
    Alternative,
    Area,
    Assessment,
    Criterion,
    Evaluation,
    Participant,
    frozen_map,
    text,
)
from .scales import check_scale, format_score
from .serial import (
    Reader,
    alternative_from_data,
    alternative_to_data,
    area_from_data,
    area_to_data,
    assessment_from_data,
    assessment_to_data,
    criterion_from_data,
    criterion_to_data,
    participant_from_data,
    participant_to_data,
    weights_from_data,
    weights_to_data,
)

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
        raise r.fail("type", f"unknown change type {kind!r}")
    r.allow("type", *(f.name for f in fields(cls)))  # a typo must not silently drop part of a change
    return cls._from_data(r)


def apply_change(ev: Evaluation, change: Change) -> tuple[Evaluation, Change]:
    """Apply ``change`` to ``ev``: the new evaluation and the change that undoes it.

    Raises ``ChangeError`` (with a readable reason in English and Dutch) when the change does not fit, which is
    exactly when the evaluation it would leave could not be loaded (:func:`evaluator.invariants.check`); ``ev`` is
    untouched either way.
    """
    if not isinstance(change, Change):
        raise ChangeError(f"not a change: {change!r}", nl=f"geen wijziging: {change!r}")
    try:  # the audit trail stores the change as data: it must read back as the same change, or replay breaks
        change_from_data(change.to_data())
    except (InputError, TypeError, ValueError) as exc:
        line = exc.line() if isinstance(exc, InputError) else str(exc)
        raise ChangeError(
            f"this change cannot be recorded: {line}", nl=f"deze wijziging kan niet worden vastgelegd: {line}"
        ) from None
    inverse = change.inverse(ev)
    new = change.apply(ev)
    problem = check(new, before=ev)
    if problem is not None:
        raise ChangeError(problem.line("en"), nl=problem.line("nl"))
    return new, inverse


# -- helpers --------------------------------------------------------------------------------------------------


def _lang(lang: str, nl: str, en: str) -> str:
    return nl if lang == "nl" else en


def _alt_name(ev: Evaluation, alt_id: str) -> str:
    try:
        return ev.alternative(alt_id).name
    except KeyError:
        return alt_id


def _need_alt(ev: Evaluation, alt_id: str) -> Alternative:
    try:
        return ev.alternative(alt_id)
    except KeyError:
        raise ChangeError(f"no alternative with id {alt_id!r}") from None


def _need_crit(ev: Evaluation, crit_id: str) -> Criterion:
    try:
        return ev.criterion(crit_id)
    except KeyError:
        raise ChangeError(f"no criterion with id {crit_id!r}") from None


def _need_area(ev: Evaluation, area_id: str) -> Area:
    try:
        return ev.area(area_id)
    except KeyError:
        raise ChangeError(f"no area with id {area_id!r}") from None


def _need_participant(ev: Evaluation, pid: str) -> Participant:
    try:
        return ev.participant(pid)
    except KeyError:
        raise ChangeError(f"no participant with id {pid!r}") from None


def _refuse_assessment(where: str, crit: Criterion, s: Assessment) -> None:
    """``ChangeError`` naming ``where`` when ``s`` does not fit ``crit`` (the one validity check's words)."""
    found = assessment_problem(crit, s)
    if found:
        problem = Problem("", *found)
        raise ChangeError(f"{where}: {problem.text('en')}", nl=f"{where}: {problem.text('nl')}")


def _check_weight(key: str, v: float) -> None:
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise ChangeError(f"weight of {key} must be a finite number, not {v!r}")
    if v < 0:
        raise ChangeError(f"weight of {key} must not be negative ({v:g})")


def _ids(ev: Evaluation) -> set[str]:
    return {a.id for a in ev.areas} | {c.id for c in ev.criteria}


def _insert(items: tuple, item: Any, position: int | None) -> tuple:
    pos = len(items) if position is None else max(0, min(position, len(items)))
    return items[:pos] + (item,) + items[pos:]


def _fmt(x: float) -> str:
    return f"{x:g}"


# -- evaluation settings ----------------------------------------------------------------------------------------

AGGREGATIONS = settings.AGGREGATIONS


@dataclass(frozen=True)
class SetSetting(Change):
    """Set one of the evaluation's settings (title, decision text, method, ``robustness.seed``, ...).

    The settings, their types and their choices are :mod:`evaluator.settings`'; whether the value fits is judged,
    as for every change, by the one validity check on the result.
    """

    kind: ClassVar[str] = "set_setting"
    name: str
    value: Any

    def _need(self) -> None:
        if self.name not in settings.ALL:
            raise ChangeError(f"{self.name!r} is not a setting of an evaluation",
                              nl=f"{self.name!r} is geen instelling van een afweging")  # fmt: skip

    def apply(self, ev: Evaluation) -> Evaluation:
        self._need()
        return settings.with_value(ev, self.name, self.value)

    def inverse(self, ev: Evaluation) -> Change:
        self._need()
        return SetSetting(self.name, settings.get(ev, self.name))

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        shown = (
            self.value if not isinstance(self.value, str) or len(self.value) < 40 else self.value[:37] + "…"
        )
        return f"{settings.label(self.name, lang).capitalize()} → {shown}"

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(r.get("name", str), r.get("value", (str, bool, int, float)))


@dataclass(frozen=True)
class SetMethodParams(Change):
    kind: ClassVar[str] = "set_method_params"
    params: Mapping[str, float]

    def apply(self, ev: Evaluation) -> Evaluation:
        return replace(ev, method_params=frozen_map(self.params))

    def inverse(self, ev: Evaluation) -> Change:
        return SetMethodParams(dict(ev.method_params))

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return _lang(lang, "Methode-instellingen", "Method settings")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(weights_from_data(r.get("params", Mapping), r.where("params"), r.file))


# -- scores ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetAssessment(Change):
    """Set (or with ``None`` clear) the whole assessment of one alternative on one criterion."""

    kind: ClassVar[str] = "set_assessment"
    alternative: str
    criterion: str
    assessment: Assessment | None

    def apply(self, ev: Evaluation) -> Evaluation:
        _need_alt(ev, self.alternative)
        crit = _need_crit(ev, self.criterion)
        new = dict(ev.assessments)
        key = (self.alternative, self.criterion)
        if self.assessment is None:
            new.pop(key, None)
        else:
            _refuse_assessment(f"{_alt_name(ev, self.alternative)} · {self.criterion}", crit, self.assessment)
            new[key] = self.assessment
        return replace(ev, assessments=frozen_map(new))

    def inverse(self, ev: Evaluation) -> Change:
        return SetAssessment(
            self.alternative, self.criterion, ev.assessments.get((self.alternative, self.criterion))
        )

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        name = _alt_name(ev, self.alternative)
        old = ev.assessments.get((self.alternative, self.criterion))
        if self.assessment is None:
            return _lang(
                lang, f"Score wissen {name} · {self.criterion}", f"Clear score {name} · {self.criterion}"
            )
        if old is not None and old.value == self.assessment.value:
            return _lang(
                lang, f"Onderbouwing {name} · {self.criterion}", f"Evidence {name} · {self.criterion}"
            )
        try:
            shown = format_score(ev.criterion(self.criterion).scale, self.assessment.value, lang).split(
                " · "
            )[0]
        except KeyError:
            shown = "?"
        return f"Score {name} · {self.criterion} → {shown}"

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        raw = r.get("assessment", Mapping, None)
        a = None if raw is None else assessment_from_data(raw, r.where("assessment"), r.file)
        return cls(r.get("alternative", str), r.get("criterion", str), a)


def set_score(ev: Evaluation, alternative: str, criterion: str, value: float | None) -> SetAssessment:
    """A change that sets just the score, keeping evidence, source and the rest (drops a range it leaves)."""
    old = ev.assessment(alternative, criterion)
    low, high = old.low, old.high
    if value is not None and low is not None and not (low <= value <= high):
        low = high = None
    return SetAssessment(alternative, criterion, replace(old, value=value, low=low, high=high))


# -- weights --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetWeights(Change):
    """Set weight points (areas and/or criteria) of the agreed weights, or of one participant's.

    ``weights`` maps area or criterion ids to points; ids not named keep their points. With ``replace_all`` the
    mapping replaces the whole set (a ballot, an AHP result, undo).
    """

    kind: ClassVar[str] = "set_weights"
    weights: Mapping[str, float]
    participant: str | None = None
    replace_all: bool = False

    def _current(self, ev: Evaluation) -> Mapping[str, float]:
        if self.participant is None:
            return ev.weights
        _need_participant(ev, self.participant)
        return ev.participant_weights.get(self.participant, {})

    def apply(self, ev: Evaluation) -> Evaluation:
        if self.participant is not None:
            _need_participant(ev, self.participant)
        known = _ids(ev)
        for k, v in self.weights.items():
            if k not in known:
                raise ChangeError(f"no area or criterion with id {k!r}")
            _check_weight(k, v)
        base = {} if self.replace_all else dict(self._current(ev))
        base.update({k: float(v) for k, v in self.weights.items()})
        if self.participant is None:
            return replace(ev, weights=frozen_map(base))
        pw = dict(ev.participant_weights)
        pw[self.participant] = frozen_map(base)
        if not base:  # no weights left: the participant has not weighed (as the file stores it)
            del pw[self.participant]
        return replace(ev, participant_weights=frozen_map(pw))

    def inverse(self, ev: Evaluation) -> Change:
        cur = self._current(ev)
        if self.participant is not None and self.participant not in ev.participant_weights:
            return ClearParticipantWeights(self.participant)
        if self.replace_all:
            return SetWeights(dict(cur), self.participant, True)
        if not all(k in cur for k in self.weights):
            return SetWeights(dict(cur), self.participant, True)
        return SetWeights({k: cur[k] for k in self.weights}, self.participant, False)

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        who = ""
        if self.participant is not None:
            try:
                who = f" ({ev.participant(self.participant).name})"
            except KeyError:
                who = f" ({self.participant})"
        if len(self.weights) == 1 and not self.replace_all:
            ((k, v),) = self.weights.items()
            return _lang(lang, f"Gewicht {k} → {_fmt(v)}{who}", f"Weight {k} → {_fmt(v)}{who}")
        return _lang(lang, f"Gewichten ({len(self.weights)}){who}", f"Weights ({len(self.weights)}){who}")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(
            weights_from_data(r.get("weights", Mapping), r.where("weights"), r.file),
            r.get("participant", str, None),
            r.get("replace_all", bool, False),
        )


@dataclass(frozen=True)
class ClearParticipantWeights(Change):
    kind: ClassVar[str] = "clear_participant_weights"
    participant: str

    def apply(self, ev: Evaluation) -> Evaluation:
        pw = dict(ev.participant_weights)
        pw.pop(self.participant, None)
        return replace(ev, participant_weights=frozen_map(pw))

    def inverse(self, ev: Evaluation) -> Change:
        if self.participant in ev.participant_weights:
            return SetWeights(dict(ev.participant_weights[self.participant]), self.participant, True)
        return Batch((), "")

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return _lang(lang, "Gewichten deelnemer wissen", "Clear participant's weights")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(r.get("participant", str))


# -- alternatives ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddAlternative(Change):
    kind: ClassVar[str] = "add_alternative"
    alternative: Alternative
    position: int | None = None
    assessments: Mapping[str, Assessment] = field(default_factory=dict)  # criterion id → assessment

    def apply(self, ev: Evaluation) -> Evaluation:
        if not self.alternative.id.strip() or not self.alternative.name.strip():
            raise ChangeError("an alternative needs an id and a name")
        if any(a.id == self.alternative.id for a in ev.alternatives):
            raise ChangeError(f"there already is an alternative with id {self.alternative.id!r}")
        if any(a.name.casefold() == self.alternative.name.casefold() for a in ev.alternatives):
            raise ChangeError(f"there already is an alternative named {self.alternative.name!r}")
        new = dict(ev.assessments)
        for c_id, s in self.assessments.items():
            _refuse_assessment(f"{self.alternative.name} · {c_id}", _need_crit(ev, c_id), s)
            new[(self.alternative.id, c_id)] = s
        return replace(
            ev,
            alternatives=_insert(ev.alternatives, self.alternative, self.position),
            assessments=frozen_map(new),
        )

    def inverse(self, ev: Evaluation) -> Change:
        return RemoveAlternative(self.alternative.id)

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return _lang(
            lang,
            f"Alternatief toevoegen: {self.alternative.name}",
            f"Add alternative: {self.alternative.name}",
        )

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        raw = r.get("assessments", Mapping, {})
        return cls(
            alternative_from_data(r.get("alternative", Mapping), r.where("alternative"), r.file),
            r.get("position", int, None),
            {k: assessment_from_data(v, r.where(f"assessments.{k}"), r.file) for k, v in raw.items()},
        )


@dataclass(frozen=True)
class RemoveAlternative(Change):
    kind: ClassVar[str] = "remove_alternative"
    alternative: str

    def apply(self, ev: Evaluation) -> Evaluation:
        _need_alt(ev, self.alternative)
        return replace(
            ev,
            alternatives=tuple(a for a in ev.alternatives if a.id != self.alternative),
            assessments=frozen_map({k: v for k, v in ev.assessments.items() if k[0] != self.alternative}),
        )

    def inverse(self, ev: Evaluation) -> Change:
        alt = _need_alt(ev, self.alternative)
        pos = ev.alternatives.index(alt)
        scores = {c: s for (a, c), s in ev.assessments.items() if a == self.alternative}
        return AddAlternative(alt, pos, scores)

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        name = _alt_name(ev, self.alternative)
        return _lang(lang, f"Alternatief verwijderen: {name}", f"Remove alternative: {name}")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(r.get("alternative", str))


@dataclass(frozen=True)
class UpdateAlternative(Change):
    """Change an alternative's name, vendor or description (its id stays)."""

    kind: ClassVar[str] = "update_alternative"
    alternative: Alternative

    def apply(self, ev: Evaluation) -> Evaluation:
        _need_alt(ev, self.alternative.id)
        if not self.alternative.name.strip():
            raise ChangeError("an alternative needs a name")
        if any(
            a.id != self.alternative.id and a.name.casefold() == self.alternative.name.casefold()
            for a in ev.alternatives
        ):
            raise ChangeError(f"there already is an alternative named {self.alternative.name!r}")
        return replace(
            ev,
            alternatives=tuple(
                self.alternative if a.id == self.alternative.id else a for a in ev.alternatives
            ),
        )

    def inverse(self, ev: Evaluation) -> Change:
        return UpdateAlternative(_need_alt(ev, self.alternative.id))

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return _lang(
            lang,
            f"Alternatief wijzigen: {self.alternative.name}",
            f"Edit alternative: {self.alternative.name}",
        )

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(alternative_from_data(r.get("alternative", Mapping), r.where("alternative"), r.file))


@dataclass(frozen=True)
class MoveAlternative(Change):
    kind: ClassVar[str] = "move_alternative"
    alternative: str
    position: int

    def apply(self, ev: Evaluation) -> Evaluation:
        alt = _need_alt(ev, self.alternative)
        rest = tuple(a for a in ev.alternatives if a.id != self.alternative)
        return replace(ev, alternatives=_insert(rest, alt, self.position))

    def inverse(self, ev: Evaluation) -> Change:
        return MoveAlternative(self.alternative, ev.alternatives.index(_need_alt(ev, self.alternative)))

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        name = _alt_name(ev, self.alternative)
        return _lang(lang, f"Alternatief verplaatsen: {name}", f"Move alternative: {name}")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(r.get("alternative", str), r.get("position", int))


# -- criteria and areas ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddArea(Change):
    kind: ClassVar[str] = "add_area"
    area: Area
    position: int | None = None
    weight: float | None = 0.0  # None: no weight entry (what an undo restores when there was none)

    def apply(self, ev: Evaluation) -> Evaluation:
        if not self.area.id.strip():
            raise ChangeError("an area needs an id")
        if self.area.id in _ids(ev):
            raise ChangeError(f"id {self.area.id!r} is already in use")
        w = dict(ev.weights)
        if self.weight is not None:
            _check_weight(self.area.id, self.weight)
            w[self.area.id] = float(self.weight)
        return replace(ev, areas=_insert(ev.areas, self.area, self.position), weights=frozen_map(w))

    def inverse(self, ev: Evaluation) -> Change:
        return RemoveArea(self.area.id)

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        n = text(self.area.name, lang)
        return _lang(lang, f"Gebied toevoegen: {n}", f"Add area: {n}")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(
            area_from_data(r.get("area", Mapping), r.where("area"), r.file),
            r.get("position", int, None),
            r.get("weight", float, 0.0) if r.data.get("weight", 0.0) is not None else None,
        )


@dataclass(frozen=True)
class RemoveArea(Change):
    """Remove an empty area (remove or move its criteria first)."""

    kind: ClassVar[str] = "remove_area"
    area: str

    def apply(self, ev: Evaluation) -> Evaluation:
        _need_area(ev, self.area)
        if ev.criteria_of(self.area):
            raise ChangeError(f"area {self.area} still has criteria; remove or move them first")
        w = {k: v for k, v in ev.weights.items() if k != self.area}
        pw = {
            p: frozen_map({k: v for k, v in m.items() if k != self.area})
            for p, m in ev.participant_weights.items()
        }
        return replace(
            ev,
            areas=tuple(a for a in ev.areas if a.id != self.area),
            weights=frozen_map(w),
            participant_weights=frozen_map(pw),
        )

    def inverse(self, ev: Evaluation) -> Change:
        area = _need_area(ev, self.area)
        restore: list[Change] = [AddArea(area, ev.areas.index(area), ev.weights.get(self.area))]
        for p, m in ev.participant_weights.items():
            if self.area in m:
                restore.append(SetWeights({self.area: m[self.area]}, p))
        return Batch(tuple(restore), "")

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return _lang(lang, f"Gebied verwijderen: {self.area}", f"Remove area: {self.area}")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(r.get("area", str))


@dataclass(frozen=True)
class UpdateArea(Change):
    kind: ClassVar[str] = "update_area"
    area: Area

    def apply(self, ev: Evaluation) -> Evaluation:
        _need_area(ev, self.area.id)
        return replace(ev, areas=tuple(self.area if a.id == self.area.id else a for a in ev.areas))

    def inverse(self, ev: Evaluation) -> Change:
        return UpdateArea(_need_area(ev, self.area.id))

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        n = text(self.area.name, lang)
        return _lang(lang, f"Gebied wijzigen: {n}", f"Edit area: {n}")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(area_from_data(r.get("area", Mapping), r.where("area"), r.file))


@dataclass(frozen=True)
class AddCriterion(Change):
    kind: ClassVar[str] = "add_criterion"
    criterion: Criterion
    position: int | None = None
    weight: float | None = 0.0  # None: no weight entry (what an undo restores when there was none)
    assessments: Mapping[str, Assessment] = field(default_factory=dict)  # alternative id → assessment

    def apply(self, ev: Evaluation) -> Evaluation:
        c = self.criterion
        if not c.id.strip():
            raise ChangeError("a criterion needs an id")
        if c.id in _ids(ev):
            raise ChangeError(f"id {c.id!r} is already in use")
        _need_area(ev, c.area)
        problem = check_scale(c.scale)
        if problem:
            raise ChangeError(f"{c.id}: {problem}")
        if self.weight is not None:
            _check_weight(c.id, self.weight)
        new = dict(ev.assessments)
        for a_id, s in self.assessments.items():
            _need_alt(ev, a_id)
            _refuse_assessment(f"{_alt_name(ev, a_id)} · {c.id}", c, s)
            new[(a_id, c.id)] = s
        w = dict(ev.weights)
        if self.weight is not None:
            w[c.id] = float(self.weight)
        return replace(
            ev,
            criteria=_insert(ev.criteria, c, self.position),
            assessments=frozen_map(new),
            weights=frozen_map(w),
        )

    def inverse(self, ev: Evaluation) -> Change:
        return RemoveCriterion(self.criterion.id)

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        n = text(self.criterion.name, lang)
        return _lang(
            lang, f"Criterium toevoegen: {self.criterion.id} {n}", f"Add criterion: {self.criterion.id} {n}"
        )

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        raw = r.get("assessments", Mapping, {})
        return cls(
            criterion_from_data(r.get("criterion", Mapping), r.where("criterion"), r.file),
            r.get("position", int, None),
            r.get("weight", float, 0.0) if r.data.get("weight", 0.0) is not None else None,
            {k: assessment_from_data(v, r.where(f"assessments.{k}"), r.file) for k, v in raw.items()},
        )


@dataclass(frozen=True)
class RemoveCriterion(Change):
    kind: ClassVar[str] = "remove_criterion"
    criterion: str

    def apply(self, ev: Evaluation) -> Evaluation:
        _need_crit(ev, self.criterion)
        cid = self.criterion
        pw = {
            p: frozen_map({k: v for k, v in m.items() if k != cid}) for p, m in ev.participant_weights.items()
        }
        return replace(
            ev,
            criteria=tuple(c for c in ev.criteria if c.id != cid),
            assessments=frozen_map({k: v for k, v in ev.assessments.items() if k[1] != cid}),
            weights=frozen_map({k: v for k, v in ev.weights.items() if k != cid}),
            participant_weights=frozen_map(pw),
        )

    def inverse(self, ev: Evaluation) -> Change:
        c = _need_crit(ev, self.criterion)
        scores = {a: s for (a, cc), s in ev.assessments.items() if cc == self.criterion}
        restore: list[Change] = [AddCriterion(c, ev.criteria.index(c), ev.weights.get(c.id), scores)]
        for p, m in ev.participant_weights.items():
            if c.id in m:
                restore.append(SetWeights({c.id: m[c.id]}, p))
        return Batch(tuple(restore), "") if len(restore) > 1 else restore[0]

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return _lang(lang, f"Criterium verwijderen: {self.criterion}", f"Remove criterion: {self.criterion}")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(r.get("criterion", str))


@dataclass(frozen=True)
class UpdateCriterion(Change):
    """Change a criterion's texts, scale, direction, minimum or area (its id stays).

    Refused when an existing score would no longer fit the new scale: rescore or clear it first.
    """

    kind: ClassVar[str] = "update_criterion"
    criterion: Criterion

    def apply(self, ev: Evaluation) -> Evaluation:
        _need_crit(ev, self.criterion.id)
        _need_area(ev, self.criterion.area)
        problem = check_scale(self.criterion.scale)
        if problem:
            raise ChangeError(f"{self.criterion.id}: {problem}")
        for (a_id, c_id), s in ev.assessments.items():
            if c_id == self.criterion.id:
                _refuse_assessment(f"{_alt_name(ev, a_id)} · {c_id}", self.criterion, s)
        return replace(
            ev, criteria=tuple(self.criterion if c.id == self.criterion.id else c for c in ev.criteria)
        )

    def inverse(self, ev: Evaluation) -> Change:
        return UpdateCriterion(_need_crit(ev, self.criterion.id))

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return _lang(lang, f"Criterium wijzigen: {self.criterion.id}", f"Edit criterion: {self.criterion.id}")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(criterion_from_data(r.get("criterion", Mapping), r.where("criterion"), r.file))


# -- participants ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddParticipant(Change):
    kind: ClassVar[str] = "add_participant"
    participant: Participant
    position: int | None = None

    def apply(self, ev: Evaluation) -> Evaluation:
        p = self.participant
        if not p.id.strip() or not p.name.strip():
            raise ChangeError("a participant needs an id and a name")
        if any(q.id == p.id for q in ev.participants):
            raise ChangeError(f"there already is a participant with id {p.id!r}")
        if any(q.name.casefold() == p.name.casefold() for q in ev.participants):
            raise ChangeError(f"there already is a participant named {p.name!r}")
        return replace(ev, participants=_insert(ev.participants, p, self.position))

    def inverse(self, ev: Evaluation) -> Change:
        return RemoveParticipant(self.participant.id)

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return _lang(
            lang, f"Deelnemer toevoegen: {self.participant.name}", f"Add participant: {self.participant.name}"
        )

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(
            participant_from_data(r.get("participant", Mapping), r.where("participant"), r.file),
            r.get("position", int, None),
        )


@dataclass(frozen=True)
class RemoveParticipant(Change):
    kind: ClassVar[str] = "remove_participant"
    participant: str

    def apply(self, ev: Evaluation) -> Evaluation:
        _need_participant(ev, self.participant)
        pw = {k: v for k, v in ev.participant_weights.items() if k != self.participant}
        return replace(
            ev,
            participants=tuple(p for p in ev.participants if p.id != self.participant),
            participant_weights=frozen_map(pw),
        )

    def inverse(self, ev: Evaluation) -> Change:
        p = _need_participant(ev, self.participant)
        restore: list[Change] = [AddParticipant(p, ev.participants.index(p))]
        if self.participant in ev.participant_weights:
            restore.append(SetWeights(dict(ev.participant_weights[self.participant]), self.participant, True))
        return Batch(tuple(restore), "") if len(restore) > 1 else restore[0]

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        try:
            name = ev.participant(self.participant).name
        except KeyError:
            name = self.participant
        return _lang(lang, f"Deelnemer verwijderen: {name}", f"Remove participant: {name}")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(r.get("participant", str))


@dataclass(frozen=True)
class UpdateParticipant(Change):
    kind: ClassVar[str] = "update_participant"
    participant: Participant

    def apply(self, ev: Evaluation) -> Evaluation:
        _need_participant(ev, self.participant.id)
        return replace(
            ev,
            participants=tuple(
                self.participant if p.id == self.participant.id else p for p in ev.participants
            ),
        )

    def inverse(self, ev: Evaluation) -> Change:
        return UpdateParticipant(_need_participant(ev, self.participant.id))

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return _lang(
            lang, f"Deelnemer wijzigen: {self.participant.name}", f"Edit participant: {self.participant.name}"
        )

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(participant_from_data(r.get("participant", Mapping), r.where("participant"), r.file))


# -- several at once ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Batch(Change):
    """Several changes applied as one (one undo step, one audit entry): a ballot import, a pasted block."""

    kind: ClassVar[str] = "batch"
    changes: tuple[Change, ...]
    description: str = ""

    def apply(self, ev: Evaluation) -> Evaluation:
        for ch in self.changes:
            ev = ch.apply(ev)
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
        return _lang(lang, f"{len(self.changes)} wijzigingen", f"{len(self.changes)} changes")

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        items = r.get("changes", list)
        return cls(
            tuple(change_from_data(c, r.where(f"changes[{i}]"), r.file) for i, c in enumerate(items)),
            r.get("description", str, ""),
        )


__all__ = [
    "AddAlternative",
    "AddArea",
    "AddCriterion",
    "AddParticipant",
    "Batch",
    "Change",
    "ClearParticipantWeights",
    "MoveAlternative",
    "RemoveAlternative",
    "RemoveArea",
    "RemoveCriterion",
    "RemoveParticipant",
    "SetAssessment",
    "SetMethodParams",
    "SetSetting",
    "SetWeights",
    "UpdateAlternative",
    "UpdateArea",
    "UpdateCriterion",
    "UpdateParticipant",
    "apply_change",
    "change_from_data",
    "set_score",
    "weights_to_data",
]
