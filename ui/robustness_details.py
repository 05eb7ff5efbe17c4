"""The robustness page's detail for specialists, behind a "Details for specialists" disclosure (collapsed at
first): weight stability intervals, the places' spread (rank IQR), method agreement with Kendall τ, and the
rank-reversal checks. The page itself leads with the verdict in plain words and the acceptability chart.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator.model import text
from evaluator.sensitivity import display_order
from evaluator.text import sentences

from .compare_model import method_name, short_name
from .i18n import number, percent, tr
from .style import SUBHEADING, scaled_font
from .widgets.disclosure import Disclosure


def stability_order(stability: list) -> list:
    """The criteria closest to an edge that changes first place first (no edge: last, by weight)."""

    def room(s: object) -> float:
        d = [s.weight - s.low if s.low > 0 else math.inf, s.high - s.weight if s.high < 1 else math.inf]
        return min(d)

    return sorted(stability, key=lambda s: (room(s), -s.weight))


def rank_quartiles(shares: np.ndarray) -> tuple[int, int, int]:
    """The places (1 = first) at the 25th, 50th and 75th percentile of one alternative's rank distribution."""
    cum = np.cumsum(shares)

    def at(q: float) -> int:
        return int(np.searchsorted(cum, q - 1e-9)) + 1

    return at(0.25), at(0.5), at(0.75)


class SpecialistDetails(QWidget):
    """The tables a specialist reads; filled by :meth:`show_outcome`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stability_title = QLabel()
        self.stability_title.setFont(scaled_font(SUBHEADING, bold=True))
        self.stability_note = QLabel()
        self.stability_note.setWordWrap(True)
        self.stability_table = self._table()
        self.spread_title = QLabel()
        self.spread_title.setFont(scaled_font(SUBHEADING, bold=True))
        self.spread_note = QLabel()
        self.spread_note.setWordWrap(True)
        self.rank_spread_table = self._table()
        self.agreement_title = QLabel()
        self.agreement_title.setFont(scaled_font(SUBHEADING, bold=True))
        self.agreement_summary = QLabel()
        self.agreement_summary.setWordWrap(True)
        self.agreement_table = self._table()
        self.correlation_title = QLabel()
        self.correlation_table = self._table()
        self.reversal_title = QLabel()
        self.reversal_title.setFont(scaled_font(SUBHEADING, bold=True))
        self.reversal = QLabel()
        self.reversal.setWordWrap(True)
        self.reversal.setTextFormat(Qt.TextFormat.RichText)
        inner = QWidget()
        lower = QHBoxLayout(inner)
        lower.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        for w in (self.stability_title, self.stability_note, self.stability_table, self.spread_title,
                  self.spread_note, self.rank_spread_table):  # fmt: skip
            left.addWidget(w)
        left.addStretch(1)
        right = QVBoxLayout()
        for w in (self.agreement_title, self.agreement_summary, self.agreement_table, self.correlation_title,
                  self.correlation_table, self.reversal_title, self.reversal):  # fmt: skip
            right.addWidget(w)
        right.addStretch(1)
        lower.addLayout(left, 1)
        lower.addLayout(right, 1)
        self.disclosure = Disclosure(inner)
        self.button = self.disclosure.button
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.disclosure)

    @staticmethod
    def _table() -> QTableWidget:
        t = QTableWidget()
        t.setTabKeyNavigation(False)  # Tab moves on to the next field, not the next cell
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.verticalHeader().setVisible(False)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(False)
        t.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        return t

    @staticmethod
    def _fit(t: QTableWidget, stretch: int) -> None:
        """Column ``stretch`` takes the spare width; the table is as tall as its rows (the page scrolls)."""
        t.resizeColumnsToContents()
        t.resizeRowsToContents()
        if t.columnCount() > stretch:
            t.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        rows = sum(t.rowHeight(r) for r in range(t.rowCount()))
        bar = t.horizontalScrollBar().sizeHint().height()
        t.setFixedHeight(t.horizontalHeader().sizeHint().height() + rows + 2 * t.frameWidth() + bar)

    def show_outcome(self, o: object, lang: str) -> None:
        self._fill_stability(o, lang)
        self._fill_rank_spread(o)
        self._fill_agreement(o, lang)

    def _fill_stability(self, o: object, lang: str) -> None:
        ev = o.ev
        rows = stability_order(o.stability)
        t = self.stability_table
        t.setColumnCount(5)
        t.setHorizontalHeaderLabels(
            [
                tr("Criterion"),
                tr("Weight now"),
                tr("Lowest"),
                tr("Highest"),
                tr("Then first"),
            ]
        )
        t.setRowCount(len(rows))
        crit_ids = {c.id for c in ev.criteria}
        alt = {a.id: a.name for a in ev.alternatives}
        for r, s in enumerate(rows):
            name = (
                f"{s.criterion} {text(ev.criterion(s.criterion).name, lang)}"
                if s.criterion in crit_ids
                else s.criterion
            )
            takers = [alt.get(x, x) for x in (s.below, s.above) if x]
            cells = [
                name,
                percent(s.weight, 1),
                percent(s.low, 1),
                percent(s.high, 1),
                ", ".join(dict.fromkeys(takers)) if takers else "—",
            ]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                elif c == 0:
                    item.setToolTip(name)  # the column may be too narrow for a long name
                t.setItem(r, c, item)
        self._fit(t, 0)
        top = alt.get(o.stability[0].top, "") if o.stability else ""
        self.stability_note.setText(
            tr(
                "How far each criterion's weight can move (the others keeping their proportions) "
                "while {top} stays first. The criteria closest to an edge come first."
            ).format(top=top)
        )

    def _fill_rank_spread(self, o: object) -> None:
        acc = o.acc
        n = len(acc.alternatives)
        order = display_order(acc.acceptability)  # the order of every acceptability list
        t = self.rank_spread_table
        t.setColumnCount(3)
        t.setHorizontalHeaderLabels(
            [
                tr("Alternative"),
                tr("Mean place"),
                tr("Middle half of places (IQR)"),
            ]
        )
        t.setRowCount(n)
        for r, i in enumerate(order):
            q1, _, q3 = rank_quartiles(acc.acceptability[i])
            cells = [
                acc.names[i],
                number(float(acc.expected_rank[i]), 1),
                f"{q1}" if q1 == q3 else f"{q1}–{q3}",
            ]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                t.setItem(r, c, item)
        self._fit(t, 0)

    def _fill_agreement(self, o: object, lang: str) -> None:
        ag = o.agreement
        if ag is None:
            self.agreement_summary.setText(o.problem)
            self.agreement_table.setRowCount(0)
            self.correlation_table.setRowCount(0)
            self.reversal.setText("")
            return
        self.agreement_summary.setText(" ".join(sentences(ag.findings(), o.ev, lang)))
        methods = list(ag.methods)
        k = methods.index(o.settings.method) if o.settings.method in methods else 0
        order = sorted(range(len(ag.alternatives)), key=lambda i: (ag.ranks[k, i], i))
        t = self.agreement_table
        t.setColumnCount(1 + len(methods))
        t.setHorizontalHeaderLabels([tr("Alternative")] + [short_name(m) for m in methods])
        for c, m in enumerate(methods):
            t.horizontalHeaderItem(c + 1).setToolTip(method_name(m))
        t.setRowCount(len(order))
        for r, i in enumerate(order):
            t.setItem(r, 0, QTableWidgetItem(ag.names[i]))
            for c in range(len(methods)):
                item = QTableWidgetItem(str(int(ag.ranks[c, i])))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                t.setItem(r, c + 1, item)
        self._fit(t, 0)
        tau = "Kendall τ" if ag.correlation_kind == "kendall" else "Spearman ρ"
        self.correlation_title.setText(tr("Rank correlation ({tau}; 1 = the same order)").format(tau=tau))
        ct = self.correlation_table
        ct.setColumnCount(1 + len(methods))
        ct.setHorizontalHeaderLabels([""] + [short_name(m) for m in methods])
        ct.setRowCount(len(methods))
        for r, m in enumerate(methods):
            ct.setItem(r, 0, QTableWidgetItem(short_name(m)))
            for c in range(len(methods)):
                x = ag.correlation[r, c]
                item = QTableWidgetItem("—" if not np.isfinite(x) else number(x, 2))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                ct.setItem(r, c + 1, item)
        ct.setFixedHeight(
            ct.horizontalHeader().height() + sum(ct.rowHeight(r) for r in range(len(methods))) + 4
        )
        found = sentences(o.reversal.findings, o.ev, lang) if o.reversal is not None else []
        self.reversal.setText("<ul>" + "".join(f"<li>{_escape(s)}</li>" for s in found) + "</ul>")

    def retranslate(self) -> None:
        self.disclosure.set_text(
            tr("Details for specialists"),
            tr("expanded"),
            tr("collapsed: weight stability, places' spread, method agreement"),
        )  # fmt: skip
        self.stability_title.setText(tr("Weight stability"))
        self.stability_table.setAccessibleName(tr("Weight stability per criterion"))
        self.spread_title.setText(tr("Spread of the places"))
        self.spread_note.setText(
            tr(
                "Per alternative its mean place over all weightings tried and the middle half of the places it "
                "took (interquartile range)."
            )
        )
        self.rank_spread_table.setAccessibleName(tr("Spread of the places"))
        self.agreement_title.setText(tr("Method agreement"))
        self.agreement_table.setAccessibleName(tr("Rankings per method"))
        self.correlation_table.setAccessibleName(tr("Rank correlation between methods"))
        self.reversal_title.setText(tr("Rank reversal checks"))
        self.reversal.setAccessibleName(tr("Rank reversal findings"))


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
