"""The export and verify dialogs, driven offscreen with real widgets, a real store, real keys and real PDFs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from evaluator.report.verify import verify_memo  # noqa: E402
from tests.pki import Pki, pki_fixture  # noqa: E402, F401 - the fixture
from tests.report_data import memo_evaluation  # noqa: E402

pytest.importorskip("pytestqt")


@pytest.fixture
def doc(tmp_path, qtbot):
    from ui.document import Document

    d = Document.create(tmp_path / "e.afweging", memo_evaluation())
    yield d
    d.close()


def answer_confirmation(dlg, yes: bool = True) -> list[str]:
    """Answer the "sign a concept?" question the next export asks (as a user clicks); returns its text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def click() -> None:
        box = dlg.confirmation
        if box is None or not box.isVisible():
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, click)
    return seen


@pytest.fixture
def dutch():
    from ui.i18n import language, set_language

    before = language()
    set_language("nl")
    yield
    set_language(before)


def test_export_dialog_previews_and_signs(tmp_path, qtbot, doc, pki: Pki, dutch):
    from ui.export_memo_dialog import ExportMemoDialog

    dlg = ExportMemoDialog(doc)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.preview_path is not None, timeout=60_000)
    assert dlg.preview_path.exists() and dlg.preview.page_count >= 4
    assert "niet ondertekend" in dlg.message.text()
    dlg.mode_p12.setChecked(True)
    assert dlg.key_pages.currentIndex() == 1
    dlg.p12_path.setText(str(pki.signer_p12))
    dlg.password.setText(pki.password)
    dlg.reason.setText("Vastgesteld in de stuurgroep")
    out = tmp_path / "memo.pdf"
    asked = answer_confirmation(dlg)  # the test evaluation is a concept
    assert dlg.export_to(out) and dlg.wait_for_export()
    assert asked and "concept" in asked[0]
    assert dlg.password.text() == ""  # never kept
    assert "ondertekend door Anneke" in dlg.message.text()
    v = verify_memo(out, [pki.root_pem])
    assert v.valid and v.reason == "Vastgesteld in de stuurgroep"
    dlg.resize(1100, 760)
    qtbot.wait(100)
    shot = tmp_path / "export-dialog.png"
    dlg.grab().save(str(shot))
    assert shot.stat().st_size > 10_000


def test_export_dialog_wrong_password_shows_one_line_and_writes_nothing(tmp_path, qtbot, doc, pki: Pki):
    from ui.export_memo_dialog import ExportMemoDialog

    dlg = ExportMemoDialog(doc)
    qtbot.addWidget(dlg)
    dlg.mode_p12.setChecked(True)
    dlg.p12_path.setText(str(pki.signer_p12))
    dlg.password.setText("fout")
    out = tmp_path / "out" / "memo.pdf"
    out.parent.mkdir()
    answer_confirmation(dlg)
    assert not (dlg.export_to(out) and dlg.wait_for_export())
    assert "wrong password" in dlg.message.text() or "wachtwoord" in dlg.message.text()
    assert list(out.parent.iterdir()) == []
    assert dlg.password.text() == ""


def test_verify_dialog_says_valid_and_invalid_in_plain_words(tmp_path, qtbot, pki: Pki, dutch):
    from evaluator.report.export import export_memo
    from evaluator.report.sign import Pkcs12Key
    from ui.verify_dialog import VerifyDialog

    memo = tmp_path / "memo.pdf"
    export_memo(memo_evaluation(), memo, key=Pkcs12Key(pki.signer_p12, pki.password), samples=500)
    dlg = VerifyDialog()
    qtbot.addWidget(dlg)
    dlg.memo.setText(str(memo))
    dlg.trust.setText(str(pki.root_pem))
    assert dlg.run_check() is True
    assert dlg.verdict.text().startswith("GELDIG")
    dlg.resize(760, 420)
    dlg.show()
    shot = tmp_path / "verify-dialog.png"
    dlg.grab().save(str(shot))
    assert shot.stat().st_size > 5_000
    dlg.trust.setText(str(pki.other_root_pem))
    assert dlg.run_check() is False
    assert dlg.verdict.text().startswith("ONGELDIG")
    dlg.memo.setText(str(tmp_path / "nope.pdf"))
    assert dlg.run_check() is None
    assert "Kan niet controleren" in dlg.verdict.text()


def test_dialogs_switch_language(qtbot, doc):
    from ui.export_memo_dialog import ExportMemoDialog
    from ui.i18n import set_language
    from ui.verify_dialog import VerifyDialog

    set_language("en")
    exp, ver = ExportMemoDialog(doc), VerifyDialog()
    qtbot.addWidget(exp)
    qtbot.addWidget(ver)
    en = (exp.windowTitle(), exp.mode_p11.text(), ver.verify_button.text())
    set_language("nl")
    nl = (exp.windowTitle(), exp.mode_p11.text(), ver.verify_button.text())
    set_language("en")
    assert all(a != b for a, b in zip(en, nl, strict=True))
    assert Path  # keep the import for type readers


def test_the_preview_is_made_off_the_gui_thread(qtbot, doc):
    from PySide6.QtWidgets import QApplication

    from ui.export_memo_dialog import ExportMemoDialog

    dlg = ExportMemoDialog(doc)
    qtbot.addWidget(dlg)
    dlg.show()
    QApplication.processEvents()  # the scheduled preview starts: it must not render here, in the event loop
    assert dlg.preview_path is None
    assert dlg.message.text() in ("Voorbeeld wordt gemaakt…", "Making the preview…")
    qtbot.waitUntil(lambda: dlg.preview_path is not None, timeout=60_000)


def test_signing_a_concept_asks_first_and_no_writes_nothing(tmp_path, qtbot, doc, pki: Pki):
    from ui.export_memo_dialog import ExportMemoDialog

    dlg = ExportMemoDialog(doc)
    qtbot.addWidget(dlg)
    dlg.mode_p12.setChecked(True)
    dlg.p12_path.setText(str(pki.signer_p12))
    dlg.password.setText(pki.password)
    out = tmp_path / "out" / "memo.pdf"
    out.parent.mkdir()
    asked = answer_confirmation(dlg, yes=False)
    assert not (dlg.export_to(out) and dlg.wait_for_export())
    assert asked and ("concept" in asked[0] or "draft" in asked[0]) and list(out.parent.iterdir()) == []
    assert "not confirmed" in dlg.message.text() or "niet bevestigd" in dlg.message.text()
    dlg.mode_none.setChecked(True)  # an unsigned concept needs no confirmation
    assert dlg.export_to(out) and dlg.wait_for_export() and dlg.confirmation is None


def test_export_dialog_signs_b_lta_with_a_tsa_and_a_crl(tmp_path, qtbot, doc, pki: Pki):
    """The time-stamp authority and validation data in the GUI too: a B-LTA memo that verify judges at the time
    of signing once the certificate has expired."""
    import datetime as dt

    from cryptography import x509

    from tests.pki import local_tsa
    from ui.export_memo_dialog import ExportMemoDialog

    dlg = ExportMemoDialog(doc)
    qtbot.addWidget(dlg)
    assert not dlg.ltv_box.isEnabled()  # only when signing
    dlg.mode_p12.setChecked(True)
    assert dlg.ltv_box.isEnabled() and not dlg.tsa_url.isEnabled()
    dlg.p12_path.setText(str(pki.signer_p12))
    dlg.password.setText(pki.password)
    dlg.level.setCurrentIndex(dlg.level.findData("B-LTA"))
    assert dlg.tsa_url.isEnabled() and dlg.validation_files.isEnabled()
    dlg.validation_files.setText(str(pki.crl_pem))
    out = tmp_path / "memo.pdf"
    with local_tsa(pki) as url:
        dlg.tsa_url.setText(url)
        answer_confirmation(dlg)
        assert dlg.export_to(out) and dlg.wait_for_export(), dlg.message.text()
    expiry = x509.load_pem_x509_certificate(pki.signer_cert_pem.read_bytes()).not_valid_after_utc
    v = verify_memo(out, [pki.root_pem], at=expiry + dt.timedelta(days=1))
    assert v.valid and v.level == "B-LTA" and v.judged_at


def test_export_dialog_level_without_a_tsa_is_one_line(tmp_path, qtbot, doc, pki: Pki):
    from ui.export_memo_dialog import ExportMemoDialog

    dlg = ExportMemoDialog(doc)
    qtbot.addWidget(dlg)
    dlg.mode_p12.setChecked(True)
    dlg.p12_path.setText(str(pki.signer_p12))
    dlg.password.setText(pki.password)
    dlg.level.setCurrentIndex(dlg.level.findData("B-T"))
    answer_confirmation(dlg)
    assert not (dlg.export_to(tmp_path / "m.pdf") and dlg.wait_for_export())
    assert "time-stamp authority" in dlg.message.text() and "\n" not in dlg.message.text()
    assert dlg.password.text() == "" and not (tmp_path / "m.pdf").exists()


def test_pkcs11_library_defaults_to_the_one_the_core_finds(qtbot, doc):
    from evaluator.report.sign import default_pkcs11_lib
    from ui.export_memo_dialog import ExportMemoDialog

    dlg = ExportMemoDialog(doc)
    qtbot.addWidget(dlg)
    assert dlg.p11_lib.text() == default_pkcs11_lib()


def test_the_export_runs_in_the_background_and_the_dialog_stays_responsive(tmp_path, qtbot, doc):
    """Rendering (and signing) the memo takes seconds: it runs off the GUI thread, the event loop keeps turning,
    Export is disabled until it is done."""
    from PySide6.QtCore import QTimer

    from ui.export_memo_dialog import ExportMemoDialog

    dlg = ExportMemoDialog(doc)
    qtbot.addWidget(dlg)
    out = tmp_path / "memo.pdf"
    ticks: list[bool] = []
    timer = QTimer(dlg, interval=5, timeout=lambda: ticks.append(out.exists()))
    timer.start()
    assert dlg.export_to(out)  # started ...
    assert not out.exists() and dlg.exporting  # ... not done: the call returned at once
    assert not dlg.export_button.isEnabled()
    assert dlg.wait_for_export()
    timer.stop()
    assert out.exists() and ticks and not all(ticks)  # the event loop ran while the memo was made
    assert dlg.exported == out and dlg.export_button.isEnabled() and not dlg.exporting
    assert out.read_bytes()[:5] == b"%PDF-"


def test_an_export_that_ends_after_the_dialog_closed_is_ignored(tmp_path, qtbot, doc):
    from ui.export_memo_dialog import ExportMemoDialog

    dlg = ExportMemoDialog(doc)
    qtbot.addWidget(dlg)
    out = tmp_path / "memo.pdf"
    assert dlg.export_to(out)
    said = dlg.message.text()
    dlg.reject()  # closed while the memo is being made
    qtbot.waitUntil(out.exists, timeout=120_000)
    qtbot.wait(300)  # the outcome reaches the GUI thread: nobody is told
    assert dlg.exported is None and dlg.message.text() == said
