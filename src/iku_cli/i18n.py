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
        "id": "skala kategori harus urut dari min tertinggi ke terendah, diakhiri min: null.",
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
        "id": 'kode harus berupa teks, misalnya "1.1".',
        "en": 'a code must be text, e.g. "1.1".',
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
        "en": "part of the expression ({what}) is not allowed; use only + - * / and parentheses.",
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
    "help.opt.version": {
        "id": "Tampilkan versi iku lalu keluar.",
        "en": "Show the iku version and exit.",
    },
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
    "help.opt.format_tj": {
        "id": "Format keluaran: table atau json.",
        "en": "Output format: table or json.",
    },
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
    "template.title": {
        "id": "Formulir Realisasi IKU {organisation}",
        "en": "IKU realisation form, {organisation}",
    },
    "template.subtitle": {
        "id": "{owner}, tahun {year}, {period} (kumulatif {range})",
        "en": "{owner}, year {year}, {period} (cumulative {range})",
    },
    "template.data_hint": {
        "id": "Isi hanya kolom Nilai (F) dan, bila perlu, Keterangan (G). Nilai kumulatif "
        "s.d. triwulan; angka tanpa pemisah ribuan.",
        "en": "Fill only the Nilai (F) column and, when needed, Keterangan (G). Values are "
        "cumulative to the end of the quarter; numbers without thousands separators.",
    },
    "template.range.TW1": {"id": "1 Januari s.d. 31 Maret", "en": "1 January to 31 March"},
    "template.range.TW2": {"id": "1 Januari s.d. 30 Juni", "en": "1 January to 30 June"},
    "template.range.TW3": {
        "id": "1 Januari s.d. 30 September",
        "en": "1 January to 30 September",
    },
    "template.range.TW4": {
        "id": "1 Januari s.d. 31 Desember",
        "en": "1 January to 31 December",
    },
    "template.guide.title": {
        "id": "Petunjuk pengisian formulir realisasi IKU",
        "en": "How to fill in the IKU realisation form",
    },
    "template.guide.about": {
        "id": "Formulir ini untuk {owner}, tahun {year}, {period}: {indicators} indikator, "
        "{inputs} isian.",
        "en": "This form is for {owner}, year {year}, {period}: {indicators} indicator(s), "
        "{inputs} value(s) to fill in.",
    },
    "template.guide.steps": {"id": "Langkah pengisian", "en": "Steps"},
    "template.guide.cumulative": {
        "id": "Semua nilai bersifat kumulatif: dari 1 Januari sampai akhir periode "
        "(s.d. triwulan). Untuk {period} {year} artinya {range} {year}, bukan hanya "
        "triwulan ini saja.",
        "en": "Every value is cumulative: from 1 January to the end of the period (s.d. "
        "triwulan). For {period} {year} that means {range} {year}, not this quarter alone.",
    },
    "template.guide.fill": {
        "id": "Pada lembar Data, isi hanya kolom Nilai (kolom F) dan, bila perlu, kolom "
        "Keterangan (kolom G). Sel yang boleh diisi berwarna kuning; sel lain dikunci.",
        "en": "On the Data sheet, fill only the Nilai column (column F) and, when needed, "
        "the Keterangan column (column G). The cells to fill are yellow; the others are "
        "locked.",
    },
    "template.guide.codes": {
        "id": "Jangan mengubah Kode IKU, Variabel, nama lembar, atau urutan kolom, dan "
        "jangan menambah atau menghapus baris.",
        "en": "Do not change the Kode IKU or Variabel columns, the sheet names or the "
        "column order, and do not add or delete rows.",
    },
    "template.guide.numbers": {
        "id": "Tulis angka saja, tanpa pemisah ribuan dan tanpa satuan: 1234567, bukan "
        "1.234.567 atau Rp 1.234.567. Untuk pecahan pakai tanda desimal yang biasa di "
        "Excel Anda. Jangan mengisi rumus yang merujuk ke berkas lain.",
        "en": "Type plain numbers, without thousands separators or units: 1234567, not "
        "1.234.567 or Rp 1.234.567. For fractions use the decimal sign your Excel "
        "expects. Do not enter formulas that refer to other files.",
    },
    "template.guide.missing": {
        "id": "Kosongkan sel Nilai (atau isi -) hanya bila datanya memang belum tersedia, "
        "dan jelaskan alasannya di kolom Keterangan. Angka 0 berarti nol, bukan kosong.",
        "en": "Leave a Nilai cell empty (or type -) only when the figure is truly not "
        "available, and say why in the Keterangan column. 0 means zero, not empty.",
    },
    "template.guide.identity": {
        "id": "Pada lembar Identitas isi Disusun oleh (nama dan jabatan) dan Tanggal "
        "pengisian. Biro, Tahun, Periode dan sidik jari katalog sudah terisi; jangan "
        "diubah.",
        "en": "On the Identitas sheet fill in Disusun oleh (name and position) and "
        "Tanggal (the date). Biro, Tahun, Periode and the catalogue fingerprint are "
        "filled in already; do not change them.",
    },
    "template.guide.send": {
        "id": "Simpan sebagai .xlsx (Excel Workbook), sebaiknya dengan nama berkas yang "
        "sama ({file}), lalu kirim kembali kepada pengelola IKU.",
        "en": "Save as .xlsx (Excel Workbook), preferably under the same file name "
        "({file}), and send it back to the IKU coordinator.",
    },
    "template.guide.protection": {
        "id": "Lembar dikunci tanpa kata sandi hanya agar tidak terubah tanpa sengaja.",
        "en": "The sheets are locked without a password only to prevent accidental changes.",
    },
    "template.guide.indicators": {
        "id": "Indikator dalam formulir ini",
        "en": "Indicators in this form",
    },
    "template.guide.indicator": {
        "id": "{code} {name} ({unit}); target {period} {year}: {target}",
        "en": "{code} {name} ({unit}); target {period} {year}: {target}",
    },
    "template.guide.generated": {
        "id": "Dibuat dengan iku {version} dari katalog {catalogue} (sha256 {sha256}).",
        "en": "Made with iku {version} from catalogue {catalogue} (sha256 {sha256}).",
    },
    "template.identity.hint.fixed": {
        "id": "terisi otomatis; jangan diubah",
        "en": "filled in automatically; do not change",
    },
    "template.identity.hint.prepared_by": {
        "id": "isi nama dan jabatan penyusun",
        "en": "fill in the name and position of the person who prepared it",
    },
    "template.identity.hint.date": {
        "id": "isi tanggal pengisian, misalnya 15/04/2025",
        "en": "fill in the date, e.g. 15/04/2025",
    },
    "template.identity.date_title": {"id": "Tanggal pengisian", "en": "Date filled in"},
    "template.unit.default": {"id": "Jumlah", "en": "Count"},
    "template.unit.money": {"id": "Rupiah", "en": "Rupiah"},
    "template.validation.title": {"id": "Nilai {code}", "en": "Value {code}"},
    "template.validation.error_title": {"id": "Nilai tidak sah", "en": "Invalid value"},
    "template.validation.integer": {"id": "bilangan bulat", "en": "a whole number"},
    "template.validation.decimal": {"id": "angka", "en": "a number"},
    "template.validation.at_least": {
        "id": "{kind} paling kecil {min}",
        "en": "{kind} of at least {min}",
    },
    "template.validation.between": {
        "id": "{kind} antara {min} dan {max}",
        "en": "{kind} between {min} and {max}",
    },
    "template.validation.input": {
        "id": "{label}. Isi {rule}, kumulatif s.d. {period}.",
        "en": "{label}. Enter {rule}, cumulative to {period}.",
    },
    "template.validation.error": {
        "id": "Isi {rule}, tanpa pemisah ribuan dan tanpa satuan. Bila datanya belum "
        "tersedia, kosongkan sel ini dan jelaskan di Keterangan.",
        "en": "Enter {rule}, without thousands separators or units. When the figure is "
        "not available, leave the cell empty and explain in Keterangan.",
    },
    "template.footer": {"id": "Halaman &P dari &N", "en": "Page &P of &N"},
    "template.unknown_owner": {
        "id": "Penanggung jawab '{owner}' tidak ada di katalog. Yang dikenal: {known}.",
        "en": "Owner '{owner}' is not in the catalogue. Known owners: {known}.",
    },
    "template.bad_year": {
        "id": "Tahun {year} tidak ada di katalog; pilih salah satu dari {years}.",
        "en": "Year {year} is not in the catalogue; choose one of {years}.",
    },
    "template.nothing_to_report": {
        "id": "{owner} tidak melaporkan indikator apa pun pada {period}.",
        "en": "{owner} reports no indicator in {period}.",
    },
    "template.out_dir_not_folder": {
        "id": "{path} sudah ada dan bukan folder; sebutkan folder tujuan.",
        "en": "{path} exists and is not a folder; name an output folder.",
    },
    "template.exists": {
        "id": "{count} berkas sudah ada dan tidak ditimpa; hapus dulu atau tambahkan "
        "--force untuk menimpanya:",
        "en": "{count} file(s) already exist and were not overwritten; delete them or "
        "add --force to overwrite:",
    },
    "template.write_failed": {
        "id": "Tidak dapat menulis {file}: {detail}. Periksa izin folder dan tutup berkas "
        "itu bila sedang terbuka di Excel.",
        "en": "Cannot write {file}: {detail}. Check the folder's permissions and close "
        "the file if it is open in Excel.",
    },
    "template.wrote": {
        "id": "Ditulis: {file} ({owner}, {indicators} indikator, {inputs} isian)",
        "en": "Wrote: {file} ({owner}, {indicators} indicator(s), {inputs} value(s))",
    },
    "template.skipped": {
        "id": "Dilewati: {owner} tidak melaporkan indikator apa pun pada {period} "
        "(indikatornya tahunan, dilaporkan pada TW4).",
        "en": "Skipped: {owner} reports no indicator in {period} (its indicators are "
        "annual, reported at TW4).",
    },
    "template.summary": {
        "id": "{count} formulir {period} {year} ditulis ke {folder}.",
        "en": "{count} {period} {year} form(s) written to {folder}.",
    },
    "help.template": {
        "id": "Tulis formulir Excel per biro untuk satu periode, berisi angka yang harus "
        "dilaporkan biro itu.\n\n"
        "Contoh: [bold]iku template formulir --year 2025 --period TW1[/]",
        "en": "Write one Excel form per bureau for a period, listing the numbers that "
        "bureau must report.\n\n"
        "Example: [bold]iku template forms --year 2025 --period TW1[/]",
    },
    "help.template.out_dir": {
        "id": "Folder tujuan (dibuat bila belum ada).",
        "en": "Output folder (created when missing).",
    },
    "help.template.year": {
        "id": "Tahun laporan, misalnya 2025.",
        "en": "Reporting year, e.g. 2025.",
    },
    "help.template.period": {
        "id": "Periode: TW1, TW2, TW3 atau TW4.",
        "en": "Period: TW1, TW2, TW3 or TW4.",
    },
    "help.template.owner": {
        "id": "Hanya untuk biro ini (boleh diulang); bawaan: semua biro.",
        "en": "Only this bureau (repeatable); default: every bureau.",
    },
    "help.template.force": {
        "id": "Timpa berkas yang sudah ada.",
        "en": "Overwrite existing files.",
    },
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
