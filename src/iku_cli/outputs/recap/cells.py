"""The recap's cells: figures as Excel numbers, named styles, and the only ways to write a cell."""

from __future__ import annotations

import functools
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..safety import is_formula_like  # one rule for CSV and xlsx

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


# --------------------------------------------------------------------------- cells and styles


class Styles:
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


class Sheet:
    """A worksheet and the only ways the recap writes a cell.

    Neither Excel nor LibreOffice grows a row to fit wrapped text in a file it opens
    (they keep the heights stored), so each row's height is worked out here from
    the wrapped texts written into it and the widths of their columns.
    """

    def __init__(self, ws: Any, styles: Styles) -> None:
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


def row_style(*values: Decimal | None) -> str:
    """One number format for a row's figures: whole numbers only, or 2 decimals."""
    shown = [excel_full(v) for v in values if v is not None]
    return "int" if all(isinstance(v, int) for v in shown) else "dec"


def plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value != 0 else "0"
