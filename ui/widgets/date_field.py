"""A date field: a real calendar date or no date, never free text.

Shows and reads dates in the session's short format (31-01-2026 in Dutch, 31/01/2026 in English) and also reads
ISO (2026-01-31); stores ISO. Empty means "no date". Text that is not a date ("gisteren", 31-02-2026) is refused
with a message and the stored date comes back. A date stored by an older version as free text is shown as it
is, so nothing disappears from view, until someone enters a real date.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from ..i18n import locale, tr


def _format() -> str:
    """The session's short date format with a four-digit year (QLocale's may have two)."""
    fmt = locale().dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def parse_date(typed: str) -> str:
    """``typed`` as an ISO date, "" when empty; ``ValueError`` with a message in the session's language."""
    s = typed.strip()
    if not s:
        return ""
    for fmt in (_format(), "d-M-yyyy", "d/M/yyyy", "yyyy-MM-dd"):
        d = QDate.fromString(s, fmt)
        if d.isValid():
            return d.toString(Qt.DateFormat.ISODate)
    example = QDate(2026, 1, 31).toString(_format())
    raise ValueError(tr("“{s}” is not a date; write it as {example}").format(s=s, example=example))


def show_date(iso: str) -> str:
    """A stored date in the session's format (free text from an older version as it is)."""
    d = QDate.fromString(iso, Qt.DateFormat.ISODate)
    return d.toString(_format()) if iso and d.isValid() else iso


class DateField(QLineEdit):
    """Emits ``committed(iso)`` when left with a changed date (``""``: no date), ``refused(message)`` for text
    that is not a date."""

    committed = Signal(str)
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stored = ""
        self.editingFinished.connect(self._finish)
        self.retranslate()

    def retranslate(self) -> None:
        example = QDate(2026, 1, 31).toString(_format())
        self.setPlaceholderText(tr("no date (e.g. {example})").format(example=example))
        self.set_date(self._stored)

    def set_date(self, iso: str) -> None:
        """Show the stored ``iso`` date without committing it."""
        self._stored = iso
        shown = show_date(iso)
        if self.text() != shown:
            self.setText(shown)
            self.setCursorPosition(0)

    def _finish(self) -> None:
        try:
            iso = parse_date(self.text())
        except ValueError as exc:
            self.setText(show_date(self._stored))
            self.refused.emit(str(exc))
            return
        self.setText(show_date(iso))
        if iso != self._stored:
            self._stored = iso
            self.committed.emit(iso)
