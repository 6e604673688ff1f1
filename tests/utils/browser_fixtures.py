"""The browser tests' fixtures: one Streamlit server and one Chromium per test session.

The server runs `streamlit run app.py` on a free loopback port against a SQLite file that
holds the small hand-made dataset (tests/utils/small_dataset.py) plus a small demo seed. Chromium is
Debian's (/usr/bin/chromium) driven by Playwright; every request that leaves 127.0.0.1 is
aborted and recorded, so a chart that needs the internet shows up as a failure. The helpers
the tests call on a page live in testkit/ (shared with the benchmark).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Route, sync_playwright
from sqlmodel import Session

from datastore.db import get_engine
from datastore.migrate import migrate
from testkit.browser import PAGE_TIMEOUT_MS, VIEWPORT, Visit, wait_until_settled
from testkit.chromium import CHROMIUM, launch_options, stays_local
from testkit.server import DashboardServer, run_dashboard
from tests.utils.small_dataset import load_small_fixture

DEMO_SCALE = 0.02


def _prepare_database(path: Path) -> str:
    """A SQLite file with the schema, the small dataset and, where available, a small demo seed."""
    url = f"sqlite:///{path}"
    migrate(url)
    with Session(get_engine(url)) as session:
        load_small_fixture(session=session)
        session.commit()
    try:
        from seed import seed_database
    except ImportError:  # the demo seed is optional here; the small dataset alone still works
        pass
    else:
        seed_database(url=url, scale=DEMO_SCALE)
    get_engine(url).dispose()
    return url


@pytest.fixture(scope="session")
def browser_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The SQLite database every browser test's server reads, prepared once per session."""
    url = _prepare_database(tmp_path_factory.mktemp("browser-db") / "dashboard.sqlite3")
    yield url
    get_engine(url).dispose()


@pytest.fixture(scope="session")
def dashboard_server(
    browser_database: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DashboardServer]:
    """One dashboard server for the whole session."""
    log_path = tmp_path_factory.mktemp("browser-server") / "streamlit.log"
    with run_dashboard(browser_database, log_path) as server:
        yield server


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, launched once for the whole session."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (bash scripts/test.sh installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def dashboard(dashboard_server: DashboardServer, chromium: Browser) -> DashboardServer:
    """The session's server after one visit to its entry page.

    A fresh server that is first asked for a page other than the entry page runs that page
    file alone (Streamlit's old `pages/` folder mode), without the sidebar filters; see
    test_a_deep_link_opened_first_on_a_fresh_server_shows_the_dashboard. Opening the entry page
    once makes every later test independent of which one runs first.
    """
    page = chromium.new_page(viewport=VIEWPORT)
    try:
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        page.goto(dashboard_server.url())
        wait_until_settled(page)
    finally:
        page.close()
    return dashboard_server


@pytest.fixture(scope="session")
def browser_context(chromium: Browser) -> Iterator[BrowserContext]:
    """One browser context for the session, so Streamlit's scripts are downloaded only once."""
    context = chromium.new_context(viewport=VIEWPORT, accept_downloads=True, locale="vi-VN")
    yield context
    context.close()


@pytest.fixture
def visit(browser_context: BrowserContext) -> Iterator[Visit]:
    """A new page; its requests to anything but loopback are aborted and recorded."""
    page = browser_context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    result = Visit(page=page)

    def guard(route: Route) -> None:
        url = route.request.url
        if stays_local(url):
            route.continue_()
        else:
            result.blocked.append(url)
            route.abort()

    page.route("**/*", guard)
    yield result
    page.close()
