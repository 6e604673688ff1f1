"""The Data page in Chromium: no table toolbar on the previews, and downloads with every row."""

from __future__ import annotations

import io

import openpyxl
import pytest
from sqlmodel import Session

from datastore.db import get_engine
from datastore.export import file_name
from datastore.extracts import EXTRACT_COLUMNS
from datastore.extracts.reading import count_rows
from datastore.filters import Filters
from datastore.queries.options import list_years
from datastore.vocabulary import DATA_KINDS
from i18n.catalogue import t
from i18n.formatting import format_number
from testkit.browser import Visit, download_link, open_page, screenshot
from testkit.server import DashboardServer
from ui.extract_tab import PREVIEW_KEY, PREVIEW_ROWS

pytestmark = pytest.mark.browser


def page_filters(dashboard: DashboardServer) -> Filters:
    """The filters the Data page starts with: every year."""
    with Session(get_engine(dashboard.database_url)) as session:
        years = list_years(session=session)
    return Filters(year_from=min(years), year_to=max(years))


def test_the_csv_link_downloads_every_row_with_the_header_and_the_page_file_name(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, dashboard.url("data"))
    visit.page.locator('[data-testid="stTab"]', has_text=t("data.tab.exchanges", "vi")).click()
    data, name = download_link(visit.page, "download_exchanges_csv")
    filters = page_filters(dashboard)
    assert name == file_name("exchanges", filters=filters, fmt="csv")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ",".join(EXTRACT_COLUMNS["exchanges"])
    with Session(get_engine(dashboard.database_url)) as session:
        total = count_rows("exchanges", session=session, filters=filters)
    assert len(lines) - 2 == total > PREVIEW_ROWS  # the header, and "" after the last CRLF
    shown = visit.page.locator(".st-key-download_exchanges_csv a").inner_text()
    assert shown.strip().endswith(t("extract.download.csv", "vi", rows=format_number(total, "vi")))


def test_no_preview_shows_the_table_toolbar_and_its_own_download(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, dashboard.url("data"))
    page = visit.page
    for kind in DATA_KINDS:
        page.locator('[data-testid="stTab"]', has_text=t(f"data.tab.{kind}", "vi")).click()
        preview = page.locator(f".st-key-{PREVIEW_KEY}_{kind} [data-testid='stDataFrame']")
        preview.hover()  # the toolbar comes up on hover
        toolbar = page.locator(f".st-key-{PREVIEW_KEY}_{kind} [data-testid='stElementToolbar']")
        toolbar.first.wait_for(state="attached")  # Streamlit still draws it...
        assert not toolbar.first.is_visible(), f"the {kind} preview shows its toolbar"  # ...hidden
        assert page.get_by_role("button", name="Download as CSV").count() == 0
    screenshot(page, "data-vi-toolbar-hidden")


def test_the_preview_says_how_many_rows_and_the_excel_holds_them_all(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, dashboard.url("data"))
    with Session(get_engine(dashboard.database_url)) as session:
        total = count_rows("members", session=session, filters=Filters())
    rows = format_number(total, "vi")
    caption = (
        t("extract.preview.first", "vi", shown=PREVIEW_ROWS, total=rows)
        if total > PREVIEW_ROWS
        else t("extract.preview.all", "vi", total=rows)
    )
    assert visit.page.get_by_text(caption).count() == 1
    link = visit.page.locator(".st-key-download_members_xlsx a")
    assert link.inner_text().strip().endswith(t("extract.download.xlsx", "vi", rows=rows))

    data, name = download_link(visit.page, "download_members_xlsx")
    assert name == file_name("members", filters=page_filters(dashboard), fmt="xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    data = book.worksheets[0]
    assert data.max_row - 1 == total
    assert data.auto_filter.ref == f"A1:{data.cell(1, data.max_column).column_letter}{total + 1}"
