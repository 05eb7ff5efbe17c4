"""UI tests run headless (offscreen Qt) with their own home folder, never the user's real settings or files."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from evaluator.model import (  # noqa: E402
    Alternative,
    Area,
    Assessment,
    Criterion,
    Evaluation,
    Level,
    Scale,
    frozen_map,
)


@pytest.fixture(autouse=True)
def afweging_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("AFWEGING_HOME", str(home))
    monkeypatch.setenv("AFWEGING_LOG_DIR", str(home / "log"))
    monkeypatch.setenv("AFWEGING_USER", "tester")
    return home


@pytest.fixture(autouse=True)
def dutch_first():
    """Every test starts in Dutch (the app's default) and leaves the language as it found it."""
    from ui.i18n import language, set_language

    set_language("nl")
    yield
    if language() != "nl":
        set_language("nl")


def _levels() -> tuple[Level, ...]:
    names = [("none", "geen"), ("weak", "zwak"), ("fair", "redelijk"), ("good", "goed"), ("full", "volledig")]
    return tuple(
        Level(float(i), {"en": en, "nl": nl}, {"en": f"{en} control", "nl": f"{nl}e controle"})
        for i, (en, nl) in enumerate(names)
    )


def small_evaluation() -> Evaluation:
    """A catalogue-like evaluation: two areas, ordinal, numeric and yes/no criteria, three alternatives."""
    ordinal = Scale("ordinal", levels=_levels())
    areas = (
        Area("A", {"en": "Sovereignty", "nl": "Soevereiniteit"}),
        Area("B", {"en": "Continuity", "nl": "Continuïteit"}),
    )
    criteria = (
        Criterion("A1", "A", {"en": "Control and jurisdiction", "nl": "Zeggenschap en jurisdictie"}, ordinal,
                  {"en": "Who controls it", "nl": "Wie heeft de zeggenschap"}, "EU CSF SOV-1"),
        Criterion("A2", "A", {"en": "Data and key control", "nl": "Zeggenschap over data en sleutels"}, ordinal,
                  framework="EU CSF SOV-3", minimum=1.0),
        Criterion("B1", "B", {"en": "Supplier plurality", "nl": "Aantal leveranciers"},
                  Scale("numeric", unit="firms", lower=0, upper=20)),
        Criterion("B2", "B", {"en": "Disconnected operation", "nl": "Werken zonder verbinding"}, Scale("boolean")),
    )  # fmt: skip
    alternatives = (
        Alternative("teams", "Microsoft Teams", "Microsoft"),
        Alternative("opendesk", "openDesk", "ZenDiS"),
        Alternative("nextcloud", "Nextcloud Hub", "Nextcloud GmbH"),
    )
    scores = {
        "teams": (1, 1, 3, 0),
        "opendesk": (3, 3, 6, 1),
        "nextcloud": (4, 2, 8, 1),
    }
    assessments = {}
    for alt, vals in scores.items():
        for c, v in zip(criteria, vals, strict=True):
            assessments[(alt, c.id)] = Assessment(
                value=float(v), evidence=f"evidence {alt} {c.id}", confidence="high"
            )
    assessments[("nextcloud", "A2")] = Assessment(2.0, 1.0, 3.0, "unverified", confidence="low")
    weights = {"A": 60, "B": 40, "A1": 50, "A2": 50, "B1": 50, "B2": 50}
    return Evaluation(
        title="Samenwerken testafweging",
        question="Welk samenwerkingspakket?",
        owner="Programma Beter Samenwerken",
        areas=areas,
        criteria=criteria,
        alternatives=alternatives,
        assessments=frozen_map(assessments),
        weights=frozen_map(weights),
    )


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    from evaluator.store import Store

    path = tmp_path / "klein.afweging"
    Store.create(path, small_evaluation()).close()
    return path


@pytest.fixture
def doc(small_file: Path, qtbot):
    from ui.document import Document

    d = Document.open(small_file)
    yield d
    d.close()


@pytest.fixture
def wdoc(tmp_path: Path, qtbot):
    """A document on the 6 × 8 workshop evaluation (one knock-out) that the weights and results tests share."""
    from evaluator.store import Store
    from tests.ui.weigh_evaluations import workshop_evaluation
    from ui.document import Document

    path = tmp_path / "workshop.afweging"
    Store.create(path, workshop_evaluation()).close()
    d = Document.open(path)
    yield d
    d.close()


@pytest.fixture
def window(qtbot, small_file: Path):
    """The real main window on the small evaluation, shown at 1280 × 720."""
    from ui.main_window import MainWindow
    from ui.settings import Settings

    w = MainWindow(Settings())
    qtbot.addWidget(w)
    assert w.open_path(small_file)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    return w
