"""Opening an XLSX workbook from someone else within bounds: the work is set by the sheet's real cells and the
sizes the zip declares, never by what a cell's address or a compressed member claims.

Two guards, both before any cell is read:

- :func:`check_zip` reads the zip's directory and refuses a workbook whose members would unpack to more than the
  :class:`Limits` allow, or that unpack a large member from very little (a zip bomb). Python's ``zipfile`` never
  returns more bytes than a member's declared size (and then fails its CRC check), so the declared sizes that are
  checked here bound what openpyxl can unpack.
- :func:`cells` yields only the cells the sheet holds, in row order, and counts them; a cell at ``XFD1048576`` is
  one cell, not seventeen billion. (openpyxl's own ``iter_rows`` fills every cell of the rectangle up to the
  farthest one, which is what made one far cell take minutes and hundreds of megabytes.)
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..i18n import gettext


@dataclass(frozen=True)
class Limits:
    """What one workbook may unpack to."""

    member_bytes: int  # one unpacked member (a sheet's XML, the shared strings)
    total_bytes: int  # all members together
    members: int = 1000
    ratio: int = 100  # a member over RATIO_FROM bytes may unpack to at most this many times its packed size


RATIO_FROM = 1024 * 1024


def _mb(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def check_zip(raw: bytes, file: str, limits: Limits) -> None:
    """Refuse (``InputError``) a workbook whose zip would unpack to more than ``limits`` allow."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise not_a_workbook(file) from None
    if len(members) > limits.members:
        raise InputError(gettext("holds {n_members} parts; an XLSX workbook Afweging reads has at most {members}").format(n_members=len(members), members=limits.members), file)  # fmt: skip
    total = 0
    for m in members:
        if m.file_size > limits.member_bytes:
            raise InputError(
                gettext(
                    "part {filename!r} unpacks to {mb}, more than the {mb2} Afweging reads (refused unread)"
                ).format(filename=m.filename, mb=_mb(m.file_size), mb2=_mb(limits.member_bytes)),
                file,
            )
        if m.file_size > RATIO_FROM and m.file_size > limits.ratio * max(m.compress_size, 1):
            raise InputError(
                gettext(
                    "part {filename!r} unpacks from {mb} to {mb2}; that is a zip bomb, not a spreadsheet "
                    "(refused unread)"
                ).format(filename=m.filename, mb=_mb(m.compress_size), mb2=_mb(m.file_size)),
                file,
            )
        total += m.file_size
    if total > limits.total_bytes:
        raise InputError(
            gettext("unpacks to {mb}, more than the {mb2} Afweging reads (refused unread)").format(
                mb=_mb(total), mb2=_mb(limits.total_bytes)
            ),
            file,
        )


def open_workbook(raw: bytes, file: str, limits: Limits) -> Any:
    """The workbook in ``raw``, checked with :func:`check_zip` and opened read-only (values, not formulas)."""
    import openpyxl

    check_zip(raw, file, limits)
    try:
        return openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zipfile, defusedxml and broken parts raise their own kinds
        raise unreadable(exc, file) from None


def not_a_workbook(file: str) -> InputError:
    """A file that is not a zip at all: another format, perhaps renamed to .xlsx, or a file cut short."""
    return InputError(
        gettext(
            "is not a readable XLSX workbook (Excel): it is not an Excel file; save it from the spreadsheet program "
            "as an Excel workbook (.xlsx)"
        ),
        file,
    )


def unreadable(exc: BaseException, file: str) -> InputError:
    """A zip that does not hold a workbook that opens (a part missing or damaged); the parser's own words stay
    out of the user's line (they name Python exceptions)."""
    return InputError(
        gettext(
            "is not a readable XLSX workbook (Excel): a part of it is missing or damaged; open it in the "
            "spreadsheet program and save it again as an Excel workbook (.xlsx)"
        ),
        file,
    )


def cells(ws: Any, file: str, limit: int) -> Iterator[tuple[int, int, Any]]:
    """``(row, column, value)`` of each cell a read-only sheet holds (1-based), in the order written; empty cells
    count towards ``limit`` but are not yielded. ``InputError`` past ``limit`` or for a sheet that does not parse.
    """
    # the parser openpyxl's own read-only sheets use (openpyxl 3.1); it yields the cells a row holds, no more
    from openpyxl.worksheet._reader import WorkSheetParser

    wb = ws.parent
    seen = 0
    try:
        with ws._get_source() as src:
            parser = WorkSheetParser(
                src,
                ws._shared_strings,
                data_only=True,
                epoch=wb.epoch,
                date_formats=wb._date_formats,
                timedelta_formats=wb._timedelta_formats,
            )
            for r, row in parser.parse():
                seen += 1 + len(row)
                if seen > limit:
                    raise InputError(
                        gettext(
                            "holds more than {limit} cells; this is not a sheet Afweging made or reads"
                        ).format(limit=limit),
                        file,
                        gettext("sheet {sheet!r}").format(sheet=ws.title),
                    )
                for cell in row:
                    if cell["value"] is not None:
                        yield r, cell["column"], cell["value"]
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet raises what its parser raises
        raise unreadable(exc, file).at(place=gettext("sheet {sheet!r}").format(sheet=ws.title)) from None
