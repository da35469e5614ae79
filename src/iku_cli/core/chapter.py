"""Chapter III of the LKjIP as data (pure: no files, no printing).

:func:`build_chapter` turns the recap of a year (the compute core's figures for that
year and every earlier catalogue year found, the catalogue's baseline, end target,
benchmark, programmes and budgets, and the bureaus' ``Analisis`` sheets) into a
:class:`Chapter`; :mod:`iku_cli.outputs.lkjip` only lays it out in Word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .catalogue import Budget, Catalogue
from .periods import Period
from .recap import AnalysisRow, Recap, build_recap
from .result import OverallResult, Reason
from .submission import Collection

# the bureau's texts quoted in the chapter, in this order (Bukti dukung stays in the recap)
QUOTED = ("supporting", "obstacles", "actions")


@dataclass(frozen=True, slots=True)
class Quote:
    """One of the bureau's texts and where it stands; ``text`` None: left blank."""

    name: str  # one of QUOTED
    text: str | None
    source: str | None  # "2025-TW4-biro-pod.xlsx, Analisis!C7"


@dataclass(slots=True)
class IndicatorPart:
    number: int  # within its goal, from 1
    owner: str
    status: str | None
    reason: Reason | None  # why it is not assessed, when it is not
    row: AnalysisRow
    quotes: list[Quote]


@dataclass(slots=True)
class GoalPart:
    code: str
    statement: str
    achievement: Decimal | None
    category: str | None
    assessed: int
    total: int
    indicators: list[IndicatorPart]
    budget: Budget | None  # the catalogue's budget for the year
    efficiency: Decimal | None  # achievement minus absorption, in points


@dataclass(frozen=True, slots=True)
class SourceFile:
    file: str
    sha256: str


@dataclass(slots=True)
class Chapter:
    organisation: str
    year: int
    period: Period
    provisional: bool
    final: bool  # TW4, every due workbook present, no error (as the recap says)
    overall: OverallResult
    categories: tuple[str, ...]
    earlier_years: list[int]  # catalogue years before ``year`` with data, oldest first
    final_year: int
    goals: list[GoalPart]
    sources: list[SourceFile]
    catalogue_sha256: str
    catalogue_file: str
    findings: int = 0  # error findings while reading
    notes: list[str] = field(default_factory=list)

    @property
    def budgets(self) -> list[GoalPart]:
        """Goals with a budget for the year (table B. Realisasi Anggaran)."""
        return [g for g in self.goals if g.budget is not None]


def build_chapter(
    catalogue: Catalogue, collection: Collection, year: int, period: Period | str | None = None
) -> Chapter:
    """Chapter III for ``year`` (at its latest quarter unless ``period``); raises IkuError
    as :func:`build_recap` does (unknown year, no workbook for the year)."""
    return chapter_from_recap(build_recap(catalogue, collection, year, period))


def chapter_from_recap(recap: Recap) -> Chapter:
    result = recap.result
    catalogue = recap.catalogue
    rows = {row.code: row for row in recap.analysis}
    goals: list[GoalPart] = []
    for goal in catalogue.goals:
        parts: list[IndicatorPart] = []
        for indicator in catalogue.indicators:
            if indicator.goal != goal.code or indicator.code not in rows:
                continue
            row = rows[indicator.code]
            item = result.indicator(indicator.code)
            parts.append(
                IndicatorPart(
                    number=len(parts) + 1,
                    owner=indicator.owner,
                    status=item.status if item else None,
                    reason=item.reason if item else None,
                    row=row,
                    quotes=_quotes(row),
                )
            )
        figures = result.goal(goal.code)
        budget = goal.budget.get(result.year)
        achieved = figures.achievement if figures else None
        absorption = budget.absorption if budget else None
        efficiency = (
            achieved - absorption if achieved is not None and absorption is not None else None
        )
        goals.append(
            GoalPart(
                code=goal.code,
                statement=goal.statement,
                achievement=achieved,
                category=figures.category if figures else None,
                assessed=figures.assessed if figures else 0,
                total=figures.total if figures else len(parts),
                indicators=parts,
                budget=budget,
                efficiency=efficiency,
            )
        )
    earlier = [h.year for h in recap.trend_heads if h.year < result.year and h.period is not None]
    return Chapter(
        organisation=result.organisation,
        year=result.year,
        period=result.period,
        provisional=result.provisional,
        final=recap.final,
        overall=result.overall,
        categories=result.categories,
        earlier_years=earlier,
        final_year=max(catalogue.years),
        goals=goals,
        sources=_sources(recap),
        catalogue_sha256=catalogue.sha256,
        catalogue_file=catalogue.path,
        findings=sum(1 for f in recap.findings if f.is_error),
    )


def _quotes(row: AnalysisRow) -> list[Quote]:
    out = []
    for name in QUOTED:
        narrative = row.narrative
        text = narrative.text(name) if narrative else None
        where = narrative.source(name) if narrative else None
        source = f"{row.narrative_file}, {where}" if where and row.narrative_file else None
        out.append(Quote(name, text.strip() if text and text.strip() else None, source))
    return out


def _sources(recap: Recap) -> list[SourceFile]:
    """Every workbook behind a figure of the chapter (this year's and earlier years'),
    with its sha256, by file name."""
    seen: dict[str, str] = {}
    for sub in recap.result.submissions:
        seen.setdefault(sub.file, sub.sha256)
    for row in recap.sources:
        if row.sha256 is not None:
            seen.setdefault(row.file, row.sha256)
    return [SourceFile(f, s) for f, s in sorted(seen.items())]


__all__ = [
    "QUOTED",
    "Chapter",
    "GoalPart",
    "IndicatorPart",
    "Quote",
    "SourceFile",
    "build_chapter",
    "chapter_from_recap",
]
