"""Reading bureau workbooks into :class:`~iku_cli.core.submission.Submission` records, forgivingly.

What bureaus really send is accepted (DESIGN section 4): the data sheet found by
its header row wherever it stands, extra and reordered columns, blank and note
rows, codes typed as numbers, numbers typed as text the Indonesian way, identity
labels in any sheet. What cannot be read becomes a :class:`~iku_cli.core.findings.Finding`
naming the file, sheet and cell; nothing here raises for bad data. Judging the
values against the catalogue is :mod:`iku_cli.core.checks`' job.
"""

from __future__ import annotations

import functools
import operator
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core import findings
from ..core.errors import IkuError
from ..core.findings import Finding, Severity
from ..core.numbers import NotANumber, parse_number
from ..core.periods import Period, parse_period
from ..core.submission import NARRATIVE_FIELDS, Collection, InputValue, Narrative, Submission
from .cells import (
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
from .limits import WorkbookProblem
from .workbook import Sheet, Workbook, open_workbook

if TYPE_CHECKING:
    # only methods of the catalogue given are called: reading a file (read_raw) must
    # not import pydantic, which a worker process would pay for before its first file
    from ..core.catalogue import Catalogue, Indicator

EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
HEADER_ROWS = 50  # the header row is looked for in this many rows of each sheet
HEADER_COLS = 60
IDENTITY_ROWS = 50
IDENTITY_COLS = 12
MAX_DATA_ROWS = 2_000  # a submission has tens of rows; more is not a submission
# A value this large is a typing or pasting mistake (Excel keeps 15 digits), and
# left in, its products would grow past what any later step can show.
MAX_VALUE = Decimal(10) ** 15

DATA_SHEET = "data"
IDENTITY_SHEET = "identitas"
GUIDE_SHEET = "petunjuk"

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

# The Analisis sheet (DESIGN 11b): looked for only in sheets of these names (normalised),
# so that reading a workbook without one costs nothing
NARRATIVE_SHEETS = frozenset({"analisis", "analysis", "analisis kinerja", "narasi"})
MAX_NARRATIVE_CHARS = 5_000  # a cell's text beyond this is cut (narrative-too-long)
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
_ENOUGH = frozenset({"owner", "year", "period"})  # found these, the other sheets are not searched

_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_YEAR = re.compile(r"(?<!\d)(19\d\d|2\d\d\d)(?!\d)")
_PERIOD = re.compile(r"(?i)\b(?:tw|triwulan|q|quarter)\s*[-.]?\s*(iv|iii|ii|i|[1-4])\b")
_HEX = re.compile(r"[0-9a-fA-F]{8,64}")


@functools.lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    """Header and label text compared: lower case, no brackets, no punctuation at the ends."""
    text = _PARENS.sub(" ", text.replace("\n", " ").replace("_", " ").lower())
    return " ".join(text.split()).strip(" :*.#-")


def text_of(value: Value) -> str:
    """A cell value as the text a person would read in it."""
    if value is None:
        return ""
    if value.__class__ is str:
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


# --------------------------------------------------------------------------- one file
#
# Reading a file is split in two so that worker processes can read files before the
# catalogue is loaded (before pydantic is even imported): read_raw does everything
# that needs no catalogue, bind the little that does (owner spelling, the indicator
# each code cell means, input names, and the findings that name indicator and input).


# A value's finding as read: (severity, code, params); bind adds where it stands and
# which indicator and input it is.
_Said = tuple[Severity, str, dict[str, object]]
# One data row as read, before the catalogue says what its code and input mean:
# (code text, whether the code cell held a number, code cell, input text, label text,
#  value, problem, value finding, value cell, note, input cell). A plain tuple: rows
# are what a worker sends back most of, and tuples pickle fastest.
RawRow = tuple[
    str, bool, str, str, str, Decimal | None, str | None, _Said | None, str, str | None, str
]
# One Analisis row as read: (code text, whether the code cell held a number, code cell,
#  texts by field (None: blank), cells by field)
RawNarrative = tuple[str, bool, str, dict[str, str | None], dict[str, str]]


@dataclass(slots=True)
class RawRead:
    """What one workbook holds, read without a catalogue (:func:`read_raw`);
    :func:`bind` makes it a Submission and findings. Plain data: it pickles."""

    file: str  # the path as the user gave it
    sha256: str | None  # None: nothing to submit, only ``found``
    # the file's own findings (too-many-rows, header-not-found...): all are said before
    # the first row is read, so the rows' findings, made by bind, follow them
    found: list[Finding]
    data_sheet: str | None = None
    identity_cells: dict[str, str] = field(default_factory=dict)
    identity_text: dict[str, str] = field(default_factory=dict)
    year: int | None = None
    period: Period | None = None
    prepared_by: str | None = None
    date: str | None = None
    catalogue_sha256: str | None = None
    rows: list[RawRow] = field(default_factory=list)
    narrative_sheet: str | None = None
    narratives: list[RawNarrative] = field(default_factory=list)

    def __reduce__(self) -> tuple[type[RawRead], tuple[Any, ...]]:
        return RawRead, _RAW_READ_FIELDS(self)  # as Submission's, for the same reason


_RAW_READ_FIELDS = operator.attrgetter(*(f.name for f in fields(RawRead)))


def read_workbook(
    path: Path | str, display: str, catalogue: Catalogue
) -> tuple[Submission | None, list[Finding]]:
    """Read one workbook; never raises for what the file holds.

    ``display`` is the path as the user gave it; every finding and the
    Submission carry it as ``file``.
    """
    return bind(read_raw(path, display), catalogue)


def read_raw(path: Path | str, display: str) -> RawRead:
    """All of reading one workbook that needs no catalogue; never raises for what the
    file holds."""
    try:
        workbook = open_workbook(Path(path))
    except WorkbookProblem as problem:
        return RawRead(display, None, [_problem(problem, display)])
    except MemoryError:
        detail = "out of memory"
        return RawRead(
            display, None, [findings.error("file-unreadable", file=display, detail=detail)]
        )
    try:
        with workbook:
            return _Reader(workbook, display).read()
    except WorkbookProblem as problem:
        return RawRead(display, None, [_problem(problem, display)])
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a defect, or a panic in calamine: this file only
        detail = f"{type(exc).__name__}: {exc}"[:200]
        return RawRead(
            display, None, [findings.error("file-unreadable", file=display, detail=detail)]
        )


def bind(raw: RawRead, catalogue: Catalogue) -> tuple[Submission | None, list[Finding]]:
    """``raw`` read against ``catalogue``: what :func:`read_workbook` gives.

    Each row's findings come in the order reading them gave before the split: the
    code-normalised warning of its code cell, then its value's finding.
    """
    found = list(raw.found)
    if raw.sha256 is None:
        return None, found
    typed = raw.identity_text.get("owner")
    values: list[InputValue] = []
    sub = Submission(
        raw.file,
        raw.sha256,
        _OWNERS.owner(catalogue, typed) if typed else None,
        raw.year,
        raw.period,
        values,
        raw.catalogue_sha256,
        raw.prepared_by,
        raw.date,
        dict(raw.identity_cells),
        dict(raw.identity_text),
        raw.data_sheet,
    )
    _bind_narratives(raw, catalogue, sub, found)
    file, sheet = raw.file, raw.data_sheet or ""
    for row in raw.rows:
        code_text, code_float, code_cell, input_text, label_text = row[:5]
        value, problem, said, cell, note, input_cell = row[5:]
        indicator, guessed = _indicator(catalogue, code_text, code_float, input_text)
        if indicator is None:
            code, input_name = code_text, input_text
        else:
            code, input_name = indicator.code, _input_name(indicator, input_text, label_text)
            if guessed:
                found.append(
                    findings.warning(
                        "code-normalised",
                        file=file,
                        sheet=sheet,
                        cell=code_cell,
                        indicator=code,
                        text=code_text,
                    )
                )
        if said is not None:
            severity, finding_code, params = said
            make = findings.error if severity == "error" else findings.warning
            found.append(
                make(
                    finding_code,
                    **params,
                    file=file,
                    sheet=sheet,
                    cell=cell,
                    indicator=code or None,
                    input=input_name or None,
                )
            )
        values.append(
            InputValue(code, input_name, value, sheet, cell, note, code_cell, input_cell, problem)
        )
    return sub, found


def _bind_narratives(
    raw: RawRead, catalogue: Catalogue, sub: Submission, found: list[Finding]
) -> None:
    """The Analisis rows by catalogue code; a code written twice: the first row counts."""
    sheet = raw.narrative_sheet
    if sheet is None:
        return
    sub.narrative_sheet = sheet
    for code_text, code_float, code_cell, texts, cells in raw.narratives:
        indicator, guessed = _indicator(catalogue, code_text, code_float, "")
        code = indicator.code if indicator is not None else code_text
        if indicator is not None and guessed:
            found.append(
                findings.warning(
                    "code-normalised",
                    file=raw.file,
                    sheet=sheet,
                    cell=code_cell,
                    indicator=code,
                    text=code_text,
                )
            )
        if code in sub.narratives:
            found.append(
                findings.warning(
                    "narrative-duplicate",
                    file=raw.file,
                    sheet=sheet,
                    cell=code_cell,
                    indicator=code,
                    first=sub.narratives[code].code_cell,
                )
            )
            continue
        sub.narratives[code] = Narrative(
            code,
            sheet,
            code_cell,
            texts.get("supporting"),
            texts.get("obstacles"),
            texts.get("actions"),
            texts.get("evidence"),
            cells,
        )


# The files of a run are mostly one template's: their sheets are named alike, and the
# same few owners are typed again and again. What follows from those is found once.


@functools.lru_cache(maxsize=64)
def _header_order(names: tuple[str, ...]) -> tuple[str, ...]:
    """The sheets in the order the data header is looked for: Data first, the identity
    and guide sheets last."""

    def rank(name: str) -> int:
        lowered = name.strip().lower()
        return 0 if lowered == DATA_SHEET else 2 if lowered in {IDENTITY_SHEET, GUIDE_SHEET} else 1

    return tuple(sorted(names, key=rank))


@functools.lru_cache(maxsize=64)
def _identity_sheets(names: tuple[str, ...]) -> tuple[str, ...]:
    """The sheets named Identitas."""
    return tuple(n for n in names if n.strip().lower() == IDENTITY_SHEET)


class _OwnerNames:
    """An owner as typed -> the catalogue's spelling (else as typed), remembered for the
    catalogue last asked about: making the slug (Unicode normalisation, a regex) was a
    quarter of the time spent filling in a submission's identity."""

    LIMIT = 4096

    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self.found: dict[str, str] = {}

    def owner(self, catalogue: Catalogue, typed: str) -> str:
        if catalogue is not self.catalogue or len(self.found) >= self.LIMIT:
            self.catalogue, self.found = catalogue, {}
        owner = self.found.get(typed)
        if owner is None:
            owner = (
                catalogue.owner_by_name(typed) or catalogue.owner_by_name(f"Biro {typed}") or typed
            )
            self.found[typed] = owner
        return owner


_OWNERS = _OwnerNames()


def _problem(problem: WorkbookProblem, display: str) -> Finding:
    # iku's own output (a recap saved in the folder read) is skipped with a note
    make = findings.warning if problem.code == "iku-output" else findings.error
    return make(problem.code, file=display, sheet=problem.sheet, **problem.params)


@dataclass
class _Header:
    sheet: Sheet
    row: int
    cols: dict[str, int]
    # a required column headed twice in the header row: (role, first col, second col)
    twice: tuple[tuple[str, int, int], ...] = ()


class _Reader:
    """One open workbook read into a :class:`RawRead`."""

    def __init__(self, workbook: Workbook, display: str) -> None:
        self.workbook = workbook
        self.file = display
        self.found: list[Finding] = []
        self.loaded: dict[str, Sheet] = {}
        self.too_large: list[WorkbookProblem] = []

    def sheet(self, name: str) -> Sheet | None:
        if name not in self.loaded:
            try:
                self.loaded[name] = self.workbook.sheet(name)
            except WorkbookProblem as problem:
                if problem.code != "sheet-too-large":
                    raise
                self.too_large.append(problem)
                return None
        return self.loaded[name]

    def read(self) -> RawRead:
        names = self.workbook.sheet_names
        header = self.find_header(names)
        identity = self.find_identity(names, header)
        if header is None:
            if self.too_large:
                return RawRead(self.file, None, [_problem(p, self.file) for p in self.too_large])
            if all(s.is_empty() for s in self.loaded.values()):
                return RawRead(self.file, None, [findings.error("empty-workbook", file=self.file)])
            data = next((n for n in names if n.strip().lower() == DATA_SHEET), None)
            if data is not None:
                self.found.append(findings.error("header-not-found", file=self.file, sheet=data))
            else:
                self.found.append(
                    findings.error("sheet-not-found", file=self.file, sheets=", ".join(names))
                )
            if not identity:
                return RawRead(self.file, None, self.found)
        raw = RawRead(self.file, self.workbook.sha256, self.found)
        raw.data_sheet = header.sheet.name if header else None
        self.fill_identity(raw, identity)
        self.check_name(raw)
        if header is not None:
            self.read_rows(raw, header)
        self.read_narratives(raw, names)
        return raw

    # -- the Analisis sheet

    def read_narratives(self, raw: RawRead, names: list[str]) -> None:
        """The Analisis sheet's rows, when the workbook has one (found by its name, its
        header row by the header texts); a workbook without one reads as before."""
        for name in names:
            if _norm(name) not in NARRATIVE_SHEETS:
                continue
            sheet = self.sheet(name)
            if sheet is None:
                continue
            header = _narrative_header_in(sheet)
            if header is None:
                self.found.append(
                    findings.warning("narrative-header-not-found", file=self.file, sheet=name)
                )
                continue
            raw.narrative_sheet = name
            self.read_narrative_rows(raw, header)
            return

    def read_narrative_rows(self, raw: RawRead, header: _Header) -> None:
        sheet, cols = header.sheet, header.cols
        last = min(sheet.height, header.row + MAX_DATA_ROWS)
        roles = [r for r in NARRATIVE_FIELDS if r in cols]
        wanted = (cols["code"], *(cols[r] for r in roles))
        letters = {r: column_letter(cols[r]) for r in roles}
        code_letters = column_letter(cols["code"])
        for row in range(header.row + 1, last + 1):
            code_raw, *text_raws = sheet.values(row, wanted)
            code_text = text_of(code_raw) if code_raw is not None else ""
            if not code_text:
                continue  # a blank, note or heading row
            texts: dict[str, str | None] = {}
            cells: dict[str, str] = {}
            for role, value in zip(roles, text_raws, strict=True):
                cell = f"{letters[role]}{row}"
                cells[role] = cell
                text = _narrative_text(value)
                if text is not None and len(text) > MAX_NARRATIVE_CHARS:
                    self.found.append(
                        findings.warning(
                            "narrative-too-long",
                            file=self.file,
                            sheet=sheet.name,
                            cell=cell,
                            chars=len(text),
                            limit=MAX_NARRATIVE_CHARS,
                        )
                    )
                    text = text[: MAX_NARRATIVE_CHARS - 1].rstrip() + "\u2026"
                texts[role] = text
            raw.narratives.append(
                (code_text, isinstance(code_raw, float), f"{code_letters}{row}", texts, cells)
            )

    # -- finding things

    def find_header(self, names: list[str]) -> _Header | None:
        """The data table; never chosen silently among two (two data sheets, a hidden
        stale one beside a visible revision, a column headed twice)."""
        first: _Header | None = None
        others: list[_Header] = []
        for name in _header_order(tuple(names)):
            if first is not None and name.strip().lower() in {IDENTITY_SHEET, GUIDE_SHEET}:
                continue  # another table is looked for only in sheets of no other role
            sheet = self.sheet(name)
            if sheet is None:
                continue
            found = _header_in(sheet)
            if found is None:
                continue
            if first is None:
                first = found
            else:
                others.append(found)
        if first is None:
            return None
        chosen = first
        if others:
            chosen = self.choose_header([first, *others])
        for _role, col_a, col_b in chosen.twice:
            sheet = chosen.sheet
            self.found.append(
                findings.error(
                    "column-twice",
                    file=self.file,
                    sheet=sheet.name,
                    cell=a1(chosen.row, col_b),
                    first=a1(chosen.row, col_a),
                    second=a1(chosen.row, col_b),
                    text=text_of(sheet.value(chosen.row, col_b)),
                )
            )
        return chosen

    def choose_header(self, found: list[_Header]) -> _Header:
        """The only visible table among hidden ones (said), else the first (an error)."""
        hidden = self.workbook.hidden_sheets
        visible = [h for h in found if h.sheet.name not in hidden]
        if len(visible) == 1:
            chosen = visible[0]
            for header in found:
                if header is not chosen:
                    self.found.append(
                        findings.warning(
                            "hidden-sheet-ignored",
                            file=self.file,
                            sheet=header.sheet.name,
                            cell=a1(header.row, header.cols["value"]),
                            used=chosen.sheet.name,
                        )
                    )
            return chosen
        chosen = visible[0] if visible else found[0]
        places = ", ".join(
            cell_ref(h.sheet.name, h.row, h.cols["value"]) for h in (visible or found)
        )
        self.found.append(
            findings.error(
                "two-data-sheets", file=self.file, sheet=chosen.sheet.name, places=places
            )
        )
        return chosen

    def find_identity(self, names: list[str], header: _Header | None) -> dict[str, tuple[str, str]]:
        """Identity label -> (cell, text) of its value."""
        identity: dict[str, tuple[str, str]] = {}
        named = _identity_sheets(tuple(names))
        order: list[tuple[str, int]] = [(n, IDENTITY_ROWS) for n in named]
        if header is not None:
            order.append((header.sheet.name, header.row - 1))
        listed = {n for n, _ in order}
        order += [(n, IDENTITY_ROWS) for n in names if n not in listed]
        for name, rows in order:
            if identity.keys() >= _ENOUGH:
                break
            sheet = self.sheet(name)
            if sheet is None or rows < 1:
                continue
            for key, found in _labels_in(sheet, rows).items():
                identity.setdefault(key, found)
        return identity

    def fill_identity(self, raw: RawRead, identity: dict[str, tuple[str, str]]) -> None:
        """All of the identity but the owner's spelling, which is the catalogue's."""
        for key, (ref, text) in identity.items():
            raw.identity_cells[key] = ref
            if text[:1] == "=" or is_error_text(text):
                unread = self.unread_identity(ref)
                if unread is not None:  # never the formula's text taken as the year
                    self.found.append(unread)
                    continue
            raw.identity_text[key] = text
        year = raw.identity_text.get("year")
        if year:
            raw.year = _year(year)
        period = raw.identity_text.get("period")
        if period:
            raw.period = _period(period)
        raw.prepared_by = raw.identity_text.get("prepared_by") or None
        raw.date = raw.identity_text.get("date") or None
        fingerprint = raw.identity_text.get("catalogue")
        if fingerprint:
            raw.catalogue_sha256 = _fingerprint(fingerprint)

    def check_name(self, raw: RawRead) -> None:
        """A file (or its folder) named for another year or period than its Identitas
        says: the content wins, but the difference is said (``2025-TW4.xlsx`` holding
        2024 TW3 was perhaps sent under the wrong name, or is the wrong file)."""
        named_year, named_period = _named(self.file)
        if named_year is None and named_period is None:
            return
        differs = []
        if named_year is not None and raw.year is not None and named_year != raw.year:
            differs.append("year")
        if named_period is not None and raw.period is not None and named_period != raw.period:
            differs.append("period")
        if not differs:
            return
        ref = raw.identity_cells.get(differs[0], "")
        sheet, _, cell = ref.rpartition("!")
        self.found.append(
            findings.warning(
                "name-differs-from-identity",
                file=self.file,
                sheet=sheet or None,
                cell=cell or None,
                named=" ".join(str(x) for x in (named_year, named_period) if x is not None),
                content=" ".join(str(x) for x in (raw.year, raw.period) if x is not None),
                cells=", ".join(raw.identity_cells[k] for k in differs),
            )
        )

    def unread_identity(self, ref: str) -> Finding | None:
        """An identity value that is a formula without a result or an error cell: the
        same error as in a value cell, at the cell."""
        name, _, where = ref.rpartition("!")
        sheet = self.sheet(name)
        letters = where.rstrip("0123456789")
        if sheet is None or not letters or not where[len(letters) :].isdigit():
            return None
        value = sheet.value(int(where[len(letters) :]), column_number(letters))
        if isinstance(value, NoResult):
            code, params = "formula-without-result", {"formula": str(value)}
        elif isinstance(value, CellError):
            code, params = "cell-error", {"error": value.text}
        elif isinstance(value, str) and is_error_text(value):
            code, params = "cell-error", {"error": value.strip()}
        else:
            return None
        return findings.error(code, file=self.file, sheet=name, cell=where, **params)

    # -- the data rows

    def read_rows(self, raw: RawRead, header: _Header) -> None:
        sheet, cols = header.sheet, header.cols
        last = min(sheet.height, header.row + MAX_DATA_ROWS)
        if sheet.total_rows > header.row + MAX_DATA_ROWS:
            self.found.append(
                findings.error(
                    "too-many-rows",
                    file=self.file,
                    sheet=sheet.name,
                    rows=sheet.total_rows,
                    limit=MAX_DATA_ROWS,
                )
            )
        # values and addresses straight from the sheet, a row's five in one call: a Cell
        # per value was a good part of the time spent reading a small submission
        carried: tuple[str, Value, str] | None = None
        value_col, input_col, label_col = cols["value"], cols.get("input"), cols.get("label")
        code_col, note_col = cols["code"], cols.get("note")
        wanted = (value_col, input_col or 0, label_col or 0, code_col, note_col or 0)
        # A1 addresses as a1() writes them, the column letters found once
        value_letters, code_letters = column_letter(value_col), column_letter(code_col)
        given = input_col if input_col is not None else label_col
        given_letters = column_letter(given) if given is not None else ""
        row_values, rows = sheet.values, raw.rows
        for row in range(header.row + 1, last + 1):
            value_raw, input_raw, label_raw, code_raw, note_raw = row_values(row, wanted)
            if value_raw is None and input_raw is None and label_raw is None:
                continue  # a blank row, or a note or heading row under or inside the table
            if code_raw is None and carried is not None:
                code_text, code_raw, code_address = carried  # merged or left blank below
            else:
                code_text, code_address = text_of(code_raw), f"{code_letters}{row}"
                carried = (code_text, code_raw, code_address)
            address = f"{value_letters}{row}"
            value, problem, said = _value(value_raw)
            note = text_of(note_raw) if note_raw is not None else None
            rows.append(
                (
                    code_text,
                    isinstance(code_raw, float),
                    code_address,
                    text_of(input_raw) if input_col is not None else "",
                    text_of(label_raw) if label_col is not None else "",
                    value,
                    problem,
                    said,
                    address,
                    note or None,
                    address if given is None else f"{given_letters}{row}",
                )
            )


def _value(value: Value) -> tuple[Decimal | None, str | None, _Said | None]:
    """The number a value cell holds; None with the problem (a finding code) when it
    holds none; and what to say about it (value-as-text says the number read)."""
    if value is None:
        return None, None, None
    # the common case first: a number typed as a number (a tuple, not int | float:
    # the union is made anew on every call, which doubled the time of this test)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value.__class__ is Percent:
            return _percent(value)
        number = _decimal(value)
        if number is not None and abs(number) < MAX_VALUE:
            return number, None, None
    if isinstance(value, CellError):
        return _unreadable("cell-error", error=value.text)
    if isinstance(value, NoResult):
        return _unreadable("formula-without-result", formula=str(value))
    if isinstance(value, bool | date | time | timedelta):
        text = text_of(value) if not isinstance(value, timedelta) else str(value)
        return _unreadable("value-not-a-number", text=text)
    if isinstance(value, int | float):
        number = _decimal(value)
        if number is None:
            return _unreadable("value-not-a-number", text=str(value))
        if abs(number) >= MAX_VALUE:
            return _too_large(text_of(value))
        return number, None, None
    text = str(value)
    if is_error_text(text):
        return _unreadable("cell-error", error=text.strip())
    try:
        number = parse_number(text)
    except NotANumber:
        shown = text.strip()
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        return _unreadable("value-not-a-number", text=shown)
    if number is None:
        return None, None, None
    if abs(number) >= MAX_VALUE:
        return _too_large(text.strip()[:40])
    return number, None, ("warning", "value-as-text", {"text": text.strip(), "value": number})


def _percent(value: float) -> tuple[Decimal | None, str | None, _Said | None]:
    """A number in a percent format (``82%`` typed: 0.82 stored) read as the clerk saw it,
    82, the same as the text ``'82%'``, with a warning stating both."""
    stored = _decimal(float(value))
    if stored is None:
        return _unreadable("value-not-a-number", text=repr(float(value)))
    number = (stored * 100).normalize()
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    if abs(number) >= MAX_VALUE:
        return _too_large(f"{number}%")
    stored_text = format(stored.normalize(), "f").replace(".", ",")
    shown = format(number, "f").replace(".", ",")
    params = {"stored": stored_text, "shown": f"{shown}%", "value": number}
    return number, None, ("warning", "value-percent-format", params)


def _unreadable(code: str, **params: object) -> tuple[None, str, _Said]:
    return None, code, ("error", code, params)


def _too_large(text: str) -> tuple[None, str, _Said]:
    return _unreadable("value-too-large", text=text, limit=f"{MAX_VALUE:,.0f}".replace(",", "."))


def _indicator(
    catalogue: Catalogue, text: str, code_float: bool, input_name: str
) -> tuple[Indicator | None, bool]:
    """The catalogue indicator a code cell's text means (``code_float``: the cell held a
    number), and whether it was guessed, which is warned about."""
    exact = catalogue.indicator(text)
    if exact is not None and not code_float:
        return exact, False
    candidates = [i for i in catalogue.indicators if _same_code(i.code, text)]
    if exact is not None and len(candidates) <= 1:
        return exact, False
    if len(candidates) > 1 and input_name:
        owning = [i for i in candidates if _input_name(i, input_name, "") in i.inputs]
        candidates = owning or candidates
    if not candidates:
        return None, False
    chosen = exact if exact in candidates else candidates[0]
    return chosen, chosen.code != text or len(candidates) > 1


def _decimal(value: int | float) -> Decimal | None:
    if value.__class__ is int:
        return Decimal(value)  # already whole, and as exact as the cell
    if value.__class__ is float and value.is_integer() and -1e15 < value < 1e15:
        # a whole number of at most 15 digits: exactly what the 15 digits below give,
        # without the text in between (0.2 us instead of 1.3)
        return Decimal(int(value))
    try:
        # a spreadsheet keeps 15 significant digits: 0.1 * 120 is 12, not 12.000000000000002
        number = Decimal(value) if isinstance(value, int) else Decimal(f"{value:.15g}")
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    # 12.0 from a spreadsheet is the whole number 12
    return Decimal(int(number)) if number == number.to_integral_value() else number


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


def _narrative_text(value: Value) -> str | None:
    """A narrative cell as plain text, stripped; None when blank (or only a dash)."""
    if value is None or isinstance(value, CellError | NoResult):
        return None
    text = text_of(value).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return None if text in {"", "-", "\u2013", "\u2014"} else text


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
    year: int | None = None
    period: Period | None = None
    for part in (os.path.splitext(name)[0], os.path.basename(folder)):
        text = part.replace("_", " ")
        if year is None:
            years = set(_NAMED_YEAR.findall(text))
            if len(years) == 1:
                year = int(years.pop())
        if period is None:
            found = {_period(m.group(0)) for m in _PERIOD.finditer(text)}
            if len(found) == 1:
                period = found.pop()
    return year, period


@functools.lru_cache(maxsize=256)
def _period(text: str) -> Period | None:
    parsed = parse_period(text)
    if parsed is not None:
        return parsed
    match = _PERIOD.search(text)
    return parse_period(match.group(1)) if match else None


def _same_code(code: str, text: str) -> bool:
    """Whether ``text`` can mean the catalogue's ``code`` (``1.1`` as a number, ``IKU 1.1``)."""
    a, b = _code_key(code), _code_key(text)
    if a == b:
        return True
    try:
        return Decimal(a) == Decimal(b)
    except (InvalidOperation, ValueError):
        return False


def _code_key(text: str) -> str:
    key = re.sub(r"^(?:iku)[\s.:-]*", "", text.strip().lower())
    key = key.replace(",", ".").replace(" ", "")
    parts = key.split(".")
    if len(parts) > 2 and all(p.isdigit() for p in parts):
        return ".".join(str(int(p)) for p in parts)
    return key


def _input_name(indicator: Indicator, text: str, label: str) -> str:
    """The input key ``text`` (or, failing that, the label) means; else ``text`` as typed."""
    if text in indicator.inputs:
        return text
    wanted = re.sub(r"[\s-]+", "_", text.strip().lower())
    for name in indicator.inputs:
        if name.lower() == wanted:
            return name
    for candidate in (text, label):
        normalised = _norm(candidate)
        if not normalised:
            continue
        for name, spec in indicator.inputs.items():
            if _norm(spec.label) == normalised:
                return name
    return text


# --------------------------------------------------------------------------- many files


def _is_ignored(name: str) -> bool:
    """Excel lock files and hidden files are never submissions."""
    return name.startswith("~$") or name.startswith(".")


IGNORE_MARKER = ".ikuignore"


def list_files(
    paths: Iterable[str | Path], found: list[Finding] | None = None
) -> tuple[list[tuple[Path, str]], list[str]]:
    """(path, display) of every workbook to read, and the files skipped; raises IkuError
    (exit 2) for a path that does not exist.

    In a folder, a link (symlink) that leads outside the folder is not followed, and
    neither is anything that is not a plain file (a pipe would block the run): both are
    skipped, a link with a ``link-outside-folder`` warning. A subfolder that cannot be
    listed gives ``folder-unreadable``. Those findings go to ``found`` when given. A
    file reached twice (a link inside the folder, a path named twice) is read once.
    """
    files: list[tuple[Path, str]] = []
    skipped: list[str] = []
    said: list[Finding] = found if found is not None else []
    seen: set[object] = set()
    for given in list(paths):
        display = displayable(str(given))
        path = Path(given)
        if not path.exists():
            raise IkuError("read.path_not_found", path=display)
        if path.is_dir():
            _Walk(path, display, files, skipped, said, seen).run()
        elif not path.name.startswith("~$"):
            key = _identity(path)
            if key not in seen:
                seen.add(key)
                files.append((path, display))
    return files, skipped


def displayable(name: str) -> str:
    """A file name as text every output can hold: bytes that are not UTF-8 (a name from
    a zip made on another system) become U+FFFD instead of failing JSON and xlsx."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return name


def _identity(path: Path) -> object:
    """What makes two paths the same file (device and inode; the path when unknown)."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return os.path.normcase(os.path.abspath(path))
    return (info.st_dev, info.st_ino)


@dataclass
class _Walk:
    """One folder given on the command line, walked for workbooks."""

    path: Path
    display: str
    files: list[tuple[Path, str]]
    skipped: list[str]
    said: list[Finding]
    seen: set[object]

    def run(self) -> None:
        self.root = os.path.realpath(self.path)
        for folder, dirs, names in os.walk(self.path, onerror=self.unreadable):
            relative = os.path.relpath(folder, self.path)
            if relative != "." and IGNORE_MARKER in names:
                # a folder that asks to be left out when its parent is read (it is
                # still read when named itself): examples/invalid, archives, drafts
                dirs.clear()
                self.skipped.append(os.path.join(self.display, relative) + os.sep)
                continue
            # os.walk does not enter a linked folder; one that leads outside is said
            dirs[:] = [
                name
                for name in sorted(d for d in dirs if not d.startswith("."))
                if not self.leads_outside(os.path.join(folder, name), folder=True)
            ]
            # the folder's part of each file's shown name made once: os.path.relpath for
            # every file took 30 us (it makes both paths absolute, asking for the cwd)
            prefix = self.display
            if relative != ".":
                prefix = os.path.join(self.display, displayable(relative))
            for name in sorted(names):
                if not _is_ignored(name):
                    shown = os.path.join(prefix, displayable(name))
                    self.file(os.path.join(folder, name), name, shown)

    def file(self, full: str, name: str, shown: str) -> None:
        if os.path.splitext(name)[1].lower() not in EXTENSIONS:
            self.skipped.append(shown)
            return
        try:
            info = os.lstat(full)
            if stat.S_ISLNK(info.st_mode):
                if self.leads_outside(full):
                    return
                info = os.stat(full)
        except OSError:
            # a link that leads nowhere, a file gone since: reading it says why
            self.files.append((Path(full), shown))
            return
        if not stat.S_ISREG(info.st_mode):
            self.skipped.append(shown)  # a pipe or a device: reading it could block
            return
        key = (info.st_dev, info.st_ino)
        if key not in self.seen:
            self.seen.add(key)
            self.files.append((Path(full), shown))

    def shown(self, full: str) -> str:
        relative = displayable(os.path.relpath(full, self.path))
        return self.display if relative == "." else os.path.join(self.display, relative)

    def leads_outside(self, full: str, folder: bool = False) -> bool:
        """True (and skipped, with a warning) for a link that leads outside the folder."""
        if not os.path.islink(full):
            return False
        target = os.path.realpath(full)
        try:
            inside = os.path.commonpath([self.root, target]) == self.root
        except ValueError:  # another drive on Windows
            inside = False
        if inside:
            return False
        shown = self.shown(full)
        self.skipped.append(shown + os.sep if folder else shown)
        self.said.append(findings.warning("link-outside-folder", file=shown, target=target))
        return True

    def unreadable(self, exc: OSError) -> None:
        where = self.shown(str(exc.filename)) if exc.filename else self.display
        self.skipped.append(where + os.sep)
        detail = exc.strerror or str(exc)
        self.said.append(findings.error("folder-unreadable", file=where, detail=detail))


def read_paths(
    paths: Sequence[str | Path],
    catalogue: Catalogue,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Collection:
    """Read every workbook the paths name (files, folders searched recursively).

    Raises IkuError only for a path that does not exist; what the files hold
    becomes findings in ``Collection.findings``.
    """
    from .parallel import read_all
    from .prefetch import take

    # workers the command line started for these very paths (iku_cli.workbooks.prefetch), with
    # the listing they read from; else the folders listed now
    taken = take(paths)
    if taken is not None:
        (files, skipped, listing), share = taken
    else:
        listing = []
        files, skipped = list_files(paths, listing)
        share = None
    collection = Collection(skipped=skipped, findings=listing)
    # on several cores when there are enough files to pay for starting workers
    for submission, found in read_all(files, catalogue, progress, share=share):
        collection.files_read += 1
        if submission is not None:
            collection.submissions.append(submission)
        collection.findings.extend(found)
    return collection


__all__ = [
    "EXTENSIONS",
    "IDENTITY_KEYS",
    "MAX_DATA_ROWS",
    "RawRead",
    "bind",
    "list_files",
    "read_paths",
    "read_raw",
    "read_workbook",
    "text_of",
]
