"""Voting from participants' devices (issue 15), at the HTTP level: a real server on loopback over a real project.

Every refusal answers with its status and changes nothing (the file's bytes and its audit trail are as before);
an accepted vote is one audit entry naming the participant, and undoable.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator.changes import change_from_data
from evaluator.errors import InputError
from evaluator.store import Store
from evaluator.voting.limits import RateLimit
from evaluator.voting.round import VotingRound
from evaluator.voting.server import MAX_BODY, check_host
from tests.voting_support import Host, form_of, post_vote, request, voting_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path):
    return voting_project(tmp_path / "workshop.afweging")


@pytest.fixture
def host(project):
    h = Host(project)
    yield h
    h.stop()


def _state(path: Path) -> tuple[bytes, int]:
    with Store.open(path, readonly=True) as st:
        return path.read_bytes(), st.audit_count()


def _valid(url: str, points: float = 40) -> dict:
    status, _, page = request("GET", url)
    assert status == 200
    nonce, ids = form_of(page)
    return {"_csrf": nonce, **{c: points for c in ids}}


def test_a_vote_from_a_device_is_one_audit_entry_naming_the_participant_and_undoable(host, project):
    url = host.urls["anna"]
    fields = _valid(url, 40)
    with Store.open(project, readonly=True) as st:
        before, count = dict(st.evaluation.participant_weights), st.audit_count()
    status, headers, _ = post_vote(url, fields)
    assert status == 303 and headers["Location"].endswith("saved=1")
    assert host.round.voted() == ("anna",)
    with Store.open(project, readonly=True) as st:
        assert st.audit_count() == count + 1
        entry = st.audit(limit=1)[0]
        assert entry.reason == "Anna: voted from their device"
        assert entry.change["type"] == "set_weights" and entry.change["participant"] == "anna"
        assert "anna" in st.evaluation.participant_weights
        undo = change_from_data(entry.before, "before", str(project))
    # the page shows the participant's own vote back, and says it was recorded
    status, _, page = request("GET", url + "?saved=1")
    assert "Your vote is recorded" in page and 'value="40"' in page
    host.stop()
    with Store.open(project) as st:
        st.apply(undo, reason="undo")
        assert dict(st.evaluation.participant_weights) == before


def test_a_vote_may_be_sent_again_until_the_round_closes(host, project):
    url = host.urls["bram"]
    assert post_vote(url, _valid(url, 10))[0] == 303
    assert post_vote(url, _valid(url, 70))[0] == 303
    with Store.open(project, readonly=True) as st:
        reasons = [e.reason for e in st.audit(limit=2)]
    assert reasons == ["Bram: voted from their device"] * 2
    host.close_round()
    status, _, page = request("GET", url)
    assert status == 200 and "_csrf" not in page and "<form" not in page
    assert "Group result" in page and "Group weights" in page and "Group ranking" in page


def test_the_page_is_phone_sized_accessible_and_self_contained(host):
    status, headers, page = request("GET", host.urls["cem"])
    assert status == 200
    assert '<html lang="en">' in page and 'name="viewport"' in page
    assert page.count("<label ") == page.count('type="number"') > 0
    assert "http://" not in page and "https://" not in page and "<script src" not in page
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "form-action 'self'" in csp and "frame-ancestors 'none'" in csp
    assert headers["Referrer-Policy"] == "same-origin" and headers["Cache-Control"] == "no-store"
    status, _, nl = request("GET", host.urls["cem"] + "?lang=nl")
    assert '<html lang="nl">' in nl and "Stem versturen" in nl


def test_a_page_shows_nothing_of_another_participant(host):
    bram = host.urls["bram"]
    assert post_vote(bram, _valid(bram, 77))[0] == 303
    _, _, page = request("GET", host.urls["anna"])
    assert "Bram" not in page and "Cem" not in page and 'value="77"' not in page
    assert "Anna" in page


REFUSALS = {
    "no token": (lambda h, f: request("GET", h.server.origin + "/"), 403),
    "no token on /v/": (lambda h, f: post_vote(h.server.origin + "/v/", f), 403),
    "wrong token": (lambda h, f: post_vote(h.server.origin + "/v/" + "A" * 43, f), 403),
    "wrong token GET": (lambda h, f: request("GET", h.server.origin + "/v/" + "A" * 43), 403),
    "out of range 101": (lambda h, f: post_vote(h.urls["anna"], {**f, next(iter(_crit(f))): "101"}), 400),
    "negative": (lambda h, f: post_vote(h.urls["anna"], {**f, next(iter(_crit(f))): "-1"}), 400),
    "exponent": (lambda h, f: post_vote(h.urls["anna"], {**f, next(iter(_crit(f))): "1e2"}), 400),
    "nan": (lambda h, f: post_vote(h.urls["anna"], {**f, next(iter(_crit(f))): "nan"}), 400),
    "underscore": (lambda h, f: post_vote(h.urls["anna"], {**f, next(iter(_crit(f))): "1_0"}), 400),
    "empty": (lambda h, f: post_vote(h.urls["anna"], {**f, next(iter(_crit(f))): ""}), 400),
    "all zero": (
        lambda h, f: post_vote(h.urls["anna"], {k: (v if k == "_csrf" else 0) for k, v in f.items()}),
        400,
    ),
    "unknown field": (lambda h, f: post_vote(h.urls["anna"], {**f, "admin": "1"}), 400),
    "missing criterion": (lambda h, f: post_vote(h.urls["anna"], dict(list(f.items())[:-1])), 400),
    "repeated field": (
        lambda h, f: request(
            "POST",
            h.urls["anna"],
            (_body(f) + "&" + _body(f).split("&")[1]).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        ),
        400,
    ),  # fmt: skip
    "missing nonce": (lambda h, f: post_vote(h.urls["anna"], _crit(f)), 403),
    "another's nonce": (
        lambda h, f: post_vote(h.urls["anna"], {**f, "_csrf": form_of(request("GET", h.urls["bram"])[2])[0]}),
        403,
    ),
    "foreign origin": (lambda h, f: post_vote(h.urls["anna"], f, origin="http://evil.example"), 403),
    "null origin": (lambda h, f: post_vote(h.urls["anna"], f, origin="null"), 403),
    "foreign referer": (
        lambda h, f: request(
            "POST",
            h.urls["anna"],
            _body(f).encode(),
            {"Content-Type": "application/x-www-form-urlencoded", "Referer": "http://evil.example/x"},
        ),
        403,
    ),  # fmt: skip
    "wrong host": (
        lambda h, f: request(
            "POST",
            h.urls["anna"],
            _body(f).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
            host="evil.example",
        ),
        403,
    ),  # fmt: skip
    "multipart": (lambda h, f: post_vote(h.urls["anna"], f, ctype="multipart/form-data; boundary=x"), 415),
    "oversized body": (
        lambda h, f: request(
            "POST",
            h.urls["anna"],
            b"a=" + b"1" * MAX_BODY,
            {"Content-Type": "application/x-www-form-urlencoded"},
        ),
        413,
    ),  # fmt: skip
    "gzip body": (
        lambda h, f: request(
            "POST",
            h.urls["anna"],
            b"\x1f\x8b\x08\x00",
            {"Content-Type": "application/x-www-form-urlencoded", "Content-Encoding": "gzip"},
        ),
        400,
    ),  # fmt: skip
    "other method": (lambda h, f: request("PUT", h.urls["anna"], _body(f).encode()), 405),
    "other path": (lambda h, f: request("GET", h.server.origin + "/etc/passwd"), 404),
}


def _crit(fields: dict) -> dict:
    return {k: v for k, v in fields.items() if k != "_csrf"}


def _body(fields: dict) -> str:
    from urllib.parse import urlencode

    return urlencode(fields)


@pytest.mark.parametrize("case", list(REFUSALS))
def test_every_refusal_has_its_status_and_changes_nothing(host, project, case):
    send, expected = REFUSALS[case]
    fields = _valid(host.urls["anna"])
    before = _state(project)
    status, headers, page = send(host, fields)
    assert status == expected, page
    assert _state(project) == before
    assert host.round.voted() == ()
    if status != 405:
        assert headers.get("Content-Security-Policy"), "every answer carries the security headers"


def test_a_link_is_refused_after_the_round_closes_and_from_an_earlier_round(host, project):
    url = host.urls["anna"]
    fields = _valid(url)
    host.close_round()
    before = _state(project)
    assert post_vote(url, fields)[0] == 403
    assert _state(project) == before
    # a new round has new links: the old one is refused outright
    old = url
    host.stop()
    newer = Host(project)
    try:
        assert request("GET", newer.server.origin + "/v/" + old.rsplit("/", 1)[1])[0] == 403
        assert request("GET", newer.urls["anna"])[0] == 200
        assert newer.urls["anna"] != old
    finally:
        newer.stop()


def test_a_client_over_its_rate_gets_429_and_changes_nothing(project):
    h = Host(project, rate=RateLimit(requests=3, seconds=600))
    try:
        url = h.urls["anna"]
        fields = _valid(url)  # 1
        assert request("GET", url)[0] == 200  # 2
        assert request("GET", h.server.origin + "/v/" + "B" * 43)[0] == 403  # 3: guesses count too
        before = _state(project)
        assert post_vote(url, fields)[0] == 429
        assert request("GET", url)[0] == 429
        assert _state(project) == before
    finally:
        h.stop()


def test_the_socket_is_closed_when_the_server_stops(host):
    url = host.urls["anna"]
    assert request("GET", url)[0] == 200
    host.stop()
    with pytest.raises(ConnectionRefusedError):
        request("GET", url)


def test_tokens_are_unguessable_and_forgotten_when_the_round_ends():
    rnd = VotingRound(["a", "b", "c"])
    tokens = {rnd.token_of(p) for p in rnd.participants}
    assert len(tokens) == 3 and all(len(t) >= 43 for t in tokens)  # 32 random bytes, base64url
    rnd.close()
    assert rnd.find(rnd.token_of("a")) is not None  # closed: the link shows the group result
    rnd.end()
    assert all(rnd.find(t) is None for t in tokens)
    with pytest.raises(KeyError):
        rnd.token_of("a")


@pytest.mark.parametrize("bad", ["0.0.0.0", "::", "localhost", "example.org", "224.0.0.1"])
def test_the_server_listens_only_on_one_named_interface(bad):
    with pytest.raises(InputError):
        check_host(bad)


def _serve(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "evaluator", "workshop", "serve", str(project), *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip


def test_cli_serve_prints_a_link_per_participant_takes_votes_closes_and_stops(project):
    proc = _serve(project, "--participant", "Anna", "--participant", "cem", "--lang", "en")
    try:
        links = [json.loads(proc.stdout.readline()) for _ in range(2)]
        assert [x["participant"] for x in links] == ["Anna", "Cem"]
        assert all(x["url"].startswith("http://127.0.0.1:") for x in links)
        url = links[0]["url"]
        assert post_vote(url, _valid(url))[0] == 303
        assert json.loads(proc.stdout.readline()) == {"voted": "Anna"}
        proc.stdin.write("close\n")
        proc.stdin.flush()
        assert json.loads(proc.stdout.readline()) == {"closed": True, "voted": ["Anna"]}
        assert "Group result" in request("GET", url)[2]
        proc.stdin.write("stop\n")
        proc.stdin.flush()
        assert proc.wait(30) == 0, proc.stderr.read()
        assert json.loads(proc.stdout.readline()) == {"stopped": True, "voted": ["Anna"]}
    finally:
        proc.kill()
        proc.wait()
    with pytest.raises(ConnectionRefusedError):
        request("GET", url)
    with Store.open(project, readonly=True) as st:
        assert st.audit(limit=1)[0].reason == "Anna: voted from their device"


def test_cli_serve_stops_on_sigterm_with_exit_0(project):
    proc = _serve(project)
    try:
        assert len([json.loads(proc.stdout.readline()) for _ in range(3)]) == 3
        proc.terminate()
        assert proc.wait(30) == 0
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize(
    "args, problem",
    [
        (["--host", "0.0.0.0"], "every network interface"),
        (["--host", "my-laptop"], "not an IP address"),
        (["--participant", "Nobody"], "no participant named 'Nobody'"),
        (["--port", "70000"], "port 70000"),
    ],
)
def test_cli_serve_refuses_unusable_input_with_exit_2_and_one_line(project, args, problem):
    proc = subprocess.run(
        [sys.executable, "-m", "evaluator", "workshop", "serve", str(project), "--lang", "en", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.returncode == 2
    assert problem in proc.stderr and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_cli_serve_on_a_port_in_use_exits_2_naming_the_address(project):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-m", "evaluator", "workshop", "serve", str(project), "--lang", "en", "--port", str(port)],
            capture_output=True, text=True, cwd=ROOT, timeout=60, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr and proc.stderr.count("\n") == 1
    assert proc.stdout == ""
