"""The main window: one page per job (evaluation, criteria, alternatives, scores, weights, results, audit),
the menus, and opening, creating, importing and exporting files.

Adding a page is one line in :data:`PAGES`: a key, its English and Dutch title, and ``"module:Class"`` of a
widget built as ``Class(doc)`` with a ``retranslate()`` method. Pages are built when first shown (the results
page first, so the ranking is on screen before anything else is imported); :meth:`MainWindow.build_all_pages`
builds the rest. View → page shortcuts are Ctrl+1 … Ctrl+9 in list order.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaluator.errors import InputError

from . import results_export, table_copy
from .document import Document
from .i18n import N_, install_qt_translations, language, set_language, signals, tr
from .settings import Settings, data_dir
from .style import use_readable_palette
from .widgets.focus_ring import install_focus_ring


@dataclass(frozen=True)
class Page:
    key: str
    en: str  # the title in English, translated where it is shown
    widget: str  # "module:Class", imported when the page is first shown

    @property
    def title(self) -> str:
        return tr(self.en)

    def build(self, doc: Document) -> QWidget:
        module, _, cls = self.widget.partition(":")
        return getattr(importlib.import_module(module), cls)(doc)


PAGES: list[Page] = [
    Page("evaluation", N_("Evaluation"), "ui.evaluation_view:EvaluationView"),
    Page("criteria", N_("Criteria"), "ui.criteria_view:CriteriaView"),
    Page("alternatives", N_("Alternatives"), "ui.alternatives_view:AlternativesView"),
    Page("scores", N_("Scores"), "ui.scores_view:ScoresView"),
    Page("weights", N_("Weights"), "ui.weights_view:WeightsView"),
    Page("results", N_("Results"), "ui.results_view:ResultsView"),
    Page("sensitivity", N_("Robustness"), "ui.sensitivity_view:SensitivityView"),
    Page("workshop", N_("Workshop"), "ui.workshop_view:WorkshopView"),
    Page("audit", N_("Audit trail"), "ui.audit_view:AuditView"),
    Page("check", N_("Model check"), "ui.model_check_view:ModelCheckView"),
]
APP_NAME = "Afweging"  # also the application's display name (ui.app), which title bars append
FIRST_PAGE = "results"  # the ranking is what people open the app for

OPEN_FILTER = ("Afweging (*.afweging)", "Afweging (*.afweging)")
IMPORT_PATTERNS = "*.dmsy *.yaml *.yml *.csv *.xlsx *.json *.toml"
EXPORT_PATTERNS = ("*.json", "*.dmsy", "*.csv", "*.xlsx", "*.afweging")
BUILD_REST_DELAY_MS = 400
TEXT_SCALES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)


class _Slot(QWidget):
    """A tab's container: holds the page once it is built."""

    def __init__(self, page: Page):
        super().__init__()
        self.page = page
        self.widget: QWidget | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)


class MainWindow(QMainWindow):
    """The application window. ``open_path``/``new_from_catalogue``/``import_file``/``export_to`` do the work
    of the File menu without dialogs (the menu asks for the paths, tests pass them)."""

    document_shown = Signal(object)  # the Document now shown (ui.example_banner follows it)

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        install_focus_ring()  # sliders and combo boxes show focus clearly (WCAG 2.4.7)
        use_readable_palette()  # selected and placeholder text at 4.5:1 (WCAG 1.4.3)
        self.settings = settings if settings is not None else Settings.load()
        self.doc: Document | None = None
        self.error_box: QMessageBox | None = None
        self.last_error = ""
        self.last_notice = ""
        self.build_rest_after_show = False  # set by ui.app: build the other pages once the window is up
        self._base_point_size = QGuiApplication.font().pointSizeF()
        install_qt_translations()
        table_copy.install()  # Ctrl+C on any table copies the whole selection
        self.setObjectName("MainWindow")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._ensure_current)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.tabs)
        self.saved = QLabel()
        self.statusBar().addPermanentWidget(self.saved)
        self._make_actions()
        self._make_menus()
        self.apply_text_scale(self.settings.text_scale)
        signals.language_changed.connect(self.retranslate)
        self.retranslate()
        self._restore_geometry()

    # -- actions and menus ----------------------------------------------------------------------------------
    def _action(self, slot: Callable, shortcut: QKeySequence | str | None = None) -> QAction:
        a = QAction(self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(lambda _checked=False: slot())
        self.addAction(a)
        return a

    def _make_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.new_catalogue_action = self._action(self.ask_new_from_catalogue, K.New)
        self.new_sample_action = self._action(self.ask_new_from_sample, "Ctrl+Shift+N")
        self.open_action = self._action(self.ask_open, K.Open)
        self.import_action = self._action(self.ask_import, "Ctrl+I")
        self.export_action = self._action(self.ask_export, "Ctrl+E")
        self.export_results_action = self._action(lambda: results_export.ask(self))
        self.memo_action = self._action(self.show_export_memo, K.Print)
        self.verify_action = self._action(self.show_verify_memo, "Ctrl+Shift+V")
        self.quit_action = self._action(self.close, K.Quit)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        self.page_actions = [
            self._action(lambda i=i: self.show_page(PAGES[i].key), f"Ctrl+{i + 1}")
            if i < 9
            else self._action(lambda i=i: self.show_page(PAGES[i].key))
            for i in range(len(PAGES))
        ]
        self.language_group = QActionGroup(self)
        self.dutch_action = self._action(lambda: self.set_language("nl"), "Ctrl+Shift+D")
        self.english_action = self._action(lambda: self.set_language("en"), "Ctrl+Shift+E")
        for a in (self.dutch_action, self.english_action):
            a.setCheckable(True)
            self.language_group.addAction(a)
        self.larger_action = self._action(lambda: self.step_text_scale(1), K.ZoomIn)
        self.smaller_action = self._action(lambda: self.step_text_scale(-1), K.ZoomOut)
        self.normal_action = self._action(lambda: self.apply_text_scale(1.0), "Ctrl+0")
        self.help_action = self._action(self.show_help, K.HelpContents)  # F1
        self.about_action = self._action(self.show_about)
        self.projector_action = self._action(self.show_projector, "F5")

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        for a in (self.new_catalogue_action, self.new_sample_action, self.open_action):
            self.file_menu.addAction(a)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.export_results_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.memo_action)
        self.file_menu.addAction(self.verify_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        for a in self.page_actions:
            self.view_menu.addAction(a)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addAction(self.dutch_action)
        self.language_menu.addAction(self.english_action)
        self.view_menu.addSeparator()
        for a in (self.larger_action, self.smaller_action, self.normal_action):
            self.view_menu.addAction(a)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.projector_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.about_action)
        self._fill_recent()

    def _make_undo_actions(self) -> None:
        """Undo/redo from the document's QUndoStack; their text is the change's label ("Score openDesk · A3 → 4")."""
        for a in (self.undo_action, self.redo_action):
            if a is not None:
                self.edit_menu.removeAction(a)
                self.removeAction(a)
                a.deleteLater()
        self.undo_action = self.redo_action = None
        self.edit_menu.clear()
        if self.doc is None:
            return
        stack = self.doc.undo_stack
        self.undo_action = stack.createUndoAction(self, tr("Undo"))
        self.redo_action = stack.createRedoAction(self, tr("Redo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.settings.recent if Path(p).exists()]
        for i, p in enumerate(recent):
            a = self.recent_menu.addAction(f"&{i + 1}  {Path(p).name}")
            a.setToolTip(p)
            a.setData(p)
            a.triggered.connect(lambda _c=False, p=p: self.open_path(p))
        if not recent:
            a = self.recent_menu.addAction(tr("(no recent files)"))
            a.setEnabled(False)

    # -- texts ----------------------------------------------------------------------------------------------
    def retranslate(self, *_: object) -> None:
        self.file_menu.setTitle(tr("&File"))
        self.edit_menu.setTitle(tr("&Edit"))
        self.view_menu.setTitle(tr("&View"))
        self.help_menu.setTitle(tr("&Help"))
        self.recent_menu.setTitle(tr("&Recent files"))
        self.language_menu.setTitle(tr("&Language"))
        for a, text in (
            (self.new_catalogue_action, tr("&New from catalogue…")),
            (self.new_sample_action, tr("New from &sample…")),
            (self.open_action, tr("&Open…")),
            (self.import_action, tr("&Import…")),
            (self.export_action, tr("&Export…")),
            (self.export_results_action, tr("E&xport results…")),
            (self.memo_action, tr("Decision &memo (PDF)…")),
            (self.verify_action, tr("&Verify a memo…")),
            (self.quit_action, tr("&Quit")),
            (self.dutch_action, "&Nederlands"),
            (self.english_action, "&English"),
            (self.larger_action, tr("&Larger text")),
            (self.smaller_action, tr("&Smaller text")),
            (self.normal_action, tr("&Normal text size")),
            (self.help_action, tr("&Help for this page")),
            (self.about_action, tr("&About Afweging")),
            (self.projector_action, tr("&Projector mode")),
        ):
            a.setText(text)
        for i, (page, a) in enumerate(zip(PAGES, self.page_actions, strict=True)):
            a.setText(f"&{i + 1}  {page.title}" if i < 9 else page.title)
            if i < self.tabs.count():
                self.tabs.setTabText(i, page.title)
        self.dutch_action.setChecked(language() == "nl")
        self.english_action.setChecked(language() == "en")
        self.empty.setText(tr("No evaluation is open. Use File → Open."))
        self._make_undo_actions()
        self._fill_recent()
        self._update_title()
        self._update_saved()

    def show_export_memo(self) -> None:
        """The memo: preview, optional signature (PKCS#12 or token), written through the same core as the CLI."""
        if self.doc is None:
            return
        from .export_memo_dialog import ExportMemoDialog

        self.memo_dialog = ExportMemoDialog(self.doc, self)
        self.memo_dialog.open()

    def show_verify_memo(self) -> None:
        from .verify_dialog import VerifyDialog

        self.verify_dialog = VerifyDialog(self)
        self.verify_dialog.open()

    def show_projector(self) -> None:
        """Full-screen, large-type, keyboard-driven view for the workshop (F5 again or Esc leaves)."""
        if self.doc is None:
            return
        from .projector import open_projector

        self.projector = open_projector(self.doc, getattr(self, "projector", None))

    def _update_title(self, *_: object) -> None:
        """ "<evaluation> — Afweging": ending in the application's display name, so the title bar (which adds
        that name unless the title already ends with it) says "Afweging" once."""
        if self.doc is None:
            self.setWindowTitle(APP_NAME)
            return
        self.setWindowTitle(f"{self.doc.evaluation.title or self.doc.path.stem} — {APP_NAME}")

    def _update_saved(self, *_: object) -> None:
        if self.doc is None:
            self.saved.setText("")
            return
        self.saved.setText(tr("All changes stored in {name}").format(name=self.doc.path.name))
        self.saved.setToolTip(str(self.doc.path))

    # -- pages ----------------------------------------------------------------------------------------------
    def page_index(self, key: str) -> int:
        return next(i for i, p in enumerate(PAGES) if p.key == key)

    def page(self, key: str) -> QWidget:
        """The page's widget (built now if it was not yet)."""
        slot = self.tabs.widget(self.page_index(key))
        return self._build(slot)

    def show_page(self, key: str) -> QWidget:
        self.tabs.setCurrentIndex(self.page_index(key))
        return self.page(key)

    def current_page_key(self) -> str:
        return PAGES[self.tabs.currentIndex()].key

    def build_all_pages(self) -> None:
        for i in range(self.tabs.count()):
            self._build(self.tabs.widget(i))

    def build_pages_later(self) -> None:
        """Build the pages not yet shown, one per turn of the event loop, so the window stays responsive."""
        for i in range(self.tabs.count()):
            slot = self.tabs.widget(i)
            if isinstance(slot, _Slot) and slot.widget is None:
                QTimer.singleShot(0, lambda s=slot: self._build(s) if shiboken6.isValid(s) else None)

    def _build(self, slot: QWidget) -> QWidget:
        assert isinstance(slot, _Slot)
        if slot.widget is None and self.doc is not None:
            slot.widget = slot.page.build(self.doc)
            slot.widget.setObjectName(f"page-{slot.page.key}")
            slot.layout().addWidget(slot.widget)
        return slot.widget

    def _ensure_current(self, index: int) -> None:
        if index >= 0 and self.doc is not None:
            self._build(self.tabs.widget(index))

    def _clear_pages(self) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            slot = self.tabs.widget(0)
            self.tabs.removeTab(0)
            shiboken6.delete(slot)  # now, so no old page reacts to signals after its document is closed
        self.tabs.blockSignals(False)

    def _make_pages(self, current: str) -> None:
        self._clear_pages()
        self.tabs.blockSignals(True)
        for i, page in enumerate(PAGES):
            self.tabs.addTab(_Slot(page), page.title)
            if i < 9:
                self.tabs.setTabToolTip(i, f"Ctrl+{i + 1}")
        self.tabs.setCurrentIndex(self.page_index(current))
        self.tabs.blockSignals(False)
        self._ensure_current(self.tabs.currentIndex())

    # -- documents ------------------------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Show ``doc`` (closing the one shown before)."""
        current = self.current_page_key() if self.doc is not None and self.tabs.count() else FIRST_PAGE
        old = self.doc
        self._clear_pages()
        self.doc = doc
        if old is not None:
            old.close()
            old.deleteLater()
        doc.setParent(self)
        doc.changed.connect(self._update_title)
        doc.failed.connect(self.show_refusal)
        self._make_pages(current)
        self._make_undo_actions()
        self._update_title()
        self._update_saved()
        self.settings.remember(doc.path)
        self.settings.save()
        self._fill_recent()
        self.document_shown.emit(doc)

    def open_path(self, path: str | os.PathLike) -> bool:
        """Open a project file; on failure show the one-line reason and keep the current document."""
        try:
            if Path(path).suffix.lower() != ".afweging":
                return self.import_file(path)
            doc = Document.open(path)
        except InputError as exc:
            self.show_error(exc.line())
            return False
        self.set_document(doc)
        if doc.store.others_open:
            self.show_notice(
                tr(
                    "{name} is also open in another window or program. When it is changed there, your "
                    "next change here is refused and this window shows the file as it then is."
                ).format(name=doc.path.name)
            )
        return True

    def is_open_file(self, path: str | os.PathLike) -> bool:
        """Whether ``path`` is the project file that is open (the same file under any name)."""
        if self.doc is None:
            return False
        p, cur = Path(path), self.doc.path
        try:
            return p.exists() and os.path.samefile(p, cur)
        except OSError:
            return p.resolve() == cur.resolve()

    def refuse_open_file(self, path: str | os.PathLike) -> bool:
        """Say so and return True when ``path`` is the open evaluation, which a new file must never replace."""
        if not self.is_open_file(path):
            return False
        name = Path(path).name
        self.show_error(
            tr("{name} is the evaluation that is open; it was not replaced. Choose another name.").format(
                name=name
            )
        )
        return True

    def create(self, path: str | os.PathLike, make: Callable) -> bool:
        """Create a project file at ``path`` from ``make()`` (an Evaluation) and open it; never over the open
        one."""
        if self.refuse_open_file(path):
            return False
        try:
            doc = Document.create(path, make())
        except InputError as exc:
            self.show_error(exc.line())
            return False
        except OSError as exc:
            self.show_error(f"{path}: {exc.strerror or exc}")
            return False
        self.set_document(doc)
        return True

    def new_from_catalogue(self, name: str, path: str | os.PathLike, title: str = "") -> bool:
        from evaluator.catalogue import find

        return self.create(path, lambda: find(name).evaluation(title))

    def new_from_sample(self, path: str | os.PathLike) -> bool:
        from evaluator.sample import load_sample

        return self.create(path, load_sample)

    def import_file(self, source: str | os.PathLike, target: str | os.PathLike | None = None) -> bool:
        """Read DMSY, CSV, XLSX, JSON or TOML into a new project file (beside the data folder by default)."""
        from evaluator.io import read_any

        src = Path(source)
        dest = Path(target) if target is not None else unused_path(data_dir() / f"{src.stem}.afweging")
        try:
            ev = read_any(src)
        except InputError as exc:
            self.show_error(exc.line())
            return False
        if not ev.title:
            from dataclasses import replace

            ev = replace(ev, title=src.stem)
        return self.create(dest, lambda: ev)

    def export_to(self, path: str | os.PathLike) -> bool:
        from evaluator.io import write_any

        if self.doc is None or self.refuse_open_file(path):
            return False
        try:
            write_any(self.doc.evaluation, path)
        except InputError as exc:
            self.show_error(exc.line())
            return False
        except OSError as exc:
            self.show_error(f"{path}: {exc.strerror or exc}")
            return False
        self.statusBar().showMessage(tr("Exported to {path}").format(path=path), 8000)
        return True

    # -- dialogs (the menu's way in) ------------------------------------------------------------------------
    def _start_dir(self) -> str:
        return str(self.doc.path.parent if self.doc is not None else data_dir())

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open evaluation"), self._start_dir(), tr(*OPEN_FILTER)
        )
        if path:
            self.open_path(path)

    def _ask_new_path(self, suggestion: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("New evaluation file"),
            str(unused_path(Path(self._start_dir()) / suggestion)),
            tr(*OPEN_FILTER),
        )
        if path and not path.lower().endswith(".afweging"):
            path += ".afweging"
        return path

    def ask_new_from_catalogue(self) -> None:
        from evaluator.catalogue import available

        names = list(available())
        if not names:
            self.show_error(tr("No catalogue is installed."))
            return
        name, ok = QInputDialog.getItem(
            self,
            tr("New from catalogue"),
            tr("Catalogue:"),
            names,
            0,
            False,
        )
        if ok and name:
            path = self._ask_new_path(f"{name}.afweging")
            if path:
                self.new_from_catalogue(name, path)

    def ask_new_from_sample(self) -> None:
        path = self._ask_new_path("voorbeeld.afweging")
        if path:
            self.new_from_sample(path)

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Import a decision matrix"),
            self._start_dir(),
            tr("Decision matrices") + f" ({IMPORT_PATTERNS})",
        )
        if path:
            target = self._ask_new_path(f"{Path(path).stem}.afweging")
            if target:
                self.import_file(path, target)

    def ask_export(self) -> None:
        if self.doc is None:
            return
        filters = ";;".join(f"{p[2:].upper()} ({p})" for p in EXPORT_PATTERNS)
        path, chosen = QFileDialog.getSaveFileName(
            self,
            tr("Export evaluation"),
            str(self.doc.path.with_suffix(".json")),
            filters,
        )
        if path:
            if not Path(path).suffix:
                path += chosen[chosen.find("(*") + 2 : -1]
            self.export_to(path)

    def show_error(self, line: str) -> None:
        """A warning with the problem's one line; not blocking, so the current document stays usable."""
        self.last_error = line
        if self.error_box is not None and shiboken6.isValid(self.error_box):
            self.error_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Cannot open"), line, parent=self)
        box.setAccessibleName(tr("Problem"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()

    def show_notice(self, line: str) -> None:
        """Something to know about the open file, not a problem; not blocking."""
        self.last_notice = line
        box = QMessageBox(QMessageBox.Icon.Information, tr("Note"), line, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_refusal(self, reason: str) -> None:
        self.last_error = reason
        self.statusBar().showMessage(tr("Not changed: {reason}").format(reason=reason), 10000)

    def show_help(self) -> None:
        from .help_window import show_help

        show_help(self, self.current_page_key() if self.doc is not None and self.tabs.count() else "start")

    def show_about(self) -> None:
        from evaluator import __version__

        QMessageBox.about(
            self,
            tr("About Afweging"),
            tr(
                "Afweging {version}\n\nWeigh collaboration suites on sovereignty, continuity, licence "
                "dependency and on-premise viability; rank, test and sign the decision. Works offline."
            ).format(version=__version__),
        )

    # -- language and text size -----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        set_language(lang)
        self.settings.language = lang
        self.settings.save()

    def apply_text_scale(self, factor: float) -> None:
        """Scale every text in the app (for a projector at the back of a room); remembered between starts."""
        self.settings.text_scale = factor
        if self._base_point_size > 0:
            f = QGuiApplication.font()
            f.setPointSizeF(self._base_point_size * factor)
            QApplication.setFont(f)
        self.settings.save()

    def step_text_scale(self, step: int) -> None:
        cur = self.settings.text_scale
        i = min(range(len(TEXT_SCALES)), key=lambda k: abs(TEXT_SCALES[k] - cur))
        self.apply_text_scale(TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, i + step))])

    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)
        if self.build_rest_after_show:
            self.build_rest_after_show = False
            # after the first paint and a moment for the ranking to be read: the other pages, one per turn
            QTimer.singleShot(BUILD_REST_DELAY_MS, self.build_pages_later)

    # -- closing --------------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """Where the window was last time; on a first start 85 % of the screen, centred (at least 1280×720)."""
        if self.settings.geometry and self.restoreGeometry(
            QByteArray.fromBase64(self.settings.geometry.encode())
        ):
            return
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(self.sizeHint().expandedTo(QSize(1280, 720)))
            return
        room = screen.availableGeometry()
        size = QSize(int(room.width() * 0.85), int(room.height() * 0.85)).expandedTo(QSize(1280, 720))
        size = size.boundedTo(room.size())
        self.resize(size)
        self.move(room.center() - QPoint(size.width() // 2, size.height() // 2))

    def closeEvent(self, e: QCloseEvent) -> None:
        focus = QApplication.focusWidget()
        if focus is not None:
            focus.clearFocus()  # commits a field being edited (they commit on focus-out)
        self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.settings.save()
        super().closeEvent(e)


def unused_path(path: Path) -> Path:
    """``path``, or ``name-2.ext``, ``name-3.ext``… when it is taken."""
    n, candidate = 2, path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate
