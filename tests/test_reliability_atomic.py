"""Reliability campaign, outputs are atomic: a run killed while writing, a rename or a
write that fails, and runs writing the same file at once leave the old file or the
complete new one, never a truncated one; an output that cannot be written is a clear
message and exit 2."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from conftest import EXAMPLES, SHIPPED_CATALOGUE, Result

Run = Callable[..., Result]
Y2025 = EXAMPLES / "2025"
CAT = ("--catalogue", str(SHIPPED_CATALOGUE))

# run `iku` with a pause at one point of writing, announced by creating a flag file
PAUSING = """
import os, sys, time, zipfile

point, flag = sys.argv[1], sys.argv[2]

def pause():
    open(flag, "w").close()
    time.sleep(120)  # killed before this ends

if point == "rename":  # the temporary file is complete; not yet in place
    real_replace = os.replace
    def replace(*args, **kwargs):
        pause()
        return real_replace(*args, **kwargs)
    os.replace = replace
elif point == "zip":  # the workbook half written: some members, no directory
    written = []
    def pausing(real):
        def write(self, *args, **kwargs):
            written.append(1)
            if len(written) == 4:
                self.fp.flush()
                pause()
            return real(self, *args, **kwargs)
        return write
    zipfile.ZipFile.writestr = pausing(zipfile.ZipFile.writestr)
    zipfile.ZipFile.write = pausing(zipfile.ZipFile.write)

from iku_cli.cli.app import main
sys.argv = ["iku", *sys.argv[3:]]
main()
"""


def _iku(*args: str | Path, pause: str = "none", flag: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", PAUSING, pause, str(flag or os.devnull), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_at(flag: Path, child: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while not flag.exists():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the run never reached the pause"
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.communicate()


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def _valid_recap(path: Path) -> list[str]:
    return openpyxl.load_workbook(path, read_only=True).sheetnames


# --------------------------------------------------------------------------- killed mid-write


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.parametrize("point", ["zip", "rename"])
def test_a_recap_killed_while_writing_leaves_the_old_file(point: str, tmp_path: Path) -> None:
    out = tmp_path / "rekap.xlsx"
    old = b"the previous recap"
    out.write_bytes(old)
    flag = tmp_path / "paused"
    child = _iku(
        "recap", Y2025, "--year", "2025", "-o", out, *CAT, pause=point, flag=tmp_path / "paused"
    )
    _kill_at(flag, child)
    assert out.read_bytes() == old
    # what is left is a hidden temporary file, which no later run reads
    leftovers = _leftovers(tmp_path, {"rekap.xlsx", "paused"})
    assert all(re.fullmatch(r"\.iku-\d+-[0-9a-f]{8}\.tmp", n) for n in leftovers), leftovers
    # the next run completes, replaces the old file whole, and removes the killed
    # run's temporary file (its process is gone)
    again = _iku("recap", Y2025, "--year", "2025", "-o", out, *CAT)
    assert again.wait(120) == 0, again.communicate()
    assert "Ringkasan" in _valid_recap(out)
    assert _leftovers(tmp_path, {"rekap.xlsx", "paused"}) == []


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_csv_killed_before_its_rename_leaves_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "hasil.csv"
    out.write_text("old", encoding="utf-8")
    flag = tmp_path / "paused"
    child = _iku("compute", Y2025, "--format", "csv", "-o", out, *CAT, pause="rename", flag=flag)
    _kill_at(flag, child)
    assert out.read_text(encoding="utf-8") == "old"


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_template_killed_while_writing_leaves_no_half_workbook(tmp_path: Path) -> None:
    out = tmp_path / "templat"
    flag = tmp_path / "paused"
    child = _iku("template", out, "--year", "2025", "--period", "TW4", *CAT, pause="zip", flag=flag)
    _kill_at(flag, child)
    # only the hidden temporary file of the workbook being written, which no run reads
    (left,) = [p.name for p in out.iterdir()]
    assert re.fullmatch(r"\.iku-\d+-[0-9a-f]{8}\.tmp", left), left


# --------------------------------------------------------------------------- failing writes


def test_a_rename_that_fails_keeps_the_old_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    targets = {
        "hasil.csv": ("compute", str(Y2025), "--format", "csv", "-o"),
        "hasil.json": ("compute", str(Y2025), "--format", "json", "-o"),
        "rekap.xlsx": ("recap", str(Y2025), "--year", "2025", "-o"),
    }
    for name, args in targets.items():
        out = tmp_path / name
        out.write_bytes(b"old")
        result = run(*args, str(out), *CAT, "--lang", "en")
        assert result.exit_code == 2, result.output
        assert f"Cannot write {out}" in result.stderr and "Permission denied" in result.stderr
        assert "Traceback" not in result.output
        assert out.read_bytes() == b"old"
    assert _leftovers(tmp_path, set(targets)) == []  # every temporary file removed
    result = run("template", str(tmp_path / "t"), "--year", "2025", "--period", "TW4", *CAT)
    assert result.exit_code == 2 and "Permission denied" in result.stderr
    assert list((tmp_path / "t").iterdir()) == []


def test_a_disk_that_fills_up_keeps_the_old_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import iku_cli.outputs.recap as recap_output

    def half_then_full(recap: object, path: str | Path, lang: str = "id") -> None:
        Path(path).write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(recap_output, "write_recap", half_then_full)
    monkeypatch.setattr(os, "fsync", full)
    for name, args in {
        "rekap.xlsx": ("recap", str(Y2025), "--year", "2025", "-o"),
        "hasil.csv": ("compute", str(Y2025), "--format", "csv", "-o"),
    }.items():
        out = tmp_path / name
        out.write_bytes(b"old")
        result = run(*args, str(out), *CAT, "--lang", "en")
        assert result.exit_code == 2, result.output
        assert "the disk is full" in result.stderr
        assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
        assert out.read_bytes() == b"old"
    assert _leftovers(tmp_path, {"rekap.xlsx", "hasil.csv"}) == []


# --------------------------------------------------------------------------- runs at once


def test_runs_writing_the_same_file_at_once_leave_a_valid_file(tmp_path: Path) -> None:
    recap, table = tmp_path / "rekap.xlsx", tmp_path / "hasil.csv"
    children = [_iku("recap", Y2025, "--year", "2025", "-o", recap, *CAT) for _ in range(3)]
    children += [_iku("compute", Y2025, "--format", "csv", "-o", table, *CAT) for _ in range(3)]
    for child in children:
        assert child.wait(180) == 0, child.communicate()
    assert _valid_recap(recap)[0] == "Ringkasan"
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 21 and rows[0]["code"] == "1.1"
    assert _leftovers(tmp_path, {"rekap.xlsx", "hasil.csv"}) == []


# --------------------------------------------------------------------------- where outputs go


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("compute", str(Y2025), "--format", "csv", "-o", "{tmp}/tidak/ada/hasil.csv"),
         "does not exist"),
        (("compute", str(Y2025), "--format", "json", "-o", "{tmp}/folder"), "is a folder"),
        (("recap", str(Y2025), "--year", "2025", "-o", "{tmp}/tidak/ada/rekap.xlsx"),
         "does not exist"),
        (("recap", str(Y2025), "--year", "2025", "-o", "{tmp}/folder.xlsx"), "is a folder"),
        (("template", "{tmp}/berkas.txt", "--year", "2025", "--period", "TW4"), "not a folder"),
    ],
)  # fmt: skip
def test_an_output_that_cannot_be_a_file_is_a_clear_message(
    args: tuple[str, ...], says: str, run: Run, tmp_path: Path
) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder.xlsx").mkdir()
    (tmp_path / "berkas.txt").write_text("x", encoding="utf-8")
    filled = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run(*filled, *CAT, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert says in result.stderr and "Traceback" not in result.output
    target = filled[filled.index("-o") + 1 if "-o" in filled else 1]
    named = target if says != "does not exist" else str(Path(target).parent)
    assert named in result.stderr


def test_a_read_only_folder_is_a_clear_message(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root a folder's permissions do not stop a write: the refusal is simulated
    where the temporary file is made (test_a_read_only_folder_for_real runs otherwise)."""
    import iku_cli.outputs.atomic

    def refuse(*args: object, **kwargs: object) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(iku_cli.outputs.atomic, "make_temp", refuse)
    for args in (
        ("compute", str(Y2025), "--format", "csv", "-o", str(tmp_path / "hasil.csv")),
        ("recap", str(Y2025), "--year", "2025", "-o", str(tmp_path / "rekap.xlsx")),
        ("template", str(tmp_path), "--year", "2025", "--period", "TW4"),
    ):
        result = run(*args, *CAT, "--lang", "en")
        assert result.exit_code == 2, result.output
        assert "Permission denied" in result.stderr and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_for_real(run: Run, tmp_path: Path) -> None:  # pragma: no cover
    folder = tmp_path / "baca-saja"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run("compute", str(Y2025), "--format", "csv", "-o", str(folder / "h.csv"), *CAT)
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2 and "Traceback" not in result.output
