"""workbook.py: formats judged by content, refusals before parsing, cells with A1 addresses."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from pathlib import Path

import pytest

from _reader_kit import ole2, submission, write_ods, write_xlsx, zip_bytes
from _reliability_kit import declare_size
from iku_cli.workbooks.cells import (
    CellError,
    NoResult,
    a1,
    column_letter,
    column_number,
    is_error_text,
)
from iku_cli.workbooks.limits import WorkbookProblem
from iku_cli.workbooks.workbook import open_workbook, sniff
from iku_cli.workbooks.xls import ole2_names

DATA = Path(__file__).parent / "data" / "reader"


def _problem(path: Path, **limits: int) -> WorkbookProblem:
    with pytest.raises(WorkbookProblem) as info:
        open_workbook(path, **limits)
    return info.value


def test_addresses() -> None:
    assert [column_letter(n) for n in (1, 6, 26, 27, 52, 703, 16384)] == [
        "A", "F", "Z", "AA", "AZ", "AAA", "XFD",
    ]  # fmt: skip
    for n in (1, 26, 27, 702, 703, 16384):
        assert column_number(column_letter(n)) == n
    assert a1(5, 6) == "F5"


def test_xlsx_cells_have_addresses_and_types(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", submission())
    with open_workbook(path) as book:
        assert book.format == "xlsx"
        assert book.sheet_names == ["Petunjuk", "Identitas", "Data"]
        assert book.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        data = book.sheet("Data")
        cell = data.cell(5, 6)
        assert (cell.value, cell.sheet, cell.row, cell.col, cell.address) == (8, "Data", 5, 6, "F5")
        assert cell.ref == "Data!F5"
        assert data.cell(4, 1).value == "Kode IKU"
        assert data.cell(3, 1).value is None  # empty is None, not ""
        assert data.cell(999, 999).value is None
        assert [c.address for c in data.row(4)] == ["A4", "B4", "C4", "D4", "E4", "F4", "G4"]


def test_ods_and_xls_read_the_same_cells(tmp_path: Path) -> None:
    sheets = submission()
    ods = write_ods(tmp_path / "s.ods", sheets)
    xlsx = write_xlsx(tmp_path / "s.xlsx", sheets)
    xls = DATA / "submission.xls"  # made with xlwt in the same layout
    grids = []
    for path in (xlsx, ods, xls):
        with open_workbook(path) as book:
            data = book.sheet("Data")
            grids.append([(c.address, c.value) for c in data.cells() if c.row >= 4])
    assert grids[0] == grids[1] == grids[2]
    assert sniff(ods.read_bytes()) == "ods"
    assert sniff(xls.read_bytes()) == "xls"


def test_xlsm_judged_by_content(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", submission())
    data = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr("xl/vbaProject.bin", b"\0" * 10)
    assert sniff(data.getvalue()) == "xlsm"


def test_error_cells_and_formulas_without_result_xlsx(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "f.xlsx", {"S": [[1, "=A1*2", "#DIV/0!", "#REF!", "=1/0", "text"]]}
    )
    with open_workbook(path) as book:
        row = [book.sheet("S").cell(1, c).value for c in range(1, 7)]
    assert row[0] == 1
    assert row[1] == NoResult("A1*2")
    assert row[2] == CellError("#DIV/0!")
    assert row[3] == CellError("#REF!")
    assert row[4] == NoResult("1/0")
    assert row[5] == "text"


def _ods_with(tmp_path: Path, cells: str) -> Path:
    """An ods whose one sheet holds the given table-cell XML in row 2."""
    path = write_ods(tmp_path / "base.ods", {"S": [["a"], ["b"]]})
    with zipfile.ZipFile(path) as src:
        members = {i.filename: src.read(i) for i in src.infolist()}
    content = members["content.xml"].decode()
    start = content.index("<table:table-row", content.index("<table:table-row") + 1)
    end = content.index("</table:table-row>", start) + len("</table:table-row>")
    content = content[:start] + f"<table:table-row>{cells}</table:table-row>" + content[end:]
    members["content.xml"] = content.encode()
    out = tmp_path / "edited.ods"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), members.pop("mimetype"))
        for name, raw in members.items():
            zf.writestr(name, raw)
    return out


def test_error_cells_and_formulas_without_result_ods(tmp_path: Path) -> None:
    path = _ods_with(
        tmp_path,
        '<table:table-cell table:formula="of:=1/0" office:value-type="string" '
        'office:string-value=""><text:p>#DIV/0!</text:p></table:table-cell>'
        '<table:table-cell table:formula="of:=[.A1]*2"/>'
        '<table:table-cell table:number-columns-repeated="2" office:value-type="float" '
        'office:value="7"><text:p>7</text:p></table:table-cell>'
        '<table:table-cell table:formula="of:=[.Z9]" office:value-type="string" '
        'office:string-value=""><text:p>Err:502</text:p></table:table-cell>',
    )
    with open_workbook(path) as book:
        sheet = book.sheet("S")
        row = [sheet.cell(2, c).value for c in range(1, 6)]
    assert row == [CellError("#DIV/0!"), NoResult("[.A1]*2"), 7, 7, CellError("Err:502")]


def test_error_texts() -> None:
    for text in ("#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "Err:502", " #NUM! "):
        assert is_error_text(text), text
    for text in ("#1", "Err", "12", "# catatan panjang sekali tentang hal ini"):
        assert not is_error_text(text), text


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"Kode IKU;Nilai\n1.1;12\n", "CSV/TXT"),
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "HTML"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"", "0 B"),
        (b"\x00\x01\x02\x03\xff\xfe\xfd" * 100, "?"),
    ],
)
def test_not_a_workbook(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "renamed.xlsx"
    path.write_bytes(content)
    problem = _problem(path)
    assert (problem.code, problem.params["kind"]) == ("file-not-a-workbook", kind)


def test_other_zip_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "doc.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    assert _problem(path).code == "file-not-a-workbook"


def test_truncated_and_corrupt_zip(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", submission()).read_bytes()
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good[: len(good) // 2])
    assert _problem(truncated).code == "file-corrupt"
    corrupt = tmp_path / "corrupt.xlsx"
    damaged = bytearray(good)
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        info = zf.getinfo("xl/worksheets/sheet3.xml")  # the Data sheet
    start = info.header_offset + 30 + len(info.filename) + 10
    damaged[start : start + 40] = bytes(range(40))  # scramble its compressed data
    corrupt.write_bytes(bytes(damaged))
    with open_workbook(corrupt) as book, pytest.raises(WorkbookProblem) as info_:
        book.sheet("Data")
    assert info_.value.code == "file-corrupt"


def test_encrypted_ole2(tmp_path: Path) -> None:
    data = ole2(
        {"EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 60, "EncryptedPackage": b"x" * 700}
    )
    assert {"EncryptionInfo", "EncryptedPackage"} <= set(ole2_names(data) or [])
    path = tmp_path / "locked.xlsx"
    path.write_bytes(data)
    assert _problem(path).code == "file-encrypted"


def test_other_ole2_and_broken_ole2(tmp_path: Path) -> None:
    doc = tmp_path / "letter.xls"
    doc.write_bytes(ole2({"WordDocument": b"w" * 600}))
    problem = _problem(doc)
    assert (problem.code, problem.params["kind"]) == ("file-not-a-workbook", "OLE2")
    broken = tmp_path / "broken.xls"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 100)
    assert _problem(broken).code == "file-corrupt"


def _xlsx_members(tmp_path: Path) -> dict[str, bytes]:
    path = write_xlsx(tmp_path / "base.xlsx", submission())
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def test_zip_bomb_by_declared_size(tmp_path: Path) -> None:
    members = _xlsx_members(tmp_path)
    data = declare_size(zip_bytes(members), "xl/worksheets/sheet3.xml", 200 * 1024 * 1024)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(data)
    problem = _problem(path)
    assert problem.code == "zip-bomb"
    assert problem.params["member"] == "xl/worksheets/sheet3.xml"


def test_zip_bomb_by_ratio_and_limit_parameter(tmp_path: Path) -> None:
    members = _xlsx_members(tmp_path)
    members["xl/media/padding.bin"] = b"\0" * (3 * 1024 * 1024)
    path = tmp_path / "ratio.xlsx"
    path.write_bytes(zip_bytes(members))
    assert _problem(path).code == "zip-bomb"  # ~1000x over 1 MB
    small = _xlsx_members(tmp_path)
    path.write_bytes(zip_bytes(small))
    assert _problem(path, max_unzipped=1000).code == "zip-bomb"
    open_workbook(path).close()  # within the default limit


def test_member_that_lies_about_its_size(tmp_path: Path) -> None:
    members = _xlsx_members(tmp_path)
    members["xl/media/lie.bin"] = b"\0" * 400_000
    path = tmp_path / "liar.xlsx"
    path.write_bytes(declare_size(zip_bytes(members), "xl/media/lie.bin", 10))
    # the compressed data could inflate past 300 kB, so every member is inflated and checked
    assert _problem(path, max_unzipped=300_000).code == "file-corrupt"


def test_file_too_large(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", submission())
    problem = _problem(path, max_bytes=1000)
    assert problem.code == "file-too-large"


def test_far_apart_cells_are_refused_before_parsing(tmp_path: Path) -> None:
    members = _xlsx_members(tmp_path)
    sheet = members["xl/worksheets/sheet3.xml"].decode()
    far = '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
    members["xl/worksheets/sheet3.xml"] = sheet.replace("</sheetData>", far).encode()
    path = tmp_path / "far.xlsx"
    path.write_bytes(zip_bytes(members))
    with open_workbook(path) as book:
        assert book.sheet("Identitas").cell(1, 1).value == "Biro"  # other sheets still read
        with pytest.raises(WorkbookProblem) as info:
            book.sheet("Data")
    assert info.value.code == "sheet-too-large"
    assert info.value.sheet == "Data"


def test_ods_huge_repeat_is_refused(tmp_path: Path) -> None:
    path = _ods_with(
        tmp_path,
        '<table:table-cell table:number-columns-repeated="5000" office:value-type="float" '
        'office:value="1"><text:p>1</text:p></table:table-cell>',
    )
    text = zipfile.ZipFile(path).read("content.xml").decode()
    row = text.index("<table:table-row>")
    text = text[:row] + '<table:table-row table:number-rows-repeated="1000">' + text[row + 17 :]
    members = {i.filename: zipfile.ZipFile(path).read(i) for i in zipfile.ZipFile(path).infolist()}
    members["content.xml"] = text.encode()
    out = tmp_path / "huge.ods"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), members.pop("mimetype"))
        for name, raw in members.items():
            zf.writestr(name, raw)
    assert _problem(out).code == "sheet-too-large"


def test_rows_beyond_the_limit_are_not_held(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "long.xlsx", {"S": [[n] for n in range(1, 301)]})
    with open_workbook(path, max_rows=100) as book:
        sheet = book.sheet("S")
        assert (sheet.height, sheet.total_rows, sheet.truncated) == (100, 300, True)
        assert sheet.cell(100, 1).value == 100
        assert sheet.cell(101, 1).value is None


def test_opening_never_writes(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", submission())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    path.chmod(0o444)
    with open_workbook(path) as book:
        book.sheet("Data")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def _patched_xls(tmp_path: Path, marker: bytes, offset: int, value: bytes, nth: int = 0) -> Path:
    """The xls fixture with bytes after the ``nth`` occurrence of a record header replaced."""
    data = bytearray((DATA / "submission.xls").read_bytes())
    at = -1
    for _ in range(nth + 1):
        at = data.find(marker, at + 1)
    assert at >= 0
    data[at + 4 + offset : at + 4 + offset + len(value)] = value
    path = tmp_path / "patched.xls"
    path.write_bytes(bytes(data))
    return path


def test_xls_counts_that_would_exhaust_memory_are_refused(tmp_path: Path) -> None:
    # calamine reserves what these records say before reading any cell: a damaged
    # count must be refused here, or the process is killed by the allocator
    dims = b"\x00\x02\x0e\x00"  # DIMENSIONS, 14 bytes: first row, last row + 1, ...
    path = _patched_xls(tmp_path, dims, 4, struct.pack("<I", 1_000_000), nth=2)
    assert _problem(path).code == "sheet-too-large"
    path = _patched_xls(tmp_path, dims, 4, struct.pack("<I", 0x7FFFFFFF), nth=2)
    assert _problem(path).code == "file-corrupt"
    sst = b"\xfc\x00"  # SST: total count, unique count
    path = _patched_xls(tmp_path, sst, 4, struct.pack("<I", 0x7FFFFFF0))
    assert _problem(path).code == "file-corrupt"


def test_xls_sheet_offset_into_garbage(tmp_path: Path) -> None:
    boundsheet = b"\x85\x00"
    data = (DATA / "submission.xls").read_bytes()
    at = data.find(boundsheet)
    path = tmp_path / "offset.xls"
    for offset in (1, 7, 4095, 10_000_000):
        damaged = bytearray(data)
        damaged[at + 4 : at + 8] = struct.pack("<I", offset)
        path.write_bytes(bytes(damaged))
        try:
            open_workbook(path).close()
        except WorkbookProblem as problem:
            assert problem.code in {"file-corrupt", "sheet-too-large"}


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def test_biff_error_constants_result_less_formulas_and_percent_numbers() -> None:
    """The BIFF records calamine reads as empty or without their format: an error typed
    as a constant (BOOLERR), a formula whose empty result is to be computed on opening
    (as non-spreadsheet writers leave it), numbers as RK/MULRK under a percent style."""
    from iku_cli.workbooks.cells import Percent
    from iku_cli.workbooks.xls import _scan_biff

    bof = _record(0x0809, struct.pack("<HH", 0x0600, 0x0005) + b"\0" * 12)
    name = b"Data"
    xfs = b"".join(_record(0x00E0, struct.pack("<HH", 0, fmt) + b"\0" * 16) for fmt in (0, 9, 164))
    fmt = _record(0x041E, struct.pack("<HHB", 164, 6, 0) + b'0.0"%"')  # quoted: no percent
    globals_ = bof + xfs + fmt
    sheet_at = len(globals_) + 4 + 8 + len(name) + 4
    bound = _record(0x0085, struct.pack("<IBBBB", sheet_at, 0, 0, len(name), 0) + name)
    eof = _record(0x000A, b"")
    sheet = (
        bof
        + _record(0x0205, struct.pack("<HHHBB", 4, 5, 0, 0x07, 1))  # F5 #DIV/0!
        + _record(0x0205, struct.pack("<HHHBB", 5, 5, 0, 1, 0))  # F6 TRUE: no error
        + _record(0x0006, struct.pack("<HHH", 6, 5, 0) + bytes([3, 0, 0, 0, 0, 0, 255, 255])
                  + struct.pack("<HI", 0x0002, 0) + b"\0\0")  # F7: never computed
        + _record(0x027E, struct.pack("<HHHI", 7, 5, 1, (82 << 2) | 2 | 1))  # F8 0.82 as 0%
        + _record(0x00BD, struct.pack("<HHHIHIH", 8, 5, 1, (-5 << 2 & 0xFFFFFFFF) | 2, 2,
                                      (7 << 2) | 2, 6))  # F9 -5 as 0%, G9 7 quoted "%"
        + _record(0x0006, struct.pack("<HHHdHI", 9, 5, 1, 0.25, 0, 0) + b"\0\0")  # F10 =A1/4
        + eof
    )  # fmt: skip
    special = _scan_biff(globals_ + bound + eof + sheet)
    assert set(special) == {"Data"}
    found = special["Data"]
    assert found[(5, 6)] == CellError("#DIV/0!")
    assert (6, 6) not in found and (9, 7) not in found
    assert isinstance(found[(7, 6)], NoResult)
    assert found[(8, 6)] == pytest.approx(0.82) and type(found[(8, 6)]) is Percent
    assert found[(9, 6)] == -5 and type(found[(9, 6)]) is Percent
    assert found[(10, 6)] == 0.25 and type(found[(10, 6)]) is Percent
    assert _scan_biff(b"\x09\x08\x04\x00\x00\x05\x10\x00") == {}  # BIFF5: left to calamine
