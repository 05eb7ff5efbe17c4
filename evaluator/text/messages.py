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
    # -- words the findings use -------------------------------------------------------------------------------
    "uncertain.range_low": {"en": "the low end of its range", "nl": "de onderkant van de bandbreedte"},
    "uncertain.range_high": {"en": "the high end of its range", "nl": "de bovenkant van de bandbreedte"},
    "uncertain.low": {
        "en": "one step away (the score has low confidence)",
        "nl": "één stap verder (de score heeft een lage zekerheid)",
    },
    "and": {"en": "and", "nl": "en"},
    "yes": {"en": "yes", "nl": "ja"},
    "no": {"en": "no", "nl": "nee"},
    "severity.info": {"en": "note", "nl": "opmerking"},
    "severity.warning": {"en": "warning", "nl": "waarschuwing"},
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
