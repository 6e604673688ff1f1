"""Row-level extracts: every fact row of one kind that a Filters value selects, streamed in chunks.

Each kind has a fixed column list (EXTRACT_COLUMNS: the CSV header, and the import template)
and a stable order, so that two extracts of the same data are identical:

- members: year, province code as reported, organisation name, id
- aid: year, province code as reported, id
- exchanges: date, id
- organizations: current unit code (none first), province code as reported, name, id; the
  last column names the organisations each one succeeded (`succeeds`)

`province` is the province as reported (an old province for figures before 1 July 2025),
`province_2025` the unit of the 34-list it belongs to today. Countries are ISO alpha-3 codes with
their names (CLDR), sectors DAC codes with their names, both in the extract's language
(Vietnamese unless asked; the CSV is always Vietnamese); measure, direction and kind are the
English code words stored in the database (committed, incoming, delegation, ...). The XLSX
extract shows these as labels of the interface language beside their codes (`readable`).

This module declares the kinds and their columns; `statements` builds the SELECT of each kind,
`readers` turns its rows into Arrow, `shaping` types them and looks up names, and `reading` is
what callers use (iter_extract, read_extract, count_rows, data_date).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from datastore.vocabulary import DataKind
from i18n.catalogue import Lang, t


@dataclass(frozen=True)
class ExtractColumn:
    """One column of an extract: its CSV name, the text key of its header and its value type."""

    name: str
    header_key: str
    type: str  # "text" | "int" | "decimal" | "date"

    def header(self, lang: Lang) -> str:
        """The column's header in the XLSX extract and the preview of `lang`."""
        return t(self.header_key, lang)

    @property
    def header_vi(self) -> str:
        """The Vietnamese header, which the load templates write and the import reads."""
        return self.header("vi")


def _column(name: str, value_type: str, header: str = "") -> ExtractColumn:
    """A column headed by the catalogue's text `header` (extract.column.<name> by default)."""
    return ExtractColumn(name, header or f"extract.column.{name}", value_type)


_YEAR = _column("year", "int", "column.year")
_PROVINCE = (
    _column("province_code", "text"),
    _column("province", "text"),
    _column("province_2025_code", "text"),
    _column("province_2025", "text"),
)
_PARTNER_COUNTRY = (
    _column("partner_country_code", "text"),
    _column("partner_country", "text"),
)
_SOURCE = _column("source", "text")

_COLUMNS: dict[DataKind, tuple[ExtractColumn, ...]] = {
    "members": (
        _YEAR,
        *_PROVINCE,
        _column("organization", "text", "extract.column.association"),
        *_PARTNER_COUNTRY,
        _column("members", "int"),
        _column("chapters", "int"),
        _SOURCE,
    ),
    "aid": (
        _YEAR,
        _column("period_start", "date", "aid_meaning.column.period_start"),
        _column("period_end", "date", "aid_meaning.column.period_end"),
        _column("donor_kind", "text", "aid_meaning.column.donor_kind"),
        *_PROVINCE,
        _column("donor", "text"),
        _column("donor_country_code", "text"),
        _column("donor_country", "text"),
        _column("sector_code", "text"),
        _column("sector", "text", "axis.sector"),
        _column("measure", "text"),
        _column("amount", "decimal"),
        _column("currency", "text"),
        _column("amount_vnd", "int"),
        _column("amount_usd", "decimal"),
        _column("title", "text", "extract.column.aid_title"),
        _SOURCE,
    ),
    "exchanges": (
        _column("date", "date"),
        _YEAR,
        *_PROVINCE,
        *_PARTNER_COUNTRY,
        _column("partner_locality", "text", "axis.partner_locality"),
        _column("direction", "text"),
        _column("kind", "text", "filter.kinds"),
        _column("participants", "int", "metric.participants"),
        _column("title", "text", "extract.column.exchange_title"),
        _SOURCE,
    ),
    "organizations": (
        _column("kind", "text", "extract.column.organization_kind"),
        _column("organization", "text"),
        *_PROVINCE,
        *_PARTNER_COUNTRY,
        _column("district", "text"),
        _column("founded_on", "date"),
        _column("parent", "text"),
        _SOURCE,
        # Last, so that files written before it still load: predecessors' names, ";" apart.
        _column("succeeds", "text", "lineage.column.succeeds"),
    ),
}

EXTRACT_COLUMNS: dict[DataKind, tuple[str, ...]] = {
    kind: tuple(column.name for column in columns) for kind, columns in _COLUMNS.items()
}
# Vietnamese header of every column name, for the XLSX extract.
VI_HEADERS: dict[str, str] = {
    column.name: column.header_vi for columns in _COLUMNS.values() for column in columns
}
ARROW_TYPES: dict[str, pa.DataType] = {
    "text": pa.string(),
    "int": pa.int64(),
    "decimal": pa.decimal128(20, 2),
    "date": pa.date32(),
}


def extract_columns(kind: DataKind) -> tuple[ExtractColumn, ...]:
    """The columns of one kind of extract, in order."""
    check_kind(kind)
    return _COLUMNS[kind]


def arrow_schema(kind: DataKind) -> pa.Schema:
    """The Arrow schema of every chunk of one kind of extract."""
    return pa.schema(
        [pa.field(column.name, ARROW_TYPES[column.type]) for column in extract_columns(kind)]
    )


def check_kind(kind: object) -> None:
    """ValueError for a kind of extract that does not exist."""
    if kind not in _COLUMNS:
        raise ValueError(f"unknown extract kind {kind!r}; expected one of {', '.join(_COLUMNS)}")
