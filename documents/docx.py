"""The yearly report as an editable Word document in the administrative format (python-docx)."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from sqlmodel import Session

from datastore.yearly.document import ReportTable, YearlyReport
from documents import layout
from documents.images import ChartImage, chart_images
from i18n.catalogue import t

_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Caption", "Table Grid")


def report_docx(report: YearlyReport, session: Session) -> bytes:
    """The report as DOCX bytes: letterhead, title, sections with tables and charts, signature."""
    return write_docx(report, chart_images(session, report))


def write_docx(report: YearlyReport, images: list[ChartImage]) -> bytes:
    """The DOCX of a report whose charts are already drawn."""
    document = Document()
    _page(document)
    _styles(document)
    _letterhead(document, report)
    _title(document, report)
    for section, items in layout.section_items(report):
        document.add_paragraph(section.heading, style="Heading 1")
        for text in section.paragraphs:
            document.add_paragraph(text, style="Normal")
        for item in items:
            if item.table is not None:
                _caption(document, item.caption)
                _table(document, item.table, item.widths_mm)
            else:
                image = images[item.chart_index]
                _picture(document, image)
                _caption(document, layout.chart_caption(item, report.lang, image.title))
    if report.sources:
        document.add_paragraph(t("report_file.sources", report.lang), style="Heading 1")
        for source in report.sources:
            document.add_paragraph(source, style="List Bullet")
    _closing(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(layout.PAGE_WIDTH_MM), Mm(layout.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = (
        Mm(layout.MARGIN_TOP_MM),
        Mm(layout.MARGIN_BOTTOM_MM),
    )
    section.left_margin, section.right_margin = (
        Mm(layout.MARGIN_LEFT_MM),
        Mm(layout.MARGIN_RIGHT_MM),
    )
    # Decree 30: the page number centred at the top, from the second page on.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field: Word writes the page's number in."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is None:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _styles(document: DocxDocument) -> None:
    """Times New Roman in every style, for every script, so Word never falls back to another."""
    for name in _STYLES:
        style = document.styles[name]
        font = style.font
        font.name = layout.FONT
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(attribute), layout.FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(theme), None)
        font.color.rgb = None
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.font.size = Pt(layout.BODY_PT)
    spacing = normal.paragraph_format
    spacing.space_after = Pt(6)
    spacing.line_spacing = 1.15
    spacing.first_line_indent = Cm(1)
    spacing.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name in ("Heading 1", "Heading 2"):
        heading = document.styles[name]
        assert isinstance(heading, ParagraphStyle)
        heading.font.size = Pt(layout.BODY_PT)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = None
        heading.paragraph_format.first_line_indent = Cm(1) if name == "Heading 1" else Cm(0)
        heading.paragraph_format.space_before = Pt(12)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True
    caption = document.styles["Caption"]
    assert isinstance(caption, ParagraphStyle)
    caption.font.size = Pt(layout.SMALL_PT)
    caption.font.bold = False
    caption.font.italic = True
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.first_line_indent = Cm(0)
    caption.paragraph_format.space_before = Pt(3)
    caption.paragraph_format.space_after = Pt(9)
    bullets = document.styles["List Bullet"]
    assert isinstance(bullets, ParagraphStyle)
    bullets.paragraph_format.first_line_indent = Cm(0)


def _borderless(table: Table) -> None:
    """No lines around or inside: a letterhead or signature laid out in two columns."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "nil")
        borders.append(line)
    table._tbl.tblPr.append(borders)


def _line(cell: _Cell, text: str, *, bold: bool = False, size: float = 13, **run: bool) -> None:
    """One centred line in a cell (its first paragraph, then new ones)."""
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    written = paragraph.add_run(text)
    written.bold = bold
    written.font.size = Pt(size)
    written.italic = run.get("italic", False)
    written.underline = run.get("underline", False)


def _two_columns(document: DocxDocument, left_mm: float) -> tuple[_Cell, _Cell]:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    widths = (Mm(left_mm), Mm(layout.TEXT_WIDTH_MM - left_mm))
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = width
    left, right = table.rows[0].cells
    return left, right


def _letterhead(document: DocxDocument, report: YearlyReport) -> None:
    """Decree 30's heading: the issuing body left, the national motto right, the date under it."""
    head = report.letterhead
    left, right = _two_columns(document, 68)
    if head.parent_body:
        _line(left, head.parent_body.upper(), size=12)
    _line(left, head.issuing_body.upper(), bold=True, size=12)
    _line(left, "―――――", size=10)
    _line(left, t("report_file.number", report.lang), size=13)
    _line(right, t("report_file.motto_country", report.lang), bold=True, size=12)
    _line(right, t("report_file.motto", report.lang), bold=True, size=13, underline=True)
    _line(right, "", size=8)
    _line(right, layout.place_and_date(report), size=13, italic=True)


def _title(document: DocxDocument, report: YearlyReport) -> None:
    for text, size, space in ((report.title, 14, 18), (report.subtitle, 14, 0)):
        paragraph = document.add_paragraph(style="Title")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(space)
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(size)
    _line_under_title(document)


def _line_under_title(document: DocxDocument) -> None:
    paragraph = document.add_paragraph("―――――", style="Normal")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    paragraph.paragraph_format.space_after = Pt(12)


def _caption(document: DocxDocument, text: str) -> None:
    document.add_paragraph(text, style="Caption")


def _table(document: DocxDocument, table: ReportTable, widths_mm: tuple[float, ...] = ()) -> None:
    """A real Word table: a bold header row, figures right-aligned."""
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.header))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths_mm:
        grid.autofit = False
        for column, width in zip(grid.columns, widths_mm, strict=True):
            for cell in column.cells:  # Word reads the cells' widths, LibreOffice the grid's
                cell.width = Mm(width)
            column.width = Mm(width)
    for row_index, row in enumerate((table.header, *table.rows)):
        for column, text in enumerate(row):
            cell = grid.rows[row_index].cells[column]
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.first_line_indent = Cm(0)
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.line_spacing = 1.0
            header = row_index == 0
            right = table.numeric[column] and not header
            paragraph.alignment = (
                WD_ALIGN_PARAGRAPH.CENTER
                if header
                else WD_ALIGN_PARAGRAPH.RIGHT
                if right
                else WD_ALIGN_PARAGRAPH.LEFT
            )
            run = paragraph.add_run(text)
            run.bold = header
            run.font.size = Pt(layout.SMALL_PT + 1)
    _repeat_header(grid)
    spacer = document.add_paragraph(style="Normal")
    spacer.paragraph_format.space_after = Pt(3)


def _repeat_header(grid: Table) -> None:
    """The header row printed again on each page a long table runs onto."""
    properties = grid.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)


def _picture(document: DocxDocument, image: ChartImage) -> None:
    paragraph = document.add_paragraph(style="Normal")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.keep_with_next = True
    width = Mm(layout.picture_width_mm(image.width_px, image.height_px))
    paragraph.add_run().add_picture(io.BytesIO(image.png), width=width)


def _closing(document: DocxDocument, report: YearlyReport) -> None:
    """ "Nơi nhận" left, the signer right, room for the signature under the signer's lines."""
    document.add_paragraph(style="Normal").add_run().add_break(WD_BREAK.LINE)
    left, right = _two_columns(document, 80)
    recipients = left.paragraphs[0]
    recipients.paragraph_format.first_line_indent = Cm(0)
    run = recipients.add_run(t("report_file.recipients", report.lang))
    run.bold, run.italic, run.font.size = True, True, Pt(12)
    for line in report.recipients:
        paragraph = left.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Cm(0)
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(line).font.size = Pt(layout.SMALL_PT)
    for line in report.signer:
        _line(right, line, bold=True, size=13)
    _line(right, t("report_file.signature", report.lang), size=12, italic=True)
