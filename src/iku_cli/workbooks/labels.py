"""Where a sheet's table and identity stand: header rows and identity labels, by their text."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

from ..core.periods import Period, parse_period
from ..core.submission import NARRATIVE_FIELDS
from .values import text_of
from .workbook import Sheet, cell_ref

HEADER_ROWS = 50  # the header row is looked for in this many rows of each sheet
HEADER_COLS = 60
IDENTITY_COLS = 12


# header text (normalised) -> column role
_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("kode iku", "kode", "kode indikator", "code", "indicator code", "iku code",
             "no iku", "nomor iku", "kode ik"),
    "indicator": ("indikator", "indicator", "nama indikator", "indikator kinerja",
                  "indikator kinerja utama", "uraian indikator", "indicator name"),
    "input": ("variabel", "input", "variable", "nama variabel", "kode variabel",
              "variabel input", "input name", "nama input"),
    "label": ("uraian", "description", "label", "uraian variabel", "deskripsi",
              "uraian input"),
    "unit": ("satuan", "unit"),
    "value": ("nilai", "realisasi", "value", "nilai realisasi", "realisasi kumulatif",
              "nilai kumulatif", "realisation", "realization"),
    "note": ("keterangan", "catatan", "note", "notes", "remarks", "ket"),
}  # fmt: skip
_ROLE_OF = {text: role for role, texts in _HEADERS.items() for text in texts}

_NARRATIVE_HEADERS: dict[str, tuple[str, ...]] = {
    "code": _HEADERS["code"],
    "indicator": _HEADERS["indicator"],
    "supporting": ("faktor pendukung", "pendukung", "faktor keberhasilan", "supporting factors"),
    "obstacles": ("faktor penghambat", "penghambat", "kendala", "hambatan",
                  "permasalahan", "obstacles", "inhibiting factors"),
    "actions": ("upaya tindak lanjut", "tindak lanjut", "upaya", "rencana tindak lanjut",
                "solusi", "actions", "follow-up actions", "follow up"),
    "evidence": ("bukti dukung", "bukti", "data dukung", "evidence", "supporting evidence"),
}  # fmt: skip
_NARRATIVE_ROLE_OF = {text: role for role, texts in _NARRATIVE_HEADERS.items() for text in texts}

# identity label text (normalised) -> identity key
_LABELS: dict[str, tuple[str, ...]] = {
    "owner": ("biro", "unit kerja", "owner", "nama biro", "perangkat daerah", "bureau",
              "nama unit kerja", "biro/unit kerja", "unit"),
    "year": ("tahun", "year", "tahun anggaran", "tahun pelaporan", "tahun laporan"),
    "period": ("periode", "triwulan", "period", "quarter", "periode pelaporan",
               "periode laporan", "triwulan ke"),
    "prepared_by": ("disusun oleh", "prepared by", "penyusun", "dibuat oleh", "nama penyusun",
                    "diisi oleh", "filled in by"),
    "date": ("tanggal", "date", "tanggal penyusunan", "tanggal pengisian"),
}  # fmt: skip
_LABEL_OF = {text: key for key, texts in _LABELS.items() for text in texts}
_FINGERPRINT_WORDS = ("sha256", "sidik", "fingerprint")
_LABEL_MAX = 48
IDENTITY_KEYS = ("owner", "year", "period", "prepared_by", "date", "catalogue")

_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_YEAR = re.compile(r"(?<!\d)(19\d\d|2\d\d\d)(?!\d)")
_PERIOD = re.compile(r"(?i)\b(?:tw|triwulan|q|quarter)\s*[-.]?\s*(iv|iii|ii|i|[1-4])\b")
_HEX = re.compile(r"[0-9a-fA-F]{8,64}")


@functools.lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    """Header and label text compared: lower case, no brackets, no punctuation at the ends."""
    text = _PARENS.sub(" ", text.replace("\n", " ").replace("_", " ").lower())
    return " ".join(text.split()).strip(" :*.#-")


@dataclass
class _Header:
    sheet: Sheet
    row: int
    cols: dict[str, int]
    # a required column headed twice in the header row: (role, first col, second col)
    twice: tuple[tuple[str, int, int], ...] = ()


def _header_in(sheet: Sheet) -> _Header | None:
    cols: dict[str, int] = {}
    twice: list[tuple[str, int, int]] = []
    current = 0
    for row, col, text in sheet.texts(HEADER_ROWS, HEADER_COLS):
        if row != current:
            if _is_header(cols):
                return _Header(sheet, current, cols, tuple(twice))
            cols, current, twice = {}, row, []
        if len(text) <= _LABEL_MAX:
            role = _ROLE_OF.get(_norm(text))
            if role is None:
                continue
            if role not in cols:
                cols[role] = col
            elif role in _REQUIRED_ROLES:
                twice.append((role, cols[role], col))
    return _Header(sheet, current, cols, tuple(twice)) if _is_header(cols) else None


_REQUIRED_ROLES = frozenset({"code", "value", "input"})


def _narrative_header_in(sheet: Sheet) -> _Header | None:
    """The Analisis header: a code column and at least one of the four text columns."""
    best: _Header | None = None
    cols: dict[str, int] = {}
    current = 0
    for row, col, text in [*sheet.texts(HEADER_ROWS, HEADER_COLS), (0, 0, "")]:
        if row != current:
            if "code" in cols and any(r in cols for r in NARRATIVE_FIELDS):
                best = _Header(sheet, current, cols)
                break
            cols, current = {}, row
        if len(text) <= _LABEL_MAX:
            role = _NARRATIVE_ROLE_OF.get(_norm(text))
            if role is not None and role not in cols:
                cols[role] = col
    return best


def _is_header(cols: dict[str, int]) -> bool:
    return "code" in cols and "value" in cols and ("input" in cols or "label" in cols)


def _labels_in(sheet: Sheet, rows: int) -> dict[str, tuple[str, str]]:
    """Identity labels in the first ``rows`` rows: the cell (``Identitas!B1``) and text of
    the value beside each."""
    found: dict[str, tuple[str, str]] = {}
    for row, col, text in sheet.texts(rows, IDENTITY_COLS):
        key, colon, tail = _label_parts(text)
        if key is None or key in found:
            continue
        if tail:
            found[key] = (cell_ref(sheet.name, row, col), tail)  # "Biro: Biro POD" in one cell
            continue
        beside = _value_beside(sheet, row, col, colon)
        if beside is not None:
            found[key] = beside
    return found


@functools.lru_cache(maxsize=4096)
def _label_parts(text: str) -> tuple[str | None, bool, str]:
    """A cell's text read as a label: its key (None: not a label), whether a colon
    follows the label, and what was typed after the colon."""
    raw = text.strip()
    head, colon, tail = raw.partition(":")
    return _label_key(head if colon else raw), bool(colon), tail.strip()


@functools.lru_cache(maxsize=4096)
def _label_key(text: str) -> str | None:
    if len(text) > _LABEL_MAX:
        return None  # a sentence, not a label
    lowered = text.lower()
    if any(word in lowered for word in _FINGERPRINT_WORDS):
        return "catalogue"
    return _LABEL_OF.get(_norm(text))


def _value_beside(sheet: Sheet, row: int, col: int, colon: bool) -> tuple[str, str] | None:
    """The label's value (its cell and text): the cell to its right (past a lone ``:``
    column, or past empty cells when the label ends with a colon), else, with nothing to
    the right, the one below."""
    right = sheet.values(row, (col + 1, col + 2, col + 3))
    for offset, value in enumerate(right, start=1):
        text = text_of(value)
        if text in {":", "="}:
            continue  # a form's separator column
        if not text:
            if colon:
                continue
            break  # the value was left empty; what stands further right is something else
        if isinstance(value, str) and _label_key(value) is not None:
            return None  # the next label: this one was left empty
        return cell_ref(sheet.name, row, col + offset), text
    if right != [None, None, None]:
        return None
    below = sheet.value(row + 1, col)
    if below is not None and not (isinstance(below, str) and _label_key(below) is not None):
        return cell_ref(sheet.name, row + 1, col), text_of(below)
    return None


# the year, period and catalogue fingerprint of a run's files are typed alike: each
# text is read once (cached)


@functools.lru_cache(maxsize=256)
def _year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


@functools.lru_cache(maxsize=256)
def _fingerprint(text: str) -> str:
    match = _HEX.search(text)
    return match.group(0).lower() if match else text


_NAMED_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def _named(display: str) -> tuple[int | None, Period | None]:
    """The year and period a file's name (else its folder's name) says, when it says one
    of each plainly: ``2025-TW4.xlsx``, ``kiriman 2025/Biro A TW4.xlsx``."""
    folder, name = os.path.split(display)
    year, period = _said(os.path.splitext(name)[0])
    if year is None or period is None:
        # the folder of a run's files is the same for each: read once
        in_folder = _said_by_folder(os.path.basename(folder))
        year = in_folder[0] if year is None else year
        period = in_folder[1] if period is None else period
    return year, period


def _said(part: str) -> tuple[int | None, Period | None]:
    """The one year and the one period ``part`` names (None for none or several)."""
    text = part.replace("_", " ")
    years = set(_NAMED_YEAR.findall(text))
    periods = {_period(m.group(0)) for m in _PERIOD.finditer(text)}
    return (
        int(years.pop()) if len(years) == 1 else None,
        periods.pop() if len(periods) == 1 else None,
    )


_said_by_folder = functools.lru_cache(maxsize=256)(_said)


@functools.lru_cache(maxsize=256)
def _period(text: str) -> Period | None:
    parsed = parse_period(text)
    if parsed is not None:
        return parsed
    match = _PERIOD.search(text)
    return parse_period(match.group(1)) if match else None


__all__ = ["IDENTITY_KEYS"]
