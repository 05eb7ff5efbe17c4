"""The results of an evaluation as spreadsheet tables: the ranking under every method, the value matrix, the
weights, and the robustness tables — one pandas DataFrame each, headers in Dutch or English.

:func:`results_tables` builds them (the CLI's ``rank --format xlsx|csv --out`` and the app's File → Export
results both call it); :func:`write_results_xlsx` writes every table as a sheet, numbers as typed numbers with a
number format; :func:`write_results_csv` writes the ranking table in the locale's convention (Dutch: ``;`` and a
decimal comma, as Dutch Excel reads it) with a UTF-8 BOM so Excel reads the names as UTF-8.

Names come from files and are hostile: a text cell starting with ``= + - @`` is written as text, never a
formula (:func:`evaluator.io.table.text_cells` and :func:`~evaluator.io.table.csv_text`).
The robustness tables come from the one robustness object (:func:`evaluator.robustness.to_data`), so their
numbers are the ones ``afweging sensitivity FILE --format json`` prints.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError
from ..i18n import N_, gettext, keyed, pgettext
from ..model import Evaluation, text
from .table import csv_text, text_cells

if TYPE_CHECKING:
    import pandas as pd

# Stable keys of the tables, in sheet order; titles in English for the catalogue (a sheet name: at most 31 characters).
TITLES: dict[str, str] = {
    "ranking": N_("Ranking"),
    "values": N_("Value matrix"),
    "matrix": N_("Decision matrix"),  # the value sheet of a bare matrix: raw numbers
    "weights": N_("Weights"),
    "robustness": N_("Robustness"),
    "stability": N_("Weight stability"),
    "about": N_("About"),
}

# The column headers and row labels: a keyed table (tools/i18n_catalog.py), the key is the catalogue's context, so
# "Rank" here can read "Rang" while it is "Plaats" elsewhere ("sheet.": no other table's key).
TEXTS: dict[str, str] = {
    "sheet.alternative": "Alternative",
    "sheet.rank": "Rank",
    "sheet.score": "Score",
    "sheet.excluded": "Excluded because",
    "sheet.area": "Area",
    "sheet.criterion": "Criterion",
    "sheet.name": "Name",
    "sheet.weight": "Weight",
    "sheet.objective": "Objective",
    "sheet.low": "Lowest weight",
    "sheet.high": "Highest weight",
    "sheet.item": "Item",
    "sheet.value": "Value",
}

# Number formats (Excel shows them with the reader's own decimal separator).
RANK_FORMAT = "0"
SCORE_FORMAT = "0.0000"
TINY_FORMAT = "0.00E+00"  # a WPM product of 1e-30 must not read as 0,0000
VALUE_FORMAT = "0.000"
RAW_FORMAT = "General"  # a bare matrix's own numbers, as entered
SHARE_FORMAT = "0.0%"


def _w(key: str, lang: str) -> str:
    return keyed(TEXTS, f"sheet.{key}", lang)


def csv_convention(lang: str) -> tuple[str, str]:
    """``(separator, decimal mark)`` of a CSV for ``lang``: Dutch Excel splits on ``;`` and reads ``0,5``."""
    return (";", ",") if lang == "nl" else (",", ".")


def results_tables(ev: Evaluation, lang: str = "en", method: str | None = None) -> dict[str, pd.DataFrame]:
    """The results of ``ev`` as tables, keyed ``ranking``, ``values`` (``matrix`` for a bare matrix),
    ``weights``, ``robustness``, ``stability`` and ``about``, in sheet order.

    Each frame's ``attrs`` hold its sheet ``title`` in ``lang`` and the number ``formats`` of its columns.
    ``method`` (default: the evaluation's) orders the ranking; the other methods stand beside it. A method that
    cannot rank these numbers, or a robustness analysis that cannot run, is named in the ``about`` table
    (and in ``attrs["notes"]`` of the ranking) instead of failing the export; ``InputError`` when ``method``
    itself cannot rank, as ``afweging rank`` would say.
    """
    if lang not in ("nl", "en"):
        raise ValueError(f"unknown language {lang!r}")
    from ..methods import method as method_of

    main = method or ev.method
    method_of(main)  # an unknown method is an InputError naming the choices
    notes: list[str] = []
    ranking = _ranking(ev, lang, main, notes)
    tables = {"ranking": ranking}
    values_key = "matrix" if ev.bare else "values"
    tables[values_key] = _values(ev, lang)
    tables["weights"] = _weights(ev, lang)
    robustness = _robustness(ev, lang, notes)
    if robustness is not None:
        tables["robustness"], tables["stability"], verdict = robustness
    else:
        verdict = None
    tables["about"] = _about(ev, lang, main, verdict, notes)
    ranking.attrs["notes"] = notes
    for key, df in tables.items():
        df.attrs["title"] = gettext(TITLES[key], lang)
        df.attrs.setdefault("formats", {})
    return tables


def _frame(
    columns: list[str], rows: list[list[Any]], formats: Mapping[str, str] | None = None
) -> pd.DataFrame:
    import pandas as pd

    df = pd.DataFrame(rows, columns=columns)
    df.attrs["formats"] = dict(formats or {})
    return df


def _ranking(ev: Evaluation, lang: str, main: str, notes: list[str]) -> pd.DataFrame:
    import pandas as pd

    from ..methods import METHODS, rank
    from ..problem import build_problem

    problem = build_problem(ev)
    rankings = {}
    for m in [main, *(m for m in METHODS if m != main)]:
        try:
            rankings[m] = rank(problem, m, ev.method_params)
        except (InputError, ValueError, ArithmeticError) as exc:  # ValueError: a library refusing the numbers
            if m == main:
                raise
            notes.append(f"{METHODS[m].acronym}: {exc.problem if isinstance(exc, InputError) else exc}")
    alt = _w("alternative", lang)
    rank_cols = {m: f"{_w('rank', lang)} {METHODS[m].acronym}" for m in rankings}
    score_cols = {m: f"{_w('score', lang)} {METHODS[m].acronym}" for m in rankings}
    order = rankings[main].order()  # the chosen method's best first; the excluded below, with the reason
    excluded = problem.excluded
    names = [problem.names[i] for i in order] + [ev.alternative(a).name for a in excluded]
    blank = [None] * len(excluded)
    data: dict[str, Any] = {alt: names}
    for m, r in rankings.items():
        data[rank_cols[m]] = pd.array([int(r.ranks[i]) for i in order] + blank, dtype="Int64")
    for m, r in rankings.items():
        data[score_cols[m]] = pd.array([float(r.scores[i]) for i in order] + blank, dtype="Float64")
    if excluded:
        data[_w("excluded", lang)] = [""] * len(order) + [
            "; ".join(e.describe(ev, lang) for e in exs) for exs in excluded.values()
        ]
    df = pd.DataFrame(data)
    df.attrs["formats"] = {**dict.fromkeys(rank_cols.values(), RANK_FORMAT),
                           **dict.fromkeys(score_cols.values(), SCORE_FORMAT)}  # fmt: skip
    df.attrs["methods"] = {m: (rank_cols[m], score_cols[m]) for m in rankings}
    return df


def criterion_label(ev: Evaluation, criterion_id: str, lang: str) -> str:
    """A column heading for a criterion: "S1 Control" (a bare matrix's criterion: its name)."""
    c = ev.criterion(criterion_id)
    name = text(c.name, lang)
    return name if ev.bare or not name else f"{c.id} {name}"


def _values(ev: Evaluation, lang: str) -> pd.DataFrame:
    """Alternatives × criteria: values in [0, 1] (1 best) as the methods see them; a bare matrix's raw numbers."""
    from ..problem import exclusions, score_matrix, value_matrix

    scores = score_matrix(ev)
    if ev.bare:
        m, fmt = scores, RAW_FORMAT
    else:
        out = {e.alternative for e in exclusions(ev, scores)}
        rows = np.array([a.id not in out for a in ev.alternatives], dtype=bool)
        m, fmt = value_matrix(ev, scores, rows), VALUE_FORMAT
    cols = [criterion_label(ev, c.id, lang) for c in ev.criteria]
    rows_out = [
        [a.name, *(None if np.isnan(x) else float(x) for x in m[i])] for i, a in enumerate(ev.alternatives)
    ]
    return _frame([_w("alternative", lang), *cols], rows_out, dict.fromkeys(cols, fmt))


def _weights(ev: Evaluation, lang: str) -> pd.DataFrame:
    from ..weighting import global_weights

    gw = global_weights(ev)
    weight = _w("weight", lang)
    cols = [_w("area", lang), _w("criterion", lang), _w("name", lang), weight]
    rows: list[list[Any]] = []
    for c in ev.criteria:
        area = next((a for a in ev.areas if a.id == c.area), None)
        row = [text(area.name, lang) if area else c.area, c.id, text(c.name, lang), float(gw[c.id])]
        if ev.bare:
            row.append("min" if c.scale.direction == "cost" else "max")
        rows.append(row)
    if ev.bare:
        cols.append(_w("objective", lang))
    return _frame(cols, rows, {weight: SHARE_FORMAT})


def _robustness(
    ev: Evaluation, lang: str, notes: list[str]
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]] | None:
    from ..robustness import resolve, run, to_data

    try:
        data = to_data(ev, run(ev, resolve(ev)))
    except InputError as exc:
        what = gettext("Robustness not computed", lang)
        notes.append(f"{what}: {exc.line()}")
        return None
    n = len(data["alternatives"])
    rank_cols = [f"{_w('rank', lang)} {r}" for r in range(1, n + 1)]
    from ..sensitivity import display_order

    alts = data["alternatives"]
    order = [alts[i] for i in display_order([[x or 0.0 for x in a["rank_acceptability"]] for a in alts])]
    acc = _frame(
        [_w("alternative", lang), *rank_cols],
        [[a["name"], *a["rank_acceptability"]] for a in order],
        dict.fromkeys(rank_cols, SHARE_FORMAT),
    )
    acc.attrs["settings"] = {k: data[k] for k in ("method", "samples", "seed", "weights", "spread", "scores")}
    low, high, weight = _w("low", lang), _w("high", lang), _w("weight", lang)
    stab = _frame(
        [_w("criterion", lang), _w("name", lang), weight, low, high],
        [
            [s["criterion"], text(ev.criterion(s["criterion"]).name, lang), s["weight"], s["low"], s["high"]]
            for s in data["stability"]
        ],
        dict.fromkeys((weight, low, high), SHARE_FORMAT),
    )
    return acc, stab, data


def _about(
    ev: Evaluation, lang: str, main: str, robustness: dict[str, Any] | None, notes: list[str]
) -> pd.DataFrame:
    from .. import __version__
    from ..methods import METHODS
    from ..robustness import scores_drawn, weights_drawn

    rows: list[list[Any]] = [
        [gettext("Evaluation", lang), ev.title],
        [gettext("Ranking method", lang), METHODS[main].title(lang)],
        [gettext("Score", lang), METHODS[main].score_meaning(lang)],
    ]
    if robustness is not None:
        r = robustness
        rows += [
            [gettext("Robustness method", lang), METHODS[r["method"]].title(lang)],
            [gettext("Samples", lang), r["samples"]],
            [gettext("Seed", lang), r["seed"]],
            [gettext("Weights drawn", lang), weights_drawn(r, lang)],
            [gettext("Scores", lang), scores_drawn(r, lang)],
            [gettext("Verdict", lang), r["verdict"]["text"][lang]],
        ]
    rows += [[pgettext("results", "Note", lang), n] for n in notes]
    rows.append([gettext("Afweging version", lang), __version__])
    return _frame([_w("item", lang), _w("value", lang)], rows)


# -- writing ----------------------------------------------------------------------------------------------------


def _clean(value: Any) -> Any:
    """Text an XLSX cell can hold (XML 1.0 forbids most control characters)."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def write_results_xlsx(tables: Mapping[str, pd.DataFrame], path: str | os.PathLike) -> None:
    """Every table as a sheet (title from ``attrs``): header row in bold, frozen, numbers typed and formatted,
    text never a formula. Atomic: all or nothing."""
    import pandas as pd
    from openpyxl.utils import get_column_letter

    from ..files import atomic_path

    with atomic_path(path, suffix=".xlsx") as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as xw:
        for df in tables.values():
            title = df.attrs["title"]
            clean = df.rename(columns=_clean)
            for c in clean.columns:
                if clean[c].dtype == object or pd.api.types.is_string_dtype(clean[c]):
                    clean[c] = clean[c].map(_clean)
            clean.to_excel(xw, sheet_name=title, index=False)
            ws = xw.sheets[title]
            formats = df.attrs.get("formats", {})
            for j, col in enumerate(df.columns, start=1):
                fmt = formats.get(col)
                width = max([len(str(col))] + [len(str(v)) for v in df[col].head(200)]) + 2
                ws.column_dimensions[get_column_letter(j)].width = min(60, max(9, width))
                if fmt is None:
                    continue
                for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                        tiny = fmt == SCORE_FORMAT and cell.value and abs(cell.value) < 1e-3
                        cell.number_format = TINY_FORMAT if tiny else fmt
            ws.freeze_panes = "B2" if len(df.columns) > 1 else "A2"
            text_cells(ws)


def results_csv(df: pd.DataFrame, lang: str) -> str:
    """One table as CSV text in ``lang``'s convention (no BOM): names safe from formula injection."""
    sep, decimal = csv_convention(lang)
    safe = df.rename(columns=csv_text)
    for c in safe.columns:
        if not (safe[c].dtype.kind in "iufb" or str(safe[c].dtype) == "Int64"):
            safe[c] = safe[c].map(csv_text)
    buf = io.StringIO()
    safe.to_csv(buf, sep=sep, decimal=decimal, index=False, lineterminator="\n")
    return buf.getvalue()


def write_results_csv(
    tables: Mapping[str, pd.DataFrame], path: str | os.PathLike, lang: str, table: str = "ranking"
) -> None:
    """The ``table`` (default: the ranking under every method) as a CSV file in ``lang``'s convention, with a
    UTF-8 BOM (Excel then reads the names as UTF-8). A CSV holds one table; the XLSX holds them all."""
    from ..files import atomic_write

    atomic_write(path, results_csv(tables[table], lang).encode("utf-8-sig"))


def write_results(ev: Evaluation, path: str | os.PathLike, lang: str, method: str | None = None) -> list[str]:
    """The results of ``ev`` to ``path``: ``.xlsx`` (every table) or ``.csv`` (the ranking). Returns the notes
    (a method that could not rank, a robustness analysis that could not run)."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext not in (".xlsx", ".csv"):
        raise InputError(gettext("results are exported as .xlsx or .csv"), path)
    tables = results_tables(ev, lang, method)
    if ext == ".xlsx":
        write_results_xlsx(tables, path)
    else:
        write_results_csv(tables, path, lang)
    return list(tables["ranking"].attrs.get("notes", []))
