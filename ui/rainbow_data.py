"""A :class:`LiveRanking` as rainbow bars: one owner for how the ranking chart is filled.

The results page and the ranking panel beside the weight sliders both draw the same chart from this. A method whose
score is a sum of one part per criterion (WSM, MOORA: ``LiveRanking.contributions``) gets one segment per criterion,
adding up to its score (MOORA's cost criteria count against it: segments left of the zero line). Any other method
gets one plain bar of its own score: the chart never shows another method's parts as if they explained it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

from evaluator.live_ranking import LiveRanking
from evaluator.methods import METHODS
from evaluator.model import Evaluation, text

from .charts.palette import criterion_colour
from .charts.rainbow import RainbowData, Row
from .compare_model import method_name
from .i18n import language, number, percent, tr

SCORE_COLOUR = QColor("#4D4D4D")  # one bar per alternative: no area's colour (8.5:1 on white)


def splits_by_criterion(r: LiveRanking) -> bool:
    """Whether the chart of ``r`` shows each criterion's part of the score (else: one bar of the score)."""
    return r.contributions is not None


def rainbow_data(ev: Evaluation, r: LiveRanking) -> RainbowData:
    """Rows best first, the method's score beside each bar: one segment per criterion (coloured per area) when the
    score is their sum, else one plain bar of the score."""
    if not splits_by_criterion(r):
        return _score_bars(r)
    lang = language()
    area_ix = {a.id: k for k, a in enumerate(ev.areas)}
    crits = ev.criteria
    per_area: dict[str, list[int]] = {}
    for j, c in enumerate(crits):
        per_area.setdefault(c.area, []).append(j)
    colours = []
    for j, c in enumerate(crits):
        members = per_area[c.area]
        colours.append(criterion_colour(area_ix.get(c.area, 0), members.index(j), len(members)))
    contrib = r.contributions
    order = r.order()
    rows = tuple(Row(int(r.ranks[i]), r.names[i], number(r.scores[i], 3), contrib[i]) for i in order)
    plain_values = r.method == "wsm"  # WSM adds value × weight; MOORA, normalised value × weight

    def tooltip(row: int, j: int) -> str:
        i, c = order[row], crits[j]
        if plain_values:
            part = number(r.values[i, j], 2)
            label = tr("value")
        else:
            part = number(contrib[i, j] / r.weights[j], 3) if r.weights[j] > 0 else "–"
            label = tr("normalised value")
        return (
            f"{c.id} {text(c.name, lang)}: {number(contrib[i, j], 3)} "
            f"({label} {part} × {tr('weight')} {percent(r.weights[j], 1)})"
        )

    legend = tuple(
        (criterion_colour(area_ix[a.id], 0, 1), f"{a.id} {text(a.name, lang)}")
        for a in ev.areas
        if a.id in per_area
    )
    score = METHODS[r.method].score_meaning(lang)
    caption = tr(
        "Bar: each criterion's part of the score (the parts add up to it) · number: {method_name}, {score}"
    ).format(method_name=method_name(r.method), score=score)
    if (contrib < 0).any():
        caption += tr(" · cost criteria count against it: left of the zero line")
    positive = np.maximum(contrib, 0.0).sum(axis=1).max(initial=0.0)
    scale = 1.0 if (plain_values and not ev.bare) else max(1e-9, float(positive))
    shown = [a for a in ev.areas if a.id in per_area]
    group_of = {a.id: k for k, a in enumerate(shown)}
    return RainbowData(
        rows,
        tuple(colours),
        legend,
        scale,
        caption,
        tr("No alternative can be ranked yet."),
        tooltip,
        groups=tuple(group_of[c.area] for c in crits),
        group_colours=tuple(criterion_colour(area_ix[a.id], 0, 1) for a in shown),
    )


def _score_bars(r: LiveRanking) -> RainbowData:
    """One bar per alternative, as long as the method's own score (a method that does not split it by criterion).

    A method where lower is better (VIKOR's Q) gets no bars, only its number: the best alternative would have the
    shortest bar, and on a projector a long bar reads as a good one."""
    lang = language()
    order = r.order()
    scores = np.asarray(r.scores, dtype=float)
    name, score = method_name(r.method), METHODS[r.method].score_meaning(lang)
    if r.higher_is_better:
        bars = scores
        caption = tr("Bar and number: {method_name}, {score}").format(method_name=name, score=score)
    else:
        bars = np.zeros_like(scores)
        caption = tr("Number: {method_name}, {score} · no bars, as the lowest number is the best").format(
            method_name=name, score=score
        )
    decimals = 0 if METHODS[r.method].engine == "outranking" else 3  # ELECTRE I: 1 in the kernel, 0 outside
    rows = tuple(
        Row(int(r.ranks[i]), r.names[i], number(scores[i], decimals), bars[i : i + 1]) for i in order
    )

    def tooltip(row: int, _j: int) -> str:
        return f"{name}: {number(scores[order[row]], decimals)} ({score})"

    top = float(np.max(bars, initial=0.0))
    return RainbowData(
        rows,
        (SCORE_COLOUR,),
        (),
        1.0 if (not r.problem.bare and top <= 1.0) else max(1e-9, top),  # on values: the full bar is 1
        caption,
        tr("No alternative can be ranked yet."),
        tooltip,
    )
