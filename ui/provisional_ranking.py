"""The results page's provisional ranking while scoring is under way (rule: :mod:`evaluator.provisional`).

Wraps the core's rule for the page: the ranking of the provisional evaluation, the full ranking's "not ranked"
lines for whoever stays out, and one sentence that states the rule and names the criteria left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

from evaluator.model import Evaluation, text
from evaluator.provisional import Provisional, provisional

from .i18n import tr
from .live_ranking import LiveRanker, LiveRanking


@dataclass(frozen=True)
class ProvisionalView:
    rule: Provisional
    evaluation: Evaluation
    ranking: LiveRanking
    notice: str  # rich text (names escaped)


def ranked_evaluation(ev: Evaluation) -> Evaluation:
    """What the page ranks: the provisional evaluation while one applies, else ``ev`` itself."""
    p = provisional(ev)
    return ev if p is None else p.evaluation


def provisional_view(
    ranker: LiveRanker, ev: Evaluation, full: LiveRanking, lang: str
) -> ProvisionalView | None:
    """The provisional ranking of ``ev`` for the page, or ``None`` when the full ranking ``full`` is all there is."""
    p = provisional(ev)
    if p is None:
        return None
    r = ranker.rank(p.evaluation, ev.method, lang)
    ranked = set(r.names)
    r = replace(r, excluded=tuple((n, why) for n, why in full.excluded if n not in ranked))
    left = escape(", ".join(f"{c} {text(ev.criterion(c).name, lang)}" for c in p.left_out))
    admitted = escape(", ".join(ev.alternative(a).name for a in p.admitted))
    label = tr("Provisional ranking")
    notice = tr(
        "<b>{label}</b> — not every criterion is scored yet. Ranked only on the criteria "
        "every alternative shown has scored; left out: {left}. The weights of the criteria "
        "kept are rescaled in their agreed proportions. Ranked although not fully scored: "
        "{admitted}. Alternatives below a minimum or without any score stay out; a knock-out "
        "on a criterion left out cannot show yet."
    ).format(label=label, left=left, admitted=admitted)
    return ProvisionalView(p, p.evaluation, r, notice)
