"""Issue 12's missing rules: bounds of every figure, floor, quarterly targets and
provisional progress, stock vs flow inputs, the overall method.

Every expected figure is worked out by hand beside it, as an exact fraction.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from iku_cli.core.catalogue import Catalogue
from iku_cli.core.checks import check_all
from iku_cli.core.errors import CatalogueError
from iku_cli.core.figures import compute
from iku_cli.core.recap import Recap, build_recap
from iku_cli.core.result import IndicatorResult, Result, rounded
from iku_cli.core.submission import Collection, InputValue, Submission
from iku_cli.i18n import Lang
from iku_cli.loading.catalogue_file import loads
from iku_cli.outputs.recap import write_recap
from iku_cli.outputs.result_table import result_table

D = Decimal

HEAD = """
schema: 1
organisation: Sekretariat Uji
years: [2025]
achievement:
  negative_formula: two_minus_ratio
{settings}
goals:
  - {{code: "1", statement: Sasaran satu}}
  - {{code: "2", statement: Sasaran dua}}
indicators:
"""

# 1.1 composite (max 100, its second part may reach 150), 1.2 direct with a max,
# 1.3 negative ratio, 2.1..2.3 ratios in goal 2
INDICATORS = """
  - code: "1.1"
    goal: "1"
    name: Indeks layanan
    unit: Indeks
    owner: Biro A
    inputs:
      dok: {label: Dokumen tepat waktu, integer: true}
      dok_semua: {label: Seluruh dokumen, integer: true}
      realisasi: {label: Realisasi anggaran, unit: Rupiah, cumulative: true}
      pagu: {label: Pagu anggaran, unit: Rupiah}
      hadir: {label: Kehadiran, integer: true}
      hadir_wajib: {label: Kehadiran wajib, integer: true}
    components:
      - {label: Dokumen, weight: 0.5, numerator: dok, denominator: dok_semua}
      - {label: Anggaran, weight: 0.3, numerator: realisasi, denominator: pagu}
      - {label: Kehadiran, weight: 0.2, numerator: hadir, denominator: hadir_wajib, max: 150}
    max: 100
    targets: {2025: 80}
  - code: "1.2"
    goal: "1"
    name: Jumlah kegiatan
    unit: Kegiatan
    owner: Biro A
    inputs:
      kegiatan: {label: Jumlah kegiatan, integer: true}
    value: kegiatan * 2
    max: 10
    targets: {2025: 8}
  - code: "1.3"
    goal: "1"
    name: Persentase aduan terbuka
    unit: Persen
    owner: Biro A
    polarity: negative
    inputs:
      terbuka: {label: Aduan terbuka, integer: true, cumulative: false}
      masuk: {label: Aduan masuk, integer: true}
    numerator: terbuka
    denominator: masuk
    targets: {2025: 10}
  - code: "2.1"
    goal: "2"
    name: Persentase dokumen
    unit: Persen
    owner: Biro A
    inputs:
      selesai: {label: Selesai, integer: true}
      masuk2: {label: Masuk, integer: true}
    numerator: selesai
    denominator: masuk2
    targets: {2025: 100}
"""


def catalogue(settings: str = "", indicators: str = INDICATORS) -> Catalogue:
    return loads(HEAD.format(settings=settings) + indicators)


def submission(
    period: str, values: dict[tuple[str, str], Any], file: str | None = None
) -> Submission:
    items = [
        InputValue(code, name, None if v is None else D(str(v)), "Data", f"F{row}")
        for row, ((code, name), v) in enumerate(values.items(), start=5)
    ]
    return Submission(
        file=file or f"2025-{period}-biro-a.xlsx",
        sha256="0" * 64,
        owner="Biro A",
        year=2025,
        period=period,  # type: ignore[arg-type]
        values=items,
        identity_text={"owner": "Biro A", "year": "2025", "period": period},
        data_sheet="Data",
    )


GOOD = {
    ("1.1", "dok"): 8,
    ("1.1", "dok_semua"): 10,
    ("1.1", "realisasi"): 600,
    ("1.1", "pagu"): 1000,
    ("1.1", "hadir"): 12,
    ("1.1", "hadir_wajib"): 10,
    ("1.2", "kegiatan"): 4,
    ("1.3", "terbuka"): 5,
    ("1.3", "masuk"): 100,
    ("2.1", "selesai"): 9,
    ("2.1", "masuk2"): 10,
}


def checked(cat: Catalogue, *subs: Submission) -> Collection:
    collection = Collection(submissions=list(subs), findings=[], files_read=len(subs))
    collection.findings = check_all(collection, cat, complete=False)
    return collection


NARRATIVE = {"narrative-missing", "evidence-missing"}  # the Analisis sheet's own findings


def pairs(collection: Collection) -> set[tuple[str, str | None, str | None]]:
    return {(f.code, f.indicator, f.cell) for f in collection.findings if f.code not in NARRATIVE}


# --------------------------------------------------------------------------- item 4: bounds


def test_good_values_give_no_finding() -> None:
    cat = catalogue()
    assert pairs(checked(cat, submission("TW4", GOOD))) == set()


def test_component_above_the_indicator_max_is_invalid_at_the_numerator_cell() -> None:
    cat = catalogue()
    # realised budget 1100 of a 1000 ceiling: 110% > the indicator's max 100
    values = {**GOOD, ("1.1", "realisasi"): 1100}
    collection = checked(cat, submission("TW4", values))
    assert pairs(collection) == {("component-exceeds-max", "1.1", "F7")}
    finding = collection.findings[0]
    assert finding.is_error and finding.input == "realisasi"
    assert finding.params["value"] == D("110.00") and finding.params["max"] == D(100)
    assert "Anggaran" in finding.message("id") and "1.100" in finding.message("id")
    ind = compute(cat, collection, 2025, "TW4").indicator("1.1")
    assert ind is not None and ind.status == "invalid" and ind.achievement is None
    assert "component-exceeds-max" in (ind.reason.text() if ind.reason else "")


def test_before_the_rule_the_same_figures_computed_past_100() -> None:
    # without the bound the composite would be 0.5 x 80 + 0.3 x 110 + 0.2 x 120 = 97,
    # 97 / 80 x 100 = 121.25: the rule is what stops it
    cat = catalogue()
    values = {**GOOD, ("1.1", "realisasi"): 1100}
    raw = Collection(submissions=[submission("TW4", values)], findings=[], files_read=1)
    ind = compute(cat, raw, 2025, "TW4").indicator("1.1")
    assert ind is not None and ind.value == D(97) and ind.achievement == D("121.25")


def test_a_component_max_of_its_own_allows_more() -> None:
    cat = catalogue()
    # attendance 15 of 10 = 150%: at its own max 150, allowed; 16 of 10 = 160% is not
    assert pairs(checked(cat, submission("TW4", {**GOOD, ("1.1", "hadir"): 15}))) == set()
    over = checked(cat, submission("TW4", {**GOOD, ("1.1", "hadir"): 16}))
    assert pairs(over) == {("component-exceeds-max", "1.1", "F9")}


def test_direct_value_above_the_indicator_max() -> None:
    cat = catalogue()
    # value kegiatan x 2: 5 x 2 = 10 is the max, 6 x 2 = 12 passes it
    assert pairs(checked(cat, submission("TW4", {**GOOD, ("1.2", "kegiatan"): 5}))) == set()
    over = checked(cat, submission("TW4", {**GOOD, ("1.2", "kegiatan"): 6}))
    assert pairs(over) == {("value-exceeds-max", "1.2", "F11")}
    ind = compute(cat, over, 2025, "TW4").indicator("1.2")
    assert ind is not None and ind.status == "invalid"
    assert "12" in over.findings[0].message("en") and "10" in over.findings[0].message("en")


def test_component_max_is_a_checked_catalogue_key() -> None:
    bad = INDICATORS.replace("max: 150}", "max: banyak}")
    with pytest.raises(CatalogueError) as caught:
        catalogue(indicators=bad)
    [problem] = caught.value.problems
    assert problem.path == "indicators[0].components[2].max"
    text = (HEAD.format(settings="") + bad).splitlines()
    assert problem.line == next(n for n, line in enumerate(text, 1) if "banyak" in line)


# --------------------------------------------------------------------------- item 7: stock vs flow


def test_only_cumulative_inputs_are_checked_for_a_fall() -> None:
    cat = catalogue()
    tw1 = submission("TW1", GOOD)
    # every input falls by one: only the flows are reported
    fallen = {key: value - 1 for key, value in GOOD.items()}
    tw2 = submission("TW2", fallen)
    collection = checked(cat, tw1, tw2)
    found = {(f.indicator, f.input) for f in collection.findings if f.code == "cumulative-decrease"}
    assert found == {
        # whole numbers are flows unless said: dok, dok_semua, hadir, hadir_wajib, kegiatan,
        # masuk (1.3), selesai, masuk2
        ("1.1", "dok"),
        ("1.1", "dok_semua"),
        ("1.1", "hadir"),
        ("1.1", "hadir_wajib"),
        ("1.2", "kegiatan"),
        ("1.3", "masuk"),
        ("2.1", "selesai"),
        ("2.1", "masuk2"),
        # realisasi is an amount but declared cumulative: true
        ("1.1", "realisasi"),
    }
    # pagu (an amount: a stock by default) and terbuka (cumulative: false) may fall
    assert cat.indicators[0].inputs["pagu"].is_cumulative is False
    assert cat.indicators[2].inputs["terbuka"].is_cumulative is False


def computed(cat: Catalogue, period: str, values: dict[tuple[str, str], Any]) -> Result:
    return compute(cat, checked(cat, submission(period, values)), 2025, period)


def figure(result: Result, code: str) -> IndicatorResult:
    item = result.indicator(code)
    assert item is not None
    return item


# --------------------------------------------------------------------------- item 5: floor

SINKING = {**GOOD, ("1.3", "terbuka"): 30}  # 30 open of 100 against a target of 10


def test_good_values_by_hand() -> None:
    result = computed(catalogue(), "TW4", GOOD)
    # 1.1: 0.5 x 80 + 0.3 x 60 + 0.2 x 120 = 40 + 18 + 24 = 82; 82 / 80 x 100 = 102.5
    # 1.2: 4 x 2 = 8; 8 / 8 x 100 = 100
    # 1.3: 5 / 100 x 100 = 5; (2 - 5 / 10) x 100 = 150
    # 2.1: 9 / 10 x 100 = 90; 90 / 100 x 100 = 90
    assert [i.achievement for i in result.indicators] == [D("102.5"), 100, 150, 90]
    goal1, goal2 = result.goals
    # goal 1: (102.5 + 100 + 150) / 3 = 352.5 / 3 = 117.5; goal 2: 90
    assert (goal1.achievement, goal2.achievement) == (D("117.5"), 90)
    # overall by goals: (117.5 + 90) / 2 = 103.75; by indicators: 442.5 / 4 = 110.625
    assert result.overall.method == "goals"
    assert result.overall.achievement == D("103.75")
    assert result.overall.by_indicators is not None
    assert result.overall.by_indicators.achievement == D("110.625")


def test_floor_keeps_the_raw_figure_and_lifts_only_the_average() -> None:
    result = computed(catalogue(), "TW4", SINKING)
    sunk = figure(result, "1.3")
    # 30 / 100 x 100 = 30; (2 - 30 / 10) x 100 = -100: reported as it is, 0 goes into the mean
    assert (sunk.value, sunk.achievement, sunk.capped) == (30, -100, 0)
    assert sunk.category == "Sangat Rendah"
    # goal 1: (102.5 + 100 + 0) / 3 = 202.5 / 3 = 67.5 -> Sedang
    assert result.goals[0].achievement == D("67.5") and result.goals[0].category == "Sedang"
    data = result.to_dict()["indicators"][2]
    assert (data["achievement"], data["achievement_capped"]) == (-100, 0)


def test_floor_null_lets_an_indicator_sink_its_goal() -> None:
    cat = catalogue("  floor: null")
    result = computed(cat, "TW4", SINKING)
    # (102.5 + 100 - 100) / 3 = 102.5 / 3 = 34.1666... -> 34.17
    assert rounded(result.goals[0].achievement) == D("34.17")
    assert figure(result, "1.3").capped == -100


def test_a_floor_of_its_own_and_a_cap_together() -> None:
    cat = catalogue("  floor: 10\n  cap: 120")
    result = computed(cat, "TW4", SINKING)
    assert figure(result, "1.3").capped == 10
    # goal 1: (102.5 + 100 + 10) / 3 = 212.5 / 3 = 70.8333... -> 70.83
    assert rounded(result.goals[0].achievement) == D("70.83")
    result = computed(cat, "TW4", GOOD)
    # 150 capped at 120: (102.5 + 100 + 120) / 3 = 322.5 / 3 = 107.5
    assert result.goals[0].achievement == D("107.5")


# --------------------------------------------------------------------------- item 8: overall


def test_overall_by_indicators_and_both_in_json() -> None:
    result = computed(catalogue("  overall: indicators"), "TW4", GOOD)
    overall = result.overall
    # (102.5 + 100 + 150 + 90) / 4 = 442.5 / 4 = 110.625 -> 110.63 half-up
    assert overall.method == "indicators" and overall.achievement == D("110.625")
    data = result.to_dict()["overall"]
    assert (data["achievement"], data["category"], data["method"]) == (
        110.63,
        "Sangat Tinggi",
        "indicators",
    )
    assert data["by_goals"] == {"achievement": 103.75, "category": "Sangat Tinggi", "count": 2}
    assert data["by_indicators"] == {
        "achievement": 110.63,
        "category": "Sangat Tinggi",
        "count": 4,
    }
    assert {"assessed", "total"} <= set(data)


def test_overall_method_is_a_checked_choice() -> None:
    with pytest.raises(CatalogueError) as caught:
        catalogue("  overall: rata")
    assert [p.path for p in caught.value.problems] == ["achievement.overall"]


# --------------------------------------------------------------------------- item 6: quarters

QUARTERLY = INDICATORS.replace(
    "    targets: {2025: 80}", "    targets: {2025: 80}\n    quarterly_target: provisional"
).replace("    targets: {2025: 100}", "    targets: {2025: 100}\n    quarterly_target: profile")
EARLY = {
    **GOOD,
    # 1.1: 0.5 x 20 + 0.3 x 10 + 0.2 x 0 = 13; 13 / 80 x 100 = 16.25
    ("1.1", "dok"): 2,
    ("1.1", "realisasi"): 100,
    ("1.1", "hadir"): 0,
    # 2.1: 2 / 10 x 100 = 20
    ("2.1", "selesai"): 2,
}


def test_profile_target_before_tw4() -> None:
    result = computed(catalogue(indicators=QUARTERLY), "TW1", EARLY)
    item = figure(result, "2.1")
    # TW1 target: 100 x 25 / 100 = 25; 20 / 25 x 100 = 80 -> Tinggi
    assert (item.target, item.target_basis, item.target_share) == (25, "profile", 25)
    assert (item.achievement, item.category, item.progress) == (80, "Tinggi", None)
    # TW3: 100 x 75 / 100 = 75; 20 / 75 x 100 = 26.666... -> 26.67
    item = figure(computed(catalogue(indicators=QUARTERLY), "TW3", EARLY), "2.1")
    assert item.target == 75 and rounded(item.achievement) == D("26.67")
    # TW4: the year's target, 20 / 100 x 100 = 20
    item = figure(computed(catalogue(indicators=QUARTERLY), "TW4", EARLY), "2.1")
    assert (item.target, item.target_basis, item.achievement) == (100, "year", 20)


def test_a_catalogue_profile_of_its_own() -> None:
    cat = catalogue("  quarterly_profile: {TW1: 10, TW2: 40, TW3: 70, TW4: 100}", QUARTERLY)
    item = figure(computed(cat, "TW2", EARLY), "2.1")
    # 100 x 40 / 100 = 40; 20 / 40 x 100 = 50 -> Sangat Rendah
    assert (item.target, item.achievement, item.category) == (40, 50, "Sangat Rendah")
    without = catalogue("  quarterly_profile: null", QUARTERLY)
    item = figure(computed(without, "TW1", EARLY), "2.1")
    # no profile: the year's target, 20 / 100 x 100 = 20
    assert (item.target, item.target_basis, item.achievement) == (100, "year", 20)


def test_profile_period_names_are_checked() -> None:
    with pytest.raises(CatalogueError) as caught:
        catalogue("  quarterly_profile: {TW1: 25, TW5: 50}")
    assert [p.path for p in caught.value.problems] == ["achievement.quarterly_profile.TW5"]


def test_provisional_progress_instead_of_a_band() -> None:
    cat = catalogue(indicators=QUARTERLY)
    result = computed(cat, "TW1", EARLY)
    item = figure(result, "1.1")
    # 16.25 of the year's 80: below TW1's pace of 25 -> behind; no band, not averaged
    assert (item.target, item.target_basis, item.achievement) == (80, "year", D("16.25"))
    assert (item.category, item.progress, item.capped, item.status) == (None, "behind", None, "ok")
    # goal 1 without 1.1: (100 + 150) / 2 = 125, resting on 2 of 3
    assert (result.goals[0].achievement, result.goals[0].assessed) == (125, 2)
    data = result.to_dict()["indicators"][0]
    assert (data["category"], data["progress"], data["achievement"]) == (None, "behind", 16.25)
    # at TW2 with the good values: 102.5 >= 50 -> on_track
    item = figure(computed(cat, "TW2", GOOD), "1.1")
    assert (item.progress, item.category) == ("on_track", None)
    # TW4: a band and part of the mean
    result = computed(cat, "TW4", EARLY)
    item = figure(result, "1.1")
    assert (item.progress, item.category, item.capped) == (None, "Sangat Rendah", D("16.25"))
    assert result.goals[0].assessed == 3


def test_progress_at_the_pace_edge() -> None:
    cat = catalogue(indicators=QUARTERLY)
    # 1.1 value 20 (dok 4 of 10 -> 0.5 x 40 = 20; others 0): 20 / 80 x 100 = 25, TW1's pace
    edge = {**EARLY, ("1.1", "dok"): 4, ("1.1", "realisasi"): 0}
    assert figure(computed(cat, "TW1", edge), "1.1").progress == "on_track"


def test_written_quarterly_targets_win() -> None:
    cat = catalogue(
        indicators=QUARTERLY.replace(
            "    targets: {2025: 100}\n",
            "    targets: {2025: {TW1: 10, TW2: 30, TW3: 60, TW4: 100}}\n",
        )
    )
    item = figure(computed(cat, "TW1", EARLY), "2.1")
    # 20 / 10 x 100 = 200
    assert (item.target, item.target_basis, item.achievement) == (10, "quarter", 200)


# --------------------------------------------------------------------------- human outputs


def table_text(result: Result, lang: Lang = "id") -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=200, color_system=None, legacy_windows=False)
    for part in result_table(result, lang):
        console.print(part)
    return buffer.getvalue()


def test_compute_table_shows_progress_profile_and_method() -> None:
    result = computed(catalogue(indicators=QUARTERLY), "TW1", EARLY)
    text = table_text(result)
    assert "tertinggal" in text
    assert "2.1: target TW1 = 25% dari target tahunan" in text
    assert "1.1: belum ada target triwulan" in text
    # goals: (125 + 80) / 2 = 102.5; indicators 1.2, 1.3, 2.1: (100 + 150 + 80) / 3 = 110
    assert "rata-rata capaian 2 sasaran (achievement.overall: goals); rata-rata 3 IKU: 110" in text
    english = table_text(result, "en")
    assert "behind" in english and "Overall achievement = the mean of 2 goal(s)" in english


def recap_of(cat: Catalogue, *subs: Submission, period: str = "TW4") -> Recap:
    collection = Collection(submissions=list(subs), findings=[], files_read=len(subs))
    collection.findings = check_all(collection, cat)
    return build_recap(cat, collection, 2025, period)


def all_quarters(values: dict[tuple[str, str], Any]) -> list[Submission]:
    return [submission(p, values) for p in ("TW1", "TW2", "TW3", "TW4")]


def status_cell(recap: Recap, path: Path) -> str:
    from python_calamine import CalamineWorkbook

    write_recap(recap, path)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Ringkasan").to_python()
    return next(str(r[1]) for r in rows if r and r[0] == "Status angka")


def test_recap_final_only_when_it_is(tmp_path: Path) -> None:
    cat = catalogue()
    recap = recap_of(cat, *all_quarters(GOOD))
    assert recap.final and recap.unfinished_parts() == []
    assert status_cell(recap, tmp_path / "a.xlsx").startswith("Angka final tahun 2025")


def test_recap_at_tw4_with_a_quarter_missing_is_not_final(tmp_path: Path) -> None:
    cat = catalogue()
    recap = recap_of(cat, submission("TW1", GOOD), submission("TW4", GOOD))
    assert not recap.final and not recap.provisional
    line = status_cell(recap, tmp_path / "a.xlsx")
    assert line.startswith("BELUM FINAL")
    assert "2 laporan belum masuk (Biro A TW2, Biro A TW3)" in line
    assert "Angka final" not in line


def test_recap_at_tw4_with_errors_and_nothing_assessed_is_not_final(tmp_path: Path) -> None:
    cat = catalogue()
    # every indicator invalid: 1.1 and 1.2 over their max, 1.3 and 2.1 numerators above
    # their denominators are allowed (no max) so they are emptied instead
    bad = {
        **GOOD,
        ("1.1", "realisasi"): 5000,
        ("1.2", "kegiatan"): 9,
        ("1.3", "terbuka"): None,
        ("2.1", "selesai"): None,
    }
    recap = recap_of(cat, *all_quarters(GOOD)[:3], submission("TW4", bad))
    assert not recap.final
    keys = [key for key, _ in recap.unfinished_parts()]
    assert keys == [
        "recap.unfinished.errors",
        "recap.unfinished.incomplete",
        "recap.unfinished.none_assessed",
    ]
    line = status_cell(recap, tmp_path / "a.xlsx")
    assert "2 galat" in line and "2 IKU belum lengkap isiannya (1.3, 2.1)" in line
    assert "tidak satu pun dari 4 IKU dapat dinilai" in line


def test_recap_before_tw4_is_provisional_and_says_what_is_missing(tmp_path: Path) -> None:
    cat = catalogue()
    recap = recap_of(cat, submission("TW2", GOOD), period="TW2")
    assert recap.provisional and not recap.final
    line = status_cell(recap, tmp_path / "a.xlsx")
    assert line.startswith("ANGKA SEMENTARA") and "1 laporan belum masuk (Biro A TW1)" in line


def test_recap_states_the_method_and_shows_progress(tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    cat = catalogue("  overall: indicators", QUARTERLY)
    recap = recap_of(cat, submission("TW1", EARLY), period="TW1")
    path = tmp_path / "r.xlsx"
    write_recap(recap, path)
    book = CalamineWorkbook.from_path(str(path))
    summary = book.get_sheet_by_name("Ringkasan").to_python()
    overall = next(r for r in summary if r and r[0] == "Capaian keseluruhan")
    # indicators 1.2, 1.3, 2.1: (100 + 150 + 80) / 3 = 110
    assert overall[1] == "rata-rata capaian seluruh IKU yang dinilai" and overall[4] == 110
    other = next(r for r in summary if r and r[0] == "Pembanding (cara lain)")
    # goals: (125 + 80) / 2 = 102.5
    assert other[1] == "rata-rata capaian sasaran" and other[4] == 102.5
    notes = [" ".join(map(str, r)) for r in book.get_sheet_by_name("Catatan").to_python()]
    assert any("achievement.overall: indicators" in r for r in notes)
    assert any("dihitung 0 dalam rata-rata" in r for r in notes)
    achievement = book.get_sheet_by_name("Capaian IKU").to_python()
    row = next(r for r in achievement if len(r) > 12 and r[1] == "1.1")
    assert row[12] == "tertinggal"
