"""Reliability campaign, hostile catalogues: refused with a message that names the file,
line and key, in bounded time and memory; nothing in a catalogue is ever run.

tests/test_catalogue.py already covers the alias bomb, Python tags, deep nesting and
the size limit (lowered); tests/test_formula.py the expression whitelist. This file
adds real huge files, numbers built to be slow, control characters, and the same
refusals through the command line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from _reader_kit import CATALOGUE_YAML, filled, submission, write_xlsx
from conftest import Result
from iku_cli.core.errors import CatalogueError
from iku_cli.loading import catalogue_file
from test_catalogue import VALID, line_of, problems

Run = Callable[..., Result]


def _check(run: Run, text: str | bytes, tmp_path: Path) -> Result:
    path = tmp_path / "indicators.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    result = run("catalogue", "check", str(path), "--lang", "en")
    assert "Traceback" not in result.output and "--debug" not in result.output
    return result


# --------------------------------------------------------------------------- huge files


def test_a_file_over_the_limit_is_refused_unread(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    with path.open("wb") as handle:  # sparse: 25 MB on paper, nothing on disk
        handle.truncate(catalogue_file.MAX_CATALOGUE_BYTES + 5 * 1024 * 1024)
    result = run("catalogue", "check", str(path), "--lang", "en")
    assert result.exit_code == 2
    assert "too big" in result.stderr and str(path) in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_read_no_further_than_the_limit(run: Run) -> None:
    result = run("catalogue", "check", "/dev/zero", "--lang", "en")
    assert result.exit_code == 2 and "too big" in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "schema: 1\nx:\n" + "- 1\n" * 4_500_000,  # 18 MB, four and a half million numbers
        "schema: 1\n" + "".join(f"k{n}: {n}\n" for n in range(1_200_000)),  # 1.2 million keys
        "schema: 1\nx: [" + "1," * 6_000_000 + "1]\n",  # one line
    ],
    ids=["list", "mapping", "flow"],
)
def test_many_nodes_under_the_size_limit_are_refused_before_building(text: str) -> None:
    # composing 4.5 million nodes before counting them took 26 s and 1.5 GB; now the
    # count stops at the limit (about 0.1 s)
    assert len(text.encode()) < catalogue_file.MAX_CATALOGUE_BYTES
    with pytest.raises(CatalogueError) as info:
        catalogue_file.loads(text)
    assert [p.key for p in info.value.problems] == ["catalogue.yaml_too_many_nodes"]


# --------------------------------------------------------------------------- slow numbers


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("targets: {2025: 90, 2026: 95}", "targets: {2025: " + "9" * 5000 + ", 2026: 95}",
         "indicators[0].targets.2025"),
        ("targets: {2025: 90, 2026: 95}", "targets: {2025: '1E+999999999', 2026: 95}",
         "indicators[0].targets.2025"),
        ("targets: {2025: 90, 2026: 95}", "targets: {2025: 1e300, 2026: 95}",
         "indicators[0].targets.2025"),
        ("targets: {2025: 90, 2026: 95}", "targets: {2025: 1e-40, 2026: 95}",
         "indicators[0].targets.2025"),
        ("targets: {2025: 90, 2026: 95}",
         "targets: {2025: '90.0000000000000000000000000000001', 2026: 95}",
         "indicators[0].targets.2025"),
        ("    max: 100\n", "    max: 100\n    factor: '1E+99999'\n", "indicators[0].factor"),
        ("    max: 100\n", "    max: 1e31\n", "indicators[0].max"),
        ("dirumuskan: {label: Kebijakan yang dirumuskan, integer: true}",
         "dirumuskan: {label: Kebijakan yang dirumuskan, integer: true, min: -1e40}",
         "indicators[0].inputs.dirumuskan.min"),
        ("  cap: null", "  cap: 1e308", "achievement.cap"),
        ("    - {min: 91, label: Sangat Tinggi}", "    - {min: '9E+999', label: Sangat Tinggi}",
         "achievement.scale[0].min"),
        ("weight: 0.6,", "weight: '0.6000000000000000000000000000000000001',",
         "indicators[3].components[0].weight"),
        ("years: [2025, 2026]", "years: [2025, 2026, " + "2" * 4400 + "]", "years[2]"),
    ],
)  # fmt: skip
def test_numbers_built_to_be_slow_are_refused(old: str, new: str, path: str) -> None:
    assert old in VALID
    text = VALID.replace(old, new, 1)
    found = problems(text)
    assert any(p == path and k == "catalogue.number_too_big" for _, p, k in found), found
    (line,) = {n for n, p, k in found if k == "catalogue.number_too_big"}
    assert line == line_of(text, new.strip().splitlines()[-1].strip()[:12])


@pytest.mark.parametrize(
    "expression",
    [
        "(" * 41 + "disahkan" + ")" * 41,  # nesting past the limit
        "-" * 200 + "disahkan",  # a deep tree without a bracket
        "disahkan * " * 60 + "1",  # longer than 500 characters
        "disahkan * 1" + "0" * 40,  # a literal past 30 digits
        "disahkan ** 99999999",  # a power: not arithmetic IKU need
        "disahkan / 1e-99999",
        "[disahkan] * 9999999",
        "__import__('os').system('true')",
    ],
)
def test_expressions_built_to_be_slow_or_to_run_are_refused(
    expression: str, run: Run, tmp_path: Path
) -> None:
    text = VALID.replace("    numerator: disahkan\n", f'    numerator: "{expression}"\n', 1)
    result = _check(run, text, tmp_path)
    assert result.exit_code == 2
    assert "indicators[0].numerator" in result.stderr


def test_a_formula_that_multiplies_past_any_plausible_figure(run: Run, tmp_path: Path) -> None:
    """Within every limit but giving 10^60: not assessed, with the reason, never a crash."""
    huge = " * ".join(["999999999999999999999999999999"] * 2)
    text = CATALOGUE_YAML.replace("numerator: disahkan\n", f"numerator: disahkan * {huge}\n", 1)
    text = text.replace("targets: {2025: 90}", "targets: {2025: 0.000000000000000000000000000001}")
    text = text.replace(
        "    max: 100\n", "", 1
    )  # else the numerator past the denominator is an error
    catalogue = tmp_path / "indicators.yaml"
    catalogue.write_text(text, encoding="utf-8")
    book = write_xlsx(tmp_path / "a.xlsx", submission(filled(), period="TW4"))
    result = run("compute", str(book), "--format", "json", "-c", str(catalogue))
    assert result.exit_code == 0, result.output  # only a warning: 1.2's value is missing
    indicators = {i["code"]: i for i in json.loads(result.stdout)["indicators"]}
    assert (indicators["1.1"]["status"], indicators["1.1"]["reason_code"]) == (
        "not_assessed", "value-out-of-range",
    )  # fmt: skip
    assert (indicators["1.10"]["status"], indicators["1.10"]["reason_code"]) == (
        "not_assessed", "value-out-of-range",
    )  # fmt: skip  # 75 against a target of 10^-30
    for args in (("--format", "csv"), ("--format", "table")):
        assert run("compute", str(book), *args, "-c", str(catalogue)).exit_code == 0
    assert run("explain", "1.1", str(book), "-c", str(catalogue)).exit_code == 0
    out = tmp_path / "r.xlsx"
    assert (
        run("recap", str(book), "--year", "2025", "-o", str(out), "-c", str(catalogue)).exit_code
        == 0
    )


# --------------------------------------------------------------------------- text and tags


def test_a_date_that_does_not_exist_is_a_problem_not_a_crash() -> None:
    text = VALID.replace("organisation: Contoh Perangkat Daerah", "organisation: 2025-02-30")
    assert problems(text) == {(2, "organisation", "catalogue.yaml_syntax")}


@pytest.mark.parametrize("escape", ["\\e]0;judul\\a", "\\e[2J", "\\x9b31m", "\\u202e001", "\\0"])
def test_control_characters_are_refused(escape: str) -> None:
    text = VALID.replace("organisation: Contoh Perangkat Daerah", f'organisation: "Contoh{escape}"')
    assert problems(text) == {(2, "organisation", "catalogue.control_character")}


def test_python_tags_never_run(run: Run, tmp_path: Path) -> None:
    marker = tmp_path / "dijalankan"
    text = VALID.replace(
        "organisation: Contoh Perangkat Daerah",
        f"organisation: !!python/object/apply:os.system ['touch {marker}']",
    )
    result = _check(run, text, tmp_path)
    assert result.exit_code == 2 and "python/object/apply" in result.stderr
    assert not marker.exists()


def test_an_alias_bomb_through_the_command_line(run: Run, tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    result = _check(run, VALID + "\n".join(lines) + "\n", tmp_path)
    assert result.exit_code == 2 and "100000" in result.stderr.replace(",", "").replace(".", "")


def test_merge_keys_are_refused(run: Run, tmp_path: Path) -> None:
    text = VALID.replace(
        "    targets: {2025: 90, 2026: 95}",
        "    <<: {targets: {2025: 90, 2026: 95}}",
        1,
    )
    result = _check(run, text, tmp_path)
    assert result.exit_code == 2 and "merge" in result.stderr
