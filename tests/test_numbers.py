"""Numbers typed as text, read the Indonesian way."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iku_cli.core.numbers import NotANumber, is_missing_mark, parse_number, plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", "12"),
        (" 12 ", "12"),
        ("1.234,5", "1234.5"),
        ("1.234.567", "1234567"),
        ("Rp 1.234.567.890", "1234567890"),
        ("Rp1.234.567,00", "1234567"),
        ("Rp. 5.000", "5000"),
        ("Rp 150.000,-", "150000"),
        ("IDR 2.500", "2500"),
        ("85%", "85"),
        ("85,5 %", "85.5"),
        ("0,5", "0.5"),
        (",5", "0.5"),
        ("1,234.5", "1234.5"),  # English, unambiguous: both separators
        ("1,234,567", "1234567"),  # English thousands: impossible in Indonesian
        ("1.5", "1.5"),  # not a thousands group: a decimal point
        ("0.123", "0.123"),  # a group never starts with 0
        ("2024.5", "2024.5"),
        ("1 234 567", "1234567"),
        ("1\u00a0234,5", "1234.5"),
        ("-1.234,5", "-1234.5"),
        ("−7", "-7"),
        ("(1.000)", "-1000"),
        ("+3", "3"),
        ("1e3", "1000"),
    ],
)
def test_reads_numbers(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize(("text", "expected"), [("1.234", "1234"), ("1,234", "1.234")])
def test_ambiguous_shapes_go_the_indonesian_way(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "   ", "-", "—", "–", "--", "Rp -", "Rp"])
def test_missing_marks(text: str) -> None:
    assert parse_number(text) is None


def test_is_missing_mark() -> None:
    assert is_missing_mark(" — ")
    assert not is_missing_mark("0")


@pytest.mark.parametrize(
    "text",
    ["dua belas", "nihil", "1.2.3", "12/05/2024", "1.234,5.6", "1,2,3", "%", "12 5", "1" * 80,
     "abc12", "1.23.456", "1,234.5,6", "Rp 1.000 juta"],
)  # fmt: skip
def test_words_are_not_numbers(text: str) -> None:
    with pytest.raises(NotANumber):
        parse_number(text)


def test_plain_writes_exactly() -> None:
    assert plain(Decimal("1234567.50")) == "1.234.567,5"
    assert plain(Decimal("1234567.50"), "en") == "1,234,567.5"
    assert plain(Decimal("-0.001")) == "-0,001"
    assert plain(Decimal("1E+3")) == "1.000"
    assert plain(Decimal("0")) == "0"


def _indonesian(value: Decimal, grouped: bool) -> str:
    """A Decimal written by hand the Indonesian way, with or without thousands dots."""
    text = format(value, "f")
    sign = "-" if text.startswith("-") else ""
    head, _, tail = text.lstrip("-").partition(".")
    if grouped:
        head = f"{int(head):,}".replace(",", ".")
    return sign + head + ("," + tail if tail else "")


_decimals = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=4, allow_nan=False
)


@given(_decimals, st.booleans())
def test_indonesian_text_reads_back_equal(value: Decimal, grouped: bool) -> None:
    assert parse_number(_indonesian(value, grouped)) == value


@given(_decimals)
def test_plain_reads_back_equal(value: Decimal) -> None:
    assert parse_number(plain(value)) == value


@given(st.decimals(min_value=Decimal(1000), max_value=Decimal("1e12"), places=2))
def test_english_with_both_separators_reads_back_equal(value: Decimal) -> None:
    if value == value.to_integral_value():
        value += Decimal("0.5")
    assert parse_number(f"{value:,}") == value


@given(st.text(max_size=30))
def test_any_text_is_a_number_missing_or_refused(text: str) -> None:
    try:
        result = parse_number(text)
    except NotANumber:
        return
    assert result is None or result.is_finite()
