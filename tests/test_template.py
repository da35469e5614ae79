"""`iku template` and the template writer: read the written workbooks back with openpyxl."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from iku_cli.core.catalogue import Catalogue
from iku_cli.core.errors import IkuError
from iku_cli.loading.catalogue_file import load as load_catalogue
from iku_cli.outputs.template import template_name, template_rows, write_template

# the pinned contract (DESIGN section 4), spelled out here rather than imported
SHEETS = ["Petunjuk", "Identitas", "Data", "Analisis"]
HEADERS = ["Kode IKU", "Indikator", "Variabel", "Uraian", "Satuan", "Nilai", "Keterangan"]
IDENTITY = ["Biro", "Tahun", "Periode", "Disusun oleh", "Tanggal", "Sidik jari katalog (sha256)"]

LONG_LABEL = "Jumlah kegiatan koordinasi yang sangat panjang uraiannya " * 8

CATALOGUE_YAML = f"""\
schema: 1
organisation: Pemerintah Contoh
years: [2024, 2025]
goals:
  - code: "1"
    statement: Sasaran satu
indicators:
  - code: "1.1"
    goal: "1"
    name: Persentase kebijakan yang disahkan
    unit: Persen
    owner: Biro Satu
    inputs:
      disahkan: {{label: Jumlah kebijakan yang disahkan, integer: true, unit: Kebijakan}}
      dirumuskan: {{label: Jumlah kebijakan yang dirumuskan, integer: true}}
    numerator: disahkan
    denominator: dirumuskan
    max: 100
    targets: {{2024: 90, 2025: {{TW1: 25, TW2: 50, TW3: 75, TW4: 100}}}}
  - code: "1.10"
    goal: "1"
    name: Tingkat kematangan
    unit: Level
    owner: Biro Satu
    frequency: annual
    inputs:
      level: {{label: Level hasil penilaian LKPP, min: 1, max: 5, integer: true}}
    value: level
    targets: {{2025: 3}}
  - code: "1.2"
    goal: "1"
    name: Persentase realisasi pendapatan
    unit: Persen
    owner: Biro Dua
    inputs:
      setoran: {{label: Jumlah nominal yang disetorkan menjadi PAD}}
      target_nominal: {{label: "{LONG_LABEL}", unit: Rupiah}}
    numerator: setoran
    denominator: target_nominal
  - code: "1.3"
    goal: "1"
    name: Indeks kelembagaan
    unit: Indeks
    owner: Biro Tiga Ä
    frequency: annual
    inputs:
      indeks: {{label: Nilai indeks kelembagaan, max: 100}}
    value: indeks
"""

# (code, variabel, uraian, satuan) expected on Data rows from row 5
ROWS_SATU_TW4 = [
    ("1.1", "disahkan", "Jumlah kebijakan yang disahkan", "Kebijakan"),
    ("1.1", "dirumuskan", "Jumlah kebijakan yang dirumuskan", "Jumlah"),
    ("1.10", "level", "Level hasil penilaian LKPP", "Level"),
]


@pytest.fixture
def catalogue_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # apart from tmp_path, so tests can list exactly what was written there
    path = tmp_path_factory.mktemp("catalogue") / "indicators.yaml"
    path.write_text(CATALOGUE_YAML, encoding="utf-8")
    return path


@pytest.fixture
def catalogue(catalogue_file: Path) -> Catalogue:
    return load_catalogue(catalogue_file)


def data_rows(sheet: Any) -> list[tuple[Any, ...]]:
    """Rows from row 5 down while column A has a code."""
    out = []
    row = 5
    while sheet.cell(row, 1).value is not None:
        out.append(tuple(sheet.cell(row, col).value for col in range(1, 9)))
        row += 1
    return out


def validation_for(sheet: Any, cell: str) -> Any:
    found = [dv for dv in sheet.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, (cell, [str(dv.sqref) for dv in sheet.data_validations.dataValidation])
    return found[0]


# --------------------------------------------------------------------------- the writer


def test_workbook_sheets_headers_and_rows(catalogue: Catalogue, tmp_path: Path) -> None:
    path = write_template(catalogue, 2025, "TW4", "Biro Satu", tmp_path)
    assert path == tmp_path / "2025-TW4-biro-satu.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS
    data = wb["Data"]
    assert [data.cell(4, col).value for col in range(1, 9)] == [*HEADERS, "Target 2025"]
    rows = data_rows(data)
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == ROWS_SATU_TW4
    assert all(r[1] == "Persentase kebijakan yang disahkan" for r in rows[:2])
    assert all(r[5] is None and r[6] is None for r in rows), "Nilai and Keterangan start empty"
    # the target is shown once per indicator, the TW4 one where quarters are given
    assert [r[7] for r in rows] == [100, None, 3]
    assert data.freeze_panes == "A5"


def test_code_column_is_text(catalogue: Catalogue, tmp_path: Path) -> None:
    data = openpyxl.load_workbook(write_template(catalogue, 2025, "TW4", "Biro Satu", tmp_path))[
        "Data"
    ]
    for row in range(5, 8):
        cell = data.cell(row, 1)
        assert cell.number_format == "@"
        assert isinstance(cell.value, str)
    assert data["A7"].value == "1.10"


def test_protection_and_unlocked_cells(catalogue: Catalogue, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_template(catalogue, 2025, "TW4", "Biro Satu", tmp_path))
    for name in SHEETS:
        assert wb[name].protection.sheet, name
    data = wb["Data"]
    for row in range(5, 8):
        assert not data[f"F{row}"].protection.locked
        assert not data[f"G{row}"].protection.locked
        for col in "ABCDEH":
            assert data[f"{col}{row}"].protection.locked, f"{col}{row}"
    for col in "ABCDEFGH":
        assert data[f"{col}4"].protection.locked
    identity = wb["Identitas"]
    assert not identity["B4"].protection.locked  # Disusun oleh
    assert not identity["B5"].protection.locked  # Tanggal
    for cell in ("A1", "B1", "B2", "B3", "B6"):
        assert identity[cell].protection.locked, cell


def test_data_validation_on_every_value_cell(catalogue: Catalogue, tmp_path: Path) -> None:
    data = openpyxl.load_workbook(write_template(catalogue, 2025, "TW4", "Biro Satu", tmp_path))[
        "Data"
    ]
    count = validation_for(data, "F5")
    assert count.type == "whole"
    assert count.operator == "greaterThanOrEqual"
    assert count.formula1 == "0"
    assert count.showErrorMessage and count.errorStyle in (None, "stop")
    assert "Jumlah kebijakan yang disahkan" in count.prompt
    assert "bilangan bulat" in count.error
    level = validation_for(data, "F7")
    assert level.type == "whole"
    assert (level.formula1, level.formula2) == ("1", "5")
    assert level.operator in (None, "between")


def test_decimal_validation_and_long_label(catalogue: Catalogue, tmp_path: Path) -> None:
    data = openpyxl.load_workbook(write_template(catalogue, 2025, "TW2", "Biro Dua", tmp_path))[
        "Data"
    ]
    rows = data_rows(data)
    assert [(r[2], r[4]) for r in rows] == [("setoran", "Rupiah"), ("target_nominal", "Rupiah")]
    first = validation_for(data, "F5")
    assert first.type == "decimal"
    # Excel refuses longer prompts; the writer clips them instead of losing the validation
    second = validation_for(data, "F6")
    assert second.type == "decimal"
    assert len(second.prompt) <= 255
    assert second.prompt.startswith("Jumlah kegiatan koordinasi")


def test_identity_values_and_fingerprint(
    catalogue: Catalogue, catalogue_file: Path, tmp_path: Path
) -> None:
    identity = openpyxl.load_workbook(
        write_template(catalogue, 2024, "TW2", "biro satu", tmp_path)
    )["Identitas"]
    labels = {identity.cell(row, 1).value: identity.cell(row, 2).value for row in range(1, 7)}
    assert list(labels) == IDENTITY
    assert labels["Biro"] == "Biro Satu"
    assert labels["Tahun"] == 2024
    assert labels["Periode"] == "TW2"
    assert labels["Disusun oleh"] is None
    assert labels["Tanggal"] is None
    assert (
        labels["Sidik jari katalog (sha256)"]
        == hashlib.sha256(catalogue_file.read_bytes()).hexdigest()
    )


def test_tw1_leaves_out_annual_indicators(catalogue: Catalogue, tmp_path: Path) -> None:
    data = openpyxl.load_workbook(write_template(catalogue, 2025, "TW1", "Biro Satu", tmp_path))[
        "Data"
    ]
    rows = data_rows(data)
    assert [(r[0], r[2]) for r in rows] == [("1.1", "disahkan"), ("1.1", "dirumuskan")]
    assert rows[0][7] == 25  # the quarter's target
    with pytest.raises(IkuError) as info:
        write_template(catalogue, 2025, "TW1", "Biro Tiga Ä", tmp_path)
    assert info.value.key == "template.nothing_to_report"
    assert [p.name for p in tmp_path.glob("*.xlsx")] == ["2025-TW1-biro-satu.xlsx"]


@pytest.mark.parametrize(
    ("year", "period", "owner", "key"),
    [
        (2023, "TW1", "Biro Satu", "template.bad_year"),
        (2025, "TW5", "Biro Satu", "error.bad_period"),
        (2025, "TW1", "Biro Empat", "template.unknown_owner"),
    ],
)
def test_writer_refuses_bad_arguments(
    catalogue: Catalogue, tmp_path: Path, year: int, period: str, owner: str, key: str
) -> None:
    with pytest.raises(IkuError) as info:
        write_template(catalogue, year, period, owner, tmp_path)
    assert info.value.key == key
    assert list(tmp_path.iterdir()) == []


def test_explicit_file_path_and_no_temp_left(catalogue: Catalogue, tmp_path: Path) -> None:
    target = tmp_path / "formulir saya.xlsx"
    assert write_template(catalogue, 2025, "TW3", "Biro Satu", target) == target
    assert [p.name for p in tmp_path.iterdir()] == ["formulir saya.xlsx"]


def test_english_instructions_keep_pinned_names(catalogue: Catalogue, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(
        write_template(catalogue, 2025, "TW1", "Biro Satu", tmp_path, lang="en")
    )
    assert wb.sheetnames == SHEETS
    assert wb["Petunjuk"]["A1"].value == "How to fill in the IKU realisation form"
    assert [wb["Data"].cell(4, col).value for col in range(1, 8)] == HEADERS
    assert wb["Identitas"]["A1"].value == "Biro"
    assert "whole number" in validation_for(wb["Data"], "F5").error


def test_guide_says_cumulative(catalogue: Catalogue, tmp_path: Path) -> None:
    guide = openpyxl.load_workbook(write_template(catalogue, 2025, "TW2", "Biro Satu", tmp_path))[
        "Petunjuk"
    ]
    text = "\n".join(
        str(cell.value) for row in guide.iter_rows() for cell in row if cell.value is not None
    )
    assert "kumulatif" in text
    assert "s.d. triwulan" in text
    assert "30 Juni 2025" in text
    assert "Nilai" in text and "Keterangan" in text


def test_template_rows_and_name(catalogue: Catalogue) -> None:
    rows = template_rows(catalogue, 2025, "TW4", "Biro Satu")
    assert [(r.indicator.code, r.input, r.first) for r in rows] == [
        ("1.1", "disahkan", True),
        ("1.1", "dirumuskan", False),
        ("1.10", "level", True),
    ]
    assert rows[0].target == Decimal(100)
    assert template_name(2025, "TW1", "Biro Tiga Ä") == "2025-TW1-biro-tiga-a.xlsx"


# --------------------------------------------------------------------------- the command


def test_command_writes_one_file_per_owner(
    run: Callable[..., Any], catalogue_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "baru" / "formulir"
    result = run(
        "template", str(out), "--year", "2025", "--period", "TW4", "-c", str(catalogue_file)
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "2025-TW4-biro-dua.xlsx",
        "2025-TW4-biro-satu.xlsx",
        "2025-TW4-biro-tiga-a.xlsx",
    ]
    for name in names:
        assert name in result.stdout


def test_command_tw1_skips_owner_with_only_annual(
    run: Callable[..., Any], catalogue_file: Path, tmp_path: Path
) -> None:
    result = run(
        "template", str(tmp_path / "o"), "--year", "2025", "--period", "tw1",
        "--catalogue", str(catalogue_file),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "2025-TW1-biro-dua.xlsx",
        "2025-TW1-biro-satu.xlsx",
    ]
    skipped = [line for line in result.stdout.splitlines() if "Biro Tiga Ä" in line]
    assert len(skipped) == 1 and "TW1" in skipped[0]


def test_command_owner_option(
    run: Callable[..., Any], catalogue_file: Path, tmp_path: Path
) -> None:
    result = run(
        "template", str(tmp_path), "--year", "2024", "--period", "TW2",
        "--owner", "biro  SATU", "--owner", "Biro Dua", "-c", str(catalogue_file),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.xlsx")) == [
        "2024-TW2-biro-dua.xlsx",
        "2024-TW2-biro-satu.xlsx",
    ]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--year", "2023", "--period", "TW1"], "2024, 2025"),
        (["--year", "2025", "--period", "TW5"], "TW5"),
        (["--year", "2025", "--period", "TW1", "--owner", "Biro Empat"], "Biro Satu, Biro Dua"),
        (["--year", "dua ribu", "--period", "TW1"], ""),
        (["--period", "TW1"], ""),
    ],
)
def test_command_bad_arguments_exit_2(
    run: Callable[..., Any],
    catalogue_file: Path,
    tmp_path: Path,
    args: list[str],
    needle: str,
) -> None:
    out = tmp_path / "out"
    result = run("template", str(out), *args, "-c", str(catalogue_file))
    assert result.exit_code == 2, result.output
    assert needle in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())


def test_command_out_dir_is_a_file(
    run: Callable[..., Any], catalogue_file: Path, tmp_path: Path
) -> None:
    result = run(
        "template", str(catalogue_file), "--year", "2025", "--period", "TW1",
        "-c", str(catalogue_file),
    )  # fmt: skip
    assert result.exit_code == 2, result.output


def test_command_refuses_to_overwrite(
    run: Callable[..., Any], catalogue_file: Path, tmp_path: Path
) -> None:
    args = ["template", str(tmp_path / "o"), "--year", "2025", "--period", "TW1"]
    args += ["-c", str(catalogue_file)]
    assert run(*args).exit_code == 0
    existing = tmp_path / "o" / "2025-TW1-biro-satu.xlsx"
    existing.write_bytes(b"kept")
    (tmp_path / "o" / "2025-TW1-biro-dua.xlsx").unlink()
    refused = run(*args)
    assert refused.exit_code == 2, refused.output
    assert "--force" in refused.stderr
    assert str(existing) in refused.stderr
    assert existing.read_bytes() == b"kept"
    assert not (tmp_path / "o" / "2025-TW1-biro-dua.xlsx").exists(), "nothing written"
    forced = run(*args, "--force")
    assert forced.exit_code == 0, forced.output
    assert openpyxl.load_workbook(existing).sheetnames == SHEETS


def test_command_help_has_example(run: Callable[..., Any]) -> None:
    result = run("template", "--help")
    assert result.exit_code == 0
    assert "iku template" in result.stdout
    assert "--force" in result.stdout


def test_shipped_catalogue_every_owner(shipped_catalogue: Path, tmp_path: Path) -> None:
    if not shipped_catalogue.exists():
        pytest.skip("indicators.yaml not shipped yet")
    catalogue = load_catalogue(shipped_catalogue)
    for period in ("TW1", "TW4"):
        total = 0
        for owner in catalogue.owners:
            expected = [
                (i.code, name)
                for i in catalogue.indicators_of(owner, period)  # type: ignore[arg-type]
                for name in i.inputs
            ]
            if not expected:
                assert period == "TW1"
                continue
            path = write_template(catalogue, 2025, period, owner, tmp_path)
            rows = data_rows(openpyxl.load_workbook(path)["Data"])
            assert [(r[0], r[2]) for r in rows] == expected
            total += len(rows)
        every = sum(
            len(i.inputs)
            for i in catalogue.indicators
            if period == "TW4" or i.frequency == "quarterly"
        )
        assert total == every


# --------------------------------------------------------------------------- round trip


ROUND_TRIP = {
    ("1.1", "disahkan"): 7,
    ("1.1", "dirumuskan"): 9,
    ("1.10", "level"): 3,
    ("1.2", "setoran"): 1250000000.5,
    ("1.2", "target_nominal"): 5000000000,
    ("1.3", "indeks"): 71.25,
}


def filled_set(catalogue: Catalogue, out: Path) -> None:
    """Every owner's TW4 2025 template, filled in with openpyxl as a bureau would."""
    for owner in catalogue.owners:
        path = write_template(catalogue, 2025, "TW4", owner, out)
        wb = openpyxl.load_workbook(path)
        data = wb["Data"]
        for row in range(5, data.max_row + 1):
            key = (data.cell(row, 1).value, data.cell(row, 3).value)
            if key in ROUND_TRIP:
                data.cell(row, 6).value = ROUND_TRIP[key]
        wb["Identitas"]["B4"] = "Siti Rahma, Kasubbag Perencanaan"
        wb["Identitas"]["B5"] = "15/01/2026"
        wb.save(path)


def test_round_trip_template_fill_read(catalogue: Catalogue, tmp_path: Path) -> None:
    reader = pytest.importorskip("iku_cli.workbooks.reader")
    out = tmp_path / "kiriman"
    filled_set(catalogue, out)
    collection = reader.read_paths([out], catalogue)
    errors = [(f.code, f.file, f.cell) for f in collection.findings if f.is_error]
    assert errors == []
    assert len(collection.submissions) == 3
    read = {(v.indicator, v.input): v.value for s in collection.submissions for v in s.values}
    assert read == {k: Decimal(str(v)) for k, v in ROUND_TRIP.items()}
    for submission in collection.submissions:
        assert submission.year == 2025 and submission.period == "TW4"
        assert submission.owner in catalogue.owners
        assert submission.catalogue_sha256 == catalogue.sha256
        assert all(v.sheet == "Data" and v.cell.startswith("F") for v in submission.values)


def test_round_trip_template_fill_validate(
    run: Callable[..., Any], catalogue: Catalogue, catalogue_file: Path, tmp_path: Path
) -> None:
    pytest.importorskip("iku_cli.cli.commands.validate")
    out = tmp_path / "kiriman"
    filled_set(catalogue, out)
    result = run("validate", str(out), "-c", str(catalogue_file))
    assert result.exit_code == 0, result.output


def test_command_cannot_write(
    run: Callable[..., Any], catalogue_file: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run(
        "template", str(blocker / "formulir"), "--year", "2025", "--period", "TW1",
        "-c", str(catalogue_file),
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert str(blocker / "formulir") in result.stderr


def test_a_percent_input_says_type_82_not_82_percent(catalogue: Catalogue) -> None:
    from types import SimpleNamespace

    from iku_cli.outputs.template import _validation

    indicator = catalogue.indicators[0]
    plain = next(iter(indicator.inputs.values()))
    row: Any = SimpleNamespace(indicator=indicator, spec=plain)
    assert "82%" not in _validation(row, "TW1", "id")["input_message"]
    row.spec = plain.model_copy(update={"unit": "Persen", "max": Decimal(100)})
    made = _validation(row, "TW1", "id")
    assert "ketik 82, bukan 82%" in made["input_message"]
    assert "ketik 82, bukan 82%" in made["error_message"]
    assert "type 82, not 82%" in _validation(row, "TW1", "en")["input_message"]


# --------------------------------------------------------------------------- the Analisis sheet


ANALYSIS_HEADERS = [
    "Kode IKU",
    "Indikator",
    "Faktor pendukung",
    "Faktor penghambat",
    "Upaya tindak lanjut",
    "Bukti dukung",
]


def test_analysis_sheet_lists_every_indicator_the_owner_owns(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    # TW1: the annual 1.10 is not reported in Data, but its analysis is still asked for
    wb = openpyxl.load_workbook(write_template(catalogue, 2025, "TW1", "Biro Satu", tmp_path))
    sheet = wb["Analisis"]
    assert [sheet.cell(4, col).value for col in range(1, 7)] == ANALYSIS_HEADERS
    codes = [sheet.cell(row, 1).value for row in range(5, sheet.max_row + 1)]
    assert codes == ["1.1", "1.10"]
    assert sheet["B6"].value == "Tingkat kematangan"
    assert sheet["A6"].number_format == "@"
    assert sheet.protection.sheet
    for row in (5, 6):
        for col in "CDEF":
            cell = sheet[f"{col}{row}"]
            assert not cell.protection.locked, cell.coordinate
            assert cell.alignment.wrap_text, cell.coordinate
            assert cell.value is None
        for col in "AB":
            assert sheet[f"{col}{row}"].protection.locked
    # header styled as Data's
    data = wb["Data"]
    assert sheet["C4"].font.b and sheet["C4"].fill.fgColor.rgb == data["A4"].fill.fgColor.rgb
    assert sheet.column_dimensions["C"].width >= 30  # C:E share one <col> entry
    assert sheet.freeze_panes == "C5"
    guide = " ".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    assert "Analisis" in guide and "narrative-missing" in guide


def test_a_filled_analysis_sheet_reads_back(catalogue: Catalogue, tmp_path: Path) -> None:
    from iku_cli.workbooks.reader import read_workbook

    path = write_template(catalogue, 2025, "TW4", "Biro Satu", tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Analisis"]["D5"] = "Rapat pembahasan tertunda"
    wb["Analisis"]["F6"] = "Laporan LKPP"
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    sub, found = read_workbook(filled, "filled.xlsx", catalogue)
    assert sub is not None and sub.narrative_sheet == "Analisis"
    assert sub.narratives["1.1"].obstacles == "Rapat pembahasan tertunda"
    assert sub.narratives["1.1"].source("obstacles") == "Analisis!D5"
    assert sub.narratives["1.10"].evidence == "Laporan LKPP"
    assert sub.narratives["1.10"].actions is None
    assert not [f for f in found if f.sheet == "Analisis"]
