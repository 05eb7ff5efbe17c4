"""Findings and fixed texts in words, from one catalogue (:mod:`evaluator.text.messages`, English, keyed; the
Dutch is in the gettext catalogue with the key as context, see :mod:`evaluator.i18n`), in Dutch or English.

:func:`render` turns a :class:`~evaluator.findings.Finding` into its sentence; :func:`message` gives any
catalogue entry. Names of criteria and alternatives are looked up in the evaluation when the text is rendered
(findings carry ids), and numbers are written the way the language writes them (``0,95`` and ``12,5 %`` in
Dutch, ``0.95`` and ``12.5 %`` in English).

Formats a placeholder may carry (``{value:n2}``):

==========  ========================================================================================
``n0``…     a number with that many decimals
``pct``…    a share (0.71) as a percentage with that many decimals (``pct`` = ``pct0``)
``score``   a score on the finding's (first) criterion's scale: the level and its label, yes/no, number
``crit``    a criterion id → ``A2 ‘name’`` (short ids) or its name
``crits``   criterion ids → a list of short ids, or of names when the ids are long
``critname`` a criterion id → its name only (the id when it is unknown)
``share``   how often (0.81) → ``81 %``, never rounded to 0 or 100 (:func:`share_percent`)
``weight``  a weight (0.227) → ``22,7 %``, one decimal unless whole (:func:`weight_percent`)
``alt``     an alternative id → its name;  ``alts``: ids → a list of names
``method``  a method id → its full name in the language;  ``methods``: ids → a list of names
``chain``   ids and relations (``a``, ``>``, ``b``, ``=``, ``c``) → ``name > name = name``
``msg``     another catalogue key → its text, filled in with the same fields
==========  ========================================================================================
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterable
from typing import Any

from ..findings import Finding
from ..formats import num
from ..i18n import pgettext
from ..model import Evaluation, Scale
from ..model import text as pick
from .messages import MESSAGES, ONE_WHEN

LANGUAGES = ("nl", "en")
SHORT_ID = 5  # criterion ids up to this length are codes people use ("A2"); longer ones are slugs


def message(key: str, lang: str = "nl", ev: Evaluation | None = None, **params: Any) -> str:
    """The catalogue's text for ``key`` in ``lang``, with ``params`` filled in (names looked up in ``ev``)."""
    template = _template(key, lang)
    if not params:
        return template
    return _Formatter(lang, ev, None, params).format(template, **params)


def render(finding: Finding, ev: Evaluation | None, lang: str = "nl") -> str:
    """The sentence for ``finding`` in ``lang``."""
    crits, alts = finding.criteria, finding.alternatives
    fields: dict[str, Any] = {
        "criterion": crits[0] if crits else "",
        "criterion2": crits[1] if len(crits) > 1 else "",
        "criteria": crits,
        "alternative": alts[0] if alts else "",
        "others": alts[1:],
        "alternatives": alts,
        "value": finding.value,
    }
    fields.update(finding.params)
    scale = _scale(ev, crits[0]) if crits else None
    kind = _counted(finding.kind, fields)
    if kind == "uncertain_decides":
        kind = _who_would_be_first(fields)
    return _Formatter(lang, ev, scale, fields).format(_template(kind, lang), **fields)


def sentences(findings: Iterable[Finding], ev: Evaluation | None, lang: str = "nl") -> list[str]:
    """The sentence of each finding, in order."""
    return [render(f, ev, lang) for f in findings]


# -- numbers and names ------------------------------------------------------------------------------------------


def number(x: float | None, lang: str = "nl", decimals: int = 2) -> str:
    """``x`` with a decimal comma and thousands points in Dutch, the other way round in English; ``–`` for none."""
    return num(x, lang, decimals)


def percent(x: float, lang: str = "nl", decimals: int = 0) -> str:
    """A share as a percentage: ``0.125`` → ``12,5 %`` / ``12.5 %``. The one percentage formatter of the core:
    the catalogue's ``pct`` format, the memo and the verdict (:func:`share_percent`, :func:`weight_percent`)."""
    return f"{number(100 * x, lang, decimals)} %"


def share_percent(x: float, lang: str = "nl") -> str:
    """How often something happens, as people read it: whole numbers (one decimal below 10 %), never rounded to
    0 or 100 (``more than 99 %``, ``less than 1 %``)."""
    v = 100.0 * x
    if 99.5 <= v < 100.0:
        return message("percent.above_99", lang)
    if 0.0 < v < 0.5:
        return message("percent.below_1", lang)
    return _percent_points(v, lang, keep_decimal=v < 10)


def weight_percent(x: float, lang: str = "nl") -> str:
    """A weight: one decimal unless it is whole, as the weight tables show it (``22,7 %``, ``15 %``)."""
    return _percent_points(100.0 * x, lang, keep_decimal=True)


def _percent_points(v: float, lang: str, keep_decimal: bool) -> str:
    whole = math.floor(v + 0.5)
    if keep_decimal and abs(v - whole) >= 0.05:
        return f"{number(v, lang, 1)} %"
    return f"{number(whole, lang, 0)} %"


def join(items: Iterable[str], lang: str = "nl") -> str:
    """``a``, ``a and b``, ``a, b and c`` (``en`` in Dutch)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {message('and', lang)} {items[-1]}"


def criterion_label(ev: Evaluation | None, cid: str, lang: str = "nl") -> str:
    """``A2 ‘Exposure to extraterritorial law’`` for a short id, else the name; the id when it is unknown."""
    name = _criterion_name(ev, cid, lang)
    if not name or name == cid:
        return cid
    return f"{cid} ‘{name}’" if len(cid) <= SHORT_ID else name


def criterion_code(ev: Evaluation | None, cid: str, lang: str = "nl") -> str:
    """The short id when ids are codes, else the name: for lists of criteria."""
    if len(cid) <= SHORT_ID:
        return cid
    return _criterion_name(ev, cid, lang) or cid


def alternative_name(ev: Evaluation | None, aid: str) -> str:
    if ev is not None:
        for a in ev.alternatives:
            if a.id == aid:
                return a.name or aid
    return aid


def method_title(method_id: str, lang: str = "nl") -> str:
    """A method's full name in ``lang`` (``Gewogen som (WSM)``); the id when it is unknown."""
    from ..methods import METHODS  # the registry owns the names; imported late (it brings numpy)

    m = METHODS.get(method_id)
    return m.title(lang) if m is not None else method_id


def score_text(scale: Scale | None, x: float, lang: str = "nl") -> str:
    """A score as a person reads it, in ``lang``: ``2 · fair``, ``yes``, ``430 €/user/year``."""
    if scale is None:
        return _plain(x, lang)
    if scale.kind == "ordinal":
        lv = scale.level(x)
        label = pick(lv.label, lang) if lv else ""
        return f"{_plain(x, lang)} · {label}" if label else _plain(x, lang)
    if scale.kind == "boolean":
        return message("yes" if x else "no", lang)
    from ..scales import with_unit

    return with_unit(scale, x, lang)


def _plain(x: float, lang: str) -> str:
    """A number with as many decimals as it needs (up to 3)."""
    for d in range(4):
        if abs(round(x, d) - x) < 1e-9:
            return number(x, lang, d)
    return number(x, lang, 3)


def _criterion_name(ev: Evaluation | None, cid: str, lang: str) -> str:
    if ev is not None:
        for c in ev.criteria:
            if c.id == cid:
                return pick(c.name, lang)
    return ""


def _scale(ev: Evaluation | None, cid: str) -> Scale | None:
    if ev is not None:
        for c in ev.criteria:
            if c.id == cid:
                return c.scale
    return None


def _who_would_be_first(fields: dict[str, Any]) -> str:
    """``uncertain_decides``'s wording for who would rank first: one alternative instead of another (the plain
    form), several together (``|many``), or one or more sharing first place with those first now (``|shared``,
    naming the newcomers as ``joining``). The finding's data stays as it is."""
    first, was = _seq(fields.get("first", ())), _seq(fields.get("was", ()))
    if was and set(was) <= set(first):
        fields["joining"] = tuple(a for a in first if a not in was)
        return "uncertain_decides|shared" + ("|many" if len(fields["joining"]) > 1 else "")
    return "uncertain_decides|many" if len(first) > 1 else "uncertain_decides"


def _counted(key: str, fields: dict[str, Any]) -> str:
    """``key``, or its ``key|one`` form when the field that counts in it (``ONE_WHEN``) is 1."""
    count = fields.get(ONE_WHEN.get(key, ""))
    return f"{key}|one" if count == 1 and f"{key}|one" in MESSAGES else key


def _template(key: str, lang: str) -> str:
    entry = MESSAGES[key]  # a KeyError here is a missing catalogue entry: a test guards every kind
    if isinstance(entry, dict):  # {"en", "nl"}: an entry tools/i18n_codemod.py has not moved yet
        return entry.get(lang) or entry["en"]
    return pgettext(key, entry, lang)


class _Formatter(string.Formatter):
    """``str.format`` with the formats of this module's docstring, in one language."""

    def __init__(
        self, lang: str, ev: Evaluation | None, scale: Scale | None, fields: dict[str, Any] | None = None
    ):
        self.lang, self.ev, self.scale, self.fields = lang, ev, scale, fields or {}

    def format_field(self, value: Any, spec: str) -> str:
        lang, ev = self.lang, self.ev
        if spec.startswith("pct"):
            return percent(float(value), lang, int(spec[3:] or 0))
        if spec[:1] == "n" and spec[1:].isdigit():
            return number(float(value), lang, int(spec[1:]))
        if spec == "score":
            return score_text(self.scale, float(value), lang)
        if spec == "crit":
            return criterion_label(ev, str(value), lang)
        if spec == "critname":
            return _criterion_name(ev, str(value), lang) or str(value)
        if spec == "share":
            return share_percent(float(value), lang)
        if spec == "weight":
            return weight_percent(float(value), lang)
        if spec == "crits":
            return join((criterion_code(ev, c, lang) for c in _seq(value)), lang)
        if spec == "alt":
            return alternative_name(ev, str(value))
        if spec == "alts":
            return join((alternative_name(ev, a) for a in _seq(value)), lang)
        if spec == "method":
            return method_title(str(value), lang)
        if spec == "methods":
            return join((method_title(m, lang) for m in _seq(value)), lang)
        if spec == "chain":
            items = _seq(value)
            return " ".join(x if k % 2 else alternative_name(ev, x) for k, x in enumerate(items))
        if spec == "msg":
            return self.vformat(_template(_counted(str(value), self.fields), lang), (), self.fields)
        if isinstance(value, float) and not spec:
            return _plain(value, lang)
        return super().format_field(value, spec)


def _seq(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)
