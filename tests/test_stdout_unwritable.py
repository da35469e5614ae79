"""Issue 11 item 13: standard output closed (``>&-``) or full (``> /dev/full``): one
clear line, exit 2, no traceback; a reader that stops early (``| head``) stays quiet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IKU = Path(sys.executable).parent / "iku"
COMMANDS = [
    ["compute", "examples"],
    ["compute", "examples", "--format", "json"],
    ["compute", "examples", "--format", "csv"],
    ["validate", "examples/invalid", "--format", "json"],
    ["validate", "examples"],
    ["explain", "4.1", "examples"],
    ["catalogue", "show"],
    ["catalogue", "show", "--format", "json"],
]
pytestmark = pytest.mark.skipif(
    not IKU.exists() or sys.platform == "win32", reason="the console script, a POSIX shell"
)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COV")}
    env.pop("IKU_LANG", None)
    return env


def _closed(args: list[str]) -> subprocess.CompletedProcess[str]:
    line = " ".join([str(IKU), *args]) + " >&-"
    return subprocess.run(["sh", "-c", line], capture_output=True, text=True, cwd=ROOT,
                          env=_env(), check=False)  # fmt: skip


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_stdout_closed_is_one_line_and_exit_2(args: list[str]) -> None:
    done = _closed(args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "tak terduga" not in done.stderr
    assert "Galat: Keluaran standar (stdout) tertutup" in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_stdout_full_is_one_line_and_exit_2(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([str(IKU), *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT, env=_env(), check=False)  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert "tak terduga" not in done.stderr
    said = [line for line in done.stderr.splitlines() if "keluaran standar" in line]
    assert len(said) == 1 and said[0].startswith("Galat: Hasil tidak dapat ditulis")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_stdout_full_in_english() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([str(IKU), "--lang", "en", "compute", "examples"], stdout=full,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT, env=_env(),
                              check=False)  # fmt: skip
    assert done.returncode == 2
    assert "Error: The result could not be written to standard output" in done.stderr


def test_a_reader_that_stops_early_keeps_todays_ending() -> None:
    done = subprocess.run(["bash", "-c", f"{IKU} compute examples | head -c 10 >/dev/null;"
                           " echo ${PIPESTATUS[0]}"], capture_output=True, text=True,
                          cwd=ROOT, env=_env(), check=False)  # fmt: skip
    assert "Traceback" not in done.stderr and "Galat: Hasil" not in done.stderr
    assert done.stdout.strip() in {"0", "1"}  # 1: the table was cut short, as before
