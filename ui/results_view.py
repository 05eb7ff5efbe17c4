"""The results page: the ranking that moves while a weight slider moves, profiles, and the other methods.

Listens to the document: ``changed`` (stored) and ``previewed`` (a slider being dragged) both re-rank at once with
the vectorised engine (:mod:`evaluator.live_ranking`). The methods that need scikit-criteria are ranked in a worker
thread after the page is first shown, so the import never delays the window.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator.changes import SetSetting
from evaluator.errors import InputError
from evaluator.live_ranking import LiveRanker, LiveRanking
from evaluator.method_ranks import fast_ranks, rank_slow_methods
from evaluator.methods import METHODS
from evaluator.model import Evaluation, text
from evaluator.summary import summarize

from .background import Background
from .charts.radar import RadarChart, RadarData
from .charts.rainbow import RainbowChart, RainbowData
from .compare_model import CompareModel, method_name
from .document import Document
from .i18n import language, signals, tr
from .provisional_ranking import ProvisionalView, provisional_view, ranked_evaluation
from .rainbow_data import rainbow_data, splits_by_criterion
from .widgets.name_check_list import NameCheckList

RADAR_DEFAULT = 3  # alternatives shown in the profile until the user picks


def area_values(ev: Evaluation, r: LiveRanking) -> tuple[list[str], np.ndarray]:
    """Per area, each alternative's weighted mean value in [0, 1] (plain mean when the area has no weight)."""
    names, cols = [], []
    for a in ev.areas:
        idx = [j for j, c in enumerate(r.criteria) if r.areas[j] == a.id]
        if not idx:
            continue
        w = r.weights[idx]
        v = r.values[:, idx]
        cols.append(v @ w / w.sum() if w.sum() > 0 else v.mean(axis=1))
        names.append(text(a.name, language()))
    return names, (np.stack(cols, axis=1) if cols else np.zeros((len(r.alternatives), 0)))


class ResultsView(QWidget):
    """Ranking bars (rainbow), knocked-out alternatives, radar profiles and the ranking under every method."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self._stored_ev = doc.evaluation  # what the page shows, as stored: a change is compared with it
        self.ranker = LiveRanker()
        self.provisional_ranker = LiveRanker()
        self.provisional: ProvisionalView | None = None
        self._ranking: LiveRanking | None = None
        self.previewing = False
        self._ev: Evaluation = doc.evaluation
        self._generation = 0
        self._slow: dict | None = None
        self._slow_for = -1
        self._shown_once = False
        self._radar_ids: list[str] | None = None
        self._background = Background(self)  # the scikit-criteria methods, off the GUI thread
        self._slow_started_for = -1
        self._behind = False  # a change arrived while another page was in front
        self._slow_timer = QTimer(self, singleShot=True, interval=250, timeout=self._start_slow)

        self.title = QLabel()
        f = QFont(self.title.font())
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setBold(True)
        self.title.setFont(f)
        self.method_label = QLabel()
        self.method_box = QComboBox()
        for m in METHODS:
            self.method_box.addItem("", m)
        self.method_label.setBuddy(self.method_box)
        self.method_box.activated.connect(self._method_chosen)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)  # the provisional notice has a bold heading

        self.chart = RainbowChart()
        self.excluded_title = QLabel()
        self.excluded_title.setFont(f)
        self.excluded = QLabel()
        self.excluded.setWordWrap(True)
        self.excluded.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        ef = QFont(self.excluded.font())
        ef.setPointSizeF(ef.pointSizeF() * 1.15)
        self.excluded.setFont(ef)

        self.radar = RadarChart()
        self.radar_list = (
            NameCheckList()
        )  # whole names, wrapped at words: no horizontal scrolling to read one
        self.radar_list.setMaximumWidth(240)
        self.radar_list.setMinimumWidth(140)
        self.radar_list.itemChanged.connect(self._radar_picked)
        self.compare = CompareModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field, not the next cell
        self.table.setModel(self.compare)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.compare_note = QLabel()
        self.compare_note.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.method_label)
        top.addWidget(self.method_box)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        # In a scroll area: hundreds of alternatives scroll instead of stretching the page, and only the rows
        # in view are painted.
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setWidget(self.chart)
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        ll.addWidget(self.chart_scroll, 1)
        ll.addWidget(self.excluded_title)
        ll.addWidget(self.excluded)
        profile = QWidget()
        pl = QHBoxLayout(profile)
        pl.addWidget(self.radar_list)
        pl.addWidget(self.radar, 1)
        methods_page = QWidget()
        ml = QVBoxLayout(methods_page)
        ml.addWidget(self.table, 1)
        ml.addWidget(self.compare_note)
        self.tabs = QTabWidget()
        self.tabs.addTab(profile, "")
        self.tabs.addTab(methods_page, "")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(split, 1)

        doc.changed.connect(self._stored)
        doc.previewed.connect(self._previewed)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    # -- document signals -----------------------------------------------------------------------------------
    def _stored(self, ev: Evaluation) -> None:
        touched = summarize(self._stored_ev, ev)
        self._stored_ev = ev
        if not self.previewing and not (touched.ranking or touched.alternatives):
            return  # a title, a decision text, a participant: the ranking is as it was
        if self._in_background():
            self._behind = True  # another page is in front: catch up when shown
            return
        self._show_stored(ev)

    def _show_stored(self, ev: Evaluation) -> None:
        self.previewing = False
        self._behind = False
        self._generation += 1
        self._slow = None
        self.refresh(ev)
        if self._shown_once:
            self._slow_timer.start()

    @property
    def ranking(self) -> LiveRanking | None:
        """The ranking shown (brought up to date first when a change arrived while the page was behind)."""
        if self._behind:
            self._show_stored(self.doc.evaluation)
        return self._ranking

    @ranking.setter
    def ranking(self, value: LiveRanking | None) -> None:
        self._ranking = value

    def _in_background(self) -> bool:
        """Whether the page sits behind another one in a shown window (it then ranks when it is shown)."""
        return self.window().isVisible() and not self.isVisible()

    def _previewed(self, ev: Evaluation) -> None:
        if self._in_background():
            self._behind = True
            return
        self.previewing = True
        self.refresh(ev)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)
        if self._behind:
            self._show_stored(self.doc.evaluation)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self._start_slow)  # after the first paint: the window comes first

    def _start_slow(self) -> None:
        if self._slow_for == self._generation and self._slow is not None:
            return
        if self._background.running and self._slow_started_for == self._generation:
            return  # already on its way
        generation, ev = self._generation, ranked_evaluation(self.doc.evaluation)
        self._slow_started_for = generation
        self._background.start(
            lambda _task: rank_slow_methods(ev),
            done=lambda result: self._slow_done(generation, result),
            failed=lambda _line: self._slow_done(generation, {}),  # the table shows those methods as missing
        )

    def _slow_done(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # the evaluation changed meanwhile; a newer job is on its way
        self._slow = result if isinstance(result, dict) else {}
        self._slow_for = generation
        self._fill_compare(self.ranking)

    def wait_for_methods(self, timeout_ms: int = 60000) -> bool:
        """Block until the other methods are ranked (for tests and the report); True when they are."""
        if self._slow is None or self._slow_for != self._generation:
            self._start_slow()
        self._background.wait(timeout_ms)
        return self._slow is not None and self._slow_for == self._generation

    # -- user actions ---------------------------------------------------------------------------------------
    def _method_chosen(self, index: int) -> None:
        m = self.method_box.itemData(index)
        if m and m != self.doc.evaluation.method:
            self.doc.apply(SetSetting("method", m))

    def _radar_picked(self, item: QListWidgetItem) -> None:
        ids = []
        for i in range(self.radar_list.count()):
            it = self.radar_list.item(i)
            if it.checkState() == Qt.CheckState.Checked:
                ids.append(it.data(Qt.ItemDataRole.UserRole))
        self._radar_ids = ids
        if self.ranking is not None:
            self._fill_radar(self._ev, self.ranking)

    # -- drawing --------------------------------------------------------------------------------------------
    def refresh(self, ev: Evaluation | None = None) -> None:
        """Re-rank ``ev`` (default: the stored evaluation) and redraw everything."""
        ev = self.doc.evaluation if ev is None else ev
        self._ev = ev
        lang = language()
        i = self.method_box.findData(ev.method)
        if i >= 0 and i != self.method_box.currentIndex():
            self.method_box.setCurrentIndex(i)
        try:
            r = self.ranker.rank(ev, ev.method, lang)
        except InputError as exc:
            self.ranking = None
            self.chart.set_data(RainbowData(empty=tr("No ranking: {reason}").format(reason=exc)))
            self.status.setText("")
            return
        self.provisional = provisional_view(self.provisional_ranker, ev, r, lang)
        if self.provisional is not None:  # scoring under way: rank on the criteria scored (rule stated)
            ev, r = self.provisional.evaluation, self.provisional.ranking
        self.ranking = r
        self.chart.set_data(self._rainbow(ev, r))
        self._fill_excluded(r)
        self._fill_radar(ev, r)
        self._fill_compare(r)
        self._set_status(ev, r)

    def _set_status(self, ev: Evaluation, r: LiveRanking) -> None:
        parts = [self.provisional.notice] if self.provisional is not None else []
        if self.previewing:
            parts.append(tr("Preview while you drag: release to keep this weight."))
        if not splits_by_criterion(r):
            parts.append(
                tr(
                    "{method_name} does not split its score by criterion; the Profile tab on the right shows "
                    "where each alternative is strong or weak."
                ).format(method_name=method_name(r.method))
            )
        self.status.setText(" ".join(parts))
        self.status.setVisible(bool(parts))

    def _rainbow(self, ev: Evaluation, r: LiveRanking) -> RainbowData:
        data = rainbow_data(ev, r)
        if self.provisional is not None:
            data = replace(data, caption=tr("Provisional ranking").upper() + " · " + data.caption)
        return data

    def _fill_excluded(self, r: LiveRanking) -> None:
        self.excluded_title.setVisible(bool(r.excluded))
        self.excluded.setVisible(bool(r.excluded))
        self.excluded.setText("\n".join(f"✕ {name} — {why}" for name, why in r.excluded))

    def _fill_radar(self, ev: Evaluation, r: LiveRanking) -> None:
        order = r.order()
        ids = [r.alternatives[i] for i in order]
        chosen = self._radar_ids if self._radar_ids is not None else ids[:RADAR_DEFAULT]
        self.radar_list.blockSignals(True)
        if [
            self.radar_list.item(k).data(Qt.ItemDataRole.UserRole) for k in range(self.radar_list.count())
        ] != ids:
            self.radar_list.set_names([(r.names[i], r.alternatives[i]) for i in order])
        for k in range(self.radar_list.count()):
            it = self.radar_list.item(k)
            on = it.data(Qt.ItemDataRole.UserRole) in chosen
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.radar_list.blockSignals(False)
        axes, vals = area_values(ev, r)
        if len(axes) < 3:  # too few areas for a polygon: use the criteria
            axes = [c.id for c in ev.criteria]
            vals = r.values
        row = {a: i for i, a in enumerate(r.alternatives)}
        series = tuple((r.names[row[a]], tuple(float(x) for x in vals[row[a]])) for a in chosen if a in row)
        self.radar.set_data(
            RadarData(
                tuple(axes),
                series,
                tr("Tick alternatives on the left to compare their profiles."),
            )
        )

    def _fill_compare(self, r: LiveRanking | None) -> None:
        if r is None:
            return
        fast = fast_ranks(r.problem, r.weights) if r.alternatives else {}
        fast_by_id = {m: {a: int(k) for a, k in zip(r.alternatives, v, strict=True)} for m, v in fast.items()}
        order = r.order()
        slow = self._slow if (self._slow_for == self._generation and not self.previewing) else None
        self.compare.set_rows(
            [r.alternatives[i] for i in order], [r.names[i] for i in order], self._ev.method, fast_by_id, slow
        )

    # -- language -------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(tr("Ranking"))
        self.method_label.setText(tr("&Method:"))
        self.method_box.setAccessibleName(tr("Ranking method"))
        for k in range(self.method_box.count()):
            m = self.method_box.itemData(k)
            self.method_box.setItemText(k, method_name(m))
            self.method_box.setItemData(k, METHODS[m].summary(language()), Qt.ItemDataRole.ToolTipRole)
        self.chart.setAccessibleName(tr("Ranking chart"))
        self.chart_scroll.setAccessibleName(tr("Ranking chart, scrollable"))
        self.excluded_title.setText(tr("Not ranked"))
        self.excluded.setAccessibleName(tr("Alternatives not ranked and why"))
        self.tabs.setTabText(0, tr("&Profile"))
        self.tabs.setTabText(1, tr("Methods &side by side"))
        self.radar.setAccessibleName(tr("Profile per area"))
        self.radar_list.setAccessibleName(tr("Alternatives in the profile"))
        self.table.setAccessibleName(tr("Rank under each method"))
        self.compare_note.setText(
            tr(
                "Rank 1 is the best. “…”: still being computed. ELECTRE I only separates its "
                "kernel (1) from the rest (2)."
            )
        )
        self.refresh(self._ev if self.previewing else None)
