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

Type is sized from the window's height and never smaller than :func:`min_px` (18 px at 720, 27 px at 1080: read
from the back of a room). A view that does not fit at that size is split into pages (PgDn/PgUp, what a presenter's
clicker sends); names and titles wrap at word boundaries and are never cut. Every text painted is logged in
``drawn`` so tests can check what reached the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from evaluator.changes import SetWeights
from evaluator.errors import InputError
from evaluator.model import Evaluation, text
from evaluator.problem import build_problem
from evaluator.weighting import global_weights, points_from_global
from evaluator.workshop import disagreement, disagreement_name, group_weights, participant_label, rankings

from .charts.spread import DARK, paint_spread, spread_description, spread_rows
from .charts.spread import label_width as spread_label_width
from .charts.spread import row_heights as spread_row_heights
from .charts.spread import top_height as spread_top
from .charts.text_fit import Drawn, draw_line, draw_wrapped, paginate, sized, widest_word, wrap
from .document import Document
from .i18n import language, ngettext, tr

VIEWS = ("ranking", "disagreement", "criterion")
NEUTRAL = 5  # the digit a criterion counts as before its participant has voted on it
BG, FG, DIM, ACCENT = "#000000", "#ffffff", "#c8c8c8", "#ffd43b"
STRIPE = "#1c1c1c"  # every other ranking row, to follow a row across the screen (DIM on it: 10:1)


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
        self.drawn: list[Drawn] = []  # every line of text the last paint drew (what reached the screen)
        self._page: dict[str, int] = {}  # view → page shown, when a view needs more than one
        self._page_count = 1
        self._follow = True  # the disagreement view turns to the page of the criterion under discussion
        self._body_bottom = 0.0
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
        elif key in (K.Key_PageDown, K.Key_PageUp):  # a presenter's clicker sends these
            self._turn(1 if key == K.Key_PageDown else -1)
        elif key in (K.Key_Right, K.Key_Down, K.Key_Left, K.Key_Up):
            self._follow = True
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
            if not self.doc.apply(
                SetWeights(points_from_global(ev, leaf), pid, True, "projector"), reason=how
            ):
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

    # -- pages --------------------------------------------------------------------------------------------
    def page_count(self) -> int:
        """How many pages the view on screen needed when it was last painted (1: everything on one)."""
        return self._page_count

    def page_index(self) -> int:
        return min(self._page.get(self.view, 0), self._page_count - 1)

    def _turn(self, step: int) -> None:
        self._page[self.view] = (self.page_index() + step) % max(1, self._page_count)
        self._follow = False

    # -- painting -----------------------------------------------------------------------------------------
    def _font(self, px: float, bold: bool = False) -> QFont:
        return sized(self.font(), max(min_px(self.height()), px), bold)

    def _fm(self, px: float, bold: bool = False) -> QFontMetricsF:
        return QFontMetricsF(self._font(px, bold))

    def paintEvent(self, _e: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self.drawn = []
        self._page_count = 1
        self._note = ""  # what the view could not fit, said at the bottom right
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(BG))
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        w, h = self.width(), self.height()
        margin = h * 0.04
        ev = self.doc.evaluation
        lang = language()
        help_px = h / 40
        help_h = self._fm(help_px).lineSpacing()
        self._body_bottom = h - margin - help_h * 1.4
        try:
            getattr(self, f"_paint_{self.view}")(p, ev, lang)
        except InputError as exc:
            top = self._title(p, tr("Cannot show this"))
            p.setFont(self._font(h / 24))
            p.setPen(QColor(FG))
            draw_wrapped(
                p, QRectF(margin, top, w - 2 * margin, h), Qt.AlignmentFlag.AlignLeft, exc.line(), self.drawn
            )
        # the key help at the bottom, the page on the right
        p.setFont(self._font(help_px))
        p.setPen(QColor(DIM))
        line = QRectF(margin, h - margin - help_h, w - 2 * margin, help_h)
        page = self._note
        if self._page_count > 1:
            page = tr("Page {value} of {page_count} · PgDn").format(value=self.page_index() + 1, page_count=self._page_count)  # fmt: skip
            page = f"{self._note} · {page}" if self._note else page
        if page:
            p.setPen(QColor(ACCENT))
            draw_line(p, line, Qt.AlignmentFlag.AlignRight, page, self.drawn)
            p.setPen(QColor(DIM))
        room = line.width() - (self._fm(help_px).horizontalAdvance(page) + help_h if page else 0)
        draw_wrapped(p, QRectF(line.left(), line.top(), room, help_h), Qt.AlignmentFlag.AlignLeft, key_help(),
                     self.drawn)  # fmt: skip
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
                out = [n for n, _ in excluded(ev, lang)]
                return (
                    tr("Ranking with the group weights: ")
                    + "; ".join(f"{rk.group[i]}. {rk.names[i]}" for i in order)
                    + "."
                    + (tr(" Excluded: ") + "; ".join(out) + "." if out else "")
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

    def _title(self, p: QPainter, title: str, subtitle: str = "") -> float:
        """The title (shrunk to one line if it can be, else wrapped at words) and a subtitle; returns where
        the body starts."""
        w, h = self.width(), self.height()
        margin = h * 0.04
        width = w - 2 * margin
        px = h / 16
        while px > h / 22 and self._fm(px, True).horizontalAdvance(title) > width:
            px -= 1
        p.setPen(QColor(FG))
        p.setFont(self._font(px, bold=True))
        y = margin + draw_wrapped(
            p, QRectF(margin, margin, width, h), Qt.AlignmentFlag.AlignLeft, title, self.drawn
        )
        if subtitle:
            p.setFont(self._font(h / 40))
            p.setPen(QColor(DIM))
            y += draw_wrapped(
                p, QRectF(margin, y, width, h), Qt.AlignmentFlag.AlignLeft, subtitle, self.drawn
            )
        return y + h * 0.02

    def _body(self, top: float) -> QRectF:
        margin = self.height() * 0.04
        return QRectF(margin, top, self.width() - 2 * margin, self._body_bottom - top)

    def _paint_ranking(self, p: QPainter, ev: Evaluation, lang: str) -> None:
        rk = rankings(ev)
        gw = group_weights(ev)
        order = sorted(range(len(rk.alternatives)), key=lambda i: (rk.group[i], i))
        out = excluded(ev, lang)
        voters = list(rk.participants)
        labels = [participant_label(ev, v, lang) for v in voters]
        span = ""
        if ev.anonymous and labels:  # "Deelnemer 1", "Deelnemer 2", …: one "Deelnemer" over columns 1, 2, …
            span = labels[0].rsplit(" ", 1)[0]
            labels = [lb.rsplit(" ", 1)[-1] for lb in labels]
        subtitle = tr("Group weights: {name}").format(name=gw.name(lang))
        top = self._title(p, tr("Ranking"), subtitle)
        body = self._body(top)
        h = self.height()
        names = [(rk.names[i], rk.group[i] == 1) for i in order] + [
            (n, False) for n, _ in out
        ]  # (name, bold)
        gone = tr("excluded")
        lay = None
        for px in range(round(h / 20), min_px(h) - 1, -1):
            lay = self._ranking_layout(body, px, labels, span, names, gone)
            if lay.fits:
                break
        assert lay is not None
        shown = lay.voters
        if shown < len(voters):
            self._note = ngettext("{shown} of {n_voters} participant shown", "{shown} of {n_voters} participants shown",
                                  len(voters)).format(shown=shown, n_voters=len(voters))  # fmt: skip
        rows = [(f"{rk.group[i]}.", rk.names[i], [rk.group[i], *(rk.participants[v][i] for v in voters[:shown])],
                 rk.group[i] == 1) for i in order]  # fmt: skip
        rows += [("–", n, None, False) for n, _ in out]
        pages = paginate(lay.heights, body.height() - lay.head_h)
        self._page_count = len(pages)
        page = pages[self.page_index()]
        # header: "Groep", then the participants (under one "Deelnemer" when anonymous)
        px, gap = lay.px, lay.px * 0.8
        x_cols = body.left() + body.width() - sum(lay.cols)
        p.setPen(QColor(DIM))
        p.setFont(self._font(lay.head_px, bold=True))
        hfm = self._fm(lay.head_px, True)
        y0 = body.top()
        if span and shown:
            left = x_cols + lay.cols[0]
            draw_line(p, QRectF(left, y0, sum(lay.cols[1:]), hfm.lineSpacing()), Qt.AlignmentFlag.AlignHCenter,
                      span, self.drawn)  # fmt: skip
            y0 += hfm.lineSpacing()
        x = x_cols
        for k, head in enumerate([tr("Group"), *labels[:shown]]):
            cell = QRectF(x + gap / 4, y0, lay.cols[k] - gap / 2, body.top() + lay.head_h - y0)
            draw_wrapped(
                p, cell, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, head, self.drawn
            )
            x += lay.cols[k]
        y = body.top() + lay.head_h
        for n, r in enumerate(page):
            rank, name, cells, first = rows[r]
            row_h = lay.heights[r]
            if n % 2 == 1:
                p.fillRect(QRectF(body.left(), y, body.width(), row_h), QColor(STRIPE))
            inner = QRectF(body.left(), y + px * 0.175, body.width(), row_h - px * 0.35)
            p.setPen(QColor(ACCENT if first else FG if cells is not None else DIM))
            p.setFont(self._font(px, bold=first))
            draw_line(p, QRectF(inner.left(), inner.top(), lay.rank_w, self._fm(px).lineSpacing()),
                      Qt.AlignmentFlag.AlignLeft, rank, self.drawn)  # fmt: skip
            draw_wrapped(p, QRectF(inner.left() + lay.rank_w, inner.top(), lay.name_w, inner.height()),
                         Qt.AlignmentFlag.AlignLeft, name, self.drawn)  # fmt: skip
            p.setFont(self._font(px))
            line = QRectF(x_cols, inner.top(), sum(lay.cols), self._fm(px).lineSpacing())
            if cells is None:
                p.setPen(QColor(DIM))
                draw_line(p, line, Qt.AlignmentFlag.AlignHCenter, gone, self.drawn)
            else:
                x = x_cols
                for k, c in enumerate(cells):
                    p.setPen(QColor(FG if k == 0 else DIM))
                    draw_line(p, QRectF(x, line.top(), lay.cols[k], line.height()), Qt.AlignmentFlag.AlignHCenter,
                              str(c), self.drawn)  # fmt: skip
                    x += lay.cols[k]
            y += row_h

    def _ranking_layout(
        self, body: QRectF, px: int, labels: list[str], span: str, names: list[tuple[str, bool]], gone: str
    ) -> _RankingLayout:
        """Column widths and row heights at body type ``px``: every column as wide as its widest word (so
        headers never run together), names wrapped in what is left."""
        head_px = max(min_px(self.height()), round(px * 0.8))
        hfm, fm, bfm = self._fm(head_px, True), self._fm(px), self._fm(px, True)
        gap = px * 0.8
        number = fm.horizontalAdvance("99")
        group_w = max(widest_word(hfm, [tr("Group")]), number) + gap
        cols = [group_w] + [max(widest_word(hfm, [lb]), number) + gap for lb in labels]
        if span and len(cols) > 1:  # the spanning header must fit over its columns
            need = hfm.horizontalAdvance(span) + gap
            if sum(cols[1:]) < need:
                cols[1:] = [need / (len(cols) - 1)] * (len(cols) - 1)
        cols[0] = max(cols[0], fm.horizontalAdvance(gone) + gap - sum(cols[1:]))
        shown = len(labels)
        while shown and sum(cols[: shown + 1]) > body.width() * 0.55:
            shown -= 1
        cols = cols[: shown + 1]
        rank_w = bfm.horizontalAdvance("99.") + px * 0.5
        name_w = body.width() - sum(cols) - rank_w - gap / 2
        lines = max((len(wrap(hfm, lb, c - gap / 2)) for lb, c in zip(labels[:shown], cols[1:], strict=True)),
                    default=1)  # fmt: skip
        head_h = (hfm.lineSpacing() if span and shown else 0) + max(1, lines) * hfm.lineSpacing() + px * 0.3
        heights = [len(wrap(bfm if b else fm, n, name_w)) * bfm.lineSpacing() + px * 0.35 for n, b in names]
        fits = head_h + sum(heights) <= body.height() and widest_word(bfm, [n for n, _ in names]) <= name_w
        return _RankingLayout(px, head_px, cols, shown, rank_w, name_w, head_h, heights, fits)

    def _paint_disagreement(self, p: QPainter, ev: Evaluation, lang: str) -> None:
        top = self._title(
            p,
            tr("Where we disagree"),
            disagreement_name(lang)[:1].upper()
            + disagreement_name(lang)[1:]
            + tr(" · ◆ group · ● participant · box: middle half"),  # fmt: skip
        )
        body = self._body(top)
        h = self.height()
        rows = spread_rows(ev, lang)
        if not rows:
            p.setFont(self._font(h / 22))
            p.setPen(QColor(FG))
            draw_wrapped(p, body, Qt.AlignmentFlag.AlignLeft, tr("Nobody has voted yet."),
                         self.drawn)  # fmt: skip
            return
        font, label_w, heights = None, 0.0, []
        for px in range(round(h / 24), min_px(h) - 1, -1):
            font = self._font(px)
            label_w = spread_label_width(rows, font, body.width())
            heights = spread_row_heights(rows, font, label_w, self.position())
            if spread_top(font) + sum(heights) <= body.height():
                break
        assert font is not None
        pages = paginate(heights, body.height() - spread_top(font))
        self._page_count = len(pages)
        highlight = self.position()
        if self._follow:
            self._page[self.view] = next(
                k for k, pg in enumerate(pages) if highlight in pg or k == len(pages) - 1
            )
        page = pages[self.page_index()]
        axis = max(max((max(r.values, default=0), r.group) for r in rows))
        used = spread_top(font) + sum(heights[i] for i in page)
        paint_spread(p, QRectF(body.left(), body.top(), body.width(), min(body.height(), used * 1.3)),
                     [rows[i] for i in page], font, DARK, highlight=highlight - page[0], log=self.drawn,
                     axis_max=axis, label_w=label_w)  # fmt: skip

    def _paint_criterion(self, p: QPainter, ev: Evaluation, lang: str) -> None:
        cid = self.current_criterion()
        if cid is None:
            self._title(p, tr("No criteria"))
            return
        c = ev.criterion(cid)
        agenda = self.agenda()
        top = self._title(
            p,
            f"{c.id}  {text(c.name, lang)}",
            f"{text(ev.area(c.area).name, lang)} · {self.position() + 1}/{len(agenda)}",
        )
        body = self._body(top)
        h = self.height()
        p.setPen(QColor(FG))
        desc = text(c.description, lang)
        px = h / 26
        while (
            px > min_px(h)
            and len(wrap(self._fm(px), desc, body.width())) * self._fm(px).lineSpacing()
            > body.height() * 0.34
        ):
            px -= 1
        p.setFont(self._font(px))
        y = body.top() + draw_wrapped(p, QRectF(body.left(), body.top(), body.width(), body.height() * 0.34),
                                      Qt.AlignmentFlag.AlignLeft, desc, self.drawn)  # fmt: skip
        y += h * 0.03
        everyone = all(cid in self.votes.get(q.id, {}) for q in ev.participants) and ev.participants
        pid = self.voter()
        p.setFont(self._font(h / 22, bold=True))
        p.setPen(QColor(ACCENT))
        if pid is not None:
            line = tr("Vote now: {participant_label} — press 0 … 9").format(participant_label=participant_label(ev, pid, lang))  # fmt: skip
        else:
            line = tr("Everyone has voted on this criterion")
        y += draw_wrapped(p, QRectF(body.left(), y, body.width(), body.height()), Qt.AlignmentFlag.AlignLeft, line,
                          self.drawn)  # fmt: skip
        y += h * 0.03
        # the participants: a column each, as many to a row as their names allow
        people = [participant_label(ev, q.id, lang) for q in ev.participants]
        n = max(1, len(people))
        label_px = h / 32
        per_row = n
        while True:
            fm = self._fm(label_px)
            need = widest_word(fm, people) + label_px
            per_row = max(1, min(n, int(body.width() // max(need, 1.0))))
            if per_row == n or label_px <= min_px(h):
                break
            label_px -= 1
        col = min(body.width() / per_row, h * 0.3)
        mark_px = h / 12 if per_row == n else h / 16
        label_h = (
            max(len(wrap(self._fm(label_px), lb, col - label_px)) for lb in people)
            * self._fm(label_px).lineSpacing()
            if people
            else 0
        )
        for k, q in enumerate(ev.participants):
            row, pos = divmod(k, per_row)
            cell_top = y + row * (label_h + self._fm(mark_px, True).lineSpacing())
            r = QRectF(body.left() + pos * col + label_px / 2, cell_top, col - label_px, label_h)
            p.setFont(self._font(label_px))
            p.setPen(QColor(DIM))
            draw_wrapped(p, r, Qt.AlignmentFlag.AlignHCenter, people[k], self.drawn)
            voted = cid in self.votes.get(q.id, {})
            mark = str(self.votes[q.id][cid]) if everyone else ("●" if voted else "○")
            p.setFont(self._font(mark_px, bold=True))
            p.setPen(QColor(FG if voted else DIM))
            draw_line(p, QRectF(r.left(), r.bottom(), r.width(), self._fm(mark_px, True).lineSpacing()),
                      Qt.AlignmentFlag.AlignHCenter, mark, self.drawn)  # fmt: skip


@dataclass(frozen=True)
class _RankingLayout:
    px: int
    head_px: int
    cols: list[float]  # the group's column, then a column per participant shown
    voters: int  # how many participants' columns fit
    rank_w: float
    name_w: float
    head_h: float
    heights: list[float]  # per row: ranked alternatives, then the excluded
    fits: bool  # everything on one page at this size


def min_px(height: int) -> int:
    """The smallest type on the projector: 18 px, more on a taller screen (27 px at 1080), read at the back."""
    return max(18, round(height / 40))


def excluded(ev: Evaluation, lang: str) -> list[tuple[str, str]]:
    """Alternatives that fall out of the ranking (below a minimum), with why, in the evaluation's order."""
    out = build_problem(ev).excluded
    return [
        (a.name, "; ".join(e.describe(ev, lang) for e in out[a.id])) for a in ev.alternatives if a.id in out
    ]


def key_help() -> str:
    return tr("Tab: next view · ←/→: criterion · 0–9: vote · PgDn/PgUp: page · Esc: leave")


def open_projector(doc: Document, previous: ProjectorWindow | None = None) -> ProjectorWindow:
    """Projector mode on ``doc``, full screen and ready for keys; closes a previous one first."""
    if previous is not None:
        previous.close()
        previous.deleteLater()
    window = ProjectorWindow(doc)
    window.showFullScreen()
    window.setFocus()
    return window
