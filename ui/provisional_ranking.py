"""The results page's provisional ranking while scoring is under way (rule: :mod:`evaluator.provisional`).

The ranking comes from the core (:func:`evaluator.live_ranking.provisional_ranking`); this adds, for the page, one
sentence that states the rule and names the criteria left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from evaluator.live_ranking import LiveRanker, LiveRanking, provisional_ranking
from evaluator.model import Evaluation, text
from evaluator.provisional import Provisional, ranked_evaluation

from .i18n import tr

__all__ = ["ProvisionalView", "provisional_view", "ranked_evaluation"]


@dataclass(frozen=True)
class ProvisionalView:
    rule: Provisional
    evaluation: Evaluation
    ranking: LiveRanking
    notice: str  # rich text (names escaped)


def provisional_view(
    ranker: LiveRanker, ev: Evaluation, full: LiveRanking, lang: str
) -> ProvisionalView | None:
    """The provisional ranking of ``ev`` for the page, or ``None`` when the full ranking ``full`` is all there is."""
    found = provisional_ranking(ranker, ev, full, lang)
    if found is None:
        return None
    p, r = found
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
