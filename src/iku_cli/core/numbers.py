"""Numbers typed as text, read the Indonesian way (``1.234,5``, ``Rp 1.234.567``, ``85 %``).

Indonesian writes ``.`` between thousands and ``,`` before decimals; English
the other way round. A text is read as English only where the Indonesian
reading is impossible, so the two ambiguous shapes go the Indonesian way:

- ``1.234`` (one dot, then exactly three digits, no leading zero) is 1234;
- ``1,234`` (one comma) is 1.234.

``1,234.5`` and ``1,234,567`` (impossible in Indonesian) are read as English;
``1.5`` and ``0.123`` (not a thousands grouping) have a decimal point. A text
that fits neither reading (``1.2.3``, ``12/05/2024``, ``dua belas``) is not a
number. The reader reports every number it read from text, with the value it
read, so a surprising reading is seen where it happened.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..i18n import Lang

MAX_TEXT = 64  # longer text is no number anybody typed

# what people type for "nothing to report"
_DASHES = "-‐‑‒–—―−"
_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u200b\u3000\t"
_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_MONEY_TAIL = re.compile(r"\s*[.,]\s*[-–—]+$")  # "Rp 1.000,-"
_PERCENT = re.compile(r"\s*%$")
_CORE = re.compile(r"^[0-9.,]*[0-9][0-9.,]*$")
_SPACED = re.compile(r"^[0-9]{1,3}(?: [0-9]{3})+(?:[.,][0-9]+)?$")
_EXPONENT = re.compile(r"^[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]{1,2}$")


class NotANumber(ValueError):
    """Text that is neither a number nor a mark for "missing"."""


def is_missing_mark(text: str) -> bool:
    """Empty, or only dashes: the value is missing."""
    stripped = _clean(text)
    return not stripped or all(ch in _DASHES for ch in stripped.replace(" ", ""))


def parse_number(text: str) -> Decimal | None:
    """The number ``text`` means; None when it marks a missing value; raises NotANumber."""
    s = _clean(text)
    if not s or all(ch in _DASHES for ch in s.replace(" ", "")):
        return None
    if len(s) > MAX_TEXT:
        raise NotANumber(text)
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    s, sign = _sign(s)
    negative ^= sign
    rest = _CURRENCY.sub("", s)
    if rest != s:
        rest, sign = _sign(rest)
        negative ^= sign
    s = _PERCENT.sub("", _MONEY_TAIL.sub("", rest)).strip()
    if not s and rest != text.strip():
        return None  # "Rp -", "Rp", "%": a unit with no number
    value = _unsigned(s)
    if value is None:
        raise NotANumber(text)
    return -value if negative else value


def _clean(text: str) -> str:
    for space in _SPACES:
        text = text.replace(space, " ")
    return " ".join(text.split())


def _sign(s: str) -> tuple[str, bool]:
    if s[:1] in _DASHES:
        return s[1:].strip(), True
    if s[:1] == "+":
        return s[1:].strip(), False
    return s, False


def _unsigned(s: str) -> Decimal | None:
    if _SPACED.match(s):
        # "1 234 567,5": spaces group thousands; what follows is a decimal part
        head, _, tail = s.replace(" ", "").replace(".", ",").partition(",")
        return _decimal(head, tail)
    if _EXPONENT.match(s):
        return _decimal_text(s)
    if not _CORE.match(s):
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        point = "." if s.rfind(".") > s.rfind(",") else ","
        group = "," if point == "." else "."
        head, _, tail = s.rpartition(point)
        if group not in head or point in head or group in tail:
            return None
        return _decimal(_grouped(head, group), tail)
    if commas:
        if commas == 1:
            head, _, tail = s.partition(",")
            return _decimal(head, tail)
        return _decimal(_grouped(s, ","), "")
    if dots > 1:
        return _decimal(_grouped(s, "."), "")
    if dots == 1:
        grouped = _grouped(s, ".")
        if grouped is not None:
            return _decimal(grouped, "")
        head, _, tail = s.partition(".")
        return _decimal(head, tail)
    return _decimal(s, "")


def _grouped(s: str, separator: str) -> str | None:
    """``1.234.567`` -> ``1234567`` when the groups are thousands groups, else None."""
    groups = s.split(separator)
    first, others = groups[0], groups[1:]
    if not others or not 1 <= len(first) <= 3 or not first.isdigit():
        return None
    if first.startswith("0"):
        return None
    if not all(len(g) == 3 and g.isdigit() for g in others):
        return None
    return "".join(groups)


def _decimal(head: str | None, tail: str) -> Decimal | None:
    if head is None:
        return None
    if not head and not tail:
        return None
    if (head and not head.isdigit()) or (tail and not tail.isdigit()):
        return None
    return _decimal_text(f"{head or '0'}.{tail}" if tail else head)


def _decimal_text(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


_TO_ID = str.maketrans(",.", ".,")


def plain(value: Decimal, lang: Lang = "id") -> str:
    """A Decimal as people write it, exactly (no rounding, no exponent, no trailing zeros):
    ``1.234.567,5`` in Indonesian, ``1,234,567.5`` in English."""
    if not value.is_finite():
        return str(value)
    # the grouping and the exact digits from format() itself (C); a finding's message
    # writes two numbers, and a large run has ten thousand findings
    text = format(value, ",f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.translate(_TO_ID) if lang == "id" else text


__all__ = ["MAX_TEXT", "NotANumber", "is_missing_mark", "parse_number", "plain"]
