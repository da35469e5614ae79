"""The ``Capaian IKU`` sheet: each indicator under its goal, and the overall figure."""

from __future__ import annotations

from ...core.periods import PERIODS
from ...core.recap import Recap
from ...i18n import Lang, t
from .cells import Sheet, row_style
from .layout import set_print, set_widths, title_rows

# the header row of the table, 0-based (tests and readers find the table here)
ACHIEVEMENT_HEADER_ROW = 5


def write_achievement(sheet: Sheet, recap: Recap, lang: Lang) -> None:
    """One row per indicator under its goal's row, and the overall figure."""
    result = recap.result
    categories = result.categories
    header = ACHIEVEMENT_HEADER_ROW
    columns = [
        t("recap.col.goal", lang),
        t("recap.col.code", lang),
        t("recap.col.indicator", lang),
        t("recap.col.unit", lang),
        t("recap.col.owner", lang),
        t("recap.col.target", lang, year=recap.year),
        *PERIODS,
        t("recap.col.value", lang, year=recap.year),
        t("recap.col.achievement", lang),
        t("recap.col.category", lang),
        t("recap.col.status", lang),
        t("recap.col.reason", lang),
    ]
    last = len(columns) - 1
    set_widths(sheet, (7, 6, 46, 9, 15, 9, 8.5, 8.5, 8.5, 8.5, 10, 9, 12, 9, 28))
    title_rows(sheet, recap, t("recap.sheet.achievement", lang, year=recap.year), last, lang)
    sheet.merged(3, 0, last, t("recap.achievement.hint", lang), "hint")
    # two header rows: "realisation to" over the four quarters, everything else merged down
    first_q = 6
    for col, text in enumerate(columns):
        if first_q <= col < first_q + len(PERIODS):
            sheet.text(header, col, text, "head")
        else:
            sheet.merged(header - 1, col, col, text, "head", rows=2)
    last_q = first_q + len(PERIODS) - 1
    sheet.merged(header - 1, first_q, last_q, t("recap.col.realisation", lang), "head")
    sheet.height(header - 1, 18)
    sheet.height(header, 30)

    row = header + 1
    for goal in result.goals:
        # the goal's row: its statement across the descriptive and quarterly columns
        sheet.text(row, 0, goal.code, "goal_code")
        sheet.text(row, 1, None, "goal")
        sheet.merged(row, 2, 10, goal.statement, "goal_wrap")
        sheet.number(row, 11, goal.achievement, "goal_pct")
        sheet.text(row, 12, goal.category, sheet.band(goal.category, categories, "goal_"))
        sheet.text(row, 13, None, "goal")
        assessed = t("recap.goal.assessed", lang, assessed=goal.assessed, total=goal.total)
        sheet.text(row, 14, assessed, "goal_wrap")
        row += 1
        for item in (i for i in result.indicators if i.goal == goal.code):
            quarters = [recap.realisation(item.code, p) for p in PERIODS]
            style = row_style(item.target, item.value, *quarters)
            sheet.text(row, 0, item.goal, "code")
            sheet.text(row, 1, item.code, "code")
            sheet.text(row, 2, item.name, "wrap")
            sheet.text(row, 3, item.unit, "wrap")
            sheet.text(row, 4, item.owner, "wrap")
            sheet.number(row, 5, item.target, style)
            for n, value in enumerate(quarters):
                sheet.number(row, first_q + n, value, style)
            sheet.number(row, 10, item.value, style)
            sheet.number(row, 11, item.achievement, "pct")
            if item.category is None and item.progress is not None:
                # before TW4 without a quarterly target: a pace, not a band
                sheet.text(row, 12, t(f"progress.{item.progress}", lang), "center")
            else:
                sheet.text(row, 12, item.category, sheet.band(item.category, categories))
            sheet.text(row, 13, t(f"status.{item.status}", lang), "center")
            sheet.text(row, 14, item.reason.text(lang) if item.reason else None, "wrap")
            row += 1
    last_data = row - 1
    overall = result.overall
    sheet.text(row, 0, None, "total")
    sheet.text(row, 1, None, "total")
    sheet.merged(row, 2, 10, t("recap.overall", lang), "total")
    sheet.number(row, 11, overall.achievement, "total_pct")
    sheet.text(row, 12, overall.category, sheet.band(overall.category, categories, "total_"))
    sheet.text(row, 13, None, "total")
    assessed = t("recap.goal.assessed", lang, assessed=overall.assessed, total=overall.total)
    sheet.text(row, 14, assessed, "total")

    sheet.ws.freeze_panes(header + 1, 3)
    sheet.ws.autofilter(header, 0, last_data, last)
    set_print(sheet, landscape=True, repeat=(header - 1, header))
