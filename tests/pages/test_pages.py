"""Every page run in Streamlit's AppTest on the small hand-made dataset (tests/utils/).

Chart data is read off the rendered plotly elements (the figure JSON Streamlit sends to the
browser), so these tests check what a user would see, against sums done by hand from the rows
documented in tests/utils/small_dataset.py.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlmodel import Session, col
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Progress

from charts.style import unwrap
from datastore.config import PROJECT_ROOT
from datastore.db import get_engine
from datastore.extracts import extract_columns
from datastore.load.imports import import_file
from datastore.load.undo import undo_load
from datastore.models.loads import ImportBatch
from i18n.catalogue import Lang, t
from i18n.formatting import MISSING
from testkit.apptest import clear_streamlit_caches
from tests.utils.bad_files import csv_bytes
from tests.utils.deferred_views import close_views, open_views, waiting
from tests.utils.small_dataset import EXCHANGES
from ui import catalog

ENTRY = PROJECT_ROOT / "dashboard.py"
TIMEOUT = 60
SEED_TIMEOUT = 600
DEMO_SCALE = "0.01"

# The charts each page draws when the filters match something, by Streamlit key (chart_<key>),
# with the text key their title starts with: the catalogue's entries for that page.
PAGE_CHARTS: dict[str, dict[str, str]] = {
    page: {chart.key: chart.title_key for chart in catalog.charts_on(page)}
    for page in ("overview", "members", "aid", "exchanges")
} | {"data": {}, "completeness": {}, "about": {}}
EXTRACT_KINDS = ("members", "aid", "exchanges", "organizations")


def open_app(page: str = "overview", *, lang: str = "vi", **widgets: Any) -> AppTest:
    """The app on `page` in `lang`, after setting the given widgets (by key) one run at a time."""
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.run()
    if lang != "vi":
        at.segmented_control(key="lang").set_value(lang).run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    for key, value in widgets.items():
        set_widget(at, key, value)
    assert not at.exception, [e.value for e in at.exception]
    return at


def set_widget(at: AppTest, key: str, value: Any) -> None:
    """Set one filter widget by its key and rerun, as a user changing it would."""
    kinds = {
        "p63": at.toggle,
        "province": at.multiselect,
        "province63": at.multiselect,
        "country": at.multiselect,
        "sector": at.multiselect,
        "kind": at.multiselect,
        "years": at.slider,
        "measure": at.segmented_control,
        "direction": at.selectbox,
        "currency": at.segmented_control,
        "lang": at.segmented_control,
    }
    kinds[key](key=key).set_value(value).run()
    assert not at.exception, [e.value for e in at.exception]


def figures(at: AppTest) -> dict[str, dict[str, Any]]:
    """Every plotly figure of the page, by chart key (chart_ dropped), those in tabs included.

    The maps and the heatmap wait for a tab or an expander (ui/deferred.py): they are opened
    for one run and closed again, so the page is left as it first showed.
    """
    result = shown_figures(at)
    if waiting(at):
        open_views(at)
        result |= shown_figures(at)
        close_views(at)
    return result


def shown_figures(at: AppTest) -> dict[str, dict[str, Any]]:
    """The plotly figures the last run sent to the browser, by chart key (chart_ dropped)."""
    result: dict[str, dict[str, Any]] = {}
    for element in at.get("plotly_chart"):
        key = str(element.key)
        result[key.removeprefix("chart_")] = json.loads(element.proto.spec)
    return result


def figure(at: AppTest, key: str) -> dict[str, Any]:
    """One chart's figure; fails with the keys present if the chart is not on the page."""
    shown = figures(at) if key in waiting(at) else shown_figures(at)
    assert key in shown, f"chart {key!r} not drawn; charts on the page: {sorted(shown)}"
    return shown[key]


def _data_traces(fig: dict[str, Any]) -> list[dict[str, Any]]:
    """Traces with data, leaving out map decorations (the archipelago labels)."""
    return [
        trace
        for trace in fig["data"]
        if not (isinstance(trace.get("meta"), dict) and trace["meta"].get("role"))
    ]


def series(fig: dict[str, Any], name: str | None = None) -> dict[Any, float]:
    """{category: value} of the trace called `name` (or the only data trace), as drawn.

    Horizontal bars map their y labels to x; everything else maps x to y; maps map their
    locations (or text labels) to z (or marker size).
    """
    traces = _data_traces(fig)
    if name is not None:
        traces = [trace for trace in traces if trace.get("name") == name]
    names = [trace.get("name") for trace in _data_traces(fig)]
    assert len(traces) == 1, f"expected one trace named {name!r}, found {names}"
    trace = traces[0]
    if trace["type"] == "choropleth":
        return dict(zip(trace["locations"], trace["z"], strict=True))
    if trace["type"] == "scattergeo":
        return dict(zip(trace["text"], trace["marker"]["size"], strict=True))
    if trace.get("orientation") == "h":
        return dict(zip(trace["y"], trace["x"], strict=True))
    return dict(zip(trace["x"], trace["y"], strict=True))


def merged(fig: dict[str, Any]) -> dict[Any, float]:
    """{category: value} over every data trace, for charts that split one axis into groups."""
    result: dict[Any, float] = {}
    for name in series_names(fig):
        points = series(fig, name)
        assert not set(points) & set(result), f"category in two traces: {set(points) & set(result)}"
        result.update(points)
    return result


def series_names(fig: dict[str, Any]) -> list[str]:
    """Names of the data traces, in drawing order."""
    return [str(trace.get("name")) for trace in _data_traces(fig)]


def amounts(fig: dict[str, Any], name: str | None = None) -> dict[Any, float]:
    """Like series(), for money charts: values back in whole currency units."""
    return _unscaled(fig, series(fig, name))


def all_amounts(fig: dict[str, Any]) -> dict[Any, float]:
    """Like merged(), for money charts: values back in whole currency units."""
    return _unscaled(fig, merged(fig))


def _unscaled(fig: dict[str, Any], values: dict[Any, float]) -> dict[Any, float]:
    """Money charts draw millions or billions; their meta says by how much they divided."""
    meta = fig["layout"].get("meta") or {}
    scale = float(meta.get("value_scale", 1.0))
    return {label: value * scale for label, value in values.items()}


def by_sector_code(values: dict[Any, float]) -> dict[str, float]:
    """Sector labels such as 'Y tế chung (121)' keyed by their DAC code alone."""
    result: dict[str, float] = {}
    for label, value in values.items():
        match = re.search(r"\((\d+)\)$", str(label))
        assert match, f"sector label without a code: {label!r}"
        result[match.group(1)] = value
    return result


def nonzero(values: dict[Any, float]) -> dict[Any, float]:
    """Leave out the zero points (years where a series has nothing)."""
    return {key: value for key, value in values.items() if value}


def title(fig: dict[str, Any]) -> str:
    """The first line of a chart's title (the second line names the filters)."""
    return unwrap(str(fig["layout"]["title"]["text"])).split("<br>")[0]


def texts(elements: Any) -> list[str]:
    """The texts of a sequence of AppTest elements (subheaders, captions)."""
    return [str(element.value) for element in elements]


def infos(at: AppTest) -> list[str]:
    """The texts of the st.info boxes on the page."""
    return [str(box.value) for box in at.info]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", list(PAGE_CHARTS))
def test_every_page_runs_without_an_exception_in_both_languages(
    small_database: str, page: str, lang: Lang
) -> None:
    at = open_app(page, lang=lang)

    assert at.title[0].value == t(f"page.{page}", lang)
    shown = figures(at)
    assert sorted(shown) == sorted(PAGE_CHARTS[page])
    for key, title_key in PAGE_CHARTS[page].items():
        assert title(shown[key]).startswith(t(title_key, lang)), key
        assert any(
            len(trace.get("x") or trace.get("z") or trace.get("lat") or []) > 0
            for trace in _data_traces(shown[key])
        ), f"{key} draws no points"
    assert t("empty.no_data", lang) not in infos(at)
    # The small dataset is not demo data, so no demo banner.
    assert t("banner.demo", lang) not in infos(at)
    sidebar_labels = [widget.label for widget in at.sidebar.multiselect]
    assert sidebar_labels[:2] == [t("filter.province", lang), t("filter.countries", lang)]


def test_english_switch_translates_series_and_country_names(small_database: str) -> None:
    at = open_app("members", lang="en")

    by_year = figure(at, "members_by_year")
    assert series_names(by_year) == ["Associations", "Chapters", "Members"]
    assert series(figure(at, "members_by_partner_country")) == {"Cambodia": 700}
    assert at.caption[0].value.startswith("Members of the friendship associations")


def test_current_dong_nai_includes_the_2019_binh_phuoc_rows_on_the_members_page(
    small_database: str,
) -> None:
    at = open_app("members", province=["75"])

    by_year = figure(at, "members_by_year")
    # M1 (Bình Phước) + M2 + M3 in 2019, M4 in 2020, M7 in 2026.
    assert series(by_year, t("metric.members", "vi")) == {2019: 450, 2020: 400, 2026: 450}
    assert series(by_year, t("metric.associations", "vi")) == {2019: 3, 2020: 1, 2026: 1}
    # M3 has no chapter count: 2 + 5 in 2019.
    assert series(by_year, t("metric.chapters", "vi")) == {2019: 7, 2020: 8, 2026: 9}
    assert series(figure(at, "members_by_province")) == {"Đồng Nai": 450}
    assert "Đồng Nai" in at.caption[0].value


def test_current_dong_nai_on_the_exchanges_page_counts_binh_phuoc_and_post_reform_rows(
    small_database: str,
) -> None:
    at = open_app("exchanges", province=["75"])

    # E3 (Bình Phước 2019), E4, E7 (after the reform), E8 (domestic).
    assert series(figure(at, "exchanges_by_province")) == {"Đồng Nai": 4}
    assert series(figure(at, "exchanges_vietnam_map")) == {"Đồng Nai": 4}
    by_year = figure(at, "exchanges_by_year_and_direction")
    assert series(by_year, t("direction.incoming", "vi")) == {2020: 2}
    assert series(by_year, t("direction.outgoing", "vi")) == {2019: 1, 2025: 1}
    # E8 has no partner country, so three countries with one exchange each.
    assert series(figure(at, "exchanges_by_partner_country")) == {
        "Campuchia": 1,
        "Hoa Kỳ": 1,
        "Lào": 1,
    }


def test_current_dong_nai_on_the_aid_page_sums_binh_phuoc_and_dong_nai_aid(
    small_database: str,
) -> None:
    at = open_app("aid", province=["75"])

    # Disbursed by default: A2 (Bình Phước, 1 500 USD at 23 250), A3, A5 (5 000 USD at 26 300).
    assert by_sector_code(all_amounts(figure(at, "aid_by_sector"))) == pytest.approx(
        {"121": 34_875_000, "160": 232_500_000, "111": 131_500_000}
    )
    assert amounts(figure(at, "aid_by_donor_country")) == pytest.approx(
        # A3's donor names no country: a foreign NGO whose country is unspecified.
        {"Hàn Quốc": 131_500_000, "Chưa xác định": 232_500_000, "Hoa Kỳ": 34_875_000}
    )
    # The committed line keeps A1 (2 000 USD in 2019) and A4 (2020).
    committed = figure(at, "aid_committed_vs_disbursed")
    assert amounts(committed, t("measure.committed", "vi")) == pytest.approx(
        {2019: 46_500_000, 2020: 465_000_000, 2026: 0}
    )


def test_current_dong_nai_on_the_overview_page(
    small_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.headline.today", lambda: date(2027, 6, 1))
    at = open_app("overview", province=["75"])

    trends = figure(at, "overview_trends")
    assert nonzero(series(trends, t("metric.members", "vi"))) == {2019: 450, 2020: 400, 2026: 450}
    assert series(figure(at, "overview_map")) == {"Đồng Nai": 4}
    assert series(figure(at, "overview_top_partners")) == {"Campuchia": 1, "Hoa Kỳ": 1, "Lào": 1}
    # Headline figures are for the latest year, 2026: M7 450 members; 2025 has no members
    # report to compare with, so no change rather than a fall or a rise from 0.
    assert at.metric[0].value == "450"
    assert at.metric[0].proto.delta == ""
    assert at.metric[0].proto.delta_description == t(
        "compare.previous_not_reported", "vi", year=2025
    )


def test_an_unfinished_year_is_not_the_overview_headline(
    small_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.headline.today", lambda: date(2026, 11, 30))
    at = open_app("overview", province=["75"])

    # 2026 is not over: the headline is 2025, when Đồng Nai reported only E7.
    assert texts(at.subheader) == [t("overview.headline", "vi", year=2025)]
    cards = {m.label: (m.value, m.proto.delta_description) for m in at.metric}
    assert cards[t("metric.members", "vi")] == (MISSING, t("compare.not_reported", "vi"))
    # E7, and no 2024 report to compare it with.
    assert cards[t("metric.exchanges", "vi")] == (
        "1",
        t("compare.previous_not_reported", "vi", year=2024),
    )
    # M7 and A5 so far in 2026, no exchange yet.
    later = t("compare.later", "vi", year=2026, records=2, until="", shown=2025)
    assert later in texts(at.caption)


def test_a_single_year_is_compared_and_an_old_province_after_the_reform_is_merged(
    small_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.headline.today", lambda: date(2027, 6, 1))
    at = open_app("overview", lang="en", years=(2020, 2020))
    members = at.metric[0]
    # Đồng Nai's Cambodia association, 400 against 300; 1 of 6 associations in both years.
    assert (members.value, members.proto.delta) == ("460", "+33.3%")
    assert members.proto.delta_description == t(
        "compare.on_associations", "en", year=2019, count=1, total=6
    )

    at = open_app("overview", lang="en", p63=True, province63=["75"])
    assert {m.value for m in at.metric} == {MISSING}
    assert {m.proto.delta_description for m in at.metric} == {
        t("compare.merged", "en", unit="Đồng Nai")
    }


def test_the_63_list_separates_binh_phuoc_from_old_dong_nai(small_database: str) -> None:
    at = open_app("members", p63=True)

    # In the 63 view post-reform rows (M6, M7) stand under their new units, marked as such,
    # never under the old province hosting the centre (Bình Định 52, old Đồng Nai 75).
    assert series(figure(at, "members_by_province")) == {
        "Đồng Nai (từ 1/7/2025)": 450,
        "Gia Lai (từ 1/7/2025)": 250,
    }
    set_widget(at, "province63", ["75"])
    assert series(figure(at, "members_by_year"), t("metric.members", "vi")) == {
        2019: 350,
        2020: 400,
    }
    set_widget(at, "province63", ["70"])
    assert series(figure(at, "members_by_year"), t("metric.members", "vi")) == {2019: 100}


def test_the_63_list_on_the_exchanges_page(small_database: str) -> None:
    at = open_app("exchanges", p63=True)

    assert series(figure(at, "exchanges_by_province")) == {
        "Đồng Nai": 2,  # E4, E8
        "Đồng Nai (từ 1/7/2025)": 1,  # E7, 1 September 2025
        "Bình Phước": 1,  # E3
        "Đắk Lắk": 2,  # E1, E2
        "Gia Lai": 1,  # E5
        "Gia Lai (từ 1/7/2025)": 1,  # E6, not under Bình Định
    }


def test_the_current_list_switch_back_shows_the_34_units(small_database: str) -> None:
    at = open_app("exchanges", p63=True)
    set_widget(at, "p63", False)

    assert series(figure(at, "exchanges_by_province")) == {
        "Đồng Nai": 4,
        "Đắk Lắk": 2,
        "Gia Lai": 2,
    }


def test_the_year_range_keeps_only_those_years(small_database: str) -> None:
    at = open_app("members", years=(2019, 2020))

    by_year = figure(at, "members_by_year")
    assert series(by_year, t("metric.members", "vi")) == {2019: 680, 2020: 460}
    # The province chart shows the latest year in range: 2020 (M4, M9).
    assert series(figure(at, "members_by_province")) == {"Đồng Nai": 400, "Đắk Lắk": 60}
    assert title(figure(at, "members_by_province")).endswith("2020")

    at.switch_page("pages/exchanges.py").run()
    by_direction = figure(at, "exchanges_by_year_and_direction")
    assert series(by_direction, t("direction.incoming", "vi")) == {2020: 2}
    assert series(by_direction, t("direction.outgoing", "vi")) == {2019: 2}

    at.switch_page("pages/aid.py").run()
    committed = figure(at, "aid_committed_vs_disbursed")
    assert amounts(committed, t("measure.committed", "vi")) == pytest.approx(
        {2019: 46_500_000, 2020: 465_000_000}
    )
    assert amounts(committed, t("measure.disbursed", "vi")) == pytest.approx(
        {2019: 267_375_000, 2020: 0}
    )


def test_partner_countries_keep_only_their_rows(small_database: str) -> None:
    at = open_app("members", country=["LAO"])

    # M3 (Đồng Nai) and M8 (Bình Định), both 2019.
    assert series(figure(at, "members_by_year"), t("metric.members", "vi")) == {2019: 80}
    assert series(figure(at, "members_by_partner_country")) == {"Lào": 80}

    at.switch_page("pages/exchanges.py").run()
    assert series(figure(at, "exchanges_by_partner_country")) == {"Lào": 1}
    assert series(figure(at, "exchanges_world_map")) == {"LAO": 1}

    set_widget(at, "country", ["KOR"])
    at.switch_page("pages/aid.py").run()
    # A5, disbursed (the default measure); A4 was only committed.
    assert amounts(figure(at, "aid_by_donor_country")) == pytest.approx({"Hàn Quốc": 131_500_000})


def test_shared_filters_stay_when_moving_between_pages(small_database: str) -> None:
    at = open_app("members", province=["75"])
    at.switch_page("pages/exchanges.py").run()

    assert at.multiselect(key="province").value == ["75"]
    assert series(figure(at, "exchanges_by_province")) == {"Đồng Nai": 4}


def test_aid_in_usd_uses_the_stored_dollar_amounts(small_database: str) -> None:
    at = open_app("aid", currency="USD")

    # Disbursed: A2, A3 (232 500 000 VND stored as 10 000 USD), A5, A6.
    assert by_sector_code(all_amounts(figure(at, "aid_by_sector"))) == pytest.approx(
        {"121": 1_500, "160": 10_000, "111": 5_000, "410": 1_000}
    )
    assert amounts(figure(at, "aid_by_donor_country")) == pytest.approx(
        {"Hàn Quốc": 5_000, "Chưa xác định": 10_000, "Hoa Kỳ": 2_500}
    )
    assert figure(at, "aid_by_sector")["layout"]["meta"]["value_unit"] == t("unit.usd", "vi")

    set_widget(at, "currency", "VND")
    assert by_sector_code(all_amounts(figure(at, "aid_by_sector"))) == pytest.approx(
        {"121": 34_875_000, "160": 232_500_000, "111": 131_500_000, "410": 26_300_000}
    )


def test_the_measure_filter_picks_one_measure_except_in_the_committed_against_disbursed_chart(
    small_database: str,
) -> None:
    at = open_app("aid")

    # Disbursed by default: A2 1 500 USD at 23 250, A3, A5 and A6 (USD at 26 300).
    assert by_sector_code(all_amounts(figure(at, "aid_by_sector"))) == pytest.approx(
        {"121": 34_875_000, "160": 232_500_000, "111": 131_500_000, "410": 26_300_000}
    )

    set_widget(at, "measure", "committed")
    # A1 2 000 USD at 23 250, A4.
    assert by_sector_code(all_amounts(figure(at, "aid_by_sector"))) == pytest.approx(
        {"121": 46_500_000, "111": 465_000_000}
    )
    assert amounts(figure(at, "aid_by_donor_country")) == pytest.approx(
        {"Hàn Quốc": 465_000_000, "Hoa Kỳ": 46_500_000}
    )
    committed = figure(at, "aid_committed_vs_disbursed")
    assert amounts(committed, t("measure.committed", "vi")) == pytest.approx(
        {2019: 46_500_000, 2020: 465_000_000, 2026: 0}
    )
    assert amounts(committed, t("measure.disbursed", "vi")) == pytest.approx(
        {2019: 267_375_000, 2020: 0, 2026: 157_800_000}
    )


def test_the_sector_filter_keeps_only_that_sector(small_database: str) -> None:
    at = open_app("aid", sector=["111"])

    by_year = figure(at, "aid_by_year_and_sector")
    assert series_names(by_year) == ["Giáo dục, cấp học chưa xác định (111)"]
    assert amounts(by_year) == pytest.approx({2026: 131_500_000})  # A5
    assert amounts(figure(at, "aid_by_donor_country")) == pytest.approx({"Hàn Quốc": 131_500_000})

    set_widget(at, "measure", "committed")
    assert amounts(figure(at, "aid_by_year_and_sector")) == pytest.approx(
        {2020: 465_000_000}  # A4
    )


def test_the_direction_filter_keeps_incoming_or_outgoing_exchanges(small_database: str) -> None:
    at = open_app("exchanges", direction="incoming")

    # E1, E2, E6 with Cambodia, E4 with the US; E8 has no partner country.
    assert series(figure(at, "exchanges_by_partner_country")) == {"Campuchia": 3, "Hoa Kỳ": 1}
    by_year = figure(at, "exchanges_by_year_and_direction")
    assert series_names(by_year) == [t("direction.incoming", "vi")]
    assert series(by_year) == {2014: 2, 2020: 2, 2026: 1}

    set_widget(at, "direction", "outgoing")
    assert series(figure(at, "exchanges_by_partner_country")) == {"Campuchia": 2, "Lào": 1}
    assert series(figure(at, "exchanges_by_year_and_direction")) == {2019: 2, 2025: 1}


def test_the_kind_filter_keeps_only_those_kinds_of_exchange(small_database: str) -> None:
    at = open_app("exchanges", kind=["event"])

    # E4 and E8, both Đồng Nai in 2020; only E4 has a partner country.
    assert series(figure(at, "exchanges_by_province")) == {"Đồng Nai": 2}
    assert series(figure(at, "exchanges_by_partner_country")) == {"Hoa Kỳ": 1}

    set_widget(at, "kind", ["conference"])
    assert series(figure(at, "exchanges_by_partner_country")) == {"Lào": 1}
    assert series(figure(at, "exchanges_by_year_and_direction")) == {2025: 1}


@pytest.mark.parametrize(
    ("page", "widgets", "messages"),
    [
        ("overview", {"province": ["66"], "country": ["LAO"]}, 1),
        ("members", {"province": ["66"], "country": ["LAO"]}, 4),  # three charts and the table
        ("aid", {"country": ["LAO"]}, 4),
        # Two bar charts (their maps wait in tabs), by year, localities; the heatmap waits.
        ("exchanges", {"direction": "incoming", "kind": ["conference"]}, 4),
        ("data", {"province": ["66"], "country": ["LAO"]}, 4),
    ],
)
def test_filters_that_match_nothing_show_the_no_data_message_instead_of_charts(
    small_database: str, page: str, widgets: dict[str, Any], messages: int
) -> None:
    at = open_app(page, **widgets)

    assert figures(at) == {}
    assert infos(at).count(t("empty.no_data", "vi")) == messages
    if waiting(at):
        # Each map and the heatmap, once opened, says the same in its own place.
        open_views(at)
        opened = [view for view in waiting(at).values() if view[1] is True]
        assert infos(at).count(t("empty.no_data", "vi")) == messages + len(opened)


def test_the_data_page_offers_csv_and_excel_downloads_of_each_dataset(
    small_database: str,
) -> None:
    at = open_app("data", province=["75"])

    assert [tab.label for tab in at.tabs] == [t(f"data.tab.{kind}", "vi") for kind in EXTRACT_KINDS]
    # Links to the streamed route (ui/extract_route.py); ids end in "-<widget key>".
    buttons = {b.proto.id.split("-", 2)[-1]: b.proto.label for b in at.get("link_button")}
    previews: list[pd.DataFrame] = [frame.value for frame in at.dataframe]
    # Đồng Nai today: members M1 M2 M3 M4 M7, aid A1 to A5, exchanges E3 E4 E7 E8.
    assert [len(frame) for frame in previews[:3]] == [5, 5, 4]
    # Each button says how many rows its file holds: every row, here the whole preview.
    for kind, rows in zip(EXTRACT_KINDS, [5, 5, 4], strict=False):
        assert buttons[f"download_{kind}_csv"] == t("extract.download.csv", "vi", rows=rows)
        assert buttons[f"download_{kind}_xlsx"] == t("extract.download.xlsx", "vi", rows=rows)
    # The preview speaks the interface language: Vietnamese column headers here.
    header = {column.name: column.header_vi for column in extract_columns("members")}
    assert set(previews[0][header["province_2025_code"]]) == {"75"}


def test_filters_come_from_the_address_bar(small_database: str) -> None:
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    # Bound widgets write their shown label into the URL, e.g. "Đồng Nai (75)".
    at.query_params["province"] = "Đồng Nai (75)"
    at.switch_page("pages/members.py")
    at.run()
    assert not at.exception
    assert at.multiselect(key="province").value == ["75"]
    assert series(figure(at, "members_by_year"), t("metric.members", "vi")) == {
        2019: 450,
        2020: 400,
        2026: 450,
    }


@pytest.mark.slow
def test_first_start_on_an_empty_database_seeds_the_demo_data_and_says_so(
    empty_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("seed", reason="the demo seed package is not there yet")
    monkeypatch.setenv("DATABASE_URL", empty_database_url)
    monkeypatch.delenv("DDN_NO_DEMO", raising=False)
    monkeypatch.setenv("DDN_DEMO_SCALE", DEMO_SCALE)
    clear_streamlit_caches()
    try:
        at = AppTest.from_file(str(ENTRY), default_timeout=SEED_TIMEOUT)
        at.run()

        assert not at.exception, [e.value for e in at.exception]
        # The progress shown while seeding ends full, under a label saying it is done.
        assert [status.label for status in at.status] == [t("bootstrap.seeded", "vi")]
        bars = [bar.value for bar in at.get("progress") if isinstance(bar, Progress)]
        assert bars == [100]  # percent
        assert t("banner.demo", "vi") in infos(at)
        assert sorted(figures(at)) == sorted(PAGE_CHARTS["overview"])
        with Session(get_engine(empty_database_url)) as session:
            demo_batches = session.execute(
                select(func.count())
                .select_from(ImportBatch)
                .where(col(ImportBatch.is_demo).is_(True))
            ).scalar_one()
        assert demo_batches > 0

        at.switch_page("pages/about.py").run()
        assert t("banner.demo", "vi") in infos(at)
    finally:
        clear_streamlit_caches()


def test_a_load_and_its_undo_show_at_the_next_rerun_never_the_cached_chart(
    small_database: str,
) -> None:
    at = open_app("exchanges", direction="incoming")
    before = {"Campuchia": 3, "Hoa Kỳ": 1}
    assert series(figure(at, "exchanges_by_partner_country")) == before
    at.run()  # drawn again from the caches
    assert series(figure(at, "exchanges_by_partner_country")) == before

    # One more incoming delegation from Cambodia (E1 on another day), loaded beside the app.
    extra = [{**EXCHANGES[0], "date": "02/04/2014", "title": "Đoàn bổ sung"}]
    with Session(get_engine(small_database)) as session:
        summary = import_file(
            session=session,
            kind="exchanges",
            data=csv_bytes("exchanges", extra),
            file_name="bo_sung.csv",
            created_by="test",
        )
    at.run()
    assert series(figure(at, "exchanges_by_partner_country")) == {"Campuchia": 4, "Hoa Kỳ": 1}
    assert summary.batch_id is not None

    with Session(get_engine(small_database)) as session:
        undo_load(session=session, batch_id=summary.batch_id, user="test")
    at.run()
    assert series(figure(at, "exchanges_by_partner_country")) == before


def test_the_reporting_status_shows_who_reported_what_and_when(small_database: str) -> None:
    at = open_app("completeness")
    at.selectbox(key="completeness_year").set_value(2019).run()

    assert t("completeness.summary", "vi", year=2019, total=34, members=2, aid=1, exchanges=2) in [
        str(m.value) for m in at.markdown
    ]
    table = at.dataframe[0].value.set_index(t("completeness.province", "vi"))
    not_reported = t("compare.not_reported", "vi")
    # Đồng Nai restated: M1+M2+M3 = 450 in 3 associations; A1, A2, A3; E3 on 10 May 2019.
    dong_nai = table.loc["Đồng Nai"]
    assert (
        dong_nai[t("completeness.members", "vi")],
        dong_nai[t("metric.associations", "vi")],
    ) == (
        "450",
        "3",
    )
    assert dong_nai[t("completeness.aid_rows", "vi")] == "3"
    assert dong_nai[t("completeness.latest_exchange", "vi")] == "10/05/2019"
    assert dong_nai[t("completeness.members_loaded", "vi")] != ""
    # Đắk Lắk sent nothing for 2019: not reported, not 0.
    assert set(
        table.loc["Đắk Lắk", [t("completeness.members", "vi"), t("completeness.exchanges", "vi")]]
    ) == {not_reported}


def test_the_reporting_status_of_the_63_list_names_the_unit_a_province_merged_into(
    small_database: str,
) -> None:
    at = open_app("completeness", lang="en", p63=True)
    at.selectbox(key="completeness_year").set_value(2026).run()

    table = at.dataframe[0].value.set_index(t("completeness.province", "en"))
    note = t("completeness.note", "en")
    assert table.loc["Bình Phước", note] == t("compare.merged", "en", unit="Đồng Nai")
    # Bình Định kept its code for the new Gia Lai; M6 is Gia Lai's, not Bình Định's.
    assert table.loc["Bình Định", note] == t("compare.merged", "en", unit="Gia Lai")
    # Its figures are the new unit's: marked as merged, not as a missing report.
    assert table.loc["Bình Định", t("completeness.members", "en")] == MISSING
    assert table.loc["Cao Bằng", t("completeness.members", "en")] == t("compare.not_reported", "en")
    assert table.loc["Cao Bằng", note] == ""
