"""The verify dialog never shows ✓ under a failed check that it depends on (issue 11, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui.i18n import set_language
from ui.report_dialogs import VerifyDialog

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
