"""Chart queries against answers added up by hand on the small dataset (read its table)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import event
from sqlmodel import Session, select

from datastore import queries
from datastore.filters import Filters
from datastore.load.write import BatchInfo, load_rows
from datastore.models.reference import Province, ProvinceList
from datastore.queries import _base
from datastore.vocabulary import MeasureCode
from i18n.catalogue import Lang
from i18n.formatting import Currency
from tests.utils.small_dataset import EXCHANGES

Query = Callable[..., pd.DataFrame]

ALL = Filters()
OLD = Filters(province_list=ProvinceList.LEGACY)

# Columns promised by the query contract (notes: ARCH.md), for empty and full results alike.
COLUMNS: dict[Query, list[str]] = {
    queries.overview_by_year: ["year", "members", "associations", "aid_disbursed", "exchanges"],
    queries.members_by_year: ["year", "members", "chapters", "associations"],
    queries.members_by_province: [
        "year",
        "province_code",
        "province",
        "members",
        "chapters",
        "associations",
    ],
    queries.members_by_partner_country: [
        "year",
        "country_code",
        "country",
        "members",
        "associations",
    ],
    queries.aid_by_sector: ["sector_code", "sector", "sector_group", "amount"],
    queries.aid_by_year_and_sector: ["year", "sector_code", "sector", "amount"],
    queries.aid_committed_vs_disbursed: ["year", "committed", "disbursed", "disbursement_rate"],
    queries.aid_by_donor_country: ["country_code", "country", "amount"],
    queries.exchanges_by_partner_country: ["country_code", "country", "exchanges", "participants"],
    queries.exchanges_by_province: [
        "province_code",
        "province",
        "latitude",
        "longitude",
        "exchanges",
        "participants",
    ],
    queries.exchanges_by_year_and_direction: ["year", "direction", "exchanges"],
    queries.exchanges_by_partner_locality: [
        "country_code",
        "country",
        "partner_locality",
        "exchanges",
    ],
    queries.exchanges_by_province_and_country: [
        "province_code",
        "province",
        "country_code",
        "country",
        "exchanges",
    ],
}


def rows(data: pd.DataFrame, columns: list[str] | None = None) -> list[tuple[Any, ...]]:
    """The rows of a frame (or of some columns) as plain tuples, in order; None if missing."""
    picked = data if columns is None else data[columns]
    return [
        tuple(None if _missing(value) else value for value in row)
        for row in picked.itertuples(index=False, name=None)
    ]


def _missing(value: Any) -> bool:
    return value is pd.NA or (isinstance(value, float) and math.isnan(value))


# Each query, with the whole fixture -------------------------------------------------------


@pytest.mark.parametrize(
    ("currency", "expected"),
    [
        (
            "VND",
            [
                # 2014: only E1, E2; no members or aid reported: missing, not 0.
                (2014, None, None, None, 2),
                # 2019: M1+M2+M3+M5+M8 = 100+300+50+200+30 = 680 in 5 associations;
                # disbursed A2+A3 = 34 875 000 + 232 500 000; E3, E5.
                (2019, 680, 5, 267_375_000.0, 2),
                # 2020: M4+M9 = 400+60; only A4, which is committed; E4, E8.
                (2020, 460, 2, 0.0, 2),
                # 2025: E7 only; members and aid not reported.
                (2025, None, None, None, 1),
                # 2026: M6+M7 = 250+450; A5+A6 = 131 500 000 + 26 300 000; E6.
                (2026, 700, 2, 157_800_000.0, 1),
            ],
        ),
        (
            "USD",
            [
                (2014, None, None, None, 2),
                (2019, 680, 5, 11_500.0, 2),  # A2 1 500 + A3 10 000
                (2020, 460, 2, 0.0, 2),
                (2025, None, None, None, 1),
                (2026, 700, 2, 6_000.0, 1),  # A5 5 000 + A6 1 000
            ],
        ),
    ],
)
def test_overview_by_year_adds_up_each_table_per_year(
    small: Session, currency: Currency, expected: list[tuple[Any, ...]]
) -> None:
    result = queries.overview_by_year(session=small, filters=ALL, currency=currency)
    assert rows(result) == expected


def test_members_by_year_sums_members_and_chapters_and_counts_associations(
    small: Session,
) -> None:
    result = queries.members_by_year(session=small, filters=ALL)
    assert rows(result) == [
        # 2019 chapters: M1 2 + M2 5 + M3 unknown + M5 4 + M8 1 = 12
        (2019, 680, 12, 5),
        (2020, 460, 8, 2),  # M4 400 (8 chapters) + M9 60 (unknown)
        (2026, 700, 15, 2),  # M6 250 (6) + M7 450 (9)
    ]


def test_members_by_province_in_the_34_list_counts_old_provinces_under_their_successor(
    small: Session,
) -> None:
    result = queries.members_by_province(session=small, filters=ALL)
    assert rows(result) == [
        (2020, "66", "Đắk Lắk", 60, 0, 1),  # M9
        (2019, "75", "Đồng Nai", 450, 7, 3),  # M1 Bình Phước 100 + M2 300 + M3 50
        (2020, "75", "Đồng Nai", 400, 8, 1),  # M4
        (2026, "75", "Đồng Nai", 450, 9, 1),  # M7
        (2019, "52", "Gia Lai", 230, 5, 2),  # M5 old Gia Lai 200 + M8 Bình Định 30
        (2026, "52", "Gia Lai", 250, 6, 1),  # M6
    ]


def test_members_by_province_in_the_63_list_shows_old_provinces_apart(small: Session) -> None:
    result = queries.members_by_province(session=small, filters=OLD)
    assert rows(result) == [
        (2019, "52", "Bình Định", 30, 1, 1),  # M8
        (2019, "70", "Bình Phước", 100, 2, 1),  # M1
        (2020, "66", "Đắk Lắk", 60, 0, 1),  # M9
        (2019, "75", "Đồng Nai", 350, 5, 2),  # M2 300 + M3 50
        (2020, "75", "Đồng Nai", 400, 8, 1),  # M4
        # Post-reform rows stand under their new unit, never under the old host province.
        (2026, "75", "Đồng Nai (từ 1/7/2025)", 450, 9, 1),  # M7
        (2019, "64", "Gia Lai", 200, 4, 1),  # M5
        (2026, "52", "Gia Lai (từ 1/7/2025)", 250, 6, 1),  # M6: not old Bình Định (63:52)
    ]


def test_members_by_partner_country_leaves_out_members_without_a_country(
    small: Session,
) -> None:
    result = queries.members_by_partner_country(session=small, filters=ALL)
    assert rows(result) == [
        (2019, "KHM", "Campuchia", 600, 3),  # M1 100 + M2 300 + M5 200
        (2020, "KHM", "Campuchia", 400, 1),  # M4; M9 has no country
        (2026, "KHM", "Campuchia", 700, 2),  # M6 250 + M7 450
        (2019, "LAO", "Lào", 80, 2),  # M3 50 + M8 30
    ]


@pytest.mark.parametrize(
    ("currency", "expected"),
    [
        (
            "VND",
            [
                ("160", "An sinh xã hội", "An sinh xã hội", 232_500_000.0),  # A3
                # A4 465 000 000 + A5 5 000 USD x 26 300
                ("111", "Giáo dục, cấp học chưa xác định", "Giáo dục", 596_500_000.0),
                ("410", "Tài nguyên – môi trường", "Tài nguyên – môi trường", 26_300_000.0),
                ("121", "Y tế chung", "Y tế", 81_375_000.0),  # (2 000 + 1 500) x 23 250
            ],
        ),
        (
            "USD",
            [
                ("160", "An sinh xã hội", "An sinh xã hội", 10_000.0),
                ("111", "Giáo dục, cấp học chưa xác định", "Giáo dục", 25_000.0),  # 20 000 + 5 000
                ("410", "Tài nguyên – môi trường", "Tài nguyên – môi trường", 1_000.0),
                ("121", "Y tế chung", "Y tế", 3_500.0),
            ],
        ),
    ],
)
def test_aid_by_sector_sums_both_measures_of_all_years_in_the_chosen_currency(
    small: Session, currency: Currency, expected: list[tuple[Any, ...]]
) -> None:
    result = queries.aid_by_sector(session=small, filters=ALL, currency=currency)
    assert rows(result) == expected


def test_aid_by_year_and_sector_splits_each_sector_by_year(small: Session) -> None:
    result = queries.aid_by_year_and_sector(session=small, filters=ALL)
    assert rows(result) == [
        (2019, "160", "An sinh xã hội", 232_500_000.0),
        (2020, "111", "Giáo dục, cấp học chưa xác định", 465_000_000.0),
        (2026, "111", "Giáo dục, cấp học chưa xác định", 131_500_000.0),
        (2026, "410", "Tài nguyên – môi trường", 26_300_000.0),
        (2019, "121", "Y tế chung", 81_375_000.0),
    ]


def test_aid_committed_vs_disbursed_gives_the_rate_and_nan_when_nothing_was_committed(
    small: Session,
) -> None:
    result = queries.aid_committed_vs_disbursed(session=small, filters=ALL)
    assert rows(result, ["year", "committed", "disbursed"]) == [
        (2019, 46_500_000.0, 267_375_000.0),  # A1; A2 + A3
        (2020, 465_000_000.0, 0.0),  # A4
        (2026, 0.0, 157_800_000.0),  # A5 + A6
    ]
    rate = result["disbursement_rate"].tolist()
    assert rate[:2] == [267_375_000 / 46_500_000, 0.0]  # 5.75, then 0
    assert math.isnan(rate[2])


@pytest.mark.parametrize("measure", [None, "committed", "disbursed"])
def test_aid_committed_vs_disbursed_ignores_the_measure_filter(
    small: Session, measure: MeasureCode | None
) -> None:
    filters = Filters(sectors=("121",), measure=measure)
    result = queries.aid_committed_vs_disbursed(session=small, filters=filters, currency="USD")
    assert rows(result) == [(2019, 2_000.0, 1_500.0, 0.75)]  # A1, A2: 1 500 / 2 000


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            [
                (None, "Chưa xác định", 232_500_000.0),  # A3: a foreign NGO, country unstated
                ("KOR", "Hàn Quốc", 596_500_000.0),  # A4 + A5
                ("USA", "Hoa Kỳ", 107_675_000.0),  # A1 46 500 000 + A2 34 875 000 + A6 26 300 000
            ],
        ),
        (
            "en",
            [
                ("KOR", "South Korea", 596_500_000.0),
                ("USA", "United States", 107_675_000.0),
                (None, "Unspecified", 232_500_000.0),
            ],
        ),
    ],
)
def test_aid_by_donor_country_puts_an_unstated_country_in_a_row_of_its_own(
    small: Session, lang: Lang, expected: list[tuple[Any, ...]]
) -> None:
    result = queries.aid_by_donor_country(session=small, filters=ALL, lang=lang)
    assert rows(result) == expected


def test_exchanges_by_partner_country_leaves_out_exchanges_without_a_country(
    small: Session,
) -> None:
    result = queries.exchanges_by_partner_country(session=small, filters=ALL)
    assert rows(result) == [
        ("KHM", "Campuchia", 5, 65),  # E1 12 + E2 8 + E3 10 + E5 20 + E6 15
        ("USA", "Hoa Kỳ", 1, 150),  # E4
        ("LAO", "Lào", 1, 0),  # E7, participants unknown; E8 has no country
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            ALL,
            [
                ("66", "Đắk Lắk", 2, 20),  # E1 + E2
                ("75", "Đồng Nai", 4, 200),  # E3 Bình Phước 10 + E4 150 + E7 - + E8 40
                ("52", "Gia Lai", 2, 35),  # E5 old Gia Lai 20 + E6 15
            ],
        ),
        (
            OLD,
            [
                ("70", "Bình Phước", 1, 10),  # E3
                ("66", "Đắk Lắk", 2, 20),
                ("75", "Đồng Nai", 2, 190),  # E4 + E8
                ("75", "Đồng Nai (từ 1/7/2025)", 1, 0),  # E7, 1 Sep 2025
                ("64", "Gia Lai", 1, 20),  # E5
                ("52", "Gia Lai (từ 1/7/2025)", 1, 15),  # E6, not under old Bình Định
            ],
        ),
    ],
    ids=["34", "63"],
)
def test_exchanges_by_province_counts_per_province_of_the_chosen_list(
    small: Session, filters: Filters, expected: list[tuple[Any, ...]]
) -> None:
    result = queries.exchanges_by_province(session=small, filters=filters)
    assert rows(result, ["province_code", "province", "exchanges", "participants"]) == expected
    centres = {
        (p.province_list, p.code): (p.latitude, p.longitude)
        for p in small.exec(select(Province)).all()
    }
    # A new unit in the 63 view stands at its own centre: it has none among the 63.
    lists = [
        "34" if name.endswith("(từ 1/7/2025)") else filters.province_list.value
        for name in result["province"]
    ]
    assert [centres[key] for key in zip(lists, result["province_code"], strict=True)] == rows(
        result, ["latitude", "longitude"]
    )


def test_exchanges_by_year_and_direction_counts_each_pair_in_year_order(small: Session) -> None:
    result = queries.exchanges_by_year_and_direction(session=small, filters=ALL)
    assert rows(result) == [
        (2014, "incoming", 2),  # E1, E2
        (2019, "outgoing", 2),  # E3, E5
        (2020, "incoming", 2),  # E4, E8
        (2025, "outgoing", 1),  # E7
        (2026, "incoming", 1),  # E6
    ]


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        # Mondulkiri E1 + E2, Ratanakiri E5 + E6, Kratie E3; E4, E7, E8 name no locality.
        (10, [("Mondulkiri", 2), ("Ratanakiri", 2), ("Kratie", 1)]),
        (2, [("Mondulkiri", 2), ("Ratanakiri", 2)]),
        (1, [("Mondulkiri", 2)]),  # a tie at the cut goes to the name first in order
    ],
)
def test_exchanges_by_partner_locality_keeps_the_busiest_localities_first(
    small: Session, limit: int, expected: list[tuple[Any, ...]]
) -> None:
    result = queries.exchanges_by_partner_locality(session=small, filters=ALL, limit=limit)
    assert rows(result, ["partner_locality", "exchanges"]) == expected
    assert set(rows(result, ["country_code", "country"])) == {("KHM", "Campuchia")}


def test_exchanges_by_partner_locality_refuses_a_limit_below_one(small: Session) -> None:
    with pytest.raises(ValueError, match="limit"):
        queries.exchanges_by_partner_locality(session=small, filters=ALL, limit=0)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            ALL,
            [
                ("66", "Đắk Lắk", "KHM", "Campuchia", 2),  # E1, E2
                ("75", "Đồng Nai", "KHM", "Campuchia", 1),  # E3 (Bình Phước)
                ("75", "Đồng Nai", "USA", "Hoa Kỳ", 1),  # E4
                ("75", "Đồng Nai", "LAO", "Lào", 1),  # E7; E8 has no country
                ("52", "Gia Lai", "KHM", "Campuchia", 2),  # E5, E6
            ],
        ),
        (
            OLD,
            [
                ("70", "Bình Phước", "KHM", "Campuchia", 1),  # E3
                ("66", "Đắk Lắk", "KHM", "Campuchia", 2),
                ("75", "Đồng Nai", "USA", "Hoa Kỳ", 1),  # E4
                ("75", "Đồng Nai (từ 1/7/2025)", "LAO", "Lào", 1),  # E7
                ("64", "Gia Lai", "KHM", "Campuchia", 1),  # E5
                ("52", "Gia Lai (từ 1/7/2025)", "KHM", "Campuchia", 1),  # E6
            ],
        ),
    ],
    ids=["34", "63"],
)
def test_exchanges_by_province_and_country_crosses_provinces_with_partner_countries(
    small: Session, filters: Filters, expected: list[tuple[Any, ...]]
) -> None:
    result = queries.exchanges_by_province_and_country(session=small, filters=filters)
    assert rows(result) == expected


# The 2025 reform ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("province_list", "code", "members", "exchanges"),
    [
        # Current Đồng Nai takes in what Bình Phước reported in 2019 (M1; E3).
        ("34", "75", [(2019, 450), (2020, 400), (2026, 450)], [(2019, 1), (2020, 2), (2025, 1)]),
        # Old Bình Phước in the 63 list is only itself.
        ("63", "70", [(2019, 100)], [(2019, 1)]),
        # Old Đồng Nai: M2 + M3, M4; after the reform (M7, E7) it is new Đồng Nai's, not its own.
        ("63", "75", [(2019, 350), (2020, 400)], [(2020, 2)]),
        # Current Gia Lai (52) = old Gia Lai (64) + old Bình Định (52).
        ("34", "52", [(2019, 230), (2026, 250)], [(2019, 1), (2026, 1)]),
        # Old code 52 is Bình Định, which hosts new Gia Lai's centre but never shows its rows.
        ("63", "52", [(2019, 30)], []),
        # Old Gia Lai (64) stops at the reform.
        ("63", "64", [(2019, 200)], [(2019, 1)]),
    ],
)
def test_choosing_a_province_follows_the_reform_rules_of_its_list(
    small: Session,
    province_list: str,
    code: str,
    members: list[tuple[int, int]],
    exchanges: list[tuple[int, int]],
) -> None:
    filters = Filters(province_list=ProvinceList(province_list), provinces=(code,))
    by_year = queries.members_by_year(session=small, filters=filters)
    assert rows(by_year, ["year", "members"]) == members
    overview = queries.overview_by_year(session=small, filters=filters)
    assert rows(overview[overview["exchanges"] > 0], ["year", "exchanges"]) == exchanges


def test_a_code_names_different_provinces_in_the_two_lists(small: Session) -> None:
    current = Filters(provinces=("52",))
    old = Filters(province_list=ProvinceList.LEGACY, provinces=("52",))
    assert rows(queries.members_by_province(session=small, filters=current), ["province"]) == [
        ("Gia Lai",),
        ("Gia Lai",),
    ]
    assert rows(queries.members_by_province(session=small, filters=old), ["province"]) == [
        ("Bình Định",)
    ]


# Each filter changes the result as expected ---------------------------------------------


@pytest.mark.parametrize(
    ("query", "filters", "columns", "expected"),
    [
        pytest.param(
            queries.exchanges_by_province,
            Filters(year_from=2019, year_to=2020),
            ["province", "exchanges", "participants"],
            [("Đồng Nai", 3, 200), ("Gia Lai", 1, 20)],  # E3 10 + E4 150 + E8 40; E5
            id="years",
        ),
        pytest.param(
            queries.exchanges_by_year_and_direction,
            Filters(year_from=2020),
            ["year", "exchanges"],
            [(2020, 2), (2025, 1), (2026, 1)],
            id="year from",
        ),
        pytest.param(
            queries.exchanges_by_province,
            Filters(countries=("KHM",)),
            ["province", "exchanges", "participants"],
            # E1 + E2; E3; E5 + E6
            [("Đắk Lắk", 2, 20), ("Đồng Nai", 1, 10), ("Gia Lai", 2, 35)],
            id="country on exchanges",
        ),
        pytest.param(
            queries.members_by_year,
            Filters(countries=("LAO",)),
            ["year", "members", "chapters", "associations"],
            [(2019, 80, 1, 2)],  # M3 50 (no chapters) + M8 30 (1)
            id="country on members",
        ),
        pytest.param(
            queries.aid_by_donor_country,
            Filters(countries=("USA",)),
            ["country", "amount"],
            [("Hoa Kỳ", 107_675_000.0)],  # the domestic donor is no country's
            id="country on aid",
        ),
        pytest.param(
            queries.aid_by_year_and_sector,
            Filters(sectors=("121",)),
            ["year", "sector_code", "amount"],
            [(2019, "121", 81_375_000.0)],  # A1 + A2
            id="sector",
        ),
        pytest.param(
            queries.aid_by_donor_country,
            Filters(measure="committed"),
            ["country_code", "amount"],
            [("KOR", 465_000_000.0), ("USA", 46_500_000.0)],  # A4; A1
            id="measure",
        ),
        pytest.param(
            queries.exchanges_by_partner_country,
            Filters(direction="outgoing"),
            ["country", "exchanges", "participants"],
            [("Campuchia", 2, 30), ("Lào", 1, 0)],  # E3 10 + E5 20; E7
            id="direction",
        ),
        pytest.param(
            queries.exchanges_by_year_and_direction,
            Filters(kinds=("delegation",)),
            ["year", "direction", "exchanges"],
            [(2014, "incoming", 2), (2019, "outgoing", 2), (2026, "incoming", 1)],
            id="kind",
        ),
        pytest.param(
            queries.overview_by_year,
            Filters(kinds=("event",), sectors=("111",)),
            ["year", "members", "aid_disbursed", "exchanges"],
            # members untouched; aid: A5 only (A4 is committed); exchanges: E4, E8
            [(2019, 680, 0.0, 0), (2020, 460, 0.0, 2), (2026, 700, 131_500_000.0, 0)],
            id="overview takes each filter where it applies",
        ),
    ],
)
def test_each_filter_narrows_the_result_as_computed_by_hand(
    small: Session,
    query: Query,
    filters: Filters,
    columns: list[str],
    expected: list[tuple[Any, ...]],
) -> None:
    assert rows(query(session=small, filters=ALL), columns) != expected
    assert rows(query(session=small, filters=filters), columns) == expected


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        (queries.members_by_province, Filters(direction="incoming", kinds=("event",))),
        (queries.members_by_partner_country, Filters(sectors=("121",), measure="committed")),
        (queries.aid_by_sector, Filters(direction="outgoing", kinds=("delegation",))),
        (queries.exchanges_by_province, Filters(sectors=("410",), measure="disbursed")),
    ],
)
def test_filters_of_another_table_are_ignored(
    small: Session, query: Query, filters: Filters
) -> None:
    expected = query(session=small, filters=ALL)
    pd.testing.assert_frame_equal(query(session=small, filters=filters), expected)


@pytest.mark.parametrize("query", list(COLUMNS), ids=lambda query: query.__name__)
def test_a_filter_matching_nothing_gives_an_empty_frame_with_the_same_columns(
    small: Session, query: Query
) -> None:
    full = query(session=small, filters=ALL)
    empty = query(session=small, filters=Filters(year_from=2030))
    assert list(full.columns) == COLUMNS[query]
    assert not full.empty
    assert empty.empty
    assert list(empty.columns) == COLUMNS[query]
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()


@pytest.mark.parametrize("query", list(COLUMNS), ids=lambda query: query.__name__)
def test_every_chart_query_aggregates_in_the_database(small: Session, query: Query) -> None:
    statements: list[str] = []

    def remember(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement.upper())

    engine = small.get_bind()
    event.listen(engine, "before_cursor_execute", remember)
    try:
        query(session=small, filters=ALL)
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    facts = [
        s for s in statements if any(f"FROM {t}" in s for t in ("MEMBERSHIP", "AID", "EXCHANGE"))
    ]
    assert facts
    assert all("GROUP BY" in s for s in facts)


# Labels: Vietnamese order, languages ------------------------------------------------------


def test_province_labels_come_in_vietnamese_alphabetical_order(small: Session) -> None:
    result = queries.members_by_province(session=small, filters=OLD)
    labels = list(dict.fromkeys(result["province"]))
    assert labels == [
        "Bình Định",
        "Bình Phước",
        "Đắk Lắk",
        "Đồng Nai",
        "Đồng Nai (từ 1/7/2025)",
        "Gia Lai",
        "Gia Lai (từ 1/7/2025)",
    ]
    # Code-point order would put Đ after every other letter and Định after Phước.
    assert sorted(labels)[:3] == ["Bình Phước", "Bình Định", "Gia Lai"]


@pytest.mark.parametrize(
    ("query", "column", "expected"),
    [
        (
            queries.members_by_partner_country,
            "country",
            ["Cambodia", "Cambodia", "Cambodia", "Laos"],
        ),
        (
            queries.aid_by_sector,
            "sector",
            [
                "Education, level unspecified",
                "General environment protection",
                "Health, general",
                "Social protection and other social services",
            ],
        ),
        (
            queries.aid_by_sector,
            "sector_group",
            ["Education", "Environment", "Health", "Social protection"],
        ),
        (queries.exchanges_by_partner_country, "country", ["Cambodia", "Laos", "United States"]),
        (queries.exchanges_by_province, "province", ["Đắk Lắk", "Đồng Nai", "Gia Lai"]),
    ],
)
def test_english_labels_are_english_and_sorted_in_english(
    small: Session, query: Query, column: str, expected: list[str]
) -> None:
    result = query(session=small, filters=ALL, lang="en")
    assert result[column].tolist() == expected


@pytest.mark.parametrize(
    ("keyword", "value", "message"),
    [("lang", "fr", "language"), ("currency", "EUR", "currency")],
)
def test_an_unknown_language_or_currency_is_refused(
    small: Session, keyword: str, value: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        queries.aid_by_sector(session=small, filters=ALL, **{keyword: value})  # type: ignore[arg-type]  # refused at run time, the point of the test


# Sidebar helpers and the data banner ------------------------------------------------------


def test_data_status_of_an_empty_database_says_nothing_was_loaded(session: Session) -> None:
    status = queries.data_status(session=session)
    assert rows(status) == [(None, False, 0)]


def test_data_status_counts_loads_and_notices_demo_data(small: Session) -> None:
    status = queries.data_status(session=small)
    assert rows(status, ["is_demo", "batches"]) == [(False, 3)]  # members, aid, exchanges
    first_loaded_at = status["last_loaded_at"].iloc[0]
    assert first_loaded_at.utcoffset() == timedelta(0)  # UTC on both databases
    load_rows(
        session=small,
        kind="exchanges",
        rows=[{**EXCHANGES[0], "title": "Đoàn mẫu"}],
        batch=BatchInfo(file_name="demo", is_demo=True),
    )
    status = queries.data_status(session=small)
    assert rows(status, ["is_demo", "batches"]) == [(True, 4)]
    assert status["last_loaded_at"].iloc[0] >= first_loaded_at


def test_list_years_gives_every_year_with_a_fact_in_any_table(small: Session) -> None:
    # exchanges 2014, 2019, 2020, 2025, 2026; members and aid 2019, 2020, 2026
    assert queries.list_years(session=small) == [2014, 2019, 2020, 2025, 2026]


def test_list_years_of_an_empty_database_is_empty(session: Session) -> None:
    assert queries.list_years(session=session) == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            [("KHM", "Campuchia"), ("KOR", "Hàn Quốc"), ("USA", "Hoa Kỳ"), ("LAO", "Lào")],
        ),
        (
            "en",
            [
                ("KHM", "Cambodia"),
                ("LAO", "Laos"),
                ("KOR", "South Korea"),
                ("USA", "United States"),
            ],
        ),
    ],
)
def test_list_countries_gives_the_countries_found_in_the_facts(
    small: Session, lang: Lang, expected: list[tuple[str, str]]
) -> None:
    # KHM, LAO in members and exchanges; USA in aid and exchanges; KOR in aid only
    assert rows(queries.list_countries(session=small, lang=lang)) == expected


@pytest.mark.parametrize(
    ("province_list", "size", "code_52"), [("34", 34, "Gia Lai"), ("63", 63, "Bình Định")]
)
def test_list_provinces_gives_every_unit_of_one_list_in_vietnamese_order(
    session: Session, province_list: str, size: int, code_52: str
) -> None:
    result = queries.list_provinces(session=session, province_list=province_list)
    names = result["name"].tolist()
    assert len(names) == size
    assert result.set_index("code").loc["52", "name"] == code_52
    assert ("Bình Phước" in names) is (province_list == "63")  # merged into Đồng Nai
    assert names.index("Cao Bằng") < names.index("Đắk Lắk") < names.index("Đồng Nai")
    assert names.index("Đồng Nai") < names.index("Gia Lai")


@pytest.mark.parametrize(("lang", "health"), [("vi", "Y tế"), ("en", "Health")])
def test_list_sectors_gives_every_dac_sector_in_code_order(
    session: Session, lang: Lang, health: str
) -> None:
    result = queries.list_sectors(session=session, lang=lang)
    assert list(result.columns) == ["code", "name", "group"]
    assert result["code"].tolist() == sorted(result["code"])
    assert len(result) == 15
    assert result.set_index("code").loc["121", "group"] == health


def test_list_exchange_kinds_gives_the_kinds_in_use_in_the_model_order(small: Session) -> None:
    # delegation (E1-E3, E5, E6), event (E4, E8), conference (E7)
    assert queries.list_exchange_kinds(session=small) == ["delegation", "event", "conference"]


def test_list_exchange_kinds_of_an_empty_database_is_empty(session: Session) -> None:
    assert queries.list_exchange_kinds(session=session) == []


# Sorting the frames ------------------------------------------------------------------------


def test_sort_frame_sorts_text_in_vietnamese_order_numbers_as_numbers_and_keeps_ties_in_order() -> (
    None
):
    data = pd.DataFrame(
        {
            "province": pd.Series(
                ["Đà Nẵng", "An Giang", "Bắc Ninh", "Đà Nẵng", "Ấn", "Cà Mau"], dtype=object
            ),
            "year": pd.Series([2024, 2025, 2024, 2023, 2024, 2024], dtype="int64"),
            "exchanges": pd.Series([5, 9, 12, 5, 2, 100], dtype="int64"),
            "row": pd.Series([0, 1, 2, 3, 4, 5], dtype="int64"),
        }
    )

    by_name = _base.sort_frame(data, ["province", "year"])
    by_count = _base.sort_frame(data, ["exchanges"], descending=["exchanges"])

    # D with a stroke comes after D, a vowel with marks after the plain one (An before Ấn).
    assert by_name["row"].tolist() == [1, 4, 2, 5, 3, 0]
    # 100 (Cà Mau) is not "less" than 12 as text would be; the two 5s keep their order.
    assert by_count["row"].tolist() == [5, 2, 1, 0, 3, 4]
    assert by_name.index.tolist() == list(range(6))
    assert by_name.dtypes.tolist() == data.dtypes.tolist()
    as_strings = data.astype({"province": "string"})
    assert _base.sort_frame(as_strings, ["province", "year"])["row"].tolist() == [1, 4, 2, 5, 3, 0]
