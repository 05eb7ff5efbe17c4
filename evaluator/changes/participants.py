"""Changes to the workshop's participants."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import ClassVar

from ..errors import ChangeError
from ..i18n import gettext
from ..model import (
    Evaluation,
    Participant,
    frozen_map,
)
from ..serial import (
    Reader,
    participant_from_data,
)
from .base import (
    Batch,
    Change,
    _insert,
    _need_participant,
)
from .weights import SetWeights

# -- participants ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddParticipant(Change):
    kind: ClassVar[str] = "add_participant"
    participant: Participant
    position: int | None = None

    def apply(self, ev: Evaluation) -> Evaluation:
        p = self.participant
        if not p.id.strip() or not p.name.strip():
            raise ChangeError(gettext("a participant needs an id and a name"))
        if any(q.id == p.id for q in ev.participants):
            raise ChangeError(gettext("there already is a participant with id {id!r}").format(id=p.id))
        if any(q.name.casefold() == p.name.casefold() for q in ev.participants):
            raise ChangeError(gettext("there already is a participant named {name!r}").format(name=p.name))
        return replace(ev, participants=_insert(ev.participants, p, self.position))

    def inverse(self, ev: Evaluation) -> Change:
        return RemoveParticipant(self.participant.id)

    def label(self, ev: Evaluation, lang: str = "nl") -> str:
        return gettext("Add participant: {name}", lang).format(name=self.participant.name)

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
        return gettext("Remove participant: {name}", lang).format(name=name)

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
        return gettext("Edit participant: {name}", lang).format(name=self.participant.name)

    @classmethod
    def _from_data(cls, r: Reader) -> Change:
        return cls(participant_from_data(r.get("participant", Mapping), r.where("participant"), r.file))
