"""The ods format: special cells in content.xml, and tables whose used area is too large."""

from __future__ import annotations

import io
from xml.etree import ElementTree

from .cells import CellError, NoResult, Percent, Value, is_error_text
from .limits import WorkbookProblem, _detail
from .zipsafety import _ZIP_ERRORS, _Zip

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_MAX_REPEAT_SPECIAL = 100


def _scan_ods(archive: _Zip, max_cells: int) -> dict[str, dict[tuple[int, int], Value]]:
    """Per table: error cells and formulas without a stored result; refuses huge used areas."""
    handle = io.BytesIO(archive.read("content.xml"))
    found: dict[str, dict[tuple[int, int], Value]] = {}
    name = ""
    special: dict[tuple[int, int], Value] = {}
    row = col = max_row = max_col = 0
    row_used = False
    cell_tags = {f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"}
    try:
        with handle:
            for event, elem in ElementTree.iterparse(handle, events=("start", "end")):
                tag = elem.tag
                if event == "start":
                    if tag == f"{_TABLE}table":
                        name = elem.get(f"{_TABLE}name", "")
                        special, row, max_row, max_col = {}, 0, 0, 0
                    elif tag == f"{_TABLE}table-row":
                        col, row_used = 0, False
                    continue
                if tag in cell_tags:
                    repeat = _repeat(elem.get(f"{_TABLE}number-columns-repeated"))
                    if tag.endswith("}table-cell") and _ods_filled(elem):
                        row_used = True
                        max_col = max(max_col, col + repeat)
                        value = _ods_special(elem)
                        if value is not None:
                            for c in range(col + 1, col + 1 + min(repeat, _MAX_REPEAT_SPECIAL)):
                                special[(row + 1, c)] = value
                    col += repeat
                    elem.clear()
                elif tag == f"{_TABLE}table-row":
                    repeat = _repeat(elem.get(f"{_TABLE}number-rows-repeated"))
                    if row_used:
                        max_row = max(max_row, row + repeat)
                        if max_row * max_col > max_cells:
                            raise WorkbookProblem(
                                "sheet-too-large", sheet=name, rows=max_row, cols=max_col,
                                limit=max_cells,
                            )  # fmt: skip
                    row += repeat
                    elem.clear()
                elif tag == f"{_TABLE}table":
                    found[name] = special
                    elem.clear()
    except WorkbookProblem:
        raise
    except (ElementTree.ParseError, *_ZIP_ERRORS) as exc:
        raise WorkbookProblem("file-corrupt", detail=_detail(exc)) from None
    return found


def _repeat(text: str | None) -> int:
    try:
        return max(1, int(text)) if text else 1
    except ValueError:
        return 1


def _ods_filled(elem: ElementTree.Element) -> bool:
    if elem.get(f"{_OFFICE}value-type") or elem.get(f"{_TABLE}formula"):
        return True
    return any("".join(child.itertext()).strip() for child in elem)


def _ods_special(elem: ElementTree.Element) -> Value:
    formula = elem.get(f"{_TABLE}formula")
    if elem.get(f"{_OFFICE}value-type") == "percentage":
        try:
            return Percent(elem.get(f"{_OFFICE}value") or "")
        except ValueError:
            pass
    if formula is None:
        return None
    text = "".join("".join(child.itertext()) for child in elem).strip()
    if elem.get(f"{_CALCEXT}value-type") == "error" or (
        elem.get(f"{_OFFICE}value-type") in (None, "string")
        and not elem.get(f"{_OFFICE}string-value")
        and is_error_text(text)
    ):
        return CellError(text or "#N/A")
    if elem.get(f"{_OFFICE}value-type") is None and not text:
        return NoResult(formula.split(":", 1)[-1].lstrip("="))
    return None
