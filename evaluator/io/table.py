"""CSV and XLSX decision matrices, laid out as a person makes them in a spreadsheet::

    alternative, sovereignty, cost
    objective,   max,         min        ← optional (max/min, benefit/cost, 1/-1); default max
    weight,      0.4,         0.6        ← optional; default equal
    Teams,       1,           2
    openDesk,    3,           4

Dutch spreadsheets are welcome: ``;`` as separator, decimal commas, and ``doel``/``gewicht`` as row names.
Errors name the row and column (CSV) or the cell (XLSX).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable
from typing import Any

from ..errors import InputError
from ..i18n import gettext, library_words
from ..model import Evaluation
from .bare import BareMatrix, bare_evaluation, bare_matrix, check_names, check_number, check_weights

OBJECTIVE_ROWS = {"objective", "objectives", "doel", "richting", "direction"}
WEIGHT_ROWS = {"weight", "weights", "gewicht", "gewichten"}
MAX_WORDS = {"max", "maximise", "maximize", "benefit", "baat", "1", "+1", "hoger"}
MIN_WORDS = {"min", "minimise", "minimize", "cost", "kosten", "-1", "lager"}


# Spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with one of these characters is
# evaluated by Excel and LibreOffice. Written out, such text gets a leading apostrophe in CSV (read back without
# it) and is a typed text cell with Excel's quote prefix in XLSX; numbers are never touched.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def csv_text(value: Any) -> Any:
    """``value`` safe in a CSV cell: text that a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def csv_plain(value: Any) -> Any:
    """The inverse of :func:`csv_text` (an apostrophe before ``= + - @`` is the escape, not part of the text)."""
    if isinstance(value, str) and value.startswith("'") and _FORMULA.match(value, 1):
        return value[1:]
    return value


def text_cells(ws: Any) -> None:
    """Make every text cell of an openpyxl worksheet a text cell, never a formula, also when edited in Excel."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and _FORMULA.match(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def _col_letter(j: int) -> str:
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s


def parse_rows(
    rows: list[list[Any]], file: str | None, place: Callable[[int, int], str], decimal_comma: bool
) -> BareMatrix:
    """Rows of cells (strings or numbers) → a checked bare matrix. ``place(i, j)`` names cell i, j (0-based)."""
    # empty rows are skipped, but every place is named by the row it is on in the file
    kept = [(i, r) for i, r in enumerate(rows) if any(c not in (None, "") for c in r)]
    if not kept:
        raise InputError(gettext("is empty"), file)
    top, header = kept[0]
    while header and header[-1] in (None, ""):
        header = header[:-1]
    if len(header) < 2:
        raise InputError(
            gettext("the first row must name the alternatives' column and at least one criterion"),
            file,
            place(top, 0),
        )
    m = len(header) - 1
    criteria = [str(c).strip() if c is not None else "" for c in header[1:]]
    check_names(criteria, gettext("criterion"), file, lambda j: place(top, j + 1))
    objectives = [1] * m
    weights = [1.0] * m
    alternatives: list[str] = []
    matrix: list[list[float]] = []
    data_rows: list[int] = []
    seen_obj = seen_w = False
    for i, row in kept[1:]:
        cells = list(row) + [None] * (m + 1 - len(row))
        extra = [j for j in range(m + 1, len(cells)) if cells[j] not in (None, "")]
        if extra:
            raise InputError(
                gettext("has {n_row} cells, but the header names {m} criteria").format(n_row=len(row), m=m),
                file,
                place(i, extra[0]),
            )
        label = "" if cells[0] is None else str(cells[0]).strip()
        key = label.casefold()
        if key in OBJECTIVE_ROWS and not seen_obj and not matrix:
            seen_obj = True
            for j in range(m):
                word = str(cells[j + 1] if cells[j + 1] is not None else "").strip().casefold()
                if word in MAX_WORDS:
                    objectives[j] = 1
                elif word in MIN_WORDS:
                    objectives[j] = -1
                else:
                    raise InputError(
                        gettext("objective {cells!r} must be max or min").format(cells=cells[j + 1]),
                        file,
                        place(i, j + 1),
                    )
            continue
        if key in WEIGHT_ROWS and not seen_w and not matrix:
            seen_w = True
            weights = [_number(cells[j + 1], file, place(i, j + 1), decimal_comma) for j in range(m)]
            continue
        alternatives.append(label)
        data_rows.append(i)
        matrix.append([_number(cells[j + 1], file, place(i, j + 1), decimal_comma) for j in range(m)])
    if not matrix:
        raise InputError(gettext("has no alternatives (rows below the header)"), file)
    check_names(alternatives, gettext("alternative"), file, lambda k: place(data_rows[k], 0))
    check_weights(weights, file, lambda j: "weight row" if j is None else place(top, j + 1))
    return BareMatrix(alternatives, criteria, matrix, objectives, weights)


def _number(cell: Any, file: str | None, place: str, decimal_comma: bool) -> float:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        raise InputError(
            gettext("is empty; every alternative needs a number on every criterion"), file, place
        )
    if isinstance(cell, str):
        s = cell.strip().replace("\u00a0", "").replace(" ", "")
        if decimal_comma and "," in s:
            s = s.replace(".", "").replace(",", ".")
        try:
            cell = float(s)
        except ValueError:
            raise InputError(
                gettext("{cell!r} is not a number").format(cell=cell.strip()), file, place
            ) from None
    return check_number(cell, file, place)


def read_csv(path: str | os.PathLike) -> Evaluation:
    from . import read_bytes

    file = os.fspath(path)
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel on Windows saves CSV in the ANSI code page
    if "\x00" in text:
        raise InputError(gettext("is not a text CSV file (it contains NUL bytes)"), file)
    sample = text[:4096]
    delimiter = max((";", ",", "\t"), key=sample.count) if any(d in sample for d in ";,\t") else ","
    try:
        rows = [
            [csv_plain(c) for c in r]
            for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        ]
    except csv.Error as exc:
        raise InputError(library_words(gettext("is not valid CSV: {detail}"), exc), file) from None
    bm = parse_rows(
        rows,
        file,
        lambda i, j: gettext("row {row}, column {column}").format(row=i + 1, column=j + 1),
        decimal_comma=delimiter != ",",
    )
    return bare_evaluation(bm, os.path.splitext(os.path.basename(file))[0])


# What a decision matrix workbook may unpack to, and how far its cells may lie: beyond this it is not a matrix a
# person made, and the work of reading it is bounded by these, whatever its cells' addresses claim.
XLSX_LIMITS_BYTES = (64 * 1024 * 1024, 128 * 1024 * 1024)  # one unpacked part, all parts together
MAX_XLSX_ROWS, MAX_XLSX_COLS = 100_000, 1_000
MAX_XLSX_CELLS = 2_000_000  # cells and rows the first sheet may hold, filled or empty


def read_xlsx(path: str | os.PathLike) -> Evaluation:
    """The first sheet of a workbook. openpyxl parses with defusedxml (installed), so XML bombs are refused; zip
    bombs and far cells by :mod:`evaluator.io.xlsx_limits`."""
    from . import read_bytes
    from .xlsx_limits import Limits, cells, open_workbook

    file = os.fspath(path)
    wb = open_workbook(read_bytes(path), file, Limits(*XLSX_LIMITS_BYTES))
    try:
        ws = wb.worksheets[0]
        sheet = ws.title
        grid: dict[int, dict[int, Any]] = {}
        for r, c, v in cells(ws, file, MAX_XLSX_CELLS):
            if r > MAX_XLSX_ROWS or c > MAX_XLSX_COLS:
                raise InputError(
                    gettext(
                        "holds a value beyond the {MAX_XLSX_ROWS} rows and {MAX_XLSX_COLS} columns Afweging reads"
                    ).format(MAX_XLSX_ROWS=MAX_XLSX_ROWS, MAX_XLSX_COLS=MAX_XLSX_COLS),
                    file,
                    gettext("sheet {sheet!r}, cell {cell}").format(
                        sheet=sheet, cell=f"{_col_letter(c - 1)}{r}"
                    ),
                )
            grid.setdefault(r, {})[c] = v
    except IndexError:
        raise InputError(gettext("has no sheets"), file) from None
    finally:
        wb.close()
    last = max(grid, default=0)
    rows: list[list[Any]] = []
    for r in range(1, last + 1):
        found = grid.get(r, {})
        row: list[Any] = [None] * max(found, default=0)
        for c, v in found.items():
            row[c - 1] = v
        rows.append(row)
    bm = parse_rows(
        rows,
        file,
        lambda i, j: gettext("sheet {sheet!r}, cell {cell}").format(
            sheet=sheet, cell=f"{_col_letter(j)}{i + 1}"
        ),
        decimal_comma=True,
    )
    return bare_evaluation(bm, os.path.splitext(os.path.basename(file))[0])


def _table(ev: Evaluation, file: str) -> list[list[Any]]:
    bm = bare_matrix(ev, file)
    rows: list[list[Any]] = [["alternative", *bm.criteria]]
    rows.append(["objective", *("max" if o > 0 else "min" for o in bm.objectives)])
    rows.append(["weight", *bm.weights])
    rows += [[a, *row] for a, row in zip(bm.alternatives, bm.matrix, strict=True)]
    return rows


def write_csv(ev: Evaluation, path: str | os.PathLike) -> None:
    from ..files import atomic_write

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for row in _table(ev, os.fspath(path)):
        w.writerow([repr(c) if isinstance(c, float) else csv_text(c) for c in row])
    atomic_write(path, buf.getvalue().encode())


def write_xlsx(ev: Evaluation, path: str | os.PathLike) -> None:
    import openpyxl

    from ..files import atomic_write

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "matrix"
    for row in _table(ev, os.fspath(path)):
        ws.append(row)
    text_cells(ws)
    buf = io.BytesIO()  # built in memory, written in one go: a killed export leaves no temporary file
    wb.save(buf)
    atomic_write(path, buf.getvalue())
