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

import contextlib
import functools
import hashlib
import html
import io
import operator
import os
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal, NamedTuple
from xml.etree import ElementTree

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB
MAX_UNZIPPED_BYTES = 100 * MB  # DESIGN section 11
MAX_MEMBERS = 10_000
MAX_RATIO = 250  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = MB
MAX_CELLS = 3_000_000  # used area (rows x columns) of one sheet
MAX_ROWS = 5_000  # rows of one sheet turned into Python values
DEFLATE_LIMIT = 1032  # deflate never inflates more than this many times
_CHUNK = MB
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    KeyError,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)

Format = Literal["xlsx", "xlsm", "xlsb", "xls", "ods"]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
ERROR_TEXTS = frozenset(
    {"#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!",
     "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!",
     "#UNKNOWN!", "#N/A!"}
)  # fmt: skip
_LO_ERROR = re.compile(r"^(?:Err:\d{3}|#[A-Z/0!?_]+[!?]?)$")


def is_error_text(text: str) -> bool:
    """``#DIV/0!``, ``#REF!``, LibreOffice's ``Err:502``: what a failed formula shows."""
    text = text.strip()
    return text.upper() in ERROR_TEXTS or bool(_LO_ERROR.match(text) and len(text) <= 16)


class WorkbookProblem(Exception):
    """A file that cannot be read as a workbook; ``code`` is a finding code."""

    def __init__(self, code: str, sheet: str | None = None, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.sheet = sheet
        self.params = params


@dataclass(frozen=True, slots=True)
class CellError:
    """A cell showing an error value such as ``#DIV/0!``."""

    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class NoResult:
    """A formula whose result was never stored (the file was not saved by a spreadsheet)."""

    formula: str

    def __str__(self) -> str:
        return f"={self.formula}" if self.formula else "="


class Percent(float):
    """A number shown with a percent format: 0.82 stored, ``82%`` shown to the clerk."""

    __slots__ = ()


Value = str | int | float | bool | date | datetime | time | timedelta | CellError | NoResult | None


class Cell(NamedTuple):
    """One cell: its value (None when empty), sheet, 1-based row and column, and A1 address."""

    # a NamedTuple, not a frozen dataclass: made in less than half the time (0.26 us, not 0.63)
    value: Value
    sheet: str
    row: int
    col: int
    address: str

    @property
    def ref(self) -> str:
        """``Data!F12``."""
        return cell_ref(self.sheet, self.row, self.col)


@functools.lru_cache(maxsize=1024)
def column_letter(col: int) -> str:
    """1 -> ``A``, 27 -> ``AA``."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """``A`` -> 1, ``AA`` -> 27."""
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def a1(row: int, col: int) -> str:
    """(5, 6) -> ``F5``."""
    return f"{column_letter(col)}{row}"


def cell_ref(sheet: str, row: int, col: int) -> str:
    """(``Data``, 12, 6) -> ``Data!F12``."""
    return f"{sheet}!{column_letter(col)}{row}"


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


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB"


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


_END = 0xFFFFFFFA  # sector ids from here up are markers (end of chain, free, FAT, DIFAT)


class _Compound:
    """An OLE2 compound file (the container of ``.xls``), read with every number checked.

    calamine trusts the sizes and counts in the container and in the BIFF records
    inside; a damaged file can make it ask for terabytes, which ends the process.
    So the directory and the workbook stream are read here first, and anything
    that does not fit the file is refused.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        if len(data) < 512:
            raise _corrupt("OLE2 header truncated")
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise _corrupt("OLE2 sector size")
        self.size = size = 1 << shift
        self.sectors = max(0, (len(data) - size) // size) if len(data) >= size else 0
        fat_count, first_dir = struct.unpack_from("<II", data, 0x2C)
        cutoff, first_mini, mini_count, first_difat, difat_count = struct.unpack_from(
            "<IIIII", data, 0x38
        )
        if fat_count > self.sectors or mini_count > self.sectors or difat_count > self.sectors:
            raise _corrupt("OLE2 counts larger than the file")
        self.cutoff = cutoff
        difat = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _END]
        for sector in self.chain(first_difat, limit=difat_count, difat=True):
            entries = self.sector(sector, 4)
            difat += [s for s in entries[:-1] if s < _END]
        self.fat: list[int] = []
        for sector in difat[:fat_count] if fat_count else difat:
            self.fat += self.sector(sector, 4)
        directory = b"".join(self.raw(s) for s in self.chain(first_dir))
        self.entries: dict[str, tuple[int, int, int]] = {}  # name -> (kind, start, size)
        self.root: tuple[int, int] = (_END, 0)
        for at in range(0, len(directory) - 127, 128):
            length = struct.unpack_from("<H", directory, at + 64)[0]
            kind = directory[at + 66]
            if kind not in (1, 2, 5) or not 2 <= length <= 64:
                continue
            name = directory[at : at + length - 2].decode("utf-16-le", errors="replace")
            start, stream_size = struct.unpack_from(
                "<IQ" if shift == 12 else "<II", directory, at + 116
            )
            if shift == 9:
                stream_size &= 0xFFFFFFFF
            if stream_size > len(data):
                raise _corrupt(f"OLE2 stream {name!r} larger than the file")
            if kind == 5:
                self.root = (start, stream_size)
            self.entries.setdefault(name, (kind, start, stream_size))
        self.mini_fat: list[int] = []
        for sector in self.chain(first_mini, limit=mini_count):
            self.mini_fat += self.sector(sector, 4)

    @property
    def names(self) -> list[str]:
        return list(self.entries)

    def raw(self, sector: int) -> bytes:
        if sector >= self.sectors:
            raise _corrupt("OLE2 sector outside the file")
        at = (sector + 1) * self.size
        return self.data[at : at + self.size]

    def sector(self, sector: int, width: int) -> list[int]:
        raw = self.raw(sector)
        return list(struct.unpack_from(f"<{len(raw) // width}I", raw))

    def chain(self, start: int, limit: int = 0, difat: bool = False) -> list[int]:
        """Sector ids from ``start`` along the FAT (``difat``: DIFAT sectors, whose last
        entry links on); every id inside the file, no cycles."""
        out: list[int] = []
        seen: set[int] = set()
        sector = start
        while sector < _END:
            if sector in seen or sector >= self.sectors or len(out) > self.sectors:
                raise _corrupt("OLE2 chain broken")
            seen.add(sector)
            out.append(sector)
            if limit and len(out) >= limit:
                break
            if difat:
                sector = self.sector(sector, 4)[-1]
            else:
                sector = self.fat[sector] if sector < len(self.fat) else _END
        return out

    def stream(self, name: str) -> bytes:
        """A stream's bytes (from the mini stream when small)."""
        entry = next((v for k, v in self.entries.items() if k.lower() == name.lower()), None)
        if entry is None:
            raise _corrupt(f"OLE2 stream {name!r} missing")
        _, start, size = entry
        if size < self.cutoff:
            mini = b"".join(self.raw(s) for s in self.chain(self.root[0]))
            out: list[bytes] = []
            sector, seen = start, set()
            while sector < _END and len(out) * 64 < size:
                if sector in seen or sector >= len(self.mini_fat) or (sector + 1) * 64 > len(mini):
                    raise _corrupt("OLE2 mini chain broken")
                seen.add(sector)
                out.append(mini[sector * 64 : (sector + 1) * 64])
                sector = self.mini_fat[sector]
            data = b"".join(out)
        else:
            data = b"".join(self.raw(s) for s in self.chain(start))
        if len(data) < size:
            raise _corrupt(f"OLE2 stream {name!r} truncated")
        return data[:size]


def _check_xls(data: bytes, max_cells: int) -> bytes:
    """The workbook stream, once its records were checked."""
    try:
        compound = _Compound(data)
        name = "Workbook" if any(n.lower() == "workbook" for n in compound.names) else "Book"
        stream = compound.stream(name)
        _check_biff(stream, max_cells)
    except (struct.error, IndexError):
        raise _corrupt("OLE2 structure") from None
    return stream


def _corrupt(detail: str) -> WorkbookProblem:
    return WorkbookProblem("file-corrupt", detail=detail)


def ole2_names(data: bytes) -> list[str] | None:
    """The names in an OLE2 (compound file) directory; None when it cannot be read."""
    try:
        return _Compound(data).names
    except (WorkbookProblem, struct.error, IndexError):
        return None


# BIFF record types whose first four bytes are row and column
_BIFF_CELLS = frozenset({0x0006, 0x00D6, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E})
_BIFF_MULTI = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK: row, first col ... last col
_BIFF_DIMENSIONS, _BIFF_SST, _BIFF_FILEPASS = 0x0200, 0x00FC, 0x002F


_BIFF_BOUNDSHEET, _BIFF_EOF = 0x0085, 0x000A
MAX_SHEETS = 1_000


def _check_biff(stream: bytes, max_cells: int) -> None:
    """Walk the workbook stream's records as calamine will (the globals from the start,
    each sheet from the offset its BoundSheet record gives); refuse counts and extents
    that the file cannot hold."""
    sheets = _walk_biff(stream, 0, max_cells, whole=True)
    for start in sheets[:MAX_SHEETS]:
        _walk_biff(stream, start, max_cells, whole=False)


def _walk_biff(stream: bytes, at: int, max_cells: int, *, whole: bool) -> list[int]:
    end = len(stream)
    max_row = max_col = 0
    sheets: list[int] = []
    while at + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, at)
        body = stream[at + 4 : at + 4 + length]
        if len(body) < length:
            raise _corrupt("BIFF record truncated")
        if kind == _BIFF_FILEPASS:
            raise WorkbookProblem("file-encrypted")
        if kind == _BIFF_EOF and not whole:
            break
        if kind == _BIFF_BOUNDSHEET and length >= 4:
            sheets.append(struct.unpack_from("<I", body)[0])
        elif kind == _BIFF_SST and length >= 8:
            total, unique = struct.unpack_from("<II", body)
            if unique > end // 3 or total > max(unique, 1) * 65_536:
                raise _corrupt("BIFF string table count")
        elif kind == _BIFF_DIMENSIONS and length in (10, 14):
            layout = "<IIHH" if length == 14 else "<HHHH"
            first_row, last_row, first_col, last_col = struct.unpack_from(layout, body)
            rows, cols = last_row - first_row, last_col - first_col
            if rows < 0 or cols < 0 or last_row > 1_048_576 or last_col > 16_384:
                raise _corrupt("BIFF dimensions")
            if rows * cols > max_cells:
                raise WorkbookProblem("sheet-too-large", rows=rows, cols=cols, limit=max_cells)
        elif kind in _BIFF_CELLS and length >= 4:
            row, col = struct.unpack_from("<HH", body)
            max_row, max_col = max(max_row, row + 1), max(max_col, col + 1)
        elif kind in _BIFF_MULTI and length >= 6:
            row, _ = struct.unpack_from("<HH", body)
            last = struct.unpack_from("<H", body, length - 2)[0]
            max_row, max_col = max(max_row, row + 1), max(max_col, last + 1)
        at += 4 + length
    if max_row * max_col > max_cells:
        raise WorkbookProblem("sheet-too-large", rows=max_row, cols=max_col, limit=max_cells)
    return sheets


_BIFF_BOF, _BIFF_FORMAT, _BIFF_XF, _BIFF_FORMULA = 0x0809, 0x041E, 0x00E0, 0x0006
_BIFF_NUMBER, _BIFF_RK, _BIFF_MULRK, _BIFF_BOOLERR = 0x0203, 0x027E, 0x00BD, 0x0205
_BIFF_ERRORS = {
    0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?",
    0x24: "#NUM!", 0x2A: "#N/A",
}  # fmt: skip
_BIFF_CALC_ON_LOAD = 0x0002  # a FORMULA record's flag: its result is to be computed on opening


def _scan_biff(stream: bytes) -> dict[str, dict[tuple[int, int], Value]]:
    """Per worksheet of a BIFF8 stream (already checked by ``_check_biff``): error cells,
    formulas whose result was never computed and numbers shown as a percent, by (row, col),
    1-based. calamine reads the first two as empty cells and the last without its format."""
    try:
        return _scan_biff_records(stream)
    except (struct.error, IndexError, UnicodeDecodeError):  # calamine will say what is wrong
        return {}


def _scan_biff_records(stream: bytes) -> dict[str, dict[tuple[int, int], Value]]:
    end = len(stream)
    if end < 8 or struct.unpack_from("<HHH", stream)[::2] != (_BIFF_BOF, 0x0600):
        return {}  # not BIFF8 (Excel 97 and later): its records are laid out otherwise
    percent_formats = set(_PERCENT_IDS)
    formats: list[int] = []  # each XF record's number format, in order: a cell's style index
    sheets: list[tuple[str, int]] = []
    at = 0
    while at + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, at)
        body = stream[at + 4 : at + 4 + length]
        at += 4 + length
        if kind == _BIFF_EOF:
            break
        if kind == _BIFF_XF and length >= 4:
            formats.append(struct.unpack_from("<H", body, 2)[0])
        elif kind == _BIFF_FORMAT and length >= 5:
            fmt_id, size, flags = struct.unpack_from("<HHB", body)
            code = body[5 : 5 + size * 2].decode("utf-16-le", "replace") if flags & 1 else (
                body[5 : 5 + size].decode("latin-1")
            )  # fmt: skip
            if shows_percent(code):
                percent_formats.add(fmt_id)
        elif kind == _BIFF_BOUNDSHEET and length >= 8 and body[5] == 0:  # a worksheet
            size, flags = body[6], body[7]
            name = body[8 : 8 + size * 2].decode("utf-16-le") if flags & 1 else (
                body[8 : 8 + size].decode("latin-1")
            )  # fmt: skip
            sheets.append((name, struct.unpack_from("<I", body)[0]))
    percent = frozenset(i for i, fmt in enumerate(formats) if fmt in percent_formats)
    return {name: _scan_biff_sheet(stream, start, percent) for name, start in sheets[:MAX_SHEETS]}


def _scan_biff_sheet(
    stream: bytes, at: int, percent: frozenset[int]
) -> dict[tuple[int, int], Value]:
    end = len(stream)
    found: dict[tuple[int, int], Value] = {}
    depth = 0  # a chart inside the sheet is a BOF ... EOF of its own
    while at + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, at)
        body = stream[at + 4 : at + 4 + length]
        at += 4 + length
        if kind == _BIFF_BOF:
            depth += 1
        elif kind == _BIFF_EOF:
            depth -= 1
            if depth <= 0:
                break
        elif kind == _BIFF_FORMULA and length >= 16:
            row, col, xf = struct.unpack_from("<HHH", body)
            if body[12:14] == b"\xff\xff":  # not a number: body[6] says what
                if body[6] == 2:
                    found[(row + 1, col + 1)] = CellError(_BIFF_ERRORS.get(body[8], "#N/A"))
                elif body[6] == 3 and struct.unpack_from("<H", body, 14)[0] & _BIFF_CALC_ON_LOAD:
                    found[(row + 1, col + 1)] = NoResult("")  # an empty result never computed
            elif xf in percent:
                found[(row + 1, col + 1)] = Percent(struct.unpack_from("<d", body, 6)[0])
        elif kind == _BIFF_BOOLERR and length >= 8 and body[7] == 1:
            row, col = struct.unpack_from("<HH", body)
            found[(row + 1, col + 1)] = CellError(_BIFF_ERRORS.get(body[6], "#N/A"))
        elif not percent:
            continue
        elif kind == _BIFF_NUMBER and length >= 14:
            row, col, xf = struct.unpack_from("<HHH", body)
            if xf in percent:
                found[(row + 1, col + 1)] = Percent(struct.unpack_from("<d", body, 6)[0])
        elif kind == _BIFF_RK and length >= 10:
            row, col, xf = struct.unpack_from("<HHH", body)
            if xf in percent:
                found[(row + 1, col + 1)] = Percent(_rk(struct.unpack_from("<I", body, 6)[0]))
        elif kind == _BIFF_MULRK and length >= 12:
            row, first = struct.unpack_from("<HH", body)
            for i in range((length - 6) // 6):
                xf, rk = struct.unpack_from("<HI", body, 4 + 6 * i)
                if xf in percent:
                    found[(row + 1, first + i + 1)] = Percent(_rk(rk))
    return found


def _rk(rk: int) -> float:
    """A BIFF RK number: a 30-bit integer or a float's high 30 bits, perhaps times 100."""
    if rk & 2:
        value: float = (rk >> 2) - (1 << 30 if rk & 0x80000000 else 0)
    else:
        value = struct.unpack("<d", struct.pack("<Q", (rk & 0xFFFFFFFC) << 32))[0]
    return value / 100 if rk & 1 else value


class _Member(NamedTuple):
    name: str
    method: int
    flags: int
    crc: int
    csize: int
    usize: int
    offset: int


_new_member = tuple.__new__


class _Zip:
    """A zip archive in memory: its directory, and members inflated with every bound checked.

    The central directory is read with ``struct`` (Python's zipfile takes longer
    than parsing a small workbook); zip64 and archives with a prefix fall back
    to zipfile for the directory only.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        listed = _fast_directory(data)
        if listed is None:
            listed = _zipfile_directory(data)
        self.listed = listed
        # a name listed twice means its first member (reversed: the first is set last)
        self.members: dict[str, _Member] = {m.name: m for m in reversed(listed)}

    def read(self, name: str) -> bytes:
        """The member's bytes; raises WorkbookProblem when missing, damaged or encrypted."""
        member = self.members.get(name)
        if member is None:
            raise WorkbookProblem("file-corrupt", detail=f"{name} missing")
        return self.inflate(member)

    def stored(self, name: str) -> tuple[int, int, int, int, bytes] | None:
        """What identifies the member's content: its compression, CRC, size and
        compressed bytes (None when missing)."""
        member = self.members.get(name)
        if member is None:
            return None
        raw = self._compressed(member)
        if raw is None:
            return None
        return (member.method, member.flags, member.crc, member.usize, raw)

    def _compressed(self, member: _Member) -> bytes | None:
        """The member's bytes as stored (None when its local header is not where listed)."""
        data, at = self.data, member.offset
        if data[at : at + 4] != b"PK\x03\x04" or at + 30 > len(data):
            return None
        name_len, extra_len = struct.unpack_from("<HH", data, at + 26)
        start = at + 30 + name_len + extra_len
        return data[start : start + member.csize]

    def peek(self, member: _Member, size: int) -> bytes:
        """The first ``size`` bytes of the member, inflating no more than that."""
        if member.flags & 0x1:
            raise WorkbookProblem("file-encrypted")
        raw = self._compressed(member)
        if raw is None:
            raise WorkbookProblem("file-corrupt", detail=f"{member.name}: bad local header")
        if member.method == 0:
            return raw[:size]
        if member.method != 8:
            raise WorkbookProblem(
                "file-corrupt", detail=f"{member.name}: compression {member.method}"
            )
        try:
            return zlib.decompressobj(-15).decompress(raw, size)
        except zlib.error as exc:
            raise WorkbookProblem("file-corrupt", detail=f"{member.name}: {exc}") from None

    def inflate(self, member: _Member) -> bytes:
        if member.flags & 0x1:
            raise WorkbookProblem("file-encrypted")
        raw = self._compressed(member)
        if raw is None:
            raise WorkbookProblem("file-corrupt", detail=f"{member.name}: bad local header")
        if len(raw) != member.csize:
            raise WorkbookProblem("file-corrupt", detail=f"{member.name}: truncated")
        if member.method == 0:
            out = raw
        elif member.method == 8:
            inflater = zlib.decompressobj(-15)
            try:
                # never more than declared (+1 to notice a member that lies)
                out = inflater.decompress(raw, member.usize + 1)
            except zlib.error as exc:
                raise WorkbookProblem("file-corrupt", detail=f"{member.name}: {exc}") from None
        else:
            raise WorkbookProblem(
                "file-corrupt", detail=f"{member.name}: compression {member.method}"
            )
        if len(out) != member.usize or zlib.crc32(out) != member.crc:
            raise WorkbookProblem("file-corrupt", detail=f"{member.name}: size or CRC mismatch")
        return out


# a central directory entry from its signature on, skipping the fields not read
# (versions, time and date, disk, attributes)
_CENTRAL = struct.Struct("<I4xHH4xIIIHHH8xI")
_CENTRAL_SIGNATURE = 0x02014B50
_ZIP64 = 0xFFFFFFFF


def _fast_directory(data: bytes) -> list[_Member] | None:
    """The central directory; None when it needs zipfile (zip64, a prefix, a comment)."""
    eocd = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65_535))
    if eocd < 0 or eocd + 22 > len(data):
        raise WorkbookProblem("file-corrupt", detail="no zip directory (truncated?)")
    disk, cd_disk, count_here, count, cd_size, cd_offset, comment = struct.unpack_from(
        "<HHHHIIH", data, eocd + 4
    )
    if (
        disk
        or cd_disk
        or count_here != count
        or count == 0xFFFF
        or cd_offset == 0xFFFFFFFF
        or cd_offset + cd_size != eocd
        or eocd + 22 + comment != len(data)
    ):
        return None
    if count > MAX_MEMBERS:
        raise WorkbookProblem("zip-bomb", member=f"{count} members", size="-", limit=MAX_MEMBERS)
    members = []
    at = cd_offset
    for _ in range(count):
        if at + 46 > eocd:
            raise WorkbookProblem("file-corrupt", detail="damaged zip directory")
        (signature, flags, method, crc, csize, usize, name_len, extra_len, comment_len,
         offset) = _CENTRAL.unpack_from(data, at)  # fmt: skip
        if signature != _CENTRAL_SIGNATURE:
            raise WorkbookProblem("file-corrupt", detail="damaged zip directory")
        if csize == _ZIP64 or usize == _ZIP64 or offset == _ZIP64:
            return None
        raw_name = data[at + 46 : at + 46 + name_len]
        # an ASCII name reads the same in both encodings, and decoding it as ASCII is
        # eight times quicker than cp437's table (a third of this loop's time)
        name = (
            raw_name.decode("ascii")
            if raw_name.isascii()
            else raw_name.decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
        )
        # tuple.__new__ as NamedTuple's _make does, without its Python frame
        members.append(_new_member(_Member, (name, method, flags, crc, csize, usize, offset)))
        at += 46 + name_len + extra_len + comment_len
    return members


def _zipfile_directory(data: bytes) -> list[_Member]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except _ZIP_ERRORS as exc:
        raise WorkbookProblem("file-corrupt", detail=_detail(exc)) from None
    if len(infos) > MAX_MEMBERS:
        raise WorkbookProblem(
            "zip-bomb", member=f"{len(infos)} members", size="-", limit=MAX_MEMBERS
        )
    return [
        _Member(
            i.filename,
            i.compress_type,
            i.flag_bits,
            i.CRC,
            i.compress_size,
            i.file_size,
            i.header_offset,
        )
        for i in infos
    ]


MAX_SHARED_STRINGS = 500_000  # texts in a workbook's shared table; a submission has hundreds
_UNIQUE_COUNT = re.compile(rb"""\buniqueCount\s*=\s*["'](\d+)""")


def _check_shared_strings(archive: _Zip) -> None:
    """Refuse a shared-strings table that declares or holds more than MAX_SHARED_STRINGS
    texts: calamine reserves memory for the declared count before reading one (a table
    declaring two billion ended the process) and holds every text it finds."""
    for member in archive.listed:
        if not member.name.lower().endswith("sharedstrings.xml"):
            continue
        head = archive.peek(member, 4096)
        if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
            head = head.decode("utf-16", errors="ignore").encode("utf-8")
        match = _UNIQUE_COUNT.search(head)
        digits = match.group(1) if match else b"0"
        count = int(digits) if len(digits) <= 12 else 10**12
        # each text takes at least 5 bytes ("<si/>"): a smaller member cannot hold too many
        if member.usize > MAX_SHARED_STRINGS * 5:
            xml = archive.inflate(member)
            count = max(count, xml.count(b"<si") + xml.count(b":si"))
        if count > MAX_SHARED_STRINGS:
            raise WorkbookProblem("too-many-strings", count=count, limit=MAX_SHARED_STRINGS)


def _check_zip(archive: _Zip, max_unzipped: int) -> None:
    """Refuse what is encrypted or would inflate too far, before anything is parsed."""
    total = compressed = 0
    for member in archive.listed:
        if member.flags & 0x1:
            raise WorkbookProblem("file-encrypted")
        usize = member.usize
        total += usize
        compressed += member.csize
        if total > max_unzipped:
            raise WorkbookProblem(
                "zip-bomb", member=member.name, size=_mb(total), limit=_mb(max_unzipped)
            )
        if usize > RATIO_FLOOR and usize / max(member.csize, 1) > MAX_RATIO:
            raise WorkbookProblem(
                "zip-bomb", member=member.name, size=_mb(usize), limit=f"{MAX_RATIO}x"
            )
    # Declared sizes can lie, and calamine believes what the data says. When the
    # compressed data could inflate past the limit, inflate every member here:
    # never past its declared size, and a member that lies fails its check.
    if compressed * DEFLATE_LIMIT > max_unzipped:
        for member in archive.listed:
            archive.inflate(member)


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """Silence what Rust writes to file descriptor 2 (a panic's message on a damaged
    .xls, caught and reported as a finding) for the duration of the call."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 2)
        finally:
            os.close(null)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _calamine_open(data: bytes, quiet: bool = False) -> Any:
    from python_calamine import CalamineWorkbook, PasswordError

    # nullcontext when not quiet: the generator's context manager took a microsecond
    # to do nothing
    try:
        with _quiet_native_stderr() if quiet else contextlib.nullcontext():
            return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        raise WorkbookProblem("file-encrypted") from None
    except BaseException as exc:
        _reraise_fatal(exc)
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise WorkbookProblem("file-encrypted") from None
        raise WorkbookProblem("file-corrupt", detail=_detail(exc)) from None


def _reraise_fatal(exc: BaseException) -> None:
    """calamine's Rust panics arrive as BaseException; the user's Ctrl-C must still stop."""
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
        raise exc


def _detail(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:200]


# --------------------------------------------------------------------------- xlsx XML

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
_PERCENT_IDS = frozenset({9, 10})  # Excel's built-in 0% and 0.00%


def _percent_styles(archive: _Zip) -> frozenset[int]:
    """The cell style indexes (``s=``) whose number format shows a percent."""
    try:
        xml = archive.read("xl/styles.xml")
    except (WorkbookProblem, KeyError):
        return frozenset()
    return _percent_styles_in(xml)


@functools.lru_cache(maxsize=64)
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


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def shows_percent(code: str) -> bool:
    """Whether a number format shows a percent: a ``%`` outside quotes, escapes and
    brackets (``0.0%``, ``#,##0.00" %"`` does not multiply)."""
    return "%" in _QUOTED.sub("", code)


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


# --------------------------------------------------------------------------- ods XML

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
