"""The pure chapter builder (iku_cli.core.chapter): figures, quotes with their cells and
placeholders, budgets, earlier years, from a tiny folder read with the library API."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from _reader_kit import CATALOGUE_YAML, analysis_rows, filled, submission, write_xlsx
from iku_cli.api import compute, read
from iku_cli.core.chapter import QUOTED, build_chapter
from iku_cli.loading.catalogue_file import loads

CAT_YAML = CATALOGUE_YAML.replace(
    '  - {code: "1", statement: Sasaran satu}\n',
    '  - code: "1"\n    statement: Sasaran satu\n'
    "    budget: {2025: {pagu: 1000, realisasi: 900}}\n",
).replace(
    "    max: 100\n    targets: {2025: 100}\n",
    "    max: 100\n    targets: {2024: 90, 2025: 100}\n"
    "    baseline: {year: 2023, value: 70}\n"
    "    programmes: [Program Satu]\n",
)


def folder(tmp_path: Path, *, earlier: bool) -> Path:
    root = tmp_path / "kiriman"
    root.mkdir()
    if earlier:
        last = submission(filled({("1.1", "disahkan"): 7}), year=2024, period="TW4")
        write_xlsx(root / "a-2024.xlsx", last)
    this = submission(filled(), year=2025, period="TW4")
    rows = analysis_rows([])
    rows.append(["1.1", "x", "Dukungan pimpinan", None, "Rapat ulang", None])
    this["Analisis"] = rows
    write_xlsx(root / "a-2025.xlsx", this)
    return root


def test_chapter_figures_quotes_and_budget(tmp_path: Path) -> None:
    assert "budget" in CAT_YAML and "baseline" in CAT_YAML
    catalogue = loads(CAT_YAML)
    root = folder(tmp_path, earlier=True)
    collection = read(root, catalogue)
    chapter = build_chapter(catalogue, collection, 2025)
    result = compute(root, 2025, catalogue=catalogue)
    assert chapter.year == 2025 and chapter.period == "TW4" and not chapter.provisional
    assert chapter.overall.achievement == result.overall.achievement
    assert chapter.earlier_years == [2024]
    goal = chapter.goals[0]
    figures = result.goal("1")
    assert figures is not None
    assert goal.achievement == figures.achievement
    part = next(p for p in goal.indicators if p.row.code == "1.1")
    item = result.indicator("1.1")
    assert item is not None
    assert part.row.achievement == item.achievement
    assert part.row.baseline_value == Decimal(70)
    assert part.row.programmes == ("Program Satu",)
    last = next(c for c in part.row.earlier if c.year == 2024)
    assert part.row.change == item.achievement - last.achievement  # type: ignore[operator]
    quotes = {q.name: q for q in part.quotes}
    assert list(quotes) == list(QUOTED)
    assert quotes["supporting"].text == "Dukungan pimpinan"
    assert quotes["supporting"].source is not None
    assert quotes["supporting"].source.endswith("a-2025.xlsx, Analisis!C5")
    assert quotes["obstacles"].text is None  # left blank: the writer shows a placeholder
    assert quotes["actions"].text == "Rapat ulang"
    assert goal.budget is not None and goal.budget.absorption == Decimal(90)
    assert goal.efficiency == figures.achievement - Decimal(90)  # type: ignore[operator]
    assert [g.code for g in chapter.budgets] == ["1"]
    files = {Path(s.file).name: s.sha256 for s in chapter.sources}
    for name in ("a-2024.xlsx", "a-2025.xlsx"):
        assert files[name] == hashlib.sha256((root / name).read_bytes()).hexdigest()


def test_chapter_without_earlier_year_or_narrative(tmp_path: Path) -> None:
    catalogue = loads(CAT_YAML)
    root = tmp_path / "kiriman"
    root.mkdir()
    write_xlsx(root / "a-2025.xlsx", submission(filled(), year=2025, period="TW4"))
    chapter = build_chapter(catalogue, read(root, catalogue), 2025)
    assert chapter.earlier_years == []
    for goal in chapter.goals:
        for part in goal.indicators:
            assert part.row.earlier == [] or all(c.period is None for c in part.row.earlier)
            assert part.row.change is None
            assert all(q.text is None and q.source is None for q in part.quotes)
