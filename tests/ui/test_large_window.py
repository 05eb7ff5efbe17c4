"""A large evaluation must not make the window taller than the screen: a page whose minimum height grows with the
number of alternatives (the ranking beside the weight sliders did) stretches every page, and every change then
repaints thousands of rows nobody can see."""

from __future__ import annotations

from evaluator.store import Store
from tests.hardening_helpers import make_evaluation
from ui.main_window import PAGES, MainWindow
from ui.settings import Settings


def test_every_page_fits_the_window_with_200_alternatives(qtbot, tmp_path):
    path = tmp_path / "groot.afweging"
    Store.create(path, make_evaluation(200, 12, seed=3)).close()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    assert window.open_path(path)
    for page in PAGES:
        window.show_page(page.key)
        qtbot.wait(1)
        assert window.page(page.key).minimumSizeHint().height() < 720, page.key
        assert window.height() == 720, page.key
