"""A workbook read with no catalogue (:func:`read_raw`): header, identity, values, narratives."""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core import findings
from ..core.findings import Finding
from ..core.periods import Period
from ..core.submission import NARRATIVE_FIELDS
from .labels import (
    _fingerprint,
    _Header,
    _header_in,
    _labels_in,
    _named,
    _narrative_header_in,
    _norm,
    _period,
    _year,
)
from .values import _narrative_text, _Said, _value, text_of
from .workbook import (
    CellError,
    NoResult,
    Sheet,
    Value,
    Workbook,
    WorkbookProblem,
    a1,
    cell_ref,
    column_letter,
    column_number,
    is_error_text,
    open_workbook,
)

IDENTITY_ROWS = 50
MAX_DATA_ROWS = 2_000  # a submission has tens of rows; more is not a submission

DATA_SHEET = "data"
IDENTITY_SHEET = "identitas"
GUIDE_SHEET = "petunjuk"

# The Analisis sheet (DESIGN 11b): looked for only in sheets of these names (normalised),
# so that reading a workbook without one costs nothing
NARRATIVE_SHEETS = frozenset({"analisis", "analysis", "analisis kinerja", "narasi"})
MAX_NARRATIVE_CHARS = 5_000  # a cell's text beyond this is cut (narrative-too-long)
_ENOUGH = frozenset({"owner", "year", "period"})  # found these, the other sheets are not searched


# Reading a file is split in two so that worker processes can read files before the
# catalogue is loaded (before pydantic is even imported): read_raw does everything
# that needs no catalogue, bind the little that does (owner spelling, the indicator
# each code cell means, input names, and the findings that name indicator and input).


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


# The files of a run are mostly one template's: their sheets are named alike. What
# follows from those is found once.


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


def _problem(problem: WorkbookProblem, display: str) -> Finding:
    # iku's own output (a recap saved in the folder read) is skipped with a note
    make = findings.warning if problem.code == "iku-output" else findings.error
    return make(problem.code, file=display, sheet=problem.sheet, **problem.params)


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


__all__ = ["MAX_DATA_ROWS", "MAX_NARRATIVE_CHARS", "RawRead", "read_raw"]
