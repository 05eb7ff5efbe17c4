"""The message catalogue: every sentence a finding becomes, in English, keyed by the finding's kind; the Dutch is
in the gettext catalogue (evaluator/locale/nl/LC_MESSAGES/afweging.po) with the key as msgctxt.

Placeholders name the finding's fields and parameters, with a format that says how to write them in the
reader's language (see :mod:`evaluator.text`): ``{criterion:crit}`` a criterion with its name,
``{criteria:crits}`` a list of criteria, ``{alternative:alt}`` / ``{others:alts}`` alternatives by name,
``{value:n2}`` a number with two decimals, ``{weight:pct1}`` a percentage with one decimal, ``{score:score}`` a
score on the finding's criterion's scale, ``{basis:msg}`` another entry of this catalogue.

Fields of every finding: ``criterion``, ``criterion2`` (first and second criterion), ``criteria``,
``alternative`` (the first alternative), ``others`` (the rest), ``alternatives``, ``value``; plus its ``params``.

A test fails when an entry lacks a Dutch translation (tests/test_i18n.py), or when a finding kind that the analyses produce has no entry.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # -- model check findings (evaluator.modelcheck) ----------------------------------------------------------
    "missing_score": "{alternative:alt} has no score on {criteria:crits}: it is left out of the ranking until it is "
    "scored.",
    "no_difference": "No alternative differs on {criterion:crit}: its weight ({weight:pct1}) has no effect on the "
    "ranking.",
    "uncertain_decides": "An uncertain score decides first place: {first:alts} would rank first instead of {was:alts} if "
    "{alternative:alt} scored {score:score} instead of {current:score} on {criterion:crit}, {basis:msg}.",
    "correlated_criteria": "{criterion:crit} and {criterion2:crit} rank the alternatives almost identically "
    "(ρ = {value:n2}): are they the same question? Then it counts twice in the weighting.",
    "one_dimension": "One dimension explains {value:pct} of the differences between the alternatives across "
    "{total:n0} criteria, and most of those on {criteria:crits}: the weighting may weigh fewer separate "
    "questions than there are criteria.",
    "dominated": "{alternative:alt} is dominated by {others:alts}: nowhere better and somewhere worse, so no "
    "weighting can rank it higher.",
    "swing_small": "The alternatives lie close together on {criterion:crit} (they span {range:pct} of its scale): its "
    "weight of {weight:pct1} accounts for only {effect:pct1} of the differences in the outcome. Was the "
    "weight set for the scores actually found?",
    "swing_large": "The alternatives lie far apart on {criterion:crit} (they span {range:pct} of its scale, much more "
    "than on the other criteria): its weight of {weight:pct1} accounts for {effect:pct1} of the differences "
    "in the outcome.",
    # -- words the findings use -------------------------------------------------------------------------------
    "uncertain.range_low": "the low end of its range",
    "uncertain.range_high": "the high end of its range",
    "uncertain.low": "one step away (the score has low confidence)",
    "and": "and",
    "yes": "yes",
    "no": "no",
    "severity.info": "note",
    "severity.warning": "warning",
    # -- the model check as a whole (CLI, app panel, memo section) --------------------------------------------
    "model_check.title": "Model check",
    "model_check.intro": "Advice on the decision model itself: criteria that ask the same question, weights without "
    "effect, dominated alternatives, uncertain scores that decide first place, missing scores. It is "
    "advice, never a block.",
    "model_check.none": "The model check found nothing to remark on.",
    "model_check.count": "{warnings:n0} warning(s), {notes:n0} note(s).",
    "model_check.severity": "severity",
    "model_check.finding": "finding",
}
