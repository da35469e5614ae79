"""Reading starts while the command line is still being parsed.

Before any file is read a run pays its start-up: Typer parsing the options (which
imports pydantic, 70 ms) and the catalogue. Reading a workbook needs neither
(:func:`~iku_cli.workbooks.raw.read_raw`), so ``iku compute``, ``validate``, ``recap``,
``lkjip`` and
``explain`` over a folder of many workbooks start the reading workers first
(:func:`begin`, from :func:`iku_cli.cli.app.main`), from a quick look at the command line.
The look is only a guess: the command, once Typer has parsed it properly, takes the
workers (:func:`take`) only when it reads exactly the paths guessed; otherwise they
are stopped and nothing is lost but a little work. Nothing here ever fails a run.
"""

from __future__ import annotations

import atexit
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.findings import Finding
    from .parallel import Job, Share

Listing = tuple[list["Job"], list[str], list["Finding"]]  # files, skipped, their findings

# the commands that read workbooks, and how many leading arguments are not paths
READERS = {"compute": 0, "validate": 0, "recap": 0, "explain": 1, "lkjip": 0}
SINGLE_PATH = {"compute", "recap", "explain", "lkjip"}
# every option of the app and of those commands that takes a value (checked by a test)
VALUE_OPTIONS = frozenset(
    {"--catalogue", "-c", "--lang", "--year", "-y", "--period", "-p", "--format", "-f",
     "--output", "-o"}
)  # fmt: skip
STOP = frozenset({"--help", "-h", "--version", "-V"})

_pending: tuple[tuple[str, ...], Listing, Share] | None = None
_looked_at: tuple[str, ...] | None = None  # the command line begin() last looked at


def guess_paths(argv: Sequence[str]) -> list[str] | None:
    """The paths a reading command in ``argv`` (without the program name) names; None
    when it is another command, asks for help, or cannot be told apart."""
    args = list(argv)
    command = None
    positional: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg in STOP:
            return None
        if arg == "--":
            positional += args[i:]
            break
        if arg.startswith("-") and len(arg) > 1:
            if arg in VALUE_OPTIONS:
                i += 1  # its value
            continue
        if command is None:
            command = arg
            if command not in READERS:
                return None
        else:
            positional.append(arg)
    if command is None:
        return None
    paths = positional[READERS[command] :]
    if command in SINGLE_PATH:
        paths = paths[:1]
    return paths or None


def _key(paths: Sequence[str | Path]) -> tuple[str, ...]:
    return tuple(str(Path(p)) for p in paths)


def begin(argv: Sequence[str]) -> None:
    """Start reading what ``argv`` seems to name, when it is many workbooks."""
    global _pending, _looked_at
    # the console script looks first, before importing the CLI; cli.main looks again
    # for those who call it directly
    if _pending is not None or _looked_at == tuple(argv):
        return
    _looked_at = tuple(argv)
    if os.environ.get("IKU_PREFETCH", "").strip().lower() in {"off", "0", "no"}:
        return  # for bench/run.py: measure what starting early saves
    try:
        guessed = guess_paths(argv)
        if not guessed or not all(os.path.isdir(p) for p in guessed):
            return  # a single file is read faster than workers start
        from .locate import list_files
        from .parallel import start

        # as the command will be given them: typer makes each argument a Path
        paths = [Path(p) for p in guessed]
        found: list[Finding] = []
        files, skipped = list_files(paths, found)
        share = start(files)
        if share is None:
            return
        _pending = (_key(paths), (files, skipped, found), share)
        atexit.register(stop)
    except Exception:  # a guess only: the command will read properly, and say what is wrong
        return


def take(paths: Sequence[str | Path]) -> tuple[Listing, Share] | None:
    """The listing and the workers started for exactly ``paths``, once; None otherwise
    (workers started for other paths are stopped)."""
    global _pending, _looked_at
    _looked_at = None
    if _pending is None:
        return None
    key, listing, share = _pending
    _pending = None
    if key != _key(paths):
        share.stop()
        return None
    return listing, share


def stop() -> None:
    """Stop workers that no command took (the run ended before reading, or read other paths)."""
    global _pending, _looked_at
    _looked_at = None
    if _pending is not None:
        _pending[2].stop()
        _pending = None


__all__ = ["READERS", "VALUE_OPTIONS", "begin", "guess_paths", "stop", "take"]
