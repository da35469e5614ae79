"""The Typer app: parse options, call the library, render. Nothing else lives here."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..version import __version__
from .commands import catalogue as catalogue_cmd
from .commands import click_text
from .commands.common import COMMAND_METAVAR, COMMON, GLOBAL, OPTIONS_METAVAR, h, help_lang

# --lang (or IKU_LANG) is read from the command line before anything is shown: the help
# texts below and Click's own words (Usage, Options, its error messages) follow it
click_text.apply(help_lang())

app = typer.Typer(
    name="iku",
    help=h("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar=COMMAND_METAVAR,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(catalogue_cmd.app, name="catalogue")


def _version(value: bool) -> None:
    if value:
        print(f"iku {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help=h("help.opt.version")
        ),
    ] = False,
    catalogue: Annotated[
        Path | None,
        typer.Option(
            "--catalogue",
            "-c",
            help=h("help.opt.catalogue"),
            metavar=h("metavar.file"),
            rich_help_panel=COMMON,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", help=h("help.opt.lang"), metavar=h("metavar.lang"), rich_help_panel=COMMON
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help=h("help.opt.debug"), rich_help_panel=COMMON)
    ] = False,
) -> None:
    GLOBAL.clear()
    GLOBAL.update(catalogue=catalogue, lang=lang, debug=debug)


def _register() -> None:
    """Commands whose modules exist; each module exposes ``register(app)``."""
    from importlib import import_module

    for name in ("template", "validate", "compute", "recap", "explain", "lkjip"):
        try:
            module = import_module(f".commands.{name}", __package__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.commands.{name}":
                raise
            continue
        module.register(app)


_register()


def main() -> None:
    """Console-script entry point."""
    import gc
    import os
    import sys

    # A run keeps a few hundred thousand objects alive to its end (the catalogue, every
    # value read); at Python's default threshold (700) the cyclic collector walks them
    # again every few thousand allocations. Less often costs no memory here and saves
    # a tenth of a large run. Only the command line: a library caller keeps its own.
    gc.set_threshold(10_000, 10, 10)
    # pydantic looks for plugins (logfire and the like) in every installed package's
    # metadata when the catalogue's models are made: 10-15 ms of each run, for plugins
    # a command line never uses. Only here: a library caller keeps its own.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _survive_legacy_consoles()
    from ..workbooks.prefetch import begin

    # a folder of many workbooks starts being read while Typer parses the options
    begin(sys.argv[1:])
    app()


def _survive_legacy_consoles() -> None:
    """A legacy Windows code page (cp1252, cp437) cannot show every character of a name
    or a table border: show a replacement character rather than crash."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            reconfigure(errors="replace")
