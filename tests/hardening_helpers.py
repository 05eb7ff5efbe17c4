"""Evaluations and change streams for the reliability tests (crash safety, migrations, fuzzing, scale).

Built from the model classes only, so the tests do not depend on the bundled catalogue or sample; when the sample
exists, :func:`sample_or_built` prefers it. Everything is deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import replace

from evaluator.changes import (
    AddAlternative,
    AddParticipant,
    Batch,
    Change,
    MoveAlternative,
    RemoveAlternative,
    SetSetting,
    SetWeights,
    UpdateAlternative,
    apply_change,
    set_score,
)
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

AREAS = ("A", "B", "C", "D")
ORDINAL = Scale(
    kind="ordinal",
    levels=tuple(Level(float(v), {"nl": f"niveau {v}", "en": f"level {v}"}) for v in range(5)),
)
NUMERIC = Scale(kind="numeric", unit="EUR", lower=0.0, upper=1000.0, direction="cost")
BOOLEAN = Scale(kind="boolean")


def _scale(j: int) -> Scale:
    return (ORDINAL, NUMERIC, BOOLEAN)[j % 3]


def _score(scale: Scale, rng: random.Random) -> float:
    if scale.kind == "ordinal":
        return float(rng.randrange(5))
    if scale.kind == "boolean":
        return float(rng.randrange(2))
    return float(rng.randrange(0, 1001))


def make_evaluation(
    n_alt: int = 6, n_crit: int = 8, seed: int = 0, participants: int = 0, evidence: bool = True
) -> Evaluation:
    """A catalogue-like evaluation: areas A–D, ordinal/numeric/boolean criteria, every alternative scored."""
    rng = random.Random(seed)
    areas = tuple(Area(a, {"nl": f"Gebied {a}", "en": f"Area {a}"}) for a in AREAS[: max(1, min(4, n_crit))])
    criteria = tuple(
        Criterion(
            f"{areas[j % len(areas)].id}{j + 1}",
            areas[j % len(areas)].id,
            {"nl": f"Criterium {j + 1}", "en": f"Criterion {j + 1}"},
            _scale(j),
            description={"nl": "Omschrijving", "en": "Description"},
            framework="EU CSF SOV-1" if j % 2 else "",
        )
        for j in range(n_crit)
    )
    alternatives = tuple(Alternative(f"alt{i}", f"Suite {i}", vendor=f"Vendor {i % 7}") for i in range(n_alt))
    assessments = {
        (a.id, c.id): Assessment(
            value=_score(c.scale, rng),
            evidence=f"Evidence for {a.name} on {c.id}" if evidence else "",
            source="https://example.org/bron" if evidence else "",
            date="2025-09-19" if evidence else "",
            confidence=rng.choice(("high", "medium", "low", "")),
        )
        for a in alternatives
        for c in criteria
    }
    weights: dict[str, float] = {a.id: float(10 + 5 * k) for k, a in enumerate(areas)}
    weights.update({c.id: float(1 + j % 5) for j, c in enumerate(criteria)})
    people = tuple(Participant(f"p{k}", f"Deelnemer {k}", "BZK") for k in range(participants))
    pw = {p.id: frozen_map({k: float(rng.randrange(0, 101)) or 1.0 for k in weights}) for p in people}
    return Evaluation(
        title="Beter Samenwerken (test)",
        question="Welk samenwerkingspakket?",
        catalogue="test",
        areas=areas,
        criteria=criteria,
        alternatives=alternatives,
        assessments=frozen_map(assessments),
        weights=frozen_map(weights),
        participants=people,
        participant_weights=frozen_map(pw),
    )


def sample_or_built() -> Evaluation:
    """The bundled sample when it is there, else a built evaluation of about its size."""
    try:
        from evaluator.sample import load_sample, sample_path

        if sample_path().exists():
            return load_sample()
    except Exception:  # noqa: BLE001 - the sample is being written by someone else; fall back
        pass
    return make_evaluation(13, 19, seed=7, participants=3)


def random_change(ev: Evaluation, rng: random.Random, counter: int) -> Change:
    """One change that fits ``ev`` (scores, weights, settings, alternatives, participants, batches)."""
    roll = rng.random()
    alts = ev.alternatives
    if roll < 0.45 or not alts:
        if not alts:
            return AddAlternative(Alternative(f"new{counter}", f"Nieuw {counter}"))
        a = rng.choice(alts)
        c = rng.choice(ev.criteria)
        return set_score(ev, a.id, c.id, _score(c.scale, rng))
    if roll < 0.60:
        keys = [x.id for x in ev.areas] + [c.id for c in ev.criteria]
        picked = rng.sample(keys, k=min(len(keys), rng.randrange(1, 4)))
        return SetWeights({k: float(rng.randrange(1, 101)) for k in picked})
    if roll < 0.67:
        return SetSetting(rng.choice(("title", "decision", "question")), f"tekst {counter} — ‘ü’ \u2603")
    if roll < 0.75:
        scores = {c.id: Assessment(value=_score(c.scale, rng), evidence="nieuw") for c in ev.criteria}
        return AddAlternative(
            Alternative(f"new{counter}", f"Nieuw {counter}"), rng.randrange(len(alts) + 1), scores
        )
    if roll < 0.80 and len(alts) > 2:
        return RemoveAlternative(rng.choice(alts).id)
    if roll < 0.85:
        a = rng.choice(alts)
        return UpdateAlternative(replace(a, description=f"omschrijving {counter}"))
    if roll < 0.90:
        return MoveAlternative(rng.choice(alts).id, rng.randrange(len(alts)))
    if roll < 0.94:
        pid = f"q{counter}"
        return Batch(
            (
                AddParticipant(Participant(pid, f"Stemmer {counter}")),
                SetWeights({c.id: float(rng.randrange(1, 10)) for c in ev.criteria}, pid, True),
            ),
            f"stembiljet {counter}",
        )
    a = rng.choice(alts)
    return Batch(tuple(set_score(ev, a.id, c.id, _score(c.scale, rng)) for c in ev.criteria[:3]))


def change_stream(ev: Evaluation, seed: int, n: int) -> list[Change]:
    """``n`` changes, each fitting the state the ones before it leave (deterministic for ``seed``)."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        ch = random_change(ev, rng, k)
        ev, _ = apply_change(ev, ch)
        out.append(ch)
    return out


def replay(ev: Evaluation, changes: list[Change]) -> Evaluation:
    for ch in changes:
        ev, _ = apply_change(ev, ch)
    return ev
