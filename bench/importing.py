"""A 100,000-row exchanges import through the import page's code path, then its undo.

The file is what an editor sends back after editing an extract: the template's columns (those
of the CSV extract), written by the extract's own CSV writer. Its rows are stored exchanges
with " [bench N]" added to the title, N counting the passes over the stored rows, so every
row's natural key (date, province, country, direction, kind, title) is new: the load adds
every row and updates none. Undoing the load removes them all again, so the dataset ends as it
began (the load and its undo stay in the load history).
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc
from sqlmodel import Session

from datastore.db import get_engine
from datastore.export import write_csv
from datastore.extracts.reading import iter_extract
from datastore.filters import Filters
from datastore.load.files import max_upload_bytes
from datastore.load.imports import import_file
from datastore.load.undo import undo_load
from datastore.vocabulary import DataKind

KIND: DataKind = "exchanges"
USER = "bench"
FILE_NAME = "bench-import-exchanges.csv"


@dataclass(frozen=True)
class ImportFigures:
    """The import's time (read, check, write), its undo's, and what they did."""

    rows: int
    file_mb: float
    import_s: float
    undo_s: float
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
        start = time.perf_counter()
        undone = undo_load(session=session, batch_id=summary.batch_id, user=USER)
        undo_s = time.perf_counter() - start
    return ImportFigures(
        rows=summary.rows,
        file_mb=round(len(data) / 1024 / 1024, 1),
        import_s=round(import_s, 3),
        undo_s=round(undo_s, 3),
        added=summary.added,
        removed=undone.rows_removed,
    )
