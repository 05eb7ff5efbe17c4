"""Numbers, percentages, dates and moments as the reader's language writes them, by Babel (the CLDR's rules):
``1.234,5`` and ``30 november 2026`` in Dutch, ``1,234.5`` and ``30 November 2026`` in English; never ``1e+06``.

The one helper for the CLI's tables, the memo, the app's labels and the findings: each takes the language
(``nl``/``en``), by default the session's (:func:`evaluator.i18n.language`).
"""

from __future__ import annotations

import functools
import math
import string
from typing import Any

from .i18n import SOURCE, gettext, language

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _locale(lang: str | None) -> str:
    return LOCALES.get(lang or language(), "en_GB")


def num(x: float | None, lang: str | None = None, decimals: int = 2) -> str:
    """A number with ``decimals`` decimals as the language writes it (``1.000.000,50`` in Dutch, ``1,000,000.50``
    in English); ``–`` for none or not a number, ``∞`` for an infinite one, never ``-0``."""
    return _decimal(x, "#,##0" + ("." + "0" * decimals if decimals > 0 else ""), lang)


def number(x: float | None, lang: str | None = None, most: int = 3) -> str:
    """A number as short as it is (``12,5``, ``1.000.000``, at most ``most`` decimals), never ``1e+06``."""
    return _decimal(x, "#,##0." + "#" * most, lang)


@functools.cache
def _number_format(pattern: str, locale: str):  # noqa: ANN202 - (babel NumberPattern, babel Locale)
    """Babel's parsed pattern and locale, parsed once (``format_decimal`` parses both at every call: a page of a
    large evaluation writes thousands of numbers)."""
    from babel import Locale
    from babel.numbers import parse_pattern

    return parse_pattern(pattern), Locale.parse(locale)


def _decimal(x: float | None, pattern: str, lang: str | None) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if isinstance(x, float) and math.isinf(x):
        return "∞" if x > 0 else "−∞"
    try:
        parsed, locale = _number_format(pattern, _locale(lang))
        text = parsed.apply(x, locale)  # what babel.numbers.format_decimal(x, pattern, locale) does
    except (ArithmeticError, ValueError):  # beyond what a decimal context holds (1e308): no reader's number
        return f"{x:.6g}"
    return text[1:] if text.startswith("-") and not any(c in "123456789" for c in text) else text


def date_text(iso: str, lang: str | None = None) -> str:
    """An ISO date (``2026-11-30``, or the date of an ISO moment) written out: ``30 november 2026``; a month
    (``2024-09``, as sources are often dated): ``september 2024``; any other text as typed."""
    import datetime as dt

    from babel.dates import format_date

    month = iso.strip()
    if (
        len(month) == 7
        and month[4] == "-"
        and month[:4].isdigit()
        and month[5:].isdigit()
        and 1 <= int(month[5:]) <= 12
    ):
        return format_date(dt.date(int(month[:4]), int(month[5:]), 1), "MMMM y", locale=_locale(lang))
    moment = _local(iso) if len(iso.strip()) > 10 else None
    try:
        day = moment.date() if moment is not None else dt.date.fromisoformat(iso.strip())
    except ValueError:
        return iso
    return format_date(day, "long", locale=_locale(lang))


def _local(iso: str):  # noqa: ANN202 - datetime | None
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(iso.strip())
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone()  # the reader's own zone


def moment_text(iso: str, lang: str | None = None, short: bool = False) -> str:
    """An ISO moment (UTC in the data) in local time with its zone: ``30 november 2026 om 22:07 CET``, short
    ``30-11-2026 22:07 CET``; any other text as typed."""
    from babel.dates import format_datetime

    moment = _local(iso)
    if moment is None:
        return iso
    # Translators: a CLDR date pattern (Babel's format_datetime), e.g. dd-MM-y HH:mm and d MMMM y 'om' HH:mm.
    pattern = gettext("dd/MM/y HH:mm", lang) if short else gettext("d MMMM y, HH:mm", lang)
    return f"{format_datetime(moment, pattern, locale=_locale(lang))} {moment.strftime('%Z')}".strip()


class _Filler(string.Formatter):
    """``str.format`` that writes numbers the reader's way: ``{x:g}`` and a float ``{x}`` as :func:`number`
    (never ``1e+06``), ``{x:,}`` with the language's thousands separator."""

    def __init__(self, lang: str | None):
        self.lang = lang

    def format_field(self, value: Any, spec: str) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            if spec == "g" or (spec == "" and isinstance(value, float)):
                return number(value, self.lang)
            if spec == ",":
                return num(value, self.lang, 0)
        return super().format_field(value, spec)


def fill(template: str, lang: str | None = None, /, **fields: Any) -> str:
    """``template.format(**fields)`` with numbers as ``lang`` (default: the session's language) writes them:
    ``fill(gettext("weight {w:g} is negative"), w=-1e6)`` → ``gewicht -1.000.000 is negatief``."""
    return _Filler(lang).format(template, **fields)


class Message(str):
    """An English text that can say itself in another language later: ``lazy_gettext("the file is {what}")
    .format(what=w)`` is the English (for data, such as verify's JSON, that must not depend on the reader's
    language), and ``.in_(lang)`` is the same text translated, for the reader."""

    template: str
    fields: dict

    def __new__(cls, template: str, fields: dict | None = None) -> Message:
        obj = super().__new__(cls, fill(template, SOURCE, **fields) if fields else template)
        obj.template, obj.fields = template, dict(fields or {})
        return obj

    def format(self, *args: object, **fields: object) -> Message:  # type: ignore[override]
        if args:
            raise TypeError("a Message takes named placeholders only")
        return Message(self.template, fields)

    def in_(self, lang: str | None = None) -> str:
        translated = gettext(self.template, lang)
        if not self.fields:
            return translated
        return fill(translated, lang, **{k: text_in(v, lang) for k, v in self.fields.items()})  # nested too


def lazy_gettext(message: str) -> Message:
    """``message`` kept in English, translatable later with :meth:`Message.in_` (see :class:`Message`)."""
    return Message(message)


def text_in(value: str, lang: str | None = None) -> str:
    """A :class:`Message` in ``lang``; any other text as it is."""
    return value.in_(lang) if isinstance(value, Message) else value


def ordinal(n: int, lang: str | None = None) -> str:
    """A place as the language writes it short: ``1e``, ``2e`` in Dutch; ``1st``, ``2nd``, ``11th`` in English."""
    if (lang or language()) == "nl":
        return f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
