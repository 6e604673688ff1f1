"""Taking extracts: chunks of Arrow tables or pandas frames, row counts, and the data's date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from sqlalchemy import func, select
from sqlmodel import Session

from datastore.extracts import arrow_schema, check_kind
from datastore.extracts.readers import choose_reader
from datastore.extracts.shaping import References, assemble, conform, raw_types, rechunk
from datastore.extracts.statements import extract_statement
from datastore.filters import Filters
from datastore.models.loads import ImportBatch
from datastore.vocabulary import DataKind
from i18n.catalogue import Lang

if TYPE_CHECKING:
    import pandas as pd

# Per-chunk overhead is gone at a few thousand rows; larger chunks only cost memory.
DEFAULT_CHUNK_SIZE = 10_000


def iter_extract(
    kind: DataKind,
    *,
    session: Session,
    filters: Filters,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    limit: int | None = None,
    reader: str = "auto",
    lang: Lang = "vi",
) -> Iterator[pa.Table]:
    """Yield the selected rows of one kind as Arrow tables of at most `chunk_size` rows.

    Country, sector and partner-locality names are those of `lang` (the CSV, a load format,
    is always taken in Vietnamese).

    Chunks have a fixed schema per kind (text, int64, decimal128(20, 2), date32). On SQLite
    every reader goes through the session's own connection ("adbc" is refused there); on
    PostgreSQL "auto" and "adbc" read with the ADBC driver's own connection, which sees
    committed rows only, and "sqlalchemy" reads through the session itself.
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    read = choose_reader(session.get_bind().engine.url, reader)
    statement = extract_statement(kind, filters=filters, limit=limit)
    references = References.load(session=session, lang=lang)
    types = raw_types(kind, list(statement.selected_columns.keys()))
    for table in rechunk(read(statement, session, chunk_size), chunk_size):
        yield assemble(kind, conform(table, types), references)


def iter_extract_frames(
    kind: DataKind,
    *,
    session: Session,
    filters: Filters,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    limit: int | None = None,
    lang: Lang = "vi",
) -> Iterator[pd.DataFrame]:
    """The same chunks as pandas DataFrames (dates as datetime.date, amounts as Decimal)."""
    for table in iter_extract(
        kind, session=session, filters=filters, chunk_size=chunk_size, limit=limit, lang=lang
    ):
        yield table.to_pandas(types_mapper=pandas_type, date_as_object=True)


def read_extract(
    kind: DataKind,
    *,
    session: Session,
    filters: Filters,
    limit: int | None = None,
    lang: Lang = "vi",
) -> pd.DataFrame:
    """A whole (small or limited) extract as one DataFrame, e.g. for a preview."""
    import pandas as pd

    frames: list[pd.DataFrame] = list(
        iter_extract_frames(kind, session=session, filters=filters, limit=limit, lang=lang)
    )
    if not frames:
        empty: pd.DataFrame = arrow_schema(kind).empty_table().to_pandas(types_mapper=pandas_type)
        return empty  # pyarrow is untyped
    return pd.concat(frames, ignore_index=True)


def count_rows(kind: DataKind, *, session: Session, filters: Filters) -> int:
    """How many rows an extract would hold."""
    statement = extract_statement(kind, filters=filters).order_by(None)
    counted = select(func.count()).select_from(statement.subquery())
    return int(session.connection().execute(counted).scalar_one())


def data_date(*, session: Session, kind: DataKind | None = None) -> datetime | None:
    """When data of this kind (any kind when None) was last loaded; None when never."""
    statement = select(func.max(ImportBatch.created_at))
    if kind is not None:
        check_kind(kind)
        # Loading members creates the associations they name, so both count for organizations.
        kinds = ("organizations", "members") if kind == "organizations" else (kind,)
        statement = statement.where(ImportBatch.kind.in_(kinds))  # type: ignore[attr-defined]
    return session.connection().execute(statement).scalar_one_or_none()


def pandas_type(arrow_type: pa.DataType) -> Any:
    """Text as pandas' string dtype and counts as nullable integers, not floats with NaN."""
    import pandas as pd  # only the DataFrame helpers need pandas

    if arrow_type == pa.string():
        return pd.StringDtype()
    if arrow_type == pa.int64():
        return pd.Int64Dtype()
    return None
