"""The verify dialog: choose a memo and a trust root; see in plain words whether the memo holds.

It calls the same core function as ``afweging verify`` (``evaluator.report.verify.verify_memo``), off the GUI
thread (:mod:`ui.background`): Verify is disabled while it runs, and a verdict that arrives after the dialog
closed is dropped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .background import Background
from .i18n import language, signals, tr
from .screen_fit import fit_to_screen

_BANNER = (
    "background: {bg}; color: {fg}; font-size: 16pt; font-weight: bold; padding: 10px; border-radius: 4px;"
)


class VerifyDialog(QDialog):
    """Choose a memo and a trust root; see in plain words whether the memo holds."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.memo = QLineEdit()
        self.trust = QLineEdit()
        self.memo_browse = QPushButton()
        self.trust_browse = QPushButton()
        self.memo_browse.clicked.connect(lambda: self._browse(self.memo, "PDF (*.pdf)"))
        self.trust_browse.clicked.connect(lambda: self._browse(self.trust, "*.pem *.crt *.cer *.der"))
        self.verify_button = QPushButton()
        self.verify_button.setDefault(True)
        self.verify_button.clicked.connect(self.start_check)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result = None
        self._outcome: bool | None = None
        self._checks = Background(self)  # the signature check

        form = QFormLayout()
        self._l_memo, self._l_trust = QLabel(), QLabel()
        for label, edit, button in ((self._l_memo, self.memo, self.memo_browse),
                                    (self._l_trust, self.trust, self.trust_browse)):  # fmt: skip
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(button)
            form.addRow(label, row)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.verdict)
        lay.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.verify_button)
        lay.addLayout(buttons)
        fit_to_screen(self, 720, 420)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Verify a decision memo"))
        self._l_memo.setText(tr("Memo (PDF)"))
        self._l_trust.setText(tr("Trusted root certificate"))
        self.memo_browse.setText(tr("Choose…"))
        self.trust_browse.setText(tr("Choose…"))
        self.memo.setAccessibleName(self._l_memo.text().replace("&", ""))
        self.trust.setAccessibleName(self._l_trust.text().replace("&", ""))
        self.memo_browse.setAccessibleName(tr("Choose the memo"))
        self.trust_browse.setAccessibleName(tr("Choose the root certificate"))
        self.verify_button.setText(tr("Verify"))
        self.close_button.setText(tr("Close"))
        if self.result is not None:
            self._show(self.result)

    @property
    def checking(self) -> bool:
        return self._checks.running

    def start_check(self) -> bool:
        """Start verifying the chosen memo off the GUI thread (a signature check reads the whole PDF and its
        certificates); True when started. Verify is disabled and the verdict says so until the outcome is shown."""
        from evaluator.report.verify import verify_memo

        if self.checking:
            return False
        memo = self.memo.text().strip()
        trust = [self.trust.text().strip()] if self.trust.text().strip() else []
        self.result, self._outcome = None, None
        self.verify_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.verdict.setText(tr("Checking {name}…").format(name=Path(memo).name or memo))
        self.verdict.setStyleSheet(_BANNER.format(bg="#EEF2F6", fg="#344054"))
        self.details.setText("")
        self._checks.start(
            lambda _task: verify_memo(memo, trust), done=self._checked, failed=self._not_checked
        )
        return True

    def wait_for_check(self, timeout_ms: int = 120_000) -> bool | None:
        """Wait, with the window turning, for the check started last: True valid, False invalid, None when the
        input cannot be used (for tests and scripts)."""
        self._checks.wait(timeout_ms)
        return self._outcome

    def run_check(self) -> bool | None:
        """Verify the chosen memo and wait for the outcome (see :meth:`wait_for_check`)."""
        return self.wait_for_check() if self.start_check() else None

    def _checked(self, result: object) -> None:
        self._idle()
        self.result = result
        self._outcome = result.valid
        self._show(result)

    def _not_checked(self, line: str) -> None:
        self._idle()
        self.verdict.setText(tr("Cannot check: {line}").format(line=line))
        self.verdict.setStyleSheet(_BANNER.format(bg="#FDECEA", fg="#B42318"))
        self.details.setText("")

    def _idle(self) -> None:
        self.verify_button.setEnabled(True)
        self.unsetCursor()

    def done(self, r: int) -> None:
        self._checks.close()  # a verdict arriving from now on is dropped
        self._checks = Background(self)  # (a dialog shown again checks anew)
        self._idle()
        super().done(r)

    def _show(self, v) -> None:  # noqa: ANN001 - evaluator.report.verify.Verification
        from evaluator.report.verify import describe

        ok = v.valid
        self.verdict.setText(describe(v, language())[0])
        self.verdict.setStyleSheet(
            _BANNER.format(bg="#E7F4EA" if ok else "#FDECEA", fg="#1E6B34" if ok else "#B42318")
        )
        self.details.setText("\n".join(describe(v, language())[1:]))  # one line per check, as the CLI says it
        self.details.setStyleSheet("font-size: 13pt; line-height: 150%;")

    def _browse(self, edit: QLineEdit, filt: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), "", filt)
        if path:
            edit.setText(path)
