"""A server that requires signing in, in Chromium: a signed-in leader's Data page link downloads.

The server is its own (DDN_LOGIN_REQUIRED=1) on a copy of the session's browser database with
one account added, so the shared server and its database stay as they are.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect
from sqlmodel import Session

from datastore.accounts import create_user
from datastore.db import get_engine
from datastore.export import export_bytes, file_name
from datastore.filters import Filters
from datastore.models.accounts import Role
from datastore.queries.options import list_years
from i18n.catalogue import t
from testkit.browser import Visit, download_link, open_page, screenshot, wait_until_settled
from testkit.server import DashboardServer, run_dashboard
from ui.extract_pass import TOKEN

pytestmark = pytest.mark.browser

LEADER, PASSWORD = "hoa", "mật khẩu của Hoà 2026"


@pytest.fixture(scope="module")
def signed_in_server(
    browser_database: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DashboardServer]:
    """A server that shows nothing before signing in, with one viewer account."""
    folder = tmp_path_factory.mktemp("signed-download")
    copy = folder / "dashboard.sqlite3"
    shutil.copyfile(browser_database.removeprefix("sqlite:///"), copy)
    url = f"sqlite:///{copy}"
    with Session(get_engine(url)) as session:
        create_user(session=session, name=LEADER, role=Role.VIEWER, password=PASSWORD)
    get_engine(url).dispose()
    environ = {"DDN_LOGIN_REQUIRED": "1"}
    with run_dashboard(url, folder / "streamlit.log", environ=environ) as server:
        yield server


def test_a_signed_in_leader_downloads_the_csv_from_the_data_page(
    signed_in_server: DashboardServer, visit: Visit
) -> None:
    page = visit.page
    open_page(visit, signed_in_server.url())
    page.locator(".st-key-auth_name input").fill(LEADER)
    page.locator(".st-key-auth_password input").fill(PASSWORD)
    page.locator(".st-key-auth_submit button").click()
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text("Đã đăng nhập:")).to_be_visible()
    wait_until_settled(page)
    # Through the sidebar: a new address would be a new session, signed out.
    sidebar.locator('[data-testid="stSidebarNav"] a', has_text=t("page.data", "vi")).click()
    expect(page.locator(".st-key-download_members_csv a")).to_be_visible()
    wait_until_settled(page)
    href = page.locator(".st-key-download_members_csv a").get_attribute("href") or ""
    assert f"&{TOKEN}=" in href or f"?{TOKEN}=" in href
    screenshot(page, "data-vi-signed-in-links")

    data, name = download_link(page, "download_members_csv")

    engine = get_engine(signed_in_server.database_url)
    with Session(engine) as session:
        years = list_years(session=session)
    filters = Filters(year_from=min(years), year_to=max(years))
    assert name == file_name("members", filters=filters, fmt="csv")
    assert data == export_bytes("members", engine=engine, filters=filters)
    assert data.count(b"\r\n") > 2  # the header and rows, not a refusal
