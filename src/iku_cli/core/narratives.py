"""The Analisis sheet judged against the figures: a bureau says why where a target is missed.

Pure, as :mod:`iku_cli.core.checks`, which runs it for every submission.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from . import findings
from .catalogue import Catalogue
from .findings import Finding
from .submission import Submission

ANALYSIS_SHEET = "Analisis"  # the template's name for it (DESIGN 11b)
NARRATIVE_CODES = frozenset({"narrative-missing", "evidence-missing"})
# below this achievement (percent, against the period's target) a bureau says why
NARRATIVE_BELOW = Decimal(100)


def check_narratives(
    sub: Submission, catalogue: Catalogue, found: Iterable[Finding] = ()
) -> list[Finding]:
    """The Analisis sheet against the figures (DESIGN 11b), as warnings (``--strict``
    makes them fail):

    - ``narrative-missing``: achievement below 100 against the period's target, and
      Faktor penghambat or Upaya tindak lanjut blank;
    - ``evidence-missing``: the catalogue says ``evidence: required`` and Bukti dukung
      is blank.

    Each names the blank cell; a row that is absent names the sheet and the indicator;
    a workbook without an Analisis sheet gets one finding per indicator concerned.
    ``found``: the submission's findings so far (values in error are not judged).
    """
    if sub.owner is None or sub.year not in catalogue.years or sub.period is None:
        return []
    from .figures import submission_achievements  # the figures only where asked for

    out: list[Finding] = []
    achieved = submission_achievements(catalogue, sub, list(found))
    sheet = sub.narrative_sheet or ANALYSIS_SHEET
    for indicator in catalogue.indicators_of(sub.owner, sub.period):
        code = indicator.code
        narrative = sub.narratives.get(code)
        below = achieved.get(code)
        if below is not None and below[0] < NARRATIVE_BELOW:
            blank = [
                name
                for name in ("obstacles", "actions")
                if narrative is None or narrative.text(name) is None
            ]
            if blank:
                cell = next((narrative.cells.get(n) for n in blank if narrative), None)
                out.append(
                    findings.warning(
                        "narrative-missing",
                        file=sub.file,
                        sheet=sheet,
                        cell=cell,
                        indicator=code,
                        name=indicator.name,
                        achievement=below[0].quantize(Decimal("0.01")),
                        target=below[1],
                        period=sub.period,
                        columns=", ".join(_COLUMN_NAMES[n] for n in blank),
                    )
                )
        if indicator.evidence == "required" and (narrative is None or narrative.evidence is None):
            out.append(
                findings.warning(
                    "evidence-missing",
                    file=sub.file,
                    sheet=sheet,
                    cell=narrative.cells.get("evidence") if narrative else None,
                    indicator=code,
                    name=indicator.name,
                )
            )
    return out


_COLUMN_NAMES = {
    "supporting": "Faktor pendukung",
    "obstacles": "Faktor penghambat",
    "actions": "Upaya tindak lanjut",
    "evidence": "Bukti dukung",
}


__all__ = ["ANALYSIS_SHEET", "NARRATIVE_BELOW", "NARRATIVE_CODES", "check_narratives"]
