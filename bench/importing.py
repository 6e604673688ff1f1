"""A 100,000-row exchanges import through the import page's code path, then its undo.

The file is what an editor sends back after editing an extract: the template's columns (those
of the CSV extract), written by the extract's own CSV writer. Its rows are stored exchanges
with " [bench N]" added to the title, N counting the passes over the stored rows, so every
row's natural key (date, province, country, direction, kind, title) is new: the load adds
every row and updates none. Undoing the load removes them all again, so the dataset ends as it
began (the load and its undo stay in the load history).

The floor is the least any load of those rows could cost: the very rows the load wrote, inserted
by one plain `executemany` in one transaction into the database as it was before the load (on
SQLite a copy of the file; on PostgreSQL the database itself, the rows deleted again after), with
no reading, checking, undo records or rollups.
"""

from __future__ import annotations

import io
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import delete, insert, select
from sqlmodel import Session

from bench.dataset import sqlite_path
from datastore.db import get_engine
from datastore.export import write_csv
from datastore.extracts.reading import iter_extract
from datastore.filters import Filters
from datastore.load.files import max_upload_bytes
from datastore.load.imports import import_file
from datastore.load.undo import undo_load
from datastore.models.facts import Exchange
from datastore.vocabulary import DataKind

KIND: DataKind = "exchanges"
USER = "bench"
FILE_NAME = "bench-import-exchanges.csv"
EXCHANGE = Exchange.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ImportFigures:
    """The import's time (read, check, write), its undo's, and what they did."""

    rows: int
    file_mb: float
    import_s: float
    undo_s: float
    floor_s: float  # the same rows by one plain executemany
    added: int
    removed: int


def exchanges_csv(*, session: Session, rows: int) -> bytes:
    """A CSV of `rows` exchanges in the template's columns, none of which is stored yet."""
    if rows < 1:
        raise ValueError(f"rows must be at least 1, not {rows}")
    stored = pa.concat_tables(iter_extract(KIND, session=session, filters=Filters(), limit=rows))
    if stored.num_rows == 0:
        raise ValueError("no stored exchanges to copy")
    title = stored.schema.get_field_index("title")
    copies: list[pa.Table] = []
    made = 0
    while made < rows:
        passes = made // stored.num_rows
        part = stored.slice(0, rows - made)
        marked = pc.binary_join_element_wise(part.column("title"), f" [bench {passes}]", "")
        copies.append(part.set_column(title, "title", marked))
        made += part.num_rows
    buffer = io.BytesIO()
    write_csv(KIND, copies, buffer)
    return buffer.getvalue()


def import_and_undo(url: str, *, rows: int) -> ImportFigures:
    """Load `rows` new exchanges with import_file, then undo the load; both timed."""
    engine = get_engine(url)
    with Session(engine) as session:
        data = exchanges_csv(session=session, rows=rows)
    # The file is larger than a person's upload may be: allow it, for this load only.
    limit = max(max_upload_bytes(), len(data))
    with Session(engine) as session:
        start = time.perf_counter()
        summary = import_file(
            session=session,
            kind=KIND,
            data=data,
            file_name=FILE_NAME,
            created_by=USER,
            max_bytes=limit,
        )
        import_s = time.perf_counter() - start
    if summary.batch_id is None:
        raise RuntimeError("the import recorded no load to undo")
    with Session(engine) as session:
        written = _rows_of_load(session, summary.batch_id)
    with Session(engine) as session:
        start = time.perf_counter()
        undone = undo_load(session=session, batch_id=summary.batch_id, user=USER)
        undo_s = time.perf_counter() - start
    floor_s = insert_floor(url, written)
    return ImportFigures(
        rows=summary.rows,
        file_mb=round(len(data) / 1024 / 1024, 1),
        import_s=round(import_s, 3),
        undo_s=round(undo_s, 3),
        floor_s=round(floor_s, 3),
        added=summary.added,
        removed=undone.rows_removed,
    )


def insert_floor(url: str, rows: list[dict[str, Any]]) -> float:
    """Seconds to insert `rows` into the exchange table by one executemany, committed."""
    path = sqlite_path(url)
    if path is None:
        # Timed on the database itself, then taken out again (not timed).
        seconds = _timed_insert(url, rows)
        with get_engine(url).begin() as connection:
            keys = [row["row_key"] for row in rows]
            for start in range(0, len(keys), 5000):
                chunk = keys[start : start + 5000]
                connection.execute(delete(EXCHANGE).where(EXCHANGE.c.row_key.in_(chunk)))
        return seconds
    copy = path.with_name(f"{path.stem}-floor{path.suffix}")
    try:
        _copy_sqlite(path, copy)
        copy_url = f"sqlite:///{copy}"
        seconds = _timed_insert(copy_url, rows)
        get_engine(copy_url).dispose()
    finally:
        for leftover in (
            copy,
            copy.with_name(f"{copy.name}-wal"),
            copy.with_name(f"{copy.name}-shm"),
        ):
            leftover.unlink(missing_ok=True)
    return seconds


def _timed_insert(url: str, rows: list[dict[str, Any]]) -> float:
    """One transaction, one executemany (through the app's engine and its SQLite settings)."""
    engine = get_engine(url)
    with engine.connect() as connection:
        start = time.perf_counter()
        with connection.begin():
            connection.execute(insert(EXCHANGE), rows)
        return time.perf_counter() - start


def _copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database, WAL included (SQLite's online backup)."""
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
        reading.backup(writing)


def _rows_of_load(session: Session, batch_id: int) -> list[dict[str, Any]]:
    """The exchange rows load `batch_id` wrote, as inserted (without their ids)."""
    statement = select(EXCHANGE).where(EXCHANGE.c.batch_id == batch_id).order_by(EXCHANGE.c.id)
    return [
        {name: value for name, value in row.items() if name != "id"}
        for row in session.execute(statement).mappings()
    ]
