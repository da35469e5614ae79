"""The recap workbook as a whole: its properties, its sheets in order, and closing it."""

from __future__ import annotations

from pathlib import Path

from ...core.recap import Recap
from ...i18n import Lang, t
from .achievements import write_achievement
from .analysis import write_analysis
from .cells import Sheet, Styles
from .completeness import write_completeness
from .layout import (
    ACHIEVEMENT_SHEET,
    ANALYSIS_SHEET,
    COMPLETENESS_SHEET,
    NOTES_SHEET,
    SHEETS,
    SOURCES_SHEET,
    SUMMARY_SHEET,
    TREND_SHEET,
    footer,
)
from .notes import write_notes
from .sources import write_sources
from .summary import write_summary
from .trend import write_trend


def write_recap(recap: Recap, path: str | Path, lang: Lang = "id") -> None:
    """Write ``recap`` to ``path`` (an ``.xlsx`` file; the caller makes it atomic)."""
    import xlsxwriter

    from ...version import __version__

    workbook = xlsxwriter.Workbook(
        str(path),
        {
            # never turn a string into a number, a formula or a link
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "default_date_format": "dd/mm/yyyy hh:mm",
            # no temporary files: the recap is small, and it saves their creation and removal
            "in_memory": True,
        },
    )
    styles = Styles(workbook, len(recap.result.categories))
    title = t("recap.title", lang, year=recap.year)
    workbook.set_properties(
        {
            "title": f"{title} - {recap.catalogue.organisation}",
            "subject": f"LKjIP {recap.year} {recap.period}",
            "author": recap.catalogue.organisation,
            "company": recap.catalogue.organisation,
            "comments": f"iku {__version__}; catalogue sha256 {recap.catalogue.sha256}",
            "created": recap.generated_at,
        }
    )
    from ..marking import mark_output

    mark_output(workbook, "recap")  # read back later, it is skipped, not taken as a submission
    sheets = {name: Sheet(workbook.add_worksheet(name), styles) for name in SHEETS}
    write_achievement(sheets[ACHIEVEMENT_SHEET], recap, lang)
    write_summary(workbook, sheets[SUMMARY_SHEET], recap, lang, __version__)
    write_trend(sheets[TREND_SHEET], recap, lang)
    write_analysis(sheets[ANALYSIS_SHEET], recap, lang)
    write_completeness(sheets[COMPLETENESS_SHEET], recap, lang)
    write_sources(sheets[SOURCES_SHEET], recap, lang)
    write_notes(sheets[NOTES_SHEET], recap, lang)
    for sheet in sheets.values():
        footer(sheet.ws, recap, lang)
        sheet.finish()
    sheets[SUMMARY_SHEET].ws.activate()
    try:
        workbook.close()
    except xlsxwriter.exceptions.FileCreateError as exc:
        raise OSError(str(exc)) from exc
