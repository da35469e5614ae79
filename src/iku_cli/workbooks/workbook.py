"""Reading any workbook (xlsx, xlsm, xls, ods) into cells with A1 addresses, safely.

The file is read once, read-only; its format is judged by content, not by its
name. Before python-calamine parses anything, what would hurt is refused with a
:class:`WorkbookProblem` (a finding code and its parameters): a file that is no
workbook, a damaged or encrypted one, zip members that would inflate past a
limit, and sheets whose used area is so large that holding them would exhaust
memory (calamine holds a sheet as a dense grid, so two cells at ``A1`` and
``XFD1048576`` would mean seventeen billion cells).

python-calamine turns error cells (``#DIV/0!``) and formulas without a stored
result into empty cells. For xlsx and ods those are found in the sheet's XML
and given back as :class:`CellError` and :class:`NoResult` values.
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from .calamine import _calamine_open, _reraise_fatal
from .cells import (
    Cell,
    CellError,
    NoResult,
    Percent,
    Value,
    a1,
    cell_ref,
    column_letter,
    column_number,
    is_error_text,
)
from .limits import (
    MAX_CELLS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNZIPPED_BYTES,
    WorkbookProblem,
    _detail,
    _mb,
)
from .ods import _scan_ods
from .xls import _check_xls, _Compound, _scan_biff, ole2_names
from .xlsx import (
    _SCANNED,
    _SCANNED_MAX,
    _SEEN_BYTES,
    _percent_styles,
    _xlsx_extent,
    _xlsx_parts,
    _xlsx_special,
)
from .zipsafety import _check_shared_strings, _check_zip, _Zip

Format = Literal["xlsx", "xlsm", "xlsb", "xls", "ods"]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


class Sheet:
    """A sheet's first rows as values, 1-based; cells beyond the stored rows read as empty."""

    def __init__(
        self,
        name: str,
        rows: list[list[Any]],
        total_rows: int,
        special: dict[tuple[int, int], Value] | None = None,
    ) -> None:
        self.name = name
        self._rows = rows
        self.total_rows = total_rows
        self._special = special or {}
        self._special_rows: dict[int, dict[int, Value]] = {}
        for (r, c), value in self._special.items():
            self._special_rows.setdefault(r, {})[c] = value

    @property
    def height(self) -> int:
        """Rows held (from row 1)."""
        return len(self._rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self._rows), default=0)

    @property
    def truncated(self) -> bool:
        """The sheet has more rows than were read."""
        return self.total_rows > len(self._rows)

    def value(self, row: int, col: int) -> Value:
        if self._special:  # most sheets hold no error cell nor formula without a result
            special = self._special.get((row, col))
            if special is not None:
                return special
        if 0 < row <= len(self._rows) and col > 0:
            values = self._rows[row - 1]
            if col <= len(values):
                value = values[col - 1]
                if value != "":
                    return value  # type: ignore[no-any-return]
        return None

    def values(self, row: int, cols: Sequence[int]) -> list[Value]:
        """``value(row, c)`` for each of ``cols`` (a column 0 reads as empty), in one call."""
        if self._special_rows.get(row) is not None or not 0 < row <= len(self._rows):
            return [self.value(row, c) for c in cols]
        # the same as value(), for a row without a special cell: a call per cell was a
        # good part of reading a submission's rows
        held = self._rows[row - 1]
        width = len(held)
        out: list[Value] = []
        for col in cols:
            value = held[col - 1] if 0 < col <= width else ""
            out.append(None if value == "" else value)
        return out

    def cell(self, row: int, col: int) -> Cell:
        return Cell(self.value(row, col), self.name, row, col, a1(row, col))

    def row(self, row: int) -> list[Cell]:
        """The non-empty cells of ``row``."""
        values: list[Any] = self._rows[row - 1] if 1 <= row <= len(self._rows) else []
        name = self.name
        special = self._special_rows.get(row)
        if special is None:
            return [
                Cell(v, name, row, c, a1(row, c)) for c, v in enumerate(values, start=1) if v != ""
            ]
        merged: dict[int, Any] = {c: v for c, v in enumerate(values, start=1) if v != ""}
        merged.update(special)
        return [Cell(merged[c], name, row, c, a1(row, c)) for c in sorted(merged)]

    def texts(self, max_rows: int, max_cols: int) -> Iterator[tuple[int, int, str]]:
        """(row, col, text) of the text cells within the first rows and columns, row by row."""
        for r, values in enumerate(self._rows[:max_rows], start=1):
            for c, value in enumerate(values if len(values) <= max_cols else values[:max_cols], 1):
                if value.__class__ is str and value:
                    yield r, c, value

    def cells(self, max_rows: int | None = None, max_cols: int | None = None) -> Iterator[Cell]:
        """Non-empty cells, row by row, within ``max_rows`` rows and ``max_cols`` columns."""
        last = len(self._rows) if max_rows is None else min(max_rows, len(self._rows))
        for r in range(1, last + 1):
            for cell in self.row(r):
                if max_cols is None or cell.col <= max_cols:
                    yield cell

    def is_empty(self) -> bool:
        return not self._special and all(v == "" for r in self._rows for v in r)


class Workbook:
    """An opened workbook; sheets are parsed when first asked for."""

    def __init__(
        self,
        path: str | Path,
        format: Format,
        data: bytes,
        *,
        max_cells: int = MAX_CELLS,
        max_rows: int = MAX_ROWS,
    ) -> None:
        self.path = path
        self.format: Format = format
        self.size = len(data)
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.max_cells = max_cells
        self.max_rows = max_rows
        self._data = data
        self._zip: _Zip | None = None
        self._parts: dict[str, str] = {}
        self._percent: frozenset[int] | None = None  # xlsx cell styles showing a percent
        # per sheet, read from the file itself: ods's and xls's error cells, formulas
        # without a result and percent-formatted numbers (xlsx's are read per sheet)
        self._ods_special: dict[str, dict[tuple[int, int], Value]] = {}
        self._cache: dict[str, Sheet] = {}
        self._book: Any = None
        self.sheet_names: list[str] = []
        self.hidden_sheets: frozenset[str] = frozenset()  # hidden or very hidden

    # -- opening

    def _open(self, archive: _Zip | None, max_unzipped: int) -> None:
        if archive is not None:
            _check_zip(archive, max_unzipped)
            self._zip = archive
            if self.format == "ods":
                self._ods_special = _scan_ods(archive, self.max_cells)
            elif self.format in {"xlsx", "xlsm"}:
                _check_shared_strings(archive)
                self._parts = _xlsx_parts(archive)
        if self.format == "xls":
            self._ods_special = _scan_biff(_check_xls(self._data, self.max_cells))
        book = _calamine_open(self._data, quiet=self.format == "xls")
        self._book = book
        names = []
        hidden = []
        for meta in book.sheets_metadata:
            kind = str(getattr(meta, "typ", "WorkSheet"))
            if kind.endswith("WorkSheet") or kind.endswith("MacroSheet"):
                names.append(meta.name)
                if not str(getattr(meta, "visible", "Visible")).endswith(".Visible"):
                    hidden.append(meta.name)
        self.sheet_names = names
        self.hidden_sheets = frozenset(hidden)
        missing = any(n not in self._parts for n in names)
        if self._zip is not None and self.format in {"xlsx", "xlsm"} and missing:
            self._parts = _xlsx_parts(self._zip, strict=True)

    def close(self) -> None:
        """Let go of the parsed workbook and the file's bytes."""
        if self._book is not None:
            # not contextlib.suppress: making its context manager took longer than closing
            try:  # noqa: SIM105
                self._book.close()
            except Exception:  # already closed: nothing to release
                pass
            self._book = None
        self._zip = None
        self._data = b""
        self._cache.clear()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sheets

    def sheet(self, name: str) -> Sheet:
        """The sheet ``name``; raises WorkbookProblem (``sheet-too-large``, ``file-corrupt``)."""
        if name in self._cache:
            return self._cache[name]
        special: dict[tuple[int, int], Value] = {}
        if self.format in {"xlsx", "xlsm"}:
            special = self._scan_xlsx_sheet(name)
        elif self.format in {"ods", "xls"}:
            special = self._ods_special.get(name, {})
        try:
            raw = self._book.get_sheet_by_name(name)
            end = raw.end
            total = end[0] + 1 if end else 0
            width = end[1] + 1 if end else 0
            if self.format not in {"xlsx", "xlsm", "ods"} and total * width > self.max_cells:
                raise WorkbookProblem(
                    "sheet-too-large", sheet=name, rows=total, cols=width, limit=self.max_cells
                )
            rows = raw.to_python(skip_empty_area=False, nrows=self.max_rows) if end else []
        except WorkbookProblem:
            raise
        except BaseException as exc:
            _reraise_fatal(exc)
            raise WorkbookProblem("file-corrupt", sheet=name, detail=_detail(exc)) from None
        special = {k: v for k, v in special.items() if k[0] <= len(rows)}
        sheet = Sheet(name, rows, total, special)
        self._cache[name] = sheet
        return sheet

    def _scan_xlsx_sheet(self, name: str) -> dict[tuple[int, int], Value]:
        part = self._parts.get(name)
        if part is None or self._zip is None:
            raise WorkbookProblem("file-corrupt", sheet=name, detail=f"sheet '{name}' has no part")
        # the files of one run mostly come from one template, whose fixed sheets (the
        # identity and guide sheets) are the same compressed bytes in each: a sheet seen
        # before had all that follows done to the very same bytes, and passed
        if self._percent is None:
            self._percent = _percent_styles(self._zip)
        stored = self._zip.stored(part)
        key = None
        if stored is not None and len(stored[4]) <= _SEEN_BYTES:
            key = (stored, self.max_cells, self.max_rows, self._percent)
            seen = _SCANNED.pop(key, None)
            if seen is not None:
                _SCANNED[key] = seen  # the most recently used goes last
                return dict(seen)
        special = self._scan_xlsx_part(self._zip, name, part)
        if key is not None:
            if len(_SCANNED) >= _SCANNED_MAX:
                del _SCANNED[next(iter(_SCANNED))]  # the least recently used
            _SCANNED[key] = special
            return dict(special)
        return special

    def _scan_xlsx_part(self, archive: _Zip, name: str, part: str) -> dict[tuple[int, int], Value]:
        """Refuse the sheet when calamine would hold too many cells; its error cells and
        formulas without a result."""
        try:
            xml = archive.read(part)
        except WorkbookProblem as problem:
            problem.sheet = name
            raise
        if xml[:2] in (b"\xff\xfe", b"\xfe\xff"):
            try:
                xml = xml.decode("utf-16").encode("utf-8")
            except UnicodeDecodeError as exc:  # an odd number of bytes, half a character
                raise WorkbookProblem("file-corrupt", sheet=name, detail=_detail(exc)) from None
        rows, cols = _xlsx_extent(xml, self.max_cells)
        if rows * cols > self.max_cells:
            raise WorkbookProblem(
                "sheet-too-large", sheet=name, rows=rows, cols=cols, limit=self.max_cells
            )
        return _xlsx_special(xml, self.max_rows, self._percent or frozenset())


def open_workbook(
    path: str | Path,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    max_unzipped: int = MAX_UNZIPPED_BYTES,
    max_cells: int = MAX_CELLS,
    max_rows: int = MAX_ROWS,
) -> Workbook:
    """Open ``path`` read-only as a workbook; raises WorkbookProblem for what cannot be read."""
    try:
        # the file descriptor itself, and no Path made: a buffered file object and a new
        # Path took more than half the time spent reading a small file (17 -> 7.5 us)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            # ask for the file's size, not the limit: a read of max_bytes allocates that
            # much first, which took most of the time spent reading a small workbook
            size = os.fstat(fd).st_size
            data = os.read(fd, min(size, max_bytes) + 1)
            # one read gives a plain file whole: what ends at its size is all there is
            if len(data) != size:  # it grew since, its size is unknown (a pipe), a short read
                data += _read_up_to(fd, max_bytes + 1 - len(data))
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise WorkbookProblem("file-unreadable", detail="file not found") from None
    except OSError as exc:
        raise WorkbookProblem("file-unreadable", detail=exc.strerror or str(exc)) from None
    if len(data) > max_bytes:
        raise WorkbookProblem(
            "file-too-large", size=_mb(file_size(Path(path), len(data))), limit=_mb(max_bytes)
        )
    kind, archive = _sniff(data)
    made_by_iku = _iku_output(archive) if archive is not None else None
    if made_by_iku is not None:
        raise WorkbookProblem("iku-output", kind=made_by_iku)
    workbook = Workbook(path, kind, data, max_cells=max_cells, max_rows=max_rows)
    try:
        workbook._open(archive, max_unzipped)
    except BaseException:
        workbook.close()
        raise
    return workbook


_IKU_MARK = re.compile(rb'name="iku-output"><vt:lpwstr>([^<]{1,100})</vt:lpwstr>')


def _iku_output(archive: _Zip) -> str | None:
    """What iku wrote this workbook as (``recap 1.2``), from the mark in its custom
    document properties (iku_cli.outputs.marking); None for any other workbook."""
    member = archive.members.get("docProps/custom.xml")
    if member is None or member.usize > 65536:
        return None
    try:
        found = _IKU_MARK.search(archive.inflate(member))
    except WorkbookProblem:
        return None
    return found.group(1).decode("utf-8", "replace") if found else None


def _read_up_to(fd: int, size: int) -> bytes:
    """Up to ``size`` bytes, fewer only at the end of the file (one read may return less)."""
    data = b""
    while len(data) < size:
        more = os.read(fd, size - len(data))
        if not more:
            break
        data += more
    return data


def file_size(path: Path, fallback: int) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return fallback


# --------------------------------------------------------------------------- format


def sniff(data: bytes) -> Format:
    """The workbook format of ``data`` judged by content; raises WorkbookProblem."""
    return _sniff(data)[0]


def _sniff(data: bytes) -> tuple[Format, _Zip | None]:
    if data.startswith(OLE2_MAGIC):
        try:
            names = _Compound(data).names
        except (struct.error, IndexError):
            raise WorkbookProblem("file-corrupt", detail="OLE2 directory unreadable") from None
        lowered = {n.lower() for n in names}
        if "encryptedpackage" in lowered or "encryptioninfo" in lowered:
            raise WorkbookProblem("file-encrypted")
        if "workbook" in lowered or "book" in lowered:
            return "xls", None
        raise WorkbookProblem("file-not-a-workbook", kind="OLE2")
    if data.startswith(ZIP_MAGIC):
        archive = _Zip(data)
        mime = archive.read("mimetype")[:100] if "mimetype" in archive.members else b""
        if mime.startswith(ODS_MIME):
            return "ods", archive
        if "xl/workbook.xml" in archive.members:
            return ("xlsm" if "xl/vbaProject.bin" in archive.members else "xlsx"), archive
        if "xl/workbook.bin" in archive.members:
            return "xlsb", archive
        raise WorkbookProblem("file-not-a-workbook", kind="ZIP")
    if data.startswith(b"PK"):
        raise WorkbookProblem("file-corrupt", detail="not a complete zip archive")
    raise WorkbookProblem("file-not-a-workbook", kind=_looks_like(data))


def _looks_like(data: bytes) -> str:
    if not data:
        return "0 B"
    head = data[:2048].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower()
    if head.startswith(b"%pdf"):
        return "PDF"
    if head.startswith(b"<") or b"<html" in head or b"<table" in head:
        if b"<html" in head or b"<table" in head or b"<!doctype" in head:
            return "HTML"
        return "XML"
    sample = data[:4096]
    try:
        sample.decode("utf-8")
        text = True
    except UnicodeDecodeError as exc:
        text = exc.start > len(sample) - 4  # cut in the middle of a character
    if text or all(32 <= b < 127 or b in b"\t\r\n" for b in sample[:512]):
        return "CSV/TXT"
    return "?"


__all__ = [
    "MAX_CELLS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_UNZIPPED_BYTES",
    "Cell",
    "CellError",
    "Format",
    "NoResult",
    "Percent",
    "Sheet",
    "Value",
    "Workbook",
    "WorkbookProblem",
    "a1",
    "cell_ref",
    "column_letter",
    "column_number",
    "is_error_text",
    "ole2_names",
    "open_workbook",
    "sniff",
]
