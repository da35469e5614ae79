"""Writing an output file safely: a temporary file beside the target, then renamed into place.

A reader never sees half a file, a failed run leaves the old file as it was,
and a run never writes over one of its own inputs.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..core.errors import IkuError


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


# iku's own temporary names: short (a target name near the 255-byte limit still fits)
# and carrying the creating process, so that one left by a killed run can be removed
_TEMP = re.compile(r"\.iku-(\d+)-[0-9a-f]{8}\.tmp")
STALE_SECONDS = 30 * 60


def os_error(path: str | Path, exc: OSError) -> IkuError:
    """The message that says what really went wrong writing ``path``."""
    detail = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return IkuError("output.disk_full", path=str(path))
    if exc.errno == errno.ENAMETOOLONG:
        return IkuError("output.name_too_long", path=str(path))
    if exc.errno == errno.EISDIR:
        return IkuError("output.is_directory", path=str(path))
    return IkuError("output.permission", path=str(path), detail=detail)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


def clean_stale(folder: Path) -> list[Path]:
    """Remove temporary files of iku's own naming left in ``folder`` by a killed run
    (its process gone, or older than STALE_SECONDS); never anything else."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        match = _TEMP.fullmatch(name)
        if match is None:
            continue
        full = folder / name
        try:
            info = os.lstat(full)
            if not stat.S_ISREG(info.st_mode):
                continue
            pid = int(match.group(1))
            if pid == os.getpid():
                continue
            if _alive(pid) and now - info.st_mtime < STALE_SECONDS:
                continue
            full.unlink()
            removed.append(full)
        except OSError:
            continue
    return removed


def make_temp(folder: Path) -> Path:
    """A new empty temporary file of iku's naming in ``folder``; raises OSError."""
    tmp = folder / f".iku-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return tmp


def _special(path: Path) -> bool:
    """A device or a FIFO: written directly, never replaced by a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode)


def check_target(target: str | Path, protected: Iterable[str | Path] = ()) -> Path:
    """The target as a Path once it is known to be writable in principle; raises IkuError.

    A symlink stands for the file it points to: that file is the one replaced.
    """
    path = Path(target)
    if len(os.fsencode(path.name)) > 255:
        raise IkuError("output.name_too_long", path=str(path))
    if path.is_symlink():
        path = Path(os.path.realpath(path))
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
    special = _special(path)
    folder = path.parent if str(path.parent) else Path(".")
    if special:  # a device or a FIFO: the content is made aside, then written into it
        import tempfile

        folder = Path(tempfile.gettempdir())
    else:
        clean_stale(folder)
    try:
        tmp = make_temp(folder)
    except OSError as exc:
        raise os_error(path, exc) from None
    try:
        yield tmp
        try:
            if special:
                with tmp.open("rb") as source, path.open("wb") as sink:
                    while chunk := source.read(1 << 20):
                        sink.write(chunk)
            else:
                os.chmod(tmp, _mode_for(path))
                os.replace(tmp, path)
        except OSError as exc:
            raise os_error(path, exc) from None
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
            raise os_error(target, exc) from None
    return Path(target)
