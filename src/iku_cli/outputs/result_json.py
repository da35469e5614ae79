"""The compute result as JSON (DESIGN section 8)."""

from __future__ import annotations

import json

from ..i18n import Lang
from ..result import Result


def render_json(result: Result, lang: Lang = "id") -> str:
    """The pinned JSON document, indented, non-ASCII kept, ending with a newline."""
    return json.dumps(result.to_dict(lang), ensure_ascii=False, indent=2) + "\n"
