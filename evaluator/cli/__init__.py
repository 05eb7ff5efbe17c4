"""The ``afweging VERB ...`` command line (also ``python -m evaluator VERB ...``). ``afweging [FILE]``, the desktop
app, is ``ui.launcher``, which hands every verb to :func:`main`: the core never imports the app.

Each verb lives in its own module ``evaluator/cli/cmd_<verb>.py`` defining ``HELP``, ``add_arguments(parser)``
and ``run(args) -> int``; this module finds them, so adding a verb touches no other file. Module-level imports in
those files stay light: heavy libraries are imported inside ``run``.

Messages are in the session's language (:mod:`evaluator.i18n`): ``--lang`` where a verb has it, else
``AFWEGING_LANG``, else the language saved in the app's settings (:mod:`evaluator.user_settings`: the user's,
else the one an IT department pre-set for the site), else the user's locale; every verb's ``--lang`` defaults
to that language.

Exit status: 0 success; 1 a check that failed; 2 input that cannot be used — one line on stderr naming the file,
the place and the problem, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from .. import i18n
from ..errors import AfwegingError, ChangeError, CheckFailed, InputError
from ..i18n import N_, gettext, ngettext


def verb_names() -> set[str]:
    return set(_verbs())


def _verbs() -> dict[str, str]:
    return {
        m.name[4:].replace("_", "-"): f"{__name__}.{m.name}"
        for m in pkgutil.iter_modules(__path__)
        if m.name.startswith("cmd_")
    }


# argparse's own words for a mistyped command line, in the catalogue too: argparse looks up ``_`` and ``ngettext``
# in its module when it speaks, so :func:`_speak_argparse` hands it ours.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
)


DESCRIPTION = N_(
    "Weigh collaboration suites on sovereignty, continuity, licence dependency and on-premise viability; rank, "
    "test and sign the decision."
)


def _speak_argparse() -> None:
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, exit 2 (argparse prints usage too)
        self.print_usage(sys.stderr)
        raise SystemExit(_fail(f"{self.prog}: {message}", 2))


def _fail(message: str, code: int) -> int:
    print(f"afweging: {message}", file=sys.stderr)
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="afweging", description=gettext(DESCRIPTION))
    parser.add_argument("--version", action="version", version=f"afweging {_version()}",
                        help=gettext("show program's version number and exit"))  # fmt: skip
    sub = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    for verb, modname in sorted(_verbs().items()):
        mod = importlib.import_module(modname)
        p = sub.add_parser(verb, help=gettext(mod.HELP), description=gettext(mod.HELP))
        mod.add_arguments(p)
        p.set_defaults(_module=mod)
    return parser


def _version() -> str:
    from .. import __version__

    return __version__


def _lang_in(argv: Sequence[str]) -> str | None:
    """The language ``--lang`` asks for, read before parsing so that the parser's own messages use it."""
    for i, a in enumerate(argv):
        value = (
            argv[i + 1] if a == "--lang" and i + 1 < len(argv) else a[7:] if a.startswith("--lang=") else None
        )
        if value in i18n.LANGUAGES:
            return value
    return None


def _users_language() -> str:
    """``AFWEGING_LANG``, else the language saved in the app's settings (the user's, else the site's), else the
    locale's."""
    import os

    chosen = i18n.supported(os.environ.get("AFWEGING_LANG"))
    if chosen:  # no need to read the settings files
        return chosen
    from ..user_settings import saved_language

    return i18n.detect_language(saved=saved_language())


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from ..logs import setup_logging

    setup_logging()
    i18n.set_language(_lang_in(argv) or _users_language())  # --lang if given (also for argparse's words)
    _speak_argparse()
    if argv and argv[0] not in _verbs() and not argv[0].startswith("-"):
        return _fail(gettext("unknown verb {verb!r}; try: afweging --help").format(verb=argv[0]), 2)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not getattr(args, "verb", None):
        build_parser().print_help()
        return 0
    if hasattr(args, "lang"):
        args.lang = i18n.set_language(args.lang or i18n.language())  # None: the session's; the verb reads it
    try:
        return int(args._module.run(args) or 0)
    except InputError as exc:
        return _fail(exc.line(), 2)
    except ChangeError as exc:
        return _fail(str(exc), 2)
    except CheckFailed as exc:
        return _fail(str(exc), 1)
    except AfwegingError as exc:
        return _fail(str(exc), 2)
    except KeyboardInterrupt:
        return _fail(gettext("interrupted"), 130)
    except BrokenPipeError:
        return 0
    except MemoryError:
        return _fail(gettext("out of memory; try fewer samples"), 2)
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user; the log keeps it
        import logging

        from ..logs import log_path

        logging.getLogger("afweging").exception("internal error in %s", args.verb)
        return _fail(
            gettext("internal error ({error}); details in {log}").format(
                error=f"{type(exc).__name__}: {exc}", log=log_path()
            ),
            2,
        )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
