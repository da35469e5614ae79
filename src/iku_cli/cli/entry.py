"""The console script ``iku``: reading starts first, a Ctrl-C ends the run quietly, and
an output that cannot be written is one clear line, never a traceback.

- The workers that read a folder of many workbooks (:mod:`iku_cli.workbooks.prefetch`) start
  before the CLI is even imported (Typer, rich: 60 ms), so they read meanwhile.
- The command's own code turns a Ctrl-C into exit 130 (``commands.common.guarded``);
  this covers the moments before it runs: importing the CLI, starting the readers,
  Typer parsing the options.
- Standard output closed (``iku ... >&-``): said at once, exit 2. Standard output that
  fails when flushed at the end (a full disk, ``> /dev/full``) is said too, exit 2; a
  reader that stops early (``iku ... | head``) ends the run quietly, as before.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Literal, NoReturn


def main() -> NoReturn:
    """Run ``iku`` and end the process with its exit code."""
    if sys.stdout is None:  # started with standard output closed
        _say_stdout_failed(None)
        raise SystemExit(2)
    try:
        import gc

        # as cli.main sets it, before the readers are forked (see there)
        gc.set_threshold(10_000, 10, 10)
        from ..workbooks.prefetch import begin

        begin(sys.argv[1:])
        from .app import main as run

        run()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        code = 130
    leave(code)


def _lang() -> str:
    argv = sys.argv[1:]
    if "--lang" in argv[:-1]:
        return argv[argv.index("--lang") + 1].strip().lower()
    given = [a.split("=", 1)[1] for a in argv if a.startswith("--lang=")]
    return (given[-1] if given else os.environ.get("IKU_LANG", "")).strip().lower()


def _say_stdout_failed(error: OSError | None) -> None:
    """One line on stderr: the output could not be written to standard output."""
    from ..i18n import t

    lang: Literal["id", "en"] = "en" if _lang() == "en" else "id"
    common = sys.modules.get("iku_cli.cli.commands.common")
    if error is not None and common is not None and common.GLOBAL.get("stdout_said"):
        return  # the command said it already
    key = "error.stdout_closed" if error is None else "error.stdout_unwritable"
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"{t('error', lang)}: {t(key, lang)}\n")
        sys.stderr.flush()


def leave(code: object) -> NoReturn:
    """End the process as ``sys.exit(code)`` would, once standard output is flushed."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # as Python does with a message for SystemExit
        print(code, file=sys.stderr)
        status = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `iku ... | head`: the reader stopped early, nothing to say
        status = status or 1
        _drop_stdout()
    except (OSError, ValueError) as exc:  # a full disk, `> /dev/full`
        if isinstance(exc, OSError):
            _say_stdout_failed(exc)
        status = 2
        _drop_stdout()
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    raise SystemExit(status)


def _drop_stdout() -> None:
    """What is left unwritten goes nowhere, so the interpreter's own last flush is quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
