"""Many rows named at once: ids in a temporary table, keys in one array, rows by COPY."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import Any

import psycopg
from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    MetaData,
    Select,
    Table,
    any_,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError
from sqlalchemy.schema import CreateTable
from sqlmodel import Session

# One connection's, never committed: emptied before each use, gone with the connection.
ROW_IDS = Table(
    "tmp_load_row_ids",
    MetaData(),
    Column("id", BigInteger, primary_key=True),
    prefixes=["TEMPORARY"],
)


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def row_ids(session: Session, ids: Collection[int]) -> Select[tuple[int]]:
    """`ids` written to the temporary table, and a SELECT of them for IN (…)."""
    # One statement then names them all: a hundred IN lists of a thousand ids each cost their
    # compiling and a pass each over the table (a 100,000-row undo, measured).
    connection = session.connection()
    connection.execute(CreateTable(ROW_IDS, if_not_exists=True))
    connection.execute(delete(ROW_IDS))
    if not ids:
        pass
    elif _is_postgresql(session):
        # One array, unnested by the server: psycopg's executemany sends a statement per id.
        wanted = bindparam("ids", list(ids), type_=ARRAY(BigInteger))
        connection.execute(insert(ROW_IDS).from_select(["id"], select(func.unnest(wanted))))
    else:
        # One JSON array, read by SQLite's json_each: an executemany of 100,000 ids costs
        # seconds of parameter handling in Python (measured).
        fill = text(f"INSERT INTO {ROW_IDS.name} (id) SELECT value FROM json_each(:ids)")
        connection.execute(fill, {"ids": json.dumps([int(row_id) for row_id in ids])})
    return select(ROW_IDS.c.id)


def among(session: Session, column: Column[Any], values: Sequence[Any]) -> ColumnElement[bool]:
    """`column` IN `values`; on PostgreSQL `= ANY` of one array parameter."""
    # psycopg parses a statement's placeholders in Python: five thousand of them, twenty times
    # over, took seconds of a 100,000-row load (measured); one array is one placeholder.
    if _is_postgresql(session):
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(list(values))


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` (all with the same keys); on PostgreSQL by COPY, in the open transaction."""
    # psycopg's executemany sends one INSERT per row; COPY streams them all in one statement.
    if not rows:
        return
    names = list(rows[0])
    # COPY leaves out the defaults SQLAlchemy computes for a column the rows do not name.
    defaulted = any(c.default is not None and c.name not in names for c in table.columns)
    if defaulted or not _is_postgresql(session):
        session.execute(insert(table), rows)
        return
    quoted = ", ".join(f'"{name}"' for name in names)
    raw = session.connection().connection.driver_connection
    assert raw is not None
    statement = f'COPY "{table.name}" ({quoted}) FROM STDIN'
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[name] for name in names])
    except psycopg.Error as error:
        # As SQLAlchemy raises it (IntegrityError, OperationalError, …): a key a concurrent
        # load inserted first is retried (datastore.load.write), a lost database reads as such.
        raise DBAPIError.instance(statement, None, error, psycopg.Error) from error
