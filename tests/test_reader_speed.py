"""reader.py's shortcuts give what the long way gives.

- owners typed alike are looked up once per catalogue, and a run with another
  catalogue looks them up afresh;
- a whole number read as a float becomes the Decimal its 15 digits give;
- the identity and data of files read one after another do not leak into each other.
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _reader_kit import submission, write_xlsx
from _reliability_kit import SHIPPED
from iku_cli.loading.catalogue_file import load, loads
from iku_cli.workbooks.bind import _OWNERS
from iku_cli.workbooks.reader import read_workbook
from iku_cli.workbooks.values import _decimal


def test_owners_follow_the_catalogue_asked() -> None:
    shipped = load(SHIPPED)
    text = SHIPPED.read_text(encoding="utf-8").replace("Biro POD", "Biro Perekonomian")
    other = loads(text)
    assert _OWNERS.owner(shipped, "biro pod") == "Biro POD"
    assert _OWNERS.owner(shipped, "POD") == "Biro POD"  # "Biro " put in front
    assert _OWNERS.owner(other, "biro pod") == "biro pod"  # not this catalogue's
    assert _OWNERS.owner(other, "biro perekonomian") == "Biro Perekonomian"
    assert _OWNERS.owner(shipped, "biro pod") == "Biro POD"  # back again
    assert _OWNERS.owner(shipped, "Biro Tak Ada") == "Biro Tak Ada"


def _by_text(value: float) -> Decimal | None:
    """The long way: the 15 significant digits a spreadsheet keeps, as text."""
    number = Decimal(f"{value:.15g}")
    if not number.is_finite():
        return None
    return Decimal(int(number)) if number == number.to_integral_value() else number


def test_whole_floats_read_as_their_fifteen_digits() -> None:
    rng = random.Random(15)
    values = [0.0, -0.0, 1.0, -7.0, 105.0, 999_999_999_999_999.0, -999_999_999_999_999.0]
    values += [1e15, -1e15, 2.0**53, 1e20, 123456789012345678.0, 0.5, 78.22, 1e-300]
    values += [float(rng.randint(-(10**15), 10**15)) for _ in range(2_000)]
    values += [rng.uniform(-1e16, 1e16) for _ in range(2_000)]
    for value in values:
        fast, slow = _decimal(value), _by_text(value)
        assert (str(fast), type(fast)) == (str(slow), type(slow)), value


def test_files_read_one_after_another_keep_their_own_identity(tmp_path: Path) -> None:
    shipped = load(SHIPPED)
    first = write_xlsx(tmp_path / "a.xlsx", submission(owner="biro pod", period="TW1"))
    second = write_xlsx(tmp_path / "b.xlsx", submission(owner="Biro Kesra", period="tw 2"))
    for _ in range(2):
        a, _ = read_workbook(first, "a.xlsx", shipped)
        b, _ = read_workbook(second, "b.xlsx", shipped)
        assert a is not None and b is not None
        assert (a.owner, a.period, a.file) == ("Biro POD", "TW1", "a.xlsx")
        assert (b.owner, b.period, b.file) == ("Biro Kesra", "TW2", "b.xlsx")
        assert a.sha256 != b.sha256
