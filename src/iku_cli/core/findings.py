"""One record for every problem found in the data: severity, stable code, where, what to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..i18n import Lang, t
from .numbers import plain

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem with a submission or a set of them.

    ``code`` is stable and kebab-case (``value-not-a-number``); the message text
    comes from :mod:`iku_cli.i18n` under ``finding.<code>`` with ``params``.
    """

    severity: Severity
    code: str
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    indicator: str | None = None
    input: str | None = None
    params: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: Lang = "id") -> str:
        # Decimal parameters are written the reader's way: 1.234,5 in Indonesian
        params = {
            k: plain(v, lang) if isinstance(v, Decimal) else v for k, v in self.params.items()
        }
        return t(f"finding.{self.code}", lang, **params)

    def title(self, lang: Lang = "id") -> str:
        """A few words naming the problem, for people (``nilai kosong``); the code when
        it has none yet."""
        key = f"finding.title.{self.code}"
        text = t(key, lang)
        return self.code if text == key else text

    def location(self) -> str:
        """``Data!F12`` style, or the sheet, or empty."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or self.cell or ""

    def to_dict(self, lang: Lang = "id") -> dict[str, object]:
        """The JSON shape pinned by DESIGN section 8."""
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "indicator": self.indicator,
            "input": self.input,
        }


def error(code: str, **kwargs: object) -> Finding:
    return _make("error", code, kwargs)


def warning(code: str, **kwargs: object) -> Finding:
    return _make("warning", code, kwargs)


_WHERE = ("file", "sheet", "cell", "indicator", "input")


def _make(severity: Severity, code: str, kwargs: dict[str, object]) -> Finding:
    where = {k: (None if kwargs.get(k) is None else str(kwargs[k])) for k in _WHERE}
    params = {k: v for k, v in kwargs.items() if k not in _WHERE}
    # the location is also available to message templates
    params.update({k: v for k, v in where.items() if v is not None})
    return Finding(severity, code, params=params, **where)


def count(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for f in findings if f.is_error)
    return errors, len(findings) - errors
