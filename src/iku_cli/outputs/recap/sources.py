"""The ``Sumber Data`` sheet: every input behind a figure, as typed, and where it was read."""

from __future__ import annotations

from decimal import Decimal

from ...core.recap import Recap
from ...i18n import Lang, t
from .cells import Sheet
from .layout import set_print, set_widths, title_rows

# the header row of the table, 0-based (tests and readers find the table here)
SOURCES_HEADER_ROW = 4


def write_sources(sheet: Sheet, recap: Recap, lang: Lang) -> None:
    columns = (
        t("recap.col.year", lang),
        t("recap.col.period", lang),
        t("recap.col.code", lang),
        t("recap.col.owner", lang),
        t("recap.col.input", lang),
        t("recap.col.label", lang),
        t("recap.col.number", lang),
        t("recap.col.file", lang),
        t("recap.col.sheet", lang),
        t("recap.col.cell", lang),
        t("recap.col.note", lang),
        "SHA-256",
    )
    last = len(columns) - 1
    set_widths(sheet, (6, 7, 6, 14, 19, 40, 14, 36, 7, 5, 24, 56))
    title_rows(sheet, recap, t("recap.sheet.sources", lang), last, lang)
    sheet.merged(3, 0, last, t("recap.sources.hint", lang, count=len(recap.sources)), "hint")
    header = SOURCES_HEADER_ROW
    for col, text in enumerate(columns):
        sheet.text(header, col, text, "head")
    sheet.height(header, 30)
    row = header + 1
    for item in recap.sources:
        sheet.number(row, 0, item.year, "center")
        sheet.text(row, 1, item.period, "center")
        sheet.text(row, 2, item.indicator, "code")
        sheet.text(row, 3, item.owner, "text")
        sheet.text(row, 4, item.input, "text")
        sheet.text(row, 5, item.label, "wrap")
        sheet.ws.write_number(
            row, 6, _exact(item.value), sheet.styles.get(_value_style(item.value))
        )
        sheet.text(row, 7, item.file, "wrap")
        sheet.text(row, 8, item.sheet, "text")
        sheet.text(row, 9, item.cell, "center")
        sheet.text(row, 10, item.note, "wrap")
        sheet.text(row, 11, item.sha256, "mono_cell")
        row += 1
    sheet.ws.freeze_panes(header + 1, 0)
    sheet.ws.autofilter(header, 0, max(row - 1, header), last)
    set_print(sheet, landscape=True, repeat=(header, header))


def _exact(value: Decimal) -> int | float:
    """An input as the bureau typed it (not rounded: this is the evidence)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _value_style(value: Decimal) -> str:
    return "int" if value == value.to_integral_value() else "dec"
