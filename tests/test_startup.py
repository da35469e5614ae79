"""Start-up stays light (no pandas, openpyxl, xlsxwriter, calamine) and every command's help
has an example. Run in fresh interpreters: this test process has imported plenty already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iku_cli import __version__

HEAVY = {"pandas", "openpyxl", "xlsxwriter", "python_calamine", "numpy", "docx", "matplotlib"}


def python(*args: str, cwd: Path, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"IKU_LANG", "IKU_CATALOGUE"}}
    env.update(COLUMNS="100", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    if lang is not None:
        env["IKU_LANG"] = lang
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def imported(importtime_log: str) -> set[str]:
    """Top-level names of the modules ``-X importtime`` says were imported."""
    names = set()
    for line in importtime_log.splitlines():
        if line.startswith("import time:") and "|" in line:
            module = line.rsplit("|", 1)[1].strip()
            if module and module != "imported package":
                names.add(module.split(".")[0])
    return names


@pytest.mark.parametrize("flag", ["--help", "-h", "--version"])
def test_help_and_version_import_nothing_heavy(tmp_path: Path, flag: str) -> None:
    result = python("-X", "importtime", "-m", "iku_cli", flag, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    names = imported(result.stderr)
    assert "iku_cli" in names and "typer" in names  # the log was read
    assert not names & HEAVY, sorted(names & HEAVY)
    if flag == "--version":
        assert result.stdout.strip() == f"iku {__version__}"
    else:
        assert "catalogue" in result.stdout


def test_a_run_without_help_or_error_does_not_import_typers_help_renderer(tmp_path: Path) -> None:
    # typer.rich_utils (rich's Markdown, markdown-it) costs about 47 ms; Typer imports it
    # for help and errors only, and iku's texts are set in it when it is
    result = python("-X", "importtime", "-m", "iku_cli", "--version", cwd=tmp_path)
    assert "typer.main" in result.stderr  # the log was read
    assert "typer.rich_utils" not in result.stderr
    for lang, title in (("id", "Opsi"), ("en", "Options")):
        shown = python(
            "-X", "importtime", "-m", "iku_cli", "compute", "-h", cwd=tmp_path, lang=lang
        )
        assert "typer.rich_utils" in shown.stderr
        assert f"╭─ {title} " in shown.stdout
        wrong = python("-m", "iku_cli", "compute", "--tahun", cwd=tmp_path, lang=lang)
        assert wrong.returncode == 2
        expected = "Opsi tidak dikenal" if lang == "id" else "No such option"
        assert expected in wrong.stderr and ("Galat" if lang == "id" else "Error") in wrong.stderr


# Walks the click command tree of the app: every command and group, however deep,
# including those other modules register. Prints one JSON object.
WALK = """
import json, sys
import typer.main
from iku_cli.cli.app import app

root = typer.main.get_command(app)
commands = {}

def walk(command, path):
    commands[" ".join(path)] = command.help or ""
    # a group (typer vendors click, so no isinstance check against click's Group)
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            walk(sub, [*path, name])

walk(root, [])
print(json.dumps({"commands": commands}))
"""

# Asks every command for its --help, then lists what got imported.
HELP_ALL = """
import json, sys
import typer.main
from typer.testing import CliRunner
from iku_cli.cli.app import app

root = typer.main.get_command(app)
paths = []

def walk(command, path):
    paths.append(path)
    # a group (typer vendors click, so no isinstance check against click's Group)
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            walk(sub, [*path, name])

walk(root, [])
runner = CliRunner()
outputs = {}
for path in paths:
    result = runner.invoke(app, [*path, "--help"], catch_exceptions=False)
    outputs[" ".join(path)] = [result.exit_code, result.output]
print(json.dumps({"outputs": outputs, "modules": sorted(sys.modules)}))
"""


def commands_and_help(tmp_path: Path, lang: str | None) -> dict[str, str]:
    result = python("-c", WALK, cwd=tmp_path, lang=lang)
    assert result.returncode == 0, result.stderr[-2000:]
    commands: dict[str, str] = json.loads(result.stdout)["commands"]
    return commands


def test_the_command_tree_has_the_pinned_commands(tmp_path: Path) -> None:
    commands = commands_and_help(tmp_path, None)
    assert {"catalogue", "catalogue check", "catalogue show"} <= set(commands)


@pytest.mark.parametrize(("lang", "word"), [(None, "Contoh:"), ("en", "Example:")])
def test_every_command_has_help_with_an_example(
    tmp_path: Path, lang: str | None, word: str
) -> None:
    commands = commands_and_help(tmp_path, lang)
    # the app's own help (path "") too: `iku -h` shows an example like the commands do
    assert "" in commands
    without = sorted(path for path, text in commands.items() if word not in text)
    assert not without, f"commands whose help has no '{word} iku ...': {without}"
    for path, text in commands.items():
        example = text.split(word, 1)[1]
        assert "iku " in example, path


def test_every_help_page_renders_without_heavy_imports(tmp_path: Path) -> None:
    result = python("-c", HELP_ALL, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    outputs: dict[str, list[object]] = data["outputs"]
    assert "catalogue check" in outputs
    for path, (code, text) in outputs.items():
        assert code == 0, (path, text)
        assert "Cara pakai:" in str(text), path
        assert "Contoh:" in str(text), path
    heavy = {m.split(".")[0] for m in data["modules"]} & HEAVY
    assert not heavy, sorted(heavy)


@pytest.mark.parametrize("given", [None, "logfire"])
def test_the_command_line_turns_pydantic_plugins_off_unless_told(
    monkeypatch: pytest.MonkeyPatch, given: str | None
) -> None:
    import gc

    from iku_cli.cli import app as cli

    if given is None:
        monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    else:
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", given)
    monkeypatch.setattr(cli, "app", lambda: None)
    threshold = gc.get_threshold()
    try:
        cli.main()
    finally:
        gc.set_threshold(*threshold)
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == (given or "__all__")


@pytest.mark.parametrize(
    ("happens", "code"),
    [(KeyboardInterrupt, 130), (SystemExit(2), 2), (SystemExit(None), None), (None, 0)],
)
def test_the_console_script_ends_with_the_commands_code(
    monkeypatch: pytest.MonkeyPatch, happens: BaseException | type | None, code: int | None
) -> None:
    from iku_cli.cli import app as cli
    from iku_cli.cli import entry

    def command() -> None:
        if happens is not None:
            raise happens  # type: ignore[misc]

    left: list[object] = []
    monkeypatch.setattr(cli, "main", command)
    monkeypatch.setattr(entry, "leave", left.append)
    monkeypatch.setattr(sys, "argv", ["iku", "--version"])
    entry.main()
    assert left == [code]


def test_the_console_script_is_the_quiet_entry() -> None:
    text = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8")
    assert 'iku = "iku_cli.cli.entry:main"' in text


def _iku(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """``python -m iku_cli`` as a user runs it: through the console entry, to its end."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COV")}
    return subprocess.run(
        [sys.executable, "-m", "iku_cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def test_a_run_ends_at_once_with_all_its_output_and_its_code() -> None:
    done = _iku("compute", "examples", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["indicators"]) == 21  # every byte was written
    assert done.stderr.strip()  # the note on stderr too
    invalid = _iku("validate", "examples/invalid", "--format", "json")
    assert invalid.returncode == 1
    assert json.loads(invalid.stdout)["findings"]
    missing = _iku("compute", "tidak-ada")
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr and missing.stderr.strip()


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """`iku compute ... | head`: the pipe closes before all is written."""
    script = (
        f"{sys.executable} -m iku_cli compute examples --format json | head -c 20 >/dev/null;"
        " echo done"
    )
    done = subprocess.run(
        ["sh", "-c", script],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.stdout.strip() == "done"


@pytest.mark.parametrize(
    ("code", "status", "said"), [(3, 3, ""), ("ada yang salah", 1, "ada yang salah")]
)
def test_leaving_writes_everything_then_ends_with_the_status(
    code: object, status: int, said: str
) -> None:
    script = (
        "import sys, atexit; from iku_cli.cli.entry import leave;"
        "atexit.register(lambda: sys.stderr.write('handlers ran\\n'));"
        f"sys.stdout.write('x' * 200000); leave({code!r})"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("COV")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == status
    assert done.stdout == "x" * 200000
    assert said in done.stderr and "handlers ran" in done.stderr
