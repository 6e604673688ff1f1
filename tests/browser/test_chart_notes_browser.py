"""In Chromium: the note on the 2025 reform is drawn right under the chart whose years cross it."""

from __future__ import annotations

import pytest

from i18n.catalogue import t
from testkit.browser import Visit, open_page
from testkit.server import DashboardServer

pytestmark = pytest.mark.browser


def test_the_reform_note_is_visible_between_its_chart_and_the_next(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, dashboard.url("members", "province=75"))
    page = visit.page

    note = page.get_by_text(t("chart_note.reform.34", "vi"), exact=True)
    assert note.count() == 1  # once on the page, not under every chart
    assert note.is_visible()
    chart = page.locator(".st-key-chart_members_by_year").bounding_box()
    below = page.locator(".st-key-chart_members_by_province").bounding_box()
    box = note.bounding_box()
    assert chart and below and box
    # Under the chart it explains (and its CSV button), above the next chart.
    assert chart["y"] + chart["height"] <= box["y"] < below["y"]
    # Readable: the caption's text is not cut, and is at least 12 px.
    size = note.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 12
