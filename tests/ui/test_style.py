"""Colours meet WCAG 2.1 AA (text contrast ≥ 4.5:1) and do not carry meaning alone."""

from __future__ import annotations

import pytest

from ui import style


def test_contrast_ratio_matches_wcag_reference_values():
    assert style.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert style.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("value", [i / 20 for i in range(21)] + [None, float("nan")])
def test_every_cell_colour_has_readable_text(value):
    bg, fg = style.value_colours(value)
    assert style.contrast_ratio(bg, fg) >= style.MIN_CONTRAST


def test_the_ramp_gets_darker_as_values_get_better():
    lum = [style.relative_luminance(c) for c in style.RAMP]
    assert lum == sorted(lum, reverse=True)
    assert style.value_colours(0.0)[0] != style.value_colours(1.0)[0]


def test_uncertain_and_missing_scores_are_marked_with_text_not_only_colour(doc, qtbot):
    from ui.models.scores_model import ScoresModel

    m = ScoresModel(doc)
    uncertain = m.index_of("nextcloud", "A2")
    assert uncertain.data().endswith(style.UNCERTAIN_MARK)
    assert "lage zekerheid" in uncertain.data(0x03)  # tooltip says why
    sure = m.index_of("nextcloud", "A1")
    assert style.UNCERTAIN_MARK not in sure.data()
    assert m.index_of("teams", "B1").data() == "3 firms"
    assert m.index_of("teams", "B2").data() == "nee"
