"""afweging weights FILE [--format table|json] [--aggregation mean|median|geometric] [--lang nl|en]"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ..i18n import N_, gettext

if TYPE_CHECKING:
    from ..model import Evaluation

HELP = N_("the group's weights and every participant's, and where the group disagrees most")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help=gettext(".afweging, .json or .toml evaluation"))
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument(
        "--aggregation",
        choices=("mean", "median", "geometric"),
        help=gettext("how participants' weights combine (default: the evaluation's setting)"),
    )
    p.add_argument("--lang", choices=("nl", "en"), default=None, help=gettext("language of names"))


def weights_data(ev: Evaluation, aggregation: str | None = None, lang: str = "en") -> dict[str, Any]:
    """The ``weights --format json`` contract: ``{"aggregation", "criteria": [{"id", "name", "weight",
    "participants": {NAME: weight}}]}`` over the leaf criteria (global weights summing to 1), plus the agreed
    weight and the spread (IQR) per criterion, the measure's name, and the agenda (criteria ids, most
    disagreement first)."""
    from ..model import text
    from ..weighting import global_weights
    from ..workshop import disagreement, disagreement_name, group_weights, participant_label

    gw = group_weights(ev, aggregation)
    agreed = global_weights(ev)
    spreads = disagreement(ev)
    spread = {s.criterion: s.iqr for s in spreads}
    names = {pid: participant_label(ev, pid, lang) for pid in gw.participants}
    return {
        "aggregation": gw.aggregation,
        "aggregation_name": gw.name(lang),
        "disagreement_measure": "iqr",
        "disagreement_name": disagreement_name(lang),
        "agenda": [s.criterion for s in spreads],
        "not_voted": [participant_label(ev, pid, lang) for pid in gw.not_voted],
        "criteria": [
            {
                "id": c.id,
                "name": text(c.name, lang),
                "weight": gw.group[c.id],
                "agreed": agreed[c.id],
                "spread": spread.get(c.id),
                "participants": {names[pid]: w[c.id] for pid, w in gw.participants.items()},
            }
            for c in ev.criteria
        ],
    }


def run(args: argparse.Namespace) -> int:
    from .common import load, print_json, print_table

    ev = load(args.file)
    data = weights_data(ev, args.aggregation, args.lang)
    if args.format == "json":
        print_json(data)
        return 0
    voters = list(data["criteria"][0]["participants"]) if data["criteria"] else []
    print((gettext("Group weights: ", args.lang)) + data["aggregation_name"])
    headers = ["id", gettext("criterion", args.lang), gettext("group", args.lang), *voters]
    if voters:
        headers.append("IQR")
    rows = []
    for c in data["criteria"]:
        row = [c["id"], c["name"], c["weight"], *(c["participants"][v] for v in voters)]
        if voters:
            row.append(c["spread"])
        rows.append(row)
    print_table(headers, rows, "ll" + "r" * (len(headers) - 2))
    if data["not_voted"]:
        print((gettext("\nNot voted yet: ", args.lang)) + ", ".join(data["not_voted"]))
    if voters:
        by_id = {c["id"]: c for c in data["criteria"]}
        top = [by_id[cid] for cid in data["agenda"][:3]]
        print(
            (gettext("\nMost disagreement (", args.lang))
            + data["disagreement_name"]
            + "): "
            + ", ".join(f"{c['id']} {c['name']}" for c in top)
        )
    return 0
