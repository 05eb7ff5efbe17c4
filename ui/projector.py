"""Projector mode: full screen, large type, white on black, one view at a time, driven by the keyboard.

Views (Tab / Shift+Tab cycle them; R, D and C jump to one): the group's **ranking** beside each participant's,
the **disagreement** chart (most disagreement first), and the **criterion** under discussion. Left/Right move
between criteria (in the agenda order: most disagreement first once people have voted). In the criterion view
the participant whose turn it is votes with a digit: 0 (does not count) … 9 (counts most); each vote is one
``SetWeights`` for that participant that changes only the criterion on screen: the others keep their share
relative to each other (a participant who had no weights yet counts as :data:`NEUTRAL` on every criterion,
so a first vote never sets the rest to 0). The votes on a criterion
stay hidden (only ● per participant who voted) until everyone has voted on it. Esc or F5 leaves. Nothing else
can be changed here. Names are hidden when the evaluation is anonymous.

Type is sized from the window's height (readable at 1280×720 from the back of a room): body text is 1/24 of the
height (30 px at 720), titles 1/14.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from evaluator.changes import SetWeights
from evaluator.errors import InputError
from evaluator.model import Evaluation, text
from evaluator.weighting import global_weights, points_from_global
from evaluator.workshop import DISAGREEMENT_MEASURE, disagreement, group_weights, participant_label, rankings

from .charts.spread import DARK, paint_spread, spread_description, spread_rows
from .document import Document
from .i18n import language, tr

VIEWS = ("ranking", "disagreement", "criterion")
NEUTRAL = 5  # the digit a criterion counts as before its participant has voted on it
BG, FG, DIM, ACCENT = "#000000", "#ffffff", "#c8c8c8", "#ffd43b"


class ProjectorWindow(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.view = "ranking"
        self.criterion_id: str | None = None  # the criterion under discussion (None: the first on the agenda)
        self.votes: dict[str, dict[str, int]] = {}  # participant id → criterion id → digit, this session
        self._start: dict[
            str, dict[str, float]
        ] = {}  # participant id → importance per criterion before voting
        self.message = ""
        self.setWindowTitle(tr("Projector — Afweging"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor(BG))
        self.setPalette(pal)
        doc.changed.connect(self._changed)
        self.say()

    def _changed(self, _ev: Evaluation) -> None:
        self.say()
        self.update()

    # -- what is shown ------------------------------------------------------------------------------------
    def agenda(self) -> list[str]:
        """Criterion ids in discussion order: most disagreement first, or the evaluation's order before votes."""
        ev = self.doc.evaluation
        spreads = disagreement(ev)
        return [s.criterion for s in spreads] if spreads else [c.id for c in ev.criteria]

    def current_criterion(self) -> str | None:
        """The criterion under discussion; it stays the same when votes reorder the agenda."""
        agenda = self.agenda()
        if self.criterion_id in agenda:
            return self.criterion_id
        return agenda[0] if agenda else None

    def position(self) -> int:
        """Where the current criterion is on the agenda (0-based)."""
        cid = self.current_criterion()
        agenda = self.agenda()
        return agenda.index(cid) if cid in agenda else 0

    def voter(self) -> str | None:
        """Whose turn it is on the current criterion (the first participant who has not voted on it here)."""
        cid = self.current_criterion()
        for p in self.doc.evaluation.participants:
            if cid not in self.votes.get(p.id, {}):
                return p.id
        return None

    # -- keys ---------------------------------------------------------------------------------------------
    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = e.key()
        K = Qt.Key
        if key in (K.Key_Escape, K.Key_F5):
            self.close()
        elif key == K.Key_Tab:
            self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        elif key == K.Key_Backtab:
            self.view = VIEWS[(VIEWS.index(self.view) - 1) % len(VIEWS)]
        elif key in (K.Key_R, K.Key_D, K.Key_C):
            self.view = {K.Key_R: "ranking", K.Key_D: "disagreement", K.Key_C: "criterion"}[key]
        elif key in (K.Key_Right, K.Key_Down, K.Key_Left, K.Key_Up):
            step = 1 if key in (K.Key_Right, K.Key_Down) else -1
            agenda = self.agenda()
            if agenda:
                self.criterion_id = agenda[(self.position() + step) % len(agenda)]
            if self.view == "ranking":
                self.view = "criterion"
        elif K.Key_0 <= key <= K.Key_9 and self.view == "criterion":
            self.vote(key - K.Key_0)
        else:
            super().keyPressEvent(e)
            return
        self.say()
        self.update()

    def vote(self, digit: int) -> bool:
        """The current voter's importance ``digit`` (0–9) for the current criterion, stored at once."""
        ev = self.doc.evaluation
        pid, cid = self.voter(), self.current_criterion()
        if pid is None or cid is None:
            return False
        mine = dict(self.votes.get(pid, {}))
        mine[cid] = digit
        importance = {**self.starting_importance(pid), **mine}
        total = sum(importance.get(c.id, 0.0) for c in ev.criteria)
        if total > 0:
            leaf = {c.id: importance.get(c.id, 0.0) / total for c in ev.criteria}
            how = tr("projector vote: {cid} → {digit}").format(cid=cid, digit=digit)
            if not self.doc.apply(SetWeights(points_from_global(ev, leaf), pid, True), reason=how):
                return False
        self.votes[pid] = mine
        return True

    def starting_importance(self, pid: str) -> dict[str, float]:
        """The participant's importance per criterion on the 0–9 scale as it was before their first vote here:
        their weights scaled to average :data:`NEUTRAL`, or :data:`NEUTRAL` everywhere when they have none."""
        if pid not in self._start:
            ev = self.doc.evaluation
            start = {c.id: float(NEUTRAL) for c in ev.criteria}
            if pid in ev.participant_weights:
                try:
                    w = global_weights(ev, ev.participant_weights[pid])
                    start = {c: x * len(w) * NEUTRAL for c, x in w.items()}
                except InputError:
                    pass  # weights that cannot be used (all zero): start neutral
            self._start[pid] = start
        return self._start[pid]

    # -- painting -----------------------------------------------------------------------------------------
    def _font(self, scale: float, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(max(12, round(self.height() * scale)))
        f.setBold(bold)
        return f

    def paintEvent(self, _e: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(BG))
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        w, h = self.width(), self.height()
        margin = h * 0.05
        ev = self.doc.evaluation
        lang = language()
        body = QRectF(margin, margin + h * 0.13, w - 2 * margin, h - 2 * margin - h * 0.2)
        try:
            getattr(self, f"_paint_{self.view}")(p, ev, lang, body)
        except InputError as exc:
            self._title(p, tr("Cannot show this"))
            p.setFont(self._font(1 / 24))
            p.setPen(QColor(FG))
            p.drawText(body, Qt.TextFlag.TextWordWrap, exc.line())
        # the key help at the bottom
        p.setFont(self._font(1 / 36))
        p.setPen(QColor(DIM))
        help_text = key_help()
        p.drawText(
            QRectF(margin, h - margin - h * 0.05, w - 2 * margin, h * 0.05),
            Qt.AlignmentFlag.AlignLeft,
            help_text,
        )
        p.end()

    def say(self) -> None:
        """Put what is on screen into the window's accessible description (after every key and change)."""
        lang = language()
        help_text = key_help()
        self.setAccessibleDescription(self.describe(self.doc.evaluation, lang) + " " + help_text)

    def describe(self, ev: Evaluation, lang: str) -> str:
        """What the current view shows, in words, for a screen reader (the window is one painted surface)."""
        try:
            if self.view == "ranking":
                rk = rankings(ev)
                order = sorted(range(len(rk.alternatives)), key=lambda i: (rk.group[i], i))
                return (
                    tr("Ranking with the group weights: ")
                    + "; ".join(f"{rk.group[i]}. {rk.names[i]}" for i in order)
                    + "."
                )
            if self.view == "disagreement":
                return tr("Where we disagree. ") + spread_description(spread_rows(ev, lang), lang)
            cid = self.current_criterion()
            if cid is None:
                return tr("No criteria.")
            c = ev.criterion(cid)
            pid = self.voter()
            who = (
                tr("Vote now: {participant_label}, press 0 to 9.").format(
                    participant_label=participant_label(ev, pid, lang)
                )  # fmt: skip
                if pid is not None
                else tr("Everyone has voted on this criterion.")
            )
            return (
                tr("Criterion {value} of {n_agenda} on the agenda: ").format(
                    value=self.position() + 1, n_agenda=len(self.agenda())
                )
                + f"{c.id} {text(c.name, lang)}. {text(c.description, lang)} {who}"
            )
        except InputError as exc:
            return exc.line()

    def _title(self, p: QPainter, title: str, subtitle: str = "") -> None:
        w, h = self.width(), self.height()
        margin = h * 0.05
        p.setPen(QColor(FG))
        p.setFont(self._font(1 / 14, bold=True))
        p.drawText(QRectF(margin, margin, w - 2 * margin, h * 0.09), Qt.AlignmentFlag.AlignLeft, title)
        if subtitle:
            p.setFont(self._font(1 / 36))
            p.setPen(QColor(DIM))
            p.drawText(
                QRectF(margin, margin + h * 0.085, w - 2 * margin, h * 0.05),
                Qt.AlignmentFlag.AlignLeft,
                subtitle,
            )

    def _paint_ranking(self, p: QPainter, ev: Evaluation, lang: str, body: QRectF) -> None:
        rk = rankings(ev)
        gw = group_weights(ev)
        self._title(p, tr("Ranking"), tr("Group weights: ") + gw.name(lang))
        voters = list(rk.participants)[:6]
        order = sorted(range(len(rk.alternatives)), key=lambda i: (rk.group[i], i))
        rows = order[: max(1, int(body.height() // (self.height() / 14)))]
        row_h = min(body.height() / max(1, len(rows) + 1), self.height() / 12)
        heads = [tr("Group"), *(participant_label(ev, v, lang) for v in voters)]
        head_font = self._font(1 / 30, bold=True)
        p.setFont(head_font)
        fm = p.fontMetrics()
        longest_word = max(fm.horizontalAdvance(word) for h in heads for word in h.split())
        col_w = min(
            body.width() * 0.6 / (1 + len(voters)), max(self.height() * 0.14, longest_word + fm.height())
        )
        name_w = body.width() - col_w * (1 + len(voters))
        p.setPen(QColor(DIM))
        for k, head in enumerate(heads):
            r = QRectF(body.left() + name_w + k * col_w, body.top(), col_w, row_h)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, head)
        for n, i in enumerate(rows, start=1):
            y = body.top() + n * row_h
            p.setPen(QColor(ACCENT if rk.group[i] == 1 else FG))
            p.setFont(self._font(1 / 20, bold=rk.group[i] == 1))
            label = p.fontMetrics().elidedText(  # a long name ends in "…", never cut mid-letter at the column
                f"{rk.group[i]}.  {rk.names[i]}", Qt.TextElideMode.ElideRight, int(name_w - 12)
            )
            p.drawText(QRectF(body.left(), y, name_w, row_h), Qt.AlignmentFlag.AlignVCenter, label)
            cells = [rk.group[i], *(rk.participants[v][i] for v in voters)]
            p.setFont(self._font(1 / 22))
            for k, c in enumerate(cells):
                p.setPen(QColor(FG if k == 0 else DIM))
                r = QRectF(body.left() + name_w + k * col_w, y, col_w, row_h)
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(c))

    def _paint_disagreement(self, p: QPainter, ev: Evaluation, lang: str, body: QRectF) -> None:
        self._title(
            p,
            tr("Where we disagree"),
            DISAGREEMENT_MEASURE[lang][:1].upper() + DISAGREEMENT_MEASURE[lang][1:],
        )
        rows = spread_rows(ev, lang)
        if not rows:
            p.setFont(self._font(1 / 22))
            p.setPen(QColor(FG))
            p.drawText(body, Qt.TextFlag.TextWordWrap, tr("Nobody has voted yet."))
            return
        rows = rows[: max(1, int(body.height() // (self.height() / 16)))]
        paint_spread(p, body, rows, self._font(1 / 30), DARK, highlight=self.position())

    def _paint_criterion(self, p: QPainter, ev: Evaluation, lang: str, body: QRectF) -> None:
        cid = self.current_criterion()
        if cid is None:
            self._title(p, tr("No criteria"))
            return
        c = ev.criterion(cid)
        agenda = self.agenda()
        self._title(
            p,
            f"{c.id}  {text(c.name, lang)}",
            f"{text(ev.area(c.area).name, lang)} · {self.position() + 1}/{len(agenda)}",
        )
        p.setFont(self._font(1 / 26))
        p.setPen(QColor(FG))
        desc_h = body.height() * 0.34
        p.drawText(
            QRectF(body.left(), body.top(), body.width(), desc_h),
            Qt.TextFlag.TextWordWrap,
            text(c.description, lang),
        )
        y = body.top() + desc_h
        everyone = all(cid in self.votes.get(q.id, {}) for q in ev.participants) and ev.participants
        pid = self.voter()
        p.setFont(self._font(1 / 22, bold=True))
        p.setPen(QColor(ACCENT))
        if pid is not None:
            line = tr("Vote now: {participant_label} — press 0 … 9").format(participant_label=participant_label(ev, pid, lang))  # fmt: skip
        else:
            line = tr("Everyone has voted on this criterion")
        p.drawText(
            QRectF(body.left(), y, body.width(), body.height() * 0.12), Qt.AlignmentFlag.AlignVCenter, line
        )
        y += body.height() * 0.14
        n = max(1, len(ev.participants))
        col = min(body.width() / n, self.height() * 0.3)
        for k, q in enumerate(ev.participants):
            r = QRectF(body.left() + k * col, y, col, body.height() * 0.12)
            p.setFont(self._font(1 / 32))
            p.setPen(QColor(DIM))
            p.drawText(
                r,
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                participant_label(ev, q.id, lang),
            )
            voted = cid in self.votes.get(q.id, {})
            mark = str(self.votes[q.id][cid]) if everyone else ("●" if voted else "○")
            p.setFont(self._font(1 / 12, bold=True))
            p.setPen(QColor(FG if voted else DIM))
            p.drawText(
                r.translated(0, body.height() * 0.08).adjusted(0, 0, 0, body.height() * 0.1),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                mark,
            )


def key_help() -> str:
    return tr("Tab: next view · ←/→: criterion · 0–9: vote · Esc: leave")


def open_projector(doc: Document, previous: ProjectorWindow | None = None) -> ProjectorWindow:
    """Projector mode on ``doc``, full screen and ready for keys; closes a previous one first."""
    if previous is not None:
        previous.close()
        previous.deleteLater()
    window = ProjectorWindow(doc)
    window.showFullScreen()
    window.setFocus()
    return window
