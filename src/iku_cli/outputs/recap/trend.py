"""The ``Tren`` sheet: each indicator over the plan's years, against its end target."""

from __future__ import annotations

from ...core.recap import Recap
from ...i18n import Lang, t
from .cells import Sheet, row_style
from .layout import set_print, set_widths, title_rows


def write_trend(sheet: Sheet, recap: Recap, lang: Lang) -> None:
    heads = recap.trend_heads
    final_year = max(recap.catalogue.years)
    per_year = 3
    first_year_col = 3
    after = first_year_col + per_year * len(heads)
    last = after + 3
    set_widths(sheet, (6, 40, 9, *(8.5,) * (per_year * len(heads)), 10, 10, 7, 11))
    title_rows(sheet, recap, t("recap.sheet.trend", lang), last, lang)
    hint = t("recap.trend.hint", lang, final_year=final_year, year=recap.year)
    sheet.merged(3, 0, last, hint, "hint")
    top, header = 4, 5
    for col, text in enumerate(
        (t("recap.col.code", lang), t("recap.col.indicator", lang), t("recap.col.unit", lang))
    ):
        sheet.merged(top, col, col, text, "head", rows=2)
    for n, head in enumerate(heads):
        col = first_year_col + per_year * n
        if head.period is None:
            label = t("recap.trend.year_no_data", lang, year=head.year)
        elif head.provisional:
            label = t("recap.trend.year_provisional", lang, year=head.year, period=head.period)
        else:
            label = t("recap.trend.year", lang, year=head.year, period=head.period)
        sheet.merged(top, col, col + per_year - 1, label, "head")
        sheet.text(header, col, t("recap.col.target_short", lang), "head")
        sheet.text(header, col + 1, t("recap.col.value_short", lang), "head")
        sheet.text(header, col + 2, t("recap.col.achievement", lang), "head")
    sheet.merged(top, after, last, t("recap.trend.renstra", lang, year=final_year), "head")
    sheet.text(header, after, t("recap.col.target_short", lang), "head")
    sheet.text(header, after + 1, t("recap.trend.latest", lang), "head")
    sheet.text(header, after + 2, t("recap.trend.latest_year", lang), "head")
    sheet.text(header, after + 3, t("recap.trend.progress", lang), "head")
    sheet.height(top, 30)
    sheet.height(header, 30)

    row = header + 1
    for goal in recap.result.goals:
        sheet.text(row, 0, goal.code, "goal_code")
        sheet.merged(row, 1, last, goal.statement, "goal_wrap")
        row += 1
        for item in (r for r in recap.trend if r.goal == goal.code):
            values = [v for c in item.years for v in (c.target, c.value)]
            style = row_style(*values, item.final_target, item.latest_value)
            sheet.text(row, 0, item.code, "code")
            sheet.text(row, 1, item.name, "wrap")
            sheet.text(row, 2, item.unit, "wrap")
            for n, cell in enumerate(item.years):
                col = first_year_col + per_year * n
                sheet.number(row, col, cell.target, style)
                sheet.number(row, col + 1, cell.value, style)
                sheet.number(row, col + 2, cell.achievement, "pct")
            sheet.number(row, after, item.final_target, style)
            sheet.number(row, after + 1, item.latest_value, style)
            sheet.number(row, after + 2, item.latest_year, "center")
            sheet.number(row, after + 3, item.progress, "pct")
            row += 1
    sheet.ws.freeze_panes(header + 1, 2)
    set_print(sheet, landscape=True, repeat=(top, header))
