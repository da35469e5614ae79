"""The library API: ``iku_cli.compute(path, year, period, catalogue)``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from iku_cli.core.errors import IkuError
from iku_cli.loading.catalogue_file import load

GOLDEN = Path(__file__).parent / "data" / "golden"
CATALOGUE = GOLDEN / "indicators.yaml"


def test_package_attribute_is_the_api_function() -> None:
    import iku_cli
    import iku_cli.core.figures  # the core module must not hide the API
    from iku_cli.api import compute

    assert iku_cli.compute is compute


def test_unknown_year_and_missing_path_raise_before_reading(tmp_path: Path) -> None:
    from iku_cli.api import compute

    with pytest.raises(IkuError) as caught:
        compute(tmp_path / "nothing-here", catalogue=CATALOGUE)
    assert caught.value.key == "compute.path_missing"
    with pytest.raises(IkuError) as caught:
        compute(tmp_path, year=1999, catalogue=CATALOGUE)
    assert caught.value.key == "compute.year_unknown"


def test_catalogue_path_or_object() -> None:
    pytest.importorskip("iku_cli.workbooks.reader", reason="the reader is not there yet")
    import iku_cli

    by_path = iku_cli.compute(GOLDEN / "2025", catalogue=str(CATALOGUE))
    by_object = iku_cli.compute([GOLDEN / "2025"], catalogue=load(CATALOGUE))
    assert by_path.to_dict() == by_object.to_dict()
    # 45 / (40 + 20) x 100 = 75; 75 / 80 x 100 = 93.75
    ind = by_path.indicator("2.2")
    assert ind is not None
    assert (ind.value, ind.achievement) == (Decimal(75), Decimal("93.75"))


def test_year_and_period_arguments() -> None:
    pytest.importorskip("iku_cli.workbooks.reader", reason="the reader is not there yet")
    import iku_cli

    result = iku_cli.compute(str(GOLDEN), year=2025, period="tw2", catalogue=CATALOGUE)
    assert (result.year, result.period, result.provisional) == (2025, "TW2", True)
    # 40 / 100 x 100 = 40 against the TW2 target 50 -> 80
    assert result.indicator("1.1").achievement == Decimal(80)  # type: ignore[union-attr]


def test_to_frame() -> None:
    pytest.importorskip("iku_cli.workbooks.reader", reason="the reader is not there yet")
    import iku_cli

    frame = iku_cli.compute(GOLDEN / "2025", catalogue=CATALOGUE).to_frame()
    assert list(frame.columns) == [
        "year", "period", "provisional", "code", "goal", "name", "owner", "unit",
        "value", "target", "achievement", "category", "status", "reason",
    ]  # fmt: skip
    assert len(frame) == 7
    # 13 / 200 x 100 = 6.5; (2 - 6.5 / 7) x 100 = 107.14
    assert frame.set_index("code").loc["1.2", "achievement"] == 107.14
