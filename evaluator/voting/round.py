"""A voting round: who may vote, the secret in each participant's link, and whether votes are still taken.

Each participant gets a fresh token per round (``secrets.token_urlsafe(32)``: 256 random bits) that is their link,
and a form nonce (a second secret, sent in the vote page's hidden field and required back with every vote) against
cross-site request forgery. A round is *open* (votes taken), then *closed* (no more votes; a participant's link
shows the group result only), and *ended* when its server stops: every token is then forgotten. A new round has
new tokens, so a link from an earlier round is refused.

Thread-safe: the server's thread asks and records, the facilitator's thread closes and reads who voted.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

OPEN, CLOSED, ENDED = "open", "closed", "ended"


@dataclass(frozen=True)
class Pass:
    """One participant's secrets in one round."""

    participant: str
    token: str
    nonce: str


class VotingRound:
    """The participants (ids, in order) who may vote, each with a token and a form nonce."""

    def __init__(self, participants: Iterable[str]):
        ids = list(dict.fromkeys(participants))
        if not ids:
            raise ValueError("a voting round needs at least one participant")
        self._passes = tuple(Pass(p, secrets.token_urlsafe(32), secrets.token_urlsafe(24)) for p in ids)
        self._state = OPEN
        self._voted: dict[str, Mapping[str, float]] = {}
        self._lock = threading.Lock()
        self._listeners: list[Callable[[str], None]] = []

    # -- what the facilitator sees ----------------------------------------------------------------------------
    @property
    def participants(self) -> tuple[str, ...]:
        return tuple(p.participant for p in self._passes)

    @property
    def state(self) -> str:
        return self._state

    @property
    def is_open(self) -> bool:
        return self._state == OPEN

    def token_of(self, participant: str) -> str:
        """The participant's token (their link's secret); ``KeyError`` once the round has ended."""
        with self._lock:
            if self._state == ENDED:
                raise KeyError(participant)
            return next(p.token for p in self._passes if p.participant == participant)

    def voted(self) -> tuple[str, ...]:
        """Participants (ids, round order) who have voted from their device in this round."""
        with self._lock:
            return tuple(p.participant for p in self._passes if p.participant in self._voted)

    def last_vote(self, participant: str) -> Mapping[str, float] | None:
        """The points this participant last sent in this round (shown back to them only)."""
        with self._lock:
            return self._voted.get(participant)

    def on_vote(self, listener: Callable[[str], None]) -> None:
        """Call ``listener(participant id)`` (in the server's thread) after each recorded vote."""
        self._listeners.append(listener)

    # -- what the server asks ---------------------------------------------------------------------------------
    def find(self, token: str) -> Pass | None:
        """The pass whose token is ``token`` (compared in constant time), None when unknown or the round ended."""
        found = None
        with self._lock:
            if self._state == ENDED:
                return None
            for p in self._passes:
                if hmac.compare_digest(p.token.encode(), token.encode("utf-8", "replace")):
                    found = p
        return found

    def nonce_fits(self, p: Pass, nonce: str) -> bool:
        return hmac.compare_digest(p.nonce.encode(), nonce.encode("utf-8", "replace"))

    def record(self, participant: str, points: Mapping[str, float]) -> None:
        with self._lock:
            self._voted[participant] = dict(points)
        for listener in list(self._listeners):
            listener(participant)

    # -- closing ----------------------------------------------------------------------------------------------
    def close(self) -> None:
        """No more votes; links show the group result only."""
        with self._lock:
            if self._state == OPEN:
                self._state = CLOSED

    def end(self) -> None:
        """Forget every token: nothing is served any more (the server stops)."""
        with self._lock:
            self._state = ENDED
            self._voted.clear()
