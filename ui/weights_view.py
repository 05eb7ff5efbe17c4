"""The weights page: points per area and per criterion (sliders and numbers), swing, rank order and AHP.

A slider being dragged previews the new weight (``doc.preview``: the results page re-ranks live, nothing is
stored); releasing it applies one ``SetWeights`` change, so one drag is one undo step. A keyboard step, a click on
the groove or a number typed in the box applies at once.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator.changes import SetWeights
from evaluator.errors import InputError
from evaluator.i18n import gettext
from evaluator.model import Evaluation, text
from evaluator.summary import summarize
from evaluator.text import percent as share_text
from evaluator.weight_scopes import AREAS, scopes
from evaluator.weighting import global_weights

from .ahp_dialog import AhpDialog
from .ask import confirm, undo_hint
from .background import Background
from .charts.stability_band import StabilityBand, area_share_and_rest, points_for_weight
from .document import Document
from .i18n import language, locale, percent, signals, tr
from .order_panel import OrderPanel
from .weights_ranking import RankingPanel

if TYPE_CHECKING:
    from evaluator.stability import Stability

SLIDER_MAX = 100


def _intervals(ev: Evaluation) -> list[Stability]:
    """The stability interval of each criterion (weighted sum); none when ``ev`` cannot be ranked."""
    from evaluator.stability import stability_intervals

    try:
        return stability_intervals(ev, "wsm")
    except InputError:
        return []


def _intervals_and_bands(ev: Evaluation, lang: str) -> tuple[list[Stability], dict]:
    """The work the weights page leaves to a worker after a change."""
    stab = _intervals(ev)
    return stab, _bands(ev, stab, lang)


def _bands(ev: Evaluation, stab: list[Stability], lang: str) -> dict[str, tuple[float, float, str]]:
    """The band under each criterion slider that has one: its ends in slider points and the sentence that says it
    (Qt-free and the same in any thread: made in the worker with the intervals, so the GUI thread only sets it)."""
    try:
        gw = global_weights(ev)
    except InputError:
        return {}
    out = {}
    for s in stab:
        if not s.top:
            continue
        share, rest = area_share_and_rest(ev, s.criterion, gw)
        tip = gettext(
            "Blue band: {top} stays first (weighted sum) as long as {name} has between {low} "
            "and {high} of the total weight, the other weights keeping their proportions. Now: "
            "{weight}.",
            lang,
        ).format(
            top=ev.alternative(s.top).name,
            name=f"{s.criterion} {text(ev.criterion(s.criterion).name, lang)}",
            low=share_text(s.low, lang, 1),
            high=share_text(s.high, lang, 1),
            weight=share_text(s.weight, lang, 1),
        )
        out[s.criterion] = (
            points_for_weight(s.low, share, rest),
            points_for_weight(s.high, share, rest),
            tip,
        )
    return out


class WeightRow:
    """One weight: a label, a slider and a number box for the points, and the resulting share."""

    def __init__(self, view: WeightsView, key: str, grid: QGridLayout, row: int, indent: bool):
        self.view, self.key = view, key
        self.label = QLabel()
        self.label.setIndent(24 if indent else 0)
        self.label.setWordWrap(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_MAX)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(10)
        self.slider.setMinimumWidth(90)
        self.spin = QDoubleSpinBox()
        self.spin.setDecimals(1)
        self.spin.setRange(0, 1000)
        self.spin.setKeyboardTracking(False)  # typing "45" is one change, not "4" then "45"
        self.share = QLabel()
        self.share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.share.setMinimumWidth(self.share.fontMetrics().horizontalAdvance("100,0 %") + 8)
        self.label.setBuddy(self.slider)
        slot = QWidget()  # the slider with its stability band beneath (criteria only; empty for areas)
        box = QVBoxLayout(slot)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(self.slider)
        self.band = StabilityBand(self.slider)
        box.addWidget(self.band)
        grid.addWidget(self.label, row, 0)
        grid.addWidget(slot, row, 1)
        grid.addWidget(self.spin, row, 2)
        grid.addWidget(self.share, row, 3)
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.sliderReleased.connect(self._slider_released)
        self.spin.valueChanged.connect(self._typed)

    def show(self, points: float) -> None:
        for w in (self.slider, self.spin):
            w.blockSignals(True)
        if points > self.slider.maximum():
            self.slider.setMaximum(int(math.ceil(points)))
        self.slider.setValue(int(round(points)))
        self.spin.setValue(points)
        for w in (self.slider, self.spin):
            w.blockSignals(False)

    def _slider_moved(self, value: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)
        if self.slider.isSliderDown():
            self.view.preview(self.key, float(value))
        else:  # keyboard, wheel or a click on the groove: a step, stored at once (a run of them: one undo step)
            self.view.set_weight(self.key, float(value), step=True)

    def _slider_released(self) -> None:
        self.view.set_weight(self.key, float(self.slider.value()))

    def _typed(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(int(round(value)))
        self.slider.blockSignals(False)
        self.view.set_weight(self.key, float(value), step=True)


class PointsPanel(QWidget):
    """Sliders and numbers for the areas and, per area, its criteria."""

    def __init__(self, view: WeightsView):
        super().__init__()
        self.view = view
        self.rows: dict[str, WeightRow] = {}
        self.headers: dict[str, QLabel] = {}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.host = QWidget()
        self.grid = QGridLayout(self.host)
        self.grid.setColumnStretch(1, 1)
        self.grid.setVerticalSpacing(6)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.host)
        self.equal = QPushButton()
        self.equal.clicked.connect(view.equal_weights)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.equal)
        lay.addLayout(bottom)
        self._structure: tuple = ()
        self._background = Background(self)  # the stability bands
        self._bands: tuple[Evaluation, str, dict] | None = (
            None  # the last computed: of what, in which language
        )
        self._bands_computing: Evaluation | None = None
        self._bands_wanted: Evaluation | None = None  # the newest evaluation whose bands were asked for
        self._bands_soon = QTimer(self)  # starts the worker once the events at hand (the repaint) are handled
        self._bands_soon.setSingleShot(True)
        self._bands_soon.setInterval(0)
        self._bands_soon.timeout.connect(self._compute_wanted)

    def build(self, ev: Evaluation) -> None:
        structure = (tuple(a.id for a in ev.areas), tuple((c.id, c.area) for c in ev.criteria))
        if structure == self._structure:
            return
        self._structure = structure
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.rows, self.headers = {}, {}
        row = 0
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.headers[AREAS] = QLabel()
        self.headers[AREAS].setFont(bold)
        self.grid.addWidget(self.headers[AREAS], row, 0, 1, 4)
        row += 1
        live = [a for a in ev.areas if ev.criteria_of(a.id)]
        for a in live:
            self.rows[a.id] = WeightRow(self.view, a.id, self.grid, row, indent=False)
            row += 1
        for a in live:
            h = QLabel()
            h.setFont(bold)
            h.setWordWrap(True)
            self.headers[a.id] = h
            self.grid.addWidget(h, row, 0, 1, 4)
            row += 1
            for c in ev.criteria_of(a.id):
                self.rows[c.id] = WeightRow(self.view, c.id, self.grid, row, indent=True)
                row += 1
        self.grid.setRowStretch(row, 1)

    def show_weights(self, ev: Evaluation, stored: bool) -> None:
        """Shares (and, for a stored change, the slider positions) of ``ev``."""
        self.build(ev)
        try:
            gw = global_weights(ev)
        except InputError:
            gw = {c.id: 0.0 for c in ev.criteria}
        area_share = {a.id: sum(gw[c.id] for c in ev.criteria_of(a.id)) for a in ev.areas}
        for key, r in self.rows.items():
            if stored or not r.slider.isSliderDown():
                r.show(float(ev.weights.get(key, 0.0)))
            share = area_share.get(key, gw.get(key, 0.0))
            r.share.setText(percent(share, 1))
        if stored:
            self.show_stability(ev)
        lang = language()
        for a in ev.areas:
            if a.id in self.headers:
                self.headers[a.id].setText(
                    f"{a.id} {text(a.name, lang)} — "
                    + tr("criteria within the area")
                    + f" ({percent(area_share[a.id], 1)} "
                    + tr("of the total")
                    + ")"
                )

    # -- stability bands ------------------------------------------------------------------------------------
    # Computed off the GUI thread (0.2-0.3 s at 1000 x 300), started once the window has handled the change's
    # events (a worker started at once competes with the repaint for the interpreter), one computation at a time:
    # a run of keyboard steps does not pile up work; when one is done, the newest evaluation asked for is computed
    # next. Until then the last bands stay drawn (hiding them would make every row jump and the band flicker).

    @property
    def bands_pending(self) -> bool:
        """Whether the bands shown are not yet those of the newest evaluation asked for."""
        return self._bands_wanted is not None and not self._bands_are_of(self._bands_wanted)

    def show_stability(self, ev: Evaluation) -> None:
        """Under each criterion slider, the positions that keep the current first alternative first (exact, WSM):
        at once when the bands shown are of an evaluation that ranks alike, else once computed."""
        self._bands_wanted = ev
        if self._bands_are_of(ev):
            shown, stab, lang, bands = self._bands
            if lang != language():  # a language switch: the same bands, in the other words
                self._bands = (shown, stab, language(), _bands(ev, stab, language()))
            self._draw_bands(self._bands[3])
            return
        if self._bands_computing is None:
            self._bands_soon.start()  # once the window has shown the change: the worker's turn after it

    def _bands_are_of(self, ev: Evaluation) -> bool:
        shown = self._bands[0] if self._bands is not None else None
        return shown is not None and (shown is ev or not summarize(shown, ev).ranking)

    def _compute_wanted(self) -> None:
        ev = self._bands_wanted
        if ev is not None and self._bands_computing is None and not self._bands_are_of(ev):
            self._compute_bands(ev)

    def _compute_bands(self, ev: Evaluation) -> None:
        self._bands_computing = ev
        lang = language()
        self._background.start(
            lambda _task: _intervals_and_bands(ev, lang),
            done=lambda made: self._bands_done(ev, lang, *made),
            failed=lambda _line: self._bands_done(ev, lang, [], {}),  # no bands rather than a page that fails
            cancelled=self._bands_cancelled,
        )

    def _bands_cancelled(self) -> None:  # the application quits
        self._bands_computing = None

    def _bands_done(self, ev: Evaluation, lang: str, stab: list[Stability], bands: dict) -> None:
        self._bands_computing = None
        self._bands = (ev, stab, lang, bands)
        wanted = self._bands_wanted
        if wanted is None or self._bands_are_of(wanted):
            self.show_stability(wanted or ev)  # (in the words of a language chosen meanwhile)
            return
        self._draw_bands(bands)  # newer than what was drawn: the last result until the newest arrives
        self._bands_soon.start()

    def _draw_bands(self, bands: dict[str, tuple[float, float, str]]) -> None:
        for key, r in self.rows.items():
            low, high, tip = bands.get(key, (None, None, ""))
            r.band.setVisible(low is not None)
            r.band.set_band(low, high)
            r.band.setToolTip(tip)
            r.slider.setAccessibleDescription(tip)

    def retranslate(self, ev: Evaluation) -> None:
        lang = language()
        self.intro.setText(
            tr(
                "Give points: first how much each area counts, then how much each criterion counts within its area. "
                "The percentage is the share in the total. Drag a slider to watch the ranking move; release to keep it. The blue band under a criterion's slider "
                "shows how far it can move before another alternative comes first."
            )
        )
        if AREAS in self.headers:
            self.headers[AREAS].setText(tr("Areas"))
        names = {a.id: f"{a.id} {text(a.name, lang)}" for a in ev.areas}
        names |= {c.id: f"{c.id} {text(c.name, lang)}" for c in ev.criteria}
        for key, r in self.rows.items():
            r.label.setText(names.get(key, key))
            r.slider.setAccessibleName(tr("Weight of {key}").format(key=names.get(key, key)))
            r.spin.setAccessibleName(tr("Points for {key}").format(key=names.get(key, key)))
            r.share.setAccessibleName(tr("Share of {key}").format(key=names.get(key, key)))
            r.spin.setLocale(locale())
        self.equal.setText(tr("E&qual weights"))
        self.scroll.setAccessibleName(tr("Points per area and criterion"))


class AhpPanel(QWidget):
    def __init__(self, view: WeightsView):
        super().__init__()
        self.view = view
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.scope_label = QLabel()
        self.scope_box = QComboBox()
        self.scope_label.setBuddy(self.scope_box)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_dialog)
        row = QHBoxLayout()
        row.addWidget(self.scope_label)
        row.addWidget(self.scope_box, 1)
        row.addWidget(self.open_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(row)
        lay.addStretch(1)
        self.dialog: AhpDialog | None = None

    def open_dialog(self) -> AhpDialog:
        """Open the pairwise comparison for the chosen scope (non-blocking; returns the dialog)."""
        self.dialog = AhpDialog(self.view.doc, self.scope_box.currentData() or AREAS, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog

    def retranslate(self, ev: Evaluation) -> None:
        keep = self.scope_box.currentData()
        self.scope_box.clear()
        for sid, label in scopes(ev, language()):
            self.scope_box.addItem(label, sid)
        self.scope_box.setCurrentIndex(max(0, self.scope_box.findData(keep)))
        self.intro.setText(
            tr(
                "Analytic Hierarchy Process: compare the items two at a time on Saaty's scale (1 equal … 9 extremely "
                "more important). The consistency ratio shows whether the judgements agree with each other."
            )
        )
        self.scope_label.setText(tr("&Compare:"))
        self.scope_box.setAccessibleName(tr("What to compare"))
        self.open_button.setText(tr("&Pairwise comparison…"))


class WeightsView(QWidget):
    """Points per area and criterion, plus swing, rank order and AHP as other ways to arrive at them."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.title = QLabel()
        f = QFont(self.title.font())
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setBold(True)
        self.title.setFont(f)
        self.points = PointsPanel(self)
        self.swing = OrderPanel(doc, "swing")
        self.rank_order = OrderPanel(doc, "rank")
        self.ahp = AhpPanel(self)
        self.tabs = QTabWidget()
        for w in (self.points, self.swing, self.rank_order, self.ahp):
            self.tabs.addTab(w, "")
        self.ranking = RankingPanel(doc)  # beside the sliders: the order moves while a slider is dragged
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.tabs)
        self.beside = (
            QScrollArea()
        )  # a long ranking scrolls: it must not make the window taller than the screen
        self.beside.setWidgetResizable(True)
        self.beside.setFrameShape(QScrollArea.Shape.NoFrame)
        self.beside.setWidget(self.ranking)
        self.split.addWidget(self.beside)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.split, 1)
        self._shown = doc.evaluation
        self._behind = False  # a change arrived while another page was in front
        doc.changed.connect(self._stored)
        doc.previewed.connect(lambda ev: self.points.show_weights(ev, stored=False))
        signals.language_changed.connect(self.retranslate)
        self.points.build(doc.evaluation)  # the rows; retranslate names them and shows the weights
        self.retranslate()

    def _stored(self, ev: Evaluation) -> None:
        """Weights, shares and stability bands follow a stored change that could move them (not a title); behind
        another page of a shown window, when this page is shown again."""
        old, self._shown = self._shown, ev
        if summarize(old, ev).ranking:
            if self.window().isVisible() and not self.isVisible():
                self._behind = True
            else:
                self.points.show_weights(ev, stored=True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self._behind:
            self._behind = False
            self.points.show_weights(self.doc.evaluation, stored=True)
        super().showEvent(event)

    # -- edits ----------------------------------------------------------------------------------------------
    def preview(self, key: str, points: float) -> None:
        self.doc.preview_soon(SetWeights({key: points}))

    def set_weight(self, key: str, points: float, step: bool = False) -> bool:
        """Store one weight as one undo step (nothing when it is unchanged); ``step``: a keyboard step, which
        joins the previous steps on the same weight (ui.document: one undo step, one audit entry)."""
        if float(self.doc.evaluation.weights.get(key, math.nan)) == points:
            self.points.show_weights(self.doc.evaluation, stored=True)  # end a preview that changed nothing
            return False
        return self.doc.apply(
            SetWeights({key: points}, method="points"), merge=f"weight:{key}" if step else None
        )

    def equal_weights(self) -> bool:
        ev = self.doc.evaluation
        pts = {a.id: 100.0 for a in ev.areas} | {c.id: 100.0 for c in ev.criteria}
        made = {k: float(ev.weights.get(k, 0.0)) for k in pts}
        if len(set(made.values())) > 1 and not confirm(
            self,
            tr("Replace the weights with equal weights?"),
            tr("The weighting made so far is replaced. ") + undo_hint(),
            tr("Equal weights"),
        ):
            return False
        return self.doc.apply(SetWeights(pts, method="equal"), reason=tr("equal weights"))

    def slider(self, key: str) -> QSlider:
        return self.points.rows[key].slider

    def spin(self, key: str) -> QDoubleSpinBox:
        return self.points.rows[key].spin

    # -- language -------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        ev = self.doc.evaluation
        self.title.setText(tr("Weights"))
        self.tabs.setTabText(0, tr("P&oints"))
        self.tabs.setTabText(1, tr("&Swing"))
        self.tabs.setTabText(2, tr("&Rank order"))
        self.tabs.setTabText(3, tr("Pa&irwise (AHP)"))
        self.beside.setAccessibleName(tr("Ranking with these weights"))
        self.points.retranslate(ev)
        self.points.show_weights(ev, stored=True)
        self.swing.retranslate()
        self.rank_order.retranslate()
        self.ahp.retranslate(ev)
