"""Many rows named at once (datastore.load.idset): the ids, keys and rows a large load or undo
hands the database in one statement are exactly those it meant, on both backends."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from datastore.load.idset import among, insert_rows, row_ids
from datastore.load.records import DEFAULT_DONOR_KIND, validate_rows
from datastore.load.undo import undo_load
from datastore.load.versions import CHUNK
from datastore.models.facts import Aid, Exchange
from tests.datastore.load.test_rollup_changes import assert_rollups_equal_a_rebuild
from tests.datastore.test_rollups import load, random_exchanges

EXCHANGE = Exchange.__table__  # type: ignore[attr-defined]


def test_the_id_table_holds_exactly_the_ids_of_its_latest_use(session: Session) -> None:
    first = session.scalars(row_ids(session, [5, 3, 9])).all()
    assert sorted(first) == [3, 5, 9]
    assert sorted(session.scalars(row_ids(session, range(1000, 3500))).all()) == list(
        range(1000, 3500)
    )
    assert session.scalars(row_ids(session, [])).all() == []


def test_among_finds_the_rows_with_the_keys_given_and_no_other(session: Session) -> None:
    load(session, random_exchanges(random.Random(3), 40), "keys")
    keys = session.scalars(select(EXCHANGE.c.row_key).order_by(EXCHANGE.c.id)).all()
    wanted = [*keys[5:15], "not a stored key"]
    found = session.scalars(
        select(EXCHANGE.c.row_key).where(among(session, EXCHANGE.c.row_key, wanted))
    )
    assert sorted(found) == sorted(keys[5:15])


def test_titles_copy_could_misread_are_stored_as_checked(session: Session) -> None:
    # PostgreSQL's COPY text format gives a tab, a backslash and \N their own meaning.
    rows = random_exchanges(random.Random(5), 4)
    titles = ["Tab\there", "Dấu \\ gạch chéo", "\\N", "Dòng 'một'; \"hai\""]
    rows = [{**row, "title": title} for row, title in zip(rows, titles, strict=True)]
    records, problems = validate_rows(session=session, kind="exchanges", rows=rows)
    assert problems == []
    batch_id = load(session, rows, "titles")
    stored = session.execute(
        select(
            EXCHANGE.c.row_key, EXCHANGE.c.title, EXCHANGE.c.participants, EXCHANGE.c.date
        ).where(EXCHANGE.c.batch_id == batch_id)
    ).all()
    expected = [(r["row_key"], r["title"], r["participants"], r["date"]) for r in records]
    assert sorted(stored) == sorted(expected)


def test_a_key_inserted_twice_is_the_conflict_a_load_retries_on(session: Session) -> None:
    batch_id = load(session, random_exchanges(random.Random(7), 1), "once")
    row = session.execute(select(EXCHANGE).where(EXCHANGE.c.batch_id == batch_id)).mappings().one()
    again = {name: value for name, value in row.items() if name != "id"}
    with pytest.raises(IntegrityError):
        insert_rows(session, EXCHANGE, [again])
    session.rollback()
    assert session.scalar(select(func.count()).select_from(EXCHANGE)) == 1


def test_undoing_a_load_of_more_rows_than_one_statement_named_keeps_the_rollups(
    session: Session,
) -> None:
    kept = load(session, random_exchanges(random.Random(8), 30), "kept")
    big = load(session, random_exchanges(random.Random(9), CHUNK + 150), "big")
    assert_rollups_equal_a_rebuild(session)
    summary = undo_load(session=session, batch_id=big, user="can_bo")
    assert summary.rows_removed == CHUNK + 150
    assert_rollups_equal_a_rebuild(session)
    remaining = session.scalars(select(EXCHANGE.c.batch_id).distinct()).all()
    assert remaining == [kept]


def test_rows_without_a_column_that_has_a_default_get_it_as_an_insert_gives_it(
    small: Session,
) -> None:
    aid = Aid.__table__  # type: ignore[attr-defined]
    row = small.execute(select(aid).limit(1)).mappings().one()
    copied = {
        **{name: value for name, value in row.items() if name not in ("id", "donor_kind")},
        "row_key": "a new key",
    }
    insert_rows(small, aid, [copied])
    stored = small.scalar(select(aid.c.donor_kind).where(aid.c.row_key == "a new key"))
    assert stored == DEFAULT_DONOR_KIND
