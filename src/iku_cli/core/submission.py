"""A bureau's submission: who, which year and period, and every input value with its cell.

The models here are plain data. Reading workbooks into them lives in
:mod:`iku_cli.workbooks.reader`; checking them in :mod:`iku_cli.core.checks`.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from .findings import Finding
from .periods import Period


@dataclass(slots=True)
class InputValue:
    """One reported number, and where it was read: ``sheet``!``cell`` of the file."""

    indicator: str
    input: str
    value: Decimal | None  # None: left empty or "-"
    sheet: str
    cell: str
    note: str | None = None  # the row's Keterangan
    code_cell: str | None = None  # A1 cell of the row's code (Kode IKU)
    input_cell: str | None = None  # A1 cell of the row's input name (Variabel)
    problem: str | None = None  # the reader's finding code when the cell could not be read

    def __reduce__(self) -> tuple[type[InputValue], tuple[Any, ...]]:
        # reading workers send thousands of these to the parent: a dataclass with slots
        # pickles through a Python __getstate__ per object, three times slower than this
        return InputValue, _INPUT_VALUE_FIELDS(self)


NARRATIVE_FIELDS = ("supporting", "obstacles", "actions", "evidence")


@dataclass(slots=True)
class Narrative:
    """A bureau's analysis of one indicator (sheet ``Analisis``): the four texts, None
    when left blank, and the A1 cell of each column in the row (blank or not), for
    citations such as ``file, Analisis!C7`` and for findings naming a blank cell."""

    code: str  # the catalogue's code when it matched, else as typed
    sheet: str
    code_cell: str
    supporting: str | None = None  # Faktor pendukung
    obstacles: str | None = None  # Faktor penghambat
    actions: str | None = None  # Upaya tindak lanjut
    evidence: str | None = None  # Bukti dukung
    cells: dict[str, str] = field(default_factory=dict)  # "obstacles" -> "D7"

    def text(self, name: str) -> str | None:
        """One of NARRATIVE_FIELDS' texts."""
        value: str | None = getattr(self, name)
        return value

    def source(self, name: str) -> str | None:
        """``Analisis!D7``: where the text of ``name`` stands (None: no such column)."""
        cell = self.cells.get(name)
        return f"{self.sheet}!{cell}" if cell else None


@dataclass(slots=True)
class Submission:
    """One workbook as read: identity and values, with provenance."""

    file: str  # the path as given on the command line (or found under a folder)
    sha256: str
    owner: str | None  # the catalogue's spelling when it matched, else as typed
    year: int | None
    period: Period | None
    values: list[InputValue] = field(default_factory=list)
    catalogue_sha256: str | None = None
    prepared_by: str | None = None
    date: str | None = None
    identity_cells: dict[str, str] = field(default_factory=dict)  # label -> "Identitas!B2"
    identity_text: dict[str, str] = field(default_factory=dict)  # label -> the text as typed
    data_sheet: str | None = None  # the sheet the Data header was found on; None: not found
    # the Analisis sheet's rows by indicator code; narrative_sheet None: the workbook has
    # no Analisis sheet (older templates), which is not an error
    narratives: dict[str, Narrative] = field(default_factory=dict)
    narrative_sheet: str | None = None

    def __reduce__(self) -> tuple[type[Submission], tuple[Any, ...]]:
        return Submission, _SUBMISSION_FIELDS(self)  # as InputValue's

    def value(self, indicator: str, input_name: str) -> InputValue | None:
        """The first value for ``indicator``/``input_name``, None when not reported."""
        for item in self.values:
            if item.indicator == indicator and item.input == input_name:
                return item
        return None

    def lookup(self) -> dict[tuple[str, str], InputValue]:
        """(indicator, input) -> value; the first occurrence wins."""
        # built in C (keys by attrgetter): a loop of setdefault took three times as long,
        # and every submission is looked up once per run
        table = dict(zip(map(_KEY, self.values), self.values, strict=True))
        if len(table) < len(self.values):  # a row repeated: there the last one won
            table = {}
            for item in self.values:
                table.setdefault((item.indicator, item.input), item)
        return table


# every field in order, as one tuple (attrgetter runs in C)
_INPUT_VALUE_FIELDS = operator.attrgetter(*(f.name for f in fields(InputValue)))
_SUBMISSION_FIELDS = operator.attrgetter(*(f.name for f in fields(Submission)))
_KEY = operator.attrgetter("indicator", "input")


@dataclass(slots=True)
class Collection:
    """What reading a set of paths gave: the submissions, every finding, what was skipped."""

    submissions: list[Submission] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files that are not workbooks
    files_read: int = 0

    def for_period(self, year: int, period: Period) -> list[Submission]:
        return [s for s in self.submissions if s.year == year and s.period == period]

    def years(self) -> list[int]:
        return sorted({s.year for s in self.submissions if s.year is not None})


# never a bureau's submission: the notes, scripts and catalogue kept beside the workbooks
_NOT_SENT = (".md", ".py", ".yaml", ".yml")


def skipped_files(skipped: Sequence[str]) -> list[str]:
    """The skipped files to name, so a bureau that sent the wrong format (``.xlsb``,
    ``.csv``, ``.pdf``) shows: not a folder left out (ending with a separator), nor the
    notes, scripts and catalogues an office keeps beside the workbooks."""
    return [
        name
        for name in skipped
        if not name.endswith(("/", "\\")) and not name.lower().endswith(_NOT_SENT)
    ]
