"""Rows as read, shaped into an extract's chunks: typed, re-chunked, codes and names looked up.

The database sends province ids and country and sector codes; their codes and names are looked
up in Arrow from the small reference tables, which halves the data the database has to sort and
hand over. Country and sector names are those of the extract's language, and so are partner
localities with a known English name (datastore.localities).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import select
from sqlmodel import Session, col

from datastore.extracts import ARROW_TYPES, arrow_schema, extract_columns
from datastore.localities import locality_name
from datastore.models.reference import Country, Province, Sector
from datastore.vocabulary import DataKind
from i18n.catalogue import Lang, as_lang


def rechunk(tables: Iterable[pa.Table], size: int) -> Iterator[pa.Table]:
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


def raw_types(kind: DataKind, names: Sequence[str]) -> dict[str, str]:
    """Value type of each column the statement selects: ids are integers, the rest as listed."""
    listed = {column.name: column.type for column in extract_columns(kind)}
    return {name: "int" if name.endswith("_id") else listed[name] for name in names}


def conform(table: pa.Table, types: dict[str, str]) -> pa.Table:
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
        arrays.append(text if kind == "text" else text.cast(ARROW_TYPES[kind]))
    return pa.Table.from_arrays(arrays, names=table.column_names)


@dataclass(frozen=True)
class References:
    """Codes and names of provinces (by id), countries and sectors (by code), as Arrow arrays.

    Names are those of `lang`; province names are the official Vietnamese ones in both.
    """

    province_codes: pa.Array  # position = province id
    province_names: pa.Array
    country_codes: pa.Array
    country_names: pa.Array
    sector_codes: pa.Array
    sector_names: pa.Array
    lang: Lang = "vi"

    @classmethod
    def load(cls, *, session: Session, lang: Lang = "vi") -> References:
        """Read the three reference tables (a few hundred rows), names in `lang`."""
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
        english = as_lang(lang) == "en"
        country_name = col(Country.name_en) if english else col(Country.name_vi)
        sector_name = col(Sector.name_en) if english else col(Sector.name_vi)
        countries = connection.execute(select(col(Country.code), country_name)).all()
        sectors = connection.execute(select(col(Sector.code), sector_name)).all()
        return cls(
            province_codes=pa.array(codes, pa.string()),
            province_names=pa.array(names, pa.string()),
            country_codes=pa.array([row[0] for row in countries], pa.string()),
            country_names=pa.array([row[1] for row in countries], pa.string()),
            sector_codes=pa.array([row[0] for row in sectors], pa.string()),
            sector_names=pa.array([row[1] for row in sectors], pa.string()),
            lang=lang,
        )

    def province_code(self, ids: pa.ChunkedArray) -> pa.ChunkedArray:
        return pc.take(self.province_codes, ids)

    def province_name(self, ids: pa.ChunkedArray) -> pa.ChunkedArray:
        return pc.take(self.province_names, ids)

    def country_name(self, codes: pa.ChunkedArray) -> pa.ChunkedArray:
        return pc.take(self.country_names, pc.index_in(codes, value_set=self.country_codes))

    def sector_name(self, codes: pa.ChunkedArray) -> pa.ChunkedArray:
        return pc.take(self.sector_names, pc.index_in(codes, value_set=self.sector_codes))

    def locality_name(self, names: pa.ChunkedArray) -> pa.ChunkedArray:
        """Partner localities in the extract's language; looked up once per distinct name."""
        if self.lang == "vi" or len(names) == 0:
            return names
        typed = pc.unique(names).drop_null()
        shown = pa.array([locality_name(n, self.lang) for n in typed.to_pylist()], pa.string())
        return pc.take(shown, pc.index_in(names, value_set=typed))


# Columns looked up after reading: name -> (column read, how to look it up).
_LOOKED_UP: dict[str, tuple[str, Callable[[References, pa.ChunkedArray], pa.ChunkedArray]]] = {
    "province_code": ("province_id", References.province_code),
    "province": ("province_id", References.province_name),
    "province_2025_code": ("province_2025_id", References.province_code),
    "province_2025": ("province_2025_id", References.province_name),
    "partner_country": ("partner_country_code", References.country_name),
    "donor_country": ("donor_country_code", References.country_name),
    "sector": ("sector_code", References.sector_name),
    "partner_locality": ("partner_locality", References.locality_name),
}


def assemble(kind: DataKind, table: pa.Table, references: References) -> pa.Table:
    """The chunk in its kind's columns and schema, with codes and names looked up."""
    arrays = []
    for column in extract_columns(kind):
        if column.name in _LOOKED_UP:
            read, look_up = _LOOKED_UP[column.name]
            arrays.append(look_up(references, table.column(read)))
        else:
            arrays.append(table.column(column.name))
    return pa.Table.from_arrays(arrays, schema=arrow_schema(kind))
