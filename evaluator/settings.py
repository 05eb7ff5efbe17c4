"""The evaluation's settable fields, written once: name, type, choices or bounds, default, and the words for them.

Everything that reads or writes a setting takes it from here: the model's defaults, the one validity check
(:mod:`evaluator.invariants`), the ``set_setting`` change, the canonical JSON, the project file's ``settings``
table, the CLI flags that override a robustness setting and the pages that show them.

Two groups live here:

- the evaluation's own fields (title, question, decision text, status, group weighting, method, ...);
- the **robustness settings** (``robustness.*``): how ``afweging sensitivity``, the Robustness page, the memo and
  its preview run SMAA. They are part of the evaluation, so the same file gives the same figures everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

AGGREGATIONS = ("mean", "median", "geometric")
WEIGHT_MODES = ("uniform", "around")
SCORE_MODES = ("fixed", "ranges")
SPREAD_PARTICIPANTS = "participants"  # spread: each criterion's spread among the workshop participants
MAX_SPREAD = 3.0
MIN_SAMPLES = 1
MAX_SAMPLES = 1_000_000  # verify recomputes up to this many (report.verify)
MAX_SEED = 2**31 - 1


@dataclass(frozen=True)
class Setting:
    """One settable field. ``choices`` or ``low``/``high`` bound its values; ``check`` is the one place that says
    whether a value fits (``None``) or what is wrong with it."""

    name: str
    type: type
    default: Any
    label: Mapping[str, str]
    choices: tuple[Any, ...] = ()
    low: float | None = None
    high: float | None = None
    extra: tuple[Any, ...] = field(default=())  # values accepted besides the typed ones ("participants")

    def check(self, value: Any) -> tuple[str, str] | None:
        """What is wrong with ``value`` for this setting, in English and Dutch; ``None`` when it fits."""
        if value in self.extra and not isinstance(value, bool):
            return None
        number = not isinstance(value, bool) and isinstance(value, int | float)
        if self.type is float:
            if not number or not math.isfinite(value):
                return self._say(value, "must be a finite number", "moet een eindig getal zijn")
        elif self.type is int:
            whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
            if isinstance(value, bool) or not whole:
                return self._say(value, "must be a whole number", "moet een geheel getal zijn")
        elif not isinstance(value, self.type) or (self.type is not bool and isinstance(value, bool)):
            en, nl = _TYPE_WORDS[self.type]
            return self._say(value, f"must be {en}", f"moet {nl} zijn")
        if self.choices and value not in self.choices:
            options = ", ".join(map(str, self.choices))
            return self._say(value, f"must be one of {options}", f"moet een van {options} zijn")
        if self.low is not None and value < self.low:
            return self._say(value, f"must be at least {self.low:g}", f"moet minstens {self.low:g} zijn")
        if self.high is not None and value > self.high:
            return self._say(value, f"must be at most {self.high:g}", f"mag hoogstens {self.high:g} zijn")
        return None

    def _say(self, value: Any, en: str, nl: str) -> tuple[str, str]:
        return (f"{self.name} {en}, not {value!r}", f"{self.label['nl']} {nl}, niet {value!r}")


_TYPE_WORDS = {
    str: ("text", "tekst"),
    bool: ("true or false", "waar of onwaar"),
    int: ("a whole number", "een geheel getal"),
    float: ("a number", "een getal"),
}


def _s(name: str, typ: type, default: Any, nl: str, en: str, **kw: Any) -> Setting:
    return Setting(name, typ, default, {"nl": nl, "en": en}, **kw)


EVALUATION_SETTINGS: tuple[Setting, ...] = (
    _s("title", str, "", "titel", "title"),
    _s("question", str, "", "vraag", "question"),
    _s("context", str, "", "context", "context"),
    _s("date", str, "", "datum", "date"),
    _s("owner", str, "", "eigenaar", "owner"),
    _s("status", str, "draft", "status", "status"),
    _s("decision", str, "", "besluit", "decision"),
    _s("catalogue", str, "", "catalogus", "catalogue"),
    _s("aggregation", str, "mean", "groepsweging", "group weighting", choices=AGGREGATIONS),
    _s("anonymous", bool, False, "anoniem", "anonymous"),
    _s("method", str, "wsm", "methode", "method"),  # choices: the method registry (checked in invariants)
)

ROBUSTNESS_SETTINGS: tuple[Setting, ...] = (
    _s("robustness.method", str, "", "methode robuustheid", "robustness method"),  # "": the evaluation's
    _s(
        "robustness.weights",
        str,
        "uniform",
        "gewichten robuustheid",
        "robustness weights",
        choices=WEIGHT_MODES,
    ),
    _s(
        "robustness.spread",
        float,
        0.2,
        "spreiding gewichten",
        "weight spread",
        low=0.0,
        high=MAX_SPREAD,
        extra=(SPREAD_PARTICIPANTS,),
    ),  # fmt: skip
    _s("robustness.scores", str, "fixed", "scores robuustheid", "robustness scores", choices=SCORE_MODES),
    _s("robustness.samples", int, 10_000, "aantal wegingen", "samples", low=MIN_SAMPLES, high=MAX_SAMPLES),
    _s("robustness.seed", int, 0, "startgetal", "seed", low=0, high=MAX_SEED),
)

ALL: dict[str, Setting] = {s.name: s for s in (*EVALUATION_SETTINGS, *ROBUSTNESS_SETTINGS)}
EVALUATION_NAMES: tuple[str, ...] = tuple(s.name for s in EVALUATION_SETTINGS)
ROBUSTNESS_KEYS: tuple[str, ...] = tuple(s.name.split(".", 1)[1] for s in ROBUSTNESS_SETTINGS)


def default(name: str) -> Any:
    return ALL[name].default


def robustness_defaults() -> dict[str, Any]:
    return {s.name.split(".", 1)[1]: s.default for s in ROBUSTNESS_SETTINGS}


def label(name: str, lang: str = "nl") -> str:
    s = ALL.get(name)
    return s.label.get(lang, s.label["en"]) if s else name


def get(ev: Any, name: str) -> Any:
    """The value of setting ``name`` ("title", "robustness.seed", ...) in evaluation ``ev``."""
    if name.startswith("robustness."):
        key = name.split(".", 1)[1]
        return ev.robustness.get(key, ALL[name].default)
    return getattr(ev, name)


def with_value(ev: Any, name: str, value: Any) -> Any:
    """``ev`` with setting ``name`` set to ``value`` (unchecked: :mod:`evaluator.invariants` judges the result)."""
    from dataclasses import replace
    from types import MappingProxyType

    setting = ALL.get(name)
    if setting is not None and setting.type is int and isinstance(value, float) and value.is_integer():
        value = int(value)  # 3000.0 from a JSON file or a spin box is the whole number 3000
    if name.startswith("robustness."):
        new = dict(ev.robustness)
        new[name.split(".", 1)[1]] = value
        return replace(ev, robustness=MappingProxyType(new))
    return replace(ev, **{name: value})
