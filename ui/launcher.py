"""The ``afweging`` and ``afweging-gui`` commands: a verb runs the command line, anything else the desktop app.

``afweging VERB ...`` is :func:`evaluator.cli.main` (also ``python -m evaluator VERB ...``); ``afweging [FILE]``
opens the app. ``afweging-gui`` is the same as a gui-script: on Windows it starts without a console window.
This is also the entry script of the application bundle (``.ci/afweging.spec``), hence the absolute imports.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from evaluator.cli import main as cli_main
    from evaluator.cli import verb_names

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and (argv[0] in verb_names() or argv[0].startswith("-") or len(argv) > 1):
        return cli_main(argv)  # a verb, an option, or an unknown verb (which the CLI names)
    return run_gui(argv[0] if argv else None)


def run_gui(path: str | None) -> int:
    from evaluator.logs import setup_logging

    setup_logging()
    try:
        from ui.app import run
    except ImportError as exc:
        print(f"afweging: the desktop app cannot start: {exc}", file=sys.stderr)
        return 2
    return run(path)


def gui() -> int:
    """The gui-script: without a console (pythonw, a windowed bundle) stdout and stderr are None."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as we do
    return main()


if __name__ == "__main__":  # the bundle's entry script, console or windowed
    sys.exit(gui())
