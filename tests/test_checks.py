"""checks.py: every rule as (code, cell) pairs, on Submissions built in memory."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from _reader_kit import small_catalogue
from iku_cli.core.checks import check_all, check_collection, check_submission
from iku_cli.core.findings import Finding, error
from iku_cli.core.submission import Collection, InputValue, Submission

CAT = small_catalogue()

GOOD = {
    ("1.1", "disahkan"): 8,
    ("1.1", "dirumuskan"): 10,
    ("1.10", "setor"): 1500,
    ("1.10", "target_pad"): 2000,
}


def _values(values: dict[tuple[str, str], Any] | None = None) -> list[InputValue]:
    table = dict(GOOD)
    table.update(values or {})
    items = []
    for row, ((code, name), value) in enumerate(table.items(), start=5):
        number = None if value is None else Decimal(str(value))
        items.append(
            InputValue(
                code, name, number, "Data", f"F{row}", code_cell=f"A{row}", input_cell=f"C{row}"
            )
        )
    return items


def _sub(
    values: list[InputValue] | None = None,
    *,
    file: str = "a.xlsx",
    owner: str | None = "Biro A",
    year: int | None = 2025,
    period: str | None = "TW1",
    text: dict[str, str] | None = None,
    fingerprint: str | None = None,
) -> Submission:
    identity = {"owner": owner or "", "year": str(year or ""), "period": period or ""}
    identity.update(text or {})
    identity = {k: v for k, v in identity.items() if v}
    cells = {"owner": "Identitas!B1", "year": "Identitas!B2", "period": "Identitas!B3",
             "catalogue": "Identitas!B6"}  # fmt: skip
    return Submission(
        file=file,
        sha256="0" * 64,
        owner=owner,
        year=year,
        period=period,  # type: ignore[arg-type]
        values=_values() if values is None else values,
        catalogue_sha256=fingerprint,
        identity_cells={k: v for k, v in cells.items() if k in identity or k == "catalogue"},
        identity_text=identity,
        data_sheet="Data",
    )


def _pairs(found: list[Finding]) -> set[tuple[str, str | None]]:
    return {(f.code, f.cell) for f in found}


def test_a_good_submission_has_no_findings() -> None:
    assert check_submission(_sub(fingerprint=CAT.sha256), CAT) == []


def test_identity_missing() -> None:
    sub = _sub(owner=None, year=None, period=None)
    found = check_submission(sub, CAT)
    assert [(f.code, f.params["label"]) for f in found] == [
        ("identity-missing", "Biro"),
        ("identity-missing", "Tahun"),
        ("identity-missing", "Periode"),
    ]
    assert all(f.is_error and f.file == "a.xlsx" for f in found)


def test_unknown_identity() -> None:
    sub = _sub(owner="Biro Z", year=2030, period=None, text={"period": "TW5"})
    found = check_submission(sub, CAT)
    assert _pairs(found) == {
        ("unknown-owner", "B1"),
        ("unknown-year", "B2"),
        ("unknown-period", "B3"),
    }
    assert all(f.sheet == "Identitas" for f in found)
    owner = next(f for f in found if f.code == "unknown-owner")
    assert "Biro A, Biro B" in owner.message()


def test_catalogue_mismatch_is_a_warning() -> None:
    found = check_submission(_sub(fingerprint="f" * 64), CAT)
    assert _pairs(found) == {("catalogue-mismatch", "B6")}
    assert found[0].severity == "warning"
    assert check_submission(_sub(fingerprint=CAT.sha256[:12]), CAT) == []  # a shortened print


def test_unknown_indicator_and_input_at_their_cells() -> None:
    values = _values()
    values.append(InputValue("9.9", "x", Decimal(1), "Data", "F9", code_cell="A9", input_cell="C9"))
    values.append(
        InputValue("1.1", "dirumuskn", Decimal(1), "Data", "F10", code_cell="A10", input_cell="C10")
    )
    found = check_submission(_sub(values), CAT)
    assert _pairs(found) == {("unknown-indicator", "A9"), ("unknown-input", "C10")}
    unknown_input = next(f for f in found if f.code == "unknown-input")
    assert (unknown_input.indicator, unknown_input.input) == ("1.1", "dirumuskn")
    assert "disahkan, dirumuskan" in unknown_input.message()


def test_indicator_not_owned() -> None:
    values = _values()
    values.append(InputValue("2.1", "bagian", Decimal(1), "Data", "F9", code_cell="A9"))
    found = check_submission(_sub(values), CAT)
    assert _pairs(found) == {("indicator-not-owned", "A9")}
    assert found[0].indicator == "2.1"


def test_duplicate_row() -> None:
    values = _values()
    values.append(InputValue("1.1", "disahkan", Decimal(9), "Data", "F9"))
    found = check_submission(_sub(values), CAT)
    assert _pairs(found) == {("duplicate-row", "F9")}
    assert found[0].params["first"] == "Data!F5"
    assert found[0].is_error


def test_value_missing_empty_and_absent() -> None:
    values = [v for v in _values({("1.1", "disahkan"): None}) if v.input != "target_pad"]
    found = check_submission(_sub(values), CAT)
    assert _pairs(found) == {("value-missing", "F5"), ("value-missing", None)}
    assert all(f.severity == "warning" for f in found)
    absent = next(f for f in found if f.cell is None)
    assert (absent.sheet, absent.indicator, absent.input) == ("Data", "1.10", "target_pad")


def test_unreadable_value_is_not_also_missing() -> None:
    values = _values({("1.1", "disahkan"): None})
    values[0].problem = "value-not-a-number"
    assert check_submission(_sub(values), CAT) == []


def test_annual_indicator_is_expected_only_at_tw4() -> None:
    assert check_submission(_sub(period="TW4"), CAT) != []  # 1.2's indeks is missing
    values = _values()
    values.append(InputValue("1.2", "indeks", Decimal(3), "Data", "F9"))
    assert check_submission(_sub(values, period="TW4"), CAT) == []
    found = check_submission(_sub(values, period="TW2"), CAT)
    assert _pairs(found) == {("annual-before-tw4", "F9")}
    assert found[0].severity == "warning"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({("1.1", "disahkan"): -1}, {("value-negative", "F5")}),
        ({("1.1", "disahkan"): "2.5"}, {("value-not-integer", "F5")}),
        ({("1.1", "disahkan"): 12}, {("numerator-exceeds-denominator", "F5")}),
        ({("1.1", "disahkan"): 0, ("1.1", "dirumuskan"): 0}, set()),  # not assessed: compute says
        ({("1.10", "setor"): 3000}, set()),  # no max: above 100% is allowed
    ],
)
def test_value_rules(changes: dict[tuple[str, str], Any], expected: set[tuple[str, str]]) -> None:
    found = check_submission(_sub(_values(changes)), CAT)
    assert _pairs(found) == expected
    for finding in found:
        assert finding.is_error
        assert (finding.file, finding.sheet) == ("a.xlsx", "Data")
        assert finding.indicator == "1.1" and finding.input == "disahkan"


def test_numerator_exceeds_denominator_message() -> None:
    found = check_submission(_sub(_values({("1.1", "disahkan"): 12})), CAT)
    message = found[0].message("id")
    assert "12" in message and "10" in message and "120" in message


def test_min_and_max_of_inputs() -> None:
    b = [
        InputValue("2.1", "bagian", Decimal(1), "Data", "F5"),
        InputValue("2.1", "dasar", Decimal("0.5"), "Data", "F6"),
    ]
    found = check_submission(_sub(b, owner="Biro B"), CAT)
    assert _pairs(found) == {("value-below-min", "F6")}
    index = [InputValue("1.2", "indeks", Decimal(6), "Data", "F9")]
    found = check_submission(_sub(_values() + index, period="TW4"), CAT)
    assert _pairs(found) == {("value-above-max", "F9")}
    assert found[0].params["max"] == Decimal(5)


def test_no_value_checks_without_a_data_sheet() -> None:
    sub = _sub([])
    sub.data_sheet = None
    assert check_submission(sub, CAT) == []


# --------------------------------------------------------------------------- the folder


def _collection(*subs: Submission) -> Collection:
    return Collection(submissions=list(subs), files_read=len(subs))


def test_duplicate_submission_names_both_files() -> None:
    found = check_collection(
        _collection(_sub(file="a.xlsx"), _sub(file="b.xlsx")), CAT, complete=False
    )
    assert [(f.code, f.file) for f in found] == [
        ("duplicate-submission", "a.xlsx"),
        ("duplicate-submission", "b.xlsx"),
    ]
    for finding in found:
        assert "a.xlsx" in finding.message() and "b.xlsx" in finding.message()
        assert finding.is_error


def test_cumulative_decrease() -> None:
    tw1 = _sub(file="tw1.xlsx")
    tw2 = _sub(_values({("1.1", "dirumuskan"): 9}), file="tw2.xlsx", period="TW2")
    tw3 = _sub(_values({("1.1", "dirumuskan"): 12}), file="tw3.xlsx", period="TW3")
    found = check_collection(_collection(tw3, tw1, tw2), CAT, complete=False)
    assert [(f.code, f.file, f.cell, f.indicator, f.input) for f in found] == [
        ("cumulative-decrease", "tw2.xlsx", "F6", "1.1", "dirumuskan")
    ]
    assert found[0].severity == "warning"
    assert found[0].params["previous_file"] == "tw1.xlsx"


def test_missing_submissions() -> None:
    a_tw2 = _sub(file="a2.xlsx", period="TW2")
    found = check_collection(_collection(a_tw2), CAT)
    assert sorted((f.code, f.params["owner"], f.params["period"]) for f in found) == [
        ("missing-submission", "Biro A", "TW1"),
        ("missing-submission", "Biro B", "TW1"),
        ("missing-submission", "Biro B", "TW2"),
    ]
    assert all(f.file is None and f.severity == "warning" for f in found)
    assert check_collection(_collection(a_tw2), CAT, complete=False) == []


def test_unknown_submissions_take_no_part_in_folder_checks() -> None:
    z = _sub(file="z.xlsx", owner="Biro Z")
    old = _sub(file="old.xlsx", year=2019)
    found = check_collection(_collection(z, old, _sub(file="a.xlsx", owner="Biro Z")), CAT)
    assert found == []


def test_check_all_groups_by_file_in_cell_order() -> None:
    a = _sub(
        _values({("1.10", "setor"): -5, ("1.1", "disahkan"): "1.5"}), file="a.xlsx", owner="Biro Z"
    )
    read_error = error("value-as-text", file="a.xlsx", sheet="Data", cell="F6")
    other = error("file-not-a-workbook", file="b.xlsx", kind="HTML")
    collection = Collection(submissions=[a], findings=[read_error, other], files_read=2)
    found = check_all(collection, CAT)
    assert [(f.file, f.code, f.cell) for f in found] == [
        ("a.xlsx", "unknown-owner", "B1"),
        ("a.xlsx", "value-not-integer", "F5"),
        ("a.xlsx", "value-as-text", "F6"),
        ("a.xlsx", "value-negative", "F7"),
        ("b.xlsx", "file-not-a-workbook", None),
    ]
    b = _sub(_values({("1.10", "setor"): -5}), file="c.xlsx")
    found = check_all(_collection(b), CAT)
    assert (found[0].file, found[0].code) == ("c.xlsx", "value-negative")
    assert found[-1].file is None  # Biro B's missing submission comes last


def test_rows_without_code_or_variable() -> None:
    values = _values()
    values.append(InputValue("", "x", Decimal(1), "Data", "F9", code_cell="A9", input_cell="C9"))
    values.append(
        InputValue("1.1", "", Decimal(1), "Data", "F10", code_cell="A10", input_cell="C10")
    )
    found = check_submission(_sub(values), CAT)
    assert _pairs(found) == {("code-missing", "A9"), ("input-missing", "C10")}
    assert "{" not in "".join(f.message() + f.message("en") for f in found)
