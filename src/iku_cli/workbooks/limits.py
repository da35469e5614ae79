"""The limits a workbook must keep within, and WorkbookProblem for one that cannot be read."""

from __future__ import annotations

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB
MAX_UNZIPPED_BYTES = 100 * MB  # DESIGN section 11
MAX_MEMBERS = 10_000
MAX_RATIO = 250  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = MB
MAX_CELLS = 3_000_000  # used area (rows x columns) of one sheet
MAX_ROWS = 5_000  # rows of one sheet turned into Python values
DEFLATE_LIMIT = 1032  # deflate never inflates more than this many times
_CHUNK = MB
MAX_SHARED_STRINGS = 500_000  # texts in a workbook's shared table; a submission has hundreds
MAX_SHEETS = 1_000


class WorkbookProblem(Exception):
    """A file that cannot be read as a workbook; ``code`` is a finding code."""

    def __init__(self, code: str, sheet: str | None = None, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.sheet = sheet
        self.params = params


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB"


def _detail(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:200]
