"""Filter change to redrawn chart in a real browser, for one user and for many at once.

A `streamlit run app.py` server on a free loopback port serves the given database (no demo
seed); Debian's Chromium, driven by Playwright's async API, opens the exchanges page (seven
charts, two of them maps) and changes the sidebar's province list (bench/redraw.py says what is
timed). Requests leaving 127.0.0.1 are aborted.

The server and Chromium helpers are the browser tests' own (testkit/), and Playwright is a
development dependency; without it or without Chromium the benchmark says why and gives no
figure.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.cpu import cpu_seconds, spent
from bench.redraw import (
    CLOCK_JS,
    PAGE,
    REDRAW_TIMEOUT_S,
    RedrawTimes,
    change_provinces,
    province_labels,
    settle,
)
from testkit.chromium import CHROMIUM, launch_options, stays_local
from testkit.server import DashboardServer, run_dashboard

SEED = 20261122
THINK_SECONDS = (0.5, 1.5)
OPEN_TIMEOUT_MS = 600_000
# A desktop screen: the charts below the fold are laid out by plotly.js but not painted, as on
# a leader's own screen (the browser tests use a tall window to see every chart at once).
VIEWPORT = {"width": 1920, "height": 1080}
# Headless Chromium would slow the timers and animation frames of windows it thinks hidden;
# every session here is someone looking at their screen.
UNTHROTTLED = [
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
]


def browser_redraw_ms(database_url: str, *, runs: int) -> float | None:
    """Median ms from a province-list click to the redrawn exchanges page, one user, `runs` times.

    One session opens the exchanges page and, `runs` times with 0.2 s between, adds or removes a
    province (never returning to an earlier selection, so every redraw misses the cache); the
    page is polled every animation frame. None, with the reason printed, without Playwright or
    Chromium.
    """
    if not _browser_available():
        return None
    times = _run_sessions(database_url, sessions=1, changes=runs, seconds=None, think=(0.2, 0.2))
    return statistics.median(times.seconds) * 1000.0


def concurrent_redraw_s(
    database_url: str, *, sessions: int = 20, seconds: float = 60
) -> tuple[float, float] | None:
    """(p50, p95) seconds from a province-list click to the redrawn page, `sessions` users at once.

    One server, one Chromium with `sessions` browser contexts (separate Streamlit sessions), all
    on the exchanges page, each changing the province selection for `seconds` with a think time
    of 0.5-1.5 s (uniform, seeded per session) between a redraw and the next change; pages are
    polled every 50 ms. No session starts a change after `seconds`; those under way are
    finished. A redraw that takes longer than REDRAW_TIMEOUT_S counts as that long and is
    reported. None, with the reason printed, without Playwright or Chromium.
    """
    if not _browser_available():
        return None
    times = _run_sessions(
        database_url, sessions=sessions, changes=None, seconds=seconds, think=THINK_SECONDS
    )
    return _p50_p95(times.seconds)


def _p50_p95(values: list[float]) -> tuple[float, float]:
    """Median and 95th percentile (inclusive method: within the values measured)."""
    if len(values) == 1:
        return values[0], values[0]
    return statistics.median(values), statistics.quantiles(values, n=20, method="inclusive")[18]


def _browser_available() -> bool:
    """Whether Playwright and Chromium are installed; the reason printed when not."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError as missing:
        print(f"browser figures skipped: Playwright is missing ({missing})")
        return False
    if not CHROMIUM.exists():
        print(f"browser figures skipped: {CHROMIUM} is not installed (apt install chromium)")
        return False
    return True


def _run_sessions(
    database_url: str,
    *,
    sessions: int,
    changes: int | None,
    seconds: float | None,
    think: tuple[float, float],
) -> RedrawTimes:
    """Start the server, run the sessions, stop everything; raise if nothing was measured."""
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as folder:
        log_path = Path(folder) / "streamlit.log"
        with run_dashboard(database_url, log_path) as server:
            times = asyncio.run(
                _drive(server, sessions=sessions, changes=changes, seconds=seconds, think=think)
            )
    if not times.seconds:
        raise RuntimeError("no redraw was measured")
    _print_summary(times, sessions=sessions)
    return times


def _print_summary(times: RedrawTimes, *, sessions: int) -> None:
    label = f"{sessions} session{'s' if sessions > 1 else ''}"
    print(
        f"browser redraws ({label}): {len(times.seconds)} measured, {times.timeouts} timed out"
        + (f" (counted as {REDRAW_TIMEOUT_S:g} s each)" if times.timeouts else "")
    )
    if times.run_seconds:
        p50, p95 = _p50_p95(times.run_seconds)
        print(
            f"  of which click to the end of Streamlit's run: p50 {p50:.2f} s, p95 {p95:.2f} s "
            "(as the page saw it; the rest is plotly.js finishing the drawing)"
        )
    if times.first_screen_seconds:
        p50, p95 = _p50_p95(times.first_screen_seconds)
        print(
            f"  first screen (the charts in the window) redrawn: p50 {p50:.2f} s, p95 {p95:.2f} s"
        )
    if times.cpu_seconds:
        server_cpu, browser_cpu = times.cpu_seconds["server"], times.cpu_seconds["browser"]
        count = len(times.seconds)
        print(
            f"  CPU while measuring: server {server_cpu:.1f} s ({server_cpu / count:.2f} s a "
            f"redraw), browser {browser_cpu:.1f} s ({browser_cpu / count:.2f} s a redraw), "
            f"on {os.cpu_count()} cores shared with anything else running"
        )
    if times.blocked:
        print(f"browser: {len(times.blocked)} requests off the loopback were blocked, e.g.")
        print(f"  {times.blocked[0]}")


async def _drive(
    server: DashboardServer,
    *,
    sessions: int,
    changes: int | None,
    seconds: float | None,
    think: tuple[float, float],
) -> RedrawTimes:
    """One Chromium; a first visit to the entry page, then every session in its own context."""
    from playwright.async_api import async_playwright

    times = RedrawTimes()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options(*UNTHROTTLED))
        try:
            # A fresh server first asked for another page than the entry page would serve the
            # page file alone (see tests/utils/browser_fixtures.py, dashboard), so the first session
            # opens the entry page first; it also fills the cache for the unfiltered page, as
            # the app's first visitor of the day does, before the others arrive.
            first = await _open(browser, server, times, entry_first=True)
            provinces = province_labels(server.database_url)
            others = await asyncio.gather(
                *(_open(browser, server, times) for _ in range(sessions - 1))
            )
            pages = [first, *others]
            deadline = None if seconds is None else time.monotonic() + seconds
            cpu_before = cpu_seconds()
            await asyncio.gather(
                *(
                    change_provinces(
                        page,
                        provinces=provinces,
                        rng=random.Random(SEED + number),
                        changes=changes,
                        deadline=deadline,
                        think=think,
                        poll="raf" if sessions == 1 else 50,
                        times=times,
                    )
                    for number, page in enumerate(pages)
                )
            )
            times.cpu_seconds = spent(cpu_before, cpu_seconds())
        finally:
            await browser.close()
    return times


async def _open(
    browser: Any, server: DashboardServer, times: RedrawTimes, *, entry_first: bool = False
) -> Any:
    """A new browser context (a new Streamlit session) on the exchanges page, settled."""
    context = await browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    await context.add_init_script(CLOCK_JS)
    page = await context.new_page()
    page.set_default_timeout(OPEN_TIMEOUT_MS)

    async def guard(route: Any) -> None:
        url = route.request.url
        if stays_local(url):
            await route.continue_()
        else:
            times.blocked.append(url)
            await route.abort()

    await page.route("**/*", guard)
    for url in [server.url()] * entry_first + [server.url(PAGE)]:
        await page.goto(url)
        await settle(page)
    return page
