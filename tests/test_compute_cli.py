"""`iku compute` on the golden workbooks (tests/data/golden, written by make.py).

The expected figures are worked out by hand beside each assertion.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import Result as RunResult

GOLDEN = Path(__file__).parent / "data" / "golden"
CATALOGUE = GOLDEN / "indicators.yaml"
Y2025 = GOLDEN / "2025"
Y2024 = GOLDEN / "2024"

pytest.importorskip("iku_cli.workbooks.reader", reason="the reader is not there yet")

Run = Callable[..., RunResult]


def compute_json(run: Run, *args: str) -> tuple[RunResult, dict]:  # type: ignore[type-arg]
    result = run("compute", *args, "--format", "json", "--catalogue", str(CATALOGUE))
    assert result.exit_code in (0, 1), result.output
    return result, json.loads(result.stdout)


def by_code(data: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    return {i["code"]: i for i in data["indicators"]}


def test_year_end_golden(run: Run) -> None:
    result, data = compute_json(run, str(Y2025))
    # no --year/--period: the latest year (2025) and its latest period (TW4), said on stderr
    assert (data["year"], data["period"], data["provisional"]) == (2025, "TW4", False)
    assert "2025" in result.stderr and "TW4" in result.stderr
    assert "terakhir" in result.stderr
    got = {
        code: (i["value"], i["target"], i["achievement"], i["category"], i["status"])
        for code, i in by_code(data).items()
    }
    assert got == {
        # 9099 / 10000 x 100 = 90.99 against 100 -> 90.99: just under 91, Tinggi
        "1.1": (90.99, 100, 90.99, "Tinggi", "ok"),
        # 13 / 200 x 100 = 6.5; negative, (2 - 6.5 / 7) x 100 = 107.142... -> 107.14
        "1.2": (6.5, 7, 107.14, "Sangat Tinggi", "ok"),
        # 0.6 x (9 / 10 x 100) + 0.4 x (750e6 / 1e9 x 100) = 54 + 30 = 84; 84 / 90 -> 93.33
        "1.3": (84, 90, 93.33, "Sangat Tinggi", "ok"),
        # direct 5 against 4 -> 125 (raw; the cap 120 only enters the goal mean)
        "2.1": (5, 4, 125, "Sangat Tinggi", "ok"),
        # 45 / (40 + 20) x 100 = 75 against 80 -> 93.75
        "2.2": (75, 80, 93.75, "Sangat Tinggi", "ok"),
        # 7 against 10 -> 70, Sedang
        "2.3": (7, 10, 70, "Sedang", "ok"),
        # negative direct: (2 - 12 / 8) x 100 = 50 -> Sangat Rendah
        "2.4": (12, 8, 50, "Sangat Rendah", "ok"),
    }
    goals = {g["code"]: (g["achievement"], g["category"], g["assessed"], g["total"])
             for g in data["goals"]}  # fmt: skip
    # goal 1: (90.99 + 107.142857 + 93.333333) / 3 = 97.155397 -> 97.16
    # goal 2: (min(125, 120) + 93.75 + 70 + 50) / 4 = 333.75 / 4 = 83.4375 -> 83.44
    assert goals == {"1": (97.16, "Sangat Tinggi", 3, 3), "2": (83.44, "Tinggi", 4, 4)}
    # overall: (97.155397 + 83.4375) / 2 = 90.296448 -> 90.30
    assert (data["overall"]["achievement"], data["overall"]["category"]) == (90.3, "Tinggi")
    # provenance: 1.1's inputs come from the TW4 workbook, Data!F5 and F6
    inputs = by_code(data)["1.1"]["inputs"]
    assert [(i["name"], i["value"], Path(i["file"]).name, i["sheet"], i["cell"])
            for i in inputs] == [
        ("disahkan", 9099, "2025-TW4-biro-alpha.xlsx", "Data", "F5"),
        ("dirumuskan", 10000, "2025-TW4-biro-alpha.xlsx", "Data", "F6"),
    ]  # fmt: skip
    # the quarters sent: 1.1 at TW1 20 / 100 x 100 = 20, TW2 40, TW3 none, TW4 90.99
    assert by_code(data)["1.1"]["realisations"] == {
        "TW1": 20, "TW2": 40, "TW3": None, "TW4": 90.99,
    }  # fmt: skip
    assert len(data["submissions"]) == 6
    assert all(len(s["sha256"]) == 64 for s in data["submissions"])
    assert data["missing_submissions"] == []


def test_provisional_quarter_golden(run: Run) -> None:
    _, data = compute_json(run, str(Y2025), "--period", "TW2")
    assert (data["year"], data["period"], data["provisional"]) == (2025, "TW2", True)
    got = {c: (i["achievement"], i["status"]) for c, i in by_code(data).items()}
    assert got == {
        # 40 / 100 x 100 = 40 against the TW2 target 50 -> 80
        "1.1": (80, "ok"),
        # 5 / 80 x 100 = 6.25; (2 - 6.25 / 7) x 100 = 110.714... -> 110.71
        "1.2": (110.71, "ok"),
        "1.3": (None, "incomplete"),  # realisasi left empty in Biro Beta's TW2 workbook
        "2.1": (None, "not_due"),  # annual
        "2.2": (None, "missing"),  # no TW2 workbook from Biro Gamma
        "2.3": (None, "not_due"),
        "2.4": (None, "missing"),
    }
    # goal 1: (80 + 110.714286) / 2 = 95.357143 -> 95.36; goal 2 has nothing assessed
    assert [(g["achievement"], g["assessed"]) for g in data["goals"]] == [(95.36, 2), (None, 0)]
    assert data["overall"]["achievement"] == 95.36
    assert data["missing_submissions"] == [{"owner": "Biro Gamma", "period": "TW2"}]
    incomplete = by_code(data)["1.3"]
    assert incomplete["reason_code"] == "input-missing"
    assert "realisasi" in incomplete["reason"]


def test_duplicates_errors_and_not_assessed_golden(run: Run) -> None:
    result, data = compute_json(run, str(Y2024))
    assert result.exit_code == 1  # reading found errors ("banyak" is not a number)
    got = {c: (i["status"], i["reason_code"]) for c, i in by_code(data).items()}
    assert got == {
        "1.1": ("invalid", "duplicate-submission"),  # two Biro Alpha 2024 TW4 files
        "1.2": ("invalid", "duplicate-submission"),
        "1.3": ("missing", "no-submission"),
        "2.1": ("missing", "no-submission"),
        "2.2": ("invalid", "invalid-input"),  # difasilitasi typed as "banyak"
        "2.3": ("not_assessed", "target-zero"),  # 2024 target 0
        "2.4": ("not_assessed", "no-target"),  # no 2024 target
    }
    assert by_code(data)["2.3"]["value"] == 7  # the value is still reported
    assert data["overall"]["achievement"] is None
    codes = {(f["code"], Path(f["file"]).name if f["file"] else None) for f in data["findings"]}
    assert ("value-not-a-number", "2024-TW4-biro-gamma.xlsx") in codes
    # the checks name both copies of Biro Alpha's workbook
    assert ("duplicate-submission", "2024-TW4-biro-alpha.xlsx") in codes
    assert ("duplicate-submission", "2024-TW4-biro-alpha (1).xlsx") in codes


def test_cli_json_equals_library(run: Run) -> None:
    import iku_cli

    _, data = compute_json(run, str(Y2025), "--period", "TW2", "--lang", "en")
    library = iku_cli.compute(str(Y2025), period="TW2", catalogue=CATALOGUE)
    assert data == json.loads(json.dumps(library.to_dict("en")))


def test_csv_output_file(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "hasil.csv"
    result = run("compute", str(Y2025), "--format", "csv", "--output", str(out),
                 "--catalogue", str(CATALOGUE))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert str(out) in result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["code"] for r in rows] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4"]
    assert Decimal(rows[0]["achievement"]) == Decimal("90.99")


def test_table_in_both_languages(run: Run) -> None:
    shown = run("compute", str(Y2025), "--catalogue", str(CATALOGUE))
    assert shown.exit_code == 0, shown.output
    assert "107,14" in shown.stdout and "Sangat Tinggi" in shown.stdout
    assert "90,30" in shown.stdout
    english = run("compute", str(Y2025), "--catalogue", str(CATALOGUE), "--lang", "en")
    assert "107.14" in english.stdout and "90.30" in english.stdout


def test_output_never_overwrites_an_input(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "laporan"
    shutil.copytree(Y2025, folder)
    victim = folder / "2025-TW4-biro-alpha.xlsx"
    before = victim.read_bytes()
    result = run("compute", str(folder), "--format", "json", "--output", str(victim),
                 "--catalogue", str(CATALOGUE))  # fmt: skip
    assert result.exit_code == 2, result.output
    assert victim.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["does-not-exist"], "does-not-exist"),
        ([str(Y2025), "--year", "2030"], "2030"),
        ([str(Y2025), "--period", "TW7"], "TW7"),
        ([str(Y2025), "--format", "xml"], "xml"),
    ],
)
def test_usage_errors_exit_2(run: Run, args: list[str], needle: str) -> None:
    result = run("compute", *args, "--catalogue", str(CATALOGUE))
    assert result.exit_code == 2, result.output
    assert needle in result.stderr
    assert "Traceback" not in result.output


def test_folder_without_submissions_exit_2(run: Run, tmp_path: Path) -> None:
    (tmp_path / "catatan.txt").write_text("bukan laporan", encoding="utf-8")
    result = run("compute", str(tmp_path), "--catalogue", str(CATALOGUE), "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "No usable bureau workbook" in result.stderr


def test_output_into_missing_folder_exit_2(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "nope" / "hasil.json"
    result = run("compute", str(Y2025), "--format", "json", "--output", str(out),
                 "--catalogue", str(CATALOGUE))  # fmt: skip
    assert result.exit_code == 2, result.output
    assert not out.exists()


def test_a_progress_bar_only_for_a_table_on_a_terminal(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iku_cli.cli.commands import compute as compute_command

    shown: list[tuple[bool, str]] = []
    real = compute_command.reading_progress

    def spy(lang: object, enabled: bool, label: str = "validate.progress") -> object:
        shown.append((enabled, label))
        return real(lang, enabled, label)  # type: ignore[arg-type]

    monkeypatch.setattr(compute_command, "reading_progress", spy)
    monkeypatch.setattr(compute_command, "stderr_is_terminal", lambda: True)
    assert run("compute", str(Y2025), "-c", str(CATALOGUE), "--format", "json").exit_code == 0
    assert run("compute", str(Y2025), "-c", str(CATALOGUE)).exit_code == 0
    monkeypatch.setattr(compute_command, "stderr_is_terminal", lambda: False)
    assert run("compute", str(Y2025), "-c", str(CATALOGUE)).exit_code == 0
    assert shown == [
        (False, "compute.reading"),
        (True, "compute.reading"),
        (False, "compute.reading"),
    ]
