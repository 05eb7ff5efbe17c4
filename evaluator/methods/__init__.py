"""Ranking methods as self-describing objects: one registry, :data:`METHODS`.

Each :class:`Method` declares its parameters (:class:`Param`: name, default, range, meaning — the only place
a default is written), its direction, its definition in plain words with the literature it follows, which
engine computes it and whether adding an alternative can reorder the others. :func:`rank` ranks with the NumPy
engine (:mod:`evaluator.fastengine`, :mod:`evaluator.outranking`: every method has one) and through
scikit-criteria only for the 0.1.x definitions a memo may record; scikit-criteria (seconds to import) is imported
only then.
:func:`decision` builds the scikit-criteria pipeline of a method: the reference the tests compare the engine
with, and what the rank-reversal checks perturb. Every ranking goes through ONE tie rule, :func:`dense_ranks`.

Definitions on a bare matrix (DESIGN.md): ``wsm`` min–max normalises each criterion over the alternatives with
cost criteria reversed; ``wpm`` works on positive values (cost criteria inverted, 1/x); ``topsis`` uses vector
normalisation and Euclidean distances (Hwang & Yoon); ``vikor`` uses v = 0.5 and ranks by Q; ``waspas`` is
Zavadskas et al. (2012): x/max for benefit, min/x for cost, λ = 0.5; ``electre1`` is Roy's ELECTRE I kernel
(see :mod:`evaluator.outranking`). On an evaluation with scales the matrix already holds values in [0, 1] over
fixed bounds, so no second normalisation is applied (``wpm`` and ``waspas`` floor values at ``WPM_FLOOR`` so one
worst score does not zero a product; MOORA keeps its vector normalisation).
"""

from __future__ import annotations

import contextvars
import math
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import InputError
from ..formats import fill
from ..i18n import N_, gettext, language
from ..problem import Problem

WPM_FLOOR = 0.01

# Two scores tie when they differ by at most TIE_RTOL of the larger one, measured never below TIE_FLOOR of the
# largest score in the row (so summation noise around 0 — a VIKOR Q of 1e-17 — still ties with 0). Relative,
# so a ranking does not depend on the unit of a criterion: WPM on prices of 2.500e9 and 2.501e9 ranks them
# apart, as it does in millions. WPM's score is a product (a ratio scale, noise relative to the score itself):
# it declares no floor, so scores of 1e-30 and 2e-30 next to 1 stay apart.
TIE_RTOL = 1e-9
TIE_FLOOR = 1e-3


@dataclass(frozen=True)
class Param:
    """One setting of a method: its name in ``method_params``, default, allowed range and meaning."""

    name: str
    default: float
    low: float
    high: float
    text: str  # its meaning, in English (the catalogue has the Dutch): :meth:`meaning`
    symbol: str = ""  # as written in the literature ("λ"); default: the name

    def show(self, value: float | None = None, lang: str = "en") -> str:
        """``v = 0.5`` (``v = 0,5`` in Dutch), the default unless ``value`` is given; written as the language
        writes numbers, to six decimals (a parameter is a number between 0 and 1)."""
        from ..formats import number

        return (
            f"{self.symbol or self.name} = {number(self.default if value is None else value, lang, most=6)}"
        )

    def meaning(self, lang: str | None = None) -> str:
        """What the parameter does, in ``lang`` (default: the session's language)."""
        return gettext(self.text, lang)

    def check(self, value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return gettext("{name} must be a number, not {value!r}").format(name=self.name, value=value)
        if not self.low <= value <= self.high:
            return gettext("{name} must lie between {low:g} and {high:g}").format(
                name=self.name, low=self.low, high=self.high
            )
        return None


@dataclass(frozen=True)
class Method:
    id: str
    name: str
    # The texts are English, marked for the catalogue (N_); the methods below give them in a language.
    about: str  # one line, without parameter values (see ``summary``)
    score: str  # what the score means
    definition: str  # the definition on a bare matrix, naming its source
    higher_is_better: bool = True
    params: tuple[Param, ...] = ()
    short: str = ""  # the column heading ("ELECTRE I"); default: the id in capitals
    engine: str = "numpy"  # "numpy" (fastengine, tested equal to the scikit-criteria pipeline), "outranking",
    # or "scikit-criteria" (the method only scikit-criteria provides here)
    keeps_order: bool = False  # on scales with fixed bounds, adding an alternative never reorders the others
    tie_floor: float = TIE_FLOOR  # see TIE_RTOL; 0 for a score on a ratio scale (WPM)
    # The score is a plain sum of one part per criterion (:func:`evaluator.methods.fast.contributions`), so a
    # chart can show what each criterion adds. WPM (a product), WASPAS (a blend with the product), TOPSIS and
    # VIKOR (distances) and ELECTRE I (a graph) have no such parts.
    additive: bool = False

    @property
    def acronym(self) -> str:
        """The method's short name for table headings: "WSM", "TOPSIS", "ELECTRE I"."""
        return self.short or self.id.upper()

    def title(self, lang: str | None = None) -> str:
        """The method's full name in ``lang`` (default: the session's language)."""
        return gettext(self.name, lang)

    def score_meaning(self, lang: str | None = None) -> str:
        """What the method's score means, in ``lang``."""
        return gettext(self.score, lang)

    def definition_in(self, lang: str | None = None) -> str:
        """The method's definition on a bare matrix, in ``lang``."""
        return gettext(self.definition, lang)

    def defaults(self) -> dict[str, float]:
        return {q.name: q.default for q in self.params}

    def summary(self, lang: str | None = None) -> str:
        """One line in ``lang``, with the parameters' defaults: "… regret (v = 0.5)."."""
        text = gettext(self.about, lang)
        if self.params:
            lang = lang or language()
            text = text.rstrip(".") + " (" + ", ".join(q.show(lang=lang) for q in self.params) + ")."
        return text


METHODS: dict[str, Method] = {
    m.id: m
    for m in (
        Method(
            "wsm",
            N_("Weighted sum (WSM)"),
            N_("Weighted sum of values; easy to explain, fully compensatory."),
            N_("weighted value (0–1)"),
            N_("min–max normalisation of each criterion over the alternatives (cost reversed), Σ wⱼ·xᵢⱼ"),
            keeps_order=True,
            additive=True,
        ),
        Method(
            "wpm",
            N_("Weighted product (WPM)"),
            N_("Weighted product of values; penalises a weak score more than the sum does."),
            N_("weighted product"),
            N_("positive values, cost criteria inverted (1/x), Π xᵢⱼ^wⱼ"),
            keeps_order=True,
            tie_floor=0.0,
        ),
        Method(
            "topsis",
            N_("TOPSIS"),
            N_("Closeness to the ideal and distance from the worst alternative (Hwang & Yoon)."),
            N_("closeness coefficient (0–1)"),
            N_("vector normalisation, Euclidean distances to the ideal and anti-ideal (Hwang & Yoon 1981)"),
        ),
        Method(
            "vikor",
            N_("VIKOR"),
            N_("Compromise between group utility and the largest individual regret."),
            N_("Q (lower is better)"),
            N_("Opricovic & Tzeng (2004): ranked by Q, v weighing group utility against the largest regret"),
            higher_is_better=False,
            params=(
                Param(
                    "v",
                    0.5,
                    0.0,
                    1.0,
                    N_("weight of group utility against the largest regret"),
                ),
            ),
        ),
        Method(
            "electre1",
            N_("ELECTRE I"),
            N_("Outranking: Roy's kernel of the outranking graph."),
            N_("1 in the kernel, 0 outside"),
            N_(
                "Roy (1968): a outranks b when concordance ≥ p and discordance ≤ q, discordance per "
                "criterion over its range; circuits merged; rank 1 = the kernel of the graph"
            ),
            params=(
                Param(
                    "p",
                    0.65,
                    0.0,
                    1.0,
                    N_("concordance threshold"),
                ),
                Param(
                    "q",
                    0.35,
                    0.0,
                    1.0,
                    N_("discordance threshold"),
                ),
            ),
            short="ELECTRE\u00a0I",  # a non-breaking space: the heading never splits "I" off
            engine="outranking",
        ),
        Method(
            "moora",
            N_("MOORA (ratio system)"),
            N_("Ratio system: vector-normalised benefit minus cost (Brauers & Zavadskas)."),
            N_("ratio score"),
            N_("ratio system (Brauers & Zavadskas 2006): vector normalisation, weighted benefit minus cost"),
            additive=True,
        ),
        Method(
            "waspas",
            N_("WASPAS"),
            N_("Blend of weighted sum and weighted product."),
            N_("joint criterion"),
            N_("Zavadskas et al. (2012): x/max for benefit, min/x for cost; λ·WSM + (1 − λ)·WPM"),
            params=(
                Param(
                    "lambda",
                    0.5,
                    0.0,
                    1.0,
                    N_("share of the weighted sum (1) against the weighted product (0)"),
                    symbol="λ",
                ),
            ),
            keeps_order=True,
        ),
    )
}

# The parameter names of all methods: an evaluation keeps one mapping (VIKOR's v next to ELECTRE's p and q).
ALL_PARAMS = frozenset(q.name for m in METHODS.values() for q in m.params)


def param(name: str) -> Param:
    """The parameter called ``name`` (the first method that declares it); ``KeyError`` when none does."""
    return next(q for m in METHODS.values() for q in m.params if q.name == name)


# -- definitions by version ----------------------------------------------------------------------------------
# A signed memo is verified by recomputing it, so a memo made by an earlier Afweging is recomputed with the
# definitions it was made with. Up to 0.1.x ("1"): ELECTRE I was scikit-criteria's "no alternative outranks it"
# with discordance over the largest range of all criteria, WASPAS divided each column by its sum (cost 1/x),
# and ties were scores equal after rounding to 12 decimals. From 0.2 ("2"): the definitions above.
DEFINITIONS = ("1", "2")
CURRENT_DEFINITIONS = "2"
_definitions: contextvars.ContextVar[str] = contextvars.ContextVar(
    "method_definitions", default=CURRENT_DEFINITIONS
)


def definitions_for(afweging_version: str | None) -> str:
    """The method definitions an Afweging version used ("1" up to 0.1.x, else the current)."""
    try:
        major, minor = (int(x) for x in str(afweging_version).split(".")[:2])
    except ValueError:
        return CURRENT_DEFINITIONS
    return "1" if (major, minor) <= (0, 1) else CURRENT_DEFINITIONS


@contextmanager
def definitions_of(afweging_version: str | None) -> Iterator[str]:
    """Within the block, :func:`rank` uses the definitions of ``afweging_version`` (for verifying a memo that
    version made: ``with definitions_of(data["afweging_version"]): recompute(data)``). Per thread/context."""
    token = _definitions.set(definitions_for(afweging_version))
    try:
        yield _definitions.get()
    finally:
        _definitions.reset(token)


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
    except (KeyError, TypeError):
        raise InputError(
            gettext("unknown method {method_id!r}; choose one of: {METHODS}").format(
                method_id=method_id, METHODS=", ".join(METHODS)
            )
        ) from None


# -- parameters -----------------------------------------------------------------------------------------------


def param_defaults(method_id: str) -> dict[str, float]:
    """The defaults of ``method_id``'s parameters (``{}`` for a method without any), e.g. ``{"v": 0.5}``."""
    return method(method_id).defaults()


def check_params(method_id: str, params: Mapping[str, object]) -> str | None:
    """A readable problem with ``method_id`` and ``params``, or None when both are fine.

    Strict: every key must be a parameter of this method ("unknown parameter 'vikor_v' for VIKOR (expected:
    v)"), every value a finite number in the parameter's range ("v must lie between 0 and 1").
    """
    m = METHODS.get(method_id) if isinstance(method_id, str) else None
    if m is None:
        return gettext("unknown method {method_id!r}; choose one of: {METHODS}").format(
            method_id=method_id, METHODS=", ".join(METHODS)
        )
    known = {q.name: q for q in m.params}
    for key, value in params.items():
        if key not in known:
            expected = ", ".join(known) if known else gettext("none")
            return gettext("unknown parameter {key!r} for {method} (expected: {expected})").format(
                key=key, method=m.acronym.replace(chr(0xA0), " "), expected=expected
            )
        problem = known[key].check(value)
        if problem:
            return problem
    return None


def resolve_params(method_id: str, params: Mapping[str, object] | None) -> dict[str, float]:
    """``method_id``'s parameters: its defaults, overridden by ``params``. Keys of other methods' parameters
    are left aside (an evaluation keeps one mapping for all methods); a value out of range, or a key no method
    knows, is an :class:`InputError`."""
    m = method(method_id)
    out = m.defaults()
    for key, value in (params or {}).items():
        if key in out:
            problem = next(q for q in m.params if q.name == key).check(value)
            if problem:
                raise InputError(f"{m.id}: {problem}", place="method_params")
            out[key] = float(value)
        elif key not in ALL_PARAMS:
            raise InputError(
                gettext("unknown method parameter {key!r} (known: {ALL_PARAMS})").format(
                    key=key, ALL_PARAMS=", ".join(sorted(ALL_PARAMS))
                ),
                place="method_params",
            )
    return out


# -- ties -----------------------------------------------------------------------------------------------------


def sort_with_ties(
    scores: np.ndarray, higher_is_better: bool, floor: float = TIE_FLOOR
) -> tuple[np.ndarray, np.ndarray]:
    """For scores ``(k, n)``: the alternatives best first (``order``, stable) and, per sorted position, whether
    it starts a new tie group (``starts``). THE tie rule of the project (see ``TIE_RTOL``); ``floor`` is the
    method's ``tie_floor``."""
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    key = -s if higher_is_better else s
    order = np.argsort(key, axis=1, kind="stable")
    srt = np.take_along_axis(key, order, axis=1)
    starts = np.ones(srt.shape, dtype=bool)
    if srt.shape[1] > 1:
        row = np.abs(srt).max(axis=1, keepdims=True)
        a, b = srt[:, :-1], srt[:, 1:]
        scale = np.maximum(np.maximum(np.abs(a), np.abs(b)), floor * row)
        with np.errstate(invalid="ignore"):
            starts[:, 1:] = ~(np.abs(b - a) <= TIE_RTOL * scale)
    return order, starts


def dense_ranks(scores: np.ndarray, higher_is_better: bool, floor: float = TIE_FLOOR) -> np.ndarray:
    """Dense 1-based ranks ``(k, n)`` per row of scores (ties share a rank)."""
    order, starts = sort_with_ties(scores, higher_is_better, floor)
    dense = np.cumsum(starts, axis=1)
    out = np.empty_like(dense)
    np.put_along_axis(out, order, dense, axis=1)
    return out.astype(np.int64)


def dense_rank(scores: np.ndarray, higher_is_better: bool, floor: float = TIE_FLOOR) -> np.ndarray:
    """Dense 1-based ranks of one vector of scores (:func:`dense_ranks` for one row)."""
    s = np.asarray(scores, dtype=float).reshape(-1)
    return dense_ranks(s[None, :], higher_is_better, floor)[0]


def top_is_first(scores: np.ndarray, method_id: str, top: int) -> np.ndarray:
    """Per row of scores ``(k, n)``: does alternative ``top`` rank first (alone or tied)? The same answer as
    ``method_ranks(scores, method_id)[:, top] == 1``, without sorting rows where it is plain: a row where
    ``top`` is best, or where the best other is further ahead than any chain of ties could bridge
    (``(n − 1) · TIE_RTOL`` of the row's largest score), needs no sort. The stability search asks this
    thousands of times."""
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    m = METHODS[method_id]
    if _definitions.get() != CURRENT_DEFINITIONS or s.shape[1] < 2:
        return method_ranks(s, method_id)[:, top] == 1
    key = s if m.higher_is_better else -s
    t = key[:, top]
    best = np.delete(key, top, axis=1).max(axis=1)
    sure_first = best <= t
    bridge = (s.shape[1] - 1) * TIE_RTOL * np.abs(s).max(axis=1)
    with np.errstate(invalid="ignore"):
        sure_not = (best - t) > bridge
    out = sure_first.copy()
    unsure = ~(sure_first | sure_not)
    if unsure.any():
        out[unsure] = method_ranks(s[unsure], method_id)[:, top] == 1
    return out


def method_ranks(scores: np.ndarray, method_id: str) -> np.ndarray:
    """Dense ranks ``(k, n)`` of ``method_id``'s scores ``(k, n)``: its direction and tie floor, under the
    definitions in force (see :func:`definitions_of`). What :func:`rank` and the fast engine rank with."""
    m = METHODS[method_id]
    s = np.atleast_2d(np.asarray(scores, dtype=float))
    if _definitions.get() == "1":  # up to 0.1.x: scores equal after rounding to 12 decimals tie
        key = np.round(-s if m.higher_is_better else s, 12)
        return np.array(
            [np.unique(row, return_inverse=True)[1].reshape(-1) + 1 for row in key], dtype=np.int64
        )
    return dense_ranks(s, m.higher_is_better, m.tie_floor)


# -- checks ---------------------------------------------------------------------------------------------------

_EXTREME = "check for extreme values (beyond about 1e150) or rescale that criterion (e.g. in thousands)"


def check_problem(p: Problem, method_id: str) -> None:
    """Refuse a problem ``method_id`` cannot rank, with a readable :class:`InputError` (finite scores; WPM and
    WASPAS need positive values on a bare matrix; TOPSIS and MOORA a criterion that is not all 0)."""
    m = p.matrix
    if not np.all(np.isfinite(m)):
        i, j = np.argwhere(~np.isfinite(m))[0]
        raise InputError(
            gettext("{names} · {criteria}: score is not a finite number").format(
                names=p.names[i], criteria=p.criteria[j]
            )
        )
    if method_id in ("wpm", "waspas") and p.bare and np.any(m <= 0):
        i, j = np.argwhere(m <= 0)[0]
        raise InputError(
            fill(
                gettext("{method_id} needs positive values, but {names} has {m:g} on {criteria}"),
                method_id=method_id,
                names=p.names[i],
                m=m[i, j],
                criteria=p.criteria[j],
            )
        )
    if method_id in ("topsis", "moora") and p.bare:
        zero = np.flatnonzero(~np.any(m != 0, axis=0))
        if zero.size:
            raise InputError(
                gettext("{method_id} cannot normalise criterion {criteria}: all its values are 0").format(
                    method_id=method_id, criteria=p.criteria[zero[0]]
                )
            )


def column_scale(x: np.ndarray) -> np.ndarray:
    """Each criterion's largest absolute value over the alternatives (axis -2), 1 for an all-zero column.

    Dividing a bare criterion by it changes no method's result except WPM's score (a unit change), and keeps
    squares and differences far from float overflow: values of 1e155 rank as values of 1 do."""
    s = np.abs(x).max(axis=-2, keepdims=True)
    return np.where(s == 0, 1.0, s)


# -- scikit-criteria pipelines (the reference, and the path for methods only scikit-criteria provides) ---------


def _pipeline(method_id: str, p: Problem, params: Mapping[str, float]) -> tuple[list, Callable]:
    """The scikit-criteria steps for ``method_id`` on ``p``, and how to read the score from the result."""
    legacy = _definitions.get() == "1"
    from skcriteria.agg import moora, simple, topsis, vikor, waspas
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
        v = params["v"]
        return [weights_sum, vikor.VIKOR(v=v, use_compromise_set=False)], lambda r: np.asarray(
            r.e_.q_k, dtype=float
        )
    if method_id == "moora":
        steps = [scalers.VectorScaler(target="matrix")] if p.bare else []
        return [*steps, weights_sum, moora.RatioMOORA()], score
    if method_id == "electre1" and legacy:
        from skcriteria.agg import electre

        e = electre.ELECTRE1(p=params["p"], q=params["q"])
        return [weights_sum, e], lambda r: np.asarray(r.kernel_, dtype=float)
    if method_id == "waspas":
        # Zavadskas et al. (2012): benefit x/max, cost min/x — that is 1/x, then divided by its maximum
        scale = scalers.SumScaler(target="matrix") if legacy else scalers.MaxAbsScaler(target="matrix")
        steps = [inv.InvertMinimize(), scale] if p.bare else []
        return [*steps, weights_sum, waspas.WASPAS(lambda_value=params["lambda"])], score
    raise InputError(gettext("{method_id} has no scikit-criteria pipeline here").format(method_id=method_id))


def _method_matrix(p: Problem, method_id: str) -> np.ndarray:
    """The matrix a method's pipeline starts from. Bare: each criterion divided by its largest absolute value
    where that changes nothing but the size of the numbers (all but WPM). On value scales: WPM and WASPAS floor
    values at ``WPM_FLOOR``; MOORA keeps its own vector normalisation (without it MOORA on values is the
    weighted sum; a column of zeros cannot discriminate and stays 0 instead of dividing by zero)."""
    matrix = p.matrix
    if p.bare:
        if method_id == "wpm" or (method_id == "electre1" and _definitions.get() == "1"):
            return matrix  # WPM's score changes with the unit; the old ELECTRE I depended on it
        return matrix / column_scale(matrix)
    if method_id in ("wpm", "waspas"):
        return np.maximum(matrix, WPM_FLOOR)
    if method_id == "moora":
        norm = np.linalg.norm(matrix, axis=0)
        return matrix / np.where(norm == 0, 1.0, norm)
    return matrix


def decision(
    p: Problem, method_id: str, params: Mapping[str, float] | None = None
) -> tuple[Any, Any, Callable]:
    """The scikit-criteria decision matrix, pipeline and score reader for ``method_id`` on ``p`` (alternatives
    and criteria named by their ids): the reference the engine is tested against, and what the rank-reversal
    checks perturb. ``params`` default to the evaluation's own."""
    import skcriteria as skc
    from skcriteria.pipelines import mkpipe

    resolved = resolve_params(method_id, p.params if params is None else params)
    dm = skc.mkdm(
        _method_matrix(p, method_id),
        objectives=list(p.objectives),
        weights=list(p.weights),
        alternatives=list(p.alternatives),
        criteria=list(p.criteria),
    )
    steps, read_score = _pipeline(method_id, p, resolved)
    return dm, mkpipe(*steps), read_score


# The score of a method that cannot tell alternatives apart (one alternative; for TOPSIS also all identical).
_NO_CONTRAST_SCORE = {"topsis": 0.0, "vikor": 0.0, "electre1": 1.0}


def _reference_scores(p: Problem, method_id: str, params: Mapping[str, float]) -> np.ndarray:
    n = len(p.alternatives)
    if n == 1 and method_id in _NO_CONTRAST_SCORE:
        return np.full(1, _NO_CONTRAST_SCORE[method_id])  # scikit-criteria divides 0 by 0 here
    if method_id == "topsis" and np.all((p.matrix == p.matrix[0]) | (p.weights == 0)):
        return np.zeros(
            n
        )  # every alternative is the ideal and the anti-ideal at once: closeness 0/0; all tie
    dm, pipeline, read_score = decision(p, method_id, params)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = pipeline.evaluate(dm)
        except (ValueError, FloatingPointError, ZeroDivisionError) as exc:  # e.g. values near float overflow
            raise InputError(
                gettext("{method_id} cannot rank these numbers ({split}); {EXTREME}").format(
                    method_id=method_id, split=" ".join(str(exc).split()), EXTREME=_EXTREME
                )
            ) from None
    return np.asarray(read_score(result), dtype=float).reshape(-1)  # one alternative: 0-d otherwise


# Under definitions "1" these rank as 0.1.x ranked them, through scikit-criteria: ELECTRE I's and WASPAS's
# definitions changed since, and MOORA ranked there then (its scores agree; its ranks are then bit for bit).
_LEGACY = ("electre1", "waspas", "moora")


def _engine_scores(p: Problem, m: Method, params: Mapping[str, float]) -> np.ndarray:
    if m.engine == "outranking":
        from ..outranking import electre1_kernel

        return electre1_kernel(p, params["p"], params["q"]).astype(float)
    from . import fast as fastengine

    with np.errstate(all="ignore"):
        return fastengine.scores(p, p.weights, m.id, params=params)[0]


def rank(
    p: Problem, method_id: str = "wsm", params: Mapping[str, float] | None = None, engine: str = "auto"
) -> Ranking:
    """Rank the included alternatives of ``p`` with ``method_id``.

    ``params`` (VIKOR's ``v``, ELECTRE's ``p``/``q``, WASPAS's ``lambda``) default to the evaluation's own.
    ``engine="scikit-criteria"`` runs the scikit-criteria pipeline even where the NumPy engine covers the
    method (the tests' reference); ``"auto"`` takes the method's own engine.
    """
    m = method(method_id)
    resolved = resolve_params(method_id, p.params if params is None else params)
    n = len(p.alternatives)
    if n == 0:
        return Ranking(method_id, (), (), np.zeros(0, dtype=np.int64), np.zeros(0), p)
    check_problem(p, method_id)
    legacy = _definitions.get() == "1"  # ELECTRE I and WASPAS were scikit-criteria's (see DEFINITIONS)
    if engine == "scikit-criteria" or m.engine == "scikit-criteria" or (legacy and method_id in _LEGACY):
        scores = _reference_scores(p, method_id, resolved)
    elif engine == "auto":
        scores = _engine_scores(p, m, resolved)
    else:
        raise ValueError(f"unknown engine {engine!r}")
    if not np.all(np.isfinite(scores)):
        raise InputError(
            gettext("{method_id} gives no finite score for these numbers; {EXTREME}").format(
                method_id=method_id, EXTREME=_EXTREME
            )
        )
    if method_id == "electre1":
        ranks = np.where(scores > 0, 1, 2).astype(np.int64)
    else:
        # Not scikit-criteria's rank_: it ranks exact floats, so a true tie (0.3·0.75 + 0.5 + 0.075 against
        # 0.3 + 0.375 + 0.025 + 0.1) split by 1e-16 of summation noise would show a false winner.
        ranks = method_ranks(scores, method_id)[0]
    return Ranking(method_id, p.alternatives, p.names, ranks, scores, p)
