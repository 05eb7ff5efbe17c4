"""The workshop page: participants, a voting round, and — once everyone has voted — where the group disagrees.

A round: the facilitator starts it (after a question, one undoable change clears every participant's
weights), then each participant in turn sets importance points 0–100 per criterion with sliders and submits
(one ``SetWeights`` for that participant). The sliders start at 50 for everyone, so nobody sees anyone else's weights; the group
weights, the disagreement chart and the personal rankings stay hidden until every participant has voted.
Names become "Deelnemer N" when the evaluation is anonymous. All computation is :mod:`evaluator.workshop`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator.changes import AGGREGATIONS, AddParticipant, SetSetting, SetWeights
from evaluator.errors import InputError
from evaluator.io.bare import slug
from evaluator.model import Evaluation, Participant, text
from evaluator.summary import summarize
from evaluator.weighting import points_from_global
from evaluator.workshop import (
    adopt_group_weights,
    aggregation_name,
    disagreement_name,
    group_weights,
    new_round,
    not_voted,
    participant_label,
    rankings,
)

from .ask import confirm, undo_hint
from .charts.spread import SpreadChart, spread_description, spread_rows
from .document import Document
from .i18n import language, ngettext, percent, signals, tr
from .voting_panel import VotingPanel
from .widgets.heading import Heading

START_POINTS = 50


class WorkshopView(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self._shown = doc.evaluation  # what the page shows: a change is compared with it
        self.projector = None
        self.heading = Heading()
        self.aggregation = QComboBox()
        # as wide as its longest name in the language shown (the names are set after the items are added)
        self.aggregation.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for agg in AGGREGATIONS:
            self.aggregation.addItem("", agg)
        self.aggregation.activated.connect(self._aggregation_chosen)
        self.anonymous = QCheckBox()
        self.anonymous.clicked.connect(lambda on: self.doc.apply(SetSetting("anonymous", bool(on))))
        self.round_button = QPushButton()
        self.round_button.clicked.connect(self.start_round)
        self.adopt_button = QPushButton()
        self.adopt_button.clicked.connect(self.adopt)
        self.projector_button = QPushButton()
        self.projector_button.clicked.connect(self.show_projector)
        bar = QHBoxLayout()
        self.aggregation_label = QLabel()
        self.aggregation_label.setBuddy(self.aggregation)
        for w in (self.aggregation_label, self.aggregation, self.anonymous):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.round_button, self.adopt_button, self.projector_button):
            bar.addWidget(w)

        # participants and adding one
        self.people_box = QGroupBox()
        self.people = QListWidget()
        self.people.setMaximumHeight(self.people.fontMetrics().height() * 9)
        self.new_name = QLineEdit()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_participant)
        self.new_name.returnPressed.connect(self.add_participant)
        pl = QVBoxLayout(self.people_box)
        pl.addWidget(self.people)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        pl.addLayout(row)

        # the vote of the participant whose turn it is
        self.vote_box = QGroupBox()
        self.voter = QComboBox()
        self.sliders: dict[str, QSlider] = {}
        self.slider_labels: dict[str, QLabel] = {}
        self.slider_values: dict[str, QLabel] = {}
        self.grid = QGridLayout()
        self.submit = QPushButton()
        self.submit.clicked.connect(self.submit_vote)
        vl = QVBoxLayout(self.vote_box)
        self.voter_label = QLabel()
        self.voter_label.setBuddy(self.voter)
        vr = QHBoxLayout()
        vr.addWidget(self.voter_label)
        vr.addWidget(self.voter, 1)
        vl.addLayout(vr)
        vl.addLayout(self.grid)
        vl.addWidget(self.submit)
        vl.addStretch(1)

        # or every participant votes from their own phone or laptop over the room's network
        self.voting = VotingPanel(doc)

        left = QVBoxLayout()
        left.addWidget(self.people_box)
        left.addWidget(self.vote_box)
        left.addStretch(1)

        # results, hidden until everyone has voted
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.results = QWidget()
        self.group_label = QLabel()
        self.group_label.setWordWrap(True)
        self.chart = SpreadChart()
        self.chart_label = QLabel()
        self.chart_label.setWordWrap(True)
        self.ranks = QTableWidget()
        self.ranks.setTabKeyNavigation(False)  # Tab moves on to the next field, not the next cell
        self.ranks.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._results_layout = rl = QVBoxLayout(self.results)
        rl.setContentsMargins(0, 0, 0, 0)
        for w in (self.group_label, self.chart_label, self.chart, self.ranks):
            rl.addWidget(w)
        rl.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.status)
        right.addWidget(self.results, 1)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        inner = QWidget()
        self._inner_layout = lay = QVBoxLayout(inner)
        lay.addWidget(self.heading)
        lay.addLayout(bar)
        lay.addLayout(body, 1)
        lay.addWidget(self.voting)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        doc.changed.connect(self._changed)
        signals.language_changed.connect(self._language_changed)
        self._criteria: tuple[str, ...] = ()
        self.retranslate()

    def _changed(self, ev: Evaluation) -> None:
        touched = summarize(self._shown, ev)
        self._shown = ev
        if touched.workshop or touched.ranking:
            self.refresh()

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(tr("Workshop"))
        self.scroll.setAccessibleName(self.heading.text())
        self.chart.setAccessibleName(tr("Disagreement chart"))
        self.ranks.setAccessibleName(tr("Ranking per participant"))
        self.aggregation_label.setText(tr("Group weights:"))
        self.anonymous.setText(tr("Anonymous"))
        self.round_button.setText(tr("New round"))
        self.adopt_button.setText(tr("Adopt group weights"))
        self.projector_button.setText(tr("Projector (F5)"))
        self.people_box.setTitle(tr("Participants"))
        self.new_name.setPlaceholderText(tr("Name of a new participant"))
        self.add_button.setText(tr("Add"))
        self.vote_box.setTitle(tr("Vote: importance 0–100 per criterion"))
        self.voter_label.setText(tr("Whose turn:"))
        self.submit.setText(tr("Submit vote"))
        self.refresh()

    # -- state --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ev = self.doc.evaluation
        lang = language()
        for i in range(self.aggregation.count()):
            self.aggregation.setItemText(i, aggregation_name(self.aggregation.itemData(i), lang))
        self.aggregation.setCurrentIndex(max(0, self.aggregation.findData(ev.aggregation)))
        self.anonymous.setChecked(ev.anonymous)
        waiting = set(not_voted(ev))
        self.people.clear()
        for p in ev.participants:
            mark = tr("not voted yet") if p.id in waiting else tr("voted")
            who = participant_label(ev, p.id, lang)
            org = "" if ev.anonymous or not p.organisation else f" ({p.organisation})"
            self.people.addItem(f"{'○' if p.id in waiting else '●'}  {who}{org} — {mark}")
        current = self.voter.currentData()
        self.voter.clear()
        for p in ev.participants:
            self.voter.addItem(participant_label(ev, p.id, lang), p.id)
        pick = (
            current if current in waiting else next((p.id for p in ev.participants if p.id in waiting), None)
        )
        if pick is not None:
            self.voter.setCurrentIndex(self.voter.findData(pick))
        self._build_sliders(ev, lang)
        self.vote_box.setEnabled(bool(ev.participants))
        self._show_results(ev, lang, waiting)
        self._results_layout.activate()  # the chart's height follows its rows now, not on the next event
        self._inner_layout.activate()

    def _build_sliders(self, ev: Evaluation, lang: str) -> None:
        ids = tuple(c.id for c in ev.criteria)
        if ids != self._criteria:
            while self.grid.count():
                w = self.grid.takeAt(0).widget()
                if w is not None:
                    w.deleteLater()
            self.sliders.clear()
            self.slider_labels.clear()
            self.slider_values.clear()
            for row, c in enumerate(ev.criteria):
                label, slider, value = QLabel(), QSlider(Qt.Orientation.Horizontal), QLabel()
                slider.setRange(0, 100)
                slider.setPageStep(10)
                slider.setValue(START_POINTS)
                slider.setMinimumWidth(140)
                value.setMinimumWidth(value.fontMetrics().horizontalAdvance("100") + 6)
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                value.setText(str(START_POINTS))
                slider.valueChanged.connect(lambda v, lab=value: lab.setText(str(v)))
                label.setBuddy(slider)
                self.grid.addWidget(label, row, 0)
                self.grid.addWidget(slider, row, 1)
                self.grid.addWidget(value, row, 2)
                self.sliders[c.id], self.slider_labels[c.id], self.slider_values[c.id] = slider, label, value
            self._criteria = ids
        for c in ev.criteria:
            self.slider_labels[c.id].setText(f"{c.id} {text(c.name, lang)}")

    def _show_results(self, ev: Evaluation, lang: str, waiting: set[str]) -> None:
        voted = len(ev.participants) - len(waiting)
        everyone = bool(ev.participants) and not waiting
        self.results.setVisible(everyone)
        self.adopt_button.setEnabled(everyone)
        if not ev.participants:
            self.status.setText(tr("Add the participants to start a round."))
            return
        if not everyone:
            self.status.setText(
                ngettext(
                    "{voted} of {n_participants} has voted. The results stay hidden until everyone has voted.",
                    "{voted} of {n_participants} have voted. The results stay hidden until everyone has voted.",
                    voted,
                ).format(voted=voted, n_participants=len(ev.participants))
            )
            return
        self.status.setText(tr("Everyone has voted."))
        try:
            gw = group_weights(ev)
            rows = spread_rows(ev, lang)
            rk = rankings(ev)
        except InputError as exc:
            self.status.setText(exc.line())
            self.results.setVisible(False)
            return
        self.group_label.setText(
            tr("Group weights: ")
            + gw.name(lang)
            + " — "
            + ", ".join(f"{c} {percent(gw.group[c])}" for c in gw.criteria)
        )
        self.chart_label.setText(
            tr("Disagreement, most first: ")
            + disagreement_name(lang)
            + tr(". Box: middle half; dots: participants; diamond: group.")  # fmt: skip
        )
        self.chart.set_rows(rows)
        self.chart.setAccessibleDescription(spread_description(rows, lang))
        voters = list(rk.participants)
        self.ranks.clear()
        self.ranks.setRowCount(len(rk.alternatives))
        self.ranks.setColumnCount(2 + len(voters))
        self.ranks.setHorizontalHeaderLabels(
            [
                tr("Alternative"),
                tr("Group"),
                *(participant_label(ev, v, lang) for v in voters),
            ]
        )
        order = sorted(range(len(rk.alternatives)), key=lambda i: (rk.group[i], i))
        for r, i in enumerate(order):
            cells = [rk.names[i], str(rk.group[i]), *(str(rk.participants[v][i]) for v in voters)]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.ranks.setItem(r, c, item)
        self.ranks.resizeColumnsToContents()
        header = self.ranks.horizontalHeader().height()
        self.ranks.setFixedHeight(
            header + sum(self.ranks.rowHeight(r) for r in range(self.ranks.rowCount())) + 4
        )

    # -- actions ------------------------------------------------------------------------------------------
    def _aggregation_chosen(self, index: int) -> None:
        agg = self.aggregation.itemData(index)
        if agg != self.doc.evaluation.aggregation:
            self.doc.apply(SetSetting("aggregation", agg))

    def add_participant(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            return
        ev = self.doc.evaluation
        pid = slug(name, {p.id for p in ev.participants})
        if self.doc.apply(AddParticipant(Participant(pid, name))):
            self.new_name.clear()

    def start_round(self) -> None:
        """Clear every participant's weights for a fresh round, after a question when anyone has voted."""
        n = len(self.doc.evaluation.participant_weights)
        if n and not confirm(
            self,
            tr("Start a new round?"),
            ngettext(
                "The vote of {n} participant is cleared. ", "The votes of {n} participants are cleared. ", n
            ).format(n=n)
            + undo_hint(),
            tr("Clear the votes"),
        ):
            return
        self.doc.apply(new_round(self.doc.evaluation, tr("New round")))

    def submit_vote(self) -> bool:
        """Store the sliders as the current voter's weights, reset them, and move to the next voter."""
        ev = self.doc.evaluation
        pid = self.voter.currentData()
        if pid is None:
            return False
        leaf = {cid: float(s.value()) for cid, s in self.sliders.items()}
        total = sum(leaf.values())
        if total <= 0:
            self.doc.failed.emit(tr("Give at least one criterion some weight."))
            return False
        ok = self.doc.apply(
            SetWeights(points_from_global(ev, {k: v / total for k, v in leaf.items()}), pid, True, "sliders"),
            reason=tr("workshop vote (sliders)"),
        )
        if ok:
            for s in self.sliders.values():
                s.setValue(START_POINTS)  # the next participant must not see this vote
        return ok

    def adopt(self) -> None:
        try:
            self.doc.apply(adopt_group_weights(self.doc.evaluation))
        except InputError as exc:
            self.doc.failed.emit(exc.line())

    def show_projector(self) -> None:
        from .projector import open_projector

        self.projector = open_projector(self.doc, self.projector)
