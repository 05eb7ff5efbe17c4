"""Reading a ballot or a matrix workbook is bounded by the cells the sheet holds and the sizes its zip declares:
a far cell, a zip bomb or a sheet full of empty cells is one clear line (exit 2), quickly and in little memory.

Each case runs the command a user runs, in a child process that reports its own peak memory.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from evaluator.ballot import write_ballot
from evaluator.store import Store
from tests.test_workshop import workshop

ROOT = Path(__file__).resolve().parents[1]
PEAK_LIMIT = 250 * 1024 * 1024  # the child's peak resident memory; a far cell used to take 840 MB

# The child's own peak (VmHWM, kB): ru_maxrss would also count the pytest process it was forked from, which
# Linux carries across exec — a large test run then "measured" 700 MB for a 60 MB import.
CHILD = """
import sys
from evaluator.cli import main
code = main(sys.argv[2:])
hwm = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
with open(sys.argv[1], "w") as f:
    f.write(hwm)
sys.exit(code)
"""


def afweging(tmp_path: Path, *argv) -> tuple[int, str, str, int]:
    """Run the CLI in a child; its exit status, output, errors and peak memory (bytes)."""
    peak = tmp_path / "peak.txt"
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(peak), *map(str, argv)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    return proc.returncode, proc.stdout, proc.stderr, int(peak.read_text()) * 1024  # VmHWM: kB


def refused(tmp_path, *argv) -> str:
    code, out, err, peak = afweging(tmp_path, *argv)
    assert code == 2 and out == "", err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert peak < PEAK_LIMIT, f"peak memory {peak / 1e6:.0f} MB"
    return err


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "workshop.afweging"
    Store.create(path, workshop()).close()
    return path


def ballot(project, path, values=(10, 20, 30)):
    with Store.open(project) as st:
        write_ballot(st.evaluation, "dee", path, st.created, key=st.ballot_key(create=True))
    wb = openpyxl.load_workbook(path)
    for i, v in enumerate(values, start=2):
        wb.worksheets[0].cell(i, 5).value = v
    wb.save(path)
    return wb


def matrix(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["alternative", "x", "y"], ["a", 1, 2], ["b", 3, 4]):
        ws.append(row)
    wb.save(path)
    return wb


def bomb(path: Path, member: str, size: int) -> None:
    """Replace ``member`` of the workbook at ``path`` by ``size`` bytes of XML whitespace, packed as tightly as
    deflate packs them, before the member's own text."""
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    assert member in src.namelist()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != member:
                out.writestr(info.filename, data)
                continue
            head, _, body = data.rpartition(b"?>")
            with out.open(member, "w", force_zip64=True) as f:
                f.write(head + _)
                chunk = b" " * (1 << 20)
                for _ in range(size // len(chunk)):
                    f.write(chunk)
                f.write(body)
    path.write_bytes(buf.getvalue())


def test_far_cell_in_a_ballot_is_named_quickly(project, tmp_path):
    path = tmp_path / "dee.xlsx"
    wb = ballot(project, path)
    wb.worksheets[0]["XFD1048576"] = 1
    wb.save(path)
    assert path.stat().st_size < 20_000
    err = refused(tmp_path, "ballot", "import", project, path)
    assert "cell XFD1048576: holds something outside the ballot's table" in err


def test_far_empty_cell_in_a_ballot_is_no_obstacle(project, tmp_path):
    """A spreadsheet program may write an empty, formatted cell far away; it holds nothing, so it imports."""
    path = tmp_path / "dee.xlsx"
    wb = ballot(project, path)
    wb.worksheets[0]["XFD1048576"].number_format = "0.00"
    wb.save(path)
    assert "XFD1048576" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    code, out, err, peak = afweging(tmp_path, "ballot", "import", project, path)
    assert code == 0, err
    assert out.startswith("Dee Bakker: 3 criteria") and peak < PEAK_LIMIT


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/styles.xml"])
def test_zip_bomb_ballot_refused_unread(project, tmp_path, member):
    path = tmp_path / "dee.xlsx"
    ballot(project, path)
    bomb(path, member, 300 << 20)
    assert path.stat().st_size < 2_000_000
    err = refused(tmp_path, "ballot", "import", project, path)
    assert f"part {member!r} unpacks to 315 MB, more than the 4 MB Afweging reads (refused unread)" in err
    with Store.open(project, readonly=True) as st:
        assert "dee" not in st.evaluation.participant_weights


def test_small_part_packed_far_too_tightly_is_a_zip_bomb(project, tmp_path):
    path = tmp_path / "dee.xlsx"
    ballot(project, path)
    bomb(path, "xl/worksheets/sheet1.xml", 3 << 20)
    err = refused(tmp_path, "ballot", "import", project, path)
    assert "unpacks from" in err and "that is a zip bomb, not a spreadsheet" in err


def test_sheet_full_of_empty_cells_is_refused_by_count(project, tmp_path):
    path = tmp_path / "dee.xlsx"
    ballot(project, path)
    sheet = "xl/worksheets/sheet1.xml"
    raw = zipfile.ZipFile(path).read(sheet)
    rows = b"".join(b'<row r="%d"><c r="F%d" s="1"/></row>' % (r, r) for r in range(10, 30_010))
    from tests.fuzz_support import rezipped

    path.write_bytes(
        rezipped(path.read_bytes(), {sheet: raw.replace(b"</sheetData>", rows + b"</sheetData>")})
    )
    err = refused(tmp_path, "ballot", "import", project, path)
    assert "sheet 'stembiljet': holds more than 10020 cells" in err


def test_far_value_in_a_matrix_is_named(tmp_path):
    path = tmp_path / "m.xlsx"
    wb = matrix(path)
    wb.active["XFD1048576"] = 1
    wb.save(path)
    err = refused(tmp_path, "rank", path)
    assert (
        "m.xlsx: sheet 'Sheet', cell XFD1048576: holds a value beyond the 100000 rows and 1000 columns" in err
    )


def test_far_value_within_bounds_is_named_where_it_is(tmp_path):
    """A cell at ALK99999 (what took 840 MB): refused naming that cell, not the row it would have been on."""
    path = tmp_path / "m.xlsx"
    wb = matrix(path)
    wb.active.cell(99999, 999).value = 5
    wb.save(path)
    err = refused(tmp_path, "rank", path)
    assert "m.xlsx: sheet 'Sheet', cell ALK99999: has 999 cells, but the header names 2 criteria" in err


def test_zip_bomb_matrix_refused_unread(tmp_path):
    path = tmp_path / "m.xlsx"
    matrix(path)
    bomb(path, "xl/worksheets/sheet1.xml", 300 << 20)
    err = refused(tmp_path, "import", path, "--out", tmp_path / "m.afweging")
    assert "unpacks to 315 MB, more than the 67 MB Afweging reads (refused unread)" in err
    assert not (tmp_path / "m.afweging").exists()


def test_honest_matrix_with_far_empty_cell_reads(tmp_path):
    path = tmp_path / "m.xlsx"
    wb = matrix(path)
    wb.active["XFD1048576"].number_format = "0.00"
    wb.save(path)
    code, out, err, peak = afweging(tmp_path, "rank", path)
    assert code == 0, err
    assert "a" in out and peak < PEAK_LIMIT
