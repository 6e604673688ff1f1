"""Roles in a real Chromium: no import page for viewers by any address, a real upload by an editor.

These tests run their own `streamlit run app.py` on their own SQLite database (an editor,
a viewer, no figures), since they write to it; the shared server of
tests/utils/browser_fixtures.py stays untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import func, select
from sqlmodel import Session

from datastore.accounts import create_user
from datastore.db import get_engine
from datastore.migrate import migrate
from datastore.models.accounts import Role
from datastore.models.facts import Membership
from datastore.models.loads import ImportBatch
from i18n.catalogue import t
from testkit.browser import (
    Visit,
    load_through_import_page,
    open_page,
    screenshot,
    sign_in,
    wait_until_settled,
)
from testkit.server import DashboardServer, run_dashboard
from ui.sitemap import PUBLIC_PAGES

pytestmark = pytest.mark.browser

EDITOR, EDITOR_PASSWORD = "lan", "mật khẩu của Lan 2026"
VIEWER, VIEWER_PASSWORD = "minh", "mật khẩu của Minh 2026"
# Two associations in 2023: 120 + 80 = 200 members.
MEMBERS_CSV = (
    "year,province,organization,partner_country,members,chapters\r\n"
    "2023,Đồng Nai,Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai,Campuchia,120,3\r\n"
    "2023,Đắk Lắk,Hội hữu nghị Việt Nam – Lào tỉnh Đắk Lắk,Lào,80,2\r\n"
)


def _database(folder: Path) -> str:
    """A migrated SQLite file with one editor and one viewer and no figures."""
    url = f"sqlite:///{folder / 'roles.sqlite3'}"
    migrate(url)
    with Session(get_engine(url)) as session:
        create_user(session=session, name=EDITOR, role=Role.EDITOR, password=EDITOR_PASSWORD)
        create_user(session=session, name=VIEWER, role=Role.VIEWER, password=VIEWER_PASSWORD)
    get_engine(url).dispose()
    return url


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[DashboardServer]:
    """A server nobody has visited yet (Streamlit still in its pages/ folder mode)."""
    with run_dashboard(_database(tmp_path), tmp_path / "streamlit.log") as server:
        yield server


@pytest.fixture(scope="module")
def roles_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DashboardServer]:
    """One server for the module, visited once at its entry page."""
    folder = tmp_path_factory.mktemp("roles")
    with run_dashboard(_database(folder), folder / "streamlit.log") as server:
        yield server


def main_text(page: Page) -> str:
    return page.locator('[data-testid="stMainBlockContainer"]').inner_text()


def nav_links(page: Page) -> list[str]:
    links = page.locator('[data-testid="stSidebarNav"] a')
    return [text.strip() for text in links.all_inner_texts()]


def test_a_fresh_server_first_asked_for_the_import_page_refuses_it(
    fresh_server: DashboardServer, visit: Visit
) -> None:
    open_page(visit, fresh_server.url("import_data"))
    page = visit.page
    assert page.locator('input[type="file"]').count() == 0
    heading = page.locator('[data-testid="stMainBlockContainer"] h1').first.inner_text()
    assert heading in {t("auth.refused_title", "vi"), t("page.overview", "vi")}
    assert t("import.confirm", "vi") not in main_text(page)


# Records the text of every navigation link the page ever draws, from before its first script.
_RECORD_NAV_LINKS = """
window.__navSeen = new Set();
new MutationObserver(() => {
    for (const link of document.querySelectorAll('[data-testid="stSidebarNavLink"]')) {
        window.__navSeen.add(link.innerText.trim());
    }
}).observe(document, {childList: true, subtree: true, characterData: true});
"""


def test_the_first_visitor_of_a_fresh_server_never_sees_the_raw_list_of_page_files(
    fresh_server: DashboardServer, visit: Visit
) -> None:
    page = visit.page
    page.add_init_script(_RECORD_NAV_LINKS)
    open_page(visit, fresh_server.url())
    titles = [t(entry.title_key, "vi") for entry in PUBLIC_PAGES]
    expect(page.locator('[data-testid="stSidebarNavLink"]')).to_have_count(len(titles))
    assert nav_links(page) == titles
    # Streamlit's pages/ folder mode would first list "dashboard", "import data", ...
    assert set(page.evaluate("[...window.__navSeen]")) <= set(titles)


def test_a_viewer_gets_no_import_page_by_link_or_by_address(
    roles_server: DashboardServer, visit: Visit
) -> None:
    page = visit.page
    open_page(visit, roles_server.url())
    assert t("page.import_data", "vi") not in nav_links(page)
    sign_in(page, VIEWER, VIEWER_PASSWORD)
    assert t("page.import_data", "vi") not in nav_links(page)

    # Typing the address starts a new session; whoever it is, the import page is not there.
    open_page(visit, roles_server.url("import_data"))
    assert page.locator('input[type="file"]').count() == 0
    assert page.locator('[data-testid="stMainBlockContainer"] h1').first.inner_text() == t(
        "page.overview", "vi"
    )
    assert t("page.import_data", "vi") not in nav_links(page)
    screenshot(page, "roles_viewer_import_address")


def test_an_editor_uploads_a_file_loads_it_and_the_overview_shows_it(
    roles_server: DashboardServer, visit: Visit, tmp_path: Path
) -> None:
    page = visit.page
    open_page(visit, roles_server.url())
    assert t("empty.no_data", "vi") in main_text(page)
    sign_in(page, EDITOR, EDITOR_PASSWORD)
    csv_file = tmp_path / "hội viên 2023.csv"
    csv_file.write_text(MEMBERS_CSV, encoding="utf-8-sig")
    load_through_import_page(page, csv_file, preview_shot="roles_editor_preview")
    assert "thêm 2 dòng" in main_text(page)
    screenshot(page, "roles_editor_loaded")

    with Session(get_engine(roles_server.database_url)) as session:
        loads = session.execute(select(ImportBatch)).scalars().all()
        members = session.execute(select(func.sum(Membership.members))).scalar_one()
    assert [(b.created_by, b.file_name, b.rows_added) for b in loads] == [
        (EDITOR, csv_file.name, 2)
    ]
    assert members == 200

    page.locator('[data-testid="stSidebarNav"] a', has_text=t("page.overview", "vi")).click()
    expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text("200")
    wait_until_settled(page)
    assert t("overview.headline", "vi", year=2023) in main_text(page)
