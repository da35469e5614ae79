"""Hostile and broken files: each gives a finding naming the file, exit 1, and no traceback."""

from __future__ import annotations

import struct
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _reader_kit import (
    CATALOGUE_YAML,
    ole2,
    small_catalogue,
    submission,
    write_ods,
    write_xlsx,
    zip_bytes,
)
from conftest import Result
from iku_cli.workbooks.reader import read_workbook

Run = Callable[..., Result]
CAT = small_catalogue()


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _huge_sheet(template: Path, rows: int, header: bool) -> bytes:
    """The template's Data sheet replaced by ``rows`` rows written straight as XML."""
    members = _members(template)
    parts = [
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    ]
    if header:
        parts.append(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Kode IKU</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>Variabel</t></is></c>'
            '<c r="C1" t="inlineStr"><is><t>Nilai</t></is></c></row>'
        )
    first = 2 if header else 1
    for r in range(first, first + rows):
        parts.append(
            f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>1.1</t></is></c>'
            f'<c r="B{r}" t="inlineStr"><is><t>disahkan</t></is></c>'
            f'<c r="C{r}"><v>{r}</v></c></row>'
        )
    parts.append("</sheetData></worksheet>")
    members["xl/worksheets/sheet3.xml"] = "".join(parts).encode()
    return zip_bytes(members)


def _declared_bomb(template: Path) -> bytes:
    data = bytearray(zip_bytes(_members(template)))
    cd = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, cd + 24, 500 * 1024 * 1024)  # first member claims 500 MB
    return bytes(data)


def _hostile_files(folder: Path) -> dict[str, str]:
    """File name -> the finding code it must give."""
    template = write_xlsx(folder.parent / "template.xlsx", submission())
    good = template.read_bytes()
    files = {
        "csv renamed.xlsx": (b"Kode IKU;Nilai\n1.1;12\n", "file-not-a-workbook"),
        "laporan.xls": (b"<html><table><tr><td>12</td></tr></table></html>", "file-not-a-workbook"),
        "truncated.xlsx": (good[: len(good) // 3], "file-corrupt"),
        "magic only.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 40, "file-corrupt"),
        "locked.xlsx": (
            ole2(
                {"EncryptionInfo": b"\x04\x00\x04\x00" + bytes(60), "EncryptedPackage": bytes(900)}
            ),
            "file-encrypted",
        ),
        "bomb.xlsx": (_declared_bomb(template), "zip-bomb"),
        "no rows.xlsx": (_huge_sheet(template, 100_000, header=True), "too-many-rows"),
        "no header.xlsx": (_huge_sheet(template, 100_000, header=False), "header-not-found"),
        "empty.ods": (b"", "file-not-a-workbook"),
    }
    expected = {}
    for name, (content, code) in files.items():
        (folder / name).write_bytes(content)
        expected[name] = code
    write_xlsx(folder / "blank.xlsx", {"Sheet1": [], "Sheet2": []})
    expected["blank.xlsx"] = "empty-workbook"
    return expected


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "indicators.yaml"
    path.write_text(CATALOGUE_YAML, encoding="utf-8")
    return path


def test_each_hostile_file_alone(run: Run, catalogue: Path, tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name, code in _hostile_files(folder).items():
        path = folder / name
        before = path.read_bytes()
        result = run("validate", str(path), "--catalogue", str(catalogue), "--lang", "en")
        assert result.exit_code == 1, (name, result.output)
        assert str(path) in result.stdout, name
        # the table names the problem in words (English here); JSON keeps the code
        from iku_cli.core.findings import Finding

        title = Finding("error", code).title("en")
        assert title != code and title in result.stdout, (name, result.output)
        assert "Traceback" not in result.output
        assert path.read_bytes() == before


def test_hostile_folder_as_json(run: Run, catalogue: Path, tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    expected = _hostile_files(folder)
    result = run("validate", str(folder), "--format", "json", "--catalogue", str(catalogue))
    assert result.exit_code == 1
    import json

    data = json.loads(result.stdout)
    assert data["files"] == len(expected)
    got = {(f["file"], f["code"]) for f in data["findings"] if f["severity"] == "error"}
    for name, code in expected.items():
        assert (str(folder / name), code) in got, name
    assert not any("{" in f["message"] for f in data["findings"])  # every placeholder filled


# --------------------------------------------------------------------------- fuzzing

_DIR = Path(tempfile.mkdtemp(prefix="iku-fuzz-"))
_SEED_XLSX = write_xlsx(_DIR / "seed.xlsx", submission()).read_bytes()
_SEED_ODS = write_ods(_DIR / "seed.ods", submission()).read_bytes()
_SEED_XLS = (Path(__file__).parent / "data" / "reader" / "submission.xls").read_bytes()


def _read_never_raises(content: bytes, suffix: str) -> None:
    path = _DIR / f"fuzz{suffix}"
    path.write_bytes(content)
    sub, found = read_workbook(path, path.name, CAT)
    assert isinstance(found, list)
    assert sub is not None or found, "a file that gives no submission must say why"
    for finding in found:
        assert finding.file == path.name
        finding.message("id")
        # file-unreadable is what read_workbook's last-resort guard gives for a defect
        assert finding.code != "file-unreadable", finding.params


_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(st.binary(max_size=4096), st.sampled_from([".xlsx", ".xls", ".ods"]))
def test_random_bytes_never_raise(content: bytes, suffix: str) -> None:
    _read_never_raises(content, suffix)


@_settings
@given(
    st.sampled_from([b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x03\x04", b"PK\x05\x06"]),
    st.binary(max_size=3000),
)
def test_random_bytes_behind_a_workbook_signature_never_raise(magic: bytes, rest: bytes) -> None:
    _read_never_raises(magic + rest, ".xls")


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    seed = bytearray(draw(st.sampled_from([_SEED_XLSX, _SEED_ODS, _SEED_XLS])))
    for _ in range(draw(st.integers(1, 12))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "zero"]))
        at = draw(st.integers(0, max(len(seed) - 1, 0)))
        if action == "flip" and seed:
            seed[at] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del seed[at : at + draw(st.integers(1, 200))]
        elif action == "insert":
            seed[at:at] = draw(st.binary(min_size=1, max_size=50))
        else:
            seed[at : at + 64] = bytes(min(64, len(seed) - at))
    return bytes(seed)


@_settings
@given(_mutated())
def test_mutated_workbooks_never_raise(content: bytes) -> None:
    _read_never_raises(content, ".xlsx")


@_settings
@given(st.binary(min_size=1, max_size=400), st.integers(0, 10_000))
def test_mutated_sheet_xml_never_raises(noise: bytes, at: int) -> None:
    """Damage inside an intact zip: the sheet XML itself is broken."""
    members = _members(_DIR / "seed.xlsx")
    sheet = members["xl/worksheets/sheet3.xml"]
    at %= len(sheet)
    members["xl/worksheets/sheet3.xml"] = sheet[:at] + noise + sheet[at:]
    _read_never_raises(zip_bytes(members), ".xlsx")
