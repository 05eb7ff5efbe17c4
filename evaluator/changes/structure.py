"""Changes to the structure: alternatives, areas and criteria."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import ClassVar

from ..errors import ChangeError
from ..i18n import gettext
from ..model import (
    Alternative,
    Area,
    Assessment,
    Criterion,
    Evaluation,
    frozen_map,
    text,
)
from ..scales import check_scale
from ..serial import (
    Reader,
    alternative_from_data,
    area_from_data,
    assessment_from_data,
    criterion_from_data,
)
from .base import (
    Batch,
    Change,
    _alt_name,
    _check_weight,
    _ids,
    _insert,
    _need_alt,
    _need_area,
    _need_crit,
    _refuse_assessment,
)
from .weights import SetWeights

# -- alternatives ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddAlternative(Change):
    kind: ClassVar[str] = "add_alternative"
    alternative: Alternative
    position: int | None = None
    assessments: Mapping[str, Assessment] = field(default_factory=dict)  # criterion id → assessment

    def apply(self, ev: Evaluation) -> Evaluation:
        if not self.alternative.id.strip() or not self.alternative.name.strip():
            raise ChangeError(gettext("an alternative needs an id and a name"))
        if any(a.id == self.alternative.id for a in ev.alternatives):
            raise ChangeError(
                gettext("there already is an alternative with id {id!r}").format(id=self.alternative.id)
            )
        if any(a.name.casefold() == self.alternative.name.casefold() for a in ev.alternatives):
            raise ChangeError(
                gettext("there already is an alternative named {name!r}").format(name=self.alternative.name)
            )
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
        return gettext("Add alternative: {name}", lang).format(name=self.alternative.name)

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
        return gettext("Remove alternative: {name}", lang).format(name=name)

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
            raise ChangeError(gettext("an alternative needs a name"))
        if any(
            a.id != self.alternative.id and a.name.casefold() == self.alternative.name.casefold()
            for a in ev.alternatives
        ):
            raise ChangeError(
                gettext("there already is an alternative named {name!r}").format(name=self.alternative.name)
            )
        return replace(
            ev,
            alternatives=tuple(
                self.alternative if a.id == self.alternative.id else a for a in ev.alternatives
            ),
        )

    def inverse(self, ev: Evaluation) -> Change:
        return UpdateAlternative(_need_alt(ev, self.alternative.id))

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return gettext("Edit alternative: {name}", lang).format(name=self.alternative.name)

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
        return gettext("Move alternative: {name}", lang).format(name=name)

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
            raise ChangeError(gettext("an area needs an id"))
        if self.area.id in _ids(ev):
            raise ChangeError(gettext("id {id!r} is already in use").format(id=self.area.id))
        w = dict(ev.weights)
        if self.weight is not None:
            _check_weight(self.area.id, self.weight)
            w[self.area.id] = float(self.weight)
        return replace(ev, areas=_insert(ev.areas, self.area, self.position), weights=frozen_map(w))

    def inverse(self, ev: Evaluation) -> Change:
        return RemoveArea(self.area.id)

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        n = text(self.area.name, lang)
        return gettext("Add area: {n}", lang).format(n=n)

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
            raise ChangeError(
                gettext("area {area} still has criteria; remove or move them first").format(area=self.area)
            )
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
        return gettext("Remove area: {area}", lang).format(area=self.area)

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
        return gettext("Edit area: {n}", lang).format(n=n)

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
            raise ChangeError(gettext("a criterion needs an id"))
        if c.id in _ids(ev):
            raise ChangeError(gettext("id {id!r} is already in use").format(id=c.id))
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
        return gettext("Add criterion: {id} {n}", lang).format(id=self.criterion.id, n=n)

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
        return gettext("Remove criterion: {criterion}", lang).format(criterion=self.criterion)

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
        return gettext("Edit criterion: {id}", lang).format(id=self.criterion.id)

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(criterion_from_data(r.get("criterion", Mapping), r.where("criterion"), r.file))
