"""The IKU catalogue's pydantic models (goals, indicators, their inputs and targets) and its limits.

The rules a catalogue must keep, and the problems they find, are in
:mod:`iku_cli.core.catalogue_checks`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from . import formula
from .periods import PERIODS, Period, parse_period

# A catalogue of a few hundred indicators has some tens of thousands of nodes, a whole
# province's (2,000 indicators) about 100,000. Nodes written in the file are bounded by
# MAX_NODES; nodes reached again through aliases by MAX_ALIAS_NODES, which an alias
# bomb ("billion laughs") passes within a fraction of a second.
MAX_NODES = 1_000_000
MAX_ALIAS_NODES = 100_000
# Numbers (targets, min, max, factor, cap, weights, band minimums) follow the rule of
# formula literals: an IKU has no use for more, and a number such as 1E+999999999
# would make every later step (Decimal arithmetic, display) slow or impossible.
MAX_DIGITS = formula.MAX_LITERAL_DIGITS
SCHEMA = 1
INPUT_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

Form = Literal["ratio", "composite", "direct"]
Polarity = Literal["positive", "negative"]
Frequency = Literal["quarterly", "annual"]
NegativeFormula = Literal["two_minus_ratio", "target_over_realisation"]
OverallMethod = Literal["goals", "indicators"]
# what a quarterly indicator's target is before TW4 when only the year's is given:
# year: the year's target holds every quarter (a rate, a share of what came in);
# profile: the year's target x the catalogue's quarterly_profile (a cumulative flow);
# provisional: none; the figure is on_track / behind, not a band, until TW4
QuarterlyTarget = Literal["year", "profile", "provisional"]
Evidence = Literal["required", "optional"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScaleBand(_Model):
    min: Decimal | None
    label: str


DEFAULT_SCALE = (
    ScaleBand(min=Decimal(91), label="Sangat Tinggi"),
    ScaleBand(min=Decimal(76), label="Tinggi"),
    ScaleBand(min=Decimal(66), label="Sedang"),
    ScaleBand(min=Decimal(51), label="Rendah"),
    ScaleBand(min=None, label="Sangat Rendah"),
)


# the share of the year's target (percent) a cumulative flow is expected to reach by
# each quarter's end, when a quarterly target is derived from the year's
LINEAR_PROFILE: dict[str, Decimal] = {
    "TW1": Decimal(25),
    "TW2": Decimal(50),
    "TW3": Decimal(75),
    "TW4": Decimal(100),
}


class AchievementSettings(_Model):
    negative_formula: NegativeFormula = "two_minus_ratio"
    cap: Decimal | None = None
    # the lowest achievement that goes into averages (a lower-is-better figure can fall
    # below 0); None: no floor. Like ``cap``, the reported achievement stays raw.
    floor: Decimal | None = Decimal(0)
    # the overall figure: the mean of the goals' means, or of all indicators
    overall: OverallMethod = "goals"
    # percent of the year's target expected by each quarter (TW1..TW4): the quarterly
    # target of an indicator with ``quarterly_target: profile``, and the pace that says
    # on_track / behind for one with ``quarterly_target: provisional``
    quarterly_profile: dict[str, Decimal] | None = Field(
        default_factory=lambda: dict(LINEAR_PROFILE)
    )
    scale: tuple[ScaleBand, ...] = DEFAULT_SCALE

    def band(self, achievement: Decimal) -> ScaleBand | None:
        """The first band (highest first) whose ``min`` the achievement reaches."""
        for band in self.scale:
            if band.min is None or achievement >= band.min:
                return band
        return None


class Budget(_Model):
    """A goal's budget for one year, in Rupiah (pagu: the ceiling; realisasi: spent)."""

    pagu: Decimal
    realisasi: Decimal | None = None

    @property
    def absorption(self) -> Decimal | None:
        """realisasi / pagu x 100 (penyerapan anggaran), None without both or with pagu 0."""
        if self.realisasi is None or not self.pagu:
            return None
        return self.realisasi / self.pagu * 100


class Goal(_Model):
    code: str
    statement: str
    note: str | None = None  # why the statement departs from the published table
    budget: dict[int, Budget] = Field(default_factory=dict)


class Baseline(_Model):
    """Kondisi awal: the value an indicator started from, and its year."""

    year: int
    value: Decimal


class Benchmark(_Model):
    """A national or provincial standard to compare with, and where it comes from."""

    value: Decimal
    source: str


class Input(_Model):
    label: str
    min: Decimal = Decimal(0)
    max: Decimal | None = None
    integer: bool = False
    unit: str | None = None
    # a flow added up from 1 January (documents issued, cases closed), which may not fall
    # from one quarter to the next; None: as ``integer`` says (see ``is_cumulative``)
    cumulative: bool | None = None

    @property
    def is_cumulative(self) -> bool:
        """Whether a fall between quarters is suspect. Unless said: whole-number inputs
        (counts of things done) are flows; amounts, indexes, levels and shares are not."""
        return self.integer if self.cumulative is None else self.cumulative


class Component(_Model):
    label: str
    weight: Decimal
    numerator: str
    denominator: str
    # the most its percentage (numerator / denominator x 100) may be; None: the indicator's max
    max: Decimal | None = None


Targets = dict[int, Decimal | dict[str, Decimal]]


class Indicator(_Model):
    code: str
    goal: str
    name: str
    unit: str
    owner: str
    frequency: Frequency = "quarterly"
    polarity: Polarity = "positive"
    inputs: dict[str, Input]
    numerator: str | None = None
    denominator: str | None = None
    factor: Decimal | None = None
    max: Decimal | None = None
    components: tuple[Component, ...] | None = None
    value: str | None = None
    targets: Targets = Field(default_factory=dict)
    quarterly_target: QuarterlyTarget = "year"
    source: str | None = None
    note: str | None = None
    baseline: Baseline | None = None
    final_target: Decimal | None = None
    benchmark: Benchmark | None = None
    programmes: tuple[str, ...] = ()
    evidence: Evidence = "optional"

    _compiled: dict[str, formula.Expression] = PrivateAttr(default_factory=dict)

    @property
    def form(self) -> Form:
        if self.components is not None:
            return "composite"
        if self.value is not None:
            return "direct"
        return "ratio"

    @property
    def effective_factor(self) -> Decimal:
        """``factor``, defaulting to 100 for a percentage and 1 otherwise."""
        if self.factor is not None:
            return self.factor
        return Decimal(100) if self.unit.strip().lower() in {"persen", "%"} else Decimal(1)

    def expression(self, key: str) -> formula.Expression:
        """A compiled expression: ``numerator``, ``denominator``, ``value`` or
        ``components.N.numerator`` / ``components.N.denominator``."""
        # from pydantic's dict of private values: through the model's __getattr__ this
        # took 2 us, and a run asks for every expression of every indicator
        private: Any = self.__pydantic_private__
        compiled: dict[str, formula.Expression] = private["_compiled"]
        return compiled[key]

    def reports_in(self, period: Period) -> bool:
        """Annual indicators are reported at TW4 only."""
        return self.frequency == "quarterly" or period == "TW4"

    def target(self, year: int, period: Period = "TW4") -> Decimal | None:
        """The target for ``year`` at ``period``: the quarter's when given, else the year's."""
        entry = self.targets.get(year)
        if entry is None or isinstance(entry, Decimal):
            return entry
        return entry.get(period)

    def has_quarterly_targets(self, year: int) -> bool:
        """Whether ``year``'s targets are given per quarter (TW1: .., TW4: ..)."""
        return isinstance(self.targets.get(year), dict)

    def final_target_for(self, years: Iterable[int]) -> Decimal | None:
        """The end-of-period target (Renstra/RPJMD): ``final_target`` when given, else
        the year's target of the last of ``years`` that has one."""
        if self.final_target is not None:
            return self.final_target
        for year in sorted(years, reverse=True):
            target = self.target(year, "TW4")
            if target is not None:
                return target
        return None


class Catalogue(_Model):
    schema_: int = Field(alias="schema")
    organisation: str
    organisation_note: str | None = None  # why the name departs from the published table
    years: tuple[int, ...]
    achievement: AchievementSettings = AchievementSettings()
    goals: tuple[Goal, ...]
    indicators: tuple[Indicator, ...]

    path: str = ""
    sha256: str = ""

    @cached_property
    def owners(self) -> tuple[str, ...]:
        """Owners in catalogue order, each once."""
        return tuple(dict.fromkeys(i.owner for i in self.indicators))

    # Lookups by code, owner and slug, built once: a run asks them for every value of
    # every file, and a province's catalogue has hundreds of indicators.
    @cached_property
    def _by_code(self) -> dict[str, Indicator]:
        index: dict[str, Indicator] = {}
        for indicator in self.indicators:
            index.setdefault(indicator.code, indicator)
        return index

    @cached_property
    def _by_owner(self) -> dict[tuple[str, Period | None], list[Indicator]]:
        index: dict[tuple[str, Period | None], list[Indicator]] = {}
        for indicator in self.indicators:
            index.setdefault((indicator.owner, None), []).append(indicator)
            for period in PERIODS:
                if indicator.reports_in(period):
                    index.setdefault((indicator.owner, period), []).append(indicator)
        return index

    @cached_property
    def _by_slug(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for owner in self.owners:
            index.setdefault(slug(owner), owner)
        return index

    def indicator(self, code: str) -> Indicator | None:
        return self._by_code.get(code)

    def final_target(self, indicator: Indicator) -> Decimal | None:
        """The indicator's end-of-period target: its ``final_target``, else the target of
        the last catalogue year that has one."""
        return indicator.final_target_for(self.years)

    def goal(self, code: str) -> Goal | None:
        return next((g for g in self.goals if g.code == code), None)

    def indicators_of(self, owner: str, period: Period | None = None) -> list[Indicator]:
        """The owner's indicators, only those reported in ``period`` when given."""
        return list(self._by_owner.get((owner, period), ()))

    def owner_by_name(self, text: str) -> str | None:
        """The catalogue owner a free-typed name means (case, spaces, slug tolerant)."""
        return self._by_slug.get(slug(text))


def slug(text: str) -> str:
    """``Biro Adpim dan Umum`` -> ``biro-adpim-dan-umum``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


Path_ = tuple[str | int, ...]


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


# Kept as written: codes (`1.10` is not the number 1.1) and expressions (`denominator: 14`).
_RAW_TEXT_KEYS = {"code", "goal", "numerator", "denominator", "value"}
# A catalogue nests 6 deep; far deeper is refused before Python's recursion limit
# (in pydantic, in copy.deepcopy) could turn it into a crash.
MAX_DEPTH = 100


def period_targets(indicator: Indicator, year: int) -> dict[Period, Decimal | None]:
    """The target at each quarter of ``year``."""
    return {p: indicator.target(year, p) for p in PERIODS}


__all__ = [
    "AchievementSettings",
    "Baseline",
    "Benchmark",
    "Budget",
    "Catalogue",
    "Component",
    "Goal",
    "Indicator",
    "Input",
    "ScaleBand",
    "format_path",
    "parse_period",
    "period_targets",
    "slug",
]
