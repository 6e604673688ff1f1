"""One browser session's province changes on the exchanges page, each timed to the redraw.

A filter change is a click in the sidebar's province list: adding a province (typed into the
list, then its option clicked) or removing one (its tag's remove button). What is timed, by the
page's own clock, runs from that click (its pointerup event) to the first check that finds the
page settled (testkit.chromium.SETTLED_JS) with another caption or other chart data than
before. Every selection a session makes is one it has not had before, so the chart queries
miss Streamlit's cache unless another session chose the same provinces first. Beside it, the
same clock gives the first screen's redraw: the first check that finds every chart in the window
(what the leader looks at before scrolling) drawn anew, none of them stale; where none is (a
filter that matches nothing) or one kept its figure, that is the whole page's time.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from datastore.db import get_engine
from datastore.models.reference import ProvinceList
from datastore.queries import list_provinces
from i18n.formatting import with_code
from testkit.chromium import CHARTS_JS, SETTLED_JS

PAGE = "exchanges"
PROVINCE_WIDGET = "province"
# A user keeps a few provinces at a time: from this many on, a session removes one rather than
# adding, unless every removal would give back a selection it had already (then it adds one).
MOST_PROVINCES = 3
# A redraw slower than this counts as this long (and is reported as a timeout).
REDRAW_TIMEOUT_S = 30.0
# Installed in every page before the app's own scripts: the time of the last click (pointerup),
# with the charts then shown marked, and of the last end of a Streamlit run, by the page's
# clock, so neither Playwright's work around a click nor this process's scheduling is counted.
CLOCK_JS = """
window.addEventListener('pointerup', () => {
  window.__benchClickedAt = performance.now();
  document.querySelectorAll('.js-plotly-plot').forEach((el) => { el.__benchShownAtClick = true; });
}, true);
new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.target.getAttribute('data-test-script-state') === 'notRunning') {
      window.__benchRunEndedAt = performance.now();
    }
  }
}).observe(document, {attributes: true, subtree: true,
                      attributeFilter: ['data-test-script-state']});
"""
# The page's text (its caption names the chosen provinces) and every chart's drawn data: the
# text tells one rerun from the next even when the filters match nothing either time and every
# chart gives way to the same "no data" note.
_SIGNATURE_JS = (
    "() => JSON.stringify([\n"
    "  document.querySelector('[data-testid=\"stMainBlockContainer\"]').innerText,\n"
    f"  ({CHARTS_JS})().map((chart) => [chart.key, chart.title, chart.traces]),\n"
    "])"
)
# True once every chart at least partly in the window is a new plotly element (Streamlit mounts
# a new one for a changed figure; those shown at the click are marked by CLOCK_JS), drawn and
# not stale. Cheap on purpose: it runs in the page's own thread at every poll.
_FIRST_SCREEN_JS = """
() => {
  const holders = Array.from(document.querySelectorAll(
    '[data-testid="stElementContainer"][class*="st-key-chart_"]')).filter((holder) => {
      const box = holder.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    });
  return holders.length > 0 && holders.every((holder) => {
    const el = holder.querySelector('.js-plotly-plot');
    return el && el._fullLayout && !el.__benchShownAtClick
      && !holder.closest('[data-stale="true"]');
  });
}
"""
# False until redrawn, then [ms since click, ms to the run's end or null, ms to the first
# screen's redraw]; -1 on an error page. The first screen is checked at every poll until found.
_REDRAWN_JS = (
    "(before) => {\n"
    "  const clicked = window.__benchClickedAt;\n"
    "  if (!(window.__benchFirstScreenAt > clicked) && !document.querySelector(\n"
    f"      '[data-testid=\"stException\"]') && ({_FIRST_SCREEN_JS})()) {{\n"
    "    window.__benchFirstScreenAt = performance.now();\n"
    "  }\n"
    f"  if (!({SETTLED_JS})()) return false;\n"
    "  if (document.querySelector('[data-testid=\"stException\"]')) return -1;\n"
    f"  if (({_SIGNATURE_JS})() === before) return false;\n"
    "  const ended = window.__benchRunEndedAt, now = performance.now();\n"
    "  const first = window.__benchFirstScreenAt > clicked ? window.__benchFirstScreenAt : now;\n"
    "  return [Math.max(now - clicked, 0.001), ended > clicked ? ended - clicked : null,\n"
    "          Math.max(first - clicked, 0.001)];\n"
    "}"
)


@dataclass
class RedrawTimes:
    """Every change-to-redraw time measured, with the timeouts among them and blocked requests."""

    seconds: list[float] = field(default_factory=list)
    # From the click to the end of Streamlit's run (the server's part, before the drawing).
    run_seconds: list[float] = field(default_factory=list)
    # From the click to the charts of the first screen redrawn (never after the whole page).
    first_screen_seconds: list[float] = field(default_factory=list)
    # CPU seconds used while the sessions ran, by the server and by the browser (with its
    # driver); empty where /proc cannot be read.
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    timeouts: int = 0
    blocked: list[str] = field(default_factory=list)


async def settle(page: Any) -> None:
    """Wait until the page has settled; raise if it shows an exception."""
    await page.wait_for_function(SETTLED_JS)
    await refuse_exception(page)


async def refuse_exception(page: Any) -> None:
    """An error page must never count as a fast redraw."""
    errors = page.locator('[data-testid="stException"]')
    if await errors.count():
        text = await errors.first.inner_text()
        raise RuntimeError(f"the {PAGE} page shows an exception: {text}")


def province_labels(database_url: str) -> list[str]:
    """The options of the sidebar's province list as it shows them: "Hà Nội (01)".

    Read from the database with the sidebar's own query and label format (with_code),
    because the open list in the browser only holds the options scrolled into view.
    """
    with Session(get_engine(database_url)) as session:
        frame = list_provinces(session=session, province_list=ProvinceList.CURRENT, lang="vi")
    labels = [
        with_code(name, code) for code, name in zip(frame["code"], frame["name"], strict=True)
    ]
    if len(labels) < 2:
        raise RuntimeError(f"the province list offers {labels}, too few to change filters")
    return labels


async def change_provinces(
    page: Any,
    *,
    provinces: list[str],
    rng: random.Random,
    changes: int | None,
    deadline: float | None,
    think: tuple[float, float],
    poll: str | int,
    times: RedrawTimes,
) -> None:
    """Change the province selection until `changes` are done or the deadline has passed."""
    from playwright.async_api import TimeoutError as PlaywrightTimeoutError

    chosen: list[str] = []
    seen: set[tuple[str, ...]] = {()}
    done = 0
    while (changes is None or done < changes) and (deadline is None or time.monotonic() < deadline):
        before = await page.evaluate(_SIGNATURE_JS)
        add, label = next_change(chosen, provinces, seen, rng)
        if add:
            widget = page.locator(f".st-key-{PROVINCE_WIDGET} input")
            await widget.click()
            await widget.fill(label)
            # An option's label may go on after the name and code (" · gồm …": the provinces
            # merged into it), and the code keeps the start unique.
            target = page.get_by_role("option", name=re.compile("^" + re.escape(label)))
            await target.wait_for()
        else:
            target = page.locator(f'.st-key-{PROVINCE_WIDGET} button[aria-label^="Remove {label}"]')
        await target.click()
        try:
            redrawn = await page.wait_for_function(
                _REDRAWN_JS, arg=before, polling=poll, timeout=REDRAW_TIMEOUT_S * 1000
            )
            shown = await redrawn.json_value()
            if shown == -1:
                await refuse_exception(page)
                raise RuntimeError(f"the {PAGE} page showed an exception after a filter change")
            times.seconds.append(float(shown[0]) / 1000.0)
            if shown[1] is not None:
                times.run_seconds.append(float(shown[1]) / 1000.0)
            times.first_screen_seconds.append(float(shown[2]) / 1000.0)
        except PlaywrightTimeoutError:
            times.seconds.append(REDRAW_TIMEOUT_S)
            times.timeouts += 1
            await settle(page)
        await refuse_exception(page)
        if add:
            chosen.append(label)
            await page.keyboard.press("Escape")
        else:
            chosen.remove(label)
        seen.add(tuple(chosen))
        done += 1
        await asyncio.sleep(rng.uniform(*think))


def next_change(
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
