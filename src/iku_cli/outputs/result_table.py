"""The compute result as terminal tables (rich): one per goal, then a summary."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..core.result import IndicatorResult, Progress, Result, Status
from ..i18n import Lang, number, t
from .safety import printable

if TYPE_CHECKING:
    from rich.console import RenderableType

_PROGRESS_STYLES: dict[Progress, str] = {"on_track": "green", "behind": "yellow"}
# colours by band position (highest first): the labels themselves come from the catalogue
_BAND_STYLES = ("bold green", "green", "yellow", "dark_orange", "red")
_STATUS_STYLES: dict[Status, str] = {
    "ok": "green",
    "incomplete": "yellow",
    "missing": "red",
    "not_assessed": "magenta",
    "invalid": "bold red",
    "not_due": "dim",
}


def category_style(result: Result, label: str | None) -> str:
    """The colour of a category, by the position of its band in the scale."""
    if label is None or label not in result.categories:
        return ""
    position = result.categories.index(label)
    last = len(result.categories) - 1
    if position == last:
        return _BAND_STYLES[-1]
    return _BAND_STYLES[min(position, len(_BAND_STYLES) - 2)]


def plain_number(value: Decimal | None, lang: Lang) -> str:
    """A number as given (no rounding, no trailing zeros), the ``lang`` way."""
    if value is None:
        return "-"
    value = value.normalize()
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    text = f"{value:,f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def result_table(result: Result, lang: Lang = "id") -> list[RenderableType]:
    """Title, one table per goal with a goal row, the reasons, and a closing summary."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    title = t(
        "compute.title",
        lang,
        organisation=result.organisation,
        year=result.year,
        period=result.period,
    )
    if result.provisional:
        title += " " + t("compute.title_provisional", lang)
    out: list[RenderableType] = [Text(title, style="bold")]
    notes: list[str] = []
    for goal in result.goals:
        statement = t("compute.goal", lang, code=goal.code, statement=goal.statement)
        table = Table(title=escape(statement), title_justify="left", expand=True)
        table.add_column(t("compute.col.code", lang), no_wrap=True)
        table.add_column(t("compute.col.indicator", lang), ratio=4, min_width=20)
        table.add_column(t("compute.col.owner", lang), min_width=10, max_width=18)
        table.add_column(t("compute.col.target", lang), justify="right")
        table.add_column(t("compute.col.value", lang), justify="right")
        table.add_column(t("compute.col.achievement", lang), justify="right")
        table.add_column(t("compute.col.category", lang))
        table.add_column(t("compute.col.status", lang))
        for ind in result.indicators:
            if ind.goal != goal.code:
                continue
            style = category_style(result, ind.category)
            shown_category = ind.category or "-"
            if ind.category is None and ind.progress is not None:
                shown_category = t(f"progress.{ind.progress}", lang)
                style = _PROGRESS_STYLES[ind.progress]
            table.add_row(
                ind.code,
                escape(ind.name),
                escape(ind.owner),
                plain_number(ind.target, lang),
                number(ind.value, lang),
                Text(number(ind.achievement, lang), style=style),
                Text(shown_category, style=style),
                Text(t(f"status.{ind.status}", lang), style=_STATUS_STYLES[ind.status]),
            )
            if ind.reason is not None:
                notes.append(f"{ind.code}: {ind.reason.text(lang)}")
            basis = target_note(ind, result.period, lang)
            if basis:
                notes.append(f"{ind.code}: {basis}")
        style = category_style(result, goal.category)
        table.add_section()
        table.add_row(
            "",
            Text(
                t(
                    "compute.goal_row",
                    lang,
                    code=goal.code,
                    assessed=goal.assessed,
                    total=goal.total,
                ),
                style="bold",
            ),
            "",
            "",
            "",
            Text(number(goal.achievement, lang), style=f"bold {style}".strip()),
            Text(goal.category or "-", style=f"bold {style}".strip()),
            "",
        )
        out.append(table)
    if notes:
        out.append(Text(t("compute.notes", lang), style="bold"))
        out.extend(Text("  " + printable(note)) for note in notes)  # file names in reasons
    overall = result.overall
    summary = t(
        "compute.summary",
        lang,
        assessed=overall.assessed,
        total=overall.total,
        missing=result.count("missing"),
        achievement=number(overall.achievement, lang),
        category=overall.category or "-",
    )
    out.append(Text(summary, style=f"bold {category_style(result, overall.category)}".strip()))
    out.append(Text(overall_note(result, lang)))
    return out


def target_note(ind: IndicatorResult, period: str, lang: Lang) -> str | None:
    """Where a quarter's target came from (a profile), or why there is only a progress."""
    share = plain_number(ind.target_share, lang)
    if ind.target_basis == "profile":
        return t("compute.note.profile", lang, period=period, share=share)
    if ind.progress is not None:
        shown = t(f"progress.{ind.progress}", lang)
        return t("compute.note.progress", lang, period=period, pace=share, progress=shown)
    return None


def overall_note(result: Result, lang: Lang) -> str:
    """How the overall figure was averaged, and what the other way gives."""
    overall = result.overall
    other = overall.by_indicators if overall.method == "goals" else overall.by_goals
    chosen = overall.by_goals if overall.method == "goals" else overall.by_indicators
    return t(
        f"compute.overall.{overall.method}",
        lang,
        count=chosen.count if chosen else 0,
        other=number(other.achievement if other else None, lang),
        other_count=other.count if other else 0,
    )
