"""One indicator's computation, step by step, for auditors and disputing bureaus."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..core.catalogue import Catalogue, Indicator, ScaleBand
from ..core.formula import Expression
from ..core.result import IndicatorResult, InputUsed, Result
from ..i18n import Lang, number, t
from .result_table import category_style, plain_number
from .safety import printable

if TYPE_CHECKING:
    from rich.console import RenderableType

INDENT = "  "


def band_text(catalogue: Catalogue, label: str | None, lang: Lang) -> str:
    """``>= 91: Sangat Tinggi``, or ``< 51: Sangat Rendah`` for the lowest band."""
    scale = catalogue.achievement.scale
    for n, band in enumerate(scale):
        if band.label != label:
            continue
        if band.min is not None:
            return f">= {plain_number(band.min, lang)}: {band.label}"
        above: ScaleBand | None = scale[n - 1] if n else None
        if above is not None and above.min is not None:
            return f"< {plain_number(above.min, lang)}: {band.label}"
        return band.label
    return label or "-"


EXACT_PLACES = 10


def exact_number(value: Decimal | None, lang: Lang) -> str:
    """An intermediate figure exactly (no trailing zeros), or to 10 places when it repeats,
    so that each printed step can be recomputed by hand from the printed numbers."""
    if value is None:
        return "-"
    if value.normalize().as_tuple().exponent >= -EXACT_PLACES:  # type: ignore[operator]
        return plain_number(value, lang)
    return number(value, lang, EXACT_PLACES)


def _substituted(expression: Expression, inputs: list[InputUsed], lang: Lang) -> str:
    """The expression with each input's reported number in place of its name."""
    words = {i.name: plain_number(i.value, lang) for i in inputs}
    return expression.render(words)


def _labels(indicator: Indicator) -> dict[str, str]:
    return {name: spec.label for name, spec in indicator.inputs.items()}


def _step(
    expression: Expression, inputs: list[InputUsed], result: Decimal | None, lang: Lang
) -> str:
    """``name + name = 10 + 5 = 15`` (middle parts left out when they add nothing)."""
    parts = [expression.render()]
    substituted = _substituted(expression, inputs, lang)
    if substituted not in parts:
        parts.append(substituted)
    shown = plain_number(result, lang)
    if shown not in parts:
        parts.append(shown)
    return " = ".join(parts)


def definition(indicator: Indicator, lang: Lang) -> list[str]:
    """The formula as text, with the inputs' labels."""
    labels = _labels(indicator)
    lines: list[str] = []
    if indicator.form == "ratio":
        factor = indicator.effective_factor
        if factor == 1:
            lines.append(t("explain.def_ratio_plain", lang))
        else:
            lines.append(t("explain.def_ratio", lang, factor=plain_number(factor, lang)))
        for key in ("numerator", "denominator"):
            text = indicator.expression(key).render(labels)
            lines.append(f"{INDENT}{t(f'explain.{key}', lang)} = {text}")
    elif indicator.form == "composite":
        lines.append(t("explain.def_composite", lang))
        for n, component in enumerate(indicator.components or ()):
            weight = plain_number(component.weight, lang)
            head = t("explain.component", lang, n=n + 1, label=component.label, weight=weight)
            lines.append(INDENT + head)
            for key in ("numerator", "denominator"):
                text = indicator.expression(f"components.{n}.{key}").render(labels)
                lines.append(f"{INDENT * 2}{t(f'explain.{key}', lang)} = {text}")
    else:
        text = indicator.expression("value").render(labels)
        lines.append(t("explain.def_direct", lang, expression=text))
    return lines


def steps(indicator: Indicator, res: IndicatorResult, lang: Lang) -> list[str]:
    """Each intermediate figure with the numbers substituted."""
    if res.value is None:
        return [t("explain.no_steps", lang)]
    value_word = t("explain.value", lang)
    lines: list[str] = []
    if indicator.form == "ratio":
        num, den = t("explain.numerator", lang), t("explain.denominator", lang)
        lines.append(
            f"{num} = " + _step(indicator.expression("numerator"), res.inputs, res.numerator, lang)
        )
        lines.append(
            f"{den} = "
            + _step(indicator.expression("denominator"), res.inputs, res.denominator, lang)
        )
        ratio = f"{plain_number(res.numerator, lang)} / {plain_number(res.denominator, lang)}"
        factor = res.factor if res.factor is not None else Decimal(1)
        if factor != 1:
            ratio += f" x {plain_number(factor, lang)}"
        lines.append(
            f"{value_word} = {num} / {den}"
            + (f" x {plain_number(factor, lang)}" if factor != 1 else "")
            + f" = {ratio} = {exact_number(res.value, lang)}"
        )
    elif indicator.form == "composite":
        weighted: list[str] = []
        for n, part in enumerate(res.components):
            num = _step(
                indicator.expression(f"components.{n}.numerator"), res.inputs, part.numerator, lang
            )
            den = _step(
                indicator.expression(f"components.{n}.denominator"),
                res.inputs,
                part.denominator,
                lang,
            )
            head = t(
                "explain.component",
                lang,
                n=n + 1,
                label=part.label,
                weight=plain_number(part.weight, lang),
            )
            lines.append(head)
            lines.append(f"{INDENT}{t('explain.numerator', lang)} = {num}")
            lines.append(f"{INDENT}{t('explain.denominator', lang)} = {den}")
            lines.append(
                f"{INDENT}{plain_number(part.numerator, lang)} / "
                f"{plain_number(part.denominator, lang)} x 100 = "
                f"{exact_number(part.percent, lang)}; "
                f"{exact_number(part.percent, lang)} x {plain_number(part.weight, lang)} = "
                f"{exact_number(part.weighted, lang)}"
            )
            weighted.append(exact_number(part.weighted, lang))
        total = exact_number(res.value, lang)
        lines.append(f"{value_word} = {' + '.join(weighted)} = {total}")
    else:
        expression = indicator.expression("value")
        parts = [expression.render(), _substituted(expression, res.inputs, lang)]
        parts = list(dict.fromkeys(parts))
        lines.append(f"{value_word} = {' = '.join(parts)} = {exact_number(res.value, lang)}")
    return lines


def achievement_lines(catalogue: Catalogue, res: IndicatorResult, lang: Lang) -> list[str]:
    if res.method is None:
        return []
    lines = [t(f"explain.formula.{res.method}", lang)]
    if res.achievement is not None and res.value is not None and res.target is not None:
        value, target = exact_number(res.value, lang), plain_number(res.target, lang)
        if res.method == "ratio":
            numbers = f"{value} / {target} x 100"
        elif res.method == "two_minus_ratio":
            numbers = f"(2 - {value} / {target}) x 100"
        else:
            numbers = f"{target} / {value} x 100"
        lines.append(f"{INDENT}= {numbers} = {exact_number(res.achievement, lang)}")
        rounded = t("explain.rounded", lang, value=number(res.achievement, lang))
        lines.append(f"{INDENT}{rounded}")
        cap = catalogue.achievement.cap
        if cap is not None and res.capped is not None and res.capped != res.achievement:
            capped = t(
                "explain.cap", lang, cap=plain_number(cap, lang), capped=number(res.capped, lang)
            )
            lines.append(INDENT + capped)
    return lines


def explain_lines(
    catalogue: Catalogue, result: Result, code: str, lang: Lang = "id"
) -> list[RenderableType]:
    """Everything about one indicator, in reading order."""
    from rich.text import Text

    indicator = catalogue.indicator(code)
    res = result.indicator(code)
    if indicator is None or res is None:
        raise KeyError(code)
    out: list[RenderableType] = []

    def head(text: str) -> None:
        out.append(Text(""))
        out.append(Text(text, style="bold"))

    def line(text: str, style: str = "") -> None:
        # notes, file and sheet names come from submissions: no escape sequence passes
        out.append(Text(INDENT + printable(text), style=style))

    out.append(Text(t("explain.title", lang, code=code, name=indicator.name), style="bold"))
    out.append(
        Text(
            t(
                "explain.about",
                lang,
                goal=indicator.goal,
                owner=indicator.owner,
                unit=indicator.unit,
                form=t(f"form.{indicator.form}", lang),
                frequency=t(f"frequency.{indicator.frequency}", lang),
                polarity=t(f"polarity.{indicator.polarity}", lang),
            )
        )
    )
    out.append(Text(result.note(lang)))

    goal = catalogue.goal(indicator.goal)
    if goal is not None and goal.note:
        out.append(Text(t("explain.goal_note", lang, code=goal.code, note=goal.note.strip())))
    if indicator.source:
        out.append(Text(t("explain.source", lang, source=indicator.source.strip())))
    if indicator.note:
        out.append(Text(t("explain.note", lang, note=indicator.note.strip())))
    head(t("explain.definition", lang))
    for text in definition(indicator, lang):
        line(text)

    head(t("explain.inputs", lang))
    if not res.inputs:
        line(t("explain.no_inputs", lang))
    for item in res.inputs:
        value = (
            plain_number(item.value, lang)
            if item.value is not None
            else t("explain.not_reported", lang)
        )
        where = item.location()
        text = f"{item.name} ({item.label}) = {value}" + (f"  [{where}]" if where else "")
        if item.note:
            text += f"  {item.note}"
        line(text)

    head(t("explain.steps", lang))
    line(t("explain.exact", lang))
    for text in steps(indicator, res, lang):
        line(text)

    target = (
        plain_number(res.target, lang) if res.target is not None else t("explain.no_target", lang)
    )
    head(f"{t('explain.target', lang, year=result.year, period=result.period)}: {target}")
    year_target = indicator.target(result.year, "TW4")
    if res.target_basis == "profile" and res.target_share is not None and year_target is not None:
        # the quarter's target is derived: show it so it checks by hand
        line(
            t(
                "explain.target_profile",
                lang,
                year_target=plain_number(year_target, lang),
                share=plain_number(res.target_share, lang),
                target=plain_number(res.target, lang) if res.target is not None else "-",
            )
        )
    elif res.progress is not None and res.target_share is not None:
        line(
            t(
                "explain.target_pace",
                lang,
                share=plain_number(res.target_share, lang),
                progress=t(f"progress.{res.progress}", lang),
            )
        )

    head(t("explain.achievement", lang))
    for text in achievement_lines(catalogue, res, lang):
        line(text)

    style = category_style(result, res.category)
    category = band_text(catalogue, res.category, lang) if res.category else "-"
    head(f"{t('explain.category', lang)}: {category}")
    if style:
        out[-1] = Text(f"{t('explain.category', lang)}: {category}", style=f"bold {style}")
    line(t("explain.category_rule", lang))

    head(f"{t('explain.status', lang)}: {t(f'status.{res.status}', lang)}")
    if res.reason is not None:
        line(res.reason.text(lang))

    head(t("explain.realisations", lang))
    line("  ".join(f"{p}: {number(v, lang)}" for p, v in res.realisations.items()))

    head(t("explain.findings", lang))
    if not res.findings:
        line(t("explain.no_findings", lang))
    for finding in res.findings:
        where = ": ".join(x for x in (finding.file, finding.location()) if x)
        severity = t(finding.severity, lang)
        line(
            f"{severity} {finding.title(lang)} [{where}] {finding.message(lang)}",
            style="red" if finding.is_error else "yellow",
        )
    return out
