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
        signals.language_changed.emit(lang)


def tr(en: str, nl: str) -> str:
    """The text in the current language."""
    return nl if _state["lang"] == "nl" else en


def locale() -> QLocale:
    return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands) if _state["lang"] == "nl" else QLocale(
        QLocale.Language.English, QLocale.Country.UnitedKingdom
    )


def number(x: float, decimals: int = 2) -> str:
    """A number in the current locale's format (decimal comma in Dutch)."""
    return locale().toString(float(x), "f", decimals)


def percent(x: float, decimals: int = 0) -> str:
    return f"{number(100 * x, decimals)} %"
