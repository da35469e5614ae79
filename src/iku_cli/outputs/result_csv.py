"""The compute result as CSV: one row per indicator, UTF-8 with a BOM so Excel reads it."""

from __future__ import annotations

from ..i18n import Lang
from ..result import Result

BOM = "\ufeff"


def render_csv(result: Result, lang: Lang = "id") -> bytes:
    """The CSV bytes (BOM first), from :meth:`Result.to_frame`."""
    frame = result.to_frame(lang)
    text: str = frame.to_csv(index=False, lineterminator="\n")
    return (BOM + text).encode("utf-8")
