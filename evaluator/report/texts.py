"""Every fixed text of the memo, in Dutch and English, and numbers written the way each language writes them."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {  # key: (English, Dutch)
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
    en, nl = TEXTS[key]
    s = nl if lang == "nl" else en
    return s.format(**kw) if kw else s


def num(x: float | None, lang: str, decimals: int = 2) -> str:
    """A number with a decimal comma in Dutch, a point in English; ``–`` for none."""
    if x is None:
        return "–"
    s = f"{x:,.{decimals}f}"
    if lang == "nl":
        s = s.replace(",", " ").replace(".", ",").replace(" ", ".")
    return s


def pct(x: float, lang: str, decimals: int = 0) -> str:
    return f"{num(100 * x, lang, decimals)} %"


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
