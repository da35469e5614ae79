"""The recap's Analisis sheet: figures of every year, baseline, end target, benchmark,
programmes and the bureaus' narratives with their cells, read back with openpyxl."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from _reader_kit import CATALOGUE_YAML, analysis_rows, filled, submission, write_xlsx
from conftest import Result

Run = Callable[..., Result]

CAT_YAML = CATALOGUE_YAML.replace(
    "    max: 100\n    targets: {2025: 100}\n",
    "    max: 100\n    targets: {2024: 90, 2025: 100}\n"
    "    baseline: {year: 2023, value: 70}\n"
    "    final_target: 100\n"
    "    benchmark: {value: 85, source: Standar nasional contoh}\n"
    "    programmes: [Program Satu, Program Dua]\n",
)


@pytest.fixture
def folder(tmp_path: Path) -> tuple[Path, Path]:
    cat = tmp_path / "k.yaml"
    cat.write_text(CAT_YAML, encoding="utf-8")
    root = tmp_path / "kiriman"
    root.mkdir()
    last_year = submission(filled({("1.1", "disahkan"): 7}), year=2024, period="TW4")
    last_year["Analisis"] = analysis_rows(["1.1"])
    write_xlsx(root / "a-2024.xlsx", last_year)
    this_year = submission(filled(), year=2025, period="TW4")
    rows = analysis_rows([])
    rows.append(["1.1", "x", "Dukungan", "@SUM(A1:A9)", "Rapat ulang", None])
    this_year["Analisis"] = rows
    write_xlsx(root / "a-2025.xlsx", this_year)
    return cat, root


def _rows(path: Path) -> tuple[list[Any], dict[str, list[Any]], Any]:
    book = openpyxl.load_workbook(path)
    sheet = book["Analisis"]
    header = [c.value for c in sheet[6]]
    rows = {str(r[0].value): [c.value for c in r] for r in sheet.iter_rows(min_row=7)}
    return header, rows, sheet


def test_analysis_sheet_figures_and_narratives(
    run: Run, folder: tuple[Path, Path], tmp_path: Path
) -> None:
    cat, root = folder
    out = tmp_path / "rekap.xlsx"
    result = run(
        "recap", str(root), "--year", "2025", "--catalogue", str(cat), "--output", str(out)
    )
    assert result.exit_code == 0, result.output
    header, rows, sheet = _rows(out)
    row = dict(zip(header, rows["1.1"], strict=True))
    computed = json.loads(
        run("compute", str(root), "--catalogue", str(cat), "--format", "json").stdout
    )
    figures = {i["code"]: i for i in computed["indicators"]}["1.1"]
    last = json.loads(
        run(
            "compute", str(root), "--year", "2024", "--catalogue", str(cat), "--format", "json"
        ).stdout
    )
    before = {i["code"]: i for i in last["indicators"]}["1.1"]
    assert row["Target 2025"] == figures["target"] == 100
    assert row["Realisasi 2025"] == figures["value"] == 80
    assert row["Capaian 2025 (%)"] == figures["achievement"] == 80
    assert row["Kategori"] == figures["category"]
    assert row["Realisasi 2024"] == before["value"] == 70
    assert row["Capaian 2024 (%)"] == pytest.approx(before["achievement"], abs=0.005)
    assert row["Perubahan capaian dari 2024 (poin)"] == pytest.approx(80 - 70 / 90 * 100, 0.001)
    assert (row["Tahun kondisi awal"], row["Kondisi awal"]) == (2023, 70)
    assert row["Target akhir 2025"] == 100
    assert row["Kemajuan thd target akhir (%)"] == 80  # 80 / 100 x 100
    assert (row["Pembanding"], row["Sumber pembanding"]) == (85, "Standar nasional contoh")
    assert row["Program"] == "Program Satu; Program Dua"
    assert row["Faktor pendukung"] == "Dukungan"
    assert row["Upaya tindak lanjut"] == "Rapat ulang"
    assert row["Bukti dukung"] is None
    assert row["Sumber analisis (berkas, sel)"] == f"{root / 'a-2025.xlsx'}, Analisis!C5:F5"
    # a formula typed by a bureau stays text, shown as typed
    col = header.index("Faktor penghambat") + 1
    cell = next(c for c in sheet.iter_cols(min_col=col, max_col=col) for c in c if c.row > 6)
    cell = sheet.cell(7 + list(rows).index("1.1"), col)
    assert cell.value == "@SUM(A1:A9)" and cell.data_type == "s" and cell.quotePrefix
    # numbers are numbers
    assert isinstance(row["Capaian 2025 (%)"], int | float)
    # an indicator without a narrative (Biro B sent nothing) has blank text cells
    other = dict(zip(header, rows["2.1"], strict=True))
    assert other["Faktor penghambat"] is None and other["Sumber analisis (berkas, sel)"] is None
