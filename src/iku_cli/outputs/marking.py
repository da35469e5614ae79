"""The mark every workbook iku writes carries, so that no run reads it back as a submission."""

from __future__ import annotations

from typing import Any

# a custom document property (docProps/custom.xml): "<kind> <iku version>"
OUTPUT_PROPERTY = "iku-output"


def mark_output(workbook: Any, kind: str) -> None:
    """Mark an XlsxWriter ``workbook`` as iku's own ``kind`` of output (``recap``,
    ``results``); templates are not marked: they come back filled as submissions."""
    from ..version import __version__

    workbook.set_custom_property(OUTPUT_PROPERTY, f"{kind} {__version__}")
