"""Open the charts that wait for a tab or a click (ui/deferred.py): in AppTest or Chromium."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from i18n.catalogue import Lang, as_lang, t

# Each deferred chart: the key of the widget that hides it, and the value that shows it (a tab's
# label key, or True for an expander).
DEFERRED: dict[str, tuple[str, str | bool]] = {
    "overview_map": ("view_overview", "views.map"),
    "exchanges_world_map": ("view_partner_country", "views.map"),
    "exchanges_vietnam_map": ("view_province", "views.map"),
    "exchanges_province_by_country": ("open_exchanges_province_by_country", True),
}


def waiting(at: AppTest) -> dict[str, tuple[str, str | bool]]:
    """The deferred charts of the page on screen: those whose tabs or expander it shows."""
    return {chart: view for chart, view in DEFERRED.items() if view[0] in at.session_state}


def open_views(at: AppTest, charts: list[str] | None = None) -> None:
    """Open the tabs and expanders hiding `charts` (default: every deferred one) and rerun."""
    lang = as_lang(str(at.session_state["lang"]))
    for chart, (key, value) in waiting(at).items():
        if charts is None or chart in charts:
            at.session_state[key] = t(value, lang) if isinstance(value, str) else value
    at.run()


def close_views(at: AppTest) -> None:
    """Back to what a page shows first: the first tab of each, every expander closed."""
    lang = as_lang(str(at.session_state["lang"]))
    for key, value in waiting(at).values():
        at.session_state[key] = t("views.bars", lang) if isinstance(value, str) else False
    at.run()


def open_in_browser(page: Any, lang: Lang) -> list[str]:
    """Click open every deferred chart's tab or expander on a Playwright page; their keys.

    Each click reruns the page: the next waits until the chart it asked for is drawn.
    """
    from testkit.browser import wait_until_settled  # Playwright only where a browser runs

    opened: list[str] = []
    for chart, (key, value) in DEFERRED.items():
        holder = page.locator(f".st-key-{key}")
        if not holder.count():
            continue
        if isinstance(value, str):
            holder.get_by_role("tab", name=t(value, lang), exact=True).click()
        else:
            holder.locator("summary").first.click()
        page.locator(f".st-key-chart_{chart} .js-plotly-plot").wait_for()
        wait_until_settled(page)
        opened.append(chart)
    return opened
