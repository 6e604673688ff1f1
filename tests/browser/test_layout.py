"""Layouts that hold, in a real Chromium: the document's language, charts on a phone, headlines.

Every page at 390 px (a phone): no legend box over a plot area, every tick label inside its
chart's drawing, no plotly modebar; the headline cards' "so với năm ..." whole at 1280 px.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import ViewportSize

from testkit.browser import Visit, open_page
from testkit.server import DashboardServer
from tests.utils.deferred_views import open_in_browser
from ui.sitemap import PUBLIC_PAGES

pytestmark = pytest.mark.browser

PAGES = {page.name: page.url_path for page in PUBLIC_PAGES}
CHART_PAGES = ("overview", "members", "aid", "exchanges")
PHONE: ViewportSize = {"width": 390, "height": 900}

# For every plotly chart: its title, the boxes of its legends and plot areas (cartesian
# backgrounds, map frames, heatmap images), and the tick labels that leave its main SVG.
BOXES_JS = r"""
() => Array.from(document.querySelectorAll('.js-plotly-plot')).map((el) => {
  const box = (node) => {
    const b = node.getBoundingClientRect();
    return {l: b.left, t: b.top, r: b.right, b: b.bottom};
  };
  const frame = box(el.querySelector('.main-svg'));
  const ticks = Array.from(el.querySelectorAll(
    '.xtick text, .ytick text, .x2tick text, .y2tick text, .x3tick text, .x4tick text,'
    + ' .y3tick text, .y4tick text'));
  // plotly hides crowded labels (no box at all); only drawn ones count.
  const outside = ticks.map((tick) => ({text: tick.textContent, ...box(tick)}))
    .filter((b) => b.r > b.l || b.b > b.t).filter(
    (b) => b.l < frame.l - 1 || b.r > frame.r + 1 || b.t < frame.t - 1 || b.b > frame.b + 1);
  return {
    title: el.layout && el.layout.title ? String(el.layout.title.text) : '',
    legends: Array.from(el.querySelectorAll('.legend .bg')).map(box),
    plots: Array.from(el.querySelectorAll('.bglayer rect, .geo .bg rect, .hm image')).map(box),
    outside,
    modebars: el.querySelectorAll('.modebar-container .modebar').length,
  };
})
"""

# Texts of the headline cards' change lines that run past a box that clips them (as "so với
# năm …"), up to the card itself.
CLIPPED_DELTAS_JS = r"""
() => Array.from(document.querySelectorAll(
    '[data-testid="stMetricDeltaDescription"] p, [data-testid="stMetricDelta"] p'))
  .filter((p) => {
    const text = document.createRange();
    text.selectNodeContents(p);
    const drawn = text.getBoundingClientRect();
    const card = p.closest('[data-testid="stMetric"]');
    for (let box = p; box && box !== card.parentElement; box = box.parentElement) {
      const clips = getComputedStyle(box).overflowX !== 'visible' || box === card;
      if (clips && drawn.right > box.getBoundingClientRect().right + 1) return true;
    }
    return false;
  })
  .map((p) => p.textContent)
"""


def _url(dashboard: DashboardServer, page: str, query: str = "") -> str:
    return dashboard.url(PAGES[page], query)


def _overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["l"] < b["r"] - 1 and b["l"] < a["r"] - 1 and a["t"] < b["b"] - 1 and b["t"] < a["b"] - 1
    )


@pytest.mark.parametrize(("query", "lang"), [("", "vi"), ("lang=English", "en")])
def test_the_document_declares_the_interface_language(
    dashboard: DashboardServer, visit: Visit, query: str, lang: str
) -> None:
    open_page(visit, _url(dashboard, "overview", query))
    visit.page.wait_for_function("(lang) => document.documentElement.lang === lang", arg=lang)
    assert visit.page.evaluate("document.documentElement.lang") == lang


def test_the_language_follows_a_switch_without_reloading(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, _url(dashboard, "overview"))
    visit.page.get_by_text("English", exact=True).first.click()
    visit.page.wait_for_function("() => document.documentElement.lang === 'en'")


@pytest.mark.parametrize("page", CHART_PAGES)
def test_charts_on_a_phone_keep_legends_off_plots_and_labels_inside(
    dashboard: DashboardServer, visit: Visit, page: str
) -> None:
    visit.page.set_viewport_size(PHONE)
    open_page(visit, _url(dashboard, page))
    found: list[dict[str, Any]] = visit.page.evaluate(BOXES_JS)
    assert found, f"no chart drawn on {page}"
    # The maps and the heatmap, drawn once their tab or expander is opened, are checked too.
    if open_in_browser(visit.page, "vi"):
        found += visit.page.evaluate(BOXES_JS)
    for chart in found:
        title = chart["title"][:60]
        assert chart["modebars"] == 0, f"plotly's English modebar shown on {title}"
        assert chart["outside"] == [], f"tick labels cut at the edge of {title}"
        for legend in chart["legends"]:
            for plot in chart["plots"]:
                assert not _overlaps(legend, plot), f"legend over the plot of {title}"


def test_no_streamlit_toolbar_over_charts(dashboard: DashboardServer, visit: Visit) -> None:
    visit.page.set_viewport_size(PHONE)
    open_page(visit, _url(dashboard, "aid"))
    chart = visit.page.locator(".js-plotly-plot").first
    chart.hover()
    assert not visit.page.locator('[data-testid="stElementToolbar"]').first.is_visible()


@pytest.mark.parametrize("width", [390, 1280, 1440])
def test_headline_changes_are_shown_whole(
    dashboard: DashboardServer, visit: Visit, width: int
) -> None:
    visit.page.set_viewport_size({"width": width, "height": 1200})
    open_page(visit, _url(dashboard, "overview"))
    assert visit.page.locator('[data-testid="stMetricDelta"]').count() >= 4
    assert visit.page.evaluate(CLIPPED_DELTAS_JS) == []
