"""The xls format: the OLE2 compound file and its BIFF records, checked and scanned."""

from __future__ import annotations

import struct

from .cells import _PERCENT_IDS, CellError, NoResult, Percent, Value, shows_percent
from .limits import MAX_SHEETS, WorkbookProblem

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
