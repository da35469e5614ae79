"""Validation rules: submissions judged against the catalogue, as Finding records.

Pure: nothing here opens a file, prints, exits or raises for bad data.

Contract with :mod:`iku_cli.core.figures`: an indicator's values are ``invalid``
when an ERROR finding has the submission's ``file`` and the indicator's code,
so every value-level finding sets ``file``, ``indicator`` and ``input``. A
value that is merely missing is a warning: the indicator is then
``incomplete``, not ``invalid``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import pairwise

from . import findings
from .catalogue import Catalogue, Indicator
from .findings import Finding
from .formula import DivisionByZero, Expression
from .narratives import NARRATIVE_CODES, check_narratives
from .periods import FINAL, Period, index, up_to
from .submission import Collection, InputValue, Submission

_CELL = re.compile(r"^([A-Z]+)([0-9]+)$")


def check_submission(sub: Submission, catalogue: Catalogue) -> list[Finding]:
    """Everything wrong with one workbook's identity and values."""
    return _SubmissionCheck(sub, catalogue).run()


def check_collection(
    collection: Collection, catalogue: Catalogue, *, complete: bool = True
) -> list[Finding]:
    """Folder-level findings: duplicates, falling cumulative values, missing submissions.

    ``complete``: the collection is meant to hold every submission (a folder was
    read), so the ones absent are reported. Submissions whose owner, year or
    period is unknown take no part (their own findings say why).
    """
    owners = frozenset(catalogue.owners)  # 250 in a province: a tuple is slow to search
    slots: dict[tuple[str, int, Period], list[Submission]] = defaultdict(list)
    for sub in collection.submissions:
        if sub.owner in owners and sub.year in catalogue.years and sub.period is not None:
            slots[(sub.owner, sub.year, sub.period)].append(sub)
    found: list[Finding] = []
    found += _duplicates(slots)
    found += _decreases(slots, catalogue)
    if complete:
        found += _missing(slots, catalogue)
    return found


def check_all(
    collection: Collection, catalogue: Catalogue, *, complete: bool = True
) -> list[Finding]:
    """The reader's findings, each submission's and the folder's, grouped by file.

    Files come in the order they were read; within a file, findings follow the
    sheet (identity first) and the cell, row by row. Folder-level findings
    without a file come last. Use it as ``collection.findings = check_all(...)``
    before computing. (:class:`Checker` gives the same, one submission at a time
    as each is read.)
    """
    return Checker(catalogue).findings(collection, complete=complete)


class Checker:
    """:func:`check_all` in two steps: :meth:`add` each submission as soon as it is read
    (its own checks and its Analisis sheet's), in any order; then :meth:`findings` of
    the whole collection (the folder's checks, everything in order).

    What :meth:`add` found stands unless the folder's checks find an error in the same
    workbook: its Analisis sheet is then judged again, as :func:`check_all` judges it,
    with every error of the workbook known.
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.rules = _Rules(catalogue)
        # by file: the submission's own findings, its narratives' and the indicators
        # in error these were judged with
        self.own: dict[str, list[Finding]] = {}
        self.narratives: dict[str, list[Finding]] = {}
        self.invalid: dict[str, set[str | None]] = {}

    def add(self, sub: Submission | None, found: Sequence[Finding] = ()) -> None:
        """Check one submission; ``found``: the reader's findings for its file."""
        if sub is None:
            return
        own = _SubmissionCheck(sub, self.catalogue, self.rules).run()
        known = [*found, *own]
        self.own[sub.file] = own
        self.narratives[sub.file] = check_narratives(sub, self.catalogue, known)
        self.invalid[sub.file] = _invalid(known, sub.file)

    def findings(self, collection: Collection, *, complete: bool = True) -> list[Finding]:
        """Every finding of ``collection``, in :func:`check_all`'s order; submissions not
        added yet are checked now."""
        per_file: dict[str | None, list[Finding]] = defaultdict(list)
        order: list[str | None] = []

        def add(items: Iterable[Finding]) -> None:
            for item in items:
                if item.file not in per_file:
                    order.append(item.file)
                per_file[item.file].append(item)

        subs = {s.file: s for s in collection.submissions}
        add(collection.findings)
        for sub in collection.submissions:
            if sub.file not in self.own:
                self.add(sub, per_file.get(sub.file, ()))
            add(self.own[sub.file])
        add(check_collection(collection, self.catalogue, complete=complete))
        for sub in collection.submissions:
            # .get: indexing the defaultdict would add the file without listing it in order
            known = per_file.get(sub.file, [])
            if _invalid(known, sub.file) != self.invalid[sub.file]:
                add(check_narratives(sub, self.catalogue, known))
            else:
                add(self.narratives[sub.file])
        result: list[Finding] = []
        for file in sorted(order, key=lambda f: f is None):
            owner = subs.get(file) if file is not None else None
            result += sorted(per_file[file], key=lambda f: _position(f, owner))
        return result


def _invalid(found: Iterable[Finding], file: str) -> set[str | None]:
    """The indicators with an error in ``file``: all the Analisis check asks of findings."""
    return {f.indicator for f in found if f.is_error and f.file == file}


def _position(finding: Finding, sub: Submission | None) -> tuple[int, int, int, int]:
    """Sort key: file-level first, then identity sheet, then data sheet; row, column."""
    if finding.sheet is None:
        rank = 0
    elif sub is not None and finding.sheet == sub.data_sheet:
        rank = 2
    elif finding.code in NARRATIVE_CODES or (
        sub is not None and finding.sheet == sub.narrative_sheet
    ):
        rank = 3  # the Analisis sheet comes after Data
    else:
        rank = 1
    match = _CELL.match(finding.cell or "")
    if match is None:
        return rank, 0, 0, 0
    letters, row = match.groups()
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return rank, 1, int(row), col


# --------------------------------------------------------------------------- one submission


class _Rules:
    """What the checks ask of the catalogue for every value, worked out once per run."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        # a province has 250 owners: `in catalogue.owners` (a tuple) took 1 us a file
        self.owners = frozenset(catalogue.owners)
        self._bounds: dict[str, tuple[_BoundRule, ...]] = {}

    def bounds(self, code: str) -> tuple[_BoundRule, ...]:
        """The figures of an indicator that may not pass a declared ``max``: the ratio,
        each component's percentage, or the direct value."""
        if code not in self._bounds:
            indicator = self.catalogue.indicator(code)
            self._bounds[code] = _bound_rules(indicator) if indicator is not None else ()
        return self._bounds[code]


def _bound_rules(indicator: Indicator) -> tuple[_BoundRule, ...]:
    most = indicator.max
    if indicator.form == "ratio":
        if most is None:
            return ()
        top, bottom = indicator.expression("numerator"), indicator.expression("denominator")
        return (_BoundRule(indicator, top, bottom, indicator.effective_factor, most),)
    if indicator.form == "direct":
        if most is None:
            return ()
        return (_BoundRule(indicator, indicator.expression("value"), None, Decimal(1), most),)
    rules = []
    # a composite's value is the weighted mean of its parts' percentages: its max
    # bounds each part, unless a component declares its own
    for n, component in enumerate(indicator.components or ()):
        limit = component.max if component.max is not None else most
        if limit is None:
            continue
        top = indicator.expression(f"components.{n}.numerator")
        bottom = indicator.expression(f"components.{n}.denominator")
        rules.append(_BoundRule(indicator, top, bottom, Decimal(100), limit, component.label))
    return tuple(rules)


class _BoundRule:
    """One figure's formulas, factor and ``max``, looked up once for every file."""

    __slots__ = ("component", "denominator", "factor", "inputs", "max", "names", "numerator")

    def __init__(
        self,
        indicator: Indicator,
        numerator: Expression,
        denominator: Expression | None,
        factor: Decimal,
        most: Decimal,
        component: str | None = None,
    ) -> None:
        self.numerator = numerator
        self.denominator = denominator
        self.names = numerator.names | (denominator.names if denominator else frozenset())
        self.factor = factor
        self.max = most
        self.component = component
        self.inputs = tuple(indicator.inputs)


class _SubmissionCheck:
    def __init__(self, sub: Submission, catalogue: Catalogue, rules: _Rules | None = None) -> None:
        self.sub = sub
        self.catalogue = catalogue
        self.rules = rules or _Rules(catalogue)
        self.found: list[Finding] = []
        self.owner_known = sub.owner is not None and sub.owner in self.rules.owners

    def where(self, item: InputValue, cell: str | None = None, **more: object) -> dict[str, object]:
        return {
            "file": self.sub.file,
            "sheet": item.sheet,
            "cell": cell or item.cell,
            "indicator": item.indicator or None,
            "input": item.input or None,
            **more,
        }

    def identity_where(self, key: str) -> dict[str, object]:
        ref = self.sub.identity_cells.get(key)
        if ref is None:
            return {"file": self.sub.file}
        sheet, _, cell = ref.rpartition("!")
        return {"file": self.sub.file, "sheet": sheet or None, "cell": cell}

    def run(self) -> list[Finding]:
        self.identity()
        if self.sub.data_sheet is not None:
            seen = self.values()
            self.expected(seen)
        return self.found

    def identity(self) -> None:
        sub, cat = self.sub, self.catalogue
        text = sub.identity_text
        for key, label in _IDENTITY_LABELS.items():
            if not text.get(key):
                self.found.append(
                    findings.error("identity-missing", label=label, **self.identity_where(key))
                )
        if text.get("owner") and not self.owner_known:
            self.found.append(
                findings.error(
                    "unknown-owner",
                    owner=text["owner"],
                    known=", ".join(cat.owners),
                    **self.identity_where("owner"),
                )
            )
        if text.get("year") and sub.year not in cat.years:
            self.found.append(
                findings.error(
                    "unknown-year",
                    year=text["year"],
                    years=", ".join(str(y) for y in cat.years),
                    **self.identity_where("year"),
                )
            )
        if text.get("period") and sub.period is None:
            self.found.append(
                findings.error(
                    "unknown-period", period=text["period"], **self.identity_where("period")
                )
            )
        if sub.catalogue_sha256 and cat.sha256 and sub.catalogue_sha256 != cat.sha256:
            partial = len(sub.catalogue_sha256) < 64 and cat.sha256.startswith(sub.catalogue_sha256)
            if not partial:
                self.found.append(
                    findings.warning(
                        "catalogue-mismatch",
                        found=sub.catalogue_sha256[:12],
                        expected=cat.sha256[:12],
                        **self.identity_where("catalogue"),
                    )
                )

    def values(self) -> dict[tuple[str, str], InputValue]:
        """Every value row judged on its own; the rows accepted, by (indicator, input)."""
        sub, found = self.sub, self.found
        indicator_of = self.catalogue.indicator
        owner = sub.owner if self.owner_known else None
        seen: dict[tuple[str, str], InputValue] = {}
        annual_warned: set[str] = set()
        before_final = sub.period is not None and sub.period != FINAL
        for item in sub.values:
            code = item.indicator
            if not code:
                found.append(findings.error("code-missing", **self.where(item, item.code_cell)))
                continue
            indicator = indicator_of(code)
            if indicator is None:
                found.append(
                    findings.error("unknown-indicator", **self.where(item, item.code_cell))
                )
                continue
            if owner is not None and indicator.owner != owner:
                found.append(
                    findings.error(
                        "indicator-not-owned",
                        owner=owner,
                        actual=indicator.owner,
                        **self.where(item, item.code_cell),
                    )
                )
                continue
            spec = indicator.inputs.get(item.input)
            if spec is None:
                found.append(
                    findings.error(
                        "unknown-input" if item.input else "input-missing",
                        known=", ".join(indicator.inputs),
                        **self.where(item, item.input_cell),
                    )
                )
                continue
            key = (code, item.input)
            if key in seen:
                first = seen[key]
                found.append(
                    findings.error(
                        "duplicate-row", first=f"{first.sheet}!{first.cell}", **self.where(item)
                    )
                )
                continue
            seen[key] = item
            value = item.value
            if (
                before_final
                and value is not None
                and indicator.frequency == "annual"
                and code not in annual_warned
            ):
                annual_warned.add(code)
                found.append(
                    findings.warning("annual-before-tw4", period=sub.period, **self.where(item))
                )
            if value is None:
                if item.problem is None:
                    found.append(
                        findings.warning("value-missing", label=spec.label, **self.where(item))
                    )
                continue
            if value < 0 and spec.min >= 0:
                found.append(findings.error("value-negative", value=value, **self.where(item)))
            elif value < spec.min:
                found.append(
                    findings.error("value-below-min", value=value, min=spec.min, **self.where(item))
                )
            if spec.max is not None and value > spec.max:
                found.append(
                    findings.error("value-above-max", value=value, max=spec.max, **self.where(item))
                )
            if spec.integer and value != value.to_integral_value():
                found.append(findings.error("value-not-integer", value=value, **self.where(item)))
        # each indicator once, in the order first seen
        for code in dict.fromkeys([code for code, _ in seen]):
            for rule in self.rules.bounds(code):
                self.bound(code, rule, seen)
        return seen

    def bound(self, code: str, rule: _BoundRule, seen: dict[tuple[str, str], InputValue]) -> None:
        """A ratio, a component's percentage or a direct value above its ``max``: the
        numerator (or the value) is too large."""
        values: dict[str, Decimal] = {}
        for name in rule.inputs:
            item = seen.get((code, name))
            if item is not None and item.value is not None:
                values[name] = item.value
        if not rule.names <= values.keys():
            return
        try:
            top = rule.numerator.evaluate(values)
            bottom = rule.denominator.evaluate(values) if rule.denominator else Decimal(1)
        except DivisionByZero:
            return
        if bottom <= 0:
            return
        result = top / bottom * rule.factor
        if result <= rule.max:
            return
        # the finding points at the numerator's first input in the catalogue's order
        first = next((n for n in rule.inputs if n in rule.numerator.names), None)
        if first is None:  # a numerator of numbers only: the catalogue's own doing
            return
        where = self.where(seen[(code, first)])
        # a formula can multiply far past 28 digits, where quantize fails
        shown = result.quantize(Decimal("0.01")) if result.adjusted() < 20 else result
        if rule.denominator is None:
            kind, extra = "value-exceeds-max", {}
        elif rule.component is not None:
            kind, extra = "component-exceeds-max", {"component": rule.component}
        else:
            kind, extra = "numerator-exceeds-denominator", {}
        self.found.append(
            findings.error(
                kind,
                numerator=top,
                denominator=bottom,
                value=shown,
                max=rule.max,
                **extra,
                **where,
            )
        )

    def expected(self, seen: dict[tuple[str, str], InputValue]) -> None:
        """Every input the owner must report in the period, present and filled.

        ``seen`` holds every row of the owner's indicators with a known input (the
        rows values() refused name another owner's indicator or an unknown input).
        """
        sub = self.sub
        if not self.owner_known or sub.period is None:
            return
        for indicator in self.catalogue.indicators_of(sub.owner, sub.period):  # type: ignore[arg-type]
            for name, spec in indicator.inputs.items():
                if (indicator.code, name) not in seen:
                    self.found.append(
                        findings.warning(
                            "value-missing",
                            file=sub.file,
                            sheet=sub.data_sheet,
                            indicator=indicator.code,
                            input=name,
                            label=spec.label,
                        )
                    )


_IDENTITY_LABELS = {"owner": "Biro", "year": "Tahun", "period": "Periode"}


# --------------------------------------------------------------------------- the folder

_Slots = dict[tuple[str, int, Period], list[Submission]]


def _duplicates(slots: _Slots) -> list[Finding]:
    found = []
    for (owner, year, period), subs in slots.items():
        if len(subs) < 2:
            continue
        for sub in subs:
            others = ", ".join(s.file for s in subs if s is not sub)
            found.append(
                findings.error(
                    "duplicate-submission",
                    file=sub.file,
                    owner=owner,
                    year=year,
                    period=period,
                    others=others,
                )
            )
    return found


def _decreases(slots: _Slots, catalogue: Catalogue) -> list[Finding]:
    """A cumulative input's value lower than in the previous period present (stocks,
    ``cumulative: false``, may fall)."""
    found = []
    by_owner: dict[tuple[str, int], list[tuple[Period, Submission]]] = defaultdict(list)
    for (owner, year, period), subs in slots.items():
        if len(subs) == 1:
            by_owner[(owner, year)].append((period, subs[0]))
    for series in by_owner.values():
        series.sort(key=lambda p: index(p[0]))
        for (before_period, before), (period, after) in pairwise(series):
            earlier = before.lookup()
            for item in after.values:
                previous = earlier.get((item.indicator, item.input))
                if (
                    previous is None
                    or previous.value is None
                    or item.value is None
                    or item.value >= previous.value
                ):
                    continue
                indicator = catalogue.indicator(item.indicator)
                spec = indicator.inputs.get(item.input) if indicator is not None else None
                # a stock (a budget ceiling, a head count, a register) may fall
                if spec is None or not spec.is_cumulative:
                    continue
                found.append(
                    findings.warning(
                        "cumulative-decrease",
                        file=after.file,
                        sheet=item.sheet,
                        cell=item.cell,
                        indicator=item.indicator,
                        input=item.input,
                        value=item.value,
                        period=period,
                        previous=previous.value,
                        previous_period=before_period,
                        previous_file=before.file,
                    )
                )
    return found


def _missing(slots: _Slots, catalogue: Catalogue) -> list[Finding]:
    """For each year present, every owner due in TW1 .. the latest period present."""
    latest: dict[int, Period] = {}
    for _, year, period in slots:
        if year not in latest or index(period) > index(latest[year]):
            latest[year] = period
    found = []
    for year in sorted(latest):
        for period in up_to(latest[year]):
            for owner in catalogue.owners:
                if not catalogue.indicators_of(owner, period):
                    continue
                if (owner, year, period) not in slots:
                    found.append(
                        findings.warning(
                            "missing-submission", owner=owner, year=year, period=period
                        )
                    )
    return found


__all__ = ["Checker", "check_all", "check_collection", "check_narratives", "check_submission"]
