"""The ``Analisis`` sheet: each indicator against earlier years and targets, with its narrative."""

from __future__ import annotations

from ...core.recap import Recap
from ...i18n import Lang, t
from .cells import Sheet, row_style
from .layout import set_print, set_widths, title_rows

ANALYSIS_HEADER_ROW = 5  # 0-based, as ACHIEVEMENT_HEADER_ROW


def write_analysis(sheet: Sheet, recap: Recap, lang: Lang) -> None:
    """Per indicator: this year, every earlier year, the change in points, baseline,
    end target and progress, benchmark, programmes, and the bureau's narrative with
    where it was written (text as typed, formula-like text quote-prefixed)."""
    earlier_years = [y for y in recap.catalogue.years if y < recap.year]
    final_year = max(recap.catalogue.years)
    heads: list[tuple[str, float, None]] = [
        (t("recap.col.code", lang), 6, None),
        (t("recap.col.indicator", lang), 34, None),
        (t("recap.col.unit", lang), 9, None),
        (t("recap.analysis.target", lang, year=recap.year), 9, None),
        (t("recap.analysis.value", lang, year=recap.year), 9, None),
        (t("recap.analysis.achievement", lang, year=recap.year), 9, None),
        (t("recap.col.category", lang), 11, None),
    ]
    for y in earlier_years:
        heads.append((t("recap.analysis.value", lang, year=y), 9, None))
        heads.append((t("recap.analysis.achievement", lang, year=y), 9, None))
    heads += [
        (t("recap.analysis.change", lang, year=recap.year - 1), 10, None),
        (t("recap.analysis.baseline_year", lang), 8, None),
        (t("recap.analysis.baseline", lang), 9, None),
        (t("recap.analysis.final_target", lang, year=final_year), 9, None),
        (t("recap.analysis.progress", lang), 10, None),
        (t("recap.analysis.benchmark", lang), 9, None),
        (t("recap.analysis.benchmark_source", lang), 24, None),
        (t("recap.analysis.programmes", lang), 24, None),
        ("Faktor pendukung", 34, None),
        ("Faktor penghambat", 34, None),
        ("Upaya tindak lanjut", 34, None),
        ("Bukti dukung", 24, None),
        (t("recap.analysis.source", lang), 30, None),
    ]
    last = len(heads) - 1
    set_widths(sheet, tuple(width for _, width, _ in heads))
    title_rows(sheet, recap, t("recap.sheet.analysis", lang), last, lang)
    sheet.merged(3, 0, last, t("recap.analysis.hint", lang), "hint")
    header = ANALYSIS_HEADER_ROW
    for col, (text, _, _) in enumerate(heads):
        sheet.text(header, col, text, "head")
    sheet.height(header, 42)
    categories = recap.result.categories
    row = header + 1
    for goal in recap.result.goals:
        sheet.text(row, 0, goal.code, "goal_code")
        sheet.merged(row, 1, last, goal.statement, "goal_wrap")
        row += 1
        for item in (r for r in recap.analysis if r.goal == goal.code):
            style = row_style(
                item.target, item.value, item.baseline_value, item.final_target,
                item.benchmark_value, *(c.value for c in item.earlier),
            )  # fmt: skip
            sheet.text(row, 0, item.code, "code")
            sheet.text(row, 1, item.name, "wrap")
            sheet.text(row, 2, item.unit, "wrap")
            sheet.number(row, 3, item.target, style)
            sheet.number(row, 4, item.value, style)
            sheet.number(row, 5, item.achievement, "pct")
            sheet.text(row, 6, item.category, sheet.band(item.category, categories))
            col = 7
            by_year = {c.year: c for c in item.earlier}
            for y in earlier_years:
                cell = by_year.get(y)
                sheet.number(row, col, cell.value if cell else None, style)
                sheet.number(row, col + 1, cell.achievement if cell else None, "pct")
                col += 2
            sheet.number(row, col, item.change, "pct")
            sheet.number(row, col + 1, item.baseline_year, "center")
            sheet.number(row, col + 2, item.baseline_value, style)
            sheet.number(row, col + 3, item.final_target, style)
            sheet.number(row, col + 4, item.progress, "pct")
            sheet.number(row, col + 5, item.benchmark_value, style)
            sheet.text(row, col + 6, item.benchmark_source, "wrap")
            sheet.text(row, col + 7, "; ".join(item.programmes) or None, "wrap")
            narrative = item.narrative
            for offset, name in enumerate(("supporting", "obstacles", "actions", "evidence")):
                said = narrative.text(name) if narrative else None
                sheet.text(row, col + 8 + offset, said, "wrap")
            sheet.text(row, col + 12, item.narrative_source(), "wrap")
            row += 1
    sheet.ws.freeze_panes(header + 1, 2)
    set_print(sheet, landscape=True, repeat=(header, header))
