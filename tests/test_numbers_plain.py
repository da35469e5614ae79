"""``plain``: a Decimal written exactly, the Indonesian or the English way."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iku_cli.core.numbers import plain


@pytest.mark.parametrize(
    ("text", "id_", "en"),
    [
        ("1234567.5", "1.234.567,5", "1,234,567.5"),
        ("1234567.50", "1.234.567,5", "1,234,567.5"),
        ("100", "100", "100"),
        ("1E+3", "1.000", "1,000"),
        ("1.50E+3", "1.500", "1,500"),
        ("0.000", "0", "0"),
        ("-0.00", "0", "0"),
        ("-0.5", "-0,5", "-0.5"),
        ("-1234.0100", "-1.234,01", "-1,234.01"),
        ("0.0001", "0,0001", "0.0001"),
        ("1E-7", "0,0000001", "0.0000001"),
        ("Infinity", "Infinity", "Infinity"),
    ],
)
def test_written_as_people_write_it(text: str, id_: str, en: str) -> None:
    assert plain(Decimal(text), "id") == id_
    assert plain(Decimal(text), "en") == en


def _by_hand(value: Decimal, lang: str) -> str:
    """The rule spelled out: exact digits, no trailing zeros, groups of three."""
    text = format(value, "f")
    negative = text.startswith("-")
    head, _, tail = text.lstrip("-").partition(".")
    tail = tail.rstrip("0")
    head = head.lstrip("0") or "0"
    groups = []
    while len(head) > 3:
        groups.insert(0, head[-3:])
        head = head[:-3]
    groups.insert(0, head)
    thousands, point = (".", ",") if lang == "id" else (",", ".")
    out = thousands.join(groups) + (point + tail if tail else "")
    return "-" + out if negative and out != "0" else out


@given(st.decimals(allow_nan=False, allow_infinity=False), st.sampled_from(["id", "en"]))
def test_every_finite_value_follows_the_rule(value: Decimal, lang: str) -> None:
    assert plain(value, lang) == _by_hand(value, lang)  # type: ignore[arg-type]
    # and reads back as the same number
    back = plain(value, lang).replace("." if lang == "id" else ",", "")
    assert Decimal(back.replace(",", ".")) == value
