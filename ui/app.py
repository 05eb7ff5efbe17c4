"""``afweging [FILE]``: start the desktop app.

With no FILE it opens the last evaluation, or on first start a copy of the bundled sample in the user's data
folder (so the package's copy is never edited). The window with the ranking is shown first; the other pages are
built afterwards, one per turn of the event loop, and the slow ranking methods load in the background.
``AFWEGING_HOME`` moves the data and settings folders (tests use it so they never touch a real home).
``AFWEGING_SMOKE=1`` builds every page once the window is up, prints one line and quits (the bundle's smoke test).
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

from evaluator.errors import InputError

from .settings import Settings, data_dir

SAMPLE_FILE = "beter-samenwerken.afweging"


def icon_path() -> Path:
    """The app icon (PNG; the SVG beside it is its source, the ICO the Windows bundle's)."""
    return Path(str(resources.files("resources") / "icons" / "afweging.png"))


def sample_copy() -> Path:
    """The user's own copy of the sample (an ``.afweging`` file in the data folder), made on first use."""
    target = data_dir() / SAMPLE_FILE
    if not target.exists():
        from evaluator.store import Store

        Store.create(target, _sample_evaluation()).close()
    return target


def _sample_evaluation():  # noqa: ANN202 - returns an Evaluation; imported lazily
    from evaluator.sample import load_sample, sample_path

    if sample_path().exists():
        return load_sample()
    from evaluator.catalogue import DEFAULT_CATALOGUE, find  # no sample bundled: an empty evaluation

    return find(DEFAULT_CATALOGUE).evaluation()


def start_path(path: str | None, settings: Settings) -> Path:
    """Which file to open: ``path``; else the last file if it is still there; else the sample copy."""
    if path:
        return Path(path)
    if settings.last and Path(settings.last).is_file():
        return Path(settings.last)
    return sample_copy()


def create_window(path: str | None = None, build_rest: bool = True):  # noqa: ANN201 - a MainWindow
    """The main window with the start file open (or the sample, and a warning, when that file cannot be used)."""
    from PySide6.QtWidgets import QApplication

    from .i18n import set_language
    from .main_window import MainWindow

    if QApplication.instance() is None:
        raise RuntimeError("create a QApplication first")
    settings = Settings.load()
    set_language(settings.app_language())
    window = MainWindow(settings)
    from .example_banner import install

    install(window, data_dir() / SAMPLE_FILE)  # says "example data" while the sample copy is open
    problem = None
    try:
        first = start_path(path, settings)
    except InputError as exc:
        first, problem = None, exc.line()
    if first is None or not window.open_path(first):
        problem = problem or window.last_error
        try:
            window.open_path(sample_copy())
        except InputError as exc:
            problem = exc.line()
        if problem:
            window.show_error(problem)
    window.build_rest_after_show = build_rest
    return window


def run(path: str | None = None) -> int:
    """Start the app (``afweging [FILE]``); returns the exit status."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Afweging")
    app.setApplicationDisplayName("Afweging")
    app.setOrganizationName("Afweging")
    app.setDesktopFileName("afweging")
    app.setWindowIcon(QIcon(str(icon_path())))
    window = create_window(path)
    window.show()
    if os.environ.get("AFWEGING_SMOKE"):
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: _smoke_report(window))
    return int(app.exec())


def _smoke_report(window) -> None:  # noqa: ANN001 - a MainWindow
    """Build every page, say what is shown, quit: proves a bundle carries what the app imports."""
    from PySide6.QtWidgets import QApplication

    window.build_all_pages()
    try:
        from PySide6 import QtPdf, QtPdfWidgets  # noqa: F401 - the memo preview

        preview = "QtPdf"
    except ImportError:
        preview = "pdftoppm"
    ranking = window.page("results").ranking
    icon = not QApplication.windowIcon().isNull()
    print(f"afweging: window shown, {window.tabs.count()} pages, {len(ranking.names) if ranking else 0} "
          f"alternatives ranked, icon {'set' if icon else 'missing'}, preview {preview}", flush=True)  # fmt: skip
    QApplication.quit()
