"""`iku explain CODE PATH` on the golden workbooks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result as RunResult

GOLDEN = Path(__file__).parent / "data" / "golden"
CATALOGUE = GOLDEN / "indicators.yaml"

pytest.importorskip("iku_cli.workbooks.reader", reason="the reader is not there yet")

Run = Callable[..., RunResult]


def explain(run: Run, *args: str) -> RunResult:
    return run("explain", *args, "--catalogue", str(CATALOGUE))


def test_explain_ratio_step_by_step(run: Run) -> None:
    result = explain(run, "2.2", str(GOLDEN / "2025"))
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())  # the terminal may wrap long lines
    # the definition with the inputs' labels
    assert "penyebut = Lembaga yang terdata + Sarana yang terdata" in out
    # every input with its value, file, sheet and cell
    assert "lembaga (Lembaga yang terdata) = 40" in out
    assert "2025-TW4-biro-gamma.xlsx: Data!F6]" in out
    # 45 / (40 + 20) x 100 = 75; 75 / 80 x 100 = 93.75
    assert "penyebut = lembaga + sarana = 40 + 20 = 60" in out
    assert "nilai = pembilang / penyebut x 100 = 45 / 60 x 100 = 75" in out
    assert "Target 2025 TW4: 80" in out
    assert "= 75 / 80 x 100 = 93,75" in out
    assert "Kategori: >= 91: Sangat Tinggi" in out
    assert "Status: Baik" in out


def test_explain_band_edge_in_english(run: Run) -> None:
    result = explain(run, "1.1", str(GOLDEN / "2025"), "--lang", "en")
    out = " ".join(result.stdout.split())
    # 9099 / 10000 x 100 = 90.99: Tinggi, not Sangat Tinggi
    assert "= 90.99 / 100 x 100 = 90.99" in out
    assert "Category: >= 76: Tinggi" in out
    assert "TW1: 20.00 TW2: 40.00 TW3: - TW4: 90.99" in out


def test_explain_negative(run: Run) -> None:
    out = " ".join(explain(run, "1.2", str(GOLDEN / "2025"), "--lang", "en").stdout.split())
    # (2 - 6.5 / 7) x 100 = 107.14
    assert "achievement = (2 - value / target) x 100" in out
    assert "= (2 - 6.5 / 7) x 100 = 107.1428571429" in out
    assert "rounded half-up to 2 places = 107.14" in out


def test_explain_lists_findings_and_reason(run: Run) -> None:
    result = explain(run, "2.2", str(GOLDEN / "2024"), "--lang", "en")
    assert result.exit_code == 1, result.output
    out = " ".join(result.stdout.split())
    assert "Status: invalid" in out
    assert "2024-TW4-biro-gamma.xlsx" in out
    assert "Data!F5" in out


def test_explain_not_due(run: Run) -> None:
    out = explain(run, "2.1", str(GOLDEN / "2025"), "--period", "TW2", "--lang", "en").stdout
    assert "Status: not due" in out
    assert "Annual IKU" in out


def test_unknown_code_lists_close_ones(run: Run) -> None:
    result = explain(run, "1.9", str(GOLDEN / "2025"))
    assert result.exit_code == 2, result.output
    assert "1.9" in result.stderr
    assert "1.1" in result.stderr
