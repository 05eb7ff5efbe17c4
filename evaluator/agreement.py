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
from .formats import num
from .i18n import gettext, ngettext
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
        if not self.alternatives:
            return gettext("There is nothing to compare.", lang)
        names = {m: METHODS[m].title(lang) for m in self.methods}
        groups: dict[str, list[str]] = {}
        for m, first in self.firsts().items():
            groups.setdefault(_join(first, lang), []).append(names[m])
        if len(groups) == 1:
            (who,) = groups
            out = gettext("All {n_methods} methods put {who} first.", lang).format(
                n_methods=len(self.methods), who=who
            )
        else:
            parts = [
                ngettext("{methods} puts {who} first", "{methods} put {who} first", len(ms), lang).format(
                    methods=_join(ms, lang), who=who
                )
                for who, ms in groups.items()
            ]
            head = gettext("The methods disagree on first place: ", lang)
            out = head + "; ".join(parts) + "."
        k = len(self.methods)
        if k > 1 and len(self.alternatives) > 1:
            iu = np.triu_indices(k, 1)
            c = self.correlation[iu]
            if np.all(np.isfinite(c)):
                a, b = iu[0][int(np.argmin(c))], iu[1][int(np.argmin(c))]
                tau = (
                    gettext("Kendall's τ", lang)
                    if self.correlation_kind == "kendall"
                    else gettext("Spearman's ρ", lang)
                )
                out += " " + gettext(
                    "The rankings differ most between {first} and {second} ({coefficient} {value}; 1 is identical).",
                    lang,
                ).format(
                    first=names[self.methods[a]], second=names[self.methods[b]], coefficient=tau,
                    value=num(float(c.min()), lang, 2),
                )  # fmt: skip
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
    p = build_problem(ev)
    params = ev.method_params  # names are per method (v, p, q, lambda): they apply whichever is asked
    n = len(p.alternatives)
    name = dict(zip(p.alternatives, p.names, strict=True))
    mname = METHODS[method].title(lang)
    if n < 3:
        return [gettext("With {n} alternative(s) there is no rank reversal to check.", lang).format(n=n)]
    reference = rank(p, method, params)
    top = p.alternatives[reference.order()[0]]
    dm, maker, _ = decision(p, method, params)
    out = [_invariance(dm, maker, p, top, name, mname, repeat, seed, lang)]
    out += _transitivity(dm, maker, name, mname, lang)
    out.append(_leave_one_out(p, method, params, reference.ranks, name, lang))
    return out


def _invariance(
    dm, maker, p: Problem, top: str, name: dict, mname: str, repeat: int, seed: int, lang: str
) -> str:  # noqa: ANN001
    from skcriteria.ranksrev import RankInvariantChecker

    checker = RankInvariantChecker(maker, repeat=repeat, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        stuck = _cannot_worsen(dm, maker, checker)
        if stuck:
            # scikit-criteria draws noise until one value is > 0: with a zero bound it would loop for ever
            who = _join([name.get(a, a) for a in stuck], lang)
            return gettext(
                "Making a lower-ranked alternative slightly worse ({mname}): not testable, because "
                "{who} cannot be made worse without passing the next alternative (identical scores).",
                lang,
            ).format(mname=mname, who=who)
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
    head = ngettext(
        "Making a lower-ranked alternative slightly worse ({trials} trial, {method}): ",
        "Making a lower-ranked alternative slightly worse ({trials} trials, {method}): ",
        trials,
        lang,
    ).format(trials=trials, method=mname)
    if not lost:
        s = head + gettext("{first} stayed first every time", lang).format(first=name[top])
    else:
        n_lost = sum(lost.values())
        s = head + ngettext(
            "{first} lost first place in {n} trial (when {who} was made worse)",
            "{first} lost first place in {n} trials (when {who} was made worse)",
            n_lost,
            lang,
        ).format(first=name[top], n=n_lost, who=_join([name[a] for a in lost], lang))
    if not reordered:
        s += gettext(" and the order of the other alternatives stayed the same.", lang)
    else:
        s += ngettext(
            "; the order of the other alternatives changed in {n} trial.",
            "; the order of the other alternatives changed in {n} trials.",
            reordered,
            lang,
        ).format(n=reordered)
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


def _transitivity(dm, maker, name: dict, mname: str, lang: str) -> list[str]:  # noqa: ANN001
    from skcriteria.ranksrev import RankTransitivityChecker

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            res = RankTransitivityChecker(maker).evaluate(dm)
        except (ValueError, FloatingPointError, ZeroDivisionError):
            # e.g. scikit-criteria's TOPSIS on a pair of identical alternatives: 0/0, "not a ranking"
            return [
                gettext(
                    "Comparing every pair of alternatives on its own ({mname}): not testable, because "
                    "{mname} cannot rank a pair of identical alternatives.",
                    lang,
                ).format(mname=mname)
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
            gettext(
                "Comparing every pair of alternatives on its own: the results are consistent "
                "(no cycles such as A > B > C > A).",
                lang,
            )
        )
    else:
        c = [*cycles[0], cycles[0][0]]
        example = name.get(c[0], c[0]) + "".join(
            (" = " if frozenset((a, b)) in tied else " > ") + name.get(b, b)
            for a, b in zip(c, c[1:], strict=False)
        )
        what = ngettext("{n} cycle", "{n} cycles", len(cycles), lang).format(n=len(cycles))
        out.append(
            gettext(
                "Comparing every pair of alternatives on its own: {what} found, e.g. {example}.", lang
            ).format(what=what, example=example)
        )
    if bool(extra["test_criterion_3"]):
        out.append(gettext("The ranking rebuilt from the pairs is the same.", lang))
        return out
    named = list(res.named_ranks.values())
    swap = _first_swap(named[0], named[1]) if len(named) > 1 else None
    s = gettext("The ranking rebuilt from the pairs differs from {method}'s", lang).format(method=mname)
    if swap:
        s += gettext(" (e.g. {first} against {second})", lang).format(
            first=name.get(swap[0], swap[0]), second=name.get(swap[1], swap[1])
        )
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
    p: Problem, method_id: str, params: Mapping[str, float], ref: np.ndarray, name: dict, lang: str
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
        return gettext(
            "Leaving out one alternative at a time ({n} trials): the order of the rest never changed.", lang
        ).format(n=n)
    who = _join([name[a] for a in changed], lang)
    return gettext(
        "Leaving out one alternative at a time ({n} trials): without {who} the order of "
        "the rest changes (rank reversal).",
        lang,
    ).format(n=n, who=who)
