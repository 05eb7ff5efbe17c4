"""Evaluations written by hand in TOML (the bundled sample): a catalogue plus alternatives and their scores.

::

    [evaluation]
    title = "..."
    question = "..."
    context = "..."
    date = "2026-11-01"
    owner = "..."
    catalogue = "beter-samenwerken"   # a bundled catalogue id
    method = "wsm"

    [[alternatives]]
    id = "teams"
    name = "Microsoft Teams / M365"
    vendor = "Microsoft Corporation (VS)"
    description = "..."

    [alternatives.scores.A1]
    value = 1
    low = 0          # optional range, for uncertain scores
    high = 2
    evidence = "..."
    source = "https://..."
    date = "2025-09-19"
    confidence = "medium"
"""

from __future__ import annotations

import os
from dataclasses import replace

from ..catalogue import find, read_toml
from ..errors import InputError
from ..i18n import gettext
from ..model import Alternative, Evaluation, frozen_map
from ..serial import Reader, assessment_from_data, check_assessment, ident


def read_evaluation_toml(path: str | os.PathLike) -> Evaluation:
    file = os.fspath(path)
    data = read_toml(path)
    top = Reader(data, "", file).allow("evaluation", "alternatives")
    head = Reader(top.get("evaluation", dict), "evaluation", file).allow(
        "title", "question", "context", "date", "owner", "catalogue", "status", "decision", "method"
    )
    cat_name = head.get("catalogue", str)
    try:
        cat = find(cat_name)
    except InputError as exc:
        raise exc.at(file, "evaluation.catalogue") from None
    ev = cat.evaluation(head.get("title", str))
    crit = {c.id: c for c in ev.criteria}
    alternatives = []
    assessments = {}
    for i, raw in enumerate(top.get("alternatives", list, [])):
        place = f"alternatives[{i}]"
        r = Reader(raw, place, file).allow("id", "name", "vendor", "description", "scores")
        alt = Alternative(
            ident(r), r.get("name", str), r.get("vendor", str, ""), r.get("description", str, "")
        )
        if any(a.id == alt.id for a in alternatives):
            raise r.fail("id", gettext("duplicate id {id!r}").format(id=alt.id))
        alternatives.append(alt)
        for c_id, raw_s in r.get("scores", dict, {}).items():
            splace = f"{place}.scores.{c_id}"
            if c_id not in crit:
                raise InputError(gettext("unknown criterion {c_id!r}").format(c_id=c_id), file, splace)
            s = assessment_from_data(raw_s, splace, file)
            problem = check_assessment(crit[c_id], s)
            if problem:
                raise InputError(problem, file, splace)
            assessments[(alt.id, c_id)] = s
    from ..invariants import require

    return require(
        replace(
            ev,
            question=head.get("question", str, ""),
            context=head.get("context", str, ""),
            date=str(head.get("date", (str,), "")),
            owner=head.get("owner", str, ""),
            status=head.get("status", str, "draft"),
            decision=head.get("decision", str, ""),
            method=head.get("method", str, "wsm"),
            alternatives=tuple(alternatives),
            assessments=frozen_map(assessments),
        ),
        file,
    )
