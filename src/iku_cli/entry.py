"""The console script ``iku``: reading starts first, a Ctrl-C ends the run quietly, and
the process ends as soon as its output is out.

- The workers that read a folder of many workbooks (:mod:`iku_cli.prefetch`) start
  before the CLI is even imported (Typer, rich: 60 ms), so they read meanwhile.
- The command's own code turns a Ctrl-C into exit 130 (``commands.common.guarded``);
  this covers the moments before it runs: importing the CLI, starting the readers,
  Typer parsing the options.
- When the command is done, the output is flushed, the exit handlers run, and the
  process ends without tearing the interpreter down: freeing a large run's objects one
  by one took 50 ms of a 1,000-file run, after everything was written.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn


def main() -> NoReturn:
    """Run ``iku`` and end the process with its exit code."""
    try:
        import gc

        # as cli.main sets it, before the readers are forked (see there)
        gc.set_threshold(10_000, 10, 10)
        from .prefetch import begin

        begin(sys.argv[1:])
        from .cli import main as run

        run()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        code = 130
    leave(code)


def leave(code: object) -> NoReturn:
    """End the process as ``sys.exit(code)`` would, without the interpreter's teardown."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # as Python does with a message for SystemExit
        print(code, file=sys.stderr)
        status = 1
    try:
        sys.stdout.flush()
    except (OSError, ValueError):  # a closed pipe (`iku ... | head`): nothing more to say
        status = status or 1
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    run_exit_handlers = getattr(__import__("atexit"), "_run_exitfuncs", None)
    slow = os.environ.get("IKU_FAST_EXIT", "").strip().lower() in {"off", "0", "no"}
    if run_exit_handlers is None or slow or sys.gettrace() is not None or "coverage" in sys.modules:
        raise SystemExit(status)  # a tracer or coverage wants the normal ending
    run_exit_handlers()
    os._exit(status)
