"""Finding English in a Dutch session: a visible text is English when it is a message id of the catalogue shown
untranslated (with its placeholders filled), or when it has a common English word as a whole word.

Data is not checked: the caller passes the texts of the evaluation (names of alternatives, criteria, sources,
evidence…), which are removed from a text before it is judged. The memo test uses the same judge on the PDF's
text (:func:`english_in`).
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable

from babel.messages.pofile import read_po
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from evaluator import i18n
from tools import i18n_catalog

# Common English words that are not Dutch words (so "is", "in", "of", "was", "open", "export", "score", "details",
# "ranking", "memo", "model", "help", "we", "on" (on-premise) are left out). Whole words, any case.
ENGLISH_WORDS = frozenset(
    """
    the and with from this that these those which what when where while who whose why how
    are were being has have does doesn't don't can't cannot won't isn't aren't not
    yes you your our they their them there here than then only also into about after before between
    without within should would could must will shall each every other another more most less least
    all any some none nothing something first next previous
    save saved cancel close closed delete deleted remove removed add added edit edited new undo redo
    choose chosen select selected show shown hide hidden file files folder page pages
    weight weights weighted weighting rank ranks ranked results result evaluation evaluations
    alternative alternatives criterion participant participants vote votes voted voting ballot ballots
    method methods setting settings signature signed signing sign verify verified valid invalid
    error errors warning warnings unknown missing change changes changed
    level levels area areas sensitivity robustness threshold mean summary overview
    high low yes true false agree disagree between across among
    unverified verified trusted untrusted certificate key password draft consulted decided adopted final seed samples
    """.split()  # noqa: SIM905 - a list of words reads best as words
)

# Not English in a Dutch text: names of keys on the keyboard, command lines, terms of the trade that Dutch uses
# as they are (each checked by a person).
NOT_ENGLISH = re.compile(
    r"\b(?:Delete|Insert)\b"  # the keys, as printed on them ("druk Delete om te wissen")
    r"|\bafweging (?:verify|report|rank)\b"  # a command to type
    r"|\brank-order centroid\b"  # the weighting method's name (ROC), as the literature writes it
)

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@functools.cache
def _catalogue() -> tuple[frozenset[str], tuple[tuple[str, re.Pattern[str]], ...], frozenset[str]]:
    """The English message ids that read differently in Dutch: those without placeholders as they are, those
    with placeholders as patterns (with the longest literal part, to look for first); and every Dutch text."""
    with i18n_catalog.PO.open("rb") as f:
        po = read_po(f, locale="nl", domain=i18n.DOMAIN)
    dutch: set[str] = set()
    english: set[str] = set()
    for m in po:
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strs = m.string if isinstance(m.string, tuple) else (m.string,)
        dutch.update(s for s in strs if s)
        english.update(ids)
    english -= dutch | {
        "Nederlands"
    }  # the voting page's switch to the other language names it in that language
    plain, patterns = set(), []
    for en in sorted(english, key=len, reverse=True):
        literal = _PLACEHOLDER.sub("", en)
        if not re.search(r"[^\W\d_]{2,}", literal):
            continue  # a message of placeholders and signs only ("{a} · {b}")
        if literal == en.replace("{{", "{").replace("}}", "}") and "{" not in en:
            plain.add(en)
            plain.add(en.replace("&", ""))
        else:
            longest = max(_PLACEHOLDER.split(en), key=len).replace("&", "")
            patterns.append((longest, re.compile(_pattern(en), re.DOTALL)))
    return frozenset(plain), tuple(patterns), frozenset(dutch)


def _pattern(msgid: str) -> str:
    """A message id as a pattern: its placeholders match any text, a mnemonic ``&`` is optional."""
    out = []
    for literal, field, _spec, _conv in string.Formatter().parse(msgid):
        out.append(re.escape(literal.replace("{{", "{").replace("}}", "}")).replace("\\&", "&?"))
        if field is not None:
            out.append(".+?")
    return "".join(out)


def _strip(text: str, data: Iterable[str]) -> str:
    """``text`` with every data text in it blanked out, also where the text wraps it over lines (a PDF breaks
    a long source or address anywhere) or shows it shortened with "…"."""
    t = re.sub(r"<[^>]+>", " ", text)  # rich-text tags
    t = t.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    keep = [i for i, ch in enumerate(t) if not ch.isspace()]
    compact = "".join(t[i] for i in keep)
    covered = bytearray(len(compact))
    pieces = {re.sub(r"\s+", "", d) for d in data}
    for d in sorted((d for d in pieces if len(d) >= 3), key=len, reverse=True):
        start = compact.find(d)
        while start >= 0:
            covered[start : start + len(d)] = b"\x01" * len(d)
            start = compact.find(d, start + len(d))
    i = compact.find("…")
    while i >= 0:  # a long text shown shortened: the start of a data text, then "…"
        k = max((_common_end(compact[:i], d) for d in pieces), default=0)
        covered[i - k : i + 1] = b"\x01" * (k + 1)
        i = compact.find("…", i + 1)
    out = list(t)
    for j, c in zip(keep, covered, strict=True):
        if c:
            out[j] = " "
    return "".join(out)


def _common_end(head: str, d: str) -> int:
    """How long the end of ``head`` is that is the start of ``d`` (at least 12 characters), else 0."""
    for k in range(min(len(head), len(d)), 11, -1):
        if d.startswith(head[-k:]):
            return k
    return 0


def english_in(text: str, data: Iterable[str] = ()) -> list[str]:
    """The English in ``text`` (after removing ``data``): the untranslated message or the English words."""
    if not text or not text.strip():
        return []
    plain, patterns, dutch = _catalogue()
    t = _strip(text, data)
    found: list[str] = []
    for line in t.splitlines():
        s = line.strip()
        if not s or s in dutch or s.replace("&", "") in dutch:
            continue
        if s in plain or s.replace("&", "") in plain:
            found.append(f"message {s!r}")
            continue
        bare = s.replace("&", "")
        for longest, p in patterns:
            if longest in bare and p.fullmatch(s):
                found.append(f"message {p.pattern!r}")
                break
    words = {
        w for w in re.findall(r"[^\W\d_][^\W\d_']*", NOT_ENGLISH.sub(" ", t)) if w.lower() in ENGLISH_WORDS
    }
    found += sorted(f"word {w!r}" for w in words)
    return found


# -- reading what a window shows ----------------------------------------------------------------------------------


def shown_texts(root: QWidget, rows: int = 60) -> list[tuple[str, str]]:
    """``(where, text)`` for every text ``root`` and the widgets in it show or tell: labels, buttons, titles,
    tabs, items, table headers and cells (display, tool tip, accessible roles), placeholders, tool tips, status
    tips, what's-this, accessible names and descriptions, and the actions of their menus."""
    out: list[tuple[str, str]] = []
    seen_actions: set[int] = set()

    def add(obj: QObject, what: str, text: object) -> None:
        if isinstance(text, str) and text.strip():
            name = obj.objectName() or type(obj).__name__
            out.append((f"{type(obj).__name__}({name}).{what}", text))

    def action(a: QAction) -> None:
        if id(a) in seen_actions or a.isSeparator():
            return
        seen_actions.add(id(a))
        for what, text in (("text", a.text()), ("tip", a.toolTip()), ("status", a.statusTip()),
                           ("whatsthis", a.whatsThis())):  # fmt: skip
            add(a, what, text)
        if a.menu() is not None:
            menu(a.menu())

    def menu(m: QMenu) -> None:
        add(m, "title", m.title())
        for a in m.actions():
            action(a)

    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w.parent(), QTabBar):  # Qt's own scroll arrows
            continue
        add(w, "window title", w.windowTitle() if w.isWindow() else "")
        for what, text in (("tooltip", w.toolTip()), ("status", w.statusTip()), ("whatsthis", w.whatsThis()),
                           ("accessible", w.accessibleName()), ("description", w.accessibleDescription())):  # fmt: skip
            add(w, what, text)
        for a in w.actions():
            action(a)
        if isinstance(w, QMenu):
            menu(w)
        if isinstance(w, QMenuBar):
            for a in w.actions():
                action(a)
        if isinstance(w, QLabel | QAbstractButton):
            add(w, "text", w.text())
        if isinstance(w, QGroupBox):
            add(w, "title", w.title())
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            add(w, "placeholder", w.placeholderText())
        if isinstance(w, QPlainTextEdit | QTextEdit):
            add(w, "text", w.toPlainText())
        if isinstance(w, QAbstractSpinBox):
            add(w, "special", getattr(w, "specialValueText", lambda: "")())
            add(w, "suffix", getattr(w, "suffix", lambda: "")())
            add(w, "prefix", getattr(w, "prefix", lambda: "")())
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, f"item {i}", w.itemText(i))
                add(w, f"item tip {i}", w.itemData(i, Qt.ItemDataRole.ToolTipRole))
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w, f"tab {i}", w.tabText(i))
                add(w, f"tab tip {i}", w.tabToolTip(i))
        if isinstance(w, QMessageBox):
            add(w, "informative", w.informativeText())
            add(w, "detailed", w.detailedText())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            _model_texts(w, w.model(), rows, add)
    return out


_ROLES = (
    ("", Qt.ItemDataRole.DisplayRole),
    ("tip", Qt.ItemDataRole.ToolTipRole),
    ("status", Qt.ItemDataRole.StatusTipRole),
    ("whatsthis", Qt.ItemDataRole.WhatsThisRole),
    ("accessible", Qt.ItemDataRole.AccessibleTextRole),
    ("description", Qt.ItemDataRole.AccessibleDescriptionRole),
)


def _model_texts(view: QAbstractItemView, m: QAbstractItemModel, rows: int, add) -> None:  # noqa: ANN001
    try:
        n_rows, n_cols = m.rowCount(QModelIndex()), m.columnCount(QModelIndex())
    except TypeError:  # a list model's columnCount is private in PySide6
        n_rows, n_cols = m.rowCount(QModelIndex()), 1
    for orientation, count, name in ((Qt.Orientation.Horizontal, n_cols, "column"),
                                     (Qt.Orientation.Vertical, n_rows, "row")):  # fmt: skip
        for i in range(min(count, rows)):
            for what, role in _ROLES:
                add(view, f"{name} header {i} {what}", m.headerData(i, orientation, role))

    def walk(parent: QModelIndex, depth: int) -> None:
        for r in range(min(m.rowCount(parent), rows)):
            for c in range(n_cols):
                idx = m.index(r, c, parent)
                for what, role in _ROLES:
                    add(view, f"cell {r},{c} {what}", idx.data(role))
            first = m.index(r, 0, parent)
            try:
                deeper = depth < 3 and m.rowCount(first) > 0
            except TypeError:  # a flat model's rowCount(parent) is private in PySide6
                deeper = False
            if deeper:
                walk(first, depth + 1)

    walk(QModelIndex(), 0)


class PaintedTexts:
    """Records the texts widgets paint themselves (charts, the projector): ``QPainter.drawText`` is wrapped
    while it is installed; what is painted is drawn as before."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._original = None

    def install(self) -> None:
        original = self._original = QPainter.drawText
        texts = self.texts

        def draw_text(painter: QPainter, *args: object) -> object:
            texts.extend(a for a in args if isinstance(a, str))
            return original(painter, *args)

        QPainter.drawText = draw_text

    def uninstall(self) -> None:
        if self._original is not None:
            QPainter.drawText = self._original
            self._original = None

    def of(self, widget: QWidget) -> list[str]:
        """Every text ``widget`` and its children paint when rendered now."""
        self.texts.clear()
        widget.grab()
        return list(self.texts)
