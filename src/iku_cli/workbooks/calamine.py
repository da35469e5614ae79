"""python-calamine opened safely: its Rust panics turned into findings, Ctrl-C still stops."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from typing import Any

from .limits import WorkbookProblem, _detail


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """Silence what Rust writes to file descriptor 2 (a panic's message on a damaged
    .xls, caught and reported as a finding) for the duration of the call."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 2)
        finally:
            os.close(null)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _calamine_open(data: bytes, quiet: bool = False) -> Any:
    from python_calamine import CalamineWorkbook, PasswordError

    # nullcontext when not quiet: the generator's context manager took a microsecond
    # to do nothing
    try:
        with _quiet_native_stderr() if quiet else contextlib.nullcontext():
            return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        raise WorkbookProblem("file-encrypted") from None
    except BaseException as exc:
        _reraise_fatal(exc)
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise WorkbookProblem("file-encrypted") from None
        raise WorkbookProblem("file-corrupt", detail=_detail(exc)) from None


def _reraise_fatal(exc: BaseException) -> None:
    """calamine's Rust panics arrive as BaseException; the user's Ctrl-C must still stop."""
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
        raise exc
