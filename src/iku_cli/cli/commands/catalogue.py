"""`iku catalogue check` and `iku catalogue show`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ...i18n import t
from .common import (
    COMMAND_METAVAR,
    OPTIONS_METAVAR,
    CatalogueOpt,
    DebugOpt,
    LangOpt,
    fail,
    guarded,
    h,
    load_catalogue,
    settings,
)

app = typer.Typer(
    help=h("help.catalogue"),
    no_args_is_help=True,
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar=COMMAND_METAVAR,
)

FileArg = Annotated[
    Path | None,
    typer.Argument(
        help=h("help.arg.catalogue_file"), metavar=h("metavar.file"), show_default=False
    ),
]


@app.command("check", help=h("help.catalogue.check"))
@guarded
def check(
    file: FileArg = None,
    *,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    opts = settings(file or catalogue, lang, debug)
    cat = load_catalogue(opts, cached=False)  # a check always checks
    from .common import out_console

    out_console().print(
        t(
            "catalogue.ok",
            opts.lang,
            file=opts.catalogue,
            goals=len(cat.goals),
            indicators=len(cat.indicators),
            owners=len(cat.owners),
            years=len(cat.years),
            first=min(cat.years),
            last=max(cat.years),
        ),
        markup=False,
    )


@app.command("show", help=h("help.catalogue.show"))
@guarded
def show(
    file: FileArg = None,
    *,
    format: Annotated[
        str,
        typer.Option("--format", "-f", help=h("help.opt.format_tj"), metavar=h("metavar.format")),
    ] = "table",
    catalogue: CatalogueOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    opts = settings(file or catalogue, lang, debug)
    if format not in {"table", "json"}:
        raise fail(t("error.bad_format", opts.lang, value=format, choices="table, json"), opts.lang)
    cat = load_catalogue(opts)
    from ...outputs.catalogue import catalogue_dict, catalogue_table

    if format == "json":
        from ...outputs.json_text import dumps

        typer.echo(dumps(catalogue_dict(cat)))
        return
    from .common import out_console

    console = out_console()
    for part in catalogue_table(cat, opts.lang):
        console.print(part)
