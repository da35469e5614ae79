"""A synthetic province-scale catalogue: many agencies, units (the owners) and indicators.

The shipped catalogue has 9 owners; a whole province has about 40 agencies
(*perangkat daerah*) with some 250 units between them, each reporting a couple
of indicators. This writes such a catalogue in the shipped catalogue's own style
(comments, flow mappings for inputs, a note here and there), with every form the
catalogue knows: ratios (some with ``max``), sums in a denominator, composites,
direct values, negative polarity, annual indicators and quarterly targets.

    python bench/province.py --units 250 --indicators 500 > province.yaml
"""

from __future__ import annotations

import argparse
import sys
from random import Random

AGENCY_KINDS = (
    "Dinas Pendidikan dan Kebudayaan", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan dan Kawasan Permukiman", "Dinas Sosial", "Dinas Tenaga Kerja dan Transmigrasi",
    "Dinas Lingkungan Hidup", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Perhubungan",
    "Dinas Komunikasi dan Informatika", "Dinas Koperasi dan UMKM",
    "Dinas Penanaman Modal dan PTSP", "Dinas Kepemudaan dan Olahraga",
    "Dinas Perpustakaan dan Kearsipan", "Dinas Kelautan dan Perikanan",
    "Dinas Pariwisata", "Dinas Pangan, Tanaman Pangan dan Hortikultura", "Dinas Kehutanan",
    "Dinas Energi dan Sumber Daya Mineral", "Dinas Perindustrian dan Perdagangan",
    "Dinas Perkebunan", "Dinas Peternakan dan Kesehatan Hewan",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Satuan Polisi Pamong Praja",
    "Badan Perencanaan Pembangunan Daerah", "Badan Pengelola Keuangan dan Aset Daerah",
    "Badan Pendapatan Daerah", "Badan Kepegawaian Daerah", "Badan Pengembangan SDM",
    "Badan Penanggulangan Bencana Daerah", "Badan Kesatuan Bangsa dan Politik",
    "Badan Penghubung", "Inspektorat Daerah", "Sekretariat DPRD", "Sekretariat Daerah",
    "RSUD Abdoel Wahab Sjahranie", "RSUD Kanujoso Djatiwibowo", "RSJD Atma Husada Mahakam",
    "Badan Riset dan Inovasi Daerah",
)  # fmt: skip
UNIT_KINDS = (
    "Sekretariat", "Bidang Perencanaan", "Bidang Pelayanan", "Bidang Pengendalian",
    "Bidang Pembinaan", "Bidang Pengembangan", "UPTD Wilayah I", "UPTD Wilayah II",
)  # fmt: skip
THINGS = (
    ("dokumen perencanaan", "Dokumen"), ("kegiatan pembinaan", "Kegiatan"),
    ("layanan perizinan", "Layanan"), ("aduan masyarakat", "Aduan"), ("desa binaan", "Desa"),
    ("sekolah", "Sekolah"), ("fasilitas kesehatan", "Fasilitas"), ("ruas jalan", "Ruas"),
    ("usaha mikro", "Usaha"), ("pegawai", "Orang"), ("kelompok tani", "Kelompok"),
    ("rekomendasi hasil pemeriksaan", "Rekomendasi"), ("arsip", "Berkas"),
    ("data statistik sektoral", "Dataset"), ("produk hukum", "Dokumen"), ("kawasan", "Kawasan"),
)  # fmt: skip
VERBS = (
    ("diselesaikan", "masuk"), ("ditindaklanjuti", "diterima"), ("terlayani", "diajukan"),
    ("tepat waktu", "seluruhnya"), ("terverifikasi", "terdata"), ("memenuhi standar", "diperiksa"),
)  # fmt: skip
LEVEL_NAMES = (
    "Indeks Kepuasan Masyarakat", "Nilai Maturitas SPIP", "Indeks Reformasi Birokrasi",
    "Nilai Evaluasi SAKIP", "Indeks Sistem Pemerintahan Berbasis Elektronik",
    "Indeks Profesionalitas ASN", "Nilai Kepatuhan Standar Pelayanan Publik",
)  # fmt: skip


def owners(units: int, agencies: int) -> list[str]:
    """``units`` owner names spread over ``agencies`` agencies, every name distinct."""
    names = []
    for number in range(units):
        agency_index = number % agencies
        agency = AGENCY_KINDS[agency_index % len(AGENCY_KINDS)]
        if agency_index >= len(AGENCY_KINDS):
            agency += f" {agency_index // len(AGENCY_KINDS) + 1}"
        unit_index = number // agencies
        unit = UNIT_KINDS[unit_index % len(UNIT_KINDS)]
        if unit_index >= len(UNIT_KINDS):
            unit += f" {unit_index // len(UNIT_KINDS) + 1}"
        names.append(f"{unit} {agency}")
    return names


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _targets(rng: Random, years: list[int], low: float, high: float, step: float) -> str:
    start = rng.uniform(low, high)
    parts = [f"{year}: {round(start + i * step, 2):g}" for i, year in enumerate(years)]
    return "{" + ", ".join(parts) + "}"


def _input(name: str, label: str, unit: str, *, integer: bool = True, extra: str = "") -> str:
    flags = ", integer: true" if integer else ""
    return f"      {name}: {{label: {_q(label)}{flags}{extra}, unit: {_q(unit)}}}\n"


def province_yaml(
    *,
    agencies: int = 40,
    units: int = 250,
    indicators: int = 500,
    goals: int = 12,
    years: tuple[int, ...] = (2024, 2025, 2026),
    seed: int = 2025,
    organisation: str = "Pemerintah Provinsi Contoh (katalog sintetis untuk uji skala)",
) -> str:
    """The YAML text of a catalogue with ``units`` owners and ``indicators`` indicators.

    Every owner has at least one quarterly indicator (so it reports every
    quarter); the indicators are dealt to the owners in turn.
    """
    if units < 1 or indicators < units:
        raise ValueError("need at least one indicator per unit")
    rng = Random(seed)
    names = owners(units, agencies)
    year_list = list(years)
    out = [
        "# Katalog IKU sintetis skala provinsi: dibuat oleh bench/province.py untuk uji kinerja.\n",
        "# Angka dan nama hanya ilustrasi.\n",
        "schema: 1\n",
        f"organisation: {_q(organisation)}\n",
        f"years: [{', '.join(str(y) for y in year_list)}]\n",
        "achievement:\n",
        "  negative_formula: two_minus_ratio\n",
        "  cap: 120\n",
        "  scale:\n",
        "    - {min: 91, label: Sangat Tinggi}\n",
        "    - {min: 76, label: Tinggi}\n",
        "    - {min: 66, label: Sedang}\n",
        "    - {min: 51, label: Rendah}\n",
        "    - {min: null, label: Sangat Rendah}\n",
        "goals:\n",
    ]
    for g in range(1, goals + 1):
        out.append(f'  - code: "{g}"\n')
        out.append(
            f"    statement: Meningkatnya kualitas layanan urusan pemerintahan kelompok {g}"
            " yang berdampak pada kesejahteraan masyarakat\n"
        )
    out.append("indicators:\n")
    for number in range(indicators):
        owner = names[number % units]
        first_round = number < units  # each owner's first indicator is quarterly
        code = f"{number // units + 1}.{number % units + 1}"
        goal = number % goals + 1
        thing, unit = THINGS[rng.randrange(len(THINGS))]
        done, total = VERBS[rng.randrange(len(VERBS))]
        annual = not first_round and rng.random() < 0.15
        roll = rng.random()
        out.append(f'\n  # --- {owner} ---\n  - code: "{code}"\n    goal: "{goal}"\n')
        if roll < 0.55:  # a plain ratio, a part of a whole
            out.append(f"    name: Persentase {thing} yang {done}\n    unit: Persen\n")
            out.append(f"    owner: {_q(owner)}\n")
            if annual:
                out.append("    frequency: annual\n")
            out.append("    inputs:\n")
            out.append(_input("bagian", f"Jumlah {thing} yang {done}", unit))
            out.append(_input("seluruh", f"Jumlah {thing} yang {total}", unit))
            out.append("    numerator: bagian\n    denominator: seluruh\n    max: 100\n")
            out.append(f"    targets: {_targets(rng, year_list, 70, 90, 2.5)}\n")
        elif roll < 0.65:  # a denominator that is a sum
            out.append(f"    name: Persentase {thing} dan sarana pendukung yang {done}\n")
            out.append(f"    unit: Persen\n    owner: {_q(owner)}\n    inputs:\n")
            out.append(_input("ditangani", f"Jumlah {thing} dan sarana yang {done}", unit))
            out.append(_input("utama", f"Jumlah {thing} yang {total}", unit))
            out.append(_input("pendukung", f"Jumlah sarana pendukung {thing}", "Unit"))
            out.append(
                "    numerator: ditangani\n    denominator: utama + pendukung\n    max: 100\n"
            )
            start = rng.uniform(20, 60)
            quarters = ", ".join(
                f"TW{q}: {round(start * q / 4, 1):g}" for q in range(1, 5)
            )  # quarterly targets for the first year
            parts = [f"{year_list[0]}: {{{quarters}}}"]
            parts += [f"{y}: {round(start + 5 * i, 1):g}" for i, y in enumerate(year_list) if i]
            out.append(f"    targets: {{{', '.join(parts)}}}\n")
            out.append(
                "    note: Penyebut adalah jumlah dua input; target tahun pertama per triwulan.\n"
            )
        elif roll < 0.75:  # lower is better
            out.append(f"    name: Rata-rata waktu penyelesaian {thing}\n    unit: Hari\n")
            out.append(f"    owner: {_q(owner)}\n    polarity: negative\n    inputs:\n")
            out.append(_input("hari", f"Jumlah hari kerja penyelesaian {thing}", "Hari"))
            out.append(_input("berkas", f"Jumlah {thing} yang {done}", unit))
            out.append("    numerator: hari\n    denominator: berkas\n")
            out.append(f"    targets: {_targets(rng, year_list, 8, 14, -1)}\n")
        elif roll < 0.85:  # a composite of weighted percentages
            out.append(f"    name: Indeks kinerja layanan {thing}\n    unit: Persen\n")
            out.append(f"    owner: {_q(owner)}\n    inputs:\n")
            out.append(_input("tepat_waktu", f"{thing.capitalize()} selesai tepat waktu", unit))
            out.append(_input("selesai", f"{thing.capitalize()} yang selesai", unit))
            out.append(_input("sesuai_standar", f"{thing.capitalize()} sesuai standar", unit))
            out.append(_input("diperiksa", f"{thing.capitalize()} yang diperiksa", unit))
            out.append("    components:\n")
            out.append(
                "      - {label: Ketepatan waktu, weight: 0.6, numerator: tepat_waktu,"
                " denominator: selesai}\n"
            )
            out.append(
                "      - {label: Kesesuaian standar, weight: 0.4, numerator: sesuai_standar,"
                " denominator: diperiksa}\n"
            )
            out.append(f"    targets: {_targets(rng, year_list, 70, 85, 3)}\n")
        else:  # a level from an assessment
            name = LEVEL_NAMES[rng.randrange(len(LEVEL_NAMES))]
            out.append(f"    name: {name} pada {thing}\n    unit: Indeks\n")
            out.append(f"    owner: {_q(owner)}\n")
            if annual:
                out.append("    frequency: annual\n")
            out.append("    inputs:\n")
            out.append(
                _input(
                    "nilai", f"{name} hasil penilaian", "Indeks", integer=False, extra=", max: 5"
                )
            )
            out.append("    value: nilai\n")
            out.append(f"    targets: {_targets(rng, year_list, 2.5, 3.5, 0.25)}\n")
        out.append(f"    source: Laporan {thing} pada {_q(owner)[1:-1]}\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--units", type=int, default=250)
    parser.add_argument("--indicators", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    text = province_yaml(
        agencies=args.agencies, units=args.units, indicators=args.indicators, seed=args.seed
    )
    sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
