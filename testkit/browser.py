"""What the browser tests do on a dashboard page through Playwright's sync API, and read off it."""

from __future__ import annotations

import json
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Download, Page, ViewportSize, expect
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from i18n.catalogue import t
from testkit.chromium import CHARTS_JS, SETTLED_JS
from testkit.server import ROOT

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
# Streamlit's main area scrolls inside the page, so a tall viewport shows a whole page at once.
VIEWPORT: ViewportSize = {"width": 1400, "height": 3200}
PAGE_TIMEOUT_MS = 30_000


@dataclass
class Visit:
    """A fresh browser page and the outside requests it tried (all aborted)."""

    page: Page
    blocked: list[str] = field(default_factory=list)


def wait_until_settled(page: Page) -> None:
    """Wait until the script run is over, nothing is stale and every chart has been drawn.

    Fails at once, with the message shown, if the run ended in an exception.
    """
    page.wait_for_function(SETTLED_JS)
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
    """Every plotly chart on the page: key, title, traces (see CHARTS_JS), geo paths drawn."""
    result: list[dict[str, Any]] = page.evaluate(CHARTS_JS)
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


def download_link(page: Page, key: str) -> tuple[bytes, str]:
    """Click the download link of widget `key`; the file's bytes and the name it is saved as.

    st.link_button opens its address in a new tab, which turns into a download when the answer
    is an attachment, and Chromium closes the tab at once: the download is caught by listeners
    set, before the click, on this page and on every new tab, whichever Playwright reports it on.
    """
    caught: list[Download] = []

    def keep(download: Download) -> None:  # Playwright cannot wrap a bound builtin method
        caught.append(download)

    def watch(popup: Page) -> None:
        popup.on("download", keep)

    page.on("download", keep)
    page.context.on("page", watch)
    try:
        with page.expect_popup() as opened:
            page.locator(f".st-key-{key} a").click()
        if not caught:
            with suppress(PlaywrightError):  # the tab closed once its download had started
                opened.value.wait_for_event("download")
    finally:
        page.context.remove_listener("page", watch)
        page.remove_listener("download", keep)
    (download,) = caught
    return Path(download.path()).read_bytes(), download.suggested_filename
