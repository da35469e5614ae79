"""Workbooks iku writes carry the iku-output mark in their document properties."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from iku_cli import __version__
from iku_cli.outputs.marking import OUTPUT_PROPERTY

ROOT = Path(__file__).parent.parent


def test_recap_is_marked(tmp_path: Path) -> None:
    out = tmp_path / "rekap.xlsx"
    command = [sys.executable, "-m", "iku_cli", "recap", str(ROOT / "examples" / "2025")]
    command += [
        "--year",
        "2025",
        "--output",
        str(out),
        "--catalogue",
        str(ROOT / "indicators.yaml"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    with zipfile.ZipFile(out) as archive:
        custom = archive.read("docProps/custom.xml").decode("utf-8")
    assert f'name="{OUTPUT_PROPERTY}"' in custom
    assert f"recap {__version__}" in custom


def test_recap_in_the_folder_read_is_skipped_with_a_note(tmp_path: Path) -> None:
    import json
    import shutil

    folder = tmp_path / "laporan"
    shutil.copytree(ROOT / "examples" / "2025", folder)
    cat = ["--catalogue", str(ROOT / "indicators.yaml")]
    base = [sys.executable, "-m", "iku_cli"]
    before = subprocess.run(
        [*base, "compute", str(folder), "--format", "json", *cat],
        capture_output=True,
        text=True,
        check=False,
    )
    out = folder / "rekap.xlsx"
    made = subprocess.run(
        [*base, "recap", str(folder), "--year", "2025", "--output", str(out), "--lang", "en", *cat],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.exists()
    assert "is inside the folder being read" in made.stderr
    after = subprocess.run(
        [*base, "compute", str(folder), "--format", "json", "--lang", "en", *cat],
        capture_output=True,
        text=True,
        check=False,
    )
    assert after.returncode == before.returncode, after.stderr
    assert "Traceback" not in after.stderr
    found = json.loads(after.stdout)["findings"]
    about = [f for f in found if f["file"] and f["file"].endswith("rekap.xlsx")]
    assert [(f["code"], f["severity"]) for f in about] == [("iku-output", "warning")]
    assert "iku's own output (recap" in about[0]["message"]
    assert len(found) == len(json.loads(before.stdout)["findings"]) + 1
