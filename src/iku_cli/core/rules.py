"""The SAKIP rules applied to one figure (docs/rules.md): achievement by polarity, the
category band, cap and floor, a quarter's target, the mean of achievements.

Pure: numbers in, numbers out, in the formulas' arithmetic (28 digits, half-up).
:mod:`iku_cli.core.figures` applies them to every indicator, goal and the whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from . import formula
from .catalogue import AchievementSettings, Indicator
from .periods import FINAL, Period
from .result import Method, Reason, TargetBasis, rounded

HUNDRED = Decimal(100)
TWO = Decimal(2)
# The formulas' arithmetic (28 digits, half-up) done through the context's methods:
# entering decimal.localcontext(formula.CONTEXT) instead costs 1 us, and a 1,000-file
# run did so 4,000 times. A copy, so that the flags its operations raise stay here.
ARITHMETIC = formula.CONTEXT.copy()


def achievement(
    value: Decimal, target: Decimal, polarity: str, settings: AchievementSettings
) -> tuple[Decimal | None, Method, Reason | None]:
    """Raw achievement in percent, the method used, and why there is none when so."""
    method: Method = "ratio" if polarity == "positive" else settings.negative_formula
    if target == 0:
        return None, method, Reason("target-zero", {})
    if method == "ratio":
        return ARITHMETIC.multiply(ARITHMETIC.divide(value, target), HUNDRED), method, None
    if method == "two_minus_ratio":
        share = ARITHMETIC.divide(value, target)
        return ARITHMETIC.multiply(ARITHMETIC.subtract(TWO, share), HUNDRED), method, None
    if value == 0:
        return None, method, Reason("value-zero", {})
    return ARITHMETIC.multiply(ARITHMETIC.divide(target, value), HUNDRED), method, None


def category(value: Decimal | None, settings: AchievementSettings) -> str | None:
    """The band label; judged on the figure as shown (half-up to 2 places) so that
    the category never disagrees with the number printed beside it."""
    shown = rounded(value)
    if shown is None:
        return None
    band = settings.band(shown)
    return band.label if band else None


def capped(value: Decimal | None, settings: AchievementSettings) -> Decimal | None:
    if value is None or settings.cap is None:
        return value
    return min(value, settings.cap)


def bounded(value: Decimal | None, settings: AchievementSettings) -> Decimal | None:
    """What an achievement brings into averages: at most ``cap``, at least ``floor``."""
    value = capped(value, settings)
    if value is None or settings.floor is None:
        return value
    return max(value, settings.floor)


def quarter_target(
    indicator: Indicator, year: int, period: Period, settings: AchievementSettings
) -> tuple[Decimal | None, TargetBasis | None, Decimal | None]:
    """The target to compare with at ``period``, where it comes from, and (for a figure
    that is only provisional) the pace: the achievement against the year's target
    expected by then, in percent.

    A target written per quarter wins. Otherwise, before TW4, a quarterly indicator
    follows its ``quarterly_target``: ``year`` compares with the year's target,
    ``profile`` with the year's x the catalogue's quarterly profile, ``provisional``
    with the year's, as a pace (on track or behind) rather than a band.
    """
    target = indicator.target(year, period)
    if target is None:
        return None, None, None
    if indicator.has_quarterly_targets(year):
        return target, "quarter", None
    mode = indicator.quarterly_target
    if period == FINAL or indicator.frequency != "quarterly" or mode == "year":
        return target, "year", None
    share = (settings.quarterly_profile or {}).get(period)
    if mode == "profile":
        if share is None:  # no profile in the catalogue: only the year's target is known
            return target, "year", None
        return ARITHMETIC.divide(ARITHMETIC.multiply(target, share), HUNDRED), "profile", share
    # provisional: judged against the year's target at the profile's pace
    return target, "year", share


def mean(values: Sequence[Decimal]) -> Decimal | None:
    if not values:
        return None
    total = Decimal(0)
    for value in values:
        total = ARITHMETIC.add(total, value)
    return ARITHMETIC.divide(total, len(values))


__all__ = [
    "ARITHMETIC",
    "HUNDRED",
    "TWO",
    "achievement",
    "bounded",
    "capped",
    "category",
    "mean",
    "quarter_target",
]
