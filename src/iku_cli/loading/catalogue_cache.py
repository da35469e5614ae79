"""A checked catalogue kept between runs, so that a large one is not parsed and checked again.

Reading and checking a catalogue costs its YAML parse, a key path and line for every
value, and every rule of :mod:`iku_cli.core.catalogue_checks`: 60 ms of CPU for a province's 500
indicators, each time any command starts. What that work concludes depends only on
the file's bytes and on the code that checks them, so the checked catalogue is kept
under a name made of both (the sha256 of the file, and of the checking code and the
versions of Python and pydantic), and read back in about 8 ms.

What is kept is the catalogue as JSON, never pickle: nothing in a cache file can run
code, and pydantic validates it again on the way in. A cache file that is unreadable,
damaged or from other code is ignored (and replaced); the cache never decides
anything the catalogue file does not say. A catalogue with a mistake is never kept:
its problems are reported by a full check on every run.

Where: ``IKU_CACHE_DIR`` when set, else the user's cache folder (``~/.cache/iku``,
``$XDG_CACHE_HOME/iku``, ``~/Library/Caches/iku``, ``%LOCALAPPDATA%\\iku\\Cache``).
``IKU_CACHE=off`` turns it off. At most ``KEEP`` files are kept, the oldest removed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
from pathlib import Path

from ..core.catalogue import Catalogue
from ..core.catalogue_checks import restore_expressions

KEEP = 32
MAX_BYTES = 64 * 1024 * 1024  # a cache file larger than any checked catalogue can be
_OFF = {"0", "off", "no", "false"}


def cache_dir() -> Path | None:
    """The folder for cached catalogues; None when the cache is turned off."""
    if os.environ.get("IKU_CACHE", "").strip().lower() in _OFF:
        return None
    given = os.environ.get("IKU_CACHE_DIR", "").strip()
    if given:
        return Path(given)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "iku" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "iku"
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "iku"


@functools.cache
def code_fingerprint() -> str:
    """What the cached conclusion depends on besides the file: the checking code (hashed,
    so an edited checkout never reads an older conclusion) and the versions that shape
    the models."""
    import pydantic

    from ..core import catalogue, catalogue_checks, catalogue_validation, formula
    from ..version import __version__

    digest = hashlib.sha256()
    for module in (catalogue, catalogue_checks, catalogue_validation, formula):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(f"{__version__} {sys.version_info[:2]} {pydantic.VERSION}".encode())
    return digest.hexdigest()[:20]


class CatalogueCache:
    """Checked catalogues in ``folder``, by the sha256 of their file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, sha256: str) -> Path:
        return self.folder / f"catalogue-{sha256[:40]}-{code_fingerprint()}.json"

    def get(self, sha256: str, file: str) -> Catalogue | None:
        """The catalogue checked before whose file had ``sha256``, as loaded from ``file``."""
        try:
            path = self.path_for(sha256)
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                return None
            catalogue = Catalogue.model_validate_json(data)
        except (OSError, ValueError):  # missing, unreadable, or not what was written
            return None
        if catalogue.sha256 != sha256:
            return None
        restore_expressions(catalogue)
        return catalogue.model_copy(update={"path": file})

    def put(self, catalogue: Catalogue) -> None:
        """Keep ``catalogue`` (checked); a folder that cannot be written is no error."""
        from ..core.errors import IkuError
        from ..outputs.atomic import write_atomic

        with contextlib.suppress(OSError, IkuError):
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            data = catalogue.model_dump_json(by_alias=True, exclude={"path"})
            write_atomic(self.path_for(catalogue.sha256), data)
            self.prune()

    def prune(self) -> None:
        """Remove the oldest cache files beyond KEEP."""
        files = sorted(
            self.folder.glob("catalogue-*.json"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in files[KEEP:]:
            with contextlib.suppress(OSError):
                old.unlink()


def default_cache() -> CatalogueCache | None:
    """The cache the environment asks for (None: off)."""
    folder = cache_dir()
    return CatalogueCache(folder) if folder is not None else None


__all__ = ["KEEP", "CatalogueCache", "cache_dir", "code_fingerprint", "default_cache"]
