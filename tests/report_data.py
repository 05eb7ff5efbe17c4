"""A small, catalogue-like evaluation for the memo tests: two areas, a knock-out, uncertain scores, accents."""

from __future__ import annotations

from evaluator.model import (
    Alternative,
    Area,
    Assessment,
    Criterion,
    Evaluation,
    Level,
    Participant,
    Scale,
    frozen_map,
)

LEVELS = tuple(
    Level(float(v), {"nl": nl, "en": en})
    for v, nl, en in (
        (1, "slecht", "poor"),
        (2, "matig", "fair"),
        (3, "redelijk", "moderate"),
        (4, "goed", "good"),
        (5, "uitstekend", "excellent"),
    )  # fmt: skip
)
ORD = Scale(kind="ordinal", levels=LEVELS)


def memo_evaluation() -> Evaluation:
    areas = (
        Area("A", {"nl": "Soevereiniteit", "en": "Sovereignty"}),
        Area("B", {"nl": "Continuïteit en kosten", "en": "Continuity and cost"}),
    )
    criteria = (
        Criterion(
            "A1",
            "A",
            {"nl": "Jurisdictie van de leverancier", "en": "Supplier jurisdiction"},
            ORD,
            framework="EU CSF SOV-1",
            minimum=2.0,
        ),  # fmt: skip
        Criterion(
            "A2", "A", {"nl": "Open standaarden", "en": "Open standards"}, ORD, framework="cloudbeleid"
        ),
        Criterion(
            "A3",
            "A",
            {"nl": "Data op eigen infrastructuur", "en": "Data on own infrastructure"},
            Scale(kind="boolean"),
            framework="BIO",
        ),  # fmt: skip
        Criterion(
            "B1",
            "B",
            {"nl": "Licentiekosten per gebruiker", "en": "Licence cost per user"},
            Scale(kind="numeric", unit="€/jaar", lower=0, upper=300, direction="cost"),
            framework="Rijksbrede inkoop",
        ),  # fmt: skip
        Criterion("B2", "B", {"nl": "Exitstrategie", "en": "Exit strategy"}, ORD, framework="EU CSF SOV-4"),
    )
    alts = (
        Alternative("teams", "Microsoft Teams", "Microsoft"),
        Alternative("opendesk", "openDesk", "ZenDiS"),
        Alternative("nextcloud", "Nextcloud Hub", "Nextcloud GmbH"),
        Alternative("element", "Element (Matrix)", "Element"),
        Alternative("zoëmeet", "Zoë Meet", "Zoë B.V."),
    )
    scores = {
        "teams": (1, 2, 0, 240, 2),
        "opendesk": (5, 5, 1, 90, 4),
        "nextcloud": (4, 4, 1, 60, 4),
        "element": (4, 5, 1, 120, 3),
        "zoëmeet": (3, 3, 1, 30, 2),
    }
    assessments = {}
    for a, row in scores.items():
        for c, v in zip(criteria, row, strict=True):
            conf = "low" if (a, c.id) in {("element", "A1"), ("zoëmeet", "B2")} else "high"
            assessments[(a, c.id)] = Assessment(
                value=float(v),
                evidence=f"Beoordeling van {a} op {c.id}: zie leveranciersdocumentatie en de Quickscan "
                "Digitale Soevereiniteit (€, ë, é).",
                source="Quickscan 2024, p. 12",
                date="2024-05-01",
                confidence=conf,
            )
    assessments[("nextcloud", "B1")] = Assessment(value=60.0, low=40.0, high=90.0, evidence="Offerte, "
                                                  "afhankelijk van het aantal gebruikers.", confidence="medium")  # fmt: skip
    weights = {"A": 60, "B": 40, "A1": 40, "A2": 30, "A3": 30, "B1": 50, "B2": 50}
    return Evaluation(
        title="Samenwerkingsplatform voor het Rijk",
        question="Welk samenwerkingsplatform past het best bij de eisen van digitale soevereiniteit?",
        context="Programma Beter Samenwerken vergelijkt Microsoft Teams met soevereine alternatieven.",
        date="2024-06-01",
        owner="Programma Beter Samenwerken",
        status="concept",
        decision="Het programma adviseert een pilot met het hoogst gerangschikte alternatief.",
        areas=areas,
        criteria=criteria,
        alternatives=alts,
        assessments=frozen_map(assessments),
        weights=frozen_map(weights),
        participants=(
            Participant("p1", "Anneke de Vries", "BZK", "programmaleider"),
            Participant("p2", "Joël Bakker", "EZK", "architect"),
        ),
        method="wsm",
    )
