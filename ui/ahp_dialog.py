"""AHP pairwise comparison: judge each pair on Saaty's 1/9 … 9 scale, see the weights and the consistency ratio,
with the most inconsistent judgement pointed out, and apply the weights as one change."""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaluator.changes import SetWeights
from evaluator.weight_scopes import Item, items, scopes
from evaluator.weighting import ahp_weights, most_inconsistent_judgement, pairwise_from_upper

from .document import Document
from .i18n import language, number, percent, signals, tr
from .screen_fit import fit_to_screen

# the 17 choices of a judgement, left item's importance over the right one's: 9 … 2, 1, 1/2 … 1/9
SAATY = tuple([float(v) for v in range(9, 1, -1)] + [1.0] + [1.0 / v for v in range(2, 10)])
CR_LIMIT = 0.10


def _word(k: int) -> str:
    """The word for a judgement of ``k`` on Saaty's scale (1, 3, 5, 7, 9); none in between."""
    words = {
        1: tr("equal"),
        3: tr("moderately"),
        5: tr("strongly"),
        7: tr("very strongly"),
        9: tr("extremely"),
    }
    return words.get(k, "")


def judgement_text(v: float) -> str:
    """A choice as a person reads it: "← 5 strongly", "1 equal", "3 moderately →"."""
    k = round(v if v >= 1 else 1 / v)
    word = _word(k)
    if k == 1:
        return f"1 {word}"
    return f"◀ {k} {word}".rstrip() if v > 1 else f"{k} {word} ▶".replace("  ", " ")


def nearest_choice(ratio: float) -> int:
    """Index in :data:`SAATY` closest (on a log scale) to ``ratio``."""
    if not np.isfinite(ratio) or ratio <= 0:
        return SAATY.index(1.0)
    return int(np.argmin([abs(np.log(ratio) - np.log(s)) for s in SAATY]))


class AhpDialog(QDialog):
    """Pairwise comparison of the items of one scope (the areas, or the criteria of one area)."""

    def __init__(self, doc: Document, scope: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.scope = doc, scope
        ev = doc.evaluation
        self.items: list[Item] = items(ev, scope, language())
        self.weights = np.full(len(self.items), 1.0 / max(1, len(self.items)))
        self.cr = 0.0
        self.worst: tuple[int, int, float] | None = None
        self.pairs = list(itertools.combinations(range(len(self.items)), 2))
        self.combos: dict[tuple[int, int], QComboBox] = {}
        self._pair_labels: dict[tuple[int, int], tuple[QLabel, QLabel]] = {}

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        pts = ev.weights
        for row, (i, j) in enumerate(self.pairs):
            left, right = QLabel(self.items[i].name), QLabel(self.items[j].name)
            right.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            left.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            box = QComboBox()
            for v in SAATY:
                box.addItem("", v)
            wi, wj = float(pts.get(self.items[i].id, 0.0)), float(pts.get(self.items[j].id, 0.0))
            box.setCurrentIndex(nearest_choice(wi / wj if wi > 0 and wj > 0 else 1.0))
            box.currentIndexChanged.connect(self._recompute)
            left.setBuddy(box)
            grid.addWidget(left, row, 0)
            grid.addWidget(box, row, 1)
            grid.addWidget(right, row, 2)
            self.combos[(i, j)] = box
            self._pair_labels[(i, j)] = (left, right)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.pairs), 1)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)

        self.table = QTableWidget(len(self.items), 2)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next field, not the next cell
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.cr_label = QLabel()
        f = QFont(self.cr_label.font())
        f.setPointSizeF(f.pointSizeF() * 1.2)
        f.setBold(True)
        self.cr_label.setFont(f)
        self.cr_label.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.fix_button = QPushButton()
        self.fix_button.clicked.connect(self.accept_suggestion)

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.clicked.connect(self.apply_weights)
        self.cancel_button.clicked.connect(self.reject)

        right_col = QVBoxLayout()
        right_col.addWidget(self.table, 1)
        right_col.addWidget(self.cr_label)
        right_col.addWidget(self.advice)
        right_col.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignLeft)
        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addLayout(right_col, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(body, 1)
        lay.addWidget(self.buttons)
        fit_to_screen(self, 1100, 640)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    # -- judgements -----------------------------------------------------------------------------------------
    def judgement(self, i: int, j: int) -> float:
        return float(self.combos[(i, j)].currentData())

    def set_judgement(self, i: int, j: int, value: float) -> None:
        self.combos[(i, j)].setCurrentIndex(nearest_choice(value))

    def matrix(self) -> np.ndarray:
        return pairwise_from_upper(len(self.items), {(i, j): self.judgement(i, j) for i, j in self.pairs})

    def _recompute(self) -> None:
        n = len(self.items)
        if n == 0:
            return
        a = self.matrix()
        self.weights, self.cr = ahp_weights(a)
        self.worst = most_inconsistent_judgement(a) if n >= 3 else None
        lang_items = self.items
        for k, it in enumerate(lang_items):
            name = QTableWidgetItem(it.name)
            share = QTableWidgetItem(percent(self.weights[k], 1))
            share.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(k, 0, name)
            self.table.setItem(k, 1, share)
        self.table.resizeColumnToContents(0)
        ok = self.cr <= CR_LIMIT
        self.cr_label.setText(
            tr("Consistency ratio: {cr}").format(cr=number(self.cr, 2)) + ("  ✓" if ok else "  ⚠")
        )
        self.cr_label.setStyleSheet("" if ok else "color: #A4000F;")  # dark red: 7:1 on white
        for (i, j), box in self.combos.items():
            hot = self.worst is not None and (i, j) == self.worst[:2] and not ok
            box.setStyleSheet("QComboBox { border: 3px solid #A4000F; }" if hot else "")
            for lab in self._pair_labels[(i, j)]:
                f = QFont(lab.font())
                f.setBold(hot)
                lab.setFont(f)
        if n < 3:
            self.advice.setText(tr("With two items every set of judgements is consistent."))
            self.fix_button.setVisible(False)
            return
        i, j, implied = self.worst
        a_, b_ = self.items[i].name, self.items[j].name
        said = judgement_text(self.judgement(i, j))
        fits = judgement_text(SAATY[nearest_choice(implied)])
        if ok:
            self.advice.setText(
                tr(
                    "The judgements are consistent enough (at most {CR_LIMIT}). The one that fits least: "
                    "{a} vs {b}."
                ).format(CR_LIMIT=number(CR_LIMIT, 2), a=a_, b=b_)
            )
        else:
            self.advice.setText(
                tr(
                    "Too inconsistent: above {CR_LIMIT}, the judgements contradict each other. Reconsider "
                    "{a} vs {b} first (marked red): you chose “{said}”; the other judgements suggest "
                    "“{fits}”."
                ).format(CR_LIMIT=number(CR_LIMIT, 2), a=a_, b=b_, said=said, fits=fits)
            )
        self.fix_button.setVisible(not ok)

    def accept_suggestion(self) -> None:
        """Set the most inconsistent judgement to the value the others imply."""
        if self.worst is not None:
            i, j, implied = self.worst
            self.set_judgement(i, j, implied)

    def points(self) -> dict[str, float]:
        """The weights as points (×100, two decimals) keyed by area or criterion id."""
        return {it.id: round(100.0 * float(w), 2) for it, w in zip(self.items, self.weights, strict=True)}

    def apply_weights(self) -> None:
        how = tr("made by pairwise comparison (AHP), consistency ratio {cr}").format(cr=number(self.cr, 2))
        if self.doc.apply(SetWeights(self.points(), method="ahp"), reason=how):
            self.accept()

    # -- language -------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = language()
        label = dict(scopes(self.doc.evaluation, lang)).get(self.scope, self.scope)
        self.setWindowTitle(tr("Pairwise comparison — {label}").format(label=label))
        self.scroll.setAccessibleName(tr("Pairs to compare"))
        self.intro.setText(
            tr(
                "For each pair: which one matters more, and how much? Point the arrow at the more important one "
                "(1 equal … 9 extremely more important)."
            )
        )
        fresh = items(self.doc.evaluation, self.scope, lang)
        if [x.id for x in fresh] == [x.id for x in self.items]:
            self.items = fresh
        for (i, j), box in self.combos.items():
            for k, v in enumerate(SAATY):
                box.setItemText(k, judgement_text(v))
            box.setAccessibleName(
                tr("{name} compared with {name2}").format(name=self.items[i].name, name2=self.items[j].name)
            )
            left, right = self._pair_labels[(i, j)]
            left.setText(self.items[i].name)
            right.setText(self.items[j].name)
        self.table.setHorizontalHeaderLabels([tr("Item"), tr("Weight")])
        self.table.setAccessibleName(tr("Weights from the judgements"))
        self.fix_button.setText(tr("Use the &suggested judgement"))
        self.apply_button.setText(tr("&Apply these weights"))
        self.cancel_button.setText(tr("Cancel"))
        self._recompute()
