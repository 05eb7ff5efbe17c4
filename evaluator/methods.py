"""Ranking methods, each a scikit-criteria pipeline over a :class:`~evaluator.problem.Problem`.

``METHODS`` lists them without importing scikit-criteria (which takes seconds); :func:`rank` builds and runs the
pipeline. Definitions on a bare matrix (DESIGN.md): ``wsm`` min–max normalises each criterion over the
alternatives with cost criteria reversed; ``wpm`` works on positive values (cost criteria inverted, 1/x);
``topsis`` uses vector normalisation and Euclidean distances (Hwang & Yoon); ``vikor`` uses v = 0.5 and ranks by
Q. On an evaluation with scales the matrix already holds values in [0, 1] over fixed bounds, so no second
normalisation is applied (``wpm`` floors values at ``WPM_FLOOR`` so one worst score does not zero a product).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import InputError
from .problem import Problem

WPM_FLOOR = 0.01


@dataclass(frozen=True)
class Method:
    id: str
    name: str
    summary: dict[str, str]
    score: dict[str, str]  # what the score means
    higher_is_better: bool = True
    params: tuple[tuple[str, float], ...] = ()  # (name, default)
    name_nl: str = ""  # the Dutch name, where it differs from ``name``
    short: str = ""  # the column heading ("ELECTRE I"); default: the id in capitals

    @property
    def acronym(self) -> str:
        """The method's short name for table headings: "WSM", "TOPSIS", "ELECTRE I"."""
        return self.short or self.id.upper()

    def title(self, lang: str = "en") -> str:
        """The method's full name in ``lang``."""
        return self.name_nl if lang == "nl" and self.name_nl else self.name


# The range of each method parameter (names are shared across methods: VIKOR's v, ELECTRE I's p and q, WASPAS's λ).
PARAM_RANGES: dict[str, tuple[float, float]] = {
    "v": (0.0, 1.0),
    "p": (0.0, 1.0),
    "q": (0.0, 1.0),
    "lambda": (0.0, 1.0),
}


def param_range(name: str) -> tuple[float, float]:
    """The lowest and highest value method parameter ``name`` may take."""
    return PARAM_RANGES[name]


METHODS: dict[str, Method] = {
    m.id: m
    for m in (
        Method(
            "wsm",
            "Weighted sum (WSM)",
            {
                "en": "Weighted sum of values; easy to explain, fully compensatory.",
                "nl": "Gewogen som van de waarden; goed uit te leggen, volledig compenserend.",
            },
            {"en": "weighted value (0–1)", "nl": "gewogen waarde (0–1)"},
            name_nl="Gewogen som (WSM)",
        ),
        Method(
            "wpm",
            "Weighted product (WPM)",
            {
                "en": "Weighted product of values; penalises a weak score more than the sum does.",
                "nl": "Gewogen product van de waarden; straft een zwakke score zwaarder dan de som.",
            },
            {"en": "weighted product", "nl": "gewogen product"},
            name_nl="Gewogen product (WPM)",
        ),
        Method(
            "topsis",
            "TOPSIS",
            {
                "en": "Closeness to the ideal and distance from the worst alternative (Hwang & Yoon).",
                "nl": "Nabijheid tot het ideaal en afstand tot het slechtste alternatief (Hwang & Yoon).",
            },
            {"en": "closeness coefficient (0–1)", "nl": "nabijheidscoëfficiënt (0–1)"},
        ),
        Method(
            "vikor",
            "VIKOR",
            {
                "en": "Compromise between group utility and the largest individual regret (v = 0.5).",
                "nl": "Compromis tussen groepsnut en de grootste individuele spijt (v = 0,5).",
            },
            {"en": "Q (lower is better)", "nl": "Q (lager is beter)"},
            higher_is_better=False,
            params=(("v", 0.5),),
        ),
        Method(
            "electre1",
            "ELECTRE I",
            {
                "en": "Outranking: the kernel of alternatives no other outranks (p = 0.65, q = 0.35).",
                "nl": "Outranking: de kern van alternatieven die door geen ander worden overtroffen "
                "(p = 0,65, q = 0,35).",
            },
            {"en": "1 in the kernel, 0 outside", "nl": "1 in de kern, 0 erbuiten"},
            params=(("p", 0.65), ("q", 0.35)),
            short="ELECTRE\u00a0I",  # a non-breaking space: the heading never splits "I" off
        ),
        Method(
            "moora",
            "MOORA (ratio system)",
            {
                "en": "Ratio system: vector-normalised benefit minus cost (Brauers & Zavadskas).",
                "nl": "Ratiosysteem: vectorgenormaliseerde baten min kosten (Brauers & Zavadskas).",
            },
            {"en": "ratio score", "nl": "ratioscore"},
            name_nl="MOORA (ratiosysteem)",
        ),
        Method(
            "waspas",
            "WASPAS",
            {
                "en": "Blend of weighted sum and weighted product (λ = 0.5).",
                "nl": "Mengsel van gewogen som en gewogen product (λ = 0,5).",
            },
            {"en": "joint criterion", "nl": "gezamenlijk criterium"},
            params=(("lambda", 0.5),),
        ),
    )
}


@dataclass(frozen=True)
class Ranking:
    """One method's ranking of the included alternatives (input order), plus who was excluded and why."""

    method: str
    alternatives: tuple[str, ...]
    names: tuple[str, ...]
    ranks: np.ndarray  # 1 = best; ties share a rank (dense)
    scores: np.ndarray
    problem: Problem

    def order(self) -> list[int]:
        """Indices of the alternatives from best to worst (ties in input order)."""
        return sorted(range(len(self.alternatives)), key=lambda i: (int(self.ranks[i]), i))

    def to_data(self) -> dict:
        """The ``rank --format json`` contract: ``{"method", "alternatives": [{"name", "rank", "score"}]}``."""
        return {
            "method": self.method,
            "alternatives": [
                {"name": n, "rank": int(r), "score": float(s)}
                for n, r, s in zip(self.names, self.ranks, self.scores, strict=True)
            ],
        }


def method(method_id: str) -> Method:
    try:
        return METHODS[method_id]
    except KeyError:
        raise InputError(f"unknown method {method_id!r}; choose one of: {', '.join(METHODS)}") from None


def _pipeline(method_id: str, p: Problem, params: Mapping[str, float]) -> tuple[list, Callable]:
    """The scikit-criteria steps for ``method_id`` on ``p``, and how to read the score from the result."""
    from skcriteria.agg import electre, moora, simple, topsis, vikor, waspas
    from skcriteria.preprocessing import invert_objectives as inv
    from skcriteria.preprocessing import scalers

    weights_sum = scalers.SumScaler(target="weights")
    score = lambda r: np.asarray(r.e_.score, dtype=float)  # noqa: E731
    if method_id == "wsm":
        steps = [inv.NegateMinimize(), scalers.MinMaxScaler(target="matrix")] if p.bare else []
        return [*steps, weights_sum, simple.WeightedSumModel()], score
    if method_id == "wpm":
        steps = [inv.InvertMinimize()] if p.bare else []
        return [
            *steps,
            weights_sum,
            simple.WeightedProductModel(),
        ], lambda r: 10 ** np.asarray(r.e_.score, dtype=float)
    if method_id == "topsis":
        steps = [scalers.VectorScaler(target="matrix")] if p.bare else []
        return [*steps, weights_sum, topsis.TOPSIS()], lambda r: np.asarray(r.e_.similarity, dtype=float)
    if method_id == "vikor":
        v = float(params.get("v", 0.5))
        return [weights_sum, vikor.VIKOR(v=v, use_compromise_set=False)], lambda r: np.asarray(
            r.e_.q_k, dtype=float
        )
    if method_id == "electre1":
        e = electre.ELECTRE1(p=float(params.get("p", 0.65)), q=float(params.get("q", 0.35)))
        return [weights_sum, e], lambda r: np.asarray(r.kernel_, dtype=float)
    if method_id == "moora":
        steps = [scalers.VectorScaler(target="matrix")] if p.bare else []
        return [*steps, weights_sum, moora.RatioMOORA()], score
    if method_id == "waspas":
        steps = [inv.InvertMinimize(), scalers.SumScaler(target="matrix")] if p.bare else []
        lam = float(params.get("lambda", 0.5))
        return [*steps, weights_sum, waspas.WASPAS(lambda_value=lam)], score
    raise InputError(f"unknown method {method_id!r}")  # pragma: no cover - guarded by method()


def _check_problem(method_id: str, p: Problem) -> None:
    m = p.matrix
    if not np.all(np.isfinite(m)):
        i, j = np.argwhere(~np.isfinite(m))[0]
        raise InputError(f"{p.names[i]} · {p.criteria[j]}: score is not a finite number")
    if method_id in ("wpm", "waspas") and p.bare and np.any(m <= 0):
        i, j = np.argwhere(m <= 0)[0]
        raise InputError(
            f"{method_id} needs positive values, but {p.names[i]} has {m[i, j]:g} on {p.criteria[j]}"
        )
    if method_id in ("topsis", "moora") and p.bare:
        zero = np.flatnonzero(np.linalg.norm(m, axis=0) == 0)
        if zero.size:
            raise InputError(
                f"{method_id} cannot normalise criterion {p.criteria[zero[0]]}: all its values are 0"
            )


# The score of a method that cannot tell alternatives apart (one alternative; for TOPSIS also all identical).
_NO_CONTRAST_SCORE = {"topsis": 0.0, "vikor": 0.0, "electre1": 1.0}


def dense_rank(scores: np.ndarray, higher_is_better: bool) -> np.ndarray:
    """1-based dense ranks (ties share a rank), as scikit-criteria ranks."""
    s = np.asarray(scores, dtype=float)
    key = -s if higher_is_better else s
    _, inv = np.unique(np.round(key, 12), return_inverse=True)
    return inv.reshape(-1).astype(np.int64) + 1


_EXTREME = "check for extreme values (beyond about 1e150) or rescale that criterion (e.g. in thousands)"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _method_matrix(p: Problem, method_id: str) -> np.ndarray:
    """The matrix a method's pipeline starts from. On value scales: WPM and WASPAS floor values at
    ``WPM_FLOOR``; MOORA keeps its own vector normalisation (without it MOORA on values is the weighted sum; a
    column of zeros cannot discriminate and stays 0 instead of dividing by zero)."""
    matrix = p.matrix
    if p.bare:
        return matrix
    if method_id in ("wpm", "waspas"):
        return np.maximum(matrix, WPM_FLOOR)
    if method_id == "moora":
        norm = np.linalg.norm(matrix, axis=0)
        return matrix / np.where(norm == 0, 1.0, norm)
    return matrix


def decision(
    p: Problem, method_id: str, params: Mapping[str, float] | None = None
) -> tuple[Any, Any, Callable]:
    """The scikit-criteria decision matrix, pipeline and score reader that :func:`rank` runs for ``method_id``
    on ``p`` (alternatives and criteria named by their ids) — for checks that need the same objects, such as
    rank-reversal. ``params`` default to the evaluation's own."""
    import skcriteria as skc
    from skcriteria.pipelines import mkpipe

    params = p.params if params is None else params
    dm = skc.mkdm(
        _method_matrix(p, method_id),
        objectives=list(p.objectives),
        weights=list(p.weights),
        alternatives=list(p.alternatives),
        criteria=list(p.criteria),
    )
    steps, read_score = _pipeline(method_id, p, params)
    return dm, mkpipe(*steps), read_score


def rank(p: Problem, method_id: str = "wsm", params: Mapping[str, float] | None = None) -> Ranking:
    """Rank the included alternatives of ``p`` with ``method_id`` through scikit-criteria.

    ``params`` (VIKOR's ``v``, ELECTRE's ``p``/``q``, WASPAS's ``lambda``) default to the evaluation's own.
    """
    method(method_id)
    n = len(p.alternatives)
    if n == 0:
        return Ranking(method_id, (), (), np.zeros(0, dtype=np.int64), np.zeros(0), p)
    _check_problem(method_id, p)
    if n == 1 and method_id in _NO_CONTRAST_SCORE:
        # skcriteria divides 0 by 0 here; give the figure the fast engine gives (the others score as usual)
        score = np.full(1, _NO_CONTRAST_SCORE[method_id])
        return Ranking(method_id, p.alternatives, p.names, np.ones(1, dtype=np.int64), score, p)
    if method_id == "topsis" and np.all((p.matrix == p.matrix[0]) | (p.weights == 0)):
        # every alternative is the ideal and the anti-ideal at once: closeness 0/0; all tie
        score = np.full(n, _NO_CONTRAST_SCORE[method_id])
        return Ranking(method_id, p.alternatives, p.names, np.ones(n, dtype=np.int64), score, p)
    dm, pipeline, read_score = decision(p, method_id, params)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = pipeline.evaluate(dm)
        except (ValueError, FloatingPointError, ZeroDivisionError) as exc:  # e.g. values near float overflow
            raise InputError(
                f"{method_id} cannot rank these numbers ({_one_line(exc)}); {_EXTREME}"
            ) from None
    scores = np.asarray(read_score(result), dtype=float).reshape(-1)  # one alternative: 0-d otherwise
    if not np.all(np.isfinite(scores)):
        raise InputError(f"{method_id} gives no finite score for these numbers; {_EXTREME}")
    if method_id == "electre1":
        ranks = np.where(scores > 0, 1, 2).astype(np.int64)
    else:
        # Not result.rank_: scikit-criteria ranks exact floats, so a true tie (0.3·0.75 + 0.5 + 0.075 against
        # 0.3 + 0.375 + 0.025 + 0.1) split by 1e-16 of summation noise would show a false winner. The fast
        # engine ranks the same way.
        ranks = dense_rank(scores, METHODS[method_id].higher_is_better)
    return Ranking(method_id, p.alternatives, p.names, ranks, scores, p)
