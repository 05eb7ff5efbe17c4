"""The voting server: a small HTTP server (aiohttp) on ONE chosen address, in a background thread.

What it serves, and nothing else:

``GET /v/<token>``   the participant's vote page (their own criteria) while the round is open; after it is
                     closed, the group result only
``POST /v/<token>``  a vote (:mod:`.form`); accepted → ONE change through the one change path, then 303 back

Every other request is refused and changes nothing: no token or an unknown one (also a token of an earlier round)
403; a Host header that is not this server's address 403 (against DNS rebinding); a post whose Origin (or
Referer) is another site 403, without the page's form nonce 403, after the round closed 403; a malformed form, an
unknown field or a value that is not 0–100 400; a body over :data:`MAX_BODY` 413 (read no further); a client over
its rate (:mod:`.limits`) 429; other paths 404. Nothing is logged per request (the tokens are in the addresses).

The host (the command line or the desktop app) owns the project file: accepted votes reach it through a
:class:`~.relay.Relay` that the host pumps in its own thread, where ``apply(change, reason)`` stores the change
(``Store.apply`` or the app's ``Document.apply``, so the vote is one undoable step and one audit entry).
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import threading
from collections.abc import Callable
from urllib.parse import quote

from ..changes import Change
from ..errors import ChangeError, InputError
from ..i18n import N_, gettext
from ..model import Evaluation
from .form import NONCE_FIELD, Refused, check_criteria, form_fields, vote_change, vote_points, vote_reason
from .limits import RateLimit, RateLimiter
from .page import SECURITY_HEADERS, message_page, result_page, vote_page
from .relay import Relay, RelayClosed
from .round import VotingRound

MAX_BODY = 16 * 1024
LANGS = ("nl", "en")


def check_host(host: str) -> str:
    """``host`` when it is one interface's IP address; ``InputError`` for a name or a wildcard (all interfaces)."""
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        raise InputError(
            gettext("{host!r} is not an IP address; give the address of one network interface").format(
                host=host
            )
        ) from None
    if ip.is_unspecified:
        raise InputError(
            gettext("{host} means every network interface; give the address of one (e.g. 127.0.0.1)").format(
                host=host
            )
        )
    if ip.is_multicast:
        raise InputError(
            gettext("{host} is a multicast address; give the address of one network interface").format(
                host=host
            )
        )
    return str(ip)


def accept_vote(
    rnd: VotingRound,
    evaluation: Callable[[], Evaluation],
    apply: Callable[[Change, str], None],
    participant: str,
    points: dict[str, float],
    lang: str,
) -> None:
    """In the owner's thread: store one vote as one change, if the round is still open (else ``Refused``)."""
    if not rnd.is_open:
        raise Refused(403, N_("the round is closed"))
    ev = evaluation()
    apply(vote_change(ev, participant, points), vote_reason(ev, participant, lang))
    rnd.record(participant, points)


class VotingServer:
    """Serves one :class:`VotingRound` on ``host``:``port`` (0: any free port) until :meth:`stop`."""

    def __init__(
        self,
        rnd: VotingRound,
        evaluation: Callable[[], Evaluation],
        apply: Callable[[Change, str], None],
        host: str = "127.0.0.1",
        port: int = 0,
        lang: str = "nl",
        rate: RateLimit = RateLimit(),  # noqa: B008 - frozen
        notify: Callable[[], None] | None = None,
    ):
        check_criteria(evaluation())
        self.round, self._evaluation, self._apply = rnd, evaluation, apply
        self.host, self.port = check_host(host), port
        self.lang = lang if lang in LANGS else "nl"
        self.relay = Relay(notify)
        self._limiter = RateLimiter(rate)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    # -- addresses ------------------------------------------------------------------------------------------
    @property
    def authority(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def origin(self) -> str:
        return f"http://{self.authority}"

    def url(self, participant: str) -> str:
        """The participant's link for this round."""
        return f"{self.origin}/v/{self.round.token_of(participant)}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- start and stop -------------------------------------------------------------------------------------
    def start(self) -> VotingServer:
        """Listen (``InputError`` when the address cannot be used) and serve in a background thread."""
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), name="afweging-voting", daemon=True)
        self._thread.start()
        ready.wait()
        if self._error is not None:
            self._thread.join()
            self._thread = None
            exc = self._error
            raise InputError(
                gettext("cannot listen on {authority}: {value}").format(
                    authority=self.authority, value=getattr(exc, "strerror", None) or exc
                )
            )
        return self

    def _run(self, ready: threading.Event) -> None:
        from aiohttp import web

        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=2.0, keepalive_timeout=15,
            max_line_size=4096, max_field_size=4096, max_headers=64, auto_decompress=False,
        )  # fmt: skip
        try:
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, self.host, self.port, backlog=64)
            loop.run_until_complete(site.start())
            self.port = runner.addresses[0][1]
        except (OSError, OverflowError) as exc:
            self._error = exc
            loop.run_until_complete(runner.cleanup())
            loop.close()
            ready.set()
            return
        self._loop = loop
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(runner.cleanup())
            loop.run_until_complete(loop.shutdown_default_executor())
            loop.close()

    def close_round(self) -> None:
        """No more votes; the links show the group result (the server keeps running until :meth:`stop`)."""
        self.round.close()

    def stop(self) -> None:
        """Close the round, forget its tokens and stop listening; returns when the socket is closed."""
        self.round.close()
        self.round.end()
        self.relay.close()
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
        self._loop, self._thread = None, None

    # -- requests -------------------------------------------------------------------------------------------
    async def _handle(self, request):  # noqa: ANN001, ANN202 - aiohttp's Request and Response
        lang = request.query.get("lang", self.lang)
        lang = lang if lang in LANGS else self.lang
        try:
            return await self._answer(request, lang)
        except Refused as exc:
            return self._page(message_page(exc.status, exc.text(lang), lang), exc.status)

    def _page(self, html: str, status: int = 200):  # noqa: ANN202
        from aiohttp import web

        return web.Response(text=html, status=status, content_type="text/html", charset="utf-8",
                            headers=SECURITY_HEADERS)  # fmt: skip

    async def _answer(self, request, lang: str):  # noqa: ANN001, ANN202
        from aiohttp import web

        if not self._limiter.allow(request.remote or "?"):
            raise Refused(429, N_("too many requests; wait a minute"))
        if request.host != self.authority:
            raise Refused(403, N_("wrong address"))
        path = request.path
        if path in ("/", "/v", "/v/"):
            raise Refused(403, N_("this page needs your personal link"))
        if not path.startswith("/v/"):
            raise Refused(404, N_("not found"))
        pas = self.round.find(path[3:])
        if pas is None:
            raise Refused(403, N_("this link is not (or no longer) valid"))
        action = f"/v/{quote(pas.token)}?lang={lang}"
        if request.method in ("GET", "HEAD"):
            ev = self._evaluation()
            if not self.round.is_open:
                html = await asyncio.get_running_loop().run_in_executor(None, result_page, ev, lang)
                return self._page(html)
            saved = request.query.get("saved") == "1"
            status = "" if not saved else _saved(lang)
            last = self.round.last_vote(pas.participant)
            return self._page(vote_page(ev, pas.participant, action, pas.nonce, lang, last, status))
        if request.method != "POST":
            raise Refused(405, N_("method not allowed"))
        if not self.round.is_open:
            raise Refused(403, N_("the round is closed"))
        self._check_origin(request)
        body = await self._body(request)
        fields = form_fields(body)
        nonce = fields.pop(NONCE_FIELD, None)
        if nonce is None or not self.round.nonce_fits(pas, nonce):
            raise Refused(403, N_("this form has expired; reload the page"))
        ev = self._evaluation()
        try:
            points = vote_points(ev, fields)
        except Refused as exc:
            html = vote_page(
                ev, pas.participant, action, pas.nonce, lang, None, _not_saved(exc.text(lang), lang), ok=False
            )
            return self._page(html, exc.status)
        loop = asyncio.get_running_loop()
        call = functools.partial(
            accept_vote, self.round, self._evaluation, self._apply, pas.participant, points, self.lang
        )
        try:
            await loop.run_in_executor(None, self.relay.call, call)
        except (RelayClosed, TimeoutError):
            raise Refused(503, N_("the server is busy or stopping; try again")) from None
        except ChangeError as exc:
            raise Refused(409, "{problem}", problem=str(exc)) from None
        raise web.HTTPSeeOther(f"/v/{quote(pas.token)}?lang={lang}&saved=1", headers=SECURITY_HEADERS)

    def _check_origin(self, request) -> None:  # noqa: ANN001
        origin = request.headers.get("Origin")
        if origin is not None:
            ok = origin == self.origin
        else:
            referer = request.headers.get("Referer")
            ok = referer is None or referer.startswith(self.origin + "/")
        if not ok:
            raise Refused(403, N_("a vote must be sent from its own page"))
        ctype = request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            raise Refused(415, N_("send the vote with the page's form"))

    async def _body(self, request) -> bytes:  # noqa: ANN001
        if request.content_length is not None and request.content_length > MAX_BODY:
            raise Refused(413, N_("the vote is too large"))
        body = b""
        while chunk := await request.content.read(MAX_BODY + 1 - len(body)):
            body += chunk
            if len(body) > MAX_BODY:
                raise Refused(413, N_("the vote is too large"))
        return body


def _saved(lang: str) -> str:
    from .page import t

    return t("saved", lang)


def _not_saved(why: str, lang: str) -> str:
    from .page import t

    return t("not_saved", lang, why=why)
