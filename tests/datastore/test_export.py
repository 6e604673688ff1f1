"""Extract files: CSV with BOM for Excel, XLSX in the interface language, formulas neutralised."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pandas as pd
import pyarrow as pa
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from datastore.export import (
    BOM,
    INFO_SHEET,
    export,
    export_bytes,
    file_name,
    neutralise,
    neutralise_table,
    restore,
    write_csv,
    write_xlsx,
)
from datastore.extracts import VI_HEADERS, arrow_schema
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from datastore.vocabulary import DataKind
from tests.utils.extract_dataset import HYPERLINK, ISSUE_COLUMNS, SEED_000

NEUTRALISED = [
    ("=1+1", "'=1+1"),
    ("+84 912 345 678", "'+84 912 345 678"),
    ("-5", "'-5"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\tTab", "'\tTab"),
    ("\rCR", "'\rCR"),
    ("'=already quoted", "''=already quoted"),
    ("''+twice", "'''+twice"),
]
UNTOUCHED = ["Đồng Nai", "a=b", "'apostrophe", "", " =space first", "1-2", "\n=newline first"]


@pytest.mark.parametrize(("text", "expected"), NEUTRALISED)
def test_text_starting_with_a_formula_character_gets_an_apostrophe(
    text: str, expected: str
) -> None:
    assert neutralise(text) == expected
    assert restore(expected) == text


@pytest.mark.parametrize("text", UNTOUCHED)
def test_text_that_cannot_start_a_formula_is_left_alone(text: str) -> None:
    assert neutralise(text) == text
    assert restore(text) == text


def test_the_arrow_rule_is_the_same_rule() -> None:
    texts = [text for text, _ in NEUTRALISED] + UNTOUCHED + [None]
    table = pa.table({"title": pa.array(texts, pa.string()), "n": pa.array(range(len(texts)))})
    result = neutralise_table(table)
    assert result.column("title").to_pylist() == [
        None if text is None else neutralise(text) for text in texts
    ]
    assert result.column("n").to_pylist() == list(range(len(texts)))


def _aid_chunk(titles: list[str]) -> pa.Table:
    """A hand-made aid chunk: one row per title, with large and fractional amounts."""
    count = len(titles)
    columns = {
        "year": [2020] * count,
        "period_start": [date(2013, 1, 1)] * count,
        "period_end": [date(2020, 12, 31)] * count,
        "donor_kind": ["domestic"] * count,
        "province_code": ["75"] * count,
        "province": ["Đồng Nai"] * count,
        "province_2025_code": ["75"] * count,
        "province_2025": ["Đồng Nai"] * count,
        "donor": ["-Quỹ"] * count,
        "donor_country_code": [None] * count,
        "donor_country": [None] * count,
        "sector_code": ["160"] * count,
        "sector": ["An sinh xã hội"] * count,
        "measure": ["disbursed"] * count,
        "amount": [Decimal("10000.50")] * count,
        "currency": ["USD"] * count,
        "amount_vnd": [300_000_000_000] * count,
        "amount_usd": [Decimal("-5.00")] * count,
        "title": titles,
        "source": ["synthetic"] * count,
    }
    return pa.table(columns, schema=arrow_schema("aid"))


def test_csv_starts_with_bom_then_the_english_header_and_uses_crlf() -> None:
    out = io.BytesIO()
    assert write_csv("aid", [_aid_chunk(["Học bổng"])], out) == 1
    data = out.getvalue()
    assert data.startswith(BOM)
    lines = data[len(BOM) :].decode("utf-8").split("\r\n")
    assert lines[0] == ISSUE_COLUMNS["aid"].replace(" ", "")
    assert lines[1] == (
        '2020,2013-01-01,2020-12-31,"domestic","75","Đồng Nai","75","Đồng Nai","\'-Quỹ",,,"160",'
        '"An sinh xã hội","disbursed",'
        '10000.50,"USD",300000000000,-5.00,"Học bổng","synthetic"'
    )
    assert lines[2:] == [""]


@pytest.mark.parametrize(("text", "expected"), NEUTRALISED)
def test_csv_neutralises_text_cells_and_leaves_numbers_alone(text: str, expected: str) -> None:
    out = io.BytesIO()
    write_csv("aid", [_aid_chunk([text])], out)
    frame = pd.read_csv(
        io.BytesIO(out.getvalue()), encoding="utf-8-sig", dtype=str, keep_default_na=False
    )
    assert frame.loc[0, "title"] == expected
    assert frame.loc[0, "donor"] == "'-Quỹ"
    # Numbers are numbers, never text: a negative amount keeps its sign and no apostrophe.
    assert frame.loc[0, "amount_vnd"] == "300000000000"
    assert frame.loc[0, "amount"] == "10000.50"
    assert frame.loc[0, "amount_usd"] == "-5.00"


def test_csv_writer_leaves_the_stream_open_and_streams_every_chunk() -> None:
    out = io.BytesIO()
    chunks = [_aid_chunk([f"Dự án {i}" for i in range(start, start + 3)]) for start in (0, 3)]
    assert write_csv("aid", iter(chunks), out) == 6
    assert not out.closed
    frame = pd.read_csv(io.BytesIO(out.getvalue()), encoding="utf-8-sig")
    assert frame["title"].tolist() == [f"Dự án {i}" for i in range(6)]


@pytest.mark.parametrize("kind", list(ISSUE_COLUMNS))
def test_exported_csv_header_is_exactly_the_issues_column_list(
    loaded: Session, kind: DataKind
) -> None:
    out = io.BytesIO()
    export(kind, session=loaded, filters=Filters(), fmt="csv", out=out)
    header = out.getvalue()[len(BOM) :].split(b"\r\n", 1)[0].decode("utf-8")
    assert header.split(",") == ISSUE_COLUMNS[kind].split(", ")


def test_exported_csv_reads_back_with_vietnamese_text_and_exact_numbers(loaded: Session) -> None:
    out = io.BytesIO()
    assert export("aid", session=loaded, filters=Filters(), fmt="csv", out=out) == 2
    frame = pd.read_csv(
        io.BytesIO(out.getvalue()), encoding="utf-8-sig", dtype={"sector_code": str}
    )
    assert frame["province"].tolist() == ["Đồng Nai", "Cao Bằng"]
    assert frame["sector"].tolist() == ["Y tế chung", "An sinh xã hội"]
    assert frame["donor"].tolist() == ["'=cmd|' /C calc'!A0", "VUFO"]
    assert frame["amount_vnd"].tolist() == [300_000_000_000, 236_011_800]
    assert frame["amount"].tolist() == [300_000_000_000.0, 10_000.5]
    assert frame["sector_code"].tolist() == ["121", "160"]


def test_exported_exchanges_follow_the_reform_roll_up_and_are_neutralised(
    loaded: Session,
) -> None:
    out = io.BytesIO()
    filters = Filters(provinces=("75",), year_from=2019)
    export("exchanges", session=loaded, filters=filters, fmt="csv", out=out)
    frame = pd.read_csv(io.BytesIO(out.getvalue()), encoding="utf-8-sig", dtype=str)
    assert frame["province"].tolist() == ["Bình Phước", "Đồng Nai"]
    assert frame["province_2025"].tolist() == ["Đồng Nai", "Đồng Nai"]
    assert frame["title"].tolist() == ["'-Đoàn Kratie", "Giao lưu Hàn Quốc"]
    assert frame["partner_locality"].tolist()[0] == "'@Kratie"
    assert frame["date"].tolist() == ["2019-03-15", "2025-09-10"]


def test_export_bytes_gives_the_same_file_as_export(engine: Engine, loaded: Session) -> None:
    out = io.BytesIO()
    export("members", engine=engine, filters=Filters(), fmt="csv", out=out)
    assert export_bytes("members", engine=engine, filters=Filters(), fmt="csv") == out.getvalue()


def test_export_refuses_an_unknown_format(engine: Engine) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        export("aid", engine=engine, filters=Filters(), fmt="ods", out=io.BytesIO())


def test_xlsx_has_vietnamese_headers_typed_cells_and_text_formulas(loaded: Session) -> None:
    out = io.BytesIO()
    filters = Filters(province_list=ProvinceList.CURRENT, countries=("KHM",))
    assert export("exchanges", session=loaded, filters=filters, fmt="xlsx", out=out) == 3
    book = openpyxl.load_workbook(io.BytesIO(out.getvalue()))
    data = book.worksheets[0]
    header = [cell.value for cell in data[1]]
    assert header[:6] == [
        "Ngày",
        "Năm",
        "Mã tỉnh (theo danh mục báo cáo)",
        "Tỉnh/thành (như báo cáo)",
        "Mã tỉnh (34 đơn vị, từ 1/7/2025)",
        "Tỉnh/thành hiện nay",
    ]
    first = [cell for cell in data[2]]
    assert first[0].value == datetime(2014, 3, 15) and first[0].is_date
    assert first[1].value == 2014 and first[1].data_type == "n"
    assert first[3].value == "Đắk Lắk"
    # Direction and kind in words, each followed by its code.
    assert header[9:13] == [
        "Đoàn vào/đoàn ra (incoming/outgoing)",
        "direction_code",
        "Loại hoạt động",
        "kind_code",
    ]
    assert [cell.value for cell in first[9:13]] == ["Đoàn vào", "incoming", "Đoàn", "delegation"]
    assert first[13].value == 7 and first[13].data_type == "n"
    # The formula arrives as text with the same apostrophe as in the CSV, never as a formula.
    assert first[14].value == "'" + HYPERLINK and first[14].data_type == "s"
    assert [cell.value for cell in data[4]][8] == "'@Kratie"
    assert data.max_row == 4


def test_xlsx_second_sheet_lists_filters_data_date_and_sources(loaded: Session) -> None:
    out = io.BytesIO()
    filters = Filters(provinces=("66", "75"), year_from=2014, year_to=2019, direction="incoming")
    export("exchanges", session=loaded, filters=filters, fmt="xlsx", out=out)
    book = openpyxl.load_workbook(io.BytesIO(out.getvalue()))
    info = book.worksheets[1]
    assert info.title == INFO_SHEET
    values = {row[0]: row[1] for row in info.iter_rows(min_row=2, values_only=True) if row[0]}
    assert values["Số dòng"] == 2
    assert values["Tỉnh/thành (mã)"] == "66, 75"
    assert values["Từ năm"] == "2014"
    assert values["Đến năm"] == "2019"
    assert values["Đoàn vào/đoàn ra"] == "Đoàn vào (incoming)"
    assert isinstance(values["Ngày dữ liệu (lần nạp gần nhất, UTC)"], datetime)
    sources = [row[1] for row in info.iter_rows(min_row=2, values_only=True)]
    start = sources.index(SEED_000)
    assert sources[start : start + 2] == [SEED_000, "fixture"]


def test_xlsx_without_any_load_says_so_on_the_second_sheet(session: Session) -> None:
    out = io.BytesIO()
    assert export("aid", session=session, filters=Filters(), fmt="xlsx", out=out) == 0
    info = openpyxl.load_workbook(io.BytesIO(out.getvalue())).worksheets[1]
    values = {row[0]: row[1] for row in info.iter_rows(min_row=2, values_only=True) if row[0]}
    assert values["Ngày dữ liệu (lần nạp gần nhất, UTC)"] == "—"
    assert values["Nguồn"] == "—"


def test_xlsx_rows_beyond_one_sheet_continue_on_another_data_sheet() -> None:
    out = io.BytesIO()
    chunk = _aid_chunk([f"Dự án {i}" for i in range(5)])
    write_xlsx("aid", [chunk], out, filters=Filters(), data_date=None, max_rows_per_sheet=4)
    book = openpyxl.load_workbook(io.BytesIO(out.getvalue()))
    assert book.sheetnames == ["Dữ liệu", INFO_SHEET, "Dữ liệu 2"]
    first, second = book.worksheets[0], book.worksheets[2]
    assert [row[20] for row in first.iter_rows(min_row=2, values_only=True)] == [
        "Dự án 0",
        "Dự án 1",
        "Dự án 2",
    ]
    assert [row[20] for row in second.iter_rows(min_row=2, values_only=True)] == [
        "Dự án 3",
        "Dự án 4",
    ]
    assert second.cell(row=1, column=1).value == VI_HEADERS["year"]
    amounts = next(first.iter_rows(min_row=2, values_only=True))
    assert amounts[14:20] == ("Giải ngân", "disbursed", 10000.5, "USD", 300_000_000_000, -5)
    # Each data sheet filters its own rows, under a header that stays in view.
    assert (first.auto_filter.ref, second.auto_filter.ref) == ("A1:V4", "A1:V3")
    assert first.freeze_panes == second.freeze_panes == "A2"


def test_file_name_says_what_the_extract_holds() -> None:
    filters = Filters(provinces=("75",), year_from=2019)
    assert file_name("exchanges", filters=filters, fmt="csv") == "exchanges_p75_2019-.csv"
    assert file_name("aid", filters=Filters(), fmt="xlsx") == "aid_all.xlsx"


def test_dates_before_and_after_the_reform_are_real_dates_in_csv(loaded: Session) -> None:
    out = io.BytesIO()
    export("organizations", session=loaded, filters=Filters(), fmt="csv", out=out)
    frame = pd.read_csv(io.BytesIO(out.getvalue()), encoding="utf-8-sig", dtype=str)
    founded = dict(zip(frame["organization"], frame["founded_on"], strict=True))
    assert founded["Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai"] == "2013-05-20"
    assert date.fromisoformat(founded["Hội hữu nghị Việt Nam – Campuchia huyện Buôn Đôn"]) == date(
        2010, 1, 1
    )
