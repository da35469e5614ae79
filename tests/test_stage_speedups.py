"""The shortcuts taken for speed after reading give what the long way gives.

- ``outputs.json_text.dumps`` writes exactly what ``json.dumps(..., indent=2)`` does;
- ``check_all`` (catalogue rules shared across files) finds what checking each file
  and the folder on its own finds;
- the other periods' realisations (worked out without detail) are the values those
  periods give when computed;
- arithmetic through the formula context's methods rounds half-up as inside it;
- ``Submission.lookup`` built in one go keeps the first of repeated rows.
"""

from __future__ import annotations

import decimal
import json
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, SHIPPED_CATALOGUE
from iku_cli.api import read
from iku_cli.core import findings, formula
from iku_cli.core.checks import check_all, check_collection, check_narratives, check_submission
from iku_cli.core.figures import achievement, compute, mean
from iku_cli.core.periods import PERIODS
from iku_cli.core.submission import Collection, InputValue, Submission
from iku_cli.loading.catalogue_file import load
from iku_cli.outputs import json_text
from iku_cli.outputs.findings import findings_dict
from iku_cli.outputs.json_text import dumps
from iku_cli.outputs.result_json import render_json
from test_checks import CAT, _sub, _values
from test_compute_core import ALPHA_TW4, BETA_TW4, CATALOGUE, collection, submission, year_end

D = Decimal


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


# --------------------------------------------------------------------------- JSON text

AWKWARD = [
    None,
    True,
    0,
    -(10**30),
    1.5,
    -0.0,
    1e300,
    float("nan"),
    float("inf"),
    "",
    'quote " backslash \\ slash /',
    "line\nbreak\ttab\r\x00\x1f\x7f",
    "Sekretariat Daerah — ümlaut 😀 \u2028\u2029",
    ",\n  ",
    "{[}]",
    {},
    [],
    (),
    {"a": {}},
    {"a": []},
    [[]],
    [{}],
    [[], {}, 1],
    {"a": 1, "b": [1, 2, {"c": None}], "d": {"e": [], "f": {"g": "h"}}, "i": 2},
    [{"a": 1}, {"b": 2}, 3, [4, [5]], "x"],
    ({"t": (1, 2)},),
    {3: "int key", 2.5: "float key", True: "bool", None: "none"},
    {"nested": {1: [1, 2], "x": {2: {}}}},  # non-text keys beside containers
    [{"é": [{"ü": {"😀": []}}]}],
]


@pytest.mark.parametrize("value", AWKWARD, ids=[str(n) for n in range(len(AWKWARD))])
def test_dumps_is_json_dumps(value: Any) -> None:
    assert dumps(value) == _json(value)


_KEYS = st.one_of(st.text(max_size=4), st.integers(-3, 3), st.sampled_from([True, None, 1.5]))
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
)
_TREES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=4), inner, max_size=4),
        st.dictionaries(_KEYS, inner, max_size=3),
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(_TREES)
def test_dumps_is_json_dumps_for_any_tree(value: Any) -> None:
    assert dumps(value) == _json(value)


def test_dumps_without_the_c_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Python without json's C accelerator gets the same text (from json's Python code)."""
    monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    json_text._flat.cache_clear()
    try:
        for value in AWKWARD:
            assert dumps(value) == _json(value)
    finally:
        monkeypatch.undo()
        json_text._flat.cache_clear()


def test_dumps_refuses_what_json_refuses() -> None:
    for value in ({"a": D(1)}, [{"a": {1, 2}}], {"a": [1, {(1, 2): 3}]}):
        with pytest.raises(TypeError):
            _json(value)
        with pytest.raises(TypeError):
            dumps(value)


def test_render_json_is_byte_identical_to_json_dumps() -> None:
    alpha = submission("Biro Alpha", 2025, "TW4", ALPHA_TW4)
    found = [
        findings.warning("number-as-text", file=alpha.file, sheet="Data", cell="F5", value=D(5)),
        findings.error("value-negative", file=alpha.file, sheet="Data", cell="F6", value=D(-1)),
    ]
    subs = collection(alpha, submission("Biro Beta", 2025, "TW4", BETA_TW4), found=found)
    for result in (compute(CATALOGUE, year_end(), 2025, "TW4"), compute(CATALOGUE, subs)):
        for lang in ("id", "en"):
            text = render_json(result, lang)  # type: ignore[arg-type]
            assert text == _json(result.to_dict(lang)) + "\n"  # type: ignore[arg-type]


def test_findings_json_is_byte_identical_to_json_dumps() -> None:
    folder = load(SHIPPED_CATALOGUE)
    collection_ = read(EXAMPLES / "invalid", folder)
    assert collection_.findings  # the invalid examples have plenty
    data = findings_dict(collection_.findings, "id", files=collection_.files_read)
    assert dumps(data) == _json(data)


# --------------------------------------------------------------------------- checks


def test_check_all_finds_what_each_file_and_the_folder_find() -> None:
    exceeds = _values({("1.1", "disahkan"): 12})  # 12 of 10: numerator-exceeds-denominator
    subs = [
        _sub(file="a.xlsx"),
        _sub(exceeds, file="b.xlsx", period="TW2"),
        _sub(exceeds, file="c.xlsx", period="TW2"),  # the same slot: duplicates
        _sub(_values({("1.1", "disahkan"): 5}), file="d.xlsx", period="TW3"),
        _sub(file="e.xlsx", owner="Biro Z"),
    ]
    together = check_all(Collection(submissions=subs), CAT)
    apart = [f for s in subs for f in check_submission(s, CAT)]
    apart += check_collection(Collection(submissions=subs), CAT)
    apart += [f for s in subs for f in check_narratives(s, CAT, check_submission(s, CAT))]
    key = [(f.severity, f.code, f.file, f.cell, f.indicator, f.input) for f in together]
    assert Counter(key) == Counter(
        (f.severity, f.code, f.file, f.cell, f.indicator, f.input) for f in apart
    )
    codes = {f.code for f in together}
    assert {"numerator-exceeds-denominator", "duplicate-submission", "unknown-owner"} <= codes
    assert ("numerator-exceeds-denominator", "b.xlsx", "F5") in {
        (f.code, f.file, f.cell) for f in together
    }


# --------------------------------------------------------------------------- compute


def _realisations_agree(catalogue: Any, subs: Collection, year: int) -> None:
    final = compute(catalogue, subs, year, "TW4")
    for period in PERIODS:
        at = compute(catalogue, subs, year, period)
        for indicator in final.indicators:
            there = at.indicator(indicator.code)
            assert there is not None
            assert indicator.realisations[period] == there.value, (indicator.code, period)


def test_other_periods_realisations_are_their_values() -> None:
    alpha = {("1.1", "disahkan"): 20, ("1.1", "dirumuskan"): 100}
    subs = collection(
        submission("Biro Alpha", 2025, "TW1", alpha),
        submission("Biro Alpha", 2025, "TW2", {("1.1", "disahkan"): 40}),  # incomplete
        submission("Biro Alpha", 2025, "TW3", alpha, file="a.xlsx"),
        submission("Biro Alpha", 2025, "TW3", alpha, file="b.xlsx"),  # duplicate: invalid
        submission("Biro Beta", 2025, "TW2", BETA_TW4),
        submission("Biro Alpha", 2025, "TW4", ALPHA_TW4),
        submission("Biro Beta", 2025, "TW4", BETA_TW4),
    )
    _realisations_agree(CATALOGUE, subs, 2025)
    final = compute(CATALOGUE, subs, 2025, "TW4").indicator("1.1")
    assert final is not None
    assert final.realisations == {"TW1": D(20), "TW2": None, "TW3": None, "TW4": D("90.99")}


def test_examples_realisations_are_their_values() -> None:
    catalogue = load(SHIPPED_CATALOGUE)
    subs = read(EXAMPLES, catalogue)
    for year in sorted({s.year for s in subs.submissions if s.year in catalogue.years}):
        _realisations_agree(catalogue, subs, year)


def _in_context(make: Any) -> Decimal:
    with decimal.localcontext(formula.CONTEXT):
        result: Decimal = make()
    return result


def test_arithmetic_rounds_half_up_at_28_digits_as_the_formula_context() -> None:
    # 12345678901234567890123456785 / 1000 has 29 digits and ends in 5: half-up rounds
    # it to ...456.79 where Python's default (half-even) gives ...456.78
    value, target = D("12345678901234567890123456785"), D(1000)
    raw, _, _ = achievement(value, target, "positive", CATALOGUE.achievement)
    assert raw == _in_context(lambda: value / target * 100)
    assert raw == D("1234567890123456789012345679")
    assert raw != value / target * 100  # the default context
    parts = [value, D(0)]  # the sum is rounded the same way: ...6790 / 2, not ...6780 / 2
    assert mean(parts) == _in_context(lambda: sum(parts, D(0)) / 2)
    assert mean(parts) == D("6172839450617283945061728395")
    assert mean(parts) != sum(parts, D(0)) / 2


# --------------------------------------------------------------------------- lookup


def _item(code: str, name: str, value: int, cell: str) -> InputValue:
    return InputValue(code, name, D(value), "Data", cell)


def test_lookup_keeps_the_first_of_repeated_rows_in_order() -> None:
    items = [
        _item("1.1", "a", 1, "F5"),
        _item("1.2", "b", 2, "F6"),
        _item("1.1", "a", 3, "F7"),  # repeated: the first (F5) wins
        _item("1.3", "c", 4, "F8"),
    ]
    sub = Submission(file="x.xlsx", sha256="0", owner=None, year=None, period=None, values=items)
    table = sub.lookup()
    assert list(table) == [("1.1", "a"), ("1.2", "b"), ("1.3", "c")]
    assert table[("1.1", "a")].cell == "F5"
    sub.values = [items[0], items[1], items[3]]
    assert [v.cell for v in sub.lookup().values()] == ["F5", "F6", "F8"]


# ------------------------------------------------------------------ one workbook's achievements


def _achievements_the_long_way(
    catalogue: Any, sub: Submission, found: list[findings.Finding]
) -> dict[str, tuple[Decimal, Decimal]]:
    """What the figures' own evaluation gives for ``sub`` alone (its index and all)."""
    from iku_cli.core.figures import _evaluate, _Index

    out: dict[str, tuple[Decimal, Decimal]] = {}
    if sub.owner is None or sub.year is None or sub.period is None:
        return out
    index_ = _Index(Collection(submissions=[sub], findings=list(found)))
    for indicator in catalogue.indicators_of(sub.owner, sub.period):
        ev = _evaluate(indicator, sub.year, sub.period, index_, detail=False)
        target = indicator.target(sub.year, sub.period)
        if ev.status != "ok" or ev.value is None or target is None:
            continue
        raw, _, _ = achievement(ev.value, target, indicator.polarity, catalogue.achievement)
        if raw is not None:
            out[indicator.code] = (raw, target)
    return out


@pytest.mark.parametrize("folder", [EXAMPLES, EXAMPLES / "invalid"])
def test_one_workbooks_achievements_are_the_figures_own(folder: Any) -> None:
    from iku_cli.core.figures import submission_achievements

    catalogue = load(SHIPPED_CATALOGUE)
    subs = read(folder, catalogue)
    compared = 0
    for sub in subs.submissions:
        found = [f for f in subs.findings if f.file == sub.file]
        quick = submission_achievements(catalogue, sub, found)
        assert quick == _achievements_the_long_way(catalogue, sub, found), sub.file
        compared += len(quick)
    assert compared > 5  # the examples hold many: the comparison is not empty


@pytest.mark.parametrize(
    ("values", "error_on", "kept"),
    [
        ({}, None, {"1.1", "1.10"}),
        ({("1.1", "dirumuskan"): 0}, None, {"1.10"}),  # a zero denominator
        ({("1.10", "setor"): None}, None, {"1.1"}),  # a missing input
        ({}, "1.10", {"1.1"}),  # an error finding on the indicator
        ({("1.1", "disahkan"): "1E+30"}, None, {"1.10"}),  # past MAX_FIGURE
    ],
)
def test_one_workbooks_achievements_leave_out_what_the_figures_leave_out(
    values: dict[tuple[str, str], Any], error_on: str | None, kept: set[str]
) -> None:
    from iku_cli.core.figures import submission_achievements

    sub = _sub(_values(values))
    found = (
        [findings.error("value-negative", file=sub.file, indicator=error_on)] if error_on else []
    )
    quick = submission_achievements(CAT, sub, found)
    assert set(quick) == kept
    assert quick == _achievements_the_long_way(CAT, sub, found)
    # another file's error is not this one's
    other = [findings.error("value-negative", file="b.xlsx", indicator="1.1")]
    assert submission_achievements(CAT, sub, other) == _achievements_the_long_way(CAT, sub, other)


# --------------------------------------------------------------------------- names and styles


@pytest.mark.parametrize(
    "display",
    [
        "kiriman/biro a 2025-TW4.xlsx",
        "2024 TW1/biro a.xlsx",
        "2024 TW1/biro a 2025.xlsx",
        "2024/biro a TW2.xlsx",
        "2024-2025 TW1/biro_a_Q3.xlsx",
        "biro a.xlsx",
        "a/b/2025 triwulan iv/x.xlsx",
    ],
)
def test_a_name_is_read_as_each_part_read_in_turn(display: str) -> None:
    import os
    import re

    from iku_cli.workbooks import labels

    folder, name = os.path.split(display)
    year = period = None
    for part in (os.path.splitext(name)[0], os.path.basename(folder)):
        text = part.replace("_", " ")
        years = set(re.findall(r"(?<!\d)(20\d\d)(?!\d)", text))
        if year is None and len(years) == 1:
            year = int(years.pop())
        periods = {labels._period(m.group(0)) for m in labels._PERIOD.finditer(text)}
        if period is None and len(periods) == 1:
            period = periods.pop()
    assert labels._named(display) == (year, period)
    assert labels._named(display) == (year, period)  # the folder's reading remembered


def test_a_styles_part_seen_before_gives_what_reading_it_gives(tmp_path: Any) -> None:
    import openpyxl

    from iku_cli.workbooks import xlsx
    from iku_cli.workbooks.workbook import open_workbook

    paths = []
    for n, number_format in enumerate(["0%", "0.00", "0%"]):
        book = openpyxl.Workbook()
        book.active["A1"] = 0.5
        book.active["A1"].number_format = number_format
        path = tmp_path / f"{n}.xlsx"
        book.save(path)
        paths.append(path)
    xlsx._STYLES_SEEN.clear()
    seen = []
    for path in [*paths, *paths]:
        with open_workbook(path) as workbook:
            archive = workbook._zip
            assert archive is not None
            quick = xlsx._percent_styles(archive)
            assert quick == xlsx._percent_styles_in(archive.read("xl/styles.xml"))
            seen.append(quick)
    assert seen[0] and not seen[1] and seen[0] == seen[3]
    assert len(xlsx._STYLES_SEEN) == 2  # two distinct styles parts, each read once
