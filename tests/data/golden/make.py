"""Write the golden workbooks for the compute tests (run once; the files are kept).

    /tmp/venv/bin/python tests/data/golden/make.py

Layout as DESIGN section 4: an ``Identitas`` sheet with labels in column A and
values in column B, a ``Data`` sheet whose header is on row 4 and data from
row 5. The figures are those the tests work out by hand.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
HEADER = ["Kode IKU", "Indikator", "Variabel", "Uraian", "Satuan", "Nilai", "Keterangan"]

NAMES = {
    "1.1": "Persentase kebijakan yang disahkan",
    "1.2": "Persentase keluhan yang belum selesai",
    "1.3": "Indeks kualitas layanan kesekretariatan",
    "2.1": "Indeks kelembagaan",
    "2.2": "Persentase lembaga dan sarana yang difasilitasi",
    "2.3": "Jumlah perangkat daerah berpredikat A",
    "2.4": "Rata-rata hari penyelesaian aduan",
}

Row = tuple[str, str, object]  # code, input, value (None: left empty)


def write(path: Path, owner: str, year: int, period: str, rows: list[Row]) -> None:
    book = Workbook()
    info = book.active
    assert info is not None
    info.title = "Identitas"
    for n, (label, value) in enumerate(
        [
            ("Biro", owner),
            ("Tahun", year),
            ("Periode", period),
            ("Disusun oleh", "Petugas Uji"),
            ("Tanggal", "2025-12-31"),
        ],
        start=1,
    ):
        info.cell(n, 1, label)
        info.cell(n, 2, value)
    data = book.create_sheet("Data")
    data.cell(1, 1, f"Formulir Realisasi IKU {owner}")
    data.cell(2, 1, f"Tahun {year}, {period}")
    for col, title in enumerate(HEADER, start=1):
        data.cell(4, col, title)
    for n, (code, name, value) in enumerate(rows, start=5):
        code_cell = data.cell(n, 1, code)
        code_cell.number_format = "@"
        data.cell(n, 2, NAMES[code])
        data.cell(n, 3, name)
        data.cell(n, 4, name.replace("_", " "))
        data.cell(n, 5, "")
        if value is not None:
            data.cell(n, 6, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def main() -> None:
    y25 = HERE / "2025"
    write(y25 / "2025-TW1-biro-alpha.xlsx", "Biro Alpha", 2025, "TW1", [
        ("1.1", "disahkan", 20), ("1.1", "dirumuskan", 100),
        ("1.2", "terbuka", 3), ("1.2", "masuk", 40),
    ])  # fmt: skip
    write(y25 / "2025-TW2-biro-alpha.xlsx", "Biro Alpha", 2025, "TW2", [
        ("1.1", "disahkan", 40), ("1.1", "dirumuskan", 100),
        ("1.2", "terbuka", 5), ("1.2", "masuk", 80),
    ])  # fmt: skip
    write(y25 / "2025-TW2-biro-beta.xlsx", "Biro Beta", 2025, "TW2", [
        ("1.3", "dok_tepat", 4), ("1.3", "dok_total", 5),
        ("1.3", "realisasi", None), ("1.3", "pagu", 1_000_000_000),
    ])  # fmt: skip
    write(y25 / "2025-TW4-biro-alpha.xlsx", "Biro Alpha", 2025, "TW4", [
        ("1.1", "disahkan", 9099), ("1.1", "dirumuskan", 10000),
        ("1.2", "terbuka", 13), ("1.2", "masuk", 200),
    ])  # fmt: skip
    write(y25 / "2025-TW4-biro-beta.xlsx", "Biro Beta", 2025, "TW4", [
        ("1.3", "dok_tepat", 9), ("1.3", "dok_total", 10),
        ("1.3", "realisasi", 750_000_000), ("1.3", "pagu", 1_000_000_000),
        ("2.1", "indeks", 5),
    ])  # fmt: skip
    write(y25 / "2025-TW4-biro-gamma.xlsx", "Biro Gamma", 2025, "TW4", [
        ("2.2", "difasilitasi", 45), ("2.2", "lembaga", 40), ("2.2", "sarana", 20),
        ("2.3", "jumlah_pd", 7), ("2.4", "hari", 12),
    ])  # fmt: skip

    y24 = HERE / "2024"
    alpha_2024: list[Row] = [
        ("1.1", "disahkan", 90), ("1.1", "dirumuskan", 100),
        ("1.2", "terbuka", 18), ("1.2", "masuk", 200),
    ]  # fmt: skip
    # the same owner, year and period twice: neither may be chosen
    write(y24 / "2024-TW4-biro-alpha.xlsx", "Biro Alpha", 2024, "TW4", alpha_2024)
    write(y24 / "salinan" / "2024-TW4-biro-alpha (1).xlsx", "Biro Alpha", 2024, "TW4", alpha_2024)
    write(y24 / "2024-TW4-biro-gamma.xlsx", "Biro Gamma", 2024, "TW4", [
        ("2.2", "difasilitasi", "banyak"), ("2.2", "lembaga", 40), ("2.2", "sarana", 20),
        ("2.3", "jumlah_pd", 7), ("2.4", "hari", 12),
    ])  # fmt: skip


if __name__ == "__main__":
    main()
