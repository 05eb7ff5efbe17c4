"""Where Afweging keeps the user's files and settings: platformdirs, or ``AFWEGING_HOME`` for tests.

Settings (last file, recent files, language, text size) live in a small JSON file in the config directory,
written atomically. A damaged settings file is ignored rather than stopping the app from starting.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from evaluator.files import atomic_path

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


def settings_path() -> Path:
    return config_dir() / "settings.json"


@dataclass
class Settings:
    last: str = ""
    recent: list[str] = field(default_factory=list)
    language: str = "nl"
    text_scale: float = 1.0
    geometry: str = ""  # the main window's size and place (QWidget.saveGeometry, base64)

    @classmethod
    def load(cls) -> Settings:
        try:
            raw = json.loads(settings_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        s = cls()
        if isinstance(raw.get("last"), str):
            s.last = raw["last"]
        if isinstance(raw.get("recent"), list):
            s.recent = [p for p in raw["recent"] if isinstance(p, str)][:MAX_RECENT]
        if raw.get("language") in ("nl", "en"):
            s.language = raw["language"]
        if isinstance(raw.get("text_scale"), int | float) and 0.5 <= raw["text_scale"] <= 3:
            s.text_scale = float(raw["text_scale"])
        if isinstance(raw.get("geometry"), str) and len(raw["geometry"]) < 4096:
            s.geometry = raw["geometry"]
        return s

    def save(self) -> None:
        target = settings_path()
        try:
            with atomic_path(target, ".json-tmp") as tmp:
                tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        except OSError:  # a read-only config dir must not stop the work
            pass

    def remember(self, path: str | os.PathLike) -> None:
        """Make ``path`` the last file and the first of the recent files."""
        p = str(Path(path).resolve())
        self.last = p
        self.recent = [p, *[r for r in self.recent if r != p]][:MAX_RECENT]
