"""Voting from phones and laptops on the Workshop page: start a round on one network interface, show one large QR
code and link per participant, see who has voted (live), close the round, stop the server.

All of the serving is the core's (:mod:`evaluator.voting`); this panel picks the interface (loopback unless the
facilitator chooses the room network's address), shows the links, and stores each vote through
:meth:`Document.apply` in the GUI's thread, so a vote is one undo step and one audit entry like any other edit.
The server stops on "Stop", when the page goes (another file is opened) and when the app quits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from evaluator.changes import Change
from evaluator.errors import ChangeError, InputError
from evaluator.i18n import gettext
from evaluator.voting.qr import qr_png
from evaluator.voting.round import VotingRound
from evaluator.workshop import participant_label

from .document import Document
from .i18n import language, ngettext, signals, tr

if TYPE_CHECKING:
    from evaluator.voting.server import VotingServer

LOOPBACK = "127.0.0.1"
PUMP_MS = 20  # how often a waiting vote is taken in while a round runs
QR_SCALE = 6  # pixels per module: about 270 px for a link, readable from the back of a room on a projector


def local_addresses() -> list[str]:
    """This computer's IP addresses, loopback first (no lookup: read from the interfaces)."""
    out = [LOOPBACK]
    for a in QNetworkInterface.allAddresses():
        if a.isLoopback() or a.isLinkLocal() or a.isMulticast():
            continue
        if a.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
            out.append(a.toString())
    return list(dict.fromkeys(out))


class VotingPanel(QGroupBox):
    """Start/close/stop a round of voting from devices, and its participants' QR codes and links."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.server: VotingServer | None = None
        # Votes wait in the server's relay until this (GUI) thread takes them: polled while a round runs, so the
        # server's threads make no Qt call (a queued signal from a Python thread is what crashed background work).
        self._pump_timer = QTimer(self)
        self._pump_timer.setInterval(PUMP_MS)
        self._pump_timer.timeout.connect(self._pump)
        self.interface = QComboBox()
        self.interface_label = QLabel()
        self.interface_label.setBuddy(self.interface)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.start)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close_round)
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.stop)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cards = QWidget()
        self._grid = QGridLayout(self.cards)
        self._cards: dict[str, tuple[QLabel, QLabel]] = {}
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.cards)
        self.scroll.setMinimumHeight(QR_SCALE * 45 + 160)
        self.scroll.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.interface_label)
        row.addWidget(self.interface, 1)
        for b in (self.start_button, self.close_button, self.stop_button):
            row.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.status)
        lay.addWidget(self.scroll, 1)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        signals.language_changed.connect(self.retranslate)
        self.refresh_interfaces()
        self.retranslate()

    # -- texts and state ----------------------------------------------------------------------------------
    def refresh_interfaces(self) -> None:
        current = self.interface.currentData()
        self.interface.clear()
        for addr in local_addresses():
            label = f"{addr} — " + tr("this computer only") if addr == LOOPBACK else addr
            self.interface.addItem(label, addr)
        self.interface.setCurrentIndex(max(0, self.interface.findData(current or LOOPBACK)))

    def retranslate(self, *_: object) -> None:
        self.setTitle(tr("Voting from phones and laptops"))
        self.interface_label.setText(tr("Network:"))
        self.start_button.setText(tr("Start voting"))
        self.close_button.setText(tr("Close round"))
        self.stop_button.setText(tr("Stop"))
        self.refresh_interfaces()
        self._update()

    def _update(self) -> None:
        srv = self.server
        running = srv is not None
        self.start_button.setEnabled(not running)
        self.interface.setEnabled(not running)
        self.close_button.setEnabled(running and srv.round.is_open)
        self.stop_button.setEnabled(running)
        self.scroll.setVisible(running)
        if srv is None:
            self.status.setText(
                tr(
                    "Not listening. Start voting to show each participant a QR code for their own link; "
                    "choose the room network's address to let phones in."
                )
            )
            return
        ev, lang = self.doc.evaluation, language()
        voted = srv.round.voted()
        names = ", ".join(participant_label(ev, p, lang) for p in voted) or "—"
        n = len(srv.round.participants)
        where = tr("Listening on {origin}.").format(origin=srv.origin)
        if srv.round.is_open:
            state = ngettext(
                "{n_voted} of {n} has voted: {names}.", "{n_voted} of {n} have voted: {names}.", len(voted)
            ).format(n_voted=len(voted), n=n, names=names)
        else:
            state = tr("The round is closed ({n_voted} of {n} voted); the links show the group result "
                "until you stop.").format(n_voted=len(voted), n=n)  # fmt: skip
        self.status.setText(f"{where} {state}")
        for pid, (_, mark) in self._cards.items():
            done = pid in voted
            mark.setText(("✓ " + tr("voted")) if done else ("○ " + tr("waiting")))

    # -- actions ------------------------------------------------------------------------------------------
    def start(self) -> bool:
        """Listen on the chosen address and show the participants' QR codes; False (and a message) if not."""
        if self.server is not None:
            return True
        ev = self.doc.evaluation
        if not ev.participants:
            self.doc.failed.emit(tr("Add the participants first."))
            return False
        from evaluator.voting.server import VotingServer  # asyncio and aiohttp: loaded when a round opens

        rnd = VotingRound([p.id for p in ev.participants])
        try:
            srv = VotingServer(
                rnd, lambda: self.doc.evaluation, self._apply, self.interface.currentData() or LOOPBACK, 0,
                language(),
            ).start()  # fmt: skip
        except InputError as exc:
            self.doc.failed.emit(exc.line())
            return False
        self.server = srv
        self._pump_timer.start()
        rnd.on_vote(lambda _pid: self._update())
        # the server goes with this panel, whichever way it goes (Stop, another file, the app quitting)
        self.destroyed.connect(lambda *_, s=srv: s.stop())
        self._show_cards(ev)
        self._update()
        return True

    def _apply(self, change: Change, reason: str) -> None:
        if not self.doc.apply(change, reason=reason):
            raise ChangeError(gettext("the vote does not fit the evaluation as it is now"))

    def _pump(self) -> None:
        if self.server is not None:
            self.server.relay.pump()

    def close_round(self) -> None:
        if self.server is not None:
            self.server.close_round()
            self._update()

    def stop(self) -> None:
        self._pump_timer.stop()
        srv, self.server = self.server, None
        if srv is not None:
            srv.stop()
        self._clear_cards()
        self._update()

    # -- the cards ----------------------------------------------------------------------------------------
    def _clear_cards(self) -> None:
        while self._grid.count():
            w = self._grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self._cards.clear()

    def _show_cards(self, ev) -> None:  # noqa: ANN001 - an Evaluation
        self._clear_cards()
        assert self.server is not None
        lang = language()
        columns = 3
        for i, pid in enumerate(self.server.round.participants):
            url = self.server.url(pid)
            card = QFrame()
            card.setFrameShape(QFrame.Shape.StyledPanel)
            lay = QVBoxLayout(card)
            name = QLabel(participant_label(ev, pid, lang))
            font = name.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            name.setFont(font)
            qr = QLabel()
            pix = QPixmap()
            pix.loadFromData(qr_png(url, QR_SCALE), "PNG")
            qr.setPixmap(pix)
            qr.setAccessibleName(tr("QR code for {text}").format(text=name.text()))
            link = QLabel(url)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            small = link.font()
            small.setPointSizeF(small.pointSizeF() * 0.85)
            link.setFont(small)
            mark = QLabel()
            for w in (name, qr, link, mark):
                lay.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
            self._grid.addWidget(card, i // columns, i % columns)
            self._cards[pid] = (link, mark)
