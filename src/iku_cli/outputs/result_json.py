"""The compute result as JSON (DESIGN section 8)."""

from __future__ import annotations

from ..core.result import Result
from ..i18n import Lang
from .json_text import dumps


def render_json(result: Result, lang: Lang = "id") -> str:
    """The pinned JSON document, indented, non-ASCII kept, ending with a newline."""
    return dumps(result.to_dict(lang)) + "\n"


__all__ = ["render_json"]
