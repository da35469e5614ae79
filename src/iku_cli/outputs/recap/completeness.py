"""The ``Kelengkapan`` sheet: which bureau sent which quarter's workbook, and its legend."""

from __future__ import annotations

from pathlib import Path

from ...core.periods import PERIODS
from ...core.recap import CompletenessCell, Recap
from ...i18n import Lang, t
from .cells import Sheet
from .layout import set_print, set_widths, title_rows


def write_completeness(sheet: Sheet, recap: Recap, lang: Lang) -> None:
    counts = (
        t("recap.col.received", lang),
        t("recap.col.missing", lang),
        t("recap.col.with_errors", lang),
    )
    columns = (t("recap.col.owner", lang), *PERIODS, *counts)
    last = len(columns) - 1
    set_widths(sheet, (24, 30, 30, 30, 30, 10, 10, 10))
    title_rows(sheet, recap, t("recap.sheet.completeness", lang, year=recap.year), last, lang)
    sheet.merged(3, 0, last, t("recap.completeness.hint", lang), "hint")
    header = 4
    for col, text in enumerate(columns):
        sheet.text(header, col, text, "head")
    sheet.height(header, 30)
    row = header + 1
    totals = [0, 0, 0]
    for line in recap.completeness:
        owner = (
            line.owner if line.known else t("recap.completeness.unknown", lang, owner=line.owner)
        )
        sheet.text(row, 0, owner, "wrap")
        for n, period in enumerate(PERIODS):
            cell = line.cells[period]
            sheet.text(row, 1 + n, _cell_text(cell, lang), f"state_{cell.state}")
        numbers = (line.received, line.missing, line.with_errors)
        for n, value in enumerate(numbers):
            sheet.number(row, 5 + n, value, "int")
            totals[n] += value
        row += 1
    sheet.text(row, 0, t("recap.total", lang), "total")
    for n in range(len(PERIODS)):
        sheet.text(row, 1 + n, None, "total")
    for n, value in enumerate(totals):
        sheet.number(row, 5 + n, value, "total_int")
    row += 2
    sheet.text(row, 0, t("recap.legend", lang), "label")
    for state in ("received", "errors", "duplicate", "missing", "not_required", "later"):
        row += 1
        sheet.text(row, 0, t(f"recap.state.{state}", lang), f"state_{state}")
        sheet.text(row, 1, t(f"recap.state_hint.{state}", lang), "hint")
    sheet.ws.freeze_panes(header + 1, 1)
    set_print(sheet, landscape=True, repeat=(header, header))


def _cell_text(cell: CompletenessCell, lang: Lang) -> str:
    names = ", ".join(Path(f).name for f in cell.files)
    if cell.state == "received":
        return names
    if cell.state == "errors":
        return t("recap.cell.errors", lang, file=names, errors=cell.errors)
    if cell.state == "duplicate":
        # duplicates often share a name in different folders: show where each one is
        return t("recap.cell.duplicate", lang, files="; ".join(cell.files))
    return t(f"recap.state.{cell.state}", lang)
