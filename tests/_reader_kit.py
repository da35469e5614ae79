"""Helpers for the reader, checks and validate tests: a small catalogue and tiny workbooks."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from iku_cli.core.catalogue import Catalogue
from iku_cli.loading.catalogue_file import loads

CATALOGUE_YAML = """
schema: 1
organisation: Contoh Daerah
years: [2024, 2025]
goals:
  - {code: "1", statement: Sasaran satu}
indicators:
  - code: "1.1"
    goal: "1"
    name: Persentase kebijakan yang disahkan
    unit: Persen
    owner: Biro A
    inputs:
      disahkan: {label: Jumlah kebijakan yang disahkan, integer: true}
      dirumuskan: {label: Jumlah kebijakan yang dirumuskan, integer: true}
    numerator: disahkan
    denominator: dirumuskan
    max: 100
    targets: {2025: 100}
  - code: "1.10"
    goal: "1"
    name: Persentase pendapatan yang disetor
    unit: Persen
    owner: Biro A
    inputs:
      setor: {label: Pendapatan yang disetor}
      target_pad: {label: Target pendapatan}
    numerator: setor
    denominator: target_pad
    targets: {2025: 90}
  - code: "1.2"
    goal: "1"
    name: Indeks kematangan
    unit: Indeks
    owner: Biro A
    frequency: annual
    inputs:
      indeks: {label: Nilai indeks, max: 5}
    value: indeks
    targets: {2025: 3}
  - code: "2.1"
    goal: "1"
    name: Rasio Biro B
    unit: Persen
    owner: Biro B
    inputs:
      bagian: {label: Bagian}
      dasar: {label: Dasar, min: 1}
    numerator: bagian
    denominator: dasar
    targets: {2025: 80}
"""

HEADER = ["Kode IKU", "Indikator", "Variabel", "Uraian", "Satuan", "Nilai", "Keterangan"]

# (code, input) of Biro A's quarterly rows, in template order
A_ROWS = [("1.1", "disahkan"), ("1.1", "dirumuskan"), ("1.10", "setor"), ("1.10", "target_pad")]


def small_catalogue() -> Catalogue:
    return loads(CATALOGUE_YAML, file="test-indicators.yaml")


def identity_rows(
    owner: Any = "Biro A", year: Any = 2025, period: Any = "TW1", fingerprint: Any = None
) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Biro", owner],
        ["Tahun", year],
        ["Periode", period],
        ["Disusun oleh", "Ani"],
        ["Tanggal", "2025-04-05"],
    ]
    if fingerprint is not None:
        rows.append(["Sidik jari katalog (sha256)", fingerprint])
    return rows


def data_rows(values: Sequence[tuple[str, str, Any]]) -> list[list[Any]]:
    """The Data sheet as the template lays it out: titles, header on row 4, data from row 5."""
    rows: list[list[Any]] = [
        ["Formulir Realisasi IKU"],
        ["Biro A, tahun 2025, TW1"],
        [None],
        list(HEADER),
    ]
    for code, name, value in values:
        rows.append([code, f"Indikator {code}", name, f"Uraian {name}", "Angka", value, None])
    return rows


def filled(values: dict[tuple[str, str], Any] | None = None) -> list[tuple[str, str, Any]]:
    """Biro A's rows with good values, some replaced by ``values``."""
    good = {
        ("1.1", "disahkan"): 8,
        ("1.1", "dirumuskan"): 10,
        ("1.10", "setor"): 1500,
        ("1.10", "target_pad"): 2000,
    }
    good.update(values or {})
    return [(code, name, value) for (code, name), value in good.items()]


def submission(
    values: Sequence[tuple[str, str, Any]] | None = None,
    analysed: bool = False,
    **identity: Any,
) -> dict[str, list[list[Any]]]:
    """A workbook's sheets; ``analysed``: with an Analisis sheet whose rows (one per code
    in the values) are filled in, so that no narrative-missing is reported."""
    rows = filled() if values is None else values
    sheets = {
        "Petunjuk": [["Petunjuk pengisian"], ["Isi kolom Nilai."]],
        "Identitas": identity_rows(**identity),
        "Data": data_rows(rows),
    }
    if analysed:
        sheets["Analisis"] = analysis_rows(dict.fromkeys(code for code, _, _ in rows))
    return sheets


ANALYSIS_HEADER = [
    "Kode IKU",
    "Indikator",
    "Faktor pendukung",
    "Faktor penghambat",
    "Upaya tindak lanjut",
    "Bukti dukung",
]


def analysis_rows(codes: Iterable[str]) -> list[list[Any]]:
    """An Analisis sheet with every text filled in for ``codes``."""
    rows: list[list[Any]] = [["Analisis capaian"], [None], [None], list(ANALYSIS_HEADER)]
    for code in codes:
        rows.append([code, f"Indikator {code}", "Dukungan", "Hambatan", "Upaya", "Laporan"])
    return rows


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """Write rows from A1 with openpyxl; a text starting with ``=`` becomes a formula."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(r, c, value)
    book.save(path)
    return path


def write_ods(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """Write rows from A1 with odfpy: numbers as float cells, the rest as text."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None:
                    tr.addElement(TableCell())
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=str(value))
                    cell.addElement(P(text=str(value)))
                    tr.addElement(cell)
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(value)))
                    tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def ole2(streams: dict[str, bytes]) -> bytes:
    """A minimal compound file (OLE2) holding ``streams``, enough for a directory reader.

    Every stream sits in regular 512-byte sectors (a real file keeps small ones in
    the mini stream; nothing here reads stream data).
    """
    size = 512
    names = list(streams)
    entries = 1 + len(names)
    dir_sectors = (entries * 128 + size - 1) // size
    data_sectors = [max(1, (len(b) + size - 1) // size) for b in streams.values()]
    total = 1 + dir_sectors + sum(data_sectors)
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    fat = [fat_sector]
    chain_start = 1
    for n in range(dir_sectors):
        fat.append(chain_start + n + 1 if n < dir_sectors - 1 else end)
    starts = []
    nxt = 1 + dir_sectors
    for count in data_sectors:
        starts.append(nxt)
        for n in range(count):
            fat.append(nxt + n + 1 if n < count - 1 else end)
        nxt += count
    assert len(fat) == total and total <= size // 4
    fat += [free] * (size // 4 - len(fat))
    header = bytearray(size)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)  # FAT sectors
    struct.pack_into("<I", header, 0x30, 1)  # first directory sector
    struct.pack_into("<I", header, 0x38, 4096)
    struct.pack_into("<IIII", header, 0x3C, end, 0, end, 0)
    difat = [0] + [free] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)

    def entry(name: str, kind: int, start: int, length: int, child: int = free) -> bytes:
        raw = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        raw[0 : len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded), kind, 1)
        struct.pack_into("<III", raw, 68, free, free, child)
        struct.pack_into("<II", raw, 116, start, length)
        return bytes(raw)

    directory = entry("Root Entry", 5, end, 0, child=1 if names else free)
    for i, name in enumerate(names):
        directory += entry(name, 2, starts[i], len(streams[name]))
    directory += b"\0" * (dir_sectors * size - len(directory))
    body = b"".join(
        streams[name] + b"\0" * (count * size - len(streams[name]))
        for name, count in zip(names, data_sectors, strict=True)
    )
    return bytes(header) + struct.pack(f"<{size // 4}I", *fat) + directory + body


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A deflated zip holding ``members`` (name -> bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, raw in members.items():
            zf.writestr(name, raw)
    return buffer.getvalue()
