"""`iku lkjip PATH --year Y --output FILE.docx [--period TWn]`: chapter III of the LKjIP in
Word."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
from .recap import PeriodOpt, YearOpt

PathArg = Annotated[
    Path, typer.Argument(help=h("help.lkjip.path"), metavar=h("metavar.path"), show_default=False)
]
OutputOpt = Annotated[
    Path,
    typer.Option(
        "--output", "-o", help=h("help.lkjip.output"), metavar=h("metavar.docx"), show_default=False
    ),
]


@guarded
def lkjip(
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
    if output.suffix.lower() != ".docx":
        raise IkuError("lkjip.not_docx", path=str(output))
    check_target(output)
    warn_if_inside(output, path, opts.lang)

    from ...core.chapter import build_chapter
    from ...outputs.lkjip import write_chapter

    with reading_progress(opts.lang, stderr_is_terminal(), "compute.reading") as advance:
        collection = read(path, cat, progress=advance)
    with about(path):
        chapter = build_chapter(cat, collection, year, period)
    tables, charts = write_output(
        output, path, collection, opts.catalogue, lambda tmp: write_chapter(chapter, tmp, opts.lang)
    )

    if chapter.final:
        status = t("recap.final", opts.lang)
    else:
        status = t("recap.provisional" if chapter.provisional else "recap.not_final", opts.lang)
    out_console().print(
        t(
            "lkjip.written",
            opts.lang,
            year=chapter.year,
            period=chapter.period,
            status=status,
            path=output,
            goals=len(chapter.goals),
            indicators=sum(len(g.indicators) for g in chapter.goals),
            tables=tables,
            charts=charts,
        ),
        markup=False,
        highlight=False,
    )
    errors = report_reading(collection.findings, collection.skipped, path, opts.lang)
    if errors:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("lkjip", help=h("help.lkjip"))(lkjip)
