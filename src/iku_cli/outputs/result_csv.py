"""The compute result as CSV: one row per indicator, UTF-8 with a BOM so Excel reads it."""

from __future__ import annotations

from ..core.result import Result
from ..i18n import Lang
from .safety import neutralise_value

BOM = "\ufeff"


def render_csv(result: Result, lang: Lang = "id") -> bytes:
    """The CSV bytes (BOM first), from :meth:`Result.to_frame`.

    Every text field is neutralised against formula injection (:mod:`iku_cli.outputs.safety`):
    Excel opens this file directly, and no text in it may become a formula.
    """
    frame = result.to_frame(lang).map(neutralise_value)  # numbers pass through unchanged
    text: str = frame.to_csv(index=False, lineterminator="\n")
    return (BOM + text).encode("utf-8")
