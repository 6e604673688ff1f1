"""The yearly report as DOCX: Decree 30's page, fonts and heading; real paragraphs and tables."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.shared import Mm
from sqlmodel import Session

from documents.docx import report_docx, write_docx
from documents.layout import place_and_date
from tests.documents.sample import sample_report, tiny_images


def open_docx(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def all_text(document: Any) -> str:
    """Every paragraph and every table cell, in order."""
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(lines)


def test_the_docx_holds_the_motto_the_province_both_years_and_the_charts(small: Session) -> None:
    document = open_docx(report_docx(sample_report("vi"), small))
    text = all_text(document)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH ĐỒNG NAI",
        "Đồng Nai, ngày 30 tháng 11 năm 2026",
        "Năm 2020",
        "Năm 2019",
        "-14,9 %",
        "Nơi nhận:",
    ):
        assert expected in text
    # Four charts of the catalogue, each a picture with its caption under it.
    assert len(document.inline_shapes) == 4
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Hình 3. Viện trợ cam kết và giải ngân" in captions


def test_the_page_is_a4_portrait_within_the_decree_margins() -> None:
    report = sample_report("vi")
    section = open_docx(write_docx(report, tiny_images(report))).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    assert Mm(20) <= section.top_margin <= Mm(25)
    assert Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35)
    assert Mm(15) <= section.right_margin <= Mm(20)


def test_every_style_writes_times_new_roman_in_every_script() -> None:
    report = sample_report("vi")
    document = open_docx(write_docx(report, tiny_images(report)))
    for name in ("Normal", "Heading 1", "Caption", "Title"):
        style = document.styles[name]
        fonts = style.element.rPr.rFonts
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert fonts.get(qn(attribute)) == "Times New Roman", (name, attribute)
    assert 13 <= document.styles["Normal"].font.size.pt <= 14


def test_headings_and_figure_tables_are_real_ones_the_user_can_edit() -> None:
    report = sample_report("vi")
    document = open_docx(write_docx(report, tiny_images(report)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "I. Tổ chức",
        "II. Giao lưu nhân dân",
        "III. Viện trợ phi chính phủ nước ngoài",
        "Nguồn số liệu",
    ]
    figures = document.tables[1]
    assert [c.text for c in figures.rows[0].cells] == [
        "Chỉ tiêu",
        "Năm 2020",
        "Năm 2019",
        "So với năm trước",
        "Ghi chú",
    ]
    assert [c.text for c in figures.rows[2].cells] == [
        "Chi hội",
        "8",
        "chưa báo cáo",
        "chưa báo cáo",
        "",
    ]


def test_the_letterhead_and_the_signature_tables_have_no_borders() -> None:
    report = sample_report("vi")
    document = open_docx(write_docx(report, tiny_images(report)))
    for table in (document.tables[0], document.tables[-1]):
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    motto = document.tables[0].rows[0].cells[1].paragraphs[1].runs[0]
    assert motto.bold and motto.underline


def test_the_english_report_has_the_same_layout_in_english() -> None:
    report = sample_report("en")
    text = all_text(open_docx(write_docx(report, tiny_images(report))))
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text
    assert "Independence - Freedom - Happiness" in text
    assert "Đồng Nai, 30 November 2026" in text
    assert "Recipients:" in text
    assert "CỘNG HÒA" not in text


def test_the_date_line_writes_small_days_and_early_months_with_a_zero() -> None:
    report = sample_report("vi")
    early = report.letterhead.__class__(
        report.letterhead.parent_body, report.letterhead.issuing_body, "Gia Lai", date(2027, 2, 5)
    )
    early_report = report.__class__(**{**report.__dict__, "letterhead": early})
    assert place_and_date(early_report) == "Gia Lai, ngày 05 tháng 02 năm 2027"
    late = early.__class__(early.parent_body, early.issuing_body, "Gia Lai", date(2027, 11, 5))
    assert place_and_date(report.__class__(**{**report.__dict__, "letterhead": late})) == (
        "Gia Lai, ngày 05 tháng 11 năm 2027"
    )


def test_a_tall_chart_is_printed_narrower_so_it_and_its_caption_fit_a_page() -> None:
    report = sample_report("vi")
    images = [replace(image, width_px=1900, height_px=5000) for image in tiny_images(report)]
    document = open_docx(write_docx(report, images))
    for shape in document.inline_shapes:
        assert shape.height <= Mm(200.1)
        assert shape.width < Mm(80)
    wide = [replace(image, width_px=1900, height_px=1000) for image in tiny_images(report)]
    for shape in open_docx(write_docx(report, wide)).inline_shapes:
        assert abs(shape.width - Mm(164)) < Mm(0.1)  # the text width
