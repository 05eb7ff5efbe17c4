"""The model check page: advice on the decision model, read-only, in the app's language.

It lists what :func:`evaluator.modelcheck.check_model` finds — criteria that ask the same question, weights
without effect, dominated alternatives, uncertain scores that decide first place, missing scores — each with a
severity icon and its sentence from the core's message catalogue (:mod:`evaluator.text`), the same words the CLI
and the memo use. The check reruns after a stored change that could alter it (when the page is next shown, if it
is hidden), off the GUI thread (:mod:`ui.background`: seconds on a large evaluation); a language switch only
renders the same findings again.

Each finding is a word-wrapped label (a list view's rows are measured once and then elide long sentences).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from evaluator.findings import Finding
from evaluator.model import Evaluation
from evaluator.modelcheck import check_model
from evaluator.summary import summarize
from evaluator.text import message, render

from .background import Background
from .document import Document
from .i18n import language, signals, tr
from .widgets.heading import Heading

ICONS = {
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
ICON_SIZE = 20


class FindingRow(QFrame):
    """One finding: its severity icon (with the severity as tooltip and accessible name) and its sentence."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.icon = QLabel()
        self.icon.setFixedWidth(ICON_SIZE + 4)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.icon)
        lay.addWidget(self.text, 1)

    def show_finding(self, severity: str, label: str, sentence: str) -> None:
        self.severity = severity
        self.icon.setPixmap(self.style().standardIcon(ICONS[severity]).pixmap(ICON_SIZE, ICON_SIZE))
        self.icon.setToolTip(label)
        self.icon.setAccessibleName(label)
        self.text.setText(sentence)
        self.text.setAccessibleName(f"{label}: {sentence}")


class ModelCheckView(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.findings: list[Finding] = []
        self.rows: list[FindingRow] = []
        self._checked: Evaluation | None = None  # the evaluation the findings are of
        self._checking: Evaluation | None = None  # the evaluation being checked
        self._outdated = False  # a change the check reads arrived after _checked: no need to compare again
        self._problem = ""  # why the check could not run, if it could not
        self._background = Background(self)
        self.heading = Heading()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(0)
        self.body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.body)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll, 1)
        doc.changed.connect(self._changed)
        signals.language_changed.connect(self.retranslate)
        self.refresh()

    def refresh(self) -> None:
        """Check the document's evaluation (if it changed since) off the GUI thread, then show the findings."""
        ev = self.doc.evaluation
        if ev is not self._checked and not (self.checking and self._checking is ev):
            self._checking = ev
            self._background.start(
                lambda _task: check_model(ev),
                done=lambda findings: self._done(ev, findings, ""),
                failed=lambda line: self._done(ev, [], line),
            )
        self.retranslate()

    @property
    def checking(self) -> bool:
        return self._background.running

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """Wait (the event loop turning) until the check under way has been shown; True when it has."""
        return self._background.wait(timeout_ms)

    def _done(self, ev: Evaluation, findings: list[Finding], problem: str) -> None:
        self.findings, self._checked, self._problem = findings, ev, problem
        self._outdated = summarize(ev, self.doc.evaluation).ranking
        if not self._outdated:
            self._checked = self.doc.evaluation  # changed meanwhile, but nothing the check reads
        self.retranslate()

    def texts(self) -> list[str]:
        """The sentences on screen, top to bottom."""
        return [r.text.text() for r in self.rows[: len(self.findings)]]

    def _changed(self, ev: Evaluation, *_: object) -> None:
        if self._checked is not None and not self._outdated:
            if not summarize(self._checked, ev).ranking:
                self._checked = ev  # nothing the check reads has changed (a title, a participant)
                return
            self._outdated = True  # compared once: later changes need not compare the old findings' state
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self.doc.evaluation is not self._checked:
            self.refresh()
        super().showEvent(event)

    def retranslate(self, *_: object) -> None:
        lang = language()
        self.heading.setText(message("model_check.title", lang))
        self.hint.setText(message("model_check.intro", lang))
        warnings = sum(f.severity == "warning" for f in self.findings)
        if self._checked is None or self._problem:
            self.summary.setText(self._problem or tr("Checking the model…"))
        else:
            self.summary.setText(
                message("model_check.count", lang, warnings=warnings, notes=len(self.findings) - warnings)
                if self.findings
                else message("model_check.none", lang)
            )
        self.scroll.setAccessibleName(message("model_check.title", lang))
        while len(self.rows) < len(self.findings):
            row = FindingRow()
            self.body_layout.insertWidget(len(self.rows), row)
            self.rows.append(row)
        for k, row in enumerate(self.rows):
            row.setVisible(k < len(self.findings))
            if k < len(self.findings):
                f = self.findings[k]
                severity = message(f"severity.{f.severity}", lang)
                row.show_finding(
                    f.severity, severity[:1].upper() + severity[1:], render(f, self._checked, lang)
                )
