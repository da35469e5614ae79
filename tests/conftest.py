"""Shared fixtures: a CLI runner with a fixed width and no colour, and catalogue paths."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHIPPED_CATALOGUE = ROOT / "indicators.yaml"
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def _plain_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    # each test its own catalogue cache: never the user's, never another test's
    monkeypatch.setenv("IKU_CACHE_DIR", str(tmp_path_factory.mktemp("iku-cache")))
    monkeypatch.delenv("IKU_CACHE", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("IKU_LANG", raising=False)
    monkeypatch.delenv("IKU_CATALOGUE", raising=False)
    from iku_cli.cli.commands.common import GLOBAL, reset_consoles

    reset_consoles()
    GLOBAL.clear()
    yield
    reset_consoles()
    GLOBAL.clear()


class Result:
    """What one CLI run gave."""

    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.output = stdout + stderr

    def __repr__(self) -> str:
        return f"<Result exit={self.exit_code}\n{self.output}>"


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run ``iku`` in-process: ``run("catalogue", "check", str(path))``."""
    from iku_cli.cli.app import app

    def _run(*args: str, input: str | None = None) -> Result:
        from iku_cli.cli.commands.common import GLOBAL, reset_consoles

        reset_consoles()
        GLOBAL.clear()
        runner = CliRunner()
        result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return _run


@pytest.fixture
def shipped_catalogue() -> Path:
    return SHIPPED_CATALOGUE
