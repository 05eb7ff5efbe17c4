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

:func:`import_ballots` turns several ballots into ONE :class:`~evaluator.changes.Batch` (one undo step, one
audit entry); any bad ballot refuses the lot. Ballot points are importance points per leaf criterion; they are
normalised and stored as area and criterion points with :func:`evaluator.weighting.points_from_global`.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .changes import Batch, SetWeights
from .errors import InputError
from .model import Evaluation, text
from .weighting import points_from_global
from .workshop import participant_label

FORMAT = "afweging-ballot"
VERSION = 1
ID_SHEET = "afweging"
MAX_BALLOT_BYTES = 20 * 1024 * 1024
HEADERS = {
    "nl": ("id", "gebied", "criterium", "toelichting", "weight"),
    "en": ("id", "area", "criterion", "description", "weight"),
}
SHEET_TITLES = {"nl": "stembiljet", "en": "ballot"}
WEIGHT_COL = 5  # column E
DIGEST_ROW = 20  # first row of the per-cell digests on the identifier sheet


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
    raise InputError(f"no participant named {who!r} (participants: {known})")


# -- writing --------------------------------------------------------------------------------------------------


def write_ballot(
    ev: Evaluation, participant: str, path: str | os.PathLike, created: str, lang: str = "nl"
) -> None:
    """Write the ballot of participant id ``participant`` to ``path`` (atomically)."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    from .files import atomic_path
    from .io.table import text_cells

    if lang not in HEADERS:
        raise InputError(f"unknown language {lang!r}; choose nl or en")
    ev.participant(participant)  # KeyError is a programming error: callers look the id up first
    if not ev.criteria:
        raise InputError("the evaluation has no criteria to weigh")
    who = participant_label(ev, participant, lang)
    nl = lang == "nl"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET_TITLES[lang]
    ws.append(list(HEADERS[lang]))
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

    info = wb.create_sheet("toelichting" if nl else "instructions")
    lines = [
        ("Stembiljet" if nl else "Ballot", ev.title),
        ("Deelnemer" if nl else "Participant", who),
        ("Vraag" if nl else "Question", ev.question),
        (
            "Wat te doen" if nl else "What to do",
            "Geef op het eerste blad elk criterium 0 tot 100 punten in de gele kolom 'weight': hoe belangrijk "
            "het voor u is. Alleen de verhouding telt; 0 betekent dat het niet meeweegt. Laat geen cel leeg. "
            "Bewaar het bestand en stuur het terug; wijzig niets anders."
            if nl
            else "On the first sheet, give each criterion 0 to 100 points in the yellow 'weight' column: how "
            "important it is to you. Only the proportions count; 0 means it does not count. Leave no cell "
            "empty. Save the file and send it back; change nothing else.",
        ),
        ("Kenmerk" if nl else "Identifier", f"{evaluation_key(ev, created)}/{participant}"),
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
    for k, v in fields:
        ids.append([k, v])
    r = DIGEST_ROW
    for row in ws.iter_rows(min_row=1, max_row=n + 1, max_col=WEIGHT_COL):
        for cell in row:
            if cell.row > 1 and cell.column == WEIGHT_COL:
                continue
            ids.cell(r, 1, "cell")
            ids.cell(r, 2, cell.coordinate)
            ids.cell(r, 3, _digest(cell.value))
            r += 1
    for sheet in (ws, info, ids):
        text_cells(sheet)  # names and descriptions from an import are text, never formulas
    ids.sheet_state = "hidden"
    ids.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.title = f"Afweging — {'stembiljet' if nl else 'ballot'}: {ev.title} — {who}"
    wb.properties.creator = "Afweging"
    wb.active = 0
    with atomic_path(path, ".xlsx") as tmp:
        wb.save(tmp)


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
        return SetWeights(points_from_global(ev, leaf), self.participant, True)


def _load(path: str | os.PathLike) -> Any:
    import io
    import zipfile

    import openpyxl

    from .files import read_bytes

    raw = read_bytes(path, MAX_BALLOT_BYTES)
    try:
        return openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError, AttributeError) as exc:
        raise _unreadable(exc, path) from None
    except Exception as exc:  # noqa: BLE001 - defusedxml and broken parts raise their own kinds
        raise _unreadable(exc, path) from None


def _unreadable(exc: BaseException, path: str | os.PathLike) -> InputError:
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())  # openpyxl's messages run over several lines
    return InputError(f"is not a readable XLSX workbook ({detail})", path)


def _weight(value: Any, file: str, place: str) -> float:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError("no weight given; enter 0 to 100 (0 if it does not count)", file, place)
    if isinstance(value, bool):
        raise InputError(f"{value!r} is not a number from 0 to 100", file, place)
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            raise InputError(f"{value.strip()!r} is not a number from 0 to 100", file, place) from None
    if not isinstance(value, int | float):
        raise InputError(f"{value!r} is not a number from 0 to 100", file, place)
    if not math.isfinite(value) or value < 0 or value > 100:
        raise InputError(f"{value:g} is not a number from 0 to 100", file, place)
    return float(value)


def read_ballot(ev: Evaluation, path: str | os.PathLike, created: str) -> Ballot:
    """Read and check one ballot for ``ev`` (whose file was created at ``created``); ``InputError`` if unusable."""
    file = os.fspath(path)
    wb = _load(path)
    try:
        return _check(ev, wb, file, created)
    finally:
        wb.close()


def _fields(wb: Any, file: str) -> dict[str, Any]:
    if ID_SHEET not in wb.sheetnames:
        raise InputError(f"is not an Afweging ballot (it has no {ID_SHEET!r} identifier sheet)", file)
    ids = wb[ID_SHEET]
    fields: dict[str, Any] = {}
    for row in ids.iter_rows(min_row=1, max_row=DIGEST_ROW - 1, max_col=2, values_only=True):
        if row[0] is not None:
            fields[str(row[0])] = row[1]
    if fields.get("format") != FORMAT:
        raise InputError(f"is not an Afweging ballot (sheet {ID_SHEET!r}, cell B1)", file)
    if fields.get("version") != VERSION:
        raise InputError(
            f"is a ballot of version {fields.get('version')!r}; this Afweging reads version {VERSION}",
            file,
            f"sheet {ID_SHEET!r}, cell B2",
        )
    digests: dict[str, str] = {}
    for row in ids.iter_rows(min_row=DIGEST_ROW, max_col=3, values_only=True):
        if row[0] == "cell" and row[1]:
            digests[str(row[1])] = str(row[2])
    fields["digests"] = digests
    return fields


def _check(ev: Evaluation, wb: Any, file: str, created: str) -> Ballot:
    fields = _fields(wb, file)
    key = evaluation_key(ev, created)
    try:
        criteria = json.loads(str(fields.get("criteria")))
    except ValueError:
        criteria = None
    if fields.get("evaluation") != key:
        title = fields.get("title")
        if criteria is not None and criteria != [c.id for c in ev.criteria] and title == ev.title:
            why = "the evaluation's criteria changed since it was made; export a new ballot"
        elif title != ev.title:
            why = f"it was made for the evaluation {title!r}, not {ev.title!r}"
        else:
            why = "it was made for another project file with the same title"
        raise InputError(f"is a ballot for another evaluation: {why}", file)
    pid = str(fields.get("participant"))
    try:
        ev.participant(pid)
    except KeyError:
        raise InputError(
            f"is the ballot of participant {pid!r}, who is no longer in this evaluation", file
        ) from None
    ws = wb.worksheets[0]
    where = lambda coord: f"sheet {ws.title!r}, cell {coord}"  # noqa: E731
    if ws.title != fields.get("sheet"):
        raise InputError(
            f"the first sheet should be {fields.get('sheet')!r}; the workbook was rearranged", file
        )
    n = len(ev.criteria)
    # 1. the criteria ids in their rows (the clearest message when rows were moved or deleted)
    for i, c in enumerate(ev.criteria, start=2):
        found = _norm(ws.cell(i, 1).value)
        if found != c.id:
            raise InputError(
                f"should hold criterion id {c.id!r}, found {found!r}; rows were changed", file, where(f"A{i}")
            )
    # 2. every locked cell as written
    digests = fields["digests"]
    if len(digests) != 5 + 4 * n:
        raise InputError("the ballot's identifier sheet is incomplete", file, f"sheet {ID_SHEET!r}")
    for coord, d in digests.items():
        if _digest(ws[coord].value) != d:
            raise InputError("was changed; only the weight cells may be filled in", file, where(coord))
    # 3. nothing outside the table
    for row in ws.iter_rows(
        min_row=1, max_row=max(ws.max_row, n + 1), max_col=max(ws.max_column, WEIGHT_COL)
    ):
        for cell in row:
            if (cell.row > n + 1 or cell.column > WEIGHT_COL) and _norm(cell.value):
                raise InputError(
                    "holds something outside the ballot's table; only the weight cells may be filled in",
                    file,
                    where(cell.coordinate),
                )
    # 4. the weights
    points = {}
    for i, c in enumerate(ev.criteria, start=2):
        points[c.id] = _weight(ws.cell(i, WEIGHT_COL).value, file, where(f"E{i}"))
    if sum(points.values()) <= 0:
        raise InputError(f"every weight is 0; give at least one criterion some weight (E2–E{n + 1})", file)
    return Ballot(file, pid, points)


def import_ballots(
    ev: Evaluation, paths: Sequence[str | os.PathLike], created: str, lang: str = "nl"
) -> tuple[Batch, list[Ballot]]:
    """ONE change for all ``paths`` (all or nothing) and the ballots it rests on.

    Refuses two ballots for the same participant in one import.
    """
    if not paths:
        raise InputError("no ballots to import")
    ballots: list[Ballot] = []
    seen: dict[str, str] = {}
    for path in paths:
        b = read_ballot(ev, path, created)
        if b.participant in seen:
            raise InputError(
                f"is a second ballot of {participant_label(ev, b.participant, lang)} (the first: {seen[b.participant]})",
                b.file,
            )
        seen[b.participant] = b.file
        ballots.append(b)
    names = ", ".join(participant_label(ev, b.participant, lang) for b in ballots)
    desc = f"Stembiljetten ingelezen: {names}" if lang == "nl" else f"Ballots imported: {names}"
    return Batch(tuple(b.change(ev) for b in ballots), desc), ballots
