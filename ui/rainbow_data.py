"""A :class:`LiveRanking` as rainbow bars: one owner for how the ranking chart is filled.

The results page and the ranking panel beside the weight sliders both draw the same chart from this.
"""

from __future__ import annotations

from evaluator.live_ranking import LiveRanking
from evaluator.methods import METHODS
from evaluator.model import Evaluation, text

from .charts.palette import criterion_colour
from .charts.rainbow import RainbowData, Row
from .compare_model import method_name
from .i18n import language, number, percent, tr


def rainbow_data(ev: Evaluation, r: LiveRanking) -> RainbowData:
    """Rows best first, one bar segment per criterion (coloured per area), the method's score beside it."""
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

    def tooltip(row: int, j: int) -> str:
        i, c = order[row], crits[j]
        return (
            f"{c.id} {text(c.name, lang)}: {number(contrib[i, j], 3)} "
            f"({tr('value')} {number(r.values[i, j], 2)} × {tr('weight')} "
            f"{percent(r.weights[j], 1)})"
        )

    legend = tuple(
        (criterion_colour(area_ix[a.id], 0, 1), f"{a.id} {text(a.name, lang)}")
        for a in ev.areas
        if a.id in per_area
    )
    score = METHODS[r.method].score_meaning(lang)
    caption = tr("Bar: each criterion's share of the weighted sum · number: {method_name}, {score}").format(
        method_name=method_name(r.method), score=score
    )
    scale = 1.0 if not ev.bare else max(1e-9, float(contrib.sum(axis=1).max(initial=0.0)))
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
