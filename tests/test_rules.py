"""Issue 12's missing rules: bounds of every figure, floor, quarterly targets and
provisional progress, stock vs flow inputs, the overall method.

Every expected figure is worked out by hand beside it, as an exact fraction.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from iku_cli.catalogue import Catalogue, loads
from iku_cli.checks import check_all
from iku_cli.errors import CatalogueError
from iku_cli.figures import compute
from iku_cli.submission import Collection, InputValue, Submission

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


def pairs(collection: Collection) -> set[tuple[str, str | None, str | None]]:
    return {(f.code, f.indicator, f.cell) for f in collection.findings}


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
