"""Every test starts with the core in English, whatever the machine's locale (tests/ui/conftest.py then sets the
app's Dutch); a test that wants Dutch says so with evaluator.i18n.set_language."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def english_core():
    from evaluator import i18n

    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)
