"""The 63-province view across the 2025 reform, on the small fixture (tests/utils/small_dataset.py).

Bình Phước (63:70) and old Đồng Nai (63:75) merged into Đồng Nai (34:75); old Gia Lai (63:64)
and Bình Định (63:52) into Gia Lai (34:52). Members: M1 Bình Phước 2019, M2-M4 old Đồng Nai
2019-2020, M7 new Đồng Nai 2026, M6 new Gia Lai 2026. Exchanges: E4, E8 old Đồng Nai 2020,
E7 new Đồng Nai 1 Sep 2025, E6 new Gia Lai 2026.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from sqlmodel import Session

from charts.common import UNREPORTED_ROLE
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from i18n.catalogue import Lang
from ui import catalog, chart_notes, render
from ui.catalog import Chart, ChartQuery

OLD = ProvinceList.LEGACY
MERGED_VI = "sáp nhập vào Đồng Nai từ 1/7/2025"


@pytest.fixture
def on_small(small: Session, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    """The notes' queries run on the small fixture's session, without Streamlit's cache."""

    def direct(chart_query: ChartQuery, filters: Filters, lang: Lang, **options: Any) -> Any:
        return chart_query.function(
            session=small, filters=filters, lang=lang, **chart_query.options(currency=None)
        )

    monkeypatch.setattr(chart_notes, "query", direct)
    yield small


def drawn(session: Session, entry: Chart, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    frame = entry.query.function(session=session, filters=filters, lang=lang)
    return entry.trim(frame)


def test_the_63_view_over_the_reform_puts_no_later_figure_under_a_host_province(
    on_small: Session,
) -> None:
    filters = Filters(province_list=OLD, year_from=2020, year_to=2026)
    members = catalog.MEMBERS_BY_PROVINCE.function(session=on_small, filters=filters, lang="en")
    assert members[["year", "province", "members"]].values.tolist() == [
        [2020, "Đắk Lắk", 60],  # M9
        [2020, "Đồng Nai", 400],  # M4: old Đồng Nai's last own members
        [2026, "Đồng Nai (from 1 Jul 2025)", 450],  # M7, not old Đồng Nai's 2026
        [2026, "Gia Lai (from 1 Jul 2025)", 250],  # M6, not old Bình Định's
    ]


def test_the_members_table_says_merged_where_an_old_province_has_no_figures_of_its_own(
    on_small: Session,
) -> None:
    filters = Filters(province_list=OLD, provinces=("70", "75"), year_from=2019, year_to=2026)
    table = chart_notes.table_with_unreported(
        catalog.MEMBERS_BY_PROVINCE.function(session=on_small, filters=filters, lang="vi"),
        filters,
        "vi",
        "members",
    )
    words = chart_notes.gap_words(table, filters, "vi", "members")
    said = [
        (year, name, "–" if pd.isna(members) else int(members), word)
        for year, name, members, word in zip(
            table["year"], table["province"], table["members"], words, strict=True
        )
    ]
    assert [(year, name, members) for year, name, members, _ in said] == [
        (2019, "Bình Phước", 100),  # M1
        (2020, "Bình Phước", "–"),
        (2026, "Bình Phước", "–"),
        (2019, "Đồng Nai", 350),  # M2 + M3
        (2020, "Đồng Nai", 400),  # M4
        (2026, "Đồng Nai", "–"),
    ]
    gaps = {(year, name): word for year, name, members, word in said if members == "–"}
    assert gaps == {
        (2020, "Bình Phước"): "chưa báo cáo",
        (2026, "Bình Phước"): MERGED_VI,
        (2026, "Đồng Nai"): MERGED_VI,  # the host too: 2026 is new Đồng Nai's (M7)
    }


def test_a_chosen_old_province_merged_away_is_marked_merged_and_the_note_says_why(
    on_small: Session,
) -> None:
    filters = Filters(province_list=OLD, provinces=("70", "75"), year_from=2020, year_to=2026)
    entry = catalog.EXCHANGES_BY_PROVINCE_CHART
    rows = drawn(on_small, entry, filters, "en")
    assert rows[["province", "exchanges"]].values.tolist() == [["Đồng Nai", 2]]  # E4, E8; not E7

    marks = chart_notes.marks(entry, filters, "en", rows)
    figure = render.build(entry, rows, "en", "", not_reported=marks)

    assert [(m.name, m.word) for m in marks] == [
        ("Bình Phước", "merged into Đồng Nai on 1 Jul 2025")
    ]
    assert [a.text for a in figure.layout.annotations] == [
        "<i>merged into Đồng Nai on 1 Jul 2025</i>"
    ]
    marked = [t for t in figure.data if (t.meta or {}).get("role") == UNREPORTED_ROLE]
    assert list(marked[0].y) == ["Bình Phước"] and list(marked[0].x) == [None]  # no bar, no 0
    notes = chart_notes.note_lines(entry, filters, "en", rows)
    assert (
        "From 1 Jul 2025 the figures of Bình Phước, Đồng Nai belong to Đồng Nai (34 units) and"
        " are not counted here; choose the 34-unit list to see them."
    ) in notes


def test_the_map_says_where_a_new_unit_without_a_63_boundary_is_drawn(on_small: Session) -> None:
    filters = Filters(province_list=OLD, year_from=2025, year_to=2026)
    entry = catalog.EXCHANGES_VIETNAM_MAP
    rows = drawn(on_small, entry, filters, "en")
    assert sorted(rows["province"]) == ["Gia Lai (from 1 Jul 2025)", "Đồng Nai (from 1 Jul 2025)"]
    figure = render.build(entry, rows, "en", "")

    circles = [t for t in figure.data if t.name == "Exchanges" and t.text is not None]
    assert sorted(circles[0].text) == sorted(rows["province"])  # drawn, not dropped
    notes = chart_notes.note_lines(entry, filters, "en", rows)
    assert any(
        line.startswith("New units from 1 Jul 2025 have no boundary in the 63-province list")
        and "Đồng Nai (from 1 Jul 2025)" in line
        for line in notes
    )


def test_the_34_view_is_unchanged(on_small: Session) -> None:
    filters = Filters(year_from=2020, year_to=2026)
    members = catalog.MEMBERS_BY_PROVINCE.function(session=on_small, filters=filters, lang="en")
    assert members[["year", "province_code", "province", "members"]].values.tolist() == [
        [2020, "66", "Đắk Lắk", 60],
        [2020, "75", "Đồng Nai", 400],
        [2026, "75", "Đồng Nai", 450],
        [2026, "52", "Gia Lai", 250],
    ]
    entry = catalog.EXCHANGES_VIETNAM_MAP
    notes = chart_notes.note_lines(entry, filters, "en", drawn(on_small, entry, filters, "en"))
    assert not any("1 Jul 2025" in line for line in notes)
