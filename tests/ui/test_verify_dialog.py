"""The verify dialog never shows ✓ under a failed check that it depends on (issue 11, item 7), and checks off the
GUI thread: the window turns while a signature is checked, and the verdict arrives (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from evaluator.report.export import export_memo
from evaluator.report.sign import Pkcs12Key
from tests.pki import Pki, pki_fixture  # noqa: F401 - the fixture
from tests.report_data import memo_evaluation
from ui.i18n import set_language
from ui.verify_dialog import VerifyDialog

MEMOS = Path(__file__).resolve().parents[1] / "fixtures" / "memos" / "v0.1.0"


@pytest.fixture
def altered(tmp_path: Path) -> Path:
    """The v0.1.0 English memo with one byte of its signed title changed."""
    raw = bytearray((MEMOS / "small-en.pdf").read_bytes())
    i = raw.index(b"/Title (") + len(b"/Title (")
    raw[i] = ord("Z")
    out = tmp_path / "altered.pdf"
    out.write_bytes(bytes(raw))
    return out


def run(qtbot, memo: Path) -> VerifyDialog:
    dlg = VerifyDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.memo.setText(str(memo))
    dlg.trust.setText(str(MEMOS / "root.pem"))
    qtbot.mouseClick(dlg.verify_button, Qt.MouseButton.LeftButton)
    dlg.wait_for_check()
    return dlg


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_altered_signed_bytes_leave_the_dependent_checks_not_checked(qtbot, altered: Path, lang: str):
    set_language(lang)
    dlg = run(qtbot, altered)
    lines = dlg.details.text().splitlines()
    assert lines[0].startswith("✗")
    changed = next(x for x in lines if "changed after signing" in x or "na het ondertekenen" in x)
    trust = next(x for x in lines if "trusted root" in x or "vertrouwde basis" in x)
    for line in (changed, trust):
        assert not line.startswith("✓"), line
        assert ("not checked" if lang == "en" else "niet gecontroleerd") in line.lower()
    assert dlg.verdict.text().startswith("INVALID" if lang == "en" else "ONGELDIG")


def test_a_good_memo_still_shows_every_check_passed(qtbot):
    set_language("en")
    dlg = run(qtbot, MEMOS / "small-en.pdf")
    lines = dlg.details.text().splitlines()
    assert len(lines) == 6 and all(x.startswith("✓") for x in lines)
    assert dlg.verdict.text().startswith("VALID")


def test_the_signature_is_checked_while_the_window_turns_and_the_verdict_arrives(qtbot, tmp_path, pki: Pki):
    set_language("en")
    memo = tmp_path / "signed.pdf"
    export_memo(memo_evaluation(), memo, key=Pkcs12Key(pki.signer_p12, pki.password), samples=200)
    dlg = VerifyDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.memo.setText(str(memo))
    dlg.trust.setText(str(pki.root_pem))
    ticks = []
    timer = QTimer(dlg)
    timer.timeout.connect(lambda: ticks.append(dlg.verdict.text()))
    timer.start(0)  # runs whenever the window's event loop turns
    qtbot.mouseClick(dlg.verify_button, Qt.MouseButton.LeftButton)
    # The click returned before the check was done: the dialog is busy, not frozen.
    assert dlg.checking and not dlg.verify_button.isEnabled()
    assert dlg.verdict.text() == "Checking signed.pdf…" and dlg.details.text() == ""
    assert not dlg.start_check()  # one check at a time
    qtbot.waitUntil(lambda: not dlg.checking, timeout=120_000)
    timer.stop()
    assert "Checking signed.pdf…" in ticks  # the event loop turned while the signature was being checked
    assert dlg.verdict.text().startswith("VALID") and dlg.verify_button.isEnabled()
    assert dlg.result.valid and all(x.startswith("✓") for x in dlg.details.text().splitlines())
    # Another root: the next check says invalid; a file that is not there cannot be checked.
    dlg.trust.setText(str(pki.other_root_pem))
    assert dlg.run_check() is False and dlg.verdict.text().startswith("INVALID")
    dlg.memo.setText(str(tmp_path / "nope.pdf"))
    assert dlg.run_check() is None and dlg.verdict.text().startswith("Cannot check: ")
    assert dlg.verify_button.isEnabled()


def test_a_verdict_arriving_after_the_dialog_closed_is_dropped(qtbot, tmp_path, pki: Pki):
    set_language("en")
    memo = tmp_path / "signed.pdf"
    export_memo(memo_evaluation(), memo, key=Pkcs12Key(pki.signer_p12, pki.password), samples=200)
    dlg = VerifyDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.memo.setText(str(memo))
    dlg.trust.setText(str(pki.root_pem))
    assert dlg.start_check()
    dlg.reject()
    qtbot.wait(3000)  # long enough for the check to end in its worker
    assert dlg.result is None and dlg.verdict.text() == "Checking signed.pdf…"
