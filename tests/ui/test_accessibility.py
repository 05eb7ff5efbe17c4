"""Accessibility (issue 11; EN 301 549 / WCAG 2.1 AA): what a screen reader hears and what low vision sees.

Walks every page and tab of the main window, every dialog and the projector window, in Dutch and English:
every focusable interactive widget has a name Qt really exposes to assistive technology (a buddy label counts
only when Qt passes it on), every chart has a name, a description that says in words what it shows, and takes
keyboard focus. Contrast is computed from the colour constants (WCAG 1.4.3 text ≥ 4.5:1, 1.4.11 graphics ≥ 3:1).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tests.ui.walk import each_view
from ui.charts.stability_band import StabilityBand
from ui.i18n import set_language
from ui.main_window import MainWindow

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QAbstractScrollArea,  # a focusable scroll area (the memo preview) is a stop on the Tab chain
)
VOTES = {"Ann": (80, 60, 20, 10), "Bob": (10, 20, 90, 70), "Cem": (50, 50, 50, 50)}


def exposed_name(w: QWidget) -> str:
    """The name a screen reader hears: what Qt's accessibility interface reports, not what we hope it does."""
    iface = QAccessible.queryAccessibleInterface(w)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "").strip()


def is_chart(w: QWidget) -> bool:
    return type(w).__module__.startswith("ui.charts.") and not isinstance(w, StabilityBand)


def describe(w: QWidget) -> str:
    return f"{type(w).__name__} {w.objectName() or ''}".strip() + f" in {type(w.parentWidget()).__name__}"


def problems(top: QWidget, where: str) -> list[str]:
    """Nameless interactive widgets and charts without a text alternative among what ``top`` shows."""
    found = []
    for w in [top, *top.findChildren(QWidget)]:
        if not (w is top or w.isVisibleTo(top)) or w.window() is not top.window():
            continue
        if is_chart(w) or w is top and top.isWindow() and is_chart_window(w):
            if not exposed_name(w):
                found.append(f"{where}: chart {describe(w)} has no name")
            if len(w.accessibleDescription().split()) < 8:
                found.append(f"{where}: chart {describe(w)} has no description in words")
            if w.focusPolicy() == Qt.FocusPolicy.NoFocus:
                found.append(f"{where}: chart {describe(w)} cannot take focus")
        elif isinstance(w, StabilityBand):
            if w.low is not None and not w.slider.accessibleDescription():
                found.append(f"{where}: stability band of {exposed_name(w.slider)!r} is not in words")
        elif isinstance(w, INTERACTIVE) and w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isEnabled():
            if isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
                continue  # the spin box's or combo box's own editor: the box itself carries the name
            if not exposed_name(w):
                found.append(f"{where}: {describe(w)} has no accessible name")
    return found


def is_chart_window(w: QWidget) -> bool:
    from ui.projector import ProjectorWindow

    return isinstance(w, ProjectorWindow)


def vote_round(qtbot, window: MainWindow) -> None:
    """Three participants vote, so the workshop page shows its disagreement chart and rankings."""
    ws = window.show_page("workshop")
    qtbot.waitUntil(ws.isVisible)
    for name in VOTES:
        ws.new_name.setText(name)
        ws.add_participant()
    for points in VOTES.values():
        for slider, v in zip(ws.sliders.values(), points, strict=True):
            slider.setValue(v)
        ws.submit_vote()
    assert ws.results.isVisible()


def run_robustness(qtbot, window: MainWindow) -> None:
    """A short robustness run, so the sensitivity page shows its acceptability chart and tables."""
    from tests.ui.test_sensitivity_view import run_to_end

    view = window.show_page("sensitivity")
    qtbot.waitUntil(view.isVisible)
    run_to_end(qtbot, view, samples=200)
    assert view.chart.isVisibleTo(window)


def test_the_check_finds_a_nameless_field_and_a_mute_chart(qtbot):
    """The check can fail: an unnamed line edit beside a label without a buddy, and a bare chart."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    from ui.charts.spread import SpreadChart

    w = QWidget()
    lay = QVBoxLayout(w)
    lay.addWidget(QLabel("Password:"))
    lay.addWidget(edit := QLineEdit())
    lay.addWidget(chart := SpreadChart())
    chart.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    chart.setAccessibleDescription("")
    chart.setAccessibleName("")
    qtbot.addWidget(w)
    found = problems(w, "test")
    assert any("QLineEdit" in f for f in found)
    assert sum("SpreadChart" in f for f in found) == 3
    edit.setAccessibleName("Password")
    assert not any("QLineEdit" in f for f in problems(w, "test"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_names_its_widgets_and_describes_its_charts(qtbot, window: MainWindow, lang: str):
    set_language(lang)
    vote_round(qtbot, window)
    run_robustness(qtbot, window)
    found = []
    for where, page in each_view(qtbot, window):
        if where == "weights":  # its stability bands are computed off the GUI thread: check them once shown
            qtbot.waitUntil(lambda page=page: not page.points.bands_pending)
            assert any(r.band.low is not None for r in page.points.rows.values())
        found += problems(window, f"{lang} {where}")
    assert not found, f"{len(found)} problems:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_dialog_names_its_widgets(qtbot, window: MainWindow, lang: str):
    from tests.ui.modals import answer
    from ui.export_memo_dialog import ExportMemoDialog
    from ui.verify_dialog import VerifyDialog

    set_language(lang)
    vote_round(qtbot, window)
    weights = window.show_page("weights")
    qtbot.waitUntil(weights.isVisible)
    dialogs = [
        ("AHP", weights.ahp.open_dialog()),
        ("verify", VerifyDialog(window)),
        ("memo", ExportMemoDialog(window.doc, window)),
    ]
    # the question dialogs the app builds itself: the catalogue picker and the add-a-name questions
    found = []

    def look(name: str):
        def step(dlg: QWidget) -> None:
            found.extend(problems(dlg, f"{lang} {name}"))
            dlg.reject()

        return step

    seen = answer(qtbot, [look("catalogue picker")], window.ask_new_from_catalogue)
    seen += answer(qtbot, [look("add area")], window.show_page("criteria").ask_add_area)
    seen += answer(qtbot, [look("add alternative")], window.show_page("alternatives").ask_add)
    assert [type(d).__name__ for d in seen] == ["QInputDialog"] * 3
    window.show_page("workshop").show_projector()
    projector = window.show_page("workshop").projector
    qtbot.waitExposed(projector)
    for name, dlg in dialogs:
        dlg.show()
        QApplication.processEvents()
        found += problems(dlg, f"{lang} {name}")
        if name == "memo":  # each way of signing shows its own fields
            for mode in (dlg.mode_p12, dlg.mode_p11):
                mode.setChecked(True)
                QApplication.processEvents()
                found += problems(dlg, f"{lang} {name} {mode.text()}")
        dlg.close()
    for key in (Qt.Key.Key_R, Qt.Key.Key_D, Qt.Key.Key_C):
        qtbot.keyClick(projector, key)
        found += problems(projector, f"{lang} projector {projector.view}")
    projector.close()
    assert not found, f"{len(found)} problems:\n" + "\n".join(found)


def test_the_disagreement_chart_reads_out_the_agenda(qtbot, window: MainWindow):
    """The chart's message — which criteria to discuss first — exists in text, in the agenda's order."""
    from evaluator.workshop import disagreement

    set_language("en")
    vote_round(qtbot, window)
    chart = window.show_page("workshop").chart
    d = chart.accessibleDescription()
    order = [s.criterion for s in disagreement(window.doc.evaluation)]
    positions = [d.find(f"{c} ") for c in order]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), d
    assert "disagree" in d


def test_the_projector_says_what_it_shows(qtbot, window: MainWindow):
    """The projector is one painted surface: its description carries each view in words."""
    set_language("nl")
    vote_round(qtbot, window)
    ws = window.show_page("workshop")
    ws.show_projector()
    projector = ws.projector
    qtbot.waitExposed(projector)
    qtbot.keyClick(projector, Qt.Key.Key_D)
    first = window.doc.evaluation.criterion(projector.agenda()[0])
    d = projector.accessibleDescription()
    assert "Agenda" in d and f"1. {first.id} {first.name['nl']}" in d
    qtbot.keyClick(projector, Qt.Key.Key_R)
    assert "1. " in projector.accessibleDescription() and "Rangorde" in projector.accessibleDescription()
    projector.close()


# -- contrast (WCAG 1.4.3 text ≥ 4.5:1, 1.4.11 graphics ≥ 3:1), computed from the colour constants -----------

CHART_BACKGROUNDS = ("#ffffff", "#f7f7f7")  # Base and AlternateBase (striped rows) behind the charts


def contrast_failures() -> list[str]:
    from ui import projector as pc
    from ui.charts import acceptability, palette, spread, stability_band
    from ui.style import MIN_CONTRAST, MIN_GRAPHIC_CONTRAST, contrast_ratio, text_on

    out = []

    def need(what: str, a: str, b: str, least: float) -> None:
        if (r := contrast_ratio(a, b)) < least:
            out.append(f"{what}: {a} on {b} is {r:.2f}:1 < {least}:1")

    for i, c in enumerate(palette.AREA_COLOURS):
        for bg in CHART_BACKGROUNDS:
            need(f"area colour {i}", c, bg, MIN_GRAPHIC_CONTRAST)
    for i, c in enumerate(palette.SERIES_COLOURS):
        need(f"series colour {i}", c, "#ffffff", MIN_GRAPHIC_CONTRAST)
    for area in range(len(palette.AREA_COLOURS)):
        for count in range(1, 9):
            for k in range(count):
                c = palette.criterion_colour(area, k, count).name()
                for bg in CHART_BACKGROUNDS:
                    need(f"criterion tint {area}/{k}/{count}", c, bg, MIN_GRAPHIC_CONTRAST)
    band = stability_band
    need("stability band on its track", band.BAND_COLOUR, band.TRACK_COLOUR, MIN_GRAPHIC_CONTRAST)
    need("stability band on the window", band.BAND_COLOUR, "#efefef", MIN_GRAPHIC_CONTRAST)
    need("stability band edge on the band", band.EDGE_COLOUR, band.BAND_COLOUR, MIN_GRAPHIC_CONTRAST)
    for name, col in (("light", spread.LIGHT), ("dark", spread.DARK)):
        need(f"spread {name} text", col.text, col.background, MIN_CONTRAST)
        for part in ("dot", "group", "grid"):
            need(f"spread {name} {part}", getattr(col, part), col.background, MIN_GRAPHIC_CONTRAST)
        for part in ("dot", "group"):
            need(f"spread {name} {part} on the box", getattr(col, part), col.box, MIN_GRAPHIC_CONTRAST)
    for count in range(1, 12):
        for rank in range(count):
            c = acceptability.rank_colour(rank, count).name()
            need(f"acceptability rank {rank}/{count} text", text_on(c), c, MIN_CONTRAST)
    for name in ("FG", "DIM", "ACCENT"):
        need(f"projector {name}", getattr(pc, name), pc.BG, MIN_CONTRAST)
    return out


def test_every_colour_meets_its_contrast():
    found = contrast_failures()
    assert not found, f"{len(found)} colours below contrast:\n" + "\n".join(found)


# Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
_CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}  # fmt: skip


def _lab_as_seen(colour: str, matrix) -> tuple[float, float, float]:
    c = QColor(colour)
    rgb = [
        (v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
        for v in (c.redF(), c.greenF(), c.blueF())
    ]
    rgb = [min(1.0, max(0.0, sum(m * v for m, v in zip(row, rgb, strict=True)))) for row in matrix]
    xyz = [
        (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047,
        0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2],
        (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883,
    ]
    f = [v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def test_area_colours_stay_apart_for_colour_blind_viewers():
    """Darker is not allowed to mean alike: every pair of area colours differs by ΔE ≥ 8 under each simulated
    colour blindness (Okabe–Ito's originals manage 6.1, vermillion against brown under protanopia)."""
    import math

    from ui.charts.palette import AREA_COLOURS

    close = []
    for kind, matrix in _CVD.items():
        labs = [_lab_as_seen(c, matrix) for c in AREA_COLOURS]
        for i in range(len(labs)):
            for j in range(i + 1, len(labs)):
                if (d := math.dist(labs[i], labs[j])) < 8:
                    close.append(f"{kind}: {AREA_COLOURS[i]} ~ {AREA_COLOURS[j]} (ΔE {d:.1f})")
    assert not close, "\n".join(close)


# -- focus visibility (WCAG 2.4.7): sliders, combo boxes and charts show a ≥ 2 px outline at ≥ 3:1 --------------


def focus_pixels(w: QWidget) -> int:
    """Pixels of the focus colour in a picture of ``w`` and 6 px around it (only the outline has that colour)."""
    from PySide6.QtCore import QPoint, QRect

    from ui.style import FOCUS_COLOUR

    top = w.window()  # the ring is a child painted over the widget: take the window around it
    img = top.grab(QRect(w.mapTo(top, QPoint(0, 0)), w.size()).adjusted(-6, -6, 6, 6)).toImage()
    want = QColor(FOCUS_COLOUR).rgb()
    return sum(img.pixel(x, y) == want for x in range(img.width()) for y in range(img.height()))


def shows_focus(qtbot, w: QWidget) -> tuple[int, int]:
    """(focus-colour pixels without focus, with focus)."""
    w.clearFocus()
    QApplication.processEvents()
    before = focus_pixels(w)
    w.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(w.hasFocus)
    return before, focus_pixels(w)


def test_focus_is_clearly_visible(qtbot, window: MainWindow, tmp_path):
    import os
    from pathlib import Path

    from ui.style import FOCUS_COLOUR, FOCUS_WIDTH, MIN_GRAPHIC_CONTRAST, contrast_ratio

    assert FOCUS_WIDTH >= 2 and contrast_ratio(FOCUS_COLOUR, "#ffffff") >= MIN_GRAPHIC_CONTRAST
    assert contrast_ratio(FOCUS_COLOUR, "#efefef") >= MIN_GRAPHIC_CONTRAST
    shots = Path(os.environ.get("AFWEGING_SCREENSHOTS") or tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    vote_round(qtbot, window)
    weights = window.show_page("weights")
    qtbot.waitUntil(weights.isVisible)
    slider = next(s for s in weights.findChildren(QAbstractSlider) if s.isVisible())
    found = []
    combo = window.show_page("workshop").aggregation
    for name, w in (("slider", slider), ("combo box", combo)):
        window.show_page("weights" if w is slider else "workshop")
        qtbot.waitUntil(w.isVisible)
        before, after = shows_focus(qtbot, w)
        perimeter = 2 * (w.width() + w.height())
        if after - before < perimeter * (FOCUS_WIDTH - 1):  # allow for rounded corners
            found.append(
                f"{name}: {after - before} focus pixels, a {FOCUS_WIDTH} px outline needs ~{perimeter * FOCUS_WIDTH}"
            )
    window.show_page("weights")
    qtbot.waitUntil(slider.isVisible)
    slider.setFocus()
    assert window.grab().save(str(shots / "a11y-weights-focused-slider.png"))
    ws = window.show_page("workshop")
    qtbot.waitUntil(ws.chart.isVisible)
    results = window.show_page("results")
    qtbot.waitUntil(results.isVisible)
    for name, w in (("ranking chart", results.chart), ("radar", results.radar)):
        before, after = shows_focus(qtbot, w)
        if after - before < 2 * (w.width() + w.height()) * (FOCUS_WIDTH - 1):
            found.append(f"{name}: {after - before} focus pixels")
    ws = window.show_page("workshop")
    qtbot.waitUntil(ws.chart.isVisible)
    before, after = shows_focus(qtbot, ws.chart)
    if after - before < 2 * (ws.chart.width() + ws.chart.height()) * (FOCUS_WIDTH - 1):
        found.append(f"disagreement chart: {after - before} focus pixels")
    ws.scroll.ensureWidgetVisible(ws.chart)
    assert ws.chart.grab().save(str(shots / "a11y-disagreement-chart-focused.png"))
    assert window.grab().save(str(shots / "a11y-workshop.png"))
    assert not found, "\n".join(found)


def test_names_follow_the_language(qtbot, window: MainWindow):
    """A name set in code is translated when the language changes, like the label it stands for."""
    from ui.export_memo_dialog import ExportMemoDialog
    from ui.verify_dialog import VerifyDialog

    vote_round(qtbot, window)
    memo, verify = ExportMemoDialog(window.doc, window), VerifyDialog(window)
    chart = window.show_page("workshop").chart
    assert (memo.password.accessibleName(), verify.trust.accessibleName()) == (
        "Wachtwoord",
        "Vertrouwd basiscertificaat",
    )
    assert "Agenda: de criteria" in chart.accessibleDescription()
    set_language("en")
    assert (memo.password.accessibleName(), verify.trust.accessibleName()) == (
        "Password",
        "Trusted root certificate",
    )
    assert "Agenda: the criteria" in chart.accessibleDescription()
    assert chart.accessibleName() == "Disagreement chart"
    memo.close()
    verify.close()


@pytest.mark.parametrize("theme", ["style", "dark"])
def test_text_on_the_palette_reads_at_4_5(qtbot, window: MainWindow, theme: str):
    """Selected text and placeholder text on the running palette (Fusion's selection is 3.7:1 by itself); a
    dark theme keeps its own colours and still passes."""
    from PySide6.QtGui import QPalette

    from ui.style import MIN_CONTRAST, contrast_ratio, over, readable_palette

    role = QPalette.ColorRole
    p = QApplication.palette()
    if theme == "dark":
        p = QPalette(QColor("#303030"))
        p.setColor(role.Base, QColor("#1e1e1e"))
        p.setColor(role.Text, QColor("#ffffff"))
        p.setColor(role.PlaceholderText, QColor(255, 255, 255, 60))
        p = readable_palette(p)
    found = []
    for fg, bg in (
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.PlaceholderText, role.Base),
        (role.ToolTipText, role.ToolTipBase),
    ):
        b = p.color(bg)
        f = over(p.color(fg), b)
        if contrast_ratio(f, b.name()) < MIN_CONTRAST:
            found.append(f"{fg.name} {f} on {bg.name} {b.name()}: {contrast_ratio(f, b.name()):.2f}:1")
    assert not found, "\n".join(found)
