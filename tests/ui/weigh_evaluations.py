"""Evaluations for the weights and results tests: several areas, ordinal scores, one knocked-out alternative."""

from __future__ import annotations

from evaluator.model import Alternative, Area, Assessment, Criterion, Evaluation, Level, Scale, frozen_map

LEVELS = tuple(Level(v, {"nl": f"niveau {v}", "en": f"level {v}"}) for v in range(5))
ORDINAL = Scale("ordinal", levels=LEVELS)

AREAS = (
    ("A", "Soevereiniteit", "Sovereignty"),
    ("B", "Continuïteit", "Continuity"),
    ("C", "Licentie-afhankelijkheid", "Licence dependency"),
    ("D", "On-premise", "On-premise"),
)
ALTERNATIVES = ("Microsoft Teams", "openDesk", "Nextcloud Hub", "Element (Matrix)", "Wire", "Jitsi Meet")
# scores per alternative over the eight criteria A1 A2 B1 B2 C1 C2 D1 D2
SCORES = (
    (0, 1, 4, 4, 1, 0, 0, 1),  # Teams: strong continuity, weak sovereignty; knocked out on A1 (minimum 1)
    (4, 4, 3, 3, 4, 4, 4, 3),
    (3, 4, 3, 2, 4, 3, 4, 4),
    (4, 3, 2, 3, 3, 4, 3, 2),
    (2, 2, 4, 4, 2, 2, 1, 1),
    (3, 3, 1, 1, 4, 4, 4, 4),
)


def workshop_evaluation(minimum: bool = True) -> Evaluation:
    areas = tuple(Area(i, {"nl": nl, "en": en}) for i, nl, en in AREAS)
    criteria = []
    for a, _, en in AREAS:
        for k in (1, 2):
            criteria.append(
                Criterion(
                    f"{a}{k}",
                    a,
                    {"nl": f"{a}{k} criterium", "en": f"{en} {k}"},
                    ORDINAL,
                    minimum=1 if (minimum and f"{a}{k}" == "A1") else None,
                )
            )
    alts = tuple(Alternative(f"alt{i}", name) for i, name in enumerate(ALTERNATIVES))
    assessments = {
        (alts[i].id, criteria[j].id): Assessment(float(s), evidence="test")
        for i, row in enumerate(SCORES)
        for j, s in enumerate(row)
    }
    weights = {"A": 40, "B": 30, "C": 20, "D": 10} | {c.id: 50 for c in criteria}
    return Evaluation(
        title="Workshop",
        areas=areas,
        criteria=tuple(criteria),
        alternatives=alts,
        assessments=frozen_map(assessments),
        weights=frozen_map(weights),
    )
