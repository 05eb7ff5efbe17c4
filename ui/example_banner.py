"""A dismissible banner above the pages while the open file is the user's copy of the bundled sample.

On first start the app opens that copy (:func:`ui.app.sample_copy`); without a word a first-time user would take
its ranking for the programme's verdict. The banner says it is example data and how to begin an own evaluation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from .i18n import signals, tr


class ExampleBanner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ExampleBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # dark text on a pale yellow: 14:1 contrast, readable on a projector
        self.setStyleSheet(
            "#ExampleBanner { background: #fff4c2; border: 1px solid #b08800; }"
            "#ExampleBanner QLabel { color: #1a1a1a; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.dismiss)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.close_button)
        self.dismissed = False
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def dismiss(self) -> None:
        self.dismissed = True
        self.hide()

    def retranslate(self) -> None:
        self.text.setText(
            tr(
                "<b>Example data.</b> This is a filled-in sample evaluation (“Beter samenwerken”) to show how "
                "Afweging works: its scores, weights and ranking are not the programme's verdict. Start your own "
                "with File → New from catalogue (Ctrl+N). Press F1 for help."
            )
        )
        self.text.setAccessibleName(tr("Example data notice"))
        self.close_button.setText(tr("&Got it"))
        self.close_button.setAccessibleName(tr("Hide the example data notice"))


def install(window: QMainWindow, sample: Path) -> ExampleBanner:
    """Put a banner above ``window``'s central widget, shown while the open document is ``sample``."""
    central = window.takeCentralWidget()
    host = QWidget()
    lay = QVBoxLayout(host)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(0)
    banner = ExampleBanner()
    lay.addWidget(banner)
    lay.addWidget(central, 1)
    window.setCentralWidget(host)
    window.example_banner = banner

    def follow(doc: object) -> None:
        path = getattr(doc, "path", None)
        is_sample = path is not None and Path(path).resolve() == sample.resolve()
        banner.setVisible(is_sample and not banner.dismissed)

    window.document_shown.connect(follow)
    follow(window.doc)
    return banner
