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
from dataclasses import dataclass, field
from typing import Any

from .i18n import N_, gettext

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
    label: str  # English, marked for the catalogue; :func:`label` gives it in a language
    choices: tuple[Any, ...] = ()
    low: float | None = None
    high: float | None = None
    extra: tuple[Any, ...] = field(default=())  # values accepted besides the typed ones ("participants")

    def check(self, value: Any) -> tuple[str, str] | None:
        """What is wrong with ``value`` for this setting, in English and Dutch (a validity problem's ``detail``
        and ``detail_nl``, from the catalogue); ``None`` when it fits."""
        if value in self.extra and not isinstance(value, bool):
            return None
        number = not isinstance(value, bool) and isinstance(value, int | float)
        if self.type is float:
            if not number or not math.isfinite(value):
                return self._say(value, N_("{name} must be a finite number, not {value!r}"))
        elif self.type is int:
            whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
            if isinstance(value, bool) or not whole:
                return self._say(value, N_("{name} must be a whole number, not {value!r}"))
        elif not isinstance(value, self.type) or (self.type is not bool and isinstance(value, bool)):
            return self._say(value, _TYPE_WORDS[self.type])
        if self.choices and value not in self.choices:
            options = ", ".join(map(str, self.choices))
            return self._say(value, N_("{name} must be one of {options}, not {value!r}"), options=options)
        if self.low is not None and value < self.low:
            return self._say(value, N_("{name} must be at least {low:g}, not {value!r}"), low=self.low)
        if self.high is not None and value > self.high:
            return self._say(value, N_("{name} must be at most {high:g}, not {value!r}"), high=self.high)
        return None

    def _say(self, value: Any, message: str, **fields: Any) -> tuple[str, str]:
        """``message`` filled in English (naming the setting by its key) and in Dutch (by its Dutch label)."""
        en = message.format(name=self.name, value=value, **fields)
        nl = gettext(message, "nl").format(name=gettext(self.label, "nl"), value=value, **fields)
        return en, nl


_TYPE_WORDS = {
    str: N_("{name} must be text, not {value!r}"),
    bool: N_("{name} must be true or false, not {value!r}"),
    int: N_("{name} must be a whole number, not {value!r}"),
    float: N_("{name} must be a number, not {value!r}"),
}


def _s(name: str, typ: type, default: Any, label: str, **kw: Any) -> Setting:
    return Setting(name, typ, default, label, **kw)


EVALUATION_SETTINGS: tuple[Setting, ...] = (
    _s("title", str, "", N_("title")),
    _s("question", str, "", N_("question")),
    _s("context", str, "", N_("context")),
    _s("date", str, "", N_("date")),
    _s("owner", str, "", N_("owner")),
    _s("status", str, "draft", N_("status")),
    _s("decision", str, "", N_("decision")),
    _s("catalogue", str, "", N_("catalogue")),
    _s("aggregation", str, "mean", N_("group weighting"), choices=AGGREGATIONS),
    _s("anonymous", bool, False, N_("anonymous")),
    _s("method", str, "wsm", N_("method")),  # choices: the method registry (checked in invariants)
)

ROBUSTNESS_SETTINGS: tuple[Setting, ...] = (
    _s("robustness.method", str, "", N_("robustness method")),  # "": the evaluation's
    _s(
        "robustness.weights",
        str,
        "uniform",
        N_("robustness weights"),
        choices=WEIGHT_MODES,
    ),
    _s(
        "robustness.spread",
        float,
        0.2,
        N_("weight spread"),
        low=0.0,
        high=MAX_SPREAD,
        extra=(SPREAD_PARTICIPANTS,),
    ),  # fmt: skip
    _s("robustness.scores", str, "fixed", N_("robustness scores"), choices=SCORE_MODES),
    _s("robustness.samples", int, 10_000, N_("samples"), low=MIN_SAMPLES, high=MAX_SAMPLES),
    _s("robustness.seed", int, 0, N_("seed"), low=0, high=MAX_SEED),
)

ALL: dict[str, Setting] = {s.name: s for s in (*EVALUATION_SETTINGS, *ROBUSTNESS_SETTINGS)}
EVALUATION_NAMES: tuple[str, ...] = tuple(s.name for s in EVALUATION_SETTINGS)
ROBUSTNESS_KEYS: tuple[str, ...] = tuple(s.name.split(".", 1)[1] for s in ROBUSTNESS_SETTINGS)


def default(name: str) -> Any:
    return ALL[name].default


def robustness_defaults() -> dict[str, Any]:
    return {s.name.split(".", 1)[1]: s.default for s in ROBUSTNESS_SETTINGS}


def label(name: str, lang: str | None = None) -> str:
    """The setting's name in ``lang`` (default: the session's language)."""
    s = ALL.get(name)
    return gettext(s.label, lang) if s else name


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
