"""reader.py: the Analisis sheet (DESIGN 11b) read forgivingly into Submission.narratives."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from _reader_kit import small_catalogue, submission, write_ods, write_xlsx
from iku_cli.core.findings import Finding
from iku_cli.core.submission import Submission
from iku_cli.workbooks.raw import MAX_NARRATIVE_CHARS, read_raw
from iku_cli.workbooks.reader import read_workbook

CAT = small_catalogue()
NARRATIVE_HEADER = [
    "Kode IKU",
    "Indikator",
    "Faktor pendukung",
    "Faktor penghambat",
    "Upaya tindak lanjut",
    "Bukti dukung",
]


def _read(path: Path) -> tuple[Submission, list[Finding]]:
    sub, found = read_workbook(path, str(path), CAT)
    assert sub is not None, found
    return sub, found


def with_analysis(rows: list[list[Any]], name: str = "Analisis") -> dict[str, list[list[Any]]]:
    sheets = submission()
    sheets[name] = rows
    return sheets


def test_the_template_layout_reads_every_text_with_its_cell(tmp_path: Path) -> None:
    rows = [
        ["Analisis capaian"],
        [None],
        NARRATIVE_HEADER,
        ["1.1", "Persentase kebijakan", "  Dukungan pimpinan  ", "Rapat tertunda", None, "SK"],
        ["1.10", "Pendapatan", None, "-", "Percepatan\r\nsetoran", None],
    ]
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", with_analysis(rows)))
    assert found == []
    assert sub.narrative_sheet == "Analisis"
    first = sub.narratives["1.1"]
    assert (first.supporting, first.obstacles, first.actions, first.evidence) == (
        "Dukungan pimpinan",
        "Rapat tertunda",
        None,
        "SK",
    )
    assert first.cells == {"supporting": "C4", "obstacles": "D4", "actions": "E4", "evidence": "F4"}
    assert first.code_cell == "A4"
    assert first.source("obstacles") == "Analisis!D4"
    second = sub.narratives["1.10"]
    assert second.obstacles is None  # a dash is blank
    assert second.actions == "Percepatan\nsetoran"
    assert second.source("evidence") == "Analisis!F5"
    # the submission pickles (reading workers send it back)
    assert pickle.loads(pickle.dumps(sub)).narratives == sub.narratives


def test_moved_header_extra_and_reordered_columns(tmp_path: Path) -> None:
    rows = [
        [None],
        [None, "Catatan: isi per indikator"],
        [None, "No", "Bukti", "Kode", "Upaya", "Kolom lain", "Penghambat"],
        [None, 1, "Notulen", "1.1", "Rapat ulang", "x", "Jadwal bentrok"],
    ]
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", with_analysis(rows, "analisis ")))
    assert found == []
    narrative = sub.narratives["1.1"]
    assert narrative.evidence == "Notulen"
    assert narrative.obstacles == "Jadwal bentrok"
    assert narrative.actions == "Rapat ulang"
    assert narrative.supporting is None
    assert narrative.cells == {"obstacles": "G4", "actions": "E4", "evidence": "C4"}
    assert "supporting" not in narrative.cells  # no such column


def test_codes_typed_as_numbers_are_the_catalogues_with_a_warning(tmp_path: Path) -> None:
    rows = [NARRATIVE_HEADER, [1.1, "x", None, "Hambatan", None, None]]
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", with_analysis(rows)))
    assert set(sub.narratives) == {"1.1"}
    assert [(f.code, f.sheet, f.cell) for f in found] == [("code-normalised", "Analisis", "A2")]


def test_a_workbook_without_the_sheet_reads_with_no_finding(tmp_path: Path) -> None:
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", submission()))
    assert found == []
    assert sub.narrative_sheet is None and sub.narratives == {}
    assert sub.values  # the data as before


def test_a_sheet_without_a_header_is_said(tmp_path: Path) -> None:
    rows = [["Tulis analisis di sini"], ["1.1", "apa saja"]]
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", with_analysis(rows)))
    assert sub.narrative_sheet is None
    assert [(f.code, f.sheet, f.severity) for f in found] == [
        ("narrative-header-not-found", "Analisis", "warning")
    ]
    assert "Analisis" in found[0].message()


def test_a_code_twice_keeps_the_first_row(tmp_path: Path) -> None:
    rows = [NARRATIVE_HEADER, ["1.1", "", "", "Pertama"], ["1.1", "", "", "Kedua"]]
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", with_analysis(rows)))
    assert sub.narratives["1.1"].obstacles == "Pertama"
    assert [(f.code, f.cell, f.indicator) for f in found] == [("narrative-duplicate", "A3", "1.1")]


def test_absurdly_long_text_is_cut_with_a_finding(tmp_path: Path) -> None:
    long = "hambatan " * 2000
    rows = [NARRATIVE_HEADER, ["1.1", "", "", long]]
    sub, found = _read(write_xlsx(tmp_path / "a.xlsx", with_analysis(rows)))
    text = sub.narratives["1.1"].obstacles
    assert text is not None and len(text) <= MAX_NARRATIVE_CHARS
    assert [(f.code, f.cell) for f in found] == [("narrative-too-long", "D2")]


def test_an_unknown_code_is_kept_as_typed(tmp_path: Path) -> None:
    rows = [NARRATIVE_HEADER, ["9.9", "", "", "Hambatan"]]
    sub, _ = _read(write_xlsx(tmp_path / "a.xlsx", with_analysis(rows)))
    assert set(sub.narratives) == {"9.9"}


def test_ods_reads_the_same(tmp_path: Path) -> None:
    rows = [NARRATIVE_HEADER, ["1.1", "x", "Dukungan", "Hambatan", "Upaya", "Bukti"]]
    sheets = with_analysis(rows)
    a, _ = _read(write_xlsx(tmp_path / "a.xlsx", sheets))
    b, _ = _read(write_ods(tmp_path / "a.ods", sheets))
    assert a.narratives == b.narratives


def test_the_raw_read_pickles_with_its_narratives(tmp_path: Path) -> None:
    rows = [NARRATIVE_HEADER, ["1.1", "x", "Dukungan", "Hambatan", "Upaya", "Bukti"]]
    path = write_xlsx(tmp_path / "a.xlsx", with_analysis(rows))
    raw = read_raw(path, str(path))
    again = pickle.loads(pickle.dumps(raw))
    assert again.narratives == raw.narratives and again.narrative_sheet == "Analisis"
