"""Issue 12.1: every printed step of ``iku explain`` checks by hand from its printed operands."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from itertools import pairwise

import pytest

from conftest import EXAMPLES, SHIPPED_CATALOGUE
from conftest import Result as RunResult

Run = Callable[..., RunResult]

NUMBER = r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?|-?\d+(?:,\d+)?"
ARITHMETIC = re.compile(rf"^(?:\s|[()+\-/x]|{NUMBER})+$")


def to_decimal(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def places(text: str) -> int:
    return len(text.split(",")[1]) if "," in text else 0


def bounds(expression: str) -> tuple[Decimal, Decimal]:
    """The lowest and highest value of a printed step when each operand printed with 10 or
    more places (a repeating decimal, cut) may be off by one unit in its last place."""
    numbers = list(re.finditer(NUMBER, expression))
    cut = [i for i, m in enumerate(numbers) if places(m.group()) >= 10]
    values = []
    for signs in itertools.product((-1, 1), repeat=len(cut)):
        python, last = "", 0
        for i, m in enumerate(numbers):
            number = to_decimal(m.group())
            if i in cut:
                number += signs[cut.index(i)] * Decimal(1).scaleb(-places(m.group()))
            python += expression[last : m.start()] + f"Decimal('{number}')"
            last = m.end()
        python = (python + expression[last:]).replace(" x ", " * ")
        with localcontext() as context:
            context.prec = 50
            values.append(eval(python, {"Decimal": Decimal, "__builtins__": {}}))
    return min(values), max(values)


def check_line(line: str) -> int:
    """Check every ``operands = result`` pair on a line; the number of steps checked."""
    checked = 0
    for part in line.split(";"):
        sides = [s.strip() for s in part.split("=")]
        for left, right in pairwise(sides):
            if not re.fullmatch(NUMBER, right) or not ARITHMETIC.match(left):
                continue
            if re.fullmatch(NUMBER, left):
                continue  # a number equal to itself says nothing
            shown = to_decimal(right)
            low, high = bounds(left)
            # to the printed precision: the printed result is the exact one rounded to its
            # places; a repeating decimal cut at 10 places may be off by one unit there,
            # and an operand cut at 10 places carries its own unit into the result
            unit = Decimal(1).scaleb(-places(right))
            slack = unit if places(right) >= 10 else unit / 2
            assert low - slack <= shown <= high + slack, line
            checked += 1
    return checked


def explain_text(run: Run, code: str, folder: str, period: str) -> str:
    result = run("explain", code, folder, "--period", period, "--catalogue", str(SHIPPED_CATALOGUE))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize("year", ["2024", "2025"])
def test_every_example_step_checks_by_hand(
    run: Run, year: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iku_cli.loading.catalogue_file import load

    monkeypatch.setenv("COLUMNS", "4000")
    codes = [i.code for i in load(SHIPPED_CATALOGUE).indicators]
    total = 0
    for period in ("TW1", "TW2", "TW4"):
        for code in codes:
            out = explain_text(run, code, str(EXAMPLES / year), period)
            assert "nilai eksak" in out
            lines = out.splitlines()
            for n, line in enumerate(lines):
                if "dibulatkan setengah ke atas" in line and "=" in line:
                    # the rounded line follows from the exact achievement above it
                    exact = to_decimal(lines[n - 1].rsplit("=", 1)[1].strip())
                    shown = line.rsplit("=", 1)[1].strip()
                    expected = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                    assert to_decimal(shown) == expected, line
                total += check_line(line)
    assert total > 100


def test_the_checker_catches_the_issues_examples() -> None:
    for wrong in ("22,75 / 25 x 100 = 91,01", "85,71 x 0,4 = 34,29", "85,37 / 85 x 100 = 100,43"):
        with pytest.raises(AssertionError):
            check_line(wrong)
    assert check_line("344 / 1.512 x 100 = 22,7513227513") == 1


def test_15_and_41_no_longer_disagree_by_hand(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "4000")
    out = explain_text(run, "1.5", str(EXAMPLES / "2025"), "TW4")
    assert "22,75 / 25 x 100 = 91,01" not in out  # the issue's example
    assert "Sumber data: Laporan Seluruh Bagian di Biro Kesra" in out
    assert "Catatan katalog:" in out and "di fasilitasi" in out
    assert "90,995 menjadi 91,00" in out  # the category rule


def test_a_derived_quarter_target_is_shown_with_its_parts(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1.5 follows the catalogue's quarterly profile: TW1's target is the year's x 25%
    monkeypatch.setenv("COLUMNS", "4000")
    out = explain_text(run, "1.5", str(EXAMPLES / "2025"), "TW1")
    line = next(x for x in out.splitlines() if "profil triwulan katalog" in x)
    year_target, share, target = re.findall(NUMBER, line.replace("%", ""))[:3]
    assert to_decimal(year_target) * to_decimal(share) / 100 == to_decimal(target)
    assert f"Target 2025 TW1: {target}" in out
    # 4.1 has no quarterly target: a pace, not a band, before TW4
    out = explain_text(run, "4.1", str(EXAMPLES / "2025"), "TW1")
    assert "Tanpa target triwulan" in out and "bukan kategori akhir" in out
    assert "Tanpa target triwulan" not in explain_text(run, "4.1", str(EXAMPLES / "2025"), "TW4")
