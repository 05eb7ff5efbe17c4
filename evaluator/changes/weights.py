"""Changes to weights: the agreed weights and each participant's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from ..errors import ChangeError
from ..i18n import N_, gettext, ngettext
from ..model import (
    Evaluation,
    frozen_map,
)
from ..serial import (
    Reader,
    weights_from_data,
)
from .base import (
    Batch,
    Change,
    _check_weight,
    _fmt,
    _ids,
    _need_participant,
)

# -- weights --------------------------------------------------------------------------------------------------

# How a set of weights was made, as the audit label says it (English; Dutch in the catalogue).
METHODS: dict[str, str] = {
    "swing": N_("swing"),
    "rank_order": N_("rank order"),
    "ahp": N_("AHP"),
    "points": N_("points"),
    "sliders": N_("sliders"),
    "equal": N_("equal"),
    "group": N_("group weights adopted"),
    "ballot": N_("ballot"),
    "projector": N_("projector vote"),
}


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
    method: str = ""  # which weighting made them (a key of METHODS), for the label; "" when not said

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
                raise ChangeError(gettext("no area or criterion with id {k!r}").format(k=k))
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

    def covers(self, earlier: Change) -> bool:
        return (
            isinstance(earlier, SetWeights)
            and earlier.participant == self.participant
            and (self.replace_all or (not earlier.replace_all and set(earlier.weights) <= set(self.weights)))
        )

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
        how = METHODS.get(self.method)
        if len(self.weights) == 1 and not self.replace_all:
            ((k, v),) = self.weights.items()
            made = f" ({gettext(how, lang)})" if how else ""
            return gettext("Weight {k} → {fmt}{made}{who}", lang).format(k=k, fmt=_fmt(v), made=made, who=who)
        areas = {a.id for a in ev.areas}
        n_areas = sum(1 for k in self.weights if k in areas)
        n_crit = len(self.weights) - n_areas
        parts = [gettext(how, lang)] if how else []
        if n_areas:
            parts.append(ngettext("{n} area", "{n} areas", n_areas, lang).format(n=n_areas))
        if n_crit or not n_areas:
            parts.append(ngettext("{n} criterion", "{n} criteria", n_crit, lang).format(n=n_crit))
        return gettext("Weights ({parts}){who}", lang).format(parts=", ".join(parts), who=who)

    def to_data(self) -> dict[str, Any]:
        d = super().to_data()
        if not self.method:
            del d["method"]  # a change that does not say how stays as it was stored before methods were named
        return d

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(
            weights_from_data(r.get("weights", Mapping), r.where("weights"), r.file),
            r.get("participant", str, None),
            r.get("replace_all", bool, False),
            r.get("method", str, ""),
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
        return gettext("Clear participant's weights", lang)

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(r.get("participant", str))
