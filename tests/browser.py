"""Fixtures and helpers for the browser tests: one Streamlit server and one Chromium per session.

The server runs `streamlit run dashboard.py` on a free loopback port against a SQLite file that
holds the small hand-made dataset (tests/fixtures_small.py) plus a small demo seed. Chromium is
Debian's (/usr/bin/chromium) driven by Playwright; every request that leaves 127.0.0.1 is
aborted and recorded, so a chart that needs the internet shows up as a failure.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Route,
    ViewportSize,
    expect,
    sync_playwright,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sqlmodel import Session

from datastore.db import get_engine
from datastore.migrate import migrate
from i18n.catalogue import t
from tests.fixtures_small import load_small_fixture

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying Google's hosts, which this
# closed network refuses; --no-sandbox because the tests may run as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Streamlit's main area scrolls inside the page, so a tall viewport shows a whole page at once.
VIEWPORT: ViewportSize = {"width": 1400, "height": 3200}
DEMO_SCALE = 0.02
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SERVER_START_SECONDS = 60.0
PAGE_TIMEOUT_MS = 30_000

# Every chart of a page as JSON-friendly data: its Streamlit key (from the st-key-<key> class of
# its container), its title, and each trace's arrays (typed arrays turned into plain lists).
_CHARTS_JS = """
() => {
  const plain = (v) => (v && ArrayBuffer.isView(v)) ? Array.from(v) : (v ?? null);
  return Array.from(document.querySelectorAll('.js-plotly-plot')).map((el) => {
    const holder = el.closest('[class*="st-key-chart_"]');
    const key = holder
      ? Array.from(holder.classList).find((c) => c.startsWith('st-key-chart_')).slice(13)
      : null;
    const title = el.layout && el.layout.title ? el.layout.title.text : null;
    const traces = (el.data || []).map((t) => ({
      type: t.type, name: t.name ?? null, orientation: t.orientation ?? null,
      x: plain(t.x), y: plain(t.y), z: plain(t.z), locations: plain(t.locations),
      text: plain(t.text), size: t.marker ? plain(t.marker.size) : null,
      role: t.meta && t.meta.role ? t.meta.role : null,
    }));
    return {key, title, traces, geoPaths: el.querySelectorAll('.geo path').length};
  });
}
"""


# True once the script run has finished, no element of an earlier run is still shown (stale),
# no placeholder waits for a lazily loaded widget (tables, charts), the page title is there and
# every chart container holds a drawn plotly chart (plotly.js arrives a moment after the run);
# also true as soon as the run has ended in an exception, so that fails fast.
_SETTLED_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid="stException"]')) return true;
  if (document.querySelector('[data-stale="true"]')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  if (!document.querySelector('[data-testid="stMainBlockContainer"] h1')) return false;
  const holders = document.querySelectorAll(
    '[data-testid="stElementContainer"][class*="st-key-chart_"]');
  return Array.from(holders).every((holder) => {
    const el = holder.querySelector('.js-plotly-plot');
    return el && el._fullLayout && Array.isArray(el.data);
  });
}
"""


@dataclass(frozen=True)
class DashboardServer:
    """A running `streamlit run dashboard.py` and the database it serves."""

    base_url: str
    database_url: str

    def url(self, page: str = "", query: str = "") -> str:
        """Address of a page ("" for the overview), with an optional query string."""
        return f"{self.base_url}/{page}" + (f"?{query}" if query else "")


@dataclass
class Visit:
    """A fresh browser page and the outside requests it tried (all aborted)."""

    page: Page
    blocked: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


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


@contextmanager
def run_dashboard(database_url: str, log_path: Path) -> Iterator[DashboardServer]:
    """`streamlit run dashboard.py` on a free loopback port, stopped on leaving the block."""
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": database_url, "DDN_NO_DEMO": "1"}
    command = [
        str(Path(sys.executable).with_name("streamlit")),
        "run",
        "dashboard.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        # Source edits during a run must not make the server re-import modules mid-test.
        "--server.fileWatcherType",
        "none",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while not _healthy(base_url):
                if process.poll() is not None or time.monotonic() > deadline:
                    output = log_path.read_text(errors="replace")[-3000:]
                    raise RuntimeError(f"streamlit did not start on {base_url}:\n{output}")
                time.sleep(0.2)
            yield DashboardServer(base_url=base_url, database_url=database_url)
        finally:
            stop_process(process)


def stop_process(process: subprocess.Popen[bytes], *, grace: float = 10) -> None:
    """Ask a server to stop, kill it if it does not within `grace` seconds, and reap it."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


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
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
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
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            result.blocked.append(url)
            route.abort()

    page.route("**/*", guard)
    yield result
    page.close()


def wait_until_settled(page: Page) -> None:
    """Wait until the script run is over, nothing is stale and every chart has been drawn.

    Fails at once, with the message shown, if the run ended in an exception.
    """
    page.wait_for_function(_SETTLED_JS)
    errors = page.locator('[data-testid="stException"]')
    if errors.count():
        raise AssertionError(f"the page shows an exception: {errors.first.inner_text()}")


def sign_in(page: Page, name: str, password: str) -> None:
    """Open the sidebar's sign-in fold, fill it in, and wait for the signed-in line."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text(t("auth.sign_in", "vi"), exact=True).first.click()
    page.locator(".st-key-auth_name input").fill(name)
    page.locator(".st-key-auth_password input").fill(password)
    page.locator(".st-key-auth_submit button").click()
    expect(sidebar.get_by_text("Đã đăng nhập:")).to_be_visible()
    wait_until_settled(page)


def load_through_import_page(page: Page, file: Path, *, preview_shot: str | None = None) -> None:
    """As a signed-in editor: open the import page, upload `file`, confirm, wait for the load."""
    label = t("page.import_data", "vi")
    page.locator('[data-testid="stSidebarNav"] a', has_text=label).click()
    expect(page.locator("h1", has_text=label)).to_be_visible()
    wait_until_settled(page)
    page.locator('input[type="file"]').set_input_files(str(file))
    confirm = page.get_by_role("button", name=t("import.confirm", "vi"))
    expect(confirm).to_be_visible()
    wait_until_settled(page)
    if preview_shot:
        screenshot(page, preview_shot)
    confirm.click()
    expect(page.get_by_text("Đã nạp tệp")).to_be_visible()
    wait_until_settled(page)


def open_page(visit: Visit, url: str) -> None:
    """Go to a dashboard address and wait until it has settled."""
    visit.page.goto(url)
    wait_until_settled(visit.page)


def charts(page: Page) -> list[dict[str, Any]]:
    """Every plotly chart on the page: key, title, traces (see _CHARTS_JS), geo paths drawn."""
    result: list[dict[str, Any]] = page.evaluate(_CHARTS_JS)
    return result


def data_traces(chart: dict[str, Any]) -> list[dict[str, Any]]:
    """A chart's traces that carry data, leaving out map decorations such as island labels."""
    return [trace for trace in chart["traces"] if trace["role"] is None]


def screenshot(page: Page, name: str) -> Path:
    """Save a screenshot of the whole page under test-artifacts/screenshots/<name>.png.

    Streamlit's main area scrolls inside a fixed-height page, so a full-page screenshot would
    stop at the window's edge; the window is made as tall as the content instead.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    height = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight"
    )
    size = page.viewport_size or VIEWPORT
    if height + 200 > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": int(height) + 200})
        wait_until_settled(page)
    page.screenshot(path=str(path))
    return path


def wait_for_maps(page: Page, count: int, timeout_ms: float = 20_000) -> None:
    """Wait (up to `timeout_ms`) until `count` charts have drawn map geometry.

    Returns quietly when the time is up; the test's own assertions then say what is missing.
    """
    with suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            """(count) => Array.from(document.querySelectorAll('.js-plotly-plot'))
                .filter((el) => el.querySelectorAll('.geo path').length > 0).length >= count""",
            arg=count,
            timeout=timeout_ms,
        )


def signature(page: Page) -> str:
    """Every chart's drawn data as one string, to tell when a rerun has redrawn them."""
    return json.dumps([chart["traces"] for chart in charts(page)], sort_keys=True)


def wait_for_redraw(page: Page, before: str) -> None:
    """Wait until the charts hold other data than `before`, then until the page settles."""
    deadline = time.monotonic() + PAGE_TIMEOUT_MS / 1000
    while signature(page) == before:
        if time.monotonic() > deadline:
            raise AssertionError("the charts were not redrawn after the filter changed")
        page.wait_for_timeout(100)
    wait_until_settled(page)


def choose_in_multiselect(page: Page, key: str, option: str) -> None:
    """Pick `option` (its shown label) in the sidebar multiselect with this widget key."""
    widget = page.locator(f".st-key-{key} input")
    widget.click()
    widget.fill(option)
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def multiselect_labels(page: Page, key: str) -> list[str]:
    """The chosen options shown as tags in a multiselect."""
    tags = page.locator(f".st-key-{key} [data-tag]")
    return [str(tags.nth(i).get_attribute("aria-label")) for i in range(tags.count())]
