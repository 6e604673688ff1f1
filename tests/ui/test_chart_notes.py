"""Notes under charts and "not reported" marks, on the small fixture (tests/utils/small_dataset.py).

Members rows are in 2019, 2020 and 2026; Đắk Lắk (34:66) has members in 2020 only (M9), Đồng
Nai (34:75, with old Bình Phước) in 2019, 2020 and 2026. Exchanges of 2026: Gia Lai (E6) only.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from sqlmodel import Session

from charts import drawn_frame
from charts.common import UNREPORTED_ROLE
from datastore.export import BOM
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from datastore.queries.gaps import reporting_grid
from i18n.catalogue import Lang
from ui import catalog, chart_notes, render
from ui.catalog import Chart, ChartQuery

REFORM_34 = "Số liệu từ 1/7/2025 theo 34 đơn vị hành chính mới; các năm trước được quy đổi."
NEW = ProvinceList.CURRENT
OLD = ProvinceList.LEGACY


@pytest.fixture
def on_small(small: Session, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    """The notes' queries run on the small fixture's session, without Streamlit's cache."""

    def direct(chart_query: ChartQuery, filters: Filters, lang: Lang, **options: Any) -> Any:
        currency = options.get("currency")
        return chart_query.function(
            session=small, filters=filters, lang=lang, **chart_query.options(currency=currency)
        )

    monkeypatch.setattr(chart_notes, "query", direct)
    yield small


def drawn(session: Session, entry: Chart, filters: Filters) -> pd.DataFrame:
    """The rows a chart draws for `filters`."""
    options = entry.query.options(currency="USD")
    frame = entry.query.function(session=session, filters=filters, lang="vi", **options)
    return entry.trim(frame)


def test_the_grid_says_which_old_provinces_reported_exchanges_and_which_merged(
    small: Session,
) -> None:
    filters = Filters(province_list=OLD, provinces=("70", "75"))
    grid = reporting_grid(session=small, filters=filters, kind="exchanges")

    # Bình Phước: E3 (2019); old Đồng Nai: E4, E8 (2020); E7 (September 2025) is the new
    # unit's; from 2026 both report as the new Đồng Nai.
    missing = grid[~grid["reported"] & grid["merged_into"].isna()]
    assert sorted(zip(missing["year"], missing["province_code"], strict=True)) == [
        (2014, "70"),
        (2014, "75"),
        (2019, "75"),
        (2020, "70"),
        (2025, "70"),
        (2025, "75"),
    ]
    assert set(grid.loc[grid["year"] == 2026, "merged_into"]) == {"Đồng Nai"}


@pytest.mark.parametrize(
    ("years", "kind", "crosses"),
    [
        ({2019, 2020, 2026}, "members", True),
        ({2019, 2020}, "members", False),
        ({2025}, "members", False),  # yearly reports of 2025 are all the new units'
        ({2025}, "exchanges", True),  # exchanges of 2025 before and after 1 July
        ({2026}, "exchanges", False),
    ],
)
def test_years_cross_the_reform(years: set[int], kind: Any, crosses: bool) -> None:
    assert chart_notes.crosses_reform(years, kind) is crosses


def test_a_chart_across_2025_has_the_reform_note_and_names_the_province_not_reported(
    on_small: Session,
) -> None:
    filters = Filters(province_list=NEW, provinces=("66", "75"))
    entry = catalog.MEMBERS_BY_YEAR_CHART

    lines = chart_notes.note_lines(entry, filters, "vi", drawn(on_small, entry, filters))

    assert lines == [
        REFORM_34,
        "1 tỉnh chưa báo cáo số liệu hội viên ở 2 năm (2019, 2026); xem trang Tình hình báo cáo.",
    ]


def test_a_chart_that_stays_before_2025_has_no_reform_note(on_small: Session) -> None:
    filters = Filters(province_list=NEW, provinces=("75",), year_from=2019, year_to=2020)
    entry = catalog.MEMBERS_BY_YEAR_CHART

    assert chart_notes.note_lines(entry, filters, "en", drawn(on_small, entry, filters)) == []


def test_a_chosen_province_without_members_is_a_grey_mark_and_an_empty_csv_cell_not_0(
    on_small: Session,
) -> None:
    filters = Filters(province_list=NEW, provinces=("66", "75"))
    entry = catalog.MEMBERS_BY_PROVINCE_CHART
    rows = drawn(on_small, entry, filters)  # 2026: Đồng Nai 450 (M7) only

    marks = chart_notes.marks(entry, filters, "vi", rows)
    figure = render.build(entry, rows, "vi", "", not_reported=marks)
    csv = render.draw(entry, rows, figure, "vi", marks).csv

    assert [mark.name for mark in marks] == ["Đắk Lắk"]
    assert chart_notes.note_lines(entry, filters, "vi", rows) == [
        "1 tỉnh chưa báo cáo số liệu hội viên năm 2026: Đắk Lắk."
    ]
    assert list(figure.layout.yaxis.categoryarray) == ["Đồng Nai", "Đắk Lắk"]
    assert [a.text for a in figure.layout.annotations] == ["<i>chưa báo cáo</i>"]
    points = drawn_frame(figure)
    assert points.loc[points["y"] == "Đắk Lắk", "x"].isna().all()  # no bar, not a 0
    table = pd.read_csv(io.BytesIO(csv[len(BOM) :]))
    assert table[["Năm", "Tỉnh, thành phố"]].to_dict("list") == {
        "Năm": [2026, 2026],
        "Tỉnh, thành phố": ["Đồng Nai", "Đắk Lắk"],
    }
    assert table["Hội viên (người)"].tolist()[0] == 450
    assert table["Hội viên (người)"].isna().tolist() == [False, True]  # empty, not 0


def test_the_vietnam_map_draws_a_hollow_grey_circle_where_no_exchange_was_reported(
    on_small: Session,
) -> None:
    filters = Filters(province_list=NEW, provinces=("52", "66"), year_from=2026, year_to=2026)
    entry = catalog.EXCHANGES_VIETNAM_MAP
    rows = drawn(on_small, entry, filters)  # Gia Lai: E6

    marks = chart_notes.marks(entry, filters, "en", rows)
    figure = render.build(entry, rows, "en", "", not_reported=marks)

    hollow = [t for t in figure.data if (t.meta or {}).get("role") == UNREPORTED_ROLE]
    assert len(hollow) == 1
    assert list(hollow[0].text) == ["Đắk Lắk"]
    assert hollow[0].marker.symbol == "circle-open"
    assert list(hollow[0].customdata) == ["not reported"]
    assert "%{customdata}" in hollow[0].hovertemplate
    assert chart_notes.note_lines(entry, filters, "en", rows) == [
        "1 province has not reported exchanges for 2026: Đắk Lắk."
    ]
    table = pd.read_csv(io.BytesIO(render.draw(entry, rows, figure, "en", marks).csv[len(BOM) :]))
    assert table.set_index("Province")["Exchanges"].isna().to_dict() == {
        "Gia Lai": False,
        "Đắk Lắk": True,
    }


def test_the_members_table_has_a_row_for_each_year_a_chosen_province_did_not_report(
    on_small: Session,
) -> None:
    filters = Filters(province_list=NEW, provinces=("66",))
    table = catalog.MEMBERS_BY_PROVINCE.function(session=on_small, filters=filters, lang="vi")

    shown = chart_notes.table_with_unreported(table, filters, "vi", "members")

    assert shown[["year", "members"]].astype(object).where(shown.notna(), None).to_dict("list") == {
        "year": [2019, 2020, 2026],
        "members": [None, 60, None],
    }


def test_one_page_run_reads_each_reporting_grid_once_whatever_its_charts(
    on_small: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The 63 view: a chart's notes read the grid twice (the gaps, the old provinces' lines).
    filters = Filters(province_list=OLD, provinces=("70", "75"))
    charts = (catalog.MEMBERS_BY_YEAR_CHART, catalog.MEMBERS_BY_PROVINCE_CHART)
    alone = {
        entry.key: (
            chart_notes.note_lines(entry, filters, "vi", drawn(on_small, entry, filters)),
            chart_notes.marks(entry, filters, "vi", drawn(on_small, entry, filters)),
        )
        for entry in charts
    }
    read: list[str] = []
    direct = chart_notes.query

    def counted(chart_query: ChartQuery, *args: Any, **options: Any) -> Any:
        read.append(chart_query.qualified_name)
        return direct(chart_query, *args, **options)

    monkeypatch.setattr(chart_notes, "query", counted)
    grids: chart_notes.Grids = {}
    for entry in charts:
        rows = drawn(on_small, entry, filters)
        notes = chart_notes.note_lines(entry, filters, "vi", rows, grids)
        assert (notes, chart_notes.marks(entry, filters, "vi", rows, grids)) == alone[entry.key]

    assert len(read) == 1
    assert list(grids) == ["members"]


def test_a_drawn_figure_gives_streamlit_the_same_dict_each_rerun_and_the_figure_unchanged(
    on_small: Session,
) -> None:
    filters = Filters(province_list=NEW, provinces=("66", "75"))
    entry = catalog.MEMBERS_BY_PROVINCE_CHART
    rows = drawn(on_small, entry, filters)
    figure = render.build(entry, rows, "vi", "")
    expected = figure.to_json()

    drawn_figure = render.draw(entry, rows, figure, "vi").figure

    # st.plotly_chart asks for to_dict() on every rerun: made once, not deep-copied each time.
    assert drawn_figure.to_dict() is drawn_figure.to_dict()
    assert drawn_figure.to_json() == expected
