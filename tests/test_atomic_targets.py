"""Output targets that are not plain files: links, devices, FIFOs, long names, stale temps."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from iku_cli.core.errors import IkuError
from iku_cli.outputs.atomic import clean_stale, os_error, write_atomic


def test_symlink_target_is_replaced_not_the_link(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "hasil.json"
    real.write_text("old")
    link = tmp_path / "hasil.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
    assert not [p for p in shared.iterdir() if p.name.startswith(".iku-")]


def test_fifo_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, b"data")
    reader.join(5)
    assert got == [b"data"]
    assert fifo.is_fifo()


@pytest.mark.skipif(os.geteuid() != 0, reason="replacing /dev/null needs root")
def test_dev_null_stays_a_device() -> None:
    write_atomic("/dev/null", b"data")
    assert Path("/dev/null").is_char_device()


def test_long_name_gets_the_right_message(tmp_path: Path) -> None:
    # 250 bytes: the old ".name.XXXX.json" temporary name was over the limit
    near = tmp_path / ("a" * 245 + ".json")
    write_atomic(near, "x")
    assert near.read_text() == "x"
    with pytest.raises(IkuError) as caught:
        write_atomic(tmp_path / ("a" * 256 + ".json"), "x")
    assert caught.value.key == "output.name_too_long"
    assert "Excel" not in caught.value.message("en")


def test_errno_messages() -> None:
    assert os_error("x", OSError(errno.ENOSPC, "No space")).key == "output.disk_full"
    assert os_error("x", OSError(errno.ENAMETOOLONG, "long")).key == "output.name_too_long"
    assert os_error("x", OSError(errno.EACCES, "denied")).key == "output.permission"


def test_stale_temp_of_a_killed_run_is_cleaned(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    dead = tmp_path / f".iku-{proc.pid}-0123abcd.tmp"
    dead.write_text("half")
    old = tmp_path / f".iku-{os.getppid()}-89abcdef.tmp"  # a live pid, but old
    old.write_text("half")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    fresh = tmp_path / f".iku-{os.getppid()}-00000000.tmp"  # a live run's own
    fresh.write_text("busy")
    others = [tmp_path / ".iku-notes.tmp", tmp_path / ".hasil.json.abc.json", tmp_path / "x.tmp"]
    for other in others:
        other.write_text("keep")
        os.utime(other, (0, 0))
    write_atomic(tmp_path / "hasil.json", "{}")
    assert not dead.exists() and not old.exists()
    assert fresh.exists()
    assert all(o.read_text() == "keep" for o in others)
    assert clean_stale(tmp_path) == []


def test_disk_full_one_line_no_traceback(tmp_path: Path) -> None:
    """The recap writer's bytes go to /dev/full through a symlink: one line, exit 2."""
    root = Path(__file__).parent.parent
    link = tmp_path / "rekap.xlsx"
    link.symlink_to("/dev/full")
    env = {**os.environ, "IKU_LANG": "en"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "iku_cli",
            "recap",
            str(root / "examples"),
            "--year",
            "2025",
            "--output",
            str(link),
            "--catalogue",
            str(root / "indicators.yaml"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert "disk is full" in done.stderr
