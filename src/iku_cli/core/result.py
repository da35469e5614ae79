"""What ``iku compute`` gives: per indicator, per goal and overall figures, with provenance.

Plain data built by :func:`iku_cli.core.figures.compute`. ``to_dict`` is the JSON
shape pinned by DESIGN section 8; ``to_frame`` the same indicators as a pandas
DataFrame. Text (reasons, finding messages) is rendered only on the way out,
in the language asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, Literal

from ..i18n import Lang, t
from .findings import Finding
from .periods import Period
from .submission import skipped_files

if TYPE_CHECKING:
    import pandas

SCHEMA = "iku.result/1"

Status = Literal["ok", "incomplete", "missing", "not_assessed", "invalid", "not_due"]
STATUSES: tuple[Status, ...] = ("ok", "incomplete", "missing", "not_assessed", "invalid", "not_due")

# how the achievement was worked out from value and target
Method = Literal["ratio", "two_minus_ratio", "target_over_realisation"]

# before TW4, an indicator without a quarterly target: on pace for the year's or not
Progress = Literal["on_track", "behind"]
PROGRESSES: tuple[Progress, ...] = ("on_track", "behind")

# where the target compared with comes from: the year's, the quarter's as written,
# or the year's x the catalogue's quarterly profile
TargetBasis = Literal["year", "quarter", "profile"]

# the scalar columns of an indicator, in order: CSV header and DataFrame columns
COLUMNS: tuple[str, ...] = (
    "year",
    "period",
    "provisional",
    "code",
    "goal",
    "name",
    "owner",
    "unit",
    "value",
    "target",
    "achievement",
    "category",
    "status",
    "reason",
)

_CENT = Decimal("0.01")


def rounded(value: Decimal | None) -> Decimal | None:
    """Half-up to 2 places (never Python's round, which rounds half to even)."""
    if value is None:
        return None
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def json_number(value: Decimal | None, places: int | None = 2) -> int | float | None:
    """A Decimal as a JSON number, rounded half-up to ``places`` (None: as it is)."""
    if value is None:
        return None
    if places is not None:
        quantum = _CENT if places == 2 else Decimal(1).scaleb(-places)  # 2: nearly always
        value = value.quantize(quantum, rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a figure is not a plain ``ok``: a stable code and its parameters.

    The text comes from :mod:`iku_cli.i18n` under ``reason.<code>``.
    """

    code: str
    params: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def text(self, lang: Lang = "id") -> str:
        return t(f"reason.{self.code}", lang, **self.params)


@dataclass(frozen=True, slots=True)
class InputUsed:
    """One input of an indicator as used, with where it was read."""

    name: str
    label: str
    value: Decimal | None  # None: not reported, empty or "-"
    file: str | None
    sheet: str | None
    cell: str | None
    note: str | None = None

    def location(self) -> str:
        """``file: Data!F5`` or what part of it is known."""
        where = f"{self.sheet}!{self.cell}" if self.sheet and self.cell else ""
        if self.file and where:
            return f"{self.file}: {where}"
        return self.file or where

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "value": json_number(self.value, None),
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
        }


@dataclass(frozen=True, slots=True)
class ComponentPart:
    """One component of a composite indicator: its percentage and weighted share."""

    label: str
    weight: Decimal
    numerator: Decimal | None
    denominator: Decimal | None
    percent: Decimal | None  # numerator / denominator x 100
    weighted: Decimal | None  # weight x percent


@dataclass(slots=True)
class IndicatorResult:
    """One indicator at the chosen year and period, with every intermediate step."""

    code: str
    goal: str
    name: str
    owner: str
    unit: str
    form: str
    frequency: str
    polarity: str
    status: Status
    reason: Reason | None = None
    value: Decimal | None = None
    target: Decimal | None = None
    achievement: Decimal | None = None  # raw, never capped or floored
    # what goes into averages: the cap and floor applied; None when it takes no part
    # (not assessed, or a provisional figure before TW4 without a quarterly target)
    capped: Decimal | None = None
    category: str | None = None  # the band; None while the figure is only a progress
    progress: Progress | None = None  # before TW4 without a quarterly target
    target_basis: TargetBasis | None = None
    # the quarterly profile's share (percent of the year's target) behind a ``profile``
    # target, or the pace a ``progress`` was judged by
    target_share: Decimal | None = None
    method: Method | None = None
    file: str | None = None  # the submission the value came from
    inputs: list[InputUsed] = field(default_factory=list)
    numerator: Decimal | None = None  # ratio form
    denominator: Decimal | None = None
    factor: Decimal | None = None
    components: list[ComponentPart] = field(default_factory=list)
    realisations: dict[Period, Decimal | None] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # those that touched it

    @property
    def assessed(self) -> bool:
        return self.status == "ok" and self.achievement is not None

    def row(self, lang: Lang = "id") -> dict[str, Any]:
        """The scalar columns (numbers rounded half-up to 2 places)."""
        return {
            "code": self.code,
            "goal": self.goal,
            "name": self.name,
            "owner": self.owner,
            "unit": self.unit,
            "value": json_number(self.value),
            "target": json_number(self.target, None),
            "achievement": json_number(self.achievement),
            "category": self.category,
            "status": self.status,
            "reason": self.reason.text(lang) if self.reason else None,
        }

    def to_dict(self, lang: Lang = "id") -> dict[str, Any]:
        data = self.row(lang)
        data.update(
            reason_code=self.reason.code if self.reason else None,
            achievement_capped=json_number(self.capped),
            progress=self.progress,
            target_basis=self.target_basis,
            target_share=json_number(self.target_share, None),
            form=self.form,
            frequency=self.frequency,
            polarity=self.polarity,
            file=self.file,
            realisations={p: json_number(v) for p, v in self.realisations.items()},
            inputs=[i.to_dict() for i in self.inputs],
        )
        return data


@dataclass(slots=True)
class GoalResult:
    code: str
    statement: str
    achievement: Decimal | None
    category: str | None
    assessed: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "statement": self.statement,
            "achievement": json_number(self.achievement),
            "category": self.category,
            "assessed": self.assessed,
            "total": self.total,
        }


@dataclass(frozen=True, slots=True)
class Mean:
    """One way of averaging: its figure, band and how many figures it rests on."""

    achievement: Decimal | None
    category: str | None
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "achievement": json_number(self.achievement),
            "category": self.category,
            "count": self.count,
        }


OverallMethod = Literal["goals", "indicators"]


@dataclass(slots=True)
class OverallResult:
    """The overall figure by the catalogue's ``achievement.overall`` method (the mean of
    the goals' means, or of all indicators); ``assessed``/``total`` count indicators."""

    achievement: Decimal | None
    category: str | None
    assessed: int
    total: int
    goals_assessed: int
    goals_total: int
    method: OverallMethod = "goals"
    by_goals: Mean | None = None
    by_indicators: Mean | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "achievement": json_number(self.achievement),
            "category": self.category,
            "assessed": self.assessed,
            "total": self.total,
            "goals_assessed": self.goals_assessed,
            "goals_total": self.goals_total,
            "method": self.method,
            "by_goals": self.by_goals.to_dict() if self.by_goals else None,
            "by_indicators": self.by_indicators.to_dict() if self.by_indicators else None,
        }


@dataclass(frozen=True, slots=True)
class SubmissionRef:
    owner: str | None
    year: int | None
    period: Period | None
    file: str
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "year": self.year,
            "period": self.period,
            "file": self.file,
            "sha256": self.sha256,
        }


@dataclass(frozen=True, slots=True)
class MissingSubmission:
    owner: str
    period: Period

    def to_dict(self) -> dict[str, Any]:
        return {"owner": self.owner, "period": self.period}


@dataclass(frozen=True, slots=True)
class Choice:
    """Which year and period were used, and why (``reason.<code>`` texts)."""

    year: Reason
    period: Reason

    def text(self, lang: Lang = "id") -> str:
        return f"{self.year.text(lang)}; {self.period.text(lang)}"


@dataclass(slots=True)
class Result:
    """Everything ``iku compute`` found for one year and period."""

    organisation: str
    year: int
    period: Period
    provisional: bool
    catalogue_sha256: str
    choice: Choice
    indicators: list[IndicatorResult]
    goals: list[GoalResult]
    overall: OverallResult
    submissions: list[SubmissionRef]
    missing_submissions: list[MissingSubmission]
    findings: list[Finding]
    categories: tuple[str, ...] = ()  # the scale's labels, highest first
    files_read: int = 0
    skipped: list[str] = field(default_factory=list)
    schema: str = SCHEMA

    def indicator(self, code: str) -> IndicatorResult | None:
        return next((i for i in self.indicators if i.code == code), None)

    def goal(self, code: str) -> GoalResult | None:
        return next((g for g in self.goals if g.code == code), None)

    @property
    def errors(self) -> int:
        """How many error findings reading and checking gave."""
        return sum(1 for f in self.findings if f.is_error)

    def count(self, status: Status) -> int:
        return sum(1 for i in self.indicators if i.status == status)

    def note(self, lang: Lang = "id") -> str:
        """Which year and period were used and why, and whether the figures are provisional."""
        chosen = t("compute.chosen", lang, choice=self.choice.text(lang))
        key = "compute.provisional" if self.provisional else "compute.final"
        return f"{chosen} {t(key, lang, year=self.year, period=self.period)}"

    def rows(self, lang: Lang = "id") -> list[dict[str, Any]]:
        """One dict per indicator with the scalar columns (``COLUMNS``)."""
        head = {"year": self.year, "period": self.period, "provisional": self.provisional}
        return [{**head, **i.row(lang)} for i in self.indicators]

    def to_dict(self, lang: Lang = "id") -> dict[str, Any]:
        """The JSON document pinned by DESIGN section 8 (and a few more keys)."""
        return {
            "schema": self.schema,
            "organisation": self.organisation,
            "year": self.year,
            "period": self.period,
            "provisional": self.provisional,
            "catalogue_sha256": self.catalogue_sha256,
            "chosen_because": self.choice.text(lang),
            "indicators": [i.to_dict(lang) for i in self.indicators],
            "goals": [g.to_dict() for g in self.goals],
            "overall": self.overall.to_dict(),
            "submissions": [s.to_dict() for s in self.submissions],
            "missing_submissions": [m.to_dict() for m in self.missing_submissions],
            "findings": [f.to_dict(lang) for f in self.findings],
            "skipped_files": skipped_files(self.skipped),
        }

    def to_frame(self, lang: Lang = "id") -> pandas.DataFrame:
        """One row per indicator, the JSON indicator's scalar columns plus year and period."""
        import pandas

        return pandas.DataFrame(self.rows(lang), columns=list(COLUMNS))
