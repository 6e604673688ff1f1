"""User imports: every broken file refused with its problems and the data untouched; every form
people send accepted; loads idempotent, correctable, undoable, atomic when killed, safe when
concurrent. Each database test runs on SQLite and on PostgreSQL (the `session` fixture).

Most tests start from tests/utils/small_dataset.py (9 member rows, 6 aid rows, 8 exchanges,
loaded as batches 1-3) and send it again in another form: parsed right, every row comes out
unchanged.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from datastore.config import PROJECT_ROOT
from datastore.db import get_engine
from datastore.export import export
from datastore.extracts import EXTRACT_COLUMNS, VI_HEADERS, extract_columns
from datastore.filters import Filters
from datastore.load import write
from datastore.load.files import read_table
from datastore.load.imports import import_file, phase_of, preview_file
from datastore.load.problems import FileProblem, LoadRejected
from datastore.load.templates import GUIDE_SHEET, template_bytes
from datastore.load.undo import LOAD_COLUMNS, UndoRefused, list_loads, undo_load
from datastore.load.write import BatchInfo, load_rows
from datastore.models.facts import Aid, Exchange, Membership, Organization
from datastore.models.loads import ImportBatch, RowChange
from datastore.models.reference import Province
from datastore.reference.directory import Directory
from datastore.vocabulary import DataKind
from i18n.catalogue import TEXTS as MESSAGES
from tests.utils.bad_files import (
    COLUMNS,
    CONTROL_TITLE_STORED,
    HOSTILE_TITLES,
    BadFile,
    corpus,
    csv_bytes,
    hostile_rows,
    rows,
    unclosed_quote,
)
from tests.utils.extract_dataset import load_extract_fixture
from tests.utils.small_dataset import AID, EXCHANGES, MEMBERS, load_small_fixture

TABLES = ("importbatch", "rowchange", "organization", "membership", "aid", "exchange")
FACT_TABLES = ("organization", "membership", "aid", "exchange")
SOURCE = {"members": MEMBERS, "aid": AID, "exchanges": EXCHANGES}


# Helpers ------------------------------------------------------------------------------------


def digest(session: Session, tables: tuple[str, ...] = TABLES) -> dict[str, str]:
    """A fingerprint of every row of the tables a load can touch."""
    prints = {}
    for table in tables:
        found = session.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()
        prints[table] = hashlib.sha256(repr(found).encode()).hexdigest()
    session.rollback()
    return prints


def count(session: Session, model: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def matches_template(message_id: str, lang: str, rendered: str) -> bool:
    """Whether a text is the message's template in that language, filled in."""
    pattern = re.escape(MESSAGES[message_id][lang])
    pattern = re.sub(r"\\\{[a-z_]+\\\}", ".*", pattern)
    return re.fullmatch(pattern, rendered, re.DOTALL) is not None


def load(
    session: Session, kind: DataKind, data: bytes, name: str = "tep.csv", **options: Any
) -> Any:
    return import_file(
        session=session, kind=kind, data=data, file_name=name, created_by="cán bộ", **options
    )


def xlsx_bytes(
    header: list[Any], body: list[list[Any]], *, above: list[list[Any]] | None = None
) -> bytes:
    """A workbook whose first sheet holds `above` (titles), the header, then the rows."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for line in above or []:
        sheet.append(line)
    sheet.append(header)
    for line in body:
        sheet.append(line)
    workbook.create_sheet("Khác").append(["this sheet is not read"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def source_rows(kind: str) -> list[dict[str, Any]]:
    """The fixture rows as loaded, to send again."""
    return copy.deepcopy(SOURCE[kind])


# Broken files -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", corpus(), ids=lambda case: case.name)
def test_every_broken_file_is_refused_with_its_problems_and_the_database_is_untouched(
    small: Session, case: BadFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    if case.max_upload_mb is not None:
        monkeypatch.setenv("DDN_MAX_UPLOAD_MB", str(case.max_upload_mb))
    before = digest(small)
    if case.file_problem is not None:
        with pytest.raises(FileProblem) as refused:
            load(small, case.kind, case.build(), case.file_name)
        whole = refused.value
        assert whole.message_id == case.file_problem
        assert matches_template(whole.message_id, "vi", whole.message_vi)
        assert matches_template(whole.message_id, "en", whole.message_en)
    else:
        with pytest.raises(LoadRejected) as rejected:
            load(small, case.kind, case.build(), case.file_name)
        found = rejected.value.problems
        assert {(p.row, p.column, p.message_id) for p in found} == {
            (e.row, e.column, e.message_id) for e in case.problems
        }
        for problem in found:
            assert matches_template(problem.message_id, "vi", problem.reason), problem.reason
            assert matches_template(problem.message_id, "en", problem.reason_en)
            assert problem.reason != problem.reason_en
    assert digest(small) == before


def test_an_unclosed_quotation_mark_is_a_file_problem_naming_the_row_where_it_opens() -> None:
    with pytest.raises(FileProblem) as refused:
        read_table(unclosed_quote(), file_name="ngoac_kep.csv", kind="exchanges")
    assert refused.value.message_id == "file.csv_unclosed_quote"
    assert refused.value.message_vi.startswith("dòng 4: ")
    assert refused.value.message_en.startswith("row 4: ")
    assert "“Đoàn Bình Phước thăm”" in refused.value.message_en


def test_a_problem_names_the_row_the_column_the_value_and_why_in_vietnamese(
    small: Session,
) -> None:
    data = csv_bytes("members", [*rows("members")[:2], {**MEMBERS[2], "province": "Đồng Naii"}])
    with pytest.raises(LoadRejected) as rejected:
        load(small, "members", data)
    (problem,) = rejected.value.problems
    assert (problem.row, problem.column, problem.value) == (4, "province", "Đồng Naii")
    assert problem.reason == "không tìm thấy tỉnh/thành “Đồng Naii” (có phải Đồng Nai?)"
    assert problem.reason_en == "unknown province “Đồng Naii” (did you mean Đồng Nai?)"


def test_every_problem_of_a_file_is_listed_row_by_row_not_just_the_first(small: Session) -> None:
    bad = rows("exchanges")
    bad[1]["date"] = "30/02/2014"
    bad[1]["direction"] = "sang"
    bad[4]["partner_country"] = "Wakanda"
    bad[7]["participants"] = "-3"
    with pytest.raises(LoadRejected) as rejected:
        load(small, "exchanges", csv_bytes("exchanges", bad))
    assert [(p.row, p.column, p.message_id) for p in rejected.value.problems] == [
        (3, "date", "date.impossible"),
        (3, "direction", "choice.invalid"),
        (6, "partner_country", "country.unknown"),
        (9, "participants", "number.negative"),
    ]


def test_spreadsheet_row_numbers_count_the_title_and_blank_rows_above_and_between(
    small: Session,
) -> None:
    body = [[row[c] for c in COLUMNS["members"]] for row in source_rows("members")]
    body[3][4] = "nhiều"
    data = xlsx_bytes(COLUMNS["members"], [*body[:2], [], *body[2:]], above=[["BÁO CÁO"], []])
    with pytest.raises(LoadRejected) as rejected:
        load(small, "members", data, "bao_cao.xlsx")
    # Rows: 1 title, 2 blank, 3 header, 4-5 data, 6 blank, 7-... data: the 4th row is on row 8.
    assert [(p.row, p.column) for p in rejected.value.problems] == [(8, "members")]


def test_a_file_over_the_size_limit_is_refused_before_anything_in_it_is_read(
    small: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DDN_MAX_UPLOAD_MB", "0.0005")  # 524 bytes
    good = csv_bytes("members", source_rows("members"))
    assert len(good) == 898

    def must_not_read(data: bytes) -> Any:
        raise AssertionError("the file was read")

    monkeypatch.setattr("datastore.load.files._grid", must_not_read)
    with pytest.raises(FileProblem) as refused:
        load(small, "members", good)
    assert refused.value.message_id == "file.too_large"
    assert refused.value.message_vi.startswith("tệp 0.9 KB lớn hơn giới hạn 0.5 KB")


# Every form people send -------------------------------------------------------------------


def _dated(kind: str, fmt: Callable[[date], Any]) -> list[dict[str, Any]]:
    result = source_rows(kind)
    for row in result:
        row["date"] = fmt(datetime.strptime(row["date"], "%d/%m/%Y").date())
    return result


def _replace(kind: str, column: str, values: dict[Any, Any]) -> list[dict[str, Any]]:
    result = source_rows(kind)
    for row in result:
        row[column] = values.get(row[column], row[column])
    return result


def _xlsx_english(kind: str) -> bytes:
    body = []
    for row in source_rows(kind):
        values = []
        for name in COLUMNS[kind]:
            value = row.get(name)
            if name == "date":
                value = datetime.strptime(str(value), "%d/%m/%Y")  # a date cell
            elif name == "sector":
                value = int(str(value))  # Excel turns the code 121 into a number
            values.append(value)
        body.append(values)
    return xlsx_bytes(COLUMNS[kind], body)


def _xlsx_vietnamese(kind: DataKind) -> bytes:
    labels = {column.name: column.header_vi for column in extract_columns(kind)}
    header = ["STT", *(labels[name] for name in COLUMNS[kind]), None, "Ghi chú"]
    body = []
    for number, row in enumerate(source_rows(kind), start=1):
        body.append([number, *(row.get(name) for name in COLUMNS[kind]), None, "đã kiểm tra"])
        if number == 3:
            body.append([])  # a blank row in the middle
    return xlsx_bytes(header, body, above=[["SỐ LIỆU ĐỐI NGOẠI NHÂN DÂN"], [None]])


def _codes_only() -> list[dict[str, Any]]:
    # Members M1-M9 by GSO code in the list of their year (63 before 2025, 34 after).
    codes = ["70", "75", "75", "75", "64", "52", "75", "52", "66"]
    return [
        {**{k: v for k, v in row.items() if k != "province"}, "province_code": code}
        for row, code in zip(source_rows("members"), codes, strict=True)
    ]


FORMS: list[tuple[str, str, Callable[[], bytes]]] = [
    ("csv_utf8_bom_comma", "aid", lambda: csv_bytes("aid", source_rows("aid"))),
    (
        "csv_utf8_no_bom_semicolon",
        "exchanges",
        lambda: csv_bytes("exchanges", source_rows("exchanges"), separator=";", bom=False),
    ),
    (
        "excel_unicode_text_utf16_tab",
        "members",
        lambda: csv_bytes("members", source_rows("members"), separator="\t", encoding="utf-16-le"),
    ),
    (
        "utf16_without_bom",
        "members",
        lambda: csv_bytes(
            "members", source_rows("members"), separator="\t", bom=False, encoding="utf-16-le"
        ),
    ),
    ("xlsx_english_headers_dates_and_numbers", "exchanges", lambda: _xlsx_english("exchanges")),
    ("xlsx_sector_codes_as_numbers", "aid", lambda: _xlsx_english("aid")),
    ("xlsx_vietnamese_headers_title_stt_and_notes", "aid", lambda: _xlsx_vietnamese("aid")),
    ("xlsx_vietnamese_headers_members", "members", lambda: _xlsx_vietnamese("members")),
    (
        "excel_serial_dates",
        "exchanges",
        lambda: csv_bytes(
            "exchanges", _dated("exchanges", lambda d: (d - date(1899, 12, 30)).days)
        ),
    ),
    (
        "iso_dates",
        "exchanges",
        lambda: csv_bytes("exchanges", _dated("exchanges", date.isoformat)),
    ),
    (
        "dotted_dates",
        "exchanges",
        lambda: csv_bytes("exchanges", _dated("exchanges", lambda d: d.strftime("%d.%m.%Y"))),
    ),
    (
        "vietnamese_numbers",
        "aid",
        lambda: csv_bytes(
            "aid",
            _replace("aid", "amount", {232_500_000: "232.500.000", 465_000_000: "465.000.000,00"}),
            separator=";",
        ),
    ),
    (
        "english_numbers",
        "aid",
        lambda: csv_bytes(
            "aid",
            _replace("aid", "amount", {232_500_000: "232,500,000", 2000: "2,000.00"}),
        ),
    ),
    (
        "country_names_in_english_and_codes",
        "exchanges",
        lambda: csv_bytes(
            "exchanges",
            _replace("exchanges", "partner_country", {"Campuchia": "Cambodia", "Lào": "LAO"}),
        ),
    ),
    (
        "country_names_in_other_spellings",
        "aid",
        lambda: csv_bytes(
            "aid", _replace("aid", "donor_country", {"Hoa Kỳ": "Mỹ", "Hàn Quốc": "Korea"})
        ),
    ),
    (
        "sector_names_in_vietnamese",
        "aid",
        lambda: csv_bytes(
            "aid",
            _replace(
                "aid",
                "sector",
                {
                    "121": "Y tế",
                    "160": "An sinh xã hội",
                    "111": "Giáo dục",
                    "410": "tai nguyen moi truong",
                },
            ),
        ),
    ),
    (
        "sector_names_in_english",
        "aid",
        lambda: csv_bytes(
            "aid",
            _replace(
                "aid",
                "sector",
                {"121": "Health", "160": "social protection", "111": "EDUCATION"},
            ),
        ),
    ),
    (
        "province_spellings",
        "exchanges",
        lambda: csv_bytes(
            "exchanges",
            _replace(
                "exchanges",
                "province",
                {"Đắk Lắk": "Dak Lak", "Bình Phước": "tỉnh Binh Phuoc", "Đồng Nai": "DONG NAI"},
            ),
        ),
    ),
    (
        "province_codes_with_the_list_of_their_year",
        "members",
        lambda: csv_bytes(
            "members",
            _codes_only(),
            columns=["year", "province_code", *COLUMNS["members"][2:]],
        ),
    ),
    (
        "vietnamese_words_for_direction_and_kind",
        "exchanges",
        lambda: csv_bytes(
            "exchanges",
            [
                {
                    **row,
                    "direction": {"incoming": "Đoàn vào", "outgoing": "đoàn ra"}[row["direction"]],
                    "kind": {"delegation": "Đoàn", "event": "Sự kiện", "conference": "hội nghị"}[
                        row["kind"]
                    ],
                }
                for row in source_rows("exchanges")
            ],
        ),
    ),
    (
        "vietnamese_words_for_measure",
        "aid",
        lambda: csv_bytes(
            "aid", _replace("aid", "measure", {"committed": "Cam kết", "disbursed": "GIẢI NGÂN"})
        ),
    ),
    (
        "headers_in_any_case_with_spaces",
        "members",
        lambda: csv_bytes(
            "members",
            source_rows("members"),
            header=["YEAR", "Province", "Organization", "Partner country", "Members", "chapters"],
        ),
    ),
]


@pytest.mark.parametrize(("form", "kind", "build"), FORMS, ids=[form[0] for form in FORMS])
def test_every_form_people_send_is_read_as_the_same_rows(
    small: Session, form: str, kind: DataKind, build: Callable[[], bytes]
) -> None:
    before = digest(small, FACT_TABLES)
    name = "so_lieu.xlsx" if form.startswith("xlsx") else "so_lieu.csv"
    summary = load(small, kind, build(), name)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, len(SOURCE[kind]))
    assert digest(small, FACT_TABLES) == before


def test_a_2019_figure_for_binh_phuoc_is_stored_as_reported_and_counts_under_dong_nai(
    session: Session,
) -> None:
    row = {
        "year": 2019,
        "province": "Bình Phước",
        "organization": "Hội hữu nghị Việt Nam – Lào tỉnh Bình Phước",
        "partner_country": "Lào",
        "members": 150,
    }
    load(session, "members", csv_bytes("members", [row]))
    stored = session.exec(select(Membership)).one()
    reported = session.get(Province, stored.province_id)
    today = session.get(Province, stored.province_2025_id)
    assert reported is not None and today is not None
    assert (reported.province_list, reported.code, reported.short_name) == (
        "63",
        "70",
        "Bình Phước",
    )
    assert (today.province_list, today.code, today.short_name) == ("34", "75", "Đồng Nai")
    assert stored.province_63_id == stored.province_id
    assert stored.country_code == "LAO"


def test_derived_columns_may_be_left_out_or_empty_and_must_agree_when_given(
    session: Session,
) -> None:
    row = {
        "year": 2019,
        "province": "Bình Phước",
        "province_2025_code": "",
        "province_2025": "Đồng Nai",
        "donor": "East Meets West",
        "donor_country_code": "USA",
        "donor_country": "",
        "sector_code": "121",
        "sector": "Y tế chung",
        "measure": "committed",
        "amount": "2000",
        "currency": "USD",
        "amount_vnd": "46.500.000",
        "amount_usd": "",
        "title": "Trạm y tế xã biên giới",
    }
    summary = load(session, "aid", csv_bytes("aid", [row], columns=list(row)))
    assert summary.added == 1
    stored = session.exec(select(Aid)).one()
    assert (stored.amount_vnd, stored.amount_usd, stored.country_code) == (
        46_500_000,
        Decimal("2000.00"),
        "USA",
    )


# Round trips, idempotence, corrections -----------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", ["members", "aid", "exchanges"])
def test_an_extract_loaded_back_changes_nothing(small: Session, kind: DataKind, fmt: str) -> None:
    load(small, "exchanges", csv_bytes("exchanges", hostile_rows()), "hostile.csv")
    buffer = io.BytesIO()
    written = export(kind, session=small, filters=Filters(), fmt=fmt, out=buffer)
    small.rollback()
    before = digest(small, FACT_TABLES)
    summary = load(small, kind, buffer.getvalue(), f"{kind}.{fmt}")
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, written)
    assert digest(small, FACT_TABLES) == before


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Campuchia", "KHM"),
        ("Cambodia", "KHM"),
        ("khm", "KHM"),
        ("Lào", "LAO"),
        ("Hàn Quốc", "KOR"),
        ("Hoa Kỳ", "USA"),
        ("Mỹ", "USA"),
        ("MY", "MYS"),
        ("Nga", "RUS"),
        ("NGA", "NGA"),
        ("Nhật Bản", "JPN"),
        ("Ý", "ITA"),
        ("UK", "GBR"),
        ("US", "USA"),
    ],
)
def test_countries_are_found_by_vietnamese_and_english_names_before_codes_in_lower_case(
    sqlite_url: str, typed: str, code: str
) -> None:
    with Session(get_engine(sqlite_url)) as session:
        directory = Directory.load(session=session)
    assert directory.resolve_country(typed).code == code


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_organisations_extract_loaded_back_changes_nothing(session: Session, fmt: str) -> None:
    load_extract_fixture(session)
    buffer = io.BytesIO()
    written = export("organizations", session=session, filters=Filters(), fmt=fmt, out=buffer)
    session.rollback()
    before = digest(session, FACT_TABLES)
    summary = load(session, "organizations", buffer.getvalue(), f"organizations.{fmt}")
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, written)
    assert written == 5  # three loaded as organisations, two created by the members rows
    assert digest(session, FACT_TABLES) == before


def test_loading_the_same_file_twice_changes_nothing_and_records_the_second_load(
    small: Session,
) -> None:
    data = csv_bytes("members", rows("members"))  # the first row corrected
    first = load(small, "members", data, "hoi_vien.csv")
    after_first = digest(small, FACT_TABLES)
    second = load(small, "members", data, "hoi_vien.csv")
    assert (first.added, first.updated, first.unchanged) == (0, 1, 8)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 9)
    assert digest(small, FACT_TABLES) == after_first
    batch = small.get(ImportBatch, second.batch_id)
    assert batch is not None
    assert (batch.rows_added, batch.rows_updated, batch.rows_unchanged) == (0, 0, 9)
    assert batch.checksum == hashlib.sha256(data).hexdigest()
    assert batch.file_name == "hoi_vien.csv"
    assert batch.created_by == "cán bộ"


@pytest.mark.parametrize(
    ("kind", "column", "first", "second"),
    [
        ("exchanges", "title", "Делегация Москвы", "Делегация Казани"),
        ("aid", "donor", "Российский фонд", "中国基金会"),
        ("aid", "title", "Проект А", "Проект Б"),
        ("members", "organization", "Общество дружбы", "友好协会"),
    ],
)
def test_records_named_in_other_scripts_are_two_records_not_one_overwriting_the_other(
    session: Session, kind: DataKind, column: str, first: str, second: str
) -> None:
    row = source_rows(kind)[0]
    before = load(session, kind, csv_bytes(kind, [{**row, column: first}]), "mot.csv")
    after = load(session, kind, csv_bytes(kind, [{**row, column: second}]), "hai.csv")
    assert (before.added, after.added, after.updated) == (1, 1, 0)
    model = {"exchanges": Exchange, "aid": Aid, "members": Membership}[kind]
    assert count(session, model) == 2
    if kind == "members":
        names = set(session.exec(select(Organization.name)).all())
        assert names == {first, second}


def test_a_corrected_file_updates_just_the_corrected_row_and_undo_brings_it_back(
    small: Session,
) -> None:
    data = csv_bytes("aid", rows("aid"))  # A1: 2000 USD corrected to 2100 USD
    summary = load(small, "aid", data, "vien_tro_sua.csv")
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 5)
    corrected = small.exec(select(Aid).where(Aid.measure == "committed", Aid.year == 2019)).one()
    assert (corrected.amount, corrected.amount_vnd) == (Decimal("2100.00"), 48_825_000)
    assert corrected.source == f"Lượt nạp #{summary.batch_id}: vien_tro_sua.csv"
    (change,) = small.exec(select(RowChange)).all()
    assert (change.batch_id, change.table_name, change.row_id) == (
        summary.batch_id,
        "aid",
        corrected.id,
    )
    assert '"amount_vnd": 46500000' in change.previous
    undo_load(session=small, batch_id=summary.batch_id, user="x")
    small.expire_all()
    restored = small.get(Aid, corrected.id)
    assert restored is not None
    assert (restored.amount, restored.amount_vnd, restored.amount_usd) == (
        Decimal("2000.00"),
        46_500_000,
        Decimal("2000.00"),
    )
    assert restored.source == "Lượt nạp #2: small-aid"


def test_rows_of_a_load_are_labelled_with_its_number_and_file_name(session: Session) -> None:
    summary = load(session, "exchanges", csv_bytes("exchanges", EXCHANGES), "doan_2020.csv")
    sources = set(session.exec(select(Exchange.source)).all())
    assert sources == {f"Lượt nạp #{summary.batch_id}: doan_2020.csv"}


def test_a_dry_run_counts_what_a_load_would_do_and_writes_nothing(small: Session) -> None:
    before = digest(small)
    summary = load(small, "aid", csv_bytes("aid", rows("aid")), dry_run=True)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 5)
    assert summary.batch_id is None and summary.dry_run
    assert digest(small) == before


def test_a_preview_shows_the_rows_as_read_and_every_problem_and_writes_nothing(
    small: Session,
) -> None:
    before = digest(small)
    bad = rows("members")
    bad[2]["members"] = "ba trăm"
    frame, problems = preview_file(
        session=small, kind="members", data=csv_bytes("members", bad), file_name="x.csv", limit=4
    )
    assert list(frame.index) == [2, 3, 4, 5]
    assert list(frame.columns) == COLUMNS["members"]
    assert frame.loc[4, "members"] == "ba trăm"
    assert frame.loc[2, "members"] == "111"
    assert [(p.row, p.column, p.message_id) for p in problems] == [(4, "members", "number.invalid")]
    assert digest(small) == before


def test_read_table_gives_rows_keyed_by_column_name_with_extract_neutralisation_restored() -> None:
    data = csv_bytes(
        "exchanges",
        [{**EXCHANGES[0], "title": '\'=HYPERLINK("x")', "partner_locality": "'@Kratie"}],
        header=[VI_HEADERS.get(name, name) for name in COLUMNS["exchanges"]],
    )
    (row,) = read_table(data, file_name="x.csv")
    assert row["title"] == '=HYPERLINK("x")'
    assert row["partner_locality"] == "@Kratie"
    assert row["date"] == "15/03/2014"


# Hostile text -------------------------------------------------------------------------------


def test_hostile_text_is_stored_as_text_and_neutralised_in_extracts(session: Session) -> None:
    summary = load(session, "exchanges", csv_bytes("exchanges", hostile_rows()), "hostile.csv")
    assert summary.added == len(HOSTILE_TITLES) + 1
    titles = set(session.exec(select(Exchange.title)).all())
    assert titles == {*HOSTILE_TITLES, CONTROL_TITLE_STORED}
    assert session.exec(select(func.max(func.length(Exchange.partner_locality)))).one() == 120
    assert count(session, Aid) == 0  # the SQL in the titles ran nowhere
    buffer = io.BytesIO()
    export("exchanges", session=session, filters=Filters(), fmt="csv", out=buffer)
    extract = list(csv.DictReader(io.StringIO(buffer.getvalue().decode("utf-8-sig"))))
    written = {row["title"] for row in extract}
    assert written == {"'" + title if title[0] in "=+-@" else title for title in titles}


# Undo ---------------------------------------------------------------------------------------


def _two_loads(session: Session) -> tuple[int, int]:
    """Load A adds two exchanges; load B corrects one of them and adds a third."""
    extra = [
        {**EXCHANGES[0], "date": "01/04/2014", "title": "Đoàn A"},
        {**EXCHANGES[0], "date": "02/04/2014", "title": "Đoàn B"},
    ]
    first = load(session, "exchanges", csv_bytes("exchanges", extra), "a.csv")
    corrected = [{**extra[0], "participants": 99}, {**extra[1], "date": "03/04/2014"}]
    second = load(session, "exchanges", csv_bytes("exchanges", corrected), "b.csv")
    assert (second.added, second.updated) == (1, 1)
    assert first.batch_id is not None and second.batch_id is not None
    return first.batch_id, second.batch_id


def test_undo_removes_the_rows_a_load_added_and_restores_the_rows_it_updated(
    small: Session,
) -> None:
    before = digest(small, FACT_TABLES)
    first, second = _two_loads(small)
    undone = undo_load(session=small, batch_id=second, user="trưởng ban")
    assert (undone.rows_removed, undone.rows_restored) == (1, 1)
    restored = small.exec(select(Exchange).where(Exchange.title == "Đoàn A")).one()
    assert (restored.participants, restored.batch_id) == (12, first)
    assert restored.source == f"Lượt nạp #{first}: a.csv"
    assert small.exec(select(Exchange).where(Exchange.date == date(2014, 4, 3))).all() == []
    batch = small.get(ImportBatch, second)
    assert batch is not None and batch.undone_at is not None and batch.undone_by == "trưởng ban"
    after_first_only = digest(small, FACT_TABLES)
    undo_load(session=small, batch_id=first, user="trưởng ban")
    assert digest(small, FACT_TABLES) == before != after_first_only


def test_undoing_a_load_leaves_the_rows_a_later_load_in_place_changed_as_it_changed_them(
    small: Session,
) -> None:
    first, second = _two_loads(small)
    undone = undo_load(session=small, batch_id=first, user="x")
    # "Đoàn A", corrected by B, stays as B has it; "Đoàn B" on 2 April (B moved it) goes.
    assert (undone.rows_removed, undone.rows_kept, undone.kept_by) == (1, 1, (second,))
    kept = small.exec(select(Exchange).where(Exchange.title == "Đoàn A")).one()
    assert (kept.participants, kept.batch_id) == (99, second)
    assert small.exec(select(Exchange).where(Exchange.date == date(2014, 4, 2))).all() == []
    assert undo_load(session=small, batch_id=second, user="x").rows_removed == 2


def test_undo_is_refused_for_a_load_undone_already_and_for_an_unknown_load(small: Session) -> None:
    _, second = _two_loads(small)
    undo_load(session=small, batch_id=second, user="an")
    before = digest(small)
    with pytest.raises(UndoRefused) as again:
        undo_load(session=small, batch_id=second, user="bình")
    assert again.value.message_id == "undo.already_undone"
    assert "bởi an" in again.value.message_vi
    with pytest.raises(UndoRefused) as unknown:
        undo_load(session=small, batch_id=9999, user="bình")
    assert unknown.value.message_vi == "không có lượt nạp #9999"
    assert digest(small) == before


def test_a_demo_load_can_be_undone_too(session: Session) -> None:
    batch = BatchInfo(file_name="seed:demo", created_by="seed", is_demo=True, keep_row_source=True)
    summary = load_rows(session=session, kind="aid", rows=AID, batch=batch)
    assert summary.batch_id is not None
    undone = undo_load(session=session, batch_id=summary.batch_id, user="admin")
    assert (undone.rows_removed, count(session, Aid)) == (6, 0)


def test_undoing_a_members_load_hands_the_associations_it_created_to_a_later_load_using_them(
    session: Session,
) -> None:
    first = load(session, "members", csv_bytes("members", MEMBERS[:3]), "2019.csv").batch_id
    organizations = count(session, Organization)
    assert organizations == 3
    later_year = [{**MEMBERS[1], "year": 2021, "members": 320}]
    second = load(session, "members", csv_bytes("members", later_year), "2021.csv").batch_id
    undone = undo_load(session=session, batch_id=first, user="x")
    assert (undone.rows_removed, undone.organizations_removed) == (3, 2)
    (kept,) = session.exec(select(Organization)).all()
    assert (kept.name, kept.batch_id) == (MEMBERS[1]["organization"], second)
    assert kept.source == f"Lượt nạp #{second}: 2021.csv"
    undone = undo_load(session=session, batch_id=second, user="x")
    assert (undone.rows_removed, undone.organizations_removed) == (1, 1)
    assert (count(session, Membership), count(session, Organization)) == (0, 0)


def test_the_history_lists_every_load_newest_first_with_who_when_and_counts(
    small: Session,
) -> None:
    _, second = _two_loads(small)
    undo_load(session=small, batch_id=second, user="trưởng ban")
    history = list_loads(session=small)
    assert list(history.columns) == list(LOAD_COLUMNS)
    assert list(history["id"]) == [5, 4, 3, 2, 1]
    newest = history.iloc[0]
    assert (newest["file_name"], newest["created_by"], newest["undone_by"]) == (
        "b.csv",
        "cán bộ",
        "trưởng ban",
    )
    assert (newest["rows_added"], newest["rows_updated"], newest["rows_unchanged"]) == (1, 1, 0)
    assert len(newest["checksum"]) == 64
    assert list(list_loads(session=small, limit=2)["id"]) == [5, 4]


# Nothing lost -------------------------------------------------------------------------------


def _big_exchanges(count_rows: int, *, offset: int = 0, prefix: str = "Hoạt động") -> bytes:
    provinces = ["Đồng Nai", "Gia Lai", "Đắk Lắk", "Cao Bằng", "Hà Nội", "Lào Cai"]
    data = [
        {
            "date": f"{1 + i % 28:02d}/{1 + i % 12:02d}/{2010 + i % 14}",
            "province": provinces[i % len(provinces)],
            "partner_country": ("Campuchia", "Lào", "Nhật Bản", "Hàn Quốc")[i % 4],
            "direction": ("incoming", "outgoing")[i % 2],
            "kind": ("delegation", "event", "conference")[i % 3],
            "participants": 1 + i % 40,
            "title": f"{prefix} số {i}",
        }
        for i in range(offset, offset + count_rows)
    ]
    return csv_bytes("exchanges", data)


@pytest.mark.slow
def test_a_load_killed_while_writing_leaves_nothing_behind(
    database_url: str, tmp_path: Path
) -> None:
    engine = get_engine(database_url)
    with Session(engine) as session:
        load_small_fixture(session=session)
        before = digest(session)
    big = tmp_path / "big.csv"
    big.write_bytes(_big_exchanges(60_000))
    process = subprocess.Popen(
        [sys.executable, "-m", "datastore", "import", str(big), "--kind", "exchanges"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    seen = []
    try:
        for line in process.stderr:
            seen.append(line)
            # "[ 60%] Ghi / Writing": the first chunk of rows is in the open transaction.
            if "Writing" in line and not line.startswith("[ 55%]"):
                break
        else:
            pytest.fail(f"the import ended before writing: {''.join(seen)}")
        if database_url.startswith("sqlite"):
            wal = Path(database_url.removeprefix("sqlite:///") + "-wal")
            deadline = time.monotonic() + 30
            while wal.stat().st_size < 1_000_000 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert wal.stat().st_size >= 1_000_000  # uncommitted pages were written
        assert process.poll() is None, "finished before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    engine.dispose()
    with Session(engine) as session:
        # PostgreSQL rolls back when the connection drops; give the server a moment.
        deadline = time.monotonic() + 30
        while digest(session) != before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert digest(session) == before
        if database_url.startswith("sqlite"):
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        again = load(session, "exchanges", _big_exchanges(10), "sau.csv")
        assert again.added == 10


@pytest.mark.parametrize("kind", ["exchanges", "members"])
def test_two_loads_at_once_neither_lose_nor_duplicate_rows(
    database_url: str, kind: DataKind
) -> None:
    engine = get_engine(database_url)
    if kind == "exchanges":
        files = [_big_exchanges(3_000), _big_exchanges(3_000, offset=2_000)]
        expected_rows, overlap = 5_000, 1_000
    else:
        members = [
            {
                "year": 2010 + i % 10,
                "province": ("Đồng Nai", "Gia Lai", "Cao Bằng")[i % 3],
                "organization": f"Hội hữu nghị số {i // 10}",
                "members": 100 + i,
            }
            for i in range(1_500)
        ]
        files = [csv_bytes("members", members[:1_000]), csv_bytes("members", members[500:])]
        expected_rows, overlap = 1_500, 500
    barrier = threading.Barrier(2)
    results: list[Any] = [None, None]

    def run(index: int) -> None:
        with Session(engine) as session:
            barrier.wait()
            try:
                results[index] = load(session, kind, files[index], f"{index}.csv")
            except Exception as error:  # reported below
                results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(isinstance(result, Exception) for result in results), results
    assert sum(r.added for r in results) == expected_rows
    assert sum(r.unchanged for r in results) == overlap
    assert sum(r.updated for r in results) == 0
    model = Exchange if kind == "exchanges" else Membership
    with Session(engine) as session:
        assert count(session, model) == expected_rows
        assert count(session, ImportBatch) == 2
        if kind == "members":
            # 150 names, each in three provinces: an association per name and province.
            assert count(session, Organization) == 450


def test_a_load_that_meets_a_unique_key_conflict_is_retried_once_from_the_start(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = write._write_all
    calls = []

    def conflict_once(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise IntegrityError("INSERT", {}, Exception("duplicate key value"))
        return real(*args, **kwargs)

    monkeypatch.setattr(write, "_write_all", conflict_once)
    summary = load(session, "aid", csv_bytes("aid", AID))
    assert (len(calls), summary.added, count(session, ImportBatch)) == (2, 6, 1)


def test_progress_goes_from_reading_through_checking_and_writing_to_done(
    session: Session,
) -> None:
    fractions: list[float] = []
    load(session, "exchanges", _big_exchanges(12_000), progress=fractions.append)
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    phases = list(dict.fromkeys(phase_of(f) for f in fractions))
    assert phases == ["phase.reading", "phase.checking", "phase.writing", "phase.done"]
    assert len(fractions) >= 8  # per chunk of 5,000 rows, in both phases


# Templates ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["members", "aid", "exchanges"])
def test_a_csv_template_has_the_extract_columns_and_no_rows(kind: DataKind) -> None:
    data = template_bytes(kind, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == ",".join(EXTRACT_COLUMNS[kind]) + "\r\n"


def test_an_xlsx_template_has_vietnamese_headers_and_a_guide_to_every_column() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(template_bytes("aid", "xlsx")))
    data, guide = workbook.worksheets
    assert [cell.value for cell in data[1]] == [c.header_vi for c in extract_columns("aid")]
    assert data.max_row == 1
    assert guide.title == GUIDE_SHEET
    lines = {row[0]: row for row in guide.iter_rows(min_row=2, values_only=True) if row[1]}
    assert list(lines) == list(EXTRACT_COLUMNS["aid"])
    assert lines["amount"][2] == "Bắt buộc / Required"
    assert lines["sector"][2] == (
        "Bắt buộc (hoặc ghi cột sector_code) / Required (or fill in sector_code)"
    )
    assert lines["amount_vnd"][2].startswith("Tự tính")
    assert lines["donor_country"][2] == "Không bắt buộc / Optional"
    assert "1.234.567" in lines["amount"][3]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_template_filled_in_loads_and_an_empty_one_is_refused(session: Session, fmt: str) -> None:
    with pytest.raises(FileProblem) as empty:
        load(session, "members", template_bytes("members", fmt), f"mau.{fmt}")
    assert empty.value.message_id == "file.no_rows"
    if fmt == "csv":
        filled = template_bytes("members", "csv") + "2020,,Đồng Nai,,,Hội A,,,4.200,8,\r\n".encode()
    else:
        workbook = openpyxl.load_workbook(io.BytesIO(template_bytes("members", "xlsx")))
        workbook.worksheets[0].append(
            [2020, None, "Đồng Nai", None, None, "Hội A", None, None, 4200, 8]
        )
        buffer = io.BytesIO()
        workbook.save(buffer)
        filled = buffer.getvalue()
    assert load(session, "members", filled, f"mau.{fmt}").added == 1
    assert session.exec(select(col(Membership.members))).one() == 4200
