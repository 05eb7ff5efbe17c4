"""Numbers and dates as the reader's language writes them, from one helper (evaluator.formats, Babel) that the
CLI, the memo, the findings and the app share; never ``1e+06``."""

from __future__ import annotations

import pytest

from evaluator.formats import date_text, fill, moment_text, num, number
from evaluator.invariants import Problem
from evaluator.model import Scale
from evaluator.scales import format_score
from evaluator.text import number as finding_number
from evaluator.text import percent as pct


@pytest.mark.parametrize(
    ("x", "nl", "en"),
    [(1e6, "1.000.000", "1,000,000"), (12.5, "12,5", "12.5"), (1234567.891, "1.234.567,891", "1,234,567.891"),
     (-0.0001, "0", "0"), (1e-7, "0", "0"), (None, "–", "–"), (float("nan"), "–", "–")],
)  # fmt: skip
def test_a_number_as_each_language_writes_it(x, nl: str, en: str) -> None:
    assert number(x, "nl") == nl and number(x, "en") == en


def test_decimals_percentages_and_dates() -> None:
    assert num(0.75712, "nl", 4) == "0,7571" and num(0.75712, "en", 4) == "0.7571"
    assert num(-0.001, "nl", 2) == "0,00"  # never -0,00
    assert pct(0.125, "nl", 1) == "12,5 %" and pct(0.125, "en", 1) == "12.5 %"
    assert finding_number(1234.5, "nl", 1) == "1.234,5"  # the findings use the same helper
    assert date_text("2026-11-30", "nl") == "30 november 2026"
    assert date_text("2026-11-30", "en") == "30 November 2026"
    assert moment_text("not a date", "nl") == "not a date"


def test_messages_never_show_an_exponent() -> None:
    assert fill("weight {w:g} is negative", "en", w=-1e6) == "weight -1,000,000 is negative"
    assert fill("bound {b:g}", "nl", b=1e308) == "bound 1e+308"  # beyond any scale a person types: no failure
    assert fill("{n:,} samples, seed {seed}", "nl", n=1_000_000, seed=2026) == "1.000.000 samples, seed 2026"
    problem = Problem("criteria[0].minimum", "minimum", {"value": 1e6, "low": 0.0, "high": 10.0})
    assert problem.text("nl") == "minimum 1.000.000 ligt buiten de schaal 0–10"
    assert "e+" not in problem.text("en") and "1,000,000" in problem.text("en")


def test_a_score_on_a_scale_with_a_big_number() -> None:
    scale = Scale(kind="numeric", lower=0.0, upper=1e7, unit="€")
    assert format_score(scale, 1e6, "nl") == "1.000.000 €"
    assert format_score(Scale(kind="boolean"), 1.0, "nl") == "ja"


def test_a_month_as_sources_are_dated_is_written_out() -> None:
    from evaluator.formats import date_text

    assert date_text("2024-09", "nl") == "september 2024"
    assert date_text("2024-09", "en") == "September 2024"
    assert date_text("2024-13", "nl") == "2024-13"  # not a month: as typed
    assert date_text("2024", "nl") == "2024"
