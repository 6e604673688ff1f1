"""The province profile in real Chromium, opened from a hand-typed link."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from seed.documented.gia_lai_2018 import SOURCE as GIA_LAI_ARTICLE
from testkit.browser import Visit, charts, data_traces, open_page, screenshot
from testkit.server import DashboardServer

pytestmark = pytest.mark.browser
PROFILE_TIMEOUT_MS = 90_000


def test_a_typed_link_opens_gia_lai_with_its_union_and_the_charts_drawn(
    dashboard: DashboardServer, visit: Visit
) -> None:
    page = visit.page
    # Eight charts and five tables: more than one page's worth on a busy test machine.
    page.set_default_timeout(PROFILE_TIMEOUT_MS)
    open_page(visit, dashboard.url("province", "province=gia%20lai"))

    assert parse_qs(urlsplit(page.url).query) == {"province": ["52"]}
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("heading", name="Gia Lai (52)")).to_be_visible()
    expect(main.get_by_text("thành lập 11/08/1994")).to_be_visible()
    expect(main.get_by_text("Ban Chấp hành 21 thành viên").first).to_be_visible()
    expect(main.get_by_text(f"tệp {GIA_LAI_ARTICLE}").first).to_be_visible()
    drawn = {str(chart["key"]): chart for chart in charts(page)}
    for key in ("members_by_year", "aid_by_sector", "exchanges_by_partner_country"):
        assert key in drawn, (key, sorted(drawn))
    assert all(data_traces(chart) for chart in drawn.values())
    screenshot(page, "province_gia_lai")


def test_an_unknown_province_in_a_link_is_named(dashboard: DashboardServer, visit: Visit) -> None:
    visit.page.set_default_timeout(PROFILE_TIMEOUT_MS)
    open_page(visit, dashboard.url("province", "province=Atlantis&lang=en"))
    error = visit.page.locator('[data-testid="stAlertContentError"]')
    expect(error).to_contain_text("No province “Atlantis” in the list of 34 units.")
