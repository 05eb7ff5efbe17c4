"""The criteria tree: areas and their criteria, with an editor for the selected one beside it.

Keyboard: arrows walk the tree, Tab goes to the editor; Insert adds a criterion to the selected area.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from evaluator.changes import AddArea, AddCriterion, RemoveArea, RemoveCriterion
from evaluator.model import Area, Criterion, Level, Scale, text

from .ask import confirm_removal
from .document import Document
from .empty_hint import EmptyHint
from .i18n import language, signals, tr
from .models.criteria_model import CriteriaModel
from .widgets.criterion_editor import CriterionEditor
from .widgets.heading import Heading
from .widgets.page_key import page_key


def default_scale() -> Scale:
    """A new criterion's scale: the 0–4 ordinal scale the catalogue uses, until someone edits it."""
    names = [
        ("none", "geen"),
        ("weak", "zwak"),
        ("partial", "gedeeltelijk"),
        ("good", "goed"),
        ("full", "volledig"),
    ]
    return Scale(
        "ordinal", levels=tuple(Level(float(i), {"en": en, "nl": nl}) for i, (en, nl) in enumerate(names))
    )


def next_id(prefix: str, taken: set[str]) -> str:
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


class CriteriaView(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.heading = Heading()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.model = CriteriaModel(doc, self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)  # fit_names sets it
        self.tree.header().setStretchLastSection(True)
        self.tree.expandAll()
        self.editor = CriterionEditor(doc)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)
        self.add_area_button = QPushButton()
        self.add_criterion_button = QPushButton()
        self.remove_button = QPushButton()
        page_key(self, Qt.Key.Key_Insert, self.ask_add_criterion)
        self.add_area_button.clicked.connect(self.ask_add_area)
        self.add_criterion_button.clicked.connect(self.ask_add_criterion)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        for b in (self.add_area_button, self.add_criterion_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        self.empty_hint = EmptyHint(doc, "criteria")  # an empty page says what to do next
        layout.addWidget(self.empty_hint)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))

    def retranslate(self, *_: object) -> None:
        self.heading.setText(tr("Criteria tree"))
        self.hint.setText(
            tr(
                "Areas and their criteria, with the scale each is scored on. A minimum level excludes an "
                "alternative that scores below it (a knock-out)."
            )
        )
        self.add_area_button.setText(tr("Add area…"))
        self.add_criterion_button.setText(tr("Add criterion…"))
        self.remove_button.setText(tr("Remove"))
        self.add_criterion_button.setToolTip(tr("Add a criterion to the selected area (Insert)"))
        self.remove_button.setToolTip(tr("Remove the selected criterion, or an empty area"))
        self.tree.setAccessibleName(tr("Criteria tree"))
        self.model.refresh()
        self.fit_names()

    def fit_names(self) -> None:
        """The criterion column as wide as its names, but at most about 36 characters (the rest '…', whole in
        the tooltip and the editor), so the scale, direction and minimum level stay in view on a projector."""
        self.tree.resizeColumnToContents(0)
        cap = self.tree.fontMetrics().horizontalAdvance("0") * 36
        if self.tree.columnWidth(0) > cap:
            self.tree.setColumnWidth(0, cap)

    # -- selection ------------------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, *_: object) -> None:
        it = self.model.item(current)
        self.editor.show_item(it.id if it is not None else None)

    def _after_reset(self) -> None:
        self.tree.expandAll()
        self.fit_names()
        keep = self.editor.item_id
        idx = self.model.index_of(keep) if keep else QModelIndex()
        if idx.isValid():
            self.tree.selectionModel().setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        else:
            self.editor.show_item(None)

    def select(self, item_id: str) -> None:
        idx = self.model.index_of(item_id)
        self.tree.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def current_item(self) -> Area | Criterion | None:
        return self.model.item(self.tree.currentIndex())

    # -- actions --------------------------------------------------------------------------------------------
    def add_area(self, name: str) -> str | None:
        ev = self.doc.evaluation
        taken = {a.id for a in ev.areas} | {c.id for c in ev.criteria}
        area_id = next((ch for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if ch not in taken), next_id("G", taken))
        if self.doc.apply(AddArea(Area(area_id, {"nl": name.strip(), "en": name.strip()}), weight=0.0)):
            self.select(area_id)
            return area_id
        return None

    def add_criterion(self, name: str, area_id: str | None = None) -> str | None:
        ev = self.doc.evaluation
        it = self.current_item()
        if area_id is None:
            area_id = it.id if isinstance(it, Area) else it.area if isinstance(it, Criterion) else None
        if area_id is None:
            return None
        taken = {a.id for a in ev.areas} | {c.id for c in ev.criteria}
        crit_id = next_id(area_id, taken)
        crit = Criterion(crit_id, area_id, {"nl": name.strip(), "en": name.strip()}, default_scale())
        if self.doc.apply(AddCriterion(crit, weight=0.0)):
            self.select(crit_id)
            return crit_id
        return None

    def ask_add_area(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Add area"), tr("Name:"))
        if ok and name.strip():
            self.add_area(name)

    def ask_add_criterion(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Add criterion"), tr("Name:"))
        if ok and name.strip():
            self.add_criterion(name)

    def remove_current(self) -> None:
        it = self.current_item()
        if isinstance(it, Criterion):
            ev = self.doc.evaluation
            held = [ev.assessment(a.id, it.id) for a in ev.alternatives]
            name = f"{it.id} {text(it.name, language())}"
            if not confirm_removal(self, tr("Remove criterion {name}?").format(name=name), held):
                return
            self.doc.apply(RemoveCriterion(it.id))
        elif isinstance(it, Area):
            self.doc.apply(RemoveArea(it.id))
