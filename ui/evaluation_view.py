"""The evaluation itself: title, question, context, owner, date, status and the decision text.

Each field commits when the user leaves it (one ``SetSetting`` change, one undo step); nothing needs saving.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from evaluator.changes import SetSetting
from evaluator.model import Evaluation

from .document import Document
from .i18n import signals, tr
from .widgets.commit_edit import CommitTextEdit
from .widgets.date_field import DateField
from .widgets.heading import Heading

STATUSES = ("draft", "consulted", "decided")


def status_names() -> tuple[str, ...]:
    return (tr("draft"), tr("consulted"), tr("decided"))


class EvaluationView(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.heading = Heading()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.title = QLineEdit()
        self.owner = QLineEdit()
        self.date = DateField()
        self.date.committed.connect(lambda iso: self._set("date", iso))
        self.date.refused.connect(self.doc.failed.emit)
        self.status = QComboBox()
        self.question = CommitTextEdit()
        self.context = CommitTextEdit()
        self.decision = CommitTextEdit()
        for name in ("title", "owner"):
            edit: QLineEdit = getattr(self, name)
            edit.editingFinished.connect(lambda n=name, e=edit: self._set(n, e.text().strip()))
        for name in ("question", "context", "decision"):
            getattr(self, name).committed.connect(lambda t, n=name: self._set(n, t.strip()))
        self.status.activated.connect(lambda i: self._set("status", STATUSES[i]))

        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in ("title", "question", "context", "owner", "date", "status", "decision"):
            label = QLabel()
            label.setBuddy(getattr(self, name))
            self.labels[name] = label
            form.addRow(label, getattr(self, name))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(form, 1)
        doc.changed.connect(self.load)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        self.heading.setText(tr("Evaluation"))
        self.hint.setText(
            tr(
                "What is being decided, for whom, and what was decided. Changes are stored as soon as you leave a "
                "field."
            )
        )
        texts = {
            "title": tr("&Title"),
            "question": tr("&Question"),
            "context": tr("&Context"),
            "owner": tr("&Owner"),
            "date": tr("&Date"),
            "status": tr("&Status"),
            "decision": tr("Decisio&n"),
        }
        names = {
            "title": tr("Title"),
            "question": tr("Question"),
            "context": tr("Context and reason"),
            "owner": tr("Owner"),
            "date": tr("Date"),
            "status": tr("Status"),
            "decision": tr("Decision text"),
        }
        for name, label in self.labels.items():
            label.setText(texts[name])
            getattr(self, name).setAccessibleName(names[name])
        self.decision.setPlaceholderText(tr("What was decided and why (for the memo)"))
        self.date.retranslate()
        self.load()

    def load(self, ev: Evaluation | None = None) -> None:
        ev = self.doc.evaluation if ev is None else ev
        for name in ("title", "owner"):
            edit: QLineEdit = getattr(self, name)
            if edit.text() != getattr(ev, name):
                edit.setText(getattr(ev, name))
        self.date.set_date(ev.date)
        for name in ("question", "context", "decision"):
            getattr(self, name).set_text(getattr(ev, name))
        self.status.clear()
        known = list(STATUSES)
        shown = list(status_names())
        if ev.status not in known:
            known.append(ev.status)
            shown.append(ev.status)
        self.status.addItems(shown)
        self.status.setCurrentIndex(known.index(ev.status))

    def _set(self, name: str, value: str) -> None:
        if getattr(self.doc.evaluation, name) != value:
            self.doc.apply(SetSetting(name, value))
