"""Reliability campaign, hostile workbooks: each gives a finding or is read with the hostile
part ignored, in bounded time and memory, never a traceback; a folder keeps being read.

The cases are in tests/_reliability_kit.py (``python tests/_reliability_kit.py`` measures
each in a process of its own). tests/test_hostile.py and tests/test_workbook.py hold the
reader's first hostile files and byte-level fuzzing; this file adds the campaign's cases,
the folder (links, pipes, permissions, names), numbers no IKU can hold, and a fuzz test
that changes real templates cell by cell and follows them through every output.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import re
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _reliability_kit import (
    CASES,
    DEFECT,
    OWNER,
    SHEET,
    SHIPPED,
    catalogue,
    edit,
    members,
    read_case,
    template,
    zip_bytes,
)
from conftest import Result
from iku_cli.workbooks.reader import read_paths, read_workbook

Run = Callable[..., Result]

# what a file that could not be read as a workbook gives
FILE_LEVEL = {
    "file-corrupt",
    "file-encrypted",
    "file-not-a-workbook",
    "file-too-large",
    "sheet-too-large",
    "too-many-strings",
    "zip-bomb",
    DEFECT,
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_workbook(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    outcome = read_case(name, tmp_path)
    assert DEFECT not in outcome.codes, (name, outcome.messages)
    if case.expect:
        assert outcome.codes & case.expect, (name, outcome.codes)
    else:  # read as a submission; the hostile part is never used
        assert outcome.read, (name, outcome.codes)
        assert not outcome.codes & FILE_LEVEL, (name, outcome.codes)
    for message in outcome.messages:
        assert "{" not in message and "Traceback" not in message
    # nothing written beside the file (a member named ../../etc/passwd is never extracted)
    assert [p.name for p in tmp_path.iterdir()] == [f"case{case.suffix}"]


def test_no_external_entity_is_fetched(tmp_path: Path) -> None:
    hostname = Path("/etc/hostname")
    secret = hostname.read_text(encoding="utf-8").strip() if hostname.exists() else ""
    for name in ("external entity (XXE) in the sheet", "external entity (XXE) in an ods"):
        outcome = read_case(name, tmp_path)
        assert not secret or not any(secret in m for m in outcome.messages)


def test_a_folder_of_hostile_files_is_read_to_the_end(run: Run, tmp_path: Path) -> None:
    """Every hostile file beside a good one: each named with its finding, and the good
    one's figures still computed."""
    folder = tmp_path / "kiriman"
    folder.mkdir()
    for n, case in enumerate(CASES.values()):
        if case.expect:
            (folder / f"{n:02d}{case.suffix}").write_bytes(case.build())
    (folder / "baik.xlsx").write_bytes(template())
    result = run("validate", str(folder), "--format", "json", "--catalogue", str(SHIPPED))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    by_file: dict[str, set[str]] = {}
    for finding in data["findings"]:
        by_file.setdefault(Path(finding["file"] or "-").name, set()).add(finding["code"])
    for n, (name, case) in enumerate(CASES.items()):
        if case.expect:
            assert by_file.get(f"{n:02d}{case.suffix}", set()) & case.expect, name
    assert not by_file.get("baik.xlsx", set()) & FILE_LEVEL
    result = run(
        "compute", str(folder), "--format", "json", "--year", "2025", "--period", "TW4",
        "--catalogue", str(SHIPPED),
    )  # fmt: skip
    assert result.exit_code == 1, result.output  # errors found, figures still given
    figures = json.loads(result.stdout)
    assert str(folder / "baik.xlsx") in [s["file"] for s in figures["submissions"]]
    assert len(figures["indicators"]) == len(catalogue().indicators)


# --------------------------------------------------------------------------- the folder


def _good(folder: Path, name: str = "a.xlsx") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(template())
    return path


def test_a_link_to_a_file_outside_is_not_followed(tmp_path: Path) -> None:
    outside = _good(tmp_path / "elsewhere", "rahasia.xlsx")
    folder = tmp_path / "kiriman"
    _good(folder)
    (folder / "tautan.xlsx").symlink_to(outside)
    collection = read_paths([folder], catalogue())
    assert [s.file for s in collection.submissions] == [str(folder / "a.xlsx")]
    found = [(f.code, f.severity, f.file) for f in collection.findings]
    assert ("link-outside-folder", "warning", str(folder / "tautan.xlsx")) in found
    assert str(folder / "tautan.xlsx") in collection.skipped
    message = next(f for f in collection.findings if f.code == "link-outside-folder").message("en")
    assert str(outside) in message


def test_a_link_to_a_folder_outside_is_not_followed(tmp_path: Path) -> None:
    _good(tmp_path / "elsewhere")
    folder = tmp_path / "kiriman"
    _good(folder)
    (folder / "arsip").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    collection = read_paths([folder], catalogue())
    assert collection.files_read == 1
    assert ("link-outside-folder", str(folder / "arsip")) in [
        (f.code, f.file) for f in collection.findings
    ]


def test_a_link_inside_the_folder_is_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "kiriman"
    real = _good(folder / "TW4")
    (folder / "salinan.xlsx").symlink_to(real)
    (folder / "lagi").symlink_to(folder / "TW4", target_is_directory=True)
    (folder / "TW4" / "putaran").symlink_to(folder, target_is_directory=True)  # a loop
    collection = read_paths([folder], catalogue())
    assert collection.files_read == 1  # not a duplicate submission with itself
    assert not [f for f in collection.findings if f.code == "link-outside-folder"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_like_a_workbook_is_skipped_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "kiriman"
    _good(folder)
    os.mkfifo(folder / "pipa.xlsx")  # opening it to read would wait for a writer forever
    collection = read_paths([folder], catalogue())
    assert collection.files_read == 1
    assert str(folder / "pipa.xlsx") in collection.skipped


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Opening ``denied`` fails as it does without permission (the tests run as root,
    where chmod does not stop a read)."""
    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, str | os.PathLike) and Path(file) == denied:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    def guarded_os_open(file: object, *args: object, **kwargs: object) -> int:
        if isinstance(file, str | os.PathLike) and Path(file) == denied:
            raise PermissionError(13, "Permission denied", str(file))
        return real_os_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)  # the reader opens with os.open


def test_an_unreadable_file_is_a_finding(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "kiriman"
    _good(folder)
    locked = _good(folder, "terkunci.xlsx")
    _deny(monkeypatch, locked)
    result = run("validate", str(folder), "--format", "json", "--catalogue", str(SHIPPED))
    assert result.exit_code == 1
    found = {(f["code"], f["file"]) for f in json.loads(result.stdout)["findings"]}
    assert ("file-unreadable", str(locked)) in found
    assert "Permission denied" in result.stdout


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_for_real(tmp_path: Path) -> None:  # pragma: no cover - not root
    locked = _good(tmp_path, "terkunci.xlsx")
    locked.chmod(0)
    try:
        sub, found = read_workbook(locked, locked.name, catalogue())
    finally:
        locked.chmod(0o644)
    assert sub is None and [f.code for f in found] == ["file-unreadable"]


def test_an_unreadable_subfolder_is_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "kiriman"
    _good(folder)
    _good(folder / "terkunci")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == folder / "terkunci":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    collection = read_paths([folder], catalogue())
    assert collection.files_read == 1
    assert [(f.code, f.file) for f in collection.findings] == [
        ("folder-unreadable", str(folder / "terkunci"))
    ]
    assert "Permission denied" in collection.findings[0].message("en")


@pytest.mark.skipif(os.name != "posix", reason="file names are text on Windows")
def test_a_file_name_that_is_not_utf8(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "kiriman"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/laporan \x96 TW4.xlsx"  # cp1252's dash, from a zip
    try:
        with open(raw, "wb") as handle:
            handle.write(template())
    except OSError:  # pragma: no cover - a file system that takes only UTF-8 names
        pytest.skip("this file system refuses names that are not UTF-8")
    for fmt in ("json", "csv", "table"):
        result = run(
            "compute", str(folder), "--format", fmt, "--year", "2025", "--period", "TW4",
            "--catalogue", str(SHIPPED),
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    data = json.loads(run("compute", str(folder), "--format", "json", "-c", str(SHIPPED)).stdout)
    assert data["submissions"][0]["file"].endswith("laporan \ufffd TW4.xlsx")
    out = tmp_path / "rekap.xlsx"
    result = run("recap", str(folder), "--year", "2025", "-o", str(out), "-c", str(SHIPPED))
    assert result.exit_code == 0, result.output


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        (b"<v>1E+300</v>", "value-too-large"),
        (b"<v>1000000000000000</v>", "value-too-large"),
        (b"<v>-1E+30</v>", "value-too-large"),
        (b"<is><t>123.456.789.012.345.678</t></is>", "value-too-large"),
        (b"<v>NaN</v>", "value-not-a-number"),
        (b"<v>999999999999999</v>", None),  # the largest accepted
        (b"<v>1E-300</v>", None),
    ],
)
def test_numbers_no_iku_can_hold(typed: bytes, code: str | None, run: Run, tmp_path: Path) -> None:
    kind = b' t="inlineStr"' if typed.startswith(b"<is>") else b""
    data = edit(
        SHEET,
        lambda x: re.sub(
            rb'<c r="F5"( s="\d+")?><v>10</v></c>', b'<c r="F5"' + kind + b">" + typed + b"</c>", x
        ),
    )
    path = tmp_path / "angka.xlsx"
    path.write_bytes(data)
    sub, found = read_workbook(path, path.name, catalogue())
    assert sub is not None
    problems = {(f.code, f.cell) for f in found if f.is_error}  # the reader's own
    assert problems == ({(code, "F5")} if code else set())
    # figures are given (the checks may still find the value wrong); nothing stops the run
    runs = [
        run("compute", str(path), "--format", f, "-c", str(SHIPPED))
        for f in ("json", "csv", "table")
    ]
    runs.append(
        run(
            "recap", str(path), "--year", "2025", "-o", str(tmp_path / "r.xlsx"), "-c", str(SHIPPED)
        )
    )
    for result in runs:
        assert result.exit_code == 1 if code else result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output and "--debug" not in result.output


# --------------------------------------------------------------------------- fuzzing

_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(?:/>|>.*?</c>)', re.S)
_ROW = re.compile(rb"<row [^>]*>.*?</row>", re.S)
_XML_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=30,
)
_WEIRD_TEXT = st.sampled_from(
    ["=1+1", "@SUM(A1)", "-", "", " ", "1.234,5", "Rp 1.234.567", "85 %", "#DIV/0!",
     "Err:502", "_x001B_[2J_x001B_]0;x_x0007_", "1e999", "１２３", "\u202e001", "TW4", "2025"]
)  # fmt: skip
_NUMBER = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["NaN", "inf", "-inf", "1e999", "", " ", "0x10", "1,5", "-0", "1E+15"]),
)


def _escape(text: str) -> bytes:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode()


@st.composite
def _cell(draw: st.DrawFn, ref: bytes) -> bytes:
    kind = draw(st.sampled_from(["number", "text", "shared", "bool", "error", "formula", "empty"]))
    style = b' s="%d"' % draw(st.integers(0, 20)) if draw(st.booleans()) else b""
    head = b'<c r="' + ref + b'"' + style
    if kind == "number":
        return head + b"><v>" + draw(_NUMBER).encode() + b"</v></c>"
    if kind == "text":
        text = draw(st.one_of(_XML_TEXT, _WEIRD_TEXT))
        return head + b' t="inlineStr"><is><t>' + _escape(text) + b"</t></is></c>"
    if kind == "shared":  # an index that may be past the table's end
        return head + b' t="s"><v>%d</v></c>' % draw(st.integers(-3, 120))
    if kind == "bool":
        return head + b' t="b"><v>%d</v></c>' % draw(st.integers(0, 2))
    if kind == "error":
        return head + b' t="e"><v>' + _escape(draw(_WEIRD_TEXT)) + b"</v></c>"
    if kind == "formula":
        cached = draw(st.sampled_from([b"", b"<v>7</v>", b"<v></v>"]))
        return head + b"><f>SUM(F5:F9)</f>" + cached + b"</c>"
    return head + b"/>"


@st.composite
def _mutated_template(draw: st.DrawFn) -> bytes:
    parts = members(template())
    for _ in range(draw(st.integers(1, 8))):
        member = draw(st.sampled_from([SHEET, SHEET, SHEET, "xl/worksheets/sheet2.xml"]))
        xml = parts[member]
        action = draw(
            st.sampled_from(
                ["cell", "cell", "cell", "drop-row", "copy-row", "row-number", "bytes", "sheets"]
            )
        )
        cells = list(_CELL.finditer(xml))
        rows = list(_ROW.finditer(xml))
        if action == "cell" and cells:
            match = cells[draw(st.integers(0, len(cells) - 1))]
            ref = match.group(1) + match.group(2)
            xml = xml[: match.start()] + draw(_cell(ref)) + xml[match.end() :]
        elif action == "drop-row" and rows:
            match = rows[draw(st.integers(0, len(rows) - 1))]
            xml = xml[: match.start()] + xml[match.end() :]
        elif action == "copy-row" and rows:
            match = rows[draw(st.integers(0, len(rows) - 1))]
            xml = xml[: match.end()] + match.group(0) + xml[match.end() :]
        elif action == "row-number" and rows:
            match = rows[draw(st.integers(0, len(rows) - 1))]
            number = draw(st.sampled_from([0, 1, 3, 4, 99, 2001, 1_048_576, 2_000_000]))
            row = re.sub(rb'\br="\d+"', b'r="%d"' % number, match.group(0), count=1)
            xml = xml[: match.start()] + row + xml[match.end() :]
        elif action == "bytes":
            at = draw(st.integers(0, len(xml)))
            xml = xml[:at] + draw(st.binary(max_size=20)) + xml[at + draw(st.integers(0, 20)) :]
        elif action == "sheets":
            book = parts["xl/workbook.xml"]
            new = draw(
                st.sampled_from([b"Data", b"data ", b"Identitas", b"", b"&amp;", b"Lembar1"])
            )
            parts["xl/workbook.xml"] = book.replace(b'name="Data"', b'name="' + new + b'"')
        parts[member] = xml
    return zip_bytes(parts)


_FUZZ = Path(tempfile.mkdtemp(prefix="iku-reliability-"))


@settings(
    max_examples=int(os.environ.get("IKU_FUZZ_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(_mutated_template())
def test_mutated_templates_give_findings_through_every_output(content: bytes) -> None:
    """A real template changed cell by cell and in structure: read, checked, computed,
    explained and written as JSON, CSV and a recap; findings, never an exception."""
    from iku_cli.cli.commands.compute import render
    from iku_cli.core.checks import check_all
    from iku_cli.core.errors import IkuError
    from iku_cli.core.figures import compute
    from iku_cli.core.recap import build_recap
    from iku_cli.core.submission import Collection
    from iku_cli.outputs.explain import explain_lines
    from iku_cli.outputs.recap import write_recap

    cat = catalogue()
    path = _FUZZ / "fuzz.xlsx"
    path.write_bytes(content)
    sub, found = read_workbook(path, path.name, cat)
    assert DEFECT not in {f.code for f in found}, [f.params for f in found]
    assert sub is not None or found
    collection = Collection(submissions=[sub] if sub else [], findings=found, files_read=1)
    collection.findings = check_all(collection, cat, complete=False)
    for finding in collection.findings:
        assert "{" not in finding.message("id")
    try:
        result = compute(cat, collection, 2025, "TW4")
    except IkuError:
        return  # nothing to compute from: the run stops with a message, exit 2
    for fmt in ("json", "csv", "table"):
        assert render(result, fmt, "id")
    for indicator in result.indicators:
        if indicator.owner == OWNER:
            assert explain_lines(cat, result, indicator.code, "en")
        assert indicator.value is None or abs(indicator.value) < Decimal(10) ** 18
    write_recap(build_recap(cat, collection, 2025, "TW4"), _FUZZ / "rekap.xlsx")
