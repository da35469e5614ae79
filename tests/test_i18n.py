"""Every user-facing string in both languages, every key the code uses, and number display."""

from __future__ import annotations

import re
import typing
from decimal import Decimal
from pathlib import Path

import pytest

from iku_cli import i18n, translations
from iku_cli.core import catalogue, catalogue_validation
from iku_cli.i18n import messages, number, placeholders, t

MESSAGES = messages()

SRC = Path(__file__).resolve().parent.parent / "src" / "iku_cli"
SOURCES = sorted(SRC.rglob("*.py"))

# t("key") / h("key") / t('key', ...) with a literal key
LITERAL_KEY = re.compile(r"""(?<![\w.])[th]\(\s*(["'])([A-Za-z0-9_.\-]+)\1""")
# findings.error("code"), findings.warning('code'), error("code") after importing it,
# and Finding("error", "code")
FINDING_CALL = re.compile(
    r"""(?:(?<![\w])findings\.|(?<![\w.]))(?:error|warning)\(\s*(["'])([a-z0-9]+(?:-[a-z0-9]+)*)\1"""
)
FINDING_RECORD = re.compile(
    r"""Finding\(\s*(["'])(?:error|warning)\1\s*,\s*(["'])([a-z0-9]+(?:-[a-z0-9]+)*)\2"""
)
# keys of catalogue problems and formula errors: "catalogue.unknown_key", "formula.syntax"
PROBLEM_KEY = re.compile(r"""(["'])((?:catalogue|formula)\.[a-z_]+(?:\.[a-z_]+)*)\1""")


def source_texts() -> dict[str, str]:
    return {str(p.relative_to(SRC)): p.read_text(encoding="utf-8") for p in SOURCES}


def test_the_scan_sees_the_sources() -> None:
    texts = source_texts()
    assert "core/catalogue.py" in texts and "i18n.py" in texts
    # the patterns find what they are meant to find
    assert LITERAL_KEY.findall('t("catalogue.ok", lang) h("help.app")') == [
        ('"', "catalogue.ok"),
        ('"', "help.app"),
    ]
    assert LITERAL_KEY.findall("x.t('no') format(\"no\")") == []
    sample = "findings.error(\"value-not-a-number\", cell=c) warning('cell-rounded')"
    assert [m[1] for m in FINDING_CALL.findall(sample)] == ["value-not-a-number", "cell-rounded"]
    assert FINDING_CALL.findall('console.error("x-y")') == []
    assert [m[2] for m in FINDING_RECORD.findall('Finding("error", "missing-file")')] == [
        "missing-file"
    ]


PO_FILES = sorted(translations.LOCALE.glob("*/LC_MESSAGES/iku.po"))


def read(path: Path) -> list[translations.Entry]:
    return translations.read_po(path.read_text(encoding="utf-8"))


def test_the_catalogues_are_there() -> None:
    assert [p.parent.parent.name for p in PO_FILES] == ["id"]
    assert len(read(translations.pot_path())) > 300


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.parent.parent.name)
def test_every_message_is_translated_with_the_same_placeholders(po: Path) -> None:
    # what `msgfmt --check` checks, plus the {placeholders} t() fills in
    template = {e.key: e.english for e in read(translations.pot_path())}
    entries = read(po)
    keys = [e.key for e in entries]
    assert len(keys) == len(set(keys)), "a key twice"
    assert set(keys) == set(template), "the .po and the .pot hold other keys"
    untranslated = [e.key for e in entries if not e.text.strip()]
    assert untranslated == []
    changed = [e.key for e in entries if e.english != template[e.key]]
    assert changed == [], "msgid differs from the .pot"
    other = [e.key for e in entries if placeholders(e.text) != placeholders(e.english)]
    assert other == []


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.parent.parent.name)
def test_the_compiled_catalogue_matches_its_source(po: Path) -> None:
    # run `python -m iku_cli.translations` after editing a .po
    expected = translations.compile_mo(read(po))
    assert po.with_suffix(".mo").read_bytes() == expected


def test_standard_gettext_reads_the_compiled_catalogue() -> None:
    import gettext

    with translations.mo_path("id").open("rb") as stream:
        catalogue = gettext.GNUTranslations(stream)
    english = t("catalogue.problems", "en")
    assert catalogue.pgettext("catalogue.problems", english) == t("catalogue.problems", "id")
    assert catalogue.pgettext("catalogue.problems", english).startswith("Katalog {file}")


def test_po_files_read_back_what_was_written() -> None:
    entries = [
        translations.Entry("a.b", 'say "hi"\nthen', 'kata "hai"\nlalu'),
        translations.Entry("long", "x" * 120, "y" * 120),
        translations.Entry("lines", "one\ntwo\n", "satu\ndua\n", ("#. --- group ---",)),
    ]
    text = translations.write_po(entries, language="id")
    assert translations.read_po(text) == entries
    import gettext
    import io

    catalogue = gettext.GNUTranslations(io.BytesIO(translations.compile_mo(entries)))
    assert catalogue.pgettext("lines", "one\ntwo\n") == "satu\ndua\n"
    assert catalogue.pgettext("a.b", 'say "hi"\nthen') == 'kata "hai"\nlalu'


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == {"id", "en"}, key
    assert entry["id"].strip() and entry["en"].strip(), key
    assert placeholders(entry["id"]) == placeholders(entry["en"]), key


def test_messages_format_without_stray_braces() -> None:
    for key, entry in MESSAGES.items():
        for lang, text in entry.items():
            names = placeholders(text)
            filled = text.format(**{name: "X" for name in names})
            assert "{" not in filled and "}" not in filled, (key, lang)


def test_every_literal_key_used_in_the_code_exists() -> None:
    missing = {
        (file, key)
        for file, text in source_texts().items()
        for _, key in LITERAL_KEY.findall(text)
        if key not in MESSAGES
    }
    assert not missing


def test_every_finding_code_used_in_the_code_has_a_message() -> None:
    found: set[tuple[str, str]] = set()
    for file, text in source_texts().items():
        found |= {(file, m[1]) for m in FINDING_CALL.findall(text)}
        found |= {(file, m[2]) for m in FINDING_RECORD.findall(text)}
    missing = {(file, code) for file, code in found if f"finding.{code}" not in MESSAGES}
    assert not missing


def test_every_catalogue_and_formula_problem_has_a_message() -> None:
    texts = source_texts()
    used = {
        key
        for file in (
            "core/catalogue_checks.py",
            "loading/catalogue_file.py",
            "core/formula.py",
            "core/errors.py",
        )
        for _, key in PROBLEM_KEY.findall(texts[file])
    }
    assert {"catalogue.unknown_key", "formula.syntax"} <= used  # the scan works
    # keys made up at run time
    used |= {f"catalogue.wrong_type.{kind}" for kind in catalogue_validation._EXPECTED.values()}
    used.add("catalogue.wrong_type.choice")
    assert sorted(k for k in used if k not in MESSAGES) == []


def test_every_value_of_the_catalogue_vocabularies_has_a_label() -> None:
    # shown through t(f"form.{...}"), t(f"frequency.{...}"), t(f"polarity.{...}")
    for prefix, vocabulary in (
        ("form", catalogue.Form),
        ("frequency", catalogue.Frequency),
        ("polarity", catalogue.Polarity),
    ):
        for value in typing.get_args(vocabulary):
            assert f"{prefix}.{value}" in MESSAGES, (prefix, value)


def test_t_fills_placeholders_and_falls_back() -> None:
    assert t("catalogue.not_found", "en", file="x.yaml").startswith("Catalogue x.yaml not found")
    assert t("catalogue.not_found", file="x.yaml").startswith("Katalog x.yaml tidak ditemukan")
    assert t("no.such.key") == "no.such.key"
    # a missing parameter shows as itself instead of failing
    assert "{file}" in t("catalogue.not_found", "en", other=1)


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "places", "indonesian", "english"),
    [
        (2.675, 2, "2,68", "2.68"),  # a binary float just below 2.675: still half up
        (Decimal("2.675"), 2, "2,68", "2.68"),
        (Decimal("2.665"), 2, "2,67", "2.67"),  # half up, not half to even
        (Decimal("0.125"), 2, "0,13", "0.13"),
        (93.4, 2, "93,40", "93.40"),
        (1234567.891, 2, "1.234.567,89", "1,234,567.89"),
        (Decimal("1234567.895"), 2, "1.234.567,90", "1,234,567.90"),
        (Decimal("-1234.565"), 2, "-1.234,57", "-1,234.57"),
        (Decimal("-0.001"), 2, "0,00", "0.00"),  # no "-0,00"
        (100, 2, "100,00", "100.00"),
        (0, 2, "0,00", "0.00"),
        (Decimal("2.5"), 0, "3", "3"),
        (Decimal("3.5"), 0, "4", "4"),
        (Decimal("1500000"), 0, "1.500.000", "1,500,000"),
        (Decimal("107.142857"), 1, "107,1", "107.1"),
        (Decimal("1E+30"), 0, "1" + ".000" * 10, "1" + ",000" * 10),
    ],
)
def test_number_rounds_half_up_in_both_styles(
    value: Decimal | float | int, places: int, indonesian: str, english: str
) -> None:
    assert number(value, "id", places) == indonesian
    assert number(value, "en", places) == english


def test_number_default_is_indonesian_two_places() -> None:
    assert number(Decimal("93.4")) == "93,40"


@pytest.mark.parametrize("value", [None, float("nan"), float("inf"), Decimal("-Infinity")])
def test_number_of_nothing_is_a_dash(value: Decimal | float | None) -> None:
    assert number(value) == "-"
    assert number(value, "en") == "-"


def test_languages() -> None:
    assert i18n.LANGS == ("id", "en")
