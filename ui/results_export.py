"""File → Export results…: the results of the open evaluation as an XLSX workbook (every table a sheet) or a
CSV file (the ranking under every method), headers in the app's language — the same tables as
``afweging rank FILE --out RESULTS`` (:mod:`evaluator.io.results`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from evaluator.errors import InputError

from .i18n import language, tr

if TYPE_CHECKING:
    from .main_window import MainWindow

FILTERS = (("Excel (*.xlsx)", "Excel (*.xlsx)"), ("CSV (*.csv)", "CSV (*.csv)"))


def export(window: MainWindow, path: str | os.PathLike) -> bool:
    """Write the stored evaluation's results to ``path`` (.xlsx or .csv); say so in the status bar."""
    from evaluator.io.results import write_results

    if window.doc is None:
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # every method and the robustness run: seconds
    try:
        notes = write_results(window.doc.evaluation, path, language())
    except InputError as exc:
        window.show_error(exc.line())
        return False
    except OSError as exc:
        window.show_error(f"{path}: {exc.strerror or exc}")
        return False
    finally:
        QApplication.restoreOverrideCursor()
    message = tr("Results exported to {path}").format(path=path)
    window.statusBar().showMessage(" — ".join([message, *notes]), 12000)
    return True


def ask(window: MainWindow) -> None:
    """Ask where to (Excel or CSV), then :func:`export`."""
    if window.doc is None:
        return
    filters = ";;".join(f[0] for f in FILTERS)
    suggestion = window.doc.path.with_name(f"{window.doc.path.stem}-{tr('results')}.xlsx")
    path, chosen = QFileDialog.getSaveFileName(window, tr("Export results"), str(suggestion), filters)
    if not path:
        return
    if Path(path).suffix.lower() not in (".xlsx", ".csv"):
        path += ".csv" if "csv" in chosen.lower() else ".xlsx"
    export(window, path)
