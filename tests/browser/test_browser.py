"""The dashboard in a real Chromium, served by `streamlit run`, with no way out to the internet.

One server and one browser serve the whole module (tests/utils/browser_fixtures.py); each test
opens a new page. Expected figures come from datastore.queries and datastore.extracts on the
server's own database, so these tests check the wiring (URL, redraw, downloads, maps); the
hand-computed sums are checked in tests/pages/test_pages.py.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from sqlmodel import Session

from charts.style import unwrap
from datastore import queries
from datastore.db import get_engine
from datastore.export import BOM
from datastore.extracts.reading import count_rows
from datastore.filters import Filters
from i18n.catalogue import Lang, t
from testkit.browser import (
    Visit,
    charts,
    choose_in_multiselect,
    data_traces,
    download_link,
    multiselect_labels,
    open_page,
    screenshot,
    signature,
    wait_for_maps,
    wait_for_redraw,
    wait_until_settled,
)
from testkit.server import DashboardServer, run_dashboard
from tests.utils.deferred_views import DEFERRED, open_in_browser
from ui import catalog
from ui.sitemap import PUBLIC_PAGES

pytestmark = pytest.mark.browser

PAGES = tuple(page.name for page in PUBLIC_PAGES)
PAGE_PATHS = {page.name: page.url_path for page in PUBLIC_PAGES}
PAGE_CHARTS: dict[str, set[str]] = {
    page: {chart.key for chart in catalog.CHARTS if chart.page == page} for page in PAGES
}
MAPS = {"overview": 1, "exchanges": 2}
# The address bar holds codes; the province picker names the old provinces a unit includes.
ENGLISH = "lang=en"
DONG_NAI = "Đồng Nai (75) · gồm Bình Phước"
DONG_NAI_QUERY = "province=75"
INCOMING_QUERY = "direction=incoming"


def _points(trace: dict[str, object]) -> int:
    """How many points a trace draws (bars, markers, map areas or heatmap rows)."""
    for name in ("x", "z", "locations", "text"):
        values = trace.get(name)
        if isinstance(values, list) and values:
            return len(values)
    return 0


def _exception_count(visit: Visit) -> int:
    return visit.page.locator('[data-testid="stException"]').count()


def _chart(visit: Visit, key: str) -> dict[str, object]:
    found = [chart for chart in charts(visit.page) if chart["key"] == key]
    assert len(found) == 1, f"chart {key!r} not on the page"
    return found[0]


def _bars(visit: Visit, key: str) -> dict[str, float]:
    """{label: value} of a chart of horizontal bars with one data trace."""
    traces = data_traces(_chart(visit, key))
    assert len(traces) == 1
    return dict(zip(traces[0]["y"], traces[0]["x"], strict=True))


def _query(
    server: DashboardServer, query: Callable[..., pd.DataFrame], filters: Filters
) -> dict[str, float]:
    """{province or country label: exchanges} from a chart query on the server's database."""
    with Session(get_engine(server.database_url)) as session:
        frame = query(session=session, filters=filters, lang="vi")
    label = "province" if "province" in frame.columns else "country"
    return {str(k): float(v) for k, v in zip(frame[label], frame["exchanges"], strict=True)}


def _download(visit: Visit, key: str) -> bytes:
    """Click a download button by its widget key and return the file's bytes."""
    with visit.page.expect_download() as download:
        visit.page.locator(f".st-key-{key} button").click()
    return Path(download.value.path()).read_bytes()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_loads_without_errors_and_draws_its_charts_with_data(
    dashboard: DashboardServer, visit: Visit, page: str, lang: Lang
) -> None:
    open_page(visit, dashboard.url(PAGE_PATHS[page], ENGLISH if lang == "en" else ""))
    screenshot(visit.page, f"{page}-{lang}")

    assert _exception_count(visit) == 0
    assert visit.page.locator('[data-testid="stMainBlockContainer"] h1').first.inner_text() == (
        t(f"page.{page}", lang)
    )
    navigation = visit.page.locator('[data-testid="stSidebarNavLink"]').all_inner_texts()
    assert navigation == [t(f"page.{name}", lang) for name in PAGES]
    first = charts(visit.page)
    # The maps and the heatmap wait for their tab or expander (ui/deferred.py): none is drawn
    # until it is opened, and then each is drawn with its data.
    assert not {chart["key"] for chart in first} & set(DEFERRED)
    opened = open_in_browser(visit.page, lang)
    wait_for_maps(visit.page, MAPS.get(page, 0))
    later = charts(visit.page)
    assert {chart["key"] for chart in later} >= set(opened)
    drawn = first + [chart for chart in later if chart["key"] in opened]
    keys = {chart["key"] for chart in drawn}
    # The report page draws the catalogue charts its report lists, which belong to other pages.
    catalogue = {chart.key for chart in catalog.CHARTS}
    assert keys == PAGE_CHARTS[page] or (page == "report" and keys and keys <= catalogue)
    for chart in drawn:
        assert any(_points(trace) for trace in data_traces(chart)), f"{chart['key']} is empty"
    maps = [chart for chart in drawn if chart["key"].endswith("map")]
    assert len(maps) == MAPS.get(page, 0)
    assert all(chart["geoPaths"] > 0 for chart in maps), "a map drew no basemap"
    assert visit.page.get_by_text(t("empty.no_data", lang)).count() == 0
    assert visit.blocked == []


def test_the_english_switch_shows_english_titles(dashboard: DashboardServer, visit: Visit) -> None:
    open_page(visit, dashboard.url("members"))
    before = signature(visit.page)

    visit.page.locator(".st-key-lang").get_by_text("English", exact=True).click()
    wait_for_redraw(visit.page, before)

    assert visit.page.locator("h1").first.inner_text() == t("page.members", "en")
    # Streamlit's theme wraps titles in <b> tags; only the words matter here.
    titles = {
        chart["key"]: re.sub(r"<[^>]+>", "", unwrap(str(chart["title"])).split("<br>")[0])
        for chart in charts(visit.page)
    }
    assert titles["members_by_year"] == t("chart.members_by_year.title", "en")
    assert titles["members_by_province"].startswith(t("chart.members_by_province.title", "en"))
    assert parse_qs(urlsplit(visit.page.url).query)["lang"] == ["en"]


def test_changing_a_filter_redraws_the_charts_and_puts_it_in_the_url(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, dashboard.url("exchanges"))
    before = signature(visit.page)
    everywhere = _bars(visit, "exchanges_by_province")

    choose_in_multiselect(visit.page, "province", DONG_NAI)
    wait_for_redraw(visit.page, before)

    expected = _query(dashboard, queries.exchanges_by_province, Filters(provinces=("75",)))
    assert _bars(visit, "exchanges_by_province") == expected
    assert list(expected) == ["Đồng Nai"]
    assert expected["Đồng Nai"] == everywhere["Đồng Nai"]
    assert _bars(visit, "exchanges_by_partner_country") == _query(
        dashboard, queries.exchanges_by_partner_country, Filters(provinces=("75",))
    )
    assert parse_qs(urlsplit(visit.page.url).query)["province"] == ["75"]
    assert _exception_count(visit) == 0


def test_a_page_filter_reruns_its_fragment_redraws_the_charts_and_writes_the_url(
    dashboard: DashboardServer, visit: Visit
) -> None:
    # The direction is drawn by the exchanges page's fragment: only it reruns, and it writes
    # the address itself (the entry file's write does not run in a fragment rerun).
    open_page(visit, dashboard.url("exchanges"))
    before = signature(visit.page)
    visit.page.locator(".st-key-direction").click()
    visit.page.get_by_role("option", name=t("direction.incoming", "vi"), exact=True).click()
    wait_for_redraw(visit.page, before)

    incoming = Filters(direction="incoming")
    assert _bars(visit, "exchanges_by_province") == _query(
        dashboard, queries.exchanges_by_province, incoming
    )
    assert parse_qs(urlsplit(visit.page.url).query)["direction"] == ["incoming"]
    assert _exception_count(visit) == 0


def test_the_aid_page_measure_reruns_its_fragment_and_writes_the_url(
    dashboard: DashboardServer, visit: Visit
) -> None:
    # The measure is drawn by the aid page's fragment, which writes the address itself.
    open_page(visit, dashboard.url("aid"))
    before = signature(visit.page)
    committed = t("measure.committed", "vi")
    visit.page.locator(".st-key-measure").get_by_text(committed, exact=True).click()
    wait_for_redraw(visit.page, before)

    assert parse_qs(urlsplit(visit.page.url).query)["measure"] == ["committed"]
    assert _exception_count(visit) == 0


def test_opening_a_copied_url_restores_the_filters(
    dashboard: DashboardServer, visit: Visit
) -> None:
    # A page filter from the address, a shared one picked in the sidebar: the URL holds both.
    open_page(visit, dashboard.url("exchanges", INCOMING_QUERY))
    before = signature(visit.page)
    choose_in_multiselect(visit.page, "province", DONG_NAI)
    wait_for_redraw(visit.page, before)
    copied, filtered = visit.page.url, signature(visit.page)
    assert set(parse_qs(urlsplit(copied).query)) == {"province", "direction"}

    second = visit.page.context.new_page()
    try:
        second.goto(copied)
        wait_until_settled(second)

        assert multiselect_labels(second, "province") == [DONG_NAI]
        direction = second.locator(".st-key-direction input").input_value()
        assert direction == t("direction.incoming", "vi")
        assert signature(second) == filtered
    finally:
        second.close()


def test_the_chart_csv_download_starts_with_a_bom_and_holds_the_drawn_rows(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, dashboard.url("exchanges", DONG_NAI_QUERY))

    data = _download(visit, "download_exchanges_by_partner_country")

    assert data.startswith(BOM)
    rows = list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"))))
    header, body = rows[0], rows[1:]
    drawn = _bars(visit, "exchanges_by_partner_country")
    expected = _query(dashboard, queries.exchanges_by_partner_country, Filters(provinces=("75",)))
    assert drawn == expected
    assert header[:3] == ["Quốc gia đối tác", "Mã quốc gia đối tác", "Số lượt giao lưu"]
    assert {row[0]: float(row[2]) for row in body} == expected


def test_the_data_page_csv_download_starts_with_a_bom_and_holds_the_filtered_rows(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, dashboard.url("data", DONG_NAI_QUERY))

    data, _ = download_link(visit.page, "download_members_csv")

    assert data.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(data[len(BOM) :].decode("utf-8"))))
    with Session(get_engine(dashboard.database_url)) as session:
        expected = count_rows("members", session=session, filters=Filters(provinces=("75",)))
    assert len(rows) == expected > 0
    assert {row["province_2025_code"] for row in rows} == {"75"}


def test_both_maps_draw_their_basemap_from_the_app_with_no_outside_request(
    dashboard: DashboardServer, visit: Visit
) -> None:
    geometry: list[str] = []
    visit.page.on(
        "request",
        lambda request: geometry.append(request.url) if "/app/static/geo/" in request.url else None,
    )
    open_page(visit, dashboard.url("exchanges"))
    open_in_browser(visit.page, "vi")
    wait_for_maps(visit.page, 2)

    paths = {chart["key"]: chart["geoPaths"] for chart in charts(visit.page)}
    assert paths["exchanges_world_map"] > 0
    assert paths["exchanges_vietnam_map"] > 0
    assert geometry, "no map geometry was fetched from the app's own static folder"
    assert all(url.startswith(dashboard.base_url) for url in geometry)
    assert visit.blocked == []


def test_a_deep_link_opened_first_on_a_fresh_server_shows_the_dashboard(
    browser_database: str, visit: Visit, tmp_path: Path
) -> None:
    with run_dashboard(browser_database, tmp_path / "streamlit.log") as fresh:
        open_page(visit, fresh.url("members", DONG_NAI_QUERY))

        navigation = visit.page.locator('[data-testid="stSidebarNavLink"]').all_inner_texts()
        assert navigation == [t(f"page.{name}", "vi") for name in PAGES]
        assert multiselect_labels(visit.page, "province") == [DONG_NAI]
