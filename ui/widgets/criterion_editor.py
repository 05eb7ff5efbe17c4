"""The editor beside the criteria tree: an area's or a criterion's texts (Dutch and English), direction,
minimum level (knock-out), scale bounds and unit, framework and source. Every field commits when left."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from evaluator.changes import UpdateArea, UpdateCriterion
from evaluator.model import Area, Criterion

from ..document import Document
from ..i18n import locale, signals, tr
from ..models.criteria_model import scale_summary
from ..style import SUBHEADING
from .commit_edit import CommitTextEdit
from .heading import Heading
from .levels_editor import LevelsEditor
from .score_delegate import NotANumber, editor_value, score_editor, set_editor_value


def _in(t: Mapping[str, str] | str, lang: str) -> str:
    """The text in exactly ``lang`` (no fallback: the editor shows what is missing)."""
    return t.get(lang, "") if isinstance(t, Mapping) else str(t)


class CriterionEditor(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.item_id: str | None = None
        self._loading = False
        self._minimum_for: Criterion | None = None
        self.title = Heading("", SUBHEADING)
        self.name_nl = QLineEdit()
        self.name_en = QLineEdit()
        self.description_nl = CommitTextEdit()
        self.description_en = CommitTextEdit()
        for box in (self.description_nl, self.description_en):  # room for the levels table below
            box.setMaximumHeight(box.fontMetrics().lineSpacing() * 5 + 14)
        self.scale = QLabel()
        self.levels = LevelsEditor()
        self.levels.edited.connect(lambda levels: self._commit_scale(levels=levels))
        self.direction = QComboBox()
        self.unit = QLineEdit()
        self.lower = QDoubleSpinBox()
        self.upper = QDoubleSpinBox()
        for spin in (self.lower, self.upper):
            spin.setRange(-1e12, 1e12)
            spin.setDecimals(2)
            spin.editingFinished.connect(self._commit_bounds)
        self.has_minimum = QCheckBox()
        self.minimum_holder = QVBoxLayout()
        self.minimum: QWidget | None = None
        self.framework = QLineEdit()
        self.source = QLineEdit()

        self.name_nl.editingFinished.connect(lambda: self._commit_text("name", "nl", self.name_nl.text()))
        self.name_en.editingFinished.connect(lambda: self._commit_text("name", "en", self.name_en.text()))
        self.description_nl.committed.connect(lambda t: self._commit_text("description", "nl", t))
        self.description_en.committed.connect(lambda t: self._commit_text("description", "en", t))
        self.direction.activated.connect(self._commit_direction)
        self.unit.editingFinished.connect(lambda: self._commit_scale(unit=self.unit.text().strip()))
        self.has_minimum.toggled.connect(self._commit_minimum)
        self.framework.editingFinished.connect(
            lambda: self._commit_crit(framework=self.framework.text().strip())
        )
        self.source.editingFinished.connect(lambda: self._commit_crit(source=self.source.text().strip()))

        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for key, field in (
            ("name_nl", self.name_nl),
            ("name_en", self.name_en),
            ("description_nl", self.description_nl),
            ("description_en", self.description_en),
            ("scale", self.scale),
            ("levels", self.levels),
            ("direction", self.direction),
            ("unit", self.unit),
            ("lower", self.lower),
            ("upper", self.upper),
            ("has_minimum", self.has_minimum),
            ("minimum", self.minimum_holder),
            ("framework", self.framework),
            ("source", self.source),
        ):
            label = QLabel()
            self.labels[key] = label
            if isinstance(field, QWidget):
                label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addStretch(1)
        doc.changed.connect(lambda *_: self.load())
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        texts = {
            "name_nl": tr("Name (Dutch)"),
            "name_en": tr("Name (English)"),
            "description_nl": tr("Description (Dutch)"),
            "description_en": tr("Description (English)"),
            "scale": tr("Scale"),
            "levels": tr("Levels"),
            "direction": tr("Direction"),
            "unit": tr("Unit"),
            "lower": tr("Lower bound"),
            "upper": tr("Upper bound"),
            "has_minimum": tr("Minimum gate"),
            "minimum": tr("Minimum level"),
            "framework": tr("Framework"),
            "source": tr("Source"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
            field = getattr(self, key, None)
            if isinstance(field, QWidget):
                field.setAccessibleName(texts[key])
        self.has_minimum.setText(tr("Exclude alternatives below a minimum level"))
        for spin in (self.lower, self.upper):
            spin.setLocale(locale())
        self.direction.blockSignals(True)
        i = self.direction.currentIndex()
        self.direction.clear()
        self.direction.addItems([tr("higher is better"), tr("lower is better")])
        self.direction.setCurrentIndex(max(0, i))
        self.direction.blockSignals(False)
        self._minimum_for = None
        self.load()

    # -- showing --------------------------------------------------------------------------------------------
    def show_item(self, item_id: str | None) -> None:
        self.item_id = item_id
        self.load()

    def _item(self) -> Area | Criterion | None:
        ev = self.doc.evaluation
        for a in ev.areas:
            if a.id == self.item_id:
                return a
        for c in ev.criteria:
            if c.id == self.item_id:
                return c
        return None

    def _row_visible(self, key: str, visible: bool) -> None:
        self.form.setRowVisible(list(self.labels).index(key), visible)

    def load(self) -> None:
        it = self._item()
        self.setEnabled(it is not None)
        if it is None:
            self.title.setText(tr("Select an area or a criterion"))
            return
        self._loading = True
        try:
            is_crit = isinstance(it, Criterion)
            self.title.setText((tr("Criterion") if is_crit else tr("Area")) + f" {it.id}")
            for w, lang in ((self.name_nl, "nl"), (self.name_en, "en")):
                v = _in(it.name, lang)
                if w.text() != v:
                    w.setText(v)
            for w, lang in ((self.description_nl, "nl"), (self.description_en, "en")):
                w.set_text(_in(it.description, lang))
            for key in (
                "scale",
                "levels",
                "direction",
                "unit",
                "lower",
                "upper",
                "has_minimum",
                "minimum",
                "framework",
                "source",
            ):
                self._row_visible(key, is_crit)
            if not is_crit:
                return
            sc = it.scale
            self.scale.setText(scale_summary(sc))
            self.direction.setCurrentIndex(0 if sc.direction == "benefit" else 1)
            numeric = sc.kind == "numeric"
            for key in ("unit", "lower", "upper"):
                self._row_visible(key, numeric)
            self._row_visible("levels", sc.kind == "ordinal")
            if sc.kind == "ordinal":
                self.levels.set_levels(sc.levels)
            if numeric:
                if self.unit.text() != sc.unit:
                    self.unit.setText(sc.unit)
                for spin, v in ((self.lower, sc.lower), (self.upper, sc.upper)):
                    spin.blockSignals(True)
                    spin.setValue(v if v is not None else 0.0)
                    spin.blockSignals(False)
            self.has_minimum.blockSignals(True)
            self.has_minimum.setChecked(it.minimum is not None)
            self.has_minimum.blockSignals(False)
            if self._minimum_for is not it:
                self._rebuild_minimum(it)
            self._row_visible("minimum", it.minimum is not None)
            if self.minimum is not None and it.minimum is not None:
                set_editor_value(self.minimum, it.minimum)
            for w, v in ((self.framework, it.framework), (self.source, it.source)):
                if w.text() != v:
                    w.setText(v)
        finally:
            self._loading = False

    def _rebuild_minimum(self, crit: Criterion) -> None:
        if self.minimum is not None:
            self.minimum.setParent(None)
            self.minimum.deleteLater()
        self._minimum_for = crit
        self.minimum = score_editor(crit, self)
        self.minimum.setAccessibleName(tr("Minimum level"))
        self.labels["minimum"].setBuddy(self.minimum)
        if hasattr(self.minimum, "activated"):
            self.minimum.activated.connect(lambda _i: self._commit_minimum(True))
        else:
            self.minimum.editingFinished.connect(lambda: self._commit_minimum(True))
        self.minimum_holder.addWidget(self.minimum)

    # -- committing -----------------------------------------------------------------------------------------
    def _apply(self, new: Area | Criterion) -> None:
        if self._loading:
            return
        old = self._item()
        if old is None or new == old:
            return
        self.doc.apply(UpdateCriterion(new) if isinstance(new, Criterion) else UpdateArea(new))

    def _commit_text(self, field: str, lang: str, value: str) -> None:
        it = self._item()
        if it is None or self._loading:
            return
        current = getattr(it, field)
        texts = dict(current) if isinstance(current, Mapping) else {"nl": str(current), "en": str(current)}
        texts[lang] = value.strip()
        if field == "name" and not texts[lang]:
            self.load()  # a name cannot be empty: show the stored one again
            return
        self._apply(replace(it, **{field: texts}))

    def _commit_crit(self, **fields: object) -> None:
        it = self._item()
        if isinstance(it, Criterion):
            self._apply(replace(it, **fields))

    def _commit_scale(self, **fields: object) -> None:
        it = self._item()
        if isinstance(it, Criterion):
            self._apply(replace(it, scale=replace(it.scale, **fields)))

    def _commit_direction(self, i: int) -> None:
        self._commit_scale(direction="benefit" if i == 0 else "cost")

    def _commit_bounds(self) -> None:
        it = self._item()
        if isinstance(it, Criterion) and it.scale.kind == "numeric" and not self._loading:
            lo, hi = self.lower.value(), self.upper.value()
            if hi > lo:
                self._commit_scale(lower=lo, upper=hi)

    def _commit_minimum(self, on: bool) -> None:
        it = self._item()
        if not isinstance(it, Criterion) or self._loading:
            return
        if not on:
            self._commit_crit(minimum=None)
            return
        try:
            value = editor_value(self.minimum) if self.minimum is not None else None
        except NotANumber as exc:
            self.doc.failed.emit(str(exc))
            set_editor_value(self.minimum, it.minimum)
            return
        if value is None:
            bounds = it.scale.bounds
            value = bounds[0] if bounds else 0.0
        self._commit_crit(minimum=float(value))
