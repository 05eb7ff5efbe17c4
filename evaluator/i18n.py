"""Every text a user reads, in the user's language, from one GNU gettext catalogue.

Why gettext through Babel and not Qt Linguist: the core, the CLI and the memo run without Qt and must speak the
same language as the app from the same catalogue; Qt Linguist (``.ts``/``.qm``) would cover the app alone.
Babel (already needed for the CLDR's numbers and dates) extracts the texts and compiles the catalogue, and
translators work on the ``.po`` file with any gettext tool (Poedit, Weblate, Lokalize, a text editor).

- The English text is the message id, written in the source where it is used: ``gettext("Weights")`` (the app
  writes ``tr("Weights")``). The Dutch is in ``evaluator/locale/nl/LC_MESSAGES/afweging.po``, compiled to the
  ``.mo`` next to it that ships with the package. English needs no catalogue.
- Placeholders are named and filled after translation: ``gettext("Saved {name}").format(name=name)``, so a
  translator may move them. Counts use :func:`ngettext`; the keyed catalogues (findings, memo texts) use the
  key as context, :func:`pgettext`.
- The language is process-wide (:func:`set_language`): the CLI sets it from ``--lang``, else ``AFWEGING_LANG``,
  else the language saved in the app's settings (the user's, else the site's), else the locale; the app from its
  setting. A text that must be in another language than the session's (the memo, written in the
  language chosen for it) passes ``lang=``.
- ``make i18n`` extracts the texts (``babel.cfg``), updates the ``.po`` and compiles it; ``tests/test_i18n.py``
  fails on a text without a Dutch translation, a fuzzy entry, placeholders that differ, or a stale ``.mo``.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import locale as _locale
import os
import sys
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "afweging"
LANGUAGES = ("nl", "en")  # the languages the catalogue is complete in; English is the source
SOURCE = "en"
LOCALE_DIR = Path(__file__).with_name("locale")

_state: dict[str, str | None] = {"lang": None}  # None: not chosen yet, taken from the locale on first use


def language() -> str:
    """The session's language: the one set, else the one of the user's locale."""
    lang = _state["lang"]
    if lang is None:
        lang = _state["lang"] = detect_language()
    return lang


def set_language(lang: str | None) -> str:
    """Set the session's language (``None``: the user's locale). Returns the language now in use."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose from {', '.join(LANGUAGES)}")
    _state["lang"] = lang if lang is not None else detect_language()
    return _state["lang"]


def supported(tag: str | None) -> str | None:
    """The supported language of a locale tag (``nl_NL.UTF-8``, ``nl-BE``, ``en``), or ``None``."""
    if not tag:
        return None
    code = tag.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def detect_language(
    environ: Mapping[str, str] | None = None, default: str = SOURCE, saved: str | None = None
) -> str:
    """The user's language: ``AFWEGING_LANG``, else ``saved`` (the language saved in the app's settings, which the
    command line passes: :func:`evaluator.user_settings.saved_language`), else the locale's: ``LANGUAGE`` (a ``:``
    list), ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them; on Windows, where these are usually unset,
    the user's display language. A locale without a supported language (``C``, ``de_DE``) gives ``default``."""
    env = os.environ if environ is None else environ
    if supported(env.get("AFWEGING_LANG")):  # Afweging's own choice, before the locale's
        return supported(env["AFWEGING_LANG"])  # type: ignore[return-value]
    if saved in LANGUAGES:  # the user's (or the site's) choice in the app
        return saved  # type: ignore[return-value]
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if not value:
            continue
        if var == "LANGUAGE":
            for tag in value.split(":"):
                if supported(tag):
                    return supported(tag)  # type: ignore[return-value]
            continue
        return supported(value) or default  # the first one set decides, as in gettext
    if environ is None and sys.platform == "win32":
        return supported(_windows_ui_language()) or default
    return default


def _windows_ui_language() -> str | None:
    """The Windows user's display language (``nl_NL``): GetUserDefaultUILanguage, else the user's locale."""
    try:
        import ctypes

        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
        tag = _locale.windows_locale.get(langid)
        if tag:
            return tag
    except (AttributeError, OSError):
        pass
    try:
        return _locale.getlocale()[0]
    except ValueError:
        return None


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English and unknown languages: the source texts themselves)."""
    if lang == SOURCE or lang not in LANGUAGES:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, [lang], fallback=True)


def gettext(message: str, lang: str | None = None) -> str:
    """``message`` (the English text) in ``lang``, by default the session's language."""
    return translations(lang or language()).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """The form for ``n`` of a text with a count: ``ngettext("{n} change", "{n} changes", n).format(n=n)``."""
    return translations(lang or language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str, lang: str | None = None) -> str:
    """``message`` in ``lang`` where the same English needs a context (the keyed catalogues use their key)."""
    return translations(lang or language()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int, lang: str | None = None) -> str:
    return translations(lang or language()).npgettext(context, singular, plural, n)


def keyed(table: Mapping[str, str], key: str, lang: str | None = None, **fields: object) -> str:
    """Entry ``key`` of a keyed English table (the memo's ``TEXTS``, the voting page's) in ``lang``: the key is the
    catalogue's context, so the same English can read differently in two places; filled with ``fields``."""
    s = pgettext(key, table[key], lang)
    return s.format(**fields) if fields else s


def library_words(message: str, detail: object) -> str:
    """``message`` (a translated text with a ``{detail}`` field) filled with what a library said in English (a
    parser's own explanation), in an English session; in another language the library's English is left out and
    the text ends before ``{detail}``: "not valid TOML: Expected ']'…" in English, "geen geldige TOML" in Dutch."""
    if language() == SOURCE:
        return message.format(detail=detail)
    return message.split("{detail}")[0].rstrip(" :;,(")


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "translate later"
    """Marks a text for the catalogue where it is defined (a table of labels); translate it where it is shown."""
    return message
