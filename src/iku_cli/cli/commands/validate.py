"""`iku validate PATH... [--format table|json] [--strict]`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ...i18n import t
from .common import (
    CatalogueOpt,
    DebugOpt,
    LangOpt,
    fail,
    guarded,
    h,
    load_catalogue,
    out_console,
    settings,
)
from .common import reading_progress as _progress
from .common import stderr_is_terminal as _stderr_is_tty

PathsArg = Annotated[
    list[Path],
    typer.Argument(help=h("help.arg.paths"), metavar=h("metavar.path"), show_default=False),
]


def register(app: typer.Typer) -> None:
    app.command("validate", help=h("help.validate"))(validate)


@guarded
def validate(
    paths: PathsArg,
    *,
    format: Annotated[
        str,
        typer.Option("--format", "-f", help=h("help.opt.format_tj"), metavar=h("metavar.format")),
    ] = "table",
    strict: Annotated[bool, typer.Option("--strict", help=h("help.opt.strict"))] = False,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    opts = settings(catalogue, lang, debug)
    if format not in {"table", "json"}:
        raise fail(t("error.bad_format", opts.lang, value=format, choices="table, json"), opts.lang)
    cat = load_catalogue(opts)

    from ...api import read_checked
    from ...core.submission import skipped_files

    # a path that does not exist stops reading before anything is read (exit 2); each
    # workbook is checked as it is read, the folder's checks (missing submissions only
    # when a folder was given) after the last
    with _progress(opts.lang, format == "table" and _stderr_is_tty()) as advance:
        collection = read_checked(paths, cat, progress=advance)
    if collection.files_read == 0:
        # nothing read is not "no problems": say so and stop, as compute does
        where = ", ".join(str(p) for p in paths)
        message = t("validate.nothing", opts.lang, paths=where, skipped=len(collection.skipped))
        raise fail(message, opts.lang)
    found = collection.findings

    if format == "json":
        from ...outputs.findings import findings_dict

        data = findings_dict(
            found,
            opts.lang,
            files=collection.files_read,
            skipped=len(collection.skipped),
            skipped_files=skipped_files(collection.skipped),
        )
        from ...outputs.json_text import dumps

        typer.echo(dumps(data))
    else:
        from ...outputs.findings import findings_table

        console = out_console()
        for part in findings_table(
            found,
            opts.lang,
            files=collection.files_read,
            skipped=len(collection.skipped),
            skipped_files=skipped_files(collection.skipped),
        ):
            console.print(part)
    errors = sum(1 for f in found if f.is_error)
    if errors or (strict and found):
        raise typer.Exit(1)
