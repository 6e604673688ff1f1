"""What the DOCX and the PDF print alike: the page, the date line, the captions, the tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel import dates

from datastore.yearly.document import ReportFigure, ReportTable, Section, YearlyReport
from i18n.catalogue import Lang, t

# Decree 30/2020/NĐ-CP, appendix I: A4 portrait, margins within top and bottom 20-25 mm, left
# 30-35 mm, right 15-20 mm; body text 13-14 pt. The smallest margins leave the charts most room.
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGIN_TOP_MM = MARGIN_BOTTOM_MM = 20
MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 30, 16  # Word stores twips: 15 mm would round below 15
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM
BODY_PT = 13
SMALL_PT = 11  # tables, captions, "Nơi nhận" lines
FONT = "Times New Roman"  # the DOCX's font; the PDF embeds Liberation Serif, its metric twin
# A picture never taller than this, so a long ranking keeps its caption on its page (257 mm of
# text height less the caption and the heading that may come with it).
PICTURE_MAX_HEIGHT_MM = 200
# The figures table's columns (label, year, year before, change, note) across the text width.
FIGURE_COLUMNS_MM = (50, 22, 22, 26, 44)


def picture_width_mm(width_px: int, height_px: int) -> float:
    """The width a chart is printed at: the text width, narrower for a tall one."""
    return min(float(TEXT_WIDTH_MM), PICTURE_MAX_HEIGHT_MM * width_px / max(height_px, 1))


def place_and_date(report: YearlyReport) -> str:
    """ "Đồng Nai, ngày 30 tháng 11 năm 2026" (a day below 10 and January, February with a 0)."""
    head = report.letterhead
    day: date = head.issued_on
    if report.lang == "vi":
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        return t(
            "report_file.place_date",
            "vi",
            place=head.place,
            day=f"{day.day:02d}",
            month=month,
            year=day.year,
        )
    month_name = dates.format_date(day, "MMMM", locale="en")
    return t(
        "report_file.place_date",
        "en",
        place=head.place,
        day=day.day,
        month=month_name,
        year=day.year,
    )


@dataclass(frozen=True)
class Numbered:
    """A table or a picture of the report with its caption, numbered in reading order."""

    caption: str  # a chart's gets the chart's title once drawn: chart_caption()
    table: ReportTable | None = None  # None: a chart, its index into the report's images
    chart_index: int = -1
    number: int = 0
    widths_mm: tuple[float, ...] = ()  # column widths; none: as the text needs


def figures_table(section: Section, report: YearlyReport, number: int) -> Numbered:
    """The section's figures as a table: the year, the year before, the change, the note."""
    lang: Lang = report.lang
    year, previous = report.year, report.year - 1
    header = (
        t("report_file.figure_label", lang),
        t("report_file.year", lang, year=year),
        t("report_file.year", lang, year=previous),
        t("report_file.change", lang),
        t("report_file.note", lang),
    )
    rows = tuple(_figure_row(figure) for figure in section.figures)
    caption = t(
        "report_file.figures_caption",
        lang,
        number=number,
        heading=_plain_heading(section.heading),
        year=year,
        previous=previous,
    )
    table = ReportTable(caption, header, rows, (False, True, True, True, False))
    return Numbered(caption, table, widths_mm=FIGURE_COLUMNS_MM)


def _figure_row(figure: ReportFigure) -> tuple[str, ...]:
    return (
        figure.label,
        figure.value_text,
        figure.previous_text,
        figure.change_text,
        figure.note,
    )


def _plain_heading(heading: str) -> str:
    """A heading without its numbering ("I. Tổ chức" -> "Tổ chức") for a caption."""
    number, dot, rest = heading.partition(". ")
    return rest if dot and len(number) <= 5 and number.replace(".", "").isalnum() else heading


def section_items(report: YearlyReport) -> list[tuple[Section, list[Numbered]]]:
    """Each section with its tables and charts, captions numbered through the whole report."""
    lang: Lang = report.lang
    tables = charts = 0
    found: list[tuple[Section, list[Numbered]]] = []
    for section in report.sections:
        items: list[Numbered] = []
        if section.figures:
            tables += 1
            items.append(figures_table(section, report, tables))
        for table in section.tables:
            tables += 1
            caption = t("report_file.table_caption", lang, number=tables, caption=table.caption)
            items.append(Numbered(caption, table))
        for _ in section.charts:
            charts += 1
            items.append(Numbered("", None, charts - 1, charts))
        found.append((section, items))
    return found


def chart_caption(item: Numbered, lang: Lang, title: str) -> str:
    """ "Hình 2. Viện trợ cam kết và giải ngân": the chart's number and its own title."""
    return t("report_file.chart_caption", lang, number=item.number, title=title)
