"""Do the methods agree, and does the ranking reverse when it should not? Findings as data (kinds, ids, numbers).

:func:`method_agreement` ranks with several methods (scikit-criteria pipelines, :func:`evaluator.methods.rank`)
and compares the rankings with scikit-criteria's ``RanksComparator`` (Kendall's τ by default).

:func:`rank_reversal` runs three rank-reversal checks and reports each as a :class:`~evaluator.findings.Finding`:

1. scikit-criteria's ``RankInvariantChecker`` (Wang & Triantaphyllou's test 1): each lower-ranked alternative is
   made a little worse, several times; the best alternative should stay first and the others keep their order.
2. scikit-criteria's ``RankTransitivityChecker`` (tests 2 and 3): every pair ranked on its own should give
   transitive results (no A > B > C > A), and the ranking rebuilt from the pairs should be the original one.
3. Leaving one alternative out at a time, the order of the others should not change.

Neither says anything in words: the GUI, ``afweging check --agreement`` and the memo render the findings from the
message catalogue (:func:`evaluator.text.render`), in the reader's language, with the evaluation's names.

scikit-criteria (≈ 2–3 s to import) is imported inside the functions only.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from .errors import InputError
from .findings import Finding
from .i18n import gettext
from .methods import decision, method, rank
from .model import Evaluation
from .problem import Problem, build_problem

DEFAULT_METHODS = ("wsm", "wpm", "topsis", "vikor")
REVERSAL_METHODS = ("wsm", "wpm", "topsis", "vikor", "moora", "waspas")
# every kind of finding this module makes (a test checks each has its sentences in the message catalogue)
KINDS = (
    "agreement.nothing",
    "agreement.same_first",
    "agreement.count_first",
    "agreement.split",
    "agreement.first",
    "agreement.first_many",
    "agreement.least_alike",
    "reversal.too_few",
    "reversal.worse_untestable",
    "reversal.worse",
    "reversal.pairs_untestable",
    "reversal.pairs_consistent",
    "reversal.pairs_cycle",
    "reversal.pairs_cycles",
    "reversal.rebuilt_same",
    "reversal.rebuilt_differs",
    "reversal.rebuilt_differs_pair",
    "reversal.leave_one_out",
    "reversal.leave_one_out_changed",
)
# catalogue entries the findings refer to in their parameters (``measure``, ``first``, ``order``)
PARTS = (
    "agreement.kendall",
    "agreement.spearman",
    "reversal.worse.kept",
    "reversal.worse.lost",
    "reversal.worse.same_order",
    "reversal.worse.reordered",
)


@dataclass(frozen=True)
class MethodAgreement:
    """The rankings of several methods side by side (included alternatives, input order).

    Its fields are what the memo's decision JSON stores under ``results.agreement`` (and ``verify`` recomputes):
    adding one would make every earlier memo differ from its recomputation, so findings are a method.
    """

    methods: tuple[str, ...]
    alternatives: tuple[str, ...]
    names: tuple[str, ...]
    ranks: np.ndarray  # (len(methods), n) dense ranks, 1 the best
    scores: np.ndarray  # (len(methods), n) each method's own figure
    correlation: np.ndarray  # (len(methods), len(methods)) rank correlation; NaN where undefined
    correlation_kind: str  # "kendall" or "spearman"
    excluded: tuple[str, ...]

    def firsts(self) -> dict[str, list[str]]:
        """Method id → names of the alternatives it puts first."""
        return {
            m: [self.names[i] for i in np.flatnonzero(self.ranks[k] == 1)] for k, m in enumerate(self.methods)
        }

    def findings(self) -> list[Finding]:
        """Do the methods agree on first place, and which two rankings are the least alike? See
        :func:`agreement_findings`."""
        return agreement_findings(self.methods, self.alternatives, self.ranks, self.correlation,
                                  self.correlation_kind)  # fmt: skip

    def to_data(self) -> dict:
        corr = [[None if np.isnan(x) else float(x) for x in row] for row in self.correlation]
        return {
            "methods": list(self.methods),
            "alternatives": [
                {
                    "name": name,
                    "ranks": {m: int(self.ranks[k, i]) for k, m in enumerate(self.methods)},
                    "scores": {m: float(self.scores[k, i]) for k, m in enumerate(self.methods)},
                }
                for i, name in enumerate(self.names)
            ],
            "correlation": {"kind": self.correlation_kind, "matrix": corr},
            "findings": [f.to_data() for f in self.findings()],
        }

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> MethodAgreement:
        """Back from the plain form the decision JSON stores (``results.agreement``: every field, arrays as
        lists, NaN as null), so the memo renders its findings from the very data it attaches."""
        k = len(data["methods"])
        n = len(data["alternatives"])
        corr = [[np.nan if x is None else float(x) for x in row] for row in data["correlation"]]
        return cls(
            tuple(data["methods"]),
            tuple(data["alternatives"]),
            tuple(data["names"]),
            np.asarray(data["ranks"], dtype=np.int64).reshape(k, n),
            np.asarray(data["scores"], dtype=float).reshape(k, n),
            np.asarray(corr, dtype=float).reshape(k, k),
            str(data["correlation_kind"]),
            tuple(data.get("excluded", ())),
        )


def agreement_findings(
    methods: Sequence[str],
    alternatives: Sequence[str],
    ranks: np.ndarray,
    correlation: np.ndarray,
    correlation_kind: str = "kendall",
) -> list[Finding]:
    """The agreement as findings: one ``agreement.same_first`` when every method puts the same alternatives first,
    else ``agreement.split`` and one ``agreement.first`` (``first_many``) per group of methods that agree
    (``value``: how many); then ``agreement.least_alike`` for the two least alike rankings (``value``: their correlation)."""
    methods = tuple(methods)
    if not len(alternatives):
        return [Finding("agreement.nothing")]
    groups: dict[tuple[str, ...], list[str]] = {}
    for k, m in enumerate(methods):
        first = tuple(alternatives[i] for i in np.flatnonzero(np.asarray(ranks[k]) == 1))
        groups.setdefault(first, []).append(m)
    if len(groups) == 1:
        (first,) = groups
        out = [Finding("agreement.same_first", alternatives=first, value=len(methods),
                       params={"methods": methods})]  # fmt: skip
    else:
        out = [Finding("agreement.split", "warning", value=len(groups), params={"methods": methods})]
        out += [
            Finding(
                "agreement.first" if len(ms) == 1 else "agreement.first_many",
                alternatives=first,
                value=len(ms),
                params={"methods": tuple(ms)},
            )  # fmt: skip
            for first, ms in groups.items()
        ]
    k = len(methods)
    if k > 1 and len(alternatives) > 1:
        iu = np.triu_indices(k, 1)
        c = np.asarray(correlation, dtype=float)[iu]
        if np.all(np.isfinite(c)):
            j = int(np.argmin(c))
            out.append(
                Finding(
                    "agreement.least_alike",
                    value=float(c[j]),
                    params={
                        "method": methods[iu[0][j]],
                        "method2": methods[iu[1][j]],
                        "measure": f"agreement.{correlation_kind}",
                    },
                )
            )
    return out


def first_place_count(winner: str, ranks: Mapping[str, Mapping[str, int]]) -> Finding:
    """How many of the methods put ``winner`` first (``value``; ``total``: how many methods), from each method's
    ranks (method id → alternative id → rank), as the memo's summary states it."""
    k = sum(1 for r in ranks.values() if r.get(winner) == 1)
    return Finding("agreement.count_first", alternatives=(winner,), value=k,
                   params={"total": len(ranks), "methods": tuple(ranks)})  # fmt: skip


def method_agreement(
    ev: Evaluation, methods: Sequence[str] = DEFAULT_METHODS, correlation: str = "kendall"
) -> MethodAgreement:
    """Rank with each of ``methods`` and compare the rankings (scikit-criteria's ``RanksComparator``)."""
    if not methods:
        raise InputError(gettext("method agreement needs at least one method"), place="methods")
    for m in methods:
        method(m)
    if correlation not in ("kendall", "spearman"):
        raise InputError(
            gettext("correlation must be kendall or spearman, not {correlation!r}").format(
                correlation=correlation
            ),
            place="correlation",
        )
    p = build_problem(ev)
    excluded = tuple(a.id for a in ev.alternatives if a.id not in set(p.alternatives))
    rankings = [rank(p, m, ev.method_params) for m in methods]
    n, k = len(p.alternatives), len(methods)
    ranks = np.array([r.ranks for r in rankings], dtype=np.int64).reshape(k, n)
    scores = np.array([r.scores for r in rankings], dtype=float).reshape(k, n)
    corr = np.full((k, k), np.nan)
    np.fill_diagonal(corr, 1.0)
    if n > 1:
        from skcriteria.agg import RankResult
        from skcriteria.cmp import mkrank_cmp

        results = [
            RankResult(method=m, alternatives=list(p.alternatives), values=ranks[j], extra={})
            for j, m in enumerate(methods)
        ]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corr = mkrank_cmp(*results).corr(method=correlation).to_numpy(dtype=float)
    return MethodAgreement(
        tuple(methods), p.alternatives, p.names, ranks, scores, corr, correlation, excluded
    )


# -- rank reversal --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RankReversal:
    """The rank-reversal findings for one method, in the order the checks ran."""

    method: str
    findings: tuple[Finding, ...]

    def to_data(self) -> dict[str, Any]:
        return {"method": self.method, "findings": [f.to_data() for f in self.findings]}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> RankReversal:
        return cls(str(data["method"]), tuple(Finding.from_data(f) for f in data["findings"]))


def rank_reversal(ev: Evaluation, method: str = "wsm", repeat: int = 5, seed: int = 0) -> RankReversal:
    """Rank-reversal checks for ``method``, one finding per check (see the module docstring)."""
    if method not in REVERSAL_METHODS:
        raise InputError(
            gettext("rank reversal checks run for {REVERSAL_METHODS}; not {method!r}").format(
                REVERSAL_METHODS=", ".join(REVERSAL_METHODS), method=method
            ),
            place="method",
        )
    p = build_problem(ev)
    params = ev.method_params  # names are per method (v, p, q, lambda): they apply whichever is asked
    n = len(p.alternatives)
    if n < 3:
        return RankReversal(method, (Finding("reversal.too_few", value=n, params={"method": method}),))
    reference = rank(p, method, params)
    top = p.alternatives[reference.order()[0]]
    dm, maker, _ = decision(p, method, params)
    out = [_invariance(dm, maker, p, top, method, repeat, seed)]
    out += _transitivity(dm, maker, method)
    out.append(_leave_one_out(p, method, params, reference.ranks))
    return RankReversal(method, tuple(out))


def _invariance(dm, maker, p: Problem, top: str, method_id: str, repeat: int, seed: int) -> Finding:  # noqa: ANN001
    from skcriteria.ranksrev import RankInvariantChecker

    checker = RankInvariantChecker(maker, repeat=repeat, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        stuck = _cannot_worsen(dm, maker, checker)
        if stuck:
            # scikit-criteria draws noise until one value is > 0: with a zero bound it would loop for ever
            return Finding("reversal.worse_untestable", alternatives=stuck, params={"method": method_id})
        cmp = checker.evaluate(dm)
    named = list(cmp.named_ranks.items())
    ref = named[0][1]
    ref_rank = dict(zip(ref.alternatives, ref.values, strict=True))
    lost: dict[str, int] = {}
    reordered = 0
    for _, r in named[1:]:
        rk = dict(zip(r.alternatives, r.values, strict=True))
        mutated = str(r.extra_["rank_inv_check"]["mutated"])
        if rk[top] != 1:
            lost[mutated] = lost.get(mutated, 0) + 1
        others = [a for a in p.alternatives if a != mutated]
        if any(
            np.sign(ref_rank[a] - ref_rank[b]) != np.sign(rk[a] - rk[b])
            for a in others
            for b in others
            if a < b
        ):
            reordered += 1
    trials = len(named) - 1
    return Finding(
        "reversal.worse",
        "warning" if lost or reordered else "info",
        alternatives=(top, *lost),
        value=trials,
        params={
            "method": method_id,
            "lost": sum(lost.values()),
            "reordered": reordered,
            "first": "reversal.worse.lost" if lost else "reversal.worse.kept",
            "order": "reversal.worse.reordered" if reordered else "reversal.worse.same_order",
        },
    )


def _cannot_worsen(dm, maker, checker) -> list[str]:  # noqa: ANN001 - scikit-criteria objects
    """The alternatives scikit-criteria's invariance check cannot make worse: the noise it may add (up to the
    gap to the next alternative, and never past 0) is 0 on every criterion, e.g. for identical alternatives."""
    from skcriteria.ranksrev.rank_invariant_check import maximum_abs_noises

    bounds = maximum_abs_noises(dm=dm, rank=maker.evaluate(dm), last_diff_strategy=checker.last_diff_strategy)
    values = dm.matrix.astype(float)
    out = []
    for (mutated, _), bound in bounds.iterrows():
        b = bound.clip(upper=values.loc[mutated].abs()).to_numpy(dtype=float)
        if not np.any(b > 0):
            out.append(str(mutated))
    return out


def _transitivity(dm, maker, method_id: str) -> list[Finding]:  # noqa: ANN001
    from skcriteria.ranksrev import RankTransitivityChecker

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            res = RankTransitivityChecker(maker).evaluate(dm)
        except (ValueError, FloatingPointError, ZeroDivisionError):
            # e.g. scikit-criteria's TOPSIS on a pair of identical alternatives: 0/0, "not a ranking"
            return [Finding("reversal.pairs_untestable", params={"method": method_id})]
    extra = res.extra_
    tied = set()
    for rr in extra.get("pairwise_comparisons", ()):
        pair = [str(a) for a in rr.alternatives]
        if len(pair) == 2 and rr.rank_[0] == rr.rank_[1]:
            tied.add(frozenset(pair))
    # scikit-criteria turns a tied pair into an arbitrary edge; a cycle made of ties only is no contradiction
    cycles = [c for c in (_cycle(c) for c in extra["transitivity_break"])
              if not all(frozenset(e) in tied for e in zip(c, [*c[1:], c[0]], strict=True))]  # fmt: skip
    out = []
    if not cycles:
        out.append(Finding("reversal.pairs_consistent", params={"method": method_id}))
    else:
        c = [*cycles[0], cycles[0][0]]
        chain = [c[0]]
        for a, b in zip(c, c[1:], strict=False):
            chain += ["=" if frozenset((a, b)) in tied else ">", b]
        out.append(
            Finding(
                "reversal.pairs_cycle" if len(cycles) == 1 else "reversal.pairs_cycles",
                "warning",
                alternatives=tuple(cycles[0]),
                value=len(cycles),
                params={"method": method_id, "chain": tuple(chain)},
            )
        )
    if bool(extra["test_criterion_3"]):
        out.append(Finding("reversal.rebuilt_same", params={"method": method_id}))
        return out
    named = list(res.named_ranks.values())
    swap = _first_swap(named[0], named[1]) if len(named) > 1 else None
    if swap:
        out.append(Finding("reversal.rebuilt_differs_pair", "warning", alternatives=swap,
                           params={"method": method_id}))  # fmt: skip
    else:
        out.append(Finding("reversal.rebuilt_differs", "warning", params={"method": method_id}))
    return out


def _cycle(item: object) -> list[str]:
    """The alternative ids of one cycle as scikit-criteria reports it (e.g. ``[">['a', 'b', 'c']>a"]``)."""
    raw = item[0] if isinstance(item, list | tuple) and len(item) == 1 else item
    if isinstance(raw, list | tuple):
        return [str(a) for a in raw]
    ids = re.findall(r"'([^']*)'", str(raw))
    return ids or [str(raw)]


def _first_swap(a, b) -> tuple[str, str] | None:  # noqa: ANN001 - scikit-criteria RankResults
    """The first pair of alternatives ordered differently by two rankings (a tie counts as different)."""
    ra = dict(zip(a.alternatives, a.values, strict=True))
    rb = dict(zip(b.alternatives, b.values, strict=True))
    alts = sorted(ra, key=lambda x: ra[x])
    for i, x in enumerate(alts):
        for y in alts[i + 1 :]:
            if x in rb and y in rb and np.sign(ra[x] - ra[y]) != np.sign(rb[x] - rb[y]):
                return str(x), str(y)
    return None


def _leave_one_out(p: Problem, method_id: str, params: Mapping[str, float], ref: np.ndarray) -> Finding:
    changed = []
    n = len(p.alternatives)
    for drop in range(n):
        keep = np.array([i != drop for i in range(n)])
        q = replace(
            p,
            alternatives=tuple(a for i, a in enumerate(p.alternatives) if keep[i]),
            names=tuple(a for i, a in enumerate(p.names) if keep[i]),
            matrix=p.matrix[keep],
        )
        r = rank(q, method_id, params).ranks
        before = ref[keep]
        if np.any(np.sign(before[:, None] - before[None, :]) != np.sign(r[:, None] - r[None, :])):
            changed.append(p.alternatives[drop])
    if not changed:
        return Finding("reversal.leave_one_out", value=n, params={"method": method_id})
    return Finding("reversal.leave_one_out_changed", "warning", alternatives=tuple(changed), value=n,
                   params={"method": method_id})  # fmt: skip
