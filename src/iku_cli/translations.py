"""gettext message catalogues: reading and writing ``.po`` sources, compiling them to ``.mo``.

The catalogues live in ``iku_cli/locale``: ``iku.pot`` (the template), and per language
``<lang>/LC_MESSAGES/iku.po`` (the source a translator edits) and ``iku.mo`` (compiled,
what the tool reads). Each message is ``msgctxt`` = its stable key, ``msgid`` = the
English text, ``msgstr`` = the translation; English is the source language, so it needs
no catalogue of its own. The ``.mo`` files are standard GNU gettext files
(``gettext.GNUTranslations(...).pgettext(key, english)`` reads them too); they are kept
in the repository beside their ``.po`` and a test fails when they differ.

Compile after editing a ``.po``: ``python -m iku_cli.translations``.
"""

from __future__ import annotations

import ast
import struct
from dataclasses import dataclass
from pathlib import Path

LOCALE = Path(__file__).resolve().parent / "locale"
DOMAIN = "iku"
# separates msgctxt from msgid in a compiled catalogue's keys (GNU gettext's convention)
CONTEXT_SEPARATOR = "\x04"


@dataclass
class Entry:
    """One message: its key (msgctxt), English text (msgid) and translation (msgstr)."""

    key: str
    english: str
    text: str = ""
    comments: tuple[str, ...] = ()


def po_path(lang: str, locale: Path = LOCALE) -> Path:
    return locale / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str, locale: Path = LOCALE) -> Path:
    return locale / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def pot_path(locale: Path = LOCALE) -> Path:
    return locale / f"{DOMAIN}.pot"


def read_mo(path: Path) -> dict[str, tuple[str, str]]:
    """``key -> (english, translation)`` from a compiled catalogue (the header left out)."""
    data = path.read_bytes()
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    _, count, originals, translations = struct.unpack(order + "4I", data[4:20])
    out: dict[str, tuple[str, str]] = {}
    for i in range(count):
        olen, ooff = struct.unpack(order + "2I", data[originals + 8 * i : originals + 8 * i + 8])
        tlen, toff = struct.unpack(
            order + "2I", data[translations + 8 * i : translations + 8 * i + 8]
        )
        original = data[ooff : ooff + olen].decode("utf-8")
        key, sep, english = original.partition(CONTEXT_SEPARATOR)
        if not sep:
            continue  # the header, or a message without a key
        out[key] = (english, data[toff : toff + tlen].decode("utf-8"))
    return out


def compile_mo(entries: list[Entry]) -> bytes:
    """A GNU ``.mo`` file holding ``entries``; one not yet translated keeps its English
    text (what gettext would show anyway), so every key is in every compiled catalogue."""
    header = "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
    pairs = [("", header)]
    pairs += [(e.key + CONTEXT_SEPARATOR + e.english, e.text or e.english) for e in entries]
    encoded = sorted((o.encode("utf-8"), t.encode("utf-8")) for o, t in pairs)
    count = len(encoded)
    originals_at = 28
    translations_at = originals_at + 8 * count
    data_at = translations_at + 8 * count
    table_o: list[int] = []
    table_t: list[int] = []
    blob = b""
    for original, _ in encoded:
        table_o += [len(original), data_at + len(blob)]
        blob += original + b"\0"
    for _, text in encoded:
        table_t += [len(text), data_at + len(blob)]
        blob += text + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, count, originals_at, translations_at, 0, 0)
    return head + struct.pack(f"<{4 * count}I", *table_o, *table_t) + blob


def _quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
    )
    return f'"{escaped}"'


def _field(name: str, text: str) -> list[str]:
    if "\n" not in text.rstrip("\n") and len(text) < 70:
        return [f"{name} {_quote(text)}"]
    lines = [f'{name} ""']
    parts = text.splitlines(keepends=True)
    lines += [_quote(part) for part in parts]
    return lines


def write_po(entries: list[Entry], *, language: str, template: bool = False) -> str:
    """A ``.po`` (or, with ``template``, a ``.pot``) file's text."""
    header = [
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: iku\\n"',
        f'"Language: {"" if template else language}\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        "",
    ]
    out = ["# iku: user-facing text. msgctxt = stable key, msgid = English.", *header]
    for e in entries:
        out += list(e.comments)
        out += _field("msgctxt", e.key)
        out += _field("msgid", e.english)
        out += _field("msgstr", "" if template else e.text)
        out.append("")
    return "\n".join(out)


def read_po(text: str) -> list[Entry]:
    """The keyed entries of a ``.po``/``.pot`` file, in file order (the header left out)."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    comments: list[str] = []
    current: str | None = None

    def flush() -> None:
        nonlocal fields, comments
        if "msgid" in fields and fields.get("msgctxt"):
            entries.append(
                Entry(fields["msgctxt"], fields["msgid"], fields.get("msgstr", ""), tuple(comments))
            )
        fields, comments = {}, []

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if current == "msgstr":
                flush()
                current = None
            if line.startswith("#."):
                comments.append(line)
            continue
        if line.startswith('"'):
            if current is not None:
                fields[current] += ast.literal_eval(line)
            continue
        name, _, rest = line.partition(" ")
        if "msgid" in fields and (name == "msgctxt" or current == "msgstr"):
            flush()
        current = name
        fields[name] = ast.literal_eval(rest)
    flush()
    return entries


def compile_all(locale: Path = LOCALE) -> list[Path]:
    """Compile every ``<lang>/LC_MESSAGES/iku.po`` under ``locale``; the ``.mo`` files written."""
    written = []
    for po in sorted(locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(compile_mo(read_po(po.read_text(encoding="utf-8"))))
        written.append(mo)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    for path in compile_all():
        print(path)
