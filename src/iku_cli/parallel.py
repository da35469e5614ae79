"""Reading many workbooks on several cores, where that pays.

A worker process reads a share of the files and sends back what it read (the
:class:`~iku_cli.submission.Submission` values and findings, never a workbook).
Starting workers costs something: on Linux a worker is forked from this process
in a few milliseconds, with the catalogue already in memory; where processes
are spawned (Windows, macOS) each starts a fresh interpreter and imports the
reader, a few hundred milliseconds. So the files are read in parallel only
from ``FORK_MIN_FILES`` (or ``SPAWN_MIN_FILES``) on, figures measured with
``bench/run.py``; below, or with ``IKU_JOBS=1``, one process reads them all.
Results come back in the files' order, so a run gives the same output either way.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from .catalogue import Catalogue
    from .findings import Finding
    from .submission import Submission

Read = tuple["Submission | None", list["Finding"]]
Job = tuple[Path, str]

FORK_MIN_FILES = 200
SPAWN_MIN_FILES = 2_000
CHUNK = 64  # files a worker reads before sending them back: progress, and little to pickle

_catalogue: Catalogue | None = None  # a worker's catalogue


def cores() -> int:
    """Cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _context(files: int) -> BaseContext | None:
    """How to start workers for ``files`` files; None: read them here."""
    setting = os.environ.get("IKU_JOBS", "").strip()
    if setting.isdigit() and int(setting) <= 1:
        return None
    methods = multiprocessing.get_all_start_methods()
    # forking copies this process: safe only while no other thread holds a lock
    if "fork" in methods and sys.platform != "darwin" and threading.active_count() == 1:
        return multiprocessing.get_context("fork") if files >= FORK_MIN_FILES else None
    return multiprocessing.get_context("spawn") if files >= SPAWN_MIN_FILES else None


def jobs_for(files: int) -> int:
    """Worker processes for ``files`` files (1: no workers)."""
    setting = os.environ.get("IKU_JOBS", "").strip()
    wanted = int(setting) if setting.isdigit() and int(setting) > 0 else cores()
    if wanted <= 1 or _context(files) is None:
        return 1
    return max(1, min(wanted, files // CHUNK))


def _init(catalogue: Catalogue) -> None:
    global _catalogue
    _catalogue = catalogue


def _read_chunk(chunk: Sequence[Job]) -> list[Read]:
    from .reader import read_workbook

    assert _catalogue is not None
    return [read_workbook(path, display, _catalogue) for path, display in chunk]


def read_all(
    files: Sequence[Job],
    catalogue: Catalogue,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Read]:
    """What :func:`~iku_cli.reader.read_workbook` gives for every file, in order; on
    several cores when it pays.

    With N cores, N - 1 workers read chunks from the front while this process reads
    chunks from the back: no core waits, and what this process reads is never pickled.
    A worker is handed a chunk only when it is about to need one (two in hand each),
    so the two ends meet wherever the speeds make them.
    """
    from .reader import read_workbook

    total = len(files)
    workers = jobs_for(total)
    context = _context(total) if workers > 1 else None
    if context is None:
        for done, (path, display) in enumerate(files, start=1):
            yield read_workbook(path, display, catalogue)
            if progress is not None:
                progress(done, total)
        return
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    import python_calamine  # noqa: F401  # once here, not once in every worker

    chunks = [files[i : i + CHUNK] for i in range(0, total, CHUNK)]
    results: list[list[Read] | None] = [None] * len(chunks)
    done = 0

    def finished(index: int, read: list[Read]) -> None:
        nonlocal done
        results[index] = read
        done += len(read)
        if progress is not None:
            progress(done, total)

    def here(index: int) -> None:
        finished(
            index, [read_workbook(path, display, catalogue) for path, display in chunks[index]]
        )

    handed: dict[int, Future[list[Read]]] = {}
    front, back = 0, len(chunks) - 1
    try:
        with ProcessPoolExecutor(
            workers - 1, mp_context=context, initializer=_init, initargs=(catalogue,)
        ) as pool:
            while front <= back:
                for index in [i for i, f in handed.items() if f.done()]:
                    finished(index, handed.pop(index).result())
                while len(handed) < 2 * (workers - 1) and front <= back:
                    handed[front] = pool.submit(_read_chunk, chunks[front])
                    front += 1
                if front <= back:
                    here(back)
                    back -= 1
            for index, future in sorted(handed.items()):
                finished(index, future.result())
    except (BrokenProcessPool, OSError):
        # a worker died (out of memory, a crash in a native library) or none could be
        # started: what is not read yet is read below, where a failure is one file's finding
        pass
    for index in range(len(chunks)):
        if results[index] is None:
            here(index)
        yield from results[index] or ()


__all__ = ["CHUNK", "FORK_MIN_FILES", "SPAWN_MIN_FILES", "cores", "jobs_for", "read_all"]
