"""Text from submissions made safe for spreadsheet outputs (CSV and xlsx).

A cell in a CSV file that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is taken for a formula by Excel and LibreOffice when the file
is opened (OWASP, "CSV injection"). Whatever a bureau typed must reach the
auditor as the text it is, never as something that runs.

- CSV: such text gets an apostrophe in front (:func:`neutralise`); Excel and
  LibreOffice then show the text as typed, without the apostrophe.
- xlsx: text is always written as a string cell (never a formula) and such
  text also gets Excel's quote prefix style (see ``outputs/recap/``), so it
  stays text even when the cell is edited.
- JSON is data, read by programs: nothing is changed there.

Text shown on a terminal goes through :func:`printable`: a cell holding
``ESC ]0;...`` would otherwise retitle, clear or recolour the user's terminal
(terminal escape injection), and bidirectional overrides can make ``100`` look
like ``001``.
"""

from __future__ import annotations

import re

# what spreadsheet programs take for the start of a formula (OWASP's CSV-injection list)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """True for text a spreadsheet would take for a formula when typed or imported."""
    return text.startswith(FORMULA_START)


def neutralise(text: str) -> str:
    """``text``, with an apostrophe in front when a spreadsheet would run it."""
    return "'" + text if text.startswith(FORMULA_START) else text


def neutralise_value(value: object) -> object:
    """A CSV field: text neutralised; numbers, booleans and empty values as they are."""
    return neutralise(value) if isinstance(value, str) else value


# C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character (escape sequences' start included) as ``?``."""
    return _UNPRINTABLE.sub("?", text) if _UNPRINTABLE.search(text) else text


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character :func:`printable` would replace."""
    return _UNPRINTABLE.search(text) is not None


__all__ = [
    "FORMULA_START",
    "has_control",
    "is_formula_like",
    "neutralise",
    "neutralise_value",
    "printable",
]
