"""The compute result as a flat workbook for people: one row per IKU, numbers as numbers.

``--format csv`` is for programs; this is what a planning officer opens in Excel
(Indonesian headers, statuses in words, number formats). Text that came from
submissions or the catalogue is written as string cells, quote-prefixed when a
spreadsheet would take it for a formula (:mod:`iku_cli.outputs.safety`).
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from ..core.result import IndicatorResult, Result, json_number, rounded
from ..i18n import Lang, t
from .result_table import overall_note
from .safety import is_formula_like

# column key, message key, width
_COLUMNS = (
    ("goal", "recap.col.goal", 9),
    ("code", "result_xlsx.col.code", 9),
    ("indicator", "compute.col.indicator", 60),
    ("unit", "recap.col.unit", 12),
    ("owner", "compute.col.owner", 18),
    ("target", "compute.col.target", 14),
    ("value", "compute.col.value", 14),
    ("achievement", "compute.col.achievement", 12),
    ("category", "compute.col.category", 16),
    ("status", "compute.col.status", 16),
    ("reason", "recap.col.reason", 60),
)
_LARGE = Decimal(1000)  # from here on (Rupiah-size values) with thousands separators


def number_format(value: Decimal) -> str:
    """``0.00`` for ordinary figures, ``#,##0`` (or ``#,##0.00``) for large ones."""
    if abs(value) >= _LARGE:
        return "#,##0" if value == value.to_integral_value() else "#,##0.00"
    return "0.00"


def render_xlsx(result: Result, lang: Lang = "id") -> bytes:
    """The workbook's bytes: sheet ``Hasil`` (one row per IKU) and ``Ringkasan``."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "in_memory": True,
        },
    )
    from ..version import __version__
    from .marking import mark_output

    workbook.set_properties(
        {
            "title": t(
                "compute.title",
                lang,
                organisation=result.organisation,
                year=result.year,
                period=result.period,
            ),
            "comments": f"iku {__version__}; catalogue sha256 {result.catalogue_sha256}",
        }
    )
    mark_output(workbook, "results")  # read back later, it is skipped, not taken as a submission
    formats = _Formats(workbook)
    _results(workbook.add_worksheet(t("result_xlsx.sheet.results", lang)), formats, result, lang)
    _summary(workbook.add_worksheet(t("result_xlsx.sheet.summary", lang)), formats, result, lang)
    workbook.close()
    return buffer.getvalue()


class _Formats:
    """The workbook's formats, made once each."""

    def __init__(self, workbook: Any) -> None:
        self._workbook = workbook
        self._made: dict[tuple[str, bool], Any] = {}

    def get(self, name: str, quote: bool = False) -> Any:
        key = (name, quote)
        if key not in self._made:
            props: dict[str, Any] = {"valign": "top"}
            if name == "header":
                props.update(bold=True, bg_color="#D9E1F2", border=1, text_wrap=True)
            elif name == "bold":
                props["bold"] = True
            elif name == "wrap":
                props["text_wrap"] = True
            elif name != "text":
                props["num_format"] = name  # a number format
            if quote:
                props["quote_prefix"] = True
            self._made[key] = self._workbook.add_format(props)
        return self._made[key]


def _text(ws: Any, formats: _Formats, row: int, col: int, value: str, style: str = "text") -> None:
    """A string cell; formula-like text gets the quote prefix (shown as typed, never run)."""
    ws.write_string(row, col, value, formats.get(style, is_formula_like(value)))


def _number(
    ws: Any, formats: _Formats, row: int, col: int, value: Decimal | None, exact: bool = False
) -> None:
    """A number cell (as in the JSON: half-up to 2 places unless ``exact``), or an empty cell."""
    if value is None:
        ws.write_blank(row, col, None, formats.get("text"))
        return
    shown = value if exact else rounded(value)
    assert shown is not None
    ws.write_number(row, col, json_number(shown, None), formats.get(number_format(shown)))


def _shown_category(ind: IndicatorResult, lang: Lang) -> str:
    """The band, or the progress word while the figure is only a progress (as on screen)."""
    if ind.category is None and ind.progress is not None:
        return t(f"progress.{ind.progress}", lang)
    return ind.category or ""


def _results(ws: Any, formats: _Formats, result: Result, lang: Lang) -> None:
    for col, (_key, message, width) in enumerate(_COLUMNS):
        ws.write_string(0, col, t(message, lang), formats.get("header"))
        ws.set_column(col, col, width)
    row = 0
    for row, ind in enumerate(result.indicators, start=1):
        _text(ws, formats, row, 0, ind.goal)
        _text(ws, formats, row, 1, ind.code)
        _text(ws, formats, row, 2, ind.name, "wrap")
        _text(ws, formats, row, 3, ind.unit)
        _text(ws, formats, row, 4, ind.owner, "wrap")
        _number(ws, formats, row, 5, ind.target, exact=True)  # as the catalogue has it
        _number(ws, formats, row, 6, ind.value)
        _number(ws, formats, row, 7, ind.achievement)
        _text(ws, formats, row, 8, _shown_category(ind, lang))
        _text(ws, formats, row, 9, t(f"status.{ind.status}", lang))
        _text(ws, formats, row, 10, ind.reason.text(lang) if ind.reason else "", "wrap")
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(row, 1), len(_COLUMNS) - 1)


def _summary(ws: Any, formats: _Formats, result: Result, lang: Lang) -> None:
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 60)
    ws.set_column(2, 3, 14)
    status = "recap.provisional" if result.provisional else "recap.final"
    rows = (
        ("recap.label.organisation", result.organisation),
        ("recap.label.year", str(result.year)),
        ("recap.label.period", result.period),
        ("recap.label.status", t(status, lang)),
    )
    for row, (label, value) in enumerate(rows):
        _text(ws, formats, row, 0, t(label, lang), "bold")
        _text(ws, formats, row, 1, value)
    row = len(rows) + 1
    headers = ("recap.col.goal", "recap.col.statement", "compute.col.achievement")
    for col, message in enumerate((*headers, "compute.col.category")):
        ws.write_string(row, col, t(message, lang), formats.get("header"))
    for goal in result.goals:
        row += 1
        _text(ws, formats, row, 0, goal.code)
        _text(ws, formats, row, 1, goal.statement, "wrap")
        _number(ws, formats, row, 2, goal.achievement)
        _text(ws, formats, row, 3, goal.category or "")
    row += 1
    overall = result.overall
    _text(ws, formats, row, 0, t("recap.overall", lang), "bold")
    _text(ws, formats, row, 1, overall_note(result, lang), "wrap")
    _number(ws, formats, row, 2, overall.achievement)
    _text(ws, formats, row, 3, overall.category or "")
