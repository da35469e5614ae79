"""Pure computation: indicator values, achievement, category, goal and overall figures
(the rules on one figure, in :mod:`iku_cli.core.rules`, applied to them all).

Nothing here opens a file, prints or exits. Bad data never raises: it shows as
a status (``incomplete``, ``missing``, ``not_assessed``, ``invalid``,
``not_due``) with a :class:`~iku_cli.core.result.Reason`. Only what makes a run
impossible (a year the catalogue doesn't know, nothing to compute from) raises
:class:`~iku_cli.core.errors.IkuError`.
"""

from __future__ import annotations

import decimal
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from . import formula
from .catalogue import Catalogue, Indicator
from .errors import IkuError
from .findings import Finding
from .periods import FINAL, PERIODS, Period, index, parse_period, up_to
from .result import (
    Choice,
    ComponentPart,
    GoalResult,
    IndicatorResult,
    InputUsed,
    Mean,
    MissingSubmission,
    OverallResult,
    Reason,
    Result,
    Status,
    SubmissionRef,
    rounded,
)
from .rules import (
    ARITHMETIC,
    HUNDRED,
    achievement,
    bounded,
    capped,
    category,
    mean,
    quarter_target,
)
from .submission import Collection, InputValue, Submission

# A value or achievement this large comes from a mistake in the inputs or the formula
# (a tiny denominator, inputs multiplied together); it is reported as not assessed,
# since it can be neither shown to 2 places (28 digits) nor averaged sensibly.
MAX_FIGURE = Decimal(10) ** 18


# --------------------------------------------------------------------------- choosing


def choose(
    catalogue: Catalogue,
    collection: Collection,
    year: int | None = None,
    period: Period | str | None = None,
) -> tuple[int, Period, Choice]:
    """The year and period to compute, and why.

    Without ``year``: the latest catalogue year present in the submissions.
    Without ``period``: the latest period present in that year.
    """
    chosen_period: Period | None = None
    if period is not None:
        chosen_period = parse_period(period)
        if chosen_period is None:
            raise IkuError("error.bad_period", value=period)
    years = ", ".join(str(y) for y in catalogue.years)
    if year is not None and year not in catalogue.years:
        raise IkuError("compute.year_unknown", year=year, years=years)
    usable = [
        s
        for s in collection.submissions
        if s.year in catalogue.years and s.period is not None and s.owner is not None
    ]
    if not usable:
        raise IkuError("compute.no_submissions", files=collection.files_read, years=years)
    if year is None:
        year = max(s.year for s in usable if s.year is not None)
        year_reason = Reason("year-latest", {"year": year})
    else:
        year_reason = Reason("year-given", {"year": year})
    if chosen_period is None:
        present: list[Period] = [s.period for s in usable if s.year == year and s.period]
        if not present:
            found = ", ".join(sorted({str(s.year) for s in usable}))
            raise IkuError("compute.no_submissions_year", year=year, found=found)
        latest = max(present, key=index)
        return (
            year,
            latest,
            Choice(year_reason, Reason("period-latest", {"year": year, "period": latest})),
        )
    return (
        year,
        chosen_period,
        Choice(year_reason, Reason("period-given", {"period": chosen_period})),
    )


# --------------------------------------------------------------------------- one indicator


@dataclass(slots=True)
class _Evaluation:
    """An indicator's value from one submission (or why there is none)."""

    status: Status
    reason: Reason | None = None
    value: Decimal | None = None
    file: str | None = None
    inputs: list[InputUsed] = field(default_factory=list)
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    components: list[ComponentPart] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


class _Index:
    """Submissions and findings looked up once, not per indicator."""

    def __init__(self, collection: Collection) -> None:
        self.slots: dict[tuple[str, int, Period], list[Submission]] = defaultdict(list)
        for sub in collection.submissions:
            if sub.owner is not None and sub.year is not None and sub.period is not None:
                self.slots[(sub.owner, sub.year, sub.period)].append(sub)
        self.by_file_indicator: dict[tuple[str | None, str | None], list[Finding]] = defaultdict(
            list
        )
        # (file, indicator) with an error finding: its values are invalid
        self.errors: set[tuple[str | None, str | None]] = set()
        for finding in collection.findings:
            self.by_file_indicator[(finding.file, finding.indicator)].append(finding)
            if finding.is_error:
                self.errors.add((finding.file, finding.indicator))
        self._lookups: dict[int, dict[tuple[str, str], InputValue]] = {}

    def submissions(self, owner: str, year: int, period: Period) -> list[Submission]:
        return self.slots.get((owner, year, period), [])

    def lookup(self, sub: Submission) -> dict[tuple[str, str], InputValue]:
        key = id(sub)
        if key not in self._lookups:
            self._lookups[key] = sub.lookup()
        return self._lookups[key]

    def findings(self, file: str | None, indicator: str | None) -> list[Finding]:
        return self.by_file_indicator.get((file, indicator), [])


def _evaluate(
    indicator: Indicator, year: int, period: Period, index_: _Index, *, detail: bool = True
) -> _Evaluation:
    """The indicator's value from its owner's submission for ``year`` and ``period``.

    ``detail=False``: only the status and value are wanted (for the other periods'
    realisations): no inputs used, steps or findings, and not always a reason.
    """
    if not indicator.reports_in(period):
        return _Evaluation("not_due", Reason("not-due", {"period": period}) if detail else None)
    subs = index_.submissions(indicator.owner, year, period)
    if not subs:
        if not detail:  # most indicators of a run over few files: why is not asked
            return _Evaluation("missing")
        params = {"owner": indicator.owner, "year": year, "period": period}
        return _Evaluation("missing", Reason("no-submission", params))
    code = indicator.code
    if len(subs) > 1:
        files = ", ".join(s.file for s in subs)
        params = {"owner": indicator.owner, "year": year, "period": period, "files": files}
        found = (
            [f for s in subs for f in index_.findings(s.file, code) + index_.findings(s.file, None)]
            if detail
            else []
        )
        return _Evaluation("invalid", Reason("duplicate-submission", params), findings=found)
    sub = subs[0]
    ev = _Evaluation("ok", file=sub.file)
    table = index_.lookup(sub)
    values: dict[str, Decimal] = {}
    missing = []
    for name, spec in indicator.inputs.items():
        item = table.get((code, name))
        if item is None or item.value is None:
            missing.append(f"{name} ({item.sheet}!{item.cell})" if item and item.cell else name)
        else:
            values[name] = item.value
        if detail:
            ev.inputs.append(
                InputUsed(
                    name=name,
                    label=spec.label,
                    value=item.value if item else None,
                    file=sub.file,
                    sheet=item.sheet if item else None,
                    cell=item.cell if item else None,
                    note=item.note if item else None,
                )
            )
    if detail:
        ev.findings = index_.findings(sub.file, code) + index_.findings(sub.file, None)
    if (sub.file, code) in index_.errors:
        errors = [f for f in index_.findings(sub.file, code) if f.is_error]
        problems = ", ".join(f"{f.location()} {f.code}".strip() for f in errors)
        ev.status = "invalid"
        ev.reason = Reason("invalid-input", {"problems": problems, "file": sub.file})
        return ev
    if missing:
        ev.status = "incomplete"
        ev.reason = Reason("input-missing", {"inputs": ", ".join(missing), "file": sub.file})
        return ev
    try:
        _value(indicator, values, ev, detail)
    except _ZeroDenominator as exc:
        ev.status = "not_assessed"
        ev.reason = Reason("division-by-zero", {"expression": exc.expression})
        ev.value = None
    except (decimal.Overflow, decimal.InvalidOperation):
        ev.value = None
        ev.status, ev.reason = "not_assessed", out_of_range(None, sub.file)
    if ev.value is not None and abs(ev.value) >= MAX_FIGURE:
        ev.status, ev.reason = "not_assessed", out_of_range(ev.value, sub.file)
        ev.value = None
    return ev


def submission_achievements(
    catalogue: Catalogue, sub: Submission, found: Sequence[Finding] = ()
) -> dict[str, tuple[Decimal, Decimal]]:
    """(achievement, target) of each indicator ``sub``'s owner reports in its period,
    from this submission alone against the period's target; indicators whose values
    are missing or invalid (an error in ``found``), or without a target, are left out.

    What :func:`_evaluate` gives for a submission alone, without its index: asked of
    every workbook a run reads (the Analisis check), where the figures ask it of one
    period's.
    """
    out: dict[str, tuple[Decimal, Decimal]] = {}
    year, period = sub.year, sub.period
    if sub.owner is None or year is None or period is None:
        return out
    invalid = {f.indicator for f in found if f.is_error and f.file == sub.file}
    table: dict[tuple[str, str], InputValue] | None = None
    for indicator in catalogue.indicators_of(sub.owner, period):
        code = indicator.code
        target = indicator.target(year, period)
        if target is None or code in invalid:
            continue
        if table is None:
            table = sub.lookup()
        values: dict[str, Decimal] = {}
        for name in indicator.inputs:
            item = table.get((code, name))
            if item is None or item.value is None:
                break
            values[name] = item.value
        else:
            ev = _Evaluation("ok")
            try:
                _value(indicator, values, ev, detail=False)
            except (_ZeroDenominator, decimal.Overflow, decimal.InvalidOperation):
                continue
            if ev.value is None or abs(ev.value) >= MAX_FIGURE:
                continue
            raw, _, _ = achievement(ev.value, target, indicator.polarity, catalogue.achievement)
            if raw is not None:
                out[code] = (raw, target)
    return out


def out_of_range(value: Decimal | None, file: str | None) -> Reason:
    """Why a figure past MAX_FIGURE (or past what Decimal can hold) is not used."""
    shown = "∞" if value is None else f"{value:.3E}"
    return Reason("value-out-of-range", {"value": shown, "limit": "1E+18", "file": file or "-"})


class _ZeroDenominator(Exception):
    def __init__(self, expression: str) -> None:
        super().__init__(expression)
        self.expression = expression


def _eval(indicator: Indicator, key: str, values: dict[str, Decimal]) -> Decimal:
    expression = indicator.expression(key)
    try:
        return expression.evaluate(values)
    except formula.DivisionByZero as exc:
        raise _ZeroDenominator(f"{exc.text} ({expression.source})") from None


def _divide(numerator: Decimal, denominator: Decimal, source: str) -> Decimal:
    if denominator == 0:
        raise _ZeroDenominator(source)
    return ARITHMETIC.divide(numerator, denominator)


def _value(
    indicator: Indicator, values: dict[str, Decimal], ev: _Evaluation, detail: bool = True
) -> None:
    """Fill ``ev`` with the value and (``detail``) its steps; raises _ZeroDenominator."""
    form = indicator.form
    if form == "direct":
        ev.value = _eval(indicator, "value", values)
    elif form == "ratio":
        ev.numerator = _eval(indicator, "numerator", values)
        ev.denominator = _eval(indicator, "denominator", values)
        source = indicator.expression("denominator").source
        ratio = _divide(ev.numerator, ev.denominator, source)
        ev.value = ARITHMETIC.multiply(ratio, indicator.effective_factor)
    else:
        total = Decimal(0)
        for n, component in enumerate(indicator.components or ()):
            num = _eval(indicator, f"components.{n}.numerator", values)
            den = _eval(indicator, f"components.{n}.denominator", values)
            source = indicator.expression(f"components.{n}.denominator").source
            percent = ARITHMETIC.multiply(_divide(num, den, source), HUNDRED)
            weighted = ARITHMETIC.multiply(component.weight, percent)
            if detail:
                ev.components.append(
                    ComponentPart(component.label, component.weight, num, den, percent, weighted)
                )
            total = ARITHMETIC.add(total, weighted)
        ev.value = total


def compute_indicator(
    catalogue: Catalogue, indicator: Indicator, year: int, period: Period, index_: _Index
) -> IndicatorResult:
    ev = _evaluate(indicator, year, period, index_)
    result = IndicatorResult(
        code=indicator.code,
        goal=indicator.goal,
        name=indicator.name,
        owner=indicator.owner,
        unit=indicator.unit,
        form=indicator.form,
        frequency=indicator.frequency,
        polarity=indicator.polarity,
        status=ev.status,
        reason=ev.reason,
        value=ev.value if ev.status in {"ok", "not_assessed"} else None,
        file=ev.file,
        inputs=ev.inputs,
        numerator=ev.numerator,
        denominator=ev.denominator,
        factor=indicator.effective_factor if indicator.form == "ratio" else None,
        components=ev.components,
        findings=ev.findings,
    )
    settings = catalogue.achievement
    result.method = "ratio" if indicator.polarity == "positive" else settings.negative_formula
    result.target, result.target_basis, pace = quarter_target(indicator, year, period, settings)
    result.target_share = pace
    provisional = (
        result.target_basis == "year"
        and indicator.quarterly_target == "provisional"
        and indicator.frequency == "quarterly"
        and period != FINAL
    )
    if ev.status == "ok" and result.value is not None:
        if result.target is None:
            result.status = "not_assessed"
            result.reason = Reason("no-target", {"year": year, "period": period})
        else:
            raw, result.method, why = achievement(
                result.value, result.target, indicator.polarity, settings
            )
            if raw is None:
                result.status = "not_assessed"
                result.reason = why
            elif abs(raw) >= MAX_FIGURE:
                result.status = "not_assessed"
                result.reason = out_of_range(raw, result.file)
            else:
                result.achievement = raw
                if provisional:
                    # against the whole year's target before its end: a pace, not a band,
                    # and no part of the averages (it would read as a failure); without
                    # a profile in the catalogue there is no pace to judge by
                    shown = rounded(raw)
                    if pace is not None and shown is not None:
                        result.progress = "on_track" if shown >= pace else "behind"
                else:
                    result.capped = bounded(raw, settings)
                    result.category = category(raw, settings)
    # only the quarters up to the one computed: a TW2 result never shows TW3's figures
    for p in up_to(period):
        if p == period:
            result.realisations[p] = result.value
        else:
            other = _evaluate(indicator, year, p, index_, detail=False)
            result.realisations[p] = other.value if other.status == "ok" else None
    return result


# --------------------------------------------------------------------------- the whole


def compute(
    catalogue: Catalogue,
    collection: Collection,
    year: int | None = None,
    period: Period | str | None = None,
) -> Result:
    """Every indicator, goal and the overall figure for ``year`` and ``period``.

    Missing ``year``/``period`` are chosen as :func:`choose` says.
    """
    year, chosen, choice = choose(catalogue, collection, year, period)
    index_ = _Index(collection)
    # the year's workbooks of quarters after the one computed take no part in its result
    later = {
        s.file
        for s in collection.submissions
        if s.year == year and s.period is not None and index(s.period) > index(chosen)
    }
    indicators = [
        compute_indicator(catalogue, ind, year, chosen, index_) for ind in catalogue.indicators
    ]
    settings = catalogue.achievement
    by_goal: dict[str, list[IndicatorResult]] = defaultdict(list)
    for item in indicators:
        by_goal[item.goal].append(item)
    goals: list[GoalResult] = []
    for goal in catalogue.goals:
        own = by_goal.get(goal.code, [])
        parts = [i.capped for i in own if i.assessed and i.capped is not None]
        average = mean(parts)
        goals.append(
            GoalResult(
                code=goal.code,
                statement=goal.statement,
                achievement=average,
                category=category(average, settings),
                assessed=len(parts),
                total=len(own),
            )
        )
    assessed_goals = [g.achievement for g in goals if g.achievement is not None]
    by_goals_value = mean(assessed_goals)
    by_goals = Mean(by_goals_value, category(by_goals_value, settings), len(assessed_goals))
    # every indicator that went into a goal's mean, each weighing the same
    averaged = [i.capped for i in indicators if i.assessed and i.capped is not None]
    by_indicators_value = mean(averaged)
    by_indicators = Mean(
        by_indicators_value, category(by_indicators_value, settings), len(averaged)
    )
    chosen_mean = by_goals if settings.overall == "goals" else by_indicators
    overall = OverallResult(
        achievement=chosen_mean.achievement,
        category=chosen_mean.category,
        assessed=sum(1 for i in indicators if i.assessed),
        total=len(indicators),
        goals_assessed=len(assessed_goals),
        goals_total=len(goals),
        method=settings.overall,
        by_goals=by_goals,
        by_indicators=by_indicators,
    )
    return Result(
        organisation=catalogue.organisation,
        year=year,
        period=chosen,
        provisional=chosen != FINAL,
        catalogue_sha256=catalogue.sha256,
        choice=choice,
        indicators=indicators,
        goals=goals,
        overall=overall,
        submissions=_submission_refs(s for s in collection.submissions if s.file not in later),
        missing_submissions=_missing(catalogue, index_, year, chosen),
        findings=[f for f in collection.findings if not _after(f, later, year, chosen)],
        categories=tuple(b.label for b in settings.scale),
        files_read=collection.files_read,
        skipped=list(collection.skipped),
    )


def _after(finding: Finding, later: set[str], year: int, period: Period) -> bool:
    """A finding about a quarter after ``period`` of ``year`` (its file's, or a folder's)."""
    if finding.file is not None:
        return finding.file in later
    said = finding.params.get("period")
    return (
        finding.params.get("year") == year
        and isinstance(said, str)
        and said in PERIODS
        and index(said) > index(period)
    )


def _submission_refs(submissions: Iterable[Submission]) -> list[SubmissionRef]:
    refs = [SubmissionRef(s.owner, s.year, s.period, s.file, s.sha256) for s in submissions]
    return sorted(
        refs,
        key=lambda r: (
            r.year or 0,
            index(r.period) if r.period else 0,
            r.owner or "",
            r.file,
        ),
    )


def _missing(
    catalogue: Catalogue, index_: _Index, year: int, period: Period
) -> list[MissingSubmission]:
    return [
        MissingSubmission(owner, period)
        for owner in catalogue.owners
        if catalogue.indicators_of(owner, period) and not index_.submissions(owner, year, period)
    ]


__all__ = [
    "achievement",
    "bounded",
    "capped",
    "category",
    "choose",
    "compute",
    "compute_indicator",
    "mean",
    "quarter_target",
]
