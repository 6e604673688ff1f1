"""The XLSX extract in the interface language, partner localities in English, the CSV unmoved."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlmodel import Session

from datastore import queries
from datastore.cli import main
from datastore.cli_common import EXIT_OK
from datastore.export import export
from datastore.extracts import EXTRACT_COLUMNS
from datastore.extracts.readable import read_readable
from datastore.filters import Filters
from datastore.load.imports import import_file
from datastore.load.write import BatchInfo, load_rows
from datastore.localities import english_names, locality_name
from datastore.vocabulary import DataKind
from i18n.catalogue import LANGUAGES, Lang
from seed.synthetic.localities import LOCALITIES, LOCALITIES_BY_PROVINCE
from tests.utils.extract_dataset import load_extract_fixture

CHINA_ROWS: list[dict[str, Any]] = [
    {
        "date": f"0{day}/05/2021",
        "province": "Lạng Sơn",
        "partner_country": "CHN",
        "partner_locality": locality,
        "direction": "incoming",
        "kind": "conference",
        "participants": 10,
        "title": f"Giao lưu {locality} {day}",
    }
    for day, locality in enumerate(["Quảng Tây", "Quảng Tây", "Vân Nam", "Thị trấn Nhỏ"], 1)
]
CHINA = Filters(countries=("CHN",))
# Letters only Vietnamese writes: a locality holding one is a Vietnamese exonym.
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


@pytest.fixture
def china(session: Session) -> Session:
    """Four exchanges with Chinese provinces named in Vietnamese, and one unknown place."""
    load_rows(session=session, kind="exchanges", rows=CHINA_ROWS, batch=BatchInfo(file_name="cn"))
    session.commit()
    return session


def _workbook(session: Session, kind: DataKind, lang: Lang, filters: Filters | None = None) -> Any:
    out = io.BytesIO()
    export(kind, session=session, filters=filters or Filters(), fmt="xlsx", out=out, lang=lang)
    return openpyxl.load_workbook(io.BytesIO(out.getvalue()))


def _records(sheet: Any) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_known_exonyms_have_english_names_and_others_stay_as_typed() -> None:
    assert locality_name("Quảng Tây", "en") == "Guangxi"
    assert locality_name("quang tay", "en") == "Guangxi"  # typed without diacritics
    assert locality_name("Chăm Pa Xắc", "en") == "Champasak"
    assert locality_name("Ratanakiri", "en") == "Ratanakiri"
    assert locality_name("Thị trấn Nhỏ", "en") == "Thị trấn Nhỏ"
    assert locality_name("@Kratie", "en") == "@Kratie"  # not a plain name: as typed
    assert locality_name("Quảng Tây", "vi") == "Quảng Tây"


def test_every_vietnamese_locality_the_seed_writes_has_an_english_name() -> None:
    written = {name for names in LOCALITIES.values() for name in names} | {
        name
        for places in LOCALITIES_BY_PROVINCE.values()
        for names in places.values()
        for name in names
    }
    vietnamese = sorted(name for name in written if VIETNAMESE_LETTERS.search(name))
    assert vietnamese, "the seed writes Vietnamese exonyms"
    assert [name for name in vietnamese if locality_name(name, "en") == name] == []
    assert set(vietnamese) <= set(english_names())


def test_the_top_localities_chart_names_localities_in_english(china: Session) -> None:
    english = queries.exchanges_by_partner_locality(session=china, filters=CHINA, lang="en")
    assert list(zip(english["partner_locality"], english["exchanges"], strict=True)) == [
        ("Guangxi", 2),
        ("Thị trấn Nhỏ", 1),
        ("Yunnan", 1),
    ]
    assert set(english["country"]) == {"China"}
    vietnamese = queries.exchanges_by_partner_locality(session=china, filters=CHINA, lang="vi")
    assert list(vietnamese["partner_locality"]) == ["Quảng Tây", "Thị trấn Nhỏ", "Vân Nam"]


def test_the_english_workbook_is_english_with_labels_beside_codes(china: Session) -> None:
    book = _workbook(china, "exchanges", "en", CHINA)
    assert book.sheetnames == ["Data", "About"]
    data = book.worksheets[0]
    records = _records(data)
    assert list(records[0])[6:13] == [
        "Partner country code (ISO alpha-3)",
        "Partner country",
        "Partner locality",
        "Direction (incoming/outgoing)",
        "direction_code",
        "Kind of activity",
        "kind_code",
    ]
    assert [r["Partner locality"] for r in records] == [
        "Guangxi",
        "Guangxi",
        "Yunnan",
        "Thị trấn Nhỏ",
    ]
    first = records[0]
    assert (first["Partner country"], first["Partner country code (ISO alpha-3)"]) == (
        "China",
        "CHN",
    )
    assert (first["Direction (incoming/outgoing)"], first["direction_code"]) == (
        "Incoming",
        "incoming",
    )
    assert (first["Kind of activity"], first["kind_code"]) == ("Conference", "conference")
    # The filter buttons cover the header and every data row, the header stays in view.
    assert data.auto_filter.ref == f"A1:P{len(records) + 1}"
    assert data.freeze_panes == "A2"
    about = {row[0]: row[1] for row in book.worksheets[1].iter_rows(values_only=True) if row[0]}
    assert about["Item"] == "Value"
    assert about["Rows"] == 4
    assert about["Countries"] == "CHN"
    assert about["Notes"].startswith("Country (CLDR), sector and partner-locality names in English")


def test_the_vietnamese_workbook_is_vietnamese(china: Session) -> None:
    book = _workbook(china, "exchanges", "vi", CHINA)
    assert book.sheetnames == ["Dữ liệu", "Thông tin"]
    first = _records(book.worksheets[0])[0]
    assert first["Nước đối tác"] == "Trung Quốc"
    assert first["Địa phương đối tác"] == "Quảng Tây"
    assert (first["Loại hoạt động"], first["kind_code"]) == ("Hội nghị", "conference")
    about = {row[0]: row[1] for row in book.worksheets[1].iter_rows(values_only=True) if row[0]}
    assert about["Mục"] == "Giá trị" and about["Số dòng"] == 4
    assert about["Ghi chú"].startswith("Tên nước (CLDR) và lĩnh vực bằng tiếng Việt")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_aid_and_organisations_label_their_codes(loaded: Session, lang: Lang) -> None:
    english = lang == "en"
    aid = _records(_workbook(loaded, "aid", lang).worksheets[0])
    measure = (
        "Measure (committed/disbursed)" if english else "Cam kết/giải ngân (committed/disbursed)"
    )
    labels = (
        {"committed": "Committed", "disbursed": "Disbursed"}
        if english
        else {
            "committed": "Cam kết",
            "disbursed": "Giải ngân",
        }
    )
    assert {(r[measure], r["measure_code"]) for r in aid} == {
        (label, code) for code, label in labels.items()
    }
    code_header = "Sector code (OECD DAC)" if english else "Mã lĩnh vực (OECD DAC)"
    sectors = {(r[code_header], r["Sector" if english else "Lĩnh vực"]) for r in aid}
    assert ("121", "Health, general" if english else "Y tế chung") in sectors
    organisations = _records(_workbook(loaded, "organizations", lang).worksheets[0])
    national = "National union" if english else "Liên hiệp quốc gia"
    kind_header = "Kind of organisation" if english else "Loại tổ chức"
    assert (national, "national_union") in {(r[kind_header], r["kind_code"]) for r in organisations}


def test_the_csv_is_the_same_load_format_in_both_languages(china: Session) -> None:
    files = {}
    for lang in LANGUAGES:
        out = io.BytesIO()
        export("exchanges", session=china, filters=CHINA, fmt="csv", out=out, lang=lang)
        files[lang] = out.getvalue()
    assert files["vi"] == files["en"]
    header = files["vi"].split(b"\r\n", 1)[0].decode("utf-8-sig")
    assert tuple(header.split(",")) == EXTRACT_COLUMNS["exchanges"]
    assert "Quảng Tây".encode() in files["vi"] and b"Guangxi" not in files["vi"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_workbook_in_either_language_loads_back_unchanged(loaded: Session, lang: Lang) -> None:
    # The fixture's localities are written the same in both languages (Mondulkiri, Ratanakiri).
    for kind in EXTRACT_COLUMNS:
        out = io.BytesIO()
        written = export(kind, session=loaded, filters=Filters(), fmt="xlsx", out=out, lang=lang)
        summary = import_file(
            session=loaded,
            kind=kind,
            data=out.getvalue(),
            file_name=f"{kind}.xlsx",
            created_by="test",
            dry_run=True,
        )
        assert (summary.rows, summary.unchanged) == (written, written), (kind, summary)


def test_the_preview_is_in_the_interface_language(china: Session) -> None:
    frame = read_readable("exchanges", session=china, filters=CHINA, lang="en", limit=2)
    assert len(frame) == 2
    assert list(frame["Partner country"]) == ["China", "China"]
    assert list(frame["Partner locality"]) == ["Guangxi", "Guangxi"]
    assert list(frame["direction_code"]) == ["incoming", "incoming"]


def test_the_command_line_writes_the_workbook_in_the_language_asked(
    sqlite_url: str, tmp_path: Path
) -> None:
    from sqlmodel import Session as OwnSession

    from datastore.db import get_engine

    with OwnSession(get_engine(sqlite_url)) as session:
        load_extract_fixture(session)
    out = tmp_path / "exchanges.xlsx"
    args = ["export", "exchanges", "--format", "xlsx", "--lang", "en", "--out", str(out)]
    assert main([*args, "--database-url", sqlite_url]) == EXIT_OK
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Data", "About"]
    assert book.worksheets[0].cell(row=1, column=1).value == "Date"
