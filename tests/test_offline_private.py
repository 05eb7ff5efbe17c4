"""Offline and private: no command and not the app tries the network; the signing password is never written to
disk, the log or the audit trail; temporary files are private and cleaned up; the XML and YAML readers refuse
entity and alias expansion.

Network attempts are seen two ways: a Python audit hook (``socket.connect``, ``socket.getaddrinfo``, …) and, where
``strace`` is installed, the system calls themselves (which also catches C code such as Qt).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from evaluator.errors import InputError
from evaluator.io import read_any
from evaluator.io.table import write_xlsx
from evaluator.store import Store
from tests.fuzz_support import hang_guard
from tests.hardening_helpers import make_evaluation
from tests.pki import PASSWORD, make_pki

KEY = bytes(range(32))  # a project's ballot key (Store.ballot_key), fixed for the tests

ROOT = Path(__file__).resolve().parent.parent
DRIVER = Path(__file__).parent / "fixtures" / "offline_driver.py"
# PASSWORD (the test PKI's) is distinctive enough that a scan of every byte written would find it.
STRACE = shutil.which("strace")
INET = re.compile(r"(connect|sendto|sendmsg|bind)\(.*sa_family=AF_INET6?\b")


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AFWEGING_", "QT_"))}
    for name in ("tmp", "logs", "home"):
        (tmp_path / name).mkdir()
    env.update(
        PYTHONPATH=str(ROOT),
        TMPDIR=str(tmp_path / "tmp"),
        AFWEGING_LOG_DIR=str(tmp_path / "logs"),
        AFWEGING_HOME=str(tmp_path / "home"),
        HOME=str(tmp_path / "home"),
        XDG_CACHE_HOME=str(tmp_path / "home" / "cache"),
        XDG_CONFIG_HOME=str(tmp_path / "home" / "config"),
        XDG_DATA_HOME=str(tmp_path / "home" / "data"),
        XDG_STATE_HOME=str(tmp_path / "home" / "state"),
        MPLCONFIGDIR=str(tmp_path / "home" / "mpl"),
        QT_QPA_PLATFORM="offscreen",
        AFWEGING_TEST_PASSWORD=PASSWORD,
        AFWEGING_WRONG_PASSWORD=PASSWORD[::-1],
    )
    return env


def _traced(argv: list[str], tmp_path: Path, env: dict[str, str], timeout: int = 600):
    """Run ``argv`` (under strace when available); → (completed process, INET lines strace saw)."""
    trace = tmp_path / "strace.log"
    prefix = (
        [STRACE, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg,bind", "-o", str(trace)] if STRACE else []
    )
    proc = subprocess.run(
        prefix + argv, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=timeout
    )
    lines = [ln for ln in trace.read_text().splitlines() if INET.search(ln)] if STRACE else []
    return proc, lines


def _all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in folder.rglob("*") if p.is_file()]


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("offline")
    pki = make_pki(tmp_path_factory.mktemp("offline-pki"))
    work = tmp_path / "work"
    work.mkdir()
    Store.create(work / "project.afweging", make_evaluation(5, 8, seed=2, participants=2)).close()
    (work / "matrix.csv").write_text("alternative;a;b\nobjective;max;min\nX;1;2\nY;3;1,5\n", encoding="utf-8")
    shutil.copy(pki.signer_p12, work / "signer.p12")
    shutil.copy(pki.root_pem, work / "root.pem")
    env = _environment(tmp_path)
    old = os.umask(0o022)
    try:
        proc, inet = _traced([sys.executable, str(DRIVER), str(work)], tmp_path, env)
    finally:
        os.umask(old)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"tmp": tmp_path, "work": work, "report": report, "inet": inet, "stderr": proc.stderr}


def test_every_verb_runs_without_touching_the_network(cli_run):
    report = cli_run["report"]
    ran = {r["argv"][0] for r in report["results"] if not r.get("skipped")}
    assert {"rank", "import", "export", "new"} <= ran
    assert report["attempts"] == [], f"network attempts seen by the audit hook: {report['attempts']}"
    assert cli_run["inet"] == [], f"network system calls seen by strace: {cli_run['inet'][:5]}"
    for r in report["results"]:
        if r.get("skipped"):
            continue
        wrong = "wrong.pdf" in " ".join(r["argv"]) or "does-not-exist" in " ".join(r["argv"])
        if wrong:
            assert r["code"] == 2 and r["err"].count("\n") == 1, r
        else:
            assert r["code"] == 0, r
        assert "Traceback" not in r["err"] and "internal error" not in r["err"], r


def test_the_password_is_never_written_anywhere(cli_run):
    report = cli_run["report"]
    signed = [r for r in report["results"] if r["argv"][0] == "report" and "memo.pdf" in " ".join(r["argv"])]
    if not signed or signed[0].get("skipped"):
        pytest.skip("no report verb yet")
    assert (cli_run["work"] / "memo.pdf").exists()
    needles = [PASSWORD.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    needles += [PASSWORD[::-1].encode("utf-8")]  # the wrong password, too
    for path, data in _all_bytes(cli_run["tmp"]):
        for needle in needles:
            assert needle not in data, f"the signing password was written to {path}"
    for r in report["results"]:
        assert PASSWORD not in r["out"] + r["err"] and PASSWORD[::-1] not in r["out"] + r["err"]
    assert PASSWORD not in cli_run["stderr"]
    with Store.open(cli_run["work"] / "project.afweging", readonly=True) as st:
        assert all(PASSWORD not in json.dumps(e.__dict__) for e in st.audit())


def test_temporary_files_are_cleaned_and_outputs_private(cli_run):
    tmp = cli_run["tmp"]
    assert list((tmp / "tmp").iterdir()) == [], "files left in TMPDIR"
    for t in cli_run["report"]["temporaries"]:
        assert not os.path.exists(t), f"temporary file left behind: {t}"
    leftovers = [
        p.name
        for p in cli_run["work"].iterdir()
        if p.name.startswith(".") or p.name.endswith(("-journal", ".tmp"))
    ]
    assert leftovers == []
    # Written through atomic_write/atomic_path (private temporary file, then renamed): owner-only, even under umask 022.
    for name in (
        "new.afweging",
        "matrix.afweging",
        "export.json",
        "export.xlsx",
        "export.dmsy",
        "export.csv",
    ):
        mode = stat.S_IMODE((cli_run["work"] / name).stat().st_mode)
        assert mode & 0o077 == 0, f"{name} is readable by others ({oct(mode)})"
    for log in (tmp / "logs").glob("*.log*"):
        assert stat.S_IMODE(log.stat().st_mode) & 0o077 == 0, f"the log {log} is readable by others"


def test_atomic_write_leaves_no_named_temporary_file(tmp_path):
    """The same guarantee in-process: while data is written no file name but the final one ever appears."""
    from evaluator.files import atomic_write

    target = tmp_path / "out.json"
    atomic_write(target, b"{}")
    atomic_write(target, b'{"a": 1}')
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.skipif(not (ROOT / "ui" / "app.py").exists(), reason="no desktop app yet")
def test_the_app_starts_and_shows_the_sample_without_touching_the_network(tmp_path):
    env = _environment(tmp_path)
    script = (
        "import sys\n"
        "sys.addaudithook(lambda e, a: e in ('socket.getaddrinfo', 'http.client.connect', 'urllib.Request') "
        "and sys.stderr.write(f'NETWORK {e} {a!r}\\n'))\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "from tests.netcheck import listening_ports\n"
        "QTimer.singleShot(7500, lambda: sys.stderr.write(f'LISTENING {sorted(listening_ports())}\\n'))\n"
        "QTimer.singleShot(8000, app.quit)\n"
        "from ui.app import run\n"
        "sys.exit(run(None))\n"
    )
    proc, inet = _traced([sys.executable, "-c", script], tmp_path, env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "NETWORK" not in proc.stderr, proc.stderr
    assert inet == [], f"network system calls seen by strace: {inet[:5]}"
    assert list((tmp_path / "tmp").iterdir()) == [], "the app left files in TMPDIR"
    assert "LISTENING []" in proc.stderr, "the app listens while no one has started voting"


# -- voting from devices (issue 15): it listens only while voting is open, and never connects out ----------------


@pytest.mark.skipif(
    not Path("/proc/self/net/tcp").exists(), reason="reads listening sockets from /proc (Linux)"
)
def test_the_voting_server_listens_only_while_voting_is_open(tmp_path):
    from tests.netcheck import listening_ports
    from tests.voting_support import Host, request, voting_project

    project = voting_project(tmp_path / "w.afweging")
    assert listening_ports() == set()
    host = Host(project)
    port = host.server.port
    assert port in {p for _, p in listening_ports()}
    assert request("GET", host.urls["anna"])[0] == 200
    host.close_round()
    host.stop()
    assert listening_ports() == set(), "the socket outlived the round"


def test_workshop_serve_never_connects_out_and_binds_only_the_given_address(tmp_path):
    from tests.voting_support import form_of, post_vote, request, voting_project

    env = _environment(tmp_path)
    project = voting_project(tmp_path / "w.afweging")
    trace = tmp_path / "serve.strace"
    prefix = (
        [STRACE, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg,bind", "-o", str(trace)] if STRACE else []
    )
    proc = subprocess.Popen(
        [*prefix, sys.executable, "-m", "evaluator", "workshop", "serve", str(project), "--lang", "en"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    try:
        url = json.loads(proc.stdout.readline())["url"]
        page = request("GET", url)[2]
        nonce, ids = form_of(page)
        assert post_vote(url, {"_csrf": nonce, **dict.fromkeys(ids, 50)})[0] == 303
        proc.stdin.write("close\nstop\n")
        proc.stdin.flush()
        assert proc.wait(60) == 0, proc.stderr.read()
    finally:
        proc.kill()
        proc.wait()
    if not STRACE:
        pytest.skip("strace is not installed: the system calls were not watched")
    lines = [ln for ln in trace.read_text().splitlines() if INET.search(ln)]
    assert lines, "strace saw no bind: the trace did not work"
    for ln in lines:
        assert ln.split()[1].startswith("bind(") and 'inet_addr("127.0.0.1")' in ln, ln


# -- entity and alias expansion -------------------------------------------------------------------------------------

LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + b"".join(
        b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>\n"
)


def _with_doctype(xml: bytes, entity_ref: bytes) -> bytes:
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    body = body.replace(b"<v>1</v>", b"<v>" + entity_ref + b"</v>", 1)
    return LAUGHS.replace(b"]>", b'<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>') + body


@pytest.mark.parametrize("ref", [b"&lol9;", b"&xxe;"], ids=["billion-laughs", "external-entity"])
@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml"])
def test_xlsx_entity_expansion_is_refused(tmp_path, member, ref):
    from evaluator.io.bare import BareMatrix, bare_evaluation
    from tests.fuzz_support import rezipped

    ev = bare_evaluation(BareMatrix(["X", "Y"], ["a"], [[1.0], [2.0]], [1], [1.0]))
    seed = tmp_path / "seed.xlsx"
    write_xlsx(ev, seed)
    raw = seed.read_bytes()
    names = zipfile.ZipFile(io.BytesIO(raw)).namelist()
    if member not in names:
        member = "xl/worksheets/sheet1.xml"
    original = zipfile.ZipFile(io.BytesIO(raw)).read(member)
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(rezipped(raw, {member: _with_doctype(original, ref)}))
    try:
        with hang_guard(20):
            ev = read_any(bomb)
    except InputError as exc:
        line = exc.line()
        assert "root:" not in line and "lollol" not in line and "\n" not in line
        return
    # Read without error: then the entity was declared but not used (workbook.xml) and nothing was expanded.
    assert member == "xl/workbook.xml"
    shown = json.dumps([a.name for a in ev.alternatives] + [c.id for c in ev.criteria])
    assert "lol" not in shown and "root:" not in shown


def test_ballot_entity_expansion_is_refused(tmp_path):
    ballot = pytest.importorskip("evaluator.ballot")
    from tests.fuzz_support import rezipped

    ev = make_evaluation(3, 4, participants=1)
    path = tmp_path / "ballot.xlsx"
    ballot.write_ballot(ev, ev.participants[0].id, path, created="2026-01-01T00:00:00+00:00", key=KEY)
    raw = path.read_bytes()
    sheet = zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet1.xml")
    path.write_bytes(rezipped(raw, {"xl/worksheets/sheet1.xml": LAUGHS + sheet.split(b"?>", 1)[-1]}))
    with hang_guard(20), pytest.raises(InputError) as info:
        ballot.read_ballot(ev, path, "2026-01-01T00:00:00+00:00", key=KEY)
    assert "\n" not in info.value.line()


def test_dmsy_alias_expansion_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)]
    path = tmp_path / "bomb.dmsy"
    path.write_text("\n".join(lines) + "\ndata:\n  matrix: *a11\n", encoding="utf-8")
    with hang_guard(20), pytest.raises(InputError, match="aliases"):
        read_any(path)
