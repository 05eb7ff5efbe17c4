"""afweging check FILE [--method M] [--agreement] [--format table|json] [--lang nl|en]

The model check: advice on the decision model (redundant criteria, weights without effect, dominated
alternatives, uncertain scores that decide first place, missing scores). Advice, never a block: the exit status
is 0 whatever it finds, 2 only when the file cannot be used. ``--agreement`` adds the method agreement and the
rank-reversal checks (:mod:`evaluator.agreement`), findings of the same form, as the Robustness page shows them.
"""

from __future__ import annotations

import argparse

from ..i18n import N_, gettext

HELP = N_(
    "the model check: redundant criteria, weights without effect, dominated alternatives, missing scores"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", metavar="FILE", help=gettext(".afweging, .json, .toml, .dmsy/.yaml, .csv or .xlsx")
    )
    p.add_argument(
        "--method",
        metavar="M",
        help=gettext("the method whose first place the uncertain-score check watches; default: the file's"),
    )
    p.add_argument(
        "--agreement",
        action="store_true",
        help=gettext(
            "also compare the methods' rankings and run the rank-reversal checks for the method "
            "(scikit-criteria: a few seconds)"
        ),
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("nl", "en"), default=None, help=gettext("language of the findings"))


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..methods import method
    from ..modelcheck import check_model
    from ..text import message, render
    from .common import load, print_json

    ev = load(args.file)
    if args.method:
        method(args.method)
    try:
        findings = check_model(ev, args.method)
        more = _agreement(ev, args.method or ev.method) if args.agreement else []
    except InputError as exc:
        raise exc.at(args.file) from None
    lang = args.lang
    if args.format == "json":
        every = findings + [f for _, part in more for f in part]
        print_json({"findings": [{**f.to_data(), "text": render(f, ev, lang)} for f in every]})
        return 0
    warnings = sum(f.severity == "warning" for f in findings)
    count = message("model_check.count", lang, warnings=warnings, notes=len(findings) - warnings)
    print(f"{message('model_check.title', lang)}: {count}")
    if not findings:
        print(message("model_check.none", lang))
    labels = {s: message(f"severity.{s}", lang) for s in ("warning", "info")}
    width = max(len(x) for x in labels.values())
    for f in findings:
        print(f"{labels[f.severity].ljust(width)}  {render(f, ev, lang)}")
    for title, part in more:
        print(f"\n{message(title, lang, method=args.method or ev.method)}")
        for f in part:
            print(f"{labels[f.severity].ljust(width)}  {render(f, ev, lang)}")
    return 0


def _agreement(ev, method_id: str) -> list[tuple[str, list]]:  # noqa: ANN001
    """The agreement of the methods the Robustness page compares, and the rank-reversal checks for the method."""
    from ..agreement import method_agreement, rank_reversal
    from ..methods.fast import FAST_METHODS

    return [
        ("agreement.title", method_agreement(ev, FAST_METHODS).findings()),
        ("reversal.title", list(rank_reversal(ev, method_id).findings)),
    ]
