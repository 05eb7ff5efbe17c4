"""Where Afweging keeps the user's files and settings: platformdirs, or ``AFWEGING_HOME`` for tests. The app's
preferences, read by the app (``ui.settings`` is this module) and by the command line, which speaks the language
saved here (:func:`saved_language`) when neither ``--lang`` nor ``AFWEGING_LANG`` says otherwise.

Settings (last file, recent files, language, text size, PKCS#11 library) live in a small JSON file in the config
directory, written atomically. A damaged settings file is ignored rather than stopping the app from starting.

An IT department may pre-set the preferences (``SITE_KEYS``: language, text size, PKCS#11 library) for every user
in a ``settings.json`` in the system-wide config directory (:func:`site_config_dir`). It is read first; the user's
own file overrides it, and holds only the preferences in which the user differs from the site, so a value the site
changes later reaches every user who has not chosen otherwise.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .files import atomic_path
from .i18n import LANGUAGES, detect_language

APP = "afweging"
MAX_RECENT = 8


def data_dir() -> Path:
    home = os.environ.get("AFWEGING_HOME")
    if home:
        return Path(home) / "data"
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    home = os.environ.get("AFWEGING_HOME")
    if home:
        return Path(home) / "config"
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False)


def site_config_dir() -> Path:
    """The system-wide config directory: ``AFWEGING_SITE_CONFIG``; else, under ``AFWEGING_HOME``, its ``site``;
    else platformdirs' (``/etc/xdg/afweging`` on Linux, ``C:\\ProgramData\\afweging`` on Windows)."""
    site = os.environ.get("AFWEGING_SITE_CONFIG")
    if site:
        return Path(site)
    home = os.environ.get("AFWEGING_HOME")
    if home:
        return Path(home) / "site"
    from platformdirs import site_config_path

    return site_config_path(APP, appauthor=False)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def site_settings_path() -> Path:
    return site_config_dir() / "settings.json"


SITE_KEYS = ("language", "text_scale", "pkcs11_lib")  # what a site may pre-set; the rest is the user's own


def _read(path: Path) -> dict:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def saved_language() -> str | None:
    """The language the user chose in the app, else the one the site pre-set; ``None`` when neither did (the app's
    own default is not a choice: the command line then follows the locale)."""
    for raw in (_read(settings_path()), _read(site_settings_path())):
        if raw.get("language") in LANGUAGES:
            return raw["language"]
    return None


@dataclass
class Settings:
    last: str = ""
    recent: list[str] = field(default_factory=list)
    language: str = ""  # "" = not chosen: AFWEGING_LANG, else the locale (see :meth:`app_language`)
    text_scale: float = 1.0
    geometry: str = ""  # the main window's size and place (QWidget.saveGeometry, base64)
    pkcs11_lib: str = ""  # the smartcard's PKCS#11 library; empty: look in the usual places

    def app_language(self) -> str:
        """The app's language, in the command line's order: ``AFWEGING_LANG``, else the language chosen in the app
        (the user's, else the site's), else the locale; a locale in neither language gives Dutch, the language of
        the app's users (the command line falls back to English there, for scripts and logs)."""
        return detect_language(saved=self.language or None, default="nl")

    @classmethod
    def site(cls) -> Settings:
        """The defaults with the site's pre-set preferences (only ``SITE_KEYS``) applied."""
        raw = _read(site_settings_path())
        return cls()._apply({k: raw[k] for k in SITE_KEYS if k in raw})

    @classmethod
    def load(cls) -> Settings:
        return cls.site()._apply(_read(settings_path()))

    def _apply(self, raw: dict) -> Settings:
        """Take the valid values of ``raw``; anything else keeps the value it had."""
        s = self
        if isinstance(raw.get("last"), str):
            s.last = raw["last"]
        if isinstance(raw.get("recent"), list):
            s.recent = [p for p in raw["recent"] if isinstance(p, str)][:MAX_RECENT]
        if raw.get("language") in LANGUAGES:
            s.language = raw["language"]
        if isinstance(raw.get("text_scale"), int | float) and 0.5 <= raw["text_scale"] <= 3:
            s.text_scale = float(raw["text_scale"])
        if isinstance(raw.get("geometry"), str) and len(raw["geometry"]) < 4096:
            s.geometry = raw["geometry"]
        if isinstance(raw.get("pkcs11_lib"), str) and len(raw["pkcs11_lib"]) < 4096:
            s.pkcs11_lib = raw["pkcs11_lib"]
        return s

    def save(self) -> None:
        """Write the user's file: everything but the preferences that are what the site (or default) says."""
        site = asdict(Settings.site())
        own = {k: v for k, v in asdict(self).items() if k not in SITE_KEYS or v != site[k]}
        target = settings_path()
        try:
            with atomic_path(target, ".json-tmp") as tmp:
                tmp.write_text(json.dumps(own, indent=2, ensure_ascii=False), encoding="utf-8")
        except OSError:  # a read-only config dir must not stop the work
            pass

    def remember(self, path: str | os.PathLike) -> None:
        """Make ``path`` the last file and the first of the recent files."""
        p = str(Path(path).resolve())
        self.last = p
        self.recent = [p, *[r for r in self.recent if r != p]][:MAX_RECENT]
