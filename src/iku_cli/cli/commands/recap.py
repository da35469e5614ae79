"""`iku recap PATH --year Y --output FILE.xlsx [--period TWn]`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ...i18n import t
from .common import (
    CatalogueOpt,
    DebugOpt,
    LangOpt,
    guarded,
    h,
    load_catalogue,
    out_console,
    reading_progress,
    report_reading,
    settings,
    stderr_is_terminal,
    warn_if_inside,
    write_output,
)

if TYPE_CHECKING:
    pass

PathArg = Annotated[
    Path, typer.Argument(help=h("help.recap.path"), metavar=h("metavar.path"), show_default=False)
]
YearOpt = Annotated[
    int,
    typer.Option(
        "--year", "-y", help=h("help.recap.year"), metavar=h("metavar.year"), show_default=False
    ),
]
OutputOpt = Annotated[
    Path,
    typer.Option(
        "--output", "-o", help=h("help.recap.output"), metavar=h("metavar.xlsx"), show_default=False
    ),
]
PeriodOpt = Annotated[
    str | None,
    typer.Option(
        "--period",
        "-p",
        help=h("help.recap.period"),
        metavar=h("metavar.period"),
        show_default=False,
    ),
]


@guarded
def recap(
    path: PathArg,
    *,
    year: YearOpt,
    output: OutputOpt,
    period: PeriodOpt = None,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from ...api import check_request, read
    from ...core.errors import IkuError, about
    from ...outputs.atomic import check_target

    opts = settings(catalogue, lang, debug)
    cat = load_catalogue(opts)
    # everything that can be said before reading, which can take a while
    check_request(cat, path, year, period)
    if output.suffix.lower() != ".xlsx":
        raise IkuError("recap.not_xlsx", path=str(output))
    check_target(output)
    warn_if_inside(output, path, opts.lang)

    from ...core.recap import build_recap
    from ...outputs.recap import write_recap

    with reading_progress(opts.lang, stderr_is_terminal(), "compute.reading") as advance:
        collection = read(path, cat, progress=advance)
    with about(path):
        summary = build_recap(cat, collection, year, period)
    write_output(
        output, path, collection, opts.catalogue, lambda tmp: write_recap(summary, tmp, opts.lang)
    )

    if summary.final:
        status = t("recap.final", opts.lang)
    else:
        status = t("recap.provisional" if summary.provisional else "recap.not_final", opts.lang)
    out_console().print(
        t(
            "recap.written",
            opts.lang,
            year=summary.year,
            period=summary.period,
            status=status,
            path=output,
            indicators=len(summary.result.indicators),
            sources=len(summary.sources),
            submissions=len(summary.result.submissions),
        ),
        markup=False,
        highlight=False,
    )
    errors = report_reading(summary.findings, collection.skipped, path, opts.lang)
    if errors:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("recap", help=h("help.recap"))(recap)
