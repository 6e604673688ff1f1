"""Row-level extracts: every fact row of one kind that a Filters value selects, streamed in chunks.

Each kind has a fixed column list (EXTRACT_COLUMNS: the CSV header, and the import template)
and a stable order, so that two extracts of the same data are identical:

- members: year, province code as reported, organisation name, id
- aid: year, province code as reported, id
- exchanges: date, id
- organizations: current unit code (none first), province code as reported, name, id

`province` is the province as reported (an old province for figures before 1 July 2025),
`province_2025` the unit of the 34-list it belongs to today. Countries are ISO alpha-3 codes with
their Vietnamese names (CLDR), sectors DAC codes with Vietnamese names; measure, direction and
kind are the English code words stored in the database (committed, incoming, delegation, ...).

Chunks are Arrow tables of at most `chunk_size` rows with a fixed schema per kind (text, int64,
decimal128(20, 2), date32). A million Python objects per column is what makes a row-by-row
extract slow, so on SQLite files and PostgreSQL the rows come through ADBC drivers straight
into Arrow (PostgreSQL's driver uses COPY); anything else goes through SQLAlchemy with a
streaming cursor. Either way memory stays flat. The database sends province ids and country and
sector codes; their codes and names are looked up in Arrow from the small reference tables,
which halves the data the database has to sort and hand over.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import ColumnElement, Select, String, cast, false, func, literal, select
from sqlalchemy.engine import URL
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col

from datastore.filters import Filters
from datastore.models import (
    Aid,
    Country,
    Exchange,
    ImportBatch,
    Membership,
    Organization,
    Province,
    ProvinceList,
    Sector,
)

if TYPE_CHECKING:
    import pandas as pd

EXTRACT_KINDS = ("members", "aid", "exchanges", "organizations")
# Per-chunk overhead is gone at a few thousand rows; larger chunks only cost memory.
DEFAULT_CHUNK_SIZE = 10_000
READERS = ("auto", "adbc", "sqlalchemy")


@dataclass(frozen=True)
class ExtractColumn:
    """One column of an extract: its CSV name, its Vietnamese header and its value type."""

    name: str
    header_vi: str
    type: str  # "text" | "int" | "decimal" | "date"


_YEAR = ExtractColumn("year", "Năm", "int")
_PROVINCE = (
    ExtractColumn("province_code", "Mã tỉnh (theo danh mục báo cáo)", "text"),
    ExtractColumn("province", "Tỉnh/thành (như báo cáo)", "text"),
    ExtractColumn("province_2025_code", "Mã tỉnh (34 đơn vị, từ 1/7/2025)", "text"),
    ExtractColumn("province_2025", "Tỉnh/thành hiện nay", "text"),
)
_PARTNER_COUNTRY = (
    ExtractColumn("partner_country_code", "Mã nước đối tác (ISO alpha-3)", "text"),
    ExtractColumn("partner_country", "Nước đối tác", "text"),
)
_SOURCE = ExtractColumn("source", "Nguồn", "text")

_COLUMNS: dict[str, tuple[ExtractColumn, ...]] = {
    "members": (
        _YEAR,
        *_PROVINCE,
        ExtractColumn("organization", "Tổ chức hữu nghị", "text"),
        *_PARTNER_COUNTRY,
        ExtractColumn("members", "Số hội viên", "int"),
        ExtractColumn("chapters", "Số chi hội", "int"),
        _SOURCE,
    ),
    "aid": (
        _YEAR,
        *_PROVINCE,
        ExtractColumn("donor", "Nhà tài trợ", "text"),
        ExtractColumn("donor_country_code", "Mã nước tài trợ (ISO alpha-3)", "text"),
        ExtractColumn("donor_country", "Nước tài trợ", "text"),
        ExtractColumn("sector_code", "Mã lĩnh vực (OECD DAC)", "text"),
        ExtractColumn("sector", "Lĩnh vực", "text"),
        ExtractColumn("measure", "Cam kết/giải ngân (committed/disbursed)", "text"),
        ExtractColumn("amount", "Số tiền (nguyên tệ)", "decimal"),
        ExtractColumn("currency", "Loại tiền", "text"),
        ExtractColumn("amount_vnd", "Số tiền (VND)", "int"),
        ExtractColumn("amount_usd", "Số tiền (USD)", "decimal"),
        ExtractColumn("title", "Tên dự án/khoản viện trợ", "text"),
        _SOURCE,
    ),
    "exchanges": (
        ExtractColumn("date", "Ngày", "date"),
        _YEAR,
        *_PROVINCE,
        *_PARTNER_COUNTRY,
        ExtractColumn("partner_locality", "Địa phương đối tác", "text"),
        ExtractColumn("direction", "Đoàn vào/đoàn ra (incoming/outgoing)", "text"),
        ExtractColumn("kind", "Loại hoạt động", "text"),
        ExtractColumn("participants", "Số người tham gia", "int"),
        ExtractColumn("title", "Nội dung", "text"),
        _SOURCE,
    ),
    "organizations": (
        ExtractColumn("kind", "Loại tổ chức", "text"),
        ExtractColumn("organization", "Tên tổ chức", "text"),
        *_PROVINCE,
        *_PARTNER_COUNTRY,
        ExtractColumn("district", "Huyện", "text"),
        ExtractColumn("founded_on", "Ngày thành lập", "date"),
        ExtractColumn("parent", "Tổ chức cấp trên", "text"),
        _SOURCE,
    ),
}

EXTRACT_COLUMNS: dict[str, tuple[str, ...]] = {
    kind: tuple(column.name for column in columns) for kind, columns in _COLUMNS.items()
}
# Vietnamese header of every column name, for the XLSX extract.
VI_HEADERS: dict[str, str] = {
    column.name: column.header_vi for columns in _COLUMNS.values() for column in columns
}
_ARROW_TYPES: dict[str, pa.DataType] = {
    "text": pa.string(),
    "int": pa.int64(),
    "decimal": pa.decimal128(20, 2),
    "date": pa.date32(),
}


def extract_columns(kind: str) -> tuple[ExtractColumn, ...]:
    """The columns of one kind of extract, in order."""
    _check_kind(kind)
    return _COLUMNS[kind]


def arrow_schema(kind: str) -> pa.Schema:
    """The Arrow schema of every chunk of one kind of extract."""
    return pa.schema(
        [pa.field(column.name, _ARROW_TYPES[column.type]) for column in extract_columns(kind)]
    )


def iter_extract(
    kind: str,
    *,
    session: Session,
    filters: Filters,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    limit: int | None = None,
    reader: str = "auto",
) -> Iterator[pa.Table]:
    """Yield the selected rows of one kind as Arrow tables of at most `chunk_size` rows.

    The ADBC reader opens its own connection to the session's database, so it sees committed
    rows only; `reader="sqlalchemy"` reads through the session itself.
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    if reader not in READERS:
        raise ValueError(f"unknown reader {reader!r}; expected one of {', '.join(READERS)}")
    statement = extract_statement(kind, filters=filters, limit=limit)
    url = session.get_bind().engine.url
    adbc_uri = _adbc_uri(url) if reader != "sqlalchemy" else None
    if reader == "adbc" and adbc_uri is None:
        raise ValueError(f"no ADBC driver for {url.get_backend_name()} at this URL")
    references = _References.load(session=session)
    if adbc_uri is not None:
        tables = _read_adbc(statement, session=session, uri=adbc_uri, chunk_size=chunk_size)
    else:
        tables = _read_sqlalchemy(statement, session=session, chunk_size=chunk_size)
    raw_types = _raw_types(kind, list(statement.selected_columns.keys()))
    for table in _rechunk(tables, chunk_size):
        yield _assemble(kind, _conform(table, raw_types), references)


def iter_extract_frames(
    kind: str,
    *,
    session: Session,
    filters: Filters,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    limit: int | None = None,
) -> Iterator[pd.DataFrame]:
    """The same chunks as pandas DataFrames (dates as datetime.date, amounts as Decimal)."""
    for table in iter_extract(
        kind, session=session, filters=filters, chunk_size=chunk_size, limit=limit
    ):
        yield table.to_pandas(types_mapper=_pandas_type, date_as_object=True)


def read_extract(
    kind: str, *, session: Session, filters: Filters, limit: int | None = None
) -> pd.DataFrame:
    """A whole (small or limited) extract as one DataFrame, e.g. for a preview."""
    import pandas as pd

    frames = list(iter_extract_frames(kind, session=session, filters=filters, limit=limit))
    if not frames:
        return arrow_schema(kind).empty_table().to_pandas(types_mapper=_pandas_type)
    return pd.concat(frames, ignore_index=True)


def extract_statement(kind: str, *, filters: Filters, limit: int | None = None) -> Select[Any]:
    """The SELECT behind one kind of extract, in extract order.

    Its columns are those of EXTRACT_COLUMNS that are not looked up afterwards, plus
    `province_id` and `province_2025_id`. Text and dates come out as text ('' for none),
    amounts as text with two decimals, counts and ids as integers: the same on every
    database, and typed once the rows are in Arrow.
    """
    _check_kind(kind)
    statement = _STATEMENTS[kind](filters)
    return statement.limit(limit) if limit is not None else statement


def count_rows(kind: str, *, session: Session, filters: Filters) -> int:
    """How many rows an extract would hold."""
    statement = extract_statement(kind, filters=filters).order_by(None)
    counted = select(func.count()).select_from(statement.subquery())
    return int(session.connection().execute(counted).scalar_one())


def data_date(*, session: Session, kind: str | None = None) -> datetime | None:
    """When data of this kind (any kind when None) was last loaded; None when never."""
    statement = select(func.max(ImportBatch.created_at))
    if kind is not None:
        _check_kind(kind)
        # Loading members creates the associations they name, so both count for organizations.
        kinds = ("organizations", "members") if kind == "organizations" else (kind,)
        statement = statement.where(ImportBatch.kind.in_(kinds))  # type: ignore[attr-defined]
    return session.connection().execute(statement).scalar_one_or_none()


def _check_kind(kind: str) -> None:
    if kind not in _COLUMNS:
        raise ValueError(f"unknown extract kind {kind!r}; expected one of {', '.join(_COLUMNS)}")


def _pandas_type(arrow_type: pa.DataType) -> Any:
    """Text as pandas' string dtype and counts as nullable integers, not floats with NaN."""
    import pandas as pd  # only the DataFrame helpers need pandas

    if arrow_type == pa.string():
        return pd.StringDtype()
    if arrow_type == pa.int64():
        return pd.Int64Dtype()
    return None


# Readers ------------------------------------------------------------------------------------


def _adbc_uri(url: URL) -> tuple[str, str] | None:
    """(driver, URI) for the ADBC driver that can read this database, if one is installed."""
    backend = url.get_backend_name()
    if backend == "sqlite":
        path = url.database
        if not path or path == ":memory:" or path.startswith("file:"):
            return None  # a private in-memory database is only reachable through its engine
        module = "adbc_driver_sqlite"
        uri = path
    elif backend == "postgresql":
        module = "adbc_driver_postgresql"
        uri = url.set(drivername="postgresql").render_as_string(hide_password=False)
    else:
        return None
    if importlib.util.find_spec(module) is None:
        return None
    return module, uri


def _read_adbc(
    statement: Select[Any], *, session: Session, uri: tuple[str, str], chunk_size: int
) -> Iterator[pa.Table]:
    """Rows straight into Arrow record batches through an ADBC driver."""
    module, address = uri
    dialect = session.get_bind().dialect
    # Filter values are codes and numbers; SQLAlchemy quotes literals for the dialect.
    sql = str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    if module == "adbc_driver_sqlite":
        import adbc_driver_sqlite.dbapi as driver

        options = {"adbc.sqlite.query.batch_rows": str(chunk_size)}
        connection = driver.connect(address)
    else:
        import adbc_driver_postgresql.dbapi as pg_driver

        options = {}
        connection = pg_driver.connect(address)
    with connection, connection.cursor() as cursor:
        if options:
            cursor.adbc_statement.set_options(**options)
        cursor.execute(sql)
        with cursor.fetch_record_batch() as batches:
            for batch in batches:
                yield pa.Table.from_batches([batch])


def _read_sqlalchemy(
    statement: Select[Any], *, session: Session, chunk_size: int
) -> Iterator[pa.Table]:
    """Rows through the session with a streaming cursor, turned into Arrow column by column."""
    names = list(statement.selected_columns.keys())
    result = session.connection().execute(
        statement, execution_options={"stream_results": True, "yield_per": chunk_size}
    )
    try:
        for partition in result.partitions(chunk_size):
            columns = zip(names, zip(*partition, strict=True), strict=True)
            yield pa.table({name: pa.array(values) for name, values in columns})
    finally:
        result.close()


def _rechunk(tables: Iterable[pa.Table], size: int) -> Iterator[pa.Table]:
    """Tables of exactly `size` rows (the last one shorter); slicing copies nothing."""
    pending: list[pa.Table] = []
    count = 0
    for table in tables:
        while table.num_rows:
            take = min(size - count, table.num_rows)
            pending.append(table.slice(0, take))
            count += take
            table = table.slice(take)
            if count == size:
                yield pa.concat_tables(pending)
                pending, count = [], 0
    if count:
        yield pa.concat_tables(pending)


def _raw_types(kind: str, names: Sequence[str]) -> dict[str, str]:
    """Value type of each column the statement selects: ids are integers, the rest as listed."""
    listed = {column.name: column.type for column in extract_columns(kind)}
    return {name: "int" if name.endswith("_id") else listed[name] for name in names}


def _conform(table: pa.Table, types: dict[str, str]) -> pa.Table:
    """Type the columns of a chunk as read: '' becomes null, text becomes dates and decimals."""
    arrays: list[pa.ChunkedArray] = []
    for name, array in zip(table.column_names, table.columns, strict=True):
        kind = types[name]
        if kind == "int":
            arrays.append(array.cast(pa.int64()))
            continue
        text = array.cast(pa.string())
        # Lengths come from the offsets alone, so testing for '' first is nearly free.
        if len(text) and pc.min(pc.binary_length(text)).as_py() == 0:
            text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
        arrays.append(text if kind == "text" else text.cast(_ARROW_TYPES[kind]))
    return pa.Table.from_arrays(arrays, names=table.column_names)


@dataclass(frozen=True)
class _References:
    """Codes and names of provinces (by id), countries and sectors (by code), as Arrow arrays."""

    province_codes: pa.Array  # position = province id
    province_names: pa.Array
    country_codes: pa.Array
    country_names: pa.Array
    sector_codes: pa.Array
    sector_names: pa.Array

    @classmethod
    def load(cls, *, session: Session) -> _References:
        """Read the three reference tables (a few hundred rows)."""
        connection = session.connection()
        provinces: list[tuple[int, str, str]] = [
            (int(row[0] or 0), row[1], row[2])
            for row in connection.execute(
                select(col(Province.id), col(Province.code), col(Province.short_name))
            )
        ]
        size = max((row[0] for row in provinces), default=0) + 1
        codes: list[str | None] = [None] * size
        names: list[str | None] = [None] * size
        for province_id, code, name in provinces:
            codes[province_id], names[province_id] = code, name
        countries = connection.execute(select(col(Country.code), col(Country.name_vi))).all()
        sectors = connection.execute(select(col(Sector.code), col(Sector.name_vi))).all()
        return cls(
            province_codes=pa.array(codes, pa.string()),
            province_names=pa.array(names, pa.string()),
            country_codes=pa.array([row[0] for row in countries], pa.string()),
            country_names=pa.array([row[1] for row in countries], pa.string()),
            sector_codes=pa.array([row[0] for row in sectors], pa.string()),
            sector_names=pa.array([row[1] for row in sectors], pa.string()),
        )

    def province_code(self, ids: pa.ChunkedArray) -> pa.ChunkedArray:
        return pc.take(self.province_codes, ids)

    def province_name(self, ids: pa.ChunkedArray) -> pa.ChunkedArray:
        return pc.take(self.province_names, ids)

    def country_name(self, codes: pa.ChunkedArray) -> pa.ChunkedArray:
        return pc.take(self.country_names, pc.index_in(codes, value_set=self.country_codes))

    def sector_name(self, codes: pa.ChunkedArray) -> pa.ChunkedArray:
        return pc.take(self.sector_names, pc.index_in(codes, value_set=self.sector_codes))


# Columns looked up after reading: name -> (column read, how to look it up).
_LOOKED_UP: dict[str, tuple[str, Callable[[_References, pa.ChunkedArray], pa.ChunkedArray]]] = {
    "province_code": ("province_id", _References.province_code),
    "province": ("province_id", _References.province_name),
    "province_2025_code": ("province_2025_id", _References.province_code),
    "province_2025": ("province_2025_id", _References.province_name),
    "partner_country": ("partner_country_code", _References.country_name),
    "donor_country": ("donor_country_code", _References.country_name),
    "sector": ("sector_code", _References.sector_name),
}


def _assemble(kind: str, table: pa.Table, references: _References) -> pa.Table:
    """The chunk in its kind's columns and schema, with codes and names looked up."""
    arrays = []
    for column in extract_columns(kind):
        if column.name in _LOOKED_UP:
            read, look_up = _LOOKED_UP[column.name]
            arrays.append(look_up(references, table.column(read)))
        else:
            arrays.append(table.column(column.name))
    return pa.Table.from_arrays(arrays, schema=arrow_schema(kind))


# Statements ---------------------------------------------------------------------------------


class _MoneyText(FunctionElement[str]):
    """An amount as text with exactly two decimals, whatever the database stores."""

    type = String()
    name = "money_text"
    inherit_cache = True


@compiles(_MoneyText)
def _money_text_default(element: _MoneyText, compiler: SQLCompiler, **kw: Any) -> str:
    # NUMERIC(20, 2) already prints with two decimals on PostgreSQL.
    return f"CAST({compiler.process(element.clauses, **kw)} AS VARCHAR)"


@compiles(_MoneyText, "sqlite")
def _money_text_sqlite(element: _MoneyText, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite keeps NUMERIC as REAL or INTEGER; printf restores the two decimals.
    return f"printf('%.2f', {compiler.process(element.clauses, **kw)})"


def _text(column: Any, name: str) -> Any:
    """Text with '' for none: SQLite's ADBC driver types a column by its first values."""
    return func.coalesce(column, literal("")).label(name)


def _date(column: Any, name: str) -> Any:
    return func.coalesce(cast(column, String), literal("")).label(name)


_reported = aliased(Province, name="reported")
_parent = aliased(Organization, name="parent")


def _province_filter(
    filters: Filters, *, current_id: Any, legacy_id: Any
) -> list[ColumnElement[bool]]:
    """Rows in the chosen provinces: by current unit for the 34-list, by old province for 63."""
    if not filters.provinces:
        return []
    province_list = ProvinceList(filters.province_list)
    ids = select(col(Province.id)).where(
        col(Province.province_list) == province_list.value,
        col(Province.code).in_(filters.provinces),
    )
    column = current_id if province_list is ProvinceList.CURRENT else legacy_id
    return [column.in_(ids.scalar_subquery())]


def _year_filter(filters: Filters, year: Any) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.year_from is not None:
        conditions.append(year >= filters.year_from)
    if filters.year_to is not None:
        conditions.append(year <= filters.year_to)
    if (
        filters.year_from is not None
        and filters.year_to is not None
        and filters.year_from > filters.year_to
    ):
        conditions.append(false())
    return conditions


def _in(column: Any, values: Sequence[str]) -> list[ColumnElement[bool]]:
    return [column.in_(values)] if values else []


def _equals(column: Any, value: str | None) -> list[ColumnElement[bool]]:
    return [column == value] if value else []


def _members(filters: Filters) -> Select[Any]:
    fact = Membership
    return (
        select(
            col(fact.year),
            col(fact.province_id),
            col(fact.province_2025_id),
            _text(col(Organization.name), "organization"),
            _text(col(fact.country_code), "partner_country_code"),
            col(fact.members),
            col(fact.chapters),
            _text(col(fact.source), "source"),
        )
        .join(Organization, col(Organization.id) == col(fact.organization_id))
        .join(_reported, col(_reported.id) == col(fact.province_id))  # for the order
        .where(
            *_province_filter(
                filters, current_id=col(fact.province_2025_id), legacy_id=col(fact.province_63_id)
            ),
            *_year_filter(filters, col(fact.year)),
            *_in(col(fact.country_code), filters.countries),
        )
        .order_by(col(fact.year), col(_reported.code), col(Organization.name), col(fact.id))
    )


def _aid(filters: Filters) -> Select[Any]:
    fact = Aid
    return (
        select(
            col(fact.year),
            col(fact.province_id),
            col(fact.province_2025_id),
            _text(col(fact.donor), "donor"),
            _text(col(fact.country_code), "donor_country_code"),
            _text(col(fact.sector_code), "sector_code"),
            _text(col(fact.measure), "measure"),
            _MoneyText(col(fact.amount)).label("amount"),
            _text(col(fact.currency), "currency"),
            col(fact.amount_vnd),
            _MoneyText(col(fact.amount_usd)).label("amount_usd"),
            _text(col(fact.title), "title"),
            _text(col(fact.source), "source"),
        )
        .join(_reported, col(_reported.id) == col(fact.province_id))  # for the order
        .where(
            *_province_filter(
                filters, current_id=col(fact.province_2025_id), legacy_id=col(fact.province_63_id)
            ),
            *_year_filter(filters, col(fact.year)),
            *_in(col(fact.country_code), filters.countries),
            *_in(col(fact.sector_code), filters.sectors),
            *_equals(col(fact.measure), filters.measure),
        )
        .order_by(col(fact.year), col(_reported.code), col(fact.id))
    )


def _exchanges(filters: Filters) -> Select[Any]:
    fact = Exchange
    return (
        select(
            _date(col(fact.date), "date"),
            col(fact.year),
            col(fact.province_id),
            col(fact.province_2025_id),
            _text(col(fact.country_code), "partner_country_code"),
            _text(col(fact.partner_locality), "partner_locality"),
            _text(col(fact.direction), "direction"),
            _text(col(fact.kind), "kind"),
            col(fact.participants),
            _text(col(fact.title), "title"),
            _text(col(fact.source), "source"),
        )
        .where(
            *_province_filter(
                filters, current_id=col(fact.province_2025_id), legacy_id=col(fact.province_63_id)
            ),
            *_year_filter(filters, col(fact.year)),
            *_in(col(fact.country_code), filters.countries),
            *_equals(col(fact.direction), filters.direction),
            *_in(col(fact.kind), filters.kinds),
        )
        # The year first (it follows from the date): the order of ix_exchange_year_date.
        .order_by(col(fact.year), col(fact.date), col(fact.id))
    )


def _organizations(filters: Filters) -> Select[Any]:
    """Organisations are not yearly figures: the year range does not apply to them."""
    org = Organization
    current = aliased(Province, name="current_unit")
    return (
        select(
            _text(col(org.kind), "kind"),
            _text(col(org.name), "organization"),
            col(org.province_id),
            col(_reported.current_unit_id).label("province_2025_id"),
            _text(col(org.country_code), "partner_country_code"),
            _text(col(org.district), "district"),
            _date(col(org.founded_on), "founded_on"),
            _text(col(_parent.name), "parent"),
            _text(col(org.source), "source"),
        )
        .outerjoin(_reported, col(_reported.id) == col(org.province_id))
        .outerjoin(current, col(current.id) == col(_reported.current_unit_id))
        .outerjoin(_parent, col(_parent.id) == col(org.parent_id))
        .where(
            *_province_filter(
                filters,
                current_id=col(_reported.current_unit_id),
                legacy_id=col(_reported.legacy_unit_id),
            ),
            *_in(col(org.country_code), filters.countries),
        )
        .order_by(
            col(current.code).nulls_first(),
            col(_reported.code).nulls_first(),
            col(org.name),
            col(org.id),
        )
    )


_STATEMENTS = {
    "members": _members,
    "aid": _aid,
    "exchanges": _exchanges,
    "organizations": _organizations,
}
