"""The translation catalogue is complete and current, the language follows the locale, and the codemod that moves
old (English, Dutch) pairs into the catalogue converts what it should and refuses what it cannot."""

from __future__ import annotations

import io
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from evaluator import i18n
from tools import i18n_catalog, i18n_codemod

ROOT = Path(__file__).resolve().parent.parent


def _po():
    with i18n_catalog.PO.open("rb") as f:
        return read_po(f, locale="nl", domain=i18n.DOMAIN)


def _fields(text: str) -> list[tuple[str, str, str]]:
    return sorted((n, c or "", s or "") for _, n, s, c in string.Formatter().parse(text) if n is not None)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory):
    pot = i18n_catalog.extract(tmp_path_factory.mktemp("pot") / "afweging.pot")
    with pot.open("rb") as f:
        return read_po(f)


def test_every_text_in_the_source_has_a_dutch_translation(extracted) -> None:
    po = _po()
    missing = []
    for m in extracted:
        if not m.id:
            continue
        have = po.get(m.id, context=m.context)
        strings = (have.string if isinstance(have.string, tuple) else (have.string,)) if have else ("",)
        if not all(strings):
            where = ", ".join(f"{f}" for f, _ in m.locations)
            missing.append(f"{where}: {m.context + ' | ' if m.context else ''}{m.id!r}")
    assert missing == [], (
        f"{len(missing)} text(s) without Dutch; run `make i18n` and translate:\n" + "\n".join(missing[:40])
    )


def test_the_catalogue_has_no_fuzzy_entries_and_matching_placeholders() -> None:
    po = _po()
    fuzzy = [m.id for m in po if m.id and m.fuzzy]
    assert fuzzy == []
    wrong = []
    for m in po:
        if not m.id or not m.string:
            continue
        if isinstance(m.id, tuple):  # plural: each Dutch form against the English singular or plural
            pairs = [(m.id[0], m.string[0]), *[(m.id[1], s) for s in m.string[1:]]]
        else:
            pairs = [(m.id, m.string)]
        wrong += [(en, nl) for en, nl in pairs if _fields(en) != _fields(nl)]
    assert wrong == []


def test_the_compiled_catalogue_is_the_po_compiled() -> None:
    buf = io.BytesIO()
    write_mo(buf, _po(), use_fuzzy=False)
    assert i18n_catalog.MO.read_bytes() == buf.getvalue(), "run `python tools/i18n_catalog.py compile`"


def test_no_pair_is_left_for_the_codemod() -> None:
    """Every (English, Dutch) pair in the source has been moved into the catalogue (tools/i18n_codemod.py)."""
    run = subprocess.run([sys.executable, "tools/i18n_codemod.py", "--check", "--no-format"], cwd=ROOT,
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 0, run.stderr


# -- the language -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_BE.UTF-8"}, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "de:nl", "LANG": "en_US.UTF-8"}, "nl"),  # the first supported of the list
        ({"LC_ALL": "C", "LANG": "nl_NL.UTF-8"}, "en"),  # LC_ALL is set and decides, as gettext does
        ({"LC_MESSAGES": "nl_NL", "LANG": "en_GB"}, "nl"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_follows_the_locale(env: dict[str, str], lang: str) -> None:
    assert i18n.detect_language(env) == lang


def test_a_text_in_the_session_language_or_the_one_asked_for() -> None:
    before = i18n.language()
    try:
        i18n.set_language("nl")
        assert i18n.gettext("Weights") == "Gewichten"
        assert i18n.gettext("Weights", "en") == "Weights"  # the memo in its own language
        i18n.set_language("en")
        assert i18n.gettext("Weights") == "Weights"
        assert i18n.gettext("Weights", "nl") == "Gewichten"
        assert i18n.gettext("a text nobody translated", "nl") == "a text nobody translated"
    finally:
        i18n.set_language(before)
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_language("fr")


def test_the_catalogue_ships_with_the_package() -> None:
    toml = (ROOT / "pyproject.toml").read_text()
    assert "locale/*/LC_MESSAGES/*.mo" in toml
    assert '"evaluator" / "locale"' in (ROOT / ".ci" / "afweging.spec").read_text()


# -- the codemod --------------------------------------------------------------------------------------------------


SOURCE = """\
from ui.i18n import tr


def f(name, pages, self, lang, where):
    a = tr("Weights", "Gewichten")
    b = tr(f"Saved {name} ({len(pages)} pages)", f"{name} opgeslagen ({len(pages)} pagina's)")
    c = tr(f"{self.title}: {{braces}} {name!r}", f"{self.title}: {{accolades}} {name!r}")
    d = tr("A long text that goes on "
           "over two lines", "Een lange tekst die doorloopt "
           "over twee regels")
    e = "Tussen de gebieden" if lang == "nl" else "Among the areas"
    g = tr(f"{where}: broken", f"{name}: kapot")
    return a, b, c, d, e, g
"""


def _codemod(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "tools" / "i18n_codemod.py"), "--root", str(root),
                           "--no-format", *args], capture_output=True, text=True)  # fmt: skip


def test_the_codemod_moves_the_dutch_into_the_catalogue_and_runs_again_without_change(tmp_path: Path) -> None:
    (tmp_path / "ui").mkdir()
    src = tmp_path / "ui" / "page.py"
    src.write_text(SOURCE)
    run = _codemod(tmp_path)
    assert run.returncode == 1  # one site it cannot convert, named
    assert "ui/page.py:12" in run.stderr and "different expressions" in run.stderr
    out = src.read_text()
    assert 'a = tr("Weights")\n' in out
    assert 'b = tr("Saved {name} ({n_pages} pages)").format(name=name, n_pages=len(pages))' in out
    assert 'c = tr("{title}: {{braces}} {name!r}").format(title=self.title, name=name)' in out
    assert 'd = tr("A long text that goes on "\n           "over two lines")' in out
    assert 'e = gettext("Among the areas", lang)' in out and "from evaluator.i18n import gettext" in out
    assert 'g = tr(f"{where}: broken", f"{name}: kapot")' in out  # left as it was
    compile(out, "page.py", "exec")
    with (tmp_path / i18n_codemod.PO_PATH).open("rb") as f:
        po = read_po(f, locale="nl")
    assert po.get("Weights").string == "Gewichten"
    assert po.get("Saved {name} ({n_pages} pages)").string == "{name} opgeslagen ({n_pages} pagina's)"
    assert po.get("{title}: {{braces}} {name!r}").string == "{title}: {{accolades}} {name!r}"
    assert (
        po.get("A long text that goes on over two lines").string
        == "Een lange tekst die doorloopt over twee regels"
    )
    assert po.get("Among the areas").string == "Tussen de gebieden"
    # a second run changes nothing and names the same site
    again = _codemod(tmp_path)
    assert src.read_text() == out
    assert again.returncode == 1 and again.stderr.count("not converted:") == 1
    check = _codemod(tmp_path, "--check")
    assert check.returncode == 1 and src.read_text() == out


def test_the_codemod_moves_keyed_entries_with_their_key_as_context(tmp_path: Path) -> None:
    (tmp_path / "evaluator").mkdir()
    src = tmp_path / "evaluator" / "messages.py"
    src.write_text(
        'MESSAGES: dict[str, str] = {\n'
        '    "dominated": {\n'
        '        "en": "{alternative:alt} is dominated "\n'
        '        "by {others:alts}.",\n'
        '        "nl": "{alternative:alt} wordt gedomineerd door {others:alts}.",\n'
        '    },\n'
        '    "and": {"en": "and", "nl": "en"},\n'
        '    "bad": {"en": "{a}", "nl": "{b}"},\n'
        '}\n'
        'TEXTS = {"kind": ("DECISION MEMO", "BESLISNOTITIE")}\n'
    )  # fmt: skip
    run = _codemod(tmp_path)
    assert run.returncode == 1 and "'bad'" in run.stderr
    ns: dict = {}
    exec(src.read_text(), ns)
    assert ns["MESSAGES"]["dominated"] == "{alternative:alt} is dominated by {others:alts}."
    assert ns["MESSAGES"]["and"] == "and"
    assert ns["MESSAGES"]["bad"] == {"en": "{a}", "nl": "{b}"}
    assert ns["TEXTS"] == {"kind": "DECISION MEMO"}
    with (tmp_path / i18n_codemod.PO_PATH).open("rb") as f:
        po = read_po(f, locale="nl")
    assert po.get("and", context="and").string == "en"
    assert po.get("DECISION MEMO", context="kind").string == "BESLISNOTITIE"


def test_the_codemod_converts_language_flags_and_wraps_english_errors(tmp_path: Path) -> None:
    (tmp_path / "evaluator").mkdir()
    src = tmp_path / "evaluator" / "verbs.py"
    src.write_text(
        "from .errors import InputError\n\n\n"
        "def f(lang, n, path):\n"
        '    nl = lang == "nl"\n'
        '    head = f"{n} stemmen" if nl else f"{n} votes"\n'
        '    if not path:\n'
        '        raise InputError(f"no such file: {path}")\n'
        '    tail = {"en": "No votes yet.", "nl": "Nog geen stemmen."}[lang]\n'
        "    return head + tail\n"
    )  # fmt: skip
    run = _codemod(tmp_path, "--errors")
    assert run.returncode == 0, run.stderr
    out = src.read_text()
    assert 'head = gettext("{n} votes", lang).format(n=n)' in out
    assert 'raise InputError(gettext("no such file: {path}").format(path=path))' in out
    assert 'tail = gettext("No votes yet.", lang)' in out
    assert "from .i18n import gettext" in out
    with (tmp_path / i18n_codemod.PO_PATH).open("rb") as f:
        po = read_po(f, locale="nl")
    assert po.get("{n} votes").string == "{n} stemmen"
    assert (
        po.get("no such file: {path}").string == ""
    )  # for a translator; tests/test_i18n.py fails until then
    assert _codemod(tmp_path, "--errors", "--check").returncode == 0  # nothing left to do
