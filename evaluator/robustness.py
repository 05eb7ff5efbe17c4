"""How sure is the ranking — run with the evaluation's own robustness settings, the same everywhere.

The settings (method, weight mode and spread, score mode, samples, seed) are part of the evaluation
(:mod:`evaluator.settings`, ``robustness.*``). :func:`resolve` reads them, with the command line's flags laid
over them; :func:`run` runs SMAA and the weight stability intervals; :func:`to_data` gives the one plain-data
object that ``afweging sensitivity FILE --format json`` prints, that the memo attaches under ``robustness`` and
that ``verify`` recomputes and compares. The Robustness page, the CLI, the memo and its preview all go through
here, so one file shows one set of figures.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import settings
from .errors import InputError
from .i18n import gettext, language
from .model import Evaluation

SCHEMA = 1  # the shape of :func:`to_data`'s object; a later version reads every earlier one


@dataclass(frozen=True)
class Settings:
    """Resolved robustness settings: ``spread`` is a number, or ``"participants"``."""

    method: str
    weights: str
    spread: float | str
    scores: str
    samples: int
    seed: int


@dataclass(frozen=True)
class Result:
    settings: Settings
    acceptability: Any  # sensitivity.Acceptability
    stability: list[Any]  # stability.Stability, one per criterion


def resolve(ev: Evaluation, **overrides: Any) -> Settings:
    """The evaluation's robustness settings with ``overrides`` (None: keep the file's) laid over them.

    ``InputError`` naming the setting when a value does not fit (an override is checked as strictly as a change).
    """
    from .methods import METHODS

    values = {}
    for key in settings.ROBUSTNESS_KEYS:
        name = f"robustness.{key}"
        value = overrides.get(key)
        if value is None:
            value = settings.get(ev, name)
        found = settings.ALL[name].check(value)
        if found and overrides.get(key) is not None:
            english, dutch = found[0].replace(name, f"--{key}", 1), f"--{key}: {found[1]}"
            raise InputError(dutch if language() == "nl" else english)  # settings word both (settings.check)
        if found:
            raise InputError(found[1] if language() == "nl" else found[0], place=name)
        values[key] = value
    method = values["method"] or ev.method
    if method not in METHODS:
        where = (
            "--method" if overrides.get("method") else "robustness.method" if values["method"] else "method"
        )
        raise InputError(
            gettext(
                "{where} is {method!r}; sensitivity analysis runs {FAST_METHODS} (choose one with --method)"
            ).format(where=where, method=method, FAST_METHODS=", ".join(METHODS))
        )
    spread = values["spread"]
    if values["weights"] == "around" and spread == settings.SPREAD_PARTICIPANTS:
        from .sensitivity import participants_spread

        if participants_spread(ev) is None:
            raise InputError(gettext("a spread from the participants needs weights from at least two participants"),
                             place="robustness.spread")  # fmt: skip
    return Settings(
        method, values["weights"], spread, values["scores"], int(values["samples"]), int(values["seed"])
    )


def run(
    ev: Evaluation,
    s: Settings | None = None,
    progress: Callable[[int, int], object] | None = None,
    cancel: Any = None,
) -> Result:
    """SMAA and weight stability with settings ``s`` (default: the evaluation's own)."""
    from .sensitivity import acceptability, participants_spread
    from .stability import stability_intervals

    s = s or resolve(ev)
    spread: float | Mapping[str, float] = s.spread  # type: ignore[assignment]
    if s.spread == settings.SPREAD_PARTICIPANTS:
        spread = participants_spread(ev) or {}
    acc = acceptability(ev, s.method, s.weights, spread, s.scores, s.samples, s.seed, progress, cancel)
    return Result(s, acc, stability_intervals(ev, s.method))


def _num(x: float) -> float | None:
    x = float(x)
    return float(f"{x:.12g}") if math.isfinite(x) else None


def to_data(ev: Evaluation, r: Result) -> dict[str, Any]:
    """The robustness object (the CLI's ``--format json``, the memo's ``robustness``): numbers and ids, plus the
    verdict's data; its sentences are rendered from that data (:mod:`evaluator.verdict`)."""
    from .problem import exclusions
    from .verdict import render, verdict_data

    acc, s = r.acceptability, r.settings
    alternatives = []
    for i, (alt_id, name) in enumerate(zip(acc.alternatives, acc.names, strict=True)):
        cw = acc.central_weights[i]
        alternatives.append({
            "id": alt_id,
            "name": name,
            "rank_acceptability": [_num(x) for x in acc.acceptability[i]],
            "central_weights": [_num(x) for x in cw] if all(math.isfinite(x) for x in cw) else None,
        })  # fmt: skip
    excluded: dict[str, list[dict[str, Any]]] = {}
    for e in exclusions(ev):
        excluded.setdefault(e.alternative, []).append(
            {"criterion": e.criterion, "kind": e.kind, "score": e.score, "minimum": e.minimum}
        )
    v = verdict_data(acc, r.stability)
    spread: Any = None
    if s.weights == "around":
        spread = s.spread
        if s.spread == settings.SPREAD_PARTICIPANTS:
            from .sensitivity import participants_spread

            spread = {k: _num(x) for k, x in (participants_spread(ev) or {}).items()}
    return {
        "schema": SCHEMA,
        "method": s.method,
        "samples": s.samples,
        "seed": s.seed,
        "weights": s.weights,
        "spread": spread,  # with weights "around": the relative spread used (per criterion from participants)
        "spread_from": "participants" if s.spread == settings.SPREAD_PARTICIPANTS else "setting",
        "scores": s.scores,
        "ranged_scores": acc.ranged_cells,
        "criteria": list(acc.criteria),
        "alternatives": alternatives,
        "stability": [
            {
                "criterion": st.criterion,
                "weight": _num(st.weight),
                "low": _num(st.low),
                "high": _num(st.high),
                "top": st.top,
                "below": st.below,
                "above": st.above,
            }
            for st in r.stability
        ],  # fmt: skip
        "verdict": {**v, "text": {lg: render(ev, v, lg) for lg in ("nl", "en")}},
        "excluded": [{"id": a, "name": ev.alternative(a).name, "reasons": rs} for a, rs in excluded.items()],
    }


def weights_drawn(data: Mapping[str, Any], lang: str | None = None) -> str:
    """How the analysis drew the weights, in words, from its data (:func:`to_data`): one text for the command
    line and the workbook."""
    from .formats import number

    if data["weights"] == "uniform":
        return gettext("any weighting (uniform on the simplex)", lang)
    if data["spread_from"] == "participants":
        return gettext("around the agreed weights, spread as among the participants", lang)
    return gettext("around the agreed weights, spread {spread}", lang).format(
        spread=number(data["spread"], lang)
    )


def scores_drawn(data: Mapping[str, Any], lang: str | None = None) -> str:
    """How the analysis took the scores, in words, from its data (:func:`to_data`)."""
    if data["scores"] == "ranges":
        return gettext("scores drawn within their ranges", lang) + f" ({data['ranged_scores']})"
    return gettext("scores fixed", lang)
