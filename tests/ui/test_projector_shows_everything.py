"""Projector mode shows everything, readable from the back of a room (issue 11): every alternative in the
ranking, every criterion in the disagreement view, whole words only (never "…" or a word cut at a column), type
no smaller than a back row can read, anonymous headers that do not run together.

The projector is one painted surface; it keeps a log of every text it painted (``drawn``), with the rectangle
and font it used, so the test can check what reached the screen, page by page (PgDn turns a page).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from evaluator.changes import AddParticipant, SetSetting, SetWeights
from evaluator.io.sample_toml import read_evaluation_toml
from evaluator.model import Participant, text
from evaluator.problem import build_problem
from evaluator.sample import load_sample
from evaluator.store import Store
from evaluator.weighting import points_from_global
from ui.document import Document
from ui.i18n import set_language
from ui.projector import ProjectorWindow, min_px

OLD_SAMPLE = (
    Path(__file__).parent.parent / "fixtures" / "sample-catalogue-1.0.toml"
)  # 14 alternatives, 19 criteria
SIZES = ((1920, 1080), (1280, 720))
SHOTS = Path(__file__).parents[2] / "docs" / "screenshots"


def workshop_doc(tmp_path: Path, ev, people: int = 6, anonymous: bool = True) -> Document:
    path = tmp_path / "workshop.afweging"
    Store.create(path, ev).close()
    doc = Document.open(path)
    rnd = random.Random(7)
    for i in range(people):
        pid = f"p{i}"
        doc.apply(AddParticipant(Participant(pid, f"Medewerker van directie {i + 1}")))
        w = {c.id: rnd.random() + 0.1 for c in doc.evaluation.criteria}
        total = sum(w.values())
        doc.apply(
            SetWeights(points_from_global(doc.evaluation, {c: v / total for c, v in w.items()}), pid, True)
        )
    doc.apply(SetSetting("anonymous", anonymous))
    return doc


def pages_of(proj: ProjectorWindow, qtbot) -> list[list]:
    """Every page of the current view: the texts painted on each (PgDn until the first page comes back)."""
    out = []
    for _ in range(10):
        proj.grab()
        out.append(list(proj.drawn))
        if proj.page_count() == 1:
            break
        qtbot.keyClick(proj, Qt.Key.Key_PageDown)
        if proj.page_index() == 0:
            break
    return out


def check_readable(proj: ProjectorWindow, drawn) -> list[str]:
    """Problems with the painted texts: too small, elided, wider than their box, outside the window."""
    bad = []
    for d in drawn:
        f = QFont(proj.font())
        f.setPixelSize(d.px)
        f.setBold(d.bold)
        width = QFontMetricsF(f).horizontalAdvance(d.text)
        if d.px < min_px(proj.height()):
            bad.append(f"{d.text!r}: {d.px} px")
        if d.text.endswith("…"):
            bad.append(f"{d.text!r}: elided")
        if width > d.rect.width() + 0.5:
            bad.append(f"{d.text!r}: {width:.0f} px wide in a box of {d.rect.width():.0f}")
        if d.rect.left() < 0 or d.rect.right() > proj.width() + 0.5 or d.rect.bottom() > proj.height() + 0.5:
            bad.append(f"{d.text!r}: outside the window at {d.rect}")
    return bad


def overlaps(drawn) -> list[str]:
    """Texts whose inked areas overlap (headers running together)."""
    out = []
    for i, a in enumerate(drawn):
        for b in drawn[i + 1 :]:
            if a.ink.intersects(b.ink) and a.ink.intersected(b.ink).width() > 1:
                out.append(f"{a.text!r} overlaps {b.text!r}")
    return out


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("source", ["catalogue-1.0", "bundled"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_alternative_and_criterion_is_on_a_page(qtbot, tmp_path, size, source, lang):
    ev = read_evaluation_toml(OLD_SAMPLE) if source == "catalogue-1.0" else load_sample()
    doc = workshop_doc(tmp_path, ev)
    set_language(lang)
    proj = ProjectorWindow(doc)
    qtbot.addWidget(proj)
    proj.resize(*size)
    proj.show()
    proj.setFocus()
    try:
        ev = doc.evaluation
        for key, names in (
            (Qt.Key.Key_R, [a.name for a in ev.alternatives]),
            (Qt.Key.Key_D, [f"{c.id} {text(c.name, lang)}" for c in ev.criteria]),
        ):
            qtbot.keyClick(proj, key)
            pages = pages_of(proj, qtbot)
            painted = " ".join(d.text for page in pages for d in page)
            missing = [n for n in names if n not in painted]
            assert not missing, f"{proj.view} at {size}: not on any page: {missing}"
            for n, page in enumerate(pages):
                problems = check_readable(proj, page) + overlaps(page)
                assert not problems, f"{proj.view} page {n + 1} at {size}:\n" + "\n".join(problems)
        # the criterion view: the long title and the participants' labels
        qtbot.keyClick(proj, Qt.Key.Key_C)
        proj.grab()
        problems = check_readable(proj, proj.drawn) + overlaps(proj.drawn)
        assert not problems, "criterion view:\n" + "\n".join(problems)
    finally:
        doc.close()


def test_anonymous_dutch_headers_stand_apart(qtbot, tmp_path):
    """Ten anonymous participants at 1280×720: 'Deelnemer' headers no longer run into each other."""
    doc = workshop_doc(tmp_path, read_evaluation_toml(OLD_SAMPLE), people=10)
    proj = ProjectorWindow(doc)
    qtbot.addWidget(proj)
    proj.resize(1280, 720)
    proj.show()
    proj.grab()
    try:
        assert not overlaps(proj.drawn)
        painted = [d.text for d in proj.drawn]
        assert "Deelnemer" in " ".join(painted)
        assert all(str(k) in painted for k in range(1, 11)), painted  # a column per participant
    finally:
        doc.close()


def test_excluded_alternatives_are_named_too(qtbot, tmp_path):
    """The bundled sample knocks two alternatives out: the ranking lists them below, marked, not silently gone."""
    doc = workshop_doc(tmp_path, load_sample())
    out = build_problem(doc.evaluation).excluded
    assert out
    proj = ProjectorWindow(doc)
    qtbot.addWidget(proj)
    proj.resize(1920, 1080)
    proj.show()
    try:
        painted = " ".join(d.text for page in pages_of(proj, qtbot) for d in page)
        for a in doc.evaluation.alternatives:
            if a.id in out:
                assert a.name in painted
        assert "valt af" in painted
    finally:
        doc.close()


@pytest.mark.skipif(not os.environ.get("AFWEGING_PROJECTOR_SHOTS"), reason="screenshots on request")
def test_save_projector_screenshots(qtbot, tmp_path):
    """AFWEGING_PROJECTOR_SHOTS=1 writes docs/screenshots/projector-*.png (1920×1080, Dutch) for a person."""
    doc = workshop_doc(tmp_path, read_evaluation_toml(OLD_SAMPLE))
    proj = ProjectorWindow(doc)
    qtbot.addWidget(proj)
    proj.resize(1920, 1080)
    proj.show()
    proj.setFocus()
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        for key, name in (
            (Qt.Key.Key_R, "ranking"),
            (Qt.Key.Key_D, "disagreement"),
            (Qt.Key.Key_C, "criterion"),
        ):
            qtbot.keyClick(proj, key)
            for n, _page in enumerate(pages_of(proj, qtbot)):
                suffix = f"-{n + 1}" if proj.page_count() > 1 else ""
                assert proj.grab().save(str(SHOTS / f"projector-{name}{suffix}.png"))
                qtbot.keyClick(proj, Qt.Key.Key_PageDown)
    finally:
        doc.close()


def test_the_row_stripe_keeps_text_contrast():
    from ui import projector as pc
    from ui.style import MIN_CONTRAST, contrast_ratio

    for colour in (pc.FG, pc.DIM, pc.ACCENT):
        assert contrast_ratio(colour, pc.STRIPE) >= MIN_CONTRAST


def test_participants_that_do_not_fit_are_counted_on_screen(qtbot, tmp_path):
    """Thirty participants at 1280×720: the columns that fit are shown and the screen says how many of all."""
    doc = workshop_doc(tmp_path, load_sample(), people=30)
    proj = ProjectorWindow(doc)
    qtbot.addWidget(proj)
    proj.resize(1280, 720)
    proj.show()
    proj.grab()
    try:
        painted = " ".join(d.text for d in proj.drawn)
        assert "van 30 deelnemers getoond" in painted, painted
        assert not check_readable(proj, proj.drawn) and not overlaps(proj.drawn)
    finally:
        doc.close()
