"""The xlsx format: sheet parts, used extents, special cells and percent styles in the XML."""

from __future__ import annotations

import functools
import html
import operator
import posixpath
import re
from collections.abc import Iterator
from xml.etree import ElementTree

from .cells import (
    _PERCENT_IDS,
    CellError,
    NoResult,
    Percent,
    Value,
    column_number,
    shows_percent,
)
from .limits import MB, WorkbookProblem, _detail
from .zipsafety import _Zip

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_LIMIT = 20 * MB  # workbook.xml and its rels: a few kB in practice


_SHEET_TAG = re.compile(rb"<sheet\s([^>]*)>")
_REL_TAG = re.compile(rb"<Relationship\s([^>]*)>")
_NAME_ATTR = re.compile(rb'\bname="([^"]*)"')
_RID_ATTR = re.compile(rb':id="([^"]*)"')
_ID_ATTR = re.compile(rb'\bId="([^"]*)"')
_TARGET_ATTR = re.compile(rb'\bTarget="([^"]*)"')


def _xlsx_parts(archive: _Zip, *, strict: bool = False) -> dict[str, str]:
    """Sheet name -> zip member of its XML (``strict``: parse the XML properly)."""
    names = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
    # the files of one run mostly come from one template, whose workbook.xml and its
    # rels are the same compressed bytes in each: those were inflated and checked once
    book_stored, rels_stored = (archive.stored(name) for name in names)
    key = None
    if (
        not strict
        and book_stored is not None
        and rels_stored is not None
        and len(book_stored[4]) + len(rels_stored[4]) <= _SEEN_BYTES
    ):
        key = (book_stored, rels_stored)
        if key in _PARTS_SEEN:
            return dict(_PARTS_SEEN[key])
    book, rels = (archive.read(name) for name in names)
    if len(book) > _XML_LIMIT or len(rels) > _XML_LIMIT:
        raise WorkbookProblem("file-corrupt", detail="workbook.xml too large")
    if strict:
        return _xlsx_parts_xml(book, rels)
    parts = _xlsx_parts_fast(book, rels)
    if key is not None:
        if len(_PARTS_SEEN) >= 64:
            _PARTS_SEEN.clear()
        _PARTS_SEEN[key] = parts
    return dict(parts)


_Stored = tuple[int, int, int, int, bytes]
_SEEN_BYTES = 64 * 1024
_PARTS_SEEN: dict[tuple[_Stored, _Stored], tuple[tuple[str, str], ...]] = {}
# sheets scanned and found fine, by (stored member, max_cells, max_rows): their error
# cells and formulas without a result; least recently used first
_SCANNED: dict[tuple[_Stored, int, int, frozenset[int] | None], dict[tuple[int, int], Value]] = {}
_SCANNED_MAX = 64


@functools.lru_cache(maxsize=64)
def _xlsx_parts_fast(book: bytes, rels: bytes) -> tuple[tuple[str, str], ...]:
    # cached: the files of one run mostly come from one template, whose workbook.xml
    # and its rels are the same bytes in each
    targets = {}
    for match in _REL_TAG.finditer(rels):
        rid, target = _ID_ATTR.search(match.group(1)), _TARGET_ATTR.search(match.group(1))
        if rid and target:
            targets[_xml_text(rid.group(1))] = _part_path(_xml_text(target.group(1)))
    parts = {}
    for match in _SHEET_TAG.finditer(book):
        name, rid = _NAME_ATTR.search(match.group(1)), _RID_ATTR.search(match.group(1))
        if name and rid and _xml_text(rid.group(1)) in targets:
            parts[_xml_text(name.group(1))] = targets[_xml_text(rid.group(1))]
    return tuple(parts.items())


def _xlsx_parts_xml(book_xml: bytes, rels_xml: bytes) -> dict[str, str]:
    try:
        book = ElementTree.fromstring(book_xml)
        rels = ElementTree.fromstring(rels_xml)
    except ElementTree.ParseError as exc:
        raise WorkbookProblem("file-corrupt", detail=_detail(exc)) from None
    targets = {}
    for rel in rels.iter():
        if rel.tag.endswith("Relationship") and rel.get("Id") and rel.get("Target"):
            targets[rel.get("Id", "")] = _part_path(rel.get("Target", ""))
    parts = {}
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet") or sheet.tag == "sheet":
            rid = sheet.get(f"{{{_REL_NS}}}id") or next(
                (v for k, v in sheet.attrib.items() if k.endswith("}id")), None
            )
            name = sheet.get("name")
            if name is not None and rid in targets:
                parts[name] = targets[rid]
    return parts


def _part_path(target: str) -> str:
    path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return posixpath.normpath(path)


def _xml_text(raw: bytes) -> str:
    return html.unescape(raw.decode("utf-8", errors="replace"))


_NS = rb"(?:[A-Za-z_][\w.-]*:)?"
_REF = re.compile(rb'r="([A-Z]{0,4})([0-9]{1,9})"')
_CELL = re.compile(rb"<" + _NS + rb"c((?:\s[^>]*?)?)(?:/>|(?<!/)>(.*?)</" + _NS + rb"c>)", re.S)
_ATTR_R = re.compile(rb"\br=\"([A-Z]{1,4})([0-9]{1,9})\"")
_ATTR_T = re.compile(rb"\bt=\"(\w+)\"")
_FORMULA = re.compile(rb"<" + _NS + rb"f\b[^>]*?(?:/>|>(.*?)</" + _NS + rb"f>)", re.S)
_VALUE = re.compile(rb"<" + _NS + rb"v\b[^>]*?(?:/>|>(.*?)</" + _NS + rb"v>)", re.S)


_LARGE_REF = re.compile(rb'r="[A-Z]?+[0-9]{0,3}+[A-Z0-9]')


def _xlsx_extent(xml: bytes, max_cells: int) -> tuple[int, int]:
    """An upper bound of the rows and columns calamine would allocate for this sheet."""
    return _small_extent(xml, max_cells) or _close_extent(xml, max_cells)


def _small_extent(xml: bytes, max_cells: int) -> tuple[int, int] | None:
    """A quick bound that proves the sheet within ``max_cells``; None when it cannot.

    4 us instead of 20 for a submission's sheet. With no reference of two letters or
    four digits (the pattern finds every such one that _REF does), references reach at
    most row 999 and column Z, and rows and cells without one add no more than they do
    in :func:`_close_extent`, so this bound is never below that one. A sheet past
    column Z or row 999, or a large one, is left to the closer bound.
    """
    if _LARGE_REF.search(xml) is not None:
        return None
    rows, cols = 999 + len(xml) // 6, 26 + len(xml) // 4
    if rows * cols > max_cells:
        rows, cols = 999 + xml.count(b"<row"), 26 + xml.count(b"<c")
    return (rows, cols) if rows * cols <= max_cells else None


def _close_extent(xml: bytes, max_cells: int) -> tuple[int, int]:
    """The bound from every reference in the sheet."""
    # one pass with a literal prefix (fast); a few other attributes ending in "r" may
    # match too, which can only make the bound larger
    max_row = all_refs = row_refs = 0
    col_refs: set[bytes] = set()
    for part in _slices(xml, _EXTENT_SLICE):
        refs = _REF.findall(part)
        # map, int, set and itemgetter run in C: a Python step per reference took longer
        # than finding the references
        max_row = max(max_row, max(map(int, map(_SECOND, refs)), default=0))
        col_refs.update(map(_FIRST, refs))
        all_refs += len(refs)
        row_refs += operator.countOf(map(_FIRST, refs), b"")
    col_refs.discard(b"")
    max_col = column_number(max(col_refs, key=_numeric, default=b"").decode())
    # rows and cells without a reference take the next position: at most one per few bytes
    loose_rows, loose_cols = len(xml) // 6, len(xml) // 4
    if (max_row + loose_rows) * (max_col + loose_cols) > max_cells:
        loose_rows = max(0, xml.count(b"<row") - row_refs)
        loose_cols = max(0, xml.count(b"<c") - (all_refs - row_refs))
    return max_row + loose_rows, min(max_col + loose_cols, 16_384)


# references are listed a slice at a time: all two million of a 90 MB sheet in one
# list took 300 MB, more than calamine needs to read that sheet
_EXTENT_SLICE = 4 * MB


def _slices(xml: bytes, size: int) -> Iterator[bytes | memoryview]:
    """``xml`` in parts of about ``size`` bytes, each cut just before a ``<``."""
    if len(xml) <= size:
        yield xml
        return
    view = memoryview(xml)
    at = 0
    while at < len(xml):
        end = xml.find(b"<", at + size)
        end = len(xml) if end < 0 else end
        yield view[at:end]
        at = end


_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)


def _numeric(text: bytes) -> tuple[int, bytes]:
    """Order digit strings and column letters as numbers without converting each."""
    return len(text), text


# a literal pattern's search is two to three times quicker than bytes' "in" here
_FORMULA_END, _ERROR_TYPE = re.compile(rb"f>"), re.compile(rb't="e"')


_NUM_FMT = re.compile(rb"<" + _NS + rb"numFmt\b([^>]*)>")
_FMT_ID = re.compile(rb"\bnumFmtId=\"([0-9]{1,9})\"")
_FMT_CODE = re.compile(rb"\bformatCode=\"([^\"]*)\"")
_CELL_XFS = re.compile(rb"<" + _NS + rb"cellXfs\b.*?</" + _NS + rb"cellXfs>", re.S)
_XF = re.compile(rb"<" + _NS + rb"xf\b([^>]*)>")


_STYLES_SEEN: dict[_Stored, frozenset[int]] = {}


def _percent_styles(archive: _Zip) -> frozenset[int]:
    """The cell style indexes (``s=``) whose number format shows a percent."""
    # one template's files carry the same styles.xml, the same compressed bytes in each:
    # inflated and read once
    stored = archive.stored("xl/styles.xml")
    if stored is None:
        return frozenset()
    known = _STYLES_SEEN.get(stored) if len(stored[4]) <= _SEEN_BYTES else None
    if known is not None:
        return known
    try:
        xml = archive.read("xl/styles.xml")
    except (WorkbookProblem, KeyError):
        return frozenset()
    found = _percent_styles_in(xml)
    if len(stored[4]) <= _SEEN_BYTES:
        if len(_STYLES_SEEN) >= 64:
            _STYLES_SEEN.clear()
        _STYLES_SEEN[stored] = found
    return found


def _percent_styles_in(xml: bytes) -> frozenset[int]:
    if b"%" not in xml and b'numFmtId="9"' not in xml and b'numFmtId="10"' not in xml:
        return frozenset()
    ids = set(_PERCENT_IDS)
    for match in _NUM_FMT.finditer(xml):
        fmt_id, code = _FMT_ID.search(match.group(1)), _FMT_CODE.search(match.group(1))
        if fmt_id and code and shows_percent(_xml_text(code.group(1))):
            ids.add(int(fmt_id.group(1)))
    xfs = _CELL_XFS.search(xml)
    if xfs is None:
        return frozenset()
    found = set()
    for index, xf in enumerate(_XF.finditer(xfs.group(0))):
        fmt_id = _FMT_ID.search(xf.group(1))
        if fmt_id and int(fmt_id.group(1)) in ids:
            found.add(index)
    return frozenset(found)


def _xlsx_special(
    xml: bytes, max_rows: int, percent: frozenset[int] = frozenset()
) -> dict[tuple[int, int], Value]:
    """Error cells, formulas without a stored result and numbers shown as a percent,
    by (row, col)."""
    # every formula cell holds an element ending "f>" (<f>..</f>; a shared formula's
    # children go with a master that has one): one pass finds whether to look closer
    styled = bool(percent) and _percent_pattern(percent).search(xml) is not None
    if not styled and _FORMULA_END.search(xml) is None and _ERROR_TYPE.search(xml) is None:
        return {}
    found: dict[tuple[int, int], Value] = {}
    row = col = last = 0  # the previous cell's place and where it ended
    for match in _CELL.finditer(xml):
        attrs, body = match.group(1), match.group(2) or b""
        ref = _ATTR_R.search(attrs)
        if ref is not None:
            row, col = int(ref.group(2)), column_number(ref.group(1).decode())
        else:  # r= is optional: the next column, or the first of each <row> in between
            col += 1
            for row_tag in _ROW.finditer(xml, last, match.start()):
                number = _ATTR_ROW_R.search(row_tag.group(1))
                row, col = (int(number.group(1)) if number else row + 1), 1
        last = match.end()
        if row > max_rows:
            continue
        kind = _ATTR_T.search(attrs)
        cell_type = kind.group(1) if kind else b"n"
        value = _VALUE.search(body)
        text = _xml_text(value.group(1) or b"") if value else ""
        if cell_type == b"e":
            found[(row, col)] = CellError(text or "#N/A")
            continue
        formula = _FORMULA.search(body)
        if formula is not None and (
            value is None or (not text and cell_type not in (b"str", b"inlineStr"))
        ):
            found[(row, col)] = NoResult(_xml_text(formula.group(1) or b""))
            continue
        if styled and cell_type == b"n" and text:
            style = _ATTR_S.search(attrs)
            if style is not None and int(style.group(1)) in percent:
                try:  # noqa: SIM105 - the quicker form, in a loop over cells
                    found[(row, col)] = Percent(text)
                except ValueError:
                    pass
    return found


_ATTR_S = re.compile(rb"\bs=\"([0-9]{1,9})\"")
_ROW = re.compile(rb"<" + _NS + rb"row\b([^>]*)>")
_ATTR_ROW_R = re.compile(rb"\br=\"([0-9]{1,9})\"")


@functools.lru_cache(maxsize=64)
def _percent_pattern(percent: frozenset[int]) -> re.Pattern[bytes]:
    ids = b"|".join(str(i).encode() for i in sorted(percent))
    return re.compile(rb"\ss=\"(?:" + ids + rb")\"")
