"""Chart builders tested as data: what each figure draws, its titles, formats and alt text."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest

import charts
from charts import (
    alt_text,
    build_aid_by_donor_country,
    build_aid_by_sector,
    build_aid_by_year_and_sector,
    build_aid_committed_vs_disbursed,
    build_exchanges_by_partner_country,
    build_exchanges_by_province,
    build_exchanges_by_year_and_direction,
    build_exchanges_heatmap,
    build_exchanges_vietnam_map,
    build_exchanges_world_map,
    build_members_by_partner_country,
    build_members_by_province,
    build_members_by_year,
    build_overview_trends,
    build_top_partner_localities,
    drawn_frame,
    is_empty,
    plotly_config,
)
from charts.maps import (
    HOANG_SA_ISLANDS,
    HOANG_SA_LABEL,
    TOPOJSON_FILES,
    TRUONG_SA_ISLANDS,
    TRUONG_SA_LABEL,
)
from charts.style import OKABE_ITO, unwrap
from i18n.catalogue import Lang

# Small hand-made frames with the columns of the datastore.queries contract -------------------


def overview_frame() -> pd.DataFrame:
    """overview_by_year, rows deliberately out of year order."""
    return pd.DataFrame(
        {
            "year": [2024, 2023],
            "members": [7000.0, 6500.0],
            "associations": [9.0, 8.0],
            "aid_disbursed": [3.5e9, 2e9],
            "exchanges": [26.0, 20.0],
        }
    )


def members_by_year_frame() -> pd.DataFrame:
    """members_by_year."""
    return pd.DataFrame(
        {
            "year": [2022, 2023, 2024],
            "members": [6000.0, 6500.0, 7000.0],
            "chapters": [30.0, 35.0, 40.0],
            "associations": [8.0, 8.0, 9.0],
        }
    )


def members_by_province_frame() -> pd.DataFrame:
    """members_by_province over two years, three provinces tied in 2024."""
    return pd.DataFrame(
        {
            "year": [2023, 2024, 2024, 2024, 2024],
            "province_code": ["75", "52", "75", "11", "01"],
            "province": ["Đồng Nai", "Gia Lai", "Đồng Nai", "Điện Biên", "Hà Nội"],
            "members": [9999.0, 500.0, 500.0, 500.0, 1200.0],
            "chapters": [50.0, 3.0, 4.0, math.nan, 12.0],
            "associations": [9.0, 2.0, 3.0, 1.0, 7.0],
        }
    )


def members_by_partner_country_frame() -> pd.DataFrame:
    """members_by_partner_country."""
    return pd.DataFrame(
        {
            "year": [2024, 2024, 2024],
            "country_code": ["KHM", "LAO", "JPN"],
            "country": ["Campuchia", "Lào", "Nhật Bản"],
            "members": [4200.0, 1500.0, 300.0],
            "associations": [1.0, 1.0, 1.0],
        }
    )


def aid_by_sector_frame() -> pd.DataFrame:
    """aid_by_sector in VND."""
    return pd.DataFrame(
        {
            "sector_code": ["121", "160", "111"],
            "sector": ["Y tế chung", "An sinh xã hội", "Giáo dục, cấp học chưa xác định"],
            "sector_group": ["Y tế", "An sinh xã hội", "Giáo dục"],
            "amount": [40e9, 35e9, 2.5e9],
        }
    )


def aid_by_year_and_sector_frame() -> pd.DataFrame:
    """aid_by_year_and_sector in VND."""
    return pd.DataFrame(
        {
            "year": [2023, 2023, 2024, 2024, 2024],
            "sector_code": ["121", "430", "121", "112", "160"],
            "sector": [
                "Y tế chung",
                "Đa ngành, phát triển nông thôn",
                "Y tế chung",
                "Giáo dục cơ bản",
                "An sinh xã hội",
            ],
            "amount": [4e9, 1e9, 5e9, 2e9, 3e9],
        }
    )


def committed_vs_disbursed_frame() -> pd.DataFrame:
    """aid_committed_vs_disbursed in VND, one year with nothing committed."""
    return pd.DataFrame(
        {
            "year": [2022, 2023, 2024],
            "committed": [100e9, 0.0, 80e9],
            "disbursed": [80e9, 10e9, 60e9],
            "disbursement_rate": [0.8, math.nan, 0.75],
        }
    )


def aid_by_donor_frame() -> pd.DataFrame:
    """aid_by_donor_country in USD, with domestic donors."""
    return pd.DataFrame(
        {
            "country_code": ["USA", None, "JPN"],
            "country": ["Hoa Kỳ", "Trong nước", "Nhật Bản"],
            "amount": [2.5e6, 0.5e6, 1.2e6],
        }
    )


def exchanges_by_country_frame() -> pd.DataFrame:
    """exchanges_by_partner_country."""
    return pd.DataFrame(
        {
            "country_code": ["KHM", "LAO", "USA"],
            "country": ["Campuchia", "Lào", "Hoa Kỳ"],
            "exchanges": [12.0, 30.0, 5.0],
            "participants": [1200.0, 400.0, math.nan],
        }
    )


def exchanges_by_province_frame() -> pd.DataFrame:
    """exchanges_by_province with centroid coordinates."""
    return pd.DataFrame(
        {
            "province_code": ["66", "75", "04"],
            "province": ["Đắk Lắk", "Đồng Nai", "Cao Bằng"],
            "latitude": [12.67, 10.95, 22.67],
            "longitude": [108.04, 106.82, 106.26],
            "exchanges": [7.0, 15.0, 3.0],
            "participants": [70.0, 150.0, 30.0],
        }
    )


def exchanges_by_year_and_direction_frame() -> pd.DataFrame:
    """exchanges_by_year_and_direction."""
    return pd.DataFrame(
        {
            "year": [2023, 2023, 2024, 2024],
            "direction": ["incoming", "outgoing", "incoming", "outgoing"],
            "exchanges": [7.0, 4.0, 9.0, 6.0],
        }
    )


def heatmap_frame() -> pd.DataFrame:
    """exchanges_by_province_and_country: Gia Lai has no exchange with Campuchia."""
    return pd.DataFrame(
        {
            "province_code": ["64", "75", "75"],
            "province": ["Gia Lai", "Đồng Nai", "Đồng Nai"],
            "country_code": ["LAO", "KHM", "LAO"],
            "country": ["Lào", "Campuchia", "Lào"],
            "exchanges": [2.0, 5.0, 3.0],
        }
    )


def localities_frame() -> pd.DataFrame:
    """exchanges_by_partner_locality (top by exchanges)."""
    return pd.DataFrame(
        {
            "country_code": ["KHM", "KHM", "LAO"],
            "country": ["Campuchia", "Campuchia", "Lào"],
            "partner_locality": ["Mondulkiri", "Ratanakiri", "Attapeu"],
            "exchanges": [7.0, 5.0, 9.0],
        }
    )


Builder = Callable[..., go.Figure]
# Every builder with its sample frame and extra keyword arguments.
CASES: dict[str, tuple[Builder, Callable[[], pd.DataFrame], dict[str, Any]]] = {
    "overview_trends": (build_overview_trends, overview_frame, {}),
    "members_by_year": (build_members_by_year, members_by_year_frame, {}),
    "members_by_province": (build_members_by_province, members_by_province_frame, {}),
    "members_by_partner_country": (
        build_members_by_partner_country,
        members_by_partner_country_frame,
        {},
    ),
    "aid_by_sector": (build_aid_by_sector, aid_by_sector_frame, {}),
    "aid_by_year_and_sector": (build_aid_by_year_and_sector, aid_by_year_and_sector_frame, {}),
    "aid_committed_vs_disbursed": (
        build_aid_committed_vs_disbursed,
        committed_vs_disbursed_frame,
        {},
    ),
    "aid_by_donor_country": (build_aid_by_donor_country, aid_by_donor_frame, {"currency": "USD"}),
    "exchanges_by_partner_country": (
        build_exchanges_by_partner_country,
        exchanges_by_country_frame,
        {},
    ),
    "exchanges_world_map": (build_exchanges_world_map, exchanges_by_country_frame, {}),
    "exchanges_by_province": (build_exchanges_by_province, exchanges_by_province_frame, {}),
    "exchanges_vietnam_map": (build_exchanges_vietnam_map, exchanges_by_province_frame, {}),
    "exchanges_by_year_and_direction": (
        build_exchanges_by_year_and_direction,
        exchanges_by_year_and_direction_frame,
        {},
    ),
    "exchanges_heatmap": (build_exchanges_heatmap, heatmap_frame, {}),
    "top_partner_localities": (build_top_partner_localities, localities_frame, {}),
}
NAMES = sorted(CASES)
RAW_COLUMN_NAMES = (
    "members",
    "associations",
    "chapters",
    "amount",
    "exchanges",
    "participants",
    "country_code",
    "province_code",
    "sector_code",
    "disbursement_rate",
    "aid_disbursed",
)


def build(name: str, lang: str = "vi", title_context: str = "") -> go.Figure:
    """Build the named chart from its sample frame."""
    builder, frame, kwargs = CASES[name]
    return builder(frame(), lang=lang, title_context=title_context, **kwargs)


def as_list(values: Any) -> list[Any]:
    """A trace array as a plain list."""
    return [] if values is None else list(values)


def same(a: list[float], b: list[float]) -> bool:
    """Element-wise equality with NaN equal to NaN and float tolerance."""
    return len(a) == len(b) and all(
        (math.isnan(x) and math.isnan(y)) or math.isclose(x, y) for x, y in zip(a, b, strict=True)
    )


def data_traces(fig: go.Figure) -> list[Any]:
    """Traces that draw data (not map decorations)."""
    return [tr for tr in fig.data if not (isinstance(tr.meta, dict) and tr.meta.get("role"))]


# Properties every chart shares ---------------------------------------------------------------


def test_every_builder_is_covered_by_these_tests() -> None:
    exported = {name for name in charts.__all__ if name.startswith("build_")}
    assert exported == {CASES[name][0].__name__ for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("lang", "separators"), [("vi", ",."), ("en", ".,")])
def test_numbers_use_the_languages_separators(name: str, lang: str, separators: str) -> None:
    assert build(name, lang).layout.separators == separators


@pytest.mark.parametrize("name", NAMES)
def test_the_title_carries_the_filter_context(name: str) -> None:
    fig = build(name, "vi", title_context="Đồng Nai, 2015–2024")
    assert "Đồng Nai, 2015–2024" in unwrap(fig.layout.title.text)
    assert fig.layout.title.text.split("<br>")[0].strip()


def test_the_title_context_is_escaped_for_plotlys_html() -> None:
    fig = build("members_by_year", "vi", title_context="A <b> & B")
    assert "A &lt;b&gt; &amp; B" in unwrap(fig.layout.title.text)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_chart_has_an_alt_text_sentence(name: str, lang: str) -> None:
    text = alt_text(build(name, lang))
    assert len(text) > 30 and text.endswith(".")


@pytest.mark.parametrize("name", NAMES)
def test_hover_labels_name_things_not_columns(name: str) -> None:
    for trace in build(name, "en").data:
        template = trace.hovertemplate or ""
        assert not [c for c in RAW_COLUMN_NAMES if c in template], template


@pytest.mark.parametrize("name", NAMES)
def test_data_is_drawn_in_the_okabe_ito_palette_or_a_sequential_scale(name: str) -> None:
    for trace in data_traces(build(name)):
        if trace.type in ("heatmap", "choropleth"):
            assert trace.colorscale is not None
        elif trace.type == "scatter":
            assert trace.line.color in OKABE_ITO
        else:
            assert trace.marker.color in OKABE_ITO


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_empty_frame_gives_a_titled_figure_with_the_no_data_message(
    name: str, lang: str
) -> None:
    builder, frame, kwargs = CASES[name]
    empty = frame().iloc[0:0]
    assert is_empty(empty)
    fig = builder(empty, lang=lang, title_context="Cao Bằng", **kwargs)
    assert data_traces(fig) == []
    message = {
        "vi": "Không có dữ liệu cho bộ lọc đã chọn",
        "en": "No data for the selected filters",
    }
    assert [a.text for a in fig.layout.annotations] == [message[lang]]
    assert "Cao Bằng" in unwrap(fig.layout.title.text)
    assert drawn_frame(fig).empty


def test_is_empty_is_false_for_a_frame_with_rows() -> None:
    assert not is_empty(overview_frame())
    assert is_empty(None)


@pytest.mark.parametrize(
    "name",
    [
        "overview_trends",
        "members_by_year",
        "aid_by_year_and_sector",
        "aid_committed_vs_disbursed",
        "exchanges_by_year_and_direction",
    ],
)
def test_years_are_never_printed_with_a_thousands_separator(name: str) -> None:
    fig = build(name, "vi")
    axes = [fig.layout[k] for k in fig.layout if k.startswith("xaxis")]
    assert axes and all(axis.tickformat == "d" for axis in axes)


# Overview ------------------------------------------------------------------------------------


def test_overview_trends_draw_four_metrics_by_year_with_aid_in_billions() -> None:
    fig = build_overview_trends(overview_frame(), lang="vi")
    assert [tr.name for tr in fig.data] == [
        "Hội viên",
        "Hội hữu nghị",
        "Viện trợ giải ngân (tỷ đồng)",
        "Lượt giao lưu",
    ]
    assert all(as_list(tr.x) == [2023, 2024] for tr in fig.data)
    assert as_list(fig.data[0].y) == [6500.0, 7000.0]
    assert as_list(fig.data[2].y) == [2.0, 3.5]
    assert fig.layout.meta["value_unit"] == "tỷ đồng"
    assert fig.layout.meta["value_scale"] == 1e9


# Members -------------------------------------------------------------------------------------


def test_members_by_year_draws_members_as_a_line_and_counts_as_bars() -> None:
    fig = build_members_by_year(members_by_year_frame(), lang="vi")
    kinds = [(tr.type, tr.name, tr.yaxis) for tr in fig.data]
    assert kinds == [
        ("bar", "Hội hữu nghị", "y"),
        ("bar", "Chi hội", "y"),
        ("scatter", "Hội viên", "y2"),
    ]
    assert as_list(fig.data[2].y) == [6000.0, 6500.0, 7000.0]
    assert as_list(fig.data[1].y) == [30.0, 35.0, 40.0]
    assert fig.layout.yaxis2.title.text == "Số hội viên (người)"
    assert "7.000 hội viên" in alt_text(fig)


def test_members_by_province_shows_the_latest_year_ranked_with_ties_in_vietnamese_order() -> None:
    fig = build_members_by_province(members_by_province_frame(), lang="vi")
    bar = fig.data[0]
    # Plain sorted() would put "Gia Lai" before "Điện Biên" and "Đồng Nai".
    assert as_list(bar.y) == ["Hà Nội", "Điện Biên", "Đồng Nai", "Gia Lai"]
    assert as_list(bar.x) == [1200.0, 500.0, 500.0, 500.0]
    assert list(fig.layout.yaxis.categoryarray) == as_list(bar.y)
    assert fig.layout.yaxis.autorange == "reversed"  # the first category sits at the top
    assert unwrap(fig.layout.title.text) == "Hội viên theo tỉnh, thành phố, năm 2024"
    assert [tuple(row) for row in bar.customdata] == [
        ("7", "12"),
        ("1", "–"),
        ("3", "4"),
        ("2", "3"),
    ]


def test_members_by_province_title_in_english_names_the_year() -> None:
    fig = build_members_by_province(members_by_province_frame(), lang="en")
    assert unwrap(fig.layout.title.text) == "Members by province, 2024"
    assert fig.layout.xaxis.title.text == "Members (people)"


def test_members_by_partner_country_is_ranked_by_members() -> None:
    fig = build_members_by_partner_country(members_by_partner_country_frame(), lang="vi")
    assert as_list(fig.data[0].y) == ["Campuchia", "Lào", "Nhật Bản"]
    assert as_list(fig.data[0].x) == [4200.0, 1500.0, 300.0]
    assert [tuple(row) for row in fig.data[0].customdata] == [("1",), ("1",), ("1",)]
    assert "Hội hữu nghị: %{customdata[0]}" in fig.data[0].hovertemplate
    assert "Chi hội" not in fig.data[0].hovertemplate
    assert "4.200 hội viên" in alt_text(fig)


# Aid -----------------------------------------------------------------------------------------


def test_aid_by_sector_names_sectors_with_their_dac_code_and_draws_billions() -> None:
    fig = build_aid_by_sector(aid_by_sector_frame(), lang="vi")
    assert list(fig.layout.yaxis.categoryarray) == [
        "Y tế chung (121)",
        "An sinh xã hội (160)",
        "Giáo dục, cấp học chưa xác định (111)",
    ]
    # One trace per sector group, the groups in Vietnamese order.
    assert [tr.name for tr in fig.data] == ["An sinh xã hội", "Giáo dục", "Y tế"]
    assert as_list(fig.data[2].x) == [40.0]
    assert as_list(fig.data[1].x) == [2.5]
    assert fig.layout.xaxis.title.text == "Giá trị (tỷ đồng)"
    assert "tỷ đồng" in fig.data[0].hovertemplate


def test_aid_by_sector_in_english_keeps_the_frames_names_and_english_units() -> None:
    fig = build_aid_by_sector(aid_by_sector_frame(), lang="en", currency="VND")
    assert fig.layout.xaxis.title.text == "Amount (billion VND)"
    assert "largest is Y tế chung (121) with 40 billion VND" in alt_text(fig)


def test_aid_by_year_and_sector_stacks_sectors_in_vietnamese_order() -> None:
    fig = build_aid_by_year_and_sector(aid_by_year_and_sector_frame(), lang="vi")
    assert fig.layout.barmode == "stack"
    assert [tr.name for tr in fig.data] == [
        "An sinh xã hội (160)",
        "Đa ngành, phát triển nông thôn (430)",
        "Giáo dục cơ bản (112)",
        "Y tế chung (121)",
    ]
    health = fig.data[3]
    assert (as_list(health.x), as_list(health.y)) == ([2023, 2024], [4.0, 5.0])
    assert "15 tỷ đồng" in alt_text(fig)


def test_aid_by_year_and_sector_tells_sectors_apart_beyond_eight_colours_by_hatching() -> None:
    frame = pd.DataFrame(
        {
            "year": [2024] * 9,
            "sector_code": [f"{100 + i}" for i in range(9)],
            "sector": [f"Lĩnh vực {chr(65 + i)}" for i in range(9)],
            "amount": [1e9] * 9,
        }
    )
    fig = build_aid_by_year_and_sector(frame, lang="vi")
    looks = {(tr.marker.color, tr.marker.pattern.shape or "") for tr in fig.data}
    assert len(looks) == 9


def test_committed_vs_disbursed_draws_bars_and_the_rate_on_a_percent_axis() -> None:
    fig = build_aid_committed_vs_disbursed(committed_vs_disbursed_frame(), lang="vi")
    committed, disbursed, rate = fig.data
    assert (committed.name, disbursed.name, rate.name) == (
        "Cam kết",
        "Giải ngân",
        "Tỷ lệ giải ngân",
    )
    assert as_list(committed.y) == [100.0, 0.0, 80.0]
    assert as_list(disbursed.y) == [80.0, 10.0, 60.0]
    assert rate.yaxis == "y2"
    assert same(as_list(rate.y), [0.8, math.nan, 0.75])
    assert fig.layout.yaxis2.tickformat == ".0%"
    assert fig.layout.yaxis2.title.text == "Tỷ lệ giải ngân (%)"
    # 150 of 180 billion disbursed in all.
    assert "tổng giải ngân 150 tỷ đồng, bằng 83,3 % tổng cam kết 180 tỷ đồng" in alt_text(fig)


def test_committed_vs_disbursed_in_usd_uses_millions() -> None:
    frame = committed_vs_disbursed_frame().assign(
        committed=[4e6, 0.0, 3e6], disbursed=[3e6, 0.5e6, 2e6]
    )
    fig = build_aid_committed_vs_disbursed(frame, lang="en", currency="USD")
    assert fig.layout.yaxis.title.text == "Amount (million USD)"
    assert as_list(fig.data[1].y) == [3.0, 0.5, 2.0]


def test_aid_by_donor_country_ranks_donors_with_domestic_ones_as_a_bar() -> None:
    fig = build_aid_by_donor_country(aid_by_donor_frame(), lang="vi", currency="USD")
    assert as_list(fig.data[0].y) == ["Hoa Kỳ", "Nhật Bản", "Trong nước"]
    assert as_list(fig.data[0].x) == [2.5, 1.2, 0.5]
    assert fig.layout.xaxis.title.text == "Giá trị (triệu USD)"


# Exchanges -----------------------------------------------------------------------------------


def test_exchanges_by_partner_country_is_ranked_with_participants_in_the_hover() -> None:
    fig = build_exchanges_by_partner_country(exchanges_by_country_frame(), lang="vi")
    bar = fig.data[0]
    assert as_list(bar.y) == ["Lào", "Campuchia", "Hoa Kỳ"]
    assert as_list(bar.x) == [30.0, 12.0, 5.0]
    assert as_list(bar.customdata) == ["400", "1.200", "–"]
    assert "Số người tham gia" in bar.hovertemplate


def test_world_map_colours_countries_by_iso3_code() -> None:
    fig = build_exchanges_world_map(exchanges_by_country_frame(), lang="en")
    trace = fig.data[0]
    assert trace.type == "choropleth"
    assert trace.locationmode == "ISO-3"
    assert as_list(trace.locations) == ["LAO", "KHM", "USA"]
    assert as_list(trace.z) == [30.0, 12.0, 5.0]
    assert as_list(trace.text) == ["Lào", "Campuchia", "Hoa Kỳ"]


def test_exchanges_by_province_is_ranked() -> None:
    fig = build_exchanges_by_province(exchanges_by_province_frame(), lang="en")
    assert as_list(fig.data[0].y) == ["Đồng Nai", "Đắk Lắk", "Cao Bằng"]
    assert as_list(fig.data[0].x) == [15.0, 7.0, 3.0]
    assert fig.layout.xaxis.title.text == "Exchanges (count)"


def test_vietnam_map_puts_a_circle_sized_by_count_at_each_province() -> None:
    fig = build_exchanges_vietnam_map(exchanges_by_province_frame(), lang="vi")
    [circles] = data_traces(fig)
    assert circles.type == "scattergeo"
    assert as_list(circles.text) == ["Đồng Nai", "Đắk Lắk", "Cao Bằng"]
    assert as_list(circles.lat) == [10.95, 12.67, 22.67]
    assert as_list(circles.lon) == [106.82, 108.04, 106.26]
    assert as_list(circles.marker.size) == [15.0, 7.0, 3.0]
    assert circles.marker.sizemode == "area"
    assert fig.layout.geo.scope == "asia"


@pytest.mark.parametrize(
    ("lang", "hoang_sa", "truong_sa"),
    [
        ("vi", "Quần đảo Hoàng Sa (Việt Nam)", "Quần đảo Trường Sa (Việt Nam)"),
        ("en", "Hoàng Sa (Paracel) Islands (Viet Nam)", "Trường Sa (Spratly) Islands (Viet Nam)"),
    ],
)
def test_vietnam_map_draws_and_labels_hoang_sa_and_truong_sa(
    lang: Lang, hoang_sa: str, truong_sa: str
) -> None:
    fig = build_exchanges_vietnam_map(exchanges_by_province_frame(), lang=lang)
    labels = [
        str(text).replace("<br>", " ")
        for trace in fig.data
        if trace.mode == "text"
        for text in trace.text
    ]
    assert hoang_sa in labels and truong_sa in labels
    islands = {tr.name: len(tr.lat) for tr in fig.data if tr.mode == "markers" and tr.meta}
    assert islands == {hoang_sa: len(HOANG_SA_ISLANDS), truong_sa: len(TRUONG_SA_ISLANDS)}


def test_vietnam_map_window_holds_the_mainland_and_both_archipelagos() -> None:
    geo = build_exchanges_vietnam_map(exchanges_by_province_frame(), lang="vi").layout.geo
    lat_lo, lat_hi = geo.lataxis.range
    lon_lo, lon_hi = geo.lonaxis.range
    points = [
        *HOANG_SA_ISLANDS,
        *TRUONG_SA_ISLANDS,
        HOANG_SA_LABEL,
        TRUONG_SA_LABEL,
        (23.39, 105.32),  # Lũng Cú, the northern tip
        (8.56, 104.73),  # Mũi Cà Mau, the southern tip
        (21.0, 102.14),  # Apachải, the western tip
        (12.67, 109.46),  # Mũi Đôi, the eastern tip of the mainland
    ]
    assert all(lat_lo < lat < lat_hi and lon_lo < lon < lon_hi for lat, lon in points)
    # Approximate centres from the brief: Hoàng Sa 16.5 N 112 E, Trường Sa 10 N 114 E.
    assert abs(HOANG_SA_LABEL[0] - 16.5) < 1.5 and abs(HOANG_SA_LABEL[1] - 112.0) < 1.5
    assert abs(TRUONG_SA_LABEL[0] - 10.0) < 1.5 and abs(TRUONG_SA_LABEL[1] - 114.0) < 1.5


def test_exchanges_by_year_and_direction_groups_incoming_and_outgoing() -> None:
    fig = build_exchanges_by_year_and_direction(exchanges_by_year_and_direction_frame(), lang="vi")
    assert fig.layout.barmode == "group"
    incoming, outgoing = fig.data
    assert (incoming.name, outgoing.name) == ("Đoàn vào", "Đoàn ra")
    assert (as_list(incoming.x), as_list(incoming.y)) == ([2023, 2024], [7.0, 9.0])
    assert (as_list(outgoing.x), as_list(outgoing.y)) == ([2023, 2024], [4.0, 6.0])
    assert "16 lượt đoàn vào và 10 lượt đoàn ra" in alt_text(fig)


def test_exchanges_by_year_and_direction_with_one_direction_draws_one_series() -> None:
    frame = exchanges_by_year_and_direction_frame().query("direction == 'outgoing'")
    fig = build_exchanges_by_year_and_direction(frame, lang="en")
    assert [tr.name for tr in fig.data] == ["Outgoing"]


def test_heatmap_orders_provinces_and_countries_in_vietnamese_and_leaves_gaps() -> None:
    fig = build_exchanges_heatmap(heatmap_frame(), lang="vi")
    trace = fig.data[0]
    assert as_list(trace.y) == ["Đồng Nai", "Gia Lai"]
    assert as_list(trace.x) == ["Campuchia", "Lào"]
    assert same(as_list(trace.z[0]), [5.0, 3.0])
    assert same(as_list(trace.z[1]), [math.nan, 2.0])
    assert "Đồng Nai – Campuchia với 5 lượt" in alt_text(fig)


def test_top_partner_localities_name_their_country_and_are_ranked() -> None:
    fig = build_top_partner_localities(localities_frame(), lang="vi")
    assert list(fig.layout.yaxis.categoryarray) == [
        "Attapeu (Lào)",
        "Mondulkiri (Campuchia)",
        "Ratanakiri (Campuchia)",
    ]
    assert [tr.name for tr in fig.data] == ["Campuchia", "Lào"]
    assert as_list(fig.data[0].x) == [7.0, 5.0]


# CSV of what is drawn, and the map config ----------------------------------------------------


def test_drawn_frame_of_bars_gives_back_the_input_numbers() -> None:
    frame = exchanges_by_province_frame()
    drawn = drawn_frame(build_exchanges_by_province(frame, lang="vi"))
    assert list(drawn.columns) == ["series", "x", "y"]
    assert dict(zip(drawn["y"], drawn["x"], strict=True)) == dict(
        zip(frame["province"], frame["exchanges"], strict=True)
    )
    assert set(drawn["series"]) == {"Lượt giao lưu"}


def test_drawn_frame_of_money_is_in_the_drawn_unit_and_scales_back_to_the_input() -> None:
    frame = aid_by_year_and_sector_frame()
    fig = build_aid_by_year_and_sector(frame, lang="vi")
    drawn = drawn_frame(fig)
    scale = fig.layout.meta["value_scale"]
    assert sorted(drawn["y"] * scale) == sorted(frame["amount"])
    assert len(drawn) == len(frame)


def test_drawn_frame_of_the_vietnam_map_leaves_out_the_archipelago_decorations() -> None:
    frame = exchanges_by_province_frame()
    drawn = drawn_frame(build_exchanges_vietnam_map(frame, lang="vi"))
    assert list(drawn.columns) == ["series", "text", "lat", "lon", "size"]
    expected = frame.set_index("province")[["latitude", "longitude", "exchanges"]]
    got = drawn.set_index("text")[["lat", "lon", "size"]]
    assert got.loc[expected.index].to_numpy().tolist() == expected.to_numpy().tolist()


def test_drawn_frame_of_the_world_map_and_heatmap_match_the_input() -> None:
    world = drawn_frame(build_exchanges_world_map(exchanges_by_country_frame(), lang="en"))
    assert dict(zip(world["locations"], world["z"], strict=True)) == {
        "LAO": 30.0,
        "KHM": 12.0,
        "USA": 5.0,
    }
    heat = drawn_frame(build_exchanges_heatmap(heatmap_frame(), lang="vi"))
    cells = {(r.y, r.x): r.z for r in heat.itertuples()}
    assert cells == {
        ("Đồng Nai", "Campuchia"): 5.0,
        ("Đồng Nai", "Lào"): 3.0,
        ("Gia Lai", "Lào"): 2.0,
    }


def test_drawn_frame_of_a_two_axis_chart_keeps_each_series() -> None:
    drawn = drawn_frame(build_aid_committed_vs_disbursed(committed_vs_disbursed_frame(), lang="en"))
    assert list(drawn["series"].unique()) == ["Committed", "Disbursed", "Disbursement rate"]
    rate = drawn[drawn["series"] == "Disbursement rate"]
    assert same(rate["y"].tolist(), [0.8, math.nan, 0.75])


@pytest.mark.parametrize("name", NAMES)
def test_drawn_frame_has_one_row_per_input_row(name: str) -> None:
    _, frame, _ = CASES[name]
    drawn = drawn_frame(build(name))
    rows = len(frame())
    expected = {
        "overview_trends": rows * 4,  # four metrics of each year
        "members_by_year": rows * 3,  # members, associations, chapters
        "members_by_province": 4,  # the latest year only
        "aid_committed_vs_disbursed": rows * 3,  # committed, disbursed, rate
    }.get(name, rows)
    assert len(drawn) == expected


def test_plotly_config_points_maps_at_local_geometry_and_hides_the_english_modebar() -> None:
    assert plotly_config("/app/static/geo") == {
        "displaylogo": False,
        "displayModeBar": False,
        "topojsonURL": "/app/static/geo/",
    }
    assert "topojsonURL" not in plotly_config()
    assert set(TOPOJSON_FILES) == {"world_110m.json", "asia_50m.json"}


def test_map_resolutions_match_the_geometry_files_they_need() -> None:
    world = build_exchanges_world_map(exchanges_by_country_frame(), lang="vi").layout.geo
    vietnam = build_exchanges_vietnam_map(exchanges_by_province_frame(), lang="vi").layout.geo
    needed = {
        f"{world.scope or 'world'}_{world.resolution}m.json",
        f"{vietnam.scope}_{vietnam.resolution}m.json",
    }
    assert needed == set(TOPOJSON_FILES)


def test_figures_start_from_the_lean_white_template_without_unused_axis_kinds() -> None:
    fig = build_exchanges_by_partner_country(exchanges_by_country_frame(), lang="vi")
    template = fig.layout.template
    assert template.layout.plot_bgcolor == "white"
    assert template.layout.xaxis.gridcolor == "#EBF0F8"  # plotly_white's grid
    assert template.layout.polar.to_plotly_json() == {}
    assert template.layout.scene.to_plotly_json() == {}
    assert template.data.bar[0].marker.line.color == "white"


def test_overview_panels_label_whole_years_only() -> None:
    # Two years left to plotly were labelled 2024, 2024, 2025, 2025, 2026 on each small panel.
    fig = build_overview_trends(overview_frame(), lang="vi")
    for axis in ("xaxis", "xaxis2", "xaxis3", "xaxis4"):
        years = fig.layout[axis]
        assert (years.tickmode, years.tick0, years.dtick) == ("linear", 2023, 1), axis
        assert list(years.range) == [2022.5, 2024.5], axis
