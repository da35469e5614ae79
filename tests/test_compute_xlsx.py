"""`iku compute --format xlsx`: a flat results workbook for people, read back with openpyxl."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parent.parent
CATALOGUE = ["--catalogue", str(ROOT / "indicators.yaml")]
HEADERS_ID = [
    "Sasaran",
    "Kode IKU",
    "Indikator",
    "Satuan",
    "Penanggung jawab",
    "Target",
    "Realisasi",
    "Capaian (%)",
    "Kategori",
    "Status",
    "Keterangan",
]


def _iku(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "iku_cli", *args, *CATALOGUE]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)


def _rows(path: Path, sheet: int = 0) -> list[tuple[Any, ...]]:
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    return [tuple(row) for row in workbook.worksheets[sheet].iter_rows(values_only=True)]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The examples' 2025 results as xlsx (named .xlsx, no --format) and as JSON."""
    tmp = tmp_path_factory.mktemp("xlsx")
    examples = str(ROOT / "examples")
    done = _iku(tmp, "compute", examples, "--year", "2025", "--output", "hasil.xlsx")
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    as_json = _iku(tmp, "compute", examples, "--year", "2025", "--format", "json")
    return tmp / "hasil.xlsx", json.loads(as_json.stdout)


def test_every_row_matches_the_json(made: tuple[Path, dict[str, Any]]) -> None:
    path, data = made
    rows = _rows(path)
    assert list(rows[0]) == HEADERS_ID
    indicators = data["indicators"]
    assert len(rows) - 1 == len(indicators) > 0
    for row, ind in zip(rows[1:], indicators, strict=True):
        assert row[0] == ind["goal"] and row[1] == ind["code"]
        assert row[2] == ind["name"] and row[3] == ind["unit"] and row[4] == ind["owner"]
        assert row[5] == ind["target"]
        assert row[6] == ind["value"]
        assert row[7] == ind["achievement"]
        if ind["category"] is not None:
            assert row[8] == ind["category"]
        for number in row[5:8]:
            assert number is None or isinstance(number, (int, float))
    # statuses in words, as on the terminal (JSON keeps the codes)
    words = {ind["status"]: row[9] for row, ind in zip(rows[1:], indicators, strict=True)}
    assert words.get("ok") == "Baik"
    assert set(words.values()).isdisjoint({"ok", "missing", "not_due", "incomplete"})
    # an indicator with a reason has it in words in Keterangan
    with_reason = [row for row, ind in zip(rows[1:], indicators, strict=True) if ind["reason"]]
    assert all(row[10] for row in with_reason)


def test_cells_are_numeric_with_number_formats(made: tuple[Path, dict[str, Any]]) -> None:
    import openpyxl

    sheet = openpyxl.load_workbook(made[0])["Hasil"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:K")
    numeric = 0
    for row in sheet.iter_rows(min_row=2, min_col=6, max_col=8):
        for cell in row:
            if cell.value is None:
                continue
            numeric += 1
            assert cell.data_type == "n", cell.coordinate
            assert cell.number_format in ("0.00", "#,##0", "#,##0.00"), cell.number_format
            large = abs(cell.value) >= 1000
            assert cell.number_format.startswith("#,##0") == large, cell.coordinate
    assert numeric > 0


def test_summary_sheet(made: tuple[Path, dict[str, Any]]) -> None:
    path, data = made
    rows = _rows(path, 1)
    labels = {row[0]: row[1] for row in rows if row and row[0]}
    assert labels["Perangkat daerah"] == data["organisation"]
    assert labels["Tahun"] == str(data["year"]) and labels["Periode"] == data["period"]
    assert labels["Status angka"] == ("sementara" if data["provisional"] else "final")
    goals = {row[0]: row[2] for row in rows if row[0] in {g["code"] for g in data["goals"]}}
    assert goals == {g["code"]: g["achievement"] for g in data["goals"]}
    overall = next(row for row in rows if row[0] == "Capaian keseluruhan")
    assert overall[2] == data["overall"]["achievement"]
    assert "rata-rata" in overall[1]  # the method in words


def test_english_headers(tmp_path: Path) -> None:
    args = ["compute", str(ROOT / "examples"), "--year", "2025", "--lang", "en"]
    done = _iku(tmp_path, *args, "--format", "xlsx", "--output", "results.xlsx")
    assert done.returncode in (0, 1), done.stderr
    import openpyxl

    workbook = openpyxl.load_workbook(tmp_path / "results.xlsx")
    assert workbook.sheetnames == ["Results", "Summary"]
    header = next(workbook["Results"].iter_rows(values_only=True))
    assert header[:3] == ("Goal", "IKU code", "Indicator")
    assert "Status" in header and "Remarks" in header


def test_marked_and_skipped_when_read_back(tmp_path: Path) -> None:
    folder = tmp_path / "laporan"
    shutil.copytree(ROOT / "examples" / "2025", folder)
    before = _iku(tmp_path, "compute", str(folder), "--format", "json")
    made = _iku(tmp_path, "compute", str(folder), "--output", str(folder / "hasil.xlsx"))
    assert made.returncode in (0, 1), made.stderr
    after = _iku(tmp_path, "compute", str(folder), "--format", "json", "--lang", "en")
    assert after.returncode == before.returncode
    marked = [f for f in json.loads(after.stdout)["findings"] if f["code"] == "iku-output"]
    assert len(marked) == 1 and "hasil.xlsx" in json.dumps(marked[0])
    assert json.loads(after.stdout)["indicators"] == json.loads(before.stdout)["indicators"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--format", "xlsx"], "--output"),
        (["--format", "xlsx", "--output", "hasil.json"], "does not match the extension .json"),
        (["--format", "json", "--output", "hasil.xlsx"], "does not match the extension .xlsx"),
    ],
)
def test_refusals(tmp_path: Path, args: list[str], words: str) -> None:
    done = _iku(tmp_path, "compute", str(ROOT / "examples"), "--lang", "en", *args)
    assert done.returncode == 2
    assert words in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_refusal_in_indonesian(tmp_path: Path) -> None:
    done = _iku(tmp_path, "compute", str(ROOT / "examples"), "--format", "xlsx")
    assert done.returncode == 2
    assert "tidak bisa ditampilkan di layar" in done.stderr and "--output" in done.stderr
    assert "Traceback" not in done.stderr


def test_formula_like_text_stays_text_and_large_values_get_separators(tmp_path: Path) -> None:
    import dataclasses
    from decimal import Decimal

    import openpyxl

    from iku_cli.api import compute
    from iku_cli.outputs.result_xlsx import render_xlsx

    result = compute(ROOT / "examples" / "2025", 2025, None, ROOT / "indicators.yaml")
    first = result.indicators[0]
    result.indicators[0] = dataclasses.replace(
        first, name='=HYPERLINK("http://x")', owner="+Biro", target=Decimal("1250000000")
    )
    path = tmp_path / "hasil.xlsx"
    path.write_bytes(render_xlsx(result, "id"))
    cells = openpyxl.load_workbook(path)["Hasil"]
    assert cells["C2"].data_type == "s" and cells["C2"].value == '=HYPERLINK("http://x")'
    assert cells["C2"].quotePrefix and cells["E2"].quotePrefix
    assert cells["F2"].value == 1250000000 and cells["F2"].number_format == "#,##0"
    assert not cells["C3"].quotePrefix
