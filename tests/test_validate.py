"""`iku validate`: exit codes, table and JSON output, end to end with the shipped catalogue."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from _reader_kit import CATALOGUE_YAML, filled, submission, write_ods, write_xlsx
from conftest import Result

Run = Callable[..., Result]


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "indicators.yaml"
    path.write_text(CATALOGUE_YAML, encoding="utf-8")
    return path


def _b_submission(**identity: Any) -> dict[str, list[list[Any]]]:
    return submission(
        [("2.1", "bagian", 3), ("2.1", "dasar", 4)], analysed=True, owner="Biro B", **identity
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A clean TW1 folder: both bureaus, all values good, the analysis written."""
    root = tmp_path / "kiriman TW1"
    root.mkdir()
    write_xlsx(root / "biro a.xlsx", submission(analysed=True))
    write_ods(root / "biro-b ü.ods", _b_submission())
    return root


def _json(result: Result) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_clean_folder_exits_0(run: Run, catalogue: Path, folder: Path) -> None:
    result = run("validate", str(folder), "--catalogue", str(catalogue))
    assert result.exit_code == 0, result.output
    assert "2 berkas dibaca: 0 galat, 0 peringatan" in result.stdout
    assert "Tidak ada masalah" in result.stdout


def test_errors_exit_1_with_cell_and_code(run: Run, catalogue: Path, folder: Path) -> None:
    bad = filled({("1.1", "dirumuskan"): "sepuluh"})
    write_xlsx(folder / "biro a.xlsx", submission(bad))
    result = run("validate", str(folder), "--catalogue", str(catalogue))
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert str(folder / "biro a.xlsx") in out
    # the table names the problem in words; the code is for JSON (test_json_output)
    assert "Data!F6" in out and "bukan angka" in out and "value-not-a-number" not in out
    assert "'sepuluh' bukan angka" in out
    assert "1 galat" in out


def test_warnings_exit_0_unless_strict(run: Run, catalogue: Path, folder: Path) -> None:
    write_xlsx(folder / "biro a.xlsx", submission(filled({("1.1", "dirumuskan"): "10"})))
    args = ("validate", str(folder), "--catalogue", str(catalogue))
    assert run(*args).exit_code == 0
    strict = run(*args, "--strict")
    assert strict.exit_code == 1
    assert "angka berupa teks" in strict.stdout


def test_json_output(run: Run, catalogue: Path, folder: Path) -> None:
    write_xlsx(folder / "biro a.xlsx", submission(filled({("1.1", "disahkan"): 12}), True))
    (folder / "catatan.docx").write_bytes(b"x")
    result = run(
        "validate", str(folder), "--format", "json", "--lang", "en", "--catalogue", str(catalogue)
    )
    assert result.exit_code == 1, result.output
    data = _json(result)
    assert (data["files"], data["errors"], data["warnings"], data["skipped"]) == (2, 1, 0, 1)
    (finding,) = data["findings"]
    assert finding == {
        "severity": "error",
        "code": "numerator-exceeds-denominator",
        "message": finding["message"],
        "file": str(folder / "biro a.xlsx"),
        "sheet": "Data",
        "cell": "F5",
        "indicator": "1.1",
        "input": "disahkan",
    }
    assert "exceeds" in finding["message"]


def test_folder_level_findings(run: Run, catalogue: Path, folder: Path) -> None:
    write_xlsx(folder / "biro a (2).xlsx", submission())
    write_xlsx(
        folder / "biro-a-tw2.xlsx", submission(filled({("1.1", "disahkan"): 2}), period="TW2")
    )
    result = run("validate", str(folder), "--format", "json", "--catalogue", str(catalogue))
    assert result.exit_code == 1
    found = _json(result)["findings"]
    pairs = {(f["code"], f["file"]) for f in found}
    assert ("duplicate-submission", str(folder / "biro a.xlsx")) in pairs
    assert ("duplicate-submission", str(folder / "biro a (2).xlsx")) in pairs
    assert ("missing-submission", None) in pairs  # Biro B's TW2
    # TW1 is duplicated, so no single TW1 value is compared with TW2
    assert not any(f["code"] == "cumulative-decrease" for f in found)


def test_single_file_does_not_report_missing_submissions(
    run: Run, catalogue: Path, folder: Path
) -> None:
    result = run("validate", str(folder / "biro a.xlsx"), "--catalogue", str(catalogue))
    assert result.exit_code == 0, result.output
    assert "missing-submission" not in result.stdout


def test_missing_path_exits_2(run: Run, catalogue: Path, tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "tidak-ada"), "--catalogue", str(catalogue))
    assert result.exit_code == 2
    assert "tidak-ada tidak ditemukan" in result.stderr
    assert "Traceback" not in result.output


def test_bad_format_and_bad_catalogue_exit_2(run: Run, catalogue: Path, folder: Path) -> None:
    assert (
        run("validate", str(folder), "--format", "csv", "--catalogue", str(catalogue)).exit_code
        == 2
    )
    missing = run("validate", str(folder), "--catalogue", str(folder / "none.yaml"))
    assert missing.exit_code == 2
    assert run("validate").exit_code == 2  # PATH is required


def test_inputs_byte_identical_after_validation(run: Run, catalogue: Path, folder: Path) -> None:
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    run("validate", str(folder), "--catalogue", str(catalogue))
    run("validate", str(folder), "--format", "json", "--catalogue", str(catalogue))
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()} == before
    assert sorted(p.name for p in folder.iterdir()) == ["biro a.xlsx", "biro-b ü.ods"]


def test_progress_only_on_a_terminal_and_never_in_json(
    run: Run, catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iku_cli.cli.commands import validate

    many = tmp_path / "many"
    many.mkdir()
    for n in range(22):
        write_xlsx(many / f"a{n:02}.xlsx", submission(period=f"TW{n % 4 + 1}"))
    shown: list[bool] = []
    real = validate._progress

    def spy(lang: Any, enabled: bool) -> Any:
        shown.append(enabled)
        return real(lang, enabled)

    monkeypatch.setattr(validate, "_progress", spy)
    monkeypatch.setattr(validate, "_stderr_is_tty", lambda: True)
    result = run("validate", str(many), "--format", "json", "--catalogue", str(catalogue))
    assert _json(result)["files"] == 22  # stdout is pure JSON
    table = run("validate", str(many), "--catalogue", str(catalogue))
    assert "22 berkas dibaca" in table.stdout
    monkeypatch.setattr(validate, "_stderr_is_tty", lambda: False)
    run("validate", str(many), "--catalogue", str(catalogue))
    assert shown == [False, True, False]


def test_help_has_an_example(run: Run) -> None:
    result = run("validate", "--help")
    assert result.exit_code == 0
    assert "iku validate" in result.stdout
    assert "--strict" in result.stdout


# --------------------------------------------------------------------------- shipped catalogue


def _filled_template(catalogue_path: Path, out: Path, owner: str, value: Any = 5) -> Path:
    """A template from `iku template`, every Nilai cell filled with ``value``."""
    template = pytest.importorskip("iku_cli.outputs.template")
    import openpyxl

    from iku_cli.loading.catalogue_file import load

    cat = load(catalogue_path)
    path: Path = template.write_template(cat, 2025, "TW4", owner, out)
    book = openpyxl.load_workbook(path)
    sheet = book["Data"]
    headers = [c.value for c in sheet[4]]
    column = headers.index("Nilai") + 1
    for row in range(5, sheet.max_row + 1):
        if sheet.cell(row, 1).value:
            sheet.cell(row, column, value)
    book.save(path)
    return path


def test_shipped_catalogue_end_to_end(run: Run, shipped_catalogue: Path, tmp_path: Path) -> None:
    if not shipped_catalogue.exists():
        pytest.skip("indicators.yaml not written yet")
    from iku_cli.loading.catalogue_file import load

    cat = load(shipped_catalogue)
    out = tmp_path / "2025-TW4"
    out.mkdir()
    for owner in cat.owners:
        _filled_template(shipped_catalogue, out, owner)
    files = [str(p) for p in sorted(out.iterdir())]  # files, not the folder: TW1-TW3 not asked for
    args = ("validate", *files, "--catalogue", str(shipped_catalogue), "--format", "json")
    result = run(*args)
    data = _json(result)
    assert data["files"] == len(cat.owners)
    # every value is 5: nothing is wrong with any of them except what the catalogue forbids
    # (and, the Analisis sheet left blank, what is below target lacks its narrative)
    allowed = {"value-above-max", "value-below-min", "narrative-missing", "evidence-missing"}
    assert {f["code"] for f in data["findings"]} <= allowed
    # one bureau types a word where a number belongs
    first = sorted(out.iterdir())[0]
    import openpyxl

    book = openpyxl.load_workbook(first)
    sheet = book["Data"]
    sheet["F5"] = "lima"
    book.save(first)
    result = run(*args)
    assert result.exit_code == 1
    found = _json(result)["findings"]
    assert ("value-not-a-number", str(first), "F5") in {
        (f["code"], f["file"], f["cell"]) for f in found
    }


def test_tolerant_workbook_validates_with_warnings_only(
    run: Run, catalogue: Path, tmp_path: Path
) -> None:
    from test_reader import _tolerant_sheets

    path = write_xlsx(tmp_path / "laporan biro a.xlsx", _tolerant_sheets())
    result = run("validate", str(path), "--catalogue", str(catalogue), "--format", "json")
    assert result.exit_code == 0, result.output
    data = _json(result)
    assert data["errors"] == 0
    narratives = {"narrative-missing", "evidence-missing"}  # no Analisis sheet: said apart
    assert {(f["code"], f["cell"]) for f in data["findings"] if f["code"] not in narratives} == {
        ("value-as-text", "B9"),
        ("value-as-text", "B11"),
        ("value-as-text", "B12"),
    }


def test_progress_bar_starts_only_for_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.progress import Progress

    from iku_cli.cli.commands import validate

    started: list[int] = []
    monkeypatch.setattr(Progress, "start", lambda self: started.append(1))
    monkeypatch.setattr(Progress, "stop", lambda self: None)
    with validate._progress("id", True) as advance:
        assert advance is not None
        for done in range(1, 6):
            advance(done, 5)
    assert started == []
    with validate._progress("id", True) as advance:
        assert advance is not None
        for done in range(1, 31):
            advance(done, 30)
    assert started == [1]


def test_skipped_files_are_named_in_validate_compute_and_recap(
    run: Run, catalogue: Path, folder: Path, tmp_path: Path
) -> None:
    # a bureau that sent the wrong format must be visible, not merely "missing"
    for name in ("biro c.xlsb", "biro d.csv", "surat.pdf"):
        (folder / name).write_bytes(b"x")
    (folder / "~$biro a.xlsx").write_bytes(b"lock")  # lock and hidden files stay silent
    (folder / "README.md").write_bytes(b"catatan")  # notes kept beside: counted, not named
    (folder / ".tersembunyi.csv").write_bytes(b"x")
    (folder / "arsip").mkdir()  # a folder left out on purpose is not a wrong format
    (folder / "arsip" / ".ikuignore").write_bytes(b"")
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    wrong = sorted(str(folder / n) for n in ("biro c.xlsb", "biro d.csv", "surat.pdf"))
    base = ("--catalogue", str(catalogue), "--lang", "en")

    data = _json(run("validate", str(folder), "--format", "json", *base))
    assert data["skipped"] == 5  # the count still holds the folder left out and the notes
    assert sorted(data["skipped_files"]) == wrong
    table = run("validate", str(folder), *base)
    assert table.exit_code == 0, table.output
    assert "Skipped (not a readable" in table.stdout
    for shown in wrong:
        assert Path(shown).name in table.stdout
    assert "~$" not in table.stdout and ".tersembunyi" not in table.stdout
    assert "README.md" not in table.stdout

    computed = run("compute", str(folder), "--format", "json", *base)
    assert sorted(json.loads(computed.stdout)["skipped_files"]) == wrong
    assert "Skipped" in computed.stderr and "surat.pdf" in computed.stderr

    recapped = run(
        "recap", str(folder), "--year", "2025", "--output", str(tmp_path / "rekap.xlsx"), *base
    )
    assert "Skipped" in recapped.stderr and "biro c.xlsb" in recapped.stderr
    assert ".tersembunyi" not in recapped.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_folder_without_workbooks_says_so_and_exits_2(
    run: Run, catalogue: Path, tmp_path: Path, fmt: str
) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    (empty / "catatan.txt").write_text("bukan laporan", encoding="utf-8")
    result = run("validate", str(empty), "--catalogue", str(catalogue), "--format", fmt)
    assert result.exit_code == 2, result.output
    assert "Tidak ada berkas laporan" in result.output
    assert "1 berkas lain dilewati" in result.output
    assert "Tidak ada masalah" not in result.output


def test_empty_folder_in_english(run: Run, catalogue: Path, tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "x"), "--catalogue", str(catalogue), "--lang", "en")
    assert result.exit_code == 2, result.output
    (tmp_path / "empty").mkdir()
    result = run("validate", str(tmp_path / "empty"), "--catalogue", str(catalogue), "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "No workbook" in result.output and "No problems" not in result.output
