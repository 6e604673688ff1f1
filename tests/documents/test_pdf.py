"""The yearly report as PDF: A4, selectable Vietnamese text with diacritics, an embedded font."""

from __future__ import annotations

import io
import unicodedata
from typing import Any

import pypdf
from sqlmodel import Session

from documents.pdf import report_pdf, write_pdf
from tests.documents.sample import sample_report, tiny_images

A4_POINTS = (595.28, 841.89)


def read_pdf(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def text_of(reader: pypdf.PdfReader) -> str:
    """The text a reader selects, composed (NFC) and on one line per page line."""
    return unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages))


def test_the_pdf_text_holds_the_figures_with_intact_diacritics(small: Session) -> None:
    reader = read_pdf(report_pdf(sample_report("vi"), small))
    text = text_of(reader)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Đồng Nai, ngày 30 tháng 11 năm 2026",
        "Tổng kết công tác đối ngoại nhân dân năm 2020",
        "Năm 2020",
        "Năm 2019",
        "-14,9 %",
        "chưa báo cáo",
        "Hình 4. Viện trợ theo lĩnh vực",
        "Nơi nhận:",
    ):
        assert expected in text, expected
    # The four charts are pictures (WeasyPrint shares one resource list between the pages).
    assert len({image.data for page in reader.pages for image in page.images}) == 4


def test_every_page_is_a4_and_the_font_is_liberation_serif_embedded() -> None:
    report = sample_report("vi")
    reader = read_pdf(write_pdf(report, tiny_images(report)))
    fonts: set[str] = set()
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4_POINTS
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            described = font.get_object()
            descendants = described.get("/DescendantFonts")
            inner = descendants[0].get_object() if descendants else described
            descriptor = inner["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add(str(described["/BaseFont"]).split("+")[-1])
    # Regular, bold, italic and the bold italic of "Nơi nhận:": one family and nothing else.
    assert all(name.startswith("Liberation-Serif") for name in fonts), fonts
    assert "Liberation-Serif" in fonts


def test_the_english_pdf_has_the_english_motto_and_the_same_figures() -> None:
    report = sample_report("en")
    text = text_of(read_pdf(write_pdf(report, tiny_images(report))))
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text
    assert "Đồng Nai, 30 November 2026" in text
    assert "-14,9 %" in text  # the sample's own figure text, as the report wrote it
    assert "not reported" in text
