"""Chapter III of the LKjIP as a Word document (python-docx; charts with matplotlib's Agg).

Only lays out a :class:`iku_cli.core.chapter.Chapter`: every figure and text comes from it.
Both libraries are imported inside the functions, so ``iku --help`` never loads them.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.chapter import Chapter, GoalPart, IndicatorPart
from ..core.numbers import plain
from ..core.result import rounded
from ..i18n import Lang, number, t
from ..version import __version__

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

# A4 portrait, 2.5 cm margins left and right: 16 cm for text and tables
PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGIN_CM = 2.5
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM
TABLE_FONT_PT = 8.5
BODY_FONT_PT = 11
KEEP_TOGETHER_ROWS = 25


def figure(value: Decimal | None, lang: Lang) -> str:
    """An achievement or a percentage: two decimals, ``98,16``; ``-`` for none."""
    return number(value, lang, 2) if value is not None else "-"


def amount(value: Decimal | None, lang: Lang) -> str:
    """A target or a value as typed, rounded half-up to 2 places: ``95``, ``94,74``."""
    shown = rounded(value)
    return plain(shown, lang) if shown is not None else "-"


def rupiah(value: Decimal | None, lang: Lang) -> str:
    return number(value, lang, 0) if value is not None else "-"


class _Writer:
    def __init__(self, chapter: Chapter, lang: Lang) -> None:
        from docx import Document

        self.chapter = chapter
        self.lang = lang
        self.doc: DocumentObject = Document()
        self.tables = 0
        self.charts = 0
        self._page_setup()

    # ------------------------------------------------------------------ basics
    def _page_setup(self) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm, Pt

        for section in self.doc.sections:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width = Cm(PAGE_WIDTH_CM)
            section.page_height = Cm(PAGE_HEIGHT_CM)
            section.left_margin = section.right_margin = Cm(MARGIN_CM)
            section.top_margin = section.bottom_margin = Cm(2.5)
        normal: Any = self.doc.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(BODY_FONT_PT)
        normal.paragraph_format.space_after = Pt(6)
        core = self.doc.core_properties
        core.title = f"{t('lkjip.chapter', self.lang)} {self.chapter.year}"
        core.author = f"iku {__version__}"
        core.comments = f"catalogue sha256 {self.chapter.catalogue_sha256}"

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(text, level=level)

    def para(
        self, text: str, *, italic: bool = False, bold: bool = False, justify: bool = True
    ) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph = self.doc.add_paragraph()
        run = paragraph.add_run(text)
        run.italic = italic
        run.bold = bold
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if justify else WD_ALIGN_PARAGRAPH.LEFT
        return paragraph

    def caption(self, key: str, **params: object) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        self.tables += 1
        paragraph = self.doc.add_paragraph()
        run = paragraph.add_run(t(key, self.lang, n=self.tables, **params))
        run.bold = True
        run.font.size = Pt(10)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_before = Pt(6)

    def table(
        self,
        head: list[str],
        rows: list[list[str]],
        widths: list[float],
        numeric_from: int,
        *,
        mono_from: int | None = None,
        text_after: int | None = None,
    ) -> None:
        """A grid table with a repeated bold header; columns from ``numeric_from`` on are
        right-aligned, from ``mono_from`` on in a small fixed-width font (fingerprints).
        ``widths`` in cm, summing to at most the text width."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Cm, Pt

        table = self.doc.add_table(rows=1 + len(rows), cols=len(head))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for c, width in enumerate(widths):
            table.columns[c].width = Cm(width)
        # a table that fits on a page is kept on one page (with its caption): the rows'
        # paragraphs keep with the next; no row is split across pages
        together = len(rows) <= KEEP_TOGETHER_ROWS
        for r, values in enumerate([head, *rows]):
            row = table.rows[r]
            no_split = OxmlElement("w:cantSplit")
            no_split.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(no_split)
            if r == 0:
                props = row._tr.get_or_add_trPr()
                repeat = OxmlElement("w:tblHeader")
                repeat.set(qn("w:val"), "true")
                props.append(repeat)
            for c, value in enumerate(values):
                cell = row.cells[c]
                cell.width = Cm(widths[c])
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.paragraph_format.keep_with_next = together and r < len(rows)
                run = paragraph.add_run(value)
                run.font.size = Pt(TABLE_FONT_PT)
                if r and mono_from is not None and c >= mono_from:
                    run.font.name = "Courier New"
                    run.font.size = Pt(6.5)
                if r == 0:
                    run.bold = True
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    shade = OxmlElement("w:shd")
                    shade.set(qn("w:val"), "clear")
                    shade.set(qn("w:color"), "auto")
                    shade.set(qn("w:fill"), "D9E2F3")
                    cell._tc.get_or_add_tcPr().append(shade)
                elif (c >= numeric_from and (text_after is None or c <= text_after)) or c == 0:
                    paragraph.alignment = (
                        WD_ALIGN_PARAGRAPH.RIGHT if c else WD_ALIGN_PARAGRAPH.CENTER
                    )
        self.doc.add_paragraph().paragraph_format.space_after = Pt(2)

    # ----------------------------------------------------------------- content
    def write(self) -> None:
        chapter, lang = self.chapter, self.lang
        self.heading(t("lkjip.chapter", lang), 1)
        if chapter.provisional:
            self.para(
                t("lkjip.provisional", lang, period=chapter.period, year=chapter.year), bold=True
            )
        self.heading(t("lkjip.part_a", lang), 2)
        overall = chapter.overall
        self.para(
            t(
                "lkjip.intro",
                lang,
                year=chapter.year,
                organisation=chapter.organisation,
                goals=len(chapter.goals),
                total=overall.total,
                assessed=overall.assessed,
                achievement=figure(overall.achievement, lang),
                category=overall.category or t("lkjip.no_category", lang),
            )
        )
        self.para(t("lkjip.intro_method", lang, scale=", ".join(chapter.categories)))
        for goal in chapter.goals:
            self.goal(goal)
        self.budget()
        self.sources()

    def goal(self, goal: GoalPart) -> None:
        chapter, lang = self.chapter, self.lang
        self.heading(t("lkjip.goal", lang, code=goal.code, statement=goal.statement), 3)
        # 1. measurement
        self.caption("lkjip.caption.measure", code=goal.code, year=chapter.year)
        head = [
            t("lkjip.col.no", lang),
            t("lkjip.col.indicator", lang),
            t("lkjip.col.unit", lang),
            t("lkjip.col.target", lang),
            t("lkjip.col.value", lang),
            t("lkjip.col.achievement", lang),
            t("lkjip.col.category", lang),
        ]
        rows = [
            [
                str(part.number),
                f"{part.row.code} {part.row.name}",
                part.row.unit,
                amount(part.row.target, lang),
                amount(part.row.value, lang),
                figure(part.row.achievement, lang),
                part.row.category or t("lkjip.no_category", lang),
            ]
            for part in goal.indicators
        ]
        self.table(head, rows, [0.9, 6.2, 1.9, 1.6, 1.7, 1.6, 2.1], numeric_from=3, text_after=5)
        if goal.achievement is None:
            self.para(t("lkjip.goal_none", lang, code=goal.code, year=chapter.year), bold=True)
        else:
            self.para(
                t(
                    "lkjip.goal_result",
                    lang,
                    code=goal.code,
                    year=chapter.year,
                    achievement=figure(goal.achievement, lang),
                    category=goal.category or t("lkjip.no_category", lang),
                    assessed=goal.assessed,
                    total=goal.total,
                ),
                bold=True,
            )
        self.chart(goal)
        # 2-4. earlier years, end target, benchmark
        self.compare(goal)
        # 5 and 7. per indicator: facts, the bureau's analysis, programmes
        for part in goal.indicators:
            self.indicator(part)
        # 6. efficiency
        if goal.budget is not None and goal.efficiency is not None:
            budget = goal.budget
            self.para(
                t(
                    "lkjip.efficiency",
                    lang,
                    code=goal.code,
                    achievement=figure(goal.achievement, lang),
                    absorption=figure(budget.absorption, lang),
                    realisasi=rupiah(budget.realisasi, lang),
                    pagu=rupiah(budget.pagu, lang),
                    points=figure(goal.efficiency, lang),
                )
            )
        elif goal.budget is None:
            self.para(t("lkjip.no_budget", lang, code=goal.code, year=chapter.year), italic=True)

    def compare(self, goal: GoalPart) -> None:
        chapter, lang = self.chapter, self.lang
        years = chapter.earlier_years
        if years:
            self.para(
                t(
                    "lkjip.compare_intro",
                    lang,
                    years=", ".join(str(y) for y in years),
                    final_year=chapter.final_year,
                    year=chapter.year,
                )
            )
        else:
            self.para(t("lkjip.no_earlier", lang, year=chapter.year), italic=True)
        self.caption("lkjip.caption.compare", code=goal.code)
        # the indicators' names stand in the measurement table just above: the code here
        head = [t("lkjip.col.code", lang), t("lkjip.col.baseline", lang)]
        for y in [*years, chapter.year]:
            head.append(t("lkjip.col.year_value", lang, year=y))
            head.append(t("lkjip.col.year_achievement", lang, year=y))
        head += [
            t("lkjip.col.final_target", lang, year=chapter.final_year),
            t("lkjip.col.progress", lang),
            t("lkjip.col.benchmark", lang),
        ]
        rows = []
        sources = []
        for part in goal.indicators:
            row = part.row
            earlier = {c.year: c for c in row.earlier}
            cells = [row.code]
            baseline = amount(row.baseline_value, lang)
            cells.append(f"{baseline} ({row.baseline_year})" if row.baseline_year else baseline)
            for y in years:
                cell = earlier.get(y)
                cells.append(amount(cell.value if cell else None, lang))
                cells.append(figure(cell.achievement if cell else None, lang))
            cells += [amount(row.value, lang), figure(row.achievement, lang)]
            cells += [
                amount(row.final_target, lang),
                figure(row.progress, lang),
                amount(row.benchmark_value, lang),
            ]
            rows.append(cells)
            if row.benchmark_source:
                sources.append(f"IKU {row.code}: {row.benchmark_source}")
        numbers = len(head) - 1
        each = min(2.2, (TEXT_WIDTH_CM - 1.2) / numbers)
        self.table(head, rows, [1.2] + [each] * numbers, numeric_from=1)
        if sources:
            self.para(t("lkjip.benchmark_source", lang, items="; ".join(sources)), italic=True)

    def indicator(self, part: IndicatorPart) -> None:
        from docx.shared import Pt

        chapter, lang, row = self.chapter, self.lang, part.row
        self.heading(t("lkjip.indicator_head", lang, code=row.code, name=row.name), 4)
        facts: list[str] = []
        if row.achievement is not None:
            facts.append(
                t(
                    "lkjip.fact.achieved",
                    lang,
                    code=row.code,
                    year=chapter.year,
                    value=amount(row.value, lang),
                    target=amount(row.target, lang),
                    unit=row.unit,
                    achievement=figure(row.achievement, lang),
                    category=row.category or t("lkjip.no_category", lang),
                )
            )
        else:
            reason = part.reason.text(lang).rstrip(".") if part.reason else (part.status or "-")
            facts.append(
                t("lkjip.fact.not_assessed", lang, code=row.code, year=chapter.year, reason=reason)
            )
        last = next((c for c in row.earlier if c.year == chapter.year - 1), None)
        if last is not None and row.achievement is not None:
            previous = figure(last.achievement, lang)
            if row.change is None:
                facts.append(t("lkjip.fact.no_change", lang, last=last.year))
            else:
                change = rounded(row.change) or Decimal(0)
                key = (
                    "lkjip.fact.change_up"
                    if change > 0
                    else "lkjip.fact.change_down"
                    if change < 0
                    else "lkjip.fact.change_same"
                )
                facts.append(
                    t(
                        key,
                        lang,
                        last=last.year,
                        previous=previous,
                        points=figure(abs(change), lang),
                    )
                )
        if row.progress is not None:
            facts.append(
                t(
                    "lkjip.fact.progress",
                    lang,
                    final_year=row.final_year,
                    final_target=amount(row.final_target, lang),
                    unit=row.unit,
                    progress=figure(row.progress, lang),
                )
            )
        if row.benchmark_value is not None:
            facts.append(
                t(
                    "lkjip.fact.benchmark",
                    lang,
                    benchmark=amount(row.benchmark_value, lang),
                    unit=row.unit,
                    source=row.benchmark_source or "-",
                )
            )
        self.para(" ".join(facts))
        for quote in part.quotes:
            label = t(f"lkjip.quote.{quote.name}", lang)
            paragraph = self.doc.add_paragraph(style="List Bullet")
            head = paragraph.add_run(f"{label}: ")
            head.bold = True
            if quote.text is None:
                what = label.lower()
                run = paragraph.add_run(t("lkjip.placeholder", lang, owner=part.owner, what=what))
                run.italic = True
            else:
                paragraph.add_run(f"\u201c{quote.text}\u201d")
                if quote.source:
                    note = paragraph.add_run(
                        f" ({t('lkjip.quote.source', lang, source=quote.source)})"
                    )
                    note.italic = True
                    note.font.size = Pt(9)
        if row.programmes:
            self.para(t("lkjip.programmes", lang, items="; ".join(row.programmes)))
        else:
            self.para(t("lkjip.no_programmes", lang), italic=True)

    def chart(self, goal: GoalPart) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        png = chart_png(goal, self.lang)
        if png is None:
            return
        self.charts += 1
        self.doc.add_picture(io.BytesIO(png), width=Cm(14))
        self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph = self.doc.add_paragraph()
        run = paragraph.add_run(
            t(
                "lkjip.caption.chart",
                self.lang,
                n=self.charts,
                code=goal.code,
                year=self.chapter.year,
            )
        )
        run.italic = True
        run.font.size = Pt(9)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def budget(self) -> None:
        chapter, lang = self.chapter, self.lang
        self.heading(t("lkjip.part_b", lang), 2)
        goals = chapter.budgets
        if not goals:
            self.para(t("lkjip.no_budgets", lang, year=chapter.year), italic=True)
            return
        self.para(t("lkjip.budget_intro", lang))
        self.caption("lkjip.caption.budget", year=chapter.year)
        head = [
            t("lkjip.col.no", lang),
            t("lkjip.col.goal", lang),
            t("lkjip.col.pagu", lang),
            t("lkjip.col.realisasi", lang),
            t("lkjip.col.absorption", lang),
            t("lkjip.col.achievement", lang),
            t("lkjip.col.efficiency", lang),
        ]
        rows = []
        pagu = realisasi = Decimal(0)
        for n, goal in enumerate(goals, 1):
            assert goal.budget is not None
            rows.append(
                [
                    str(n),
                    f"{goal.code} {goal.statement}",
                    rupiah(goal.budget.pagu, lang),
                    rupiah(goal.budget.realisasi, lang),
                    figure(goal.budget.absorption, lang),
                    figure(goal.achievement, lang),
                    figure(goal.efficiency, lang),
                ]
            )
            pagu += goal.budget.pagu
            realisasi += goal.budget.realisasi or 0
        share = realisasi / pagu * 100 if pagu else None
        rows.append(
            [
                "",
                t("lkjip.total", lang),
                rupiah(pagu, lang),
                rupiah(realisasi, lang),
                figure(share, lang),
                "",
                "",
            ]
        )
        self.table(head, rows, [0.8, 4.6, 2.5, 2.5, 1.8, 1.8, 2.0], numeric_from=2)

    def sources(self) -> None:
        chapter, lang = self.chapter, self.lang
        self.heading(t("lkjip.part_c", lang), 2)
        self.para(
            t(
                "lkjip.sources_intro",
                lang,
                version=__version__,
                catalogue=Path(chapter.catalogue_file).name or "indicators.yaml",
                sha256=chapter.catalogue_sha256,
            ),
            justify=False,
        )
        self.caption("lkjip.caption.sources")
        head = [t("lkjip.col.no", lang), t("lkjip.col.file", lang), t("lkjip.col.sha256", lang)]
        rows = [[str(n), s.file, s.sha256] for n, s in enumerate(chapter.sources, 1)]
        self.table(head, rows, [0.8, 5.6, 9.6], numeric_from=99, mono_from=2)


def chart_png(goal: GoalPart, lang: Lang) -> bytes | None:
    """A bar per indicator (its achievement), a dashed line at 100%; None without any
    assessed indicator."""
    shown = [p for p in goal.indicators if p.row.achievement is not None]
    if not shown:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    codes = [p.row.code for p in shown]
    values = [float(rounded(p.row.achievement) or 0) for p in shown]
    fig, ax = pyplot.subplots(figsize=(6.4, 2.8), dpi=150)
    try:
        bars = ax.bar(codes, values, color="#2E75B6", width=0.6)
        ax.axhline(100, color="#444444", linestyle="--", linewidth=1)
        top = max([*values, 100.0])
        ax.set_ylim(min(0.0, *values), top * 1.18)
        for bar, value in zip(bars, values, strict=True):
            ax.annotate(
                number(Decimal(str(value)), lang, 2),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=8,
                xytext=(0, 2),
                textcoords="offset points",
            )
        ax.set_ylabel(t("lkjip.col.achievement", lang), fontsize=8)
        ax.set_xlabel("IKU", fontsize=8)
        ax.tick_params(labelsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        pyplot.close(fig)


def write_chapter(chapter: Chapter, path: Path, lang: Lang = "id") -> tuple[int, int]:
    """Write the chapter to ``path`` (a temporary file the caller renames); returns how
    many tables and charts it holds."""
    writer = _Writer(chapter, lang)
    writer.write()
    writer.doc.save(str(path))
    return writer.tables, writer.charts


__all__ = ["amount", "chart_png", "figure", "rupiah", "write_chapter"]
