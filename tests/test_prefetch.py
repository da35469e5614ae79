"""Reading starts before the command line is parsed, and only what the command reads is used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from conftest import ROOT, SHIPPED_CATALOGUE
from iku_cli.cli.app import app
from iku_cli.loading.catalogue_file import load
from iku_cli.workbooks import parallel, prefetch
from iku_cli.workbooks.reader import read_paths

sys.path.insert(0, str(ROOT / "bench"))

import generate

FORKS = "fork" in __import__("multiprocessing").get_all_start_methods() and sys.platform != "darwin"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate.generate(SHIPPED_CATALOGUE, 12, cache=tmp_path_factory.mktemp("bench"))


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IKU_JOBS", "2")
    monkeypatch.setattr(parallel, "FORK_MIN_FILES", 2)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    yield
    prefetch.stop()


@pytest.mark.parametrize(
    ("argv", "paths"),
    [
        (["compute", "laporan"], ["laporan"]),
        (["compute", "laporan", "--format", "json", "-y", "2025"], ["laporan"]),
        (["compute", "--period", "TW2", "laporan", "lain"], ["laporan"]),
        (["--catalogue", "k.yaml", "--lang", "en", "compute", "laporan"], ["laporan"]),
        (["compute", "-c", "k.yaml", "laporan", "--debug"], ["laporan"]),
        (["compute", "--format=json", "laporan"], ["laporan"]),
        (["validate", "a", "b", "--strict"], ["a", "b"]),
        (["validate", "--", "-aneh"], ["-aneh"]),
        (["recap", "laporan", "-o", "rekap.xlsx", "--year", "2025"], ["laporan"]),
        (["explain", "4.1", "laporan"], ["laporan"]),
        (["explain", "4.1"], None),
        (["compute", "laporan", "--help"], None),
        (["--version"], None),
        (["template", "keluar"], None),
        (["catalogue", "check"], None),
        ([], None),
        (["compute"], None),
    ],
)
def test_the_paths_a_command_line_names(argv: list[str], paths: list[str] | None) -> None:
    assert prefetch.guess_paths(argv) == paths


def test_the_options_that_take_a_value_are_the_apps() -> None:
    """The guess skips an option's value: its list must be the app's, whatever changes."""
    group = typer.main.get_command(app)
    taking: set[str] = set()
    flags: set[str] = set()
    commands = [group, *(group.commands[name] for name in prefetch.READERS)]  # type: ignore[attr-defined]
    for command in commands:
        for param in command.params:
            if param.param_type_name != "option":
                continue
            names = {*param.opts, *param.secondary_opts}
            (flags if param.is_flag else taking).update(names)  # type: ignore[attr-defined]
    assert taking == set(prefetch.VALUE_OPTIONS)
    assert not flags & set(prefetch.VALUE_OPTIONS)


@pytest.mark.skipif(not FORKS, reason="workers are forked only where fork is safe")
def test_a_command_takes_the_workers_started_for_its_paths(
    folder: Path, monkeypatch: pytest.MonkeyPatch, small_chunks: None
) -> None:
    catalogue = load(SHIPPED_CATALOGUE)
    monkeypatch.setenv("IKU_JOBS", "1")
    serial = read_paths([folder], catalogue)
    monkeypatch.setenv("IKU_JOBS", "2")
    prefetch.begin(["compute", str(folder) + os.sep, "--format", "json"])
    pending = prefetch._pending
    assert pending is not None
    processes = list(pending[2].processes)
    seen: list[tuple[int, int]] = []
    early = read_paths([folder], catalogue, progress=lambda d, t: seen.append((d, t)))
    assert prefetch._pending is None
    assert repr(early) == repr(serial)
    assert seen[-1] == (12, 12)
    assert not any(p.is_alive() for p in processes)


@pytest.mark.skipif(not FORKS, reason="workers are forked only where fork is safe")
def test_workers_for_other_paths_are_stopped_and_not_used(
    folder: Path, tmp_path: Path, small_chunks: None
) -> None:
    catalogue = load(SHIPPED_CATALOGUE)
    prefetch.begin(["validate", str(folder)])
    pending = prefetch._pending
    assert pending is not None
    other = tmp_path / "lain"
    other.mkdir()
    assert prefetch.take([other]) is None
    assert not any(p.is_alive() for p in pending[2].processes)
    assert read_paths([other], catalogue).files_read == 0


@pytest.mark.skipif(not FORKS, reason="workers are forked only where fork is safe")
def test_nothing_starts_for_a_file_a_missing_path_or_few_files(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IKU_JOBS", "2")
    one = next(folder.glob("*.xlsx"))
    for argv in (["compute", str(one)], ["compute", str(tmp_path / "tidak-ada")]):
        prefetch.begin(argv)
        assert prefetch._pending is None
    prefetch.begin(["compute", str(folder)])  # 12 files: below FORK_MIN_FILES
    assert prefetch._pending is None


@pytest.mark.skipif(not FORKS, reason="workers are forked only where fork is safe")
def test_the_command_line_gives_the_same_result_with_workers_started_early(folder: Path) -> None:
    """Through cli.main, as the installed `iku` runs: workers started before parsing."""
    script = (
        "import sys; from iku_cli.workbooks import parallel, prefetch;"
        " from iku_cli.cli.app import main;"
        "parallel.FORK_MIN_FILES = 2; parallel.CHUNK = 3;"
        f"sys.argv = ['iku', 'compute', {str(folder)!r}, '--format', 'json',"
        f" '--catalogue', {str(SHIPPED_CATALOGUE)!r}];"
        "main()"
    )
    runs = {}
    for jobs in ("1", "2"):
        env = {**os.environ, "IKU_JOBS": jobs}
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        runs[jobs] = done.stdout
    assert runs["1"] == runs["2"]
    assert len(json.loads(runs["2"])["indicators"]) == 21
