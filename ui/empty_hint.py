"""One line on an empty page saying what to do next ("No alternatives yet: choose Add… (Insert)")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from evaluator.model import Evaluation

from .document import Document
from .i18n import signals, tr

# page → (is the page empty?, (English, Dutch) of what to do next)
HINTS: dict[str, tuple[Callable[[Evaluation], bool], tuple[str, str]]] = {
    "alternatives": (
        lambda ev: not ev.alternatives,
        (
            "No alternatives yet. Next: choose Add… (or press Insert) for each suite you compare, then score "
            "them on the Scores page.",
            "Nog geen alternatieven. Volgende stap: kies Toevoegen… (of druk op Insert) voor elk pakket dat u "
            "vergelijkt en score ze daarna op de pagina Scores.",
        ),
    ),
    "criteria": (
        lambda ev: not ev.criteria,
        (
            "No criteria yet. Next: choose Add area…, then Add criterion… — or start from a catalogue with "
            "File → New from catalogue (Ctrl+N).",
            "Nog geen criteria. Volgende stap: kies Gebied toevoegen…, daarna Criterium toevoegen… — of begin "
            "vanuit een catalogus met Bestand → Nieuw uit catalogus (Ctrl+N).",
        ),
    ),
    "scores": (
        lambda ev: not ev.alternatives or not ev.criteria,
        (
            "Nothing to score yet. Next: add criteria on the Criteria page and alternatives on the Alternatives "
            "page (Ctrl+2, Ctrl+3).",
            "Nog niets te scoren. Volgende stap: voeg criteria toe op de pagina Criteria en alternatieven op de "
            "pagina Alternatieven (Ctrl+2, Ctrl+3).",
        ),
    ),
}


class EmptyHint(QLabel):
    """Shown only while the page ``key`` has nothing in it; follows stored changes and the language."""

    def __init__(self, doc: Document, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.is_empty, self.texts = HINTS[key]
        self.setWordWrap(True)
        f = QFont(self.font())
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.setFont(f)
        self.setAccessibleName(tr("What to do next"))
        doc.changed.connect(self.follow)
        signals.language_changed.connect(self.retranslate)  # a method: disconnected when the label goes
        self.follow(doc.evaluation)

    def retranslate(self, *_: object) -> None:
        self.follow(self.doc.evaluation)

    def follow(self, ev: Evaluation) -> None:
        self.setText(tr(*self.texts))
        self.setAccessibleName(tr("What to do next"))
        self.setVisible(self.is_empty(ev))
