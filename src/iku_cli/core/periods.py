"""Quarters (triwulan) TW1..TW4 and the year-to-date rules that go with them."""

from __future__ import annotations

from typing import Literal, TypeGuard

Period = Literal["TW1", "TW2", "TW3", "TW4"]
PERIODS: tuple[Period, ...] = ("TW1", "TW2", "TW3", "TW4")
FINAL: Period = "TW4"


def is_period(value: object) -> TypeGuard[Period]:
    return value in PERIODS


def parse_period(value: object) -> Period | None:
    """``TW1``, ``tw 1``, ``Triwulan I``, ``1``, ``Q1`` -> ``TW1``; None when not a period."""
    if value is None:
        return None
    text = str(value).strip().upper().replace(" ", "").replace("-", "")
    if text.endswith(".0"):
        text = text[:-2]
    for prefix in ("TRIWULAN", "TW", "Q"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    roman = {"I": "1", "II": "2", "III": "3", "IV": "4"}
    text = roman.get(text, text)
    candidate = f"TW{text}"
    return candidate if is_period(candidate) else None


def index(period: Period) -> int:
    """1 for TW1 .. 4 for TW4."""
    return PERIODS.index(period) + 1


def up_to(period: Period) -> tuple[Period, ...]:
    """The periods from TW1 through ``period``."""
    return PERIODS[: index(period)]
