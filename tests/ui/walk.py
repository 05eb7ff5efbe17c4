"""Walking the main window: every page, and on each page every tab of its tab widgets, shown in turn."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from ui.main_window import PAGES, MainWindow


def each_view(qtbot, window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Yield ``(where, page)`` for every page and every tab inside it, with that tab on screen."""
    for p in PAGES:
        page = window.show_page(p.key)
        qtbot.waitUntil(page.isVisible)
        yield p.key, page
        for tabs in page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                if i == tabs.currentIndex() or not tabs.isVisible():
                    continue
                tabs.setCurrentIndex(i)
                QApplication.processEvents()
                yield f"{p.key} › {tabs.tabText(i).replace('&', '')}", page
            tabs.setCurrentIndex(0)
