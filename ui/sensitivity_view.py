"""The robustness page: how sure is the ranking? Rank acceptability, weight stability, method agreement.

Run starts one job (:mod:`ui.background`): first the SMAA rank acceptability (:func:`evaluator.sensitivity.acceptability`,
reporting progress per chunk and stopping between chunks when Cancel sets its flag), then the stability intervals,
then method agreement and the rank-reversal checks (scikit-criteria, imported in the worker, never on the GUI
thread). The window stays responsive throughout. A stored change marks the result out of date; the user reruns.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from evaluator import settings as ev_settings
from evaluator.changes import Batch, SetSetting
from evaluator.fastengine import FAST_METHODS
from evaluator.methods import METHODS
from evaluator.model import Evaluation
from evaluator.robustness import Settings
from evaluator.summary import summarize

from .background import Background, Task
from .charts.acceptability import AcceptabilityChart, AcceptabilityRow
from .compare_model import method_name
from .document import Document
from .i18n import language, locale, percent, signals, tr
from .robustness_details import SpecialistDetails
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
    reversal: object | None  # evaluator.agreement.RankReversal: findings, rendered in the language shown
    problem: str = ""  # why agreement/reversal are missing, if they are


class _Run:
    """One robustness run, called in a worker thread with its :class:`~ui.background.Task`; the task's cancel
    flag stops it between chunks."""

    def __init__(self, run_id: int, ev: Evaluation, settings: Settings):
        self.run_id, self.ev, self.settings = run_id, ev, settings
        self.done = 0

    def __call__(self, task: Task) -> Outcome:
        from evaluator.errors import InputError
        from evaluator.robustness import run as robustness_run
        from evaluator.sensitivity import Cancelled

        def progress(done: int, total: int) -> None:
            self.done = done
            task.progress(done, total)

        s = self.settings
        task.stage("acceptability")
        result = robustness_run(self.ev, s, progress, task.cancel)
        acc, stability = result.acceptability, result.stability
        if task.cancelled:
            raise Cancelled("cancelled")
        task.stage("agreement")
        agreement, reversal, problem = None, None, ""
        try:
            from evaluator.agreement import method_agreement, rank_reversal

            agreement = method_agreement(self.ev, FAST_METHODS)
            if task.cancelled:
                raise Cancelled("cancelled")
            reversal = rank_reversal(self.ev, s.method)
        except InputError as exc:
            problem = str(exc)
        return Outcome(self.ev, s, acc, stability, agreement, reversal, problem)


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
        self._background = Background(self)

        self.title = QLabel()
        self.title.setFont(scaled_font(HEADING, bold=True))

        # -- controls ---------------------------------------------------------------------------------------
        # The controls show the evaluation's robustness settings and change them through the change path, so the
        # page, `afweging sensitivity FILE` and the memo run the same analysis.
        self.method_label, self.method_box = QLabel(), QComboBox()
        for m in METHODS:  # every method: SMAA and stability run on each one's own engine
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
        self.details = SpecialistDetails()
        d = self.details  # the names the page had before the detail moved behind the disclosure
        self.stability_title, self.stability_note, self.stability_table = (
            d.stability_title,
            d.stability_note,
            d.stability_table,
        )
        self.rank_spread_table = d.rank_spread_table
        self.agreement_title, self.agreement_summary, self.agreement_table = (
            d.agreement_title,
            d.agreement_summary,
            d.agreement_table,
        )
        self.correlation_title, self.correlation_table = d.correlation_title, d.correlation_table
        self.reversal_title, self.reversal = d.reversal_title, d.reversal

        body = QWidget()
        col = QVBoxLayout(body)
        col.addWidget(self.verdict)
        col.addWidget(self.stale_label)
        col.addWidget(self.chart_title)
        col.addWidget(self.chart_note)
        col.addWidget(self.chart)
        col.addWidget(self.details)
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
        self._background.cancel()
        self._run_id += 1
        try:
            settings = self.settings()
        except InputError as exc:
            self._set_state("failed", (exc.problem,))
            return
        job = self._run = _Run(self._run_id, self.doc.evaluation, settings)
        rid = job.run_id
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self._set_state("running", (0, job.settings.samples))
        self._background.start(
            job,
            done=lambda outcome: self._on_finished(rid, outcome),
            failed=lambda line: self._on_failed(rid, line),
            progress=lambda done, total: self._on_progress(rid, done, total),
            stage=lambda phase: self._on_phase(rid, phase),
            cancelled=lambda: self._on_cancelled(rid, job.done, job.settings.samples),
        )

    def cancel(self) -> None:
        if self._run is not None:
            self._background.cancel()
            self.cancel_button.setEnabled(False)

    def _cancel_flag_only(self, *_: object) -> None:
        self._background.cancel()

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
            and not self.stale  # once out of date, no need to compare the outcome's state with each later one
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
        from evaluator.sensitivity import display_order, verdict

        lang = language()
        acc = o.acc
        self.verdict.setText(verdict(o.ev, acc, o.stability, lang))
        order = display_order(acc.acceptability)
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
        self.details.show_outcome(o, lang)

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
                "How often each alternative took each place over all weightings tried. The place is written in "
                "each part of the bar; darkest is first place, the places below third share one colour."
            )
        )
        self.details.retranslate()
        self._show_status()
        self._show_outcome()
