"""Findings as a terminal table grouped by file, or as JSON (the ``findings`` key is pinned)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..core.findings import Finding, count
from ..i18n import Lang, t
from .safety import printable

if TYPE_CHECKING:
    from rich.console import RenderableType


def findings_dict(
    found: Sequence[Finding],
    lang: Lang,
    *,
    files: int,
    skipped: int = 0,
    skipped_files: Sequence[str] = (),
) -> dict[str, Any]:
    """``{"files", "errors", "warnings", "skipped", "skipped_files", "findings": [...]}``."""
    errors, warnings = count(list(found))
    return {
        "files": files,
        "errors": errors,
        "warnings": warnings,
        "skipped": skipped,
        "skipped_files": list(skipped_files),
        "findings": [f.to_dict(lang) for f in found],
    }


def grouped(found: Sequence[Finding]) -> list[tuple[str | None, list[Finding]]]:
    """Findings per file, files in first-seen order; folder-level findings (no file) last."""
    groups: dict[str | None, list[Finding]] = {}
    for item in found:
        groups.setdefault(item.file, []).append(item)
    return sorted(groups.items(), key=lambda g: g[0] is None)


def findings_table(
    found: Sequence[Finding],
    lang: Lang,
    *,
    files: int,
    skipped: int = 0,
    skipped_files: Sequence[str] = (),
) -> list[RenderableType]:
    """One heading and table per file, then the closing count line."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    for file, items in grouped(found):
        # names and cell text come from submissions: no escape sequence reaches the terminal
        title = printable(file) if file is not None else t("validate.folder", lang)
        parts.append(Text(title, style="bold"))
        table = Table(box=box.SIMPLE, show_header=True, header_style="bold", pad_edge=False)
        table.add_column(t("col.severity", lang), no_wrap=True)
        table.add_column(t("col.location", lang), no_wrap=True)
        table.add_column(t("col.finding", lang), no_wrap=True)
        table.add_column(t("col.message", lang), overflow="fold")
        for item in items:
            style = "red" if item.is_error else "yellow"
            table.add_row(
                Text(t(item.severity, lang), style=style),
                Text(printable(item.location())),
                Text(item.title(lang)),
                Text(printable(item.message(lang))),
            )
        parts.append(table)
    errors, warnings = count(list(found))
    if not found:
        parts.append(Text(t("validate.clean", lang), style="green"))
    summary = t(
        "validate.summary", lang, files=files, errors=errors, warnings=warnings, skipped=skipped
    )
    parts.append(Text(summary, style="bold red" if errors else "bold"))
    if skipped_files:
        names = ", ".join(printable(name) for name in skipped_files)
        parts.append(Text(t("read.skipped_files", lang, files=names), style="yellow"))
    return parts


__all__ = ["findings_dict", "findings_table", "grouped"]
