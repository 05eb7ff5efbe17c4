"""Every test starts with the core in English, whatever the machine's locale (tests/ui/conftest.py then sets the
app's Dutch); a test that wants Dutch says so with evaluator.i18n.set_language. The app's settings (which the CLI
reads for its language) are in an empty temporary home, not the developer's."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def english_core():
    from evaluator import i18n

    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture(autouse=True)
def own_settings_home(tmp_path_factory, monkeypatch):
    if "AFWEGING_HOME" not in os.environ:
        monkeypatch.setenv("AFWEGING_HOME", str(tmp_path_factory.mktemp("home")))
