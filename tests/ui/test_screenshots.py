"""Screenshots of every page of the main window at 1920×1080 and 1280×720, on the bundled sample.

They go to a temporary folder (or to ``$AFWEGING_SCREENSHOTS`` when set) for a person to look at; the test
checks what a machine can: each picture has the window's size and real content, and no label or button is
narrower than its text (clipped).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from ui.main_window import PAGES, MainWindow
from ui.settings import Settings

SIZES = {"1920x1080": (1920, 1080, 1.3), "1280x720": (1280, 720, 1.0)}  # (width, height, text scale)


@pytest.fixture
def shots_dir(tmp_path: Path) -> Path:
    d = Path(os.environ.get("AFWEGING_SCREENSHOTS") or tmp_path / "screenshots")
    d.mkdir(parents=True, exist_ok=True)
    return d


def clipped(page: QWidget) -> list[str]:
    """Visible single-line labels and buttons that are narrower than their text needs."""
    out = []
    for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        if not w.isVisibleTo(page) or not w.text() or (isinstance(w, QLabel) and w.wordWrap()):
            continue
        if w.width() + 1 < w.minimumSizeHint().width():
            out.append(f"{type(w).__name__} {w.text()!r}: {w.width()} < {w.minimumSizeHint().width()}")
    return out


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_screenshots_of_every_page(qtbot, size: str, lang: str, shots_dir: Path, tmp_path: Path):
    from evaluator.sample import load_sample
    from evaluator.store import Store

    path = tmp_path / "voorbeeld.afweging"
    Store.create(path, load_sample()).close()
    width, height, scale = SIZES[size]
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.set_language(lang)
    window.apply_text_scale(scale)
    try:
        assert window.open_path(path)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        problems = []
        for page in PAGES:
            widget = window.show_page(page.key)
            qtbot.wait(30)  # laid out as a person sees it (the first pass may still show scroll bars)
            file = shots_dir / f"{size}-{lang}-{page.key}.png"
            assert window.grab().save(str(file))
            img = QImage(str(file))
            assert (img.width(), img.height()) == (width, height)
            colours = {img.pixel(x, y) for x in range(0, width, 37) for y in range(0, height, 29)}
            assert len(colours) > 3, f"{file.name} looks empty"
            problems += [f"{page.key}: {p}" for p in clipped(widget)]
        assert not problems, "clipped:\n" + "\n".join(problems)
    finally:
        window.apply_text_scale(1.0)
