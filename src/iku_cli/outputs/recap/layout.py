"""What every recap sheet shares: names, widths, print setup, footer, title and status rows."""

from __future__ import annotations

from typing import Any

from ...core.periods import Period
from ...core.recap import Recap
from ...i18n import Lang, t
from .cells import Sheet

SUMMARY_SHEET = "Ringkasan"
ACHIEVEMENT_SHEET = "Capaian IKU"
TREND_SHEET = "Tren"
ANALYSIS_SHEET = "Analisis"
COMPLETENESS_SHEET = "Kelengkapan"
SOURCES_SHEET = "Sumber Data"
NOTES_SHEET = "Catatan"
SHEETS = (
    SUMMARY_SHEET,
    ACHIEVEMENT_SHEET,
    TREND_SHEET,
    ANALYSIS_SHEET,
    COMPLETENESS_SHEET,
    SOURCES_SHEET,
    NOTES_SHEET,
)

_A4 = 9


def set_widths(sheet: Sheet, widths: tuple[float, ...]) -> None:
    for col, width in enumerate(widths):
        sheet.ws.set_column(col, col, width)
        sheet.widths[col] = width


def set_print(sheet: Sheet, landscape: bool, repeat: tuple[int, int] | None = None) -> None:
    ws = sheet.ws
    ws.set_paper(_A4)
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.center_horizontally()
    if repeat is not None:
        ws.repeat_rows(*repeat)


def footer(ws: Any, recap: Recap, lang: Lang) -> None:
    # '&' starts a header/footer code: a literal one is written '&&'
    organisation = recap.catalogue.organisation.replace("&", "&&")
    page = t("recap.footer.page", lang)
    ws.set_footer(f"&L&8{organisation} - {recap.year} {recap.period}&R&8{page}")


def title_rows(sheet: Sheet, recap: Recap, heading: str, last_col: int, lang: Lang) -> None:
    """Rows 0-2: the sheet's heading, the organisation, and year, period and status."""
    sheet.merged(0, 0, last_col, heading, "title")
    sheet.merged(1, 0, last_col, recap.catalogue.organisation, "subtitle")
    status = status_line(recap, lang)
    sheet.merged(2, 0, last_col, status, "hint" if recap.final else "warn")
    sheet.height(0, 22)


def status_line(recap: Recap, lang: Lang) -> str:
    """Final only when it is; otherwise provisional, with what is still missing."""
    params = {"year": recap.year, "period": recap.period, "range": period_range(recap.period, lang)}
    if recap.final:
        return t("recap.status_line.final", lang, **params)
    key = "recap.status_line.provisional" if recap.provisional else "recap.status_line.not_final"
    reasons = [
        t(k, lang, **p) for k, p in recap.unfinished_parts() if k != "recap.unfinished.period"
    ]
    line = t(key, lang, **params)
    return f"{line} {'; '.join(reasons)}." if reasons else line


def period_range(period: Period, lang: Lang) -> str:
    return t(f"recap.range.{period}", lang)
