"""Each workbook checked as soon as it is read (``Checker.add``, on every core's share of
the time) gives exactly what checking the whole collection afterwards (``check_all``)
gives: the same findings, in the same order, in one process or several."""

from __future__ import annotations

import os
import random
import sys
import threading
from pathlib import Path

import pytest

from _reader_kit import CATALOGUE_YAML, filled, submission, write_xlsx
from conftest import EXAMPLES, ROOT, SHIPPED_CATALOGUE
from iku_cli.core import checks, findings
from iku_cli.core.catalogue import Catalogue
from iku_cli.core.checks import Checker, check_all
from iku_cli.core.findings import Finding
from iku_cli.core.submission import Collection, Submission
from iku_cli.loading.catalogue_file import load, loads
from iku_cli.workbooks import parallel
from iku_cli.workbooks.locate import list_files
from iku_cli.workbooks.reader import read_paths

sys.path.insert(0, str(ROOT / "bench"))

import generate

FORKS = "fork" in __import__("multiprocessing").get_all_start_methods() and sys.platform != "darwin"


def _checked_while_reading(paths: list[Path], cat: object, complete: bool) -> list[Finding]:
    checker = Checker(cat)  # type: ignore[arg-type]
    collection = read_paths(paths, cat, on_file=checker.add)  # type: ignore[arg-type]
    return checker.findings(collection, complete=complete)


@pytest.mark.parametrize(
    ("folder", "complete"),
    [(EXAMPLES, True), (EXAMPLES / "invalid", True), (EXAMPLES / "2025", False)],
)
def test_checked_while_reading_equals_check_all(folder: Path, complete: bool) -> None:
    cat = load(SHIPPED_CATALOGUE)
    collection = read_paths([folder], cat)
    expected = check_all(collection, cat, complete=complete)
    assert expected  # the examples do have findings, of every kind
    assert repr(_checked_while_reading([folder], cat, complete)) == repr(expected)


def test_submissions_added_in_any_order_give_the_same() -> None:
    cat = load(SHIPPED_CATALOGUE)
    collection = read_paths([EXAMPLES], cat)
    expected = check_all(collection, cat)
    by_file: dict[str | None, list[Finding]] = {}
    for f in collection.findings:
        by_file.setdefault(f.file, []).append(f)
    subs = list(collection.submissions)
    random.Random(7).shuffle(subs)
    checker = Checker(cat)
    for sub in subs[: len(subs) // 2]:  # the rest are left for findings() to check
        checker.add(sub, by_file.get(sub.file, []))
    assert repr(checker.findings(collection)) == repr(expected)


def _narrative_case(tmp_path: Path) -> tuple[Catalogue, Collection, Submission, Checker]:
    """A workbook below target in 1.1 and 1.10 without an Analisis sheet, already added
    to a Checker (as it is while reading)."""
    path = write_xlsx(tmp_path / "a.xlsx", submission(filled()))
    cat = loads(CATALOGUE_YAML, file="k.yaml")
    collection = read_paths([path], cat)
    sub = collection.submissions[0]
    checker = Checker(cat)
    checker.add(sub, list(collection.findings))
    return cat, collection, sub, checker


def _folder_also_finds(monkeypatch: pytest.MonkeyPatch, finding: Finding) -> None:
    """The folder's checks find ``finding`` besides what they find."""
    real = checks.check_collection
    monkeypatch.setattr(checks, "check_collection", lambda *a, **k: [*real(*a, **k), finding])


def _missing_narratives(found: list[Finding]) -> set[str | None]:
    return {f.indicator for f in found if f.code == "narrative-missing"}


def test_an_error_the_folder_finds_judges_the_analysis_sheet_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cat, collection, sub, checker = _narrative_case(tmp_path)
    # before the folder is looked at, both indicators miss their narrative
    assert _missing_narratives(checker.narratives[sub.file]) == {"1.1", "1.10"}
    # a folder-level error on 1.1 of this workbook: 1.1's figure is then not judged
    _folder_also_finds(
        monkeypatch,
        findings.error(
            "value-not-a-number", file=sub.file, sheet="Data", cell="F9", indicator="1.1", text="x"
        ),
    )
    expected = check_all(collection, cat, complete=False)
    got = checker.findings(collection, complete=False)
    assert _missing_narratives(expected) == {"1.10"}
    assert repr(got) == repr(expected)


def test_a_folder_finding_without_an_error_keeps_what_was_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, collection, _, checker = _narrative_case(tmp_path)
    judged: list[Submission] = []
    real = checks.check_narratives

    def counted(s: Submission, *args: object) -> list[Finding]:
        judged.append(s)
        return real(s, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "check_narratives", counted)
    _folder_also_finds(
        monkeypatch,
        findings.warning("missing-submission", owner="Biro A", year=2025, period="TW2"),
    )
    got = checker.findings(collection, complete=False)
    assert judged == []  # nothing new about the workbook's errors: not judged again
    assert _missing_narratives(got) == {"1.1", "1.10"}


@pytest.fixture(scope="module")
def bench_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate.generate(SHIPPED_CATALOGUE, 12, cache=tmp_path_factory.mktemp("bench"))


def _parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IKU_JOBS", "2")
    monkeypatch.setattr(parallel, "FORK_MIN_FILES", 2)
    monkeypatch.setattr(parallel, "CHUNK", 3)


@pytest.mark.skipif(not FORKS, reason="workers are forked only where fork is safe")
def test_on_several_cores_each_file_is_checked_once_in_this_process(
    bench_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cat = load(SHIPPED_CATALOGUE)
    monkeypatch.setenv("IKU_JOBS", "1")
    serial = check_all(read_paths([bench_folder], cat), cat)
    _parallel(monkeypatch)
    calls: list[tuple[int, str | None]] = []
    checker = Checker(cat)

    def add(sub: Submission | None, found: list[Finding]) -> None:
        calls.append((os.getpid(), sub.file if sub else None))
        checker.add(sub, found)

    collection = read_paths([bench_folder], cat, on_file=add)
    files = [display for _, display in list_files([bench_folder])[0]]
    assert {pid for pid, _ in calls} == {os.getpid()}
    assert sorted(file for _, file in calls if file) == sorted(files)
    assert len(calls) == len(files) == 12
    assert repr(checker.findings(collection)) == repr(serial)


@pytest.mark.skipif(not FORKS, reason="workers are forked only where fork is safe")
def test_a_worker_sends_each_chunk_as_soon_as_it_is_read(
    bench_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    from iku_cli.workbooks import raw as raw_module

    files, _ = list_files([bench_folder])
    chunks = [files[i : i + 3] for i in range(0, len(files), 3)]
    context = multiprocessing.get_context("fork")
    last_may_be_read = context.Event()
    real = raw_module.read_raw

    def read_raw(path: Path, display: str) -> object:
        # the last file is read only once the first chunk has come back
        if display == files[-1][1]:
            last_may_be_read.wait(10)
        return real(path, display)

    monkeypatch.setattr(raw_module, "read_raw", read_raw)  # the forked worker has it too
    ends = context.RawArray("q", [0, len(chunks) - 1])
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(
        target=parallel._serve, args=(chunks, ends, context.Lock(), send, os.getpid())
    )
    worker.start()
    send.close()
    try:
        assert receive.poll(5), "the first chunk did not come back while the worker read on"
        messages = [receive.recv()]
    finally:
        last_may_be_read.set()
    while True:
        try:
            messages.append(receive.recv())
        except EOFError:  # the worker closes its pipe when every chunk is taken
            break
    worker.join()
    assert [index for index, _ in messages] == list(range(len(chunks)))  # one per chunk
    assert [[raw.file for raw in raws] for _, raws in messages] == [
        [display for _, display in chunk] for chunk in chunks
    ]


@pytest.mark.skipif(not FORKS, reason="workers are forked only where fork is safe")
def test_the_drain_thread_ends_with_the_workers(
    bench_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _parallel(monkeypatch)
    files, _ = list_files([bench_folder])
    before = threading.active_count()
    read = parallel.start(files)
    assert read is not None and read.drain.is_alive()
    assert len(read.read(lambda raw: raw.file)) == len(files)
    unused = parallel.start(files)  # workers no command took
    assert unused is not None
    unused.stop()
    for share in (read, unused):
        assert not share.drain.is_alive()
        assert not any(p.is_alive() for p in share.processes)
    assert threading.active_count() == before
