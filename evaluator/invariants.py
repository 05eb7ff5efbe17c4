"""What makes an evaluation valid — the one check that loading a file and applying a change both use.

A change is refused exactly when the evaluation it would leave could not be loaded: :func:`evaluator.changes.
apply_change` runs :func:`check` on the new evaluation, and every reader (the project file, the canonical JSON,
the memo's attachment) runs it on what it read. Nothing else decides validity; the changes only look up what
they need to build the new state.

A :class:`Problem` names the place (``assessments[openDesk, A3]``, ``weights.A1``, ``robustness.samples``) and
says what is wrong, in Dutch or English (:meth:`Problem.text`).

``check(new, before=old)`` skips the assessments that are the same objects on an unchanged criterion as in
``before`` (the evaluation is immutable, so identity means unchanged); the result is the same as a full check of
an evaluation whose ``before`` was valid, and a change at 300 × 150 costs a few milliseconds instead of a full pass.

A plain score (plain texts, a known confidence, no range, a level or a number within the bounds) passes at a glance
(:func:`plainly_valid`); anything else gets the close look of :func:`assessment_problem`, which alone refuses.
Readers leave every field of every score to this check, so a score is checked once; the project file's reader
(:func:`evaluator.serial.evaluation_from_rows`) puts each score through the same two functions as it reads it and
then calls ``check(ev, scores=False)`` (tests/test_validity_once.py holds the glance and the readers to the strict
reading).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import settings
from .formats import fill
from .i18n import N_, gettext, language, pgettext
from .model import CONFIDENCES, Assessment, Criterion, Evaluation, Scale

# The wording of every validity problem in English, filled in with the problem's params; the Dutch is in the
# gettext catalogue with the key as msgctxt (evaluator.i18n).
MESSAGES: dict[str, str] = {
    "setting": "{detail}",
    "unknown_method": "unknown method {value!r} (choose one of: {choices})",
    "robustness_method": "sensitivity analysis runs {choices}, not {value!r}",
    "robustness_keys": "unknown robustness setting {key!r} (expected: {choices})",
    "method_param_unknown": "unknown method parameter {key!r} (the methods take: {choices})",
    "method_param_value": "method parameter {key} must be a number from {low:g} to {high:g}, not {value!r}",
    "empty_id": "needs an id",
    "empty_name": "needs a name",
    "duplicate_id": "duplicate id {id!r}",
    "duplicate_name": "there already is one named {name!r}",
    "area_and_criterion": "id {id!r} names both an area and a criterion",
    "unknown_area": "unknown area {id!r}",
    "scale": "{detail}",
    "minimum": "minimum {value:g} lies outside the scale {low:g}–{high:g}",
    "unknown_alternative": "unknown alternative {id!r}",
    "unknown_criterion": "unknown criterion {id!r}",
    "field_type": "{field} must be {kind}, not {value!r}",
    "half_range": "give both ends of the range (low and high) or neither",
    "range_order": "range low {low:g} is above high {high:g}",
    "outside_range": "score {value:g} lies outside its own range {low:g}–{high:g}",
    "confidence": "confidence must be high, medium or low, not {value!r}",
    "off_scale": "{detail}",
    "unknown_weight": "weight for unknown area or criterion {id!r}",
    "weight_value": "weight must be a finite number of 0 or more, not {value!r}",
    "unknown_participant": "weights for unknown participant {id!r}",
}  # fmt: skip

_KIND_WORDS = {"number": N_("a number or empty"), "text": N_("text")}


def _detail(english: str) -> dict[str, str]:
    """A problem's own words (key ``setting``): English and, from the catalogue, Dutch (``detail_nl``)."""
    return {"detail": english, "detail_nl": gettext(english, "nl")}


@dataclass(frozen=True)
class Problem:
    """One thing that makes an evaluation invalid: where, which kind, and the numbers or ids it concerns."""

    place: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        """What is wrong, in ``lang`` (by default the session's language)."""
        lang = lang or language()
        params = dict(self.params)
        if lang == "nl":  # words the check wrote in both languages: ``detail`` and ``detail_nl``
            params.update({k[:-3]: v for k, v in self.params.items() if k.endswith("_nl")})
        return fill(
            pgettext(self.key, MESSAGES[self.key], lang), lang, **params
        )  # numbers as the language writes them

    def line(self, lang: str | None = None) -> str:
        return f"{self.place}: {self.text(lang)}" if self.place else self.text(lang)


def check(ev: Evaluation, before: Evaluation | None = None, scores: bool = True) -> Problem | None:
    """The first problem that makes ``ev`` invalid, or ``None``. See the module text for ``before``; ``scores=False``
    leaves the scores out, for a reader that put each through :func:`plainly_valid` and
    :func:`assessment_problem` on its own criterion as it read it, and took only known alternatives and
    criteria."""
    return next(problems(ev, before, scores), None)


def require(ev: Evaluation, file: str | None = None) -> Evaluation:
    """``ev`` when it is valid; else ``InputError`` naming the file and the place (what every reader calls)."""
    from .errors import InputError

    problem = check(ev)
    if problem is not None:
        raise InputError(problem.text(), file, problem.place or None)
    return ev


def problems(ev: Evaluation, before: Evaluation | None = None, scores: bool = True) -> Iterator[Problem]:
    """Every problem of ``ev``, in a stable order (settings, structure, scores, weights)."""
    yield from _settings(ev)
    yield from _structure(ev)
    if scores:
        yield from _assessments(ev, before)
    yield from _weights(ev)


# -- settings ---------------------------------------------------------------------------------------------------


def _settings(ev: Evaluation) -> Iterator[Problem]:
    from .methods import METHODS

    for s in settings.EVALUATION_SETTINGS:
        found = s.check(getattr(ev, s.name))
        if found:
            yield Problem(s.name, "setting", {"detail": found[0], "detail_nl": found[1]})
    if isinstance(ev.method, str) and ev.method not in METHODS:
        yield Problem("method", "unknown_method", {"value": ev.method, "choices": ", ".join(METHODS)})
    if not isinstance(ev.robustness, Mapping):
        yield Problem(
            "robustness",
            "setting",
            _detail(N_("robustness settings must be a table")),
        )
        return
    for key in ev.robustness:
        if key not in settings.ROBUSTNESS_KEYS:
            choices = ", ".join(settings.ROBUSTNESS_KEYS)
            yield Problem(f"robustness.{key}", "robustness_keys", {"key": key, "choices": choices})
    for s in settings.ROBUSTNESS_SETTINGS:
        value = settings.get(ev, s.name)
        found = s.check(value)
        if found:
            yield Problem(s.name, "setting", {"detail": found[0], "detail_nl": found[1]})
        elif s.name == "robustness.method" and value and value not in METHODS:
            yield Problem(s.name, "robustness_method", {"value": value, "choices": ", ".join(METHODS)})
    yield from _method_params(ev.method_params)


def _method_params(params: Any) -> Iterator[Problem]:
    from .methods import ALL_PARAMS, param

    if not isinstance(params, Mapping):
        yield Problem("method_params", "setting", _detail(N_("method parameters must be a table")))  # fmt: skip
        return
    known = sorted(ALL_PARAMS)
    for key, value in params.items():
        if key not in ALL_PARAMS:
            yield Problem(
                f"method_params.{key}", "method_param_unknown", {"key": key, "choices": ", ".join(known)}
            )
            continue
        q = param(key)
        if q.check(value) is not None:
            yield Problem(f"method_params.{key}", "method_param_value",
                          {"key": key, "value": value, "low": q.low, "high": q.high})  # fmt: skip


# -- structure --------------------------------------------------------------------------------------------------


def _ident(x: Any) -> bool:
    return isinstance(x, str) and bool(x.strip())


def _named(items: tuple, what: str, names: bool) -> Iterator[Problem]:
    seen: set[str] = set()
    seen_names: set[str] = set()
    for i, it in enumerate(items):
        if not _ident(it.id):
            yield Problem(f"{what}[{i}].id", "empty_id")
            continue
        if it.id in seen:
            yield Problem(f"{what}[{i}].id", "duplicate_id", {"id": it.id})
        seen.add(it.id)
        if names:
            if not _ident(it.name):
                yield Problem(f"{what}[{i}].name", "empty_name")
                continue
            folded = it.name.strip().casefold()
            if folded in seen_names:
                yield Problem(f"{what}[{i}].name", "duplicate_name", {"name": it.name})
            seen_names.add(folded)


def _structure(ev: Evaluation) -> Iterator[Problem]:
    from .scales import check_scale

    yield from _named(ev.areas, "areas", names=False)
    yield from _named(ev.criteria, "criteria", names=False)
    yield from _named(ev.alternatives, "alternatives", names=True)
    yield from _named(ev.participants, "participants", names=True)
    area_ids = {a.id for a in ev.areas}
    for c in ev.criteria:
        if c.id in area_ids:
            yield Problem("criteria", "area_and_criterion", {"id": c.id})
    for i, c in enumerate(ev.criteria):
        if c.area not in area_ids:
            yield Problem(f"criteria[{i}].area", "unknown_area", {"id": c.area})
        detail = check_scale(c.scale)
        if detail:
            yield Problem(f"criteria[{i}].scale", "scale", {"detail": detail})
            continue
        b = c.scale.bounds
        if c.minimum is not None:
            bad_type = isinstance(c.minimum, bool) or not isinstance(c.minimum, int | float)
            if bad_type or not math.isfinite(c.minimum):
                yield Problem(f"criteria[{i}].minimum", "field_type", _kind("minimum", "number", c.minimum))
            elif b is not None and not (b[0] <= c.minimum <= b[1]):
                yield Problem(
                    f"criteria[{i}].minimum", "minimum", {"value": c.minimum, "low": b[0], "high": b[1]}
                )


# -- scores -----------------------------------------------------------------------------------------------------


def _kind(name: str, kind: str, value: Any) -> dict[str, Any]:
    en = _KIND_WORDS[kind]
    return {"field": name, "kind": en, "kind_nl": gettext(en, "nl"), "value": value}


def assessment_problem(crit: Criterion, s: Any) -> tuple[str, dict[str, Any]] | None:
    """What is wrong with assessment ``s`` on criterion ``crit`` (a message key and its params), or ``None``."""
    from .scales import check_score

    if not isinstance(s, Assessment):
        return "field_type", _kind("assessment", "text", s)
    for name in ("value", "low", "high"):
        x = getattr(s, name)
        if x is not None and (isinstance(x, bool) or not isinstance(x, int | float) or not math.isfinite(x)):
            return "field_type", _kind(name, "number", x)
    for name in ("evidence", "source", "date", "confidence"):
        if not isinstance(getattr(s, name), str):
            return "field_type", _kind(name, "text", getattr(s, name))
    if s.confidence not in CONFIDENCES and s.confidence != "":
        return "confidence", {"value": s.confidence}
    if (s.low is None) != (s.high is None):
        return "half_range", {}
    if s.low is not None:
        if s.low > s.high:
            return "range_order", {"low": s.low, "high": s.high}
        if s.value is not None and not (s.low <= s.value <= s.high):
            return "outside_range", {"value": s.value, "low": s.low, "high": s.high}
    for what, x in (("score", s.value), ("low", s.low), ("high", s.high)):
        if x is not None:
            detail = check_score(crit.scale, x)
            if detail:
                return "off_scale", {
                    "detail": detail if what == "score" else f"{what} end of range: {detail}"
                }
    return None


_CONFIDENCE_OR_NONE = frozenset((*CONFIDENCES, ""))


def plain_score_rule(crit: Criterion) -> tuple[str, Any] | None:
    """What a plain score on ``crit`` must be, for :func:`plainly_valid`: the scale's levels (a set) or its
    bounds (a pair, ``None`` for a bare scale); ``None`` when the scale itself is invalid (never plain)."""
    from .scales import check_scale

    scale = crit.scale
    if not isinstance(scale, Scale) or check_scale(scale) is not None:
        return None
    if scale.kind == "ordinal":
        return "levels", frozenset(lv.value for lv in scale.levels)
    if scale.kind == "boolean":
        return "levels", frozenset((0, 1))
    return "bounds", scale.bounds


def plainly_valid(rule: tuple[str, Any] | None, s: Any) -> bool:
    """Whether ``s`` is a score :func:`assessment_problem` accepts, seen at a glance: an :class:`Assessment` of
    plain texts, a known confidence, no range, and a number that is a level or within the bounds (or no number).
    ``False`` says only "look closer": :func:`assessment_problem` then decides. Checking a large evaluation
    rests on this: 300 000 scores at a glance take a tenth of the time of a close look."""
    if rule is None or type(s) is not Assessment or s.low is not None or s.high is not None:
        return False
    if not (type(s.evidence) is str and type(s.source) is str and type(s.date) is str):
        return False
    if type(s.confidence) is not str or s.confidence not in _CONFIDENCE_OR_NONE:
        return False
    x = s.value
    if x is None:
        return True
    if type(x) is not float and type(x) is not int:
        return False
    kind, allowed = rule
    if kind == "levels":
        return x in allowed  # the levels are finite numbers (the scale is valid), so NaN and inf are not in
    if allowed is None:
        return math.isfinite(x)
    return allowed[0] <= x <= allowed[1]  # finite bounds: NaN and inf fall outside


def _assessments(ev: Evaluation, before: Evaluation | None) -> Iterator[Problem]:
    alts = {a.id for a in ev.alternatives}
    crits = {c.id: c for c in ev.criteria}
    old_crits = {c.id: c for c in before.criteria} if before is not None else {}
    old = before.assessments if before is not None else {}
    if not isinstance(ev.assessments, Mapping):
        yield Problem(
            "assessments",
            "setting",
            _detail(N_("assessments must be a table")),
        )
        return
    same = before is not None and ev.alternatives is before.alternatives and ev.criteria is before.criteria
    items = ev.assessments.items()
    if same:
        from .summary import changed_keys

        noted = changed_keys(old, ev.assessments)
        if noted is not None:  # only these cells differ from the valid ``before``
            items = [(k, ev.assessments[k]) for k in noted if k in ev.assessments]
    rules: dict[str, tuple[str, Any] | None] = {}
    for key, s in items:
        if same and old.get(key) is s:
            continue  # the same assessment among the same alternatives and criteria as in a valid ``before``
        a_id, c_id = key
        if a_id not in alts:
            yield Problem(f"assessments[{a_id}, {c_id}]", "unknown_alternative", {"id": a_id})
            continue
        crit = crits.get(c_id)
        if crit is None:
            yield Problem(f"assessments[{a_id}, {c_id}]", "unknown_criterion", {"id": c_id})
            continue
        if old.get(key) is s and old_crits.get(c_id) is crit:
            continue  # the same assessment on the same criterion as in a valid ``before``
        rule = rules[c_id] if c_id in rules else rules.setdefault(c_id, plain_score_rule(crit))
        if plainly_valid(rule, s):
            continue
        found = assessment_problem(crit, s)
        if found:
            yield Problem(f"assessments[{a_id}, {c_id}]", *found)


# -- weights ----------------------------------------------------------------------------------------------------


def _weight_problems(weights: Any, place: str, known: set[str]) -> Iterator[Problem]:
    if not isinstance(weights, Mapping):
        yield Problem(
            place,
            "setting",
            _detail(N_("weights must be a table")),
        )
        return
    for k, v in weights.items():
        if k not in known:
            yield Problem(place, "unknown_weight", {"id": k})
        elif isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v) or v < 0:
            yield Problem(f"{place}.{k}", "weight_value", {"value": v})


def _weights(ev: Evaluation) -> Iterator[Problem]:
    known = {a.id for a in ev.areas} | {c.id for c in ev.criteria}
    yield from _weight_problems(ev.weights, "weights", known)
    people = {p.id for p in ev.participants}
    for pid, w in ev.participant_weights.items():
        if pid not in people:
            yield Problem("participant_weights", "unknown_participant", {"id": pid})
            continue
        yield from _weight_problems(w, f"participant_weights.{pid}", known)
