"""Value functions: a score on a criterion's scale becomes a value in [0, 1], 1 the best.

Values are taken over the scale's fixed bounds, never over the alternatives seen, so adding an alternative cannot
reorder the others. Only a bare-matrix criterion (no bounds) is normalised over the alternatives (min–max).
"""

from __future__ import annotations

import math

import numpy as np

from .formats import fill, number
from .i18n import gettext
from .model import Scale


def check_scale(scale: Scale) -> str | None:
    """What is wrong with ``scale``, or ``None``."""
    if scale.kind not in ("ordinal", "numeric", "boolean"):
        return gettext("unknown scale kind {kind!r} (use ordinal, numeric or boolean)").format(
            kind=scale.kind
        )
    if scale.direction not in ("benefit", "cost"):
        return gettext("unknown direction {direction!r} (use benefit or cost)").format(
            direction=scale.direction
        )
    if scale.kind == "ordinal":
        if len(scale.levels) < 2:
            return gettext("an ordinal scale needs at least two levels")
        vals = [lv.value for lv in scale.levels]
        if any(not math.isfinite(v) for v in vals):
            return gettext("level values must be finite numbers")
        if any(b <= a for a, b in zip(vals, vals[1:], strict=False)):
            return gettext("levels must be listed in increasing order without repeats")
    if scale.kind == "numeric":
        if (scale.lower is None) != (scale.upper is None):
            return gettext("give both bounds (lower and upper) or neither")
        if scale.lower is not None:
            if not (math.isfinite(scale.lower) and math.isfinite(scale.upper)):
                return gettext("bounds must be finite numbers")
            if scale.upper <= scale.lower:
                return fill(
                    gettext("upper bound {upper:g} must be above lower bound {lower:g}"),
                    upper=scale.upper,
                    lower=scale.lower,
                )
    if scale.points:
        bounds = scale.bounds
        xs = [p[0] for p in scale.points]
        vs = [p[1] for p in scale.points]
        if len(xs) < 2:
            return gettext("a piecewise value function needs at least two points")
        if any(not (math.isfinite(x) and math.isfinite(v)) for x, v in scale.points):
            return gettext("value function points must be finite numbers")
        if any(b <= a for a, b in zip(xs, xs[1:], strict=False)):
            return gettext("value function points must increase in score")
        if any(v < 0 or v > 1 for v in vs):
            return gettext("value function values must lie in [0, 1]")
        if bounds is not None and (xs[0] > bounds[0] or xs[-1] < bounds[1]):
            return gettext("value function points must cover the scale from its lower to its upper bound")
        if scale.direction == "benefit" and vs[-1] < vs[0]:
            return gettext(
                'value function points fall, but the direction is benefit (set direction = "cost")'
            )
        if scale.direction == "cost" and vs[-1] > vs[0]:
            return gettext(
                "value function points rise, but the direction is cost (the best score must get the highest value)"
            )
    return None


def check_score(scale: Scale, x: float) -> str | None:
    """What is wrong with score ``x`` on ``scale``, or ``None``."""
    if isinstance(x, bool) or not isinstance(x, int | float):
        return gettext("score {x!r} is not a number").format(x=x)
    if not math.isfinite(x):
        return gettext("score {x} is not a finite number").format(x=x)
    if scale.kind == "ordinal" and scale.level(x) is None:
        allowed = ", ".join(number(lv.value) for lv in scale.levels)
        return fill(gettext("score {x:g} is not a level of this scale ({allowed})"), x=x, allowed=allowed)
    if scale.kind == "boolean" and x not in (0, 1):
        return fill(gettext("score {x:g} must be 1 (yes) or 0 (no)"), x=x)
    bounds = scale.bounds
    if scale.kind == "numeric" and bounds is not None and not (bounds[0] <= x <= bounds[1]):
        return fill(
            gettext("score {x:g} lies outside the scale's bounds {bounds:g}–{bounds2:g}"),
            x=x,
            bounds=bounds[0],
            bounds2=bounds[1],
        )
    return None


def values(scale: Scale, scores: np.ndarray) -> np.ndarray:
    """Values in [0, 1] for an array of scores on ``scale`` (NaN stays NaN).

    For a bare criterion (no bounds) the scores are min–max normalised over the array; a constant column gets 1.
    """
    x = np.asarray(scores, dtype=float)
    if scale.points:
        px = np.array([p[0] for p in scale.points])
        pv = np.array([p[1] for p in scale.points])
        out = np.interp(x, px, pv)
        return np.where(np.isnan(x), np.nan, out)
    bounds = scale.bounds
    if bounds is None:
        finite = x[np.isfinite(x)]
        if finite.size == 0:
            return np.full_like(x, np.nan)
        lo, hi = float(finite.min()), float(finite.max())
    else:
        lo, hi = bounds
    span = hi - lo
    v = np.ones_like(x) if span == 0 else (x - lo) / span
    v = np.clip(v, 0.0, 1.0)
    if scale.direction == "cost":
        v = 1.0 - v
    return np.where(np.isnan(x), np.nan, v)


def value(scale: Scale, x: float) -> float:
    """The value in [0, 1] of one score on a bounded scale."""
    return float(values(scale, np.array([x], dtype=float))[0])


# Units as the catalogues write them, with their forms per language: (one, more) for each. A unit a person
# typed that is not here is shown as typed. Every unit in a bundled catalogue must be here (a test checks).
UNITS: tuple[dict[str, tuple[str, str]], ...] = (
    {"nl": ("leverancier", "leveranciers"), "en": ("supplier", "suppliers")},
    {"nl": ("gebruiker", "gebruikers"), "en": ("user", "users")},
    {"nl": ("€/gebruiker/jaar", "€/gebruiker/jaar"), "en": ("€/user/year", "€/user/year")},
    {"nl": ("€/gebruiker/maand", "€/gebruiker/maand"), "en": ("€/user/month", "€/user/month")},
    {"nl": ("dag", "dagen"), "en": ("day", "days")},
    {"nl": ("maand", "maanden"), "en": ("month", "months")},
    {"nl": ("jaar", "jaar"), "en": ("year", "years")},
    {"nl": ("organisatie", "organisaties"), "en": ("organisation", "organisations")},
    {"nl": ("land", "landen"), "en": ("country", "countries")},
)


def unit_text(unit: str, lang: str, x: float | None = None) -> str:
    """``unit`` in ``lang`` (singular when ``x`` is 1), whichever language it was written in."""
    for forms in UNITS:
        if any(unit in f for f in forms.values()):
            one, more = forms.get(lang, forms["en"])
            return one if x is not None and abs(x) == 1 else more
    return unit


def with_unit(scale: Scale, x: float, lang: str, shown: str | None = None) -> str:
    """A number on a numeric scale with its unit in ``lang``: ``1.000.000 gebruikers``, ``0 suppliers``."""
    from .formats import number

    return f"{number(x, lang) if shown is None else shown} {unit_text(scale.unit, lang, x)}".strip()


def format_score(scale: Scale, x: float | None, lang: str = "nl") -> str:
    """A score as a person reads it: the level's label, yes/no, or the number with its unit."""
    from .formats import number
    from .i18n import pgettext
    from .model import text

    if x is None:
        return "–"
    if scale.kind == "ordinal":
        lv = scale.level(x)
        return f"{number(x, lang)} · {text(lv.label, lang)}" if lv else number(x, lang)
    if scale.kind == "boolean":
        return pgettext("score", "yes", lang) if x else pgettext("score", "no", lang)
    return with_unit(scale, x, lang)
