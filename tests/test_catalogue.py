"""Loading the catalogue: a valid one loads, every mistake is named by line and key path."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from iku_cli.core import catalogue as cat
from iku_cli.core.catalogue import Catalogue, slug
from iku_cli.core.errors import CatalogueError
from iku_cli.loading import catalogue_file, catalogue_yaml
from iku_cli.loading.catalogue_file import load, loads

VALID = """\
schema: 1
organisation: Contoh Perangkat Daerah
years: [2025, 2026]
achievement:
  negative_formula: two_minus_ratio
  cap: null
  scale:
    - {min: 91, label: Sangat Tinggi}
    - {min: 76, label: Tinggi}
    - {min: 66, label: Sedang}
    - {min: 51, label: Rendah}
    - {min: null, label: Sangat Rendah}
goals:
  - code: "1"
    statement: Meningkatnya kualitas kebijakan
  - code: "2"
    statement: Meningkatnya kualitas layanan
indicators:
  - code: "1.1"
    goal: "1"
    name: Persentase kebijakan yang disahkan
    unit: Persen
    owner: Biro Pemerintahan dan Otonomi Daerah
    frequency: quarterly
    polarity: positive
    inputs:
      disahkan: {label: Kebijakan yang disahkan, integer: true}
      dirumuskan: {label: Kebijakan yang dirumuskan, integer: true}
    numerator: disahkan
    denominator: dirumuskan
    max: 100
    targets: {2025: 90, 2026: 95}
    source: Laporan bagian
    note: null
  - code: "1.2"
    goal: "1"
    name: Persentase lembaga yang difasilitasi
    unit: Persen
    owner: Biro Kesra
    inputs:
      difasilitasi: {label: Lembaga yang difasilitasi}
      lembaga: {label: Lembaga terdata}
      sarpras: {label: Sarana prasarana terdata}
    numerator: difasilitasi
    denominator: lembaga + sarpras
    targets:
      2025: {TW1: 25, TW2: 50, TW3: 75, TW4: 100}
      2026: 100
  - code: 1.10
    goal: 2
    name: Indeks kelembagaan
    unit: Indeks
    owner: Biro Organisasi
    frequency: annual
    inputs:
      indeks: {label: Nilai indeks, max: 100}
    value: indeks
    targets: {2025: 80}
  - code: "2.1"
    goal: "2"
    name: Indeks layanan kesekretariatan
    unit: Indeks
    owner: Biro Pemerintahan dan Otonomi Daerah
    polarity: negative
    inputs:
      dok_tepat: {label: Dokumen tepat waktu}
      dok_semua: {label: Semua dokumen}
      sdm_sert: {label: SDM bersertifikat}
      sdm_semua: {label: Semua SDM}
    components:
      - {label: Dokumen tepat waktu, weight: 0.6, numerator: dok_tepat, denominator: dok_semua}
      - {label: SDM bersertifikat, weight: 0.4, numerator: sdm_sert, denominator: sdm_semua}
    targets: {2025: 85, 2026: 90}
  - code: "2.2"
    goal: "2"
    name: Jumlah perangkat daerah berpredikat baik
    unit: PD
    owner: Biro Kesra
    inputs:
      pd: {label: Perangkat daerah berpredikat baik, integer: true}
    numerator: pd
    denominator: 14
    targets: {2025: 10}
"""


def line_of(text: str, snippet: str, nth: int = 1) -> int:
    """The line (1-based) of the nth line of ``text`` that holds ``snippet``."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if snippet in line]
    assert len(hits) >= nth, f"{snippet!r} found {len(hits)} time(s)"
    return hits[nth - 1]


def problems(text: str) -> set[tuple[int | None, str, str]]:
    """The (line, key path, message key) of every problem ``text`` has."""
    with pytest.raises(CatalogueError) as info:
        loads(text, file="katalog.yaml")
    return {(p.line, p.path, p.key) for p in info.value.problems}


@pytest.fixture
def catalogue() -> Catalogue:
    return loads(VALID)


# --------------------------------------------------------------------------- a valid catalogue


def test_a_valid_catalogue_loads(catalogue: Catalogue) -> None:
    assert catalogue.organisation == "Contoh Perangkat Daerah"
    assert catalogue.years == (2025, 2026)
    assert [g.code for g in catalogue.goals] == ["1", "2"]
    assert [i.code for i in catalogue.indicators] == ["1.1", "1.2", "1.10", "2.1", "2.2"]
    assert catalogue.owners == (
        "Biro Pemerintahan dan Otonomi Daerah",
        "Biro Kesra",
        "Biro Organisasi",
    )
    assert catalogue.achievement.negative_formula == "two_minus_ratio"
    assert [b.min for b in catalogue.achievement.scale] == [91, 76, 66, 51, None]


def test_codes_stay_text_even_unquoted(catalogue: Catalogue) -> None:
    # `code: 1.10` is YAML's float 1.1; the catalogue keeps what was written
    indicator = catalogue.indicator("1.10")
    assert indicator is not None
    assert indicator.code == "1.10"
    assert indicator.goal == "2"  # `goal: 2` unquoted
    assert catalogue.indicator("1.1") is not catalogue.indicator("1.10")
    assert catalogue.goal("2") is not None
    assert catalogue.indicator("9.9") is None


def test_load_reads_a_file_and_fingerprints_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "katalog dengan spasi é.yaml"
    path.write_bytes(VALID.encode("utf-8"))
    loaded = load(path)
    assert loaded.sha256 == hashlib.sha256(VALID.encode("utf-8")).hexdigest()
    assert loaded.path == str(path)
    assert len(loaded.indicators) == 5


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    # Notepad on Windows saves UTF-8 with a BOM
    path = tmp_path / "indicators.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    assert load(path).organisation == "Contoh Perangkat Daerah"


def test_the_input_file_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_text(VALID, encoding="utf-8")
    before = path.stat().st_mtime_ns, path.read_bytes()
    load(path)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


# --------------------------------------------------------------------------- each mistake


@dataclass(frozen=True)
class Mistake:
    """A change to VALID and the one problem it must give, found by ``anchor``."""

    name: str
    old: str
    new: str
    anchor: str  # a snippet of the line the problem must name, in the changed text
    path: str
    key: str
    nth: int = 1

    def apply(self, text: str) -> str:
        assert text.count(self.old) == 1, self.name
        return text.replace(self.old, self.new)

    def expected(self, text: str) -> tuple[int, str, str]:
        return (line_of(text, self.anchor, self.nth), self.path, self.key)


MISTAKES = [
    Mistake(
        "unknown key",
        "    source: Laporan bagian\n",
        "    source: Laporan bagian\n    sumber: Laporan\n",
        "sumber:",
        "indicators[0].sumber",
        "catalogue.unknown_key",
    ),
    Mistake(
        "missing key",
        "    name: Persentase lembaga yang difasilitasi\n",
        "",
        '- code: "1.2"',
        "indicators[1].name",
        "catalogue.missing_key",
    ),
    Mistake(
        "wrong type: number",
        "    max: 100\n",
        "    max: seratus\n",
        "max: seratus",
        "indicators[0].max",
        "catalogue.wrong_type.number",
    ),
    Mistake(
        "wrong type: boolean",
        "disahkan: {label: Kebijakan yang disahkan, integer: true}",
        "disahkan: {label: Kebijakan yang disahkan, integer: mungkin}",
        "integer: mungkin",
        "indicators[0].inputs.disahkan.integer",
        "catalogue.wrong_type.bool",
    ),
    Mistake(
        "wrong type: choice",
        "    frequency: annual\n",
        "    frequency: yearly\n",
        "frequency: yearly",
        "indicators[2].frequency",
        "catalogue.wrong_type.choice",
    ),
    Mistake(
        "wrong type: list",
        "years: [2025, 2026]\n",
        "years: 2025\n",
        "years:",
        "years",
        "catalogue.wrong_type.list",
    ),
    Mistake(
        "duplicate indicator code",
        '  - code: "2.2"\n',
        '  - code: "2.1"\n',
        '- code: "2.1"',
        "indicators[4].code",
        "catalogue.duplicate_indicator",
        nth=2,
    ),
    Mistake(
        "an owner spelt in another case or spacing",
        "    unit: PD\n    owner: Biro Kesra\n",
        "    unit: PD\n    owner: BIRO  Kesra\n",
        "owner: BIRO  Kesra",
        "indicators[4].owner",
        "catalogue.owner_spelling",
    ),
    Mistake(
        "duplicate goal code",
        "    statement: Meningkatnya kualitas layanan\n",
        '    statement: Meningkatnya kualitas layanan\n  - code: "2"\n    statement: Lagi\n',
        '- code: "2"',
        "goals[2].code",
        "catalogue.duplicate_goal",
        nth=2,
    ),
    Mistake(
        "duplicate YAML key",
        "    unit: Indeks\n    owner: Biro Organisasi\n",
        "    unit: Indeks\n    owner: Biro Organisasi\n    unit: Persen\n",
        "unit: Persen",
        "indicators[2].unit",
        "catalogue.duplicate_key",
        nth=3,
    ),
    Mistake(
        "unknown goal",
        '  - code: "1.2"\n    goal: "1"\n',
        '  - code: "1.2"\n    goal: "9"\n',
        'goal: "9"',
        "indicators[1].goal",
        "catalogue.unknown_goal",
    ),
    Mistake(
        "unknown input in an expression",
        "    numerator: pd\n",
        "    numerator: pdd\n",
        "numerator: pdd",
        "indicators[4].numerator",
        "formula.unknown_name",
    ),
    Mistake(
        "an input no expression uses",
        "      indeks: {label: Nilai indeks, max: 100}\n",
        "      indeks: {label: Nilai indeks, max: 100}\n      lain: {label: Tidak dipakai}\n",
        "lain:",
        "indicators[2].inputs.lain",
        "catalogue.unused_input",
    ),
    Mistake(
        "expression syntax error",
        "    denominator: lembaga + sarpras\n",
        "    denominator: lembaga +\n",
        "denominator: lembaga +",
        "indicators[1].denominator",
        "formula.syntax",
    ),
    Mistake(
        "expression outside the whitelist",
        "    value: indeks\n",
        "    value: indeks ** 2\n",
        "value: indeks ** 2",
        "indicators[2].value",
        "formula.not_allowed",
    ),
    Mistake(
        "weights not summing to 1",
        "weight: 0.4, numerator: sdm_sert",
        "weight: 0.3, numerator: sdm_sert",
        "components:",
        "indicators[3].components",
        "catalogue.weights_sum",
    ),
    Mistake(
        "a target for a year outside years",
        "    targets: {2025: 90, 2026: 95}\n",
        "    targets: {2024: 90, 2026: 95}\n",
        "targets: {2024: 90",
        "indicators[0].targets.2024",
        "catalogue.target_year",
    ),
    Mistake(
        "a scale not in descending order",
        "    - {min: 91, label: Sangat Tinggi}\n    - {min: 76, label: Tinggi}\n",
        "    - {min: 76, label: Tinggi}\n    - {min: 91, label: Sangat Tinggi}\n",
        "scale:",
        "achievement.scale",
        "catalogue.scale_order",
    ),
    Mistake(
        "a scale whose last band has a minimum",
        "    - {min: null, label: Sangat Rendah}\n",
        "    - {min: 0, label: Sangat Rendah}\n",
        "scale:",
        "achievement.scale",
        "catalogue.scale_order",
    ),
    Mistake(
        "a per-quarter target with a bad period",
        "2025: {TW1: 25, TW2: 50, TW3: 75, TW4: 100}",
        "2025: {TW1: 25, TW2: 50, TW5: 75, TW4: 100}",
        "TW5",
        "indicators[1].targets.2025.TW5",
        "catalogue.target_period",
    ),
    Mistake(
        "a per-quarter target that is not a number",
        "2025: {TW1: 25, TW2: 50, TW3: 75, TW4: 100}",
        "2025: {TW1: 25, TW2: lima puluh, TW3: 75, TW4: 100}",
        "lima puluh",
        "indicators[1].targets.2025.TW2",
        "catalogue.wrong_type.number",
    ),
    Mistake(
        "a year that is not a year",
        "    targets: {2025: 80}\n",
        "    targets: {tahun ini: 80}\n",
        "tahun ini",
        "indicators[2].targets.tahun ini",
        "catalogue.wrong_type.whole",
    ),
    Mistake(
        "two forms at once",
        "    value: indeks\n",
        "    value: indeks\n    numerator: indeks\n    denominator: 1\n",
        "- code: 1.10",
        "indicators[2]",
        "catalogue.form_mixed",
    ),
    Mistake(
        "no form",
        "    value: indeks\n",
        "",
        "- code: 1.10",
        "indicators[2]",
        "catalogue.form_missing",
    ),
    Mistake(
        "half a ratio",
        "    numerator: pd\n",
        "",
        '- code: "2.2"',
        "indicators[4]",
        "catalogue.ratio_incomplete",
    ),
    Mistake(
        "an unsupported schema",
        "schema: 1\n",
        "schema: 2\n",
        "schema: 2",
        "schema",
        "catalogue.bad_schema",
    ),
    Mistake(
        "an input name that is not a name",
        "      pd: {label: Perangkat daerah berpredikat baik, integer: true}\n    numerator: pd\n",
        "      pd baik: {label: Perangkat daerah berpredikat baik, integer: true}\n"
        "    numerator: 14\n",
        "pd baik:",
        "indicators[4].inputs.pd baik",
        "catalogue.bad_input_name",
    ),
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_each_mistake_is_named_by_line_and_key_path(mistake: Mistake) -> None:
    text = mistake.apply(VALID)
    found = problems(text)
    assert mistake.expected(text) in found
    # and nothing else: one mistake, one problem
    assert found == {mistake.expected(text)}


def test_owner_spelling_names_both_spellings_and_the_first_line() -> None:
    text = VALID.replace(
        "    unit: PD\n    owner: Biro Kesra\n", "    unit: PD\n    owner: BIRO  Kesra\n"
    )
    with pytest.raises(CatalogueError) as caught:
        loads(text)
    (problem,) = caught.value.problems
    assert problem.params == {
        "owner": "BIRO  Kesra",
        "first": "Biro Kesra",
        "line": line_of(text, "owner: Biro Kesra"),
    }


def test_several_mistakes_are_reported_at_once() -> None:
    chosen = [
        m
        for m in MISTAKES
        if m.name
        in {
            "unknown key",
            "wrong type: boolean",
            "duplicate indicator code",
            "duplicate goal code",
            "unknown goal",
            "unknown input in an expression",
            "an input no expression uses",
            "expression syntax error",
            "weights not summing to 1",
            "a target for a year outside years",
            "a scale not in descending order",
            "a per-quarter target with a bad period",
        }
    ]
    assert len(chosen) == 12
    text = VALID
    for mistake in chosen:
        text = mistake.apply(text)
    assert problems(text) == {m.expected(text) for m in chosen}


def test_a_mistake_inside_an_indicator_does_not_hide_its_other_mistakes() -> None:
    # a wrong type, an unknown key and a missing name, plus a formula typo and a bad
    # target in the same indicator: all five are reported in one run
    text = VALID.replace("    max: 100\n", "    max: seratus\n    warna: merah\n")
    text = text.replace("    name: Persentase kebijakan yang disahkan\n", "")
    text = text.replace("    numerator: disahkan\n", "    numerator: disahkn\n")
    text = text.replace("{2025: 90, 2026: 95}", "{2025: 90, 2027: 95}")
    assert problems(text) == {
        (line_of(text, '- code: "1.1"'), "indicators[0].name", "catalogue.missing_key"),
        (line_of(text, "max: seratus"), "indicators[0].max", "catalogue.wrong_type.number"),
        (line_of(text, "warna:"), "indicators[0].warna", "catalogue.unknown_key"),
        (line_of(text, "disahkn"), "indicators[0].numerator", "formula.unknown_name"),
        (line_of(text, "2027"), "indicators[0].targets.2027", "catalogue.target_year"),
    }


def test_a_goal_with_a_mistake_still_counts_for_its_indicators() -> None:
    text = VALID.replace(
        "    statement: Meningkatnya kualitas layanan\n", "    statment: Meningkatnya\n"
    )
    keys = {(path, key) for _, path, key in problems(text)}
    assert ("goals[1].statment", "catalogue.unknown_key") in keys
    assert not any(key == "catalogue.unknown_goal" for _, key in keys)


def test_problem_messages_name_file_line_and_path() -> None:
    text = VALID.replace("    numerator: pd\n", "    numerator: dirumuskn\n")
    with pytest.raises(CatalogueError) as info:
        loads(text, file="indicators.yaml")
    (problem,) = info.value.problems
    line = line_of(text, "dirumuskn")
    assert problem.message("en") == (
        f"indicators.yaml:{line} indicators[4].numerator: unknown input 'dirumuskn'; "
        "check its spelling under inputs."
    )
    assert problem.message("id").startswith(f"indicators.yaml:{line} indicators[4].numerator: ")
    assert info.value.details("en") == [problem.message("en")]


def test_problems_come_in_line_order() -> None:
    text = MISTAKES[0].apply(VALID).replace("schema: 1", "schema: 3")
    with pytest.raises(CatalogueError) as info:
        loads(text)
    lines = [p.line or 0 for p in info.value.problems]
    assert lines == sorted(lines)
    assert len(lines) == 2


# --------------------------------------------------------------------------- the YAML itself


def test_a_yaml_syntax_error_names_its_line() -> None:
    text = VALID.replace("    unit: Indeks\n", "    unit: [Indeks\n", 1)
    (found,) = problems(text)
    assert found[2] == "catalogue.yaml_syntax"
    assert found[0] is not None and found[0] >= line_of(text, "unit: [Indeks")


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['echo pwned']",
        "!!python/name:os.system ''",
        "!!python/object:collections.OrderedDict {}",
        "!!binary aGVsbG8=",
        "!custom hello",
    ],
)
def test_yaml_tags_beyond_plain_data_are_refused(tagged: str) -> None:
    text = VALID.replace("organisation: Contoh Perangkat Daerah", f"organisation: {tagged}")
    assert problems(text) == {(2, "organisation", "catalogue.yaml_tag")}


def test_an_alias_bomb_is_refused() -> None:
    # "billion laughs": 9 levels of 9 aliases would expand to 387 million nodes
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    text = VALID + "\n".join(lines) + "\n"
    with pytest.raises(CatalogueError) as info:
        loads(text)
    assert [p.key for p in info.value.problems] == ["catalogue.yaml_too_many_nodes"]
    assert info.value.problems[0].params == {"limit": cat.MAX_ALIAS_NODES}


def test_a_few_aliases_are_fine() -> None:
    text = VALID.replace("targets: {2025: 90, 2026: 95}", "targets: &t {2025: 90, 2026: 95}")
    text = text.replace("targets: {2025: 85, 2026: 90}", "targets: *t")
    indicator = loads(text).indicator("2.1")
    assert indicator is not None and indicator.target(2026) == 95


def test_deep_nesting_is_refused_not_crashed() -> None:
    with pytest.raises(CatalogueError) as info:
        loads("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert [p.key for p in info.value.problems] == ["catalogue.yaml_syntax"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "catalogue.not_mapping"),
        ("- a\n- b\n", "catalogue.not_mapping"),
        ("just text\n", "catalogue.not_mapping"),
    ],
)
def test_a_document_that_is_not_a_mapping(text: str, key: str) -> None:
    assert {k for _, _, k in problems(text)} == {key}


def test_missing_top_level_keys_are_all_named() -> None:
    found = problems("schema: 1\n")
    assert {(path, key) for _, path, key in found} == {
        ("organisation", "catalogue.missing_key"),
        ("years", "catalogue.missing_key"),
        ("goals", "catalogue.missing_key"),
        ("indicators", "catalogue.missing_key"),
    }


# --------------------------------------------------------------------------- the file


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "tidak-ada.yaml"
    with pytest.raises(CatalogueError) as info:
        load(path)
    assert [p.key for p in info.value.problems] == ["catalogue.not_found"]
    assert str(path) in info.value.message("id")
    assert "--catalogue" in info.value.message("en")
    assert info.value.exit_code == 2


def test_a_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as info:
        load(tmp_path)
    assert [p.key for p in info.value.problems] == ["catalogue.is_directory"]
    assert str(tmp_path) in info.value.message("en")


def test_a_file_that_is_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_bytes(VALID.replace("Kesra", "Kesejahteraan Rakyat \xe9").encode("latin-1"))
    with pytest.raises(CatalogueError) as info:
        load(path)
    (problem,) = info.value.problems
    assert problem.key == "catalogue.not_utf8"
    assert problem.params["line"] == line_of(VALID, "Kesra")
    assert "UTF-8" in info.value.message("en")


def test_a_huge_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_text(VALID, encoding="utf-8")
    monkeypatch.setattr(catalogue_file, "MAX_CATALOGUE_BYTES", 100)
    with pytest.raises(CatalogueError) as info:
        load(path)
    assert [p.key for p in info.value.problems] == ["catalogue.too_big"]
    assert str(path) in info.value.message("en")


# --------------------------------------------------------------------------- indicator helpers


def indicator(catalogue: Catalogue, code: str) -> cat.Indicator:
    found = catalogue.indicator(code)
    assert found is not None
    return found


def test_form(catalogue: Catalogue) -> None:
    forms = {i.code: i.form for i in catalogue.indicators}
    assert forms == {
        "1.1": "ratio",
        "1.2": "ratio",
        "1.10": "direct",
        "2.1": "composite",
        "2.2": "ratio",
    }


def test_effective_factor(catalogue: Catalogue) -> None:
    assert indicator(catalogue, "1.1").effective_factor == 100  # Persen
    assert indicator(catalogue, "2.2").effective_factor == 1  # PD
    assert indicator(catalogue, "1.10").effective_factor == 1
    text = VALID.replace("    unit: PD\n", "    unit: PD\n    factor: 1000\n")
    assert indicator(loads(text), "2.2").effective_factor == 1000
    text = VALID.replace("    unit: PD\n", "    unit: ' % '\n")
    assert indicator(loads(text), "2.2").effective_factor == 100
    text = VALID.replace("    unit: PD\n", "    unit: persen\n    factor: 1\n")
    assert indicator(loads(text), "2.2").effective_factor == 1  # an explicit factor wins


def test_target_yearly_and_per_quarter(catalogue: Catalogue) -> None:
    yearly = indicator(catalogue, "1.1")
    assert yearly.target(2025) == Decimal(90)
    assert yearly.target(2026, "TW1") == Decimal(95)  # a year's target holds in every quarter
    assert yearly.target(2024) is None
    quarterly = indicator(catalogue, "1.2")
    assert [quarterly.target(2025, p) for p in ("TW1", "TW2", "TW3", "TW4")] == [25, 50, 75, 100]
    assert quarterly.target(2025) == 100  # TW4 by default
    assert quarterly.target(2026, "TW2") == 100
    assert cat.period_targets(quarterly, 2025) == {"TW1": 25, "TW2": 50, "TW3": 75, "TW4": 100}


def test_target_for_a_missing_quarter_is_none() -> None:
    text = VALID.replace("2025: {TW1: 25, TW2: 50, TW3: 75, TW4: 100}", "2025: {TW2: 50, TW4: 100}")
    quarterly = indicator(loads(text), "1.2")
    assert quarterly.target(2025, "TW1") is None
    assert quarterly.target(2025, "TW2") == 50


def test_reports_in(catalogue: Catalogue) -> None:
    quarterly, annual = indicator(catalogue, "1.1"), indicator(catalogue, "1.10")
    assert all(quarterly.reports_in(p) for p in ("TW1", "TW2", "TW3", "TW4"))
    assert [annual.reports_in(p) for p in ("TW1", "TW2", "TW3", "TW4")] == [
        False,
        False,
        False,
        True,
    ]
    assert [i.code for i in catalogue.indicators_of("Biro Organisasi", "TW2")] == []
    assert [i.code for i in catalogue.indicators_of("Biro Organisasi", "TW4")] == ["1.10"]
    assert [i.code for i in catalogue.indicators_of("Biro Kesra")] == ["1.2", "2.2"]


@pytest.mark.parametrize(
    ("achievement", "label"),
    [
        ("150", "Sangat Tinggi"),
        ("91", "Sangat Tinggi"),
        ("90.99", "Tinggi"),
        ("76", "Tinggi"),
        ("75.999", "Sedang"),
        ("66", "Sedang"),
        ("65.99", "Rendah"),
        ("51", "Rendah"),
        ("50.99", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
        ("-20", "Sangat Rendah"),
    ],
)
def test_band_edges(catalogue: Catalogue, achievement: str, label: str) -> None:
    band = catalogue.achievement.band(Decimal(achievement))
    assert band is not None and band.label == label


def test_the_default_scale_applies_when_none_is_given() -> None:
    start, end = VALID.index("achievement:"), VALID.index("goals:")
    loaded = loads(VALID[:start] + VALID[end:])
    assert [b.label for b in loaded.achievement.scale] == [
        "Sangat Tinggi",
        "Tinggi",
        "Sedang",
        "Rendah",
        "Sangat Rendah",
    ]
    band = loaded.achievement.band(Decimal("90.99"))
    assert band is not None and band.label == "Tinggi"


def test_compiled_expressions(catalogue: Catalogue) -> None:
    ratio = indicator(catalogue, "1.2")
    values = {"difasilitasi": Decimal(6), "lembaga": Decimal(8), "sarpras": Decimal(4)}
    assert ratio.expression("denominator").evaluate(values) == 12
    composite = indicator(catalogue, "2.1")
    assert composite.expression("components.1.numerator").names == {"sdm_sert"}
    # `denominator: 14` is an expression too, not a type error
    assert indicator(catalogue, "2.2").expression("denominator").evaluate({}) == 14


@pytest.mark.parametrize(
    ("typed", "owner"),
    [
        ("Biro Kesra", "Biro Kesra"),
        ("biro kesra", "Biro Kesra"),
        ("  BIRO   KESRA ", "Biro Kesra"),
        ("biro-kesra", "Biro Kesra"),
        ("Biro_Organisasi", "Biro Organisasi"),
        ("Biro Pemerintahan dan Otonomi Daerah", "Biro Pemerintahan dan Otonomi Daerah"),
        ("Biro Keuangan", None),
        ("", None),
    ],
)
def test_owner_by_name(catalogue: Catalogue, typed: str, owner: str | None) -> None:
    assert catalogue.owner_by_name(typed) == owner


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Biro Adpim dan Umum", "biro-adpim-dan-umum"),
        ("Biro POD", "biro-pod"),
        ("  Biro   Hukum  ", "biro-hukum"),
        ("Biro Pérékonomian", "biro-perekonomian"),
        ("Biro/Bagian (Umum)", "biro-bagian-umum"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_many_written_nodes_are_not_taken_for_an_alias_bomb() -> None:
    # a whole province's catalogue writes well over MAX_ALIAS_NODES nodes of its own
    count = cat.MAX_ALIAS_NODES + 50_000
    tree, found = catalogue_yaml._parse_yaml("a: [" + ", ".join(["1"] * count) + "]\n", "big.yaml")
    assert found == []
    assert len(tree.data["a"]) == count
