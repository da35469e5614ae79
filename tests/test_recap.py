"""`iku recap`: the yearly recap workbook, read back with openpyxl and checked against
`iku compute --format json` on the same folder."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, SHIPPED_CATALOGUE
from conftest import Result as RunResult

pytest.importorskip("iku_cli.workbooks.reader", reason="the reader is not there yet")
openpyxl = pytest.importorskip("openpyxl")

from iku_cli.outputs.recap.achievements import ACHIEVEMENT_HEADER_ROW  # noqa: E402
from iku_cli.outputs.recap.cells import excel_number  # noqa: E402
from iku_cli.outputs.recap.layout import SHEETS  # noqa: E402
from iku_cli.outputs.recap.sources import SOURCES_HEADER_ROW  # noqa: E402
from iku_cli.outputs.safety import is_formula_like  # noqa: E402

Run = Callable[..., RunResult]

EXPECTED_SHEETS = [
    "Ringkasan",
    "Capaian IKU",
    "Tren",
    "Analisis",
    "Kelengkapan",
    "Sumber Data",
    "Catatan",
]
# Capaian IKU columns (1-based, as openpyxl counts)
COL_CODE, COL_TARGET, COL_TW1, COL_VALUE, COL_ACHIEVEMENT, COL_CATEGORY, COL_STATUS = (
    2, 6, 7, 11, 12, 13, 14,
)  # fmt: skip
NUMBER_TEXT = re.compile(r"^\s*[-+]?(rp\s*)?[\d.,]+\s*%?\s*$", re.IGNORECASE)


# --------------------------------------------------------------------------- helpers


def recap(run: Run, path: Path | str, output: Path, *args: str) -> RunResult:
    return run(
        "recap", str(path), "--output", str(output), "--catalogue", str(SHIPPED_CATALOGUE), *args
    )


def compute_json(run: Run, path: Path | str, *args: str) -> dict[str, Any]:
    result = run(
        "compute", str(path), "--format", "json", "--catalogue", str(SHIPPED_CATALOGUE), *args
    )
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def table(ws: Any, header_row: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row, {header: value}) for each row under a 1-based header row, until an empty row."""
    headers = [c.value for c in ws[header_row]]
    for row in ws.iter_rows(min_row=header_row + 1):
        values = [c.value for c in row]
        if all(v is None for v in values):
            return
        yield row[0].row, dict(zip(headers, values, strict=False))


def indicator_rows(ws: Any) -> dict[str, list[Any]]:
    """Capaian IKU: code -> the row's cells, for indicator rows (goal rows have no code)."""
    out: dict[str, list[Any]] = {}
    first = ACHIEVEMENT_HEADER_ROW + 2
    for row in ws.iter_rows(min_row=first):
        code = row[COL_CODE - 1].value
        if isinstance(code, str) and code:
            out[code] = list(row)
    return out


def close(cell: float | None, shown: float | None) -> bool:
    """A full-precision cell against the 2-place figure compute prints (issue 12.2)."""
    if cell is None or shown is None:
        return cell is shown
    return abs(cell - shown) <= 0.005 + 1e-9


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/ with examples/invalid read too (its .ikuignore removed): a year with
    duplicates, errors and missing files, as a planning officer really gets it."""
    folder = tmp_path_factory.mktemp("mixed") / "laporan"
    shutil.copytree(EXAMPLES, folder)
    (folder / "invalid" / ".ikuignore").unlink()
    return folder


@pytest.fixture(scope="module")
def examples_recap(tmp_path_factory: pytest.TempPathFactory, mixed: Path) -> tuple[Path, RunResult]:
    """``iku recap laporan/ --year 2025`` over the mixed folder, written once for the module."""
    from typer.testing import CliRunner

    from iku_cli.cli.app import app
    from iku_cli.cli.commands.common import GLOBAL, reset_consoles

    out = tmp_path_factory.mktemp("recap") / "rekap-2025.xlsx"
    reset_consoles()
    GLOBAL.clear()
    args = ["recap", str(mixed), "--year", "2025", "--output", str(out)]
    result = CliRunner().invoke(app, [*args, "--catalogue", str(SHIPPED_CATALOGUE)])
    reset_consoles()
    GLOBAL.clear()
    return out, RunResult(result.exit_code, result.stdout, result.stderr)


@pytest.fixture(scope="module")
def book(examples_recap: tuple[Path, RunResult]) -> Any:
    path, _ = examples_recap
    return openpyxl.load_workbook(path)


@pytest.fixture
def year_2025(tmp_path: Path) -> Path:
    """A copy of examples/2025 (no errors in it) to change."""
    folder = tmp_path / "laporan"
    shutil.copytree(EXAMPLES / "2025", folder)
    return folder


# --------------------------------------------------------------------------- the workbook


def test_writes_workbook_exit_1_when_reading_found_errors(
    examples_recap: tuple[Path, RunResult],
) -> None:
    path, result = examples_recap
    # the invalid set holds 2025 workbooks with errors: the recap is still written
    assert result.exit_code == 1, result.output
    assert path.is_file()
    assert "rekap-2025.xlsx" in result.stdout
    assert "kesalahan" in result.stderr


def test_sheet_names_and_order(book: Any) -> None:
    assert book.sheetnames == EXPECTED_SHEETS
    assert list(SHEETS) == EXPECTED_SHEETS


def test_achievements_equal_compute_json(mixed: Path, run: Run, book: Any) -> None:
    data = compute_json(run, mixed, "--year", "2025")
    rows = indicator_rows(book["Capaian IKU"])
    assert set(rows) == {i["code"] for i in data["indicators"]}
    for item in data["indicators"]:
        cells = rows[item["code"]]
        assert close(cells[COL_ACHIEVEMENT - 1].value, item["achievement"]), item["code"]
        assert close(cells[COL_VALUE - 1].value, item["value"]), item["code"]
        assert close(cells[COL_TARGET - 1].value, item["target"]), item["code"]
        assert cells[COL_CATEGORY - 1].value == item["category"], item["code"]
        quarters = [cells[COL_TW1 - 1 + n].value for n in range(4)]
        expected = [item["realisations"][p] for p in ("TW1", "TW2", "TW3", "TW4")]
        assert all(close(a, b) for a, b in zip(quarters, expected, strict=True))
    # goal rows carry the goal's achievement, and the overall row the overall figure
    ws = book["Capaian IKU"]
    goal_rows = {
        row[0].value: row
        for row in ws.iter_rows(min_row=ACHIEVEMENT_HEADER_ROW + 2)
        if row[0].value and row[COL_CODE - 1].value is None
    }
    for goal in data["goals"]:
        assert close(goal_rows[goal["code"]][COL_ACHIEVEMENT - 1].value, goal["achievement"])
        assert goal_rows[goal["code"]][2].value == goal["statement"]
    overall = [
        row
        for row in ws.iter_rows(min_row=ACHIEVEMENT_HEADER_ROW + 2)
        if row[2].value == "Capaian keseluruhan"
    ]
    assert close(overall[0][COL_ACHIEVEMENT - 1].value, data["overall"]["achievement"])


def test_summary_has_title_block_goals_and_category_counts(
    mixed: Path, run: Run, book: Any
) -> None:
    data = compute_json(run, mixed, "--year", "2025")
    ws = book["Ringkasan"]
    labels = {row[0].value: row[1].value for row in ws.iter_rows(max_col=2) if row[0].value}
    assert labels["Tahun"] == 2025
    assert labels["Periode"].startswith("TW4")
    assert "final" in labels["Status angka"].lower()
    assert labels["Sidik jari katalog (sha256)"] == data["catalogue_sha256"]
    assert labels["Perangkat daerah"] == data["organisation"]
    goals = {g["code"]: g for g in data["goals"]}
    for row in ws.iter_rows():
        name = row[0].value
        if isinstance(name, str) and name.startswith("Sasaran "):
            goal = goals[name.removeprefix("Sasaran ")]
            assert close(row[4].value, goal["achievement"])
            assert row[5].value == goal["category"]
    # the count per category adds up to every indicator
    counts: dict[str, int] = {}
    for item in data["indicators"]:
        if item["category"]:
            counts[item["category"]] = counts.get(item["category"], 0) + 1
    header = next(r[0].row for r in ws.iter_rows() if r[0].value == "Kategori")
    got = {
        r["Kategori"]: r["Jumlah IKU"]
        for _, r in table(ws, header)
        if r["Kategori"] in {"Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"}
    }
    assert {k: v for k, v in got.items() if v} == counts


def test_chart_exists(examples_recap: tuple[Path, RunResult]) -> None:
    path, _ = examples_recap
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        charts = [n for n in names if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        chart = archive.read(charts[0]).decode("utf-8")
        rels = archive.read("xl/worksheets/_rels/sheet1.xml.rels").decode("utf-8")
    assert "<c:barChart>" in chart and "<c:lineChart>" in chart  # bars and the 100% line
    assert "Ringkasan" in chart  # its data is on the summary sheet
    assert "drawing" in rels  # and it sits on the first sheet, Ringkasan


def test_sources_one_row_per_input_used(mixed: Path, run: Run, book: Any) -> None:
    # what the recap of 2025 (TW4) rests on: TW1..TW3 realisations that have a value, the
    # year's figures, and 2024's figures for the trend
    expected: dict[tuple[int, str, str, str], dict[str, Any]] = {}

    def add(data: dict[str, Any], earlier: bool) -> None:
        for item in data["indicators"]:
            used = (
                item["value"] is not None if earlier else item["status"] in {"ok", "not_assessed"}
            )
            if not used:
                continue
            for given in item["inputs"]:
                if given["value"] is not None:
                    key = (data["year"], data["period"], item["code"], given["name"])
                    expected[key] = given

    for period in ("TW1", "TW2", "TW3"):
        add(compute_json(run, mixed, "--year", "2025", "--period", period), earlier=True)
    add(compute_json(run, mixed, "--year", "2025"), earlier=False)
    add(compute_json(run, mixed, "--year", "2024"), earlier=False)

    rows = [r for _, r in table(book["Sumber Data"], SOURCES_HEADER_ROW + 1)]
    got = {(r["Tahun"], r["Periode"], r["Kode"], r["Variabel"]): r for r in rows}
    assert len(rows) == len(got)  # one row per input value
    assert set(got) == set(expected)
    sums = {s["file"]: s["sha256"] for s in compute_json(run, mixed)["submissions"]}
    for key, row in got.items():
        given = expected[key]
        assert (row["Nilai"], row["Berkas"], row["Lembar"], row["Sel"]) == (
            given["value"],
            given["file"],
            given["sheet"],
            given["cell"],
        ), key
        assert row["SHA-256"] == sums[row["Berkas"]]


def test_numeric_cells_are_numbers(book: Any) -> None:
    rows = indicator_rows(book["Capaian IKU"])
    for code, cells in rows.items():
        for cell in cells[COL_TARGET - 1 : COL_ACHIEVEMENT]:
            assert cell.value is None or isinstance(cell.value, int | float), (code, cell)
            if cell.value is not None:
                assert cell.number_format != "General", (code, cell.coordinate)
    for _, row in table(book["Sumber Data"], SOURCES_HEADER_ROW + 1):
        assert isinstance(row["Nilai"], int | float)
        assert isinstance(row["Tahun"], int)
    # no number anywhere is stored as text (indicator and goal codes are text on purpose)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and NUMBER_TEXT.match(value):
                    assert re.fullmatch(r"\d+(\.\d+)?", value), (ws.title, cell.coordinate)
                    assert cell.number_format == "@", (ws.title, cell.coordinate, value)


def test_layout_for_print_and_filters(book: Any) -> None:
    ws = book["Capaian IKU"]
    assert ws.freeze_panes == f"D{ACHIEVEMENT_HEADER_ROW + 2}"
    assert ws.auto_filter.ref.startswith(f"A{ACHIEVEMENT_HEADER_ROW + 1}:")
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize in (9, "9")  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    # one page wide (1 is the default, left out of the file), as many pages tall as needed
    assert ws.page_setup.fitToWidth in (None, 1, "1")
    assert ws.page_setup.fitToHeight in (0, "0")
    assert ws.print_title_rows is not None and str(ACHIEVEMENT_HEADER_ROW + 1) in str(
        ws.print_title_rows
    )
    # category colours follow the scale: the same category, the same fill
    fills: dict[str, str] = {}
    for cells in indicator_rows(ws).values():
        cell = cells[COL_CATEGORY - 1]
        if cell.value:
            colour = cell.fill.fgColor.rgb
            assert fills.setdefault(cell.value, colour) == colour


def test_trend_years_without_data_are_empty(book: Any) -> None:
    ws = book["Tren"]
    heads = [c.value for c in ws[5]]
    assert any(str(h).startswith("2024") for h in heads if h)
    assert any(str(h).startswith("2025") for h in heads if h)
    col_2026 = next(n for n, h in enumerate(heads) if h and str(h).startswith("2026"))
    for row in ws.iter_rows(min_row=7):
        if isinstance(row[0].value, str) and "." in row[0].value:
            assert row[col_2026].value is not None  # the target stays
            assert row[col_2026 + 1].value is None  # no value for 2026: empty, not zero
            assert row[col_2026 + 2].value is None


def test_completeness_matrix(book: Any) -> None:
    ws = book["Kelengkapan"]
    rows = {r["Penanggung Jawab"]: r for _, r in table(ws, 5)}
    # examples/invalid sends Biro POD's 2025 TW1 twice
    assert rows["Biro POD"]["TW1"].startswith("Ganda")
    assert rows["Biro PBJ"]["TW4"] == "2025-TW4-biro-pbj.xlsx"
    assert rows["Biro Organisasi"]["TW1"] == "Tidak wajib"  # annual indicators only
    assert (rows["Biro PBJ"]["Diterima"], rows["Biro PBJ"]["Belum diterima"]) == (4, 0)
    assert rows["Biro POD"]["Dengan galat"] >= 1


def test_notes_list_findings_and_catalogue_notes(mixed: Path, run: Run, book: Any) -> None:
    data = compute_json(run, mixed, "--year", "2025")
    ws = book["Catatan"]
    codes = [row[2].value for row in ws.iter_rows() if isinstance(row[0].value, int)]
    assert sorted(codes) == sorted(f["code"] for f in data["findings"])
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("Biro Adbang" in text for text in texts)  # 2.5's catalogue note
    assert any("BerAHKLAK" in text for text in texts)  # goal 3's note (issue 12.13)
    assert any("Sekretariat Darah" in text for text in texts)  # the organisation's note
    # the category rule (issue 12.3)
    assert any("90,995" in text and "Sangat Tinggi" in text for text in texts)


# --------------------------------------------------------------------------- safety


def test_formula_like_submission_text_stays_text(run: Run, year_2025: Path, tmp_path: Path) -> None:
    source = year_2025 / "2025-TW4-biro-pod.xlsx"
    wb = openpyxl.load_workbook(source)
    ws = wb["Data"]
    header = next(r for r in ws.iter_rows() if any(c.value == "Keterangan" for c in r))
    column = next(c.column for c in header if c.value == "Keterangan")
    note = ws.cell(row=header[0].row + 1, column=column)
    note.value = '=HYPERLINK("http://contoh.invalid","klik")'
    note.data_type = "s"  # a string that only looks like a formula
    ws.cell(row=header[0].row + 2, column=column).value = "@SUM(1+1)"
    wb.save(source)

    out = tmp_path / "rekap.xlsx"
    result = recap(run, year_2025, out, "--year", "2025")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    notes = {
        r["Keterangan"]: r
        for _, r in table(book["Sumber Data"], SOURCES_HEADER_ROW + 1)
        if r["Keterangan"]
    }
    assert '=HYPERLINK("http://contoh.invalid","klik")' in notes
    assert "@SUM(1+1)" in notes
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and is_formula_like(cell.value):
                    assert cell.data_type == "s"
                    assert cell.quotePrefix, (ws.title, cell.coordinate)


def test_inputs_are_byte_identical_afterwards(run: Run, year_2025: Path, tmp_path: Path) -> None:
    before = digest(year_2025)
    result = recap(run, year_2025, tmp_path / "rekap.xlsx", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert digest(year_2025) == before


def test_refuses_to_write_over_an_input(run: Run, year_2025: Path) -> None:
    target = year_2025 / "2025-TW4-biro-pod.xlsx"
    before = target.read_bytes()
    result = recap(run, year_2025, target, "--year", "2025")
    assert result.exit_code == 2, result.output
    assert "masukan" in result.stderr
    assert target.read_bytes() == before
    assert [p.name for p in year_2025.iterdir() if p.name.startswith(".")] == []


def test_refuses_a_single_input_file_as_output(run: Run, year_2025: Path) -> None:
    target = year_2025 / "2025-TW4-biro-pbj.xlsx"
    before = target.read_bytes()
    result = recap(run, target, target, "--year", "2025")
    assert result.exit_code == 2, result.output
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("name", "words"),
    [("tidak-ada/rekap.xlsx", "tidak ada"), ("rekap.pdf", ".xlsx"), ("folder", "folder")],
)
def test_unusable_output_path_exit_2(
    run: Run, year_2025: Path, tmp_path: Path, name: str, words: str
) -> None:
    (tmp_path / "folder").mkdir()
    result = recap(run, year_2025, tmp_path / name, "--year", "2025")
    assert result.exit_code == 2, result.output
    assert words in result.stderr
    assert "Traceback" not in result.output


def test_target_that_cannot_be_replaced_gives_clear_message(
    run: Run, year_2025: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    out = tmp_path / "rekap.xlsx"
    out.write_bytes(b"open in Excel")

    def locked(src: Any, dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    result = recap(run, year_2025, out, "--year", "2025")
    assert result.exit_code == 2, result.output
    assert "Excel" in result.stderr
    assert out.read_bytes() == b"open in Excel"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan", "rekap.xlsx"]


def test_usage_errors_exit_2(run: Run, year_2025: Path, tmp_path: Path) -> None:
    out = tmp_path / "rekap.xlsx"
    assert recap(run, year_2025, out, "--year", "2031").exit_code == 2
    assert recap(run, year_2025, out, "--year", "2025", "--period", "TW5").exit_code == 2
    assert recap(run, tmp_path / "tidak-ada", out, "--year", "2025").exit_code == 2
    missing_year = run("recap", str(year_2025), "--output", str(out))
    assert missing_year.exit_code == 2
    assert not out.exists()


# --------------------------------------------------------------------------- options


def test_provisional_period(run: Run, year_2025: Path, tmp_path: Path) -> None:
    out = tmp_path / "rekap-tw2.xlsx"
    result = recap(run, year_2025, out, "--year", "2025", "--period", "TW2")
    assert result.exit_code == 0, result.output
    assert "sementara" in result.stdout
    data = compute_json(run, year_2025, "--year", "2025", "--period", "TW2")
    book = openpyxl.load_workbook(out)
    ws = book["Capaian IKU"]
    rows = indicator_rows(ws)
    for item in data["indicators"]:
        cells = rows[item["code"]]
        assert close(cells[COL_ACHIEVEMENT - 1].value, item["achievement"])
        # nothing after the recap's period, even though TW3 and TW4 are in the folder
        assert cells[COL_TW1 + 1].value is None and cells[COL_TW1 + 2].value is None
    assert "SEMENTARA" in str(ws["A3"].value)
    labels = {r[0].value: r[1].value for r in book["Ringkasan"].iter_rows(max_col=2)}
    assert "SEMENTARA" in labels["Status angka"]


def test_default_period_is_latest_present(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "laporan"
    folder.mkdir()
    for path in (EXAMPLES / "2025").glob("2025-TW[12]-*.xlsx"):
        shutil.copy(path, folder)
    out = tmp_path / "rekap.xlsx"
    result = recap(run, folder, out, "--year", "2025")
    assert result.exit_code == 0, result.output
    labels = {
        r[0].value: r[1].value
        for r in openpyxl.load_workbook(out)["Ringkasan"].iter_rows(max_col=2)
    }
    assert labels["Periode"].startswith("TW2")


def test_english_headers_same_sheet_names(run: Run, year_2025: Path, tmp_path: Path) -> None:
    out = tmp_path / "recap.xlsx"
    result = recap(run, year_2025, out, "--year", "2025", "--lang", "en")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == EXPECTED_SHEETS
    headers = [c.value for c in book["Capaian IKU"][ACHIEVEMENT_HEADER_ROW]]
    assert "Achievement (%)" in headers and "Owner" in headers


def test_help_has_an_example(run: Run) -> None:
    result = run("recap", "--help")
    assert result.exit_code == 0
    assert "iku recap" in result.output and "--output" in result.output


# --------------------------------------------------------------------------- helpers' rules


@pytest.mark.parametrize(
    ("text", "risky"),
    [("=1+1", True), ("+62 812", True), ("-5", True), ("@A1", True), ("\tx", True),
     ("\r=1", True), ("Biro POD", False), ("1.1", False), (" =1", False)],
)  # fmt: skip
def test_formula_like(text: str, risky: bool) -> None:
    assert is_formula_like(text) is risky


def test_excel_number_rounds_half_up() -> None:
    assert excel_number(Decimal("0.125")) == 0.13  # round() would give 0.12
    assert excel_number(Decimal("2.675")) == 2.68
    assert excel_number(Decimal("100.000")) == 100 and isinstance(excel_number(Decimal(100)), int)
    assert excel_number(None) is None


def _calculator_check(book: Any, catalogue_path: Path) -> dict[str, int]:
    """Recompute each achievement from the stored target/value cells (issue 12.2)."""
    from iku_cli.loading.catalogue_file import load as load_catalogue

    catalogue = load_catalogue(catalogue_path)
    polarity = {i.code: i.polarity for i in catalogue.indicators}
    method = catalogue.achievement.negative_formula
    checked = {"positive": 0, "negative": 0}
    for code, cells in indicator_rows(book["Capaian IKU"]).items():
        target = cells[COL_TARGET - 1].value
        value = cells[COL_VALUE - 1].value
        stored = cells[COL_ACHIEVEMENT - 1]
        if stored.value is None:
            continue
        assert stored.number_format == "0.00"
        if polarity[code] == "positive":
            mine = value / target * 100
        elif method == "two_minus_ratio":
            mine = (2 - value / target) * 100
        else:
            mine = target / value * 100
        assert abs(mine - stored.value) < 1e-9, code
        checked[polarity[code]] += 1
    return checked


def test_recap_cells_check_by_calculator(book: Any) -> None:
    checked = _calculator_check(book, SHIPPED_CATALOGUE)
    assert checked["positive"] == 21


def test_recap_cells_check_by_calculator_negative(
    run: Run, year_2025: Path, tmp_path: Path
) -> None:
    text = SHIPPED_CATALOGUE.read_text(encoding="utf-8")
    negative = text.replace("polarity: positive ", "polarity: negative ", 1)
    assert negative != text
    catalogue = tmp_path / "indicators.yaml"
    catalogue.write_text(negative, encoding="utf-8")
    out = tmp_path / "rekap.xlsx"
    args = ["--year", "2025", "--catalogue", str(catalogue)]
    result = run("recap", str(year_2025), "--output", str(out), *args)
    assert result.exit_code == 0, result.output
    checked = _calculator_check(openpyxl.load_workbook(out), catalogue)
    assert checked["negative"] == 1 and checked["positive"] >= 5
