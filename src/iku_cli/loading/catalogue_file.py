"""A catalogue file read (size limit, UTF-8, sha256), parsed, checked, and kept in the cache."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.catalogue import Catalogue
from ..core.catalogue_checks import check
from ..core.errors import CatalogueError, CatalogueProblem

if TYPE_CHECKING:
    from .catalogue_cache import CatalogueCache

MAX_CATALOGUE_BYTES = 20_000_000


def load(path: str | Path, cache: CatalogueCache | None = None) -> Catalogue:
    """Read, check and return the catalogue at ``path``; raises CatalogueError.

    With ``cache``, a catalogue whose very bytes were checked before by this code is
    read back instead of checked again (see :mod:`iku_cli.loading.catalogue_cache`).
    """
    file = str(path)
    p = Path(path)

    def fail(key: str, **params: object) -> CatalogueError:
        return CatalogueError(
            file, [CatalogueProblem(file, None, "", key, {"file": file, **params})]
        )

    try:
        # a folder (Windows says "permission denied" for one) is a mistake in the name
        if p.is_dir():
            raise fail("catalogue.is_directory")
        size = p.stat().st_size
        if size > MAX_CATALOGUE_BYTES:
            raise fail("catalogue.too_big", size=size, limit=MAX_CATALOGUE_BYTES)
        with p.open("rb") as handle:
            # never more than the limit, whatever stat said (a device, a growing file)
            raw = handle.read(MAX_CATALOGUE_BYTES + 1)
        if len(raw) > MAX_CATALOGUE_BYTES:
            raise fail(
                "catalogue.too_big", size=f"> {MAX_CATALOGUE_BYTES}", limit=MAX_CATALOGUE_BYTES
            )
    except FileNotFoundError:
        raise fail("catalogue.not_found") from None
    except OSError as exc:
        raise fail("catalogue.unreadable", detail=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail("catalogue.not_utf8", line=raw[: exc.start].count(b"\n") + 1) from None
    sha256 = hashlib.sha256(raw).hexdigest()
    if cache is not None:
        kept = cache.get(sha256, file)
        if kept is not None:
            return kept
    catalogue = loads(text, file=file, sha256=sha256)
    if cache is not None:
        cache.put(catalogue)
    return catalogue


def loads(text: str, file: str = "indicators.yaml", sha256: str | None = None) -> Catalogue:
    """Check and return a catalogue from YAML text; raises CatalogueError."""
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    from .catalogue_yaml import _parse_yaml  # PyYAML only when a file is parsed

    tree, problems = _parse_yaml(text, file)
    return check(file, tree, problems, sha256)


__all__ = ["MAX_CATALOGUE_BYTES", "load", "loads"]
