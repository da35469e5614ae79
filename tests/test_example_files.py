"""The shipped example submissions (examples/): complete, plausible, cumulative, reproducible."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest

from iku_cli.core.catalogue import Catalogue
from iku_cli.loading import catalogue_file
from iku_cli.outputs.template import template_name

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHIPPED_CATALOGUE = ROOT / "indicators.yaml"

YEARS = (2024, 2025)
PERIODS = ("TW1", "TW2", "TW3", "TW4")
REGENERATE = "examples are out of date: run python examples/make_examples.py"

pytestmark = pytest.mark.skipif(
    not (EXAMPLES / "2025").is_dir(), reason="examples not generated yet"
)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return catalogue_file.load(SHIPPED_CATALOGUE)


def read(path: Path) -> dict[str, Any]:
    """Identity and {(code, variable): value} of one example workbook."""
    wb = openpyxl.load_workbook(path)
    identity = {
        wb["Identitas"].cell(r, 1).value: wb["Identitas"].cell(r, 2).value for r in range(1, 7)
    }
    data = wb["Data"]
    values = {}
    for row in range(5, data.max_row + 1):
        code = data.cell(row, 1).value
        if code is None:
            break
        values[(code, data.cell(row, 3).value)] = data.cell(row, 6).value
    return {"identity": identity, "values": values}


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_examples", EXAMPLES / "make_examples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def expected_files(catalogue: Catalogue, year: int) -> set[str]:
    return {
        template_name(year, period, owner)  # type: ignore[arg-type]
        for period in PERIODS
        for owner in catalogue.owners
        if catalogue.indicators_of(owner, period)  # type: ignore[arg-type]
    }


@pytest.mark.parametrize("year", YEARS)
def test_one_file_per_owner_and_period(catalogue: Catalogue, year: int) -> None:
    found = {p.name for p in (EXAMPLES / str(year)).iterdir() if p.suffix == ".xlsx"}
    assert found == expected_files(catalogue, year)


@pytest.mark.parametrize("year", YEARS)
def test_values_are_complete_plausible_and_cumulative(catalogue: Catalogue, year: int) -> None:
    series: dict[tuple[str, str, str], list[Decimal]] = {}
    for path in sorted((EXAMPLES / str(year)).glob("*.xlsx")):
        content = read(path)
        identity = content["identity"]
        assert identity["Tahun"] == year
        assert identity["Disusun oleh"] and identity["Tanggal"]
        assert identity["Sidik jari katalog (sha256)"] == catalogue.sha256, REGENERATE
        by_code: dict[str, dict[str, Decimal]] = {}
        for (code, variable), raw in content["values"].items():
            assert isinstance(raw, int | float), (path.name, code, variable, raw)
            value = Decimal(str(raw))
            spec = catalogue.indicator(code).inputs[variable]  # type: ignore[union-attr]
            assert value >= spec.min
            assert spec.max is None or value <= spec.max
            assert not spec.integer or value == value.to_integral_value()
            by_code.setdefault(code, {})[variable] = value
            series.setdefault((code, variable, identity["Biro"]), []).append(value)
        for code, values in by_code.items():
            indicator = catalogue.indicator(code)
            assert indicator is not None
            if indicator.form == "ratio" and indicator.max is not None:
                numerator = indicator.expression("numerator").evaluate(values)
                denominator = indicator.expression("denominator").evaluate(values)
                assert numerator <= denominator, (path.name, code)
    # files sort TW1..TW4 within an owner, so each list is in quarter order
    for key, values in series.items():
        assert values == sorted(values), (key, "falls from one quarter to the next")


def test_indicator_values_look_real(catalogue: Catalogue) -> None:
    tw4 = {}
    for path in (EXAMPLES / "2025").glob("2025-TW4-*.xlsx"):
        tw4.update(read(path)["values"])
    assert 1 <= tw4[("2.3", "level")] <= 5
    assert tw4[("2.2", "target_nominal")] >= 1_000_000_000
    assert 0 <= tw4[("3.3", "jumlah_pd")] <= 14
    shares = [
        tw4[(code, part)] / tw4[(code, total)]
        for code, part, total in (
            ("1.1", "disahkan", "dirumuskan"),
            ("1.6", "diselesaikan", "masuk"),
            ("4.2", "ditindaklanjuti", "keluhan"),
        )
    ]
    assert all(0.6 <= share <= 1 for share in shares), shares


def test_invalid_set_holds_the_mistakes() -> None:
    folder = EXAMPLES / "invalid"
    names = {p.name for p in folder.glob("*.xlsx")}
    assert {"2025-TW1-biro-pod.xlsx", "2025-TW1-biro-pod-revisi.xlsx"} <= names
    assert read(folder / "2023-TW1-biro-pbj.xlsx")["identity"]["Tahun"] == 2023
    words = read(folder / "2025-TW1-biro-hukum.xlsx")["values"]
    assert words[("1.6", "masuk")] == "dua belas"
    kesra = read(folder / "2025-TW1-biro-kesra.xlsx")["values"]
    assert kesra[("1.4", "ditindaklanjuti")] > kesra[("1.4", "harus_ditindaklanjuti")]
    text = read(folder / "2025-TW1-biro-adpim-dan-umum.xlsx")["values"]
    assert any(isinstance(v, str) and "," in v for v in text.values())


def test_regenerating_gives_the_same_values(tmp_path: Path) -> None:
    made = load_script().generate(SHIPPED_CATALOGUE, tmp_path)
    shipped = sorted(p.relative_to(EXAMPLES) for p in EXAMPLES.rglob("*.xlsx"))
    assert sorted(p.relative_to(tmp_path) for p in made) == shipped
    for relative in shipped:
        assert read(tmp_path / relative) == read(EXAMPLES / relative), (relative, REGENERATE)
