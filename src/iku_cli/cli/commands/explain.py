"""`iku explain CODE PATH [--year Y] [--period TWn]`: one indicator, step by step."""

from __future__ import annotations

import difflib
from typing import Annotated

import typer

from ...core.errors import IkuError
from .common import CatalogueOpt, DebugOpt, LangOpt, guarded, h, load_catalogue, out_console
from .common import settings as common_settings
from .compute import PathArg, PeriodOpt, YearOpt, run_compute


def close_codes(code: str, codes: list[str]) -> list[str]:
    """Codes like ``code`` (all of them when none is close)."""
    close = difflib.get_close_matches(code, codes, n=5, cutoff=0.6)
    prefix = [c for c in codes if c.startswith(code.rstrip(".") + ".") and c not in close]
    return (close + prefix)[:8] or codes


@guarded
def explain(
    code: Annotated[
        str,
        typer.Argument(help=h("help.compute.code"), metavar=h("metavar.code"), show_default=False),
    ],
    path: PathArg,
    *,
    year: YearOpt = None,
    period: PeriodOpt = None,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    opts = common_settings(catalogue, lang, debug)
    cat = load_catalogue(opts)
    code = code.strip()
    if cat.indicator(code) is None:
        codes = [i.code for i in cat.indicators]
        raise IkuError("explain.unknown_code", code=code, close=", ".join(close_codes(code, codes)))
    result = run_compute(path, cat, year, period, opts.lang, say_choice=False)
    from ...outputs.explain import explain_lines

    console = out_console()
    for part in explain_lines(cat, result, code, opts.lang):
        console.print(part)
    indicator = result.indicator(code)
    if indicator is not None and any(f.is_error for f in indicator.findings):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("explain", help=h("help.explain"))(explain)
