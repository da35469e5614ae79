"""Every user-facing string, in Indonesian (``id``, the default) and English (``en``).

Keys are grouped by the part of the tool that uses them. A test fails when a key
lacks either language or when the two texts use different placeholders.
"""

from __future__ import annotations

import string
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- general -----------------------------------------------------------
    "error": {"id": "Galat", "en": "Error"},
    "warning": {"id": "Peringatan", "en": "Warning"},
    "error.unexpected": {
        "id": "Terjadi kesalahan tak terduga: {detail}. Jalankan lagi dengan --debug "
        "dan kirimkan keluarannya kepada pengelola iku.",
        "en": "Unexpected error: {detail}. Run again with --debug and send the output "
        "to the iku maintainers.",
    },
    "error.bad_lang": {
        "id": "Bahasa '{value}' tidak dikenal: pilih id atau en.",
        "en": "Unknown language '{value}': choose id or en.",
    },
    "error.bad_period": {
        "id": "Periode '{value}' tidak dikenal: pilih TW1, TW2, TW3 atau TW4.",
        "en": "Unknown period '{value}': choose TW1, TW2, TW3 or TW4.",
    },
    "error.bad_format": {
        "id": "Format '{value}' tidak dikenal: pilih {choices}.",
        "en": "Unknown format '{value}': choose {choices}.",
    },
    # --- catalogue -----------------------------------------------------------
    "catalogue.not_found": {
        "id": "Katalog {file} tidak ditemukan. Sebutkan berkasnya dengan --catalogue "
        "atau jalankan iku di folder yang berisi indicators.yaml.",
        "en": "Catalogue {file} not found. Name it with --catalogue or run iku in the "
        "folder that holds indicators.yaml.",
    },
    "catalogue.unreadable": {
        "id": "Katalog {file} tidak dapat dibaca: {detail}.",
        "en": "Catalogue {file} cannot be read: {detail}.",
    },
    "catalogue.too_big": {
        "id": "Katalog {file} terlalu besar ({size} bait; batas {limit}). Periksa apakah "
        "berkas yang benar yang dipakai.",
        "en": "Catalogue {file} is too big ({size} bytes; limit {limit}). Check that it "
        "is the right file.",
    },
    "catalogue.problems": {
        "id": "Katalog {file} memuat {count} kesalahan; perbaiki lalu jalankan lagi:",
        "en": "Catalogue {file} has {count} problem(s); fix them and run again:",
    },
    "catalogue.ok": {
        "id": "Katalog {file} benar: {goals} sasaran, {indicators} indikator, "
        "{owners} penanggung jawab, {years} tahun ({first}-{last}).",
        "en": "Catalogue {file} is valid: {goals} goals, {indicators} indicators, "
        "{owners} owners, {years} years ({first}-{last}).",
    },
    "catalogue.yaml_syntax": {
        "id": "Penulisan YAML salah: {detail}. Periksa indentasi dan tanda titik dua.",
        "en": "YAML syntax error: {detail}. Check indentation and colons.",
    },
    "catalogue.yaml_tag": {
        "id": "Tag YAML '{tag}' tidak diizinkan: katalog hanya berisi teks, angka, daftar "
        "dan pemetaan.",
        "en": "YAML tag '{tag}' is not allowed: a catalogue holds only text, numbers, "
        "lists and mappings.",
    },
    "catalogue.yaml_too_many_nodes": {
        "id": "Katalog terlalu rumit (lebih dari {limit} simpul, mungkin alias yang "
        "berlipat). Tulis isinya secara langsung.",
        "en": "Catalogue too complex (more than {limit} nodes, perhaps multiplying "
        "aliases). Write its content out directly.",
    },
    "catalogue.not_mapping": {
        "id": "Isi katalog harus berupa pemetaan kunci: nilai (schema, organisation, "
        "years, goals, indicators).",
        "en": "A catalogue must be a mapping of keys (schema, organisation, years, goals, "
        "indicators).",
    },
    "catalogue.duplicate_key": {
        "id": "kunci '{key}' ditulis dua kali (pertama di baris {first}); hapus salah satunya.",
        "en": "key '{key}' appears twice (first on line {first}); remove one.",
    },
    "catalogue.unknown_key": {
        "id": "kunci '{key}' tidak dikenal; periksa ejaannya (kunci yang sah: {allowed}).",
        "en": "unknown key '{key}'; check its spelling (valid keys: {allowed}).",
    },
    "catalogue.missing_key": {
        "id": "kunci '{key}' wajib diisi.",
        "en": "key '{key}' is required.",
    },
    "catalogue.wrong_type": {
        "id": "nilai tidak sesuai: {detail}.",
        "en": "wrong value: {detail}.",
    },
    "catalogue.bad_schema": {
        "id": "schema {value} tidak didukung; versi iku ini membaca schema 1.",
        "en": "schema {value} is not supported; this iku reads schema 1.",
    },
    "catalogue.duplicate_goal": {
        "id": "kode sasaran '{code}' sudah dipakai (baris {first}).",
        "en": "goal code '{code}' is used twice (line {first}).",
    },
    "catalogue.duplicate_indicator": {
        "id": "kode indikator '{code}' sudah dipakai (baris {first}).",
        "en": "indicator code '{code}' is used twice (line {first}).",
    },
    "catalogue.unknown_goal": {
        "id": "sasaran '{goal}' tidak ada di daftar goals (yang ada: {known}).",
        "en": "goal '{goal}' is not in the goals list (known: {known}).",
    },
    "catalogue.form_missing": {
        "id": "indikator harus punya salah satu bentuk: numerator + denominator, "
        "components, atau value.",
        "en": "an indicator needs one form: numerator + denominator, components, or value.",
    },
    "catalogue.form_mixed": {
        "id": "indikator hanya boleh punya satu bentuk, tetapi memuat {keys}.",
        "en": "an indicator may have only one form, but it has {keys}.",
    },
    "catalogue.ratio_incomplete": {
        "id": "bentuk rasio butuh numerator dan denominator sekaligus.",
        "en": "a ratio needs both numerator and denominator.",
    },
    "catalogue.unused_input": {
        "id": "input '{name}' tidak dipakai di rumus mana pun; hapus atau pakai dalam rumus.",
        "en": "input '{name}' is used by no expression; remove it or use it.",
    },
    "catalogue.no_inputs": {
        "id": "indikator tidak punya inputs; daftarkan angka yang dilaporkan biro.",
        "en": "the indicator has no inputs; list the numbers the bureau reports.",
    },
    "catalogue.bad_input_name": {
        "id": "nama input '{name}' tidak sah: pakai huruf kecil, angka dan garis bawah, "
        "diawali huruf.",
        "en": "input name '{name}' is not valid: use lower-case letters, digits and "
        "underscores, starting with a letter.",
    },
    "catalogue.input_range": {
        "id": "min ({min}) lebih besar dari max ({max}).",
        "en": "min ({min}) is greater than max ({max}).",
    },
    "catalogue.weights_sum": {
        "id": "jumlah bobot komponen {total}, seharusnya 1.",
        "en": "component weights add up to {total}; they must add up to 1.",
    },
    "catalogue.target_year": {
        "id": "target untuk tahun {year}, padahal years hanya {years}.",
        "en": "target for year {year}, but years is only {years}.",
    },
    "catalogue.target_period": {
        "id": "periode '{period}' tidak dikenal; pakai TW1, TW2, TW3, TW4.",
        "en": "unknown period '{period}'; use TW1, TW2, TW3, TW4.",
    },
    "catalogue.scale_order": {
        "id": "skala kategori harus urut dari min tertinggi ke terendah, diakhiri "
        "min: null.",
        "en": "the category scale must run from the highest min down, ending with min: null.",
    },
    "catalogue.scale_empty": {
        "id": "skala kategori kosong; isi paling sedikit satu tingkat.",
        "en": "the category scale is empty; give at least one band.",
    },
    "catalogue.years_empty": {
        "id": "years kosong; tuliskan tahun-tahun periode rencana, misalnya [2024, 2025, 2026].",
        "en": "years is empty; list the plan's years, e.g. [2024, 2025, 2026].",
    },
    "catalogue.code_not_text": {
        "id": "kode harus berupa teks, misalnya \"1.1\".",
        "en": "a code must be text, e.g. \"1.1\".",
    },
    # --- formulas ------------------------------------------------------------
    "formula.not_text": {
        "id": "rumus harus berupa teks.",
        "en": "an expression must be text.",
    },
    "formula.empty": {"id": "rumus kosong.", "en": "empty expression."},
    "formula.too_long": {
        "id": "rumus terlalu panjang (lebih dari {limit} karakter).",
        "en": "expression too long (more than {limit} characters).",
    },
    "formula.too_deep": {
        "id": "rumus terlalu bertingkat (lebih dari {limit} tingkat).",
        "en": "expression nested too deeply (more than {limit} levels).",
    },
    "formula.syntax": {
        "id": "rumus '{text}' tidak dapat dibaca; pakai nama input, angka, + - * / dan "
        "tanda kurung.",
        "en": "expression '{text}' cannot be read; use input names, numbers, + - * / "
        "and parentheses.",
    },
    "formula.not_number": {
        "id": "{text} bukan angka; rumus hanya boleh berisi angka dan nama input.",
        "en": "{text} is not a number; an expression holds only numbers and input names.",
    },
    "formula.number_too_big": {
        "id": "angka {text} terlalu besar atau terlalu kecil untuk rumus.",
        "en": "number {text} is too large or too small for an expression.",
    },
    "formula.unknown_name": {
        "id": "input '{name}' tidak dikenal; periksa ejaannya di inputs.",
        "en": "unknown input '{name}'; check its spelling under inputs.",
    },
    "formula.not_allowed": {
        "id": "bagian rumus ({what}) tidak diizinkan; pakai hanya + - * / dan tanda kurung.",
        "en": "part of the expression ({what}) is not allowed; use only + - * / and "
        "parentheses.",
    },
    # --- catalogue show ------------------------------------------------------
    "show.title": {"id": "Katalog IKU {organisation}", "en": "IKU catalogue of {organisation}"},
    "show.goal": {"id": "Sasaran {code}: {statement}", "en": "Goal {code}: {statement}"},
    "col.code": {"id": "Kode", "en": "Code"},
    "col.indicator": {"id": "Indikator", "en": "Indicator"},
    "col.unit": {"id": "Satuan", "en": "Unit"},
    "col.owner": {"id": "Penanggung jawab", "en": "Owner"},
    "col.form": {"id": "Bentuk", "en": "Form"},
    "col.frequency": {"id": "Frekuensi", "en": "Frequency"},
    "col.polarity": {"id": "Polaritas", "en": "Polarity"},
    "col.formula": {"id": "Rumus", "en": "Formula"},
    "col.targets": {"id": "Target", "en": "Targets"},
    "form.ratio": {"id": "rasio", "en": "ratio"},
    "form.composite": {"id": "komposit", "en": "composite"},
    "form.direct": {"id": "langsung", "en": "direct"},
    "frequency.quarterly": {"id": "triwulanan", "en": "quarterly"},
    "frequency.annual": {"id": "tahunan (TW4)", "en": "annual (TW4)"},
    "polarity.positive": {"id": "positif", "en": "positive"},
    "polarity.negative": {"id": "negatif", "en": "negative"},
    "show.note": {"id": "Catatan {code}: {note}", "en": "Note {code}: {note}"},
    # --- cli help --------------------------------------------------------------
    "help.app": {
        "id": "iku: dari berkas Excel biro menjadi capaian IKU yang dapat diaudit.",
        "en": "iku: from bureau Excel workbooks to auditable IKU achievement figures.",
    },
    "help.opt.version": {"id": "Tampilkan versi iku lalu keluar.", "en": "Show the iku version and exit."},
    "help.opt.catalogue": {
        "id": "Berkas katalog IKU (bawaan: ./indicators.yaml; env IKU_CATALOGUE).",
        "en": "IKU catalogue file (default: ./indicators.yaml; env IKU_CATALOGUE).",
    },
    "help.opt.lang": {
        "id": "Bahasa keluaran: id (bawaan) atau en (env IKU_LANG).",
        "en": "Output language: id (default) or en (env IKU_LANG).",
    },
    "help.opt.debug": {
        "id": "Tampilkan rincian teknis (traceback) bila terjadi galat.",
        "en": "Show technical details (traceback) on errors.",
    },
    "help.opt.format_tj": {"id": "Format keluaran: table atau json.", "en": "Output format: table or json."},
    "help.arg.catalogue_file": {
        "id": "Berkas katalog (bawaan: --catalogue atau ./indicators.yaml).",
        "en": "Catalogue file (default: --catalogue or ./indicators.yaml).",
    },
    "help.catalogue": {
        "id": "Periksa dan tampilkan katalog IKU (indicators.yaml).",
        "en": "Check and show the IKU catalogue (indicators.yaml).",
    },
    "help.catalogue.check": {
        "id": "Periksa katalog dan sebutkan setiap kesalahan dengan baris dan kuncinya.\n\n"
        "Contoh: [bold]iku catalogue check indicators.yaml[/]",
        "en": "Check the catalogue and list every mistake with its line and key.\n\n"
        "Example: [bold]iku catalogue check indicators.yaml[/]",
    },
    "help.catalogue.show": {
        "id": "Tampilkan katalog sebagai tabel per sasaran, atau JSON.\n\n"
        "Contoh: [bold]iku catalogue show --format json[/]",
        "en": "Show the catalogue as a table per goal, or as JSON.\n\n"
        "Example: [bold]iku catalogue show --format json[/]",
    },
    # --- template (iku template) -----------------------------------------------
    # --- reading and findings (reader, checks, iku validate) -------------------
    # --- compute and explain ----------------------------------------------------
    # --- recap ------------------------------------------------------------------
}

_FORMATTER = string.Formatter()


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders a message uses."""
    return {name for _, name, _, _ in _FORMATTER.parse(text) if name}


class _Params(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def t(key: str, lang: Lang = "id", /, **params: object) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["id"]
    return text.format_map(_Params(params)) if params else text


def number(value: Decimal | float | int | None, lang: Lang = "id", places: int = 2) -> str:
    """A number rounded half-up and written the Indonesian (``93,40``) or English way."""
    if value is None:
        return "-"
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text
