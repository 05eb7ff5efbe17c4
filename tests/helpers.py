"""Small evaluations built in code, for tests that should not depend on the bundled sample's content."""

from __future__ import annotations

from evaluator.model import (
    Alternative,
    Area,
    Assessment,
    Criterion,
    Evaluation,
    Level,
    Scale,
    frozen_map,
)

LEVELS = tuple(Level(v, {"nl": f"niveau {v}", "en": f"level {v}"}) for v in range(5))
ORDINAL = Scale("ordinal", levels=LEVELS)
COST = Scale("numeric", unit="€/user/year", lower=0, upper=400, direction="cost")


def small_evaluation() -> Evaluation:
    """Two areas, three criteria (two ordinal, one cost with a minimum on S2), three alternatives."""
    areas = (
        Area("S", {"nl": "Soevereiniteit", "en": "Sovereignty"}),
        Area("C", {"nl": "Kosten", "en": "Cost"}),
    )
    criteria = (
        Criterion("S1", "S", {"nl": "Controle", "en": "Control"}, ORDINAL, framework="EU CSF SOV-1"),
        Criterion("S2", "S", {"nl": "Sleutels", "en": "Keys"}, ORDINAL, minimum=1),
        Criterion("C1", "C", {"nl": "Prijs", "en": "Price"}, COST),
    )
    alts = (
        Alternative("teams", "Microsoft Teams", "Microsoft (US)"),
        Alternative("opendesk", "openDesk", "ZenDiS (DE)"),
        Alternative("nextcloud", "Nextcloud Hub", "Nextcloud GmbH (DE)"),
    )
    scores = {
        ("teams", "S1"): 1, ("teams", "S2"): 1, ("teams", "C1"): 300,
        ("opendesk", "S1"): 4, ("opendesk", "S2"): 4, ("opendesk", "C1"): 120,
        ("nextcloud", "S1"): 3, ("nextcloud", "S2"): 3, ("nextcloud", "C1"): 80,
    }  # fmt: skip
    assessments = {k: Assessment(float(v), evidence="test", source="test") for k, v in scores.items()}
    return Evaluation(
        title="Test",
        areas=areas,
        criteria=criteria,
        alternatives=alts,
        assessments=frozen_map(assessments),
        weights=frozen_map({"S": 60, "C": 40, "S1": 50, "S2": 50, "C1": 100}),
    )


OLD_SAMPLE = __import__("pathlib").Path(__file__).parent / "fixtures" / "sample-catalogue-1.0.toml"
"""The sample as it was on catalogue 1.0 (before issue 12): 14 alternatives × 19 criteria, openDesk first."""


def load_old_sample() -> Evaluation:
    """The catalogue-1.0 sample, for tests that pin its numbers (the bundled sample is on catalogue 2026)."""
    from evaluator.io.sample_toml import read_evaluation_toml

    return read_evaluation_toml(OLD_SAMPLE)
