"""`compute --output FILE` without --format: the extension decides; a mismatch is refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "iku_cli", "compute", str(ROOT / "examples")]
    command += ["--catalogue", str(ROOT / "indicators.yaml"), "--lang", "en", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)


def test_json_extension_gives_json(tmp_path: Path) -> None:
    done = _run(tmp_path, "--output", "hasil.json")
    assert done.returncode in (0, 1), done.stderr
    assert json.loads((tmp_path / "hasil.json").read_text())["schema"] == "iku.result/1"


def test_csv_extension_gives_csv(tmp_path: Path) -> None:
    done = _run(tmp_path, "--output", "hasil.CSV")
    assert done.returncode in (0, 1), done.stderr
    assert (tmp_path / "hasil.CSV").read_text(encoding="utf-8-sig").startswith("year,")


def test_mismatch_is_refused(tmp_path: Path) -> None:
    done = _run(tmp_path, "--format", "csv", "--output", "hasil.json")
    assert done.returncode == 2
    assert "does not match the extension .json" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "hasil.json").exists()


def test_unknown_extension_says_what_to_do(tmp_path: Path) -> None:
    done = _run(tmp_path, "--output", "hasil.txt")
    assert done.returncode == 2
    assert "--format" in done.stderr and ".json" in done.stderr
    assert not (tmp_path / "hasil.txt").exists()
    done = _run(tmp_path, "--format", "table", "--output", "hasil.txt")
    assert done.returncode in (0, 1), done.stderr
    assert (tmp_path / "hasil.txt").exists()
