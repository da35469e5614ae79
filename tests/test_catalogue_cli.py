"""`iku catalogue check` and `iku catalogue show`, on the shipped catalogue and on broken ones."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SHIPPED_CATALOGUE, Result
from iku_cli.core import formula
from iku_cli.core.formula import BinOp, Name
from test_catalogue import MISTAKES, VALID, line_of

Run = Callable[..., Result]

needs_shipped = pytest.mark.skipif(
    not SHIPPED_CATALOGUE.exists(),
    reason=f"the shipped catalogue {SHIPPED_CATALOGUE} is not written yet",
)

CODES = [
    *(f"1.{n}" for n in range(1, 9)),
    *(f"2.{n}" for n in range(1, 6)),
    *(f"3.{n}" for n in range(1, 6)),
    *(f"4.{n}" for n in range(1, 4)),
]
# DOMAIN.md: owners exactly as printed
OWNERS = {
    **dict.fromkeys(["1.1", "1.2", "1.3"], "Biro POD"),
    **dict.fromkeys(["1.4", "1.5"], "Biro Kesra"),
    **dict.fromkeys(["1.6", "1.7", "1.8"], "Biro Hukum"),
    **dict.fromkeys(["2.1", "2.2"], "Biro Perekonomian"),
    **dict.fromkeys(["2.3", "2.4"], "Biro PBJ"),
    "2.5": "Biro Adbang",
    **dict.fromkeys(["3.1", "3.2", "3.3", "3.4", "3.5"], "Biro Organisasi"),
    **dict.fromkeys(["4.1", "4.2"], "Biro Adpim dan Umum"),
    "4.3": "Biro Adpim",
}
INDICATOR_KEYS = {
    "code",
    "goal",
    "name",
    "unit",
    "owner",
    "form",
    "frequency",
    "polarity",
    "inputs",
    "numerator",
    "denominator",
    "factor",
    "components",
    "value",
    "targets",
    "source",
    "note",
}


@pytest.fixture
def valid(tmp_path: Path) -> Path:
    path = tmp_path / "katalog.yaml"
    path.write_text(VALID, encoding="utf-8")
    return path


@pytest.fixture
def broken(tmp_path: Path) -> tuple[Path, set[tuple[int, str]]]:
    """A catalogue with several mistakes, and the (line, key path) of each."""
    chosen = [
        m
        for m in MISTAKES
        if m.name
        in {"unknown key", "duplicate goal code", "unknown goal", "unknown input in an expression"}
    ]
    text = VALID
    for mistake in chosen:
        text = mistake.apply(text)
    path = tmp_path / "rusak.yaml"
    path.write_text(text, encoding="utf-8")
    return path, {mistake.expected(text)[:2] for mistake in chosen}


def show_json(run: Run, *args: str) -> dict[str, object]:
    result = run("catalogue", "show", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


# --------------------------------------------------------------------------- the shipped catalogue


@needs_shipped
def test_check_the_shipped_catalogue(run: Run) -> None:
    result = run("catalogue", "check", str(SHIPPED_CATALOGUE))
    assert result.exit_code == 0, result.output
    assert (
        f"Katalog {SHIPPED_CATALOGUE} benar: 4 sasaran, 21 indikator, 9 penanggung jawab, "
        "3 tahun (2024-2026)." in result.stdout
    )
    assert result.stderr == ""


@needs_shipped
def test_check_finds_indicators_yaml_in_the_working_folder(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SHIPPED_CATALOGUE.parent)
    result = run("catalogue", "check", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "4 goals, 21 indicators, 9 owners, 3 years (2024-2026)" in result.stdout


@needs_shipped
def test_show_json_has_exactly_the_pinned_keys(run: Run) -> None:
    data = show_json(run, str(SHIPPED_CATALOGUE))
    assert {"organisation", "years", "goals", "indicators", "achievement"} <= set(data)
    assert data["organisation"] == "Sekretariat Daerah Provinsi Kalimantan Timur"
    assert data["years"] == [2024, 2025, 2026]
    goals = data["goals"]
    assert isinstance(goals, list)
    assert [g["code"] for g in goals] == ["1", "2", "3", "4"]
    assert all({"code", "statement"} <= set(g) and g["statement"] for g in goals)
    indicators = data["indicators"]
    assert isinstance(indicators, list)
    for item in indicators:
        assert set(item) >= INDICATOR_KEYS, item["code"]
        assert item["inputs"], item["code"]
        input_keys = {"name", "label", "unit", "integer", "min", "max"}
        assert all(input_keys <= set(i) for i in item["inputs"]), item["code"]
        for component in item["components"] or []:
            assert {"label", "weight", "numerator", "denominator"} <= set(component)


MAXIMAL = """\
schema: 1
organisation: Contoh Perangkat Daerah
years: [2025, 2026]
achievement:
  negative_formula: target_over_realisation
  cap: 120
  scale:
    - {min: 90.5, label: Baik}
    - {min: null, label: Kurang}
goals:
  - code: "1"
    statement: Meningkatnya kualitas kebijakan
indicators:
  - code: "1.1"
    goal: "1"
    name: Persentase kebijakan yang disahkan
    unit: Persen
    owner: Biro Pemerintahan
    frequency: annual
    polarity: negative
    inputs:
      disahkan: {label: Kebijakan yang disahkan, integer: true, unit: Kebijakan, min: 1, max: 50}
      dirumuskan: {label: Dirumuskan, integer: false, unit: Dokumen, min: 0.5, max: 60.25}
    numerator: disahkan
    denominator: dirumuskan
    factor: 1000
    max: 1000
    targets:
      2025: {TW1: 25, TW2: 50.5, TW3: 75, TW4: 100}
      2026: 100
    source: Laporan bagian
    note: Catatan penyimpangan
  - code: "1.2"
    goal: "1"
    name: Indeks gabungan
    unit: Indeks
    owner: Biro Organisasi
    inputs:
      a: {label: A}
      b: {label: B}
    components:
      - {label: Bagian A, weight: 0.4, numerator: a, denominator: b}
      - {label: Bagian B, weight: 0.6, numerator: b, denominator: a}
    targets: {2025: 80}
"""


def _walk(yaml_data: object, json_data: object, where: str) -> None:
    """Every key and value of the YAML is in the JSON (inputs as a list with names)."""
    from decimal import Decimal

    if isinstance(yaml_data, dict):
        assert isinstance(json_data, dict), where
        for key, value in yaml_data.items():
            if key == "inputs":
                named = {i["name"]: i for i in json_data["inputs"]}
                _walk(value, named, f"{where}.inputs")
                continue
            assert str(key) in json_data, f"{where}.{key}"
            _walk(value, json_data[str(key)], f"{where}.{key}")
    elif isinstance(yaml_data, list):
        assert isinstance(json_data, list) and len(json_data) == len(yaml_data), where
        for n, (a, b) in enumerate(zip(yaml_data, json_data, strict=True)):
            _walk(a, b, f"{where}[{n}]")
    elif isinstance(yaml_data, (int, float)) and not isinstance(yaml_data, bool):
        assert isinstance(json_data, (int, float)), where
        assert Decimal(str(json_data)) == Decimal(str(yaml_data)), where
    else:
        assert json_data == yaml_data, where


def test_show_json_holds_every_key_of_the_catalogue(run: Run, tmp_path: Path) -> None:
    """Issue 12.12: the whole catalogue, so two catalogues can be diffed."""
    import yaml

    path = tmp_path / "indicators.yaml"
    path.write_text(MAXIMAL, encoding="utf-8")
    data = show_json(run, str(path))
    _walk(yaml.safe_load(MAXIMAL), data, "catalogue")
    # absent parts are null, not left out
    second = data["indicators"][1]
    assert second["source"] is None and second["note"] is None and second["max"] is None
    assert second["inputs"][0]["unit"] is None and second["inputs"][0]["max"] is None
    # a changed key shows up in a diff of the two outputs
    changed = tmp_path / "changed.yaml"
    changed.write_text(MAXIMAL.replace("min: 0.5, max: 60.25", "min: 0.5, max: 61"), "utf-8")
    other = show_json(run, str(changed))
    assert other != data
    assert other["indicators"][0]["inputs"][1]["max"] == 61


@needs_shipped
def test_show_json_lists_the_21_indicators_with_owners_and_forms(run: Run) -> None:
    data = show_json(run, str(SHIPPED_CATALOGUE))
    indicators = {i["code"]: i for i in data["indicators"]}
    assert list(indicators) == CODES
    assert {code: i["owner"] for code, i in indicators.items()} == OWNERS
    assert {code: i["goal"] for code, i in indicators.items()} == {c: c[0] for c in CODES}
    forms = {code: i["form"] for code, i in indicators.items()}
    assert {c for c, f in forms.items() if f == "composite"} == {"4.1"}
    assert {"2.3", "3.1", "3.2", "4.3"} <= {c for c, f in forms.items() if f == "direct"}
    # 3.3 is a count out of 14 agencies: direct, or a ratio; everything else is a ratio
    assert {c for c, f in forms.items() if f == "ratio"} >= set(CODES) - {
        "2.3",
        "3.1",
        "3.2",
        "3.3",
        "4.1",
        "4.3",
    }
    annual = {c for c, i in indicators.items() if i["frequency"] == "annual"}
    assert annual == {"1.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5", "4.3"}
    for code, item in indicators.items():
        if item["form"] == "ratio":
            assert item["numerator"] and item["denominator"], code
            assert item["factor"] == (100 if item["unit"] == "Persen" else 1), code
            assert item["components"] is None and item["value"] is None, code
        if item["form"] == "direct":
            assert item["value"] and item["factor"] is None, code
        targets = item["targets"]
        assert targets is not None, code
        assert set(targets) <= {"2024", "2025", "2026"}, code


@needs_shipped
def test_show_json_composite_41(run: Run) -> None:
    data = show_json(run, str(SHIPPED_CATALOGUE))
    (item,) = [i for i in data["indicators"] if i["code"] == "4.1"]
    assert item["form"] == "composite"
    assert [c["weight"] for c in item["components"]] == [0.4, 0.3, 0.25, 0.05]
    assert item["numerator"] is None and item["denominator"] is None and item["value"] is None
    names = {i["name"] for i in item["inputs"]}
    for component in item["components"]:
        used = formula.parse(component["numerator"], names).names
        used |= formula.parse(component["denominator"], names).names
        assert used, component


@needs_shipped
def test_show_json_15_denominator_adds_two_inputs(run: Run) -> None:
    data = show_json(run, str(SHIPPED_CATALOGUE))
    (item,) = [i for i in data["indicators"] if i["code"] == "1.5"]
    names = {i["name"] for i in item["inputs"]}
    tree = formula.parse(item["denominator"], names).tree
    assert isinstance(tree, BinOp) and tree.op == "+"
    assert isinstance(tree.left, Name) and isinstance(tree.right, Name)
    assert {tree.left.name, tree.right.name} <= names


@needs_shipped
@pytest.mark.parametrize(
    ("code", "numerator_says"),
    [("1.6", "diselesaikan"), ("2.4", "e-purchasing"), ("4.2", "ditindaklanjuti")],
)
def test_show_json_upside_down_formulas_are_noted_and_turned(
    run: Run, code: str, numerator_says: str
) -> None:
    # DOMAIN.md: the published formula of these three is upside down
    data = show_json(run, str(SHIPPED_CATALOGUE))
    (item,) = [i for i in data["indicators"] if i["code"] == code]
    assert item["note"] and item["note"].strip()
    assert item["unit"] == "Persen"
    labels = {i["name"]: i["label"] for i in item["inputs"]}
    numerator = formula.parse(item["numerator"], set(labels))
    assert any(numerator_says in labels[n].lower() for n in numerator.names)


@needs_shipped
def test_show_table_renders(run: Run) -> None:
    result = run("catalogue", "show", str(SHIPPED_CATALOGUE))
    assert result.exit_code == 0, result.output
    assert "Sekretariat Daerah Provinsi Kalimantan Timur" in result.stdout
    for code in CODES:
        assert f" {code} " in result.stdout, code
    assert "Catatan 1.6:" in result.stdout
    english = run("catalogue", "show", str(SHIPPED_CATALOGUE), "--lang", "en")
    assert english.exit_code == 0, english.output
    assert "Note 1.6:" in english.stdout and "Owner" in english.stdout


# --------------------------------------------------------------------------- a small catalogue


def test_check_a_valid_catalogue(run: Run, valid: Path) -> None:
    result = run("catalogue", "check", str(valid))
    assert result.exit_code == 0, result.output
    assert "2 sasaran, 5 indikator, 3 penanggung jawab, 2 tahun (2025-2026)" in result.stdout


def test_check_a_broken_catalogue_lists_every_mistake_on_stderr(
    run: Run, broken: tuple[Path, set[tuple[int, str]]]
) -> None:
    path, expected = broken
    result = run("catalogue", "check", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert f"Katalog {path} memuat {len(expected)} kesalahan" in result.stderr
    for line, key_path in expected:
        assert f"{path}:{line} {key_path}: " in result.stderr
    assert "tidak dikenal" in result.stderr


def test_check_in_english(run: Run, broken: tuple[Path, set[tuple[int, str]]]) -> None:
    path, expected = broken
    result = run("catalogue", "check", str(path), "--lang", "en")
    assert result.exit_code == 2
    assert f"Catalogue {path} has {len(expected)} problem(s)" in result.stderr
    assert "unknown key 'sumber'" in result.stderr
    before = run("--lang", "en", "catalogue", "check", str(path))
    assert before.exit_code == 2 and before.stderr == result.stderr


def test_iku_lang_sets_the_language(
    run: Run, broken: tuple[Path, set[tuple[int, str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = broken
    monkeypatch.setenv("IKU_LANG", "en")
    assert "Catalogue" in run("catalogue", "check", str(path)).stderr
    # the command line wins over the environment
    assert "Katalog" in run("catalogue", "check", str(path), "--lang", "id").stderr


def test_a_bad_language_is_a_usage_error(run: Run, valid: Path) -> None:
    result = run("catalogue", "check", str(valid), "--lang", "fr")
    assert result.exit_code == 2
    assert "fr" in result.stderr and "Traceback" not in result.output


def test_iku_catalogue_names_the_catalogue(
    run: Run, valid: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IKU_CATALOGUE", str(valid))
    result = run("catalogue", "check")
    assert result.exit_code == 0, result.output
    assert str(valid) in result.stdout


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("option", ["--catalogue", "-c"])
def test_catalogue_option_before_or_after_the_command(
    run: Run, valid: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, option: str
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./indicators.yaml to fall back on
    args = ["catalogue", "check"]
    args = [option, str(valid), *args] if where == "before" else [*args, option, str(valid)]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "5 indikator" in result.stdout


def test_the_argument_wins_over_option_and_environment(
    run: Run, valid: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IKU_CATALOGUE", str(tmp_path / "env.yaml"))
    result = run("catalogue", "check", str(valid), "--catalogue", str(tmp_path / "opt.yaml"))
    assert result.exit_code == 0, result.output


def test_a_missing_catalogue_is_one_clear_line(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("catalogue", "check")
    assert result.exit_code == 2
    assert "indicators.yaml tidak ditemukan" in result.stderr
    assert "--catalogue" in result.stderr
    assert "Traceback" not in result.output


def test_debug_shows_the_traceback(run: Run, tmp_path: Path) -> None:
    result = run("catalogue", "check", str(tmp_path / "none.yaml"), "--debug")
    assert result.exit_code == 2
    assert "Traceback" in result.stderr


def test_show_json_of_a_small_catalogue(run: Run, valid: Path) -> None:
    data = show_json(run, str(valid))
    indicators = {i["code"]: i for i in data["indicators"]}
    assert list(indicators) == ["1.1", "1.2", "1.10", "2.1", "2.2"]
    assert indicators["1.2"]["targets"] == {
        "2025": {"TW1": 25, "TW2": 50, "TW3": 75, "TW4": 100},
        "2026": 100,
    }
    assert indicators["1.1"]["factor"] == 100
    assert indicators["2.2"]["factor"] == 1
    assert indicators["2.2"]["denominator"] == "14"
    assert indicators["1.10"]["value"] == "indeks"
    assert indicators["2.1"]["components"][1] == {
        "label": "SDM bersertifikat",
        "weight": 0.4,
        "numerator": "sdm_sert",
        "denominator": "sdm_semua",
        "max": None,
    }
    assert indicators["2.1"]["polarity"] == "negative"
    assert [(i["name"], i["label"], i["integer"]) for i in indicators["1.1"]["inputs"]] == [
        ("disahkan", "Kebijakan yang disahkan", True),
        ("dirumuskan", "Kebijakan yang dirumuskan", True),
    ]


def test_show_table_of_a_small_catalogue(run: Run, valid: Path) -> None:
    result = run("catalogue", "show", str(valid))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Katalog IKU Contoh Perangkat Daerah" in out
    assert "Sasaran 1: Meningkatnya kualitas kebijakan" in out
    assert "komposit" in out and "langsung" in out and "tahunan (TW4)" in out
    assert "25 / 50 / 75 / 100" in out  # the quarterly targets of 1.2
    assert "60%" in out


def test_formula_text(valid: Path) -> None:
    from iku_cli.loading.catalogue_file import load
    from iku_cli.outputs.catalogue import formula_text

    catalogue = load(valid)
    texts = {i.code: formula_text(i, "id") for i in catalogue.indicators}
    assert texts["1.1"] == "disahkan / dirumuskan x 100"
    assert texts["1.2"] == "difasilitasi / (lembaga + sarpras) x 100"
    assert texts["1.10"] == "indeks"
    assert texts["2.2"] == "pd / 14"
    # the factor 100 of a composite applies to every part
    assert texts["2.1"] == "(60% x dok_tepat / dok_semua + 40% x sdm_sert / sdm_semua) x 100"


def test_show_a_bad_format_is_a_usage_error(run: Run, valid: Path) -> None:
    result = run("catalogue", "show", str(valid), "--format", "xml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "xml" in result.stderr and "table, json" in result.stderr


def test_show_a_broken_catalogue_fails_like_check(
    run: Run, broken: tuple[Path, set[tuple[int, str]]]
) -> None:
    path, expected = broken
    result = run("catalogue", "show", str(path), "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    for line, key_path in expected:
        assert f"{path}:{line} {key_path}: " in result.stderr


def test_the_broken_fixture_reports_every_mistake(run: Run) -> None:
    # tests/data/catalogue-broken.yaml: the README's example of a broken catalogue
    path = Path(__file__).parent / "data" / "catalogue-broken.yaml"
    if not path.exists():
        pytest.skip(f"{path} is not there")
    result = run("catalogue", "check", str(path), "--lang", "en")
    assert result.exit_code == 2
    text = path.read_text(encoding="utf-8")
    for snippet, key_path in [
        ('- code: "1"', "goals[1].code"),
        ("numerator: disahkn", "indicators[0].numerator"),
        ("targets: {2024", "indicators[0].targets.2024"),
        ('goal: "9"', "indicators[1].goal"),
        ("polarity: positiv", "indicators[1].polarity"),
        ("c: {label", "indicators[1].inputs.c"),
        ("components:", "indicators[1].components"),
        ("tagret:", "indicators[1].tagret"),
    ]:
        nth = 2 if snippet == '- code: "1"' else 1
        assert f"{path}:{line_of(text, snippet, nth)} {key_path}: " in result.stderr
