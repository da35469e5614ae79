"""Every user-facing string by its key, in Indonesian (``id``, the default) and English (``en``).

The texts live in gettext catalogues (:mod:`iku_cli.translations`): ``locale/iku.pot``
and ``locale/id/LC_MESSAGES/iku.po`` (msgctxt = the key, msgid = English, msgstr =
Indonesian), compiled to ``iku.mo``. A test fails when a key lacks a translation or
when the two texts use different placeholders. Numbers are written here too.
"""

from __future__ import annotations

import string
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

_FORMATTER = string.Formatter()


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders a message uses."""
    return {name for _, name, _, _ in _FORMATTER.parse(text) if name}


class _Params(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_TABLES: dict[str, dict[str, str]] = {}


def _table(lang: str) -> dict[str, str]:
    """``key -> text`` in ``lang``: English is each message's msgid, every other
    language its compiled catalogue (read once)."""
    table = _TABLES.get(lang)
    if table is None:
        from .translations import mo_path, read_mo

        path = mo_path("id" if lang == "en" else lang)
        catalogue = read_mo(path) if path.is_file() else {}
        _TABLES.setdefault("en", {key: english for key, (english, _) in catalogue.items()})
        if lang != "en":
            _TABLES[lang] = {key: text for key, (_, text) in catalogue.items()}
        table = _TABLES[lang]
    return table


def t(key: str, lang: Lang = "id", /, **params: object) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in (the key itself when
    unknown)."""
    text = _table(lang).get(key) or _table("en").get(key)
    if text is None:
        return key
    return text.format_map(_Params(params)) if params else text


def messages() -> dict[str, dict[str, str]]:
    """Every message as ``{key: {"id": ..., "en": ...}}`` (for tests and tools)."""
    english = _table("en")
    indonesian = _table("id")
    return {key: {"id": indonesian.get(key, ""), "en": text} for key, text in english.items()}


def __getattr__(name: str) -> object:
    # ``MESSAGES`` was a dict literal here before the texts moved to the catalogues
    if name == "MESSAGES":
        return messages()
    raise AttributeError(name)


def number(value: Decimal | float | int | None, lang: Lang = "id", places: int = 2) -> str:
    """A number rounded half-up and written the Indonesian (``93,40``) or English way."""
    if value is None:
        return "-"
    exact = Decimal(str(value))
    if not exact.is_finite():
        return "-"
    quantum = Decimal(1).scaleb(-places)
    # enough precision for every digit: quantize fails past the context's precision
    context = Context(prec=max(28, exact.adjusted() + places + 2))
    rounded = exact.quantize(quantum, rounding=ROUND_HALF_UP, context=context)
    if rounded.is_zero():
        rounded = abs(rounded)  # -0.001 is shown 0,00, not -0,00
    text = f"{rounded:,.{places}f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text
