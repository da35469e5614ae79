"""What every command shares: the common options, consoles, and turning errors into exit codes."""

from __future__ import annotations

import errno
import functools
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from ...core.errors import IkuError
from ...i18n import LANGS, Lang, t

if TYPE_CHECKING:
    from rich.console import Console

    from ...core.catalogue import Catalogue
    from ...core.findings import Finding
    from ...core.submission import Collection

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

DEFAULT_CATALOGUE = "indicators.yaml"


def help_lang() -> Lang:
    """The language for --help texts: ``--lang en`` on the command line, else IKU_LANG."""
    argv = sys.argv[1:]
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "id"
        if arg.startswith("--lang="):
            return "en" if arg.endswith("=en") else "id"
    return "en" if os.environ.get("IKU_LANG", "").strip().lower() == "en" else "id"


def h(key: str) -> str:
    """A help text in the help language."""
    return t(key, help_lang())


COMMON = h("help.panel.common")
# Click's own usage line words: "iku compute [OPSI] FOLDER"
OPTIONS_METAVAR = h("click.options_metavar")
COMMAND_METAVAR = h("click.command_metavar")


CatalogueOpt = Annotated[
    Path | None,
    typer.Option(
        "--catalogue",
        "-c",
        help=h("help.opt.catalogue"),
        metavar=h("metavar.file"),
        rich_help_panel=COMMON,
        show_default=False,
    ),
]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help=h("help.opt.lang"),
        metavar=h("metavar.lang"),
        rich_help_panel=COMMON,
        show_default=False,
    ),
]
DebugOpt = Annotated[
    bool, typer.Option("--debug", help=h("help.opt.debug"), rich_help_panel=COMMON)
]


@dataclass
class Settings:
    """The common options after resolving command line, global options and environment."""

    lang: Lang = "id"
    catalogue: Path = Path(DEFAULT_CATALOGUE)
    debug: bool = False


# set by the app callback (options given before the command name)
GLOBAL: dict[str, Any] = {}


def settings(catalogue: Path | None, lang: str | None, debug: bool) -> Settings:
    """Command option, else global option, else environment, else default."""
    raw_lang = lang or GLOBAL.get("lang") or os.environ.get("IKU_LANG") or "id"
    raw_lang = raw_lang.strip().lower()
    if raw_lang not in LANGS:
        err_console().print(
            f"[bold red]{t('error', 'id')}:[/] {t('error.bad_lang', 'id', value=raw_lang)}"
        )
        raise typer.Exit(2)
    path = (
        catalogue or GLOBAL.get("catalogue") or os.environ.get("IKU_CATALOGUE") or DEFAULT_CATALOGUE
    )
    from .click_text import apply

    chosen: Lang = "en" if raw_lang == "en" else "id"
    apply(chosen)  # Click's own texts (an error after this point) in the same language
    return Settings(
        lang=chosen,
        catalogue=Path(path),
        debug=debug or bool(GLOBAL.get("debug")),
    )


_consoles: dict[str, Console] = {}


def err_console() -> Console:
    """Diagnostics go to stderr."""
    if "err" not in _consoles:
        from rich.console import Console

        _consoles["err"] = Console(stderr=True, highlight=False, soft_wrap=True)
    return _consoles["err"]


def out_console() -> Console:
    """Results go to stdout."""
    if "out" not in _consoles:
        from rich.console import Console

        _consoles["out"] = Console(highlight=False, soft_wrap=True)
    return _consoles["out"]


def stderr_is_terminal() -> bool:
    """Whether stderr is a terminal (False for a pipe, a file, a closed stream)."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _stderr_styled() -> bool:
    """Whether rich would colour stderr: a terminal, or FORCE_COLOR / TTY_COMPATIBLE=1."""
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return True
    return stderr_is_terminal()


def say(text: str, style: str | None = None) -> None:
    """One line of plain text on stderr: through rich where it shows colour, else written
    as it is (the same text: importing rich for a line a script reads cost 15 ms)."""
    if "err" in _consoles or _stderr_styled():
        err_console().print(text, markup=False, highlight=False, style=style)
    else:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()


# a handful of files is read faster than a bar can be drawn
PROGRESS_MIN_FILES = 20


@contextmanager
def reading_progress(
    lang: Lang, enabled: bool, label: str = "validate.progress"
) -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback for the reader: a rich bar on stderr, shown once it is known
    that more than PROGRESS_MIN_FILES files are read (``enabled``: stderr is a
    terminal and the output is for a person); None when not enabled."""
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

    bar: Progress | None = None
    task = TaskID(0)

    def advance(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if total <= PROGRESS_MIN_FILES:
                return
            bar = Progress(
                TextColumn(t(label, lang)),
                BarColumn(),
                MofNCompleteColumn(),
                console=err_console(),
                transient=True,
            )
            bar.start()
            task = bar.add_task("read", total=total)
        bar.update(task, completed=done)

    try:
        yield advance
    finally:
        if bar is not None:
            bar.stop()


def reset_consoles() -> None:
    """Forget consoles (tests swap sys.stdout between runs)."""
    _consoles.clear()


def fail(message: str, lang: Lang, details: list[str] | None = None, code: int = 2) -> typer.Exit:
    """Print an error and return the Exit to raise."""
    console = err_console()
    from rich.markup import escape

    console.print(f"[bold red]{t('error', lang)}:[/] {escape(message)}")
    for line in details or []:
        console.print(f"  - {escape(line)}")
    return typer.Exit(code)


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Turn IkuError into a message and exit 2; never show a traceback unless --debug."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        lang_value = kwargs.get("lang") or GLOBAL.get("lang") or os.environ.get("IKU_LANG")
        lang: Lang = "en" if str(lang_value).strip().lower() == "en" else "id"
        debug = bool(kwargs.get("debug") or GLOBAL.get("debug"))
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except IkuError as exc:
            if debug:
                traceback.print_exc()
            raise fail(exc.message(lang), lang, exc.details(lang), exc.exit_code) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:
            if _stdout_fails(exc):
                GLOBAL["stdout_said"] = True  # entry.leave: said once
                raise fail(t("error.stdout_unwritable", lang), lang) from None
            if debug:
                traceback.print_exc()
            detail = f"{type(exc).__name__}: {exc}"
            raise fail(t("error.unexpected", lang, detail=detail), lang) from None

    return wrapper


def _stdout_fails(exc: Exception) -> bool:
    """Whether ``exc`` came from standard output that cannot be written (a full disk,
    ``> /dev/full``); a reader that stopped early (``| head``) is not that."""
    if not isinstance(exc, OSError) or isinstance(exc, BrokenPipeError):
        return False
    if exc.filename is not None:  # a named file, not the stream
        return False
    full = {errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
    if exc.errno in full:
        return True
    try:
        sys.stdout.flush()
    except OSError:
        return True
    return False


def files_looked_at(path: Path, *groups: Iterable[str | None]) -> list[str | Path]:
    """PATH when it is a file, and every file a run read or skipped: an output must never
    replace one of them."""
    files: list[str | Path] = [path] if path.is_file() else []
    for group in groups:
        files += [f for f in group if f]
    return files


def report_reading(findings: list[Finding], skipped: Sequence[str], path: Path, lang: Lang) -> int:
    """Say on stderr what reading found (errors, warnings, files skipped); the error count."""
    from ...core.errors import command_line_path
    from ...core.findings import count
    from ...core.submission import skipped_files

    errors, warnings = count(findings)
    if errors or warnings:
        say(
            t(
                "compute.findings",
                lang,
                errors=errors,
                warnings=warnings,
                path=command_line_path(path),
            ),
            style="red" if errors else "yellow",
        )
    named = skipped_files(skipped)
    if named:
        from ...outputs.safety import printable

        say(
            t("read.skipped_files", lang, files=", ".join(printable(n) for n in named)),
            style="yellow",
        )
    return errors


def write_output(
    output: Path, path: Path, collection: Collection, catalogue: Path, write: Callable[[Path], T]
) -> T:
    """Write a report atomically with ``write(temporary_path)``, never over a file the run
    read or skipped, nor the catalogue; a failed write is one clear message."""
    from ...outputs.atomic import atomic_path, os_error

    looked_at = files_looked_at(
        path,
        (s.file for s in collection.submissions),
        (f.file for f in collection.findings),
        collection.skipped,
    )
    with atomic_path(output, protected=[*looked_at, catalogue]) as tmp:
        try:
            return write(tmp)
        except OSError as exc:
            raise os_error(output, exc) from None


def warn_if_inside(output: Path, path: Path, lang: Lang) -> None:
    """Say so when ``output`` is written into the folder being read (iku's own outputs
    are marked and skipped when read back, but they belong elsewhere)."""
    try:
        inside = path.is_dir() and output.resolve().is_relative_to(path.resolve())
    except (OSError, ValueError):
        return
    if inside:
        say(t("output.inside_input", lang, path=output, folder=path), style="yellow")


def load_catalogue(opts: Settings, *, cached: bool = True) -> Catalogue:
    """The catalogue the options name, read back from the cache when these very bytes
    were checked before (``cached=False``: checked again in any case); raises
    CatalogueError."""
    from ...loading.catalogue_cache import default_cache
    from ...loading.catalogue_file import load

    return load(opts.catalogue, cache=default_cache() if cached else None)
