"""afweging rank FILE [--method M] [--format table|json|csv]"""

from __future__ import annotations

import argparse

HELP = "rank the alternatives of an evaluation or a decision matrix"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help=".afweging, .json, .toml, .dmsy/.yaml, .csv or .xlsx")
    p.add_argument(
        "--method", metavar="M", help="ranking method (see: afweging methods); default: the file's"
    )
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--lang", choices=("nl", "en"), default="en", help="language of reasons and names")


def run(args: argparse.Namespace) -> int:
    import csv
    import sys

    from ..errors import InputError
    from ..methods import method, rank
    from ..problem import build_problem
    from .common import load, print_json, print_table

    ev = load(args.file)
    method_id = args.method or ev.method
    meth = method(method_id)
    try:
        problem = build_problem(ev)
        ranking = rank(problem, method_id, ev.method_params)
    except InputError as exc:
        raise exc.at(args.file) from None
    excluded = [
        {"name": ev.alternative(a).name, "reasons": [e.describe(ev, args.lang) for e in exs]}
        for a, exs in problem.excluded.items()
    ]
    if args.format == "json":
        data = ranking.to_data()
        if excluded:
            data["excluded"] = excluded
        print_json(data)
    elif args.format == "csv":
        from ..io.table import csv_text  # a name is text, never a formula

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["name", "rank", "score"])
        for a in ranking.to_data()["alternatives"]:
            w.writerow([csv_text(a["name"]), a["rank"], repr(a["score"])])
    else:
        print(f"{meth.title(args.lang)} — score: {meth.score[args.lang]}")
        rows = [(int(ranking.ranks[i]), ranking.names[i], float(ranking.scores[i])) for i in ranking.order()]
        print_table(["rank", "alternative", "score"], rows, "rlr")
        if excluded:
            print("\nExcluded from the ranking:" if args.lang == "en" else "\nUitgesloten van de rangorde:")
            for x in excluded:
                print(f"  {x['name']}: " + "; ".join(x["reasons"]))
    return 0
