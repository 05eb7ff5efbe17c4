"""Changes to scores: one assessment, or just its score."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import ClassVar

from ..i18n import gettext
from ..model import (
    Assessment,
    Evaluation,
    frozen_map,
)
from ..scales import format_score
from ..serial import (
    Reader,
    assessment_from_data,
)
from ..summary import note_changed_keys
from .base import (
    Change,
    _alt_name,
    _need_alt,
    _need_crit,
    _refuse_assessment,
)

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
        out = frozen_map(new)
        note_changed_keys(ev.assessments, out, frozenset((key,)))  # one cell: what compares looks at it only
        return replace(ev, assessments=out)

    def covers(self, earlier: Change) -> bool:
        return isinstance(earlier, SetAssessment) and (earlier.alternative, earlier.criterion) == (
            self.alternative,
            self.criterion,
        )

    def inverse(self, ev: Evaluation) -> Change:
        return SetAssessment(
            self.alternative, self.criterion, ev.assessments.get((self.alternative, self.criterion))
        )

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        name = _alt_name(ev, self.alternative)
        old = ev.assessments.get((self.alternative, self.criterion))
        if self.assessment is None:
            return gettext("Clear score {name} · {criterion}", lang).format(
                name=name, criterion=self.criterion
            )
        if old is not None and old.value == self.assessment.value:
            return gettext("Evidence {name} · {criterion}", lang).format(name=name, criterion=self.criterion)
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
