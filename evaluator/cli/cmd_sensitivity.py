"""afweging sensitivity FILE [--method M] [--weights uniform|around] [--spread S] [--scores fixed|ranges]
[--samples N] [--seed S] [--format table|json]

Kept light on purpose: it imports numpy and the vectorised engine only (no scikit-criteria, pandas or reportlab),
so that a run of 100 000 samples, process start included, takes about a second.
"""

from __future__ import annotations

import argparse
import math

HELP = "how sure is the ranking: rank acceptability (SMAA) and weight stability intervals"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help=".afweging, .json, .toml, .dmsy/.yaml, .csv or .xlsx")
    p.add_argument("--method", metavar="M", help="wsm, wpm, topsis or vikor; default: the file's method")
    p.add_argument(
        "--weights",
        choices=("uniform", "around"),
        default="uniform",
        help="uniform: any weighting is possible (no weight information); around: near the agreed weights",
    )
    p.add_argument(
        "--spread",
        metavar="S",
        default="0.2",
        help="with --weights around: relative spread of each weight (0.2 = about ±20 %%), or 'participants' "
        "for each criterion's spread among the workshop participants; default 0.2",
    )
    p.add_argument(
        "--scores",
        choices=("fixed", "ranges"),
        default="fixed",
        help="ranges: draw each score within its low–high range in every sample",
    )
    p.add_argument(
        "--samples", metavar="N", type=int, default=10_000, help="number of what-ifs; default 10000"
    )
    p.add_argument("--seed", metavar="S", type=int, default=0, help="random seed (same seed, same result)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("nl", "en"), default="en", help="language of the verdict and reasons")


def _data(ev, acc, stability, verdict: str, lang: str) -> dict:  # noqa: ANN001 - types live in evaluator
    def num(x: float) -> float | None:
        return float(x) if math.isfinite(x) else None

    alternatives = []
    for i, name in enumerate(acc.names):
        cw = acc.central_weights[i]
        alternatives.append(
            {
                "name": name,
                "rank_acceptability": [float(x) for x in acc.acceptability[i]],
                "central_weights": [num(x) for x in cw] if all(math.isfinite(x) for x in cw) else None,
            }
        )
    data = {
        "method": acc.method,
        "samples": acc.samples,
        "seed": acc.seed,
        "weights": acc.weights_mode,
        "spread": (acc.spread if isinstance(acc.spread, float) else dict(acc.spread))
        if acc.weights_mode == "around"
        else None,
        "scores": acc.scores_mode,
        "ranged_scores": acc.ranged_cells,
        "criteria": list(acc.criteria),
        "alternatives": alternatives,
        "stability": [
            {"criterion": s.criterion, "weight": s.weight, "low": s.low, "high": s.high} for s in stability
        ],
        "verdict": verdict,
    }
    return data


def _excluded(ev, lang: str) -> list[dict]:  # noqa: ANN001
    from ..problem import exclusions

    out: dict[str, list[str]] = {}
    for e in exclusions(ev):
        out.setdefault(e.alternative, []).append(e.describe(ev, lang))
    return [{"name": ev.alternative(a).name, "reasons": r} for a, r in out.items()]


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..fastengine import FAST_METHODS
    from ..model import text
    from ..sensitivity import acceptability, participants_spread, stability_intervals, verdict
    from .common import load, print_json, print_table

    if args.spread != "participants":
        try:
            spread = float(args.spread)
        except ValueError:
            raise InputError(f"--spread must be a number or 'participants', not {args.spread!r}") from None
        if not math.isfinite(spread) or spread < 0:
            raise InputError(f"--spread must be a number of 0 or more, not {args.spread}")
    if args.samples < 1:
        raise InputError(f"--samples must be at least 1, not {args.samples}")
    if args.seed < 0:
        raise InputError(f"--seed must be 0 or more, not {args.seed}")
    ev = load(args.file)
    method_id = args.method or ev.method
    if method_id not in FAST_METHODS:
        where = "--method" if args.method else "the file's method"
        raise InputError(
            f"{where} is {method_id!r}; sensitivity analysis runs {', '.join(FAST_METHODS)} "
            "(choose one with --method)",
            args.file,
        )
    if args.spread == "participants":
        spread = participants_spread(ev)
        if spread is None:
            raise InputError("--spread participants needs weights from at least two participants", args.file)
    try:
        acc = acceptability(ev, method_id, args.weights, spread, args.scores, args.samples, args.seed)
        stability = stability_intervals(ev, method_id)
    except InputError as exc:
        raise exc.at(args.file) from None
    line = verdict(ev, acc, stability, args.lang)
    excluded = _excluded(ev, args.lang)
    if args.format == "json":
        data = _data(ev, acc, stability, line, args.lang)
        if excluded:
            data["excluded"] = excluded
        print_json(data)
        return 0

    en = args.lang == "en"
    mode = {
        "uniform": "any weighting (uniform on the simplex)" if en else "elke weging (uniform op de simplex)",
        "around": (f"around the agreed weights, spread {args.spread}" if en
                   else f"rond de afgesproken gewichten, spreiding {args.spread}"),
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
            [s.criterion, text(ev.criterion(s.criterion).name, args.lang), f"{100 * s.weight:.1f} %",
             f"{100 * s.low:.1f} %", f"{100 * s.high:.1f} %"]
            for s in stability
        ]  # fmt: skip
        print_table(["criterion", "name", "weight", "low", "high"], rows, "llrrr")
        print()
    print(line)
    if excluded:
        print("\nExcluded from the analysis:" if en else "\nNiet meegenomen in de analyse:")
        for x in excluded:
            print(f"  {x['name']}: " + "; ".join(x["reasons"]))
    return 0
