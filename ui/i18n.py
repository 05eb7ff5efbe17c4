"""Dutch and English, switchable while the app runs.

Every visible string is written in English where it is used, ``tr("Weights")``, and translated from the one
gettext catalogue the core, the CLI and the memo share (:mod:`evaluator.i18n`, which says why gettext and not
Qt Linguist); placeholders are named and filled after translation: ``tr("Saved {name}").format(name=name)``.
Widgets connect to :data:`signals.language_changed` and set their texts again in a ``retranslate()`` method.
``tests/test_i18n.py`` fails on a text without a Dutch translation; a GUI test walks the window in both
languages and fails on visible text that does not change (except names, numbers and an allowlist).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal

from evaluator import i18n as core
from evaluator.formats import num
from evaluator.i18n import LANGUAGES, N_, gettext, ngettext, pgettext  # noqa: F401 - the app's words come from here
from evaluator.text import percent as _percent

_state = {"lang": "nl"}  # the app's default until its setting is read (set_language also sets the core's)


class _Signals(QObject):
    language_changed = Signal(str)


signals = _Signals()


def language() -> str:
    return _state["lang"]


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    core.set_language(lang)  # the core's texts (errors, findings) follow the app
    if lang != _state["lang"]:
        _state["lang"] = lang
        QLocale.setDefault(locale())
        install_qt_translations()
        signals.language_changed.emit(lang)


_qt_translator: list = []


def install_qt_translations() -> None:
    """Qt's own texts (standard buttons, file dialogs, scroll buttons) in the current language."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    app = QCoreApplication.instance()
    if app is None:
        return
    while _qt_translator:
        app.removeTranslator(_qt_translator.pop())
    if _state["lang"] == "en":
        return
    t = QTranslator(app)
    if t.load(f"qtbase_{_state['lang']}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(t)
        _qt_translator.append(t)


def tr(message: str, nl: str | None = None) -> str:
    """``message`` (the English text) in the app's language, from the catalogue.

    ``tr(en, nl)`` with the Dutch beside it is the old form: it still works, and ``tools/i18n_codemod.py`` moves
    the Dutch into the catalogue (``tests/test_i18n.py`` fails while one is left).
    """
    if nl is not None:
        return nl if _state["lang"] == "nl" else message
    return gettext(message, _state["lang"])


def locale() -> QLocale:
    return (
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if _state["lang"] == "nl"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )


def number(x: float, decimals: int = 2) -> str:
    """A number in the current language's format (decimal comma in Dutch), by the core's one helper
    (:mod:`evaluator.formats`, Babel), the same as the CLI and the memo."""
    return num(float(x), _state["lang"], decimals)


def percent(x: float, decimals: int = 0) -> str:
    return _percent(float(x), _state["lang"], decimals)
