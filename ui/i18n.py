"""Dutch and English, switchable while the app runs.

Every visible string is written with both languages at the place it is used: ``tr("Weights", "Gewichten")``.
Widgets connect to :data:`signals.language_changed` and set their texts again in a ``retranslate()`` method.
A test walks the window in both languages and fails on visible text that does not change (except names,
numbers and an allowlist), so a missing translation cannot slip through.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal

LANGUAGES = ("nl", "en")
_state = {"lang": "nl"}


class _Signals(QObject):
    language_changed = Signal(str)


signals = _Signals()


def language() -> str:
    return _state["lang"]


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
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


def tr(en: str, nl: str) -> str:
    """The text in the current language."""
    return nl if _state["lang"] == "nl" else en


def locale() -> QLocale:
    return (
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if _state["lang"] == "nl"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )


def number(x: float, decimals: int = 2) -> str:
    """A number in the current locale's format (decimal comma in Dutch)."""
    return locale().toString(float(x), "f", decimals)


def percent(x: float, decimals: int = 0) -> str:
    return f"{number(100 * x, decimals)} %"
