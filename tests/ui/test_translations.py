"""Every visible text of the main window (all pages, menus, headers, tooltips) exists in Dutch and in English.

The window is walked in Dutch and again in English; a text that stays the same fails the test unless it is data
(names, ids, numbers, catalogue texts, file names) or one of the few words both languages share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)

from evaluator.model import Evaluation
from ui.i18n import set_language
from ui.main_window import MainWindow
from ui.settings import Settings

# Words that are the same in Dutch and English (checked by a person, not data).
ALLOWLIST = {
    "Score", "Scores", "Context", "Status", "Minimum", "Criteria", "Afweging", "Nederlands", "English",
    "&Nederlands", "&English", "Insert", "Delete", "F2", "Ctrl+Enter", "TOPSIS", "VIKOR", "ELECTRE", "SPOTIS",
    "MOORA", "WASPAS", "AHP", "SMAA", "WSM", "WPM", "Knock-out", "Swing",
}  # fmt: skip


def data_strings(ev: Evaluation, path: Path) -> set[str]:
    """Texts that come from the evaluation or its catalogue, in both languages."""
    out: set[str] = {path.name, str(path), ev.title, ev.question, ev.context, ev.owner, ev.decision, ev.date}

    def add_text(t: object) -> None:
        if isinstance(t, str):
            out.add(t)
        elif t is not None:
            out.update(v for v in t.values() if v)

    for a in ev.areas:
        out.add(a.id)
        add_text(a.name)
        add_text(a.description)
    for c in ev.criteria:
        out.update({c.id, c.framework, c.source, c.scale.unit})
        add_text(c.name)
        add_text(c.description)
        for lv in c.scale.levels:
            add_text(lv.label)
            add_text(lv.descriptor)
    for a in ev.alternatives:
        out.update({a.id, a.name, a.vendor, a.description})
    for s in ev.assessments.values():
        out.update({s.evidence, s.source, s.date})
    for p in ev.participants:
        out.update({p.name, p.organisation, p.role})
    out.update({"tester", "created"})
    return {s for s in out if s}


def is_data(text: str, data: set[str]) -> bool:
    t = re.sub(r"<[^>]+>", " ", text)  # rich-text tags
    t = " ".join(t.split())  # a name wrapped over lines (the profile's pick list) is the name
    if t.endswith("…") and any(d.startswith(t[:-1]) for d in data):
        return True  # a long text shown shortened
    for d in sorted(data, key=len, reverse=True):
        if len(d) >= 2 and d in t:
            t = t.replace(d, " ")
    t = t.replace("&", "")
    t = re.sub(r"Ctrl\+\S+|Alt\+\S+|F\d+", " ", t)
    words = re.findall(r"[^\W\d_]{2,}", t)
    return not words or all(w in ALLOWLIST for w in words) or t.strip() in ALLOWLIST


def visible_texts(window: MainWindow) -> Iterator[tuple[tuple, str]]:
    """(key, text) for every user-visible text; the key identifies the place across a language switch."""

    def key(obj: QObject, what: str, i: int = 0) -> tuple:
        return (id(obj), type(obj).__name__, what, i)

    yield key(window, "title"), window.windowTitle()
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    while menus:
        m = menus.pop()
        yield key(m, "title"), m.title()
        for a in m.actions():
            if a.menu():
                menus.append(a.menu())
            elif not a.isSeparator():
                yield key(a, "text"), a.text()
                yield key(a, "tip"), a.toolTip() if a.toolTip() != a.text().replace("&", "") else ""
    for w in window.findChildren(QWidget):
        if isinstance(w, QMenu | QHeaderView):  # a header shows its view's model, walked with the view
            continue
        if isinstance(w.parent(), QTabBar):  # Qt's own scroll arrows (translated by Qt's qtbase catalogue)
            continue
        yield key(w, "tooltip"), w.toolTip()
        yield key(w, "accessible"), w.accessibleName()
        if isinstance(w, QLabel | QAbstractButton):
            yield key(w, "text"), w.text()
        elif isinstance(w, QGroupBox):
            yield key(w, "title"), w.title()
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            yield key(w, "placeholder"), w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield key(w, "item", i), w.itemText(i)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield key(w, "tab", i), w.tabText(i)
                yield key(w, "tabtip", i), w.tabToolTip(i)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            rows, cols = _shape(m)
            for col in range(cols):
                yield key(w, "header", col), str(m.headerData(col, Qt.Orientation.Horizontal) or "")
            for row in range(min(rows, 40)):
                for col in range(cols):
                    idx = m.index(row, col)
                    yield key(w, f"cell{row}", col), str(idx.data() or "")
                    yield key(w, f"celltip{row}", col), str(idx.data(Qt.ItemDataRole.ToolTipRole) or "")


def _shape(m: QAbstractItemModel) -> tuple[int, int]:
    try:
        return m.rowCount(QModelIndex()), m.columnCount(QModelIndex())
    except TypeError:  # a list model's columnCount is private in PySide6
        return m.rowCount(QModelIndex()), 1


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    from evaluator.sample import load_sample
    from evaluator.store import Store

    path = tmp_path / "voorbeeld.afweging"
    Store.create(path, load_sample()).close()
    return path


@pytest.mark.parametrize("which", ["small", "sample"])
def test_every_visible_text_has_both_languages(qtbot, which: str, small_file: Path, sample_file: Path):
    path = small_file if which == "small" else sample_file
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.show()
    window.build_all_pages()
    data = data_strings(window.doc.evaluation, path) | {e.user for e in window.doc.audit()}
    set_language("nl")
    dutch = dict(visible_texts(window))
    set_language("en")
    english = dict(visible_texts(window))
    missing = sorted(
        {
            f"{k[1]}.{k[2]}: {text!r}"
            for k, text in dutch.items()
            if text and english.get(k) == text and not is_data(text, data)
        }
    )
    assert len(dutch) > 200
    assert not missing, "not translated:\n" + "\n".join(missing)


def test_the_walker_catches_an_untranslated_label(qtbot, small_file: Path):
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.open_path(small_file)
    QLabel("Alleen Nederlands", window.page("scores"))
    data = data_strings(window.doc.evaluation, small_file)
    dutch = dict(visible_texts(window))
    set_language("en")
    english = dict(visible_texts(window))
    missing = [t for k, t in dutch.items() if t and english.get(k) == t and not is_data(t, data)]
    assert missing == ["Alleen Nederlands"]
