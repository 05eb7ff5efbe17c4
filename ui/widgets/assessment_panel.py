"""The side panel of the scoring matrix: one score with what it rests on — range, evidence, source, date,
confidence. Each field commits when the user leaves it, as one ``SetAssessment`` change."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evaluator.changes import SetAssessment
from evaluator.model import Assessment, Criterion, Evaluation, text

from ..document import Document
from ..i18n import language, locale, signals, tr
from ..models.scores_model import confidence_text, score_text, uncertainty_reason
from ..style import SUBHEADING, UNCERTAIN_MARK
from .commit_edit import CommitTextEdit
from .date_field import DateField
from .heading import Heading
from .score_delegate import NotANumber, editor_value, score_editor, set_editor_value

CONFIDENCES = ("", "high", "medium", "low")


class AssessmentPanel(QWidget):
    """Shows and edits the assessment of ``(alternative, criterion)``; call :meth:`show_cell` to pick one."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.alternative: str | None = None
        self.criterion: str | None = None
        self._loading = False

        self.title = Heading("", SUBHEADING)
        self.descriptor = QLabel()
        self.descriptor.setWordWrap(True)
        self.uncertain = QLabel()
        self.uncertain.setWordWrap(True)
        self.score_holder = QHBoxLayout()
        self.score: QWidget | None = None
        self._editor_for: tuple[Criterion | None, str] | None = None
        self.range_low = QDoubleSpinBox()
        self.range_high = QDoubleSpinBox()
        self.clear_range = QPushButton()
        for spin in (self.range_low, self.range_high):
            spin.setDecimals(2)
            spin.setRange(-1e12, 1e12)
            spin.editingFinished.connect(self._commit_range)
        self.clear_range.clicked.connect(self._clear_range)
        rng = QHBoxLayout()
        rng.addWidget(self.range_low)
        self.range_dash = QLabel("–")
        rng.addWidget(self.range_dash)
        rng.addWidget(self.range_high)
        rng.addWidget(self.clear_range)
        self.evidence = CommitTextEdit()
        self.evidence.committed.connect(lambda t: self._commit(evidence=t.strip()))
        self.source = QLineEdit()
        self.source.editingFinished.connect(lambda: self._commit(source=self.source.text().strip()))
        self.date = DateField()
        self.date.committed.connect(lambda iso: self._commit(date=iso))
        self.date.refused.connect(self.doc.failed.emit)
        self.confidence = QComboBox()
        self.confidence.activated.connect(lambda i: self._commit(confidence=CONFIDENCES[i]))

        self.form = QFormLayout()
        self.score_label = QLabel()
        self.form.addRow(self.score_label, self.score_holder)
        self.range_label = QLabel()
        self.form.addRow(self.range_label, rng)
        self.confidence_label = QLabel()
        self.form.addRow(self.confidence_label, self.confidence)
        self.evidence_label = QLabel()
        self.form.addRow(self.evidence_label, self.evidence)
        self.source_label = QLabel()
        self.form.addRow(self.source_label, self.source)
        self.date_label = QLabel()
        self.form.addRow(self.date_label, self.date)
        for label, field in (
            (self.score_label, None),
            (self.range_label, self.range_low),
            (self.confidence_label, self.confidence),
            (self.evidence_label, self.evidence),
            (self.source_label, self.source),
            (self.date_label, self.date),
        ):
            if field is not None:
                label.setBuddy(field)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.descriptor)
        layout.addWidget(self.uncertain)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self._shown: tuple = ()
        doc.changed.connect(self._stored)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------------------
    def retranslate(self, *_: object) -> None:
        self.score_label.setText(tr("&Score"))
        self.range_label.setText(tr("&Range (low–high)"))
        self.clear_range.setText(tr("No range"))
        self.clear_range.setToolTip(tr("Remove the low–high range"))
        self.confidence_label.setText(tr("&Confidence"))
        self.evidence_label.setText(tr("Evi&dence"))
        self.source_label.setText(tr("S&ource"))
        self.date_label.setText(tr("Da&te"))
        self.evidence.setPlaceholderText(tr("What the score rests on (Ctrl+Enter stores it)"))
        self.source.setPlaceholderText(tr("Link or document"))
        self.date.retranslate()
        for spin in (self.range_low, self.range_high):
            spin.setLocale(locale())
        for w, name in (
            (self.range_low, tr("Lowest plausible score")),
            (self.range_high, tr("Highest plausible score")),
            (self.confidence, tr("Confidence")),
            (self.evidence, tr("Evidence")),
            (self.source, tr("Source")),
            (self.date, tr("Date of the evidence")),
        ):
            w.setAccessibleName(name)
        self.confidence.blockSignals(True)
        i = max(0, self.confidence.currentIndex())
        self.confidence.clear()
        self.confidence.addItems([confidence_text(c) for c in CONFIDENCES])
        self.confidence.setCurrentIndex(i)
        self.confidence.blockSignals(False)
        self._reload()

    # -- showing --------------------------------------------------------------------------------------------
    def show_cell(self, alternative: str | None, criterion: str | None) -> None:
        self.alternative, self.criterion = alternative, criterion
        self._reload()

    def _crit(self, ev: Evaluation) -> Criterion | None:
        try:
            return ev.criterion(self.criterion) if self.criterion else None
        except KeyError:
            return None

    def _rebuild_score_editor(self) -> None:
        if self.score is not None:
            self.score.setParent(None)
            self.score.deleteLater()
            self.score = None
        crit = self._crit(self.doc.evaluation)
        self._editor_for = (crit, language())
        if crit is None:
            return
        self.score = score_editor(crit, self)
        self.score_label.setBuddy(self.score)
        if hasattr(self.score, "activated"):
            self.score.activated.connect(lambda _i: self._commit_score())
        else:
            self.score.editingFinished.connect(self._commit_score)
        self.score_holder.addWidget(self.score, 1)

    def _what(self, ev: Evaluation) -> tuple:
        """What the panel shows of ``ev``: the cell, its assessment, the alternatives, criteria and language."""
        key = (self.alternative, self.criterion)
        return (*key, language(), ev.alternatives, ev.criteria, ev.assessments.get(key))

    def _stored(self, ev: Evaluation) -> None:
        """A stored change: reload only when it touched what the panel shows (not a title, not another cell:
        reloading repainted the panel, and with it the whole score matrix beside it)."""
        if len(self._shown) != 6 or any(a is not b for a, b in zip(self._shown, self._what(ev), strict=True)):
            self._reload()

    def _reload(self, *_: object) -> None:
        ev = self.doc.evaluation
        self._shown = self._what(ev)
        crit = self._crit(ev)
        ok = (
            crit is not None
            and self.alternative is not None
            and self.alternative in {a.id for a in ev.alternatives}
        )
        self.setEnabled(ok)
        if not ok:
            self.title.setText(tr("Select a cell to see its evidence"))
            self.descriptor.setText("")
            self.uncertain.setText("")
            return
        if self._editor_for != (crit, language()):
            # another criterion, a changed scale or another language: a fresh editor with the right levels
            self._rebuild_score_editor()
        lang = language()
        s = ev.assessment(self.alternative, crit.id)
        self._loading = True
        try:
            self.title.setText(f"{ev.alternative(self.alternative).name} · {crit.id} {text(crit.name, lang)}")
            lv = crit.scale.level(s.value) if (crit.scale.kind == "ordinal" and s.value is not None) else None
            self.descriptor.setText(text(lv.descriptor, lang) if lv else text(crit.description, lang))
            self.uncertain.setText(
                f"{UNCERTAIN_MARK} " + tr("Uncertain") + ": " + uncertainty_reason(s) if s.uncertain else ""
            )
            if self.score is not None:
                set_editor_value(self.score, s.value)
            has_range = s.low is not None and s.high is not None
            for spin, v in ((self.range_low, s.low), (self.range_high, s.high)):
                spin.blockSignals(True)
                spin.setValue(v if v is not None else (s.value or 0.0))
                spin.setSpecialValueText("")
                spin.blockSignals(False)
            self.clear_range.setEnabled(has_range)
            self.confidence.setCurrentIndex(
                CONFIDENCES.index(s.confidence) if s.confidence in CONFIDENCES else 0
            )
            self.evidence.set_text(s.evidence)
            if self.source.text() != s.source:
                self.source.setText(s.source)
                self.source.setCursorPosition(0)
            self.date.set_date(s.date)
        finally:
            self._loading = False
        self.setToolTip(score_text(crit, s.value))

    # -- committing -----------------------------------------------------------------------------------------
    def _current(self) -> Assessment:
        return self.doc.evaluation.assessment(self.alternative, self.criterion)

    def _commit(self, **fields: object) -> None:
        if self._loading or self.alternative is None or self.criterion is None:
            return
        old = self._current()
        new = replace(old, **fields)
        if new != old:
            self.doc.apply(SetAssessment(self.alternative, self.criterion, new))

    def _commit_score(self) -> None:
        if self._loading or self.score is None:
            return
        old = self._current()
        try:
            value = editor_value(self.score)
        except NotANumber as exc:
            self.doc.failed.emit(str(exc))
            set_editor_value(self.score, old.value)
            return
        if value == old.value:
            return
        low, high = old.low, old.high
        if value is None or (low is not None and not (low <= value <= high)):
            low = high = None
        self._commit(value=value, low=low, high=high)

    def _commit_range(self) -> None:
        if self._loading:
            return
        lo, hi = self.range_low.value(), self.range_high.value()
        old = self._current()
        if old.value is None or (old.low == lo and old.high == hi):
            return
        if old.low is None and lo == hi == old.value:
            return
        self._commit(low=min(lo, hi), high=max(lo, hi))

    def _clear_range(self) -> None:
        self._commit(low=None, high=None)
