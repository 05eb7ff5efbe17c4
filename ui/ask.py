"""The one way the app asks before a change that throws work away (removing an alternative, a new round).

``confirm`` shows a question whose safe answer (Cancel) is the default, so Enter or Esc never destroys anything;
the destructive button names what it does. Undo still brings the work back: the question only stops a slip.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from .i18n import ngettext, tr


def confirm(parent: QWidget | None, question: str, detail: str, action: str) -> bool:
    """Ask ``question`` (``detail`` below it); True only when the button labelled ``action`` is pressed."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("Are you sure?"), question, parent=parent)
    box.setInformativeText(detail)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.setAccessibleName(question)
    box.exec()
    return box.clickedButton() is yes


def undo_hint() -> str:
    return tr("Undo (Ctrl+Z) brings it back.")


def confirm_removal(parent: QWidget | None, question: str, held: list) -> bool:  # held: Assessments
    """Ask before removing something that carries scores: says how many scores and pieces of evidence go with it."""
    scored = sum(1 for s in held if s.value is not None)
    evidence = sum(1 for s in held if s.evidence or s.source)
    detail = tr("Its {scores} and {evidence} go with it. ").format(
        scores=ngettext("{n} score", "{n} scores", scored).format(n=scored),
        evidence=ngettext("{n} piece of evidence", "{n} pieces of evidence", evidence).format(n=evidence),
    )
    return confirm(parent, question, detail + undo_hint(), tr("Remove"))
