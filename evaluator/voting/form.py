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
from ..model import Evaluation
from ..workshop import participant_label

NONCE_FIELD = "_csrf"
# Plain numbers only: no signs, exponents, underscores, spaces, "inf" or "nan" (all of which float() takes).
NUMBER = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{1,6})?")
MAX_FIELDS = 1000


class Refused(Exception):
    """A request that is answered with ``status`` and changes nothing; the message in English and Dutch."""

    def __init__(self, status: int, en: str, nl: str):
        super().__init__(en)
        self.status, self.en, self.nl = status, en, nl

    def text(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


def _short(text: str, n: int = 24) -> str:
    return text if len(text) <= n else text[:n] + "…"


def check_criteria(ev: Evaluation) -> None:
    """``InputError`` when the evaluation cannot be voted on from a form (no criteria, or an id the nonce uses)."""
    if not ev.criteria:
        raise InputError("the evaluation has no criteria to weigh")
    if any(c.id == NONCE_FIELD for c in ev.criteria):
        raise InputError(f"a criterion has the id {NONCE_FIELD!r}, which the voting form needs; rename it")


def form_fields(body: bytes) -> dict[str, str]:
    """The posted fields; ``Refused(400)`` for a body that is not a plain form or repeats a field."""
    try:
        raw = body.decode("ascii")
        pairs = parse_qsl(
            raw, keep_blank_values=True, strict_parsing=bool(raw), encoding="utf-8", errors="strict",
            max_num_fields=MAX_FIELDS,
        )  # fmt: skip
    except (UnicodeError, ValueError):
        raise Refused(400, "the form could not be read", "het formulier kon niet worden gelezen") from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields:
            raise Refused(
                400,
                f"the field {_short(name)!r} was sent twice",
                f"het veld {_short(name)!r} is twee keer gestuurd",
            )
        fields[name] = value
    return fields


def vote_points(ev: Evaluation, fields: Mapping[str, str]) -> dict[str, float]:
    """Points per leaf criterion from the posted fields (the nonce already taken out); ``Refused(400)``."""
    known = {c.id for c in ev.criteria}
    for name in fields:
        if name not in known:
            raise Refused(400, f"unknown field {_short(name)!r}", f"onbekend veld {_short(name)!r}")
    points: dict[str, float] = {}
    for c in ev.criteria:
        if c.id not in fields:
            raise Refused(400, f"no points for criterion {c.id!r}", f"geen punten voor criterium {c.id!r}")
        value = fields[c.id].strip()
        try:
            if not NUMBER.fullmatch(value):
                raise InputError(f"{_short(value)!r} is not a number from 0 to 100")
            points[c.id] = weight_points(value, "vote", c.id)
        except InputError as exc:
            raise Refused(
                400,
                f"criterion {c.id!r}: {exc.problem}",
                f"criterium {c.id!r}: {_short(value)!r} is geen getal van 0 tot 100",
            ) from None
    if sum(points.values()) <= 0:
        raise Refused(
            400,
            "every weight is 0; give at least one criterion some weight",
            "elk gewicht is 0; geef minstens één criterium gewicht",
        )
    return points


def vote_change(ev: Evaluation, participant: str, points: Mapping[str, float]) -> SetWeights:
    """The one change a vote makes: the participant's weights, replaced as a ballot replaces them.

    ``ChangeError`` when the evaluation changed under the vote (a criterion added or removed, the participant
    gone): the vote must be cast again on the page as it now is."""
    try:
        ev.participant(participant)
    except KeyError:
        raise ChangeError(f"participant {participant!r} is no longer in this evaluation") from None
    if set(points) != {c.id for c in ev.criteria}:
        raise ChangeError("the criteria changed since the page was loaded; reload it and vote again")
    return Ballot("device", participant, dict(points)).change(ev)


def vote_reason(ev: Evaluation, participant: str, lang: str = "nl") -> str:
    """The audit trail's reason for a vote from a device: it names the participant (or "Deelnemer N")."""
    who = participant_label(ev, participant, lang)
    return f"{who}: gestemd vanaf eigen apparaat" if lang == "nl" else f"{who}: voted from their device"
