"""Reliability campaign, inputs are sacred: every command run over the examples leaves
each input file byte for byte and timestamp for timestamp as it was, opens none of
them for writing, and refuses to write an output over one of them.

The commands run over a copy of examples/ and indicators.yaml (timestamps kept), so
that a failure here can never damage the repository's own files: the first run of
this test found that `iku compute --output indicators.yaml` replaced the catalogue.
"""

from __future__ import annotations

import builtins
import hashlib
import io
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import EXAMPLES, SHIPPED_CATALOGUE, Result

Run = Callable[..., Result]

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the examples and the shipped catalogue, timestamps kept."""
    examples = shutil.copytree(EXAMPLES, tmp_path / "in" / "examples")
    catalogue = Path(shutil.copy2(SHIPPED_CATALOGUE, tmp_path / "in" / "indicators.yaml"))
    return Path(examples), catalogue


def _inputs(examples: Path, catalogue: Path) -> list[Path]:
    return [catalogue, *sorted(p for p in examples.rglob("*") if p.is_file())]


def _snapshot(examples: Path, catalogue: Path) -> dict[Path, tuple[str, int, int, int]]:
    """sha256, modification time (ns), size and mode of every input file."""
    found = {}
    for path in _inputs(examples, catalogue):
        info = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        found[path] = (digest, info.st_mtime_ns, info.st_size, info.st_mode)
    return found


def _commands(examples: Path, catalogue: Path, out: Path) -> list[tuple[str, ...]]:
    c = ("--catalogue", str(catalogue))
    e, y24, y25 = str(examples), str(examples / "2024"), str(examples / "2025")
    one = str(examples / "2025" / "2025-TW4-biro-pod.xlsx")
    invalid = str(examples / "invalid")
    return [
        ("catalogue", "check", str(catalogue)),
        ("catalogue", "show", str(catalogue)),
        ("catalogue", "show", str(catalogue), "--format", "json"),
        ("template", str(out / "templat"), "--year", "2025", "--period", "TW4", *c),
        ("template", str(out / "templat"), "--year", "2025", "--period", "TW4", "--force", *c),
        ("validate", e, *c),
        ("validate", e, "--format", "json", "--strict", *c),
        ("validate", invalid, one, *c),
        ("compute", y25, *c),
        ("compute", e, "--year", "2024", "--format", "json", *c),
        ("compute", y24, "--period", "TW2", "--format", "csv", *c),
        ("compute", y25, "--format", "csv", "--output", str(out / "hasil.csv"), *c),
        ("compute", y25, "--format", "json", "--output", str(out / "hasil.json"), *c),
        ("compute", y25, "--format", "table", "--output", str(out / "hasil.txt"), *c),
        ("compute", invalid, "--format", "json", *c),
        ("recap", e, "--year", "2025", "--output", str(out / "rekap.xlsx"), *c),
        ("recap", y24, "--year", "2024", "--period", "TW2", "-o", str(out / "rekap.xlsx"), *c),
        ("explain", "1.1", y25, *c),
        ("explain", "2.2", e, "--year", "2024", "--period", "TW3", *c),
        ("explain", "4.3", one, *c),
        # outputs named as inputs: refused, exit 2
        ("compute", y25, "--format", "json", "--output", one, *c),
        ("recap", y25, "--year", "2025", "--output", one, *c),
        ("compute", y25, "--format", "csv", "--output", str(catalogue), *c),
        ("compute", e, "--format", "csv", "--output", str(examples / "README.md"), *c),
    ]


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch, copy: tuple[Path, Path]) -> Iterator[list[str]]:
    """Every attempt to open an input for writing, or to rename, remove or touch one."""
    inputs = {os.path.realpath(p) for p in _inputs(*copy)}
    attempts: list[str] = []

    def is_input(path: object) -> bool:
        if isinstance(path, int):
            return False
        try:
            return os.path.realpath(os.fsdecode(path)) in inputs  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False

    real_open, real_os_open = builtins.open, os.open

    def watched_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if is_input(file) and set(mode) & set("wax+"):
            attempts.append(f"open({file}, {mode!r})")
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    def watched_os_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if is_input(path) and flags & WRITE_FLAGS:
            attempts.append(f"os.open({path}, {flags:#o})")
        return real_os_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "open", watched_open)
    monkeypatch.setattr(io, "open", watched_open)
    monkeypatch.setattr(os, "open", watched_os_open)
    for name in ("replace", "rename", "remove", "unlink", "chmod", "utime", "truncate"):
        real = getattr(os, name)

        def watched_call(
            *args: object, _real: object = real, _name: str = name, **kw: object
        ) -> object:
            if any(is_input(a) for a in args[:2]):
                attempts.append(f"os.{_name}{args}")
            return _real(*args, **kw)  # type: ignore[operator]

        monkeypatch.setattr(os, name, watched_call)
    yield attempts


def test_every_command_leaves_the_inputs_untouched(
    run: Run, tmp_path: Path, copy: tuple[Path, Path], watched: list[str]
) -> None:
    before = _snapshot(*copy)
    assert len(before) > 60  # the catalogue and every example
    assert before == {  # the copy is faithful: same bytes, same times
        path: value
        for path, value in zip(before, _snapshot(EXAMPLES, SHIPPED_CATALOGUE).values(), strict=True)
    }
    out = tmp_path / "out"
    out.mkdir()
    exits = {}
    for args in _commands(*copy, out):
        result = run(*args, "--lang", "en")
        exits[args] = result.exit_code
        assert "Traceback" not in result.output, args
        assert result.exit_code in (0, 1, 2), (args, result.output)
    assert watched == []
    after = _snapshot(*copy)
    changed = [str(p) for p in before if before[p] != after[p]]
    assert changed == []
    # the refusals were refusals, and the outputs were written beside, not over
    assert [code for args, code in exits.items() if code == 2] == [2, 2, 2, 2]
    assert {p.name for p in out.iterdir()} == {
        "templat", "hasil.csv", "hasil.json", "hasil.txt", "rekap.xlsx",
    }  # fmt: skip


def test_a_read_only_input_is_read(run: Run, tmp_path: Path) -> None:
    source = EXAMPLES / "2025" / "2025-TW4-biro-pod.xlsx"
    copy = tmp_path / source.name
    copy.write_bytes(source.read_bytes())
    copy.chmod(0o444)
    (tmp_path).chmod(0o555)
    try:
        result = run("validate", str(copy), "--catalogue", str(SHIPPED_CATALOGUE))
    finally:
        tmp_path.chmod(0o755)
    assert result.exit_code == 0, result.output
