"""The overview's series count earlier associations on the last year's organisations.

On tests/utils/lineage_dataset.py, by hand: associations 2, 2, 2 in 2023-2025 (raw 3, 3, 2),
members 550, 600, 630; the headline's 2025 change is 2 against 2, as the series reads.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import text
from sqlmodel import Session

from charts.overview import restated_note
from datastore import queries
from datastore.filters import Filters
from datastore.queries._base import MEMBERSHIP
from datastore.queries.comparisons import headline
from datastore.queries.overview import RESTATED_ON
from tests.utils.lineage_dataset import (
    CAMBODIA_BINH_PHUOC,
    CAMBODIA_DONG_NAI,
    LAOS_DONG_NAI,
    load_merger,
)

THROUGH_2025 = Filters(year_from=2023, year_to=2025)


def _series(session: Session, filters: Filters) -> dict[int, tuple[int, int]]:
    frame = queries.overview_by_year(session=session, filters=filters)
    return {
        int(y): (int(m), int(a))
        for y, m, a in zip(frame["year"], frame["members"], frame["associations"], strict=True)
    }


def test_two_associations_merged_into_one_count_as_one_in_the_years_before(
    session: Session,
) -> None:
    load_merger(session)
    assert _series(session, THROUGH_2025) == {2023: (550, 2), 2024: (600, 2), 2025: (630, 2)}
    frame = queries.overview_by_year(session=session, filters=THROUGH_2025)
    assert frame.attrs[RESTATED_ON] == 2025


def test_the_series_and_the_headline_agree_on_the_last_two_years(session: Session) -> None:
    load_merger(session)
    result = headline(session=session, filters=THROUGH_2025, today=date(2026, 11, 30))
    assert result is not None and result.year == 2025
    (associations,) = [c for c in result.changes if c.metric == "associations"]
    assert (associations.value, associations.current, associations.previous) == (2, 2, 2)
    series = _series(session, THROUGH_2025)
    assert (series[2024][1], series[2025][1]) == (associations.previous, associations.value)


def test_a_series_that_ends_before_the_merger_is_not_restated(session: Session) -> None:
    load_merger(session)
    filters = Filters(year_from=2023, year_to=2024)
    assert _series(session, filters) == {2023: (550, 3), 2024: (600, 3)}
    frame = queries.overview_by_year(session=session, filters=filters)
    assert RESTATED_ON not in frame.attrs
    assert restated_note(frame, "vi") is None


def test_a_merged_unit_and_a_partner_country_are_restated_alike(session: Session) -> None:
    load_merger(session)
    dong_nai = Filters(provinces=("75",), year_from=2023, year_to=2025)
    assert _series(session, dong_nai) == {2023: (550, 2), 2024: (600, 2), 2025: (630, 2)}
    laos = Filters(countries=("LAO",), year_from=2023, year_to=2025)
    assert _series(session, laos) == {2023: (50, 1), 2024: (60, 1), 2025: (70, 1)}


def test_an_association_split_in_two_is_left_as_it_was(session: Session) -> None:
    load_merger(session)
    # Bình Phước's association also succeeded by Lào Đồng Nai: it has two successors now, its
    # members cannot be shared out, so it counts as itself; Đồng Nai's merges as before.
    ids = "SELECT id FROM organization WHERE name = :name ORDER BY id"
    binh_phuoc = session.execute(text(ids), {"name": CAMBODIA_BINH_PHUOC}).scalar_one()
    laos = session.execute(text(ids), {"name": LAOS_DONG_NAI}).scalars().all()[-1]
    session.execute(
        text(
            "INSERT INTO organization_succession (successor_id, predecessor_id, date) "
            "VALUES (:successor, :predecessor, :day)"
        ),
        {"successor": laos, "predecessor": binh_phuoc, "day": date(2025, 7, 1)},
    )
    assert _series(session, THROUGH_2025) == {2023: (550, 3), 2024: (600, 3), 2025: (630, 2)}


_ID = "SELECT id FROM organization WHERE name = :name ORDER BY id"


def _first_id(session: Session, name: str) -> int:
    """The id of the earlier of the organisations named `name` (the one of the 63 list)."""
    found = session.execute(text(_ID), {"name": name}).scalars().first()
    assert found is not None
    return int(found)


def test_an_association_that_missed_a_year_is_restated_only_in_the_years_it_reported(
    session: Session,
) -> None:
    load_merger(session)
    # Bình Phước's association reported in 2023 but not in 2024: 2024 has 420 + 60 members in
    # Đồng Nai's two associations, which count as two 2025 ones; 2023 has three, counted as two.
    session.execute(
        text("DELETE FROM membership WHERE year = 2024 AND organization_id = :org"),
        {"org": _first_id(session, CAMBODIA_BINH_PHUOC)},
    )
    assert _series(session, THROUGH_2025) == {2023: (550, 2), 2024: (480, 2), 2025: (630, 2)}


def test_a_chain_of_successions_counts_toward_its_last_successor(session: Session) -> None:
    load_merger(session)
    # Bình Phước's association merged into Đồng Nai's old one late in 2024, which the new one
    # succeeded in 2025: on 2025, both count as the new one; on 2024, as Đồng Nai's old one.
    binh_phuoc = _first_id(session, CAMBODIA_BINH_PHUOC)
    session.execute(
        text(
            "UPDATE organization_succession SET successor_id = :old, date = :day "
            "WHERE predecessor_id = :org"
        ),
        {"old": _first_id(session, CAMBODIA_DONG_NAI), "day": date(2024, 12, 1), "org": binh_phuoc},
    )
    assert _series(session, THROUGH_2025) == {2023: (550, 2), 2024: (600, 2), 2025: (630, 2)}
    through_2024 = Filters(year_from=2023, year_to=2024)
    assert _series(session, through_2024) == {2023: (550, 2), 2024: (600, 3)}
    frame = queries.overview_by_year(session=session, filters=through_2024)
    assert frame.attrs[RESTATED_ON] == 2024


def test_years_further_apart_than_one_integer_holds_are_all_restated(session: Session) -> None:
    load_merger(session)
    # 1960 and 2025 are 65 years apart: more years than one 64-bit integer has bits for.
    columns = [c.name for c in MEMBERSHIP.columns if c.name not in ("id", "year", "row_key")]
    listed = ", ".join(columns)
    session.execute(
        text(
            f"INSERT INTO membership (year, row_key, {listed}) "
            f"SELECT 1960, '1960:' || organization_id, {listed} FROM membership "
            "WHERE year = 2023 AND organization_id IN (:dong_nai, :binh_phuoc)"
        ),
        {
            "dong_nai": _first_id(session, CAMBODIA_DONG_NAI),
            "binh_phuoc": _first_id(session, CAMBODIA_BINH_PHUOC),
        },
    )
    since_1960 = Filters(year_from=1960, year_to=2025)
    assert _series(session, since_1960) == {
        1960: (500, 1),
        2023: (550, 2),
        2024: (600, 2),
        2025: (630, 2),
    }


def test_the_note_names_the_year_the_series_is_restated_on() -> None:
    frame = pd.DataFrame({"year": [2024, 2025]})
    frame.attrs[RESTATED_ON] = 2025
    assert restated_note(frame, "vi") == (
        "Số hội hữu nghị các năm trước 2025 được tính theo cơ cấu năm 2025: các hội đã hợp nhất "
        "được tính là một, như hội kế tục, nên việc hợp nhất không hiện thành giảm."
    )
    assert (restated_note(frame, "en") or "").startswith(
        "Associations in the years before 2025 are counted on the 2025 structure"
    )
