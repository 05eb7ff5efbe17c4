"""Who changed what, when and why: the file's audit trail, newest first, in the current language's formats."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from .document import Document
from .i18n import signals, tr
from .models.audit_model import AuditModel
from .widgets.heading import Heading


class AuditView(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.heading = Heading()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.model = AuditModel(doc, self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field, not the next cell
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        hh = self.table.horizontalHeader()
        for col in (0, 1):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        self.heading.setText(tr("Audit trail"))
        self.hint.setText(
            tr(
                "Every change to this file, newest first: stored at once, with who made it and when. Undo "
                "appears here too."
            )
        )
        self.table.setAccessibleName(tr("Audit trail"))
        self.model.refresh()
