"""Renderers of the compute result (table, CSV, JSON, explain) and the atomic writer."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
from rich.console import Console

from iku_cli.core.errors import IkuError
from iku_cli.core.figures import compute
from iku_cli.core.result import COLUMNS
from iku_cli.outputs.atomic import atomic_path, write_atomic
from iku_cli.outputs.explain import band_text, explain_lines
from iku_cli.outputs.result_csv import render_csv
from iku_cli.outputs.result_json import render_json
from iku_cli.outputs.result_table import plain_number, result_table
from test_compute_core import (
    ALPHA_TW4,
    BETA_TW4,
    CATALOGUE,
    GAMMA_TW4,
    collection,
    submission,
    year_end,
)


def text_of(parts: list[object], width: int = 200) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, legacy_windows=False)
    for part in parts:
        console.print(part)
    return buffer.getvalue()


def test_table_numbers_indonesian_and_english() -> None:
    result = compute(CATALOGUE, year_end(), 2025, "TW4")
    shown_id = text_of(result_table(result, "id"))
    shown_en = text_of(result_table(result, "en"))
    # 1.2: 107.142857... -> 107,14 / 107.14; 1.3 target 90, value 84 -> 84,00 / 84.00
    assert "107,14" in shown_id and "107.14" in shown_en
    assert "84,00" in shown_id and "84.00" in shown_en
    # goal rows and the closing summary: overall 90.296... -> 90,30 Tinggi
    assert "Capaian sasaran 1" in shown_id and "Goal 2 achievement" in shown_en
    assert "rata-rata capaian 90,30 (Tinggi)" in shown_id
    assert "average achievement 90.30 (Tinggi)" in shown_en
    for column in ("Kode", "Indikator", "Penanggung jawab", "Target", "Realisasi", "Capaian"):
        assert column in shown_id


def test_table_lists_reasons() -> None:
    result = compute(CATALOGUE, collection(submission("Biro Alpha", 2025, "TW4", ALPHA_TW4)))
    shown = text_of(result_table(result, "en"))
    assert "2.2: No workbook from Biro Gamma for 2025 TW4" in shown
    assert "missing" in shown


def test_plain_number() -> None:
    from decimal import Decimal

    assert plain_number(Decimal("1234567.50"), "id") == "1.234.567,5"
    assert plain_number(Decimal("1234567.50"), "en") == "1,234,567.5"
    assert plain_number(Decimal("100"), "id") == "100"
    assert plain_number(Decimal("1E+2"), "en") == "100"
    assert plain_number(None, "id") == "-"


def test_csv_has_bom_and_one_row_per_indicator() -> None:
    result = compute(CATALOGUE, year_end(), 2025, "TW4")
    data = render_csv(result, "id")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == list(COLUMNS)
    assert [r["code"] for r in rows] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4"]
    row = rows[1]
    assert (row["year"], row["period"], row["provisional"]) == ("2025", "TW4", "False")
    assert (float(row["achievement"]), row["category"], row["status"]) == (
        107.14,
        "Sangat Tinggi",
        "ok",
    )


def test_json_text_matches_to_dict() -> None:
    result = compute(CATALOGUE, year_end(), 2025, "TW4")
    assert json.loads(render_json(result, "en")) == result.to_dict("en")


def explained(code: str, lang: str = "id", subs: object = None, **kw: object) -> str:
    result = compute(CATALOGUE, subs or year_end(), 2025, "TW4")  # type: ignore[arg-type]
    return text_of(explain_lines(CATALOGUE, result, code, lang))  # type: ignore[arg-type]


def test_explain_ratio() -> None:
    text = explained("1.1")
    assert "pembilang = Jumlah kebijakan yang disahkan" in text
    assert "disahkan (Jumlah kebijakan yang disahkan) = 9.099" in text
    assert "[2025-TW4-biro-alpha.xlsx: Data!F5]" in text
    # 9099 / 10000 x 100 = 90.99
    assert "nilai = pembilang / penyebut x 100 = 9.099 / 10.000 x 100 = 90,99" in text
    assert "capaian = realisasi / target x 100" in text
    assert "= 90,99 / 100 x 100 = 90,99" in text
    assert "Kategori: >= 76: Tinggi" in text
    assert "Status: Baik" in text


def test_explain_ratio_with_sum_substitutes_numbers() -> None:
    text = explained("2.2", "en")
    # the denominator step shows names, then numbers, then the result
    assert "denominator = lembaga + sarana = 40 + 20 = 60" in text
    assert "value = numerator / denominator x 100 = 45 / 60 x 100 = 75" in text


def test_explain_negative_and_composite_and_cap() -> None:
    text = explained("1.2", "en")
    # (2 - 6.5 / 7) x 100 = 107.14
    assert "achievement = (2 - value / target) x 100" in text
    assert "= (2 - 6.5 / 7) x 100 = 107.1428571429" in text
    assert "rounded half-up to 2 places = 107.14" in text
    text = explained("1.3", "en")
    assert "component 1: Dokumen tepat waktu (weight 0.6)" in text
    # 9 / 10 x 100 = 90 x 0.6 = 54; 75 x 0.4 = 30; 54 + 30 = 84
    assert "9 / 10 x 100 = 90; 90 x 0.6 = 54" in text
    assert "value = 54 + 30 = 84" in text
    text = explained("2.1", "en")
    # 5 / 4 x 100 = 125, capped at 120 for the mean
    assert "= 5 / 4 x 100 = 125" in text
    assert "capped at 120 for the goal average: 120.00" in text


def test_explain_lowest_band_and_missing() -> None:
    assert band_text(CATALOGUE, "Sangat Rendah", "id") == "< 51: Sangat Rendah"
    assert band_text(CATALOGUE, "Sangat Tinggi", "en") == ">= 91: Sangat Tinggi"
    text = explained("2.4", "en")
    assert "Category: < 51: Sangat Rendah" in text
    subs = collection(submission("Biro Alpha", 2025, "TW4", ALPHA_TW4))
    text = explained("2.2", "en", subs)
    assert "Status: missing" in text
    assert "No workbook from Biro Gamma" in text
    assert "(no workbook was used)" in text


def test_explain_incomplete_names_the_empty_cell() -> None:
    beta = dict(BETA_TW4)
    beta[("1.3", "realisasi")] = None
    gamma = dict(GAMMA_TW4)
    text = explained(
        "1.3",
        "id",
        collection(
            submission("Biro Beta", 2025, "TW4", beta),
            submission("Biro Gamma", 2025, "TW4", gamma),
        ),
    )
    assert "realisasi (Realisasi anggaran (Rp)) = tidak dilaporkan" in text
    assert "Status: belum lengkap" in text
    assert "realisasi (Data!F7)" in text


# --------------------------------------------------------------------------- atomic


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "hasil.json"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["hasil.json"]  # no temp file left


def test_write_atomic_refuses_inputs(tmp_path: Path) -> None:
    source = tmp_path / "laporan.xlsx"
    source.write_bytes(b"input")
    with pytest.raises(IkuError) as caught:
        write_atomic(tmp_path / "." / "laporan.xlsx", b"x", protected=[str(source)])
    assert caught.value.key == "output.is_input"
    assert source.read_bytes() == b"input"


def test_write_atomic_missing_folder_and_directory(tmp_path: Path) -> None:
    with pytest.raises(IkuError) as caught:
        write_atomic(tmp_path / "nope" / "x.json", "x")
    assert caught.value.key == "output.no_folder"
    with pytest.raises(IkuError) as caught:
        write_atomic(tmp_path, "x")
    assert caught.value.key == "output.is_directory"


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="permissions are not enforced for root or on Windows",
)
def test_write_atomic_permission(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(IkuError) as caught:
            write_atomic(folder / "x.json", "x")
        assert caught.value.key == "output.permission"
    finally:
        folder.chmod(0o700)


def test_atomic_path_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "rekap.xlsx"
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("writer failed")
    assert list(tmp_path.iterdir()) == []
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"whole")
    assert target.read_bytes() == b"whole"
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.xlsx"]
