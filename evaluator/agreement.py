"""Do the methods agree, and does the ranking reverse when it should not? Findings in plain words (nl, en).

:func:`method_agreement` ranks with several methods (scikit-criteria pipelines, :func:`evaluator.methods.rank`)
and compares the rankings with scikit-criteria's ``RanksComparator`` (Kendall's τ by default).

:func:`rank_reversal` runs three rank-reversal checks and reports each in a sentence:

1. scikit-criteria's ``RankInvariantChecker`` (Wang & Triantaphyllou's test 1): each lower-ranked alternative is
   made a little worse, several times; the best alternative should stay first and the others keep their order.
2. scikit-criteria's ``RankTransitivityChecker`` (tests 2 and 3): every pair ranked on its own should give
   transitive results (no A > B > C > A), and the ranking rebuilt from the pairs should be the original one.
3. Leaving one alternative out at a time, the order of the others should not change.

scikit-criteria (≈ 2–3 s to import) is imported inside the functions only.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from .errors import InputError
from .i18n import gettext
from .methods import METHODS, decision, method, rank
from .model import Evaluation
from .problem import Problem, build_problem

DEFAULT_METHODS = ("wsm", "wpm", "topsis", "vikor")
REVERSAL_METHODS = ("wsm", "wpm", "topsis", "vikor", "moora", "waspas")


@dataclass(frozen=True)
class MethodAgreement:
    """The rankings of several methods side by side (included alternatives, input order)."""

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
        }

    def summary(self, lang: str = "nl") -> str:
        """One or two sentences: do the methods agree on first place, and how alike are the rankings?"""
        nl = lang == "nl"
        if not self.alternatives:
            return "Er valt niets te vergelijken." if nl else "There is nothing to compare."
        names = {m: METHODS[m].title(lang) for m in self.methods}
        groups: dict[str, list[str]] = {}
        for m, first in self.firsts().items():
            groups.setdefault(_join(first, lang), []).append(names[m])
        if len(groups) == 1:
            (who,) = groups
            out = (
                f"Alle {len(self.methods)} methoden zetten {who} op de eerste plaats."
                if nl
                else f"All {len(self.methods)} methods put {who} first."
            )
        else:
            parts = [f"{_join(ms, lang)} {'zet' if nl and len(ms) == 1 else 'zetten' if nl else 'puts' if len(ms) == 1 else 'put'} {who} eerst"
                     if nl else
                     f"{_join(ms, lang)} {'puts' if len(ms) == 1 else 'put'} {who} first"
                     for who, ms in groups.items()]  # fmt: skip
            head = (
                "De methoden verschillen over de eerste plaats: "
                if nl
                else "The methods disagree on first place: "
            )
            out = head + "; ".join(parts) + "."
        k = len(self.methods)
        if k > 1 and len(self.alternatives) > 1:
            iu = np.triu_indices(k, 1)
            c = self.correlation[iu]
            if np.all(np.isfinite(c)):
                a, b = iu[0][int(np.argmin(c))], iu[1][int(np.argmin(c))]
                lo = f"{c.min():.2f}".replace(".", ",") if nl else f"{c.min():.2f}"
                tau = "Kendalls τ" if self.correlation_kind == "kendall" else "Spearmans ρ"
                out += (
                    f" De rangordes lijken het minst op elkaar bij {names[self.methods[a]]} en "
                    f"{names[self.methods[b]]} ({tau} {lo}; 1 is gelijk)."
                    if nl
                    else f" The rankings differ most between {names[self.methods[a]]} and "
                    f"{names[self.methods[b]]} ({tau.replace('s ', chr(39) + 's ')} {lo}; 1 is identical)."
                )
        return out


def _join(items: Sequence[str], lang: str) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    last = gettext(" and ", lang)
    return ", ".join(items[:-1]) + last + items[-1]


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


def rank_reversal(
    ev: Evaluation, method: str = "wsm", lang: str = "nl", repeat: int = 5, seed: int = 0
) -> list[str]:
    """Rank-reversal checks for ``method``, one plain sentence per finding (see the module docstring)."""
    if method not in REVERSAL_METHODS:
        raise InputError(
            gettext("rank reversal checks run for {REVERSAL_METHODS}; not {method!r}").format(
                REVERSAL_METHODS=", ".join(REVERSAL_METHODS), method=method
            ),
            place="method",
        )
    nl = lang == "nl"
    p = build_problem(ev)
    params = ev.method_params  # names are per method (v, p, q, lambda): they apply whichever is asked
    n = len(p.alternatives)
    name = dict(zip(p.alternatives, p.names, strict=True))
    mname = METHODS[method].title(lang)
    if n < 3:
        return [
            f"Met {n} alternatief/alternatieven valt er geen rangomkering te toetsen."
            if nl
            else f"With {n} alternative(s) there is no rank reversal to check."
        ]
    reference = rank(p, method, params)
    top = p.alternatives[reference.order()[0]]
    dm, maker, _ = decision(p, method, params)
    out = [_invariance(dm, maker, p, top, name, mname, repeat, seed, nl)]
    out += _transitivity(dm, maker, name, mname, nl)
    out.append(_leave_one_out(p, method, params, reference.ranks, name, nl))
    return out


def _invariance(
    dm, maker, p: Problem, top: str, name: dict, mname: str, repeat: int, seed: int, nl: bool
) -> str:  # noqa: ANN001
    from skcriteria.ranksrev import RankInvariantChecker

    checker = RankInvariantChecker(maker, repeat=repeat, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        stuck = _cannot_worsen(dm, maker, checker)
        if stuck:
            # scikit-criteria draws noise until one value is > 0: with a zero bound it would loop for ever
            who = _join([name.get(a, a) for a in stuck], "nl" if nl else "en")
            return (
                f"Een lager geplaatst alternatief iets slechter maken ({mname}): niet te toetsen, want {who} "
                "kan niet slechter worden zonder het volgende alternatief voorbij te gaan (gelijke scores)."
                if nl
                else f"Making a lower-ranked alternative slightly worse ({mname}): not testable, because {who} "
                "cannot be made worse without passing the next alternative (identical scores)."
            )
        cmp = checker.evaluate(dm)
    named = list(cmp.named_ranks.items())
    ref = named[0][1]
    ref_rank = dict(zip(ref.alternatives, ref.values, strict=True))
    lost: dict[str, int] = {}
    reordered = 0
    for _, r in named[1:]:
        rk = dict(zip(r.alternatives, r.values, strict=True))
        mutated = r.extra_["rank_inv_check"]["mutated"]
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
    if nl:
        head = f"Een lager geplaatst alternatief iets slechter maken ({trials} proeven, {mname}): "
        if not lost:
            s = head + f"{name[top]} bleef elke keer eerst"
        else:
            who = _join([name[a] for a in lost], "nl")
            s = (
                head
                + f"{name[top]} verloor de eerste plaats in {sum(lost.values())} proeven (als {who} slechter werd)"
            )
        s += (
            " en de volgorde van de andere alternatieven bleef gelijk."
            if not reordered
            else f"; de volgorde van de andere alternatieven veranderde in {reordered} proeven."
        )
        return s
    head = f"Making a lower-ranked alternative slightly worse ({trials} trials, {mname}): "
    if not lost:
        s = head + f"{name[top]} stayed first every time"
    else:
        who = _join([name[a] for a in lost], "en")
        s = head + f"{name[top]} lost first place in {sum(lost.values())} trials (when {who} was made worse)"
    s += (
        " and the order of the other alternatives stayed the same."
        if not reordered
        else f"; the order of the other alternatives changed in {reordered} trials."
    )
    return s


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


def _transitivity(dm, maker, name: dict, mname: str, nl: bool) -> list[str]:  # noqa: ANN001
    from skcriteria.ranksrev import RankTransitivityChecker

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            res = RankTransitivityChecker(maker).evaluate(dm)
        except (ValueError, FloatingPointError, ZeroDivisionError):
            # e.g. scikit-criteria's TOPSIS on a pair of identical alternatives: 0/0, "not a ranking"
            return [
                f"Elk paar alternatieven apart vergeleken ({mname}): niet te toetsen, want {mname} kan een "
                "paar gelijke alternatieven niet rangschikken."
                if nl
                else f"Comparing every pair of alternatives on its own ({mname}): not testable, because {mname} "
                "cannot rank a pair of identical alternatives."
            ]
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
        out.append(
            "Elk paar alternatieven apart vergeleken: de uitkomsten zijn consistent (geen kringen zoals A > B > C > A)."
            if nl
            else "Comparing every pair of alternatives on its own: the results are consistent "
            "(no cycles such as A > B > C > A)."
        )
    else:
        c = [*cycles[0], cycles[0][0]]
        example = name.get(c[0], c[0]) + "".join(
            (" = " if frozenset((a, b)) in tied else " > ") + name.get(b, b)
            for a, b in zip(c, c[1:], strict=False)
        )
        what = (f"{len(cycles)} kring" if len(cycles) == 1 else f"{len(cycles)} kringen") if nl else (
            f"{len(cycles)} cycle" if len(cycles) == 1 else f"{len(cycles)} cycles")  # fmt: skip
        out.append(
            f"Elk paar alternatieven apart vergeleken: {what} gevonden, bijvoorbeeld {example}."
            if nl
            else f"Comparing every pair of alternatives on its own: {what} found, e.g. {example}."
        )
    if bool(extra["test_criterion_3"]):
        out.append(
            "De rangorde opnieuw opgebouwd uit de paren is dezelfde."
            if nl
            else "The ranking rebuilt from the pairs is the same."
        )
        return out
    named = list(res.named_ranks.values())
    swap = _first_swap(named[0], named[1]) if len(named) > 1 else None
    if nl:
        s = f"De rangorde opnieuw opgebouwd uit de paren wijkt af van die van {mname}"
        if swap:
            s += f" (bijvoorbeeld {name.get(swap[0], swap[0])} tegenover {name.get(swap[1], swap[1])})"
    else:
        s = f"The ranking rebuilt from the pairs differs from {mname}'s"
        if swap:
            s += f" (e.g. {name.get(swap[0], swap[0])} against {name.get(swap[1], swap[1])})"
    out.append(s + ".")
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


def _leave_one_out(
    p: Problem, method_id: str, params: Mapping[str, float], ref: np.ndarray, name: dict, nl: bool
) -> str:
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
        return (
            f"Steeds één alternatief weglaten ({n} proeven): de volgorde van de rest veranderde nooit."
            if nl
            else f"Leaving out one alternative at a time ({n} trials): the order of the rest never changed."
        )
    who = _join([name[a] for a in changed], "nl" if nl else "en")
    return (
        f"Steeds één alternatief weglaten ({n} proeven): zonder {who} verandert de volgorde van de rest "
        "(rangomkering)."
        if nl
        else f"Leaving out one alternative at a time ({n} trials): without {who} the order of the rest changes "
        "(rank reversal)."
    )
