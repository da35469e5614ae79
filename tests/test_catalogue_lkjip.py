"""Catalogue additions for the LKjIP: baseline, final_target, benchmark, programmes,
evidence per indicator and budget per goal; each mistake named by line and key path."""

from __future__ import annotations

from decimal import Decimal

import pytest

from iku_cli.loading.catalogue_file import loads
from test_catalogue import VALID, line_of, problems

EXTRA = """\
    baseline: {year: 2024, value: 80.5}
    final_target: 97
    benchmark: {value: 85, source: Standar nasional}
    programmes: [Program Pemerintahan dan Kesejahteraan Rakyat]
    evidence: required
"""
ANCHOR = "    source: Laporan bagian\n"
GOAL_ANCHOR = "    statement: Meningkatnya kualitas kebijakan\n"
BUDGET = """\
    budget:
      2025: {pagu: 1500000000, realisasi: 1380000000}
      2026: {pagu: 1600000000}
"""


def with_extra(extra: str = EXTRA, budget: str = BUDGET) -> str:
    return VALID.replace(ANCHOR, ANCHOR + extra).replace(GOAL_ANCHOR, GOAL_ANCHOR + budget)


def test_the_additions_load_and_are_optional() -> None:
    catalogue = loads(with_extra())
    first = catalogue.indicators[0]
    assert first.baseline is not None
    assert (first.baseline.year, first.baseline.value) == (2024, Decimal("80.5"))
    assert first.final_target == Decimal(97)
    assert first.benchmark is not None and first.benchmark.source == "Standar nasional"
    assert first.programmes == ("Program Pemerintahan dan Kesejahteraan Rakyat",)
    assert first.evidence == "required"
    assert catalogue.final_target(first) == Decimal(97)
    goal = catalogue.goals[0]
    assert goal.budget[2025].absorption == Decimal(92)
    assert goal.budget[2026].realisasi is None and goal.budget[2026].absorption is None
    # defaults
    second = catalogue.indicators[1]
    assert second.baseline is None and second.benchmark is None
    assert second.programmes == () and second.evidence == "optional"
    assert catalogue.goals[1].budget == {}


def test_final_target_defaults_to_the_last_year_with_a_target() -> None:
    catalogue = loads(VALID)
    by_code = {i.code: i for i in catalogue.indicators}
    assert catalogue.final_target(by_code["1.1"]) == Decimal(95)  # 2026
    assert catalogue.final_target(by_code["1.2"]) == Decimal(100)
    assert catalogue.final_target(by_code["2.2"]) == Decimal(10)  # only 2025 given


@pytest.mark.parametrize(
    ("extra", "budget", "anchor", "path", "key"),
    [
        (
            "    baseline: {year: 2024}\n",
            "",
            "baseline:",
            "indicators[0].baseline.value",
            "catalogue.missing_key",
        ),
        (
            "    baseline: {year: 2025, value: 1}\n",
            "",
            "baseline:",
            "indicators[0].baseline.year",
            "catalogue.baseline_year",
        ),
        (
            "    final_target: banyak\n",
            "",
            "final_target:",
            "indicators[0].final_target",
            "catalogue.wrong_type.number",
        ),
        (
            "    benchmark: {value: 85}\n",
            "",
            "benchmark:",
            "indicators[0].benchmark.source",
            "catalogue.missing_key",
        ),
        (
            "    benchmark: {value: 85, source: ' '}\n",
            "",
            "benchmark:",
            "indicators[0].benchmark.source",
            "catalogue.benchmark_source",
        ),
        (
            "    programmes: Program A\n",
            "",
            "programmes:",
            "indicators[0].programmes",
            "catalogue.wrong_type.list",
        ),
        (
            "    programmes:\n      - Program A\n      - ''\n",
            "",
            "- ''",
            "indicators[0].programmes[1]",
            "catalogue.programme_empty",
        ),
        (
            "    evidence: wajib\n",
            "",
            "evidence:",
            "indicators[0].evidence",
            "catalogue.wrong_type.choice",
        ),
        (
            "",
            "    budget:\n      2023: {pagu: 10}\n",
            "2023:",
            "goals[0].budget.2023",
            "catalogue.budget_year",
        ),
        (
            "",
            "    budget:\n      2025: {pagu: -10}\n",
            "2025: {pagu: -10}",
            "goals[0].budget.2025.pagu",
            "catalogue.budget_negative",
        ),
        (
            "",
            "    budget:\n      2025: {pagu: 10, realisasi: 11}\n",
            "realisasi: 11",
            "goals[0].budget.2025.realisasi",
            "catalogue.budget_over",
        ),
        (
            "",
            "    budget:\n      2025: {realisasi: 11}\n",
            "realisasi: 11",
            "goals[0].budget.2025.pagu",
            "catalogue.missing_key",
        ),
        (
            "",
            "    budget:\n      2025: {pagu: 10, sisa: 1}\n",
            "sisa: 1",
            "goals[0].budget.2025.sisa",
            "catalogue.unknown_key",
        ),
    ],
)
def test_each_mistake_in_the_additions_is_named_by_line_and_path(
    extra: str, budget: str, anchor: str, path: str, key: str
) -> None:
    text = with_extra(extra, budget)
    found = problems(text)
    assert (line_of(text, anchor), path, key) in found, found


def test_the_shipped_catalogue_loads() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    catalogue = loads((root / "indicators.yaml").read_text(encoding="utf-8"))
    assert catalogue.indicators
