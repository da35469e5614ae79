"""What the recap workbook shows, assembled from the compute core (pure: no files, no printing).

One :class:`Recap` holds every figure of the six sheets DESIGN section 9 pins:
the result for the chosen year and period, the year's cumulative realisation
per quarter, every catalogue year for the trend, the owner x quarter
completeness matrix and every input value behind a figure shown, with its cell.
The writer (:mod:`iku_cli.outputs.recap`) only lays it out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal

from .catalogue import Catalogue
from .errors import IkuError
from .figures import MAX_FIGURE, achievement, choose, compute
from .findings import Finding
from .periods import FINAL, PERIODS, Period, index, up_to
from .result import IndicatorResult, Result
from .submission import NARRATIVE_FIELDS, Collection, Narrative, Submission

# a figure shown (or judged not assessable) rests on its inputs: they are listed in Sumber Data
_SHOWN = ("ok", "not_assessed")

CellState = Literal["received", "errors", "duplicate", "missing", "not_required", "later"]


@dataclass(frozen=True, slots=True)
class TrendYear:
    """One catalogue year of one indicator: the figures from that year's latest quarter."""

    year: int
    period: Period | None  # the quarter the figures come from; None: no data for the year
    target: Decimal | None  # the year's target (TW4), shown even without data
    value: Decimal | None
    achievement: Decimal | None
    status: str | None


@dataclass(slots=True)
class TrendRow:
    """An indicator across the plan period, and how far it is towards the Renstra target."""

    code: str
    goal: str
    name: str
    unit: str
    years: list[TrendYear]
    final_year: int
    final_target: Decimal | None  # the Renstra (last catalogue year) target
    latest_year: int | None  # the latest year up to the recap year with a value
    latest_value: Decimal | None
    progress: Decimal | None  # latest value against the final target, as an achievement


@dataclass(frozen=True, slots=True)
class TrendHead:
    """What a year's trend columns rest on: which quarter, and whether provisional."""

    year: int
    period: Period | None
    provisional: bool


@dataclass(slots=True)
class CompletenessCell:
    """One owner's submission for one quarter of the recap year."""

    state: CellState
    files: list[str] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0


@dataclass(slots=True)
class CompletenessRow:
    owner: str
    known: bool  # False: an owner the catalogue does not know (as typed in the workbook)
    cells: dict[Period, CompletenessCell]

    def count(self, *states: CellState) -> int:
        return sum(1 for c in self.cells.values() if c.state in states)

    @property
    def received(self) -> int:
        """Quarters with a workbook (with or without errors; a duplicate counts once)."""
        return self.count("received", "errors", "duplicate")

    @property
    def missing(self) -> int:
        return self.count("missing")

    @property
    def with_errors(self) -> int:
        return self.count("errors", "duplicate")


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One input value behind a figure in the workbook, and where it was read."""

    year: int
    period: Period
    indicator: str
    owner: str
    input: str
    label: str
    value: Decimal
    file: str
    sheet: str | None
    cell: str | None
    note: str | None  # the bureau's Keterangan: submission text
    sha256: str | None


@dataclass(frozen=True, slots=True)
class AnalysisRow:
    """One indicator on the Analisis sheet: this year against earlier years, the
    baseline, the end target and the benchmark, and the bureau's own analysis."""

    code: str
    goal: str
    name: str
    unit: str
    target: Decimal | None  # this year at the recap period
    value: Decimal | None
    achievement: Decimal | None
    category: str | None
    earlier: list[TrendYear]  # every catalogue year before the recap year, oldest first
    change: Decimal | None  # achievement minus last year's, in points
    baseline_year: int | None
    baseline_value: Decimal | None
    final_year: int
    final_target: Decimal | None
    progress: Decimal | None  # the value against the final target (as an achievement)
    benchmark_value: Decimal | None
    benchmark_source: str | None
    programmes: tuple[str, ...]
    narrative: Narrative | None  # None: the bureau wrote no row (or sent no file)
    narrative_file: str | None  # the workbook the narrative was read from

    def narrative_source(self) -> str | None:
        """``file, Analisis!C7:F7``: where the bureau's texts stand."""
        if self.narrative is None or self.narrative_file is None:
            return None
        cells = [self.narrative.cells[n] for n in NARRATIVE_FIELDS if n in self.narrative.cells]
        if not cells:
            return f"{self.narrative_file}, {self.narrative.sheet}"
        span = cells[0] if len(cells) == 1 else f"{cells[0]}:{cells[-1]}"
        return f"{self.narrative_file}, {self.narrative.sheet}!{span}"


@dataclass(frozen=True, slots=True)
class CatalogueNote:
    code: str
    name: str
    note: str


@dataclass(slots=True)
class Recap:
    """Everything the recap workbook shows."""

    catalogue: Catalogue
    result: Result  # the chosen year and period: what ``iku compute`` gives for them
    quarters: dict[Period, Result]  # the year's results, TW1 through the chosen period
    trend_heads: list[TrendHead]
    trend: list[TrendRow]
    completeness: list[CompletenessRow]
    sources: list[SourceRow]
    notes: list[CatalogueNote]
    findings: list[Finding]
    generated_at: datetime
    files_read: int = 0
    analysis: list[AnalysisRow] = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.result.year

    @property
    def period(self) -> Period:
        return self.result.period

    @property
    def provisional(self) -> bool:
        return self.result.provisional

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.is_error)

    def missing(self) -> list[tuple[str, Period]]:
        """Every (owner, quarter) of the recap year up to its period whose workbook is due
        and absent."""
        return [
            (row.owner, period)
            for row in self.completeness
            for period, cell in row.cells.items()
            if cell.state == "missing"
        ]

    @property
    def final(self) -> bool:
        """Final figures: the year's TW4, every due workbook in, no error, and at least one
        indicator assessed. Anything less is said (see :meth:`unfinished_parts`)."""
        return not self.unfinished_parts()

    def unfinished_parts(self) -> list[tuple[str, dict[str, object]]]:
        """Why the figures are not final, as (message key, parameters); empty when final."""
        parts: list[tuple[str, dict[str, object]]] = []
        if self.provisional:
            parts.append(("recap.unfinished.period", {"period": self.period}))
        missing = self.missing()
        if missing:
            shown = ", ".join(f"{owner} {period}" for owner, period in missing)
            parts.append(("recap.unfinished.missing", {"count": len(missing), "list": shown}))
        if self.errors:
            parts.append(("recap.unfinished.errors", {"count": self.errors}))
        incomplete = [i.code for i in self.result.indicators if i.status == "incomplete"]
        if incomplete:
            parts.append(
                (
                    "recap.unfinished.incomplete",
                    {"count": len(incomplete), "list": ", ".join(incomplete)},
                )
            )
        if not any(i.assessed for i in self.result.indicators):
            parts.append(("recap.unfinished.none_assessed", {"total": len(self.result.indicators)}))
        return parts

    def realisation(self, code: str, period: Period) -> Decimal | None:
        """The indicator's cumulative value at ``period`` of the recap year, as ``iku compute``
        reports it; nothing after the recap's period."""
        item = self.result.indicator(code)
        if item is None or index(period) > index(self.period):
            return None
        return item.realisations.get(period)

    def category_counts(self) -> list[tuple[str, int]]:
        """Indicators per scale band, highest first (every band, zero included)."""
        counts = {label: 0 for label in self.result.categories}
        for item in self.result.indicators:
            if item.category is not None:
                counts[item.category] = counts.get(item.category, 0) + 1
        return list(counts.items())

    def status_counts(self) -> list[tuple[str, int]]:
        """Indicators without a category, per status (only statuses that occur)."""
        counts: dict[str, int] = {}
        for item in self.result.indicators:
            if item.category is None:
                counts[item.status] = counts.get(item.status, 0) + 1
        return list(counts.items())


def _notes(catalogue: Catalogue) -> list[CatalogueNote]:
    """The catalogue's notes: the organisation's (no code), each goal's, each indicator's."""
    notes = []
    if catalogue.organisation_note:
        notes.append(CatalogueNote("", catalogue.organisation, catalogue.organisation_note))
    notes += [CatalogueNote(g.code, g.statement, g.note) for g in catalogue.goals if g.note]
    notes += [CatalogueNote(i.code, i.name, i.note) for i in catalogue.indicators if i.note]
    return notes


def build_recap(
    catalogue: Catalogue,
    collection: Collection,
    year: int,
    period: Period | str | None = None,
    now: datetime | None = None,
) -> Recap:
    """The recap of ``year`` at ``period`` (default: the latest quarter present in that year).

    Raises IkuError for a year the catalogue doesn't know, a bad period, or (without
    ``period``) a year no workbook reports on.
    """
    year, chosen, _ = choose(catalogue, collection, year, period)
    quarters = {p: compute(catalogue, collection, year, p) for p in up_to(chosen)}
    result = quarters[chosen]
    trend_results = _trend_results(catalogue, collection, year, result)
    trend = _trend(catalogue, trend_results, year)
    return Recap(
        catalogue=catalogue,
        result=result,
        quarters=quarters,
        trend_heads=[
            TrendHead(y, r.period if r else None, bool(r and r.provisional))
            for y, r in trend_results.items()
        ],
        trend=trend,
        completeness=_completeness(catalogue, collection, year, chosen),
        sources=_sources(catalogue, collection, quarters, _other_years(trend_results, year)),
        notes=_notes(catalogue),
        findings=list(collection.findings),
        generated_at=now or datetime.now().replace(microsecond=0),
        files_read=collection.files_read,
        analysis=_analysis(catalogue, collection, result, trend),
    )


def _analysis(
    catalogue: Catalogue, collection: Collection, result: Result, trend: list[TrendRow]
) -> list[AnalysisRow]:
    """Per indicator: the figures of every year, the baseline, end target, benchmark and
    the narrative of the owner's submission for the recap year and period (the one the
    value came from; none when the owner sent none, or more than one)."""
    subs: dict[str, list[Submission]] = defaultdict(list)
    for sub in collection.submissions:
        if sub.year == result.year and sub.period == result.period and sub.owner is not None:
            subs[sub.owner].append(sub)
    by_code = {row.code: row for row in trend}
    rows: list[AnalysisRow] = []
    for indicator in catalogue.indicators:
        item = result.indicator(indicator.code)
        history = by_code.get(indicator.code)
        earlier = [c for c in history.years if c.year < result.year] if history else []
        last = next((c for c in earlier if c.year == result.year - 1), None)
        now = item.achievement if item else None
        change = None
        if now is not None and last is not None and last.achievement is not None:
            change = now - last.achievement
        owned = subs.get(indicator.owner, [])
        chosen = owned[0] if len(owned) == 1 else None
        narrative = chosen.narratives.get(indicator.code) if chosen else None
        rows.append(
            AnalysisRow(
                code=indicator.code,
                goal=indicator.goal,
                name=indicator.name,
                unit=indicator.unit,
                target=item.target if item else None,
                value=item.value if item else None,
                achievement=now,
                category=item.category if item else None,
                earlier=earlier,
                change=change,
                baseline_year=indicator.baseline.year if indicator.baseline else None,
                baseline_value=indicator.baseline.value if indicator.baseline else None,
                final_year=history.final_year if history else max(catalogue.years),
                final_target=history.final_target if history else None,
                progress=history.progress if history else None,
                benchmark_value=indicator.benchmark.value if indicator.benchmark else None,
                benchmark_source=indicator.benchmark.source if indicator.benchmark else None,
                programmes=indicator.programmes,
                narrative=narrative,
                narrative_file=chosen.file if narrative is not None and chosen else None,
            )
        )
    return rows


def _trend_results(
    catalogue: Catalogue, collection: Collection, year: int, result: Result
) -> dict[int, Result | None]:
    """Each catalogue year's result at its latest quarter; None for a year without data.

    Years after the recap year are left empty: the recap reports on its year and
    what came before, so running it again later gives the same figures.
    """
    present = set(collection.years())
    out: dict[int, Result | None] = {}
    for y in catalogue.years:
        if y == year:
            out[y] = result
        elif y < year and y in present:
            try:
                out[y] = compute(catalogue, collection, y)
            except IkuError:  # only submissions without owner or period for that year
                out[y] = None
        else:
            out[y] = None
    return out


def _other_years(trend_results: dict[int, Result | None], year: int) -> list[Result]:
    return [r for y, r in trend_results.items() if r is not None and y != year]


def _trend(
    catalogue: Catalogue, trend_results: dict[int, Result | None], year: int
) -> list[TrendRow]:
    final_year = max(catalogue.years)
    rows: list[TrendRow] = []
    for indicator in catalogue.indicators:
        cells: list[TrendYear] = []
        latest_year: int | None = None
        latest_value: Decimal | None = None
        for y, result in trend_results.items():
            item = result.indicator(indicator.code) if result else None
            cells.append(
                TrendYear(
                    year=y,
                    period=result.period if result else None,
                    target=indicator.target(y, FINAL),
                    value=item.value if item else None,
                    achievement=item.achievement if item else None,
                    status=item.status if item else None,
                )
            )
            if item is not None and item.value is not None and y <= year:
                latest_year, latest_value = y, item.value
        final_target = catalogue.final_target(indicator)
        progress: Decimal | None = None
        if latest_value is not None and final_target is not None:
            progress, _, _ = achievement(
                latest_value, final_target, indicator.polarity, catalogue.achievement
            )
            if progress is not None and abs(progress) >= MAX_FIGURE:
                progress = None  # a tiny final target: no figure that means anything
        rows.append(
            TrendRow(
                code=indicator.code,
                goal=indicator.goal,
                name=indicator.name,
                unit=indicator.unit,
                years=cells,
                final_year=final_year,
                final_target=final_target,
                latest_year=latest_year,
                latest_value=latest_value,
                progress=progress,
            )
        )
    return rows


def _completeness(
    catalogue: Catalogue, collection: Collection, year: int, chosen: Period
) -> list[CompletenessRow]:
    """Owner x quarter of the recap year; owners the catalogue doesn't know come last."""
    by_slot: dict[tuple[str, Period], list[Submission]] = defaultdict(list)
    unknown: list[str] = []
    for sub in collection.submissions:
        if sub.year != year or sub.period is None or sub.owner is None:
            continue
        by_slot[(sub.owner, sub.period)].append(sub)
        if sub.owner not in catalogue.owners and sub.owner not in unknown:
            unknown.append(sub.owner)
    errors: dict[str, int] = defaultdict(int)
    warnings: dict[str, int] = defaultdict(int)
    for finding in collection.findings:
        if finding.file is not None:
            (errors if finding.is_error else warnings)[finding.file] += 1
    rows: list[CompletenessRow] = []
    for owner in [*catalogue.owners, *unknown]:
        known = owner in catalogue.owners
        cells: dict[Period, CompletenessCell] = {}
        for p in PERIODS:
            subs = sorted(by_slot.get((owner, p), []), key=lambda s: s.file)
            files = [s.file for s in subs]
            n_errors = sum(errors[f] for f in files)
            n_warnings = sum(warnings[f] for f in files)
            state: CellState
            if len(subs) > 1:
                state = "duplicate"
            elif subs:
                state = "errors" if n_errors or not known else "received"
            elif index(p) > index(chosen):
                state = "later"
            elif not catalogue.indicators_of(owner, p):
                state = "not_required"
            else:
                state = "missing"
            cells[p] = CompletenessCell(state, files, n_errors, n_warnings)
        rows.append(CompletenessRow(owner, known, cells))
    return rows


def _sources(
    catalogue: Catalogue,
    collection: Collection,
    quarters: dict[Period, Result],
    other_years: list[Result],
) -> list[SourceRow]:
    """Every input value behind a figure shown, by year, quarter and catalogue order."""
    sha = {s.file: s.sha256 for s in collection.submissions}
    order = {ind.code: n for n, ind in enumerate(catalogue.indicators)}
    chosen = max(quarters, key=index)
    # (result, whether it is an earlier quarter of the recap year)
    shown = [(r, False) for r in other_years]
    shown += [(r, p != chosen) for p, r in quarters.items()]
    rows: list[SourceRow] = []
    seen: set[tuple[int, Period, str, str]] = set()
    for result, earlier in sorted(shown, key=lambda x: (x[0].year, index(x[0].period))):
        for item in sorted(result.indicators, key=lambda i: order.get(i.code, len(order))):
            # an earlier quarter shows the realisation only when it has a value (compute's
            # ``realisations``); the year's figure also when it could not be assessed
            if (item.value is not None) if earlier else (item.status in _SHOWN):
                rows.extend(_source_rows(result, item, sha, seen))
    return rows


def _source_rows(
    result: Result,
    item: IndicatorResult,
    sha: dict[str, str],
    seen: set[tuple[int, Period, str, str]],
) -> list[SourceRow]:
    rows = []
    for used in item.inputs:
        key = (result.year, result.period, item.code, used.name)
        if used.value is None or used.file is None or key in seen:
            continue
        seen.add(key)
        rows.append(
            SourceRow(
                year=result.year,
                period=result.period,
                indicator=item.code,
                owner=item.owner,
                input=used.name,
                label=used.label,
                value=used.value,
                file=used.file,
                sheet=used.sheet,
                cell=used.cell,
                note=used.note,
                sha256=sha.get(used.file),
            )
        )
    return rows


__all__ = [
    "AnalysisRow",
    "CatalogueNote",
    "CompletenessCell",
    "CompletenessRow",
    "Recap",
    "SourceRow",
    "TrendHead",
    "TrendRow",
    "TrendYear",
    "build_recap",
]
