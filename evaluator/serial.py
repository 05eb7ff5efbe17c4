"""Model values ⇄ plain data (dicts, lists, str, numbers, bool, None) for JSON, the store and change objects.

``*_from_data`` functions are strict: they check every key and type and raise ``InputError`` naming the place
(``alternatives[3].name``), so a damaged file or a hand-edited JSON gives a clear message, never a traceback.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from .errors import InputError
from .i18n import gettext
from .model import (
    ASSESSMENT_SETTERS,
    CONFIDENCES,
    Alternative,
    Area,
    Assessment,
    Criterion,
    Evaluation,
    Level,
    Participant,
    Scale,
    frozen_map,
)
from .scales import check_scale
from .settings import EVALUATION_NAMES, default, robustness_defaults

FORMAT = "afweging-evaluation"
FORMAT_VERSION = 1

# -- to data --------------------------------------------------------------------------------------------------


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    x = float(x)
    return int(x) if x.is_integer() and abs(x) < 2**53 else x


def text_to_data(t: Mapping[str, str] | str) -> dict[str, str] | str:
    return t if isinstance(t, str) else {k: t[k] for k in sorted(t)}


def scale_to_data(s: Scale) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": s.kind, "direction": s.direction}
    if s.levels:
        d["levels"] = [
            {
                "value": _num(lv.value),
                "label": text_to_data(lv.label),
                "descriptor": text_to_data(lv.descriptor),
            }
            for lv in s.levels
        ]
    if s.unit:
        d["unit"] = s.unit
    if s.lower is not None:
        d["lower"] = _num(s.lower)
    if s.upper is not None:
        d["upper"] = _num(s.upper)
    if s.points:
        d["points"] = [[_num(x), _num(v)] for x, v in s.points]
    return d


def area_to_data(a: Area) -> dict[str, Any]:
    return {"id": a.id, "name": text_to_data(a.name), "description": text_to_data(a.description)}


def criterion_to_data(c: Criterion) -> dict[str, Any]:
    d = {
        "id": c.id,
        "area": c.area,
        "name": text_to_data(c.name),
        "description": text_to_data(c.description),
        "scale": scale_to_data(c.scale),
        "framework": c.framework,
        "source": c.source,
    }
    if c.minimum is not None:
        d["minimum"] = _num(c.minimum)
    return d


def alternative_to_data(a: Alternative) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "vendor": a.vendor, "description": a.description}


def assessment_to_data(s: Assessment) -> dict[str, Any]:
    d: dict[str, Any] = {"value": _num(s.value)}
    if s.low is not None:
        d["low"] = _num(s.low)
    if s.high is not None:
        d["high"] = _num(s.high)
    for k in ("evidence", "source", "date", "confidence"):
        if getattr(s, k):
            d[k] = getattr(s, k)
    return d


def participant_to_data(p: Participant) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "organisation": p.organisation, "role": p.role}


def weights_to_data(w: Mapping[str, float]) -> dict[str, float | int]:
    return {k: _num(w[k]) for k in sorted(w)}


SETTINGS = EVALUATION_NAMES  # the evaluation's own settings (evaluator.settings), in file order


def evaluation_to_data(ev: Evaluation) -> dict[str, Any]:
    """The whole evaluation as plain data in a stable order (assessments in alternative × criterion order)."""
    d: dict[str, Any] = {"format": FORMAT, "version": FORMAT_VERSION}
    for k in SETTINGS:
        d[k] = getattr(ev, k)
    d["method_params"] = weights_to_data(ev.method_params)
    d["robustness"] = {k: _num(v) if isinstance(v, float) else v for k, v in sorted(ev.robustness.items())}
    d["areas"] = [area_to_data(a) for a in ev.areas]
    d["criteria"] = [criterion_to_data(c) for c in ev.criteria]
    d["alternatives"] = [alternative_to_data(a) for a in ev.alternatives]
    d["assessments"] = [
        {"alternative": a.id, "criterion": c.id, **assessment_to_data(ev.assessments[(a.id, c.id)])}
        for a in ev.alternatives
        for c in ev.criteria
        if (a.id, c.id) in ev.assessments
    ]
    d["weights"] = weights_to_data(ev.weights)
    d["participants"] = [participant_to_data(p) for p in ev.participants]
    d["participant_weights"] = {
        p: weights_to_data(ev.participant_weights[p]) for p in sorted(ev.participant_weights)
    }
    return d


# -- from data ------------------------------------------------------------------------------------------------

_MISSING = object()


class Reader:
    """Reads typed values out of a dict, naming the place of anything wrong."""

    def __init__(self, data: Any, place: str, file: str | None = None):
        if not isinstance(data, Mapping):
            raise InputError(
                gettext("expected a table/object, found {name}").format(name=type(data).__name__),
                file,
                place or None,
            )
        self.data, self.place, self.file = data, place, file

    def allow(self, *keys: str) -> Reader:
        """Refuse keys not in ``keys``: a typo such as ``evidance`` must not silently drop data."""
        unknown = [k for k in self.data if k not in keys]
        if unknown:
            raise self.fail(
                str(unknown[0]),
                gettext("unknown key (expected one of: {keys})").format(keys=", ".join(keys)),
            )
        return self

    def where(self, key: str) -> str:
        return f"{self.place}.{key}" if self.place else key

    def fail(self, key: str, problem: str) -> InputError:
        return InputError(problem, self.file, self.where(key))

    def get(self, key: str, kind: type | tuple, default: Any = _MISSING) -> Any:
        if key not in self.data or self.data[key] is None and default is not _MISSING:
            if default is _MISSING:
                raise self.fail(key, gettext("is missing"))
            return default
        v = self.data[key]
        if kind is float:
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise self.fail(key, gettext("must be a number, found {v!r}").format(v=v))
            try:
                number = float(v)
            except OverflowError:  # an integer beyond any float
                raise self.fail(
                    key, gettext("must be a finite number, found one too large to compute with")
                ) from None
            if not math.isfinite(number):
                raise self.fail(key, gettext("must be a finite number, found {v}").format(v=v))
            return number
        if not isinstance(v, kind):
            names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise self.fail(
                key,
                gettext("must be {names}, found {type} {v!r}").format(
                    names=names, type=type(v).__name__, v=v
                ),
            )
        return v

    def text(self, key: str, default: Any = _MISSING) -> dict[str, str] | str:
        v = self.get(key, (str, Mapping), {} if default is _MISSING else default)
        if isinstance(v, Mapping):
            for lang, s in v.items():
                if not isinstance(s, str):
                    raise self.fail(f"{key}.{lang}", gettext("must be text, found {s!r}").format(s=s))
            return dict(v)
        return v

    def number_or_none(self, key: str) -> float | None:
        return self.get(key, float, None)


def ident(r: Reader, key: str = "id") -> str:
    v = r.get(key, str).strip()
    if not v:
        raise r.fail(key, gettext("must not be empty"))
    return v


def scale_from_data(data: Any, place: str, file: str | None = None) -> Scale:
    r = Reader(data, place, file).allow("kind", "levels", "unit", "lower", "upper", "direction", "points")
    levels = []
    for i, lv in enumerate(r.get("levels", list, [])):
        lr = Reader(lv, r.where(f"levels[{i}]"), file).allow("value", "label", "descriptor")
        levels.append(Level(lr.get("value", float), lr.text("label"), lr.text("descriptor", {})))
    points = []
    for i, p in enumerate(r.get("points", list, [])):
        if not (isinstance(p, list | tuple) and len(p) == 2):
            raise r.fail(f"points[{i}]", gettext("must be a pair [score, value]"))
        pr = Reader({"score": p[0], "value": p[1]}, r.where(f"points[{i}]"), file)
        points.append((pr.get("score", float), pr.get("value", float)))
    s = Scale(
        kind=r.get("kind", str),
        levels=tuple(levels),
        unit=r.get("unit", str, ""),
        lower=r.number_or_none("lower"),
        upper=r.number_or_none("upper"),
        direction=r.get("direction", str, "benefit"),
        points=tuple(points),
    )
    problem = check_scale(s)
    if problem:
        raise InputError(problem, file, place)
    return s


def area_from_data(data: Any, place: str, file: str | None = None) -> Area:
    r = Reader(data, place, file).allow("id", "name", "description")
    return Area(ident(r), r.text("name"), r.text("description", {}))


CRITERION_KEYS = ("id", "area", "name", "description", "scale", "framework", "source", "minimum")


def criterion_from_data(
    data: Any, place: str, file: str | None = None, extra: tuple[str, ...] = ()
) -> Criterion:
    r = Reader(data, place, file).allow(*CRITERION_KEYS, *extra)
    scale = scale_from_data(r.get("scale", Mapping), r.where("scale"), file)
    minimum = r.number_or_none("minimum")
    if (
        minimum is not None
        and scale.bounds is not None
        and not (scale.bounds[0] <= minimum <= scale.bounds[1])
    ):
        raise r.fail(
            "minimum",
            gettext("{minimum:g} lies outside the scale {low:g}–{high:g}").format(
                minimum=minimum, low=scale.bounds[0], high=scale.bounds[1]
            ),
        )
    return Criterion(
        id=ident(r),
        area=ident(r, "area"),
        name=r.text("name"),
        scale=scale,
        description=r.text("description", {}),
        framework=r.get("framework", str, ""),
        source=r.get("source", str, ""),
        minimum=minimum,
    )


def alternative_from_data(data: Any, place: str, file: str | None = None) -> Alternative:
    r = Reader(data, place, file).allow("id", "name", "vendor", "description")
    name = r.get("name", str).strip()
    if not name:
        raise r.fail("name", gettext("must not be empty"))
    return Alternative(ident(r), name, r.get("vendor", str, ""), r.get("description", str, ""))


ASSESSMENT_KEYS = ("value", "low", "high", "evidence", "source", "date", "confidence")


def assessment_from_data(data: Any, place: str, file: str | None = None) -> Assessment:
    r = Reader(data, place, file).allow(*ASSESSMENT_KEYS)
    conf = r.get("confidence", str, "")
    if conf not in CONFIDENCES and conf != "":
        raise r.fail("confidence", gettext("must be high, medium or low, found {conf!r}").format(conf=conf))
    s = Assessment(
        value=r.number_or_none("value"),
        low=r.number_or_none("low"),
        high=r.number_or_none("high"),
        evidence=r.get("evidence", str, ""),
        source=r.get("source", str, ""),
        date=str(r.get("date", (str,), "")),
        confidence=conf,
    )
    return s


def check_assessment(ev_criterion: Criterion, s: Assessment) -> str | None:
    """What is wrong with an assessment on this criterion's scale, or ``None`` (the one validity check's words)."""
    from .invariants import Problem, assessment_problem

    found = assessment_problem(ev_criterion, s)
    return Problem("", *found).text() if found else None


def participant_from_data(data: Any, place: str, file: str | None = None) -> Participant:
    r = Reader(data, place, file).allow("id", "name", "organisation", "role")
    return Participant(ident(r), r.get("name", str), r.get("organisation", str, ""), r.get("role", str, ""))


def weights_from_data(data: Any, place: str, file: str | None = None) -> dict[str, float]:
    r = Reader(data, place, file)
    out = {}
    for k in r.data:
        v = r.get(k, float)
        if v < 0:
            raise r.fail(k, gettext("weight must not be negative, found {v:g}").format(v=v))
        out[str(k)] = v
    return out


def evaluation_from_data(data: Any, file: str | None = None) -> Evaluation:
    """A checked :class:`Evaluation` from plain data (the canonical JSON's shape).

    This reads shapes and types; whether the evaluation is valid is decided by the one validity check
    (:func:`evaluator.invariants.check`), the same one every change passes.

    Scores are the bulk of a file (300 000 in a 1 000 × 300 evaluation) and are read so that each is checked
    once. When every score is plainly formed — a table of known keys with its ids as text, what every writer
    writes — they are taken as they are (numbers as floats, an absent text as empty) and the validity check,
    which checks every field of every score, decides. When anything is not plain, or the check finds a problem,
    the whole evaluation is read again field by field, so what is refused, and the message naming its place, is
    exactly what the strict reading gives.
    """
    from .invariants import check, require

    try:
        ev = _evaluation(data, file, plain=True)
    except InputError:  # read again strictly: a score's message comes before those of the parts after it
        ev = None
    if ev is not None and check(ev) is None:
        return ev
    return require(_evaluation(data, file, plain=False), file)


def _evaluation(data: Any, file: str | None, plain: bool) -> Evaluation | None:
    """The evaluation in ``data``, unchecked; with ``plain``, ``None`` when a score is not plainly formed."""
    r = Reader(data, "", file).allow(
        "format",
        "version",
        *SETTINGS,
        "method_params",
        "robustness",
        "areas",
        "criteria",
        "alternatives",
        "assessments",
        "weights",
        "participants",
        "participant_weights",
    )
    fmt = r.get("format", str, FORMAT)
    if fmt != FORMAT:
        raise r.fail("format", gettext("is {fmt!r}, not an Afweging evaluation").format(fmt=fmt))
    version = r.get("version", int, FORMAT_VERSION)
    if version > FORMAT_VERSION:
        raise r.fail(
            "version",
            gettext("{version} is newer than this Afweging understands ({FORMAT_VERSION}); update it").format(
                version=version, FORMAT_VERSION=FORMAT_VERSION
            ),
        )
    areas = tuple(area_from_data(a, f"areas[{i}]", file) for i, a in enumerate(r.get("areas", list, [])))
    criteria = tuple(
        criterion_from_data(c, f"criteria[{i}]", file) for i, c in enumerate(r.get("criteria", list, []))
    )
    alternatives = tuple(
        alternative_from_data(a, f"alternatives[{i}]", file)
        for i, a in enumerate(r.get("alternatives", list, []))
    )
    participants = tuple(
        participant_from_data(p, f"participants[{i}]", file)
        for i, p in enumerate(r.get("participants", list, []))
    )
    items = r.get("assessments", list, [])
    assessments = _plain_assessments(items) if plain else _assessments(items, file)
    if assessments is None:
        return None
    weights = weights_from_data(r.get("weights", Mapping, {}), "weights", file)
    pw = {
        str(pid): frozen_map(weights_from_data(w, f"participant_weights.{pid}", file))
        for pid, w in r.get("participant_weights", Mapping, {}).items()
        if w != {}  # an empty table: the participant has not weighed
    }
    method_params = weights_from_data(r.get("method_params", Mapping, {}), "method_params", file)
    robustness = {**robustness_defaults(), **dict(r.get("robustness", Mapping, {}))}
    values = {name: r.get(name, object, default(name)) for name in SETTINGS}
    return Evaluation(
        **values,
        method_params=frozen_map(method_params),
        robustness=frozen_map(robustness),
        areas=areas,
        criteria=criteria,
        alternatives=alternatives,
        assessments=frozen_map(assessments),
        weights=frozen_map(weights),
        participants=participants,
        participant_weights=frozen_map(pw),
    )


def _assessments(items: list, file: str | None) -> dict[tuple[str, str], Assessment]:
    """The scores of ``items``, every field read and checked on its own (naming ``assessments[i].field``)."""
    assessments = {}
    for i, item in enumerate(items):
        place = f"assessments[{i}]"
        ar = Reader(item, place, file)
        a_id, c_id = ident(ar, "alternative"), ident(ar, "criterion")
        if (a_id, c_id) in assessments:
            raise InputError(
                gettext("second score for {a_id} on {c_id}").format(a_id=a_id, c_id=c_id), file, place
            )
        assessments[(a_id, c_id)] = assessment_from_data(
            {k: v for k, v in item.items() if k not in ("alternative", "criterion")}, place, file
        )
    return assessments


_CELL_KEYS = frozenset(("alternative", "criterion", *ASSESSMENT_KEYS))


def _plain_assessments(items: list) -> dict[tuple[str, str], Assessment] | None:
    """The scores of ``items`` as they stand, their fields left to the validity check, which checks each one as
    the strict reading does: numbers become floats, an absent or empty (``None``) text becomes ``""``, a bool, a
    text where a number belongs or NaN stay as they are, for the check to refuse. ``None`` when a score is not a
    table of known keys with two ids, or an id pair repeats (the strict reading then names it)."""
    out: dict[tuple[str, str], Assessment] = {}
    keys = _CELL_KEYS
    try:
        for item in items:
            if type(item) is not dict or not item.keys() <= keys:
                return None
            get = item.get
            a_id, c_id = get("alternative"), get("criterion")
            if type(a_id) is not str or type(c_id) is not str:
                return None
            key = (a_id.strip(), c_id.strip())
            if not key[0] or not key[1] or key in out:
                return None
            value, low, high = get("value"), get("low"), get("high")
            evidence, source, date, confidence = (
                get("evidence"),
                get("source"),
                get("date"),
                get("confidence"),
            )
            out[key] = Assessment(
                float(value) if type(value) is int else value,
                float(low) if type(low) is int else low,
                float(high) if type(high) is int else high,
                "" if evidence is None else evidence,
                "" if source is None else source,
                "" if date is None else date,
                "" if confidence is None else confidence,
            )
    except OverflowError:  # an integer beyond any float: the strict reading names it
        return None
    return out


_scan = json.JSONDecoder().scan_once  # what json.loads runs, without its per-call checks


def evaluation_from_rows(data: Mapping, rows: list[tuple], file: str | None = None) -> Evaluation | None:
    """A project file's evaluation, read the fast way: ``data`` holds all but the scores (in the shape
    :func:`evaluation_from_data` takes), ``rows`` the scores as ``(alternative, criterion, JSON text)``.

    Each text is parsed once, straight into its :class:`Assessment`, which the validity check's own glance
    (:func:`invariants.plainly_valid`, else :func:`invariants.assessment_problem`) checks at once, and put in its
    place by the positions of its alternative and criterion (no sort, no table per score). ``None`` when anything
    is not as Afweging writes it — a text that is not exactly one JSON object of known keys, an id that is not
    one of the evaluation's, a pair twice — or a score or anything else is not valid: the caller then reads the
    rows as plain data through :func:`evaluation_from_data`, which refuses what the strict reading refuses,
    naming the place.
    """
    from .invariants import check

    try:
        ev = _evaluation({**data, "assessments": []}, file, plain=True)
    except InputError:
        return None
    scores = _row_assessments(rows, data, ev)
    if scores is None:
        return None
    ev = replace(ev, assessments=MappingProxyType(scores))
    return ev if check(ev, scores=False) is None else None


def _row_assessments(rows: list[tuple], data: Mapping, ev: Evaluation) -> dict | None:
    """The scores of ``rows``, each read as :func:`_plain_assessments` reads it and checked as the validity check
    checks it, in alternative × criterion order (what sorting the rows by position gives); ``None`` when a row
    is not plainly formed or a score not valid."""
    from .invariants import assessment_problem, plain_score_rule, plainly_valid

    alternatives, criteria = ev.alternatives, ev.criteria
    a_ids, c_ids = [a.id for a in alternatives], [c.id for c in criteria]
    # Placed by the positions of the ids as written, which must be the ids as read (no spaces around them).
    written = [a.get("id") for a in data["alternatives"]], [c.get("id") for c in data["criteria"]]
    if written != (a_ids, c_ids):
        return None
    apos, cpos = {a: i for i, a in enumerate(a_ids)}, {c: j for j, c in enumerate(c_ids)}
    m = len(c_ids)
    if len(apos) != len(a_ids) or len(cpos) != m:
        return None  # an id twice: the check refuses it, the strict reading names it
    rules = [plain_score_rule(c) for c in criteria]
    placed: list = [None] * (len(a_ids) * m)  # the scores by position, and their keys
    placed_keys: list = [None] * len(placed)
    keys, scan, new = _CELL_KEYS - {"alternative", "criterion"}, _scan, object.__new__
    set_value, set_low, set_high, set_evidence, set_source, set_date, set_confidence = ASSESSMENT_SETTERS
    try:
        for a_id, c_id, text in rows:
            cell, end = scan(text, 0)
            i, j = apos[a_id], cpos[c_id]
            k = i * m + j
            if end != len(text) or type(cell) is not dict or not cell.keys() <= keys or placed[k] is not None:
                return None
            get = cell.get
            s = new(Assessment)  # as Assessment(...) builds it, at half the cost (evaluator.model)
            x = get("value")
            set_value(s, float(x) if type(x) is int else x)
            x = get("low")
            set_low(s, float(x) if type(x) is int else x)
            x = get("high")
            set_high(s, float(x) if type(x) is int else x)
            x = get("evidence")
            set_evidence(s, "" if x is None else x)
            x = get("source")
            set_source(s, "" if x is None else x)
            x = get("date")
            set_date(s, "" if x is None else x)
            x = get("confidence")
            set_confidence(s, "" if x is None else x)
            if not plainly_valid(rules[j], s) and assessment_problem(criteria[j], s) is not None:
                return None
            placed[k], placed_keys[k] = s, (a_ids[i], c_ids[j])  # keyed by the evaluation's own id texts
    except (KeyError, TypeError, ValueError, StopIteration, OverflowError, RecursionError):
        return None  # not one JSON value, an unknown id, a number beyond any float: the strict reading says
    if len(rows) == len(placed):
        return dict(zip(placed_keys, placed, strict=True))
    return {key: s for key, s in zip(placed_keys, placed, strict=True) if s is not None}
