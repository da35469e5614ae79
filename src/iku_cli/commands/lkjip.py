"""`iku lkjip PATH --year Y --output FILE.docx [--period TWn]`: chapter III of the LKjIP in
Word."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..findings import count
from ..i18n import t
from .common import (
    CatalogueOpt,
    DebugOpt,
    LangOpt,
    files_looked_at,
    guarded,
    h,
    load_catalogue,
    out_console,
    reading_progress,
    say,
    settings,
    stderr_is_terminal,
)

PathArg = Annotated[
    Path, typer.Argument(help=h("help.lkjip.path"), metavar="PATH", show_default=False)
]
YearOpt = Annotated[
    int, typer.Option("--year", "-y", help=h("help.recap.year"), metavar="Y", show_default=False)
]
OutputOpt = Annotated[
    Path,
    typer.Option(
        "--output", "-o", help=h("help.lkjip.output"), metavar="FILE.docx", show_default=False
    ),
]
PeriodOpt = Annotated[
    str | None,
    typer.Option("--period", "-p", help=h("help.recap.period"), metavar="TWn", show_default=False),
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
    from ..api import check_request, read
    from ..atomic import atomic_path, check_target
    from ..errors import IkuError

    opts = settings(catalogue, lang, debug)
    cat = load_catalogue(opts)
    # everything that can be said before reading, which can take a while
    check_request(cat, path, year, period)
    if output.suffix.lower() != ".docx":
        raise IkuError("lkjip.not_docx", path=str(output))
    check_target(output)

    from ..lkjip import build_chapter
    from ..outputs.lkjip import write_chapter

    with reading_progress(opts.lang, stderr_is_terminal(), "compute.reading") as advance:
        collection = read(path, cat, progress=advance)
    chapter = build_chapter(cat, collection, year, period)
    looked_at = files_looked_at(
        path,
        (s.file for s in collection.submissions),
        (f.file for f in collection.findings),
        collection.skipped,
    )
    protected = [*looked_at, opts.catalogue]  # the catalogue is an input too
    with atomic_path(output, protected=protected) as tmp:
        try:
            tables, charts = write_chapter(chapter, tmp, opts.lang)
        except OSError as exc:
            detail = exc.strerror or str(exc)
            raise IkuError("output.permission", path=str(output), detail=detail) from None

    status = t("recap.provisional" if chapter.provisional else "recap.final", opts.lang)
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
    errors, warnings = count(collection.findings)
    if errors or warnings:
        say(
            t("compute.findings", opts.lang, errors=errors, warnings=warnings),
            style="red" if errors else "yellow",
        )
    if errors:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("lkjip", help=h("help.lkjip"))(lkjip)
