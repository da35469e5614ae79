"""Every help page and every usage error in Indonesian with --lang id / IKU_LANG=id (Click's
and Typer's own words too), fully English with --lang en; one meaning per short option;
hints name the path the user gave."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, SHIPPED_CATALOGUE, Result

# English a planning officer must not meet with --lang id (whole words, any case)
ENGLISH_WORDS = [
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "Missing",
    "No such",
    "Invalid value",
    "required",
    "default",
    "Error",
    "Try",
    "Did you mean",
    "Possible options",
    "requires an argument",
    "does not take a value",
    "unexpected extra",
    "Aborted",
    "env var",
    "for help",
    "Input should be",
    "Common options",
    "PATH",
    "<bool>",
    "<str>",
    "<path>",
    "<int>",
    "list[Path]",
]
_ENGLISH = re.compile(
    "|".join(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])" for w in ENGLISH_WORDS), re.IGNORECASE
)

HELP_PAGES = [
    [],
    ["catalogue"],
    ["catalogue", "check"],
    ["catalogue", "show"],
    ["template"],
    ["validate"],
    ["compute"],
    ["recap"],
    ["explain"],
    ["lkjip"],
]
ERRORS = [
    ["compute"],  # missing argument
    ["lkjip", "x", "--year", "2025"],  # missing option
    ["template", "out", "--year", "2025"],  # missing option
    ["compute", "x", "--year", "abc"],  # bad option value
    ["compute", "x", "--year", "2025.5"],
    ["compute", "x", "--bogus"],  # unknown option
    ["compute", "x", "--form", "json"],  # unknown option, a close one
    ["comptue"],  # unknown command, a close one
    ["frobnicate"],  # unknown command
    ["compute", "x", "--year"],  # option without its value
    ["compute", "x", "y"],  # extra argument
    ["catalogue", "show", "--format", "xml"],  # bad format
    ["template", "out", "--year", "2025", "--period", "TW5"],  # bad period
    ["compute", "x", "--lang", "fr"],  # bad lang
    ["--debug", "catalogue", "nosuch"],
]


def iku(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> Result:
    """A real ``iku`` process: --lang is read from the command line before help is made."""
    full = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", **(env or {})}
    full.pop("IKU_LANG", None) if env is None or "IKU_LANG" not in env else None
    done = subprocess.run(
        [sys.executable, "-m", "iku_cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full,
        cwd=cwd,
        timeout=60,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def english_in(text: str) -> list[str]:
    return sorted({m.group(0) for m in _ENGLISH.finditer(text)})


def test_the_word_list_finds_what_it_should() -> None:
    assert english_in("Usage: iku [OPTIONS]\n[required] Try 'iku -h'") == [
        "OPTIONS",
        "Try",
        "Usage",
        "required",
    ]
    assert english_in("Cara pakai: iku [OPSI] FOLDER [wajib] --catalogue --format") == []


@pytest.mark.parametrize("how", ["--lang id", "IKU_LANG=id"])
def test_help_and_errors_are_indonesian(how: str, tmp_path: Path) -> None:
    env = {"IKU_LANG": "id"} if how.startswith("IKU_LANG") else None
    lang = [] if env else ["--lang", "id"]
    found: dict[str, list[str]] = {}
    for page in HELP_PAGES:
        result = iku(*lang, *page, "--help", env=env)
        assert result.exit_code == 0, (page, result.output)
        assert "Cara pakai:" in result.stdout and "Contoh:" in result.stdout, page
        if english_in(result.output):
            found[" ".join([*page, "--help"])] = english_in(result.output)
    for args in ERRORS:
        # the catalogue and workbooks are never reached: these stop at the options
        cat = ["--catalogue", str(SHIPPED_CATALOGUE)]
        result = iku(*lang, *cat, *args, env=env, cwd=tmp_path)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
        if english_in(result.output):
            found[" ".join(args)] = english_in(result.output)
    assert found == {}


def test_the_hook_check_prints_nothing() -> None:
    # IKU_LANG=id iku compute --help | grep -E 'Usage:|Show this message|\[required\]|...'
    out = iku("compute", "--help", env={"IKU_LANG": "id"}).stdout
    hook = re.compile(r"Usage:|Show this message|\[required\]|\[default:|<bool>|<str>")
    assert hook.findall(out) == []
    assert "[wajib]" in out
    # the same translation of a default, on a command whose --format has one
    assert "[bawaan: table]" in iku("validate", "--help", env={"IKU_LANG": "id"}).stdout


def test_lang_en_stays_english_click_texts_too() -> None:
    help_page = iku("--lang", "en", "compute", "--help").stdout
    for word in ("Usage:", "Arguments", "Options", "Show this message and exit.", "[required]"):
        assert word in help_page, word
    assert "Cara pakai" not in help_page and "Opsi" not in help_page
    error = iku("compute", "x", "--bogus", "--lang", "en").output
    assert "No such option: --bogus" in error and "compute -h' for help." in error
    error = iku("comptue", env={"IKU_LANG": "en"}).output
    assert "No such command 'comptue'. Did you mean 'compute'?" in error


def test_indonesian_errors_say_what_click_said() -> None:
    out = iku("comptue").output
    assert "Perintah 'comptue' tidak dikenal. Maksudnya 'compute'?" in out
    assert "-h' untuk bantuan." in out
    out = iku("compute", "x", "--year", "abc").output
    assert "Nilai untuk '--year' / '-y' tidak sah: harus bilangan bulat" in out
    out = iku("template", "out", "--year", "2025").output
    assert "Opsi '--period' / '-p' belum diberikan." in out


def test_click_text_translation_keeps_unknown_messages() -> None:
    from iku_cli.cli.commands.click_text import translate

    assert translate("Something Click never said", "id") == "Something Click never said"
    assert translate("Missing option '--x'.", "en") == "Missing option '--x'."
    assert translate("Missing option '--x'.", "id") == "Opsi '--x' belum diberikan."
    assert (
        translate("No such option: --fo (Possible options: --format, --force)", "id")
        == "Opsi tidak dikenal: --fo (mungkin yang dimaksud: --format, --force)"
    )


def test_one_meaning_per_short_option(run: Callable[..., Result]) -> None:
    # -o is --output wherever it exists; the template's --owner is -b (biro)
    for page in (["compute"], ["recap"]):
        text = run(*page, "--help").stdout
        assert re.search(r"--output\s+-o\b", text), page
    text = run("template", "--help").stdout
    assert re.search(r"--owner\s+-b\b", text) and not re.search(r"\s-o\b", text)


def test_template_owner_short_option(
    run: Callable[..., Result], tmp_path: Path, shipped_catalogue: Path
) -> None:
    out = tmp_path / "formulir"
    args = ["template", str(out), "--year", "2025", "--period", "TW1", "-c", str(shipped_catalogue)]
    result = run(*args, "-b", "Biro POD")
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["2025-TW1-biro-pod.xlsx"]
    wrong = run(*args, "-o", "Biro POD")
    assert wrong.exit_code == 2


def test_hints_name_the_path_given(
    run: Callable[..., Result], tmp_path: Path, shipped_catalogue: Path
) -> None:
    folder = tmp_path / "laporan kosong"
    folder.mkdir()
    result = run("compute", str(folder), "-c", str(shipped_catalogue))
    assert result.exit_code == 2
    assert f'iku validate "{folder}"' in result.stderr
    assert "PATH" not in result.output
    from iku_cli.core.errors import IkuError

    # no path known (a library caller of the pure core): the word FOLDER, not PATH
    message = IkuError("compute.no_submissions", files=0, years="2025").message("en")
    assert "iku validate FOLDER" in message and "PATH" not in message


def test_no_message_offers_a_literal_path_hint() -> None:
    from iku_cli.i18n import messages

    offending = {
        key: lang
        for key, entry in messages().items()
        for lang, text in entry.items()
        if re.search(r"\bPATH\b", text)
    }
    assert offending == {}
