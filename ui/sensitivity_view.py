"""The robustness page: how sure is the ranking? Rank acceptability, weight stability, method agreement.

Run starts one worker (QThreadPool): first the SMAA rank acceptability (:func:`evaluator.sensitivity.acceptability`,
reporting progress per chunk and stopping between chunks when Cancel sets its flag), then the stability intervals,
then method agreement and the rank-reversal checks (scikit-criteria, imported in the worker, never on the GUI
thread). The window stays responsive throughout. A stored change marks the result out of date; the user reruns.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator import settings as ev_settings
from evaluator.changes import Batch, SetSetting
from evaluator.fastengine import FAST_METHODS
from evaluator.model import Evaluation, text
from evaluator.robustness import Settings
from evaluator.summary import summarize

from .charts.acceptability import AcceptabilityChart, AcceptabilityRow
from .compare_model import method_name, short_name
from .document import Document
from .i18n import language, locale, number, percent, signals, tr
from .style import HEADING, SUBHEADING, scaled_font

PROGRESS_STEPS = 1000
VERDICT_SCALE = 1.45
AROUND_PARTICIPANTS = (
    "around-participants"  # the weights box's third choice: around, with the participants' spread
)


@dataclass(frozen=True)
class Outcome:
    """Everything one run produced, for the evaluation it ran on."""

    ev: Evaluation
    settings: Settings
    acc: object  # evaluator.sensitivity.Acceptability
    stability: list
    agreement: object | None  # evaluator.agreement.MethodAgreement
    reversal: dict[str, list[str]]  # lang → sentences
    problem: str = ""  # why agreement/reversal are missing, if they are


class _Signals(QObject):
    progress = Signal(int, int, int)  # run, done, total
    phase = Signal(int, str)  # run, "acceptability" | "agreement"
    finished = Signal(int, object)  # run, Outcome
    cancelled = Signal(int, int, int)  # run, done, total
    failed = Signal(int, str)


class _Run(QRunnable):
    """One robustness run off the GUI thread; ``cancel`` (a threading.Event) stops it between chunks."""

    def __init__(self, run_id: int, ev: Evaluation, settings: Settings):
        super().__init__()
        self.run_id, self.ev, self.settings = run_id, ev, settings
        self.cancel = threading.Event()
        self.signals = _Signals()
        self.done = 0

    def _progress(self, done: int, total: int) -> None:
        self.done = done
        self.signals.progress.emit(self.run_id, done, total)

    def run(self) -> None:
        from evaluator.errors import InputError
        from evaluator.robustness import run as robustness_run
        from evaluator.sensitivity import Cancelled

        s = self.settings
        try:
            self.signals.phase.emit(self.run_id, "acceptability")
            result = robustness_run(self.ev, s, self._progress, self.cancel)
            acc, stability = result.acceptability, result.stability
            if self.cancel.is_set():
                raise Cancelled("cancelled")
            self.signals.phase.emit(self.run_id, "agreement")
            agreement, reversal, problem = None, {}, ""
            try:
                from evaluator.agreement import method_agreement, rank_reversal

                agreement = method_agreement(self.ev, FAST_METHODS)
                for lang in ("nl", "en"):
                    if self.cancel.is_set():
                        raise Cancelled("cancelled")
                    reversal[lang] = rank_reversal(self.ev, s.method, lang)
            except InputError as exc:
                problem = str(exc)
            self.signals.finished.emit(
                self.run_id, Outcome(self.ev, s, acc, stability, agreement, reversal, problem)
            )
        except Cancelled:
            self.signals.cancelled.emit(self.run_id, self.done, s.samples)
        except Exception as exc:  # noqa: BLE001 - a worker must report, never die silently
            self.signals.failed.emit(self.run_id, str(exc))


def stability_order(stability: list) -> list:
    """The criteria closest to an edge that changes first place first (no edge: last, by weight)."""

    def room(s: object) -> float:
        d = [s.weight - s.low if s.low > 0 else math.inf, s.high - s.weight if s.high < 1 else math.inf]
        return min(d)

    return sorted(stability, key=lambda s: (room(s), -s.weight))


class SensitivityView(QWidget):
    """Controls, a Run/Cancel pair with progress, and the results: verdict, chart, stability, agreement."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.outcome: Outcome | None = None
        self.stale = False
        self._run: _Run | None = None
        self._run_id = 0
        self._state = "idle"  # idle | running | agreement | cancelled | failed | done
        self._state_detail: tuple = ()
        self._pool = QThreadPool.globalInstance()

        self.title = QLabel()
        self.title.setFont(scaled_font(HEADING, bold=True))

        # -- controls ---------------------------------------------------------------------------------------
        # The controls show the evaluation's robustness settings and change them through the change path, so the
        # page, `afweging sensitivity FILE` and the memo run the same analysis.
        self.method_label, self.method_box = QLabel(), QComboBox()
        for m in FAST_METHODS:
            self.method_box.addItem("", m)
        self.weights_label, self.weights_box = QLabel(), QComboBox()
        for mode in ("uniform", "around", AROUND_PARTICIPANTS):
            self.weights_box.addItem("", mode)
        self.spread_label, self.spread_box = QLabel(), QDoubleSpinBox()
        spread = ev_settings.ALL["robustness.spread"]
        self.spread_box.setRange(1, spread.high * 100)
        self.spread_box.setDecimals(0)
        self.spread_box.setSingleStep(5)
        self.spread_box.setSuffix(" %")
        self.scores_label, self.scores_box = QLabel(), QComboBox()
        self.scores_box.addItem("", "fixed")
        self.scores_box.addItem("", "ranges")
        self.samples_label, self.samples_box = QLabel(), QSpinBox()
        samples = ev_settings.ALL["robustness.samples"]
        self.samples_box.setRange(int(max(100, samples.low)), int(samples.high))
        self.samples_box.setSingleStep(10_000)
        self.samples_box.setGroupSeparatorShown(True)
        self.seed_label, self.seed_box = QLabel(), QSpinBox()
        self.seed_box.setRange(0, int(ev_settings.ALL["robustness.seed"].high))
        self._show_settings(doc.evaluation)
        for label, box in (
            (self.method_label, self.method_box),
            (self.weights_label, self.weights_box),
            (self.spread_label, self.spread_box),
            (self.scores_label, self.scores_box),
            (self.samples_label, self.samples_box),
            (self.seed_label, self.seed_box),
        ):
            label.setBuddy(box)
        self.weights_box.currentIndexChanged.connect(self._weights_mode_changed)
        for box in (self.method_box, self.weights_box, self.scores_box):
            box.activated.connect(self._store_settings)
        for spin in (self.spread_box, self.samples_box, self.seed_box):
            spin.editingFinished.connect(self._store_settings)
        self.run_button = QPushButton()
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setFont(scaled_font(1.1))

        controls = QGridLayout()
        pairs = [
            (self.method_label, self.method_box),
            (self.weights_label, self.weights_box),
            (self.spread_label, self.spread_box),
            (self.scores_label, self.scores_box),
            (self.samples_label, self.samples_box),
            (self.seed_label, self.seed_box),
        ]
        for i, (label, box) in enumerate(pairs):
            controls.addWidget(label, 0, i)
            controls.addWidget(box, 1, i)
        for i in range(len(pairs)):
            controls.setColumnStretch(i, 1)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.progress, 1)

        # -- results ----------------------------------------------------------------------------------------
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setFont(scaled_font(VERDICT_SCALE, bold=True))
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.stale_label.setFont(scaled_font(1.15, bold=True))
        self.stale_label.setStyleSheet("QLabel { background: #fff3bf; color: #000000; padding: 6px; }")
        self.stale_label.hide()
        self.chart_title = QLabel()
        self.chart_title.setFont(scaled_font(SUBHEADING, bold=True))
        self.chart_note = QLabel()
        self.chart_note.setWordWrap(True)
        self.chart = AcceptabilityChart()
        self.stability_title = QLabel()
        self.stability_title.setFont(scaled_font(SUBHEADING, bold=True))
        self.stability_note = QLabel()
        self.stability_note.setWordWrap(True)
        self.stability_table = self._table()
        self.agreement_title = QLabel()
        self.agreement_title.setFont(scaled_font(SUBHEADING, bold=True))
        self.agreement_summary = QLabel()
        self.agreement_summary.setWordWrap(True)
        self.agreement_table = self._table()
        self.correlation_title = QLabel()
        self.correlation_table = self._table()
        self.reversal_title = QLabel()
        self.reversal_title.setFont(scaled_font(SUBHEADING, bold=True))
        self.reversal = QLabel()
        self.reversal.setWordWrap(True)
        self.reversal.setTextFormat(Qt.TextFormat.RichText)

        body = QWidget()
        col = QVBoxLayout(body)
        col.addWidget(self.verdict)
        col.addWidget(self.stale_label)
        col.addWidget(self.chart_title)
        col.addWidget(self.chart_note)
        col.addWidget(self.chart)
        lower = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.stability_title)
        left.addWidget(self.stability_note)
        left.addWidget(self.stability_table)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.agreement_title)
        right.addWidget(self.agreement_summary)
        right.addWidget(self.agreement_table)
        right.addWidget(self.correlation_title)
        right.addWidget(self.correlation_table)
        right.addWidget(self.reversal_title)
        right.addWidget(self.reversal)
        right.addStretch(1)
        lower.addLayout(left, 1)
        lower.addLayout(right, 1)
        col.addLayout(lower)
        col.addStretch(1)
        self.results = body
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addLayout(controls)
        lay.addLayout(run_row)
        lay.addWidget(self.status)
        lay.addWidget(scroll, 1)

        doc.changed.connect(self._changed)
        signals.language_changed.connect(self.retranslate)
        self.destroyed.connect(self._cancel_flag_only)
        self._weights_mode_changed()
        self.results.setVisible(False)
        self.retranslate()

    @staticmethod
    def _table() -> QTableWidget:
        t = QTableWidget()
        t.setTabKeyNavigation(False)  # Tab moves on to the next field, not the next cell
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.verticalHeader().setVisible(False)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(False)
        t.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        return t

    @staticmethod
    def _fit(t: QTableWidget, stretch: int) -> None:
        """Column ``stretch`` takes the spare width; the table is as tall as its rows (the page scrolls)."""
        t.resizeColumnsToContents()
        t.resizeRowsToContents()
        if t.columnCount() > stretch:
            t.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        rows = sum(t.rowHeight(r) for r in range(t.rowCount()))
        bar = t.horizontalScrollBar().sizeHint().height()
        t.setFixedHeight(t.horizontalHeader().sizeHint().height() + rows + 2 * t.frameWidth() + bar)

    # -- running ----------------------------------------------------------------------------------------
    def settings(self) -> Settings:
        """The evaluation's robustness settings (what a run uses; the controls show and change them)."""
        from evaluator.robustness import resolve

        return resolve(self.doc.evaluation)

    def _shown(self) -> dict[str, object]:
        """The values the controls show now, as robustness settings."""
        mode = self.weights_box.currentData()
        return {
            "method": self.method_box.currentData(),
            "weights": "uniform" if mode == "uniform" else "around",
            "spread": "participants"
            if mode == AROUND_PARTICIPANTS
            else round(self.spread_box.value()) / 100.0,
            "scores": self.scores_box.currentData(),
            "samples": int(self.samples_box.value()),
            "seed": int(self.seed_box.value()),
        }

    def _store_settings(self, *_: object) -> None:
        """Store what the controls show as the evaluation's robustness settings (one undo step, one audit entry)."""
        ev = self.doc.evaluation
        current = dict(ev.robustness)
        if not current.get("method") and self._shown()["method"] == ev.method:
            current["method"] = ev.method  # "" means the evaluation's method: showing it is no change
        changes = tuple(
            SetSetting(f"robustness.{k}", v) for k, v in self._shown().items() if current.get(k) != v
        )
        if changes:
            self.doc.apply(changes[0] if len(changes) == 1 else Batch(changes))
            self._show_settings(self.doc.evaluation)  # a refused value shows the stored one again

    def _show_settings(self, ev: Evaluation) -> None:
        r = ev.robustness
        boxes = (
            self.method_box,
            self.weights_box,
            self.spread_box,
            self.scores_box,
            self.samples_box,
            self.seed_box,
        )
        for box in boxes:
            box.blockSignals(True)
        method = r.get("method") or ev.method
        self.method_box.setCurrentIndex(max(0, self.method_box.findData(method)))
        mode = (
            AROUND_PARTICIPANTS
            if r.get("spread") == "participants" and r.get("weights") == "around"
            else r.get("weights")
        )
        self.weights_box.setCurrentIndex(max(0, self.weights_box.findData(mode)))
        if isinstance(r.get("spread"), int | float):
            self.spread_box.setValue(100 * float(r["spread"]))
        self.scores_box.setCurrentIndex(max(0, self.scores_box.findData(r.get("scores"))))
        self.samples_box.setValue(int(r.get("samples", 10_000)))
        self.seed_box.setValue(int(r.get("seed", 0)))
        for box in boxes:
            box.blockSignals(False)
        self._weights_mode_changed()

    @property
    def running(self) -> bool:
        return self._run is not None

    def run(self) -> None:
        """Start a run on the current evaluation (a run already going is cancelled first)."""
        from evaluator.errors import InputError

        self._store_settings()
        if self._run is not None:
            self._run.cancel.set()
        self._run_id += 1
        try:
            settings = self.settings()
        except InputError as exc:
            self._set_state("failed", (exc.problem,))
            return
        job = _Run(self._run_id, self.doc.evaluation, settings)
        job.signals.progress.connect(self._on_progress)
        job.signals.phase.connect(self._on_phase)
        job.signals.finished.connect(self._on_finished)
        job.signals.cancelled.connect(self._on_cancelled)
        job.signals.failed.connect(self._on_failed)
        self._run = job
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self._set_state("running", (0, job.settings.samples))
        self._pool.start(job)

    def cancel(self) -> None:
        if self._run is not None:
            self._run.cancel.set()
            self.cancel_button.setEnabled(False)

    def _cancel_flag_only(self, *_: object) -> None:
        if self._run is not None:
            self._run.cancel.set()

    def _current(self, run_id: int) -> bool:
        return self._run is not None and run_id == self._run_id

    def _on_progress(self, run_id: int, done: int, total: int) -> None:
        if self._current(run_id) and self._state == "running":
            self.progress.setValue(int(PROGRESS_STEPS * done / max(1, total)))
            self._state_detail = (done, total)
            self._show_status()

    def _on_phase(self, run_id: int, phase: str) -> None:
        if self._current(run_id) and phase == "agreement":
            self.progress.setRange(0, 0)  # busy: scikit-criteria gives no progress
            self._set_state("agreement", ())

    def _on_finished(self, run_id: int, outcome: Outcome) -> None:
        if not self._current(run_id):
            return
        self._run = None
        self.outcome = outcome
        self.stale = outcome.ev is not self.doc.evaluation
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(PROGRESS_STEPS)
        self._set_state("done", ())
        self._show_outcome()

    def _on_cancelled(self, run_id: int, done: int, total: int) -> None:
        if not self._current(run_id):
            return
        self._run = None
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self._set_state("cancelled", (done, total))

    def _on_failed(self, run_id: int, message: str) -> None:
        if not self._current(run_id):
            return
        self._run = None
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self._set_state("failed", (message,))

    def _changed(self, ev: Evaluation) -> None:
        self._show_settings(ev)
        if (
            self.outcome is not None
            and self.outcome.ev is not ev
            and summarize(self.outcome.ev, ev).robustness
        ):
            self.stale = True
            self._show_stale()

    def _weights_mode_changed(self, *_: object) -> None:
        self.spread_box.setEnabled(self.weights_box.currentData() == "around")

    # -- showing --------------------------------------------------------------------------------------------
    def _set_state(self, state: str, detail: tuple) -> None:
        self._state, self._state_detail = state, detail
        busy = state in ("running", "agreement")
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self._show_status()

    def _show_status(self) -> None:
        d = self._state_detail
        loc = locale()
        if self._state == "idle":
            s = tr("Press Run to test how sure the ranking is: thousands of plausible weightings are tried.")
        elif self._state == "running":
            s = tr("Trying weightings: {toString} of {toString2}…").format(
                toString=loc.toString(d[0]), toString2=loc.toString(d[1])
            )
        elif self._state == "agreement":
            s = tr("Comparing the methods and checking for rank reversal…")
        elif self._state == "cancelled":
            s = tr("Cancelled after {toString} of {toString2} weightings; no new result.").format(
                toString=loc.toString(d[0]), toString2=loc.toString(d[1])
            )
        elif self._state == "failed":
            s = tr("The analysis could not run: {d}").format(d=d[0])
        else:
            o = self.outcome
            s = tr("Done: {toString} weightings with {method_name}, seed {seed}.").format(
                toString=loc.toString(o.settings.samples),
                method_name=method_name(o.settings.method),
                seed=o.settings.seed,
            )
        self.status.setText(s)
        self.progress.setAccessibleDescription(s)

    def _show_stale(self) -> None:
        self.stale_label.setVisible(self.stale and self.outcome is not None)
        self.stale_label.setText(
            tr("Out of date — the evaluation changed after this run. Press Run to run again.")
        )

    def shown_acceptability(self) -> list[AcceptabilityRow]:
        """The chart's rows as shown (best first)."""
        return list(self.chart.rows)

    def _show_outcome(self) -> None:
        o = self.outcome
        self.results.setVisible(o is not None)
        self._show_stale()
        if o is None:
            return
        from evaluator.sensitivity import verdict

        lang = language()
        acc = o.acc
        self.verdict.setText(verdict(o.ev, acc, o.stability, lang))
        n = len(acc.alternatives)
        order = sorted(range(n), key=lambda i: (-acc.acceptability[i, 0], acc.expected_rank[i], i))
        self.chart.set_rows(
            [AcceptabilityRow(acc.names[i], tuple(float(x) for x in acc.acceptability[i])) for i in order],
            tr("Rank"),
        )
        self.chart.setAccessibleDescription(
            "; ".join(
                tr("{names}: first in {first}").format(names=acc.names[i], first=percent(acc.first[i]))
                for i in order
            )
        )
        self._fill_stability(o, lang)
        self._fill_agreement(o, lang)

    def _fill_stability(self, o: Outcome, lang: str) -> None:
        ev = o.ev
        rows = stability_order(o.stability)
        t = self.stability_table
        t.setColumnCount(5)
        t.setHorizontalHeaderLabels(
            [
                tr("Criterion"),
                tr("Weight now"),
                tr("Lowest"),
                tr("Highest"),
                tr("Then first"),
            ]
        )
        t.setRowCount(len(rows))
        crit_ids = {c.id for c in ev.criteria}
        alt = {a.id: a.name for a in ev.alternatives}
        for r, s in enumerate(rows):
            name = (
                f"{s.criterion} {text(ev.criterion(s.criterion).name, lang)}"
                if s.criterion in crit_ids
                else s.criterion
            )
            takers = [alt.get(x, x) for x in (s.below, s.above) if x]
            cells = [
                name,
                percent(s.weight, 1),
                percent(s.low, 1),
                percent(s.high, 1),
                ", ".join(dict.fromkeys(takers)) if takers else "—",
            ]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                elif c == 0:
                    item.setToolTip(name)  # the column may be too narrow for a long name
                t.setItem(r, c, item)
        self._fit(t, 0)
        top = alt.get(o.stability[0].top, "") if o.stability else ""
        self.stability_note.setText(
            tr(
                "How far each criterion's weight can move (the others keeping their proportions) "
                "while {top} stays first. The criteria closest to an edge come first."
            ).format(top=top)
        )

    def _fill_agreement(self, o: Outcome, lang: str) -> None:
        ag = o.agreement
        if ag is None:
            self.agreement_summary.setText(o.problem)
            self.agreement_table.setRowCount(0)
            self.correlation_table.setRowCount(0)
            self.reversal.setText("")
            return
        self.agreement_summary.setText(ag.summary(lang))
        methods = list(ag.methods)
        k = methods.index(o.settings.method) if o.settings.method in methods else 0
        order = sorted(range(len(ag.alternatives)), key=lambda i: (ag.ranks[k, i], i))
        t = self.agreement_table
        t.setColumnCount(1 + len(methods))
        t.setHorizontalHeaderLabels([tr("Alternative")] + [short_name(m) for m in methods])
        for c, m in enumerate(methods):
            t.horizontalHeaderItem(c + 1).setToolTip(method_name(m))
        t.setRowCount(len(order))
        for r, i in enumerate(order):
            t.setItem(r, 0, QTableWidgetItem(ag.names[i]))
            for c in range(len(methods)):
                item = QTableWidgetItem(str(int(ag.ranks[c, i])))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                t.setItem(r, c + 1, item)
        self._fit(t, 0)
        tau = "Kendall τ" if ag.correlation_kind == "kendall" else "Spearman ρ"
        self.correlation_title.setText(tr("Rank correlation ({tau}; 1 = the same order)").format(tau=tau))
        ct = self.correlation_table
        ct.setColumnCount(1 + len(methods))
        ct.setHorizontalHeaderLabels([""] + [short_name(m) for m in methods])
        ct.setRowCount(len(methods))
        for r, m in enumerate(methods):
            ct.setItem(r, 0, QTableWidgetItem(short_name(m)))
            for c in range(len(methods)):
                x = ag.correlation[r, c]
                item = QTableWidgetItem("—" if not np.isfinite(x) else number(x, 2))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                ct.setItem(r, c + 1, item)
        ct.setFixedHeight(
            ct.horizontalHeader().height() + sum(ct.rowHeight(r) for r in range(len(methods))) + 4
        )
        sentences = o.reversal.get(lang, [])
        self.reversal.setText("<ul>" + "".join(f"<li>{_escape(s)}</li>" for s in sentences) + "</ul>")

    def retranslate(self) -> None:
        self.title.setText(tr("Robustness"))
        self.scroll.setAccessibleName(self.title.text())
        self.method_label.setText(tr("&Method"))
        for i in range(self.method_box.count()):
            self.method_box.setItemText(i, method_name(self.method_box.itemData(i)))
        self.method_box.setAccessibleName(tr("Method"))
        self.weights_label.setText(tr("&Weights"))
        self.weights_box.setItemText(0, tr("No weight information (any weighting)"))
        self.weights_box.setItemText(1, tr("Around the agreed weights"))
        self.weights_box.setItemText(
            2,
            tr("Around the agreed weights, participants' spread"),
        )
        self.weights_box.setAccessibleName(tr("Which weightings to try"))
        self.spread_label.setText(tr("S&pread"))
        self.spread_box.setAccessibleName(tr("Spread of each weight around the agreed one"))
        self.spread_box.setToolTip(
            tr("How much each weight may vary around the agreed weight (relative standard deviation).")
        )
        self.spread_box.setLocale(locale())
        self.scores_label.setText(tr("&Scores"))
        self.scores_box.setItemText(0, tr("Fixed as entered"))
        self.scores_box.setItemText(1, tr("Within their ranges"))
        self.scores_box.setAccessibleName(tr("How scores are used"))
        self.samples_label.setText(tr("Samp&les"))
        self.samples_box.setAccessibleName(tr("Number of weightings to try"))
        self.samples_box.setLocale(locale())
        self.seed_label.setText(tr("See&d"))
        self.seed_box.setAccessibleName(tr("Random seed (same seed, same result)"))
        self.seed_box.setLocale(locale())
        self.run_button.setText(tr("&Run"))
        self.run_button.setAccessibleName(tr("Run the robustness analysis"))
        self.cancel_button.setText(tr("&Cancel"))
        self.cancel_button.setAccessibleName(tr("Cancel the running analysis"))
        self.progress.setAccessibleName(tr("Progress"))
        self.verdict.setAccessibleName(tr("Verdict"))
        self.chart_title.setText(tr("Rank acceptability"))
        self.chart.setAccessibleName(tr("Rank acceptability chart"))
        self.chart_note.setText(
            tr(
                "Each bar splits all weightings tried by the place the alternative took: darkest is first place."
            )
        )
        self.stability_title.setText(tr("Weight stability"))
        self.stability_table.setAccessibleName(tr("Weight stability per criterion"))
        self.agreement_title.setText(tr("Method agreement"))
        self.agreement_table.setAccessibleName(tr("Rankings per method"))
        self.correlation_table.setAccessibleName(tr("Rank correlation between methods"))
        self.reversal_title.setText(tr("Rank reversal checks"))
        self.reversal.setAccessibleName(tr("Rank reversal findings"))
        self._show_status()
        self._show_outcome()


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
