"""Row-level extracts: columns, order, filters (with the 2025 reform roll-up) and chunking."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from sqlmodel import Session

from datastore.db import get_engine
from datastore.extracts import EXTRACT_COLUMNS, VI_HEADERS, arrow_schema
from datastore.extracts.reading import count_rows, data_date, iter_extract, read_extract
from datastore.extracts.statements import extract_statement
from datastore.filters import Filters
from datastore.load.write import BatchInfo, load_rows
from datastore.models.reference import ProvinceList
from datastore.vocabulary import DataKind
from tests.utils.extract_dataset import (
    CAMBODIA_DONG_NAI,
    EXCHANGE_ROWS,
    HYPERLINK,
    ISSUE_COLUMNS,
    LAO_BINH_PHUOC,
    SEED_000,
)


def rows_of(
    kind: DataKind, session: Session, reader: str = "auto", **filters: Any
) -> list[tuple[Any, ...]]:
    """Every row of an extract as tuples."""
    chunks = list(iter_extract(kind, session=session, filters=Filters(**filters), reader=reader))
    return [row for chunk in chunks for row in zip(*chunk.to_pydict().values(), strict=True)]


def postgresql_only(reader: str, session: Session) -> str:
    """The reader; the "adbc" case is skipped on SQLite, where that reader is refused."""
    if reader == "adbc" and session.get_bind().dialect.name == "sqlite":
        pytest.skip("the adbc reader is refused on SQLite (test_the_adbc_reader_is_refused...)")
    return reader


def titles(kind: DataKind, session: Session, **filters: Any) -> list[str]:
    index = EXTRACT_COLUMNS[kind].index("title")
    return [row[index] for row in rows_of(kind, session, **filters)]


@pytest.mark.parametrize("kind", list(ISSUE_COLUMNS))
def test_extract_columns_are_the_issues_lists_in_order(kind: DataKind) -> None:
    assert EXTRACT_COLUMNS[kind] == tuple(ISSUE_COLUMNS[kind].split(", "))
    assert arrow_schema(kind).names == list(EXTRACT_COLUMNS[kind])


def test_every_column_has_a_vietnamese_header() -> None:
    names = {name for columns in EXTRACT_COLUMNS.values() for name in columns}
    assert names == set(VI_HEADERS)
    assert VI_HEADERS["province_2025"] == "Tỉnh/thành hiện nay"
    assert VI_HEADERS["members"] == "Số hội viên"


@pytest.mark.parametrize("reader", ["adbc", "sqlalchemy"])
def test_exchanges_come_in_date_order_with_reported_and_current_province(
    loaded: Session, reader: str
) -> None:
    rows = rows_of("exchanges", loaded, reader=postgresql_only(reader, loaded))
    assert [row[0] for row in rows] == [
        date(2014, 3, 15),
        date(2018, 6, 1),
        date(2019, 1, 2),
        date(2019, 3, 15),
        date(2025, 9, 10),
    ]
    assert rows[3] == (
        date(2019, 3, 15),
        2019,
        "70",
        "Bình Phước",
        "75",
        "Đồng Nai",
        "KHM",
        "Campuchia",
        "@Kratie",
        "incoming",
        "delegation",
        12,
        "-Đoàn Kratie",
        "fixture",
    )
    # Old Gia Lai (64) belongs to today's Gia Lai (52); no count and no locality stay empty.
    assert rows[2][2:6] == ("64", "Gia Lai", "52", "Gia Lai")
    assert rows[1][8] is None and rows[1][11] is None
    assert rows[0][-1] == SEED_000


@pytest.mark.parametrize("reader", ["adbc", "sqlalchemy"])
def test_aid_keeps_amounts_exact_and_names_sector_and_donor_country(
    loaded: Session, reader: str
) -> None:
    rows = rows_of("aid", loaded, reader=postgresql_only(reader, loaded))
    assert rows[0] == (
        2020,
        date(2020, 1, 1),
        date(2020, 12, 31),
        "foreign_ngo",
        "75",
        "Đồng Nai",
        "75",
        "Đồng Nai",
        "=cmd|' /C calc'!A0",  # extracts hold the data; the writers neutralise it
        "USA",
        "Hoa Kỳ",
        "121",
        "Y tế chung",
        "committed",
        Decimal("300000000000.00"),
        "VND",
        300_000_000_000,
        # 300 billion VND at 23,250 VND per USD in 2020
        Decimal("12903225.81"),
        "Trang thiết bị y tế",
        "fixture",
    )
    # 10,000.50 USD at 23,600 VND per USD in 2022; a domestic donor has no country.
    assert rows[1][9:11] == (None, None)
    assert rows[1][14:18] == (Decimal("10000.50"), "USD", 236_011_800, Decimal("10000.50"))


def test_members_come_by_year_with_organisation_and_country(loaded: Session) -> None:
    assert rows_of("members", loaded) == [
        (2019, "70", "Bình Phước", "75", "Đồng Nai", LAO_BINH_PHUOC, "LAO", "Lào", 150, None,
         "fixture"),
        (2020, "75", "Đồng Nai", "75", "Đồng Nai", CAMBODIA_DONG_NAI, "KHM", "Campuchia", 4200,
         8, "fixture"),
    ]  # fmt: skip


def test_organizations_show_district_founding_date_and_parent(loaded: Session) -> None:
    rows = {row[1]: row for row in rows_of("organizations", loaded)}
    national = rows["Liên hiệp các tổ chức hữu nghị Việt Nam"]
    assert national[2:6] == (None, None, None, None)
    union = rows["Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai"]
    assert union[9:11] == (date(2013, 5, 20), "Liên hiệp các tổ chức hữu nghị Việt Nam")
    buon_don = rows["Hội hữu nghị Việt Nam – Campuchia huyện Buôn Đôn"]
    assert buon_don[2:9] == ("66", "Đắk Lắk", "66", "Đắk Lắk", "KHM", "Campuchia", "huyện Buôn Đôn")
    # The national union (no province) comes first.
    assert rows_of("organizations", loaded)[0][1] == "Liên hiệp các tổ chức hữu nghị Việt Nam"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # Current Đồng Nai: old Đồng Nai, Bình Phước before the reform, Đồng Nai after it.
        ({"provinces": ("75",)}, ["+ quà Tết", "-Đoàn Kratie", "Giao lưu Hàn Quốc"]),
        ({"provinces": ("75",), "year_from": 2019}, ["-Đoàn Kratie", "Giao lưu Hàn Quốc"]),
        # The 63 old provinces: each only itself; post-reform Đồng Nai is no old province's.
        ({"province_list": ProvinceList.LEGACY, "provinces": ("70",)}, ["-Đoàn Kratie"]),
        ({"province_list": ProvinceList.LEGACY, "provinces": ("75",)}, ["+ quà Tết"]),
        ({"provinces": ("52",)}, ["@Ratanakiri"]),
        ({"province_list": ProvinceList.LEGACY, "provinces": ("52",)}, []),
        ({"provinces": ("66", "52")}, [HYPERLINK, "@Ratanakiri"]),
        ({"year_from": 2018, "year_to": 2019}, ["+ quà Tết", "@Ratanakiri", "-Đoàn Kratie"]),
        ({"year_from": 2020, "year_to": 2019}, []),
        ({"countries": ("KHM",)}, [HYPERLINK, "@Ratanakiri", "-Đoàn Kratie"]),
        ({"countries": ("KOR", "LAO")}, ["+ quà Tết", "Giao lưu Hàn Quốc"]),
        ({"direction": "incoming"}, [HYPERLINK, "-Đoàn Kratie"]),
        ({"kinds": ("event", "humanitarian_visit")}, ["+ quà Tết", "Giao lưu Hàn Quốc"]),
        # Filters for other tables are ignored.
        ({"sectors": ("121",), "measure": "committed"}, [t["title"] for t in EXCHANGE_ROWS]),
    ],
)
def test_exchange_filters_select_the_expected_rows(
    loaded: Session, filters: dict[str, Any], expected: list[str]
) -> None:
    assert titles("exchanges", loaded, **filters) == expected
    assert count_rows("exchanges", session=loaded, filters=Filters(**filters)) == len(expected)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"provinces": ("75",)}, ["Trang thiết bị y tế"]),
        ({"provinces": ("04",)}, ["Học bổng"]),
        ({"sectors": ("160",)}, ["Học bổng"]),
        ({"measure": "committed"}, ["Trang thiết bị y tế"]),
        ({"countries": ("USA",)}, ["Trang thiết bị y tế"]),
        ({"year_to": 2021}, ["Trang thiết bị y tế"]),
        ({"direction": "incoming", "kinds": ("event",)}, ["Trang thiết bị y tế", "Học bổng"]),
    ],
)
def test_aid_filters_select_the_expected_rows(
    loaded: Session, filters: dict[str, Any], expected: list[str]
) -> None:
    assert titles("aid", loaded, **filters) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"provinces": ("75",)}, [LAO_BINH_PHUOC, CAMBODIA_DONG_NAI]),
        ({"province_list": ProvinceList.LEGACY, "provinces": ("75",)}, [CAMBODIA_DONG_NAI]),
        ({"year_from": 2020}, [CAMBODIA_DONG_NAI]),
        ({"countries": ("LAO",)}, [LAO_BINH_PHUOC]),
    ],
)
def test_member_filters_select_the_expected_rows(
    loaded: Session, filters: dict[str, Any], expected: list[str]
) -> None:
    assert [row[5] for row in rows_of("members", loaded, **filters)] == expected


def test_organizations_filter_by_province_through_the_reform_and_ignore_years(
    loaded: Session,
) -> None:
    rows = rows_of("organizations", loaded, provinces=("66",), year_from=2030)
    assert [row[1] for row in rows] == ["Hội hữu nghị Việt Nam – Campuchia huyện Buôn Đôn"]
    # Members loaded for an association not loaded before create it.
    rows = rows_of("organizations", loaded, provinces=("75",))
    assert sorted(row[1] for row in rows) == sorted(
        [LAO_BINH_PHUOC, CAMBODIA_DONG_NAI, "Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai"]
    )


@pytest.mark.parametrize("reader", ["adbc", "sqlalchemy"])
def test_chunks_hold_at_most_chunk_size_rows(session: Session, reader: str) -> None:
    rows = [
        {
            "date": f"{day:02d}/{month:02d}/2016",
            "province": "Gia Lai",
            "direction": "incoming",
            "kind": "event",
            "title": f"Sự kiện {index}",
        }
        for index, (month, day) in enumerate(
            ((m, d) for m in range(1, 13) for d in range(1, 29)), start=1
        )
        if index <= 250
    ]
    load_rows(session=session, kind="exchanges", rows=rows, batch=BatchInfo(file_name="many"))
    chunks = list(
        iter_extract(
            "exchanges",
            session=session,
            filters=Filters(),
            chunk_size=100,
            reader=postgresql_only(reader, session),
        )
    )
    assert [chunk.num_rows for chunk in chunks] == [100, 100, 50]
    assert all(chunk.schema == arrow_schema("exchanges") for chunk in chunks)
    assert pa.concat_tables(chunks).column("title").to_pylist() == [r["title"] for r in rows]


def test_an_empty_extract_has_no_chunks_and_an_empty_frame(session: Session) -> None:
    assert list(iter_extract("aid", session=session, filters=Filters())) == []
    frame = read_extract("aid", session=session, filters=Filters())
    assert list(frame.columns) == list(EXTRACT_COLUMNS["aid"]) and frame.empty


def test_read_extract_gives_a_frame_with_typed_columns(loaded: Session) -> None:
    frame = read_extract("exchanges", session=loaded, filters=Filters(), limit=2)
    assert list(frame.columns) == list(EXTRACT_COLUMNS["exchanges"])
    assert frame["province"].tolist() == ["Đắk Lắk", "Đồng Nai"]
    assert frame["participants"].tolist() == [7, pd.NA]
    assert frame["date"].tolist() == [date(2014, 3, 15), date(2018, 6, 1)]


def test_data_date_is_the_latest_load_of_the_kind(loaded: Session) -> None:
    latest_exchanges = data_date(session=loaded, kind="exchanges")
    latest_any = data_date(session=loaded)
    assert latest_exchanges is not None and latest_any == latest_exchanges
    assert data_date(session=loaded, kind="aid") <= latest_exchanges  # type: ignore[operator]


def test_data_date_is_none_before_any_load(session: Session) -> None:
    assert data_date(session=session, kind="members") is None


def test_the_adbc_reader_is_refused_on_sqlite(sqlite_url: str) -> None:
    with Session(get_engine(sqlite_url)) as session:
        with pytest.raises(ValueError, match="adbc reader is refused on SQLite"):
            list(iter_extract("exchanges", session=session, filters=Filters(), reader="adbc"))
        # The default reader still reads SQLite, through the session's own connection.
        assert list(iter_extract("exchanges", session=session, filters=Filters())) == []


def test_unknown_kind_is_refused(session: Session) -> None:
    with pytest.raises(ValueError, match="unknown extract kind"):
        list(iter_extract("donors", session=session, filters=Filters()))  # type: ignore[arg-type]  # refused at run time, the point of the test


def test_the_exchange_preview_reads_the_extract_order_index_instead_of_sorting(
    sqlite_url: str,
) -> None:
    statement = extract_statement(
        "exchanges", filters=Filters(year_from=2015, year_to=2020), limit=200
    )
    engine = get_engine(sqlite_url)
    compiled = statement.compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as connection:
        plan = " | ".join(
            str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
        )
    assert "ix_exchange_year_date" in plan, plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
