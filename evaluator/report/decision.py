"""The decision JSON: the evaluation plus the results the memo states, in canonical form.

``{"evaluation": ..., "results": {...}, "generated": ..., "afweging_version": ...}``. The results are a pure
function of the evaluation and the settings recorded in them (methods, seed, samples), so :func:`compute_results`
run on the attached evaluation must give them back; that is what ``afweging verify`` checks.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import importlib.util
import math
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Evaluation

FORMAT = "afweging-decision"
DEFAULT_SEED = 20240601
DEFAULT_SAMPLES = 10_000
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


def _sensitivity(ev: Evaluation, method_id: str, samples: int, seed: int) -> dict[str, Any] | None:
    """Rank acceptability (SMAA) and weight stability intervals, when ``evaluator.sensitivity`` is present."""
    if not _has("evaluator.sensitivity"):
        return None
    from .. import sensitivity as sens
    from ..errors import InputError

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
        stab = sens.stability_intervals(ev, method_id)
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
    with contextlib.suppress(InputError):  # the verdict is a courtesy text; the numbers stand without it
        out["verdict"] = {lg: sens.verdict(ev, acc, stab or [], lg) for lg in ("nl", "en")}
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


def compute_results(
    ev: Evaluation,
    methods: Sequence[str] | None = None,
    samples: int | None = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
) -> dict[str, Any]:
    """Everything the memo states about the outcome, as plain data (a pure function of its arguments).

    ``samples`` ``None`` or 0 leaves sensitivity out. Methods that cannot rank this evaluation are listed under
    ``"skipped"`` with the reason, so the list itself is reproducible.
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
    if samples and len(problem.alternatives) > 1:
        sens = _sensitivity(ev, methods[0], int(samples), int(seed))
        if sens is not None:
            results["sensitivity"] = sens
    return results


def decision_data(
    ev: Evaluation,
    results: Mapping[str, Any] | None = None,
    generated: str | None = None,
    **settings: Any,
) -> dict[str, Any]:
    """The decision JSON as plain data."""
    from .. import __version__
    from ..serial import evaluation_to_data

    return {
        "format": FORMAT,
        "evaluation": evaluation_to_data(ev),
        "results": dict(results) if results is not None else compute_results(ev, **settings),
        "generated": generated or _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "afweging_version": __version__,
    }


def decision_bytes(data: Mapping[str, Any]) -> bytes:
    from ..io.canonical import canonical_bytes

    return canonical_bytes(data)


def recompute(data: Mapping[str, Any]) -> dict[str, Any]:
    """Recompute the results of a decision JSON from its evaluation with the settings it records."""
    from ..serial import evaluation_from_data

    ev = evaluation_from_data(data["evaluation"])
    stated = data.get("results", {})
    sens = stated.get("sensitivity") or {}
    return compute_results(
        ev,
        methods=stated.get("methods_requested") or None,
        samples=sens.get("samples", 0) if sens else 0,
        seed=sens.get("seed", DEFAULT_SEED),
    )


def differences(stated: Any, recomputed: Any, path: str = "results") -> list[str]:
    """Where two results disagree (numbers within ``SCORE_TOLERANCE``), as readable paths; empty when equal."""
    if isinstance(stated, Mapping) and isinstance(recomputed, Mapping):
        out = []
        for k in sorted(set(stated) | set(recomputed)):
            if k not in stated or k not in recomputed:
                out.append(f"{path}.{k} only in the {'memo' if k in stated else 'recomputation'}")
            else:
                out += differences(stated[k], recomputed[k], f"{path}.{k}")
        return out
    if isinstance(stated, list) and isinstance(recomputed, list):
        if len(stated) != len(recomputed):
            return [f"{path}: {len(stated)} entries in the memo, {len(recomputed)} recomputed"]
        out = []
        for i, (a, b) in enumerate(zip(stated, recomputed, strict=True)):
            out += differences(a, b, f"{path}[{i}]")
        return out
    num = (int, float)
    if isinstance(stated, num) and isinstance(recomputed, num) and not isinstance(stated, bool):
        if math.isclose(float(stated), float(recomputed), rel_tol=1e-7, abs_tol=SCORE_TOLERANCE):
            return []
        return [f"{path}: memo says {stated}, recomputed {recomputed}"]
    if stated != recomputed:
        return [f"{path}: memo says {stated!r}, recomputed {recomputed!r}"]
    return []
