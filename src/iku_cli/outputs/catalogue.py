"""The catalogue as JSON (DESIGN section 7) and as a terminal table."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..core.catalogue import Catalogue, Indicator
from ..core.periods import PERIODS
from ..i18n import Lang, number, t

if TYPE_CHECKING:
    from rich.console import RenderableType


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: whole numbers as int, others as float."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _targets(indicator: Indicator) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for year, entry in indicator.targets.items():
        if isinstance(entry, dict):
            out[str(year)] = {p: json_number(v) for p, v in entry.items()}
        else:
            out[str(year)] = json_number(entry)
    return out


def plain(value: Any) -> Any:
    """Model data as JSON data: Decimals as numbers, tuples as lists, keys as text."""
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _dump(model: BaseModel, **exclude: bool) -> dict[str, Any]:
    """Every field of ``model`` (by alias, absent parts null), without ``exclude``'s."""
    data = model.model_dump(by_alias=True, exclude=set(exclude) or None)
    return {k: plain(v) for k, v in data.items()}


def indicator_dict(indicator: Indicator) -> dict[str, Any]:
    """Every field the indicator holds; ``inputs`` and ``form`` in DESIGN section 7's shape.

    Driven by the model's fields, so a field added to the catalogue appears here without
    further code (issue 12.12).
    """
    out = _dump(indicator)
    out["form"] = indicator.form
    out["inputs"] = [{"name": name, **_dump(spec)} for name, spec in indicator.inputs.items()]
    out["factor"] = json_number(indicator.effective_factor) if indicator.form == "ratio" else None
    out["targets"] = _targets(indicator) or None
    # the pinned keys first, in their pinned order; then any others the model holds
    order = (
        "code", "goal", "name", "unit", "owner", "form", "frequency", "polarity", "inputs",
        "numerator", "denominator", "factor", "max", "components", "value", "targets",
        "source", "note",
    )  # fmt: skip
    return {**{k: out.get(k) for k in order}, **out}


def catalogue_dict(catalogue: Catalogue) -> dict[str, Any]:
    """The whole catalogue: DESIGN section 7's keys, then every other field it holds."""
    out = _dump(catalogue, path=True, sha256=True)
    out["goals"] = [_dump(g) for g in catalogue.goals]
    out["indicators"] = [indicator_dict(i) for i in catalogue.indicators]
    order = ("organisation", "years", "goals", "indicators", "achievement")
    return {**{k: out.get(k) for k in order}, **out}


def formula_text(indicator: Indicator, lang: Lang) -> str:
    """The indicator's formula as one line, with input names."""
    if indicator.form == "ratio":
        factor = indicator.effective_factor
        text = f"{_operand(indicator.numerator)} / {_operand(indicator.denominator)}"
        return text if factor == 1 else f"{text} x {number(factor, lang, 0)}"
    if indicator.form == "direct":
        return str(indicator.value)
    parts = [
        f"{_plain(c.weight * 100, lang)}% x {_operand(c.numerator)} / {_operand(c.denominator)}"
        for c in indicator.components or ()
    ]
    # the factor 100 applies to every part, not only the last
    return f"({' + '.join(parts)}) x 100" if len(parts) > 1 else f"{parts[0]} x 100"


def _operand(source: str | None) -> str:
    """An expression as an operand: bracketed when it has an operator of its own."""
    text = str(source)
    return f"({text})" if any(op in text for op in "+-*/") else text


def _plain(value: Decimal, lang: Lang) -> str:
    """A number without trailing zeros: ``95``, ``92,5`` (a target, a weight)."""
    text = number(value, lang, 2)
    decimal_mark = "," if lang == "id" else "."
    return text.rstrip("0").rstrip(decimal_mark)


def targets_text(indicator: Indicator, lang: Lang) -> str:
    parts = []
    for year, entry in indicator.targets.items():
        if isinstance(entry, dict) and tuple(entry) == PERIODS:
            # all four quarters: one short line, so the column stays narrow
            values = " / ".join(_plain(v, lang) for v in entry.values())
            parts.append(f"{year} (TW1-TW4):\n{values}")
        elif isinstance(entry, dict):
            parts.append(
                f"{year}: " + ", ".join(f"{p} {_plain(v, lang)}" for p, v in entry.items())
            )
        else:
            parts.append(f"{year}: {_plain(entry, lang)}")
    return "\n".join(parts)


def catalogue_table(catalogue: Catalogue, lang: Lang) -> list[RenderableType]:
    """One rich table per goal, then the notes."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = [
        Text(t("show.title", lang, organisation=catalogue.organisation), style="bold")
    ]
    for goal in catalogue.goals:
        table = Table(
            title=escape(t("show.goal", lang, code=goal.code, statement=goal.statement)),
            title_justify="left",
            show_lines=True,
            expand=True,
        )
        # no ratios: rich then shrinks every column in proportion to its content,
        # instead of squeezing the ratio columns to one letter on a narrow terminal
        table.add_column(t("col.code", lang), no_wrap=True)
        table.add_column(t("col.indicator", lang))
        table.add_column(t("col.unit", lang))
        table.add_column(t("col.owner", lang))
        table.add_column(t("col.form", lang))
        table.add_column(t("col.formula", lang))
        table.add_column(t("col.targets", lang))
        for ind in catalogue.indicators:
            if ind.goal != goal.code:
                continue
            details = [t(f"form.{ind.form}", lang), t(f"frequency.{ind.frequency}", lang)]
            if ind.polarity == "negative":
                details.append(t("polarity.negative", lang))
            table.add_row(
                ind.code,
                escape(ind.name),
                escape(ind.unit),
                escape(ind.owner),
                "\n".join(details),
                escape(formula_text(ind, lang)),
                targets_text(ind, lang),
            )
        out.append(table)
    if catalogue.organisation_note:
        note = catalogue.organisation_note.strip()
        out.append(Text(t("show.organisation_note", lang, note=note)))
    for goal in catalogue.goals:
        if goal.note:
            out.append(Text(t("show.goal_note", lang, code=goal.code, note=goal.note.strip())))
    for ind in catalogue.indicators:
        if ind.note:
            out.append(Text(t("show.note", lang, code=ind.code, note=ind.note.strip())))
    return out
