"""The console output survives a legacy code page: no crash, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT, SHIPPED_CATALOGUE


@pytest.mark.parametrize("encoding", ["cp1252", "cp437", "ascii"])
@pytest.mark.parametrize(
    "args",
    [
        ["compute", str(EXAMPLES)],
        ["explain", "4.1", str(EXAMPLES)],
        ["validate", str(EXAMPLES / "invalid")],
        ["catalogue", "show"],
    ],
)
def test_commands_survive_a_legacy_code_page(encoding: str, args: list[str]) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "100"}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run(
        [sys.executable, "-m", "iku_cli", *args, "--catalogue", str(SHIPPED_CATALOGUE)],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr.decode(encoding, "replace")
    assert b"Traceback" not in done.stderr
    assert done.stdout
