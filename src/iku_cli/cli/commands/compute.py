"""`iku compute PATH [--year Y] [--period TWn] [--format table|json|csv|xlsx] [--output FILE]`."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ...i18n import Lang, t
from .common import (
    CatalogueOpt,
    DebugOpt,
    LangOpt,
    fail,
    files_looked_at,
    guarded,
    h,
    load_catalogue,
    out_console,
    reading_progress,
    report_reading,
    say,
    settings,
    stderr_is_terminal,
    warn_if_inside,
)

if TYPE_CHECKING:
    from ...core.catalogue import Catalogue
    from ...core.result import Result

FORMATS = ("table", "json", "csv", "xlsx")
# what an --output file's extension says its format is
BY_EXTENSION = {".json": "json", ".csv": "csv", ".xlsx": "xlsx"}


def output_format(format: str | None, output: Path | None) -> tuple[str, str | None]:
    """The format to write, or (``""``, message key) when the request does not fit:
    with ``--output`` and no ``--format`` the file's extension decides."""
    if output is None:
        if format == "xlsx":  # a workbook's bytes on a terminal helps nobody
            return "", "error.xlsx_needs_output"
        return format or "table", None
    implied = BY_EXTENSION.get(output.suffix.lower())
    if format is None:
        return (implied, None) if implied else ("", "error.output_extension_unknown")
    if implied is not None and implied != format:
        return "", "error.output_extension_mismatch"
    return format, None


PathArg = Annotated[
    Path, typer.Argument(help=h("help.compute.path"), metavar=h("metavar.path"), show_default=False)
]
YearOpt = Annotated[
    int | None,
    typer.Option(
        "--year", "-y", help=h("help.compute.year"), metavar=h("metavar.year"), show_default=False
    ),
]
PeriodOpt = Annotated[
    str | None,
    typer.Option(
        "--period",
        "-p",
        help=h("help.compute.period"),
        metavar=h("metavar.period"),
        show_default=False,
    ),
]


def run_compute(
    path: Path,
    cat: Catalogue,
    year: int | None,
    period: str | None,
    lang: Lang,
    *,
    say_choice: bool = True,
    progress: bool = True,
) -> Result:
    """Read ``path`` (progress on a terminal), compute, and say on stderr what was used
    (``say_choice=False`` when the output says it already) and what reading found."""
    from ...api import check_request, read
    from ...core.errors import about
    from ...core.figures import compute

    check_request(cat, path, year, period)
    enabled = progress and stderr_is_terminal()
    with reading_progress(lang, enabled, "compute.reading") as advance:
        collection = read(path, cat, progress=advance)
    with about(path):
        result = compute(cat, collection, year, period)
    if say_choice:
        say(result.note(lang))
    report_reading(result.findings, result.skipped, path, lang)
    return result


def emit(data: bytes) -> None:
    """Bytes to stdout as they are (UTF-8), whatever the console's code page."""
    stream = sys.stdout
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # pragma: no cover - a stdout without bytes underneath
        stream.write(data.decode("utf-8"))
        stream.flush()


@guarded
def compute(
    path: PathArg,
    *,
    year: YearOpt = None,
    period: PeriodOpt = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=h("help.compute.format"),
            show_default=False,
            metavar=h("metavar.format"),
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=h("help.compute.output"),
            metavar=h("metavar.file"),
            show_default=False,
        ),
    ] = None,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    opts = settings(catalogue, lang, debug)
    if format is not None and format not in FORMATS:
        choices = ", ".join(FORMATS)
        raise fail(t("error.bad_format", opts.lang, value=format, choices=choices), opts.lang)
    given = format
    format, problem = output_format(format, output)
    if problem is not None:
        suffix = output.suffix if output is not None else ""
        message = t(problem, opts.lang, path=output, suffix=suffix or "-", format=given)
        raise fail(message, opts.lang)
    cat = load_catalogue(opts)
    if output is not None:
        from ...outputs.atomic import check_target

        check_target(output)  # before reading, which can take a while
        warn_if_inside(output, path, opts.lang)
    # a bar only beside a table: JSON and CSV runs are for scripts
    result = run_compute(path, cat, year, period, opts.lang, progress=format == "table")
    if format == "table" and output is None:
        console = out_console()
        from ...outputs.result_table import result_table

        for part in result_table(result, opts.lang):
            console.print(part)
    else:
        data = render(result, format, opts.lang)
        if output is None:
            emit(data)
        else:
            from ...outputs.atomic import write_atomic

            # nor the catalogue: `--output indicators.yaml` once replaced it with the CSV
            looked_at = files_looked_at(
                path,
                (s.file for s in result.submissions),
                (f.file for f in result.findings),
                result.skipped,
            )
            protected = [*looked_at, opts.catalogue]
            write_atomic(output, data, protected=protected)
            say(t("compute.written", opts.lang, path=output))
    if result.errors:
        raise typer.Exit(1)


def render(result: Result, format: str, lang: Lang) -> bytes:
    """The result as bytes in ``format`` (table: plain text, as on a wide terminal)."""
    if format == "json":
        from ...outputs.result_json import render_json

        return render_json(result, lang).encode("utf-8")
    if format == "csv":
        from ...outputs.result_csv import render_csv

        return render_csv(result, lang)
    if format == "xlsx":
        from ...outputs.result_xlsx import render_xlsx

        return render_xlsx(result, lang)
    from rich.console import Console

    from ...outputs.result_table import result_table

    buffer = io.StringIO()
    console = Console(file=buffer, width=160, color_system=None, legacy_windows=False)
    for part in result_table(result, lang):
        console.print(part)
    return buffer.getvalue().encode("utf-8")


def register(app: typer.Typer) -> None:
    app.command("compute", help=h("help.compute"))(compute)
