"""The memo export dialog: language, signing, reason, page preview (the verify dialog is :mod:`ui.verify_dialog`).

It calls the same core function as the command line (``evaluator.report.export.export_memo``). The password and
PIN fields are read once when exporting and cleared; they are never stored or logged. The preview and the export
(rendering, signing, writing) run off the GUI thread (:mod:`ui.background`): the dialog stays responsive, Export
is disabled while one runs, and an outcome that arrives after the dialog closed is dropped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator.errors import AfwegingError, InputError

from .background import Background
from .document import Document
from .i18n import language, ngettext, signals, tr
from .screen_fit import fit_to_screen


class _PagePreview(QWidget):
    """Pages of a PDF: QtPdf's view when this Qt has it, else pages rendered by pdftoppm as pictures."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self._pdf_doc = None
        try:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            self._pdf_doc = QPdfDocument(self)
            self._view = QPdfView(self)
            self._view.setDocument(self._pdf_doc)
            self._view.setPageMode(QPdfView.PageMode.MultiPage)
            self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            lay.addWidget(self._view, 1)
        except ImportError:
            self._scroll = QScrollArea(self)
            self._scroll.setWidgetResizable(True)
            self._pages = QWidget()
            self._pages_lay = QVBoxLayout(self._pages)
            self._pages_lay.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self._scroll.setWidget(self._pages)
            lay.addWidget(self._scroll, 1)
        self.page_count = 0
        self.retranslate()

    def retranslate(self) -> None:
        name = tr("Preview of the memo")
        view = self._view if self._pdf_doc is not None else self._scroll
        view.setAccessibleName(name)

    def show_pdf(self, path: Path) -> None:
        if self._pdf_doc is not None:
            self._pdf_doc.load(str(path))
            self.page_count = self._pdf_doc.pageCount()
            return
        while self._pages_lay.count():
            item = self._pages_lay.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        tool = shutil.which("pdftoppm")
        if not tool:
            self.status.setText(tr("No page preview on this system (install poppler-utils)."))  # fmt: skip
            return
        out = path.with_suffix("")
        subprocess.run([tool, "-r", "70", "-png", str(path), str(out)], check=False, capture_output=True,
                       timeout=120)  # fmt: skip
        pngs = sorted(path.parent.glob(out.name + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        self.page_count = len(pngs)
        for png in pngs:
            lab = QLabel()
            lab.setPixmap(QPixmap(str(png)))
            lab.setStyleSheet("border: 1px solid #C9D1DB; background: white;")
            self._pages_lay.addWidget(lab)
            lab.show()


class ExportMemoDialog(QDialog):
    """Export the decision memo of ``doc``: language, signing (none / PKCS#12 / PKCS#11), reason, preview."""

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self._tmp = tempfile.TemporaryDirectory(prefix="afweging-preview-")
        self._closed = False
        self._previews = Background(self)  # the unsigned memo, rendered for the preview
        self._exports = Background(self)  # the memo rendered, signed and written
        self._export_ok: bool | None = None
        self.preview_path: Path | None = None
        self.exported: Path | None = None

        self.lang = QComboBox()
        self.lang.addItem("Nederlands", "nl")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(0 if language() == "nl" else 1)

        self.mode_none = QRadioButton()
        self.mode_p12 = QRadioButton()
        self.mode_p11 = QRadioButton()
        self.mode_none.setChecked(True)
        self.modes = QButtonGroup(self)
        for i, b in enumerate((self.mode_none, self.mode_p12, self.mode_p11)):
            self.modes.addButton(b, i)

        self.p12_path = QLineEdit()
        self.p12_browse = QPushButton()
        self.p12_browse.clicked.connect(self._browse_p12)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.p11_lib = QLineEdit(_default_pkcs11_lib())
        self.p11_browse = QPushButton()
        self.p11_browse.clicked.connect(self._browse_p11)
        self.token_label = QLineEdit()
        self.key_label = QLineEdit()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit()

        p12 = QWidget()
        f12 = QFormLayout(p12)
        row = QHBoxLayout()
        row.addWidget(self.p12_path, 1)
        row.addWidget(self.p12_browse)
        self._l_keyfile, self._l_password = QLabel(), QLabel()
        f12.addRow(self._l_keyfile, row)
        f12.addRow(self._l_password, self.password)
        p11 = QWidget()
        f11 = QFormLayout(p11)
        self._l_lib, self._l_token, self._l_key, self._l_pin = QLabel(), QLabel(), QLabel(), QLabel()
        lib_row = QHBoxLayout()
        lib_row.addWidget(self.p11_lib, 1)
        lib_row.addWidget(self.p11_browse)
        f11.addRow(self._l_lib, lib_row)
        f11.addRow(self._l_token, self.token_label)
        f11.addRow(self._l_key, self.key_label)
        f11.addRow(self._l_pin, self.pin)
        self.key_pages = QStackedWidget()
        self.key_pages.addWidget(QWidget())
        self.key_pages.addWidget(p12)
        self.key_pages.addWidget(p11)
        self.modes.idToggled.connect(lambda i, on: on and self.key_pages.setCurrentIndex(i))

        self.sign_box = QGroupBox()
        sb = QVBoxLayout(self.sign_box)
        for b in (self.mode_none, self.mode_p12, self.mode_p11):
            sb.addWidget(b)
        sb.addWidget(self.key_pages)

        # How long the signature can be checked: PAdES level, time-stamp authority, validation data.
        self.level = QComboBox()
        for level in ("B-B", "B-T", "B-LT", "B-LTA"):
            self.level.addItem("", level)
        self.tsa_url = QLineEdit()
        self.validation_files = QLineEdit()
        self.validation_browse = QPushButton()
        self.validation_browse.clicked.connect(self._browse_validation_data)
        self.fetch_validation = QCheckBox()
        self.ltv_box = QGroupBox()
        fl = QFormLayout(self.ltv_box)
        self._l_level, self._l_tsa, self._l_vdata = QLabel(), QLabel(), QLabel()
        vrow = QHBoxLayout()
        vrow.addWidget(self.validation_files, 1)
        vrow.addWidget(self.validation_browse)
        fl.addRow(self._l_level, self.level)
        fl.addRow(self._l_tsa, self.tsa_url)
        fl.addRow(self._l_vdata, vrow)
        fl.addRow(self.fetch_validation)
        self.level.currentIndexChanged.connect(lambda _: self._level_changed())
        self.modes.idToggled.connect(lambda _i, _on: self._level_changed())
        self._level_changed()
        self.confirmation: QMessageBox | None = None  # the open "sign a concept?" question, for tests

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh_preview)
        self.export_button = QPushButton()
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self._export_clicked)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)

        left = QWidget()
        ll = QVBoxLayout(left)
        form = QFormLayout()
        self._l_lang, self._l_reason = QLabel(), QLabel()
        form.addRow(self._l_lang, self.lang)
        ll.addLayout(form)
        ll.addWidget(self.sign_box)
        ll.addWidget(self.ltv_box)
        rform = QFormLayout()
        rform.addRow(self._l_reason, self.reason)
        ll.addLayout(rform)
        ll.addWidget(self.message)
        ll.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)
        ll.addLayout(buttons)

        self.preview = _PagePreview()
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        fit_to_screen(self, 1100, 760)
        self.lang.currentIndexChanged.connect(lambda _: self.refresh_preview())
        signals.language_changed.connect(self.retranslate)
        self.retranslate()
        QTimer.singleShot(0, self.refresh_preview)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Export decision memo"))
        self._l_lang.setText(tr("Language of the memo"))
        self.sign_box.setTitle(tr("Signature"))
        self.mode_none.setText(tr("Do not sign"))
        self.mode_p12.setText(tr("Sign with a key file (PKCS#12, .p12/.pfx)"))  # fmt: skip
        self.mode_p11.setText(tr("Sign with a smartcard or token (PKCS#11)"))  # fmt: skip
        self._l_keyfile.setText(tr("Key file"))
        self.p12_browse.setText(tr("Choose…"))
        self._l_password.setText(tr("Password"))
        self.password.setPlaceholderText(tr("used once, never stored"))
        self._l_lib.setText(tr("PKCS#11 library"))
        self.p11_browse.setText(tr("Choose…"))
        self.p11_lib.setPlaceholderText(tr("no smartcard middleware found; choose its library"))  # fmt: skip
        self.ltv_box.setTitle(tr("Valid after the certificate expires"))
        self._l_level.setText(tr("Signature level"))
        for i, level_text in enumerate((
            tr("B-B — valid while the certificate is"),
            tr("B-T — with a time-stamp"),
            tr("B-LT — time-stamp and validation data"),
            tr("B-LTA — B-LT and a document time-stamp (archive)"),
        )):  # fmt: skip
            self.level.setItemText(i, level_text)
        self._l_tsa.setText(tr("Time-stamp authority (URL)"))
        self.tsa_url.setPlaceholderText(tr("asked over the network when you export"))  # fmt: skip
        self._l_vdata.setText(tr("Validation data (files)"))
        self.validation_files.setPlaceholderText(tr("CA certificates, CRLs, OCSP responses; separate with ;"))  # fmt: skip
        self.validation_browse.setText(tr("Add…"))
        self.fetch_validation.setText(tr("Allow connecting to fetch CRLs and OCSP responses"))  # fmt: skip
        self._l_token.setText(tr("Token label"))
        self._l_key.setText(tr("Key label"))
        self._l_pin.setText("PIN")
        self.pin.setPlaceholderText(tr("used once, never stored"))
        self._l_reason.setText(tr("Reason"))
        self.reason.setPlaceholderText(tr("Approval of the decision memo"))
        # A form label is the only name of these fields and Qt does not pass it on: name them explicitly.
        for label, field in (
            (self._l_lang, self.lang), (self._l_keyfile, self.p12_path), (self._l_password, self.password),
            (self._l_lib, self.p11_lib), (self._l_token, self.token_label), (self._l_key, self.key_label),
            (self._l_pin, self.pin), (self._l_level, self.level), (self._l_tsa, self.tsa_url),
            (self._l_vdata, self.validation_files), (self._l_reason, self.reason),
        ):  # fmt: skip
            field.setAccessibleName(label.text().replace("&", ""))
        self.p12_browse.setAccessibleName(tr("Choose the key file"))
        self.p11_browse.setAccessibleName(tr("Choose the PKCS#11 library"))
        self.validation_browse.setAccessibleName(tr("Add validation data"))
        self.preview.retranslate()
        self.refresh_button.setText(tr("Refresh preview"))
        self.export_button.setText(tr("Export…"))
        self.close_button.setText(tr("Close"))

    # -- preview ----------------------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Render the unsigned memo in a worker thread (the window stays responsive), then show its pages."""
        if self._closed:  # a preview scheduled before the dialog was closed: its folder is gone
            return
        from evaluator.report.export import render_memo

        self._say(tr("Making the preview…"))
        ev, lang, audit = self.doc.evaluation, self.lang.currentData(), self._audit()
        self._previews.start(  # a newer preview (another language) replaces one on its way
            lambda _task: render_memo(ev, lang, audit=audit),  # the memo that will be signed
            done=self._preview_done,
            failed=lambda line: self._say(line, error=True),
        )

    def _preview_done(self, result: object) -> None:
        if self._closed:
            return
        path = Path(self._tmp.name) / f"preview-{result.digest[:12]}.pdf"
        path.write_bytes(result.pdf)
        self.preview_path = path
        self.preview.show_pdf(path)
        self._say(ngettext("Preview: {pages} page, not signed.", "Preview: {pages} pages, not signed.",
                           result.pages).format(pages=result.pages))  # fmt: skip

    # -- export -----------------------------------------------------------------------------------------------
    def signing_key(self):  # noqa: ANN201 - SigningKey | None
        """The key the form describes (``InputError`` when incomplete); the secret fields are cleared."""
        from evaluator.report.sign import Pkcs11Key, Pkcs12Key

        mode = self.modes.checkedId()
        try:
            if mode == 1:
                if not self.p12_path.text().strip():
                    raise InputError(tr("choose the key file"))
                return Pkcs12Key(self.p12_path.text().strip(), self.password.text())
            if mode == 2:
                if not (self.p11_lib.text().strip() and self.token_label.text() and self.key_label.text()):
                    raise InputError(tr("give the library, the token label and the key label"))  # fmt: skip
                return Pkcs11Key(self.p11_lib.text().strip(), self.token_label.text(), self.key_label.text(),
                                 self.pin.text())  # fmt: skip
            return None
        finally:
            self.password.clear()
            self.pin.clear()

    @property
    def exporting(self) -> bool:
        return self._exports.running

    def export_to(self, path: str | os.PathLike) -> bool:
        """Start writing the memo to ``path`` with the chosen options, off the GUI thread; True when started
        (:meth:`wait_for_export` waits for the outcome, which the dialog shows). The secret fields are cleared
        at once, whatever follows."""
        from evaluator.report.export import export_memo, signing_concerns

        if self.exporting:
            return False
        signing = self.modes.checkedId() != 0
        if signing and not self.confirm_signing(signing_concerns(self.doc.evaluation)):
            self.password.clear()
            self.pin.clear()
            self._say(tr("Not exported: signing was not confirmed."))  # fmt: skip
            return False
        try:
            key = self.signing_key()  # first: it clears the password and PIN fields, whatever follows
            lon = self.longevity() if signing else None
        except AfwegingError as exc:
            self._say(exc.line() if isinstance(exc, InputError) else str(exc), error=True)
            return False
        ev, lang, reason, audit = (
            self.doc.evaluation,
            self.lang.currentData(),
            self.reason.text().strip(),
            self._audit(),
        )
        target = Path(path)
        self._export_ok = None
        self.export_button.setEnabled(False)
        self._say(tr("Making {name}…").format(name=target.name))
        self._exports.start(
            lambda _task: export_memo(
                ev, target, lang=lang, key=key, reason=reason, audit=audit, longevity=lon
            ),
            done=lambda res: self._exported(target, res),
            failed=self._export_failed,
            finish=True,  # quitting waits for the memo being written
        )
        return True

    def wait_for_export(self, timeout_ms: int = 120_000) -> bool:
        """Block until the export started last is done (for tests and scripts); True when the memo was written."""
        self._exports.wait(timeout_ms)
        return bool(self._export_ok)

    def _exported(self, path: Path, res: object) -> None:
        self._export_ok = True
        self.export_button.setEnabled(True)
        self.exported = path
        signed = (tr("signed by {signer}").format(signer=res.signer) if res.signed
                  else tr("not signed"))  # fmt: skip
        name = path.name
        self._say(ngettext("Saved {name} ({pages} page, {signed}) in {parent}.",
                           "Saved {name} ({pages} pages, {signed}) in {parent}.", res.pages).format(
            name=name, pages=res.pages, signed=signed, parent=path.parent))  # fmt: skip

    def _export_failed(self, line: str) -> None:
        self._export_ok = False
        self.export_button.setEnabled(True)
        self._say(line, error=True)

    def longevity(self):  # noqa: ANN201 - evaluator.report.ltv.Longevity
        """The signature level the form asks for (``InputError`` when it cannot work)."""
        from evaluator.report.ltv import longevity

        level = self.level.currentData()
        ltv = level in ("B-LT", "B-LTA")
        files = [f.strip() for f in self.validation_files.text().split(";") if f.strip()] if ltv else []
        tsa = self.tsa_url.text().strip() if level != "B-B" else ""
        return longevity(level, tsa or None, None, files, ltv and self.fetch_validation.isChecked())

    def confirm_signing(self, concerns: list[str]) -> bool:
        """Ask before signing a concept or a memo that records no decision; True: sign (no concerns: no question)."""
        if not concerns:
            return True
        why = "; ".join(concerns)  # the core words them in the session's language
        box = QMessageBox(QMessageBox.Icon.Question, tr("Sign a concept?"),
                          tr("This memo is not final: {why}. Sign it anyway?").format(why=why),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)  # fmt: skip
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirmation = box
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            self.confirmation = None
            box.deleteLater()

    def _level_changed(self) -> None:
        level = self.level.currentData()
        signing = self.modes.checkedId() != 0
        self.ltv_box.setEnabled(signing)
        for w in (self.tsa_url, self._l_tsa):
            w.setEnabled(level != "B-B")
        for w in (self.validation_files, self.validation_browse, self.fetch_validation, self._l_vdata):
            w.setEnabled(level in ("B-LT", "B-LTA"))

    def _browse_validation_data(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, tr("Validation data"), "",
            tr("Certificates, CRLs, OCSP responses (*.pem *.crt *.cer *.der *.crl *.ocsp);;All files (*)"),
        )  # fmt: skip
        if paths:
            have = [f.strip() for f in self.validation_files.text().split(";") if f.strip()]
            self.validation_files.setText(";".join(have + [p for p in paths if p not in have]))

    def _browse_p11(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("PKCS#11 library"), "",
                                              tr("Libraries (*.dll *.so *.dylib);;All files (*)"))  # fmt: skip
        if path:
            self.p11_lib.setText(path)

    def _export_clicked(self) -> None:
        start = str(self.doc.path.with_suffix(".pdf"))
        path, _ = QFileDialog.getSaveFileName(self, tr("Save memo as"), start, "PDF (*.pdf)")
        if path:
            self.export_to(path)

    def _browse_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Key file"), "",
                                              tr("Key files (*.p12 *.pfx)"))  # fmt: skip
        if path:
            self.p12_path.setText(path)

    def _audit(self) -> list:
        return self.doc.audit()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #B42318; font-weight: bold;" if error else "color: #1F2328;")

    def done(self, r: int) -> None:
        self._closed = True
        self._previews.close()  # an outcome arriving from now on is dropped
        self._exports.close()
        self.password.clear()
        self.pin.clear()
        super().done(r)
        self._tmp.cleanup()


def _default_pkcs11_lib() -> str:
    from evaluator.report.sign import default_pkcs11_lib

    return default_pkcs11_lib()
