"""Issue 12.13: every departure from the published IKU table is noted in the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SHIPPED_CATALOGUE
from iku_cli.loading.catalogue_file import load

PUBLISHED = Path("/work/shared/source/IKU-Setda-Kaltim-2024-2026.txt")
if not PUBLISHED.exists():  # the shipped copy next to the catalogue, when there is one
    PUBLISHED = SHIPPED_CATALOGUE.parent / "docs" / PUBLISHED.name

pytestmark = pytest.mark.skipif(not PUBLISHED.exists(), reason="published table not here")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def published() -> str:
    return squeeze(PUBLISHED.read_text(encoding="utf-8"))


def test_every_name_not_printed_as_such_has_a_note_quoting_the_printed_text() -> None:
    catalogue = load(SHIPPED_CATALOGUE)
    text = published()
    departures = []
    for ind in catalogue.indicators:
        if squeeze(ind.name) not in text:
            departures.append(ind.code)
            assert ind.note and "tercetak" in ind.note.lower(), ind.code
            # the quoted printed wording is in the published text
            quoted = re.findall(r'"([^"]+)"', ind.note)
            assert any(squeeze(q).strip(". ") in text for q in quoted), ind.code
    assert {"1.4", "1.5", "1.8", "2.1", "3.4"} <= set(departures)
    for goal in catalogue.goals:
        if squeeze(goal.statement) not in text:
            assert goal.note and "BerAHKLAK" in goal.note, goal.code
    assert catalogue.organisation not in text
    assert catalogue.organisation_note and "Sekretariat Darah" in catalogue.organisation_note
    assert "Sekretariat Darah" in text


def test_borrowed_source_of_15_is_noted() -> None:
    catalogue = load(SHIPPED_CATALOGUE)
    item = catalogue.indicator("1.5")
    assert item is not None and item.note and "1.4" in item.note
    assert item.source and item.source in item.note


def test_goal_note_and_organisation_note_are_optional(tmp_path: Path) -> None:
    from iku_cli.loading.catalogue_file import loads
    from test_catalogue import VALID

    catalogue = loads(VALID)
    assert catalogue.organisation_note is None
    assert all(g.note is None for g in catalogue.goals)
    noted = VALID.replace(
        "    statement: Meningkatnya kualitas kebijakan\n",
        "    statement: Meningkatnya kualitas kebijakan\n    note: Tercetak lain\n",
        1,
    )
    assert loads(noted).goals[0].note == "Tercetak lain"
