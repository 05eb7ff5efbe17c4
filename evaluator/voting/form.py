"""A vote as posted from a participant's device, checked as strictly as an XLSX ballot, and the change it makes.

The form (``application/x-www-form-urlencoded``) holds exactly one field per leaf criterion, named by the
criterion's id, with importance points 0–100 (a whole or decimal number, point or comma, as a ballot takes it:
:func:`evaluator.ballot.weight_points`), plus the hidden form nonce :data:`NONCE_FIELD`. Anything else — an
unknown or repeated field, a missing criterion, a value that is not a plain number from 0 to 100, every value 0 —
refuses the whole vote and changes nothing. The accepted vote becomes ONE change, the participant's weights as a
ballot sets them (:meth:`evaluator.ballot.Ballot.change`), with an audit reason that names the participant.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import parse_qsl

from ..ballot import Ballot, weight_points
from ..changes import SetWeights
from ..errors import ChangeError, InputError
from ..i18n import N_, gettext
from ..model import Evaluation
from ..workshop import participant_label

NONCE_FIELD = "_csrf"
# Plain numbers only: no signs, exponents, underscores, spaces, "inf" or "nan" (all of which float() takes).
NUMBER = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{1,6})?")
MAX_FIELDS = 1000


class Refused(Exception):
    """A request that is answered with ``status`` and changes nothing. ``message`` is the catalogue's English
    (marked with ``N_``), filled with ``fields``; :meth:`text` gives it in the participant's page language."""

    def __init__(self, status: int, message: str, **fields: object):
        super().__init__(message.format(**fields))
        self.status, self.message, self.fields = status, message, fields

    def text(self, lang: str) -> str:
        return gettext(self.message, lang).format(**self.fields)


def _short(text: str, n: int = 24) -> str:
    return text if len(text) <= n else text[:n] + "…"


def check_criteria(ev: Evaluation) -> None:
    """``InputError`` when the evaluation cannot be voted on from a form (no criteria, or an id the nonce uses)."""
    if not ev.criteria:
        raise InputError(gettext("the evaluation has no criteria to weigh"))
    if any(c.id == NONCE_FIELD for c in ev.criteria):
        raise InputError(
            gettext("a criterion has the id {NONCE_FIELD!r}, which the voting form needs; rename it").format(
                NONCE_FIELD=NONCE_FIELD
            )
        )


def form_fields(body: bytes) -> dict[str, str]:
    """The posted fields; ``Refused(400)`` for a body that is not a plain form or repeats a field."""
    try:
        raw = body.decode("ascii")
        pairs = parse_qsl(
            raw, keep_blank_values=True, strict_parsing=bool(raw), encoding="utf-8", errors="strict",
            max_num_fields=MAX_FIELDS,
        )  # fmt: skip
    except (UnicodeError, ValueError):
        raise Refused(400, N_("the form could not be read")) from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields:
            raise Refused(400, N_("the field {name!r} was sent twice"), name=_short(name))
        fields[name] = value
    return fields


def vote_points(ev: Evaluation, fields: Mapping[str, str]) -> dict[str, float]:
    """Points per leaf criterion from the posted fields (the nonce already taken out); ``Refused(400)``."""
    known = {c.id for c in ev.criteria}
    for name in fields:
        if name not in known:
            raise Refused(400, N_("unknown field {name!r}"), name=_short(name))
    points: dict[str, float] = {}
    for c in ev.criteria:
        if c.id not in fields:
            raise Refused(400, N_("no points for criterion {id!r}"), id=c.id)
        value = fields[c.id].strip()
        try:
            if not NUMBER.fullmatch(value):
                raise InputError(
                    gettext("{short!r} is not a number from 0 to 100").format(short=_short(value))
                )
            points[c.id] = weight_points(value, "vote", c.id)
        except InputError:
            raise Refused(
                400,
                N_("criterion {id!r}: {value!r} is not a number from 0 to 100"),
                id=c.id,
                value=_short(value),
            ) from None
    if sum(points.values()) <= 0:
        raise Refused(400, N_("every weight is 0; give at least one criterion some weight"))
    return points


def vote_change(ev: Evaluation, participant: str, points: Mapping[str, float]) -> SetWeights:
    """The one change a vote makes: the participant's weights, replaced as a ballot replaces them.

    ``ChangeError`` when the evaluation changed under the vote (a criterion added or removed, the participant
    gone): the vote must be cast again on the page as it now is."""
    try:
        ev.participant(participant)
    except KeyError:
        raise ChangeError(
            gettext("participant {participant!r} is no longer in this evaluation").format(
                participant=participant
            )
        ) from None
    if set(points) != {c.id for c in ev.criteria}:
        raise ChangeError(gettext("the criteria changed since the page was loaded; reload it and vote again"))
    return Ballot("device", participant, dict(points)).change(ev)


def vote_reason(ev: Evaluation, participant: str, lang: str = "nl") -> str:
    """The audit trail's reason for a vote from a device: it names the participant (or "Deelnemer N")."""
    who = participant_label(ev, participant, lang)
    return gettext("{who}: voted from their device", lang).format(who=who)
