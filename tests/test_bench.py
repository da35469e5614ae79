"""The benchmark's own parts work: generated submissions are clean and computable, the
province-scale catalogue is valid, the RSS wrapper measures one command. No timing here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHIPPED_CATALOGUE
from iku_cli.api import compute, read
from iku_cli.loading.catalogue_file import load, loads

BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import province  # noqa: E402


def test_generated_submissions_are_clean_and_computable(tmp_path: Path) -> None:
    folder = generate.generate(SHIPPED_CATALOGUE, 20, cache=tmp_path)
    files = sorted(folder.glob("*.xlsx"))
    assert len(files) == 20
    catalogue = load(SHIPPED_CATALOGUE)
    collection = read(folder, catalogue)
    identities = {(s.owner, s.year, s.period) for s in collection.submissions}
    assert len(identities) == 20  # no two files for the same owner, year and period
    # whole quarters first: nothing flagged but the owners yet to send in the last one
    # (generated files carry no Analisis sheet: what is below target lacks its narrative)
    said_apart = {"missing-submission", "narrative-missing", "evidence-missing"}
    assert [f.code for f in collection.findings if f.code not in said_apart] == []
    result = compute(folder, catalogue=catalogue)
    _, year, period = generate.identities(catalogue)[19]  # the latest of the 20
    assert (result.year, result.period) == (year, period)
    assert sum(1 for i in result.indicators if i.status == "ok") > 0
    # cached: asking again gives the same folder without writing
    stamp = files[0].stat().st_mtime_ns
    assert generate.generate(SHIPPED_CATALOGUE, 20, cache=tmp_path) == folder
    assert files[0].stat().st_mtime_ns == stamp


def test_values_are_cumulative_and_parts_within_wholes() -> None:
    catalogue = load(SHIPPED_CATALOGUE)
    for owner in catalogue.owners:
        series = generate.year_series(catalogue, owner, catalogue.years[0])
        for (code, name), values in series.items():
            assert values == sorted(values), (code, name)
            spec = catalogue.indicator(code).inputs[name]  # type: ignore[union-attr]
            assert all(v >= spec.min for v in values)
            assert spec.max is None or all(v <= spec.max for v in values)
            assert not spec.integer or all(v == v.to_integral_value() for v in values)


def test_province_catalogue_is_valid_and_every_unit_reports_every_quarter() -> None:
    text = province.province_yaml(agencies=4, units=12, indicators=30)
    catalogue = loads(text, file="province.yaml")
    assert len(catalogue.owners) == 12 and len(catalogue.indicators) == 30
    assert {i.form for i in catalogue.indicators} == {"ratio", "composite", "direct"}
    assert len(generate.identities(catalogue)) == 12 * 4 * len(catalogue.years)


def test_province_submissions_validate_clean(tmp_path: Path) -> None:
    path = tmp_path / "province.yaml"
    path.write_text(province.province_yaml(agencies=3, units=6, indicators=14), encoding="utf-8")
    folder = generate.generate(path, 24, cache=tmp_path)  # a whole year: 6 units x 4 quarters
    collection = read(folder, load(path))
    assert collection.files_read == 24
    # (generated files carry no Analisis sheet: what is below target lacks its narrative)
    said_apart = {"narrative-missing", "evidence-missing"}
    assert [(f.code, f.file) for f in collection.findings if f.code not in said_apart] == []


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="peak RSS needs wait4")
def test_measure_reports_the_commands_own_peak_memory() -> None:
    import run

    small = run.measure([sys.executable, "-c", "pass"])
    touch = "b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096])"
    big = run.measure([sys.executable, "-c", touch])
    assert small.code == 0 and big.code == 0
    assert small.rss is not None and big.rss is not None
    assert small.rss < 100 * 2**20 < big.rss
    assert big.cpu is not None and big.cpu > 0
