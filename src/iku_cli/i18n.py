"""Every user-facing string, in Indonesian (``id``, the default) and English (``en``).

Keys are grouped by the part of the tool that uses them. A test fails when a key
lacks either language or when the two texts use different placeholders.
"""

from __future__ import annotations

import string
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- general -----------------------------------------------------------
    "error": {"id": "Galat", "en": "Error"},
    "warning": {"id": "Peringatan", "en": "Warning"},
    "error.stdout_closed": {
        "id": "Keluaran standar (stdout) tertutup, hasil tidak dapat ditampilkan. "
        "Jalankan lagi tanpa menutupnya, atau arahkan ke berkas: iku ... > hasil.txt.",
        "en": "Standard output is closed, so the result cannot be shown. Run again "
        "without closing it, or send it to a file: iku ... > result.txt.",
    },
    "error.stdout_unwritable": {
        "id": "Hasil tidak dapat ditulis ke keluaran standar (disk penuh atau "
        "perangkat menolak). Arahkan ke berkas di disk yang masih ada ruangnya: "
        "iku ... > hasil.txt.",
        "en": "The result could not be written to standard output (disk full or "
        "the device refused it). Send it to a file on a disk with free space: "
        "iku ... > result.txt.",
    },
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
    "error.output_extension_mismatch": {
        "id": "--format {format} tidak cocok dengan akhiran {suffix} pada {path}. Samakan "
        "keduanya, misalnya --format {format} dengan nama berakhiran .{format}.",
        "en": "--format {format} does not match the extension {suffix} of {path}. Make them "
        "agree, e.g. --format {format} with a name ending .{format}.",
    },
    "error.output_extension_unknown": {
        "id": "Format untuk {path} tidak dapat ditentukan dari akhirannya ({suffix}). Beri "
        "nama berakhiran .json atau .csv, atau sebutkan --format json|csv|table.",
        "en": "The format for {path} cannot be told from its extension ({suffix}). Use a "
        "name ending .json or .csv, or give --format json|csv|table.",
    },
    # --- catalogue -----------------------------------------------------------
    "catalogue.control_character": {
        "id": "Teks '{text}' memuat karakter kendali (ditandai ?); hapus karakter itu.",
        "en": "Text '{text}' holds control characters (shown as ?); remove them.",
    },
    "catalogue.number_too_big": {
        "id": "Angka {value} terlalu besar, terlalu kecil atau terlalu panjang untuk katalog "
        "(paling banyak {digits} angka penting, besarnya di bawah 10^{digits}).",
        "en": "Number {value} is too large, too small or too long for a catalogue (at most "
        "{digits} significant digits, magnitude below 10^{digits}).",
    },
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
    "catalogue.not_utf8": {
        "id": "Katalog {file} bukan teks UTF-8 (baris {line}). Simpan ulang berkasnya "
        "dengan pengodean UTF-8.",
        "en": "Catalogue {file} is not UTF-8 text (line {line}). Save the file again "
        "with UTF-8 encoding.",
    },
    "catalogue.is_directory": {
        "id": "{file} adalah folder, bukan berkas katalog. Sebutkan berkas indicators.yaml-nya.",
        "en": "{file} is a folder, not a catalogue file. Name its indicators.yaml file.",
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
    "catalogue.wrong_type.number": {
        "id": "nilai {value} harus berupa angka, misalnya 90 atau 92.5.",
        "en": "value {value} must be a number, e.g. 90 or 92.5.",
    },
    "catalogue.wrong_type.whole": {
        "id": "nilai {value} harus berupa bilangan bulat, misalnya 2025.",
        "en": "value {value} must be a whole number, e.g. 2025.",
    },
    "catalogue.wrong_type.text": {
        "id": "nilai {value} harus berupa teks; tulis di antara tanda kutip bila perlu.",
        "en": "value {value} must be text; put it in quotes if need be.",
    },
    "catalogue.wrong_type.bool": {
        "id": "nilai {value} harus true atau false.",
        "en": "value {value} must be true or false.",
    },
    "catalogue.wrong_type.list": {
        "id": "nilai {value} harus berupa daftar: [a, b] atau baris-baris yang diawali '- '.",
        "en": "value {value} must be a list: [a, b] or lines starting with '- '.",
    },
    "catalogue.wrong_type.mapping": {
        "id": "nilai {value} harus berupa pemetaan: baris-baris 'kunci: nilai'.",
        "en": "value {value} must be a mapping: lines of 'key: value'.",
    },
    "catalogue.wrong_type.choice": {
        "id": "nilai {value} tidak dikenal; pilih salah satu dari {expected}.",
        "en": "value {value} is not known; choose one of {expected}.",
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
    "catalogue.owner_spelling": {
        "id": (
            "pemilik '{owner}' ditulis lain dari '{first}' (baris {line}); "
            "samakan ejaannya (huruf besar/kecil dan spasi)."
        ),
        "en": (
            "owner '{owner}' is spelt differently from '{first}' (line {line}); "
            "use one spelling (case and spaces)."
        ),
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
    "catalogue.budget_year": {
        "id": "anggaran untuk tahun {year}, padahal years hanya {years}.",
        "en": "budget for year {year}, but years is only {years}.",
    },
    "catalogue.budget_negative": {
        "id": "{key} {value} negatif; tulis jumlah Rupiah 0 atau lebih.",
        "en": "{key} {value} is negative; write an amount in Rupiah of 0 or more.",
    },
    "catalogue.budget_over": {
        "id": "realisasi {realisasi} melebihi pagu {pagu}; periksa angkanya (realisasi APBD tidak "
        "boleh melampaui pagu).",
        "en": "realisasi {realisasi} exceeds pagu {pagu}; check the figures (spending cannot "
        "exceed the budget ceiling).",
    },
    "catalogue.baseline_year": {
        "id": "tahun kondisi awal {year} harus sebelum tahun pertama years ({first}).",
        "en": "the baseline year {year} must come before the first of years ({first}).",
    },
    "catalogue.programme_empty": {
        "id": "nama program kosong; tulis nama program atau hapus baris ini.",
        "en": "the programme name is empty; write it or remove the line.",
    },
    "catalogue.benchmark_source": {
        "id": "sumber pembanding (benchmark.source) kosong; tulis standar nasional/provinsi yang "
        "dipakai.",
        "en": "the benchmark source is empty; name the national/provincial standard used.",
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
    "show.goal_note": {
        "id": "Catatan sasaran {code}: {note}",
        "en": "Note on goal {code}: {note}",
    },
    "show.organisation_note": {
        "id": "Catatan perangkat daerah: {note}",
        "en": "Note on the organisation: {note}",
    },
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
        "id": "Periksa dan tampilkan katalog IKU (indicators.yaml).\n\n"
        "Contoh: [bold]iku catalogue check indicators.yaml[/]",
        "en": "Check and show the IKU catalogue (indicators.yaml).\n\n"
        "Example: [bold]iku catalogue check indicators.yaml[/]",
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
    "template.analysis_title": {
        "id": "Analisis Capaian Kinerja - {organisation}",
        "en": "Performance Analysis - {organisation}",
    },
    "template.analysis_hint": {
        "id": "Isi kolom C-F untuk setiap indikator: faktor pendukung, faktor penghambat, upaya "
        "tindak lanjut, dan bukti dukung (nama dokumen). Wajib diisi bila capaian di bawah "
        "target. Teks biasa, boleh beberapa baris (Alt+Enter).",
        "en": "Fill columns C-F for every indicator: supporting factors, obstacles, follow-up "
        "actions and evidence (document names). Required when achievement is below target. "
        "Plain text, several lines allowed (Alt+Enter).",
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
    "template.guide.analysis": {
        "id": "Di lembar Analisis, tulis untuk setiap indikator faktor pendukung, faktor "
        "penghambat, upaya tindak lanjut, dan bukti dukung. Bila capaian di bawah target, "
        "faktor penghambat dan upaya tindak lanjut wajib diisi (iku validate melaporkan "
        "narrative-missing); untuk indikator yang mewajibkan bukti, isi juga Bukti dukung "
        "(evidence-missing). Teks ini dikutip dalam LKjIP Bab III beserta selnya.",
        "en": "On the Analisis sheet, write for every indicator the supporting factors, "
        "obstacles, follow-up actions and evidence. When achievement is below target, "
        "obstacles and actions are required (iku validate reports narrative-missing); for "
        "indicators that require evidence, fill in Bukti dukung too (evidence-missing). This "
        "text is quoted in chapter III of the LKjIP with its cell.",
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
    "template.validation.percent": {
        "id": "ketik 82, bukan 82%",
        "en": "type 82, not 82%",
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
    "finding.too-many-strings": {
        "id": "{file} tidak dibaca: tabel teksnya memuat {count} teks (batas {limit}). Salin "
        "isian ke templat baru, simpan, lalu kirim lagi.",
        "en": "{file} was not read: its table of texts holds {count} texts (limit {limit}). "
        "Copy the figures into a new template, save it and send it again.",
    },
    "finding.value-too-large": {
        "id": "Nilai {text} terlalu besar (batas {limit}). Periksa angkanya: mungkin ada digit "
        "berlebih atau angka yang tertempel dua kali.",
        "en": "Value {text} is too large (limit {limit}). Check the number: perhaps extra "
        "digits, or a number pasted twice.",
    },
    "finding.link-outside-folder": {
        "id": "{file} adalah tautan ke luar folder yang dibaca ({target}) dan tidak dibaca. "
        "Salin berkasnya ke dalam folder bila memang harus dibaca.",
        "en": "{file} is a link to outside the folder being read ({target}) and was not "
        "read. Copy the file into the folder if it must be read.",
    },
    "finding.folder-unreadable": {
        "id": "Folder {file} tidak dapat dibaca ({detail}); berkas di dalamnya tidak "
        "diperiksa. Periksa hak akses folder itu.",
        "en": "Folder {file} cannot be read ({detail}); the files in it were not checked. "
        "Check the folder's permissions.",
    },
    "read.path_not_found": {
        "id": "{path} tidak ditemukan. Periksa ejaan jalur berkas atau foldernya.",
        "en": "{path} does not exist. Check the spelling of the file or folder path.",
    },
    "finding.iku-output": {
        "id": "{file} adalah keluaran iku sendiri ({kind}), bukan laporan biro, dan dilewati. "
        "Simpan hasil iku di luar folder laporan.",
        "en": "{file} is iku's own output ({kind}), not a bureau's submission, and was "
        "skipped. Keep iku's outputs outside the submissions folder.",
    },
    "finding.file-not-a-workbook": {
        "id": "{file} bukan buku kerja Excel atau ODS (isinya tampak seperti {kind}). "
        "Kirim ulang berkas yang dibuat dari templat, disimpan sebagai .xlsx.",
        "en": "{file} is not an Excel or ODS workbook (its content looks like {kind}). "
        "Send the file made from the template again, saved as .xlsx.",
    },
    "finding.file-corrupt": {
        "id": "{file} rusak atau terpotong dan tidak dapat dibaca ({detail}). Buka di Excel "
        "atau LibreOffice, simpan ulang, lalu kirim lagi.",
        "en": "{file} is damaged or truncated and cannot be read ({detail}). Open it in Excel "
        "or LibreOffice, save it again and send it again.",
    },
    "finding.file-encrypted": {
        "id": "{file} dilindungi kata sandi sehingga tidak dapat dibaca. Hapus kata sandi "
        "pembuka berkas (File > Info > Protect Workbook), simpan, lalu kirim lagi.",
        "en": "{file} is password-protected and cannot be read. Remove the password to open "
        "it (File > Info > Protect Workbook), save it and send it again.",
    },
    "finding.file-too-large": {
        "id": "{file} terlalu besar ({size}; batas {limit}). Sebuah isian IKU hanya beberapa "
        "puluh baris: hapus lembar dan gambar yang tidak perlu.",
        "en": "{file} is too large ({size}; limit {limit}). An IKU submission is a few dozen "
        "rows: remove the sheets and pictures that are not needed.",
    },
    "finding.zip-bomb": {
        "id": "{file} tidak dibaca: isinya akan membengkak melampaui batas ({member}: {size}; "
        "batas {limit}). Simpan ulang berkas dari templat dan kirim lagi.",
        "en": "{file} was not read: its content would inflate past the limit ({member}: {size}; "
        "limit {limit}). Save the file again from the template and send it again.",
    },
    "finding.file-unreadable": {
        "id": "{file} tidak dapat dibaca ({detail}). Periksa apakah berkas itu terbuka di "
        "program lain atau hak aksesnya.",
        "en": "{file} cannot be read ({detail}). Check whether another program holds it open, "
        "or its permissions.",
    },
    "finding.sheet-too-large": {
        "id": "Lembar {sheet} terlalu besar untuk dibaca ({rows} baris x {cols} kolom; batas "
        "{limit} sel). Hapus isi yang tidak perlu jauh di bawah atau di kanan tabel.",
        "en": "Sheet {sheet} is too large to read ({rows} rows x {cols} columns; limit {limit} "
        "cells). Delete the content not needed far below or right of the table.",
    },
    "finding.too-many-rows": {
        "id": "Lembar {sheet} memuat {rows} baris; hanya {limit} baris pertama di bawah judul "
        "kolom yang dibaca. Hapus baris yang tidak perlu.",
        "en": "Sheet {sheet} has {rows} rows; only the first {limit} rows under the header were "
        "read. Delete the rows that are not needed.",
    },
    "finding.empty-workbook": {
        "id": "{file} kosong: tidak ada isian. Isi templat dari iku template lalu kirim lagi.",
        "en": "{file} is empty: nothing was filled in. Fill in the template from iku template "
        "and send it again.",
    },
    "finding.sheet-not-found": {
        "id": "Tidak ada lembar Data atau tabel dengan judul kolom Kode IKU, Variabel dan Nilai "
        "(lembar yang ada: {sheets}). Pakai templat dari iku template.",
        "en": "No Data sheet and no table headed Kode IKU, Variabel and Nilai (sheets present: "
        "{sheets}). Use the template from iku template.",
    },
    "finding.header-not-found": {
        "id": "Lembar {sheet} tidak memuat baris judul kolom Kode IKU, Variabel dan Nilai. "
        "Kembalikan judul kolom seperti di templat.",
        "en": "Sheet {sheet} has no header row with Kode IKU, Variabel and Nilai. Restore the "
        "column headers as in the template.",
    },
    "finding.two-data-sheets": {
        "id": "Ada lebih dari satu tabel data ({places}); iku tidak memilih sendiri. Hapus "
        "lembar yang tidak berlaku (atau sembunyikan yang lama), lalu kirim lagi.",
        "en": "There is more than one data table ({places}); iku does not choose one. Delete "
        "the sheet that no longer applies (or hide the old one) and send the file again.",
    },
    "finding.hidden-sheet-ignored": {
        "id": "Lembar tersembunyi {sheet} juga berisi tabel data; yang dibaca lembar yang "
        "tampak, {used}. Hapus lembar lama bila tidak berlaku lagi.",
        "en": "The hidden sheet {sheet} also holds a data table; the visible sheet {used} is "
        "read. Delete the old sheet if it no longer applies.",
    },
    "finding.column-twice": {
        "id": "Judul kolom '{text}' ada dua kali ({first} dan {second}); iku tidak memilih "
        "sendiri. Hapus atau ganti nama kolom yang tidak berlaku.",
        "en": "The column heading '{text}' appears twice ({first} and {second}); iku does not "
        "choose one. Delete or rename the column that does not apply.",
    },
    "finding.identity-missing": {
        "id": "Identitas '{label}' tidak ditemukan. Isi label {label} di kolom A lembar "
        "Identitas dan nilainya di kolom B.",
        "en": "Identity '{label}' not found. Put the label {label} in column A of the Identitas "
        "sheet and its value in column B.",
    },
    "finding.name-differs-from-identity": {
        "id": "Nama berkas atau foldernya menyebut {named}, tetapi Identitas ({cells}) "
        "menyebut {content}; yang dipakai isi Identitas. Periksa bahwa ini berkas yang "
        "benar, lalu betulkan nama berkas atau Identitasnya.",
        "en": "The file or folder name says {named}, but Identitas ({cells}) says {content}; "
        "the Identitas content is used. Check that this is the right file, then correct the "
        "file name or the Identitas.",
    },
    "finding.unknown-owner": {
        "id": "Biro '{owner}' tidak ada di katalog. Tulis salah satu dari: {known}.",
        "en": "Owner '{owner}' is not in the catalogue. Write one of: {known}.",
    },
    "finding.unknown-year": {
        "id": "Tahun '{year}' tidak ada di katalog (tahun yang dikenal: {years}). Perbaiki "
        "tahunnya.",
        "en": "Year '{year}' is not in the catalogue (known years: {years}). Correct the year.",
    },
    "finding.unknown-period": {
        "id": "Periode '{period}' tidak dikenal. Tulis TW1, TW2, TW3 atau TW4.",
        "en": "Period '{period}' is not known. Write TW1, TW2, TW3 or TW4.",
    },
    "finding.code-missing": {
        "id": "Baris ini berisi nilai tetapi tidak punya Kode IKU. Isi kodenya seperti di "
        "templat, atau hapus barisnya.",
        "en": "This row holds a value but no indicator code. Fill in the code as in the "
        "template, or delete the row.",
    },
    "finding.input-missing": {
        "id": "Baris IKU {indicator} ini tidak menyebut variabelnya (yang dikenal: {known}). "
        "Isi kolom Variabel seperti di templat.",
        "en": "This row of indicator {indicator} names no variable (known: {known}). Fill in "
        "the Variabel column as in the template.",
    },
    "finding.unknown-indicator": {
        "id": "Kode IKU '{indicator}' tidak ada di katalog. Periksa kodenya atau hapus barisnya.",
        "en": "Indicator code '{indicator}' is not in the catalogue. Check the code or delete "
        "the row.",
    },
    "finding.narrative-missing": {
        "id": "Capaian {indicator} ({name}) {achievement}% dari target {target} pada {period}, "
        "tetapi {columns} di lembar Analisis belum diisi. Tuliskan penyebab capaian di bawah "
        "target dan upaya tindak lanjutnya di baris indikator ini.",
        "en": "Achievement of {indicator} ({name}) is {achievement}% of the target {target} "
        "at {period}, but {columns} on the Analisis sheet is blank. Write why it is below "
        "target and what is being done about it in this indicator's row.",
    },
    "finding.evidence-missing": {
        "id": "Indikator {indicator} ({name}) wajib disertai bukti dukung, tetapi kolom Bukti "
        "dukung di lembar Analisis kosong. Tuliskan nama dokumen buktinya (mis. SK, laporan, "
        "berita acara).",
        "en": "Indicator {indicator} ({name}) requires evidence, but Bukti dukung on the "
        "Analisis sheet is blank. Name the supporting documents (e.g. decree, report, "
        "minutes).",
    },
    "finding.narrative-header-not-found": {
        "id": "lembar {sheet} tidak memiliki baris judul kolom (Kode IKU, Faktor penghambat, ...); "
        "analisis di lembar ini tidak terbaca. Salin lembar Analisis dari template terbaru.",
        "en": "sheet {sheet} has no header row (Kode IKU, Faktor penghambat, ...); its analysis "
        "was not read. Copy the Analisis sheet from the latest template.",
    },
    "finding.narrative-too-long": {
        "id": "teks berisi {chars} karakter, lebih dari batas {limit}; teks dipotong. Ringkas "
        "isinya dan lampirkan rincian sebagai bukti dukung.",
        "en": "the text has {chars} characters, more than the limit of {limit}; it was cut. "
        "Shorten it and attach the details as evidence.",
    },
    "finding.narrative-duplicate": {
        "id": "indikator {indicator} sudah diisi di baris {first}; baris ini diabaikan. Gabungkan "
        "analisisnya dalam satu baris.",
        "en": "indicator {indicator} is already filled in at {first}; this row is ignored. Merge "
        "the analysis into one row.",
    },
    "finding.code-normalised": {
        "id": "Kode '{text}' dibaca sebagai IKU {indicator}. Periksa kodenya; format kolom Kode "
        "IKU sebagai teks agar 1.10 tidak berubah menjadi 1.1.",
        "en": "Code '{text}' was read as indicator {indicator}. Check the code; format the Kode "
        "IKU column as text so that 1.10 does not become 1.1.",
    },
    "finding.unknown-input": {
        "id": "Variabel '{input}' bukan input IKU {indicator} (yang dikenal: {known}). Perbaiki "
        "nama variabelnya seperti di templat.",
        "en": "Variable '{input}' is not an input of indicator {indicator} (known: {known}). "
        "Correct the variable name as in the template.",
    },
    "finding.indicator-not-owned": {
        "id": "IKU {indicator} dilaporkan oleh {actual}, bukan {owner}. Hapus barisnya dari "
        "berkas ini.",
        "en": "Indicator {indicator} is reported by {actual}, not {owner}. Delete the row from "
        "this file.",
    },
    "finding.duplicate-row": {
        "id": "{indicator} {input} diisi dua kali (pertama di {first}). Hapus salah satu baris "
        "agar jelas nilai mana yang berlaku.",
        "en": "{indicator} {input} is given twice (first at {first}). Delete one of the rows so "
        "that it is clear which value counts.",
    },
    "finding.value-missing": {
        "id": "Nilai {indicator} {input} ({label}) belum diisi. Isi angkanya; tulis 0 bila "
        "memang nol.",
        "en": "Value {indicator} {input} ({label}) is not filled in. Enter the number; write 0 "
        "when it really is zero.",
    },
    "finding.value-not-a-number": {
        "id": "'{text}' bukan angka. Tulis angkanya saja, misalnya 12 atau 1.234,5.",
        "en": "'{text}' is not a number. Write just the number, e.g. 12 or 1234.5.",
    },
    "finding.value-as-text": {
        "id": "Angka ditulis sebagai teks '{text}' dan dibaca sebagai {value}. Periksa "
        "hasilnya; sebaiknya ketik sebagai angka.",
        "en": "Number typed as text '{text}' and read as {value}. Check the reading; better "
        "type it as a number.",
    },
    "finding.value-negative": {
        "id": "Nilai {value} negatif. Jumlah yang dilaporkan tidak boleh kurang dari 0; "
        "perbaiki angkanya.",
        "en": "Value {value} is negative. A reported amount cannot be below 0; correct the number.",
    },
    "finding.value-below-min": {
        "id": "Nilai {value} lebih kecil dari batas bawah {min}. Perbaiki angkanya.",
        "en": "Value {value} is below the minimum {min}. Correct the number.",
    },
    "finding.value-above-max": {
        "id": "Nilai {value} lebih besar dari batas atas {max}. Perbaiki angkanya.",
        "en": "Value {value} is above the maximum {max}. Correct the number.",
    },
    "finding.value-not-integer": {
        "id": "Nilai {value} harus bilangan bulat (jumlah dokumen, kegiatan, orang). Perbaiki "
        "angkanya.",
        "en": "Value {value} must be a whole number (a count of documents, activities, "
        "people). Correct the number.",
    },
    "finding.numerator-exceeds-denominator": {
        "id": "IKU {indicator}: pembilang {numerator} melebihi penyebut {denominator} "
        "(hasil {value}, paling tinggi {max}). Pembilang adalah bagian dari penyebut; "
        "periksa kedua angka.",
        "en": "Indicator {indicator}: numerator {numerator} exceeds denominator {denominator} "
        "(result {value}, at most {max}). The numerator is part of the denominator; check "
        "both numbers.",
    },
    "finding.value-percent-format": {
        "id": "Sel berformat persen: tersimpan {stored}, tampil {shown}; dibaca {value} "
        "(seperti yang terlihat). Ketik angkanya saja (mis. 82, bukan 82%) dan pakai format "
        "angka biasa.",
        "en": "The cell has a percent format: stored {stored}, shown {shown}; read as {value} "
        "(what is shown). Type the number only (e.g. 82, not 82%) in a plain number format.",
    },
    "finding.component-exceeds-max": {
        "id": "IKU {indicator}, komponen {component}: pembilang {numerator} melebihi "
        "penyebut {denominator} (hasil {value}%, paling tinggi {max}%). Pembilang adalah "
        "bagian dari penyebut; periksa kedua angka.",
        "en": "Indicator {indicator}, component {component}: numerator {numerator} "
        "exceeds denominator {denominator} (result {value}%, at most {max}%). The numerator "
        "is part of the denominator; check both numbers.",
    },
    "finding.value-exceeds-max": {
        "id": "IKU {indicator}: nilai {value} melebihi batas atas IKU {max}. Periksa angkanya.",
        "en": "Indicator {indicator}: value {value} is above the indicator's maximum {max}. "
        "Check the number.",
    },
    "finding.formula-without-result": {
        "id": "Rumus {formula} belum punya hasil tersimpan. Buka berkas di Excel atau "
        "LibreOffice, simpan, lalu kirim lagi (atau ketik angkanya langsung).",
        "en": "Formula {formula} has no stored result. Open the file in Excel or LibreOffice, "
        "save it and send it again (or type the number directly).",
    },
    "finding.cell-error": {
        "id": "Sel berisi galat {error}. Perbaiki rumusnya atau ketik angkanya langsung.",
        "en": "The cell shows the error {error}. Fix the formula or type the number directly.",
    },
    "finding.catalogue-mismatch": {
        "id": "Templat dibuat dari katalog lain (sidik {found}, katalog kini {expected}). "
        "Periksa bahwa indikator dan variabelnya masih sama, atau pakai templat baru.",
        "en": "The template was made from another catalogue (fingerprint {found}, catalogue "
        "now {expected}). Check that the indicators and variables are the same, or use a new "
        "template.",
    },
    "finding.duplicate-submission": {
        "id": "{file} dan {others} sama-sama isian {owner} tahun {year} {period}; tidak ada "
        "yang dipilih. Hapus atau pindahkan berkas yang tidak berlaku.",
        "en": "{file} and {others} are both the submission of {owner} for {year} {period}; "
        "neither is chosen. Delete or move the file that does not count.",
    },
    "finding.cumulative-decrease": {
        "id": "{indicator} {input} turun dari {previous} ({previous_period}, {previous_file}) "
        "menjadi {value} ({period}). Nilai dihitung kumulatif sejak 1 Januari; periksa "
        "kedua angka.",
        "en": "{indicator} {input} falls from {previous} ({previous_period}, {previous_file}) "
        "to {value} ({period}). Values are cumulative from 1 January; check both numbers.",
    },
    "finding.missing-submission": {
        "id": "Isian {owner} tahun {year} {period} tidak ada. Minta biro mengirimkannya.",
        "en": "The submission of {owner} for {year} {period} is missing. Ask the bureau to "
        "send it.",
    },
    "finding.annual-before-tw4": {
        "id": "IKU {indicator} dilaporkan tahunan (TW4), tetapi diisi pada {period}; nilainya "
        "baru dipakai pada TW4.",
        "en": "Indicator {indicator} is reported yearly (TW4) but was filled in at {period}; "
        "its value is used only at TW4.",
    },
    "validate.summary": {
        "id": "{files} berkas dibaca: {errors} galat, {warnings} peringatan, {skipped} berkas "
        "lain dilewati.",
        "en": "{files} file(s) read: {errors} error(s), {warnings} warning(s), {skipped} other "
        "file(s) skipped.",
    },
    "read.skipped_files": {
        "id": "Dilewati (bukan berkas .xlsx, .xlsm, .xls atau .ods yang bisa dibaca): {files}. "
        "Minta biro mengirim ulang dalam format Excel bila salah satunya kiriman mereka.",
        "en": "Skipped (not a readable .xlsx, .xlsm, .xls or .ods file): {files}. Ask the "
        "bureau to send it again as an Excel workbook if one of them is their submission.",
    },
    "validate.clean": {
        "id": "Tidak ada masalah ditemukan.",
        "en": "No problems found.",
    },
    "validate.nothing": {
        "id": "Tidak ada berkas laporan (.xlsx, .xlsm, .xls, .ods) di {paths} ({skipped} berkas "
        "lain dilewati). Periksa nama folder atau berkasnya, lalu jalankan lagi.",
        "en": "No workbook (.xlsx, .xlsm, .xls, .ods) found in {paths} ({skipped} other "
        "file(s) skipped). Check the folder or file name and run again.",
    },
    "validate.folder": {
        "id": "Kumpulan berkas",
        "en": "The set of files",
    },
    "validate.progress": {"id": "Membaca berkas", "en": "Reading files"},
    "col.severity": {"id": "Tingkat", "en": "Severity"},
    "col.location": {"id": "Lokasi", "en": "Location"},
    "col.finding": {"id": "Kode temuan", "en": "Finding"},
    "col.message": {"id": "Pesan", "en": "Message"},
    "help.validate": {
        "id": "Periksa berkas isian biro (atau seluruh folder) dan sebutkan setiap masalah "
        "per sel.\n\nContoh: [bold]iku validate kiriman/2025-TW2 --format json[/]",
        "en": "Check bureau submissions (or a whole folder) and list every problem by "
        "cell.\n\nExample: [bold]iku validate submissions/2025-TW2 --format json[/]",
    },
    "help.arg.paths": {
        "id": "Berkas atau folder isian (folder dibaca beserta subfoldernya).",
        "en": "Submission files or folders (folders are searched recursively).",
    },
    "help.opt.strict": {
        "id": "Keluar dengan kode 1 juga bila hanya ada peringatan.",
        "en": "Exit with code 1 on warnings too.",
    },
    # --- compute and explain ----------------------------------------------------
    "reason.value-out-of-range": {
        "id": "Hasil hitungan {value} di luar batas wajar (batas {limit}); periksa nilai "
        "masukan di {file} dan rumus IKU ini di katalog.",
        "en": "The computed figure {value} is beyond a plausible range (limit {limit}); check "
        "the input values in {file} and this IKU's formula in the catalogue.",
    },
    "help.compute": {
        "id": "Hitung nilai, capaian dan kategori setiap IKU, per sasaran dan keseluruhan, "
        "dari berkas atau folder laporan biro.\n\n"
        "Contoh: [bold]iku compute laporan/2025 --format json --output hasil.json[/]",
        "en": "Compute every IKU's value, achievement and category, per goal and overall, "
        "from a bureau workbook or a folder of them.\n\n"
        "Example: [bold]iku compute reports/2025 --format json --output result.json[/]",
    },
    "help.explain": {
        "id": "Jelaskan perhitungan satu IKU langkah demi langkah: rumus, setiap angka "
        "dengan berkas dan selnya, target, capaian dan kategori.\n\n"
        "Contoh: [bold]iku explain 1.1 laporan/2025 --period TW4[/]",
        "en": "Explain one IKU's computation step by step: formula, every number with its "
        "file and cell, target, achievement and category.\n\n"
        "Example: [bold]iku explain 1.1 reports/2025 --period TW4[/]",
    },
    "help.compute.path": {
        "id": "Berkas laporan atau folder (dicari sampai ke subfolder).",
        "en": "A workbook or a folder (searched recursively).",
    },
    "help.compute.code": {"id": "Kode IKU, misalnya 1.1.", "en": "IKU code, e.g. 1.1."},
    "help.compute.year": {
        "id": "Tahun yang dihitung (bawaan: tahun terakhir yang ada di laporan).",
        "en": "Year to compute (default: the latest year present in the workbooks).",
    },
    "help.compute.period": {
        "id": "Triwulan TW1..TW4 (bawaan: triwulan terakhir yang ada untuk tahun itu).",
        "en": "Quarter TW1..TW4 (default: the latest quarter present for that year).",
    },
    "help.compute.format": {
        "id": "Format keluaran: table, json atau csv.",
        "en": "Output format: table, json or csv.",
    },
    "help.compute.output": {
        "id": "Tulis hasil ke berkas ini (bukan ke layar).",
        "en": "Write the result to this file (instead of the screen).",
    },
    "compute.path_missing": {
        "id": "{path} tidak ditemukan. Sebutkan berkas laporan atau folder yang ada.",
        "en": "{path} not found. Name an existing workbook or folder.",
    },
    "compute.year_unknown": {
        "id": "Tahun {year} tidak ada di katalog (tahun yang ada: {years}). Pilih salah satunya "
        "dengan --year.",
        "en": "Year {year} is not in the catalogue (its years: {years}). Choose one of them "
        "with --year.",
    },
    "compute.no_submissions": {
        "id": "Tidak ada laporan biro yang dapat dipakai ({files} berkas dibaca). Pastikan PATH "
        "berisi laporan dari iku template dengan Biro, Tahun ({years}) dan Periode terisi; "
        "jalankan iku validate PATH untuk rinciannya.",
        "en": "No usable bureau workbook ({files} file(s) read). Make sure PATH holds workbooks "
        "made by iku template with Biro, Tahun ({years}) and Periode filled in; run "
        "iku validate PATH for details.",
    },
    "compute.no_submissions_year": {
        "id": "Tidak ada laporan untuk tahun {year} (laporan yang ada: tahun {found}). Pilih "
        "tahun lain dengan --year, atau sebutkan --period untuk menghitung tanpa laporan.",
        "en": "No workbook for year {year} (workbooks found for: {found}). Choose another "
        "year with --year, or give --period to compute without workbooks.",
    },
    "compute.provisional": {
        "id": "Angka sementara: {period} belum akhir tahun; angka tahun {year} ditetapkan "
        "dari laporan TW4.",
        "en": "Provisional figures: {period} is not the year's end; the {year} figures are "
        "set by the TW4 workbooks.",
    },
    "compute.final": {
        "id": "Angka akhir tahun {year} ({period}).",
        "en": "Final figures for {year} ({period}).",
    },
    "compute.findings": {
        "id": "Pembacaan laporan menemukan {errors} kesalahan dan {warnings} peringatan; "
        "jalankan iku validate PATH untuk rinciannya.",
        "en": "Reading found {errors} error(s) and {warnings} warning(s); run iku validate "
        "PATH for details.",
    },
    "compute.written": {"id": "Hasil ditulis ke {path}.", "en": "Result written to {path}."},
    "compute.reading": {"id": "Membaca laporan", "en": "Reading workbooks"},
    "compute.chosen": {"id": "Dihitung untuk {choice}.", "en": "Computed for {choice}."},
    "compute.title": {
        "id": "Capaian IKU {organisation}, tahun {year}, {period}",
        "en": "IKU achievement, {organisation}, year {year}, {period}",
    },
    "compute.title_provisional": {"id": "(sementara)", "en": "(provisional)"},
    "compute.goal": {"id": "Sasaran {code}: {statement}", "en": "Goal {code}: {statement}"},
    "compute.goal_row": {
        "id": "Capaian sasaran {code} ({assessed} dari {total} IKU dinilai)",
        "en": "Goal {code} achievement ({assessed} of {total} IKU assessed)",
    },
    "compute.summary": {
        "id": "Dinilai {assessed} dari {total} IKU; tanpa laporan {missing}; rata-rata "
        "capaian {achievement} ({category}).",
        "en": "Assessed {assessed} of {total} IKU; without a report {missing}; average "
        "achievement {achievement} ({category}).",
    },
    "compute.notes": {"id": "Keterangan:", "en": "Notes:"},
    "compute.note.profile": {
        "id": "target {period} = {share}% dari target tahunan (profil triwulan katalog).",
        "en": "the {period} target is {share}% of the year's target (the catalogue's "
        "quarterly profile).",
    },
    "compute.note.progress": {
        "id": "belum ada target triwulan; capaian dihitung terhadap target tahunan: "
        "{progress} (sesuai jalur bila mencapai {pace} pada {period}). Sementara, tidak "
        "ikut dirata-rata sampai TW4.",
        "en": "no quarterly target; the achievement is against the year's target: "
        "{progress} (on track when it reaches {pace} at {period}). Provisional, not "
        "averaged until TW4.",
    },
    "compute.overall.goals": {
        "id": "Capaian keseluruhan = rata-rata capaian {count} sasaran (achievement.overall: "
        "goals); rata-rata {other_count} IKU: {other}.",
        "en": "Overall achievement = the mean of {count} goal(s) (achievement.overall: "
        "goals); the mean of {other_count} IKU: {other}.",
    },
    "compute.overall.indicators": {
        "id": "Capaian keseluruhan = rata-rata capaian {count} IKU (achievement.overall: "
        "indicators); rata-rata {other_count} sasaran: {other}.",
        "en": "Overall achievement = the mean of {count} IKU (achievement.overall: "
        "indicators); the mean of {other_count} goal(s): {other}.",
    },
    "progress.on_track": {"id": "sesuai jalur", "en": "on track"},
    "progress.behind": {"id": "tertinggal", "en": "behind"},
    "compute.col.code": {"id": "Kode", "en": "Code"},
    "compute.col.indicator": {"id": "Indikator", "en": "Indicator"},
    "compute.col.owner": {"id": "Penanggung jawab", "en": "Owner"},
    "compute.col.target": {"id": "Target", "en": "Target"},
    "compute.col.value": {"id": "Realisasi", "en": "Value"},
    "compute.col.achievement": {"id": "Capaian (%)", "en": "Achievement (%)"},
    "compute.col.category": {"id": "Kategori", "en": "Category"},
    "compute.col.status": {"id": "Status", "en": "Status"},
    "status.ok": {"id": "ok", "en": "ok"},
    "status.incomplete": {"id": "belum lengkap", "en": "incomplete"},
    "status.missing": {"id": "tanpa laporan", "en": "missing"},
    "status.not_assessed": {"id": "tidak dapat dinilai", "en": "not assessed"},
    "status.invalid": {"id": "data salah", "en": "invalid"},
    "status.not_due": {"id": "belum waktunya", "en": "not due"},
    "reason.year-given": {"id": "tahun {year} (--year)", "en": "year {year} (--year)"},
    "reason.year-latest": {
        "id": "tahun {year}, tahun terakhir yang ada di laporan",
        "en": "year {year}, the latest year present in the workbooks",
    },
    "reason.period-given": {
        "id": "periode {period} (--period)",
        "en": "period {period} (--period)",
    },
    "reason.period-latest": {
        "id": "periode {period}, triwulan terakhir yang ada untuk tahun {year}",
        "en": "period {period}, the latest quarter present for {year}",
    },
    "reason.not-due": {
        "id": "IKU tahunan, dilaporkan pada TW4; belum waktunya pada {period}.",
        "en": "Annual IKU, reported at TW4; not due at {period}.",
    },
    "reason.no-submission": {
        "id": "Belum ada laporan {owner} untuk {year} {period}; minta biro mengirimkannya.",
        "en": "No workbook from {owner} for {year} {period}; ask the bureau to send it.",
    },
    "reason.duplicate-submission": {
        "id": "{owner} mengirim lebih dari satu laporan untuk {year} {period} ({files}); "
        "tidak ada yang dipilih. Sisakan satu berkas saja.",
        "en": "{owner} sent more than one workbook for {year} {period} ({files}); none was "
        "chosen. Keep only one of the files.",
    },
    "reason.invalid-input": {
        "id": "Ada data yang salah ({problems}); perbaiki {file} lalu hitung lagi.",
        "en": "Some data are wrong ({problems}); fix {file} and compute again.",
    },
    "reason.input-missing": {
        "id": "Nilai belum diisi: {inputs}; lengkapi {file}.",
        "en": "Values not filled in: {inputs}; complete {file}.",
    },
    "reason.division-by-zero": {
        "id": "Pembagian dengan nol: {expression} bernilai 0, nilai tidak dapat dihitung.",
        "en": "Division by zero: {expression} is 0, the value cannot be computed.",
    },
    "reason.no-target": {
        "id": "Katalog tidak memuat target untuk {year} {period}; isi targets di indicators.yaml.",
        "en": "The catalogue has no target for {year} {period}; fill in targets in "
        "indicators.yaml.",
    },
    "reason.target-zero": {
        "id": "Target 0: capaian tidak dapat dihitung.",
        "en": "Target is 0: the achievement cannot be computed.",
    },
    "reason.value-zero": {
        "id": "Realisasi 0 pada IKU negatif dengan rumus target / realisasi: capaian tidak "
        "dapat dihitung.",
        "en": "Value 0 on a negative IKU with the target / value formula: the achievement "
        "cannot be computed.",
    },
    "output.no_folder": {
        "id": "Folder {path} tidak ada; buat dulu foldernya atau pilih tempat lain.",
        "en": "Folder {path} does not exist; create it first or choose another place.",
    },
    "output.is_directory": {
        "id": "{path} adalah folder; sebutkan nama berkas, misalnya {path}/hasil.json.",
        "en": "{path} is a folder; name a file, e.g. {path}/result.json.",
    },
    "output.permission": {
        "id": "Tidak dapat menulis {path}: {detail}. Tutup berkas itu bila sedang terbuka di "
        "Excel, atau pilih tempat lain.",
        "en": "Cannot write {path}: {detail}. Close the file if it is open in Excel, or "
        "choose another place.",
    },
    "output.disk_full": {
        "id": "Tidak dapat menulis {path}: disk penuh. Kosongkan ruang disk atau pilih tempat "
        "lain; berkas lama (bila ada) tidak berubah.",
        "en": "Cannot write {path}: the disk is full. Free some space or choose another place; "
        "the old file (if any) is unchanged.",
    },
    "output.name_too_long": {
        "id": "Nama berkas {path} terlalu panjang untuk sistem berkas (batas 255 byte). Pilih "
        "nama yang lebih pendek.",
        "en": "The file name {path} is too long for the file system (limit 255 bytes). Choose "
        "a shorter name.",
    },
    "output.inside_input": {
        "id": "Peringatan: {path} berada di dalam folder yang dibaca ({folder}). iku akan "
        "melewatinya saat membaca folder itu lagi, tetapi sebaiknya simpan hasil di luar "
        "folder laporan.",
        "en": "Warning: {path} is inside the folder being read ({folder}). iku skips it when "
        "reading that folder again, but outputs are better kept outside the submissions "
        "folder.",
    },
    "output.is_input": {
        "id": "{path} adalah salah satu berkas masukan; iku tidak menimpa masukannya. Pilih "
        "nama lain.",
        "en": "{path} is one of the input files; iku never overwrites its inputs. Choose "
        "another name.",
    },
    "explain.unknown_code": {
        "id": "IKU '{code}' tidak ada di katalog. Mungkin maksudnya: {close}.",
        "en": "IKU '{code}' is not in the catalogue. Perhaps you meant: {close}.",
    },
    "explain.title": {"id": "IKU {code}: {name}", "en": "IKU {code}: {name}"},
    "explain.about": {
        "id": "Sasaran {goal} · {owner} · satuan {unit} · {form} · {frequency} · {polarity}",
        "en": "Goal {goal} · {owner} · unit {unit} · {form} · {frequency} · {polarity}",
    },
    "explain.definition": {"id": "Rumus", "en": "Formula"},
    "explain.def_ratio": {
        "id": "nilai = pembilang / penyebut x {factor}",
        "en": "value = numerator / denominator x {factor}",
    },
    "explain.def_ratio_plain": {
        "id": "nilai = pembilang / penyebut",
        "en": "value = numerator / denominator",
    },
    "explain.numerator": {"id": "pembilang", "en": "numerator"},
    "explain.denominator": {"id": "penyebut", "en": "denominator"},
    "explain.def_composite": {
        "id": "nilai = jumlah (bobot x pembilang / penyebut x 100) seluruh komponen",
        "en": "value = sum of (weight x numerator / denominator x 100) over the components",
    },
    "explain.component": {
        "id": "komponen {n}: {label} (bobot {weight})",
        "en": "component {n}: {label} (weight {weight})",
    },
    "explain.def_direct": {"id": "nilai = {expression}", "en": "value = {expression}"},
    "explain.inputs": {"id": "Angka yang dilaporkan", "en": "Reported numbers"},
    "explain.not_reported": {"id": "tidak dilaporkan", "en": "not reported"},
    "explain.no_inputs": {
        "id": "(tidak ada laporan yang dipakai)",
        "en": "(no workbook was used)",
    },
    "explain.steps": {"id": "Langkah perhitungan", "en": "Computation steps"},
    "explain.exact": {
        "id": "(setiap langkah memakai nilai eksak langkah sebelumnya, tanpa pembulatan; "
        "pecahan berulang ditulis sampai 10 desimal)",
        "en": "(each step uses the exact value of the step before, not rounded; repeating "
        "decimals are written to 10 places)",
    },
    "explain.rounded": {
        "id": "dibulatkan setengah ke atas ke 2 desimal = {value}",
        "en": "rounded half-up to 2 places = {value}",
    },
    "explain.category_rule": {
        "id": "(kategori ditentukan dari capaian yang dibulatkan setengah ke atas ke 2 "
        "desimal, lalu dicocokkan dengan rentang skala: 90,995 menjadi 91,00, Sangat Tinggi)",
        "en": "(the category is judged on the achievement rounded half-up to 2 places, then "
        "placed in its band: 90.995 becomes 91.00, Sangat Tinggi)",
    },
    "explain.note": {"id": "Catatan katalog: {note}", "en": "Catalogue note: {note}"},
    "explain.source": {"id": "Sumber data: {source}", "en": "Data source: {source}"},
    "explain.goal_note": {
        "id": "Catatan sasaran {code}: {note}",
        "en": "Note on goal {code}: {note}",
    },
    "explain.value": {"id": "nilai", "en": "value"},
    "explain.no_steps": {
        "id": "(nilai tidak dihitung; lihat status)",
        "en": "(value not computed; see status)",
    },
    "explain.target": {"id": "Target {year} {period}", "en": "Target {year} {period}"},
    "explain.no_target": {"id": "tidak ada", "en": "none"},
    "explain.achievement": {"id": "Capaian", "en": "Achievement"},
    "explain.formula.ratio": {
        "id": "capaian = realisasi / target x 100",
        "en": "achievement = value / target x 100",
    },
    "explain.formula.two_minus_ratio": {
        "id": "capaian = (2 - realisasi / target) x 100 (IKU negatif, PermenPAN-RB)",
        "en": "achievement = (2 - value / target) x 100 (negative IKU, PermenPAN-RB)",
    },
    "explain.formula.target_over_realisation": {
        "id": "capaian = target / realisasi x 100 (IKU negatif)",
        "en": "achievement = target / value x 100 (negative IKU)",
    },
    "explain.cap": {
        "id": "dibatasi {cap} untuk rata-rata sasaran: {capped}",
        "en": "capped at {cap} for the goal average: {capped}",
    },
    "explain.category": {"id": "Kategori", "en": "Category"},
    "explain.status": {"id": "Status", "en": "Status"},
    "explain.findings": {"id": "Temuan yang menyangkut IKU ini", "en": "Findings about this IKU"},
    "explain.no_findings": {"id": "(tidak ada)", "en": "(none)"},
    "explain.realisations": {"id": "Realisasi per triwulan", "en": "Value per quarter"},
    # --- recap ------------------------------------------------------------------
    "help.recap": {
        "id": "Tulis buku kerja rekap tahunan untuk LKjIP: ringkasan dan grafik, capaian per "
        "IKU dan sasaran, tren antartahun, kelengkapan laporan, sumber setiap angka (berkas, "
        "lembar, sel) dan catatan.\n\n"
        "Contoh: [bold]iku recap laporan/ --year 2025 --output rekap-2025.xlsx[/]",
        "en": "Write the yearly recap workbook for the LKjIP: summary and chart, achievement "
        "per IKU and goal, trend across years, completeness, the source of every number "
        "(file, sheet, cell) and notes.\n\n"
        "Example: [bold]iku recap reports/ --year 2025 --output recap-2025.xlsx[/]",
    },
    "help.recap.path": {
        "id": "Berkas laporan atau folder (dicari sampai ke subfolder); sertakan tahun-tahun "
        "sebelumnya untuk lembar Tren.",
        "en": "A workbook or a folder (searched recursively); include earlier years for the "
        "Tren sheet.",
    },
    "help.recap.year": {"id": "Tahun laporan, misalnya 2025.", "en": "Reporting year, e.g. 2025."},
    "help.recap.period": {
        "id": "Triwulan TW1..TW4 (bawaan: triwulan terakhir yang ada untuk tahun itu).",
        "en": "Quarter TW1..TW4 (default: the latest quarter present for that year).",
    },
    "help.recap.output": {
        "id": "Berkas .xlsx yang ditulis (ditimpa bila sudah ada).",
        "en": "The .xlsx file to write (replaced when it exists).",
    },
    "recap.not_xlsx": {
        "id": "{path}: rekap ditulis sebagai buku kerja Excel; beri nama berakhiran .xlsx.",
        "en": "{path}: the recap is an Excel workbook; give a name ending in .xlsx.",
    },
    "recap.written": {
        "id": "Rekap {year} ({period}, {status}) ditulis ke {path}: {indicators} IKU, "
        "{sources} angka sumber dari {submissions} laporan.",
        "en": "Recap {year} ({period}, {status}) written to {path}: {indicators} IKU, "
        "{sources} source number(s) from {submissions} workbook(s).",
    },
    "recap.final": {"id": "final", "en": "final"},
    "recap.provisional": {"id": "sementara", "en": "provisional"},
    "recap.not_final": {"id": "belum final", "en": "not final"},
    # --- lkjip (iku lkjip: chapter III of the LKjIP as a Word document) --------
    "help.lkjip": {
        "id": "Tulis Bab III LKjIP (Akuntabilitas Kinerja) sebagai dokumen Word: capaian per "
        "sasaran dan IKU, perbandingan dengan tahun-tahun sebelumnya dan target akhir, "
        "analisis biro dengan sumbernya, efisiensi anggaran, grafik dan sumber data.\n\n"
        "Contoh: [bold]iku lkjip laporan/ --year 2025 --output bab3.docx[/]",
        "en": "Write chapter III of the LKjIP (performance accountability) as a Word document: "
        "achievement per goal and IKU, comparison with earlier years and the end target, the "
        "bureaus' analysis with its source, budget efficiency, charts and data sources.\n\n"
        "Example: [bold]iku lkjip reports/ --year 2025 --output chapter3.docx[/]",
    },
    "help.lkjip.path": {
        "id": "Berkas laporan atau folder (dicari sampai ke subfolder); sertakan tahun-tahun "
        "sebelumnya untuk perbandingan antartahun.",
        "en": "A workbook or a folder (searched recursively); include earlier years for the "
        "comparison across years.",
    },
    "help.lkjip.output": {
        "id": "Berkas .docx yang ditulis (ditimpa bila sudah ada).",
        "en": "The .docx file to write (replaced when it exists).",
    },
    "lkjip.not_docx": {
        "id": "{path}: Bab III ditulis sebagai dokumen Word; beri nama berakhiran .docx.",
        "en": "{path}: chapter III is a Word document; give a name ending in .docx.",
    },
    "lkjip.written": {
        "id": "Bab III LKjIP {year} ({period}, {status}) ditulis ke {path}: {goals} sasaran, "
        "{indicators} IKU, {tables} tabel, {charts} grafik.",
        "en": "LKjIP chapter III {year} ({period}, {status}) written to {path}: {goals} "
        "goal(s), {indicators} IKU, {tables} table(s), {charts} chart(s).",
    },
    "lkjip.chapter": {
        "id": "BAB III AKUNTABILITAS KINERJA",
        "en": "CHAPTER III PERFORMANCE ACCOUNTABILITY",
    },
    "lkjip.part_a": {"id": "A. Capaian Kinerja Organisasi", "en": "A. Organisational Performance"},
    "lkjip.part_b": {"id": "B. Realisasi Anggaran", "en": "B. Budget Realisation"},
    "lkjip.part_c": {"id": "C. Sumber Data", "en": "C. Data Sources"},
    "lkjip.provisional": {
        "id": "ANGKA SEMENTARA: berdasarkan laporan s.d. {period} tahun {year}; angka tahun "
        "{year} ditetapkan dari laporan TW4.",
        "en": "PROVISIONAL FIGURES: based on reports up to {period} {year}; the {year} figures "
        "are set from the TW4 reports.",
    },
    "lkjip.intro": {
        "id": "Pada tahun {year}, {organisation} menetapkan {goals} sasaran strategis yang "
        "diukur dengan {total} Indikator Kinerja Utama (IKU). Dari {total} IKU, {assessed} "
        "dapat dinilai. Capaian kinerja organisasi secara keseluruhan adalah {achievement}% "
        "dengan kategori {category}.",
        "en": "In {year}, {organisation} set {goals} strategic goal(s), measured by {total} key "
        "performance indicators (IKU), of which {assessed} could be assessed. The overall "
        "achievement is {achievement}%, category {category}.",
    },
    "lkjip.intro_method": {
        "id": "Capaian setiap IKU = realisasi / target x 100 (untuk IKU yang makin kecil makin "
        "baik, menurut rumus katalog); capaian sasaran = rata-rata capaian IKU-nya yang dapat "
        "dinilai; capaian keseluruhan = rata-rata capaian sasaran. Kategori menurut skala "
        "katalog (Permendagri 86/2017): {scale}. Angka dibulatkan ke 2 desimal.",
        "en": "Each IKU's achievement = value / target x 100 (for lower-is-better IKU, by the "
        "catalogue's formula); a goal's achievement = mean of its assessed IKU; overall = mean "
        "of the goals. Categories follow the catalogue's scale (Permendagri 86/2017): {scale}. "
        "Figures are rounded to 2 decimals.",
    },
    "lkjip.goal": {"id": "Sasaran {code}: {statement}", "en": "Goal {code}: {statement}"},
    "lkjip.caption.measure": {
        "id": "Tabel 3.{n} Pengukuran Kinerja Sasaran {code} Tahun {year}",
        "en": "Table 3.{n} Performance measurement, goal {code}, {year}",
    },
    "lkjip.caption.compare": {
        "id": "Tabel 3.{n} Perbandingan Capaian Sasaran {code} dengan Tahun Sebelumnya, "
        "Target Akhir dan Standar",
        "en": "Table 3.{n} Goal {code} compared with earlier years, the end target and standards",
    },
    "lkjip.caption.budget": {
        "id": "Tabel 3.{n} Realisasi Anggaran dan Efisiensi per Sasaran Tahun {year}",
        "en": "Table 3.{n} Budget realisation and efficiency per goal, {year}",
    },
    "lkjip.caption.sources": {
        "id": "Tabel 3.{n} Sumber Data (berkas laporan dan sidik jari SHA-256)",
        "en": "Table 3.{n} Data sources (workbooks and SHA-256 fingerprints)",
    },
    "lkjip.caption.chart": {
        "id": "Gambar 3.{n} Capaian IKU Sasaran {code} Tahun {year} (garis: 100%)",
        "en": "Figure 3.{n} IKU achievement, goal {code}, {year} (line: 100%)",
    },
    "lkjip.goal_result": {
        "id": "Capaian Sasaran {code} tahun {year} adalah {achievement}% dengan kategori "
        "{category} ({assessed} dari {total} IKU dapat dinilai).",
        "en": "Goal {code} achieved {achievement}% in {year}, category {category} ({assessed} "
        "of {total} IKU assessed).",
    },
    "lkjip.goal_none": {
        "id": "Capaian Sasaran {code} tahun {year} belum dapat dinilai: tidak ada IKU-nya yang "
        "dapat dinilai.",
        "en": "Goal {code} cannot be assessed for {year}: none of its IKU could be assessed.",
    },
    "lkjip.col.no": {"id": "No", "en": "No"},
    "lkjip.col.indicator": {"id": "Indikator Kinerja", "en": "Performance Indicator"},
    "lkjip.col.code": {"id": "IKU", "en": "IKU"},
    "lkjip.col.unit": {"id": "Satuan", "en": "Unit"},
    "lkjip.col.target": {"id": "Target", "en": "Target"},
    "lkjip.col.value": {"id": "Realisasi", "en": "Value"},
    "lkjip.col.achievement": {"id": "Capaian (%)", "en": "Achievement (%)"},
    "lkjip.col.category": {"id": "Kategori", "en": "Category"},
    "lkjip.col.baseline": {"id": "Kondisi awal", "en": "Baseline"},
    "lkjip.col.year_value": {"id": "Realisasi {year}", "en": "Value {year}"},
    "lkjip.col.year_achievement": {"id": "Capaian {year} (%)", "en": "Achievement {year} (%)"},
    "lkjip.col.final_target": {"id": "Target akhir {year}", "en": "End target {year}"},
    "lkjip.col.progress": {"id": "Progres (%)", "en": "Progress (%)"},
    "lkjip.col.benchmark": {"id": "Standar", "en": "Standard"},
    "lkjip.col.goal": {"id": "Sasaran", "en": "Goal"},
    "lkjip.col.pagu": {"id": "Pagu (Rp)", "en": "Ceiling (Rp)"},
    "lkjip.col.realisasi": {"id": "Realisasi (Rp)", "en": "Spent (Rp)"},
    "lkjip.col.absorption": {"id": "Serapan (%)", "en": "Absorption (%)"},
    "lkjip.col.efficiency": {"id": "Efisiensi (poin)", "en": "Efficiency (points)"},
    "lkjip.col.file": {"id": "Berkas", "en": "File"},
    "lkjip.col.sha256": {"id": "SHA-256", "en": "SHA-256"},
    "lkjip.no_category": {"id": "-", "en": "-"},
    "lkjip.compare_intro": {
        "id": "Perbandingan realisasi dan capaian dengan tahun-tahun sebelumnya yang ada dalam "
        "laporan ({years}), dengan kondisi awal dan dengan target akhir periode Renstra "
        "({final_year}); progres = realisasi {year} / target akhir x 100.",
        "en": "Value and achievement compared with the earlier years found in the reports "
        "({years}), with the baseline and with the end-of-plan target ({final_year}); "
        "progress = value {year} / end target x 100.",
    },
    "lkjip.no_earlier": {
        "id": "Laporan tahun-tahun sebelum {year} tidak ditemukan; perbandingan antartahun "
        "memakai kondisi awal saja. Sertakan folder laporan tahun sebelumnya untuk "
        "melengkapinya.",
        "en": "No reports for years before {year} were found; the comparison uses the "
        "baseline only. Include the earlier years' folders to complete it.",
    },
    "lkjip.benchmark_source": {"id": "Sumber standar: {items}.", "en": "Standard source: {items}."},
    "lkjip.indicator_head": {"id": "IKU {code}: {name}", "en": "IKU {code}: {name}"},
    "lkjip.fact.achieved": {
        "id": "Realisasi IKU {code} tahun {year} sebesar {value} {unit} dari target {target} "
        "{unit}, sehingga capaiannya {achievement}% dengan kategori {category}.",
        "en": "IKU {code} reached {value} {unit} in {year} against a target of {target} "
        "{unit}: an achievement of {achievement}%, category {category}.",
    },
    "lkjip.fact.not_assessed": {
        "id": "IKU {code} tahun {year} belum dapat dinilai ({reason}).",
        "en": "IKU {code} cannot be assessed for {year} ({reason}).",
    },
    "lkjip.fact.change_up": {
        "id": "Dibandingkan tahun {last} ({previous}%), capaian naik {points} poin persentase.",
        "en": "Compared with {last} ({previous}%), the achievement rose by {points} "
        "percentage points.",
    },
    "lkjip.fact.change_down": {
        "id": "Dibandingkan tahun {last} ({previous}%), capaian turun {points} poin persentase.",
        "en": "Compared with {last} ({previous}%), the achievement fell by {points} "
        "percentage points.",
    },
    "lkjip.fact.change_same": {
        "id": "Capaian sama dengan tahun {last} ({previous}%).",
        "en": "The achievement equals {last}'s ({previous}%).",
    },
    "lkjip.fact.no_change": {
        "id": "Capaian tahun {last} tidak tersedia untuk dibandingkan.",
        "en": "No {last} achievement is available to compare with.",
    },
    "lkjip.fact.progress": {
        "id": "Terhadap target akhir tahun {final_year} ({final_target} {unit}), progresnya "
        "{progress}%.",
        "en": "Against the {final_year} end target ({final_target} {unit}), progress is "
        "{progress}%.",
    },
    "lkjip.fact.benchmark": {
        "id": "Sebagai pembanding, standar {benchmark} {unit} ({source}).",
        "en": "For comparison, the standard is {benchmark} {unit} ({source}).",
    },
    "lkjip.quote.supporting": {"id": "Faktor pendukung", "en": "Supporting factors"},
    "lkjip.quote.obstacles": {"id": "Faktor penghambat", "en": "Obstacles"},
    "lkjip.quote.actions": {"id": "Upaya tindak lanjut", "en": "Actions taken"},
    "lkjip.quote.source": {"id": "sumber: {source}", "en": "source: {source}"},
    "lkjip.placeholder": {
        "id": "[Belum diisi oleh {owner}: {what}]",
        "en": "[Not yet written by {owner}: {what}]",
    },
    "lkjip.programmes": {
        "id": "Program yang mendukung: {items}.",
        "en": "Programmes behind the result: {items}.",
    },
    "lkjip.no_programmes": {
        "id": "[Program pendukung belum dicantumkan dalam katalog IKU]",
        "en": "[No programme listed in the IKU catalogue]",
    },
    "lkjip.efficiency": {
        "id": "Efisiensi: capaian Sasaran {code} {achievement}% dengan serapan anggaran "
        "{absorption}% (Rp {realisasi} dari pagu Rp {pagu}); selisih {points} poin.",
        "en": "Efficiency: goal {code} achieved {achievement}% with {absorption}% of its "
        "budget spent (Rp {realisasi} of Rp {pagu}); a difference of {points} points.",
    },
    "lkjip.no_budget": {
        "id": "Anggaran Sasaran {code} tahun {year} tidak tercantum dalam katalog IKU; "
        "efisiensi tidak dapat dihitung.",
        "en": "The catalogue gives no {year} budget for goal {code}; efficiency cannot be "
        "computed.",
    },
    "lkjip.budget_intro": {
        "id": "Efisiensi = capaian sasaran (%) dikurangi serapan anggaran (realisasi / pagu x "
        "100); nilai positif berarti capaian melampaui serapan anggaran.",
        "en": "Efficiency = goal achievement (%) minus budget absorption (spent / ceiling x "
        "100); a positive value means the achievement outpaced the spending.",
    },
    "lkjip.no_budgets": {
        "id": "Katalog IKU belum memuat anggaran (budget) sasaran untuk tahun {year}.",
        "en": "The IKU catalogue gives no goal budget for {year}.",
    },
    "lkjip.sources_intro": {
        "id": "Angka dalam bab ini dihitung oleh iku {version} dari berkas-berkas berikut; "
        "katalog IKU: {catalogue} (SHA-256 {sha256}). Setiap angka dapat ditelusuri dengan "
        "iku explain KODE PATH.",
        "en": "The figures of this chapter were computed by iku {version} from these files; "
        "IKU catalogue: {catalogue} (SHA-256 {sha256}). Each can be traced with iku explain "
        "CODE PATH.",
    },
    "lkjip.total": {"id": "Jumlah", "en": "Total"},
    "recap.title": {
        "id": "Rekapitulasi Capaian Indikator Kinerja Utama (IKU) Tahun {year}",
        "en": "Key Performance Indicator (IKU) Achievement Recap, {year}",
    },
    "recap.footer.page": {"id": "Halaman &P dari &N", "en": "Page &P of &N"},
    "recap.status_line.final": {
        "id": "Angka final tahun {year}: laporan {range} ({period}).",
        "en": "Final figures for {year}: reports {range} ({period}).",
    },
    "recap.status_line.provisional": {
        "id": "ANGKA SEMENTARA: laporan {range} ({period}); angka tahun {year} ditetapkan "
        "dari laporan TW4.",
        "en": "PROVISIONAL FIGURES: reports {range} ({period}); the {year} figures are set "
        "by the TW4 reports.",
    },
    "recap.status_line.not_final": {
        "id": "BELUM FINAL: laporan {range} ({period}) tahun {year} belum lengkap atau bermasalah:",
        "en": "NOT FINAL: the {year} reports {range} ({period}) are incomplete or have problems:",
    },
    "recap.unfinished.period": {
        "id": "laporan baru s.d. {period}",
        "en": "reports only up to {period}",
    },
    "recap.unfinished.missing": {
        "id": "{count} laporan belum masuk ({list})",
        "en": "{count} workbook(s) missing ({list})",
    },
    "recap.unfinished.errors": {
        "id": "{count} galat dalam laporan (lihat lembar Catatan)",
        "en": "{count} error(s) in the workbooks (see the Catatan sheet)",
    },
    "recap.unfinished.incomplete": {
        "id": "{count} IKU belum lengkap isiannya ({list})",
        "en": "{count} IKU with values missing ({list})",
    },
    "recap.unfinished.none_assessed": {
        "id": "tidak satu pun dari {total} IKU dapat dinilai",
        "en": "none of the {total} IKU could be assessed",
    },
    "recap.range.TW1": {"id": "s.d. Triwulan I", "en": "to the end of Q1"},
    "recap.range.TW2": {"id": "s.d. Triwulan II", "en": "to the end of Q2"},
    "recap.range.TW3": {"id": "s.d. Triwulan III", "en": "to the end of Q3"},
    "recap.range.TW4": {"id": "s.d. Triwulan IV", "en": "to the end of Q4"},
    "recap.sheet.achievement": {
        "id": "Pengukuran Capaian Indikator Kinerja Utama Tahun {year}",
        "en": "Key Performance Indicator Measurement, {year}",
    },
    "recap.sheet.trend": {
        "id": "Perbandingan Capaian Antartahun dan Kemajuan terhadap Target Renstra",
        "en": "Achievement Across Years and Progress Towards the Renstra Target",
    },
    "recap.sheet.analysis": {
        "id": "Analisis Capaian Kinerja: Perbandingan, Target Akhir dan Penjelasan Biro",
        "en": "Performance Analysis: Comparisons, End Target and the Bureaus' Explanations",
    },
    "recap.sheet.completeness": {
        "id": "Kelengkapan Laporan Biro Tahun {year}",
        "en": "Completeness of Bureau Reports, {year}",
    },
    "recap.sheet.sources": {
        "id": "Sumber Data: setiap angka yang dipakai dan selnya",
        "en": "Data Sources: every number used and its cell",
    },
    "recap.sheet.notes": {"id": "Catatan", "en": "Notes"},
    "recap.achievement.hint": {
        "id": "Realisasi kumulatif sejak 1 Januari. Capaian = realisasi / target x 100 "
        "(IKU negatif: lihat lembar Catatan). Sel kosong: belum ada angka, bukan nol; "
        "sumber setiap angka di lembar Sumber Data.",
        "en": "Cumulative values since 1 January. Achievement = value / target x 100 "
        "(negative IKU: see the Catatan sheet). Empty cell: no figure, not zero; the source "
        "of every number is on the Sumber Data sheet.",
    },
    "recap.col.goal": {"id": "Sasaran", "en": "Goal"},
    "recap.col.code": {"id": "Kode", "en": "Code"},
    "recap.col.indicator": {"id": "Indikator Kinerja", "en": "Performance Indicator"},
    "recap.col.unit": {"id": "Satuan", "en": "Unit"},
    "recap.col.owner": {"id": "Penanggung Jawab", "en": "Owner"},
    "recap.col.target": {"id": "Target {year}", "en": "Target {year}"},
    "recap.col.realisation": {"id": "Realisasi kumulatif", "en": "Cumulative value"},
    "recap.col.value": {"id": "Realisasi {year}", "en": "Value {year}"},
    "recap.col.achievement": {"id": "Capaian (%)", "en": "Achievement (%)"},
    "recap.col.category": {"id": "Kategori", "en": "Category"},
    "recap.col.status": {"id": "Status", "en": "Status"},
    "recap.col.reason": {"id": "Keterangan", "en": "Remarks"},
    "recap.col.statement": {"id": "Sasaran Strategis", "en": "Strategic goal"},
    "recap.col.assessed": {"id": "IKU dinilai", "en": "IKU assessed"},
    "recap.col.total": {"id": "Jumlah IKU", "en": "IKU in total"},
    "recap.col.count": {"id": "Jumlah IKU", "en": "Number of IKU"},
    "recap.col.band": {"id": "Rentang capaian (%)", "en": "Achievement range (%)"},
    "recap.col.target_short": {"id": "Target", "en": "Target"},
    "recap.col.value_short": {"id": "Realisasi", "en": "Value"},
    "recap.col.received": {"id": "Diterima", "en": "Received"},
    "recap.col.missing": {"id": "Belum diterima", "en": "Missing"},
    "recap.col.with_errors": {"id": "Dengan galat", "en": "With errors"},
    "recap.col.year": {"id": "Tahun", "en": "Year"},
    "recap.col.period": {"id": "Periode", "en": "Period"},
    "recap.col.input": {"id": "Variabel", "en": "Input"},
    "recap.col.label": {"id": "Uraian", "en": "Description"},
    "recap.col.number": {"id": "Nilai", "en": "Value"},
    "recap.col.file": {"id": "Berkas", "en": "File"},
    "recap.col.sheet": {"id": "Lembar", "en": "Sheet"},
    "recap.col.cell": {"id": "Sel", "en": "Cell"},
    "recap.col.note": {"id": "Keterangan", "en": "Note"},
    "recap.col.no": {"id": "No", "en": "No"},
    "recap.col.severity": {"id": "Tingkat", "en": "Severity"},
    "recap.col.finding": {"id": "Kode temuan", "en": "Finding code"},
    "recap.col.message": {"id": "Uraian dan tindakan", "en": "What is wrong and what to do"},
    "recap.col.where": {"id": "Letak", "en": "Where"},
    "recap.goal.assessed": {
        "id": "{assessed} dari {total} IKU dinilai",
        "en": "{assessed} of {total} IKU assessed",
    },
    "recap.goal.name": {"id": "Sasaran {code}", "en": "Goal {code}"},
    "recap.overall": {"id": "Capaian keseluruhan", "en": "Overall achievement"},
    "recap.overall.hint.goals": {
        "id": "rata-rata capaian sasaran",
        "en": "mean of the goals' achievements",
    },
    "recap.overall.hint.indicators": {
        "id": "rata-rata capaian seluruh IKU yang dinilai",
        "en": "mean of every assessed IKU's achievement",
    },
    "recap.overall.other": {
        "id": "Pembanding (cara lain)",
        "en": "For comparison (the other way)",
    },
    "recap.label.organisation": {"id": "Perangkat daerah", "en": "Organisation"},
    "recap.label.year": {"id": "Tahun", "en": "Year"},
    "recap.label.period": {"id": "Periode", "en": "Period"},
    "recap.label.status": {"id": "Status angka", "en": "Figures"},
    "recap.label.generated": {"id": "Dibuat pada", "en": "Generated at"},
    "recap.label.catalogue": {"id": "Katalog IKU", "en": "IKU catalogue"},
    "recap.label.fingerprint": {
        "id": "Sidik jari katalog (sha256)",
        "en": "Catalogue fingerprint (sha256)",
    },
    "recap.label.files": {"id": "Laporan dibaca", "en": "Workbooks read"},
    "recap.label.tool": {"id": "Dibuat dengan", "en": "Made with"},
    "recap.files": {
        "id": "{files} berkas, {submissions} laporan biro; {errors} kesalahan, {warnings} "
        "peringatan (lembar Catatan)",
        "en": "{files} file(s), {submissions} bureau workbook(s); {errors} error(s), "
        "{warnings} warning(s) (Catatan sheet)",
    },
    "recap.goals.title": {
        "id": "Capaian per Sasaran Strategis dan Keseluruhan",
        "en": "Achievement per Strategic Goal and Overall",
    },
    "recap.categories.title": {"id": "Jumlah IKU per Kategori", "en": "IKU per Category"},
    "recap.categories.no_category": {
        "id": "tanpa kategori (lihat Keterangan di lembar Capaian IKU)",
        "en": "no category (see Remarks on the Capaian IKU sheet)",
    },
    "recap.band.at_least": {"id": ">= {min}", "en": ">= {min}"},
    "recap.band.between": {"id": "{min} s.d. < {max}", "en": "{min} to < {max}"},
    "recap.band.below": {"id": "< {max}", "en": "< {max}"},
    "recap.total": {"id": "Jumlah", "en": "Total"},
    "recap.chart.title": {
        "id": "Capaian per IKU Tahun {year} ({period})",
        "en": "Achievement per IKU, {year} ({period})",
    },
    "recap.chart.data": {"id": "Data grafik", "en": "Chart data"},
    "recap.chart.reference": {"id": "Acuan 100%", "en": "100% reference"},
    "recap.chart.reference_col": {"id": "Acuan (%)", "en": "Reference (%)"},
    "recap.trend.hint": {
        "id": "Target, realisasi dan capaian setiap tahun Renstra s.d. {year}; tahun tanpa "
        "laporan dibiarkan kosong, bukan nol. Kemajuan = realisasi terakhir terhadap target "
        "akhir Renstra ({final_year}), dihitung seperti capaian.",
        "en": "Target, value and achievement for every Renstra year up to {year}; a year "
        "without reports is left empty, not zero. Progress = the latest value against the "
        "Renstra's final target ({final_year}), worked out like an achievement.",
    },
    "recap.trend.year": {"id": "{year} ({period})", "en": "{year} ({period})"},
    "recap.trend.year_no_data": {"id": "{year} (tanpa data)", "en": "{year} (no data)"},
    "recap.trend.year_provisional": {
        "id": "{year} (s.d. {period}, sementara)",
        "en": "{year} (to {period}, provisional)",
    },
    "recap.trend.renstra": {
        "id": "Kemajuan terhadap target Renstra {year}",
        "en": "Progress towards the Renstra target {year}",
    },
    "recap.trend.latest": {"id": "Realisasi terakhir", "en": "Latest value"},
    "recap.trend.latest_year": {"id": "Tahun", "en": "Year"},
    "recap.trend.progress": {"id": "Kemajuan (%)", "en": "Progress (%)"},
    "recap.analysis.hint": {
        "id": "Per indikator: realisasi dan capaian tahun ini dan tahun-tahun sebelumnya, "
        "perubahan capaian (poin), kondisi awal, kemajuan terhadap target akhir (dihitung "
        "seperti capaian), pembanding, program, dan analisis biro beserta selnya.",
        "en": "Per indicator: value and achievement this year and in earlier years, the "
        "change in achievement (points), baseline, progress towards the end target (worked "
        "out like an achievement), benchmark, programmes, and the bureau's analysis with "
        "its cells.",
    },
    "recap.analysis.target": {"id": "Target {year}", "en": "Target {year}"},
    "recap.analysis.value": {"id": "Realisasi {year}", "en": "Value {year}"},
    "recap.analysis.achievement": {"id": "Capaian {year} (%)", "en": "Achievement {year} (%)"},
    "recap.analysis.change": {
        "id": "Perubahan capaian dari {year} (poin)",
        "en": "Change from {year} (points)",
    },
    "recap.analysis.baseline_year": {"id": "Tahun kondisi awal", "en": "Baseline year"},
    "recap.analysis.baseline": {"id": "Kondisi awal", "en": "Baseline"},
    "recap.analysis.final_target": {
        "id": "Target akhir {year}",
        "en": "End target {year}",
    },
    "recap.analysis.progress": {
        "id": "Kemajuan thd target akhir (%)",
        "en": "Progress to end target (%)",
    },
    "recap.analysis.benchmark": {"id": "Pembanding", "en": "Benchmark"},
    "recap.analysis.benchmark_source": {"id": "Sumber pembanding", "en": "Benchmark source"},
    "recap.analysis.programmes": {"id": "Program", "en": "Programmes"},
    "recap.analysis.source": {
        "id": "Sumber analisis (berkas, sel)",
        "en": "Source of the analysis (file, cells)",
    },
    "recap.completeness.hint": {
        "id": "Per biro dan triwulan: nama berkas yang diterima, yang belum diterima, dan "
        "yang diterima dengan galat (rinciannya di lembar Catatan).",
        "en": "Per bureau and quarter: the file received, what is missing, and what was "
        "received with errors (details on the Catatan sheet).",
    },
    "recap.completeness.unknown": {
        "id": "{owner} (tidak ada di katalog)",
        "en": "{owner} (not in the catalogue)",
    },
    "recap.legend": {"id": "Keterangan warna", "en": "Legend"},
    "recap.state.received": {"id": "Diterima", "en": "Received"},
    "recap.state.errors": {"id": "Diterima, ada galat", "en": "Received with errors"},
    "recap.state.duplicate": {"id": "Ganda", "en": "Duplicate"},
    "recap.state.missing": {"id": "Belum diterima", "en": "Missing"},
    "recap.state.not_required": {"id": "Tidak wajib", "en": "Not required"},
    "recap.state.later": {"id": "Belum waktunya", "en": "Not yet due"},
    "recap.state_hint.received": {
        "id": "laporan diterima tanpa kesalahan (nama berkasnya tertulis)",
        "en": "workbook received without errors (its file name is shown)",
    },
    "recap.state_hint.errors": {
        "id": "laporan diterima tetapi memuat kesalahan; perbaiki sesuai lembar Catatan",
        "en": "workbook received but it has errors; fix them as the Catatan sheet says",
    },
    "recap.state_hint.duplicate": {
        "id": "lebih dari satu laporan untuk periode yang sama; sisakan satu",
        "en": "more than one workbook for the same period; keep one",
    },
    "recap.state_hint.missing": {
        "id": "laporan wajib yang belum diterima; minta biro mengirimkannya",
        "en": "a required workbook not received; ask the bureau to send it",
    },
    "recap.state_hint.not_required": {
        "id": "biro tidak melapor pada triwulan ini (IKU-nya tahunan, dilaporkan TW4)",
        "en": "the bureau does not report this quarter (its IKU are annual, reported at TW4)",
    },
    "recap.state_hint.later": {
        "id": "triwulan sesudah periode rekap",
        "en": "a quarter after the recap's period",
    },
    "recap.cell.errors": {"id": "{file} ({errors} galat)", "en": "{file} ({errors} error(s))"},
    "recap.cell.duplicate": {"id": "Ganda: {files}", "en": "Duplicate: {files}"},
    "recap.sources.hint": {
        "id": "{count} angka: setiap angka di balik nilai pada lembar Capaian IKU dan Tren, "
        "persis seperti diketik biro, dengan berkas, lembar, sel dan sidik jari (sha256) "
        "berkasnya.",
        "en": "{count} number(s): every number behind a figure on the Capaian IKU and Tren "
        "sheets, exactly as the bureau typed it, with file, sheet, cell and the file's "
        "fingerprint (sha256).",
    },
    "recap.notes.findings": {
        "id": "Temuan pembacaan laporan ({count})",
        "en": "Findings from reading the workbooks ({count})",
    },
    "recap.notes.no_findings": {"id": "Tidak ada temuan.", "en": "No findings."},
    "recap.notes.catalogue": {"id": "Catatan katalog IKU", "en": "Catalogue notes"},
    "recap.notes.no_notes": {
        "id": "Katalog tidak memuat catatan.",
        "en": "The catalogue has no notes.",
    },
    "recap.notes.method": {"id": "Metode perhitungan", "en": "Method"},
    "recap.method.positive": {
        "id": "IKU positif (makin besar makin baik): capaian = realisasi / target x 100.",
        "en": "Positive IKU (higher is better): achievement = value / target x 100.",
    },
    "recap.method.two_minus_ratio": {
        "id": "IKU negatif (makin kecil makin baik): capaian = (2 - realisasi / target) x 100 "
        "(PermenPAN-RB, kondisi khusus).",
        "en": "Negative IKU (lower is better): achievement = (2 - value / target) x 100 "
        "(PermenPAN-RB, special condition).",
    },
    "recap.method.target_over_realisation": {
        "id": "IKU negatif (makin kecil makin baik): capaian = target / realisasi x 100.",
        "en": "Negative IKU (lower is better): achievement = target / value x 100.",
    },
    "recap.method.cap": {
        "id": "Capaian per IKU dilaporkan apa adanya; untuk rata-rata sasaran dan keseluruhan "
        "dibatasi paling tinggi {cap}.",
        "en": "Each IKU's achievement is reported as it is; for the goal and overall means it "
        "is capped at {cap}.",
    },
    "recap.method.no_cap": {
        "id": "Capaian tidak dibatasi, juga dalam rata-rata sasaran dan keseluruhan.",
        "en": "Achievements are not capped, also not in the goal and overall means.",
    },
    "recap.method.floor": {
        "id": "Capaian di bawah {floor} (IKU negatif dapat bernilai minus) dihitung {floor} "
        "dalam rata-rata sasaran dan keseluruhan; capaian per IKU tetap apa adanya.",
        "en": "An achievement below {floor} (a negative IKU can go below zero) counts as "
        "{floor} in the goal and overall means; each IKU's own stays as it is.",
    },
    "recap.method.no_floor": {
        "id": "Capaian tidak diberi batas bawah, juga dalam rata-rata.",
        "en": "Achievements have no floor, also not in the means.",
    },
    "recap.method.overall.goals": {
        "id": "Capaian keseluruhan = rata-rata capaian sasaran (setiap sasaran berbobot sama; "
        "achievement.overall: goals). Rata-rata seluruh IKU ditampilkan di Ringkasan sebagai "
        "pembanding.",
        "en": "Overall achievement = the mean of the goals (each goal weighs the same; "
        "achievement.overall: goals). The mean of all IKU is shown on Ringkasan for "
        "comparison.",
    },
    "recap.method.overall.indicators": {
        "id": "Capaian keseluruhan = rata-rata capaian seluruh IKU yang dinilai (setiap IKU "
        "berbobot sama; achievement.overall: indicators). Rata-rata sasaran ditampilkan di "
        "Ringkasan sebagai pembanding.",
        "en": "Overall achievement = the mean of every assessed IKU (each IKU weighs the "
        "same; achievement.overall: indicators). The mean of the goals is shown on Ringkasan "
        "for comparison.",
    },
    "recap.method.quarterly": {
        "id": "Sebelum TW4, IKU triwulanan dibandingkan dengan target triwulan bila ada "
        "(ditulis per triwulan, atau target tahunan x profil triwulan katalog); tanpa target "
        "triwulan IKU ditandai sesuai jalur/tertinggal, bukan kategori, dan tidak ikut "
        "dirata-rata.",
        "en": "Before TW4, quarterly IKU are compared with a quarterly target when there is "
        "one (written per quarter, or the year's target x the catalogue's quarterly profile); "
        "without one an IKU is marked on track/behind, not a category, and is not averaged.",
    },
    "recap.method.goal": {
        "id": "Capaian sasaran = rata-rata capaian IKU-nya yang dapat dinilai. Kategori "
        "menurut skala katalog (Permendagri 86/2017).",
        "en": "Goal achievement = mean of its assessed IKU. Categories follow the "
        "catalogue's scale (Permendagri 86/2017).",
    },
    "recap.method.rounding": {
        "id": "Sel menyimpan angka lengkap (tanpa pembulatan) dan hanya ditampilkan "
        "dibulatkan ke 2 desimal, sehingga realisasi / target x 100 dari sel yang tersimpan "
        "sama dengan capaian yang tersimpan. Kategori ditentukan dari capaian yang "
        "dibulatkan setengah ke atas ke 2 desimal, lalu dicocokkan dengan rentang skala "
        "(90,995 menjadi 91,00: Sangat Tinggi).",
        "en": "Cells hold the full-precision figures, shown rounded to 2 decimals by the "
        "number format, so realisation / target x 100 from the stored cells equals the "
        "stored achievement. The category is judged on the achievement rounded half-up to "
        "2 decimals, then placed in its band (90.995 becomes 91.00: Sangat Tinggi).",
    },
    "recap.method.sources": {
        "id": "Setiap angka dapat ditelusuri ke berkas, lembar dan sel laporan biro di "
        "lembar Sumber Data; iku explain KODE PATH menjelaskan satu IKU langkah demi langkah.",
        "en": "Every number traces back to the bureau's file, sheet and cell on the Sumber "
        "Data sheet; iku explain CODE PATH explains one IKU step by step.",
    },
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
