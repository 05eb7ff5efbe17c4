"""The app's language follows the same order as the command line's: ``AFWEGING_LANG``, else the language the user
(or the site) chose in the app, else the locale; a locale in neither language gives Dutch, the app's users'.
A user who picks Dutch in the app gets a Dutch command line too, whatever the locale."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from evaluator.user_settings import saved_language
from ui.app import create_window
from ui.i18n import language
from ui.settings import settings_path


@pytest.fixture
def locale_env(monkeypatch):
    monkeypatch.delenv("AFWEGING_LANG", raising=False)
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)

    def use(tag: str) -> None:
        monkeypatch.setenv("LANG", tag)

    return use


@pytest.mark.parametrize(
    ("tag", "expected"), [("en_GB.UTF-8", "en"), ("nl_NL.UTF-8", "nl"), ("de_DE.UTF-8", "nl")]
)
def test_without_a_choice_the_app_follows_the_locale(qtbot, locale_env, tag, expected):
    locale_env(tag)
    w = create_window(None, build_rest=False)
    qtbot.addWidget(w)
    assert language() == expected


def test_a_choice_in_the_app_beats_the_locale_and_reaches_the_command_line(qtbot, locale_env, tmp_path):
    locale_env("en_US.UTF-8")
    w = create_window(None, build_rest=False)
    qtbot.addWidget(w)
    assert language() == "en"
    w.set_language("nl")  # the Language menu
    assert json.loads(settings_path().read_text(encoding="utf-8"))["language"] == "nl"
    assert saved_language() == "nl"
    w2 = create_window(None, build_rest=False)  # the next start
    qtbot.addWidget(w2)
    assert language() == "nl"
    out = subprocess.run(
        [sys.executable, "-m", "evaluator", "methods"], capture_output=True, text=True, check=True
    ).stdout
    assert "Gewogen som" in out
