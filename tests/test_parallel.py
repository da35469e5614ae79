"""Reading on several cores gives what reading in one process gives, in the same order,
and a worker that dies costs no file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHIPPED_CATALOGUE
from iku_cli.loading.catalogue_file import load
from iku_cli.workbooks import parallel
from iku_cli.workbooks.locate import list_files
from iku_cli.workbooks.reader import read_paths

sys.path.insert(0, str(ROOT / "bench"))

import generate

FORKS = "fork" in __import__("multiprocessing").get_all_start_methods() and sys.platform != "darwin"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate.generate(SHIPPED_CATALOGUE, 12, cache=tmp_path_factory.mktemp("bench"))


def _shape(collection: object) -> list[object]:
    subs = collection.submissions  # type: ignore[attr-defined]
    found = collection.findings  # type: ignore[attr-defined]
    return [
        [(s.file, s.owner, s.year, s.period, s.sha256, s.values) for s in subs],
        [(f.code, f.file, f.cell) for f in found],
        collection.files_read,  # type: ignore[attr-defined]
    ]


def test_one_process_below_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IKU_JOBS", raising=False)
    assert parallel.jobs_for(parallel.FORK_MIN_FILES - 1) == 1
    monkeypatch.setenv("IKU_JOBS", "1")
    assert parallel.jobs_for(100_000) == 1


@pytest.mark.skipif(not FORKS, reason="workers are forked only where fork is safe")
def test_parallel_reading_equals_serial(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalogue = load(SHIPPED_CATALOGUE)
    monkeypatch.setenv("IKU_JOBS", "1")
    serial = read_paths([folder], catalogue)
    monkeypatch.setenv("IKU_JOBS", "2")
    monkeypatch.setattr(parallel, "FORK_MIN_FILES", 2)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    assert parallel.jobs_for(12) == 2
    seen: list[tuple[int, int]] = []
    parallel_read = read_paths([folder], catalogue, progress=lambda d, t: seen.append((d, t)))
    assert _shape(parallel_read) == _shape(serial)
    assert seen[-1] == (12, 12) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def _die(*args: object) -> None:
    os._exit(3)  # a worker killed mid-way (out of memory, a crash in a native library)


def _die_after_one(
    chunks: object, ends: object, lock: object, conn: object, parent: object
) -> None:
    """A worker that sends one chunk read, then takes another and dies before sending it."""
    from iku_cli.workbooks.raw import read_raw

    taken = []
    for _ in range(2):
        with lock:  # type: ignore[attr-defined]
            index = ends[0]  # type: ignore[index]
            ends[0] = index + 1  # type: ignore[index]
        taken.append(index)
    first = chunks[taken[0]]  # type: ignore[index]
    conn.send((taken[0], [read_raw(path, display) for path, display in first]))  # type: ignore[attr-defined]
    os._exit(3)


@pytest.mark.skipif(not FORKS, reason="workers are forked only where fork is safe")
@pytest.mark.parametrize("death", [_die, _die_after_one])
def test_a_dead_worker_costs_no_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch, death: object
) -> None:
    catalogue = load(SHIPPED_CATALOGUE)
    files, _ = list_files([folder])
    monkeypatch.setenv("IKU_JOBS", "2")
    monkeypatch.setattr(parallel, "FORK_MIN_FILES", 2)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    monkeypatch.setattr(parallel, "_serve", death)
    monkeypatch.setenv("IKU_JOBS", "1")
    serial = list(parallel.read_all(files, catalogue))
    monkeypatch.setenv("IKU_JOBS", "2")
    read = list(parallel.read_all(files, catalogue))
    assert len(read) == len(files)
    assert [sub.file for sub, _ in read if sub is not None] == [d for _, d in files]
    assert repr(read) == repr(serial)


@pytest.mark.skipif(not FORKS, reason="workers are forked only where fork is safe")
def test_workers_stop_when_no_one_reads_their_files(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, _ = list_files([folder])
    monkeypatch.setenv("IKU_JOBS", "2")
    monkeypatch.setattr(parallel, "FORK_MIN_FILES", 2)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    share = parallel.start(files)
    assert share is not None
    processes = list(share.processes)
    share.stop()
    assert processes and not any(p.is_alive() for p in processes)
