"""`iku compute` over the shipped examples with the shipped catalogue.

Expected figures are worked out here from the cells themselves (read with
openpyxl), not from iku's own reader.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from conftest import EXAMPLES, SHIPPED_CATALOGUE
from conftest import Result as RunResult

Y2025 = EXAMPLES / "2025"

pytestmark = pytest.mark.skipif(
    not (Y2025.is_dir() and SHIPPED_CATALOGUE.is_file()), reason="examples not generated yet"
)

Run = Callable[..., RunResult]
ANNUAL = {"1.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5", "4.3"}


def cells(file: Path) -> dict[tuple[str, str], Decimal]:
    """(code, input) -> Nilai, read straight from the Data sheet."""
    from openpyxl import load_workbook

    book = load_workbook(file, read_only=True, data_only=True)
    try:
        rows = list(book["Data"].iter_rows(values_only=True))
    finally:
        book.close()
    header_at = next(n for n, row in enumerate(rows) if row and row[0] == "Kode IKU")
    header = list(rows[header_at])
    code, name, value = header.index("Kode IKU"), header.index("Variabel"), header.index("Nilai")
    return {
        (str(row[code]), str(row[name])): Decimal(str(row[value]))
        for row in rows[header_at + 1 :]
        if row and row[code] is not None and row[value] is not None
    }


def two(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def compute_json(run: Run, *args: str) -> dict:  # type: ignore[type-arg]
    result = run("compute", *args, "--format", "json", "--catalogue", str(SHIPPED_CATALOGUE))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def year_end() -> dict:  # type: ignore[type-arg]
    from iku_cli.api import compute

    result = compute(Y2025, year=2025, period="TW4", catalogue=SHIPPED_CATALOGUE)
    return result.to_dict()


def test_every_indicator_ok_at_2025_tw4(year_end: dict) -> None:  # type: ignore[type-arg]
    statuses = {i["code"]: i["status"] for i in year_end["indicators"]}
    assert len(statuses) == 21
    assert set(statuses.values()) == {"ok"}, statuses
    assert (year_end["year"], year_end["period"], year_end["provisional"]) == (2025, "TW4", False)
    assert year_end["missing_submissions"] == []
    assert all(g["assessed"] == g["total"] for g in year_end["goals"])


def indicator(data: dict, code: str) -> dict:  # type: ignore[type-arg]
    return next(i for i in data["indicators"] if i["code"] == code)  # type: ignore[no-any-return]


def test_ratio_by_hand(year_end: dict) -> None:  # type: ignore[type-arg]
    v = cells(Y2025 / "2025-TW4-biro-pod.xlsx")
    # 1.1 = disahkan / dirumuskan x 100; achievement = value / 95 x 100 (2025 target)
    value = v[("1.1", "disahkan")] / v[("1.1", "dirumuskan")] * 100
    got = indicator(year_end, "1.1")
    assert (got["value"], got["target"]) == (two(value), 95)
    assert got["achievement"] == two(value / 95 * 100)


def test_sum_denominator_by_hand(year_end: dict) -> None:  # type: ignore[type-arg]
    v = cells(Y2025 / "2025-TW4-biro-kesra.xlsx")
    # 1.5 = difasilitasi / (lembaga_terdata + sarpras_terdata) x 100, target 25
    value = (
        v[("1.5", "difasilitasi")]
        / (v[("1.5", "lembaga_terdata")] + v[("1.5", "sarpras_terdata")])
        * 100
    )
    got = indicator(year_end, "1.5")
    assert (got["value"], got["achievement"]) == (two(value), two(value / 25 * 100))


def test_composite_by_hand(year_end: dict) -> None:  # type: ignore[type-arg]
    v = cells(Y2025 / "2025-TW4-biro-adpim-dan-umum.xlsx")

    def pct(num: str, den: str) -> Decimal:
        return v[("4.1", num)] / v[("4.1", den)] * 100

    # 4.1 = 0.4 x dokumen + 0.3 x anggaran + 0.25 x SDM + 0.05 x sarpras, each a percentage
    value = (
        Decimal("0.4") * pct("dok_tepat_waktu", "dok_seluruh")
        + Decimal("0.3") * pct("realisasi_anggaran", "pagu_anggaran")
        + Decimal("0.25") * pct("sdm_bersertifikat", "sdm_seluruh")
        + Decimal("0.05") * pct("sarpras_baik", "sarpras_seluruh")
    )
    got = indicator(year_end, "4.1")
    assert (got["value"], got["achievement"]) == (two(value), two(value / 85 * 100))


def test_direct_and_per_quarter_target_by_hand(year_end: dict) -> None:  # type: ignore[type-arg]
    pbj = cells(Y2025 / "2025-TW4-biro-pbj.xlsx")
    # 2.3 is the UKPBJ level itself, against 3
    level = pbj[("2.3", "level")]
    got = indicator(year_end, "2.3")
    assert (got["value"], got["achievement"]) == (two(level), two(level / 3 * 100))
    eko = cells(Y2025 / "2025-TW4-biro-perekonomian.xlsx")
    # 2.2 = disetor / target_nominal x 100 against the TW4 target 100
    value = eko[("2.2", "disetor")] / eko[("2.2", "target_nominal")] * 100
    got = indicator(year_end, "2.2")
    assert (got["value"], got["target"], got["achievement"]) == (two(value), 100, two(value))


def test_goal_and_overall_are_means(year_end: dict) -> None:  # type: ignore[type-arg]
    # no cap in the shipped catalogue: a goal is the plain mean of its indicators
    for goal in year_end["goals"]:
        own = [i["achievement"] for i in year_end["indicators"] if i["goal"] == goal["code"]]
        assert goal["achievement"] == pytest.approx(sum(own) / len(own), abs=0.01)
    goals = [g["achievement"] for g in year_end["goals"]]
    assert year_end["overall"]["achievement"] == pytest.approx(sum(goals) / len(goals), abs=0.01)


def test_second_quarter_is_provisional_and_annual_not_due(run: Run) -> None:
    data = compute_json(run, str(Y2025), "--year", "2025", "--period", "TW2")
    assert (data["year"], data["period"], data["provisional"]) == (2025, "TW2", True)
    statuses = {i["code"]: i["status"] for i in data["indicators"]}
    assert {c for c, s in statuses.items() if s == "not_due"} == ANNUAL
    assert {s for c, s in statuses.items() if c not in ANNUAL} == {"ok"}
    # 2.2 against its TW2 target 50: value / 50 x 100
    eko = cells(Y2025 / "2025-TW2-biro-perekonomian.xlsx")
    value = eko[("2.2", "disetor")] / eko[("2.2", "target_nominal")] * 100
    got = indicator(data, "2.2")
    assert (got["target"], got["achievement"]) == (50, two(value / 50 * 100))
    # owners with only annual indicators (Biro Organisasi, Biro Adpim) owe nothing at TW2
    assert data["missing_submissions"] == []


def test_realisations_follow_the_quarters(year_end: dict) -> None:  # type: ignore[type-arg]
    got = indicator(year_end, "1.1")["realisations"]
    for period in ("TW1", "TW2", "TW3", "TW4"):
        v = cells(Y2025 / f"2025-{period}-biro-pod.xlsx")
        assert got[period] == two(v[("1.1", "disahkan")] / v[("1.1", "dirumuskan")] * 100)


@pytest.mark.skipif(not (EXAMPLES / "invalid").is_dir(), reason="no examples/invalid")
def test_invalid_examples_show_as_invalid(run: Run) -> None:
    result = run("compute", str(EXAMPLES / "invalid"), "--format", "json",
                 "--catalogue", str(SHIPPED_CATALOGUE))  # fmt: skip
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert (data["year"], data["period"]) == (2025, "TW1")
    got = {i["code"]: (i["status"], i["reason_code"]) for i in data["indicators"]}
    # a check (not the reader) finds 1.4's numerator above its denominator
    assert got["1.4"] == ("invalid", "invalid-input")
    assert "numerator-exceeds-denominator" in indicator(data, "1.4")["reason"]
    # Biro POD sent two TW1 workbooks: neither is used
    assert got["1.1"] == ("invalid", "duplicate-submission")
    assert indicator(data, "1.1")["value"] is None
