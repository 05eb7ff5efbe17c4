"""afweging workshop serve FILE [--host ADDR] [--port N] [--participant NAME]… [--lang nl|en]

Serves a voting round on ONE network address (default 127.0.0.1, this computer only; give the address of the
room network's interface, e.g. ``--host 192.168.1.20``, to let phones and laptops in the room vote — never every
interface). Prints one JSON line per participant, ``{"participant": NAME, "url": URL}``, then one line per event:
``{"voted": NAME}`` after each accepted vote, ``{"closed": true, "voted": [NAME…]}``, ``{"stopped": true}``.

Commands on standard input, one per line: ``close`` closes the round (no more votes; the links show the group
result), ``stop`` closes it and stops the server. Ctrl+C and SIGTERM stop it too (exit 0). Each accepted vote is
one change in the file's audit trail ("NAME: voted from their device"), undoable like any other.
"""

from __future__ import annotations

import argparse
import textwrap

from ..i18n import N_, gettext

# The module's doc after its first line, for ``afweging workshop serve --help``.
DESCRIPTION = N_(
    "Serves a voting round on ONE network address (default 127.0.0.1, this computer only; give the address of "
    "the room network's interface, e.g. ``--host 192.168.1.20``, to let phones and laptops in the room vote — "
    'never every interface). Prints one JSON line per participant, ``{"participant": NAME, "url": URL}``, '
    'then one line per event: ``{"voted": NAME}`` after each accepted vote, ``{"closed": true, "voted": '
    '[NAME…]}``, ``{"stopped": true}``.\n\n'
    "Commands on standard input, one per line: ``close`` closes the round (no more votes; the links show the "
    "group result), ``stop`` closes it and stops the server. Ctrl+C and SIGTERM stop it too (exit 0). Each "
    'accepted vote is one change in the file\'s audit trail ("NAME: voted from their device"), undoable like '
    "any other."
)
HELP = N_("workshop voting from participants' own devices over the room's network (no cloud)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    s = sub.add_parser(
        "serve",
        help=gettext("serve a voting round on one network address until 'stop', Ctrl+C or SIGTERM"),
        description="\n\n".join(textwrap.fill(par, 100) for par in gettext(DESCRIPTION).split("\n\n")),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("file", metavar="FILE", help=gettext("the .afweging project file"))
    s.add_argument("--host", metavar="ADDR", default="127.0.0.1",
                   help=gettext("the IP address of the one interface to listen on (default 127.0.0.1)"))  # fmt: skip
    s.add_argument(
        "--port", metavar="N", type=int, default=0, help=gettext("the port (default: any free port)")
    )
    s.add_argument("--participant", metavar="NAME", action="append", default=[],
                   help=gettext("a participant who votes (name or id; repeat; default: every participant)"))  # fmt: skip
    s.add_argument(
        "--lang", choices=("nl", "en"), default="nl", help=gettext("language of the pages (default nl)")
    )


def _emit(data: dict) -> None:
    import json
    import sys

    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _commands(q) -> None:  # noqa: ANN001 - a queue.Queue; reads standard input in its own thread
    import sys

    for line in sys.stdin:
        q.put(line.strip().lower())


def run(args: argparse.Namespace) -> int:
    import queue
    import signal
    import threading
    from pathlib import Path

    from ..ballot import find_participant
    from ..errors import InputError
    from ..store import Store
    from ..voting.round import VotingRound
    from ..voting.server import VotingServer, check_host

    if Path(args.file).suffix.lower() != ".afweging":
        raise InputError(
            gettext("votes are stored in a project file (.afweging), which keeps the audit trail"), args.file
        )
    check_host(args.host)
    if not 0 <= args.port <= 65535:
        raise InputError(gettext("port {port} is not from 0 to 65535").format(port=args.port))
    with Store.open(args.file) as st:
        ev = st.evaluation
        if not ev.participants:
            raise InputError(
                gettext("has no participants yet; add them on the Workshop page first"), args.file
            )
        try:
            ids = [find_participant(ev, n) for n in args.participant] or [p.id for p in ev.participants]
        except InputError as exc:
            raise exc.at(args.file) from None
        name = {p.id: p.name for p in ev.participants}
        rnd = VotingRound(ids)

        def apply(change, reason: str) -> None:  # noqa: ANN001
            st.apply(change, reason=reason)

        server = VotingServer(rnd, lambda: st.evaluation, apply, args.host, args.port, args.lang)
        rnd.on_vote(lambda pid: _emit({"voted": name[pid]}))
        stop = threading.Event()
        previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            server.start()
            for pid in ids:
                _emit({"participant": name[pid], "url": server.url(pid)})
            commands: queue.Queue[str] = queue.Queue()
            threading.Thread(target=_commands, args=(commands,), daemon=True).start()
            while not stop.is_set():
                server.relay.pump(0.1)
                try:
                    cmd = commands.get_nowait()
                except queue.Empty:
                    continue
                if cmd == "close" and rnd.is_open:
                    server.close_round()
                    _emit({"closed": True, "voted": [name[p] for p in rnd.voted()]})
                elif cmd in ("stop", "quit"):
                    stop.set()
        finally:
            voted = [name[p] for p in rnd.voted()]
            server.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        _emit({"stopped": True, "voted": voted})
    return 0
