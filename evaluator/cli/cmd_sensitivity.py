"""afweging sensitivity FILE [--method M] [--weights uniform|around] [--spread S] [--scores fixed|ranges]
[--samples N] [--seed S] [--format table|json]

Kept light on purpose: it imports numpy and the vectorised engine only (no scikit-criteria, pandas or reportlab),
so that a run of 100 000 samples, process start included, takes about a second.
"""

from __future__ import annotations

import argparse

from ..i18n import gettext

HELP = "how sure is the ranking: rank acceptability (SMAA) and weight stability intervals"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help=".afweging, .json, .toml, .dmsy/.yaml, .csv or .xlsx")
    p.add_argument(
        "--method", metavar="M", help="wsm, wpm, topsis or vikor; default: the file's robustness method"
    )
    p.add_argument(
        "--weights",
        choices=("uniform", "around"),
        help="uniform: any weighting is possible (no weight information); around: near the agreed weights; "
        "default: the file's robustness setting",
    )
    p.add_argument(
        "--spread",
        metavar="S",
        help="with --weights around: relative spread of each weight (0.2 = about ±20 %%), or 'participants' "
        "for each criterion's spread among the workshop participants; default: the file's setting",
    )
    p.add_argument(
        "--scores",
        choices=("fixed", "ranges"),
        help="ranges: draw each score within its low–high range in every sample; default: the file's setting",
    )
    p.add_argument("--samples", metavar="N", type=int, help="number of what-ifs; default: the file's setting")
    p.add_argument(
        "--seed", metavar="S", type=int, help="random seed (same seed, same result); default: the file's"
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("nl", "en"), default="en", help="language of the verdict and reasons")


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..model import text
    from ..problem import exclusions
    from ..robustness import resolve, run, to_data
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
    en = args.lang == "en"
    mode = {
        "uniform": "any weighting (uniform on the simplex)" if en else "elke weging (uniform op de simplex)",
        "around": (f"around the agreed weights, spread {s.spread}" if en
                   else f"rond de afgesproken gewichten, spreiding {s.spread}"),
    }[acc.weights_mode]  # fmt: skip
    scores = (
        ("scores drawn within their ranges" if en else "scores binnen hun marges") + f" ({acc.ranged_cells})"
        if acc.scores_mode == "ranges"
        else ("scores fixed" if en else "scores vast")
    )
    print(f"{acc.method} — {acc.samples} samples, seed {acc.seed}; {mode}; {scores}")
    n = len(acc.alternatives)
    if n:
        shown = min(n, 6)
        head = ["alternative"] + [f"rank {r}" for r in range(1, shown + 1)] + ["mean rank"]
        order = sorted(range(n), key=lambda i: (-acc.acceptability[i, 0], acc.expected_rank[i], i))
        rows = [
            [acc.names[i]]
            + [f"{100 * acc.acceptability[i, r]:.1f} %" for r in range(shown)]
            + [f"{acc.expected_rank[i]:.2f}"]
            for i in order
        ]
        print()
        print_table(head, rows, "l" + "r" * (shown + 1))
        print()
        top = stability[0].top if stability else ""
        title = (
            f"Weight stability ({ev.alternative(top).name} stays first):"
            if en
            else f"Gewichtsstabiliteit ({ev.alternative(top).name} blijft eerst):"
        )
        print(title)
        rows = [
            [st.criterion, text(ev.criterion(st.criterion).name, args.lang), f"{100 * st.weight:.1f} %",
             f"{100 * st.low:.1f} %", f"{100 * st.high:.1f} %"]
            for st in stability
        ]  # fmt: skip
        print_table(["criterion", "name", "weight", "low", "high"], rows, "llrrr")
        print()
    print(render(ev, data["verdict"], args.lang))
    reasons: dict[str, list[str]] = {}
    for e in exclusions(ev):
        reasons.setdefault(e.alternative, []).append(e.describe(ev, args.lang))
    if reasons:
        print("\nExcluded from the analysis:" if en else "\nNiet meegenomen in de analyse:")
        for a, rs in reasons.items():
            print(f"  {ev.alternative(a).name}: " + "; ".join(rs))
    return 0
