"""The Data page in Chromium: no table toolbar on the previews, and downloads with every row."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import Session

from datastore.db import get_engine
from datastore.extracts.reading import count_rows
from datastore.filters import Filters
from datastore.vocabulary import DATA_KINDS
from i18n.catalogue import t
from i18n.formatting import format_number
from testkit.browser import Visit, open_page, screenshot
from testkit.server import DashboardServer
from ui.extract_tab import PREVIEW_KEY, PREVIEW_ROWS

pytestmark = pytest.mark.browser


def _download(visit: Visit, key: str) -> bytes:
    with visit.page.expect_download() as download:
        visit.page.locator(f".st-key-{key} button").click()
    return Path(download.value.path()).read_bytes()


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
    button = visit.page.locator(".st-key-download_members_xlsx button")
    assert button.inner_text().strip().endswith(t("extract.download.xlsx", "vi", rows=rows))

    book = openpyxl.load_workbook(io.BytesIO(_download(visit, "download_members_xlsx")))
    data = book.worksheets[0]
    assert data.max_row - 1 == total
    assert data.auto_filter.ref == f"A1:{data.cell(1, data.max_column).column_letter}{total + 1}"
