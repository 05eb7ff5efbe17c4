"""Preferences an IT department pre-sets for every user (a system-wide settings.json), and the user's own."""

from __future__ import annotations

import json
from pathlib import Path

from ui.app import create_window
from ui.i18n import language
from ui.settings import Settings, settings_path, site_config_dir, site_settings_path


def write_site(values: dict | str) -> None:
    site_settings_path().parent.mkdir(parents=True, exist_ok=True)
    site_settings_path().write_text(
        values if isinstance(values, str) else json.dumps(values), encoding="utf-8"
    )


def test_the_app_starts_in_the_sites_language_and_the_user_file_does_not_freeze_it(qtbot):
    write_site({"language": "en", "pkcs11_lib": "/opt/token/lib/pkcs11.so"})
    w = create_window(None, build_rest=False)
    qtbot.addWidget(w)
    assert language() == "en"
    assert w.english_action.isChecked()
    own = json.loads(settings_path().read_text(encoding="utf-8"))  # written on opening the sample
    assert "language" not in own and "pkcs11_lib" not in own and own["last"]
    write_site({"language": "nl"})  # the site changes its mind later: the user follows
    assert Settings.load().language == "nl"


def test_a_users_own_choice_wins_over_the_site(qtbot):
    write_site({"language": "en", "text_scale": 1.25})
    w = create_window(None, build_rest=False)
    qtbot.addWidget(w)
    w.set_language("nl")
    assert json.loads(settings_path().read_text(encoding="utf-8"))["language"] == "nl"
    s = Settings.load()
    assert (s.language, s.text_scale) == ("nl", 1.25)


def test_a_site_cannot_set_personal_state_and_bad_values_are_ignored(tmp_path: Path):
    elsewhere = tmp_path / "elsewhere.afweging"
    write_site({"last": str(elsewhere), "recent": [str(elsewhere)], "language": "fr", "text_scale": 9,
                "pkcs11_lib": 3})  # fmt: skip
    s = Settings.load()
    assert (s.last, s.recent, s.language, s.text_scale, s.pkcs11_lib) == ("", [], "", 1.0, "")


def test_a_damaged_site_file_does_not_stop_the_app(qtbot):
    write_site("{not json")
    w = create_window(None, build_rest=False)
    qtbot.addWidget(w)
    assert language() == "nl" and w.doc is not None


def test_afweging_site_config_names_the_folder(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("AFWEGING_SITE_CONFIG", str(tmp_path / "gpo"))
    assert site_config_dir() == tmp_path / "gpo"
    write_site({"pkcs11_lib": r"C:\Windows\System32\token.dll"})
    assert (tmp_path / "gpo" / "settings.json").is_file()
    assert Settings.load().pkcs11_lib == r"C:\Windows\System32\token.dll"
