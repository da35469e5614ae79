"""reader.py: what bureaus really send, read into Submissions and findings with their cells."""

from __future__ import annotations

import hashlib
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from _reader_kit import (
    HEADER,
    data_rows,
    filled,
    identity_rows,
    small_catalogue,
    submission,
    write_ods,
    write_xlsx,
)
from iku_cli.core.errors import IkuError
from iku_cli.core.findings import Finding
from iku_cli.core.submission import Submission
from iku_cli.workbooks.locate import list_files
from iku_cli.workbooks.reader import read_paths, read_workbook

DATA = Path(__file__).parent / "data" / "reader"
CAT = small_catalogue()


def _read(path: Path) -> tuple[Submission, list[Finding]]:
    sub, found = read_workbook(path, str(path), CAT)
    assert sub is not None, found
    return sub, found


def _codes(found: list[Finding]) -> set[tuple[str, str | None]]:
    return {(f.code, f.cell) for f in found}


def _values(sub: Submission) -> dict[tuple[str, str], tuple[Decimal | None, str]]:
    return {(v.indicator, v.input): (v.value, f"{v.sheet}!{v.cell}") for v in sub.values}


EXPECTED = {
    ("1.1", "disahkan"): (Decimal(8), "Data!F5"),
    ("1.1", "dirumuskan"): (Decimal(10), "Data!F6"),
    ("1.10", "setor"): (Decimal(1500), "Data!F7"),
    ("1.10", "target_pad"): (Decimal(2000), "Data!F8"),
}


def test_template_layout(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", submission(fingerprint=CAT.sha256))
    sub, found = _read(path)
    assert found == []
    assert (sub.owner, sub.year, sub.period) == ("Biro A", 2025, "TW1")
    assert (sub.prepared_by, sub.date, sub.catalogue_sha256) == ("Ani", "2025-04-05", CAT.sha256)
    assert sub.identity_cells["owner"] == "Identitas!B1"
    assert sub.identity_cells["period"] == "Identitas!B3"
    assert sub.identity_text["year"] == "2025"
    assert sub.data_sheet == "Data"
    assert _values(sub) == EXPECTED
    first = sub.values[0]
    assert (first.code_cell, first.input_cell) == ("A5", "C5")
    assert sub.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert sub.file == str(path)


def test_same_data_in_xlsx_ods_and_xls(tmp_path: Path) -> None:
    xlsx = write_xlsx(tmp_path / "a.xlsx", submission())
    ods = write_ods(tmp_path / "a.ods", submission())
    results = [_read(p) for p in (xlsx, ods, DATA / "submission.xls")]
    for sub, found in results:
        assert found == []
        assert _values(sub) == EXPECTED
        assert (sub.owner, sub.year, sub.period) == ("Biro A", 2025, "TW1")


def _tolerant_sheets() -> dict[str, list[list[Any]]]:
    """Title block, identity above the table, header moved down, columns reordered."""
    return {
        "Laporan TW2": [
            ["LAPORAN REALISASI IKU"],
            ["Unit Kerja:", None, "biro a"],
            ["Year", 2025.0],
            ["Triwulan", "Triwulan II (April - Juni)"],
            [None],
            [None],
            ["No", "Nilai (kumulatif)", "Code", "Input", "Uraian", "Catatan", "Extra"],
            [1, 8, 1.1, "disahkan", "Jumlah disahkan", "ok", "x"],
            [2, "10", None, "dirumuskan", "Jumlah dirumuskan", None, None],
            [None, None, None, None, None, None, None],
            [3, "Rp 1.500.000,00", "1.10", "Setor", "", None, None],
            [4, "2.000.000", "1.10", "target_pad", "", None, None],
            ["Catatan: nilai kumulatif sejak 1 Januari."],
            [None, None, None, None, None, "Disetujui Kepala Biro"],
        ]
    }


def test_tolerant_layout_reads_with_warnings_only(tmp_path: Path) -> None:
    for path in (
        write_xlsx(tmp_path / "t.xlsx", _tolerant_sheets()),
        write_ods(tmp_path / "t.ods", _tolerant_sheets()),
    ):
        sub, found = _read(path)
        assert all(not f.is_error for f in found), found
        assert (sub.owner, sub.year, sub.period) == ("Biro A", 2025, "TW2")
        assert sub.identity_cells["owner"] == "Laporan TW2!C2"
        assert _values(sub) == {
            ("1.1", "disahkan"): (Decimal(8), "Laporan TW2!B8"),
            ("1.1", "dirumuskan"): (Decimal(10), "Laporan TW2!B9"),
            ("1.10", "setor"): (Decimal(1500000), "Laporan TW2!B11"),
            ("1.10", "target_pad"): (Decimal(2000000), "Laporan TW2!B12"),
        }
        assert _codes(found) == {("value-as-text", "B9"), ("value-as-text", "B11"),
                                 ("value-as-text", "B12")}  # fmt: skip
        notes = {v.input: v.note for v in sub.values}
        assert notes["disahkan"] == "ok"
        # the blank code under 1.1 carries the code down (merged cells)
        assert sub.values[1].code_cell == "C8"


def test_value_as_text_warning_names_cell_and_value(tmp_path: Path) -> None:
    values = filled({("1.10", "setor"): "Rp 1.234.567", ("1.1", "disahkan"): "85%"})
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", submission(values)))
    warning = next(f for f in found if f.cell == "F7")
    assert (warning.code, warning.severity, warning.sheet) == ("value-as-text", "warning", "Data")
    assert (warning.indicator, warning.input) == ("1.10", "setor")
    assert "1.234.567" in warning.message("id")
    assert "1,234,567" in warning.message("en")
    assert _values(sub)[("1.10", "setor")][0] == Decimal(1234567)
    assert _values(sub)[("1.1", "disahkan")][0] == Decimal(85)


def test_codes_typed_as_numbers(tmp_path: Path) -> None:
    # 1.1 as a number is 1.1; 1.10 typed as a number arrives as 1.1 too, and its
    # input says which indicator it is
    values = [
        ("1.1", "disahkan", 8),
        ("1.1", "dirumuskan", 10),
        ("1.10", "setor", 1),
        ("1.10", "target_pad", 2),
    ]
    sheets = submission(values)
    for row in sheets["Data"][4:]:
        row[0] = float(row[0])
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", sheets))
    assert {(v.indicator, v.input) for v in sub.values} == set(EXPECTED)
    assert _codes(found) == {("code-normalised", "A7"), ("code-normalised", "A8")}
    assert all(f.indicator == "1.10" for f in found)


def test_code_not_in_catalogue_stays_as_typed(tmp_path: Path) -> None:
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", submission([("9.9", "x", 1)])))
    assert found == []
    assert (sub.values[0].indicator, sub.values[0].input) == ("9.9", "x")


def test_input_found_by_its_label_without_a_variable_column(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Kode", "Uraian", "Realisasi"],
        ["1.1", "Jumlah kebijakan yang disahkan", 3],
        ["1.1", "jumlah kebijakan yang  dirumuskan", 4],
    ]
    sheets = {"Identitas": identity_rows(), "Isian": rows}
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", sheets))
    assert found == []
    assert _values(sub) == {
        ("1.1", "disahkan"): (Decimal(3), "Isian!C2"),
        ("1.1", "dirumuskan"): (Decimal(4), "Isian!C3"),
    }


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("dua belas", "value-not-a-number"),
        ("=F5*2", "formula-without-result"),
        ("#DIV/0!", "cell-error"),
        ("#REF!", "cell-error"),
        (True, "value-not-a-number"),
    ],
)
def test_unreadable_values(tmp_path: Path, value: Any, code: str) -> None:
    values = filled({("1.1", "dirumuskan"): value})
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", submission(values)))
    assert _codes(found) == {(code, "F6")}
    finding = found[0]
    assert finding.is_error
    assert (finding.file, finding.sheet, finding.indicator, finding.input) == (
        str(tmp_path / "a.xlsx"), "Data", "1.1", "dirumuskan",
    )  # fmt: skip
    item = _values(sub)[("1.1", "dirumuskan")]
    assert item == (None, "Data!F6")
    assert sub.values[1].problem == code


@pytest.mark.parametrize(
    ("year", "code"),
    [("=2024+1", "formula-without-result"), ("#DIV/0!", "cell-error"), ("#N/A", "cell-error")],
)
def test_identity_formula_without_result_or_error_is_not_read(
    tmp_path: Path, year: str, code: str
) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", submission(filled({}), year=year))
    before = path.read_bytes()
    sub, found = read_workbook(path, str(path), CAT)
    errors = [f for f in found if f.code == code]
    assert [(f.sheet, f.cell, f.is_error) for f in errors] == [("Identitas", "B2", True)]
    assert sub is None or sub.year != 2024  # never the year from the formula's text
    assert path.read_bytes() == before


def test_error_text_typed_in_ods(tmp_path: Path) -> None:
    values = filled({("1.1", "dirumuskan"): "#N/A"})
    _, found = _read(write_ods(tmp_path / "a.ods", submission(values)))
    assert _codes(found) == {("cell-error", "F6")}


def test_xlsx_cells_without_r_attribute_keep_errors_and_formulas(tmp_path: Path) -> None:
    """r= is optional in OOXML: a cell is then the previous one's next column, a row
    the previous row's next; error cells and formulas there are still errors at the cell."""
    import re
    import zipfile

    path = write_xlsx(tmp_path / "a.xlsx", submission(filled({("1.1", "disahkan"): "=1/0"})))
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    xml = members["xl/worksheets/sheet3.xml"].decode()
    assert '<c r="F6" t="n"><v>10</v></c>' in xml
    xml = xml.replace('<c r="F6" t="n"><v>10</v></c>', '<c t="e"><v>#N/A</v></c>')
    xml = re.sub(r'(<c) r="[A-Z]+[0-9]+"', r"\1", xml)
    xml = re.sub(r'<row r="(?!4")[0-9]+"', "<row", xml)  # row 4 keeps it: row 3 is skipped
    assert ' r="' not in xml.replace('<row r="4"', "")
    members["xl/worksheets/sheet3.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, raw in members.items():
            zf.writestr(name, raw)
    before = path.read_bytes()
    sub, found = _read(path)
    assert [(f.code, f.sheet, f.cell, f.is_error) for f in found] == [
        ("formula-without-result", "Data", "F5", True),
        ("cell-error", "Data", "F6", True),
    ]
    assert _values(sub)[("1.10", "target_pad")] == (Decimal(2000), "Data!F8")
    assert path.read_bytes() == before


XLS_ERRORS = DATA / "errors.xls"  # F5 =1/0, F6 =NA(), F8 0.82 as 0%, G8 0.5 as 0.0" %"


def test_xls_error_cells_are_errors_at_the_cell() -> None:
    before = XLS_ERRORS.read_bytes()
    sub, found = _read(XLS_ERRORS)
    errors = [(f.code, f.sheet, f.cell, f.is_error) for f in found if f.is_error]
    assert errors == [("cell-error", "Data", "F5", True), ("cell-error", "Data", "F6", True)]
    assert "#DIV/0!" in found[0].message("en") and "#N/A" in found[1].message("en")
    assert _values(sub)[("1.1", "disahkan")] == (None, "Data!F5")
    assert XLS_ERRORS.read_bytes() == before


def test_percent_formatted_number_in_xls_reads_as_shown() -> None:
    sub, found = _read(XLS_ERRORS)
    warnings = [(f.code, f.severity, f.sheet, f.cell) for f in found if not f.is_error]
    assert warnings == [("value-percent-format", "warning", "Data", "F8")]
    assert _values(sub)[("1.10", "target_pad")] == (Decimal(82), "Data!F8")
    assert _values(sub)[("1.10", "setor")] == (Decimal(1500), "Data!F7")


def test_date_in_value_cell(tmp_path: Path) -> None:
    from datetime import date

    values = filled({("1.1", "dirumuskan"): date(2025, 1, 5)})
    _, found = _read(write_xlsx(tmp_path / "a.xlsx", submission(values)))
    assert _codes(found) == {("value-not-a-number", "F6")}


@pytest.mark.parametrize("mark", [None, "-", "—", " "])
def test_dash_and_empty_are_missing(tmp_path: Path, mark: Any) -> None:
    values = filled({("1.1", "dirumuskan"): mark})
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", submission(values)))
    assert found == []
    assert _values(sub)[("1.1", "dirumuskan")] == (None, "Data!F6")
    assert sub.values[1].problem is None


def test_header_not_found(tmp_path: Path) -> None:
    sheets = submission()
    sheets["Data"][3] = ["Kode IKU", "Indikator", "Variabel", "Uraian", "Satuan", "Angka"]
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", sheets))
    assert [(f.code, f.sheet) for f in found] == [("header-not-found", "Data")]
    assert sub.data_sheet is None
    assert sub.owner == "Biro A"  # the identity still counts: the bureau did send a file


def test_sheet_not_found_and_empty_workbook(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "other.xlsx", {"Anggaran": [["Belanja", 1000]]})
    sub, found = read_workbook(path, "other.xlsx", CAT)
    assert sub is None
    assert [(f.code, f.file, f.params["sheets"]) for f in found] == [
        ("sheet-not-found", "other.xlsx", "Anggaran")
    ]
    empty = write_xlsx(tmp_path / "empty.xlsx", {"Sheet1": [], "Sheet2": []})
    sub, found = read_workbook(empty, "empty.xlsx", CAT)
    assert sub is None
    assert [f.code for f in found] == ["empty-workbook"]


def test_identity_labels_in_one_cell_and_synonyms(tmp_path: Path) -> None:
    sheets = {
        "Identitas": [["Owner: Biro A"], ["Tahun Anggaran", "TA 2025"], ["Period", "tw 3"]],
        "Data": data_rows(filled()),
    }
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", sheets))
    assert found == []
    assert (sub.owner, sub.year, sub.period) == ("Biro A", 2025, "TW3")
    assert sub.identity_cells["owner"] == "Identitas!A1"


def test_unknown_identity_text_is_kept(tmp_path: Path) -> None:
    sheets = submission(owner="Biro Z", year="dua ribu", period="TW7")
    sub, _ = _read(write_xlsx(tmp_path / "a.xlsx", sheets))
    assert (sub.owner, sub.year, sub.period) == ("Biro Z", None, None)
    assert sub.identity_text == {
        "owner": "Biro Z", "year": "dua ribu", "period": "TW7", "prepared_by": "Ani",
        "date": "2025-04-05",
    }  # fmt: skip


def test_rows_beyond_the_limit(tmp_path: Path) -> None:
    rows: list[list[Any]] = [list(HEADER)]
    rows += [["1.1", "", "disahkan", "", "", n] for n in range(1, 2101)]
    sheets = {"Identitas": identity_rows(), "Data": rows}
    sub, found = _read(write_xlsx(tmp_path / "long.xlsx", sheets))
    assert ("too-many-rows", None) in _codes(found)
    assert len(sub.values) == 2000


# --------------------------------------------------------------------------- many files


def test_folder_walk(tmp_path: Path) -> None:
    folder = tmp_path / "kiriman"
    (folder / "TW1" / "deep").mkdir(parents=True)
    (folder / ".git").mkdir()
    write_xlsx(folder / "TW1" / "a.XLSX", submission())
    write_ods(folder / "TW1" / "deep" / "b.ods", submission(owner="Biro B"))
    write_xlsx(folder / "TW1" / "~$a.xlsx", submission())
    write_xlsx(folder / ".hidden.xlsx", submission())
    write_xlsx(folder / ".git" / "c.xlsx", submission())
    (folder / "catatan.txt").write_text("x", encoding="utf-8")
    (folder / "TW1" / "scan.pdf").write_bytes(b"%PDF")
    files, skipped = list_files([folder])
    shown = [d for _, d in files]
    assert shown == [
        str(folder / "TW1" / "a.XLSX"),
        str(folder / "TW1" / "deep" / "b.ods"),
    ]
    assert sorted(skipped) == sorted(
        [str(folder / "catatan.txt"), str(folder / "TW1" / "scan.pdf")]
    )


def test_display_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    write_xlsx(tmp_path / "in" / "a.xlsx", submission())
    monkeypatch.chdir(tmp_path)
    collection = read_paths(["./in", "in/a.xlsx"], CAT)
    assert [s.file for s in collection.submissions] == [os.path.join("./in", "a.xlsx")]
    assert collection.files_read == 1  # the same file named twice is read once


def test_read_paths_collects_everything(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "a.xlsx", submission(values=filled({("1.1", "disahkan"): "x"})))
    (tmp_path / "b.xlsx").write_text("not a workbook", encoding="utf-8")
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    calls: list[tuple[int, int]] = []
    collection = read_paths(
        [tmp_path], CAT, progress=lambda done, total: calls.append((done, total))
    )
    assert collection.files_read == 2
    assert [s.file for s in collection.submissions] == [str(tmp_path / "a.xlsx")]
    assert sorted((f.code, f.file) for f in collection.findings) == [
        ("file-not-a-workbook", str(tmp_path / "b.xlsx")),
        ("value-not-a-number", str(tmp_path / "a.xlsx")),
    ]
    assert collection.skipped == [str(tmp_path / "c.txt")]
    assert calls == [(1, 2), (2, 2)]


def test_missing_path_stops_the_run(tmp_path: Path) -> None:
    with pytest.raises(IkuError) as info:
        read_paths([tmp_path / "nowhere"], CAT)
    assert info.value.key == "read.path_not_found"
    assert info.value.exit_code == 2


def test_unreadable_file_in_a_folder(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "a.xlsx", submission())
    (tmp_path / "gone.xlsx").symlink_to(tmp_path / "nowhere.xlsx")  # a dangling link
    collection = read_paths([tmp_path], CAT)
    assert [(f.code, f.file) for f in collection.findings] == [
        ("file-unreadable", str(tmp_path / "gone.xlsx"))
    ]
    assert collection.files_read == 2


def test_data_sheet_too_large_to_hold(tmp_path: Path) -> None:
    import zipfile

    path = write_xlsx(tmp_path / "a.xlsx", submission())
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    sheet = members["xl/worksheets/sheet3.xml"].decode()
    far = '<row r="900000"><c r="ZZ900000"><v>1</v></c></row></sheetData>'
    members["xl/worksheets/sheet3.xml"] = sheet.replace("</sheetData>", far).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, raw in members.items():
            zf.writestr(name, raw)
    sub, found = read_workbook(path, "a.xlsx", CAT)
    assert sub is None
    assert [(f.code, f.sheet) for f in found] == [("sheet-too-large", "Data")]
    assert "900000" in found[0].message("en")


def test_every_finding_code_has_a_message_in_both_languages() -> None:
    import re

    from iku_cli.i18n import messages

    src = Path(__file__).resolve().parent.parent / "src" / "iku_cli"
    # every module that makes findings: the reading side and the checks
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(src.rglob("*.py")))
    codes = set(re.findall(r'(?:error|warning|WorkbookProblem)\(\s*"([a-z0-9-]+)"', text))
    assert len(codes) >= 33
    for code in codes:
        entry = messages().get(f"finding.{code}")
        assert entry is not None and entry.get("id") and entry.get("en"), code


def test_identity_hints_beside_empty_values_are_not_values(tmp_path: Path) -> None:
    identity: list[list[Any]] = [
        ["Biro", "Biro A", "terisi otomatis; jangan diubah"],
        ["Tahun", 2025, "terisi otomatis; jangan diubah"],
        ["Periode", ":", "TW2"],  # a form's colon column
        ["Disusun oleh", None, "isi nama dan jabatan penyusun"],
        ["Tanggal", None, "isi tanggal pengisian"],
    ]
    sheets = {"Identitas": identity, "Data": data_rows(filled())}
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", sheets))
    assert found == []
    assert (sub.owner, sub.year, sub.period) == ("Biro A", 2025, "TW2")
    assert (sub.prepared_by, sub.date) == (None, None)
    assert sub.identity_cells["period"] == "Identitas!C3"


def test_float_noise_from_formulas_is_rounded_like_a_spreadsheet(tmp_path: Path) -> None:
    values = filled({("1.1", "disahkan"): 0.1 * 120, ("1.10", "setor"): 0.1 + 0.2})
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", submission(values)))
    assert found == []
    table = _values(sub)
    assert table[("1.1", "disahkan")][0] == Decimal(12)
    assert table[("1.10", "setor")][0] == Decimal("0.3")


@pytest.mark.parametrize(
    ("folder", "name", "named", "cell"),
    [
        ("kiriman", "biro a 2025-TW4.xlsx", "2025 TW4", "B3"),
        ("kiriman", "biro_a_2024_TW3.xlsx", "2024 TW3", "B2"),
        ("2024 TW1", "biro a.xlsx", "2024 TW1", "B2"),
        ("kiriman", "biro a 2025 Q2.xlsx", "2025 TW2", "B3"),
    ],
)
def test_name_saying_another_year_or_period_is_a_warning(
    tmp_path: Path, folder: str, name: str, named: str, cell: str
) -> None:
    (tmp_path / folder).mkdir()
    path = write_xlsx(tmp_path / folder / name, submission(year=2025, period="TW1"))
    before = path.read_bytes()
    sub, found = _read(path)
    warned = [f for f in found if f.code == "name-differs-from-identity"]
    assert [(f.severity, f.sheet, f.cell) for f in warned] == [("warning", "Identitas", cell)]
    message = warned[0].message("en")
    assert named in message and "2025 TW1" in message
    differs = [c for c, n in zip(("B2", "B3"), named.split(), strict=True) if n not in "2025 TW1"]
    assert ", ".join(f"Identitas!{c}" for c in differs) in message
    assert (sub.year, sub.period) == (2025, "TW1")  # the content wins
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "name", ["biro a 2025 TW1.xlsx", "biro a.xlsx", "2024-2025 TW1.xlsx", "biro a 2025.xlsx"]
)
def test_name_agreeing_or_saying_nothing_plain_is_silent(tmp_path: Path, name: str) -> None:
    path = write_xlsx(tmp_path / name, submission(year=2025, period="TW1"))
    _, found = _read(path)
    assert found == []


def _hide(path: Path, *names: str) -> Path:
    import openpyxl

    book = openpyxl.load_workbook(path)
    for name in names:
        book[name].sheet_state = "hidden"
    book.save(path)
    return path


def test_hidden_stale_data_sheet_beside_visible_revision(tmp_path: Path) -> None:
    stale = data_rows(filled({("1.1", "dirumuskan"): 1}))
    sheets = {**submission(), "Data (2)": data_rows(filled({("1.1", "dirumuskan"): 99}))}
    sheets["Data"] = stale
    path = _hide(write_xlsx(tmp_path / "a.xlsx", sheets), "Data")
    before = path.read_bytes()
    sub, found = _read(path)
    assert [(f.code, f.severity, f.sheet, f.cell) for f in found] == [
        ("hidden-sheet-ignored", "warning", "Data", "F4")
    ]
    assert "Data (2)" in found[0].message("en")
    assert _values(sub)[("1.1", "dirumuskan")] == (Decimal(99), "Data (2)!F6")
    assert path.read_bytes() == before


def test_two_visible_data_sheets_is_an_error_naming_both(tmp_path: Path) -> None:
    sheets = {**submission(), "Data (2)": data_rows(filled({("1.1", "dirumuskan"): 99}))}
    _, found = read_workbook(write_xlsx(tmp_path / "a.xlsx", sheets), "a.xlsx", CAT)
    (error,) = [f for f in found if f.code == "two-data-sheets"]
    assert error.is_error and error.sheet == "Data"
    assert "Data!F4" in error.message("en") and "Data (2)!F4" in error.message("en")


def test_a_required_column_headed_twice_is_an_error_naming_both_cells(tmp_path: Path) -> None:
    sheets = submission()
    rows = sheets["Data"]
    header = rows.index(HEADER)
    for n, row in enumerate(rows):
        row.append("Nilai" if n == header else (5 if n > header else None))
    _, found = read_workbook(write_xlsx(tmp_path / "a.xlsx", sheets), "a.xlsx", CAT)
    (error,) = [f for f in found if f.code == "column-twice"]
    last = chr(ord("A") + len(HEADER))
    assert (error.is_error, error.sheet, error.cell) == (True, "Data", f"{last}{header + 1}")
    assert f"F{header + 1}" in error.message("en")


@pytest.mark.parametrize("number_format", ["0%", "0.00%", "0.0%", '#,##0.0" "%', "[Blue]0%"])
def test_percent_formatted_number_in_xlsx_reads_as_shown(
    tmp_path: Path, number_format: str
) -> None:
    import openpyxl

    path = write_xlsx(tmp_path / "a.xlsx", submission(filled({("1.1", "dirumuskan"): 0.82})))
    book = openpyxl.load_workbook(path)
    book["Data"]["F6"].number_format = number_format
    book.save(path)
    before = path.read_bytes()
    sub, found = _read(path)
    assert [(f.code, f.severity, f.sheet, f.cell) for f in found] == [
        ("value-percent-format", "warning", "Data", "F6")
    ]
    message = found[0].message("id")
    assert "0,82" in message and "82%" in message
    assert _values(sub)[("1.1", "dirumuskan")] == (Decimal(82), "Data!F6")
    # the text path agrees: '82%' typed as text is 82 too
    text = write_xlsx(tmp_path / "b.xlsx", submission(filled({("1.1", "dirumuskan"): "82%"})))
    assert _values(_read(text)[0])[("1.1", "dirumuskan")][0] == Decimal(82)
    assert path.read_bytes() == before


@pytest.mark.parametrize("number_format", ['0"%"', "0\\%", "0.00", "General"])
def test_a_quoted_or_no_percent_is_a_plain_number(tmp_path: Path, number_format: str) -> None:
    import openpyxl

    path = write_xlsx(tmp_path / "a.xlsx", submission(filled({("1.1", "dirumuskan"): 82})))
    book = openpyxl.load_workbook(path)
    book["Data"]["F6"].number_format = number_format
    book.save(path)
    sub, found = _read(path)
    assert found == []
    assert _values(sub)[("1.1", "dirumuskan")] == (Decimal(82), "Data!F6")


def test_percent_cell_in_ods_reads_as_shown(tmp_path: Path) -> None:
    import zipfile

    path = write_ods(tmp_path / "a.ods", submission(filled({("1.1", "dirumuskan"): 0.82})))
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    content = members["content.xml"].decode()
    old = 'office:value-type="float" office:value="0.82"'
    assert content.count(old) == 1
    members["content.xml"] = content.replace(
        old, 'office:value-type="percentage" office:value="0.82"'
    ).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, raw in members.items():
            zf.writestr(name, raw)
    sub, found = _read(path)
    assert [(f.code, f.sheet, f.cell) for f in found] == [("value-percent-format", "Data", "F6")]
    assert _values(sub)[("1.1", "dirumuskan")] == (Decimal(82), "Data!F6")
