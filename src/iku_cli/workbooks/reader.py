"""Reading bureau workbooks into :class:`~iku_cli.core.submission.Submission` records, forgivingly.

What bureaus really send is accepted (DESIGN section 4): the data sheet found by
its header row wherever it stands, extra and reordered columns, blank and note
rows, codes typed as numbers, numbers typed as text the Indonesian way, identity
labels in any sheet. What cannot be read becomes a :class:`~iku_cli.core.findings.Finding`
naming the file, sheet and cell; nothing here raises for bad data. Judging the
values against the catalogue is :mod:`iku_cli.core.checks`' job.

Here the entries; the parts: :mod:`~iku_cli.workbooks.locate` (which files),
:mod:`~iku_cli.workbooks.raw` (one file, no catalogue), :mod:`~iku_cli.workbooks.bind`
(that against the catalogue), :mod:`~iku_cli.workbooks.parallel` (on every core).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.findings import Finding
from ..core.submission import Collection, Submission
from .bind import bind
from .locate import list_files
from .raw import read_raw

if TYPE_CHECKING:
    from ..core.catalogue import Catalogue


def read_workbook(
    path: Path | str, display: str, catalogue: Catalogue
) -> tuple[Submission | None, list[Finding]]:
    """Read one workbook; never raises for what the file holds.

    ``display`` is the path as the user gave it; every finding and the
    Submission carry it as ``file``.
    """
    return bind(read_raw(path, display), catalogue)


def read_paths(
    paths: Sequence[str | Path],
    catalogue: Catalogue,
    *,
    progress: Callable[[int, int], None] | None = None,
    on_file: Callable[[Submission | None, list[Finding]], None] | None = None,
) -> Collection:
    """Read every workbook the paths name (files, folders searched recursively).

    Raises IkuError only for a path that does not exist; what the files hold
    becomes findings in ``Collection.findings``. ``on_file`` is called with each
    file's submission and findings as soon as it is read, in no set order (see
    :func:`~iku_cli.workbooks.parallel.read_all`).
    """
    from .parallel import read_all
    from .prefetch import take

    # workers the command line started for these very paths (iku_cli.workbooks.prefetch), with
    # the listing they read from; else the folders listed now
    taken = take(paths)
    if taken is not None:
        (files, skipped, listing), share = taken
    else:
        listing = []
        files, skipped = list_files(paths, listing)
        share = None
    collection = Collection(skipped=skipped, findings=listing)
    # on several cores when there are enough files to pay for starting workers
    for submission, found in read_all(files, catalogue, progress, share=share, on_file=on_file):
        collection.files_read += 1
        if submission is not None:
            collection.submissions.append(submission)
        collection.findings.extend(found)
    return collection


__all__ = ["read_paths", "read_workbook"]
