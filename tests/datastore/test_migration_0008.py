"""Revision 0008: aid rows already stored get their calendar year and foreign_ngo, both ways."""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import inspect, text
from sqlmodel import Session, col, select

from datastore.db import get_engine
from datastore.load.imports import import_file
from datastore.load.undo import undo_load
from datastore.migrate import alembic_config, current_revision, head_revision, migrate
from datastore.models.facts import Aid
from datastore.models.loads import RowChange
from tests.utils.bad_files import csv_bytes
from tests.utils.small_dataset import AID

NEW = {"period_start", "period_end", "donor_kind"}


def _load(url: str, rows: list[dict[str, object]], name: str) -> None:
    with Session(get_engine(url)) as session:
        import_file(
            session=session, kind="aid", data=csv_bytes("aid", rows), file_name=name, created_by="x"
        )


def test_0008_fills_the_period_and_kind_of_stored_rows_and_downgrades_cleanly(
    empty_database_url: str,
) -> None:
    url = empty_database_url
    engine = get_engine(url)
    migrate(url)
    _load(url, AID, "vien_tro.csv")  # load 1: A1..A6
    _load(url, [{**AID[0], "amount": 2500}], "sua.csv")  # load 2 changes A1: an undo record
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "0007")
    assert not NEW & {c["name"] for c in inspect(engine).get_columns("aid")}
    with Session(engine) as session:
        kept = session.exec(select(RowChange.previous)).all()
    assert kept and not NEW & set(json.loads(kept[0]))

    migrate(url)

    assert current_revision(url) == head_revision()
    with Session(engine) as session:
        rows = session.execute(
            text("SELECT year, period_start, period_end, donor_kind FROM aid ORDER BY id")
        ).all()
        assert [(y, str(s), str(e), k) for y, s, e, k in rows] == [
            (row["year"], f"{row['year']}-01-01", f"{row['year']}-12-31", "foreign_ngo")
            for row in AID
        ]
        (previous,) = session.exec(select(RowChange.previous)).all()
        assert {k: json.loads(previous)[k] for k in NEW} == {
            "period_start": "2019-01-01",
            "period_end": "2019-12-31",
            "donor_kind": "foreign_ngo",
        }
        # The undo puts back a complete row, and the same file loads again unchanged.
        undo_load(session=session, batch_id=2, user="x")
        first = session.exec(select(Aid).order_by(col(Aid.id))).first()
        assert first is not None and first.amount == 2000
        assert (first.period_start.year, first.period_end.year) == (2019, 2019)
    with Session(engine) as session:
        summary = import_file(
            session=session,
            kind="aid",
            data=csv_bytes("aid", AID),
            file_name="lai.csv",
            created_by="x",
        )
    assert summary.unchanged == len(AID)
