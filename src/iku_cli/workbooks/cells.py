"""A workbook's cells: values (CellError, NoResult, Percent), Cell, and A1 addresses."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

ERROR_TEXTS = frozenset(
    {"#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!",
     "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!",
     "#UNKNOWN!", "#N/A!"}
)  # fmt: skip
_LO_ERROR = re.compile(r"^(?:Err:\d{3}|#[A-Z/0!?_]+[!?]?)$")


def is_error_text(text: str) -> bool:
    """``#DIV/0!``, ``#REF!``, LibreOffice's ``Err:502``: what a failed formula shows."""
    text = text.strip()
    return text.upper() in ERROR_TEXTS or bool(_LO_ERROR.match(text) and len(text) <= 16)


@dataclass(frozen=True, slots=True)
class CellError:
    """A cell showing an error value such as ``#DIV/0!``."""

    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class NoResult:
    """A formula whose result was never stored (the file was not saved by a spreadsheet)."""

    formula: str

    def __str__(self) -> str:
        return f"={self.formula}" if self.formula else "="


class Percent(float):
    """A number shown with a percent format: 0.82 stored, ``82%`` shown to the clerk."""

    __slots__ = ()


Value = str | int | float | bool | date | datetime | time | timedelta | CellError | NoResult | None


class Cell(NamedTuple):
    """One cell: its value (None when empty), sheet, 1-based row and column, and A1 address."""

    # a NamedTuple, not a frozen dataclass: made in less than half the time (0.26 us, not 0.63)
    value: Value
    sheet: str
    row: int
    col: int
    address: str

    @property
    def ref(self) -> str:
        """``Data!F12``."""
        return cell_ref(self.sheet, self.row, self.col)


@functools.lru_cache(maxsize=1024)
def column_letter(col: int) -> str:
    """1 -> ``A``, 27 -> ``AA``."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """``A`` -> 1, ``AA`` -> 27."""
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def a1(row: int, col: int) -> str:
    """(5, 6) -> ``F5``."""
    return f"{column_letter(col)}{row}"


def cell_ref(sheet: str, row: int, col: int) -> str:
    """(``Data``, 12, 6) -> ``Data!F12``."""
    return f"{sheet}!{column_letter(col)}{row}"


_PERCENT_IDS = frozenset({9, 10})  # Excel's built-in 0% and 0.00%

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def shows_percent(code: str) -> bool:
    """Whether a number format shows a percent: a ``%`` outside quotes, escapes and
    brackets (``0.0%``, ``#,##0.00" %"`` does not multiply)."""
    return "%" in _QUOTED.sub("", code)
