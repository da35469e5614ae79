"""Writing an output file safely: a temporary file beside the target, then renamed into place.

A reader never sees half a file, a failed run leaves the old file as it was,
and a run never writes over one of its own inputs.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import IkuError


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_target(target: str | Path, protected: Iterable[str | Path] = ()) -> Path:
    """The target as a Path once it is known to be writable in principle; raises IkuError."""
    path = Path(target)
    if path.is_dir():
        raise IkuError("output.is_directory", path=str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise IkuError("output.no_folder", path=str(folder))
    resolved = path.resolve()
    for item in protected:
        other = Path(item)
        if other.resolve() == resolved or _same(path, other):
            raise IkuError("output.is_input", path=str(path))
    return path


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_path(target: str | Path, protected: Iterable[str | Path] = ()) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; renamed onto ``target`` on success.

    For writers that want a file name (XlsxWriter): ``with atomic_path(out) as tmp: ...``.
    Whatever goes wrong, ``target`` is either the old file or the complete new one.
    """
    path = check_target(target, protected)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=folder)
        os.close(fd)
    except OSError as exc:
        raise IkuError("output.permission", path=str(path), detail=exc.strerror or exc) from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        try:
            os.chmod(tmp, _mode_for(path))
            os.replace(tmp, path)
        except IsADirectoryError:
            raise IkuError("output.is_directory", path=str(path)) from None
        except OSError as exc:
            detail = exc.strerror or exc
            raise IkuError("output.permission", path=str(path), detail=detail) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def write_atomic(
    target: str | Path, data: bytes | str, protected: Iterable[str | Path] = ()
) -> Path:
    """Write ``data`` (str as UTF-8) to ``target`` atomically; never over a ``protected`` path."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(target, protected) as tmp:
        try:
            with tmp.open("wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise IkuError(
                "output.permission", path=str(target), detail=exc.strerror or exc
            ) from None
    return Path(target)
