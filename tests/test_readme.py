"""The README's commands run as shown: every `$ iku ...` line, and the library snippet."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, Result

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = re.findall(r"^\$ iku (.+)$", README, flags=re.MULTILINE)
# what each README command must exit with (0 unless the README shows a failure)
EXPECTED_EXIT = {"validate": 1}


def _expected(args: list[str]) -> int:
    if args[:2] == ["catalogue", "check"] and len(args) > 2 and "broken" in args[2]:
        return 2
    return EXPECTED_EXIT.get(args[0], 0)


def test_readme_shows_every_command() -> None:
    shown = {line.split()[0] for line in COMMANDS}
    assert {"catalogue", "template", "validate", "compute", "explain", "recap", "lkjip"} <= shown


@pytest.mark.parametrize("line", COMMANDS)
def test_readme_command_runs(
    line: str,
    run: Callable[..., Result],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    args = shlex.split(line)
    # outputs go to a temporary folder, never into the checkout
    args = [
        str(tmp_path / a) if a in {"formulir", "rekap-2025.xlsx", "bab3.docx"} else a for a in args
    ]
    result = run(*args)
    assert result.exit_code == _expected(args), result.output
    assert "Traceback" not in result.output


def test_readme_catalogue_check_output_is_real(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = run("catalogue", "check")
    assert result.stdout.strip() in README


def test_readme_library_snippet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    snippet = re.search(r"```python\n(.+?)```", README, flags=re.DOTALL)
    assert snippet is not None
    namespace: dict[str, object] = {}
    code = snippet.group(1)
    lines = code.strip().splitlines()
    # the last line is an expression a notebook would display
    exec("\n".join([*lines[:-1], f"frame = {lines[-1]}"]), namespace)
    frame = namespace["frame"]
    assert len(frame) == 21  # type: ignore[arg-type]
