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

This module declares the kinds and their columns; `statements` builds the SELECT of each kind,
`readers` turns its rows into Arrow, `shaping` types them and looks up names, and `reading` is
what callers use (iter_extract, read_extract, count_rows, data_date).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from datastore.vocabulary import DataKind


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

_COLUMNS: dict[DataKind, tuple[ExtractColumn, ...]] = {
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
