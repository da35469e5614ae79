"""Binding to the catalogue (:func:`bind`): what was read becomes a Submission and findings."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from ..core import findings
from ..core.findings import Finding
from ..core.submission import InputValue, Narrative, Submission
from .labels import _norm
from .raw import RawRead

if TYPE_CHECKING:
    # only methods of the catalogue given are called: binding imports no pydantic
    from ..core.catalogue import Catalogue, Indicator


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


# The same few owners are typed again and again in a run's files: each is looked up once.


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


__all__ = ["bind"]
