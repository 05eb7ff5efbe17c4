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
    # the same when several would rank first, or when the alternative(s) first now would share first place
    "uncertain_decides|many": "An uncertain score decides first place: {first:alts} would rank first together instead "
    "of {was:alts} if {alternative:alt} scored {score:score} instead of {current:score} on {criterion:crit}, "
    "{basis:msg}.",
    "uncertain_decides|shared": "An uncertain score decides first place: {joining:alts} would share first place with "
    "{was:alts} if {alternative:alt} scored {score:score} instead of {current:score} on {criterion:crit}, {basis:msg}.",
    "uncertain_decides|shared|many": "An uncertain score decides first place: {joining:alts} would share first place "
    "with {was:alts} if {alternative:alt} scored {score:score} instead of {current:score} on {criterion:crit}, "
    "{basis:msg}.",
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
    # -- the robustness verdict (evaluator.verdict.render): a first sentence, then what weight could change it --
    "verdict.nothing": "There is nothing to rank: every alternative lacks a score or fails a minimum requirement.",
    "verdict.single": "There is only one alternative: {first:alt}.",
    "verdict.single_only": "Only {first:alt} takes part; the other alternatives drop out.",
    "verdict.first": "{first:alt} ranks first in {share:share} {where:msg}.",
    "verdict.first_runner_up": "{first:alt} ranks first in {share:share} {where:msg}, {runner_up:alt} in {runner_up_share:share}.",
    "verdict.where.uniform": "of all possible weightings",
    "verdict.where.uniform_ranged": "of all possible weightings with scores drawn within their ranges",
    "verdict.where.around": "of the weightings around the agreed weights",
    "verdict.where.around_ranged": "of the weightings around the agreed weights with scores drawn within their ranges",
    "verdict.no_edge": "No single weight can change on its own who comes first.",
    "verdict.edge_more": "First place only changes if {criterion:critname} weighs more than {at:weight} (now {now:weight}).",
    "verdict.edge_less": "First place only changes if {criterion:critname} weighs less than {at:weight} (now {now:weight}).",
    "verdict.agreed_top_no_edge": "With the agreed weights {top:alt} ranks first; no single weight can change that on its own.",
    "verdict.agreed_top_edge_more": "With the agreed weights {top:alt} ranks first; that only changes if {criterion:critname} weighs "
    "more than {at:weight} (now {now:weight}).",
    "verdict.agreed_top_edge_less": "With the agreed weights {top:alt} ranks first; that only changes if {criterion:critname} weighs "
    "less than {at:weight} (now {now:weight}).",
    # -- method agreement (evaluator.agreement.agreement_findings) ------------------------------------------
    "agreement.title": "Method agreement",
    "agreement.nothing": "There is nothing to compare.",
    "agreement.same_first": "All {value:n0} methods put {alternatives:alts} first.",
    "agreement.count_first": "{value:n0} of {total:n0} ranking methods put {alternative:alt} first.",
    "agreement.split": "The methods disagree on first place.",
    "agreement.first": "{methods:methods} puts {alternatives:alts} first.",
    "agreement.first_many": "{methods:methods} put {alternatives:alts} first.",
    "agreement.least_alike": "The rankings differ most between {method:method} and {method2:method} ({measure:msg} {value:n2}; "
    "1 is identical).",
    "agreement.kendall": "Kendall's τ",
    "agreement.spearman": "Spearman's ρ",
    # -- rank reversal (evaluator.agreement.rank_reversal) ------------------------------------------------------
    "reversal.title": "Rank reversal checks ({method:method})",
    "reversal.too_few": "With {value:n0} alternative(s) there is no rank reversal to check.",
    "reversal.worse_untestable": "Making a lower-ranked alternative slightly worse ({method:method}): not testable, because "
    "{alternatives:alts} cannot be made worse without passing the next alternative (identical scores).",
    "reversal.worse": "Making a lower-ranked alternative slightly worse ({value:n0} trials, {method:method}): "
    "{first:msg}{order:msg}",
    "reversal.worse.kept": "{alternative:alt} stayed first every time",
    "reversal.worse.lost": "{alternative:alt} lost first place in {lost:n0} trials (when {others:alts} was made worse)",
    "reversal.worse.same_order": " and the order of the other alternatives stayed the same.",
    "reversal.worse.reordered": "; the order of the other alternatives changed in {reordered:n0} trials.",
    # the same for a count of one (ONE_WHEN says which field counts)
    "reversal.worse.lost|one": "{alternative:alt} lost first place in {lost:n0} trial (when {others:alts} was made worse)",
    "reversal.worse.reordered|one": "; the order of the other alternatives changed in {reordered:n0} trial.",
    "reversal.pairs_untestable": "Comparing every pair of alternatives on its own ({method:method}): not testable, because "
    "{method:method} cannot rank a pair of identical alternatives.",
    "reversal.pairs_consistent": "Comparing every pair of alternatives on its own: the results are consistent (no cycles such as "
    "A > B > C > A).",
    "reversal.pairs_cycle": "Comparing every pair of alternatives on its own: {value:n0} cycle found, e.g. {chain:chain}.",
    "reversal.pairs_cycles": "Comparing every pair of alternatives on its own: {value:n0} cycles found, e.g. {chain:chain}.",
    "reversal.rebuilt_same": "The ranking rebuilt from the pairs is the same.",
    "reversal.rebuilt_differs": "The ranking rebuilt from the pairs differs from {method:method}'s.",
    "reversal.rebuilt_differs_pair": "The ranking rebuilt from the pairs differs from {method:method}'s (e.g. {alternative:alt} "
    "against {others:alts}).",
    "reversal.leave_one_out": "Leaving out one alternative at a time ({value:n0} trials): the order of the rest never changed.",
    "reversal.leave_one_out_changed": "Leaving out one alternative at a time ({value:n0} trials): without {alternatives:alts} the order "
    "of the rest changes (rank reversal).",
    # -- words the findings use -------------------------------------------------------------------------------
    "uncertain.range_low": "the low end of its range",
    "uncertain.range_high": "the high end of its range",
    "uncertain.low": "one step away (the score has low confidence)",
    "and": "and",
    "percent.above_99": "more than 99 %",
    "percent.below_1": "less than 1 %",
    "yes": "yes",
    "no": "no",
    "severity.info": "note",
    "severity.warning": "warning",
    # -- what a weighting panel weighs (evaluator.weight_scopes) ---------------------------------------------
    "weight_scope.areas": "Among the areas",
    "weight_scope.area": "Within {area} {name}",
    "weight_scope.swing": "from {low} to {high}",
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

# A message whose wording depends on a count: key → the field that counts. When it is 1, ``key|one`` is used
# (the rendering only: findings keep their kind, so a memo's data does not change).
ONE_WHEN = {"reversal.worse.lost": "lost", "reversal.worse.reordered": "reordered"}
