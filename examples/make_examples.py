"""Make the example submissions in examples/2024, examples/2025 and examples/invalid.

The numbers are illustrative, not Setda Kaltim's real figures. The workbooks are
written by iku's own template writer for the shipped catalogue, then filled the
way a bureau would, with openpyxl (part of the test extra):

    python -m pip install -e ".[test]"
    python examples/make_examples.py            # rewrites the .xlsx files in place

The random numbers come from fixed seeds, so running it again gives the same
values. Every value respects its input's min, max and whole-number rule; values
are cumulative (never falling from one quarter to the next within a year);
numerators never exceed denominators where the indicator has a ``max``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from random import Random
from typing import Any

from iku_cli.core.catalogue import Catalogue, Indicator
from iku_cli.core.periods import PERIODS, Period
from iku_cli.loading import catalogue_file
from iku_cli.outputs.template import template_rows, write_template

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
YEARS = (2024, 2025)
VALUE_COLUMN = 6  # F: Nilai
NOTE_COLUMN = 7  # G: Keterangan
FIRST_ROW = 5

Series = list[Decimal]  # cumulative values at TW1..TW4
Values = dict[str, Series]
MILLION = 1_000_000
BILLION = 1_000_000_000

# --------------------------------------------------------------------------- narratives

# The bureaus' analysis (sheet Analisis): Faktor pendukung, Faktor penghambat, Upaya
# tindak lanjut, Bukti dukung, per indicator. Illustrative, written as bureaus write.
NARRATIVES: dict[str, tuple[str, str, str, str]] = {
    "1.1": (
        "Koordinasi yang intensif dengan Perangkat Daerah pengampu urusan pemerintahan "
        "dan dukungan Asisten Pemerintahan dan Kesra.",
        "Beberapa rancangan kebijakan menunggu hasil fasilitasi Kementerian Dalam Negeri "
        "sehingga belum dapat disahkan pada tahun berjalan.",
        "Menjadwalkan rapat koordinasi bulanan dengan Kemendagri dan memantau status "
        "setiap rancangan dalam daftar kendali.",
        "Daftar kendali rancangan kebijakan; notulen rapat koordinasi",
    ),
    "1.2": (
        "Pengampu IKK Perangkat Daerah telah ditetapkan dengan Keputusan Gubernur.",
        "Sebagian data IKK bersumber dari BPS yang terbit setelah batas waktu penyusunan LPPD.",
        "Menyepakati jadwal penyampaian data dengan BPS Provinsi dan memakai angka "
        "sementara dengan catatan.",
        "LPPD Provinsi Kalimantan Timur; tanda terima penyampaian LPPD ke Kemendagri",
    ),
    "1.3": (
        "Minat pemerintah kabupaten/kota dan mitra luar negeri untuk bekerja sama meningkat.",
        "Sebagian usulan kerja sama belum dilengkapi kajian dan rencana kerja.",
        "Pendampingan penyusunan kajian kerja sama bagi Perangkat Daerah pengusul.",
        "Rekapitulasi usulan kerja sama; naskah kesepakatan bersama yang ditandatangani",
    ),
    "1.4": (
        "Sinergi dengan Perangkat Daerah bidang kesejahteraan rakyat berjalan baik.",
        "Pergantian pejabat pada beberapa Perangkat Daerah memperlambat tindak lanjut kebijakan.",
        "Menyampaikan surat pengingat dan memfasilitasi rapat tindak lanjut per triwulan.",
        "Laporan tindak lanjut kebijakan bidang Kesra",
    ),
    "1.5": (
        "Pendataan lembaga keagamaan bersama Kantor Wilayah Kementerian Agama.",
        "Jumlah lembaga dan sarana keagamaan yang terdata terus bertambah sehingga "
        "persentase yang difasilitasi tertahan.",
        "Memprioritaskan fasilitasi lembaga yang belum pernah menerima bantuan dan "
        "memutakhirkan basis data setiap semester.",
        "Basis data lembaga keagamaan; berita acara serah terima fasilitasi",
    ),
    "1.6": (
        "Tim harmonisasi lengkap dan jadwal pembahasan ditetapkan sejak awal tahun.",
        "Rancangan produk hukum dari Perangkat Daerah masuk menjelang akhir tahun.",
        "Menetapkan batas waktu penyampaian rancangan dan membuka klinik konsultasi "
        "hukum setiap minggu.",
        "Register harmonisasi produk hukum",
    ),
    "1.7": (
        "Koordinasi dengan Kejaksaan Tinggi selaku jaksa pengacara negara.",
        "Sebagian perkara bergantung pada jadwal persidangan yang di luar kendali Biro Hukum.",
        "Menyusun daftar perkara prioritas dan memperkuat dokumentasi bukti sejak awal perkara.",
        "Register perkara; putusan pengadilan",
    ),
    "1.8": (
        "Pemanfaatan aplikasi fasilitasi produk hukum kabupaten/kota.",
        "Kabupaten/kota belum seluruhnya menyampaikan rancangan tepat waktu.",
        "Sosialisasi tata cara fasilitasi kepada bagian hukum kabupaten/kota.",
        "Rekap fasilitasi dan evaluasi produk hukum kabupaten/kota",
    ),
    "2.1": (
        "Rapat koordinasi kebijakan ekonomi terjadwal dengan Perangkat Daerah dan BUMD.",
        "Beberapa koordinasi tertunda karena agenda pimpinan.",
        "Menggabungkan koordinasi sejenis dalam satu forum dan memanfaatkan rapat daring.",
        "Undangan, daftar hadir dan notulen rapat koordinasi",
    ),
    "2.2": (
        "Kinerja BUMD sektor energi dan perbankan membaik.",
        "Setoran dividen sebagian BUMD baru diterima setelah RUPS pada akhir triwulan kedua, "
        "dan satu BUMD merugi.",
        "Mendorong percepatan RUPS dan menyusun rencana penyehatan bagi BUMD yang merugi.",
        "Bukti setor dividen ke Kas Daerah; risalah RUPS",
    ),
    "2.3": (
        "Pendampingan LKPP dan penguatan SDM pengelola pengadaan bersertifikat.",
        "Variabel manajemen risiko dan kinerja UKPBJ belum memenuhi level berikutnya.",
        "Menyusun peta risiko pengadaan dan sistem pengukuran kinerja UKPBJ.",
        "",
    ),
    "2.4": (
        "Produk dalam negeri yang tayang di katalog elektronik lokal bertambah.",
        "Penyedia lokal belum banyak yang tayang di katalog elektronik, dan sebagian paket "
        "konstruksi tidak tersedia melalui e-purchasing.",
        "Pendampingan penyedia lokal untuk tayang di katalog elektronik dan imbauan kepada "
        "Perangkat Daerah untuk mengutamakan e-purchasing.",
        "Laporan transaksi e-katalog dari aplikasi LKPP",
    ),
    "2.5": (
        "Pemantauan pelaksanaan pembangunan melalui aplikasi pengendalian.",
        "Data realisasi fisik dari Perangkat Daerah terlambat masuk.",
        "Kunjungan lapangan bersama Perangkat Daerah yang realisasinya rendah.",
        "Laporan pengendalian pelaksanaan pembangunan triwulanan",
    ),
    "3.1": (
        "Evaluasi kelembagaan dilakukan bersama Kementerian PANRB.",
        "Beberapa Perangkat Daerah belum menyesuaikan struktur dengan hasil evaluasi.",
        "Menyusun rekomendasi penataan kelembagaan dan mengawal penetapannya.",
        "Laporan hasil evaluasi kelembagaan",
    ),
    "3.2": (
        "Komitmen pimpinan Perangkat Daerah terhadap penataan tata laksana.",
        "Dokumen proses bisnis sebagian Perangkat Daerah belum dimutakhirkan.",
        "Bimbingan teknis penyusunan peta proses bisnis dan SOP.",
        "Laporan penilaian indeks kematangan organisasi",
    ),
    "3.3": (
        "Pendampingan evaluasi AKIP secara intensif kepada Perangkat Daerah kluster utama.",
        "Kualitas pengukuran kinerja dan keterkaitan anggaran dengan kinerja belum merata.",
        "Klinik SAKIP per Perangkat Daerah dan reviu dokumen perencanaan kinerja.",
        "Laporan hasil evaluasi AKIP Perangkat Daerah",
    ),
    "3.4": (
        "Pemanfaatan aplikasi e-SAKIP untuk pemantauan kinerja.",
        "Sebagian Perangkat Daerah belum menindaklanjuti rekomendasi evaluasi tahun lalu.",
        "Memantau tindak lanjut rekomendasi evaluasi setiap triwulan.",
        "Rekapitulasi nilai SAKIP Perangkat Daerah",
    ),
    "3.5": (
        "Survei Kepuasan Masyarakat dilaksanakan serentak dengan metode yang sama.",
        "Unsur waktu pelayanan dan sarana pengaduan masih bernilai rendah pada beberapa "
        "Perangkat Daerah.",
        "Menyusun rencana tindak lanjut hasil SKM per unsur layanan dan memantau pelaksanaannya.",
        "Laporan hasil Survei Kepuasan Masyarakat",
    ),
    "4.1": (
        "Standar pelayanan kesekretariatan telah ditetapkan dan dipublikasikan.",
        "Penyerapan anggaran menumpuk di triwulan keempat.",
        "Menyusun rencana penarikan dana per bulan dan memantaunya dalam rapat staf.",
        "Laporan realisasi anggaran; dokumen standar pelayanan",
    ),
    "4.2": (
        "Kanal pengaduan terintegrasi dengan SP4N-LAPOR!.",
        "Sebagian keluhan memerlukan tindak lanjut lintas Perangkat Daerah.",
        "Menetapkan penghubung pengaduan di setiap bagian dan batas waktu tindak lanjut.",
        "Rekap pengaduan SP4N-LAPOR!",
    ),
    "4.3": (
        "Materi komunikasi pimpinan disiapkan lebih awal.",
        "Perubahan agenda pimpinan yang mendadak.",
        "Menyiapkan materi cadangan dan memperkuat koordinasi dengan ajudan.",
        "Laporan survei kepuasan pimpinan",
    ),
}
# Files whose Analisis sheet is left as the template gives it, to show the findings
# (narrative-missing, and evidence-missing where the catalogue requires evidence).
BLANK_ANALYSIS = {
    (2025, "TW4", "Biro Hukum"),
    (2025, "TW3", "Biro Kesra"),
    (2024, "TW4", "Biro Organisasi"),
}
ANALYSIS_FIRST_ROW = 5


def write_analysis(workbook: Any, year: int, period: Period) -> None:
    """Type each indicator's narrative into the Analisis sheet, as a bureau would."""
    sheet = workbook["Analisis"]
    for row in range(ANALYSIS_FIRST_ROW, sheet.max_row + 1):
        code = sheet.cell(row, 1).value
        if code is None:
            break
        texts = NARRATIVES.get(str(code))
        if texts is None:
            continue
        for column, text in enumerate(texts, start=3):
            if text:
                sheet.cell(row, column).value = text


# --------------------------------------------------------------------------- building blocks

# the share of the year's total reached by the end of each quarter (low, high)
SHARES = ((0.18, 0.30), (0.42, 0.55), (0.66, 0.80), (1.0, 1.0))


def whole(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def cents(value: float, places: int = 2) -> Decimal:
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def rising(series: Series) -> Series:
    """Make a series non-decreasing (cumulative values never fall)."""
    out: Series = []
    for value in series:
        out.append(max(value, out[-1]) if out else value)
    return out


def flow(rng: Random, total: float) -> Series:
    """A whole amount that accumulates over the year, reaching ``total`` at TW4."""
    shares = [rng.uniform(low, high) for low, high in SHARES]
    return rising([whole(total * share) for share in shares])


def stock(level: float, drift: float = 0.0) -> Series:
    """A count that stays (almost) the same all year: what is recorded, budgeted or staffed."""
    grown = [level * (1 + drift * i / 3) for i in range(4)]
    return rising([whole(v) for v in grown])


def part_of(rng: Random, whole_series: Series, low: float, high: float, cap: bool = True) -> Series:
    """A part of ``whole_series`` at a share drawn per quarter; never above it when ``cap``."""
    out: Series = []
    for base in whole_series:
        value = whole(float(base) * rng.uniform(low, high))
        if out:
            value = max(value, out[-1])
        if cap:
            value = min(value, base)
        out.append(value)
    return out


def growing_share(rng: Random, whole_series: Series, start: float, end: float) -> Series:
    """A part of a stock whose share grows from ``start`` at TW1 to ``end`` at TW4."""
    out: Series = []
    for index, base in enumerate(whole_series):
        share = start + (end - start) * index / 3 + rng.uniform(-0.01, 0.01)
        value = min(whole(float(base) * share), base)
        out.append(max(value, out[-1]) if out else value)
    return out


def annual(value: Decimal) -> Series:
    """An assessment result, reported at TW4 only (the earlier entries are never written)."""
    return [value] * 4


def counted(
    rng: Random,
    part: str,
    total: str,
    size: tuple[int, int],
    share: tuple[float, float],
    lift: float,
    cap: bool = True,
) -> Values:
    """A ratio of counts that both accumulate: ``part`` of ``total`` at ``share``."""
    totals = flow(rng, rng.randint(*size))
    low, high = share
    parts = part_of(rng, totals, min(low + lift, 1.0), min(high + lift, 1.0 if cap else 1.06), cap)
    return {part: parts, total: totals}


# --------------------------------------------------------------------------- the shipped IKU


def lifted(year: int) -> float:
    """Results improve a little from one year to the next."""
    return 0.02 * (year - YEARS[0])


Recipe = Callable[[Random, int], Values]


def _r_1_2(rng: Random, year: int) -> Values:
    outcome = rng.randint(68, 76)
    share = min(rng.uniform(0.92, 0.98) + lifted(year), 1.0)
    return {"iki_terlapor": annual(whole(outcome * share)), "iki_seluruh": annual(Decimal(outcome))}


def _r_1_5(rng: Random, year: int) -> Values:
    lembaga = stock(rng.randint(420, 480), drift=0.01)
    sarpras = stock(rng.randint(950, 1050), drift=0.01)
    recorded = [a + b for a, b in zip(lembaga, sarpras, strict=True)]
    end = rng.uniform(0.18, 0.25) + lifted(year)
    return {
        "difasilitasi": growing_share(rng, recorded, end / 4, end),
        "lembaga_terdata": lembaga,
        "sarpras_terdata": sarpras,
    }


def _r_2_2(rng: Random, year: int) -> Values:
    # the year's deposit target from BUMD, in Rupiah: a stock; deposits accumulate
    target = stock(rng.randint(180, 260) * BILLION + rng.randint(0, 999) * MILLION)
    reached = rng.uniform(0.90, 1.04) + lifted(year)
    amount = float(target[-1]) * reached
    return {"disetor": flow(rng, amount), "target_nominal": target}


def _r_2_3(rng: Random, year: int) -> Values:
    return {"level": annual(Decimal(3 if year == YEARS[0] else rng.choice((3, 4))))}


def _r_2_4(rng: Random, year: int) -> Values:
    penyedia = flow(rng, rng.randint(420, 620) * BILLION + rng.randint(0, 999) * MILLION)
    # e-purchasing grows slower than planned: a realistic "Sedang" or "Rendah"
    share = (0.30 + lifted(year), 0.40 + lifted(year))
    return {"e_purchasing": part_of(rng, penyedia, *share), "penyedia": penyedia}


def _r_index(low: float, high: float, places: int = 2) -> Recipe:
    def recipe(rng: Random, year: int) -> Values:
        span = high - low
        value = rng.uniform(low, high - span * 0.2) + span * 0.2 * (year - YEARS[0])
        return {"indeks": annual(cents(value, places))}

    return recipe


def _r_3_3(rng: Random, year: int) -> Values:
    return {"jumlah_pd": annual(Decimal(rng.randint(8, 10) + (year - YEARS[0])))}


def _r_sakip(part: str, total: str, size: tuple[int, int], share: tuple[float, float]) -> Recipe:
    def recipe(rng: Random, year: int) -> Values:
        agencies = rng.randint(*size)
        low, high = share
        count = whole(agencies * min(rng.uniform(low, high) + lifted(year) * 2, 1.0))
        return {part: annual(count), total: annual(Decimal(agencies))}

    return recipe


def _r_4_1(rng: Random, year: int) -> Values:
    lift = lifted(year)
    documents = flow(rng, rng.randint(10, 14))
    pagu = stock(rng.randint(42, 58) * BILLION + rng.randint(0, 999) * MILLION)
    spent = [rng.uniform(0.16, 0.22), rng.uniform(0.40, 0.48), rng.uniform(0.64, 0.72)]
    spent.append(rng.uniform(0.90, 0.96) + lift / 2)
    staff = stock(rng.randint(190, 230), drift=0.02)
    offices = stock(rng.randint(360, 440))
    return {
        "dok_tepat_waktu": part_of(rng, documents, 0.80 + lift, 0.95 + lift),
        "dok_seluruh": documents,
        "realisasi_anggaran": rising([whole(float(pagu[i]) * s) for i, s in enumerate(spent)]),
        "pagu_anggaran": pagu,
        "sdm_bersertifikat": growing_share(rng, staff, 0.55 + lift, 0.72 + lift),
        "sdm_seluruh": staff,
        "sarpras_baik": part_of(rng, offices, 0.88, 0.95),
        "sarpras_seluruh": offices,
    }


def _counts(
    part: str, total: str, size: tuple[int, int], share: tuple[float, float], cap: bool = True
) -> Recipe:
    def recipe(rng: Random, year: int) -> Values:
        return counted(rng, part, total, size, share, lifted(year), cap)

    return recipe


RECIPES: dict[str, Recipe] = {
    "1.1": _counts("disahkan", "dirumuskan", (24, 40), (0.80, 0.97)),
    "1.2": _r_1_2,
    "1.3": _counts("difasilitasi", "usulan", (12, 24), (0.80, 0.98)),
    "1.4": _counts("ditindaklanjuti", "harus_ditindaklanjuti", (16, 30), (0.78, 0.96)),
    "1.5": _r_1_5,
    "1.6": _counts("diselesaikan", "masuk", (40, 70), (0.82, 0.96)),
    "1.7": _counts("diselesaikan", "masuk", (10, 20), (0.60, 0.75)),
    "1.8": _counts("difasilitasi", "produk_hukum", (60, 120), (0.85, 0.97)),
    "2.1": _counts("realisasi", "target_koordinasi", (12, 20), (0.85, 1.0), cap=False),
    "2.2": _r_2_2,
    "2.3": _r_2_3,
    "2.4": _r_2_4,
    "2.5": _counts("rekomendasi", "target_rekomendasi", (40, 60), (0.86, 1.0), cap=False),
    "3.1": _r_index(66.0, 78.0),
    "3.2": _r_index(2.9, 3.6),
    "3.3": _r_3_3,
    "3.4": _r_sakip("pd_bb", "pd_dinilai", (40, 44), (0.55, 0.75)),
    "3.5": _r_sakip("pd_ikm_b", "pd_skm", (36, 44), (0.40, 0.55)),
    "4.1": _r_4_1,
    "4.2": _counts("ditindaklanjuti", "keluhan", (30, 60), (0.85, 0.99)),
    "4.3": _r_index(78.0, 88.0),
}


def generic(indicator: Indicator, rng: Random, year: int) -> Values:
    """For an indicator the recipes do not know (another catalogue): respect min, max, integer."""
    values: Values = {}
    for name, spec in indicator.inputs.items():
        low = float(spec.min)
        high = float(spec.max) if spec.max is not None else low + 100
        value = rng.uniform(low + (high - low) * 0.6, high)
        number = whole(value) if spec.integer else cents(value)
        values[name] = annual(number) if indicator.frequency == "annual" else flow(rng, value)
    if indicator.form == "ratio" and indicator.max is not None:
        names = list(indicator.inputs)
        if len(names) == 2:
            part, total = names
            values[part] = [min(a, b) for a, b in zip(values[part], values[total], strict=True)]
    return values


def year_values(catalogue: Catalogue, year: int) -> dict[str, Values]:
    """Every indicator's cumulative input values at TW1..TW4 of ``year``."""
    out: dict[str, Values] = {}
    for indicator in catalogue.indicators:
        seed = f"iku-examples-{year}-{indicator.code}"  # str seeds are stable across runs
        recipe = RECIPES.get(indicator.code)
        values = recipe(Random(seed), year) if recipe is not None else {}
        if set(values) != set(indicator.inputs):  # not the shipped indicator: be generic
            values = generic(indicator, Random(seed), year)
        check(indicator, values)
        out[indicator.code] = values
    return out


def check(indicator: Indicator, values: Values) -> None:
    """Refuse to write a value the catalogue itself would reject."""

    def require(ok: bool, *what: object) -> None:
        if not ok:
            raise ValueError(f"bad example value for {indicator.code}: {what}")

    for name, series in values.items():
        spec = indicator.inputs[name]
        require(series == sorted(series), name, "falls from one quarter to the next", series)
        for value in series:
            require(value >= spec.min, name, value, "below min")
            require(spec.max is None or value <= spec.max, name, value, "above max")
            require(not spec.integer or value == value.to_integral_value(), name, value)
    if indicator.max is not None and indicator.form == "ratio":
        for quarter in range(4):
            at = {name: series[quarter] for name, series in values.items()}
            numerator = indicator.expression("numerator").evaluate(at)
            denominator = indicator.expression("denominator").evaluate(at)
            require(numerator <= denominator, PERIODS[quarter], numerator, denominator)


# --------------------------------------------------------------------------- filling workbooks

PEOPLE = (
    "Rina Marlina, S.E.",
    "Ahmad Fauzi, S.Sos., M.Si.",
    "Dewi Kartika Sari, S.H.",
    "Muhammad Ridwan, S.T.",
    "Nurul Hidayah, S.Kom.",
    "Yohanes Lado, S.IP.",
    "Siti Aisyah, S.AP.",
    "Hendra Gunawan, S.E., M.M.",
    "Fitriani Rahman, S.Pd.",
)


def prepared_by(owner: str) -> str:
    rng = Random(f"iku-examples-person-{owner}")
    return f"{rng.choice(PEOPLE)}, Analis Perencanaan {owner}"


def sent_on(year: int, period: Period) -> dt.datetime:
    """The date a bureau fills in: early in the month after the quarter."""
    month = {"TW1": 4, "TW2": 7, "TW3": 10}.get(period)
    if month is None:
        return dt.datetime(year + 1, 1, 14)
    return dt.datetime(year, month, 8 + PERIODS.index(period))


def to_cell(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def fill(
    path: Path,
    catalogue: Catalogue,
    year: int,
    period: Period,
    values: dict[str, Values],
    edit: Callable[[Any], None] | None = None,
) -> None:
    """Type the values into the Nilai cells, the identity cells, then save over ``path``."""
    import openpyxl

    quarter = PERIODS.index(period)
    workbook = openpyxl.load_workbook(path)
    data = workbook["Data"]
    owner = workbook["Identitas"]["B1"].value
    seen: set[str] = set()
    for row in range(FIRST_ROW, data.max_row + 1):
        code, variable = data.cell(row, 1).value, data.cell(row, 3).value
        if code is None:
            break
        number = values[code][variable][quarter]
        data.cell(row, VALUE_COLUMN).value = to_cell(number)
        indicator = catalogue.indicator(code)
        if indicator and indicator.frequency == "annual" and indicator.source and code not in seen:
            # assessment results say where they come from, as bureaus tend to
            data.cell(row, NOTE_COLUMN).value = f"Sumber: {' '.join(indicator.source.split())}"
        seen.add(code)
    if (year, period, owner) not in BLANK_ANALYSIS:
        write_analysis(workbook, year, period)
    identity = workbook["Identitas"]
    identity["B4"] = prepared_by(str(owner))
    identity["B5"] = sent_on(year, period)
    identity["B5"].number_format = "dd/mm/yyyy"
    if edit is not None:
        edit(workbook)
    save(workbook, path, sent_on(year, period))


def save(workbook: Any, path: Path, when: dt.datetime) -> None:
    """Save beside the target, then rename into place.

    openpyxl stamps the save time into the file; the stamps are set to ``when``
    (the date the bureau filled it in) so that running the script again gives
    byte-identical files and no change to commit.
    """
    tmp = path.with_name(f".{path.name}.tmp")
    workbook.save(tmp)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(tmp) as src:
        members = [(info.filename, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, data
                )
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    os.replace(tmp, path)


def make(
    catalogue: Catalogue,
    year: int,
    period: Period,
    owner: str,
    folder: Path,
    values: dict[str, Values],
    edit: Callable[[Any], None] | None = None,
    name: str | None = None,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = write_template(catalogue, year, period, owner, folder / name if name else folder)
    fill(path, catalogue, year, period, values, edit)
    return path


# --------------------------------------------------------------------------- the faulty set


def cell_of(workbook: Any, code: str, variable: str) -> Any:
    """The Nilai cell of ``code``/``variable`` on the Data sheet."""
    data = workbook["Data"]
    for row in range(FIRST_ROW, data.max_row + 1):
        if data.cell(row, 1).value == code and data.cell(row, 3).value == variable:
            return data.cell(row, VALUE_COLUMN)
    raise KeyError((code, variable))


def invalid_set(catalogue: Catalogue, folder: Path, values: dict[str, Values]) -> list[Path]:
    """Workbooks with the mistakes bureaus really make, one kind of mistake per file."""
    year: int = 2025
    period: Period = "TW1"
    made: list[Path] = []

    def words(workbook: Any) -> None:
        # a number typed as words, and another with its unit: both errors
        cell_of(workbook, "1.6", "masuk").value = "dua belas"
        cell_of(workbook, "1.7", "masuk").value = "14 perkara"

    made.append(make(catalogue, year, period, "Biro Hukum", folder, values, words))

    def indonesian_text(workbook: Any) -> None:
        # numbers typed as text, the Indonesian way: read, each with a warning
        spent = cell_of(workbook, "4.1", "realisasi_anggaran")
        spent.value = f"{spent.value:,}".replace(",", ".") + ",5"  # the 1.234,5 style
        budget = cell_of(workbook, "4.1", "pagu_anggaran")
        budget.value = "Rp " + f"{budget.value:,}".replace(",", ".")
        staff = cell_of(workbook, "4.1", "sdm_seluruh")
        staff.value = str(staff.value)  # typed into a cell formatted as text

    made.append(
        make(catalogue, year, period, "Biro Adpim dan Umum", folder, values, indonesian_text)
    )

    def upside_down(workbook: Any) -> None:
        # numerator and denominator swapped: more policies followed up than there were
        part = cell_of(workbook, "1.4", "ditindaklanjuti")
        total = cell_of(workbook, "1.4", "harus_ditindaklanjuti")
        part.value, total.value = total.value + 3, part.value

    made.append(make(catalogue, year, period, "Biro Kesra", folder, values, upside_down))

    # the same submission sent twice, the second "revised" with one figure changed
    made.append(make(catalogue, year, period, "Biro POD", folder, values))

    def revised(workbook: Any) -> None:
        cell = cell_of(workbook, "1.1", "disahkan")
        cell.value = max(int(cell.value) - 1, 0)

    name = f"{year}-{period}-biro-pod-revisi.xlsx"
    made.append(make(catalogue, year, period, "Biro POD", folder, values, revised, name))

    def wrong_year(workbook: Any) -> None:
        # last year's file reused with the year changed to one the catalogue doesn't know
        workbook["Identitas"]["B2"] = 2023

    name = f"2023-{period}-biro-pbj.xlsx"
    made.append(make(catalogue, year, period, "Biro PBJ", folder, values, wrong_year, name))
    return made


# --------------------------------------------------------------------------- main


def generate(catalogue_path: Path, out: Path) -> list[Path]:
    """Write the whole example set under ``out`` and return the files written."""
    catalogue = catalogue_file.load(catalogue_path)
    made: list[Path] = []
    work = Path(tempfile.mkdtemp(prefix=".examples-", dir=out))
    try:
        by_year = {year: year_values(catalogue, year) for year in YEARS}
        for year in YEARS:
            folder = work / str(year)
            for period in PERIODS:
                for owner in catalogue.owners:
                    if template_rows(catalogue, year, period, owner):
                        made.append(make(catalogue, year, period, owner, folder, by_year[year]))
        made += invalid_set(catalogue, work / "invalid", by_year[2025])
        # replace the old set only once the new one is complete
        for name in (*map(str, YEARS), "invalid"):
            target = out / name
            for old in target.glob("*.xlsx"):
                old.unlink()
            target.mkdir(parents=True, exist_ok=True)
            for new in sorted((work / name).glob("*.xlsx")):
                os.replace(new, target / new.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [out / path.relative_to(work) for path in made]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--catalogue", type=Path, default=ROOT / "indicators.yaml")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into")
    args = parser.parse_args(argv)
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print('openpyxl is needed: python -m pip install -e ".[test]"', file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    made = generate(args.catalogue, args.out)
    for path in made:
        print(path.relative_to(args.out))
    print(f"{len(made)} workbooks written under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
