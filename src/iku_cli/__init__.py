"""iku: turn bureau workbooks into audited IKU (key performance indicator) figures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__ as __version__

if TYPE_CHECKING:
    from .api import compute as compute


def __getattr__(name: str) -> Any:
    # the library API is imported on first use so that `iku --help` stays light
    if name == "compute":
        from .api import compute

        return compute
    raise AttributeError(name)
