"""The command line's language: ``--lang``, else ``AFWEGING_LANG``, else the language saved in the app's settings
(the user's own, else the one an IT department pre-set for every user), else the locale. The settings files are
the real ones, written by the app's own code, found where platformdirs looks (XDG dirs in a temporary home)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator.user_settings import Settings, saved_language, settings_path, site_settings_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "beter-samenwerken.toml"
DUTCH, ENGLISH = ["rang", "alternatief", "score"], ["rank", "alternative", "score"]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's home with XDG config dirs of its own, an English locale, and no Afweging variables."""
    for var in (
        "AFWEGING_HOME",
        "AFWEGING_SITE_CONFIG",
        "AFWEGING_LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "etc" / "xdg"))  # the system-wide place
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.setenv("AFWEGING_LOG_DIR", str(tmp_path / "log"))
    return tmp_path


def _head(*args: object, **env: str) -> list[str]:
    """The ranking table's header row of ``afweging rank SAMPLE ...`` run as the user of ``home``."""
    p = subprocess.run([sys.executable, "-m", "evaluator", "rank", SAMPLE, *map(str, args)], capture_output=True,
                       text=True, env={**os.environ, **env}, cwd=ROOT, timeout=120)  # fmt: skip
    assert p.returncode == 0, p.stderr
    return p.stdout.splitlines()[1].split()


def _site(values: dict) -> None:
    site_settings_path().parent.mkdir(parents=True, exist_ok=True)
    site_settings_path().write_text(json.dumps(values), encoding="utf-8")


def test_the_settings_live_where_the_user_and_the_site_keep_them(home: Path) -> None:
    assert settings_path() == home / ".config" / "afweging" / "settings.json"
    assert site_settings_path() == home / "etc" / "xdg" / "afweging" / "settings.json"


def test_without_a_saved_language_the_locale_decides(home: Path) -> None:
    Settings(text_scale=1.25).save()  # the app has saved settings, but the language is its default
    assert saved_language() is None
    assert _head() == ENGLISH
    assert _head(LANG="nl_NL.UTF-8") == DUTCH


def test_the_language_saved_in_the_app_beats_the_locale(home: Path) -> None:
    _site({"language": "en"})
    s = Settings.load()
    s.language = "nl"
    s.save()  # as the app does when the user picks Dutch where the site pre-set English
    assert json.loads(settings_path().read_text(encoding="utf-8"))["language"] == "nl"
    assert _head() == DUTCH
    assert _head("--lang", "en") == ENGLISH  # --lang beats it
    assert _head(AFWEGING_LANG="en") == ENGLISH  # and so does AFWEGING_LANG
    p = subprocess.run([sys.executable, "-m", "evaluator", "rank"], capture_output=True, text=True, cwd=ROOT,
                       timeout=120)  # fmt: skip
    assert "de volgende argumenten zijn verplicht: FILE" in p.stderr  # argparse's words too


def test_the_site_presets_the_language_and_the_users_own_choice_wins(home: Path) -> None:
    _site({"language": "nl"})
    assert _head() == DUTCH
    s = Settings.load()
    s.language = "en"
    s.save()  # the user differs from the site: kept in the user's file
    assert _head() == ENGLISH
    assert _head(AFWEGING_LANG="nl") == DUTCH
    assert _head("--lang", "nl", AFWEGING_LANG="en") == DUTCH


def test_a_damaged_or_strange_settings_file_is_passed_over(home: Path) -> None:
    _site({"language": "fr"})
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{not json", encoding="utf-8")
    assert saved_language() is None
    assert _head() == ENGLISH
