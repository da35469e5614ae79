"""The yearly recap workbook (DESIGN section 9), written with XlsxWriter.

Six sheets in a pinned order: ``Ringkasan``, ``Capaian IKU``, ``Tren``,
``Kelengkapan``, ``Sumber Data``, ``Catatan``. Numbers are written as numbers
at full precision, rounded only by the number format (2 places: the figure
``iku compute`` prints), so that a reader's own calculator over the stored
cells agrees with the stored achievement; every text goes through
:meth:`_Sheet.text`, which writes a string cell and marks text that would start
a formula with Excel's quote prefix, so
that nothing a bureau typed becomes a formula, even when the cell is edited.
"""

from __future__ import annotations

import functools
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from ..core.periods import PERIODS, Period
from ..core.recap import CompletenessCell, Recap
from ..i18n import Lang, t
from .safety import FORMULA_START, is_formula_like  # one rule for CSV and xlsx

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


# the header row of each table sheet, 0-based (tests and readers find the tables here)
ACHIEVEMENT_HEADER_ROW = 5
SOURCES_HEADER_ROW = 4

_A4 = 9
_CENT = Decimal("0.01")

# band fills, highest band first (green to red); catalogues with other band counts are
# spread over the same ramp
_BAND_COLOURS = ("#63BE7B", "#B5D99C", "#FFEB84", "#F8B26A", "#F8696B")
_HEADER_FILL = "#1F4E78"
_GOAL_FILL = "#DDEBF7"
_GRID = "#A6A6A6"
_STATE_FILLS = {
    "received": "#C6EFCE",
    "errors": "#FFEB9C",
    "duplicate": "#FFC7CE",
    "missing": "#FFC7CE",
    "not_required": "#F2F2F2",
    "later": "#FFFFFF",
}


def excel_number(value: Decimal | int | None) -> int | float | None:
    """Half-up to 2 places, as ``iku compute`` shows it; whole numbers as int."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if not value.is_finite():
        return None
    if value.adjusted() >= 20:
        # past what 2 places can show within 28 digits: Excel keeps 15 digits anyway
        return float(value) if value.adjusted() < 300 else None
    shown = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    return int(shown) if shown == shown.to_integral_value() else float(shown)


def excel_full(value: Decimal | int | None) -> int | float | None:
    """A figure as stored in a cell: full precision (the number format rounds the view)."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if not value.is_finite() or value.adjusted() >= 300:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def write_recap(recap: Recap, path: str | Path, lang: Lang = "id") -> None:
    """Write ``recap`` to ``path`` (an ``.xlsx`` file; the caller makes it atomic)."""
    import xlsxwriter

    from .. import __version__

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
    styles = _Styles(workbook, len(recap.result.categories))
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
    from .marking import mark_output

    mark_output(workbook, "recap")  # read back later, it is skipped, not taken as a submission
    sheets = {name: _Sheet(workbook.add_worksheet(name), styles) for name in SHEETS}
    _achievement(sheets[ACHIEVEMENT_SHEET], recap, lang)
    _summary(workbook, sheets[SUMMARY_SHEET], recap, lang, __version__)
    _trend(sheets[TREND_SHEET], recap, lang)
    _analysis(sheets[ANALYSIS_SHEET], recap, lang)
    _completeness(sheets[COMPLETENESS_SHEET], recap, lang)
    _sources(sheets[SOURCES_SHEET], recap, lang)
    _notes(sheets[NOTES_SHEET], recap, lang)
    for sheet in sheets.values():
        _footer(sheet.ws, recap, lang)
        sheet.finish()
    sheets[SUMMARY_SHEET].ws.activate()
    try:
        workbook.close()
    except xlsxwriter.exceptions.FileCreateError as exc:
        raise OSError(str(exc)) from exc


# --------------------------------------------------------------------------- cells and styles


class _Styles:
    """Formats by name, each with a quote-prefixed twin for formula-like text."""

    def __init__(self, workbook: Any, bands: int) -> None:
        self.workbook = workbook
        self.bands = bands
        self._cache: dict[tuple[str, bool], Any] = {}
        cell = {"border": 1, "border_color": _GRID, "valign": "vcenter", "font_size": 10}
        head = {
            "bold": True,
            "font_color": "#FFFFFF",
            "bg_color": _HEADER_FILL,
            "border": 1,
            "border_color": "#FFFFFF",
            "text_wrap": True,
            "align": "center",
            "valign": "vcenter",
            "font_size": 10,
        }
        goal = {**cell, "bold": True, "bg_color": _GOAL_FILL}
        self.props: dict[str, dict[str, Any]] = {
            "title": {"bold": True, "font_size": 15, "font_color": _HEADER_FILL},
            "subtitle": {"bold": True, "font_size": 11},
            "section": {
                "bold": True,
                "font_size": 11,
                "font_color": _HEADER_FILL,
                "bottom": 2,
                "bottom_color": _HEADER_FILL,
            },
            "hint": {"italic": True, "font_color": "#595959", "font_size": 9},
            "hint_wrap": {
                "italic": True,
                "font_color": "#595959",
                "font_size": 9,
                "text_wrap": True,
                "valign": "top",
            },
            "label": {"bold": True, "valign": "top", "font_size": 10},
            "value": {"valign": "top", "font_size": 10, "align": "left"},
            "value_wrap": {"valign": "top", "font_size": 10, "text_wrap": True},
            "mono": {"font_name": "Consolas", "font_size": 9, "valign": "top"},
            "warn": {"bold": True, "font_color": "#C00000", "font_size": 10, "valign": "top"},
            "ok": {"bold": True, "font_color": "#375623", "font_size": 10, "valign": "top"},
            "datetime": {
                "num_format": "dd/mm/yyyy hh:mm",
                "align": "left",
                "font_size": 10,
                "valign": "top",
            },
            "year": {"num_format": "0", "align": "left", "font_size": 10, "valign": "top"},
            "head": head,
            "head_left": {**head, "align": "left"},
            "text": {**cell},
            "wrap": {**cell, "text_wrap": True},
            "center": {**cell, "align": "center"},
            "code": {**cell, "num_format": "@", "align": "center"},
            "mono_cell": {**cell, "font_name": "Consolas", "font_size": 8},
            "int": {**cell, "num_format": "#,##0"},
            "dec": {**cell, "num_format": "#,##0.00"},
            "pct": {**cell, "num_format": "0.00"},
            "goal": goal,
            "goal_wrap": {**goal, "text_wrap": True},
            "goal_code": {**goal, "num_format": "@", "align": "center"},
            "goal_pct": {**goal, "num_format": "0.00"},
            "goal_int": {**goal, "num_format": "#,##0"},
            "total": {**cell, "bold": True, "top": 2},
            "total_pct": {**cell, "bold": True, "top": 2, "num_format": "0.00"},
            "total_int": {**cell, "bold": True, "top": 2, "num_format": "#,##0"},
        }
        for n in range(max(bands, 1)):
            fill = {"bg_color": self.band_colour(n), "align": "center"}
            self.props[f"band{n}"] = {**cell, **fill}
            self.props[f"goal_band{n}"] = {**goal, **fill}
            self.props[f"total_band{n}"] = {**cell, **fill, "bold": True, "top": 2}
        for state, colour in _STATE_FILLS.items():
            self.props[f"state_{state}"] = {**cell, "bg_color": colour, "text_wrap": True}

    def band_colour(self, n: int) -> str:
        if self.bands <= 1:
            return _BAND_COLOURS[0]
        position = round(n * (len(_BAND_COLOURS) - 1) / (self.bands - 1))
        return _BAND_COLOURS[min(position, len(_BAND_COLOURS) - 1)]

    def get(self, name: str, quote: bool = False) -> Any:
        key = (name, quote)
        if key not in self._cache:
            props = dict(self.props[name])
            if quote:
                props["quote_prefix"] = True
            self._cache[key] = self.workbook.add_format(props)
        return self._cache[key]


class _Sheet:
    """A worksheet and the only ways this module writes a cell.

    Neither Excel nor LibreOffice grows a row to fit wrapped text in a file it opens
    (they keep the heights stored), so each row's height is worked out here from
    the wrapped texts written into it and the widths of their columns.
    """

    def __init__(self, ws: Any, styles: _Styles) -> None:
        self.ws = ws
        self.styles = styles
        self.widths: dict[int, float] = {}
        self.lines: dict[int, int] = {}
        self.heights: dict[int, float] = {}

    def text(self, row: int, col: int, value: str | None, style: str = "text") -> None:
        """A string cell; formula-like text gets the quote prefix (shown as typed, never run)."""
        if value is None or value == "":
            self.ws.write_blank(row, col, None, self.styles.get(style))
            return
        self.ws.write_string(row, col, value, self.styles.get(style, is_formula_like(value)))
        self._fit(row, value, style, self.widths.get(col, 8.43))

    def number(
        self, row: int, col: int, value: Decimal | int | None, style: str | None = None
    ) -> None:
        """A number cell, or a blank one (never 0) when there is no figure."""
        shown = excel_full(value)
        if style is None:
            style = "int" if isinstance(shown, int) else "dec"
        if shown is None:
            self.ws.write_blank(row, col, None, self.styles.get(style))
        else:
            self.ws.write_number(row, col, shown, self.styles.get(style))

    def merged(
        self, first: int, col1: int, col2: int, value: str | None, style: str, rows: int = 1
    ) -> None:
        """Text across columns ``col1``..``col2`` (and ``rows`` rows down)."""
        fmt = self.styles.get(style, bool(value) and is_formula_like(value or ""))
        if col1 != col2 or rows > 1:
            self.ws.merge_range(first, col1, first + rows - 1, col2, "", fmt)
        if not value:
            return
        self.ws.write_string(first, col1, value, fmt)
        if rows == 1:  # a cell merged down has the height of its rows
            width = sum(self.widths.get(c, 8.43) for c in range(col1, col2 + 1))
            self._fit(first, value, style, width)

    def height(self, row: int, points: float) -> None:
        """At least ``points`` high (more when its wrapped text needs it)."""
        self.heights[row] = max(points, self.heights.get(row, 0))

    def finish(self) -> None:
        for row in sorted(set(self.lines) | set(self.heights)):
            lines = self.lines.get(row, 1)
            needed = 12.6 * lines + 3 if lines > 1 else 0
            points = max(needed, self.heights.get(row, 0))
            if points:
                self.ws.set_row(row, points)

    def _fit(self, row: int, value: str, style: str, width: float) -> None:
        props = self.styles.props[style]
        if not props.get("text_wrap"):
            return
        size = props.get("font_size", 11)
        # characters per line: a column's width counts 11-point digits; bold runs wider
        per_line = max(width * 12.5 / size * (0.9 if props.get("bold") else 1.0) - 1, 4)
        self.lines[row] = max(self.lines.get(row, 1), _wrapped_lines(value, per_line))

    def band(self, label: str | None, categories: tuple[str, ...], prefix: str = "") -> str:
        """The style name for a category cell."""
        if label is not None and label in categories:
            return f"{prefix}band{categories.index(label)}"
        return {"": "center", "goal_": "goal", "total_": "total"}[prefix]


@functools.lru_cache(maxsize=4096)  # labels and notes repeat on every row of Sumber Data
def _wrapped_lines(text: str, per_line: float) -> int:
    """How many lines ``text`` takes when wrapped at spaces, and after ``/`` and ``-``."""
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            for n, piece in enumerate(_BREAK_AFTER.findall(word)):
                gap = 1 if used and n == 0 else 0
                if used and used + gap + len(piece) > per_line:
                    lines += 1
                    used = len(piece)
                else:
                    used += gap + len(piece)
                while used > per_line:  # a piece longer than the line breaks anywhere
                    lines += 1
                    used -= per_line
    return lines


_BREAK_AFTER = re.compile(r"[^/\-]+[/\-]?|[/\-]")


def _widths(sheet: _Sheet, widths: tuple[float, ...]) -> None:
    for col, width in enumerate(widths):
        sheet.ws.set_column(col, col, width)
        sheet.widths[col] = width


def _print(sheet: _Sheet, landscape: bool, repeat: tuple[int, int] | None = None) -> None:
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


def _footer(ws: Any, recap: Recap, lang: Lang) -> None:
    # '&' starts a header/footer code: a literal one is written '&&'
    organisation = recap.catalogue.organisation.replace("&", "&&")
    page = t("recap.footer.page", lang)
    ws.set_footer(f"&L&8{organisation} - {recap.year} {recap.period}&R&8{page}")


def _title(sheet: _Sheet, recap: Recap, heading: str, last_col: int, lang: Lang) -> None:
    """Rows 0-2: the sheet's heading, the organisation, and year, period and status."""
    sheet.merged(0, 0, last_col, heading, "title")
    sheet.merged(1, 0, last_col, recap.catalogue.organisation, "subtitle")
    status = _status_line(recap, lang)
    sheet.merged(2, 0, last_col, status, "hint" if recap.final else "warn")
    sheet.height(0, 22)


def _status_line(recap: Recap, lang: Lang) -> str:
    """Final only when it is; otherwise provisional, with what is still missing."""
    params = {"year": recap.year, "period": recap.period, "range": _range(recap.period, lang)}
    if recap.final:
        return t("recap.status_line.final", lang, **params)
    key = "recap.status_line.provisional" if recap.provisional else "recap.status_line.not_final"
    reasons = [
        t(k, lang, **p) for k, p in recap.unfinished_parts() if k != "recap.unfinished.period"
    ]
    line = t(key, lang, **params)
    return f"{line} {'; '.join(reasons)}." if reasons else line


def _range(period: Period, lang: Lang) -> str:
    return t(f"recap.range.{period}", lang)


# --------------------------------------------------------------------------- Capaian IKU


def _achievement(sheet: _Sheet, recap: Recap, lang: Lang) -> None:
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
    _widths(sheet, (7, 6, 46, 9, 15, 9, 8.5, 8.5, 8.5, 8.5, 10, 9, 12, 9, 28))
    _title(sheet, recap, t("recap.sheet.achievement", lang, year=recap.year), last, lang)
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
            style = _row_style(item.target, item.value, *quarters)
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
    _print(sheet, landscape=True, repeat=(header - 1, header))


def _row_style(*values: Decimal | None) -> str:
    """One number format for a row's figures: whole numbers only, or 2 decimals."""
    shown = [excel_full(v) for v in values if v is not None]
    return "int" if all(isinstance(v, int) for v in shown) else "dec"


# --------------------------------------------------------------------------- Ringkasan


def _summary(
    workbook: Any,
    sheet: _Sheet,
    recap: Recap,
    lang: Lang,
    version: str,
) -> None:
    result = recap.result
    categories = result.categories
    _widths(sheet, (26, 62, 10, 10, 11, 15))
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
            f"{recap.period} ({_range(recap.period, lang)})",
            "value",
        ),
        (
            t("recap.label.status", lang),
            _status_line(recap, lang),
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
    _print(sheet, landscape=False)


def _band_text(recap: Recap, n: int, lang: Lang) -> str:
    """``>= 91`` / ``76 - < 91`` / ``< 51``: the band's range of achievement."""
    scale = recap.catalogue.achievement.scale
    band = scale[n]
    upper = scale[n - 1].min if n > 0 else None
    low = None if band.min is None else _plain(band.min)
    high = None if upper is None else _plain(upper)
    if low is not None and high is None:
        return t("recap.band.at_least", lang, min=low)
    if low is not None and high is not None:
        return t("recap.band.between", lang, min=low, max=high)
    return t("recap.band.below", lang, max=high or "-")


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value != 0 else "0"


def _chart(
    workbook: Any,
    sheet: _Sheet,
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


# --------------------------------------------------------------------------- Tren


def _trend(sheet: _Sheet, recap: Recap, lang: Lang) -> None:
    heads = recap.trend_heads
    final_year = max(recap.catalogue.years)
    per_year = 3
    first_year_col = 3
    after = first_year_col + per_year * len(heads)
    last = after + 3
    _widths(sheet, (6, 40, 9, *(8.5,) * (per_year * len(heads)), 10, 10, 7, 11))
    _title(sheet, recap, t("recap.sheet.trend", lang), last, lang)
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
            style = _row_style(*values, item.final_target, item.latest_value)
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
    _print(sheet, landscape=True, repeat=(top, header))


# --------------------------------------------------------------------------- Analisis

ANALYSIS_HEADER_ROW = 5  # 0-based, as ACHIEVEMENT_HEADER_ROW


def _analysis(sheet: _Sheet, recap: Recap, lang: Lang) -> None:
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
    _widths(sheet, tuple(width for _, width, _ in heads))
    _title(sheet, recap, t("recap.sheet.analysis", lang), last, lang)
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
            style = _row_style(
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
    _print(sheet, landscape=True, repeat=(header, header))


# --------------------------------------------------------------------------- Kelengkapan


def _completeness(sheet: _Sheet, recap: Recap, lang: Lang) -> None:
    counts = (
        t("recap.col.received", lang),
        t("recap.col.missing", lang),
        t("recap.col.with_errors", lang),
    )
    columns = (t("recap.col.owner", lang), *PERIODS, *counts)
    last = len(columns) - 1
    _widths(sheet, (24, 30, 30, 30, 30, 10, 10, 10))
    _title(sheet, recap, t("recap.sheet.completeness", lang, year=recap.year), last, lang)
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
    _print(sheet, landscape=True, repeat=(header, header))


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


# --------------------------------------------------------------------------- Sumber Data


def _sources(sheet: _Sheet, recap: Recap, lang: Lang) -> None:
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
    _widths(sheet, (6, 7, 6, 14, 19, 40, 14, 36, 7, 5, 24, 56))
    _title(sheet, recap, t("recap.sheet.sources", lang), last, lang)
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
    _print(sheet, landscape=True, repeat=(header, header))


def _exact(value: Decimal) -> int | float:
    """An input as the bureau typed it (not rounded: this is the evidence)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _value_style(value: Decimal) -> str:
    return "int" if value == value.to_integral_value() else "dec"


# --------------------------------------------------------------------------- Catatan


def _notes(sheet: _Sheet, recap: Recap, lang: Lang) -> None:
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
    _widths(sheet, (5, 11, 24, 64, 30, 12, 6, 16))
    _title(sheet, recap, t("recap.sheet.notes", lang), last, lang)
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
        t("recap.method.cap", lang, cap=_plain(settings.cap))
        if settings.cap is not None
        else t("recap.method.no_cap", lang),
        t("recap.method.floor", lang, floor=_plain(settings.floor))
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
    _print(sheet, landscape=True)


__all__ = [
    "ACHIEVEMENT_HEADER_ROW",
    "ACHIEVEMENT_SHEET",
    "ANALYSIS_HEADER_ROW",
    "ANALYSIS_SHEET",
    "COMPLETENESS_SHEET",
    "FORMULA_START",
    "NOTES_SHEET",
    "SHEETS",
    "SOURCES_HEADER_ROW",
    "SOURCES_SHEET",
    "SUMMARY_SHEET",
    "TREND_SHEET",
    "excel_full",
    "excel_number",
    "is_formula_like",
    "write_recap",
]
