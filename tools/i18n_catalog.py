"""Extract, update and compile the translation catalogue (see :mod:`evaluator.i18n`).

    python tools/i18n_catalog.py            # extract + update the .po + compile the .mo (make i18n)
    python tools/i18n_catalog.py extract    # only write build/afweging.pot
    python tools/i18n_catalog.py compile    # only compile the .po to the .mo

It runs ``pybabel`` (Babel's command line, in this process) with ``babel.cfg``. The extraction method there is
Babel's Python extractor plus the keyed catalogues: each entry of ``MESSAGES`` (evaluator/text/messages.py)
and ``TEXTS`` (evaluator/report/texts.py) is a message whose context (msgctxt) is its key.
"""

from __future__ import annotations

import ast
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = "afweging"
LOCALE_DIR = "evaluator/locale"
PO = ROOT / LOCALE_DIR / "nl" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")
POT = ROOT / "build" / f"{DOMAIN}.pot"
# besides Babel's defaults (gettext, ngettext, pgettext, npgettext, _, ...)
KEYWORDS = ("tr", "N_", "lazy_gettext")
KEYED = ("MESSAGES", "TEXTS")  # module-level dicts {key: English}, translated with pgettext(key, English)


def keyed_entries(tree: ast.Module) -> Iterator[tuple[int, str, str]]:
    """``(line, key, English)`` of every entry of a keyed catalogue in a module."""
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if not (isinstance(target, ast.Name) and target.id in KEYED and isinstance(node.value, ast.Dict)):
            continue
        for k, v in zip(node.value.keys, node.value.values, strict=True):
            if not (isinstance(k, ast.Constant) and isinstance(k.value, str)):
                continue
            en = _english(v)
            if en is not None:
                yield k.lineno, k.value, en


def _english(v: ast.expr) -> str | None:
    if isinstance(v, ast.Constant) and isinstance(v.value, str):
        return v.value
    if isinstance(v, ast.Tuple) and v.elts:  # (English, Dutch): before tools/i18n_codemod.py ran
        return _english(v.elts[0])
    if isinstance(v, ast.Dict):  # {"en": ..., "nl": ...}: likewise
        for k, x in zip(v.keys, v.values, strict=True):
            if isinstance(k, ast.Constant) and k.value == "en":
                return _english(x)
    return None


def extract_afweging(fileobj, keywords, comment_tags, options):  # noqa: ANN001, ANN201 - Babel's signature
    """Babel extraction method: the Python extractor, plus the keyed catalogues' entries."""
    from babel.messages.extract import extract_python

    data = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)
    source = data.decode(options.get("encoding", "utf-8")) if isinstance(data, bytes) else data
    tree = ast.parse(source)
    yield from in_fstrings(tree)
    if not any(name in source for name in KEYED):
        return
    for line, key, en in keyed_entries(tree):
        yield line, "pgettext", (key, en), []


SIMPLE = ("gettext", "tr", "N_", "_", "lazy_gettext")  # one text as the first argument


def in_fstrings(tree: ast.Module) -> Iterator[tuple[int, str, str, list[str]]]:
    """Texts marked inside an f-string (``f"{pad}{gettext('on a bare matrix')}"``), which Babel's Python extractor
    (before Python 3.12) reads as one string and misses."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        for part in ast.walk(node):
            if not (isinstance(part, ast.Call) and part.args and isinstance(part.args[0], ast.Constant)):
                continue
            name = part.func.id if isinstance(part.func, ast.Name) else getattr(part.func, "attr", "")
            if name in SIMPLE and isinstance(part.args[0].value, str):
                yield part.lineno, name, part.args[0].value, []


def pybabel(*args: str) -> None:
    from babel.messages.frontend import CommandLineInterface

    here = os.getcwd()
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))  # babel.cfg names this module's extractor
    try:
        CommandLineInterface().run(["pybabel", "-q", *args])
    finally:
        sys.path.remove(str(ROOT))
        os.chdir(here)


def extract(pot: Path = POT) -> Path:
    pot.parent.mkdir(parents=True, exist_ok=True)
    kw = [a for k in KEYWORDS for a in ("-k", k)]
    pybabel("extract", "-F", "babel.cfg", *kw, "-c", "Translators:", "--add-location=file", "--sort-output",
            "--project=Afweging", "-o", str(pot), ".")  # fmt: skip
    return pot


def update(pot: Path = POT) -> None:
    pybabel("update", "-i", str(pot), "-d", LOCALE_DIR, "-D", DOMAIN, "-l", "nl", "--no-fuzzy-matching",
            "--ignore-obsolete", "--ignore-pot-creation-date")  # fmt: skip


def compile_mo() -> None:
    pybabel("compile", "-d", LOCALE_DIR, "-D", DOMAIN, "-l", "nl")


def main(argv: list[str]) -> int:
    step = argv[0] if argv else "all"
    if step in ("extract", "all"):
        extract()
    if step in ("update", "all"):
        update()
    if step in ("compile", "all"):
        compile_mo()
    if step not in ("extract", "update", "compile", "all"):
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
