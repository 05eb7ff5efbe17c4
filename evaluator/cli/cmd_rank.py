"""afweging rank FILE [--method M] [--format table|json|csv|xlsx] [--out RESULTS.xlsx|RESULTS.csv] [--lang nl|en]

With ``--out`` the results go to a file for a spreadsheet (:mod:`evaluator.io.results`): XLSX holds the ranking
under every method, the value matrix, the weights and the robustness tables as sheets; CSV holds the ranking
under every method, in the language's convention (Dutch: ``;`` and decimal comma) with a UTF-8 BOM.
"""

from __future__ import annotations

import argparse

from ..i18n import N_, gettext

HELP = N_("rank the alternatives of an evaluation or a decision matrix")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", metavar="FILE", help=gettext(".afweging, .json, .toml, .dmsy/.yaml, .csv or .xlsx")
    )
    p.add_argument(
        "--method", metavar="M", help=gettext("ranking method (see: afweging methods); default: the file's")
    )
    p.add_argument(
        "--format",
        choices=("table", "json", "csv", "xlsx"),
        help=gettext(
            "default: table, or the --out file's type; csv follows --lang (nl: ';' and decimal comma)"
        ),
    )
    p.add_argument(
        "--out",
        metavar="RESULTS",
        help=gettext(
            "write the results for a spreadsheet: .xlsx (every table as a sheet) or .csv (the ranking "
            "under every method)"
        ),
    )
    p.add_argument("--force", action="store_true", help=gettext("replace the --out file if it exists"))
    p.add_argument(
        "--lang", choices=("nl", "en"), default=None, help=gettext("language of reasons, names and headers")
    )


def run(args: argparse.Namespace) -> int:
    import csv
    import sys

    from ..errors import InputError
    from ..methods import method, rank
    from ..problem import build_problem
    from .common import load, print_json, print_table

    if args.out is not None or args.format == "xlsx":
        return _export(args)
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
        from ..io.results import csv_convention
        from ..io.table import csv_text  # a name is text, never a formula

        sep, decimal = csv_convention(args.lang)
        w = csv.writer(sys.stdout, delimiter=sep, lineterminator="\n")
        w.writerow([gettext(word, args.lang) for word in (N_("name"), N_("rank"), N_("score"))])
        for a in ranking.to_data()["alternatives"]:
            w.writerow([csv_text(a["name"]), a["rank"], repr(a["score"]).replace(".", decimal)])
    else:
        print(f"{meth.title(args.lang)} — score: {meth.score_meaning(args.lang)}")
        rows = [(int(ranking.ranks[i]), ranking.names[i], float(ranking.scores[i])) for i in ranking.order()]
        print_table([gettext("rank"), gettext("alternative"), gettext("score")], rows, "rlr")
        if excluded:
            print(gettext("\nExcluded from the ranking:", args.lang))
            for x in excluded:
                print(f"  {x['name']}: " + "; ".join(x["reasons"]))
    return 0


def _export(args: argparse.Namespace) -> int:
    """``--out RESULTS``: the results as an XLSX workbook or a CSV file, headers in ``--lang``."""
    import os
    import sys

    from ..errors import InputError
    from ..io.results import write_results
    from .common import load, refuse_overwrite

    if args.out is None:
        raise InputError(gettext("--format xlsx writes a file: add --out RESULTS.xlsx"))
    ext = os.path.splitext(args.out)[1].lower().lstrip(".")
    fmt = args.format or ext
    if fmt not in ("xlsx", "csv"):
        raise InputError(gettext("--out writes .xlsx or .csv (with --format xlsx or csv)"), args.out)
    if ext != fmt:
        raise InputError(gettext("does not end in .{fmt} (--format {fmt})").format(fmt=fmt), args.out)
    if os.path.abspath(args.out) == os.path.abspath(args.file):
        raise InputError(gettext("is the file being ranked; choose another output"), args.out)
    ev = load(args.file)
    refuse_overwrite(args.out, args.force)
    try:
        notes = write_results(ev, args.out, args.lang, args.method)
    except InputError as exc:
        raise exc.at(args.file) from None
    except OSError as exc:
        raise InputError(
            gettext("cannot be written ({value})").format(value=exc.strerror or exc), args.out
        ) from None
    for note in notes:
        print("afweging: " + gettext("note: {note}").format(note=note), file=sys.stderr)
    print(args.out)
    return 0
