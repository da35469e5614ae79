"""The library API: what ``iku compute`` does, for a notebook or a script.

>>> import iku_cli
>>> result = iku_cli.compute("laporan/2025", period="TW4")   # doctest: +SKIP
>>> result.to_frame()                                           # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .core.catalogue import Catalogue
from .core.errors import IkuError
from .core.result import Result
from .core.submission import Collection
from .loading.catalogue_file import load

PathLike = str | Path


def as_paths(path: PathLike | Sequence[PathLike]) -> list[PathLike]:
    """One path or several, as a list; each must exist (IkuError otherwise)."""
    paths: list[PathLike] = [path] if isinstance(path, str | Path) else list(path)
    if not paths:
        raise IkuError("compute.path_missing", path="-")
    for item in paths:
        if not Path(item).exists():
            raise IkuError("compute.path_missing", path=str(item))
    return paths


def as_catalogue(catalogue: PathLike | Catalogue) -> Catalogue:
    """A Catalogue object as it is, a path loaded (CatalogueError when unusable)."""
    if isinstance(catalogue, Catalogue):
        return catalogue
    return load(catalogue)


def check_request(
    catalogue: Catalogue,
    path: PathLike | Sequence[PathLike],
    year: int | None = None,
    period: str | None = None,
) -> list[PathLike]:
    """Refuse what can be refused before reading (which can take a while); the paths."""
    from .core.periods import parse_period

    paths = as_paths(path)
    if year is not None and year not in catalogue.years:
        years = ", ".join(str(y) for y in catalogue.years)
        raise IkuError("compute.year_unknown", year=year, years=years)
    if period is not None and parse_period(period) is None:
        raise IkuError("error.bad_period", value=period)
    return paths


def read(
    path: PathLike | Sequence[PathLike],
    catalogue: Catalogue,
    progress: Callable[..., Any] | None = None,
) -> Collection:
    """Read every workbook under ``path`` (a file, a folder, or a list of them) and check it.

    ``Collection.findings`` then holds the reader's findings, every submission's
    checks and the folder-level ones (duplicates, falling values, and, when a
    folder was given, missing submissions), as ``iku validate`` reports them.
    """
    return read_checked(as_paths(path), catalogue, progress)


def read_checked(
    paths: Sequence[PathLike],
    catalogue: Catalogue,
    progress: Callable[..., Any] | None = None,
) -> Collection:
    """:func:`read` of paths as ``iku validate`` takes them: one that does not exist
    stops reading with ``read.path_not_found`` before anything is read."""
    from .core.checks import Checker
    from .workbooks.reader import read_paths

    # each workbook is checked as soon as it is read (on every core's share of the time)
    checker = Checker(catalogue)
    collection = read_paths(paths, catalogue, progress=progress, on_file=checker.add)
    # missing submissions are looked for only when a folder (the whole set) was given
    complete = any(Path(p).is_dir() for p in paths)
    collection.findings = checker.findings(collection, complete=complete)
    return collection


def compute(
    path: PathLike | Sequence[PathLike],
    year: int | None = None,
    period: str | None = None,
    catalogue: PathLike | Catalogue = "indicators.yaml",
) -> Result:
    """Read ``path`` and compute every indicator for ``year`` and ``period``.

    Without ``year``/``period`` the latest present are used (``result.note()``
    says which). Raises :class:`~iku_cli.core.errors.IkuError` when nothing can be
    computed (missing path, unknown year, no submissions, unusable catalogue);
    problems in the workbooks are in ``result.findings``.
    """
    from .core.figures import compute as compute_core

    cat = as_catalogue(catalogue)
    paths = check_request(cat, path, year, period)
    collection = read(paths, cat)
    from .core.errors import about

    with about(paths):
        return compute_core(cat, collection, year, period)
