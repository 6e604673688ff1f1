"""A server that requires signing in, in Chromium: a signed-in leader's Data page link downloads.

Two replicas of their own (DDN_LOGIN_REQUIRED=1, one cookie secret as the deployment gives
them) on a copy of the session's browser database with one account added, so the shared server
and its database stay as they are.
"""

from __future__ import annotations

import secrets
import shutil
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from datastore.accounts import create_user
from datastore.db import get_engine
from datastore.export import export_bytes, file_name
from datastore.filters import Filters
from datastore.models.accounts import Role
from datastore.queries.options import list_years
from datastore.vocabulary import DATA_KINDS
from i18n.catalogue import t
from testkit.browser import Visit, download_link, open_page, screenshot, wait_until_settled
from testkit.server import DashboardServer, run_dashboard
from ui.extract_pass import TOKEN
from ui.extract_tab import PASS_REFRESH_SECONDS

pytestmark = pytest.mark.browser

LEADER, PASSWORD = "hoa", "mật khẩu của Hoà 2026"
# What /etc/ddn-dashboard/env gives every replica (docs/deploy.md).
REPLICA_ENV = {"DDN_LOGIN_REQUIRED": "1", "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}


@pytest.fixture(scope="module")
def replicas(
    browser_database: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[DashboardServer, DashboardServer]]:
    """Two servers that show nothing before signing in, on one database with one viewer."""
    folder = tmp_path_factory.mktemp("signed-download")
    copy = folder / "dashboard.sqlite3"
    shutil.copyfile(browser_database.removeprefix("sqlite:///"), copy)
    url = f"sqlite:///{copy}"
    with Session(get_engine(url)) as session:
        create_user(session=session, name=LEADER, role=Role.VIEWER, password=PASSWORD)
    get_engine(url).dispose()
    with (
        run_dashboard(url, folder / "one.log", environ=REPLICA_ENV) as one,
        run_dashboard(url, folder / "two.log", environ=REPLICA_ENV) as two,
    ):
        yield one, two


def received_messages(page: Page) -> list[ForwardMsg]:
    """Every message the server sends this page over its websocket, from now on, as it comes."""
    messages: list[ForwardMsg] = []

    def keep(payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            messages.append(ForwardMsg.FromString(payload))

    page.on("websocket", lambda socket: socket.on("framereceived", keep))
    return messages


def test_a_signed_in_leaders_csv_link_downloads_on_its_replica_and_on_the_other(
    replicas: tuple[DashboardServer, DashboardServer], visit: Visit
) -> None:
    signed_in_server, other_replica = replicas
    page = visit.page
    messages = received_messages(page)
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
    # The browser is asked to redraw each tab's links (a new pass) every half lifetime, so a
    # link on screen never reaches its end.
    renewals = [m.auto_rerun for m in messages if m.WhichOneof("type") == "auto_rerun"]
    assert len({renewal.fragment_id for renewal in renewals}) == len(DATA_KINDS)
    assert {renewal.interval for renewal in renewals} == {PASS_REFRESH_SECONDS}

    data, name = download_link(page, "download_members_csv")

    engine = get_engine(signed_in_server.database_url)
    with Session(engine) as session:
        years = list_years(session=session)
    filters = Filters(year_from=min(years), year_to=max(years))
    assert name == file_name("members", filters=filters, fmt="csv")
    assert data == export_bytes("members", engine=engine, filters=filters)
    assert data.count(b"\r\n") > 2  # the header and rows, not a refusal
    # The same link, sent to the other replica (its replica stopped, say): the same file.
    with urllib.request.urlopen(other_replica.base_url + href, timeout=120) as answer:
        assert answer.read() == data
