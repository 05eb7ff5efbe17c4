"""Every dialog fits the screen it opens on: the memo dialog was 1100 × 760, so on a 1280 × 720 projector its
Export button lay below the screen's edge (the offscreen test screen is 800 × 800: it was wider than that)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from ui.app import create_window, sample_copy


def _fits(dialog: QWidget) -> None:
    room = dialog.screen().availableGeometry()
    size = dialog.frameGeometry().size()
    assert size.width() <= room.width() and size.height() <= room.height(), (size, room)
    if dialog.parent() is None:
        return
    assert room.contains(dialog.frameGeometry()), (dialog.frameGeometry(), room)


@pytest.fixture
def window(qtbot):  # noqa: ANN201
    w = create_window(str(sample_copy()))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_memo_dialog_fits(window, qtbot):
    from ui.export_memo_dialog import ExportMemoDialog

    d = ExportMemoDialog(window.doc, window)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    _fits(d)


def test_the_verify_dialog_fits(window, qtbot):
    from ui.verify_dialog import VerifyDialog

    d = VerifyDialog(window)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    _fits(d)


def test_the_ahp_dialog_fits(window, qtbot):
    from ui.ahp_dialog import AhpDialog

    d = AhpDialog(window.doc, "", window)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    _fits(d)
