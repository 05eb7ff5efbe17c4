"""The message catalogue: every sentence a finding becomes, in Dutch and English, keyed by the finding's kind.

Placeholders name the finding's fields and parameters, with a format that says how to write them in the
reader's language (see :mod:`evaluator.text`): ``{criterion:crit}`` a criterion with its name,
``{criteria:crits}`` a list of criteria, ``{alternative:alt}`` / ``{others:alts}`` alternatives by name,
``{value:n2}`` a number with two decimals, ``{weight:pct1}`` a percentage with one decimal, ``{score:score}`` a
score on the finding's criterion's scale, ``{basis:msg}`` another entry of this catalogue.

Fields of every finding: ``criterion``, ``criterion2`` (first and second criterion), ``criteria``,
``alternative`` (the first alternative), ``others`` (the rest), ``alternatives``, ``value``; plus its ``params``.

A test fails when an entry lacks a language, or when a finding kind that the analyses produce has no entry.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- model check findings (evaluator.modelcheck) ----------------------------------------------------------
    "missing_score": {
        "en": "{alternative:alt} has no score on {criteria:crits}: it is left out of the ranking until it is "
        "scored.",
        "nl": "{alternative:alt} heeft geen score op {criteria:crits}: het blijft buiten de rangorde tot het "
        "gescoord is.",
    },
    "no_difference": {
        "en": "No alternative differs on {criterion:crit}: its weight ({weight:pct1}) has no effect on the "
        "ranking.",
        "nl": "Op {criterion:crit} verschillen de alternatieven niet: het gewicht ervan ({weight:pct1}) heeft "
        "geen effect op de rangorde.",
    },
    "uncertain_decides": {
        "en": "An uncertain score decides first place: {first:alts} would rank first instead of {was:alts} if "
        "{alternative:alt} scored {score:score} instead of {current:score} on {criterion:crit}, {basis:msg}.",
        "nl": "Een onzekere score beslist over de eerste plaats: {first:alts} zou eerste staan in plaats van "
        "{was:alts} als {alternative:alt} op {criterion:crit} {score:score} scoorde in plaats van "
        "{current:score}, {basis:msg}.",
    },
    "correlated_criteria": {
        "en": "{criterion:crit} and {criterion2:crit} rank the alternatives almost identically "
        "(ρ = {value:n2}): are they the same question? Then it counts twice in the weighting.",
        "nl": "{criterion:crit} en {criterion2:crit} ordenen de alternatieven vrijwel gelijk (ρ = {value:n2}): "
        "is het dezelfde vraag? Dan telt die vraag twee keer mee in de weging.",
    },
    "one_dimension": {
        "en": "One dimension explains {value:pct} of the differences between the alternatives across "
        "{total:n0} criteria, and most of those on {criteria:crits}: the weighting may weigh fewer separate "
        "questions than there are criteria.",
        "nl": "Eén dimensie verklaart {value:pct} van de verschillen tussen de alternatieven over {total:n0} "
        "criteria, en het grootste deel van die op {criteria:crits}: de weging weegt mogelijk minder "
        "afzonderlijke vragen dan er criteria zijn.",
    },
    "dominated": {
        "en": "{alternative:alt} is dominated by {others:alts}: nowhere better and somewhere worse, so no "
        "weighting can rank it higher.",
        "nl": "{alternative:alt} wordt gedomineerd door {others:alts}: nergens beter en ergens slechter, dus "
        "geen enkele weging zet het hoger.",
    },
    "swing_small": {
        "en": "The alternatives lie close together on {criterion:crit} (they span {range:pct} of its scale): its "
        "weight of {weight:pct1} accounts for only {effect:pct1} of the differences in the outcome. Was the "
        "weight set for the scores actually found?",
        "nl": "De alternatieven liggen dicht bij elkaar op {criterion:crit} (ze beslaan {range:pct} van de "
        "schaal): het gewicht van {weight:pct1} draagt maar {effect:pct1} bij aan de verschillen in de "
        "uitkomst. Is het gewicht gekozen voor de scores die er echt zijn?",
    },
    "swing_large": {
        "en": "The alternatives lie far apart on {criterion:crit} (they span {range:pct} of its scale, much more "
        "than on the other criteria): its weight of {weight:pct1} accounts for {effect:pct1} of the differences "
        "in the outcome.",
        "nl": "De alternatieven liggen ver uit elkaar op {criterion:crit} (ze beslaan {range:pct} van de schaal, "
        "veel meer dan op de andere criteria): het gewicht van {weight:pct1} draagt {effect:pct1} bij aan de "
        "verschillen in de uitkomst.",
    },
    # -- the robustness verdict (evaluator.verdict.render): a first sentence, then what weight could change it --
    "verdict.nothing": {
        "en": "There is nothing to rank: every alternative lacks a score or fails a minimum requirement.",
        "nl": "Er valt niets te rangschikken: elk alternatief mist een score of valt af op een minimumeis.",
    },
    "verdict.single": {
        "en": "There is only one alternative: {first:alt}.",
        "nl": "Er is maar één alternatief: {first:alt}.",
    },
    "verdict.single_only": {
        "en": "Only {first:alt} takes part; the other alternatives drop out.",
        "nl": "Alleen {first:alt} doet mee; de andere alternatieven vallen af.",
    },
    "verdict.first": {
        "en": "{first:alt} ranks first in {share:share} {where:msg}.",
        "nl": "{first:alt} staat eerst in {share:share} {where:msg}.",
    },
    "verdict.first_runner_up": {
        "en": "{first:alt} ranks first in {share:share} {where:msg}, {runner_up:alt} in {runner_up_share:share}.",
        "nl": "{first:alt} staat eerst in {share:share} {where:msg}, {runner_up:alt} in {runner_up_share:share}.",
    },
    "verdict.where.uniform": {"en": "of all possible weightings", "nl": "van alle denkbare wegingen"},
    "verdict.where.uniform_ranged": {
        "en": "of all possible weightings with scores drawn within their ranges",
        "nl": "van alle denkbare wegingen met scores binnen hun marges",
    },
    "verdict.where.around": {
        "en": "of the weightings around the agreed weights",
        "nl": "van de wegingen rond de afgesproken gewichten",
    },
    "verdict.where.around_ranged": {
        "en": "of the weightings around the agreed weights with scores drawn within their ranges",
        "nl": "van de wegingen rond de afgesproken gewichten met scores binnen hun marges",
    },
    "verdict.no_edge": {
        "en": "No single weight can change on its own who comes first.",
        "nl": "Geen enkel gewicht kan in zijn eentje veranderen wie eerst staat.",
    },
    "verdict.edge_more": {
        "en": "First place only changes if {criterion:critname} weighs more than {at:weight} (now {now:weight}).",
        "nl": "De eerste plaats verandert pas als {criterion:critname} meer dan {at:weight} weegt (nu "
        "{now:weight}).",
    },
    "verdict.edge_less": {
        "en": "First place only changes if {criterion:critname} weighs less than {at:weight} (now {now:weight}).",
        "nl": "De eerste plaats verandert pas als {criterion:critname} minder dan {at:weight} weegt (nu "
        "{now:weight}).",
    },
    "verdict.agreed_top_no_edge": {
        "en": "With the agreed weights {top:alt} ranks first; no single weight can change that on its own.",
        "nl": "Met de afgesproken gewichten staat {top:alt} eerst; geen enkel gewicht kan daar in zijn eentje iets "
        "aan veranderen.",
    },
    "verdict.agreed_top_edge_more": {
        "en": "With the agreed weights {top:alt} ranks first; that only changes if {criterion:critname} weighs "
        "more than {at:weight} (now {now:weight}).",
        "nl": "Met de afgesproken gewichten staat {top:alt} eerst; dat verandert pas als {criterion:critname} meer "
        "dan {at:weight} weegt (nu {now:weight}).",
    },
    "verdict.agreed_top_edge_less": {
        "en": "With the agreed weights {top:alt} ranks first; that only changes if {criterion:critname} weighs "
        "less than {at:weight} (now {now:weight}).",
        "nl": "Met de afgesproken gewichten staat {top:alt} eerst; dat verandert pas als {criterion:critname} "
        "minder dan {at:weight} weegt (nu {now:weight}).",
    },
    # -- method agreement (evaluator.agreement.agreement_findings) ------------------------------------------
    "agreement.title": {"en": "Method agreement", "nl": "Overeenstemming tussen methoden"},
    "agreement.nothing": {"en": "There is nothing to compare.", "nl": "Er valt niets te vergelijken."},
    "agreement.same_first": {
        "en": "All {value:n0} methods put {alternatives:alts} first.",
        "nl": "Alle {value:n0} methoden zetten {alternatives:alts} op de eerste plaats.",
    },
    "agreement.count_first": {
        "en": "{value:n0} of {total:n0} ranking methods put {alternative:alt} first.",
        "nl": "{value:n0} van de {total:n0} rangschikkingsmethoden zetten {alternative:alt} bovenaan.",
    },
    "agreement.split": {
        "en": "The methods disagree on first place.",
        "nl": "De methoden verschillen over de eerste plaats.",
    },
    "agreement.first": {
        "en": "{methods:methods} puts {alternatives:alts} first.",
        "nl": "{methods:methods} zet {alternatives:alts} eerst.",
    },
    "agreement.first_many": {
        "en": "{methods:methods} put {alternatives:alts} first.",
        "nl": "{methods:methods} zetten {alternatives:alts} eerst.",
    },
    "agreement.least_alike": {
        "en": "The rankings differ most between {method:method} and {method2:method} ({measure:msg} {value:n2}; "
        "1 is identical).",
        "nl": "De rangordes lijken het minst op elkaar bij {method:method} en {method2:method} ({measure:msg} "
        "{value:n2}; 1 is gelijk).",
    },
    "agreement.kendall": {"en": "Kendall's τ", "nl": "Kendalls τ"},
    "agreement.spearman": {"en": "Spearman's ρ", "nl": "Spearmans ρ"},
    # -- rank reversal (evaluator.agreement.rank_reversal) ------------------------------------------------------
    "reversal.title": {
        "en": "Rank reversal checks ({method:method})",
        "nl": "Toetsen op rangomkering ({method:method})",
    },
    "reversal.too_few": {
        "en": "With {value:n0} alternative(s) there is no rank reversal to check.",
        "nl": "Met {value:n0} alternatief/alternatieven valt er geen rangomkering te toetsen.",
    },
    "reversal.worse_untestable": {
        "en": "Making a lower-ranked alternative slightly worse ({method:method}): not testable, because "
        "{alternatives:alts} cannot be made worse without passing the next alternative (identical scores).",
        "nl": "Een lager geplaatst alternatief iets slechter maken ({method:method}): niet te toetsen, want "
        "{alternatives:alts} kan niet slechter worden zonder het volgende alternatief voorbij te gaan (gelijke "
        "scores).",
    },
    "reversal.worse": {
        "en": "Making a lower-ranked alternative slightly worse ({value:n0} trials, {method:method}): "
        "{first:msg}{order:msg}",
        "nl": "Een lager geplaatst alternatief iets slechter maken ({value:n0} proeven, {method:method}): "
        "{first:msg}{order:msg}",
    },
    "reversal.worse.kept": {
        "en": "{alternative:alt} stayed first every time",
        "nl": "{alternative:alt} bleef elke keer eerst",
    },
    "reversal.worse.lost": {
        "en": "{alternative:alt} lost first place in {lost:n0} trials (when {others:alts} was made worse)",
        "nl": "{alternative:alt} verloor de eerste plaats in {lost:n0} proeven (als {others:alts} slechter werd)",
    },
    "reversal.worse.same_order": {
        "en": " and the order of the other alternatives stayed the same.",
        "nl": " en de volgorde van de andere alternatieven bleef gelijk.",
    },
    "reversal.worse.reordered": {
        "en": "; the order of the other alternatives changed in {reordered:n0} trials.",
        "nl": "; de volgorde van de andere alternatieven veranderde in {reordered:n0} proeven.",
    },
    "reversal.pairs_untestable": {
        "en": "Comparing every pair of alternatives on its own ({method:method}): not testable, because "
        "{method:method} cannot rank a pair of identical alternatives.",
        "nl": "Elk paar alternatieven apart vergeleken ({method:method}): niet te toetsen, want {method:method} "
        "kan een paar gelijke alternatieven niet rangschikken.",
    },
    "reversal.pairs_consistent": {
        "en": "Comparing every pair of alternatives on its own: the results are consistent (no cycles such as "
        "A > B > C > A).",
        "nl": "Elk paar alternatieven apart vergeleken: de uitkomsten zijn consistent (geen kringen zoals "
        "A > B > C > A).",
    },
    "reversal.pairs_cycle": {
        "en": "Comparing every pair of alternatives on its own: {value:n0} cycle found, e.g. {chain:chain}.",
        "nl": "Elk paar alternatieven apart vergeleken: {value:n0} kring gevonden, bijvoorbeeld {chain:chain}.",
    },
    "reversal.pairs_cycles": {
        "en": "Comparing every pair of alternatives on its own: {value:n0} cycles found, e.g. {chain:chain}.",
        "nl": "Elk paar alternatieven apart vergeleken: {value:n0} kringen gevonden, bijvoorbeeld "
        "{chain:chain}.",
    },
    "reversal.rebuilt_same": {
        "en": "The ranking rebuilt from the pairs is the same.",
        "nl": "De rangorde opnieuw opgebouwd uit de paren is dezelfde.",
    },
    "reversal.rebuilt_differs": {
        "en": "The ranking rebuilt from the pairs differs from {method:method}'s.",
        "nl": "De rangorde opnieuw opgebouwd uit de paren wijkt af van die van {method:method}.",
    },
    "reversal.rebuilt_differs_pair": {
        "en": "The ranking rebuilt from the pairs differs from {method:method}'s (e.g. {alternative:alt} "
        "against {others:alts}).",
        "nl": "De rangorde opnieuw opgebouwd uit de paren wijkt af van die van {method:method} (bijvoorbeeld "
        "{alternative:alt} tegenover {others:alts}).",
    },
    "reversal.leave_one_out": {
        "en": "Leaving out one alternative at a time ({value:n0} trials): the order of the rest never changed.",
        "nl": "Steeds één alternatief weglaten ({value:n0} proeven): de volgorde van de rest veranderde nooit.",
    },
    "reversal.leave_one_out_changed": {
        "en": "Leaving out one alternative at a time ({value:n0} trials): without {alternatives:alts} the order "
        "of the rest changes (rank reversal).",
        "nl": "Steeds één alternatief weglaten ({value:n0} proeven): zonder {alternatives:alts} verandert de "
        "volgorde van de rest (rangomkering).",
    },
    # -- words the findings use -------------------------------------------------------------------------------
    "uncertain.range_low": {"en": "the low end of its range", "nl": "de onderkant van de bandbreedte"},
    "uncertain.range_high": {"en": "the high end of its range", "nl": "de bovenkant van de bandbreedte"},
    "uncertain.low": {
        "en": "one step away (the score has low confidence)",
        "nl": "één stap verder (de score heeft een lage zekerheid)",
    },
    "and": {"en": "and", "nl": "en"},
    "percent.above_99": {"en": "more than 99 %", "nl": "meer dan 99 %"},
    "percent.below_1": {"en": "less than 1 %", "nl": "minder dan 1 %"},
    "yes": {"en": "yes", "nl": "ja"},
    "no": {"en": "no", "nl": "nee"},
    "severity.info": {"en": "note", "nl": "opmerking"},
    "severity.warning": {"en": "warning", "nl": "waarschuwing"},
    # -- what a weighting panel weighs (evaluator.weight_scopes) ---------------------------------------------
    "weight_scope.areas": {"en": "Among the areas", "nl": "Tussen de gebieden"},
    "weight_scope.area": {"en": "Within {area} {name}", "nl": "Binnen {area} {name}"},
    "weight_scope.swing": {"en": "from {low} to {high}", "nl": "van {low} naar {high}"},
    # -- the model check as a whole (CLI, app panel, memo section) --------------------------------------------
    "model_check.title": {"en": "Model check", "nl": "Modelcontrole"},
    "model_check.intro": {
        "en": "Advice on the decision model itself: criteria that ask the same question, weights without "
        "effect, dominated alternatives, uncertain scores that decide first place, missing scores. It is "
        "advice, never a block.",
        "nl": "Advies over het beslismodel zelf: criteria die dezelfde vraag stellen, gewichten zonder effect, "
        "gedomineerde alternatieven, onzekere scores die de eerste plaats bepalen, ontbrekende scores. Het is "
        "advies, nooit een blokkade.",
    },
    "model_check.none": {
        "en": "The model check found nothing to remark on.",
        "nl": "De modelcontrole vond niets om op te wijzen.",
    },
    "model_check.count": {
        "en": "{warnings:n0} warning(s), {notes:n0} note(s).",
        "nl": "{warnings:n0} waarschuwing(en), {notes:n0} opmerking(en).",
    },
    "model_check.severity": {"en": "severity", "nl": "ernst"},
    "model_check.finding": {"en": "finding", "nl": "bevinding"},
}
