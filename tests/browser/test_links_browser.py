"""Links in real Chromium: hand-typed links reproduce their view, the address bar holds codes.

The server and Chromium come from tests/utils/browser_fixtures.py (one of each per session).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from i18n.catalogue import t
from testkit.browser import (
    Visit,
    charts,
    choose_in_multiselect,
    data_traces,
    multiselect_labels,
    open_page,
    signature,
    wait_for_redraw,
    wait_until_settled,
)
from testkit.server import DashboardServer, run_dashboard

pytestmark = pytest.mark.browser

DONG_NAI = "Đồng Nai (75) · gồm Bình Phước"


def _query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _numbers(page: Page) -> dict[str, list[float]]:
    """Each chart's drawn numbers, which do not depend on the interface language."""
    drawn: dict[str, list[float]] = {}
    for chart in charts(page):
        numbers: list[float] = []
        for trace in data_traces(chart):
            for axis in ("x", "y", "z", "size"):
                values = trace.get(axis)
                if isinstance(values, list):
                    numbers += [v for v in values if isinstance(v, int | float)]
        drawn[str(chart["key"])] = sorted(numbers)
    return drawn


def _notices(page: Page) -> list[str]:
    return page.locator('[data-testid="stAlertContentWarning"]').all_inner_texts()


@pytest.mark.parametrize(
    ("page", "typed", "codes"),
    [
        ("members", "province=75", "province=75"),
        ("members", "province=dong nai", "province=75"),
        ("members", "province=Tỉnh Bình Phước", "province=75"),
        ("exchanges", "country=KHM", "country=KHM"),
        ("exchanges", "country=Cambodia", "country=KHM"),
        ("members", "years=2020", "years=2020&years=2020"),
        ("aid", "measure=committed&currency=USD", "currency=USD&measure=committed"),
        ("exchanges", "direction=incoming", "direction=incoming"),
    ],
)
def test_a_hand_typed_link_reproduces_its_view_and_becomes_codes(
    dashboard: DashboardServer, visit: Visit, page: str, typed: str, codes: str
) -> None:
    open_page(visit, dashboard.url(page))
    unfiltered = signature(visit.page)
    open_page(visit, dashboard.url(page, quote(typed, safe="=&")))
    typed_view = signature(visit.page)

    assert _query(visit.page) == parse_qs(codes)
    assert _notices(visit.page) == []
    assert typed_view != unfiltered, "the link changed nothing on the page"
    open_page(visit, dashboard.url(page, codes))
    assert signature(visit.page) == typed_view


def test_an_unknown_value_is_named_and_the_rest_of_the_link_applies(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, dashboard.url("members", "province=Atlantis&country=KHM"))

    [notice] = _notices(visit.page)
    assert "“Atlantis”" in notice
    assert notice.startswith("Liên kết có giá trị không khớp")
    assert multiselect_labels(visit.page, "country") == ["Campuchia"]
    assert _query(visit.page) == {"country": ["KHM"]}


@pytest.mark.parametrize(("first", "second"), [("vi", "en"), ("en", "vi")])
def test_a_link_copied_in_one_language_shows_the_same_filters_in_the_other(
    dashboard: DashboardServer, visit: Visit, first: str, second: str
) -> None:
    filters = "province=75&years=2019&years=2020&currency=USD&measure=committed"
    lang = {"vi": "", "en": "lang=en&"}
    open_page(visit, dashboard.url("aid", lang[first] + filters))
    copied = _query(visit.page)
    numbers = _numbers(visit.page)

    other = visit.page.context.new_page()
    try:
        other.goto(dashboard.url("aid", lang[second] + filters))
        wait_until_settled(other)
        assert {k: v for k, v in _query(other).items() if k != "lang"} == {
            k: v for k, v in copied.items() if k != "lang"
        }
        assert _numbers(other) == numbers
        assert multiselect_labels(other, "province")[0].startswith("Đồng Nai (75)")
        measure = other.locator(".st-key-measure").get_by_role("radio", checked=True)
        expect(measure).to_have_text(t("measure.committed", second))  # type: ignore[arg-type]
    finally:
        other.close()


def test_the_address_after_choosing_filters_holds_codes_only(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, dashboard.url("exchanges"))
    before = signature(visit.page)
    choose_in_multiselect(visit.page, "province", DONG_NAI)
    wait_for_redraw(visit.page, before)
    before = signature(visit.page)
    choose_in_multiselect(visit.page, "country", "Campuchia")
    wait_for_redraw(visit.page, before)
    visit.page.locator(".st-key-lang").get_by_text("English", exact=True).click()
    wait_until_settled(visit.page)

    # The chips follow the language: the options are codes, their labels are drawn anew.
    expect(visit.page.locator(".st-key-country [data-tag]")).to_have_attribute(
        "aria-label", "Cambodia"
    )
    assert _query(visit.page) == {"lang": ["en"], "province": ["75"], "country": ["KHM"]}


def test_the_63_toggle_keeps_the_chosen_province_as_its_old_provinces(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, dashboard.url("members", "province=75"))
    caption = "Đồng Nai, gồm Bình Phước trước 1/7/2025"
    expect(visit.page.get_by_text(caption)).to_be_visible()

    visit.page.locator(".st-key-p63 label").click()
    wait_until_settled(visit.page)
    expect(visit.page.locator(".st-key-province63 [data-tag]")).to_have_count(2)
    assert multiselect_labels(visit.page, "province63") == [
        "Bình Phước (70) · nay thuộc Đồng Nai",
        "Đồng Nai (75)",
    ]
    assert _query(visit.page) == {"p63": ["1"], "province63": ["70", "75"]}

    visit.page.locator(".st-key-p63 label").click()
    wait_until_settled(visit.page)
    expect(visit.page.locator(".st-key-province [data-tag]")).to_have_count(1)
    assert multiselect_labels(visit.page, "province") == [DONG_NAI]
    assert _query(visit.page) == {"province": ["75"]}


def _type(page: Page, key: str, text: str) -> None:
    widget = page.locator(f".st-key-{key} input")
    widget.click()
    widget.fill(text)


@pytest.mark.parametrize("typed", ["Bình Phước", "75", "đồng nai"])
def test_the_province_search_offers_the_unit_by_old_name_and_code(
    dashboard: DashboardServer, visit: Visit, typed: str
) -> None:
    open_page(visit, dashboard.url("members"))
    _type(visit.page, "province", typed)

    expect(visit.page.get_by_role("option", name=DONG_NAI, exact=True)).to_be_visible()
    # No English "Select all" line in the Vietnamese interface.
    expect(visit.page.get_by_role("option", name="Select", exact=False)).to_have_count(0)


@pytest.mark.parametrize("typed", ["dong nai", "tinh binh phuoc"])
def test_a_province_typed_without_diacritics_is_chosen_on_enter(
    dashboard: DashboardServer, visit: Visit, typed: str
) -> None:
    open_page(visit, dashboard.url("members"))
    before = signature(visit.page)
    _type(visit.page, "province", typed)
    visit.page.keyboard.press("Enter")
    visit.page.keyboard.press("Escape")
    wait_for_redraw(visit.page, before)

    assert multiselect_labels(visit.page, "province") == [DONG_NAI]
    assert _query(visit.page) == {"province": ["75"]}


def test_switching_pages_keeps_the_shared_filters_and_brings_back_the_page_filters(
    dashboard: DashboardServer, visit: Visit
) -> None:
    open_page(visit, dashboard.url("aid", "province=75&measure=committed&currency=USD"))
    navigation = visit.page.locator('[data-testid="stSidebarNav"] a')

    navigation.filter(has_text=t("page.members", "vi")).click()
    expect(visit.page.locator("h1", has_text=t("page.members", "vi"))).to_be_visible()
    wait_until_settled(visit.page)
    assert _query(visit.page) == {"province": ["75"]}

    navigation.filter(has_text=t("page.overview", "vi")).click()
    expect(visit.page.locator("h1", has_text=t("page.overview", "vi"))).to_be_visible()
    wait_until_settled(visit.page)
    assert _query(visit.page) == {"province": ["75"], "currency": ["USD"]}

    navigation.filter(has_text=t("page.aid", "vi")).click()
    expect(visit.page.locator("h1", has_text=t("page.aid", "vi"))).to_be_visible()
    wait_until_settled(visit.page)
    assert _query(visit.page) == {"province": ["75"], "currency": ["USD"], "measure": ["committed"]}
    assert multiselect_labels(visit.page, "province") == [DONG_NAI]


def test_a_fresh_servers_first_visit_keeps_every_value_of_a_repeated_parameter(
    small_sqlite_url: str, tmp_path: Path, visit: Visit
) -> None:
    # Until a process first runs the entry file, Streamlit serves a page by its file, and the
    # page hands the link over to the entry file: once with only each parameter's last value.
    with run_dashboard(small_sqlite_url, tmp_path / "streamlit.log") as fresh:
        open_page(visit, fresh.url("members", "province=75&province=52&years=2019&years=2020"))
        wait_until_settled(visit.page)

        assert _query(visit.page).get("province") == ["75", "52"]
        assert _query(visit.page).get("years") == ["2019", "2020"]
