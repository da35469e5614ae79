"""`iku lkjip`: chapter III of the LKjIP as a .docx, read back with python-docx and checked
against `iku compute --format json` on the same folder, the catalogue, and the bureaus'
Analisis cells read with openpyxl."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, SHIPPED_CATALOGUE
from conftest import Result as RunResult

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

from iku_cli.loading.catalogue_file import load  # noqa: E402

Run = Callable[..., RunResult]
CELL = re.compile(r"\(sumber: (?P<file>[^,]+), (?P<sheet>[^!]+)!(?P<cell>[A-Z]+[0-9]+)\)$")
ID_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$")


# --------------------------------------------------------------------------- helpers


def lkjip(run: Run, path: Path | str, output: Path, *args: str) -> RunResult:
    return run(
        "lkjip", str(path), "--output", str(output), "--catalogue", str(SHIPPED_CATALOGUE), *args
    )


def compute_json(run: Run, path: Path | str, year: int) -> dict[str, Any]:
    result = run(
        "compute",
        str(path),
        "--year",
        str(year),
        "--format",
        "json",
        "--catalogue",
        str(SHIPPED_CATALOGUE),
    )
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def num(text: str) -> Decimal | None:
    """``1.234,56`` -> Decimal('1234.56'); ``-`` -> None."""
    text = text.strip()
    if text == "-":
        return None
    assert ID_NUMBER.match(text), f"not an Indonesian number: {text!r}"
    return Decimal(text.replace(".", "").replace(",", "."))


def same(shown: Decimal | None, expected: float | int | None) -> bool:
    if expected is None:
        return shown is None
    return shown is not None and abs(shown - Decimal(str(expected))) <= Decimal("0.005")


def blocks(document: Any) -> Iterator[tuple[str, Any]]:
    """The body in order: ("p", text) or ("table", Table)."""
    from docx.table import Table

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield "p", "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
        elif tag == "tbl":
            yield "table", Table(child, document)


def captioned(document: Any) -> list[tuple[str, list[list[str]]]]:
    """(caption, rows as text) for every table, the caption being the last paragraph
    before it that starts with ``Tabel``."""
    out: list[tuple[str, list[list[str]]]] = []
    caption = ""
    for kind, item in blocks(document):
        if kind == "p" and item.startswith("Tabel "):
            caption = item
        elif kind == "table":
            rows = [[cell.text for cell in row.cells] for row in item.rows]
            out.append((caption, rows))
    return out


def texts(document: Any) -> list[str]:
    return [item for kind, item in blocks(document) if kind == "p"]


@pytest.fixture(scope="module")
def examples_doc(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RunResult, Any]:
    """``iku lkjip examples/ --year 2025`` written once for the module."""
    from typer.testing import CliRunner

    from iku_cli.cli.app import app
    from iku_cli.cli.commands.common import GLOBAL, reset_consoles

    out = tmp_path_factory.mktemp("lkjip") / "bab3.docx"
    reset_consoles()
    GLOBAL.clear()
    args = ["lkjip", str(EXAMPLES), "--year", "2025", "--output", str(out)]
    result = CliRunner().invoke(app, [*args, "--catalogue", str(SHIPPED_CATALOGUE)])
    reset_consoles()
    GLOBAL.clear()
    return out, RunResult(result.exit_code, result.stdout, result.stderr), docx.Document(out)


@pytest.fixture(scope="module")
def figures_2025(examples_doc: Any) -> dict[str, Any]:
    from typer.testing import CliRunner

    from iku_cli.cli.app import app

    args = ["compute", str(EXAMPLES), "--year", "2025", "--format", "json"]
    result = CliRunner().invoke(app, [*args, "--catalogue", str(SHIPPED_CATALOGUE)])
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture
def year_2025(tmp_path: Path) -> Path:
    """A copy of examples/2025 alone: no earlier year."""
    folder = tmp_path / "laporan"
    shutil.copytree(EXAMPLES / "2025", folder)
    return folder


# --------------------------------------------------------------------------- the document


def test_written_with_numbered_tables_and_chrome(examples_doc: Any) -> None:
    out, result, document = examples_doc
    assert out.read_bytes()[:2] == b"PK"  # a zip, as every .docx
    assert result.exit_code == 0, result.output
    assert "Bab III LKjIP 2025" in result.stdout
    paragraphs = texts(document)
    assert paragraphs[0] == "BAB III AKUNTABILITAS KINERJA"
    assert "A. Capaian Kinerja Organisasi" in paragraphs
    assert "B. Realisasi Anggaran" in paragraphs
    captions = [c for c, _ in captioned(document)]
    assert captions == [c for c in captions if c.startswith("Tabel 3.")]
    numbers = [int(re.match(r"Tabel 3\.(\d+)", c).group(1)) for c in captions]  # type: ignore[union-attr]
    assert numbers == list(range(1, len(captions) + 1))


def test_a4_portrait_and_tables_fit_the_page(examples_doc: Any) -> None:
    _, _, document = examples_doc
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7
    text_width = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        widths = [cell.width for cell in table.rows[0].cells]
        assert all(w is not None for w in widths)
        assert sum(widths) <= text_width + 1000  # EMU rounding
        # no row split across pages; the header repeats on the next page
        assert all(row._tr.xpath("./w:trPr/w:cantSplit") for row in table.rows)
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")


def test_overall_and_goal_figures_equal_compute_json(
    examples_doc: Any, figures_2025: dict[str, Any]
) -> None:
    _, _, document = examples_doc
    paragraphs = texts(document)
    overall = figures_2025["overall"]
    intro = next(p for p in paragraphs if p.startswith("Pada tahun 2025"))
    shown = re.search(r"keseluruhan adalah ([\d.,]+)% dengan kategori (.+)\.$", intro)
    assert shown is not None
    assert same(num(shown.group(1)), overall["achievement"])
    assert shown.group(2) == overall["category"]
    for goal in figures_2025["goals"]:
        line = next(p for p in paragraphs if p.startswith(f"Capaian Sasaran {goal['code']} "))
        found = re.search(r"adalah ([\d.,]+)% dengan kategori (.+?) \(", line)
        assert found is not None, line
        assert same(num(found.group(1)), goal["achievement"])
        assert found.group(2) == goal["category"]


def test_measurement_tables_equal_compute_json(
    examples_doc: Any, figures_2025: dict[str, Any]
) -> None:
    _, _, document = examples_doc
    by_code = {i["code"]: i for i in figures_2025["indicators"]}
    tables = [rows for caption, rows in captioned(document) if "Pengukuran Kinerja" in caption]
    assert len(tables) == len(figures_2025["goals"])
    seen = []
    for rows in tables:
        assert rows[0] == [
            "No",
            "Indikator Kinerja",
            "Satuan",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Kategori",
        ]
        for row in rows[1:]:
            code = row[1].split(" ", 1)[0]
            item = by_code[code]
            seen.append(code)
            assert row[2] == item["unit"]
            assert same(num(row[3]), item["target"])
            assert same(num(row[4]), item["value"])
            assert same(num(row[5]), item["achievement"])
            assert row[6] == (item["category"] or "-")
    assert sorted(seen) == sorted(by_code)


def test_comparison_tables_equal_earlier_year_and_catalogue(
    run: Run, examples_doc: Any, figures_2025: dict[str, Any]
) -> None:
    _, _, document = examples_doc
    before = {i["code"]: i for i in compute_json(run, EXAMPLES, 2024)["indicators"]}
    now = {i["code"]: i for i in figures_2025["indicators"]}
    catalogue = load(SHIPPED_CATALOGUE)
    tables = [rows for caption, rows in captioned(document) if "Perbandingan" in caption]
    assert len(tables) == len(catalogue.goals)
    checked = 0
    for rows in tables:
        head = rows[0]
        assert head[:4] == ["IKU", "Kondisi awal", "Realisasi 2024", "Capaian 2024 (%)"]
        assert head[4:6] == ["Realisasi 2025", "Capaian 2025 (%)"]
        for row in rows[1:]:
            cells = dict(zip(head, row, strict=True))
            code = cells["IKU"]
            indicator = catalogue.indicator(code)
            assert indicator is not None
            assert same(num(cells["Realisasi 2024"]), before[code]["value"])
            assert same(num(cells["Capaian 2024 (%)"]), before[code]["achievement"])
            assert same(num(cells["Realisasi 2025"]), now[code]["value"])
            assert same(num(cells["Capaian 2025 (%)"]), now[code]["achievement"])
            if indicator.baseline is not None:
                value, year = cells["Kondisi awal"].rsplit(" ", 1)
                assert same(num(value), float(indicator.baseline.value))
                assert year == f"({indicator.baseline.year})"
            final = catalogue.final_target(indicator)
            assert same(num(cells["Target akhir 2026"]), float(final) if final else None)
            if indicator.polarity == "positive" and final and now[code]["value"] is not None:
                progress = Decimal(str(now[code]["value"])) / final * 100
                assert abs((num(cells["Progres (%)"]) or 0) - progress) <= Decimal("0.01")
            bench = indicator.benchmark
            assert same(num(cells["Standar"]), float(bench.value) if bench else None)
            checked += 1
    assert checked == len(catalogue.indicators)


def test_quotes_equal_their_cells_and_blanks_get_a_placeholder(examples_doc: Any) -> None:
    _, _, document = examples_doc
    quoted = 0
    books: dict[str, Any] = {}
    for paragraph in document.paragraphs:
        text = paragraph.text
        found = CELL.search(text)
        if not found:
            continue
        file = found.group("file")
        if file not in books:
            books[file] = openpyxl.load_workbook(Path(file), read_only=False)
        cell = books[file][found.group("sheet")][found.group("cell")].value
        body = text.split(": ", 1)[1]
        quote = body[: body.rindex(" (sumber:")]
        assert quote == f"\u201c{str(cell).strip()}\u201d"
        quoted += 1
    assert quoted > 20
    placeholders = [p.text for p in document.paragraphs if "[Belum diisi oleh" in p.text]
    # examples/README: 2025 TW4 Biro Hukum left its Analisis blank
    assert any("Biro Hukum" in p and "faktor penghambat" in p for p in placeholders)
    assert all(not CELL.search(p) for p in placeholders)


def test_fact_paragraph_states_change_and_progress(
    run: Run, examples_doc: Any, figures_2025: dict[str, Any]
) -> None:
    _, _, document = examples_doc
    before = {i["code"]: i for i in compute_json(run, EXAMPLES, 2024)["indicators"]}
    item = next(i for i in figures_2025["indicators"] if i["code"] == "1.1")
    line = next(p for p in texts(document) if p.startswith("Realisasi IKU 1.1 tahun 2025"))
    change = Decimal(str(item["achievement"])) - Decimal(str(before["1.1"]["achievement"]))
    word = "naik" if change > 0 else "turun"
    found = re.search(rf"capaian {word} ([\d.,]+) poin persentase", line)
    assert found is not None, line
    assert abs((num(found.group(1)) or 0) - abs(change)) <= Decimal("0.011")
    assert "progresnya" in line


def test_budget_table_from_catalogue(examples_doc: Any, figures_2025: dict[str, Any]) -> None:
    _, _, document = examples_doc
    catalogue = load(SHIPPED_CATALOGUE)
    goals = {g["code"]: g for g in figures_2025["goals"]}
    rows = next(r for c, r in captioned(document) if "Realisasi Anggaran" in c)
    body = rows[1:-1]
    assert len(body) == sum(1 for g in catalogue.goals if 2025 in g.budget)
    for row in body:
        code = row[1].split(" ", 1)[0]
        goal = catalogue.goal(code)
        assert goal is not None
        budget = goal.budget[2025]
        assert num(row[2]) == budget.pagu
        assert num(row[3]) == budget.realisasi
        absorption = budget.absorption
        assert absorption is not None
        assert same(num(row[4]), float(absorption))
        assert same(num(row[5]), goals[code]["achievement"])
        expected = Decimal(str(goals[code]["achievement"])) - absorption
        assert abs((num(row[6]) or 0) - expected) <= Decimal("0.011")
    assert rows[-1][1] == "Jumlah"
    assert num(rows[-1][2]) == sum(g.budget[2025].pagu for g in catalogue.goals)


def test_sources_table_fingerprints(examples_doc: Any) -> None:
    _, _, document = examples_doc
    rows = next(r for c, r in captioned(document) if "Sumber Data" in c)
    assert rows[0] == ["No", "Berkas", "SHA-256"]
    files = [row[1] for row in rows[1:]]
    assert any("/2025/" in f for f in files) and any("/2024/" in f for f in files)
    for row in rows[1:]:
        assert hashlib.sha256(Path(row[1]).read_bytes()).hexdigest() == row[2]


def test_one_chart_per_goal_as_png(examples_doc: Any) -> None:
    _, _, document = examples_doc
    shapes = document.inline_shapes
    assert len(shapes) == len(load(SHIPPED_CATALOGUE).goals)
    for shape in shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        part = document.part.related_parts[blip.embed]
        assert part.blob[:8] == b"\x89PNG\r\n\x1a\n"
    captions = [p for p in texts(document) if p.startswith("Gambar 3.")]
    assert len(captions) == len(shapes)


def test_numbers_written_the_indonesian_way(examples_doc: Any) -> None:
    _, _, document = examples_doc
    for caption, rows in captioned(document):
        if "Sumber Data" in caption:
            continue
        for row in rows[1:]:
            for cell in row:
                if re.fullmatch(r"[\d.,]+", cell) and not re.fullmatch(r"\d+\.\d+", cell):
                    assert ID_NUMBER.match(cell), (caption, cell)
    assert re.search(r"\d+,\d\d%", " ".join(texts(document)))


def test_inputs_untouched(run: Run, year_2025: Path, tmp_path: Path) -> None:
    before = {p.name: p.read_bytes() for p in year_2025.iterdir()}
    result = lkjip(run, year_2025, tmp_path / "bab3.docx", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in year_2025.iterdir()} == before


def test_year_with_no_previous_year(run: Run, year_2025: Path, tmp_path: Path) -> None:
    out = tmp_path / "bab3.docx"
    result = lkjip(run, year_2025, out, "--year", "2025")
    assert result.exit_code == 0, result.output
    document = docx.Document(out)
    assert any("tidak ditemukan" in p for p in texts(document))
    for caption, rows in captioned(document):
        if "Perbandingan" in caption:
            assert not any("2024" in h for h in rows[0])
            assert "Realisasi 2025" in rows[0]


def test_english_chrome(run: Run, year_2025: Path, tmp_path: Path) -> None:
    out = tmp_path / "chapter3.docx"
    result = lkjip(run, year_2025, out, "--year", "2025", "--lang", "en")
    assert result.exit_code == 0, result.output
    document = docx.Document(out)
    paragraphs = texts(document)
    assert paragraphs[0] == "CHAPTER III PERFORMANCE ACCOUNTABILITY"
    assert any(p.startswith("Table 3.1 ") for p in paragraphs)
    assert not any(p.startswith("Tabel 3.") for p in paragraphs)


def test_provisional_before_tw4(run: Run, year_2025: Path, tmp_path: Path) -> None:
    for late in [*year_2025.glob("*TW3*"), *year_2025.glob("*TW4*")]:
        late.unlink()
    out = tmp_path / "bab3.docx"
    result = lkjip(run, year_2025, out, "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "TW2, sementara" in result.stdout
    paragraphs = texts(docx.Document(out))
    assert paragraphs[1].startswith("ANGKA SEMENTARA")
    # an annual IKU is not due at TW2: said with compute's reason, in a sentence
    data = compute_json(run, year_2025, 2025)
    annual = next(i for i in data["indicators"] if i["status"] != "ok")
    line = next(p for p in paragraphs if p.startswith(f"IKU {annual['code']} tahun 2025"))
    assert line.startswith(f"IKU {annual['code']} tahun 2025 belum dapat dinilai (")
    assert annual["reason"].rstrip(".") in line and ".)." not in line
    # --period picks an earlier quarter; its figures are compute's for that quarter
    earlier = tmp_path / "bab3-tw1.docx"
    assert lkjip(run, year_2025, earlier, "--year", "2025", "--period", "TW1").exit_code == 0
    assert data["period"] == "TW2"
    tw1 = run(
        "compute",
        str(year_2025),
        "--year",
        "2025",
        "--period",
        "TW1",
        "--format",
        "json",
        "--catalogue",
        str(SHIPPED_CATALOGUE),
    )
    overall = json.loads(tw1.stdout)["overall"]
    intro = next(p for p in texts(docx.Document(earlier)) if p.startswith("Pada tahun 2025"))
    shown = re.search(r"keseluruhan adalah ([\d.,]+)%", intro)
    assert shown is not None
    assert same(num(shown.group(1)), overall["achievement"])


# --------------------------------------------------------------------------- bad input


def test_wrong_extension_exit_2(run: Run, year_2025: Path, tmp_path: Path) -> None:
    out = tmp_path / "bab3.pdf"
    result = lkjip(run, year_2025, out, "--year", "2025")
    assert result.exit_code == 2, result.output
    assert ".docx" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "words"), [("tidak-ada/bab3.docx", "tidak ada"), ("folder.docx", "folder")]
)
def test_unusable_output_exit_2(
    run: Run, year_2025: Path, tmp_path: Path, name: str, words: str
) -> None:
    (tmp_path / "folder.docx").mkdir()
    result = lkjip(run, year_2025, tmp_path / name, "--year", "2025")
    assert result.exit_code == 2, result.output
    assert words in result.stderr
    assert "Traceback" not in result.output


def test_unwritable_output_keeps_old_file(
    run: Run, year_2025: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "bab3.docx"
    out.write_bytes(b"open in Word")

    def locked(src: Any, dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    result = lkjip(run, year_2025, out, "--year", "2025")
    assert result.exit_code == 2, result.output
    assert "Tidak dapat menulis" in result.stderr
    assert out.read_bytes() == b"open in Word"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bab3.docx", "laporan"]


def test_output_equal_to_an_input_is_refused(run: Run, year_2025: Path, tmp_path: Path) -> None:
    # the catalogue is an input too; named .docx it passes the extension check
    catalogue = tmp_path / "katalog.docx"
    catalogue.write_bytes(SHIPPED_CATALOGUE.read_bytes())
    result = run(
        "lkjip",
        str(year_2025),
        "--year",
        "2025",
        "--catalogue",
        str(catalogue),
        "--output",
        str(catalogue),
    )
    assert result.exit_code == 2, result.output
    assert "masukan" in result.stderr
    assert catalogue.read_bytes() == SHIPPED_CATALOGUE.read_bytes()
    # a workbook given as the output: refused before anything is written
    target = year_2025 / "2025-TW4-biro-pod.xlsx"
    before = target.read_bytes()
    assert lkjip(run, year_2025, target, "--year", "2025").exit_code == 2
    assert target.read_bytes() == before


def test_no_data_for_the_year_exit_2(run: Run, year_2025: Path, tmp_path: Path) -> None:
    out = tmp_path / "bab3.docx"
    result = lkjip(run, year_2025, out, "--year", "2024")
    assert result.exit_code == 2, result.output
    assert "2024" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()
    assert lkjip(run, year_2025, out, "--year", "2031").exit_code == 2
    assert not out.exists()


def test_help_does_not_import_docx_or_matplotlib(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"IKU_LANG", "IKU_CATALOGUE"}}
    for args in (["--help"], ["lkjip", "--help"]):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "iku_cli", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        modules = {
            line.rsplit("|", 1)[1].strip().split(".")[0]
            for line in result.stderr.splitlines()
            if line.startswith("import time:") and "|" in line
        }
        assert not modules & {"docx", "matplotlib", "lxml", "PIL"}


def test_a_missing_tw4_workbook_is_not_final(run: Run, year_2025: Path, tmp_path: Path) -> None:
    # final = TW4 with every due workbook and no error, as the recap says; the output is
    # written beside the folder it reads with a warning, and the notes kept there are not named
    next(year_2025.glob("2025-TW4-biro-pod.xlsx")).unlink()
    (year_2025 / "catatan.md").write_text("bukan laporan", encoding="utf-8")
    (year_2025 / "kiriman.csv").write_text("1;2", encoding="utf-8")
    out = year_2025 / "bab3.docx"
    result = lkjip(run, year_2025, out, "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "TW4, belum final" in result.stdout
    assert "kiriman.csv" in result.stderr and "catatan.md" not in result.stderr
    assert str(out) in result.stderr  # written into the folder read: said
    assert "{path}" not in result.stderr
