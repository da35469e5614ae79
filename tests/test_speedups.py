"""The shortcuts taken for speed give what the long way gives.

- a template's workbook.xml seen before is not inflated again, but a member that
  declares other sizes or another CRC is still checked and refused;
- submissions sent back by reading workers survive pickling whole.
"""

from __future__ import annotations

import pickle
import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _reliability_kit import SHEET, RawMember, catalogue, honest, members, raw_zip, template
from iku_cli.core.submission import InputValue, Submission
from iku_cli.workbooks.limits import WorkbookProblem
from iku_cli.workbooks.reader import read_workbook
from iku_cli.workbooks.workbook import open_workbook


def _with_workbook_xml(tmp_path: Path, name: str, change: dict[str, int]) -> Path:
    """The filled template with workbook.xml's compressed bytes kept and what it
    declares (CRC, size) changed."""
    items = [
        RawMember(i.name, i.data, change.get("usize", i.usize), change.get("crc", i.crc))
        if i.name == b"xl/workbook.xml"
        else i
        for i in honest(members(template()))
    ]
    path = tmp_path / name
    path.write_bytes(raw_zip(items))
    return path


def test_a_workbook_xml_seen_before_is_still_checked(tmp_path: Path) -> None:
    good = _with_workbook_xml(tmp_path, "good.xlsx", {})
    sub, found = read_workbook(good, "good.xlsx", catalogue())
    assert sub is not None and sub.values and not [f for f in found if f.is_error]
    again, _ = read_workbook(good, "good.xlsx", catalogue())  # from what was seen
    assert again == sub
    for field, value in (("crc", 12345), ("usize", 7)):
        bad = _with_workbook_xml(tmp_path, f"bad-{field}.xlsx", {field: value})
        with pytest.raises(WorkbookProblem) as info:
            open_workbook(bad)
        assert info.value.code == "file-corrupt"
        _, found = read_workbook(bad, "bad.xlsx", catalogue())
        assert [f.code for f in found] == ["file-corrupt"]


def test_submissions_survive_pickling_whole() -> None:
    value = InputValue(
        indicator="1.1", input="x", value=Decimal("12.5"), sheet="Data", cell="F5",
        note="catatan", code_cell="A5", input_cell="C5", problem="value-as-text",
    )  # fmt: skip
    sub = Submission(
        file="a.xlsx", sha256="ab" * 32, owner="Biro POD", year=2025, period="TW4",
        values=[value, InputValue("1.2", "y", None, "Data", "F6")], catalogue_sha256="cd" * 32,
        prepared_by="Budi", date="2025-12-31", identity_cells={"owner": "Identitas!B1"},
        identity_text={"owner": "Biro POD"}, data_sheet="Data",
    )  # fmt: skip
    copy = pickle.loads(pickle.dumps([sub], protocol=pickle.HIGHEST_PROTOCOL))[0]
    assert copy == sub and copy is not sub
    assert copy.values[0] == value and copy.values[0].problem == "value-as-text"


def test_a_utf16_sheet_cut_in_half_a_character_is_corrupt(tmp_path: Path) -> None:
    # found by test_hostile's random damage: decoding it used to end in the reader's
    # last-resort guard (file-unreadable) instead of naming the damage
    parts = members(template())
    parts[SHEET] = b"\xfe\xff" + parts[SHEET] + (b"" if len(parts[SHEET]) % 2 else b"x")
    path = tmp_path / "odd.xlsx"
    path.write_bytes(raw_zip(honest(parts)))
    _, found = read_workbook(path, "odd.xlsx", catalogue())
    assert [(f.code, f.sheet) for f in found] == [("file-corrupt", "Data")]
