"""Move hard-coded (English, Dutch) pairs into the gettext catalogue: source keeps the English, the .po the Dutch.

    python tools/i18n_codemod.py                 # convert evaluator/ and ui/, then: python tools/i18n_catalog.py
    python tools/i18n_codemod.py --check         # change nothing; exit 1 when a pair is left
    python tools/i18n_codemod.py ui/foo.py ...   # only these files or folders

Idempotent and re-runnable: a converted site no longer looks like a pair, so a second run changes nothing. It
works on exact source positions (``ast``), so code around a site is left as it was, and runs ``ruff format``
and ``ruff check --select I --fix`` on the files it changed. What it converts (every Dutch text goes to
evaluator/locale/nl/LC_MESSAGES/afweging.po with its English as msgid):

- ``tr("en", "nl")`` → ``tr("en")``; f-strings → ``tr("Saved {name} ({n_pages} pages)").format(name=name,
  n_pages=len(pages))``: a placeholder's name is the expression when it is a simple name, else derived from it
  (``self.title`` → ``title``, ``len(items)`` → ``n_items``). Both texts must use the same expressions.
- ``_lang(lang, "nl", "en")`` → ``gettext("en", lang)``; ``"nl" if lang == "nl" else "en"`` (also ``!=``,
  ``== "en"``, and a flag ``nl = lang == "nl"`` … ``"nl" if nl else "en"``; ``{"en": "en", "nl": "nl"}[lang]``)
  → ``gettext("en", lang)``; ``ChangeError("en", nl="nl")`` (any error class, other arguments kept) → ``ChangeError(gettext("en"))``;
  ``gettext`` is imported where it is not yet.
- keyed catalogues (module-level ``MESSAGES``/``TEXTS``): ``"key": {"en": E, "nl": N}`` or ``"key": (E, N)`` →
  ``"key": E``, with msgctxt = key in the .po.

``--errors`` also wraps English-only error messages (``InputError("...")`` and the like) in ``gettext``; their
Dutch is left empty in the .po for a translator.

It exits 1 and lists the sites it could not convert (a pair whose texts use different expressions, a pair of
variables, a placeholder inside a format spec, a keyed entry whose placeholders differ): those need a hand.
Other ``== "nl"`` tests are listed as notes to review (a CSV separator is no translation), without failing.
The same English with two different Dutch texts keeps the first and is listed as a note.
"""

from __future__ import annotations

import argparse
import ast
import keyword
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO_PATH = "evaluator/locale/nl/LC_MESSAGES/afweging.po"
PO = ROOT / PO_PATH
DEFAULT_PATHS = ("evaluator", "ui")
SKIP = {"evaluator/i18n.py", "ui/i18n.py"}  # the implementations of the old and new forms
KEYED = ("MESSAGES", "TEXTS")
ERRORS = (
    "InputError",
    "ChangeError",
    "CheckFailed",
    "StoreError",
    "StaleFile",
)  # --errors: their English message
WRAP = 88  # a converted literal longer than this is split into implicitly concatenated pieces


class Unconvertible(Exception):
    pass


@dataclass
class Entry:
    msgid: str
    msgstr: str
    context: str | None
    where: str


@dataclass
class Edit:
    start: int  # byte offsets in the UTF-8 source
    end: int
    text: str


@dataclass
class FileResult:
    edits: list[Edit] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    needs_gettext: bool = False


# -- texts and their placeholders ---------------------------------------------------------------------------------


@dataclass
class Text:
    parts: list  # str (literal text) or (key, conversion, spec, expr)
    fstring: bool

    def keys(self) -> list[str]:
        return [p[0] for p in self.parts if isinstance(p, tuple)]

    def template(self, names: dict[str, str] | None) -> str:
        if not self.fstring:
            return "".join(self.parts)
        out = []
        for p in self.parts:
            if isinstance(p, str):
                out.append(p.replace("{", "{{").replace("}", "}}") if names else p)
            else:
                key, conv, spec, _ = p
                out.append("{" + names[key] + conv + (":" + spec if spec else "") + "}")
        return "".join(out)


def text_of(node: ast.expr) -> Text:
    """The literal text of a string, f-string, implicit or ``+`` concatenation of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return Text([node.value], False)
    if isinstance(node, ast.JoinedStr):
        parts: list = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                parts.append(v.value)
            elif isinstance(v, ast.FormattedValue):
                spec = ""
                if v.format_spec is not None:
                    for s in v.format_spec.values:
                        if not isinstance(s, ast.Constant):
                            raise Unconvertible("a placeholder inside a format spec")
                        spec += s.value
                conv = "" if v.conversion == -1 else "!" + chr(v.conversion)
                parts.append((ast.unparse(v.value), conv, spec, v.value))
            else:
                raise Unconvertible("an f-string part that is not text or a placeholder")
        return Text(parts, any(isinstance(p, tuple) for p in parts))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = text_of(node.left), text_of(node.right)
        return Text(a.parts + b.parts, a.fstring or b.fstring)
    raise Unconvertible(f"not a literal text: {ast.unparse(node)[:60]}")


def is_text(node: ast.expr) -> bool:
    try:
        text_of(node)
    except Unconvertible:
        return False
    return True


def looks_translated(node: ast.expr) -> bool:
    """A branch of a language test that holds words: a text with letters, a tuple of them, a name like ``nl``."""
    if isinstance(node, ast.Tuple):
        return any(looks_translated(x) for x in node.elts)
    if isinstance(node, ast.Name | ast.Attribute):
        name = node.id if isinstance(node, ast.Name) else node.attr
        return name in ("nl", "en") or name.endswith(("_nl", "_en"))
    try:
        t = text_of(node)
    except Unconvertible:
        return False
    return any(isinstance(p, str) and re.search(r"[^\W\d_]{2}", p) for p in t.parts)


_HELPERS = {
    "str",
    "repr",
    "int",
    "float",
    "round",
    "abs",
    "sorted",
    "list",
    "tuple",
    "set",
    "format",
    "number",
    "percent",
    "pct",
    "num",
    "text",
    "pick",
    "fmt",
    "date_text",
    "moment_text",
    "plain",
    "_plain",
}
_STR_METHODS = {
    "strip",
    "lower",
    "upper",
    "casefold",
    "title",
    "capitalize",
    "replace",
    "format",
    "rstrip",
    "lstrip",
}


def derive(e: ast.expr) -> str:
    """A placeholder name for an expression: the name itself, an attribute's name, ``n_x`` for ``len(x)``."""
    if isinstance(e, ast.Name):
        return e.id
    if isinstance(e, ast.Attribute):
        return e.attr
    if isinstance(e, ast.Subscript):
        s = e.slice
        if isinstance(s, ast.Constant) and isinstance(s.value, str) and s.value.isidentifier():
            return s.value
        return derive(e.value)
    if isinstance(e, ast.Call):
        f = e.func
        if isinstance(f, ast.Name) and f.id == "len" and e.args:
            return "n_" + derive(e.args[0])
        first = e.args[0] if e.args else None
        if isinstance(f, ast.Name) and f.id in _HELPERS and first is not None:
            return derive(first)  # number(s.low, 1) → low, text(c.name, lang) → name
        if isinstance(f, ast.Name):
            return f.id  # participant_label(ev, pid) → participant_label
        if isinstance(f, ast.Attribute) and f.attr in ("join", "get") and first is not None:
            return derive(first)  # ", ".join(names) → names; labels.get(key) → key
        if isinstance(f, ast.Attribute) and f.attr in _STR_METHODS:
            return derive(f.value)  # name.strip() → name
        if isinstance(f, ast.Attribute):
            return f.attr
    return "value"


def _clean(name: str) -> str:
    name = re.sub(r"\W", "_", name).strip("_") or "value"
    if name[0].isdigit():
        name = "v" + name
    if keyword.iskeyword(name) or name in ("lang",):
        name += "_"
    return name


def placeholder_names(*texts: Text) -> tuple[dict[str, str], dict[str, ast.expr]]:
    names: dict[str, str] = {}
    exprs: dict[str, ast.expr] = {}
    taken: set[str] = set()
    for t in texts:
        for p in t.parts:
            if isinstance(p, tuple) and p[0] not in names:
                base = _clean(derive(p[3]))
                name, i = base, 2
                while name in taken:
                    name, i = f"{base}{i}", i + 1
                names[p[0]], exprs[p[0]] = name, p[3]
                taken.add(name)
    return names, exprs


def literal(s: str) -> str:
    """A double-quoted Python literal of ``s``."""
    body = repr(s)
    if body.startswith("'"):
        body = '"' + body[1:-1].replace("\\'", "'").replace('"', '\\"') + '"'
    return body


def wrapped(s: str, indent: str) -> str:
    """``s`` as a literal, split at spaces (outside placeholders) into pieces when it is long."""
    if len(s) <= WRAP:
        return literal(s)
    pieces, cur, depth, i = [], "", 0, 0
    while i < len(s):
        ch = s[i]
        if s.startswith(("{{", "}}"), i):
            cur += s[i : i + 2]
            i += 2
            continue
        depth += ch == "{"
        depth -= ch == "}"
        cur += ch
        if ch == " " and depth == 0 and len(cur) >= WRAP - 10:
            pieces.append(cur)
            cur = ""
        i += 1
    if cur:
        pieces.append(cur)
    if len(pieces) == 1:
        return literal(s)
    return ("\n" + indent).join(literal(p) for p in pieces)


def fields_of(template: str) -> list[tuple[str, str, str]]:
    import string

    out = []
    for _, name, spec, conv in string.Formatter().parse(template):
        if name is not None:
            out.append((name, conv or "", spec or ""))
    return sorted(out)


# -- one file -----------------------------------------------------------------------------------------------------


class Converter:
    def __init__(self, rel: str, source: bytes, errors: bool = False):
        self.errors = errors
        self.rel = rel
        self.src = source
        self.text = source.decode("utf-8")
        self.lines = source.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        self.result = FileResult()

    def off(self, lineno: int, col: int) -> int:
        return self.starts[lineno - 1] + col

    def span(self, node: ast.AST) -> tuple[int, int]:
        return self.off(node.lineno, node.col_offset), self.off(node.end_lineno, node.end_col_offset)

    def seg(self, node: ast.AST) -> str:
        a, b = self.span(node)
        return self.src[a:b].decode("utf-8")

    def indent(self, node: ast.AST) -> str:
        line = self.lines[node.lineno - 1].decode("utf-8")
        return line[: len(line) - len(line.lstrip())] + "    "

    def where(self, node: ast.AST) -> str:
        return f"{self.rel}:{node.lineno}"

    def fail(self, node: ast.AST, why: str) -> None:
        self.result.failures.append(f"{self.where(node)}: {why}: {self.seg(node)[:100]!r}")

    # the converted call: head(<English literal>[, extra]).format(...)
    def convert_pair(self, node: ast.AST, en_node: ast.expr, nl_node: ast.expr, head: str, extra: str = "",
                     tail: str = "", context: str | None = None) -> str | None:  # fmt: skip
        try:
            en, nl = text_of(en_node), text_of(nl_node)
        except Unconvertible as exc:
            self.fail(node, str(exc))
            return None
        if sorted(set(en.keys())) != sorted(set(nl.keys())):
            self.fail(node, "the English and Dutch use different expressions")
            return None
        fmt = en.fstring or nl.fstring
        names, exprs = placeholder_names(en, nl) if fmt else ({}, {})
        msgid, msgstr = en.template(names or None), nl.template(names or None)
        if fields_of(msgid) != fields_of(msgstr):
            self.fail(node, "the English and Dutch placeholders differ")
            return None
        if not msgid:
            self.fail(node, "an empty English text")
            return None
        self.result.entries.append(Entry(msgid, msgstr, context, self.where(node)))
        if not fmt and isinstance(en_node, ast.Constant):
            lit = self.seg(en_node)  # as written, implicit concatenation and all
        else:
            lit = wrapped(msgid, self.indent(node))
        call = f"{head}({lit}{extra})"
        if fmt:
            args = ", ".join(
                f"{names[k]}={ast.unparse(exprs[k])}" for k in dict.fromkeys(en.keys() + nl.keys())
            )
            call += f".format({args})"
        return call + tail

    def replace(self, node: ast.AST, text: str | None) -> None:
        if text is not None:
            a, b = self.span(node)
            self.result.edits.append(Edit(a, b, text))

    def run(self, tree: ast.Module) -> FileResult:
        self.aliases: dict[int, tuple[ast.expr, bool]] = {}  # id(IfExp test) → a flag like nl = lang == "nl"
        for func in ast.walk(tree):
            if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                flags = {}
                for st in ast.walk(func):
                    if (
                        isinstance(st, ast.Assign)
                        and len(st.targets) == 1
                        and isinstance(st.targets[0], ast.Name)
                    ):
                        found = self.lang_test(st.value)
                        if found is not None:
                            flags[st.targets[0].id] = found
                for node in ast.walk(func):
                    if (
                        isinstance(node, ast.IfExp)
                        and isinstance(node.test, ast.Name)
                        and node.test.id in flags
                    ):
                        self.aliases[id(node.test)] = flags[node.test.id]
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                self.visit_call(node)
            elif isinstance(node, ast.IfExp):
                self.visit_ifexp(node)
            elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Dict):
                self.visit_pick(node)
            elif isinstance(node, ast.If) and self.lang_test(node.test):
                self.result.notes.append(f"{self.where(node)}: a statement that tests the language: review")
        for node in tree.body:
            self.visit_keyed(node)
            self.visit_pair_table(node)
        return self.result

    def visit_pair_table(self, node: ast.stmt) -> None:
        """A module-level table whose values are (English, Dutch) pairs, other than the keyed catalogues: its
        readers pick a language by hand, so it is named for a hand (a note, not a failure)."""
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if not (isinstance(target, ast.Name) and target.id not in KEYED and isinstance(node.value, ast.Dict)):
            return

        def pair(v: ast.expr) -> bool:
            if isinstance(v, ast.Tuple) and len(v.elts) == 2:
                return all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in v.elts)
            if isinstance(v, ast.Dict):
                return {k.value for k in v.keys if isinstance(k, ast.Constant)} == {"en", "nl"}
            return False

        if sum(pair(v) for v in node.value.values) >= 2:
            self.result.notes.append(f"{self.where(node)}: {target.id} is a table of (English, Dutch) pairs: "
                                     "move it to the catalogue by hand")  # fmt: skip

    def visit_call(self, node: ast.Call) -> None:
        f = node.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        if name == "tr" and len(node.args) == 2 and not node.keywords:
            self.replace(node, self.convert_pair(node, node.args[0], node.args[1], self.seg(f)))
        elif name == "_lang" and len(node.args) == 3 and not node.keywords:
            lang = self.seg(node.args[0])
            text = self.convert_pair(node, node.args[2], node.args[1], "gettext", extra=f", {lang}")
            self.result.needs_gettext |= text is not None
            self.replace(node, text)
        elif name in ERRORS and node.args and any(k.arg == "nl" for k in node.keywords):
            nl = next(k.value for k in node.keywords if k.arg == "nl")
            rest = "".join(f", {self.seg(a)}" for a in node.args[1:])
            rest += "".join(f", {self.seg(k)}" for k in node.keywords if k.arg != "nl")
            inner = self.convert_pair(node, node.args[0], nl, "gettext")
            if inner is not None:
                self.result.needs_gettext = True
                self.replace(node, f"{self.seg(f)}({inner}{rest})")
        elif self.errors and name in ERRORS and node.args and not any(k.arg == "nl" for k in node.keywords):
            self.visit_error(node)

    def visit_error(self, node: ast.Call) -> None:
        """``InputError("English", ...)`` → ``InputError(gettext("English"), ...)``: a message for the catalogue,
        whose Dutch a translator adds (tests/test_i18n.py fails until then)."""
        first = node.args[0]
        if not (isinstance(first, ast.Constant | ast.JoinedStr) and looks_translated(first)):
            return  # a variable, a call (already translated), or no words
        try:
            en = text_of(first)
        except Unconvertible as exc:
            self.fail(node, str(exc))
            return
        names, exprs = placeholder_names(en) if en.fstring else ({}, {})
        msgid = en.template(names or None)
        self.result.entries.append(Entry(msgid, "", None, self.where(node)))
        lit = self.seg(first) if not en.fstring else wrapped(msgid, self.indent(node))
        text = f"gettext({lit})"
        if en.fstring:
            text += (
                ".format("
                + ", ".join(f"{names[k]}={ast.unparse(exprs[k])}" for k in dict.fromkeys(en.keys()))
                + ")"
            )
        self.result.needs_gettext = True
        self.replace(first, text)

    def lang_test(self, test: ast.expr) -> tuple[ast.expr, bool] | None:
        """``(lang expression, True when the first branch is the Dutch)`` for ``x == "nl"`` and the like."""
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and len(test.comparators) == 1):
            return None
        left, op, right = test.left, test.ops[0], test.comparators[0]
        if not (isinstance(right, ast.Constant) and right.value in ("nl", "en")):
            return None
        if not isinstance(op, ast.Eq | ast.NotEq):
            return None
        dutch_first = (right.value == "nl") == isinstance(op, ast.Eq)
        return left, dutch_first

    def visit_ifexp(self, node: ast.IfExp) -> None:
        found = self.aliases.get(id(node.test)) or self.lang_test(node.test)
        if found is None:
            return
        lang, dutch_first = found
        nl, en = (node.body, node.orelse) if dutch_first else (node.orelse, node.body)
        if is_text(nl) and is_text(en) and (looks_translated(nl) or looks_translated(en)):
            text = self.convert_pair(node, en, nl, "gettext", extra=f", {self.seg(lang)}")
            self.result.needs_gettext |= text is not None
            self.replace(node, text)
        elif any(looks_translated(x) for x in (nl, en)):
            self.fail(node, "a choice between languages that is not a pair of literal texts")

    def visit_pick(self, node: ast.Subscript) -> None:
        """``{"en": "…", "nl": "…"}[lang]`` → ``gettext("…", lang)``."""
        d = node.value
        keys = [k.value if isinstance(k, ast.Constant) else None for k in d.keys]
        if sorted(map(str, keys)) != ["en", "nl"]:
            return
        en, nl = d.values[keys.index("en")], d.values[keys.index("nl")]
        if is_text(en) and is_text(nl):
            text = self.convert_pair(node, en, nl, "gettext", extra=f", {self.seg(node.slice)}")
            self.result.needs_gettext |= text is not None
            self.replace(node, text)
        else:
            self.fail(node, "a choice between languages that is not a pair of literal texts")

    def visit_keyed(self, node: ast.stmt) -> None:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if not (isinstance(target, ast.Name) and target.id in KEYED and isinstance(node.value, ast.Dict)):
            return
        for k, v in zip(node.value.keys, node.value.values, strict=True):
            if not (isinstance(k, ast.Constant) and isinstance(k.value, str)):
                continue
            pair = None
            if isinstance(v, ast.Tuple) and len(v.elts) == 2:
                pair = v.elts[0], v.elts[1]
            elif isinstance(v, ast.Dict):
                d = {
                    kk.value: vv
                    for kk, vv in zip(v.keys, v.values, strict=True)
                    if isinstance(kk, ast.Constant)
                }
                if set(d) == {"en", "nl"}:
                    pair = d["en"], d["nl"]
            if pair is None:
                continue
            en, nl = pair
            if not (isinstance(en, ast.Constant) and isinstance(nl, ast.Constant)):
                self.fail(v, f"keyed entry {k.value!r} is not two literal texts")
                continue
            if fields_of(en.value) != fields_of(nl.value):
                self.fail(v, f"keyed entry {k.value!r}: the English and Dutch placeholders differ")
                continue
            self.result.entries.append(Entry(en.value, nl.value, k.value, self.where(k)))
            self.replace(v, self.seg(en))


def import_line(rel: str) -> str:
    parts = Path(rel).with_suffix("").parts
    if parts[0] == "evaluator":
        return "from " + "." * (len(parts) - 1) + "i18n import gettext\n"
    return "from evaluator.i18n import gettext\n"


def has_gettext(tree: ast.Module) -> bool:
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and any((a.asname or a.name) == "gettext" for a in node.names):
            return True
        if isinstance(node, ast.FunctionDef) and node.name == "gettext":
            return True
    return False


def add_import(source: bytes, rel: str) -> bytes:
    tree = ast.parse(source)
    if has_gettext(tree):
        return source
    lines = source.splitlines(keepends=True)
    after = 0
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            after = node.end_lineno
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and after == 0:
            after = node.end_lineno  # the docstring
        elif after:
            break
    lines.insert(after, import_line(rel).encode())
    return b"".join(lines)


def convert_file(path: Path, rel: str, errors: bool = False) -> tuple[bytes, FileResult]:
    """The converted source and what was found; passes until nothing changes (a pair inside a pair)."""
    source = path.read_bytes()
    total = FileResult()
    for _ in range(10):
        tree = ast.parse(source, filename=rel)
        conv = Converter(rel, source, errors)
        result = conv.run(tree)
        total.entries += result.entries
        total.notes = result.notes
        total.failures = result.failures
        if not result.edits:
            break
        chosen: list[Edit] = []
        for e in sorted(result.edits, key=lambda e: (e.start, -e.end)):
            if chosen and e.start < chosen[-1].end:
                continue  # inside another edit: the next pass
            chosen.append(e)
        for e in reversed(chosen):
            source = source[: e.start] + e.text.encode() + source[e.end :]
        total.edits += chosen
        if result.needs_gettext:
            source = add_import(source, rel)
    return source, total


# -- the catalogue ------------------------------------------------------------------------------------------------


def load_po():  # noqa: ANN201 - babel Catalog
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    if PO.exists():
        with PO.open("rb") as f:
            return read_po(f, locale="nl", domain="afweging")
    return Catalog(locale="nl", domain="afweging", project="Afweging", fuzzy=False)


def save_po(catalog) -> None:  # noqa: ANN001
    from babel.messages.pofile import write_po

    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as f:
        write_po(f, catalog, sort_output=True, ignore_obsolete=True, include_previous=False)


def add_entries(catalog, entries: list[Entry], notes: list[str]) -> int:  # noqa: ANN001
    added = 0
    for e in entries:
        old = catalog.get(e.msgid, context=e.context)
        if old is not None and not e.msgstr:
            continue  # --errors: already in the catalogue
        if old is not None and old.string:
            if old.string != e.msgstr:
                notes.append(f"{e.where}: {e.msgid!r} is already translated {old.string!r}; kept that, not "
                             f"{e.msgstr!r}")  # fmt: skip
            continue
        if old is not None:  # extracted before its Dutch was known (make i18n ran on a half-converted tree)
            old.string = e.msgstr
            old.flags.discard("fuzzy")
        else:
            catalog.add(e.msgid, e.msgstr, context=e.context)
        added += 1
    return added


def python_files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = (ROOT / p).resolve() if not Path(p).is_absolute() else Path(p)
        if path.is_dir():
            out += sorted(path.rglob("*.py"))
        elif path.exists():
            out.append(path)
    return [p for p in out if p.relative_to(ROOT).as_posix() not in SKIP]


def ruff(files: list[Path]) -> None:
    exe = Path(sys.executable).with_name("ruff")
    exe = str(exe) if exe.exists() else shutil.which("ruff")
    if not exe or not files:
        return
    names = [str(f) for f in files]
    subprocess.run(
        [exe, "check", "--quiet", "--select", "I,F401,UP034", "--fix", *names], cwd=ROOT, check=False
    )
    # a flag like ``nl = lang == "nl"`` that no choice uses any more
    subprocess.run([exe, "check", "--quiet", "--select", "F841", "--fix", "--unsafe-fixes", *names], cwd=ROOT,
                   check=False)  # fmt: skip
    subprocess.run([exe, "format", "--quiet", *names], cwd=ROOT, check=False)


def main(argv: list[str] | None = None) -> int:
    global ROOT, PO
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    ap.add_argument("--check", action="store_true", help="change nothing; exit 1 when there is a pair left")
    ap.add_argument("--no-format", action="store_true", help="do not run ruff on the changed files")
    ap.add_argument("--errors", action="store_true",
                    help="also wrap English-only error messages (InputError, ChangeError, CheckFailed) in gettext; "
                    "their Dutch is left empty in the .po for a translator")  # fmt: skip
    ap.add_argument("--root", type=Path, default=ROOT, help="the source tree (default: this checkout)")
    args = ap.parse_args(argv)
    ROOT = args.root.resolve()
    PO = ROOT / PO_PATH
    changed: list[Path] = []
    entries: list[Entry] = []
    failures: list[str] = []
    notes: list[str] = []
    pending: dict[Path, bytes] = {}
    for path in python_files(args.paths):
        rel = path.relative_to(ROOT).as_posix()
        new, result = convert_file(path, rel, args.errors)
        failures += result.failures
        notes += result.notes
        entries += result.entries
        if result.edits:
            changed.append(path)
            pending[path] = new
    catalog = load_po()
    added = add_entries(catalog, entries, notes)
    if not args.check:
        for path, new in pending.items():
            path.write_bytes(new)
        if added or not PO.exists():
            save_po(catalog)
        if not args.no_format:
            ruff(changed)
    for n in notes:
        print(f"note: {n}", file=sys.stderr)
    for f in failures:
        print(f"not converted: {f}", file=sys.stderr)
    verb = "would convert" if args.check else "converted"
    print(f"{verb} {len(entries)} site(s) in {len(changed)} file(s), {added} new catalogue entr(y/ies); "
          f"{len(failures)} site(s) not converted", file=sys.stderr)  # fmt: skip
    if args.check and (changed or added):
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
