"""Revision 0011: small exchange rollups filled from the finer ones; covering fact indexes."""

from __future__ import annotations

import random

from alembic import command
from sqlalchemy import inspect, text
from sqlmodel import Session

from datastore.db import get_engine
from datastore.load.write import BatchInfo, load_rows
from datastore.migrate import alembic_config, current_revision, head_revision, migrate
from datastore.rollups import KIND, PARTNER, PLACE, UNIT, Rollup, rebuild_rollups
from tests.datastore.test_rollups import random_exchanges
from tests.utils.small_dataset import load_small_fixture

SMALL = (KIND, UNIT, PARTNER, PLACE)
NEW_INDEXES = {
    "membership": {"ix_membership_year_country_totals", "ix_membership_organization_year"},
    "aid": {"ix_aid_year_totals"},
}


def _rows(url: str, rollup: Rollup) -> list[tuple[object, ...]]:
    columns = ", ".join((*rollup.dimensions, "exchanges", "participants"))
    with Session(get_engine(url)) as session:
        found = session.execute(text(f"SELECT {columns} FROM {rollup.table.name}"))
        return sorted((tuple(row) for row in found), key=repr)


def _facts(url: str, rollup: Rollup) -> list[tuple[object, ...]]:
    """The same totals summed straight from the exchange facts."""
    listed = ", ".join(rollup.dimensions)
    with Session(get_engine(url)) as session:
        found = session.execute(
            text(
                f"SELECT {listed}, count(*), coalesce(sum(participants), 0)"
                f" FROM exchange GROUP BY {listed}"
            )
        )
        return sorted((tuple(row) for row in found), key=repr)


def _indexes(url: str) -> dict[str, set[str]]:
    """The indexes 0011 adds or replaces that each fact table has."""
    inspector = inspect(get_engine(url))
    touched = {*NEW_INDEXES["membership"], *NEW_INDEXES["aid"], "ix_membership_organization_id"}
    return {
        table: {str(index["name"]) for index in inspector.get_indexes(table)} & touched
        for table in ("membership", "aid")
    }


def test_0011_fills_the_small_rollups_from_the_exchanges_already_stored(
    empty_database_url: str,
) -> None:
    url = empty_database_url
    engine = get_engine(url)
    migrate(url)
    with Session(engine) as session:
        load_small_fixture(session=session)
        rows = random_exchanges(random.Random(11), 80)
        load_rows(session=session, kind="exchanges", rows=rows, batch=BatchInfo("random"))
    kept = {rollup.table.name: _rows(url, rollup) for rollup in SMALL}
    for rollup in SMALL:
        assert kept[rollup.table.name], rollup.table.name
        assert kept[rollup.table.name] == _facts(url, rollup), rollup.table.name

    assert _indexes(url) == NEW_INDEXES

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "0010")
    assert not {r.table.name for r in SMALL} & set(inspect(engine).get_table_names())
    assert _indexes(url) == {"membership": {"ix_membership_organization_id"}, "aid": set()}
    migrate(url)
    assert _indexes(url) == NEW_INDEXES

    # Filled from the finer rollups, they hold what the loads kept and what the facts say.
    assert current_revision(url) == head_revision()
    assert {rollup.table.name: _rows(url, rollup) for rollup in SMALL} == kept
    with Session(engine) as session:
        rebuild_rollups(session=session)
        session.commit()
    assert {rollup.table.name: _rows(url, rollup) for rollup in SMALL} == kept
