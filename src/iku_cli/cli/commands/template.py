"""`iku template OUT_DIR --year Y --period TWn [--owner NAME]...`: the forms bureaus fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ...core.periods import parse_period
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


@guarded
def template(
    out_dir: Annotated[
        Path,
        typer.Argument(
            help=h("help.template.out_dir"), metavar=h("metavar.out_dir"), show_default=False
        ),
    ],
    *,
    year: Annotated[
        int, typer.Option("--year", "-y", help=h("help.template.year"), metavar=h("metavar.year"))
    ],
    period: Annotated[
        str,
        typer.Option("--period", "-p", help=h("help.template.period"), metavar=h("metavar.period")),
    ],
    owner: Annotated[
        list[str] | None,
        typer.Option(
            "--owner",
            "-b",
            help=h("help.template.owner"),
            metavar=h("metavar.owner"),
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=h("help.template.force"))] = False,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    opts = settings(catalogue, lang, debug)
    parsed = parse_period(period)
    if parsed is None:
        raise fail(t("error.bad_period", opts.lang, value=period), opts.lang)
    cat = load_catalogue(opts)
    if year not in cat.years:
        years = ", ".join(str(y) for y in cat.years)
        raise fail(t("template.bad_year", opts.lang, year=year, years=years), opts.lang)
    owners: list[str] = []
    for name in owner or cat.owners:
        known = cat.owner_by_name(name)
        if known is None:
            message = t(
                "template.unknown_owner", opts.lang, owner=name, known=", ".join(cat.owners)
            )
            raise fail(message, opts.lang)
        if known not in owners:
            owners.append(known)

    from ...outputs.template import template_name, template_rows, write_template

    if out_dir.exists() and not out_dir.is_dir():
        raise fail(t("template.out_dir_not_folder", opts.lang, path=out_dir), opts.lang)
    plan: list[tuple[str, Path, int, int]] = []  # owner, file, indicators, inputs
    skipped: list[str] = []
    for name in owners:
        rows = template_rows(cat, year, parsed, name, opts.lang)
        if not rows:
            skipped.append(name)
            continue
        indicators = sum(1 for r in rows if r.first)
        plan.append((name, out_dir / template_name(year, parsed, name), indicators, len(rows)))
    existing = [str(file) for _, file, _, _ in plan if file.exists()]
    if existing and not force:
        raise fail(t("template.exists", opts.lang, count=len(existing)), opts.lang, existing)

    console = out_console()
    written = 0
    for name, file, indicators, inputs in plan:
        write_template(cat, year, parsed, name, out_dir, opts.lang)  # makes OUT_DIR if missing
        written += 1
        line = t(
            "template.wrote",
            opts.lang,
            file=file,
            owner=name,
            indicators=indicators,
            inputs=inputs,
        )
        console.print(line, markup=False, highlight=False)
    for name in skipped:
        console.print(
            t("template.skipped", opts.lang, owner=name, period=parsed),
            markup=False,
            highlight=False,
        )
    summary = t(
        "template.summary", opts.lang, count=written, period=parsed, year=year, folder=out_dir
    )
    console.print(summary, markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("template", help=h("help.template"))(template)
