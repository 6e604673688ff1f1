"""Loads, undos and replaces change the exchange rollups by delta: after each, every rollup holds
what a full rebuild from the facts gives, and rollup rows the write did not reach stay as they
were."""

from __future__ import annotations

import random
from typing import Any

import pytest
from sqlalchemy import Table, func, select
from sqlmodel import Session

from datastore import rollups
from datastore.load.undo import undo_load
from datastore.load.write import BatchInfo, load_rows
from datastore.models.facts import Exchange
from datastore.rollups import ROLLUPS, rebuild_rollups
from tests.datastore.test_rollups import load, random_exchanges, rollup_rows

EXCHANGE = Exchange.__table__  # type: ignore[attr-defined]


def rollups_now(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Every rollup's groups and totals, by table name."""
    return {rollup.table.name: rollup_rows(session, rollup) for rollup in ROLLUPS}


def assert_rollups_equal_a_rebuild(session: Session) -> None:
    """What the writes left in the rollups is what rebuild_rollups computes from the facts."""
    kept = rollups_now(session)
    assert any(kept.values())
    rebuild_rollups(session=session)
    rebuilt = rollups_now(session)
    session.rollback()  # the next write starts from what the deltas left, not from the rebuild
    for name, rows in rebuilt.items():
        assert kept[name] == rows, name
    assert rollups_now(session) == kept


def years_of(session: Session, batch_id: int) -> set[int]:
    """The years of the exchanges load `batch_id` holds."""
    statement = select(EXCHANGE.c.year).where(EXCHANGE.c.batch_id == batch_id).distinct()
    return set(session.scalars(statement))


# 0: every rollup is read in one pass, as SQLite does for a change of thousands of groups.
@pytest.mark.parametrize("few_groups", [rollups._FEW_GROUPS, 0], ids=["lookups", "one_pass"])
def test_a_load_an_undo_and_a_replace_leave_every_rollup_equal_to_a_full_rebuild(
    session: Session, monkeypatch: pytest.MonkeyPatch, few_groups: int
) -> None:
    monkeypatch.setattr(rollups, "_FEW_GROUPS", few_groups)
    rng = random.Random(2026)
    first_rows = random_exchanges(rng, 90)
    first = load(session, first_rows, "first")
    assert_rollups_equal_a_rebuild(session)

    # A second file corrects 20 of the first file's rows (participants, locality: not part of
    # a row's key) and adds rows, in years that already hold the first file's rows.
    corrected = [
        {**row, "participants": 77, "partner_locality": "Champasak"} for row in first_rows[:20]
    ]
    added = random_exchanges(rng, 30)
    second = load(session, corrected + added, "second")
    assert years_of(session, second) & years_of(session, first)
    assert_rollups_equal_a_rebuild(session)

    # The first file replaced: 10 of its rows move to another province and year (their date
    # and province change, so the old rows go and new ones come), 15 are dropped, 12 are new.
    moved = [
        {**row, "province": "Cần Thơ", "date": "02/01/2013", "title": f"{row['title']} (dời)"}
        for row in first_rows[30:40]
    ]
    replacing = load_rows(
        session=session,
        kind="exchanges",
        rows=first_rows[:30] + moved + first_rows[55:] + random_exchanges(rng, 12),
        batch=BatchInfo("replacing", replaces=first),
    )
    assert replacing.batch_id is not None
    assert replacing.removed >= 15 and replacing.replaces == first
    assert_rollups_equal_a_rebuild(session)

    # Undoing the replace puts the first file's rows back; undoing the correction restores them.
    undo_load(session=session, batch_id=replacing.batch_id, user="can_bo")
    assert_rollups_equal_a_rebuild(session)
    summary = undo_load(session=session, batch_id=second, user="can_bo")
    assert (summary.rows_removed, summary.rows_restored) == (30, 20)
    assert_rollups_equal_a_rebuild(session)

    undo_load(session=session, batch_id=first, user="can_bo")
    assert session.scalar(select(func.count()).select_from(EXCHANGE)) == 0
    assert rollups_now(session) == {rollup.table.name: [] for rollup in ROLLUPS}


def ids_by_group(session: Session, table: Table, dimensions: tuple[str, ...]) -> dict[Any, int]:
    """The id of every rollup row, by its group."""
    statement = select(table.c.id, *(table.c[name] for name in dimensions))
    return {tuple(row[1:]): row[0] for row in session.execute(statement)}


def test_a_load_changes_only_the_rollup_rows_of_the_groups_its_rows_fall_in(
    session: Session,
) -> None:
    rng = random.Random(11)
    load(session, random_exchanges(rng, 120), "first")
    before = {
        rollup.table.name: ids_by_group(session, rollup.table, rollup.dimensions)
        for rollup in ROLLUPS
    }

    # One new exchange, in a year and province the first load already holds.
    one = random_exchanges(rng, 1)
    batch_id = load(session, one, "one")

    row = session.execute(select(EXCHANGE).where(EXCHANGE.c.batch_id == batch_id)).one()
    for rollup in ROLLUPS:
        ids = ids_by_group(session, rollup.table, rollup.dimensions)
        touched = tuple(getattr(row, name) for name in rollup.dimensions)
        untouched = {group: i for group, i in before[rollup.table.name].items() if group != touched}
        # A whole year recomputed would give every row of that year a new id.
        assert {group: ids[group] for group in untouched} == untouched, rollup.table.name
        assert len(ids) - len(untouched) == 1
    assert_rollups_equal_a_rebuild(session)
