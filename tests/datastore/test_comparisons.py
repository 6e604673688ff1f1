"""The headline's change from the year before, computed by hand on the small dataset.

The small dataset (tests/utils/small_dataset.py) by unit of the 34 list:
  Đồng Nai (75): members 2019 M1 100 (Bình Phước), M2 300, M3 50; 2020 M4 400; 2026 M7 450;
                 aid disbursed 2019 A2 34 875 000 + A3 232 500 000; 2020 only A4 (committed);
                 2026 A5 131 500 000; exchanges 2019 E3; 2020 E4, E8; 2025-09-01 E7.
  Gia Lai (52):  members 2019 M5 200, M8 30; 2026 M6 250; aid 2026 A6 26 300 000;
                 exchanges 2019 E5; 2026-02-10 E6.
  Đắk Lắk (66):  members 2020 M9 60; exchanges 2014 E1, E2.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlmodel import Session

from datastore.filters import Filters
from datastore.load.write import BatchInfo, load_rows
from datastore.models.reference import ProvinceList
from datastore.queries.comparisons import Change, Headline, Later, Status, headline

TODAY = date(2026, 11, 30)
NEXT_SUMMER = date(2027, 6, 1)
ALL_YEARS = Filters(year_from=2014, year_to=2026)  # the sidebar's default range


def figures(result: Headline | None) -> dict[str, tuple[Any, ...]]:
    """metric -> (status, value, current, previous, compared, reporting)."""
    assert result is not None
    return {
        c.metric: (c.status, c.value, c.current, c.previous, c.compared, c.reporting)
        for c in result.changes
    }


def old(*codes: str, **years: int) -> Filters:
    """Old provinces of the 63 list."""
    return Filters(province_list=ProvinceList.LEGACY, provinces=codes, **years)  # type: ignore[arg-type]


def test_a_single_chosen_year_is_compared_with_the_year_before_outside_the_filter(
    small: Session,
) -> None:
    result = headline(session=small, filters=Filters(year_from=2020, year_to=2020), today=TODAY)
    assert result is not None and (result.year, result.complete) == (2020, True)
    assert figures(result) == {
        # Only Đồng Nai's Cambodia association reported both years: 400 against 300; the
        # 2020 total also holds Đắk Lắk's 60. Six associations reported in either year.
        "members": (Status.COMPARED, 460, 400, 300, 1, 6),
        # Đồng Nai alone reported members in both years: 1 association against 3
        # (M1 Bình Phước, M2, M3 restated on today's Đồng Nai).
        "associations": (Status.COMPARED, 2, 1, 3, 1, 3),
        # Đồng Nai reported aid in 2020 (A4, committed): disbursed 0 is a real 0.
        "aid_disbursed": (Status.COMPARED, 0, 0, 267_375_000, 1, 1),
        # Đồng Nai: E4, E8 against E3; Gia Lai reported in 2019 only.
        "exchanges": (Status.COMPARED, 2, 2, 1, 1, 2),
    }


def test_an_unfinished_year_is_not_the_headline_of_a_range(small: Session) -> None:
    result = headline(session=small, filters=ALL_YEARS, today=TODAY)
    assert result is not None and (result.year, result.complete) == (2025, True)
    # 2026 so far: M6, M7, A5, A6, E6, the last exchange on 10 February.
    assert result.later == Later(2026, 5, date(2026, 2, 10))
    assert figures(result) == {
        "members": (Status.NOT_REPORTED, None, None, None, 0, 0),
        "associations": (Status.NOT_REPORTED, None, None, None, 0, 0),
        "aid_disbursed": (Status.NOT_REPORTED, None, None, None, 0, 0),
        # E7 alone; nothing in 2024 to set it against, so no -100 % nor +inf.
        "exchanges": (Status.PREVIOUS_NOT_REPORTED, 1, None, None, 0, 1),
    }


def test_once_the_year_is_over_it_is_the_headline(small: Session) -> None:
    result = headline(session=small, filters=ALL_YEARS, today=NEXT_SUMMER)
    assert result is not None and (result.year, result.later) == (2026, None)
    assert figures(result)["members"] == (Status.PREVIOUS_NOT_REPORTED, 700, None, None, 0, 2)


def test_an_unfinished_year_compares_exchanges_on_the_same_days_and_flags_yearly_figures(
    small: Session,
) -> None:
    # Old Gia Lai's exchanges of 2025: one before 10 February, one after.
    extra = [
        {
            "date": day,
            "province": "Gia Lai",
            "partner_country": "Campuchia",
            "partner_locality": "Ratanakiri",
            "direction": "incoming",
            "kind": "delegation",
            "participants": 10,
            "title": f"Đoàn Ratanakiri {day}",
        }
        for day in ("20/01/2025", "15/06/2025")
    ]
    load_rows(session=small, kind="exchanges", rows=extra, batch=BatchInfo("gia-lai-2025"))
    result = headline(session=small, filters=Filters(year_from=2026, year_to=2026), today=TODAY)
    assert result is not None and (result.year, result.complete) == (2026, False)
    exchanges = next(c for c in result.changes if c.metric == "exchanges")
    # Up to 10 February: E6 against the 20 January row, not against all of 2025's three.
    assert exchanges == Change(
        "exchanges", 1, 1, 1, Status.PARTIAL, 1, 2, through=date(2026, 2, 10)
    )
    assert figures(result)["members"] == (Status.PARTIAL, 700, None, None, 0, 0)
    assert figures(result)["aid_disbursed"] == (Status.PARTIAL, 157_800_000, None, None, 0, 0)


def test_a_province_that_did_not_report_is_not_reported_rather_than_zero(
    small: Session,
) -> None:
    result = headline(session=small, filters=old("70", year_from=2020, year_to=2020), today=TODAY)
    assert {c.status for c in result.changes} == {Status.NOT_REPORTED}  # type: ignore[union-attr]
    assert {c.value for c in result.changes} == {None}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("code", "successor"),
    [
        # Old Đồng Nai hosts the new centre: M7, A5 are the new unit's, not its own.
        ("75", "Đồng Nai"),
        ("70", "Đồng Nai"),
        # Bình Định kept its code for the new Gia Lai: M6, A6, E6 are not Bình Định's.
        ("52", "Gia Lai"),
    ],
)
def test_an_old_province_after_the_reform_is_merged_into_its_new_unit(
    small: Session, code: str, successor: str
) -> None:
    result = headline(
        session=small, filters=old(code, year_from=2019, year_to=2026), today=NEXT_SUMMER
    )
    assert result is not None and result.year == 2026
    assert [new for _, new in result.merged_into] == [successor]
    assert {c.status for c in result.changes} == {Status.MERGED}
    assert {c.value for c in result.changes} == {None}


def test_an_old_province_reports_its_own_exchanges_until_30_june_2025(small: Session) -> None:
    extra = [
        {
            "date": day,
            "province": "Bình Phước",
            "partner_country": "Campuchia",
            "partner_locality": "Kratie",
            "direction": "outgoing",
            "kind": "delegation",
            "participants": 5,
            "title": f"Đoàn Bình Phước {day}",
        }
        for day in ("10/03/2024", "10/09/2024", "10/04/2025")
    ]
    load_rows(session=small, kind="exchanges", rows=extra, batch=BatchInfo("binh-phuoc"))
    result = headline(session=small, filters=old("70", year_from=2025, year_to=2025), today=TODAY)
    assert result is not None
    exchanges = next(c for c in result.changes if c.metric == "exchanges")
    # January to June: April 2025 against March 2024 (September 2024 left out).
    assert exchanges == Change("exchanges", 1, 1, 1, Status.PARTIAL, 1, 1, date(2025, 6, 30))
    assert figures(result)["members"][0] is Status.MERGED


def test_across_the_reform_members_wait_for_lineage_and_merged_units_are_left_out(
    small: Session,
) -> None:
    members = [
        {
            "year": year,
            "province": province,
            "organization": f"Hội hữu nghị Việt Nam – Trung Quốc tỉnh {province}",
            "partner_country": "Trung Quốc",
            "members": count,
            "chapters": None,
        }
        for year, province, count in (
            (2024, "Cao Bằng", 500),
            (2025, "Cao Bằng", 520),
            (2024, "Bình Phước", 80),
            (2025, "Đồng Nai", 90),
        )
    ]
    load_rows(session=small, kind="members", rows=members, batch=BatchInfo("reform"))
    result = headline(session=small, filters=Filters(year_from=2025, year_to=2025), today=TODAY)
    assert figures(result)["members"] == (Status.RESTRUCTURED, 610, None, None, 0, 4)
    # Cao Bằng did not merge: 1 association against 1; Đồng Nai did and is left out.
    assert figures(result)["associations"] == (Status.COMPARED, 2, 1, 1, 1, 2)
    dong_nai = headline(
        session=small, filters=Filters(provinces=("75",), year_from=2025, year_to=2025), today=TODAY
    )
    assert figures(dong_nai)["associations"][0] is Status.RESTRUCTURED
