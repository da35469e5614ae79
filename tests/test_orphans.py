"""Issue 11 item 12: a reader worker never outlives the ``iku`` process.

The parent alone is killed (as a scheduler or ``subprocess.terminate()`` does) while
its workers read. The workers are frozen first (SIGSTOP), so they cannot finish on
their own: only dying with their parent removes them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IKU = Path(sys.executable).parent / "iku"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not IKU.exists(), reason="/proc and fork: Linux"
)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:  # fields: state, ppid, ...
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for i in range(4):
        shutil.copytree(
            ROOT / "examples", folder / f"copy{i}", ignore=shutil.ignore_patterns("invalid")
        )
    return folder


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGHUP])
def test_workers_die_with_their_parent(many: Path, sig: signal.Signals) -> None:
    env = {**os.environ, "IKU_JOBS": "2", "IKU_FORK_MIN_FILES": "2", "NO_COLOR": "1"}
    parent = subprocess.Popen(
        [str(IKU), "validate", str(many)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        # as a user's shell starts it, even when this test run ignores SIGHUP (nohup)
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL),
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 10
        while not workers and parent.poll() is None and time.monotonic() < deadline:
            workers = _children(parent.pid)
        if not workers:
            pytest.skip("the run ended before a worker could be seen")
        time.sleep(0.03)  # past the worker's first lines (where it asks to die with iku)
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGSTOP)  # frozen: it cannot end by itself
        parent.send_signal(sig)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [p for p in workers if _alive(p)] == []
    finally:
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()
            parent.wait()
