"""The workbooks to read (:func:`list_files`): the folder walk, links, the ignore marker."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core import findings
from ..core.errors import IkuError
from ..core.findings import Finding

EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})


def _is_ignored(name: str) -> bool:
    """Excel lock files and hidden files are never submissions."""
    return name.startswith("~$") or name.startswith(".")


IGNORE_MARKER = ".ikuignore"


def list_files(
    paths: Iterable[str | Path], found: list[Finding] | None = None
) -> tuple[list[tuple[Path, str]], list[str]]:
    """(path, display) of every workbook to read, and the files skipped; raises IkuError
    (exit 2) for a path that does not exist.

    In a folder, a link (symlink) that leads outside the folder is not followed, and
    neither is anything that is not a plain file (a pipe would block the run): both are
    skipped, a link with a ``link-outside-folder`` warning. A subfolder that cannot be
    listed gives ``folder-unreadable``. Those findings go to ``found`` when given. A
    file reached twice (a link inside the folder, a path named twice) is read once.
    """
    files: list[tuple[Path, str]] = []
    skipped: list[str] = []
    said: list[Finding] = found if found is not None else []
    seen: set[object] = set()
    for given in list(paths):
        display = displayable(str(given))
        path = Path(given)
        if not path.exists():
            raise IkuError("read.path_not_found", path=display)
        if path.is_dir():
            _Walk(path, display, files, skipped, said, seen).run()
        elif not path.name.startswith("~$"):
            key = _identity(path)
            if key not in seen:
                seen.add(key)
                files.append((path, display))
    return files, skipped


def displayable(name: str) -> str:
    """A file name as text every output can hold: bytes that are not UTF-8 (a name from
    a zip made on another system) become U+FFFD instead of failing JSON and xlsx."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return name


def _identity(path: Path) -> object:
    """What makes two paths the same file (device and inode; the path when unknown)."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return os.path.normcase(os.path.abspath(path))
    return (info.st_dev, info.st_ino)


@dataclass
class _Walk:
    """One folder given on the command line, walked for workbooks."""

    path: Path
    display: str
    files: list[tuple[Path, str]]
    skipped: list[str]
    said: list[Finding]
    seen: set[object]

    def run(self) -> None:
        self.root = os.path.realpath(self.path)
        for folder, dirs, names in os.walk(self.path, onerror=self.unreadable):
            relative = os.path.relpath(folder, self.path)
            if relative != "." and IGNORE_MARKER in names:
                # a folder that asks to be left out when its parent is read (it is
                # still read when named itself): examples/invalid, archives, drafts
                dirs.clear()
                self.skipped.append(os.path.join(self.display, relative) + os.sep)
                continue
            # os.walk does not enter a linked folder; one that leads outside is said
            dirs[:] = [
                name
                for name in sorted(d for d in dirs if not d.startswith("."))
                if not self.leads_outside(os.path.join(folder, name), folder=True)
            ]
            # the folder's part of each file's shown name made once: os.path.relpath for
            # every file took 30 us (it makes both paths absolute, asking for the cwd)
            prefix = self.display
            if relative != ".":
                prefix = os.path.join(self.display, displayable(relative))
            for name in sorted(names):
                if not _is_ignored(name):
                    shown = os.path.join(prefix, displayable(name))
                    self.file(os.path.join(folder, name), name, shown)

    def file(self, full: str, name: str, shown: str) -> None:
        if os.path.splitext(name)[1].lower() not in EXTENSIONS:
            self.skipped.append(shown)
            return
        try:
            info = os.lstat(full)
            if stat.S_ISLNK(info.st_mode):
                if self.leads_outside(full):
                    return
                info = os.stat(full)
        except OSError:
            # a link that leads nowhere, a file gone since: reading it says why
            self.files.append((Path(full), shown))
            return
        if not stat.S_ISREG(info.st_mode):
            self.skipped.append(shown)  # a pipe or a device: reading it could block
            return
        key = (info.st_dev, info.st_ino)
        if key not in self.seen:
            self.seen.add(key)
            self.files.append((Path(full), shown))

    def shown(self, full: str) -> str:
        relative = displayable(os.path.relpath(full, self.path))
        return self.display if relative == "." else os.path.join(self.display, relative)

    def leads_outside(self, full: str, folder: bool = False) -> bool:
        """True (and skipped, with a warning) for a link that leads outside the folder."""
        if not os.path.islink(full):
            return False
        target = os.path.realpath(full)
        try:
            inside = os.path.commonpath([self.root, target]) == self.root
        except ValueError:  # another drive on Windows
            inside = False
        if inside:
            return False
        shown = self.shown(full)
        self.skipped.append(shown + os.sep if folder else shown)
        self.said.append(findings.warning("link-outside-folder", file=shown, target=target))
        return True

    def unreadable(self, exc: OSError) -> None:
        where = self.shown(str(exc.filename)) if exc.filename else self.display
        self.skipped.append(where + os.sep)
        detail = exc.strerror or str(exc)
        self.said.append(findings.error("folder-unreadable", file=where, detail=detail))


__all__ = ["EXTENSIONS", "IGNORE_MARKER", "list_files"]
