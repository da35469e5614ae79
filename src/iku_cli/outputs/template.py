"""The submission workbook `iku template` writes (DESIGN section 4), one per owner and period.

Sheet names, the ``Data`` headers and the ``Identitas`` labels are pinned: the
reader finds them, so they stay the same in every language. Everything else a
bureau reads (instructions, titles, input and error messages) comes from i18n.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

from ..core.catalogue import Catalogue, Indicator, Input, slug
from ..core.errors import IkuError
from ..core.periods import Period, parse_period
from ..i18n import Lang, t
from .atomic import atomic_path

GUIDE_SHEET = "Petunjuk"
IDENTITY_SHEET = "Identitas"
DATA_SHEET = "Data"
ANALYSIS_SHEET = "Analisis"
SHEETS = (GUIDE_SHEET, IDENTITY_SHEET, DATA_SHEET, ANALYSIS_SHEET)

HEADERS = ("Kode IKU", "Indikator", "Variabel", "Uraian", "Satuan", "Nilai", "Keterangan")
TARGET_HEADER = "Target {year}"
HEADER_ROW = 4  # 1-based, as Excel shows it; title rows sit above
FIRST_DATA_ROW = 5
VALUE_COLUMN = "F"
NOTE_COLUMN = "G"
# DESIGN 11b: the bureau's analysis, one row per indicator it owns (header row as Data's)
ANALYSIS_HEADERS = (
    "Kode IKU",
    "Indikator",
    "Faktor pendukung",
    "Faktor penghambat",
    "Upaya tindak lanjut",
    "Bukti dukung",
)

LABEL_OWNER = "Biro"
LABEL_YEAR = "Tahun"
LABEL_PERIOD = "Periode"
LABEL_PREPARED_BY = "Disusun oleh"
LABEL_DATE = "Tanggal"
LABEL_FINGERPRINT = "Sidik jari katalog (sha256)"
IDENTITY_LABELS = (
    LABEL_OWNER,
    LABEL_YEAR,
    LABEL_PERIOD,
    LABEL_PREPARED_BY,
    LABEL_DATE,
    LABEL_FINGERPRINT,
)

# Excel's limits on data-validation texts; xlsxwriter drops a validation that exceeds them
_TITLE_LIMIT = 32
_MESSAGE_LIMIT = 255
_MONEY = re.compile(
    r"\b(rupiah|rp|nominal|anggaran|pagu|pad)\b|\bnilai (pengadaan|transaksi|belanja|kontrak)\b",
    re.IGNORECASE,
)

_A4 = 9
_LINE_HEIGHT = 15  # points per line of 11-point text
_DATA_WIDTHS = (10, 42, 20, 52, 12, 16, 32, 12)
_ANALYSIS_WIDTHS = (10, 36, 40, 40, 40, 30)
_ANALYSIS_ROW_HEIGHT = 90  # six lines: room to write before the row has to grow
_GUIDE_WIDTH = 100


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """One ``Data`` row: an input of an indicator the owner reports in the period."""

    indicator: Indicator
    input: str
    spec: Input
    unit: str
    target: Decimal | None  # the indicator's target for the year and period
    first: bool  # the indicator's first row (the target is shown there only)


def template_name(year: int, period: Period, owner: str) -> str:
    """``2025-TW1-biro-pod.xlsx``."""
    return f"{year}-{period}-{slug(owner)}.xlsx"


def input_unit(indicator: Indicator, name: str, spec: Input, lang: Lang = "id") -> str:
    """The input's own unit, else the indicator's for a single-input direct value, else a guess."""
    if spec.unit:
        return spec.unit
    if indicator.form == "direct" and (indicator.value or "").strip() == name:
        return indicator.unit
    if _MONEY.search(spec.label) or indicator.unit.strip().lower() == "rupiah":
        return t("template.unit.money", lang)
    return t("template.unit.default", lang)


def resolve(catalogue: Catalogue, year: int, period: str, owner: str) -> tuple[int, Period, str]:
    """Check year, period and owner against the catalogue; raises IkuError (exit 2)."""
    parsed = parse_period(period)
    if parsed is None:
        raise IkuError("error.bad_period", value=period)
    if year not in catalogue.years:
        raise IkuError(
            "template.bad_year", year=year, years=", ".join(str(y) for y in catalogue.years)
        )
    known = catalogue.owner_by_name(owner)
    if known is None:
        raise IkuError("template.unknown_owner", owner=owner, known=", ".join(catalogue.owners))
    return year, parsed, known


def template_rows(
    catalogue: Catalogue, year: int, period: Period, owner: str, lang: Lang = "id"
) -> list[TemplateRow]:
    """Every input of every indicator ``owner`` reports in ``period``, in catalogue order."""
    rows: list[TemplateRow] = []
    for indicator in catalogue.indicators_of(owner, period):
        target = indicator.target(year, period)
        for index, (name, spec) in enumerate(indicator.inputs.items()):
            rows.append(
                TemplateRow(
                    indicator=indicator,
                    input=name,
                    spec=spec,
                    unit=input_unit(indicator, name, spec, lang),
                    target=target,
                    first=index == 0,
                )
            )
    return rows


def write_template(
    catalogue: Catalogue,
    year: int,
    period: str,
    owner: str,
    path: str | Path,
    lang: Lang = "id",
) -> Path:
    """Write the owner's workbook for ``year``/``period`` and return its path.

    ``path`` is a folder (the file gets the name :func:`template_name` gives) or
    a ``.xlsx`` file path. The workbook is written to a hidden temporary file
    beside the target and renamed into place, replacing any file already there.
    Raises IkuError for an unknown year, period or owner, and when the owner
    reports nothing in the period (annual indicators are reported at TW4 only).
    """
    year, parsed, owner = resolve(catalogue, year, period, owner)
    rows = template_rows(catalogue, year, parsed, owner, lang)
    if not rows:
        raise IkuError("template.nothing_to_report", owner=owner, period=parsed)
    target = Path(path)
    if target.suffix.lower() != ".xlsx" or target.is_dir():
        target = target / template_name(year, parsed, owner)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as tmp:
            _write(tmp, catalogue, year, parsed, owner, rows, target.name, lang)
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise IkuError("template.write_failed", file=str(target), detail=detail) from None
    return target


# --------------------------------------------------------------------------- writing


def _write(
    file: Path,
    catalogue: Catalogue,
    year: int,
    period: Period,
    owner: str,
    rows: list[TemplateRow],
    name: str,
    lang: Lang,
) -> None:
    import xlsxwriter
    import xlsxwriter.exceptions

    from ..version import __version__

    workbook = xlsxwriter.Workbook(
        str(file),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    formats = _Formats(workbook)
    workbook.set_properties(
        {
            "title": t("template.title", lang, organisation=catalogue.organisation),
            "subject": f"{owner} {year} {period}",
            "author": catalogue.organisation,
            "comments": f"iku {__version__}; catalogue sha256 {catalogue.sha256}",
        }
    )
    context = {
        "owner": owner,
        "year": year,
        "period": period,
        "range": t(f"template.range.{period}", lang),
    }
    _guide(workbook.add_worksheet(GUIDE_SHEET), formats, catalogue, rows, context, name, lang)
    _identity(workbook.add_worksheet(IDENTITY_SHEET), formats, catalogue, context, lang)
    data = workbook.add_worksheet(DATA_SHEET)
    _data(data, formats, catalogue, rows, context, lang)
    _analysis(workbook.add_worksheet(ANALYSIS_SHEET), formats, catalogue, context, lang)
    data.activate()
    try:
        workbook.close()
    except xlsxwriter.exceptions.FileCreateError as exc:
        # XlsxWriter wraps the OSError; unwrap it so the caller reports one kind of failure
        cause = exc.__context__
        raise cause if isinstance(cause, OSError) else OSError(str(exc)) from None


class _Formats:
    """The cell formats the three sheets share."""

    def __init__(self, workbook: Any) -> None:
        add = workbook.add_format
        self.title = add({"bold": True, "font_size": 14})
        self.subtitle = add({"bold": True, "font_size": 11})
        self.hint = add({"italic": True, "font_color": "#555555", "text_wrap": True})
        self.wrap = add({"text_wrap": True, "valign": "top"})
        self.bold = add({"bold": True, "valign": "top"})
        self.header = add(
            {
                "bold": True,
                "text_wrap": True,
                "valign": "vcenter",
                "align": "center",
                "bg_color": "#DDEBF7",
                "border": 1,
            }
        )
        cell = {"valign": "top", "border": 1, "border_color": "#BFBFBF"}
        self.code = add({**cell, "num_format": "@"})
        self.text = add({**cell, "text_wrap": True})
        self.plain = add(cell)
        self.target = add({**cell, "bg_color": "#F2F2F2", "num_format": "General"})
        fill = {**cell, "locked": False, "bg_color": "#FFF2CC"}
        self.value = add({**fill, "num_format": "General"})
        self.note = add({**fill, "text_wrap": True})
        self.free = add({**fill, "text_wrap": True})
        self.date = add({**fill, "num_format": "dd/mm/yyyy", "align": "left"})
        self.fixed = add({**cell, "bg_color": "#F2F2F2", "align": "left"})
        self.fingerprint = add({**cell, "bg_color": "#F2F2F2"})


def _protect(sheet: Any) -> None:
    # no password: the lock only prevents accidents (Petunjuk says so); widths stay adjustable
    sheet.protect(
        "",
        {
            "select_locked_cells": True,
            "select_unlocked_cells": True,
            "format_columns": True,
            "format_rows": True,
        },
    )


def _print_setup(sheet: Any, lang: Lang, landscape: bool) -> None:
    sheet.set_paper(_A4)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.set_footer(f"&C{t('template.footer', lang)}")


def _guide(
    sheet: Any,
    formats: _Formats,
    catalogue: Catalogue,
    rows: list[TemplateRow],
    context: dict[str, Any],
    name: str,
    lang: Lang,
) -> None:
    from ..version import __version__

    sheet.set_column(0, 0, 4)
    sheet.set_column(1, 1, _GUIDE_WIDTH, formats.wrap)
    indicators = [r.indicator for r in rows if r.first]
    title = t("template.title", lang, organisation=catalogue.organisation)
    about = t("template.guide.about", lang, indicators=len(indicators), inputs=len(rows), **context)
    sheet.merge_range(0, 0, 0, 1, t("template.guide.title", lang), formats.title)
    sheet.merge_range(1, 0, 1, 1, title, formats.subtitle)
    sheet.merge_range(2, 0, 2, 1, t("template.subtitle", lang, **context), formats.subtitle)
    sheet.merge_range(3, 0, 3, 1, about, formats.wrap)
    sheet.set_row(3, 30)  # Excel does not grow merged rows to fit wrapped text
    sheet.merge_range(5, 0, 5, 1, t("template.guide.steps", lang), formats.subtitle)
    steps = [
        t("template.guide.cumulative", lang, **context),
        t("template.guide.fill", lang),
        t("template.guide.codes", lang),
        t("template.guide.numbers", lang),
        t("template.guide.missing", lang),
        t("template.guide.identity", lang),
        t("template.guide.analysis", lang),
        t("template.guide.send", lang, file=name),
        t("template.guide.protection", lang),
    ]
    row = 6
    for number, step in enumerate(steps, start=1):
        sheet.write_string(row, 0, f"{number}.", formats.bold)
        sheet.write_string(row, 1, step, formats.wrap)
        sheet.set_row(row, _height((step, _GUIDE_WIDTH)))
        row += 1
    row += 1
    sheet.merge_range(row, 0, row, 1, t("template.guide.indicators", lang), formats.subtitle)
    row += 1
    for indicator in indicators:
        target = indicator.target(context["year"], context["period"])
        line = t(
            "template.guide.indicator",
            lang,
            code=indicator.code,
            name=indicator.name,
            unit=indicator.unit,
            target="-" if target is None else _plain(target, lang),
            **context,
        )
        sheet.write_string(row, 0, "-", formats.bold)
        sheet.write_string(row, 1, line, formats.wrap)
        sheet.set_row(row, _height((line, _GUIDE_WIDTH)))
        row += 1
    row += 1
    generated = t(
        "template.guide.generated",
        lang,
        version=__version__,
        catalogue=Path(catalogue.path).name or "indicators.yaml",
        sha256=catalogue.sha256,
    )
    sheet.merge_range(row, 0, row, 1, generated, formats.hint)
    sheet.set_row(row, 30)
    _protect(sheet)
    _print_setup(sheet, lang, landscape=False)


def _identity(
    sheet: Any, formats: _Formats, catalogue: Catalogue, context: dict[str, Any], lang: Lang
) -> None:
    sheet.set_column(0, 0, 28, formats.bold)
    sheet.set_column(1, 1, 68)  # wide enough for the sha256 on one line
    sheet.set_column(2, 2, 48, formats.hint)
    fixed = t("template.identity.hint.fixed", lang)
    # label, value, kind: the rows are pinned labels in column A, values in column B
    sheet.write_string(0, 0, LABEL_OWNER, formats.bold)
    sheet.write_string(0, 1, context["owner"], formats.fixed)
    sheet.write_string(1, 0, LABEL_YEAR, formats.bold)
    sheet.write_number(1, 1, context["year"], formats.fixed)
    sheet.write_string(2, 0, LABEL_PERIOD, formats.bold)
    sheet.write_string(2, 1, context["period"], formats.fixed)
    sheet.write_string(3, 0, LABEL_PREPARED_BY, formats.bold)
    sheet.write_blank(3, 1, None, formats.free)
    sheet.write_string(4, 0, LABEL_DATE, formats.bold)
    sheet.write_blank(4, 1, None, formats.date)
    sheet.write_string(5, 0, LABEL_FINGERPRINT, formats.bold)
    sheet.write_string(5, 1, catalogue.sha256, formats.fingerprint)
    for row in (0, 1, 2, 5):
        sheet.write_string(row, 2, fixed, formats.hint)
    sheet.write_string(3, 2, t("template.identity.hint.prepared_by", lang), formats.hint)
    sheet.write_string(4, 2, t("template.identity.hint.date", lang), formats.hint)
    sheet.data_validation(
        4,
        1,
        4,
        1,
        {
            "validate": "any",
            "input_title": _clip(t("template.identity.date_title", lang), _TITLE_LIMIT),
            "input_message": _clip(t("template.identity.hint.date", lang), _MESSAGE_LIMIT),
        },
    )
    _protect(sheet)
    _print_setup(sheet, lang, landscape=False)


def _data(
    sheet: Any,
    formats: _Formats,
    catalogue: Catalogue,
    rows: list[TemplateRow],
    context: dict[str, Any],
    lang: Lang,
) -> None:
    year: int = context["year"]
    period: Period = context["period"]
    for column, width in enumerate(_DATA_WIDTHS):
        sheet.set_column(column, column, width)
    sheet.set_column(0, 0, _DATA_WIDTHS[0], formats.code)
    headers = [*HEADERS, TARGET_HEADER.format(year=year)]
    last = len(headers) - 1
    title = t("template.title", lang, organisation=catalogue.organisation)
    sheet.merge_range(0, 0, 0, last, title, formats.title)
    sheet.merge_range(1, 0, 1, last, t("template.subtitle", lang, **context), formats.subtitle)
    sheet.merge_range(2, 0, 2, last, t("template.data_hint", lang), formats.hint)
    sheet.set_row(0, 20)
    sheet.set_row(2, 30)
    header = HEADER_ROW - 1
    for column, text in enumerate(headers):
        sheet.write_string(header, column, text, formats.header)
    sheet.set_row(header, 30)
    for offset, item in enumerate(rows):
        row = FIRST_DATA_ROW - 1 + offset
        indicator = item.indicator
        sheet.write_string(row, 0, indicator.code, formats.code)
        sheet.write_string(row, 1, indicator.name, formats.text)
        sheet.write_string(row, 2, item.input, formats.plain)
        sheet.write_string(row, 3, item.spec.label, formats.text)
        sheet.write_string(row, 4, item.unit, formats.plain)
        sheet.write_blank(row, 5, None, formats.value)
        sheet.write_blank(row, 6, None, formats.note)
        if item.first and item.target is not None:
            sheet.write_number(row, 7, _excel_number(item.target), formats.target)
        else:
            sheet.write_blank(row, 7, None, formats.target)
        sheet.data_validation(row, 5, row, 5, _validation(item, period, lang))
        texts = ((indicator.name, _DATA_WIDTHS[1]), (item.spec.label, _DATA_WIDTHS[3]))
        sheet.set_row(row, _height(*texts))
    sheet.freeze_panes(HEADER_ROW, 0)
    _protect(sheet)
    _print_setup(sheet, lang, landscape=True)
    sheet.repeat_rows(header)


def _analysis(
    sheet: Any,
    formats: _Formats,
    catalogue: Catalogue,
    context: dict[str, Any],
    lang: Lang,
) -> None:
    """The Analisis sheet: every indicator the owner owns (narratives are written for
    the year so far, whatever the period reports), four unlocked wrapped text cells."""
    indicators = catalogue.indicators_of(context["owner"])
    for column, width in enumerate(_ANALYSIS_WIDTHS):
        sheet.set_column(column, column, width)
    sheet.set_column(0, 0, _ANALYSIS_WIDTHS[0], formats.code)
    last = len(ANALYSIS_HEADERS) - 1
    title = t("template.analysis_title", lang, organisation=catalogue.organisation)
    sheet.merge_range(0, 0, 0, last, title, formats.title)
    sheet.merge_range(1, 0, 1, last, t("template.subtitle", lang, **context), formats.subtitle)
    sheet.merge_range(2, 0, 2, last, t("template.analysis_hint", lang), formats.hint)
    sheet.set_row(0, 20)
    sheet.set_row(2, 45)
    header = HEADER_ROW - 1
    for column, text in enumerate(ANALYSIS_HEADERS):
        sheet.write_string(header, column, text, formats.header)
    sheet.set_row(header, 30)
    for offset, indicator in enumerate(indicators):
        row = FIRST_DATA_ROW - 1 + offset
        sheet.write_string(row, 0, indicator.code, formats.code)
        sheet.write_string(row, 1, indicator.name, formats.text)
        for column in range(2, len(ANALYSIS_HEADERS)):
            sheet.write_blank(row, column, None, formats.free)
        height = _height((indicator.name, _ANALYSIS_WIDTHS[1]))
        sheet.set_row(row, max(height, _ANALYSIS_ROW_HEIGHT))
    sheet.freeze_panes(HEADER_ROW, 2)
    _protect(sheet)
    _print_setup(sheet, lang, landscape=True)
    sheet.repeat_rows(header)


def _validation(item: TemplateRow, period: Period, lang: Lang) -> dict[str, Any]:
    """Excel data validation for one Nilai cell: number kind, min and max, and messages."""
    spec = item.spec
    kind = "integer" if spec.integer else "decimal"
    kind_text = t(f"template.validation.{kind}", lang)
    low = _plain(spec.min, lang)
    if spec.max is not None:
        rule = t(
            "template.validation.between", lang, kind=kind_text, min=low, max=_plain(spec.max, lang)
        )
        criteria: dict[str, Any] = {
            "criteria": "between",
            "minimum": _bound(spec.min, spec.integer, ROUND_CEILING),
            "maximum": _bound(spec.max, spec.integer, ROUND_FLOOR),
        }
    else:
        rule = t("template.validation.at_least", lang, kind=kind_text, min=low)
        criteria = {"criteria": ">=", "value": _bound(spec.min, spec.integer, ROUND_CEILING)}
    unit = (spec.unit or "").strip().lower()
    if unit in {"persen", "%", "percent", "persentase"}:
        # 82% typed is 0.82 stored, which the range lets through: the message says how
        rule = f"{rule} ({t('template.validation.percent', lang)})"
    return {
        "validate": kind,
        **criteria,
        "ignore_blank": True,
        "input_title": _clip(
            t("template.validation.title", lang, code=item.indicator.code), _TITLE_LIMIT
        ),
        "input_message": _clip(
            t("template.validation.input", lang, label=spec.label, rule=rule, period=period),
            _MESSAGE_LIMIT,
        ),
        "error_title": _clip(t("template.validation.error_title", lang), _TITLE_LIMIT),
        "error_message": _clip(t("template.validation.error", lang, rule=rule), _MESSAGE_LIMIT),
        "error_type": "stop",
    }


def _height(*texts: tuple[str, float]) -> float:
    """A row height that shows every wrapped text whole.

    Neither XlsxWriter nor LibreOffice grows rows to fit wrapped text reliably,
    so the height is set from an estimate: a column ``width`` wide holds about
    1.15 x ``width`` characters of the default font per line.
    """
    lines = 1
    for text, width in texts:
        per_line = max(int(width * 1.15), 1)
        lines = max(lines, sum(max(1, math.ceil(len(p) / per_line)) for p in text.split("\n")))
    return float(lines * _LINE_HEIGHT)


def _bound(value: Decimal, integer: bool, rounding: str) -> int | float:
    if integer:
        # a whole-number rule needs whole bounds: round inwards so no allowed value is refused
        return int(value.to_integral_value(rounding=rounding))
    return _excel_number(value)


def _excel_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _plain(value: Decimal, lang: Lang) -> str:
    """A bound as people write it: no exponent, no trailing zeros, a decimal comma in Indonesian."""
    text = format(value.normalize(), "f") if value != 0 else "0"
    return text.replace(".", ",") if lang == "id" else text


def _clip(text: str, limit: int) -> str:
    """Fit Excel's limit for validation texts (UTF-16 units), cutting with an ellipsis."""
    if len(text.encode("utf-16-le")) // 2 <= limit:
        return text
    while len(text.encode("utf-16-le")) // 2 > limit - 1:
        text = text[:-1]
    return text.rstrip() + "…"


__all__ = [
    "ANALYSIS_HEADERS",
    "ANALYSIS_SHEET",
    "DATA_SHEET",
    "FIRST_DATA_ROW",
    "GUIDE_SHEET",
    "HEADERS",
    "HEADER_ROW",
    "IDENTITY_LABELS",
    "IDENTITY_SHEET",
    "NOTE_COLUMN",
    "SHEETS",
    "TARGET_HEADER",
    "VALUE_COLUMN",
    "TemplateRow",
    "input_unit",
    "resolve",
    "template_name",
    "template_rows",
    "write_template",
]
