"""narrative-missing and evidence-missing (DESIGN 11b): the Analisis sheet against the figures."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _reader_kit import CATALOGUE_YAML, filled, submission, write_xlsx
from conftest import Result as RunResult
from iku_cli.core.catalogue import Catalogue
from iku_cli.core.checks import check_all
from iku_cli.loading.catalogue_file import loads
from iku_cli.workbooks.reader import read_paths

HEADER = [
    "Kode IKU",
    "Indikator",
    "Faktor pendukung",
    "Faktor penghambat",
    "Upaya tindak lanjut",
    "Bukti dukung",
]
# 1.10 requires evidence; in Biro A's good values 1.1 is 8/10 = 80% of 100 and 1.10
# 1500/2000 = 75% of 90: both below target
CAT_YAML = CATALOGUE_YAML.replace(
    "    targets: {2025: 90}\n", "    targets: {2025: 90}\n    evidence: required\n"
)


def catalogue() -> Catalogue:
    return loads(CAT_YAML, file="k.yaml")


def found(tmp_path: Path, analysis: list[list[Any]] | None, **values: Any) -> set[tuple]:
    sheets = submission(filled(values.get("values")))
    if analysis is not None:
        sheets["Analisis"] = analysis
    path = write_xlsx(tmp_path / "a.xlsx", sheets)
    cat = catalogue()
    collection = read_paths([path], cat)
    return {
        (f.code, f.indicator, f.sheet, f.cell, f.severity)
        for f in check_all(collection, cat, complete=False)
        if f.code in {"narrative-missing", "evidence-missing"}
    }


def test_blank_cells_are_named(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1.1", "x", "Dukungan", None, "Rapat ulang", None],
        ["1.10", "y", None, "Setoran terlambat", None, None],
    ]
    assert found(tmp_path, rows) == {
        ("narrative-missing", "1.1", "Analisis", "D2", "warning"),
        ("narrative-missing", "1.10", "Analisis", "E3", "warning"),
        ("evidence-missing", "1.10", "Analisis", "F3", "warning"),
    }


def test_a_filled_row_has_no_finding(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1.1", "x", None, "Hambatan", "Upaya", None],
        ["1.10", "y", None, "Hambatan", "Upaya", "Bukti setor"],
    ]
    assert found(tmp_path, rows) == set()


def test_on_target_needs_no_narrative_but_still_evidence(tmp_path: Path) -> None:
    good = {("1.1", "disahkan"): 10, ("1.10", "setor"): 1900}  # 100% and 105.6%
    assert found(tmp_path, [HEADER], values=good) == {
        ("evidence-missing", "1.10", "Analisis", None, "warning"),  # row absent
    }


def test_an_absent_row_names_the_sheet_and_indicator(tmp_path: Path) -> None:
    rows = [HEADER, ["1.10", "y", None, "Hambatan", "Upaya", "Bukti"]]
    assert found(tmp_path, rows) == {("narrative-missing", "1.1", "Analisis", None, "warning")}


def test_no_analysis_sheet_gives_one_finding_per_indicator(tmp_path: Path) -> None:
    assert found(tmp_path, None) == {
        ("narrative-missing", "1.1", "Analisis", None, "warning"),
        ("narrative-missing", "1.10", "Analisis", None, "warning"),
        ("evidence-missing", "1.10", "Analisis", None, "warning"),
    }


def test_invalid_values_are_not_judged(tmp_path: Path) -> None:
    bad = {("1.1", "disahkan"): "delapan"}
    result = found(tmp_path, [HEADER, ["1.10", "", "", "H", "U", "B"]], values=bad)
    assert result == set()


def test_message_says_what_to_do(tmp_path: Path) -> None:
    cat = catalogue()
    path = write_xlsx(tmp_path / "a.xlsx", submission())
    collection = read_paths([path], cat)
    message = next(
        f.message() for f in check_all(collection, cat, complete=False) if f.indicator == "1.1"
    )
    assert "80" in message and "Faktor penghambat" in message and "Analisis" in message


def test_validate_strict_fails_on_them(tmp_path: Path, run: Callable[..., RunResult]) -> None:
    cat_path = tmp_path / "k.yaml"
    cat_path.write_text(CAT_YAML, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    write_xlsx(folder / "a.xlsx", submission())
    common = ("validate", str(folder), "--catalogue", str(cat_path))
    plain = run(*common, "--format", "json")
    assert plain.exit_code == 0, plain  # warnings only
    codes = {f["code"] for f in json.loads(plain.stdout)["findings"]}
    assert {"narrative-missing", "evidence-missing"} <= codes
    strict = run(*common, "--strict")
    assert strict.exit_code != 0, strict
