"""A cell as read: the number a value cell holds (and what to say about it), a cell as text."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from ..core.findings import Severity
from ..core.numbers import NotANumber, parse_number
from .workbook import CellError, NoResult, Percent, Value, is_error_text

# A value this large is a typing or pasting mistake (Excel keeps 15 digits), and
# left in, its products would grow past what any later step can show.
MAX_VALUE = Decimal(10) ** 15


# A value's finding as read: (severity, code, params); bind adds where it stands and
# which indicator and input it is.
_Said = tuple[Severity, str, dict[str, object]]


def text_of(value: Value) -> str:
    """A cell value as the text a person would read in it."""
    if value is None:
        return ""
    if value.__class__ is str:
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


def _value(value: Value) -> tuple[Decimal | None, str | None, _Said | None]:
    """The number a value cell holds; None with the problem (a finding code) when it
    holds none; and what to say about it (value-as-text says the number read)."""
    if value is None:
        return None, None, None
    # the common case first: a number typed as a number (a tuple, not int | float:
    # the union is made anew on every call, which doubled the time of this test)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value.__class__ is Percent:
            return _percent(value)
        number = _decimal(value)
        if number is not None and abs(number) < MAX_VALUE:
            return number, None, None
    if isinstance(value, CellError):
        return _unreadable("cell-error", error=value.text)
    if isinstance(value, NoResult):
        return _unreadable("formula-without-result", formula=str(value))
    if isinstance(value, bool | date | time | timedelta):
        text = text_of(value) if not isinstance(value, timedelta) else str(value)
        return _unreadable("value-not-a-number", text=text)
    if isinstance(value, int | float):
        number = _decimal(value)
        if number is None:
            return _unreadable("value-not-a-number", text=str(value))
        if abs(number) >= MAX_VALUE:
            return _too_large(text_of(value))
        return number, None, None
    text = str(value)
    if is_error_text(text):
        return _unreadable("cell-error", error=text.strip())
    try:
        number = parse_number(text)
    except NotANumber:
        shown = text.strip()
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        return _unreadable("value-not-a-number", text=shown)
    if number is None:
        return None, None, None
    if abs(number) >= MAX_VALUE:
        return _too_large(text.strip()[:40])
    return number, None, ("warning", "value-as-text", {"text": text.strip(), "value": number})


def _percent(value: float) -> tuple[Decimal | None, str | None, _Said | None]:
    """A number in a percent format (``82%`` typed: 0.82 stored) read as the clerk saw it,
    82, the same as the text ``'82%'``, with a warning stating both."""
    stored = _decimal(float(value))
    if stored is None:
        return _unreadable("value-not-a-number", text=repr(float(value)))
    number = (stored * 100).normalize()
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    if abs(number) >= MAX_VALUE:
        return _too_large(f"{number}%")
    stored_text = format(stored.normalize(), "f").replace(".", ",")
    shown = format(number, "f").replace(".", ",")
    params = {"stored": stored_text, "shown": f"{shown}%", "value": number}
    return number, None, ("warning", "value-percent-format", params)


def _unreadable(code: str, **params: object) -> tuple[None, str, _Said]:
    return None, code, ("error", code, params)


def _too_large(text: str) -> tuple[None, str, _Said]:
    return _unreadable("value-too-large", text=text, limit=f"{MAX_VALUE:,.0f}".replace(",", "."))


def _decimal(value: int | float) -> Decimal | None:
    if value.__class__ is int:
        return Decimal(value)  # already whole, and as exact as the cell
    if value.__class__ is float and value.is_integer() and -1e15 < value < 1e15:
        # a whole number of at most 15 digits: exactly what the 15 digits below give,
        # without the text in between (0.2 us instead of 1.3)
        return Decimal(int(value))
    try:
        # a spreadsheet keeps 15 significant digits: 0.1 * 120 is 12, not 12.000000000000002
        number = Decimal(value) if isinstance(value, int) else Decimal(f"{value:.15g}")
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    # 12.0 from a spreadsheet is the whole number 12
    return Decimal(int(number)) if number == number.to_integral_value() else number


def _narrative_text(value: Value) -> str | None:
    """A narrative cell as plain text, stripped; None when blank (or only a dash)."""
    if value is None or isinstance(value, CellError | NoResult):
        return None
    text = text_of(value).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return None if text in {"", "-", "\u2013", "\u2014"} else text


__all__ = ["MAX_VALUE", "text_of"]
