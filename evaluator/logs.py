"""Library logging goes to a log file in the user's log directory, never to the user's terminal.

pyHanko, for one, logs tracebacks on suspicious PDFs; those belong in a file a support person can read.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

_configured = False


def log_path() -> Path:
    override = os.environ.get("AFWEGING_LOG_DIR")
    if override:
        return Path(override) / "afweging.log"
    from platformdirs import user_log_path

    return user_log_path("afweging", appauthor=False) / "afweging.log"


def setup_logging(level: int = logging.INFO) -> None:
    """Send all logging (ours and libraries') to a rotating log file; silence the terminal."""
    global _configured
    if _configured:
        return
    _configured = True
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=2, encoding="utf-8"
        )
        os.chmod(path, 0o600)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    logging.lastResort = None
