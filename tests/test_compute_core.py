"""The pure compute core, fed with in-memory submissions (no workbooks).

Every expected figure is worked out by hand in a comment beside it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iku_cli.core import findings
from iku_cli.core.catalogue import AchievementSettings, Catalogue
from iku_cli.core.errors import IkuError
from iku_cli.core.figures import choose, compute
from iku_cli.core.result import COLUMNS, Result, rounded
from iku_cli.core.submission import Collection, InputValue, Submission
from iku_cli.loading.catalogue_file import load

GOLDEN = Path(__file__).parent / "data" / "golden"
CATALOGUE = load(GOLDEN / "indicators.yaml")

D = Decimal

# the year-end figures used across the tests (see test_year_end_figures for the arithmetic)
ALPHA_TW4 = {
    ("1.1", "disahkan"): 9099,
    ("1.1", "dirumuskan"): 10000,
    ("1.2", "terbuka"): 13,
    ("1.2", "masuk"): 200,
}
BETA_TW4 = {
    ("1.3", "dok_tepat"): 9,
    ("1.3", "dok_total"): 10,
    ("1.3", "realisasi"): 750_000_000,
    ("1.3", "pagu"): 1_000_000_000,
    ("2.1", "indeks"): 5,
}
GAMMA_TW4 = {
    ("2.2", "difasilitasi"): 45,
    ("2.2", "lembaga"): 40,
    ("2.2", "sarana"): 20,
    ("2.3", "jumlah_pd"): 7,
    ("2.4", "hari"): 12,
}


def submission(
    owner: str,
    year: int,
    period: str,
    values: dict[tuple[str, str], int | float | str | None],
    file: str | None = None,
) -> Submission:
    """A submission as the reader would give it: values in Data!F5, F6, ..."""
    slug = owner.lower().replace(" ", "-")
    items = [
        InputValue(code, name, None if v is None else D(str(v)), "Data", f"F{row}")
        for row, ((code, name), v) in enumerate(values.items(), start=5)
    ]
    return Submission(
        file=file or f"{year}-{period}-{slug}.xlsx",
        sha256="0" * 64,
        owner=owner,
        year=year,
        period=period,  # type: ignore[arg-type]
        values=items,
    )


def collection(*subs: Submission, found: list[findings.Finding] | None = None) -> Collection:
    return Collection(submissions=list(subs), findings=found or [], files_read=len(subs))


def year_end() -> Collection:
    return collection(
        submission("Biro Alpha", 2025, "TW4", ALPHA_TW4),
        submission("Biro Beta", 2025, "TW4", BETA_TW4),
        submission("Biro Gamma", 2025, "TW4", GAMMA_TW4),
    )


def with_settings(**changes: object) -> Catalogue:
    settings_ = CATALOGUE.achievement.model_copy(update=changes)
    return CATALOGUE.model_copy(update={"achievement": settings_})


def two(value: Decimal | None) -> Decimal | None:
    return rounded(value)


# --------------------------------------------------------------------------- figures


def test_year_end_figures() -> None:
    result = compute(CATALOGUE, year_end(), 2025, "TW4")
    assert (result.year, result.period, result.provisional) == (2025, "TW4", False)
    expected = {
        # 1.1 ratio: 9099 / 10000 x 100 = 90.99; target TW4 100 -> 90.99 / 100 x 100 = 90.99
        "1.1": (D("90.99"), D("90.99"), "Tinggi"),
        # 1.2 negative ratio: 13 / 200 x 100 = 6.5; two_minus_ratio vs 7:
        # (2 - 6.5 / 7) x 100 = (2 - 0.928571...) x 100 = 107.142857... -> 107.14
        "1.2": (D("6.50"), D("107.14"), "Sangat Tinggi"),
        # 1.3 composite: 0.6 x (9 / 10 x 100) + 0.4 x (750e6 / 1e9 x 100) = 54 + 30 = 84;
        # 84 / 90 x 100 = 93.333... -> 93.33
        "1.3": (D("84.00"), D("93.33"), "Sangat Tinggi"),
        # 2.1 direct: 5; 5 / 4 x 100 = 125 (raw, reported uncapped)
        "2.1": (D("5.00"), D("125.00"), "Sangat Tinggi"),
        # 2.2 ratio with a sum: 45 / (40 + 20) x 100 = 75; 75 / 80 x 100 = 93.75
        "2.2": (D("75.00"), D("93.75"), "Sangat Tinggi"),
        # 2.3 direct count: 7 / 10 x 100 = 70 -> Sedang (66 <= 70 < 76)
        "2.3": (D("7.00"), D("70.00"), "Sedang"),
        # 2.4 negative direct: (2 - 12 / 8) x 100 = 50 -> Sangat Rendah (< 51)
        "2.4": (D("12.00"), D("50.00"), "Sangat Rendah"),
    }
    for code, (value, achievement, category) in expected.items():
        ind = result.indicator(code)
        assert ind is not None
        assert (ind.status, two(ind.value), two(ind.achievement), ind.category) == (
            "ok",
            value,
            achievement,
            category,
        ), code
    # goal 1: (90.99 + 107.142857... + 93.333...) / 3 = 291.466190... / 3 = 97.155396... -> 97.16
    goal1 = result.goal("1")
    assert goal1 is not None
    assert (two(goal1.achievement), goal1.category, goal1.assessed, goal1.total) == (
        D("97.16"),
        "Sangat Tinggi",
        3,
        3,
    )
    # goal 2 with 2.1 capped at 120: (120 + 93.75 + 70 + 50) / 4 = 333.75 / 4 = 83.4375 -> 83.44
    goal2 = result.goal("2")
    assert goal2 is not None
    assert (two(goal2.achievement), goal2.category, goal2.assessed) == (D("83.44"), "Tinggi", 4)
    # overall: (97.155396... + 83.4375) / 2 = 90.296448... -> 90.30, Tinggi
    assert two(result.overall.achievement) == D("90.30")
    assert result.overall.category == "Tinggi"
    assert (result.overall.assessed, result.overall.total) == (7, 7)
    assert (result.overall.goals_assessed, result.overall.goals_total) == (2, 2)
    assert result.missing_submissions == []


def test_cap_applies_only_to_averages() -> None:
    result = compute(CATALOGUE, year_end(), 2025, "TW4")
    ind = result.indicator("2.1")
    assert ind is not None
    # raw 5 / 4 x 100 = 125 is reported; 120 (the cap) goes into the goal's mean
    assert ind.achievement == D(125)
    assert ind.capped == D(120)
    # without a cap the goal mean is (125 + 93.75 + 70 + 50) / 4 = 338.75 / 4 = 84.6875 -> 84.69
    uncapped = compute(with_settings(cap=None), year_end(), 2025, "TW4")
    goal2 = uncapped.goal("2")
    assert goal2 is not None
    assert two(goal2.achievement) == D("84.69")


@pytest.mark.parametrize(
    ("done", "achievement", "category"),
    [
        # done / 10000 x 100 against target 100: the achievement is done / 100
        (9099, "90.99", "Tinggi"),
        (9100, "91.00", "Sangat Tinggi"),
        (7600, "76.00", "Tinggi"),
        (7599, "75.99", "Sedang"),
        (6600, "66.00", "Sedang"),
        (6599, "65.99", "Rendah"),
        (5100, "51.00", "Rendah"),
        (5099, "50.99", "Sangat Rendah"),
    ],
)
def test_category_at_each_band_edge(done: int, achievement: str, category: str) -> None:
    values = {("1.1", "disahkan"): done, ("1.1", "dirumuskan"): 10000}
    result = compute(CATALOGUE, collection(submission("Biro Alpha", 2025, "TW4", values)), 2025)
    ind = result.indicator("1.1")
    assert ind is not None
    assert (two(ind.achievement), ind.category) == (D(achievement), category)


def test_category_follows_the_figure_shown() -> None:
    # 90995 / 100000 x 100 = 90.995, shown half-up as 91.00: the category agrees with 91.00
    values = {("1.1", "disahkan"): 90995, ("1.1", "dirumuskan"): 100000}
    result = compute(CATALOGUE, collection(submission("Biro Alpha", 2025, "TW4", values)), 2025)
    ind = result.indicator("1.1")
    assert ind is not None
    assert ind.achievement == D("90.995")
    assert ind.category == "Sangat Tinggi"


def test_negative_formulas_differ() -> None:
    # 2024: 18 / 200 x 100 = 9 against target 8
    values = {("1.2", "terbuka"): 18, ("1.2", "masuk"): 200}
    subs = collection(submission("Biro Alpha", 2024, "TW4", values))
    two_minus = compute(CATALOGUE, subs, 2024, "TW4").indicator("1.2")
    assert two_minus is not None
    # (2 - 9 / 8) x 100 = (2 - 1.125) x 100 = 87.5 (DOMAIN's worked example)
    assert (two_minus.achievement, two_minus.category, two_minus.method) == (
        D("87.5"),
        "Tinggi",
        "two_minus_ratio",
    )
    over = compute(with_settings(negative_formula="target_over_realisation"), subs, 2024, "TW4")
    ind = over.indicator("1.2")
    assert ind is not None
    # 8 / 9 x 100 = 88.888... -> 88.89
    assert (two(ind.achievement), ind.method) == (D("88.89"), "target_over_realisation")


def test_domain_example_seven_and_six_and_a_half_both_formulas() -> None:
    # 13 / 200 x 100 = 6.5 against 7: (2 - 6.5/7) x 100 = 107.14; 7 / 6.5 x 100 = 107.69
    subs = collection(submission("Biro Alpha", 2025, "TW4", ALPHA_TW4))
    a = compute(CATALOGUE, subs, 2025, "TW4").indicator("1.2")
    b = compute(with_settings(negative_formula="target_over_realisation"), subs, 2025).indicator(
        "1.2"
    )
    assert a is not None and b is not None
    assert (two(a.achievement), two(b.achievement)) == (D("107.14"), D("107.69"))


def test_target_over_realisation_with_zero_value_is_not_assessed() -> None:
    values = {("1.2", "terbuka"): 0, ("1.2", "masuk"): 200}
    cat = with_settings(negative_formula="target_over_realisation")
    ind = compute(cat, collection(submission("Biro Alpha", 2025, "TW4", values)), 2025).indicator(
        "1.2"
    )
    assert ind is not None
    assert (ind.status, ind.value, ind.achievement) == ("not_assessed", D(0), None)
    assert ind.reason is not None and ind.reason.code == "value-zero"
    # the PermenPAN-RB formula has an answer for 0: (2 - 0 / 7) x 100 = 200
    ok = compute(CATALOGUE, collection(submission("Biro Alpha", 2025, "TW4", values)), 2025)
    assert ok.indicator("1.2").achievement == D(200)  # type: ignore[union-attr]


def test_per_quarter_target() -> None:
    # TW2: 40 / 100 x 100 = 40 against the TW2 target 50 -> 40 / 50 x 100 = 80
    values = {("1.1", "disahkan"): 40, ("1.1", "dirumuskan"): 100}
    result = compute(CATALOGUE, collection(submission("Biro Alpha", 2025, "TW2", values)))
    ind = result.indicator("1.1")
    assert ind is not None
    assert (ind.target, ind.achievement, ind.category) == (D(50), D(80), "Tinggi")
    assert (result.period, result.provisional) == ("TW2", True)


# --------------------------------------------------------------------------- statuses


def test_each_status() -> None:
    beta = dict(BETA_TW4)
    beta[("1.3", "realisasi")] = None  # left empty
    alpha = submission("Biro Alpha", 2025, "TW4", ALPHA_TW4)
    bad = findings.error(
        "value-not-a-number", file=alpha.file, sheet="Data", cell="F6", indicator="1.2"
    )
    subs = collection(alpha, submission("Biro Beta", 2025, "TW4", beta), found=[bad])
    result = compute(CATALOGUE, subs, 2025, "TW4")
    status = {i.code: i.status for i in result.indicators}
    assert status == {
        "1.1": "ok",
        "1.2": "invalid",  # an error finding on its file and code
        "1.3": "incomplete",  # realisasi empty
        "2.1": "ok",
        "2.2": "missing",  # no Biro Gamma submission
        "2.3": "missing",
        "2.4": "missing",
    }
    reasons = {i.code: i.reason.code if i.reason else None for i in result.indicators}
    assert reasons["1.2"] == "invalid-input"
    assert reasons["1.3"] == "input-missing"
    assert reasons["2.2"] == "no-submission"
    for code in ("1.2", "1.3", "2.2"):
        ind = result.indicator(code)
        assert ind is not None
        assert (ind.value, ind.achievement, ind.category) == (None, None, None)
    incomplete = result.indicator("1.3")
    assert incomplete is not None and "realisasi" in str(incomplete.reason.params)  # type: ignore[union-attr]
    assert [(m.owner, m.period) for m in result.missing_submissions] == [("Biro Gamma", "TW4")]
    # goal 1 rests on 1.1 only: 90.99; goal 2 on 2.1 only: min(125, 120) = 120
    assert result.goal("1").assessed == 1  # type: ignore[union-attr]
    assert result.goal("1").achievement == D("90.99")  # type: ignore[union-attr]
    assert result.goal("2").achievement == D(120)  # type: ignore[union-attr]
    # overall: (90.99 + 120) / 2 = 105.495 -> shown 105.50
    assert two(result.overall.achievement) == D("105.50")
    assert (result.overall.assessed, result.overall.total) == (2, 7)


def test_warning_finding_does_not_invalidate() -> None:
    alpha = submission("Biro Alpha", 2025, "TW4", ALPHA_TW4)
    note = findings.warning(
        "number-as-text", file=alpha.file, sheet="Data", cell="F5", indicator="1.1"
    )
    ind = compute(CATALOGUE, collection(alpha, found=[note]), 2025).indicator("1.1")
    assert ind is not None
    assert ind.status == "ok"
    assert [(f.code, f.cell) for f in ind.findings] == [("number-as-text", "F5")]


def test_error_on_another_file_does_not_invalidate() -> None:
    alpha = submission("Biro Alpha", 2025, "TW4", ALPHA_TW4)
    other = findings.error("value-not-a-number", file="else.xlsx", cell="F5", indicator="1.1")
    assert compute(CATALOGUE, collection(alpha, found=[other]), 2025).indicator("1.1").status == (  # type: ignore[union-attr]
        "ok"
    )


def test_duplicate_submission_is_invalid_and_neither_chosen() -> None:
    first = submission("Biro Alpha", 2025, "TW4", ALPHA_TW4, file="a/alpha.xlsx")
    second = submission("Biro Alpha", 2025, "TW4", ALPHA_TW4, file="b/alpha.xlsx")
    result = compute(CATALOGUE, collection(first, second), 2025, "TW4")
    for code in ("1.1", "1.2"):
        ind = result.indicator(code)
        assert ind is not None
        assert (ind.status, ind.value, ind.file) == ("invalid", None, None)
        assert ind.reason is not None and ind.reason.code == "duplicate-submission"
        assert "a/alpha.xlsx" in ind.reason.text("id") and "b/alpha.xlsx" in ind.reason.text("en")
    assert result.missing_submissions == [
        m for m in result.missing_submissions if m.owner != "Biro Alpha"
    ]


def test_not_due_before_tw4() -> None:
    result = compute(CATALOGUE, collection(submission("Biro Beta", 2025, "TW2", BETA_TW4)))
    assert result.period == "TW2"
    for code in ("2.1", "2.3"):
        ind = result.indicator(code)
        assert ind is not None
        assert (ind.status, ind.value) == ("not_due", None)
    # Biro Beta reports 1.3 quarterly, so it is ok at TW2: 84 / 90 x 100 -> 93.33
    assert result.indicator("1.3").status == "ok"  # type: ignore[union-attr]
    # Gamma's quarterly indicators are missing, its annual one is not due
    assert [(m.owner, m.period) for m in result.missing_submissions] == [
        ("Biro Alpha", "TW2"),
        ("Biro Gamma", "TW2"),
    ]


def test_division_by_zero_is_not_assessed() -> None:
    gamma = dict(GAMMA_TW4)
    gamma[("2.2", "lembaga")] = 0
    gamma[("2.2", "sarana")] = 0
    ind = compute(CATALOGUE, collection(submission("Biro Gamma", 2025, "TW4", gamma))).indicator(
        "2.2"
    )
    assert ind is not None
    assert (ind.status, ind.value, ind.achievement) == ("not_assessed", None, None)
    assert ind.reason is not None and ind.reason.code == "division-by-zero"
    assert "lembaga + sarana" in ind.reason.text("en")


def test_zero_component_denominator_is_not_assessed() -> None:
    beta = dict(BETA_TW4)
    beta[("1.3", "pagu")] = 0
    ind = compute(CATALOGUE, collection(submission("Biro Beta", 2025, "TW4", beta))).indicator(
        "1.3"
    )
    assert ind is not None
    assert (ind.status, ind.value) == ("not_assessed", None)


def test_zero_and_absent_targets_are_not_assessed() -> None:
    # 2024: 2.3 has target 0 and 2.4 none at all; the value is still reported
    result = compute(CATALOGUE, collection(submission("Biro Gamma", 2024, "TW4", GAMMA_TW4)))
    zero = result.indicator("2.3")
    absent = result.indicator("2.4")
    assert zero is not None and absent is not None
    assert (zero.status, zero.value, zero.achievement) == ("not_assessed", D(7), None)
    assert zero.reason is not None and zero.reason.code == "target-zero"
    assert (absent.status, absent.value, absent.target) == ("not_assessed", D(12), None)
    assert absent.reason is not None and absent.reason.code == "no-target"
    # 2.2 is still assessed: 75 / 80 x 100 = 93.75; goal 2 rests on it alone
    goal2 = result.goal("2")
    assert goal2 is not None
    assert (goal2.achievement, goal2.assessed, goal2.total) == (D("93.75"), 1, 4)


def test_goal_without_assessed_indicators_has_no_achievement() -> None:
    result = compute(CATALOGUE, collection(submission("Biro Alpha", 2025, "TW4", ALPHA_TW4)))
    goal2 = result.goal("2")
    assert goal2 is not None
    assert (goal2.achievement, goal2.category, goal2.assessed) == (None, None, 0)
    # overall rests on goal 1 alone: (90.99 + 107.142857... ) / 2 = 99.066428... -> 99.07
    assert two(result.overall.achievement) == D("99.07")
    assert result.overall.goals_assessed == 1


# --------------------------------------------------------------------------- choosing


def test_latest_year_and_period_are_chosen_and_said() -> None:
    subs = collection(
        submission("Biro Alpha", 2024, "TW4", ALPHA_TW4),
        submission("Biro Alpha", 2025, "TW1", ALPHA_TW4),
        submission("Biro Alpha", 2025, "TW3", ALPHA_TW4),
    )
    year, period, choice = choose(CATALOGUE, subs)
    assert (year, period) == (2025, "TW3")
    assert (choice.year.code, choice.period.code) == ("year-latest", "period-latest")
    result = compute(CATALOGUE, subs)
    assert result.provisional
    assert "2025" in result.note("en") and "TW3" in result.note("en")
    assert "sementara" in result.note("id")
    # given values are used as given, and said to be given
    year, period, choice = choose(CATALOGUE, subs, 2024, "tw4")
    assert (year, period, choice.year.code, choice.period.code) == (
        2024,
        "TW4",
        "year-given",
        "period-given",
    )
    # without --period, the latest period of the given year
    assert choose(CATALOGUE, subs, 2024)[1] == "TW4"


def test_submissions_for_unknown_years_are_not_chosen() -> None:
    subs = collection(
        submission("Biro Alpha", 2031, "TW4", ALPHA_TW4),
        submission("Biro Alpha", 2024, "TW2", ALPHA_TW4),
    )
    assert choose(CATALOGUE, subs)[:2] == (2024, "TW2")


@pytest.mark.parametrize(
    ("year", "period", "key"),
    [
        (2030, None, "compute.year_unknown"),
        (None, "TW5", "error.bad_period"),
        (2024, None, "compute.no_submissions_year"),
    ],
)
def test_unusable_choices_raise(year: int | None, period: str | None, key: str) -> None:
    subs = collection(submission("Biro Alpha", 2025, "TW4", ALPHA_TW4))
    with pytest.raises(IkuError) as caught:
        compute(CATALOGUE, subs, year, period)
    assert caught.value.key == key


def test_no_submissions_at_all_raises() -> None:
    with pytest.raises(IkuError) as caught:
        compute(CATALOGUE, Collection(files_read=3))
    assert caught.value.key == "compute.no_submissions"
    assert "3" in caught.value.message("id")


def test_given_year_and_period_without_submissions_computes_all_missing() -> None:
    subs = collection(submission("Biro Alpha", 2025, "TW4", ALPHA_TW4))
    result = compute(CATALOGUE, subs, 2024, "TW4")
    assert {i.status for i in result.indicators} == {"missing"}
    assert result.overall.achievement is None


# --------------------------------------------------------------------------- provenance


def test_inputs_realisations_and_submissions() -> None:
    subs = collection(
        submission(
            "Biro Alpha", 2025, "TW1", {("1.1", "disahkan"): 20, ("1.1", "dirumuskan"): 100}
        ),
        submission(
            "Biro Alpha", 2025, "TW2", {("1.1", "disahkan"): 40, ("1.1", "dirumuskan"): 100}
        ),
        submission("Biro Alpha", 2025, "TW4", ALPHA_TW4),
        submission("Biro Alpha", 2024, "TW4", ALPHA_TW4),
    )
    result = compute(CATALOGUE, subs, 2025, "TW4")
    ind = result.indicator("1.1")
    assert ind is not None
    assert [(i.name, i.value, i.file, i.sheet, i.cell) for i in ind.inputs] == [
        ("disahkan", D(9099), "2025-TW4-biro-alpha.xlsx", "Data", "F5"),
        ("dirumuskan", D(10000), "2025-TW4-biro-alpha.xlsx", "Data", "F6"),
    ]
    assert ind.inputs[0].location() == "2025-TW4-biro-alpha.xlsx: Data!F5"
    # TW1: 20 / 100 x 100 = 20; TW2: 40; TW3 not sent; TW4: 90.99
    assert ind.realisations == {"TW1": D(20), "TW2": D(40), "TW3": None, "TW4": D("90.99")}
    assert (ind.numerator, ind.denominator, ind.factor) == (D(9099), D(10000), D(100))
    annual = result.indicator("2.1")
    assert annual is not None and set(annual.realisations) == {"TW1", "TW2", "TW3", "TW4"}
    assert [(s.year, s.period) for s in result.submissions] == [
        (2024, "TW4"),
        (2025, "TW1"),
        (2025, "TW2"),
        (2025, "TW4"),
    ]


def test_composite_parts_are_kept() -> None:
    ind = compute(CATALOGUE, year_end(), 2025).indicator("1.3")
    assert ind is not None
    # 9 / 10 x 100 = 90 x 0.6 = 54; 750e6 / 1e9 x 100 = 75 x 0.4 = 30
    assert [(p.percent, p.weighted) for p in ind.components] == [
        (D(90), D(54)),
        (D(75), D(30)),
    ]


# --------------------------------------------------------------------------- shapes


def test_json_shape_and_numbers() -> None:
    alpha = submission("Biro Alpha", 2025, "TW4", ALPHA_TW4)
    warn = findings.warning("number-as-text", file=alpha.file, sheet="Data", cell="F5")
    subs = collection(alpha, submission("Biro Beta", 2025, "TW4", BETA_TW4), found=[warn])
    data = compute(CATALOGUE, subs).to_dict("en")
    json.dumps(data)  # serialisable as it is
    pinned = {
        "schema", "organisation", "year", "period", "provisional", "catalogue_sha256",
        "indicators", "goals", "overall", "submissions", "missing_submissions", "findings",
    }  # fmt: skip
    assert pinned <= set(data)
    assert data["schema"] == "iku.result/1"
    assert data["catalogue_sha256"] == CATALOGUE.sha256
    one = data["indicators"][1]
    pinned_indicator = {
        "code", "goal", "name", "owner", "unit", "value", "target", "achievement",
        "category", "status", "reason", "inputs",
    }  # fmt: skip
    assert pinned_indicator <= set(one)
    # 107.142857... is written half-up to 2 places, as a JSON number
    assert (one["code"], one["value"], one["target"], one["achievement"]) == ("1.2", 6.5, 7, 107.14)
    assert one["inputs"][0] == {
        "name": "terbuka",
        "label": "Jumlah keluhan yang belum selesai",
        "value": 13,
        "file": "2025-TW4-biro-alpha.xlsx",
        "sheet": "Data",
        "cell": "F7",  # the third row of Biro Alpha's values
    }
    missing = next(i for i in data["indicators"] if i["code"] == "2.2")
    assert (missing["status"], missing["value"], missing["achievement"]) == ("missing", None, None)
    assert "Biro Gamma" in missing["reason"]
    assert data["goals"][0].keys() >= {"code", "achievement", "category", "assessed", "total"}
    assert data["overall"].keys() >= {"achievement", "category"}
    assert data["submissions"][0].keys() >= {"owner", "year", "period", "file", "sha256"}
    assert data["missing_submissions"] == [{"owner": "Biro Gamma", "period": "TW4"}]
    assert data["findings"][0]["code"] == "number-as-text"
    assert set(data["findings"][0]) == {
        "severity", "code", "message", "file", "sheet", "cell", "indicator", "input",
    }  # fmt: skip


def test_half_up_in_json() -> None:
    # 1 / 8 x 100 = 12.5; 12.5 / 100 x 100 = 12.5 -> no rounding; 1 / 800 x 100 = 0.125
    # -> half-up 0.13 (Python's round would give 0.12)
    values = {("1.1", "disahkan"): 1, ("1.1", "dirumuskan"): 800}
    data = compute(CATALOGUE, collection(submission("Biro Alpha", 2025, "TW4", values))).to_dict()
    assert data["indicators"][0]["value"] == 0.13


def test_reason_text_in_both_languages() -> None:
    result = compute(CATALOGUE, collection(submission("Biro Alpha", 2025, "TW4", ALPHA_TW4)))
    ind = result.indicator("2.2")
    assert ind is not None and ind.reason is not None
    assert ind.reason.text("id") != ind.reason.text("en")
    assert "Biro Gamma" in ind.reason.text("id")


def test_to_frame_columns() -> None:
    frame = compute(CATALOGUE, year_end()).to_frame()
    assert list(frame.columns) == list(COLUMNS)
    assert list(frame["code"]) == [i.code for i in CATALOGUE.indicators]
    assert frame.loc[frame["code"] == "1.2", "achievement"].item() == 107.14
    assert set(frame["year"]) == {2025}


# --------------------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None)
@given(
    a=st.integers(min_value=0, max_value=10_000),
    b=st.integers(min_value=0, max_value=10_000),
    den=st.integers(min_value=1, max_value=10_000),
)
def test_positive_achievement_rises_with_the_value(a: int, b: int, den: int) -> None:
    low, high = sorted((a, b))

    def achievement(done: int) -> Decimal:
        values = {("1.1", "disahkan"): done, ("1.1", "dirumuskan"): den}
        result = compute(CATALOGUE, collection(submission("Biro Alpha", 2025, "TW4", values)))
        ind = result.indicator("1.1")
        assert ind is not None and ind.achievement is not None
        return ind.achievement

    assert achievement(low) <= achievement(high)
    if low < high:
        assert achievement(low) < achievement(high)


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(
        st.one_of(st.none(), st.integers(min_value=0, max_value=1_000)), min_size=4, max_size=4
    )
)
def test_a_missing_input_never_yields_a_number(values: list[int | None]) -> None:
    keys = [("1.3", "dok_tepat"), ("1.3", "dok_total"), ("1.3", "realisasi"), ("1.3", "pagu")]
    beta = dict(zip(keys, values, strict=True))
    ind = compute(CATALOGUE, collection(submission("Biro Beta", 2025, "TW4", beta))).indicator(
        "1.3"
    )
    assert ind is not None
    if None in values:
        assert ind.status == "incomplete"
        assert (ind.value, ind.achievement, ind.category) == (None, None, None)


@settings(max_examples=60, deadline=None)
@given(
    done=st.integers(min_value=0, max_value=500),
    open_=st.integers(min_value=0, max_value=500),
    parts=st.tuples(*(st.integers(min_value=1, max_value=500) for _ in range(3))),
)
def test_goal_achievement_lies_between_its_indicators(
    done: int, open_: int, parts: tuple[int, int, int]
) -> None:
    alpha = {
        ("1.1", "disahkan"): done,
        ("1.1", "dirumuskan"): 250,
        ("1.2", "terbuka"): open_,
        ("1.2", "masuk"): 250,
    }
    beta = dict(BETA_TW4)
    beta[("1.3", "dok_tepat")], beta[("1.3", "dok_total")], beta[("1.3", "realisasi")] = parts
    result: Result = compute(
        CATALOGUE,
        collection(
            submission("Biro Alpha", 2025, "TW4", alpha),
            submission("Biro Beta", 2025, "TW4", beta),
        ),
    )
    goal = result.goal("1")
    assert goal is not None and goal.achievement is not None
    capped = [i.capped for i in result.indicators if i.goal == "1" and i.capped is not None]
    assert capped
    assert min(capped) <= goal.achievement <= max(capped)
    cap = CATALOGUE.achievement.cap
    assert cap is not None and goal.achievement <= cap


def test_scale_without_lowest_band_gives_no_category() -> None:
    scale = (CATALOGUE.achievement.scale[0],)
    settings_ = AchievementSettings(scale=scale)
    from iku_cli.core.figures import category

    assert category(D(50), settings_) is None
    assert category(D(95), settings_) == "Sangat Tinggi"


# --------------------------------------------------------------------------- issue 12 rules


def test_a_period_holds_only_quarters_up_to_it() -> None:
    tw2 = submission(
        "Biro Alpha", 2025, "TW2", {("1.1", "disahkan"): 40, ("1.1", "dirumuskan"): 100}
    )
    tw3 = submission(
        "Biro Alpha", 2025, "TW3", {("1.1", "disahkan"): 30, ("1.1", "dirumuskan"): 100}
    )
    later = findings.warning("cumulative-decrease", file=tw3.file, sheet="Data", cell="F5")
    earlier = findings.warning("number-as-text", file=tw2.file, sheet="Data", cell="F6")
    absent_tw3 = findings.warning("missing-submission", owner="Biro Beta", year=2025, period="TW3")
    absent_tw2 = findings.warning("missing-submission", owner="Biro Beta", year=2025, period="TW2")
    subs = collection(tw2, tw3, found=[earlier, later, absent_tw2, absent_tw3])
    result = compute(CATALOGUE, subs, 2025, "TW2")
    ind = result.indicator("1.1")
    assert ind is not None
    # TW1 not sent, TW2: 40 / 100 x 100 = 40; TW3 (30) is not part of a TW2 result
    assert ind.realisations == {"TW1": None, "TW2": D(40)}
    data = result.to_dict()
    assert data["indicators"][0]["realisations"] == {"TW1": None, "TW2": 40}
    assert [s["period"] for s in data["submissions"]] == ["TW2"]
    assert [(f["code"], f["file"]) for f in data["findings"]] == [
        ("number-as-text", tw2.file),
        ("missing-submission", None),
    ]
    assert "TW2" in data["findings"][1]["message"]
    # the same set computed at TW3 keeps everything
    full = compute(CATALOGUE, subs, 2025, "TW3").to_dict()
    assert len(full["submissions"]) == 2 and len(full["findings"]) == 4
