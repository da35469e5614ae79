"""workbook.py's shortcuts give what the long way gives.

- the quick bound of a sheet's used area never lets through a sheet the close
  bound refuses, and leaves every large or far-reaching sheet to it;
- a sheet scanned before (same compressed bytes, same limits) keeps its error
  cells, and a changed sheet or a lower limit is scanned again;
- ``Sheet.values`` reads as ``Sheet.value`` does, special cells and all;
- the file is read whole from a pipe, a read at a time;
- member names decode as zipfile decodes them.
"""

from __future__ import annotations

import io
import os
import random
import re
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _reliability_kit import SHEET, RawMember, catalogue, edit, honest, members, raw_zip, template
from iku_cli.workbooks.cells import CellError, NoResult
from iku_cli.workbooks.limits import WorkbookProblem
from iku_cli.workbooks.reader import read_workbook
from iku_cli.workbooks.workbook import Sheet, _read_up_to, open_workbook
from iku_cli.workbooks.xlsx import _close_extent, _small_extent, _xlsx_extent
from iku_cli.workbooks.zipsafety import _fast_directory

LIMITS = (50_000_000, 3_000_000, 100_000, 10_000, 2_000)


def _random_sheet(rng: random.Random) -> bytes:
    """A sheet's XML with rows and cells, with and without references: half of them
    within column Z and row 999, the others placed anywhere."""
    far = rng.random() < 0.5
    last_row = 1_048_576 if far else 999
    columns = [None, "A", "H", "Z", "AA", "ZZ", "AAA", "XFD"] if far else [None, "A", "H", "Z"]
    rows = []
    for r in range(rng.randint(0, 40)):
        row = rng.choice([None, r + 1, rng.randint(1, 999), rng.randint(1, last_row)])
        cells = []
        for _ in range(rng.randint(0, 20)):
            col = rng.choice(columns)
            at = row if row is not None and rng.random() < 0.7 else rng.randint(1, last_row)
            ref = "" if col is None else f' r="{col}{at}"'
            cells.append(f"<c{ref}/>" if rng.random() < 0.5 else f"<c{ref}><v>1</v></c>")
        attr = "" if row is None else f' r="{row}"'
        rows.append(f"<row{attr}>{''.join(cells)}</row>")
    return f"<worksheet><sheetData>{''.join(rows)}</sheetData></worksheet>".encode()


def test_the_quick_bound_is_never_below_the_close_one() -> None:
    rng = random.Random(6)
    quick = 0
    for _ in range(3_000):
        xml = _random_sheet(rng)
        for limit in LIMITS:
            rows, cols = _close_extent(xml, limit)
            small = _small_extent(xml, limit)
            if small is not None:
                quick += 1
                assert small[0] * small[1] <= limit  # what it proves
                assert rows * cols <= limit  # and the close bound agrees
            assert _xlsx_extent(xml, limit) == (small or (rows, cols))
    assert quick > 1_000  # the quick bound is taken, not always passed over


@pytest.mark.parametrize("ref", ["AA1", "A1000", "XFD1048576", "ZZZ9", "A0001"])
def test_a_far_reference_is_left_to_the_close_bound(ref: str) -> None:
    xml = f'<worksheet><sheetData><row><c r="{ref}"/></row></sheetData></worksheet>'.encode()
    assert _small_extent(xml, 3_000_000) is None


def test_a_submissions_sheet_takes_the_quick_bound() -> None:
    assert _small_extent(members(template())[SHEET], 3_000_000) is not None


def _with_error_cell(tmp_path: Path, name: str) -> Path:
    """The template whose first Nilai (F5) shows #DIV/0!."""
    error = rb'<c r="F5"\1 t="e"><v>#DIV/0!</v></c>'
    data = edit(SHEET, lambda xml: re.sub(rb'<c r="F5"( s="\d+")?><v>10</v></c>', error, xml))
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_sheet_seen_before_keeps_its_error_cells(tmp_path: Path) -> None:
    path = _with_error_cell(tmp_path, "galat.xlsx")
    for _ in range(3):  # the second and third time from what was seen
        with open_workbook(path) as book:
            assert book.sheet("Data").value(5, 6) == CellError("#DIV/0!")
        _, found = read_workbook(path, "galat.xlsx", catalogue())
        assert ("cell-error", "F5") in {(f.code, f.cell) for f in found}


def test_a_sheet_seen_before_is_checked_again_under_a_lower_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(template())
    with open_workbook(path) as book:
        book.sheet("Data")
    with open_workbook(path, max_cells=20) as book, pytest.raises(WorkbookProblem) as info:
        book.sheet("Data")
    assert info.value.code == "sheet-too-large"


def test_a_changed_sheet_is_scanned_again(tmp_path: Path) -> None:
    good = tmp_path / "baik.xlsx"
    good.write_bytes(template())
    with open_workbook(good) as book:
        assert book.sheet("Data").value(5, 6) == 10
    bad = _with_error_cell(tmp_path, "galat.xlsx")
    with open_workbook(bad) as book:
        assert book.sheet("Data").value(5, 6) == CellError("#DIV/0!")


def test_values_read_as_value_does() -> None:
    rows: list[list[object]] = [["a", "", 3.0], ["", "b"], [], [1, 2, 3, 4]]
    special = {(2, 1): CellError("#REF!"), (4, 5): NoResult("A1")}
    sheet = Sheet("S", rows, 4, special)  # type: ignore[arg-type]
    for row in range(0, 7):
        for cols in ((1, 2, 3), (0, 3, 9), (5, 4, 1), (2,), ()):
            assert sheet.values(row, cols) == [sheet.value(row, c) for c in cols]


def test_a_pipe_is_read_whole_a_read_at_a_time() -> None:
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"PK" * 100)
        os.write(write_end, b"xy" * 50)
        os.close(write_end)
        write_end = -1
        assert _read_up_to(read_end, 250) == b"PK" * 100 + b"xy" * 25
        assert _read_up_to(read_end, 1_000) == b"xy" * 25
        assert _read_up_to(read_end, 10) == b""
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


def test_member_names_decode_as_zipfile_decodes_them() -> None:
    names = [b"xl/worksheets/sheet1.xml", "xl/Lampiran \u00e9.xml".encode(), b"a\x82b.bin"]
    items = [RawMember(n, b"", 0, 0, 0) for n in names]
    items.append(RawMember("utf8 \u00e9.bin".encode(), b"", 0, 0, 0, 0x800))
    data = raw_zip(items)
    listed = _fast_directory(data)
    assert listed is not None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert [m.name for m in listed] == archive.namelist()
    assert [m.name for m in listed][-1] == "utf8 \u00e9.bin"


def test_honest_members_list_as_before() -> None:
    data = raw_zip(honest(members(template())))
    listed = _fast_directory(data)
    assert listed is not None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert [(m.name, m.crc, m.csize, m.usize, m.offset) for m in listed] == [
        (i.filename, i.CRC, i.compress_size, i.file_size, i.header_offset) for i in infos
    ]
