"""The exchange rollups always hold what a GROUP BY over the exchange table gives, after loads,
corrections, undos and upgrades; and each chart query reads the smallest rollup it can."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta
from typing import Any

import pandas as pd
import pytest
from alembic import command
from sqlalchemy import func, inspect, select
from sqlmodel import Session

from datastore import queries
from datastore.db import get_engine
from datastore.filters import Filters
from datastore.load.undo import undo_load
from datastore.load.write import BatchInfo, load_rows
from datastore.migrate import alembic_config, migrate
from datastore.models.facts import Exchange
from datastore.models.loads import ImportBatch
from datastore.models.reference import ProvinceList
from datastore.queries import _base
from datastore.rollups import LOCALITY, ROLLUPS, Rollup, covering_rollup, rebuild_rollups
from tests.utils.small_dataset import EXCHANGES, load_small_fixture

EXCHANGE = Exchange.__table__  # type: ignore[attr-defined]
# Units that exist in both province lists, so that any date is valid for them.
BOTH_LISTS = ("Hà Nội", "Đồng Nai", "Gia Lai", "Đắk Lắk", "Cần Thơ")
MERGED = ("Bình Phước", "Bình Định", "Kon Tum")  # gone on 1 July 2025
COUNTRIES = ("Campuchia", "Lào", "Hoa Kỳ", "Nhật Bản", None)
LOCALITIES = ("Mondulkiri", "Kratie", "Champasak", "Osaka", None)
REFORM = date(2025, 7, 1)
FIRST_DAY, LAST_DAY = date(2012, 1, 1), date(2026, 6, 30)  # a load refuses future dates


def random_exchanges(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Exchange rows as a user's file gives them, spread over years, provinces and countries."""
    rows = []
    for number in range(count):
        day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        provinces = BOTH_LISTS if day >= REFORM else BOTH_LISTS + MERGED
        rows.append(
            {
                "date": day.strftime("%d/%m/%Y"),
                "province": rng.choice(provinces),
                "partner_country": rng.choice(COUNTRIES),
                "partner_locality": rng.choice(LOCALITIES),
                "direction": rng.choice(("incoming", "outgoing")),
                "kind": rng.choice(("delegation", "event", "conference")),
                "participants": rng.choice((None, rng.randrange(1, 60))),
                "title": f"Đoàn giao lưu số {number} ({rng.random():.6f})",
            }
        )
    return rows


def load(session: Session, rows: list[dict[str, Any]], name: str) -> int:
    """Load exchange rows as one batch; its id."""
    summary = load_rows(session=session, kind="exchanges", rows=rows, batch=BatchInfo(name))
    assert summary.batch_id is not None
    return summary.batch_id


def _ordered(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return sorted(rows, key=lambda row: tuple((value is None, str(value)) for value in row))


def facts_grouped(session: Session, dimensions: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """A fresh GROUP BY over the exchange table: count and known participants per group."""
    columns = [EXCHANGE.c[name] for name in dimensions]
    stmt = select(
        *columns, func.count(), func.coalesce(func.sum(EXCHANGE.c.participants), 0)
    ).group_by(*columns)
    return _ordered([(*row[:-2], int(row[-2]), int(row[-1])) for row in session.execute(stmt)])


def rollup_rows(session: Session, rollup: Rollup) -> list[tuple[Any, ...]]:
    """What a rollup holds, in the same shape."""
    table = rollup.table
    stmt = select(
        *(table.c[name] for name in rollup.dimensions), table.c.exchanges, table.c.participants
    )
    return _ordered([(*row[:-2], int(row[-2]), int(row[-1])) for row in session.execute(stmt)])


def assert_rollups_match_facts(session: Session) -> None:
    """Every rollup equals the GROUP BY of the facts by its columns, row for row."""
    for rollup in ROLLUPS:
        assert rollup_rows(session, rollup) == facts_grouped(session, rollup.dimensions), (
            rollup.table.name
        )


def khm_totals(session: Session) -> tuple[int, int]:
    """Exchanges and participants with Cambodia, as the partner-country chart shows them."""
    data = queries.exchanges_by_partner_country(session=session, filters=Filters())
    khm = data[data["country_code"] == "KHM"]
    return int(khm["exchanges"].iloc[0]), int(khm["participants"].iloc[0])


# Kept current by every write ---------------------------------------------------------------


@pytest.mark.usefixtures("small")
def test_the_small_fixture_gives_rollups_equal_to_the_group_by_of_its_exchanges(
    session: Session,
) -> None:
    assert_rollups_match_facts(session)
    country = next(rollup for rollup in ROLLUPS if rollup.table.name == "exchange_rollup_country")
    # E1 and E2 share a row; E4 and E8, both 2020 incoming events, differ by country.
    assert rollup_rows(session, country) == [
        (2014, "KHM", "incoming", "delegation", "Mondulkiri", 2, 20),
        (2019, "KHM", "outgoing", "delegation", "Kratie", 1, 10),
        (2019, "KHM", "outgoing", "delegation", "Ratanakiri", 1, 20),
        (2020, "USA", "incoming", "event", None, 1, 150),
        (2020, None, "incoming", "event", None, 1, 40),
        (2025, "LAO", "outgoing", "conference", None, 1, 0),
        (2026, "KHM", "incoming", "delegation", "Ratanakiri", 1, 15),
    ]
    # E1 12 + E2 8 + E3 10 + E5 20 + E6 15
    assert khm_totals(session) == (5, 65)
    # Old Gia Lai (63:64) in 2019 counts under current Gia Lai (34:52): E5 only.
    by_province = queries.exchanges_by_province(
        session=session, filters=Filters(provinces=("52",), year_from=2019, year_to=2019)
    )
    assert by_province[["province", "exchanges", "participants"]].values.tolist() == [
        ["Gia Lai", 1, 20]
    ]


def test_random_loads_keep_every_rollup_equal_to_the_group_by_of_the_facts(
    session: Session,
) -> None:
    rng = random.Random(42)
    for number in range(3):
        load(session, random_exchanges(rng, 60), f"random-{number}")
        assert_rollups_match_facts(session)
    assert session.scalar(select(func.count()).select_from(EXCHANGE)) == 180


@pytest.mark.usefixtures("small")
def test_a_corrected_file_that_changes_locality_and_participants_updates_the_rollups(
    session: Session,
) -> None:
    # E1 said 12 people from Mondulkiri; the corrected file says 30 from Kratie.
    corrected = {**EXCHANGES[0], "participants": 30, "partner_locality": "Kratie"}

    summary = load_rows(
        session=session, kind="exchanges", rows=[corrected], batch=BatchInfo("fixed.xlsx")
    )

    assert (summary.added, summary.updated) == (0, 1)
    assert_rollups_match_facts(session)
    assert khm_totals(session) == (5, 83)  # 65 - 12 + 30
    localities = queries.exchanges_by_partner_locality(session=session, filters=Filters())
    # Kratie: E3 and now E1; Mondulkiri: E2 only; Ratanakiri: E5, E6.
    assert localities[["partner_locality", "exchanges"]].values.tolist() == [
        ["Kratie", 2],
        ["Ratanakiri", 2],
        ["Mondulkiri", 1],
    ]


@pytest.mark.usefixtures("small")
def test_a_corrected_file_that_moves_a_row_to_another_year_province_and_country(
    session: Session,
) -> None:
    # A row's date, province and country are part of its key: the correction is a new row,
    # and undoing the wrong load takes the old one away.
    wrong = {**EXCHANGES[0], "date": "15/03/2015", "title": "Đoàn Mondulkiri (sai năm)"}
    wrong_batch = load(session, [wrong], "wrong.xlsx")
    assert_rollups_match_facts(session)
    assert khm_totals(session) == (6, 77)

    undo_load(session=session, batch_id=wrong_batch, user="can_bo")
    moved = {**wrong, "date": "15/03/2016", "province": "Gia Lai", "partner_country": "Lào"}
    load(session, [moved], "right.xlsx")

    assert_rollups_match_facts(session)
    assert khm_totals(session) == (5, 65)
    overview = queries.overview_by_year(session=session, filters=Filters(countries=("LAO",)))
    # The moved row in 2016 and E7 in 2025; 2019 has members only.
    assert overview[["year", "exchanges"]].values.tolist() == [[2016, 1], [2019, 0], [2025, 1]]


def test_undoing_loads_puts_the_rollups_back_as_they_were(session: Session) -> None:
    rng = random.Random(7)
    first_rows = random_exchanges(rng, 80)
    load(session, first_rows, "first")
    before = {rollup.table.name: rollup_rows(session, rollup) for rollup in ROLLUPS}
    # The second load adds rows and corrects some of the first load's rows.
    corrected = [
        {**row, "participants": 99, "partner_locality": "Osaka"} for row in first_rows[:20]
    ]
    second = load(session, corrected + random_exchanges(rng, 40), "second")
    assert_rollups_match_facts(session)

    summary = undo_load(session=session, batch_id=second, user="can_bo")

    assert (summary.rows_removed, summary.rows_restored) == (40, 20)
    assert_rollups_match_facts(session)
    assert {rollup.table.name: rollup_rows(session, rollup) for rollup in ROLLUPS} == before


def test_a_replace_and_its_undo_keep_every_rollup_equal_to_the_group_by_of_the_facts(
    session: Session,
) -> None:
    rng = random.Random(5)
    first_rows = random_exchanges(rng, 60)
    first = load(session, first_rows, "first")
    before = {rollup.table.name: rollup_rows(session, rollup) for rollup in ROLLUPS}
    # The new file moves 10 rows to Laos (a key column), drops 20 others and adds 15.
    moved = [{**row, "partner_country": "Lào"} for row in first_rows[:10]]
    new_rows = moved + first_rows[30:] + random_exchanges(rng, 15)

    summary = load_rows(
        session=session,
        kind="exchanges",
        rows=new_rows,
        batch=BatchInfo("second", replaces=first),
    )

    assert summary.removed >= 20 and summary.replaces == first
    assert session.scalar(select(func.count()).select_from(EXCHANGE)) == len(new_rows)
    assert_rollups_match_facts(session)
    assert summary.batch_id is not None
    undo_load(session=session, batch_id=summary.batch_id, user="can_bo")
    assert_rollups_match_facts(session)
    assert {rollup.table.name: rollup_rows(session, rollup) for rollup in ROLLUPS} == before


def test_undoing_every_load_leaves_every_rollup_empty(session: Session) -> None:
    rng = random.Random(3)
    batches = [load(session, random_exchanges(rng, 30), f"load-{n}") for n in range(2)]

    for batch_id in reversed(batches):
        undo_load(session=session, batch_id=batch_id, user="can_bo")

    for rollup in ROLLUPS:
        assert rollup_rows(session, rollup) == []


def test_rebuilding_mends_rollups_after_facts_changed_outside_the_load_path(
    session: Session,
) -> None:
    load(session, random_exchanges(random.Random(5), 40), "load")
    table = Exchange.__table__  # type: ignore[attr-defined]
    # A hand-made correction: one exchange moved a year on, another deleted, by plain SQL.
    first, second = session.scalars(select(table.c.id).order_by(table.c.id).limit(2)).all()
    session.execute(table.update().where(table.c.id == first).values(year=table.c.year + 1))
    session.execute(table.delete().where(table.c.id == second))
    session.commit()
    with pytest.raises(AssertionError):
        assert_rollups_match_facts(session)

    years = rebuild_rollups(session=session)
    session.commit()

    assert years == len(set(session.scalars(select(table.c.year))))
    assert_rollups_match_facts(session)


@pytest.mark.usefixtures("small")
def test_a_load_that_fails_while_refreshing_leaves_facts_and_rollups_as_they_were(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {rollup.table.name: rollup_rows(session, rollup) for rollup in ROLLUPS}

    def fail(**_kwargs: Any) -> None:
        raise RuntimeError("killed while refreshing the rollups")

    monkeypatch.setattr("datastore.rollups.apply_changes", fail)
    with pytest.raises(RuntimeError, match="killed"):
        load(session, random_exchanges(random.Random(1), 25), "killed")

    assert session.scalar(select(func.count()).select_from(EXCHANGE)) == len(EXCHANGES)
    assert session.scalar(select(func.count()).select_from(ImportBatch)) == 3
    assert {rollup.table.name: rollup_rows(session, rollup) for rollup in ROLLUPS} == before


@pytest.mark.usefixtures("small")
def test_a_dry_run_leaves_the_rollups_alone(session: Session) -> None:
    before = {rollup.table.name: rollup_rows(session, rollup) for rollup in ROLLUPS}

    load_rows(
        session=session,
        kind="exchanges",
        rows=random_exchanges(random.Random(5), 25),
        batch=BatchInfo("preview"),
        dry_run=True,
    )

    assert {rollup.table.name: rollup_rows(session, rollup) for rollup in ROLLUPS} == before


# The migration fills them from the exchanges already stored ---------------------------------


def test_upgrading_a_database_with_exchanges_fills_the_rollups_from_them(
    database_url: str,
) -> None:
    engine = get_engine(database_url)
    with Session(engine) as session:
        load_small_fixture(session=session)
        random_batch = load(session, random_exchanges(random.Random(11), 70), "random")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "0002")
    assert not {rollup.table.name for rollup in ROLLUPS} & set(inspect(engine).get_table_names())

    migrate(database_url)

    with Session(engine) as session:
        assert_rollups_match_facts(session)
        khm = queries.exchanges_by_partner_country(session=session, filters=Filters(year_to=2020))
        # E1 12 + E2 8 + E3 10 + E5 20 plus the random rows with Cambodia up to 2020.
        random_khm = session.execute(
            select(func.count(), func.coalesce(func.sum(EXCHANGE.c.participants), 0)).where(
                EXCHANGE.c.country_code == "KHM",
                EXCHANGE.c.year <= 2020,
                EXCHANGE.c.batch_id == random_batch,
            )
        ).one()
        khm_row = khm[khm["country_code"] == "KHM"]
        assert int(khm_row["exchanges"].iloc[0]) == 4 + random_khm[0]
        assert int(khm_row["participants"].iloc[0]) == 50 + int(random_khm[1])


# The navigator ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ({"year"}, "exchange_rollup_kind"),
        ({"year", "direction"}, "exchange_rollup_kind"),
        ({"kind", "direction"}, "exchange_rollup_kind"),
        ({"province_2025_id"}, "exchange_rollup_unit"),
        ({"province_63_id", "province_2025_id", "year"}, "exchange_rollup_unit"),
        ({"province_2025_id", "direction"}, "exchange_rollup_province"),
        ({"province_63_id", "year", "kind"}, "exchange_rollup_province"),
        ({"country_code"}, "exchange_rollup_partner"),
        ({"country_code", "year"}, "exchange_rollup_partner"),
        ({"country_code", "kind"}, "exchange_rollup_country"),
        ({"country_code", "partner_locality"}, "exchange_rollup_place"),
        ({"partner_locality", "year"}, "exchange_rollup_place"),
        ({"country_code", "partner_locality", "direction"}, "exchange_rollup_country"),
        ({"province_2025_id", "country_code"}, "exchange_rollup_province_country"),
        ({"province_63_id", "country_code", "year"}, "exchange_rollup_province_country"),
        ({"province_2025_id", "country_code", "direction"}, "exchange_rollup"),
        ({"province_63_id", "year", "country_code", "kind"}, "exchange_rollup"),
        ({"province_2025_id", "partner_locality"}, "exchange_rollup_locality"),
        (set(), "exchange_rollup_kind"),
    ],
)
def test_the_navigator_picks_the_smallest_rollup_holding_the_columns(
    columns: set[str], expected: str
) -> None:
    assert covering_rollup(columns).name == expected


def test_the_navigator_refuses_a_column_no_rollup_has() -> None:
    with pytest.raises(ValueError, match="title"):
        covering_rollup({"year", "title"})


@pytest.mark.parametrize(
    ("filters", "group_by", "expected"),
    [
        (Filters(), ["year"], "exchange_rollup_kind"),
        (Filters(), ["year", "direction"], "exchange_rollup_kind"),
        (Filters(provinces=("75",)), ["year"], "exchange_rollup_unit"),
        (Filters(), ["province_2025_id"], "exchange_rollup_unit"),
        (Filters(direction="incoming"), ["province_2025_id"], "exchange_rollup_province"),
        (Filters(countries=("KHM",)), ["year"], "exchange_rollup_partner"),
        (Filters(countries=("KHM",), kinds=("event",)), ["year"], "exchange_rollup_country"),
        (
            Filters(provinces=("75",), countries=("KHM",)),
            ["year"],
            "exchange_rollup_province_country",
        ),
        (
            Filters(province_list=ProvinceList.LEGACY, provinces=("70",), kinds=("event",)),
            ["country_code"],
            "exchange_rollup",
        ),
        (
            Filters(provinces=("75",)),
            ["country_code", "partner_locality"],
            "exchange_rollup_locality",
        ),
        # Filters of other tables need no column of the exchanges.
        (Filters(sectors=("121",), measure="committed"), ["year"], "exchange_rollup_kind"),
    ],
)
def test_a_query_reads_the_rollup_holding_its_groups_and_its_filtered_columns(
    filters: Filters, group_by: list[str], expected: str
) -> None:
    assert _base.exchange_rollup(filters, group_by=group_by).name == expected


EXCHANGE_QUERIES = [
    queries.overview_by_year,
    queries.exchanges_by_partner_country,
    queries.exchanges_by_province,
    queries.exchanges_by_year_and_direction,
    queries.exchanges_by_partner_locality,
    queries.exchanges_by_province_and_country,
]
FILTER_PARTS: dict[str, dict[str, Any]] = {
    "provinces": {"provinces": ("75",)},
    "years": {"year_from": 2014, "year_to": 2020},
    "countries": {"countries": ("KHM", "LAO")},
    "direction": {"direction": "incoming"},
    "kinds": {"kinds": ("delegation", "event")},
}


def every_filter_combination() -> list[Filters]:
    """Every subset of the filter fields, on both province lists."""
    combinations = []
    for province_list in ProvinceList:
        for size in range(len(FILTER_PARTS) + 1):
            for names in itertools.combinations(FILTER_PARTS, size):
                changes: dict[str, Any] = {"province_list": province_list}
                for name in names:
                    changes.update(FILTER_PARTS[name])
                combinations.append(Filters(**changes))
    return combinations


@pytest.mark.usefixtures("small")
def test_every_filter_combination_gives_the_same_answer_from_the_smallest_and_the_finest_rollup(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(session, random_exchanges(random.Random(13), 120), "random")
    combinations = every_filter_combination()
    chosen = {
        (query, filters): query(session=session, filters=filters)
        for query in EXCHANGE_QUERIES
        for filters in combinations
    }

    monkeypatch.setattr(_base, "covering_rollup", lambda _columns: LOCALITY.table)
    for (query, filters), result in chosen.items():
        finest = query(session=session, filters=filters)
        pd.testing.assert_frame_equal(result, finest, obj=f"{query.__name__} {filters}")
