"""The report page in Chromium from a typed link: figures and charts drawn, files downloaded."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from docx import Document
from pypdf import PdfReader

from i18n.catalogue import t
from testkit.browser import Visit, charts, screenshot, wait_until_settled
from testkit.chromium import SETTLED_JS
from testkit.server import DashboardServer

pytestmark = pytest.mark.browser

FIRST_RUN_TIMEOUT_MS = 120_000
DOWNLOAD_TIMEOUT_MS = 120_000  # the first file starts Chromium to draw the charts


def _download(visit: Visit, kind: str) -> tuple[str, bytes]:
    with visit.page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as download:
        label = t(f"report_page.download_{kind}", "vi")
        visit.page.locator(f".st-key-report_{kind}").get_by_role("button", name=label).click()
    return download.value.suggested_filename, Path(download.value.path()).read_bytes()


def test_a_typed_report_link_shows_the_report_and_downloads_its_files(
    dashboard: DashboardServer, visit: Visit
) -> None:
    page = visit.page
    page.goto(dashboard.url("report", quote("province=dong nai&year=2020", safe="=&")))
    # The first report of a server session builds its figures and charts from cold caches.
    page.wait_for_function(SETTLED_JS, timeout=FIRST_RUN_TIMEOUT_MS)
    wait_until_settled(page)

    assert parse_qs(urlsplit(page.url).query) == {"province": ["75"], "year": ["2020"]}
    main = page.locator('[data-testid="stMain"]')
    assert "ĐỒNG NAI" in main.inner_text()
    assert page.locator('[data-testid="stMetric"]').count() >= 3
    drawn = charts(page)
    assert drawn and all(chart["traces"] for chart in drawn)
    screenshot(page, "report_page")

    name, docx = _download(visit, "docx")
    assert name == "bao-cao-nam-2020_dong-nai.docx"
    assert docx.startswith(b"PK\x03\x04")
    document = Document(io.BytesIO(docx))
    # The letterhead is a borderless table of two cells.
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join([*(p.text for p in document.paragraphs), *cells])
    assert t("report_file.motto_country", "vi") in text
    name, pdf = _download(visit, "pdf")
    assert name == "bao-cao-nam-2020_dong-nai.pdf"
    assert pdf.startswith(b"%PDF-")
    assert "ĐỒNG NAI" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert visit.blocked == []
