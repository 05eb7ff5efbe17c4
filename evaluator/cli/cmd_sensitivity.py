"""afweging sensitivity FILE [--method M] [--weights uniform|around] [--spread S] [--scores fixed|ranges]
[--samples N] [--seed S] [--format table|json]

Kept light on purpose: it imports numpy and the vectorised engine only (no scikit-criteria, pandas or reportlab),
so that a run of 100 000 samples, process start included, takes about a second.
"""

from __future__ import annotations

import argparse

from ..formats import num
from ..i18n import N_, gettext, ngettext
from ..text import percent

HELP = N_("how sure is the ranking: rank acceptability (SMAA) and weight stability intervals")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", metavar="FILE", help=gettext(".afweging, .json, .toml, .dmsy/.yaml, .csv or .xlsx")
    )
    p.add_argument(
        "--method",
        metavar="M",
        help=gettext("wsm, wpm, topsis or vikor; default: the file's robustness method"),
    )
    p.add_argument(
        "--weights",
        choices=("uniform", "around"),
        help=gettext(
            "uniform: any weighting is possible (no weight information); around: near the agreed weights; "
            "default: the file's robustness setting"
        ),
    )
    p.add_argument(
        "--spread",
        metavar="S",
        help=gettext(
            "with --weights around: relative spread of each weight (0.2 = about ±20 %%), or 'participants' "
            "for each criterion's spread among the workshop participants; default: the file's setting"
        ),
    )
    p.add_argument(
        "--scores",
        choices=("fixed", "ranges"),
        help=gettext(
            "ranges: draw each score within its low–high range in every sample; default: the file's setting"
        ),
    )
    p.add_argument(
        "--samples", metavar="N", type=int, help=gettext("number of what-ifs; default: the file's setting")
    )
    p.add_argument(
        "--seed",
        metavar="S",
        type=int,
        help=gettext("random seed (same seed, same result); default: the file's"),
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument(
        "--lang", choices=("nl", "en"), default=None, help=gettext("language of the verdict and reasons")
    )


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..model import text
    from ..problem import exclusions
    from ..robustness import resolve, run, scores_drawn, to_data, weights_drawn
    from ..sensitivity import display_order
    from ..settings import SPREAD_PARTICIPANTS
    from ..verdict import render
    from .common import load, print_json, print_table

    spread = args.spread
    if spread is not None and spread != SPREAD_PARTICIPANTS:
        try:
            spread = float(spread.replace(",", "."))
        except ValueError:
            raise InputError(
                gettext("--spread must be a number or 'participants', not {spread!r}").format(
                    spread=args.spread
                )
            ) from None
    ev = load(args.file)
    try:
        s = resolve(ev, method=args.method, weights=args.weights, spread=spread, scores=args.scores,
                    samples=args.samples, seed=args.seed)  # fmt: skip
        result = run(ev, s)
    except InputError as exc:
        raise exc.at(args.file) from None
    data = to_data(ev, result)
    if args.format == "json":
        print_json(data)
        return 0

    acc, stability = result.acceptability, result.stability
    mode, scores = weights_drawn(data, args.lang), scores_drawn(data, args.lang)
    print(
        ngettext("{method} — {n} sample, seed {seed}; {mode}; {scores}",
                 "{method} — {n} samples, seed {seed}; {mode}; {scores}", acc.samples)
        .format(method=acc.method, n=num(acc.samples, None, 0), seed=acc.seed, mode=mode, scores=scores)
    )  # fmt: skip
    n = len(acc.alternatives)
    if n:
        shown = min(n, 6)
        head = [gettext("alternative")] + [gettext("rank {n}").format(n=r) for r in range(1, shown + 1)]
        head += [gettext("mean rank")]
        order = display_order(acc.acceptability)
        rows = [
            [acc.names[i]]
            + [percent(acc.acceptability[i, r], None, 1) for r in range(shown)]
            + [num(acc.expected_rank[i], None, 2)]
            for i in order
        ]
        print()
        print_table(head, rows, "l" + "r" * (shown + 1))
        print()
        top = stability[0].top if stability else ""
        title = gettext("Weight stability ({name} stays first):", args.lang).format(
            name=ev.alternative(top).name
        )
        print(title)
        rows = [
            [st.criterion, text(ev.criterion(st.criterion).name, args.lang), percent(st.weight, None, 1),
             percent(st.low, None, 1), percent(st.high, None, 1)]
            for st in stability
        ]  # fmt: skip
        heads = [gettext("criterion"), gettext("name"), gettext("weight"), gettext("low"), gettext("high")]
        print_table(heads, rows, "llrrr")
        print()
    print(render(ev, data["verdict"], args.lang))
    reasons: dict[str, list[str]] = {}
    for e in exclusions(ev):
        reasons.setdefault(e.alternative, []).append(e.describe(ev, args.lang))
    if reasons:
        print(gettext("\nExcluded from the analysis:", args.lang))
        for a, rs in reasons.items():
            print(f"  {ev.alternative(a).name}: " + "; ".join(rs))
    return 0
