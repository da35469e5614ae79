"""The ``Ringkasan`` sheet: the recap's identity, goals, categories and the achievement chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...core.recap import Recap
from ...i18n import Lang, t
from .cells import Sheet, plain
from .layout import SUMMARY_SHEET, period_range, set_print, set_widths, status_line


def write_summary(
    workbook: Any,
    sheet: Sheet,
    recap: Recap,
    lang: Lang,
    version: str,
) -> None:
    result = recap.result
    categories = result.categories
    set_widths(sheet, (26, 62, 10, 10, 11, 15))
    last = 5
    sheet.merged(0, 0, last, t("recap.title", lang, year=recap.year), "title")
    sheet.merged(1, 0, last, recap.catalogue.organisation, "subtitle")
    sheet.height(0, 24)

    errors = sum(1 for f in recap.findings if f.is_error)
    warnings = len(recap.findings) - errors
    row = 3
    block: list[tuple[str, Any, str]] = [
        (t("recap.label.organisation", lang), recap.catalogue.organisation, "value_wrap"),
        (t("recap.label.year", lang), recap.year, "year"),
        (
            t("recap.label.period", lang),
            f"{recap.period} ({period_range(recap.period, lang)})",
            "value",
        ),
        (
            t("recap.label.status", lang),
            status_line(recap, lang),
            "ok" if recap.final else "warn",
        ),
        (t("recap.label.generated", lang), recap.generated_at, "datetime"),
        (
            t("recap.label.catalogue", lang),
            Path(recap.catalogue.path).name or "indicators.yaml",
            "value",
        ),
        (t("recap.label.fingerprint", lang), recap.catalogue.sha256, "mono"),
        (
            t("recap.label.files", lang),
            t(
                "recap.files",
                lang,
                files=recap.files_read,
                submissions=len(result.submissions),
                errors=errors,
                warnings=warnings,
            ),
            "value_wrap",
        ),
        (t("recap.label.tool", lang), f"iku {version}", "value"),
    ]
    for label, value, style in block:
        sheet.text(row, 0, label, "label")
        if isinstance(value, int):
            sheet.ws.write_number(row, 1, value, sheet.styles.get(style))
        elif isinstance(value, str):
            sheet.text(row, 1, value, style)
        else:
            sheet.ws.write_datetime(row, 1, value, sheet.styles.get(style))
        row += 1

    # achievement per goal and overall
    row += 1
    sheet.merged(row, 0, last, t("recap.goals.title", lang), "section")
    row += 1
    heads = [
        t("recap.col.goal", lang),
        t("recap.col.statement", lang),
        t("recap.col.assessed", lang),
        t("recap.col.total", lang),
        t("recap.col.achievement", lang),
        t("recap.col.category", lang),
    ]
    for col, text in enumerate(heads):
        sheet.text(row, col, text, "head")
    sheet.height(row, 30)
    row += 1
    for goal in result.goals:
        sheet.text(row, 0, t("recap.goal.name", lang, code=goal.code), "text")
        sheet.text(row, 1, goal.statement, "wrap")
        sheet.number(row, 2, goal.assessed, "int")
        sheet.number(row, 3, goal.total, "int")
        sheet.number(row, 4, goal.achievement, "pct")
        sheet.text(row, 5, goal.category, sheet.band(goal.category, categories))
        row += 1
    overall = result.overall
    sheet.text(row, 0, t("recap.overall", lang), "total")
    sheet.text(row, 1, t(f"recap.overall.hint.{overall.method}", lang), "total")
    sheet.number(row, 2, overall.assessed, "total_int")
    sheet.number(row, 3, overall.total, "total_int")
    sheet.number(row, 4, overall.achievement, "total_pct")
    sheet.text(row, 5, overall.category, sheet.band(overall.category, categories, "total_"))
    # the other way of averaging, for comparison: which one counts is said above
    other_method = "indicators" if overall.method == "goals" else "goals"
    other = overall.by_indicators if overall.method == "goals" else overall.by_goals
    if other is not None:
        row += 1
        sheet.text(row, 0, t("recap.overall.other", lang), "text")
        sheet.text(row, 1, t(f"recap.overall.hint.{other_method}", lang), "text")
        sheet.number(row, 2, other.count, "int")
        sheet.text(row, 3, None, "text")
        sheet.number(row, 4, other.achievement, "pct")
        sheet.text(row, 5, other.category, "text")
    row += 2

    # indicators per category, then those without one by status
    sheet.merged(row, 0, last, t("recap.categories.title", lang), "section")
    row += 1
    sheet.text(row, 0, t("recap.col.category", lang), "head_left")
    sheet.text(row, 1, t("recap.col.band", lang), "head_left")
    sheet.text(row, 2, t("recap.col.count", lang), "head")
    row += 1
    scale = recap.catalogue.achievement.scale
    for n, (label, count) in enumerate(recap.category_counts()):
        sheet.text(row, 0, label, f"band{n}" if n < len(scale) else "text")
        sheet.text(row, 1, _band_text(recap, n, lang), "text")
        sheet.number(row, 2, count, "int")
        row += 1
    for status, count in recap.status_counts():
        sheet.text(row, 0, t(f"status.{status}", lang), "text")
        sheet.text(row, 1, t("recap.categories.no_category", lang), "text")
        sheet.number(row, 2, count, "int")
        row += 1
    sheet.text(row, 0, t("recap.total", lang), "total")
    sheet.text(row, 1, None, "total")
    sheet.number(row, 2, len(result.indicators), "total_int")
    row += 2

    # the chart, and the small table it draws from
    sheet.merged(
        row, 0, last, t("recap.chart.title", lang, year=recap.year, period=recap.period), "section"
    )
    chart_row = row + 1
    chart_height_rows = 22
    row = chart_row + chart_height_rows + 1
    # the chart's data starts a printed page of its own, under its heading
    sheet.ws.set_h_pagebreaks([row])
    sheet.merged(row, 0, last, t("recap.chart.data", lang), "section")
    row += 1
    sheet.text(row, 0, t("recap.col.code", lang), "head")
    sheet.text(row, 1, t("recap.col.indicator", lang), "head_left")
    sheet.text(row, 2, t("recap.col.achievement", lang), "head")
    sheet.text(row, 3, t("recap.chart.reference_col", lang), "head")
    sheet.height(row, 30)
    row += 1
    first_data = row
    points: list[dict[str, Any] | None] = []
    for item in result.indicators:
        sheet.text(row, 0, item.code, "code")
        sheet.text(row, 1, item.name, "wrap")
        sheet.number(row, 2, item.achievement, "pct")
        sheet.number(row, 3, 100, "int")
        colour = (
            sheet.styles.band_colour(categories.index(item.category))
            if item.category in categories
            else None
        )
        points.append(
            {"fill": {"color": colour}, "border": {"color": "#7F7F7F"}} if colour else None
        )
        row += 1
    last_data = row - 1
    _chart(workbook, sheet, recap, first_data, last_data, chart_row, points, lang)
    set_print(sheet, landscape=False)


def _band_text(recap: Recap, n: int, lang: Lang) -> str:
    """``>= 91`` / ``76 - < 91`` / ``< 51``: the band's range of achievement."""
    scale = recap.catalogue.achievement.scale
    band = scale[n]
    upper = scale[n - 1].min if n > 0 else None
    low = None if band.min is None else plain(band.min)
    high = None if upper is None else plain(upper)
    if low is not None and high is None:
        return t("recap.band.at_least", lang, min=low)
    if low is not None and high is not None:
        return t("recap.band.between", lang, min=low, max=high)
    return t("recap.band.below", lang, max=high or "-")


def _chart(
    workbook: Any,
    sheet: Sheet,
    recap: Recap,
    first: int,
    last: int,
    at_row: int,
    points: list[dict[str, Any] | None],
    lang: Lang,
) -> None:
    """A column per indicator's achievement, coloured by category, and a 100% line."""
    name = SUMMARY_SHEET
    chart = workbook.add_chart({"type": "column"})
    chart.add_series(
        {
            "name": t("recap.col.achievement", lang),
            "categories": [name, first, 0, last, 0],
            "values": [name, first, 2, last, 2],
            "fill": {"color": "#5B9BD5"},
            "points": points,
            "gap": 60,
            "data_labels": {"value": True, "num_format": "0", "font": {"size": 7}},
        }
    )
    line = workbook.add_chart({"type": "line"})
    line.add_series(
        {
            "name": t("recap.chart.reference", lang),
            "categories": [name, first, 0, last, 0],
            "values": [name, first, 3, last, 3],
            "line": {"color": "#C00000", "width": 1.5, "dash_type": "dash"},
            "marker": {"type": "none"},
        }
    )
    chart.combine(line)
    chart.set_title(
        {
            "name": t("recap.chart.title", lang, year=recap.year, period=recap.period),
            "name_font": {"size": 11, "bold": True},
        }
    )
    chart.set_x_axis(
        {"name": t("recap.col.code", lang), "num_font": {"size": 8}, "name_font": {"size": 9}}
    )
    chart.set_y_axis(
        {
            "name": t("recap.col.achievement", lang),
            "min": 0,
            "num_format": "0",
            "num_font": {"size": 8},
            "name_font": {"size": 9},
            "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
        }
    )
    # the bars take their category colours (the table above explains them): only the line
    # needs a legend entry
    chart.set_legend({"position": "bottom", "font": {"size": 8}, "delete_series": [0]})
    chart.show_blanks_as("gap")
    chart.set_size({"width": 860, "height": 420})
    sheet.ws.insert_chart(at_row, 0, chart, {"x_offset": 4, "y_offset": 6})
