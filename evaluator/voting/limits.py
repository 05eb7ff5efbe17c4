"""How often one client (one network address) may ask the voting server: a sliding window of requests.

A phone loads its page once and posts a vote now and then; a client that asks faster (guessing tokens, or a
runaway script) gets 429 until its window has room again. Thread-safe; the memory it keeps is bounded.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass

MAX_CLIENTS = 4096  # addresses remembered at once; the oldest are forgotten first


@dataclass(frozen=True)
class RateLimit:
    requests: int = 120
    seconds: float = 60.0


class RateLimiter:
    def __init__(self, limit: RateLimit = RateLimit(), clock=time.monotonic):  # noqa: B008 - frozen default
        self.limit, self._clock = limit, clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        """Count one request from ``client``; False when it is over the limit (the request is then refused)."""
        now = self._clock()
        with self._lock:
            times = self._seen.pop(client, None) or deque()
            while times and now - times[0] >= self.limit.seconds:
                times.popleft()
            ok = len(times) < self.limit.requests
            if ok:
                times.append(now)
            self._seen[client] = times  # most recently seen last
            while len(self._seen) > MAX_CLIENTS:
                self._seen.pop(next(iter(self._seen)))
            return ok
