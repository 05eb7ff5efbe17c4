"""Every fixed text of the memo, and numbers written the way each language writes them.

The texts are English here, keyed; the Dutch is in the gettext catalogue with the key as msgctxt
(:mod:`evaluator.i18n`). The memo is written in the language chosen for it, whatever the session's.
"""

from __future__ import annotations

from ..i18n import pgettext

TEXTS: dict[str, str] = {  # key: English
    "kind": ("DECISION MEMO", "BESLISNOTITIE"),
    "question": ("Question", "Vraag"),
    "date": ("Date", "Datum"),
    "owner": ("Owner", "Eigenaar"),
    "status": ("Status", "Status"),
    "participants": ("Participants", "Deelnemers"),
    "method": ("Method", "Methode"),
    "none": ("none recorded", "niet vastgelegd"),
    "summary": ("Summary and recommendation", "Samenvatting en advies"),
    "recommend": (
        "The analysis recommends <b>{name}</b>: it ranks first with {method} (score {score}).",
        "De analyse adviseert <b>{name}</b>: dit alternatief staat eerste met {method} (score {score}).",
    ),
    "recommend_tie": (
        "The analysis finds a tie for first place between <b>{names}</b> with {method}.",
        "De analyse vindt een gedeelde eerste plaats voor <b>{names}</b> met {method}.",
    ),
    "no_ranking": (
        "No alternative can be ranked: every alternative is knocked out or not fully scored.",
        "Geen enkel alternatief kan worden gerangschikt: alle alternatieven vallen af of zijn niet volledig "
        "gescoord.",
    ),
    "runner_up": (
        "Second is {name} (score {score}).",
        "Tweede is {name} (score {score}).",
    ),
    "agree": (
        "{k} of {n} ranking methods put {name} first.",
        "{k} van de {n} rangschikkingsmethoden zetten {name} bovenaan.",
    ),
    "acc_first": (
        "Across {samples} random weightings, {name} ranks first in {pct} of cases.",
        "Over {samples} willekeurige wegingen staat {name} in {pct} van de gevallen eerste.",
    ),
    "robust_high": ("The outcome is robust.", "De uitkomst is robuust."),
    "robust_mid": (
        "The outcome holds for most weightings but not all; read section 6.",
        "De uitkomst houdt stand bij de meeste wegingen, niet bij alle; zie paragraaf 6.",
    ),
    "robust_low": (
        "The outcome depends on the weights; read section 6 before deciding.",
        "De uitkomst hangt af van de weging; lees paragraaf 6 voordat u besluit.",
    ),
    "knocked_out_n": (
        "Not ranked, because they miss a minimum requirement or a score: {names} (section 4).",
        "Niet gerangschikt, omdat ze een minimumeis of een score missen: {names} (paragraaf 4).",
    ),
    "uncertain_n": (
        "{n} of the scores are uncertain (low confidence or a range); they are marked in the score matrix.",
        "{n} scores zijn onzeker (lage zekerheid of een bandbreedte); ze zijn gemarkeerd in de scoretabel.",
    ),
    "top": ("Ranking", "Rangorde"),
    "rank": ("Rank", "Rang"),
    "alternative": ("Alternative", "Alternatief"),
    "score": ("Score", "Score"),
    "s1": ("1. Question and context", "1. Vraag en context"),
    "no_context": ("No context recorded.", "Geen context vastgelegd."),
    "s2": ("2. Criteria and weights", "2. Criteria en gewichten"),
    "s2_intro": (
        "Weights are the agreed weights; the global weight of a criterion is its area's share times its share "
        "within the area.",
        "De gewichten zijn de afgesproken gewichten; het totale gewicht van een criterium is het aandeel van zijn "
        "domein maal zijn aandeel binnen het domein.",
    ),
    "area": ("Area", "Domein"),
    "code": ("Code", "Code"),
    "criterion": ("Criterion", "Criterium"),
    "framework": ("Framework", "Kader"),
    "weight": ("Weight", "Gewicht"),
    "knockout": ("Minimum", "Minimum"),
    "s3": ("3. Scores", "3. Scores"),
    "s3_intro": (
        "Scores as entered on each criterion's own scale. Shaded and marked ~: uncertain (low confidence or "
        "a range). Red: below the criterion's minimum. –: not scored. Evidence and sources per score: annex A.",
        "Scores zoals ingevoerd, op de eigen schaal van elk criterium. Gearceerd en gemarkeerd met ~: onzeker "
        "(lage zekerheid of een bandbreedte). Rood: onder het minimum van het criterium. –: niet gescoord. "
        "Onderbouwing en bronnen per score: bijlage A.",
    ),
    "s4": ("4. Knocked-out alternatives", "4. Afgevallen alternatieven"),
    "s4_none": (
        "No alternative was knocked out: all meet every minimum requirement and are fully scored.",
        "Geen alternatief is afgevallen: alle voldoen aan elke minimumeis en zijn volledig gescoord.",
    ),
    "reason": ("Reason", "Reden"),
    "missing": ("{crit}: not scored", "{crit}: niet gescoord"),
    "below": (
        "{crit}: score {score} is below the minimum {minimum}",
        "{crit}: score {score} ligt onder het minimum {minimum}",
    ),  # fmt: skip
    "s5": ("5. Results per method", "5. Uitkomsten per methode"),
    "s5_intro": (
        "Rank of each alternative under each method (1 = best). The memo's recommendation uses {method}; "
        "the other methods show whether the outcome depends on the choice of method.",
        "Rang van elk alternatief per methode (1 = beste). Het advies gebruikt {method}; de andere methoden "
        "laten zien of de uitkomst afhangt van de gekozen methode.",
    ),
    "skipped": ("Not applicable here: {items}.", "Hier niet toepasbaar: {items}."),
    "s6": ("6. Sensitivity", "6. Gevoeligheid"),
    "s6_none": (
        "Sensitivity was not computed for this memo.",
        "De gevoeligheid is voor deze notitie niet berekend.",
    ),
    "s6_acc": (
        "Rank acceptability: the share of {samples} random weightings (uniform over all weight combinations, "
        "seed {seed}) in which each alternative takes first, second or third place.",
        "Rangacceptatie: het aandeel van {samples} willekeurige wegingen (uniform over alle "
        "gewichtscombinaties, seed {seed}) waarin elk alternatief eerste, tweede of derde wordt.",
    ),
    "s6_stab": (
        "Stability intervals: how far each weight can move (the others scaled along) before the first place "
        "changes.",
        "Stabiliteitsintervallen: hoe ver elk gewicht kan verschuiven (de andere schalen mee) voordat de eerste "
        "plaats verandert.",
    ),
    "first": ("1st", "1e"),
    "second": ("2nd", "2e"),
    "third": ("3rd", "3e"),
    "current": ("Current", "Huidig"),
    "from": ("From", "Van"),
    "to": ("To", "Tot"),
    "s7": ("7. Decision", "7. Besluit"),
    "s7_none": ("No decision has been recorded yet.", "Er is nog geen besluit vastgelegd."),
    "annex_a": ("Annex A. Evidence per score", "Bijlage A. Onderbouwing per score"),
    "confidence": ("Confidence", "Zekerheid"),
    "evidence": ("Evidence and source", "Onderbouwing en bron"),
    "high": ("high", "hoog"),
    "medium": ("medium", "middel"),
    "low": ("low", "laag"),
    "range": ("range {low}–{high}", "bandbreedte {low}–{high}"),
    "annex_b": ("Annex B. Audit trail and integrity", "Bijlage B. Wijzigingslog en integriteit"),
    "audit_none": (
        "No audit trail accompanies this memo (it was made from a file without one).",
        "Bij deze notitie hoort geen wijzigingslog (ze is gemaakt van een bestand zonder log).",
    ),
    "audit_sum": (
        "{n} recorded changes between {first} and {last}, by {users}.",
        "{n} vastgelegde wijzigingen tussen {first} en {last}, door {users}.",
    ),
    "audit_sum_day": (
        "{n} recorded changes on {first}, by {users}.",
        "{n} vastgelegde wijzigingen op {first}, door {users}.",
    ),
    "audit_sum_one": (
        "1 recorded change on {first}, by {users}.",
        "1 vastgelegde wijziging op {first}, door {users}.",
    ),
    "audit_last": ("Most recent changes", "Laatste wijzigingen"),
    "audit_created": ("File created", "Bestand aangemaakt"),
    "when": ("When", "Wanneer"),
    "who": ("Who", "Wie"),
    "what": ("What", "Wat"),
    "why": ("Why", "Waarom"),
    "integrity": (
        "This PDF carries its own data: the file <b>{file}</b> is attached to it. Its SHA-256 is",
        "Deze PDF draagt zijn eigen gegevens: het bestand <b>{file}</b> is eraan gehecht. De SHA-256 ervan is",
    ),
    "integrity2": (
        "Anyone can check the signature and recompute the ranking from the attached data with "
        "<font name='DejaVuSansMono'>afweging verify memo.pdf --trust root.pem</font>.",
        "Iedereen kan de handtekening controleren en de rangorde uit de bijgevoegde gegevens herberekenen met "
        "<font name='DejaVuSansMono'>afweging verify notitie.pdf --trust root.pem</font>.",
    ),
    "generated": ("Generated {when} by Afweging {version}.", "Gemaakt op {when} door Afweging {version}."),
    "signing": ("Signature", "Ondertekening"),
    "signing_intro": (
        "The digital signature below covers every page of this memo and the attached decision data.",
        "De digitale handtekening hieronder dekt alle pagina's van deze notitie en de bijgevoegde "
        "besluitgegevens.",
    ),
    "unsigned": ("Not signed", "Niet ondertekend"),
    "page": ("Page {n} of {total}", "Pagina {n} van {total}"),
    "signed_by": ("Digitally signed by", "Digitaal ondertekend door"),
    "sign_time": ("Time", "Tijdstip"),
    "reason_l": ("Reason", "Reden"),
    # the charts' alternative text, for a screen reader: what each chart shows, in words
    "alt_bar": (
        "Bar chart of the ranking with {method}: {items}.",
        "Staafdiagram van de rangorde met {method}: {items}.",
    ),
    "alt_bar_item": ("{label}, score {score}", "{label}, score {score}"),
    "alt_more": ("and {n} more", "en nog {n}"),
    "alt_acc": (
        "Bar chart of how often each alternative takes first, second or third place across {samples} random "
        "weightings: {items}.",
        "Staafdiagram van hoe vaak elk alternatief eerste, tweede of derde wordt over {samples} willekeurige "
        "wegingen: {items}.",
    ),
    "alt_acc_item": (
        "{name} first in {p1}, second in {p2}, third in {p3}",
        "{name} eerste in {p1}, tweede in {p2}, derde in {p3}",
    ),
    "alt_stab": (
        "Chart of the stability intervals, per criterion its weight now and the range it can move in before "
        "the first place changes: {items}.",
        "Diagram van de stabiliteitsintervallen, per criterium het huidige gewicht en het bereik waarbinnen "
        "het kan verschuiven voordat de eerste plaats verandert: {items}.",
    ),
    "alt_stab_item": ("{label} {weight}, from {low} to {high}", "{label} {weight}, van {low} tot {high}"),
    "default_reason": ("Approval of the decision memo", "Vaststelling van de beslisnotitie"),
}


def t(key: str, lang: str, **kw: object) -> str:
    entry = TEXTS[key]
    if isinstance(entry, tuple):  # (English, Dutch): an entry tools/i18n_codemod.py has not moved yet
        entry = entry[1] if lang == "nl" else entry[0]
        return entry.format(**kw) if kw else entry
    s = pgettext(key, entry, lang)
    return s.format(**kw) if kw else s


# Numbers, dates and times are written by Babel (the CLDR's rules for each language), not by hand.
LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, "en_GB")


def num(x: float | None, lang: str, decimals: int = 2) -> str:
    """A number with ``decimals`` decimals as the language writes it (``1.000.000,50`` in Dutch, ``1,000,000.50``
    in English); ``–`` for none."""
    from babel.numbers import format_decimal

    if x is None:
        return "–"
    return format_decimal(x, "#,##0" + ("." + "0" * decimals if decimals > 0 else ""), locale=_locale(lang))


def number(x: float | None, lang: str) -> str:
    """A number as short as it is (``12,5``, ``1.000.000``, at most three decimals), never ``1e+06``."""
    from babel.numbers import format_decimal

    if x is None:
        return "–"
    return format_decimal(x, "#,##0.###", locale=_locale(lang))


def pct(x: float, lang: str, decimals: int = 0) -> str:
    return f"{num(100 * x, lang, decimals)} %"


def date_text(iso: str, lang: str) -> str:
    """An ISO date (``2026-11-30``, or the date of an ISO moment) written out: ``30 november 2026``; any other text
    as typed."""
    import datetime as dt

    from babel.dates import format_date

    moment = _local(iso) if len(iso.strip()) > 10 else None
    try:
        day = moment.date() if moment is not None else dt.date.fromisoformat(iso.strip())
    except ValueError:
        return iso
    return format_date(day, "long", locale=_locale(lang))


def _local(iso: str):  # noqa: ANN202 - datetime | None
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(iso.strip())
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone()  # the reader's own zone


def moment_text(iso: str, lang: str, short: bool = False) -> str:
    """An ISO moment (UTC in the data) in local time with its zone: ``30 november 2026 om 22:07 CET``, short
    ``30-11-2026 22:07 CET``; any other text as typed."""
    from babel.dates import format_datetime

    moment = _local(iso)
    if moment is None:
        return iso
    if short:
        pattern = "dd-MM-y HH:mm" if lang == "nl" else "dd/MM/y HH:mm"
    else:
        pattern = "d MMMM y 'om' HH:mm" if lang == "nl" else "d MMMM y, HH:mm"
    return f"{format_datetime(moment, pattern, locale=_locale(lang))} {moment.strftime('%Z')}".strip()


# Reasons the app and the CLI record in English on their own; a reason a person typed is shown as typed.
REASON_TEXTS = {
    "new from sample": ("new from the sample", "nieuw vanuit het voorbeeld"),
    "new from catalogue": ("new from the catalogue", "nieuw vanuit de catalogus"),
    "ballot export": ("ballot export", "stemformulier uitgegeven"),
    "undo": ("undo", "ongedaan gemaakt"),
    "redo": ("redo", "opnieuw uitgevoerd"),
}
REASON_PREFIXES = {"imported from ": ("imported from ", "geïmporteerd uit ")}


def reason_text(reason: str, lang: str) -> str:
    """A recorded reason in the memo's language when it is one the program wrote itself; else as typed."""
    pair = REASON_TEXTS.get(reason.strip().casefold())
    if pair is not None:
        return pair[1] if lang == "nl" else pair[0]
    for prefix, (en, nl) in REASON_PREFIXES.items():
        if reason.startswith(prefix):
            return (nl if lang == "nl" else en) + reason[len(prefix) :]
    return reason


# The usual statuses of a decision memo; any other text is shown as typed.
STATUS_TEXTS = {
    "draft": ("draft", "concept"),
    "concept": ("draft", "concept"),
    "review": ("for review", "ter bespreking"),
    "final": ("final", "definitief"),
    "definitief": ("final", "definitief"),
    "decided": ("adopted", "vastgesteld"),
    "vastgesteld": ("adopted", "vastgesteld"),
}


def status_text(status: str, lang: str) -> str:
    """The evaluation's status in the memo's language (``draft`` → ``concept``); free text as typed."""
    pair = STATUS_TEXTS.get(status.strip().casefold())
    if pair is None:
        return status or "—"
    return pair[1] if lang == "nl" else pair[0]
