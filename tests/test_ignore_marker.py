"""A folder holding `.ikuignore` is left out when its parent is read, read when named itself."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES
from iku_cli.workbooks.locate import IGNORE_MARKER, list_files


def test_marked_folder_is_skipped_under_its_parent(tmp_path: Path) -> None:
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "a.xlsx").write_bytes(b"x")
    drafts = tmp_path / "draf"
    drafts.mkdir()
    (drafts / "b.xlsx").write_bytes(b"x")
    (drafts / IGNORE_MARKER).write_text("", encoding="utf-8")

    files, skipped = list_files([tmp_path])
    assert [p.name for p, _ in files] == ["a.xlsx"]
    assert any(s.rstrip("/\\").endswith("draf") for s in skipped)

    files, _ = list_files([drafts])
    assert [p.name for p, _ in files] == ["b.xlsx"]


def test_examples_invalid_is_marked_and_left_out_of_examples() -> None:
    assert (EXAMPLES / "invalid" / IGNORE_MARKER).is_file()
    files, _ = list_files([EXAMPLES])
    assert files
    assert not any("invalid" in display for _, display in files)
