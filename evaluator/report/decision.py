"""The decision JSON: the evaluation plus the results the memo states, in canonical form.

``{"format", "schema", "evaluation", "results", "robustness", "generated", "afweging_version"}``. The results
are a pure function of the evaluation and the methods recorded in them; ``robustness`` is exactly what
``afweging sensitivity FILE --format json`` prints for the evaluation (:mod:`evaluator.robustness`). So
recomputing from the attached evaluation must give both back; that is what ``afweging verify`` checks, comparing
numbers and ids and never sentences (:func:`check_recomputation`).

Schemas: 1 (Afweging 0.1.0) kept the robustness figures under ``results.sensitivity`` with the verdict as
sentences; 2 has the top-level ``robustness`` object with the verdict as data. Every later version recomputes
and checks memos of every schema.
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
import math
from collections.abc import Mapping, Sequence
from typing import Any

from ..formats import lazy_gettext
from ..model import Evaluation

FORMAT = "afweging-decision"
SCHEMA = 2
LEGACY_SEED = 20240601  # schema 1 memos recorded their seed; this was its default
SCORE_TOLERANCE = 1e-9


def _round(x: float) -> float:
    """Round to 12 significant digits, so the JSON does not depend on the last bits of a float sum."""
    x = float(x)
    if not math.isfinite(x) or x == 0:
        return 0.0 if not math.isfinite(x) else x
    return float(f"{x:.12g}")


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def default_methods(ev: Evaluation) -> list[str]:
    """The evaluation's own method first, then every other method that can rank this kind of evaluation."""
    from ..methods import METHODS

    return [ev.method] + [m for m in METHODS if m != ev.method]


def _ranking_rows(ranking: Any) -> list[dict[str, Any]]:
    return [
        {"id": a, "name": n, "rank": int(r), "score": _round(s)}
        for a, n, r, s in zip(ranking.alternatives, ranking.names, ranking.ranks, ranking.scores, strict=True)
    ]


def _legacy_sensitivity(ev: Evaluation, method_id: str, samples: int, seed: int) -> dict[str, Any] | None:
    """Schema 1's ``results.sensitivity`` (SMAA with uniform weights, stability intervals), for checking memos made
    by Afweging 0.1.0. New memos carry the :mod:`evaluator.robustness` object instead."""
    from .. import sensitivity as sens
    from ..errors import InputError
    from ..stability import stability_intervals

    out: dict[str, Any] = {"method": method_id, "samples": int(samples), "seed": int(seed)}
    try:
        acc = sens.acceptability(ev, method=method_id, samples=samples, seed=seed)
    except InputError as exc:  # e.g. a method the sampling engine does not run: say so in the memo
        out["skipped"] = exc.problem
        return out
    out["acceptability"] = {
        "alternatives": list(acc.alternatives),
        "names": list(acc.names),
        "matrix": [[_round(x) for x in row] for row in acc.acceptability.tolist()],
        "central_weights": [[_round_or_none(x) for x in row] for row in acc.central_weights.tolist()],
        "criteria": list(acc.criteria),
    }
    try:
        stab = stability_intervals(ev, method_id)
    except InputError:
        stab = None
    if stab is not None:
        out["stability"] = [
            {
                "criterion": s.criterion,
                "weight": _round(s.weight),
                "low": _round(s.low),
                "high": _round(s.high),
                "top": s.top,
                "below": s.below,
                "above": s.above,
            }
            for s in stab
        ]
    return out


def _round_or_none(x: float) -> float | None:
    return None if not math.isfinite(float(x)) else _round(x)


def _agreement(ev: Evaluation, methods: Sequence[str]) -> Any:
    if not _has("evaluator.agreement"):
        return None
    from ..agreement import method_agreement

    try:
        value = method_agreement(ev, list(methods))
    except Exception:  # noqa: BLE001 - agreement is a summary; the per-method rankings carry the facts
        return None
    return _plain(value)


def _plain(value: Any) -> Any:
    """Dataclasses, arrays and tuples → JSON-ready plain data (floats rounded)."""
    import dataclasses

    import numpy as np

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return _round(float(value))
    return str(value)


def compute_results(ev: Evaluation, methods: Sequence[str] | None = None) -> dict[str, Any]:
    """Everything the memo states about the ranking, as plain data (a pure function of its arguments).

    Methods that cannot rank this evaluation are listed under ``"skipped"`` with the reason, so the list itself
    is reproducible. How robust the ranking is lives beside it (:func:`robustness_data`).
    """
    from ..errors import InputError
    from ..methods import rank
    from ..problem import build_problem

    methods = list(methods) if methods else default_methods(ev)
    problem = build_problem(ev)
    main = rank(problem, methods[0], ev.method_params)
    results: dict[str, Any] = {
        "method": methods[0],
        "methods_requested": methods,
        "ranking": _ranking_rows(main),
        "excluded": [
            {
                "id": a,
                "name": ev.alternative(a).name,
                "reasons": [
                    {"criterion": e.criterion, "kind": e.kind, "score": e.score, "minimum": e.minimum}
                    for e in exs
                ],
            }
            for a, exs in problem.excluded.items()
        ],
        "other_methods": {},
        "skipped": {},
    }
    for m in methods[1:]:
        try:
            results["other_methods"][m] = _ranking_rows(rank(problem, m, ev.method_params))
        except InputError as exc:
            results["skipped"][m] = exc.problem
    agreement = _agreement(ev, [methods[0], *results["other_methods"]])
    if agreement is not None:
        results["agreement"] = agreement
    return results


def robustness_data(ev: Evaluation, **overrides: Any) -> dict[str, Any]:
    """The robustness object for the memo — the evaluation's own settings, as ``afweging sensitivity`` runs them
    — or ``{"skipped": reason}`` when they cannot run on it (a method the sampling engine does not run, ...)."""
    from .. import robustness
    from ..errors import InputError

    if overrides.get("samples") == 0:
        return {"schema": robustness.SCHEMA, "skipped": "left out (--samples 0)"}
    try:
        return robustness.to_data(ev, robustness.run(ev, robustness.resolve(ev, **overrides)))
    except InputError as exc:
        return {"schema": robustness.SCHEMA, "skipped": exc.problem}


def decision_data(
    ev: Evaluation,
    results: Mapping[str, Any] | None = None,
    generated: str | None = None,
    robustness: Mapping[str, Any] | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    """The decision JSON as plain data; ``overrides`` (samples, seed, ...) are laid over the robustness settings."""
    from .. import __version__
    from ..serial import evaluation_to_data

    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "evaluation": evaluation_to_data(ev),
        "results": dict(results) if results is not None else compute_results(ev),
        "robustness": dict(robustness) if robustness is not None else robustness_data(ev, **overrides),
        "generated": generated or _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "afweging_version": __version__,
    }


def decision_bytes(data: Mapping[str, Any]) -> bytes:
    from ..io.canonical import canonical_bytes

    return canonical_bytes(data)


def recompute(data: Mapping[str, Any]) -> dict[str, Any]:
    """Recompute a decision JSON's results (and robustness) from its evaluation with the settings it records.

    Returns ``{"results": ..., "robustness": ...}`` in the memo's own schema (``robustness`` only for schema 2).
    """
    from ..methods import definitions_of

    with definitions_of(
        data.get("afweging_version")
    ):  # a memo is recomputed with the definitions it was made with
        return _recompute(data)


def _recompute(data: Mapping[str, Any]) -> dict[str, Any]:
    from .. import robustness
    from ..problem import build_problem
    from ..serial import evaluation_from_data

    ev = evaluation_from_data(data["evaluation"])
    stated = data.get("results", {})
    results = compute_results(ev, methods=stated.get("methods_requested") or None)
    if _schema(data) == 1:
        sens = stated.get("sensitivity") or {}
        if sens and len(build_problem(ev).alternatives) > 1:
            legacy = _legacy_sensitivity(ev, results["method"], int(sens.get("samples", 0)),
                                         int(sens.get("seed", LEGACY_SEED)))  # fmt: skip
            if legacy is not None:
                results["sensitivity"] = legacy
        return {"results": results}
    stated_rob = data.get("robustness") or {}
    if not isinstance(stated_rob, Mapping) or "skipped" in stated_rob:
        again = (
            stated_rob  # left out: the memo states no robustness figures, so there is nothing to recompute
        )
    else:
        spread = stated_rob.get("spread")
        if stated_rob.get("spread_from") == "participants":
            spread = "participants"
        s = robustness.Settings(stated_rob["method"], stated_rob["weights"],
                                spread if spread is not None else 0.2, stated_rob["scores"],
                                int(stated_rob["samples"]), int(stated_rob["seed"]))  # fmt: skip
        again = robustness.to_data(ev, robustness.run(ev, s))
    return {"results": results, "robustness": again}


def _schema(data: Mapping[str, Any]) -> int:
    s = data.get("schema", 1)
    return s if isinstance(s, int) and not isinstance(s, bool) else 1


# Keys whose values are sentences rendered from data beside them (schema 2: robustness.verdict.text; schema 1:
# results.sensitivity.verdict): never compared, so rewording a sentence never fails an earlier memo.
_PROSE = {("robustness", "verdict", "text"), ("results", "sensitivity", "verdict")}


def _without_prose(value: Any, path: tuple[str, ...] = ()) -> Any:
    if isinstance(value, Mapping):
        return {k: _without_prose(v, (*path, k)) for k, v in value.items() if (*path, k) not in _PROSE}
    return value


def check_recomputation(data: Mapping[str, Any]) -> list[str]:
    """Where the memo's stated results and robustness differ from a recomputation (numbers and ids only)."""
    return recompute_and_compare(data)[0]


def recompute_and_compare(data: Mapping[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """The differences (see :func:`check_recomputation`) and the recomputation itself."""
    again = recompute(data)
    stated = {"results": data.get("results", {})}
    if "robustness" in again:
        stated["robustness"] = data.get("robustness", {})
    if (
        "agreement" not in stated["results"]
    ):  # a summary added by a later Afweging must not fail an older memo
        again["results"].pop("agreement", None)
    return differences(_without_prose(stated), _without_prose(again), ""), again


def differences(stated: Any, recomputed: Any, path: str = "results") -> list[str]:
    """Where two results disagree (numbers within ``SCORE_TOLERANCE``), as readable paths; empty when equal."""
    if isinstance(stated, Mapping) and isinstance(recomputed, Mapping):
        out = []
        for k in sorted(set(stated) | set(recomputed), key=str):
            where = f"{path}.{k}" if path else str(k)
            if k not in stated or k not in recomputed:
                out.append(
                    lazy_gettext("{where} only in the memo").format(where=where)
                    if k in stated
                    else lazy_gettext("{where} only in the recomputation").format(where=where)
                )
            else:
                out += differences(stated[k], recomputed[k], where)
        return out
    if isinstance(stated, list) and isinstance(recomputed, list):
        if len(stated) != len(recomputed):
            return [
                lazy_gettext("{path}: {n_memo} entries in the memo, {n_again} recomputed").format(
                    path=path, n_memo=len(stated), n_again=len(recomputed)
                )
            ]
        out = []
        for i, (a, b) in enumerate(zip(stated, recomputed, strict=True)):
            out += differences(a, b, f"{path}[{i}]")
        return out
    num = (int, float)
    if isinstance(stated, num) and isinstance(recomputed, num) and not isinstance(stated, bool):
        if math.isclose(float(stated), float(recomputed), rel_tol=1e-7, abs_tol=SCORE_TOLERANCE):
            return []
        return [
            lazy_gettext("{path}: memo says {stated}, recomputed {recomputed}").format(
                path=path, stated=repr(stated), recomputed=repr(recomputed)
            )
        ]
    if stated != recomputed:
        return [
            lazy_gettext("{path}: memo says {stated}, recomputed {recomputed}").format(
                path=path, stated=repr(stated), recomputed=repr(recomputed)
            )
        ]
    return []
