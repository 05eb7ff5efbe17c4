"""The Workshop page's voting panel: start voting on loopback, a vote posted to a participant's link shows in the
panel and the audit trail (one undo step), closing stops the votes, stopping closes the socket. Saves a screenshot
of the QR view where AFWEGING_SCREENSHOTS says (else under tmp)."""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from evaluator.changes import AddParticipant
from evaluator.model import Participant
from ui.document import Document
from ui.workshop_view import WorkshopView


def _shots(tmp_path: Path) -> Path:
    """Where screenshots go: AFWEGING_SCREENSHOTS (e.g. docs/screenshots to refresh the README's), else tmp."""
    d = Path(os.environ.get("AFWEGING_SCREENSHOTS") or tmp_path / "screenshots")
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture
def view(tmp_path, qtbot):
    from tests.ui.conftest import small_evaluation

    doc = Document.create(tmp_path / "w.afweging", small_evaluation())
    for name in ("Anna", "Bram", "Cem"):
        doc.apply(AddParticipant(Participant(name.lower(), name)))
    v = WorkshopView(doc)
    qtbot.addWidget(v)
    v.resize(1500, 1100)
    v.show()
    yield v
    v.voting.stop()
    doc.close()


def _form(url: str, points: int = 30) -> bytes:
    page = urllib.request.urlopen(url, timeout=30).read().decode()
    nonce = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    ids = re.findall(r'type="number" id="n\d+" name="([^"]+)"', page)
    return urllib.parse.urlencode({"_csrf": nonce, **dict.fromkeys(ids, points)}).encode()


def _vote(url: str, data: bytes | None = None) -> int:
    data = data or _form(url)
    origin = "/".join(url.split("/")[:3])
    req = urllib.request.Request(url, data=data, headers={"Origin": origin})
    try:
        return urllib.request.urlopen(req, timeout=30).status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_start_voting_vote_from_a_device_close_and_stop(view, qtbot, tmp_path):
    from tests.netcheck import listening_ports

    panel, doc = view.voting, view.doc
    assert panel.interface.currentData() == "127.0.0.1"
    assert not panel.close_button.isEnabled() and panel.server is None
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert panel.server is not None and panel.scroll.isVisible()
    port = panel.server.port
    assert port in {p for _, p in listening_ports()}
    url = panel.server.url("bram")
    assert url in [link.text() for link, _ in panel._cards.values()]
    count = doc.store.audit_count()
    undo_steps = doc.undo_stack.count()

    with ThreadPoolExecutor(1) as pool:  # the browser's side; the GUI's event loop stores the vote meanwhile
        sent = pool.submit(_vote, url)
        qtbot.waitUntil(sent.done, timeout=30_000)
        assert sent.result() == 200  # after the 303 back to the page
    assert "1 van de 3 heeft gestemd: Bram" in panel.status.text()  # one voter: singular (issue 15)
    assert panel._cards["bram"][1].text().startswith("✓")
    assert doc.store.audit_count() == count + 1
    assert doc.audit(limit=1)[0].reason == "Bram: gestemd vanaf eigen apparaat"
    assert doc.undo_stack.count() == undo_steps + 1
    assert "bram" in doc.evaluation.participant_weights

    shot = _shots(tmp_path) / "voting-qr-view.png"
    assert panel.grab().save(str(shot)) and shot.stat().st_size > 0

    anna = panel.server.url("anna")
    with ThreadPoolExecutor(1) as pool:
        form = pool.submit(_form, anna)
        qtbot.waitUntil(form.done, timeout=30_000)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert "gesloten" in panel.status.text()
    with ThreadPoolExecutor(1) as pool:
        refused = pool.submit(_vote, anna, form.result())
        qtbot.waitUntil(refused.done, timeout=30_000)
        assert refused.result() == 403
        page = pool.submit(lambda: urllib.request.urlopen(anna, timeout=30).read().decode())
        qtbot.waitUntil(page.done, timeout=30_000)
        assert "Groepsuitkomst" in page.result() and "<form" not in page.result()
    assert doc.store.audit_count() == count + 1

    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert panel.server is None and not panel.scroll.isVisible()
    assert listening_ports() == set()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=10)
    # the vote is an undo step like any other
    doc.undo_stack.undo()
    assert "bram" not in doc.evaluation.participant_weights


def test_the_server_stops_with_the_page(tmp_path, qtbot):
    import shiboken6

    from tests.netcheck import listening_ports
    from tests.ui.conftest import small_evaluation

    doc = Document.create(tmp_path / "w.afweging", small_evaluation())
    doc.apply(AddParticipant(Participant("anna", "Anna")))
    v = WorkshopView(doc)
    assert v.voting.start()
    assert listening_ports()
    shiboken6.delete(v)  # as the main window drops the pages when another file is opened
    assert listening_ports() == set()
    doc.close()
