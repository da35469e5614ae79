"""Realistic filled submissions for the benchmark: the template's layout, filled.

Each workbook is written with XlsxWriter in the layout ``iku template`` writes
(DESIGN section 4, :mod:`iku_cli.outputs.template`): the sheets ``Petunjuk``,
``Identitas`` and ``Data``; the pinned labels and headers; the header on row
``HEADER_ROW``; one row per input from :func:`template_rows`; the Excel data
validation on every ``Nilai`` cell; the sheets protected. ``Nilai`` then holds a
random but plausible value, as a bureau would type it: within the input's min
and max, whole where the input is whole, cumulative (never falling from one
quarter to the next), a part never larger than its whole. Writing the real
template and filling it with openpyxl would give the same cells about 30 times
slower.

Every file is a distinct (owner, year, period): duplicates would be flagged.
A set of N files is cached in ``bench/cache/`` under the catalogue's sha256 and
N, and written again only when either changes (or this module's ``VERSION``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from random import Random
from typing import Any

from iku_cli.core.catalogue import Catalogue, Indicator
from iku_cli.core.formula import DivisionByZero
from iku_cli.core.periods import PERIODS, Period
from iku_cli.i18n import t
from iku_cli.loading.catalogue_file import load
from iku_cli.outputs.template import (
    DATA_SHEET,
    FIRST_DATA_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    HEADERS,
    IDENTITY_SHEET,
    LABEL_DATE,
    LABEL_FINGERPRINT,
    LABEL_OWNER,
    LABEL_PERIOD,
    LABEL_PREPARED_BY,
    LABEL_YEAR,
    TARGET_HEADER,
    TemplateRow,
    template_name,
    template_rows,
)

HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache"
VERSION = "1"  # bump when the files written change: the cache is keyed by it
DONE = ".complete"  # hidden: the reader ignores it

Identity = tuple[str, int, Period]  # owner, year, period
Series = dict[tuple[str, str], list[Decimal]]  # (code, input) -> cumulative TW1..TW4

# the share of the year's total reached by the end of each quarter (low, high)
SHARES = ((0.18, 0.30), (0.42, 0.55), (0.66, 0.80), (1.0, 1.0))
_WIDTHS = (10, 42, 20, 52, 12, 16, 32, 12)


# --------------------------------------------------------------------------- what to write


def identities(catalogue: Catalogue) -> list[Identity]:
    """Every (owner, year, period) that has something to report, year by year, quarter by
    quarter: the first N of them are N distinct submissions filling whole quarters first."""
    out: list[Identity] = []
    due = {
        (owner, period): bool(catalogue.indicators_of(owner, period))
        for owner in catalogue.owners
        for period in PERIODS
    }
    for year in catalogue.years:
        for period in PERIODS:
            out += [(owner, year, period) for owner in catalogue.owners if due[(owner, period)]]
    return out


def _quantize(value: float, integer: bool) -> Decimal:
    exact = Decimal(repr(value))
    if integer:
        return exact.to_integral_value(rounding=ROUND_FLOOR)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_FLOOR)


def _is_money(label: str) -> bool:
    lowered = label.lower()
    return any(word in lowered for word in ("anggaran", "rupiah", "nominal", "pagu", "setor"))


def _pairs(indicator: Indicator) -> list[tuple[str, str]]:
    """(numerator, denominator) expression keys: the ratio's, or each component's."""
    if indicator.form == "ratio":
        return [("numerator", "denominator")]
    if indicator.form == "composite":
        count = len(indicator.components or ())
        return [(f"components.{i}.numerator", f"components.{i}.denominator") for i in range(count)]
    return []


def year_series(catalogue: Catalogue, owner: str, year: int) -> Series:
    """Plausible cumulative values TW1..TW4 for every input of the owner's indicators."""
    seed = int.from_bytes(hashlib.sha256(f"{owner}|{year}".encode()).digest()[:8], "big")
    rng = Random(seed)
    out: Series = {}
    for indicator in catalogue.indicators_of(owner):
        # one set of quarter shares per indicator keeps its ratios steady through the year
        shares = sorted(rng.uniform(low, high) for low, high in SHARES)
        totals: dict[str, float] = {}
        bounded: set[str] = set()
        for name, spec in indicator.inputs.items():
            low = float(spec.min)
            if spec.max is not None:
                high = float(spec.max)
                totals[name] = rng.uniform(low + (high - low) * 0.5, high)
                bounded.add(name)
            elif _is_money(spec.label):
                totals[name] = rng.uniform(2e8, 5e10)
            else:
                totals[name] = max(low, rng.uniform(40, 900))
        # a part is never larger than its whole (the indicator's max, or 100%)
        for top_key, bottom_key in _pairs(indicator):
            top, bottom = indicator.expression(top_key), indicator.expression(bottom_key)
            free = top.names - bottom.names - bounded
            if not free or (indicator.max is None and indicator.form == "ratio"):
                continue
            values = {n: Decimal(repr(v)) for n, v in totals.items()}
            try:
                ratio = float(top.evaluate(values) / bottom.evaluate(values))
            except (DivisionByZero, ArithmeticError):
                continue
            limit = 1.0
            if indicator.max is not None and indicator.form == "ratio":
                limit = float(indicator.max / indicator.effective_factor)
            wanted = limit * rng.uniform(0.55, 0.99)
            if ratio > wanted > 0:
                for name in free:
                    totals[name] *= wanted / ratio
        for name, spec in indicator.inputs.items():
            if name in bounded:  # a level or a count of a fixed whole: steady, never falling
                level = _quantize(totals[name], spec.integer)
                out[(indicator.code, name)] = [level] * 4
            else:
                out[(indicator.code, name)] = [
                    _quantize(totals[name] * share, spec.integer) for share in shares
                ]
    return out


# --------------------------------------------------------------------------- writing


def write_submission(
    path: Path,
    catalogue: Catalogue,
    owner: str,
    year: int,
    period: Period,
    rows: Sequence[TemplateRow],
    series: Series,
) -> None:
    """One filled workbook in the template's layout."""
    import xlsxwriter

    quarter = PERIODS.index(period)
    workbook = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    add = workbook.add_format
    title = add({"bold": True, "font_size": 14})
    bold = add({"bold": True, "valign": "top"})
    wrap = add({"text_wrap": True, "valign": "top"})
    header = add({"bold": True, "text_wrap": True, "bg_color": "#DDEBF7", "border": 1})
    cell = {"valign": "top", "border": 1, "border_color": "#BFBFBF"}
    code_format = add({**cell, "num_format": "@"})
    text = add({**cell, "text_wrap": True})
    plain = add(cell)
    target_format = add({**cell, "bg_color": "#F2F2F2"})
    value_format = add({**cell, "locked": False, "bg_color": "#FFF2CC"})
    context = {"owner": owner, "year": year, "period": period, "range": period}
    heading = t("template.title", "id", organisation=catalogue.organisation)

    guide = workbook.add_worksheet(GUIDE_SHEET)
    guide.set_column(1, 1, 100, wrap)
    guide.write_string(0, 0, t("template.guide.title", "id"), title)
    guide.write_string(1, 0, heading, bold)
    guide.write_string(3, 1, t("template.guide.cumulative", "id", **context), wrap)
    guide.write_string(4, 1, t("template.guide.fill", "id"), wrap)
    guide.protect("")

    identity = workbook.add_worksheet(IDENTITY_SHEET)
    identity.set_column(0, 0, 28, bold)
    identity.set_column(1, 1, 68)
    labels: list[tuple[str, Any]] = [
        (LABEL_OWNER, owner),
        (LABEL_YEAR, year),
        (LABEL_PERIOD, period),
        (LABEL_PREPARED_BY, f"Staf perencanaan {owner}"),
        (LABEL_DATE, f"{year}-{3 * (quarter + 1):02d}-28"),
        (LABEL_FINGERPRINT, catalogue.sha256),
    ]
    for row, (label, value) in enumerate(labels):
        identity.write_string(row, 0, label, bold)
        if isinstance(value, int):
            identity.write_number(row, 1, value, plain)
        else:
            identity.write_string(row, 1, value, plain)
    identity.protect("")

    data = workbook.add_worksheet(DATA_SHEET)
    for column, width in enumerate(_WIDTHS):
        data.set_column(column, column, width)
    headers = [*HEADERS, TARGET_HEADER.format(year=year)]
    last = len(headers) - 1
    data.merge_range(0, 0, 0, last, heading, title)
    data.merge_range(1, 0, 1, last, t("template.subtitle", "id", **context), bold)
    data.merge_range(2, 0, 2, last, t("template.data_hint", "id"), wrap)
    for column, heading_text in enumerate(headers):
        data.write_string(HEADER_ROW - 1, column, heading_text, header)
    for offset, item in enumerate(rows):
        row = FIRST_DATA_ROW - 1 + offset
        indicator = item.indicator
        data.write_string(row, 0, indicator.code, code_format)
        data.write_string(row, 1, indicator.name, text)
        data.write_string(row, 2, item.input, plain)
        data.write_string(row, 3, item.spec.label, text)
        data.write_string(row, 4, item.unit, plain)
        value = series[(indicator.code, item.input)][quarter]
        data.write_number(row, 5, float(value), value_format)
        data.write_blank(row, 6, None, value_format)
        if item.first and item.target is not None:
            data.write_number(row, 7, float(item.target), target_format)
        else:
            data.write_blank(row, 7, None, target_format)
        kind = "integer" if item.spec.integer else "decimal"
        rule: dict[str, Any] = {"validate": kind, "ignore_blank": True}
        if item.spec.max is not None:
            rule.update(criteria="between", minimum=float(item.spec.min))
            rule["maximum"] = float(item.spec.max)
        else:
            rule.update(criteria=">=", value=float(item.spec.min))
        rule["input_title"] = f"IKU {indicator.code}"[:32]
        rule["input_message"] = item.spec.label[:255]
        data.data_validation(row, 5, row, 5, rule)
    data.freeze_panes(HEADER_ROW, 0)
    data.protect("")
    data.activate()
    workbook.close()


def _write_many(job: tuple[str, str, list[Identity]]) -> int:
    """Write the submissions of ``job`` (a worker's share); returns how many."""
    catalogue_path, folder, items = job
    catalogue = load(catalogue_path)
    series: dict[tuple[str, int], Series] = {}
    rows: dict[tuple[str, int, Period], list[TemplateRow]] = {}
    for owner, year, period in items:
        if (owner, year) not in series:
            series[(owner, year)] = year_series(catalogue, owner, year)
        if (owner, year, period) not in rows:
            rows[(owner, year, period)] = template_rows(catalogue, year, period, owner)
        path = Path(folder) / template_name(year, period, owner)
        write_submission(
            path, catalogue, owner, year, period, rows[(owner, year, period)], series[(owner, year)]
        )
    return len(items)


def _chunks(items: list[Identity], parts: int) -> Iterable[list[Identity]]:
    # by owner, so that each worker computes an owner's year once
    ordered = sorted(items, key=lambda i: (i[0], i[1], PERIODS.index(i[2])))
    size = max(1, -(-len(ordered) // parts))
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


def generate(
    catalogue_path: Path, count: int, cache: Path = CACHE, jobs: int | None = None
) -> Path:
    """The folder of ``count`` filled submissions for the catalogue (from the cache when there)."""
    raw = catalogue_path.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    folder = cache / f"subs-{sha[:16]}-n{count}-v{VERSION}"
    if (folder / DONE).exists():
        return folder
    catalogue = load(catalogue_path)
    available = identities(catalogue)
    if count > len(available):
        raise ValueError(
            f"{catalogue_path} has {len(available)} distinct (owner, year, period) submissions;"
            f" {count} asked for"
        )
    chosen = available[:count]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    workers = max(1, min(workers, count // 200 or 1))
    parts = [(str(catalogue_path), str(folder), chunk) for chunk in _chunks(chosen, workers)]
    if workers == 1:
        written = sum(_write_many(part) for part in parts)
    else:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            written = sum(pool.map(_write_many, parts))
    assert written == count, (written, count)
    (folder / DONE).write_text(f"{count} files from {catalogue_path}\n", encoding="utf-8")
    return folder


def province_catalogue(units: int, indicators: int, agencies: int, cache: Path = CACHE) -> Path:
    """The synthetic province-scale catalogue (see province.py), written once into the cache."""
    sys.path.insert(0, str(HERE))
    from province import province_yaml

    text = province_yaml(agencies=agencies, units=units, indicators=indicators)
    path = cache / f"province-a{agencies}-u{units}-i{indicators}.yaml"
    data = text.encode("utf-8")
    if not path.exists() or path.read_bytes() != data:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return path
