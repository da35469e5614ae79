"""The console script ``iku``: a Ctrl-C at any moment ends the run quietly.

The command's own code turns a Ctrl-C into exit 130 (``commands.common.guarded``);
this covers the moments before it runs: importing the CLI, starting the readers,
Typer parsing the options.
"""

from __future__ import annotations


def main() -> None:
    """Run ``iku``; exit 130 without a traceback when interrupted."""
    try:
        from .cli import main as run

        run()
    except KeyboardInterrupt:
        raise SystemExit(130) from None
