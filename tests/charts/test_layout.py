"""Layouts that hold on a phone, tested as data: titles, legends, year axes, heatmap, size key."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from charts import (
    build_aid_committed_vs_disbursed,
    build_exchanges_by_year_and_direction,
    build_exchanges_heatmap,
    build_exchanges_vietnam_map,
    build_members_by_year,
    drawn_frame,
    style,
)
from charts.common import with_context
from charts.maps import key_counts

YEARS = list(range(2014, 2021))


def _by_year_and_direction(directions: tuple[str, ...]) -> pd.DataFrame:
    rows = [
        {"year": y, "direction": d, "exchanges": float(y - 2000)} for y in YEARS for d in directions
    ]
    return pd.DataFrame(rows)


def test_a_year_axis_shows_exactly_the_years_drawn_one_tick_each() -> None:
    fig = build_exchanges_by_year_and_direction(
        _by_year_and_direction(("incoming", "outgoing")), lang="vi"
    )
    assert list(fig.layout.xaxis.tickvals) == YEARS
    assert list(fig.layout.xaxis.range) == [2013.5, 2020.5]  # bars centred on their ticks


def test_one_direction_left_by_a_filter_still_has_its_legend() -> None:
    fig = build_exchanges_by_year_and_direction(_by_year_and_direction(("incoming",)), lang="vi")
    assert [trace.name for trace in fig.data] == ["Đoàn vào"]
    assert fig.layout.showlegend is True


def test_legends_sit_under_the_plot_below_the_axis() -> None:
    fig = build_exchanges_by_year_and_direction(
        _by_year_and_direction(("incoming", "outgoing")), lang="en"
    )
    legend = fig.layout.legend
    assert (legend.orientation, legend.yref, legend.y, legend.yanchor) == (
        "h",
        "container",
        0,
        "bottom",
    )
    # The bottom margin holds the axis and every legend row a phone needs.
    _, _, rows = style.legend_rows(["Incoming", "Outgoing"])
    assert fig.layout.margin.b >= style.AXIS_SPACE + rows * style.LEGEND_ROW


def test_a_long_legend_takes_more_rows_and_a_taller_figure() -> None:
    few = style.legend_rows(["A", "B"])
    many = style.legend_rows([f"Sector with a long name number {i} (1{i})" for i in range(12)])
    assert few[2] == 1
    assert many[2] == 12  # one long name a row on a phone
    assert many[0] <= style.PHONE_WIDTH


def test_long_titles_wrap_and_the_top_margin_makes_room() -> None:
    context = "Đồng Nai, Gia Lai; 2014–2020; Cam kết; tỷ đồng; Y tế chung (121), Giáo dục (110)"
    frame = pd.DataFrame(
        {"year": YEARS, "members": 1.0, "associations": 2.0, "chapters": 3.0},
    )
    short = build_members_by_year(frame, lang="vi")
    long = build_members_by_year(frame, lang="vi", title_context=context)
    assert style.WRAP_BREAK in long.layout.title.text
    assert style.unwrap(long.layout.title.text) == with_context(
        "Hội viên, hội hữu nghị và chi hội theo năm", context
    )
    assert long.layout.margin.t > short.layout.margin.t
    assert long.layout.height - short.layout.height == long.layout.margin.t - short.layout.margin.t
    for line in long.layout.title.text.replace(style.WRAP_BREAK, "<br>").split("<br>"):
        text = line.removeprefix("<span style='font-size:13px;color:#555555'>")
        size = 13 if text != line else style.TITLE_SIZE
        assert len(text.removesuffix("</span>")) <= style.chars_across(size)


def test_short_label_keeps_the_code_and_the_hover_keeps_the_name() -> None:
    assert style.short_label("Giáo dục, cấp học chưa xác định (111)") == "Giáo dục, cấp… (111)"
    assert style.short_label("Hà Nội") == "Hà Nội"
    assert len(style.short_label("Cộng hòa Dân chủ Nhân dân Lào")) == style.LABEL_CHARS


def test_the_heatmap_keeps_the_main_partners_and_sums_the_rest_as_other() -> None:
    countries = [f"Nước {chr(65 + i)}" for i in range(12)]
    rows = [
        {"province": p, "country": c, "exchanges": float(20 - i), "province_code": "1"}
        for p in ("Hà Nội", "Huế")
        for i, c in enumerate(countries)
    ]
    fig = build_exchanges_heatmap(pd.DataFrame(rows), lang="en")
    heat = fig.data[0]
    assert list(heat.x) == [*countries[:8], "Other"]
    assert list(fig.layout.xaxis.tickvals) == list(heat.x)  # every name labelled, once
    assert heat.z[0][-1] == sum(20 - i for i in range(8, 12))
    cells = drawn_frame(fig)
    assert cells["z"].sum() == pd.DataFrame(rows)["exchanges"].sum()


@pytest.mark.parametrize(("count", "printed"), [(312.0, True), (1826.0, False)])
def test_heatmap_cells_print_their_count_only_where_it_fits_on_a_phone(
    count: float, printed: bool
) -> None:
    # Nine columns on a 390-px phone leave about 21 px a cell: "312" fits, "1,826" would
    # overprint its neighbours and read as other numbers (the hover and the CSV hold them).
    rows = [
        {"province": "Hà Nội", "country": f"Nước {chr(65 + i)}", "exchanges": count - i}
        for i in range(9)
    ]
    heat = build_exchanges_heatmap(pd.DataFrame(rows).assign(province_code="1"), lang="en").data[0]
    assert bool(heat.texttemplate) is printed
    assert "%{z" in heat.hovertemplate


def test_the_vietnam_map_has_a_key_to_its_circle_sizes() -> None:
    frame = pd.DataFrame(
        {
            "province": ["Hà Nội", "Huế"],
            "province_code": ["01", "46"],
            "latitude": [21.0, 16.5],
            "longitude": [105.8, 107.6],
            "exchanges": [980.0, 40.0],
            "participants": [5000.0, 200.0],
        }
    )
    fig = build_exchanges_vietnam_map(frame, lang="vi")
    key = next(t for t in fig.data if t.mode == "markers+text")
    data = next(t for t in fig.data if t.name == "Lượt giao lưu" and t.mode == "markers")
    assert list(key.marker.size) == [500.0, 200.0, 50.0]
    assert key.marker.sizeref == data.marker.sizeref  # the same scale as the provinces
    assert list(key.text) == ["500 lượt", "200 lượt", "50 lượt"]
    assert len(drawn_frame(fig)) == 2  # the key is not data
    assert key_counts(3.0) == [2.0]


def test_committed_vs_disbursed_years_are_the_frame_years() -> None:
    frame = pd.DataFrame(
        {
            "year": [2016, 2017, 2018],
            "committed": [1e9, 2e9, 3e9],
            "disbursed": [1e9, 1e9, 1e9],
            "disbursement_rate": [1.0, 0.5, 1 / 3],
        }
    )
    fig = build_aid_committed_vs_disbursed(frame, lang="vi")
    assert list(fig.layout.xaxis.tickvals) == [2016, 2017, 2018]
    assert isinstance(fig, go.Figure)
