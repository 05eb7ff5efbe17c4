"""Workshop ballots: an XLSX workbook a participant fills in Excel or LibreOffice, and reading it back.

The first sheet is a plain table: a header row ``id | area | criterion | description | weight`` and one leaf
criterion per row below, so other tools can fill it too. Only the ``weight`` cells are unlocked (whole numbers
0–100 by data validation, with a message in Dutch and English); the sheet and the workbook structure are
protected. A hidden sheet holds the identifier that ties the ballot to one evaluation and one participant, and
a short digest of every locked cell as written.

Reading back (:func:`read_ballot`) refuses, naming the sheet and cell: a workbook that is not a ballot, a ballot
for another evaluation (another title, file or set of criteria) or for an unknown participant, a changed locked
cell, anything written outside the table, and a weight that is not a number from 0 to 100. The evaluation key
is a hash of the project file's creation time (:attr:`evaluator.store.Store.created`), the title, and the area
and criterion ids in order; renaming the evaluation or changing its criteria therefore voids ballots that are
still out (the message says so). Protection without a password is a guard against accidents, not an
adversary: the import checks are what hold.

The identifier is sealed with the project's secret ballot key (:meth:`evaluator.store.Store.ballot_key`, kept in
the project file and nowhere else): each field carries a keyed tag (HMAC-SHA256) and one MAC covers every field
and every locked cell's digest. A ballot whose participant, evaluation or criteria were edited, or that was
sealed by another project file, is refused naming the cell. Ballots exported before the seal (version 1) are
refused too, with the advice to export them again: accepting an unsealed ballot with a warning would let anyone
impersonate a participant by removing the seal, and a fresh ballot costs the organiser one command. Reading is
bounded by the workbook's declared sizes and the cells its sheets really hold
(:mod:`evaluator.io.xlsx_limits`). The seal cannot stop one participant from filling in another's ballot file:
who receives which file is the organiser's part.

:func:`import_ballots` turns several ballots into ONE :class:`~evaluator.changes.Batch` (one undo step, one
audit entry); any bad ballot refuses the lot. Ballot points are importance points per leaf criterion; they are
normalised and stored as area and criterion points with :func:`evaluator.weighting.points_from_global`.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import io
import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .changes import Batch, SetWeights
from .errors import InputError
from .formats import fill
from .i18n import LANGUAGES, N_, gettext
from .io.xlsx_limits import Limits
from .model import Evaluation, text
from .weighting import points_from_global
from .workshop import participant_label

FORMAT = "afweging-ballot"
VERSION = 2  # 2: sealed with the project's key (version 1 ballots are refused: export them again)
ID_SHEET = "afweging"
MAX_BALLOT_BYTES = 20 * 1024 * 1024
# The first sheet's title and the headers between "id" and "weight", English for the catalogue. "id" and "weight"
# are the same in every language (the instructions name the column by it). Reading a ballot compares the sheet's
# title with the one sealed in it, so a ballot written in any language, or before a translation changed, reads
# back in any session.
COLUMNS = (N_("area"), N_("criterion"), N_("description"))
SHEET_TITLE = N_("ballot")
WEIGHT_COL = 5  # column E
DIGEST_ROW = 20  # first row of the per-cell digests on the identifier sheet
SEAL = "seal"  # the identifier sheet's row whose B cell holds the MAC over the whole identifier
TAG_COL = 3  # column C: a keyed tag per identifier field, so that an edited field can be named
SEALED = ("format", "version", "evaluation", "title", "participant", "criteria", "lang", "sheet", "issued")
# A ballot is a few kilobytes; what a workbook may unpack to and how many cells beyond its table a sheet may hold
# (empty ones that a spreadsheet program writes) bound the work of reading one, whatever its cells' addresses.
LIMITS = Limits(member_bytes=4 * 1024 * 1024, total_bytes=16 * 1024 * 1024)
EXTRA_CELLS = 10_000


def evaluation_key(ev: Evaluation, created: str) -> str:
    """What ties a ballot to one evaluation: the file's creation time, the title, the area and criterion ids."""
    data = {
        "created": created,
        "title": ev.title,
        "areas": [a.id for a in ev.areas],
        "criteria": [c.id for c in ev.criteria],
    }
    raw = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(raw).hexdigest()[:24]


def _norm(v: Any) -> str:
    if v is None:
        return ""
    return str(v).replace("\r\n", "\n").strip()


def _digest(v: Any) -> str:
    return hashlib.sha256(_norm(v).encode()).hexdigest()[:16]


def find_participant(ev: Evaluation, who: str) -> str:
    """The id of the participant named ``who`` (name, case-insensitive, or id); ``InputError`` if none."""
    for p in ev.participants:
        if p.id == who or p.name.casefold() == who.strip().casefold():
            return p.id
    known = ", ".join(p.name for p in ev.participants) or "none yet"
    raise InputError(
        gettext("no participant named {who!r} (participants: {known})").format(who=who, known=known)
    )


# -- writing --------------------------------------------------------------------------------------------------


def write_ballot(
    ev: Evaluation, participant: str, path: str | os.PathLike, created: str, lang: str = "nl", *, key: bytes
) -> None:
    """Write the ballot of participant id ``participant`` to ``path`` (atomically), sealed with the project's
    ``key`` (:meth:`evaluator.store.Store.ballot_key`): a keyed tag per identifier field and a MAC over the whole
    identifier, so that a ballot whose participant, evaluation or criteria were edited is refused on import."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    from .files import atomic_write
    from .io.table import text_cells

    if lang not in LANGUAGES:
        raise InputError(gettext("unknown language {lang_!r}; choose nl or en").format(lang_=lang))
    ev.participant(participant)  # KeyError is a programming error: callers look the id up first
    if not ev.criteria:
        raise InputError(gettext("the evaluation has no criteria to weigh"))
    who = participant_label(ev, participant, lang)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = gettext(SHEET_TITLE, lang)
    ws.append(["id", *(gettext(h, lang) for h in COLUMNS), "weight"])
    for c in ev.criteria:
        ws.append(
            [c.id, text(ev.area(c.area).name, lang), text(c.name, lang), text(c.description, lang), None]
        )
    n = len(ev.criteria)
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
    ws.freeze_panes = "A2"
    for letter, width in zip("ABCDE", (10, 22, 36, 70, 10), strict=True):
        ws.column_dimensions[letter].width = width
    input_fill = PatternFill("solid", fgColor="FFF2CC")
    for row in ws.iter_rows(min_row=2, max_row=n + 1):
        for cell in row[:4]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        weight = row[WEIGHT_COL - 1]
        weight.protection = Protection(locked=False)
        weight.fill = input_fill
        weight.number_format = "0"
        weight.alignment = Alignment(horizontal="center", vertical="top")
    ws["E1"].comment = Comment(
        "Belang van elk criterium: een geheel getal van 0 (telt niet mee) tot 100 (weegt het zwaarst).\n"
        "Importance of each criterion: a whole number from 0 (does not count) to 100 (counts most).",
        "Afweging",
    )
    dv = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="stop",
        errorTitle="0–100",
        error="Vul een geheel getal van 0 tot 100 in. / Enter a whole number from 0 to 100.",
        promptTitle="Belang / importance",
        prompt="0–100: 0 telt niet mee, 100 weegt het zwaarst. / 0 does not count, 100 counts most.",
    )
    ws.add_data_validation(dv)
    dv.add(f"E2:E{n + 1}")
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # people may widen columns to read the descriptions

    info = wb.create_sheet(gettext("instructions", lang))
    lines = [
        (gettext("Ballot", lang), ev.title),
        (gettext("Participant", lang), who),
        (gettext("Question", lang), ev.question),
        (
            gettext("What to do", lang),
            gettext(
                "On the first sheet, give each criterion 0 to 100 points in the yellow 'weight' column: how "
                "important it is to you. Only the proportions count; 0 means it does not count. Leave no cell "
                "empty. Save the file and send it back; change nothing else.",
                lang,
            ),
        ),
        (gettext("Identifier", lang), f"{evaluation_key(ev, created)}/{participant}"),
    ]
    for k, v in lines:
        info.append([k, v])
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 100
    for row in info.iter_rows():
        row[0].font = bold
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    info.protection.sheet = True

    ids = wb.create_sheet(ID_SHEET)
    fields = [
        ("format", FORMAT),
        ("version", VERSION),
        ("evaluation", evaluation_key(ev, created)),
        ("title", ev.title),
        ("participant", participant),
        ("criteria", json.dumps([c.id for c in ev.criteria], ensure_ascii=False)),
        ("lang", lang),
        ("sheet", ws.title),
        ("issued", _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")),
    ]
    assert tuple(k for k, _ in fields) == SEALED
    for k, v in fields:
        ids.append([k, v, _tag(key, k, v)])
    digests: dict[str, str] = {}
    r = DIGEST_ROW
    for row in ws.iter_rows(min_row=1, max_row=n + 1, max_col=WEIGHT_COL):
        for cell in row:
            if cell.row > 1 and cell.column == WEIGHT_COL:
                continue
            ids.cell(r, 1, "cell")
            ids.cell(r, 2, cell.coordinate)
            ids.cell(r, 3, _digest(cell.value))
            digests[cell.coordinate] = _digest(cell.value)
            r += 1
    seal_row = len(SEALED) + 1  # the row after the fields, above the digests
    ids.cell(seal_row, 1, SEAL)
    ids.cell(seal_row, 2, _seal(key, dict(fields), digests))
    for sheet in (ws, info, ids):
        text_cells(sheet)  # names and descriptions from an import are text, never formulas
    ids.sheet_state = "hidden"
    ids.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.title = f"Afweging — {gettext('ballot', lang)}: {ev.title} — {who}"
    wb.properties.creator = "Afweging"
    wb.active = 0
    buf = io.BytesIO()  # built in memory, written in one go: a killed export leaves no temporary file
    wb.save(buf)
    atomic_write(path, buf.getvalue())


# -- reading --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ballot:
    """A ballot read back and checked: whose it is and the importance points per leaf criterion."""

    file: str
    participant: str
    points: dict[str, float]  # criterion id → 0–100 as given

    def change(self, ev: Evaluation) -> SetWeights:
        """The participant's area and criterion points (replacing theirs)."""
        total = sum(self.points.values())
        leaf = {k: v / total for k, v in self.points.items()}
        return SetWeights(points_from_global(ev, leaf), self.participant, True, "ballot")


def _load(path: str | os.PathLike) -> Any:
    from .files import read_bytes
    from .io.xlsx_limits import open_workbook

    return open_workbook(read_bytes(path, MAX_BALLOT_BYTES), os.fspath(path), LIMITS)


def weight_points(value: Any, file: str, place: str) -> float:
    """One importance weight as a ballot takes it: a number (or its text, decimal point or comma) 0–100."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(gettext("no weight given; enter 0 to 100 (0 if it does not count)"), file, place)
    if isinstance(value, bool):
        raise InputError(gettext("{value!r} is not a number from 0 to 100").format(value=value), file, place)
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            raise InputError(
                gettext("{value!r} is not a number from 0 to 100").format(value=value.strip()), file, place
            ) from None
    if not isinstance(value, int | float):
        raise InputError(gettext("{value!r} is not a number from 0 to 100").format(value=value), file, place)
    if not math.isfinite(value) or value < 0 or value > 100:
        raise InputError(fill(gettext("{value:g} is not a number from 0 to 100"), value=value), file, place)
    return float(value)


def read_ballot(ev: Evaluation, path: str | os.PathLike, created: str, *, key: bytes | None) -> Ballot:
    """Read and check one ballot for ``ev`` (whose file was created at ``created`` and seals ballots with
    ``key``, :meth:`evaluator.store.Store.ballot_key`, None if it has sealed none); ``InputError`` if unusable."""
    file = os.fspath(path)
    wb = _load(path)
    try:
        return _check(ev, wb, file, created, key)
    finally:
        wb.close()


@dataclass
class _Identifier:
    """The identifier sheet as read: field → value, the row it is on and its tag; the locked cells' digests."""

    values: dict[str, Any]
    rows: dict[str, int]
    tags: dict[str, str]
    digests: dict[str, str]

    def place(self, name: str) -> str:
        row = self.rows.get(name)
        if row:
            return gettext("sheet {sheet!r}, cell {cell}").format(sheet=ID_SHEET, cell=f"B{row}")
        return gettext("sheet {sheet!r}").format(sheet=ID_SHEET)


def _identifier(wb: Any, file: str, n: int) -> _Identifier:
    from .io.xlsx_limits import cells

    if ID_SHEET not in wb.sheetnames:
        raise InputError(
            gettext("is not an Afweging ballot (it has no {ID_SHEET!r} identifier sheet)").format(
                ID_SHEET=ID_SHEET
            ),
            file,
        )
    grid: dict[tuple[int, int], Any] = {}
    for r, c, v in cells(wb[ID_SHEET], file, 3 * (DIGEST_ROW + 5 + 4 * n) + EXTRA_CELLS):
        if c <= TAG_COL:
            grid[r, c] = v
    ident = _Identifier({}, {}, {}, {})
    for r in range(1, DIGEST_ROW):
        name = grid.get((r, 1))
        if name is not None and str(name) not in ident.rows:
            ident.values[str(name)] = grid.get((r, 2))
            ident.rows[str(name)] = r
            ident.tags[str(name)] = _norm(grid.get((r, TAG_COL)))
    for r, c in sorted(k for k in grid if k[0] >= DIGEST_ROW and k[1] == 1):
        if grid[r, c] == "cell" and grid.get((r, 2)):
            ident.digests[str(grid[r, 2])] = _norm(grid.get((r, 3)))
    if ident.values.get("format") != FORMAT:
        raise InputError(
            gettext("is not an Afweging ballot (sheet {ID_SHEET!r}, cell B1)").format(ID_SHEET=ID_SHEET), file
        )
    version = ident.values.get("version")
    if version == 1:
        raise InputError(
            gettext(
                "was exported by an earlier Afweging, before ballots were sealed against edits; "
                "export the participant's ballot again"
            ),
            file,
            ident.place("version"),
        )
    if version != VERSION:
        raise InputError(
            gettext("is a ballot of version {version!r}; this Afweging reads version {VERSION}").format(
                version=version, VERSION=VERSION
            ),
            file,
            ident.place("version"),
        )
    return ident


def _sealed_text(value: Any) -> str:
    """A field as sealed: its text, with a whole number the same whether a spreadsheet kept it as 2 or 2.0."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _norm(value)


def _tag(key: bytes, name: str, value: Any) -> str:
    """The keyed tag of one identifier field: names the field that was edited."""
    msg = json.dumps([name, _sealed_text(value)], ensure_ascii=False).encode()
    return hmac.new(key, msg, hashlib.sha256).hexdigest()[:32]


def _seal(key: bytes, values: dict[str, Any], digests: dict[str, str]) -> str:
    """The keyed MAC over the whole identifier: every field and every locked cell's digest, together."""
    data = {"fields": {k: _sealed_text(values.get(k)) for k in SEALED}, "digests": digests}
    msg = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return hmac.new(key, msg, hashlib.sha256).hexdigest()


def _other_evaluation(ev: Evaluation, ident: _Identifier, created: str) -> str | None:
    """Why the ballot was made for another evaluation; None when it was made for this one."""
    if ident.values.get("evaluation") == evaluation_key(ev, created):
        return None
    try:
        criteria = json.loads(str(ident.values.get("criteria")))
    except ValueError:
        criteria = None
    title = ident.values.get("title")
    if criteria is not None and criteria != [c.id for c in ev.criteria] and title == ev.title:
        return gettext("the evaluation's criteria changed since it was made; export a new ballot")
    if title != ev.title:
        return gettext("it was made for the evaluation {title!r}, not {this!r}").format(
            title=title, this=ev.title
        )
    return gettext("it was made for another project file with the same title")


def _check_seal(ev: Evaluation, ident: _Identifier, file: str, created: str, key: bytes | None) -> None:
    """The identifier is as this project wrote it: each field's tag and the seal over all of them hold."""
    mac = _norm(ident.values.get(SEAL))
    if not mac:
        raise InputError(
            gettext("has no seal; export the participant's ballot again from this project"),
            file,
            ident.place(SEAL),
        )
    edited = [
        name
        for name in SEALED
        if key is None
        or not hmac.compare_digest(ident.tags.get(name, ""), _tag(key, name, ident.values.get(name)))
    ]
    if len(edited) == len(SEALED):  # not one field fits this project's key: sealed elsewhere
        why = _other_evaluation(ev, ident, created)
        if why:
            raise InputError(gettext("is a ballot for another evaluation: {why}").format(why=why), file)
        raise InputError(
            gettext(
                "was sealed by another project file, not this one; export the participant's ballot from this project"
            ),
            file,
            ident.place(SEAL),
        )
    if edited:
        name = edited[0]
        raise InputError(
            gettext(
                "was changed after the ballot was exported (the {name} is now {norm!r}); a ballot's "
                "identifier may not be edited: export the participant's ballot again"
            ).format(name=name, norm=_norm(ident.values.get(name))),
            file,
            ident.place(name),
        )
    assert key is not None
    if not hmac.compare_digest(mac, _seal(key, ident.values, ident.digests)):
        raise InputError(
            gettext(
                "the identifier sheet was changed after the ballot was exported; export the participant's ballot "
                "again"
            ),
            file,
            ident.place(SEAL),
        )


def _check(ev: Evaluation, wb: Any, file: str, created: str, key: bytes | None) -> Ballot:
    from openpyxl.utils import get_column_letter

    from .io.xlsx_limits import cells

    n = len(ev.criteria)
    ident = _identifier(wb, file, n)
    _check_seal(ev, ident, file, created, key)
    why = _other_evaluation(ev, ident, created)
    if why:
        raise InputError(gettext("is a ballot for another evaluation: {why}").format(why=why), file)
    pid = str(ident.values.get("participant"))
    try:
        ev.participant(pid)
    except KeyError:
        raise InputError(
            gettext("is the ballot of participant {pid!r}, who is no longer in this evaluation").format(
                pid=pid
            ),
            file,
        ) from None
    ws = wb.worksheets[0]
    where = lambda coord: gettext("sheet {sheet!r}, cell {cell}").format(sheet=ws.title, cell=coord)  # noqa: E731
    if ws.title != ident.values.get("sheet"):
        raise InputError(
            gettext("the first sheet should be {value!r}; the workbook was rearranged").format(
                value=ident.values.get("sheet")
            ),
            file,
        )
    # the cells the sheet holds, never the rectangle up to its farthest cell
    table: dict[str, Any] = {}
    outside = None
    for r, c, v in cells(ws, file, WEIGHT_COL * (n + 1) + EXTRA_CELLS):
        if r <= n + 1 and c <= WEIGHT_COL:
            table[f"{get_column_letter(c)}{r}"] = v
        elif outside is None and _norm(v):
            outside = f"{get_column_letter(c)}{r}"
    # 1. the criteria ids in their rows (the clearest message when rows were moved or deleted)
    for i, c in enumerate(ev.criteria, start=2):
        found = _norm(table.get(f"A{i}"))
        if found != c.id:
            raise InputError(
                gettext("should hold criterion id {id!r}, found {found!r}; rows were changed").format(
                    id=c.id, found=found
                ),
                file,
                where(f"A{i}"),
            )
    # 2. every locked cell as written
    if len(ident.digests) != 5 + 4 * n:
        raise InputError(
            gettext("the ballot's identifier sheet is incomplete"),
            file,
            gettext("sheet {sheet!r}").format(sheet=ID_SHEET),
        )
    for coord, d in ident.digests.items():
        if _digest(table.get(coord)) != d:
            raise InputError(
                gettext("was changed; only the weight cells may be filled in"), file, where(coord)
            )
    # 3. nothing outside the table
    if outside is not None:
        raise InputError(
            gettext("holds something outside the ballot's table; only the weight cells may be filled in"),
            file,
            where(outside),
        )
    # 4. the weights
    points = {}
    for i, c in enumerate(ev.criteria, start=2):
        points[c.id] = weight_points(table.get(f"E{i}"), file, where(f"E{i}"))
    if sum(points.values()) <= 0:
        raise InputError(
            gettext("every weight is 0; give at least one criterion some weight (E2–E{value})").format(
                value=n + 1
            ),
            file,
        )
    return Ballot(file, pid, points)


def import_ballots(
    ev: Evaluation,
    paths: Sequence[str | os.PathLike],
    created: str,
    lang: str = "nl",
    *,
    key: bytes | None,
) -> tuple[Batch, list[Ballot]]:
    """ONE change for all ``paths`` (all or nothing) and the ballots it rests on.

    Refuses two ballots for the same participant in one import.
    """
    if not paths:
        raise InputError(gettext("no ballots to import"))
    ballots: list[Ballot] = []
    seen: dict[str, str] = {}
    for path in paths:
        b = read_ballot(ev, path, created, key=key)
        if b.participant in seen:
            raise InputError(
                gettext("is a second ballot of {participant_label} (the first: {seen})").format(
                    participant_label=participant_label(ev, b.participant, lang), seen=seen[b.participant]
                ),
                b.file,
            )
        seen[b.participant] = b.file
        ballots.append(b)
    names = ", ".join(participant_label(ev, b.participant, lang) for b in ballots)
    desc = gettext("Ballots imported: {names}", lang).format(names=names)
    return Batch(tuple(b.change(ev) for b in ballots), desc), ballots
