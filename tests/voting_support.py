"""Shared by the voting tests: a real project with three participants, a host that owns it in its own thread (as
the command line's main loop does), and a small HTTP client that can send exactly the headers a test needs."""

from __future__ import annotations

import http.client
import re
import threading
import urllib.parse
from pathlib import Path

from evaluator.changes import AddParticipant
from evaluator.model import Participant
from evaluator.sample import load_sample
from evaluator.store import Store
from evaluator.voting.limits import RateLimit
from evaluator.voting.round import VotingRound
from evaluator.voting.server import VotingServer

NAMES = ("Anna", "Bram", "Cem")


def voting_project(path: Path) -> Path:
    """The bundled sample as a project file, with the participants Anna, Bram and Cem."""
    with Store.create(path, load_sample()) as st:
        for n in NAMES:
            st.apply(AddParticipant(Participant(n.lower(), n)))
    return path


class Host:
    """Opens the project, serves a round and pumps the votes into the file, all in one thread of its own."""

    def __init__(self, path: Path, rate: RateLimit = RateLimit(), lang: str = "en"):  # noqa: B008
        self.path, self.rate, self.lang = path, rate, lang
        self._ready, self._done = threading.Event(), threading.Event()
        self._close = threading.Event()
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._ready.wait(30)
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        try:
            with Store.open(self.path) as st:
                self.round = VotingRound([p.id for p in st.evaluation.participants])
                self.server = VotingServer(
                    self.round, lambda: st.evaluation, lambda ch, r: st.apply(ch, reason=r),
                    lang=self.lang, rate=self.rate,
                ).start()  # fmt: skip
                self.urls = {pid: self.server.url(pid) for pid in self.round.participants}
                self._ready.set()
                while not self._done.is_set():
                    self.server.relay.pump(0.05)
                    if self._close.is_set():
                        self.server.close_round()
                        self._close.clear()
                self.server.stop()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            self.error = exc
            self._ready.set()

    def close_round(self) -> None:
        """As the facilitator does, in the owner's thread."""
        self._close.set()
        while self._close.is_set():
            self._done.wait(0.02)

    def stop(self) -> None:
        self._done.set()
        self._thread.join(30)


def request(
    method: str, url: str, body: bytes | None = None, headers: dict | None = None, host: str | None = None
):
    """→ (status, headers, text). ``host`` replaces the Host header; ``headers`` are sent as given."""
    u = urllib.parse.urlsplit(url)
    con = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    try:
        target = u.path + (f"?{u.query}" if u.query else "")
        con.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        con.putheader("Host", host or u.netloc)
        for k, v in (headers or {}).items():
            con.putheader(k, v)
        if body is not None:
            con.putheader("Content-Length", str(len(body)))
        con.endheaders(body)
        r = con.getresponse()
        return r.status, dict(r.getheaders()), r.read().decode("utf-8", "replace")
    finally:
        con.close()


def form_of(page: str) -> tuple[str, list[str]]:
    """The vote page's form nonce and the criterion ids its fields are named by."""
    nonce = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    return nonce, re.findall(r'type="number" id="n\d+" name="([^"]+)"', page)


def post_vote(url: str, fields: dict, origin: str | None = "same", ctype="application/x-www-form-urlencoded"):
    """POST ``fields`` as a browser's form would (Origin of the page itself unless told otherwise)."""
    u = urllib.parse.urlsplit(url)
    headers = {"Content-Type": ctype} if ctype else {}
    if origin == "same":
        headers["Origin"] = f"{u.scheme}://{u.netloc}"
    elif origin is not None:
        headers["Origin"] = origin
    return request("POST", url, urllib.parse.urlencode(fields).encode(), headers)
