"""Every fixed text of the memo, and numbers written the way each language writes them.

The texts are English here, keyed; the Dutch is in the gettext catalogue with the key as msgctxt
(:mod:`evaluator.i18n`). The memo is written in the language chosen for it, whatever the session's.
"""

from __future__ import annotations

from ..i18n import N_, gettext, keyed

TEXTS: dict[str, tuple[str, str]] = {  # key: (English, Dutch)
    "kind": "DECISION MEMO",
    "question": "Question",
    "date": "Date",
    "owner": "Owner",
    "status": "Status",
    "participants": "Participants",
    "method": "Method",
    "none": "none recorded",
    "summary": "Summary and recommendation",
    "recommend": "The analysis recommends <b>{name}</b>: it ranks first with {method} (score {score}).",
    "recommend_tie": "The analysis finds a tie for first place between <b>{names}</b> with {method}.",
    "no_ranking": "No alternative can be ranked: every alternative is knocked out or not fully scored.",
    "runner_up": "Second is {name} (score {score}).",
    "acc_first": "Across {samples} random weightings, {name} ranks first in {pct} of cases.",
    "robust_high": "The outcome is robust.",
    "robust_mid": "The outcome holds for most weightings but not all; read section 6.",
    "robust_low": "The outcome depends on the weights; read section 6 before deciding.",
    "knocked_out_n": "Not ranked, because they miss a minimum requirement or a score: {names} (section 4).",
    "uncertain_one": "1 of the scores is uncertain (low confidence or a range); it is marked in the score matrix.",
    "uncertain_n": "{n} of the scores are uncertain (low confidence or a range); they are marked in the score matrix.",
    "top": "Ranking",
    "rank": "Rank",
    "alternative": "Alternative",
    "score": "Score",
    "s1": "1. Question and context",
    "no_context": "No context recorded.",
    "s2": "2. Criteria and weights",
    "s2_intro": "Weights are the agreed weights; the global weight of a criterion is its area's share times its share "
    "within the area.",
    "area": "Area",
    "code": "Code",
    "criterion": "Criterion",
    "framework": "Framework",
    "weight": "Weight",
    "knockout": "Minimum",
    "s3": "3. Scores",
    "s3_intro": "Scores as entered on each criterion's own scale. Shaded and marked ~: uncertain (low confidence or "
    "a range). Red: below the criterion's minimum. –: not scored. Evidence and sources per score: annex A.",
    "s4": "4. Knocked-out alternatives",
    "s4_none": "No alternative was knocked out: all meet every minimum requirement and are fully scored.",
    "reason": "Reason",
    "missing": "{crit}: not scored",
    "below": "{crit}: score {score} is below the minimum {minimum}",  # fmt: skip
    "s5": "5. Results per method",
    "s5_intro": "Rank of each alternative under each method (1 = best). The memo's recommendation uses {method}; "
    "the other methods show whether the outcome depends on the choice of method.",
    "skipped": "Not applicable here: {items}.",
    "s6": "6. Sensitivity",
    "s6_none": "Sensitivity was not computed for this memo.",
    "s6_acc": "Rank acceptability: the share of {samples} random weightings (uniform over all weight combinations, "
    "seed {seed}) in which each alternative takes first, second or third place.",
    "s6_stab": "Stability intervals: how far each weight can move (the others scaled along) before the first place "
    "changes.",
    "first": "1st",
    "second": "2nd",
    "third": "3rd",
    "current": "Current",
    "from": "From",
    "to": "To",
    "s7": "7. Decision",
    "s7_none": "No decision has been recorded yet.",
    "annex_a": "Annex A. Evidence per score",
    "confidence": "Confidence",
    "evidence": "Evidence and source",
    "high": "high",
    "medium": "medium",
    "low": "low",
    "range": "range {low}–{high}",
    "annex_b": "Annex B. Audit trail and integrity",
    "audit_none": "No audit trail accompanies this memo (it was made from a file without one).",
    "audit_sum": "{n} recorded changes between {first} and {last}, by {users}.",
    "audit_sum_day": "{n} recorded changes on {first}, by {users}.",
    "audit_sum_one": "1 recorded change on {first}, by {users}.",
    "audit_last": "Most recent changes",
    "audit_created": "File created",
    "when": "When",
    "who": "Who",
    "what": "What",
    "why": "Why",
    "integrity": "This PDF carries its own data: the file <b>{file}</b> is attached to it. Its SHA-256 is",
    "integrity2": "Anyone can check the signature and recompute the ranking from the attached data with "
    "<font name='DejaVuSansMono'>afweging verify memo.pdf --trust root.pem</font>.",
    "generated": "Generated {when} by Afweging {version}.",
    "signing": "Signature",
    "signing_intro": "The digital signature below covers every page of this memo and the attached decision data.",
    "unsigned": "Not signed",
    "page": "Page {n} of {total}",
    "signed_by": "Digitally signed by",
    "sign_time": "Time",
    "reason_l": "Reason",
    # the charts' alternative text, for a screen reader: what each chart shows, in words
    "alt_bar": "Bar chart of the ranking with {method}: {items}.",
    "alt_bar_item": "{label}, score {score}",
    "alt_more": "and {n} more",
    "alt_acc": "Bar chart of how often each alternative takes first, second or third place across {samples} random "
    "weightings: {items}.",
    "alt_acc_item": "{name} first in {p1}, second in {p2}, third in {p3}",
    "alt_stab": "Chart of the stability intervals, per criterion its weight now and the range it can move in before "
    "the first place changes: {items}.",
    "alt_stab_item": "{label} {weight}, from {low} to {high}",
    "default_reason": "Approval of the decision memo",
}


def t(key: str, lang: str, **kw: object) -> str:
    return keyed(TEXTS, key, lang, **kw)


# Numbers, dates and times: one helper for the CLI, the app and the memo (evaluator.formats).
from ..formats import date_text, moment_text, num, number  # noqa: E402, F401 - the memo's names for them

# Reasons the app and the CLI record in English on their own; a reason a person typed is shown as typed.
REASON_TEXTS = {
    "new from sample": N_("new from the sample"),
    "new from catalogue": N_("new from the catalogue"),
    "ballot export": N_("ballot export"),
    "undo": N_("undo"),
    "redo": N_("redo"),
}
REASON_PREFIXES = {"imported from ": N_("imported from {file}")}


def reason_text(reason: str, lang: str) -> str:
    """A recorded reason in the memo's language when it is one the program wrote itself; else as typed."""
    known = REASON_TEXTS.get(reason.strip().casefold())
    if known is not None:
        return gettext(known, lang)
    for prefix, words in REASON_PREFIXES.items():
        if reason.startswith(prefix):
            return gettext(words, lang).format(file=reason[len(prefix) :])
    return reason


# The usual statuses of a decision memo; any other text is shown as typed.
STATUS_TEXTS = {
    "draft": N_("draft"),
    "concept": N_("draft"),
    "review": N_("for review"),
    "final": N_("final"),
    "definitief": N_("final"),
    "decided": N_("adopted"),
    "vastgesteld": N_("adopted"),
}


def status_text(status: str, lang: str) -> str:
    """The evaluation's status in the memo's language (``draft`` → ``concept``); free text as typed."""
    known = STATUS_TEXTS.get(status.strip().casefold())
    if known is None:
        return status or "—"
    return gettext(known, lang)
