"""Reading many workbooks on several cores, where that pays.

Reading a workbook needs no catalogue (:func:`~iku_cli.workbooks.raw.read_raw`); binding
what was read to the catalogue (:func:`~iku_cli.workbooks.bind.bind`) is cheap, and done in
this process, in the files' order. So workers can start before the catalogue is
loaded, and even before the command line is parsed (:mod:`iku_cli.workbooks.prefetch`).

A :class:`Share` of the files: N - 1 worker processes take chunks from the front of
the list while this process takes chunks from the back, through a pair of counters
in shared memory, so no core waits and the two ends meet wherever the speeds make
them. A worker sends back each chunk it read as soon as it is read (plain records,
never a workbook); a thread of this process takes them off the pipes, so a worker
never waits on a full pipe, and this process binds and checks them (``process``)
between chunks of its own. So the work done here on every file is shared out like
the reading, not left for the end. What this process reads is never pickled. A
worker that dies costs no file: a chunk it had taken and not sent is read here.
Starting workers costs something: on Linux a worker is forked in
a few milliseconds; where processes are spawned (Windows, macOS) each starts a fresh
interpreter and imports the reader, a few hundred milliseconds. So the files are read
in parallel only from ``FORK_MIN_FILES`` (or ``SPAWN_MIN_FILES``) on, figures measured
with ``bench/run.py``; below, or with ``IKU_JOBS=1``, one process reads them all.
Results come back in the files' order, so a run gives the same output either way.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkContext, SpawnContext

    from ..core.catalogue import Catalogue
    from ..core.findings import Finding
    from ..core.submission import Submission
    from .raw import RawRead

Read = tuple["Submission | None", list["Finding"]]
Job = tuple[Path, str]

FORK_MIN_FILES = 200
SPAWN_MIN_FILES = 2_000
CHUNK = 64  # files a worker reads before sending them back: progress, and little to pickle


def cores() -> int:
    """Cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _fork_min() -> int:
    """``FORK_MIN_FILES``, or ``IKU_FORK_MIN_FILES`` when set (tests use a small folder)."""
    setting = os.environ.get("IKU_FORK_MIN_FILES", "").strip()
    return int(setting) if setting.isdigit() else FORK_MIN_FILES


def _die_with(parent: int) -> None:
    """Make this worker end when ``parent`` does, however it ends (issue 11 item 12).

    On Linux the kernel sends SIGKILL when the parent dies (``PR_SET_PDEATHSIG``);
    everywhere, a watchdog thread ends the worker once its parent is gone (it is then
    re-parented). Either way no worker outlives the ``iku`` process.
    """
    if sys.platform.startswith("linux"):
        import contextlib
        import ctypes
        import signal

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _context(files: int) -> ForkContext | SpawnContext | None:
    """How to start workers for ``files`` files; None: read them here."""
    setting = os.environ.get("IKU_JOBS", "").strip()
    if setting.isdigit() and int(setting) <= 1:
        return None
    methods = multiprocessing.get_all_start_methods()
    # forking copies this process: safe only while no other thread holds a lock
    if "fork" in methods and sys.platform != "darwin" and threading.active_count() == 1:
        return multiprocessing.get_context("fork") if files >= _fork_min() else None
    return multiprocessing.get_context("spawn") if files >= SPAWN_MIN_FILES else None


def jobs_for(files: int) -> int:
    """Worker processes for ``files`` files (1: no workers)."""
    setting = os.environ.get("IKU_JOBS", "").strip()
    wanted = int(setting) if setting.isdigit() and int(setting) > 0 else cores()
    if wanted <= 1 or _context(files) is None:
        return 1
    return max(1, min(wanted, files // CHUNK))


def _serve(
    chunks: Sequence[Sequence[Job]], ends: Any, lock: Any, conn: Connection, parent: int
) -> None:
    """A worker: take the next chunk from the front while any is left, and send each
    one back as soon as it is read; closing the pipe says it is done."""
    _die_with(parent)
    from .raw import read_raw

    try:
        while True:
            with lock:
                index = ends[0]
                if index > ends[1]:
                    break
                ends[0] = index + 1
            conn.send((index, [read_raw(path, display) for path, display in chunks[index]]))
    except (OSError, EOFError, KeyboardInterrupt):
        pass  # this process stopped listening, or the user stopped the run
    finally:
        conn.close()


class Share:
    """Files being read by ``workers - 1`` worker processes and this one (see the module)."""

    def __init__(
        self, files: Sequence[Job], workers: int, context: ForkContext | SpawnContext
    ) -> None:
        self.files = files
        self.chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
        self.ends: Any = context.RawArray("q", [0, len(self.chunks) - 1])  # next front, back
        self.lock: Any = context.Lock()
        self.conns: list[Connection] = []
        self.processes: list[Any] = []
        self.done = 0
        # what the workers sent, pickled, as the drain thread took it off their pipes;
        # None once every pipe is closed
        self.inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.drained = False
        for _ in range(max(1, workers - 1)):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(
                target=_serve,
                args=(self.chunks, self.ends, self.lock, send, os.getpid()),
                daemon=True,
            )
            process.start()
            send.close()
            self.conns.append(receive)
            self.processes.append(process)
        # started after the last fork: no worker is forked while it runs
        self.drain = threading.Thread(target=self._drain, args=(list(self.conns),), daemon=True)
        self.drain.start()

    def _drain(self, conns: list[Connection]) -> None:
        """The drain thread: every message of every worker into the inbox, until each
        pipe is closed (the worker is done, died or was stopped)."""
        from multiprocessing.connection import wait

        try:
            while conns:
                ready = wait(conns)
                for conn in [c for c in conns if c in ready]:
                    try:
                        self.inbox.put(conn.recv_bytes())
                    except (EOFError, OSError):
                        conns.remove(conn)
        except (OSError, ValueError):  # a pipe closed under it by stop()
            pass
        finally:
            self.inbox.put(None)

    def _take_back(self) -> int | None:
        with self.lock:
            index: int = self.ends[1]
            if index < self.ends[0]:
                return None
            self.ends[1] = index - 1
            return index

    def _take_in(
        self,
        block: bool,
        done: list[list[Any] | None],
        process: Callable[[RawRead], Any],
        progress: Callable[[int, int], None] | None,
    ) -> bool:
        """Process one chunk a worker sent (waiting for one when ``block``); False when
        none is waiting, or when none will come any more."""
        if self.drained:
            return False
        try:
            data = self.inbox.get(block)
        except queue.Empty:
            return False
        if data is None:
            self.drained = True
            return False
        index, raws = pickle.loads(data)
        done[index] = [process(raw) for raw in raws]
        self._count(len(raws), progress)
        return True

    def _count(self, files: int, progress: Callable[[int, int], None] | None) -> None:
        self.done += files
        if progress is not None:
            progress(min(self.done, len(self.files)), len(self.files))

    def read(
        self,
        process: Callable[[RawRead], Any],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Any]:
        """``process`` of every file read, in the files' order. What the workers sent is
        processed first; then this process reads a chunk from the back, until the ends
        meet; then it processes the workers' last chunks as they come."""
        from .raw import read_raw

        done: list[list[Any] | None] = [None] * len(self.chunks)
        try:
            while True:
                if self._take_in(False, done, process, progress):
                    continue
                index = self._take_back()
                if index is None:
                    break
                done[index] = [process(read_raw(path, d)) for path, d in self.chunks[index]]
                self._count(len(self.chunks[index]), progress)
            while self._take_in(True, done, process, progress):
                pass
        finally:
            self.stop()
        for index, processed in enumerate(done):
            if processed is None:  # taken by a worker that died before sending it
                done[index] = [process(read_raw(path, d)) for path, d in self.chunks[index]]
        return [item for processed in done for item in processed or ()]

    def stop(self) -> None:
        """End the workers (done, or no longer wanted) and let go of their pipes."""
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            process.join()
        # every worker is gone, so every pipe is closed: the drain thread ends
        self.drain.join()
        for conn in self.conns:
            conn.close()
        self.conns = []
        self.processes = []


def start(files: Sequence[Job]) -> Share | None:
    """Workers reading ``files`` when that pays (else None: read them in this process)."""
    workers = jobs_for(len(files))
    context = _context(len(files)) if workers > 1 else None
    if context is None:
        return None
    try:
        return Share(files, workers, context)
    except OSError:  # no process could be started (limits, memory): read here
        return None


def read_all(
    files: Sequence[Job],
    catalogue: Catalogue,
    progress: Callable[[int, int], None] | None = None,
    share: Share | None = None,
    on_file: Callable[[Submission | None, list[Finding]], None] | None = None,
) -> list[Read]:
    """What :func:`~iku_cli.workbooks.reader.read_workbook` gives for every file, in order; on
    several cores when it pays (``share``: workers started already, for ``files``).

    ``on_file`` is called in this process with each file's submission and findings as
    soon as it is bound, in no set order: work on each file (its checks) done there is
    shared out with the reading instead of left for the end."""
    from .bind import bind
    from .raw import read_raw

    def process(raw: RawRead) -> Read:
        read = bind(raw, catalogue)
        if on_file is not None:
            on_file(*read)
        return read

    share = share if share is not None else start(files)
    if share is None:
        out: list[Read] = []
        for done, (path, display) in enumerate(files, start=1):
            out.append(process(read_raw(path, display)))
            if progress is not None:
                progress(done, len(files))
        return out
    return share.read(process, progress)


__all__ = [
    "CHUNK",
    "FORK_MIN_FILES",
    "SPAWN_MIN_FILES",
    "Share",
    "cores",
    "jobs_for",
    "read_all",
    "start",
]
