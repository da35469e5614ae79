"""reader.py in two parts: read_raw (no catalogue) then bind gives what read_workbook gives.

Worker processes read files before the catalogue is loaded and send RawRead records
back; the parent binds them. So: reading must not import the catalogue (nor pydantic),
a RawRead must survive pickling, and binding it must give the Submission and the
findings, in their order, that reading with the catalogue gives.
"""

from __future__ import annotations

import io
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from _reader_kit import CATALOGUE_YAML, filled, small_catalogue, submission, write_ods, write_xlsx
from conftest import EXAMPLES, ROOT, SHIPPED_CATALOGUE
from iku_cli.core.catalogue import Catalogue
from iku_cli.loading.catalogue_file import load, loads
from iku_cli.workbooks.bind import bind
from iku_cli.workbooks.locate import EXTENSIONS
from iku_cli.workbooks.raw import read_raw
from iku_cli.workbooks.reader import read_workbook
from test_hostile import _hostile_files
from test_reader import _tolerant_sheets

CAT = small_catalogue()
READER_DATA = Path(__file__).parent / "data" / "reader"
BENCH = ROOT / "bench" / "cache"
PROVINCE = BENCH / "province-a40-u250-i500.yaml"
BENCH_FILES = BENCH / "subs-1216000925d24a69-n1000-v1"


def _workbooks(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS)


def _same_both_ways(files: list[Path], catalogue: Catalogue) -> None:
    """read_workbook and bind(read_raw) through a pickle agree to the repr (a Finding's
    params, which == ignores, included), and binding leaves the RawRead as it was."""
    assert files
    for path in files:
        display = path.name
        whole = repr(read_workbook(path, display, catalogue))
        raw = read_raw(path, display)
        before = repr(raw)
        sent = pickle.loads(pickle.dumps(raw, pickle.HIGHEST_PROTOCOL))
        assert repr(sent) == before, path
        assert repr(bind(sent, catalogue)) == whole, path
        assert repr(bind(raw, catalogue)) == whole, path  # twice: nothing used up
        assert repr(raw) == before, path


def test_reading_imports_neither_the_catalogue_nor_pydantic() -> None:
    example = _workbooks(EXAMPLES)[0]
    code = (
        "import sys, pickle, iku_cli.workbooks.raw as r; "
        "raw = r.read_raw(sys.argv[1], 'x.xlsx'); "
        "assert raw.sha256 and raw.rows, raw; pickle.loads(pickle.dumps(raw)); "
        "print('pydantic' in sys.modules, 'iku_cli.core.catalogue' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(example)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


class _Classes(pickle.Unpickler):
    """An unpickler that notes the module of every class it is asked for."""

    modules: set[str]

    def find_class(self, module: str, name: str) -> Any:
        self.modules.add(module)
        return super().find_class(module, name)


def test_a_raw_read_pickles_as_plain_data(tmp_path: Path) -> None:
    values = filled({("1.1", "disahkan"): "8", ("1.10", "setor"): "#REF!"})
    path = write_xlsx(tmp_path / "a.xlsx", submission(values))
    for raw in (read_raw(path, "a.xlsx"), read_raw(_workbooks(EXAMPLES)[0], "x.xlsx")):
        assert raw.rows
        loading = _Classes(io.BytesIO(pickle.dumps(raw, pickle.HIGHEST_PROTOCOL)))
        loading.modules = set()
        assert repr(loading.load()) == repr(raw)
        # no catalogue, no workbook, no pydantic model: what a worker sends is plain
        assert loading.modules <= {
            "iku_cli.workbooks.raw",
            "iku_cli.core.findings",
            "decimal",
            "builtins",
        }


def test_examples_both_ways() -> None:
    _same_both_ways(_workbooks(EXAMPLES), load(SHIPPED_CATALOGUE))


def test_reader_test_data_and_tolerant_layouts_both_ways(tmp_path: Path) -> None:
    sheets = submission()
    for row in sheets["Data"][4:]:
        row[0] = float(row[0])  # codes typed as numbers: 1.10 becomes 1.1, and is guessed
    mixed = filled({("1.1", "dirumuskan"): "#DIV/0!", ("1.10", "setor"): "Rp 1.234"})
    files = [
        *_workbooks(READER_DATA),
        write_xlsx(tmp_path / "tolerant.xlsx", _tolerant_sheets()),
        write_ods(tmp_path / "tolerant.ods", _tolerant_sheets()),
        write_xlsx(tmp_path / "numbers.xlsx", sheets),
        write_xlsx(tmp_path / "mixed.xlsx", submission(mixed, owner="biro a", period="tw 1")),
        write_xlsx(tmp_path / "unknown.xlsx", submission([("9.9", "x", "dua")])),
    ]
    _same_both_ways(files, CAT)


def test_hostile_files_both_ways(tmp_path: Path) -> None:
    folder = tmp_path / "kiriman"
    folder.mkdir()
    names = _hostile_files(folder)
    files = [folder / name for name in sorted(names)] + [tmp_path / "gone.xlsx"]
    _same_both_ways(files, CAT)
    for name in names:
        raw = read_raw(folder / name, name)
        assert names[name] in {f.code for f in raw.found}, name  # said without a catalogue


@pytest.mark.skipif(not BENCH_FILES.is_dir(), reason="bench files not generated")
def test_a_sample_of_the_bench_files_both_ways() -> None:
    _same_both_ways(_workbooks(BENCH_FILES)[::40], load(PROVINCE))


def _where(found: list[Any]) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.cell, f.indicator, f.input) for f in found]


def test_row_findings_keep_their_order_and_name_the_bound_indicator(tmp_path: Path) -> None:
    values = [
        ("1.1", "disahkan", "8"),
        ("1.1", "dirumuskan", 10),
        ("1.10", "setor", "#REF!"),
        ("1.10", "target_pad", "12"),
    ]
    sheets = submission(values)
    for row in sheets["Data"][4:]:
        row[0] = float(row[0])
    path = write_xlsx(tmp_path / "a.xlsx", sheets)
    raw = read_raw(path, "a.xlsx")
    # as read: codes as typed (1.10 as a number is 1.1), nothing said about indicators
    assert [row[0] for row in raw.rows] == ["1.1", "1.1", "1.1", "1.1"]
    assert raw.found == []
    sub, found = bind(raw, CAT)
    assert sub is not None
    assert [(v.indicator, v.input) for v in sub.values] == [(c, n) for c, n, _ in values]
    assert _where(found) == [
        ("value-as-text", "F5", "1.1", "disahkan"),
        ("code-normalised", "A7", "1.10", None),
        ("cell-error", "F7", "1.10", "setor"),
        ("code-normalised", "A8", "1.10", None),
        ("value-as-text", "F8", "1.10", "target_pad"),
    ]
    assert found[2].params["indicator"] == "1.10"  # the message can name it too
    assert found[2].params["input"] == "setor"


def test_one_raw_read_binds_to_each_catalogue(tmp_path: Path) -> None:
    raw = read_raw(write_xlsx(tmp_path / "a.xlsx", submission(owner="biro a")), "a.xlsx")
    other = loads(CATALOGUE_YAML.replace("owner: Biro A", "owner: Biro C"))
    mine, _ = bind(raw, CAT)
    theirs, found = bind(raw, other)
    assert mine is not None and theirs is not None
    assert (mine.owner, theirs.owner) == ("Biro A", "biro a")  # the catalogue's spelling
    assert [v.indicator for v in theirs.values] == [v.indicator for v in mine.values]
    assert found == []
