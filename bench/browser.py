"""Filter change to redrawn chart in a real browser, for one user and for many at once.

A `streamlit run dashboard.py` server on a free loopback port serves the given database (no demo
seed); Debian's Chromium, driven by Playwright's async API, opens the exchanges page (seven
charts, two of them maps). A filter change is a click in the sidebar's province list: adding a
province (typed into the list, then its option clicked) or removing one (its tag's remove
button). What is timed, by the page's own clock, runs from that click (its pointerup event) to
the first check that finds the page settled with another caption or other chart data than
before: Streamlit's run has finished (no status widget, nothing stale) and every chart is drawn
by plotly.js (the "settled" condition of tests/browser.py). Every selection a session makes is
one it has not had before, so the chart queries miss Streamlit's cache unless another session
chose the same provinces first. Requests leaving 127.0.0.1 are aborted.

The server and browser helpers come from tests/browser.py (the browser tests' own), so the
benchmark needs the development dependencies; without them it says why and gives no figure.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PAGE = "exchanges"
PROVINCE_WIDGET = "province"
# A user keeps a few provinces at a time: from this many on, a session removes one rather than
# adding, unless every removal would give back a selection it had already (then it adds one).
MOST_PROVINCES = 3
SEED = 20261122
THINK_SECONDS = (0.5, 1.5)
# A redraw slower than this counts as this long (and is reported as a timeout).
REDRAW_TIMEOUT_S = 30.0
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
# Installed in every page before the app's own scripts: the time of the last click (pointerup)
# and of the last end of a Streamlit run, by the page's clock, so neither Playwright's work
# around a click nor this process's scheduling is counted.
_CLOCK_JS = """
window.addEventListener('pointerup', () => { window.__benchClickedAt = performance.now(); }, true);
new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.target.getAttribute('data-test-script-state') === 'notRunning') {
      window.__benchRunEndedAt = performance.now();
    }
  }
}).observe(document, {attributes: true, subtree: true,
                      attributeFilter: ['data-test-script-state']});
"""


def browser_redraw_ms(database_url: str, *, runs: int) -> float | None:
    """Median ms from a province-list click to the redrawn exchanges page, one user, `runs` times.

    One session opens the exchanges page and, `runs` times with 0.2 s between, adds or removes a
    province (never returning to an earlier selection, so every redraw misses the cache); the
    page is polled every animation frame. None, with the reason printed, without Playwright or
    Chromium.
    """
    tools = _browser_tools()
    if tools is None:
        return None
    result = _run_sessions(
        tools, database_url, sessions=1, changes=runs, seconds=None, think=(0.2, 0.2)
    )
    return statistics.median(result.seconds) * 1000.0


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
    tools = _browser_tools()
    if tools is None:
        return None
    result = _run_sessions(
        tools, database_url, sessions=sessions, changes=None, seconds=seconds, think=THINK_SECONDS
    )
    return _p50_p95(result.seconds)


def _cpu_seconds() -> dict[int, tuple[bool, float]]:
    """CPU seconds so far of every process this one started, by pid: (is the server, seconds).

    Linux only (/proc); elsewhere empty. Tells how much of the machine the browser takes from
    the server it measures, when both share it.
    """
    proc = Path("/proc")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for entry in proc.glob("[0-9]*"):
        try:
            # Fields after the command name, which is in parentheses and may hold spaces.
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    ours: dict[int, tuple[bool, float]] = {}
    for pid in used:
        ancestor = pid
        while ancestor in parents and ancestor not in (0, 1, os.getpid()):
            ancestor = parents[ancestor]
        if ancestor == os.getpid() and pid != os.getpid():
            try:
                command = (proc / str(pid) / "cmdline").read_bytes()
            except OSError:
                continue
            ours[pid] = (b"streamlit" in command, used[pid])
    return ours


def _spent(
    before: dict[int, tuple[bool, float]], after: dict[int, tuple[bool, float]]
) -> dict[str, float]:
    """CPU seconds used between two _cpu_seconds() readings, server and browser apart."""
    if not after:
        return {}
    spent = {"server": 0.0, "browser": 0.0}
    for pid, (is_server, seconds) in after.items():
        earlier = before.get(pid, (is_server, 0.0))[1]
        spent["server" if is_server else "browser"] += seconds - earlier
    return spent


def _p50_p95(values: list[float]) -> tuple[float, float]:
    """Median and 95th percentile (inclusive method: within the values measured)."""
    if len(values) == 1:
        return values[0], values[0]
    return statistics.median(values), statistics.quantiles(values, n=20, method="inclusive")[18]


@dataclass
class _Result:
    """Every change-to-redraw time measured, with the timeouts among them and blocked requests."""

    seconds: list[float] = field(default_factory=list)
    # From the click to the end of Streamlit's run (the server's part, before the drawing).
    run_seconds: list[float] = field(default_factory=list)
    # CPU seconds used while the sessions ran, by the server and by the browser (with its
    # driver); empty where /proc cannot be read.
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    timeouts: int = 0
    blocked: list[str] = field(default_factory=list)


def _browser_tools() -> Any | None:
    """The browser tests' helpers (tests/browser.py), or None with the reason printed."""
    try:
        import playwright.async_api  # noqa: F401

        from tests import browser as tools
    except ImportError as missing:
        print(f"browser figures skipped: Playwright or the test helpers are missing ({missing})")
        return None
    if not tools.CHROMIUM.exists():
        print(f"browser figures skipped: {tools.CHROMIUM} is not installed (apt install chromium)")
        return None
    return tools


def _run_sessions(
    tools: Any,
    database_url: str,
    *,
    sessions: int,
    changes: int | None,
    seconds: float | None,
    think: tuple[float, float],
) -> _Result:
    """Start the server, run the sessions, stop everything; raise if nothing was measured."""
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as folder:
        log_path = Path(folder) / "streamlit.log"
        with tools.run_dashboard(database_url, log_path) as server:
            result = asyncio.run(
                _drive(
                    tools,
                    server,
                    sessions=sessions,
                    changes=changes,
                    seconds=seconds,
                    think=think,
                )
            )
    if not result.seconds:
        raise RuntimeError("no redraw was measured")
    label = f"{sessions} session{'s' if sessions > 1 else ''}"
    print(
        f"browser redraws ({label}): {len(result.seconds)} measured, {result.timeouts} timed out"
        + (f" (counted as {REDRAW_TIMEOUT_S:g} s each)" if result.timeouts else "")
    )
    if result.run_seconds:
        p50, p95 = _p50_p95(result.run_seconds)
        print(
            f"  of which click to the end of Streamlit's run: p50 {p50:.2f} s, p95 {p95:.2f} s "
            "(as the page saw it; the rest is plotly.js finishing the drawing)"
        )
    if result.cpu_seconds:
        server_cpu, browser_cpu = result.cpu_seconds["server"], result.cpu_seconds["browser"]
        count = len(result.seconds)
        print(
            f"  CPU while measuring: server {server_cpu:.1f} s ({server_cpu / count:.2f} s a "
            f"redraw), browser {browser_cpu:.1f} s ({browser_cpu / count:.2f} s a redraw), "
            f"on {os.cpu_count()} cores shared with anything else running"
        )
    if result.blocked:
        print(f"browser: {len(result.blocked)} requests off the loopback were blocked, e.g.")
        print(f"  {result.blocked[0]}")
    return result


async def _drive(
    tools: Any,
    server: Any,
    *,
    sessions: int,
    changes: int | None,
    seconds: float | None,
    think: tuple[float, float],
) -> _Result:
    """One Chromium; a first visit to the entry page, then every session in its own context."""
    from playwright.async_api import async_playwright

    result = _Result()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(tools.CHROMIUM),
            args=[*tools.CHROMIUM_ARGS, *UNTHROTTLED],
            headless=True,
        )
        try:
            # A fresh server first asked for another page than the entry page would serve the
            # page file alone (see tests/browser.py, dashboard), so the first session opens the
            # entry page first; it also fills the cache for the unfiltered page, as the app's
            # first visitor of the day does, before the others arrive.
            first = await _open(tools, browser, server, result, entry_first=True)
            provinces = _province_labels(server.database_url)
            others = await asyncio.gather(
                *(_open(tools, browser, server, result) for _ in range(sessions - 1))
            )
            pages = [first, *others]
            deadline = None if seconds is None else time.monotonic() + seconds
            cpu_before = _cpu_seconds()
            await asyncio.gather(
                *(
                    _session(
                        tools,
                        page,
                        provinces=provinces,
                        rng=random.Random(SEED + number),
                        changes=changes,
                        deadline=deadline,
                        think=think,
                        poll="raf" if sessions == 1 else 50,
                        result=result,
                    )
                    for number, page in enumerate(pages)
                )
            )
            result.cpu_seconds = _spent(cpu_before, _cpu_seconds())
        finally:
            await browser.close()
    return result


async def _open(
    tools: Any, browser: Any, server: Any, result: _Result, *, entry_first: bool = False
) -> Any:
    """A new browser context (a new Streamlit session) on the exchanges page, settled."""
    context = await browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    await context.add_init_script(_CLOCK_JS)
    page = await context.new_page()
    page.set_default_timeout(OPEN_TIMEOUT_MS)

    async def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname in tools.LOCAL_HOSTS:
            await route.continue_()
        else:
            result.blocked.append(url)
            await route.abort()

    await page.route("**/*", guard)
    for url in [server.url()] * entry_first + [server.url(PAGE)]:
        await page.goto(url)
        await _settle(tools, page)
    return page


async def _settle(tools: Any, page: Any) -> None:
    await page.wait_for_function(tools._SETTLED_JS)
    await _refuse_exception(page)


async def _refuse_exception(page: Any) -> None:
    """An error page must never count as a fast redraw."""
    errors = page.locator('[data-testid="stException"]')
    if await errors.count():
        text = await errors.first.inner_text()
        raise RuntimeError(f"the {PAGE} page shows an exception: {text}")


def _province_labels(database_url: str) -> list[str]:
    """The options of the sidebar's province list as it shows them: "Hà Nội (01)".

    Read from the database with the sidebar's own query and label format (ui/sidebar.py),
    because the open list in the browser only holds the options scrolled into view.
    """
    from sqlmodel import Session

    from datastore.db import get_engine
    from datastore.models import ProvinceList
    from datastore.queries import list_provinces

    with Session(get_engine(database_url)) as session:
        frame = list_provinces(session=session, province_list=ProvinceList.CURRENT, lang="vi")
    labels = [f"{name} ({code})" for code, name in zip(frame["code"], frame["name"], strict=True)]
    if len(labels) < 2:
        raise RuntimeError(f"the province list offers {labels}, too few to change filters")
    return labels


def _signature_js(tools: Any) -> str:
    """JS: the page's text (its caption names the chosen provinces) and every chart's drawn data.

    The text tells one rerun from the next even when the filters match nothing either time and
    every chart gives way to the same "no data" note.
    """
    return (
        "() => JSON.stringify([\n"
        "  document.querySelector('[data-testid=\"stMainBlockContainer\"]').innerText,\n"
        f"  ({tools._CHARTS_JS})().map((chart) => [chart.key, chart.title, chart.traces]),\n"
        "])"
    )


def _redrawn_js(tools: Any) -> str:
    """JS: false until redrawn, then [ms since click, ms to the run's end or null]; -1: error."""
    return (
        "(before) => {\n"
        f"  if (!({tools._SETTLED_JS})()) return false;\n"
        "  if (document.querySelector('[data-testid=\"stException\"]')) return -1;\n"
        f"  if (({_signature_js(tools)})() === before) return false;\n"
        "  const clicked = window.__benchClickedAt, ended = window.__benchRunEndedAt;\n"
        "  return [Math.max(performance.now() - clicked, 0.001),\n"
        "          ended > clicked ? ended - clicked : null];\n"
        "}"
    )


async def _session(
    tools: Any,
    page: Any,
    *,
    provinces: list[str],
    rng: random.Random,
    changes: int | None,
    deadline: float | None,
    think: tuple[float, float],
    poll: str | int,
    result: _Result,
) -> None:
    """Change the province selection until `changes` are done or the deadline has passed."""
    from playwright.async_api import TimeoutError as PlaywrightTimeoutError

    signature_js, redrawn_js = _signature_js(tools), _redrawn_js(tools)
    chosen: list[str] = []
    seen: set[tuple[str, ...]] = {()}
    done = 0
    while (changes is None or done < changes) and (deadline is None or time.monotonic() < deadline):
        before = await page.evaluate(signature_js)
        add, label = _next_change(chosen, provinces, seen, rng)
        if add:
            widget = page.locator(f".st-key-{PROVINCE_WIDGET} input")
            await widget.click()
            await widget.fill(label)
            target = page.get_by_role("option", name=label, exact=True)
            await target.wait_for()
        else:
            target = page.locator(f'.st-key-{PROVINCE_WIDGET} button[aria-label="Remove {label}"]')
        await target.click()
        try:
            redrawn = await page.wait_for_function(
                redrawn_js, arg=before, polling=poll, timeout=REDRAW_TIMEOUT_S * 1000
            )
            shown = await redrawn.json_value()
            if shown == -1:
                await _refuse_exception(page)
                raise RuntimeError(f"the {PAGE} page showed an exception after a filter change")
            result.seconds.append(float(shown[0]) / 1000.0)
            if shown[1] is not None:
                result.run_seconds.append(float(shown[1]) / 1000.0)
        except PlaywrightTimeoutError:
            result.seconds.append(REDRAW_TIMEOUT_S)
            result.timeouts += 1
            await _settle(tools, page)
        await _refuse_exception(page)
        if add:
            chosen.append(label)
            await page.keyboard.press("Escape")
        else:
            chosen.remove(label)
        seen.add(tuple(chosen))
        done += 1
        await asyncio.sleep(rng.uniform(*think))


def _next_change(
    chosen: list[str], provinces: list[str], seen: set[tuple[str, ...]], rng: random.Random
) -> tuple[bool, str]:
    """(add?, province label): a change leading to a selection this session has not had yet."""
    additions = [label for label in provinces if label not in chosen]
    rng.shuffle(additions)
    removals = list(chosen)
    rng.shuffle(removals)
    if len(chosen) >= MOST_PROVINCES or not additions:
        candidates = [(False, label) for label in removals] + [(True, label) for label in additions]
    else:
        candidates = [(True, label) for label in additions] + [(False, label) for label in removals]
    for add, label in candidates:
        after = (*chosen, label) if add else tuple(p for p in chosen if p != label)
        if after not in seen:
            return add, label
    # Every neighbour seen (not reachable in practice with 34 provinces): repeat one.
    return candidates[0]
