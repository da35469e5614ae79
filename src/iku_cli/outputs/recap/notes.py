"""The ``Catatan`` sheet: the findings, the catalogue's notes, and the method of calculation."""

from __future__ import annotations

from ...core.recap import Recap
from ...i18n import Lang, t
from .cells import Sheet, plain
from .layout import set_print, set_widths, title_rows


def write_notes(sheet: Sheet, recap: Recap, lang: Lang) -> None:
    columns = (
        t("recap.col.no", lang),
        t("recap.col.severity", lang),
        t("recap.col.finding", lang),
        t("recap.col.message", lang),
        t("recap.col.file", lang),
        t("recap.col.where", lang),
        t("recap.col.code", lang),
        t("recap.col.input", lang),
    )
    last = len(columns) - 1
    set_widths(sheet, (5, 11, 24, 64, 30, 12, 6, 16))
    title_rows(sheet, recap, t("recap.sheet.notes", lang), last, lang)
    row = 4
    sheet.merged(
        row, 0, last, t("recap.notes.findings", lang, count=len(recap.findings)), "section"
    )
    row += 1
    for col, text in enumerate(columns):
        sheet.text(row, col, text, "head")
    row += 1
    if not recap.findings:
        sheet.merged(row, 0, last, t("recap.notes.no_findings", lang), "hint")
        row += 1
    ordered = sorted(recap.findings, key=lambda f: (not f.is_error, f.file or "", f.cell or ""))
    for n, finding in enumerate(ordered, start=1):
        sheet.number(row, 0, n, "center")
        severity = t("error" if finding.is_error else "warning", lang)
        sheet.text(row, 1, severity, "state_missing" if finding.is_error else "state_errors")
        sheet.text(row, 2, finding.code, "text")
        sheet.text(row, 3, finding.message(lang), "wrap")
        sheet.text(row, 4, finding.file, "wrap")
        sheet.text(row, 5, finding.location(), "text")
        sheet.text(row, 6, finding.indicator, "code")
        sheet.text(row, 7, finding.input, "text")
        row += 1

    row += 1
    sheet.merged(row, 0, last, t("recap.notes.catalogue", lang), "section")
    row += 1
    sheet.text(row, 0, t("recap.col.code", lang), "head")
    sheet.merged(row, 1, 2, t("recap.col.indicator", lang), "head")
    sheet.merged(row, 3, last, t("recap.col.note", lang), "head")
    row += 1
    if not recap.notes:
        sheet.merged(row, 0, last, t("recap.notes.no_notes", lang), "hint")
        row += 1
    for note in recap.notes:
        sheet.text(row, 0, note.code, "code")
        sheet.merged(row, 1, 2, note.name, "wrap")
        sheet.merged(row, 3, last, note.note, "wrap")
        row += 1

    row += 1
    sheet.merged(row, 0, last, t("recap.notes.method", lang), "section")
    settings = recap.catalogue.achievement
    lines = [
        t("recap.method.positive", lang),
        t(f"recap.method.{settings.negative_formula}", lang),
        t("recap.method.cap", lang, cap=plain(settings.cap))
        if settings.cap is not None
        else t("recap.method.no_cap", lang),
        t("recap.method.floor", lang, floor=plain(settings.floor))
        if settings.floor is not None
        else t("recap.method.no_floor", lang),
        t("recap.method.goal", lang),
        t(f"recap.method.overall.{settings.overall}", lang),
        t("recap.method.quarterly", lang),
        t("recap.method.rounding", lang),
        t("recap.method.sources", lang),
    ]
    for line in lines:
        row += 1
        sheet.text(row, 0, "•", "label")
        sheet.merged(row, 1, last, line, "value_wrap")
    sheet.ws.freeze_panes(4, 0)
    set_print(sheet, landscape=True)
