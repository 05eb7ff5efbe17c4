"""The app's files and preferences: the core's :mod:`evaluator.user_settings`, which the command line reads too."""

from evaluator.user_settings import (  # noqa: F401 - the app's names for them
    APP,
    MAX_RECENT,
    SITE_KEYS,
    Settings,
    config_dir,
    data_dir,
    saved_language,
    settings_path,
    site_config_dir,
    site_settings_path,
)
