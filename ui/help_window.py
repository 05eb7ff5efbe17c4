"""F1: a small help window inside the app, in the app's language, opened at the current page's section.

The texts are HTML under ``resources/help/`` (``help.nl.html``, ``help.en.html``), one section per page, each
starting with ``<a name="PAGE_KEY">`` (the keys of :data:`ui.main_window.PAGES`, plus ``start``).
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .i18n import language, tr
from .screen_fit import fit_to_screen


def help_html(lang: str) -> str:
    """The help text in ``lang`` (``"nl"`` or ``"en"``; other languages get English)."""
    name = f"help.{lang if lang in ('nl', 'en') else 'en'}.html"
    return (resources.files("resources") / "help" / name).read_text(encoding="utf-8")


class HelpWindow(QDialog):
    """Non-modal: the user can keep working with the help open beside the window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(False)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # no links out: the app is offline
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        fit_to_screen(self, 640, 560)
        self.section = ""

    def show_section(self, key: str) -> None:
        """Load the help in the current language and scroll to ``key``'s section."""
        self.setWindowTitle(tr("Afweging help"))
        self.browser.setAccessibleName(tr("Help text"))
        self.browser.setHtml(help_html(language()))
        self.section = key
        self.show()
        self.raise_()
        self.browser.scrollToAnchor(key)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)


def show_help(window: QWidget, key: str) -> HelpWindow:
    """Open (or reuse) ``window``'s help window at page ``key``."""
    hw = getattr(window, "_help_window", None)
    if hw is None:
        hw = HelpWindow(window)
        window._help_window = hw
    hw.show_section(key)
    return hw
