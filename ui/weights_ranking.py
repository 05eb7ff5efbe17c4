"""The ranking beside the weight sliders: a workshop sees the order move while a slider is dragged.

The same rainbow chart as the results page (:mod:`ui.rainbow_data`), re-ranked by the vectorised engine
(:class:`evaluator.live_ranking.LiveRanker`) on every stored change and every preview, so both pages always agree.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from evaluator.errors import InputError
from evaluator.live_ranking import LiveRanker, LiveRanking
from evaluator.model import Evaluation

from .charts.rainbow import RainbowChart, RainbowData
from .compare_model import method_name
from .document import Document
from .i18n import language, signals, tr
from .provisional_ranking import ProvisionalView, provisional_view
from .rainbow_data import rainbow_data


class RankingPanel(QWidget):
    """Title, the ranking chart and one line saying whether it shows a preview or the stored weights."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.ranker = LiveRanker()
        self.ranking: LiveRanking | None = None
        self.provisional_ranker = LiveRanker()
        self.provisional: ProvisionalView | None = None
        self.previewing = False
        self._ev = doc.evaluation
        self._behind = False  # a change arrived while another page was in front
        self.title = QLabel()
        f = QFont(self.title.font())
        f.setPointSizeF(f.pointSizeF() * 1.3)
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        self.chart = RainbowChart()
        self.chart.setMinimumWidth(280)
        self.chart.name_share = 0.5  # narrow panel on a projector: the names matter more than bar detail
        self.state = QLabel()
        self.state.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.chart, 1)
        lay.addWidget(self.state)
        doc.changed.connect(self._stored)
        doc.previewed.connect(self._previewed)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def _stored(self, ev: Evaluation) -> None:
        self.previewing = False
        if self.window().isVisible() and not self.isVisible():
            self._behind = True  # another page is in front: rank when shown
            return
        self.refresh(ev)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self._behind:
            self.refresh()
        super().showEvent(event)

    def _previewed(self, ev: Evaluation) -> None:
        self.previewing = True
        self.refresh(ev)

    def names(self) -> list[str]:
        """The alternatives as the panel shows them, best first."""
        if self._behind:
            self.refresh()
        return [r.name for r in self.chart.data().rows]

    def refresh(self, ev: Evaluation | None = None) -> None:
        self._behind = False
        ev = self.doc.evaluation if ev is None else ev
        self._ev = ev
        try:
            r = self.ranker.rank(ev, ev.method, language())
        except InputError as exc:
            self.ranking, self.provisional = None, None
            self.chart.set_data(RainbowData(empty=tr("No ranking: ") + str(exc)))
        else:
            # while scoring is under way, the same provisional ranking as the results page (rule stated there)
            self.provisional = provisional_view(self.provisional_ranker, ev, r, language())
            if self.provisional is not None:
                ev, r = self.provisional.evaluation, self.provisional.ranking
            self.ranking = r
            data = rainbow_data(ev, r)
            # compact: the legend and caption live on the results page; here the bars and the order count
            self.chart.set_data(
                RainbowData(
                    data.rows,
                    data.colours,
                    (),
                    data.scale,
                    "",
                    data.empty,
                    data.tooltip,
                    data.groups,
                    data.group_colours,
                )  # fmt: skip
            )
        self._set_state()

    def _set_state(self) -> None:
        r = self.ranking
        how = method_name(r.method) if r is not None else ""
        if self.previewing:
            line = tr("Preview ({how}): release the slider to keep this weight.").format(how=how)
        else:
            line = tr("Stored weights · {how}").format(how=how)
        if self.provisional is not None:
            left = ", ".join(self.provisional.rule.left_out)
            line = (
                tr("PROVISIONAL, without {left} (not scored for every alternative; see Ranking) · ").format(
                    left=left
                )
                + line
            )
        if r is not None and r.excluded:
            line += tr(" · {n_excluded} not ranked (see Ranking)").format(n_excluded=len(r.excluded))
        self.state.setText(line)

    def retranslate(self) -> None:
        self.title.setText(tr("Ranking with these weights"))
        self.chart.setAccessibleName(tr("Ranking with these weights"))
        self.state.setAccessibleName(tr("Ranking state"))
        self.refresh(self._ev if self.previewing else None)
