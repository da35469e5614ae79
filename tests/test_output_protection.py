"""An output never replaces a file the run read or skipped, nor the catalogue."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES, SHIPPED_CATALOGUE, Result


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "laporan"
    shutil.copytree(EXAMPLES / "2025", target)
    (target / "catatan.csv").write_text("catatan biro\n", encoding="utf-8")
    return target


@pytest.mark.parametrize("name", ["catatan.csv", "2025-TW4-biro-pod.xlsx"])
def test_compute_output_refuses_a_file_it_looked_at(
    run: Callable[..., Result], folder: Path, name: str
) -> None:
    target = folder / name
    before = target.read_bytes()
    result = run(
        "compute", str(folder), "--format", "csv", "--output", str(target),
        "--catalogue", str(SHIPPED_CATALOGUE),
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert target.read_bytes() == before
    assert "Traceback" not in result.output
