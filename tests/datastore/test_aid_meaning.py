"""Aid as the articles mean it: multi-year figures and non-PCPNN donors stay out of the totals.

The small fixture (tests/utils/small_dataset.py) plus two rows of the documented kinds:
  C1 2020 Đồng Nai  PCPNN in general  -  430 committed 300 000 000 000 VND, period 2013-2020
  D1 2020 Đồng Nai  VUFO (domestic)   -  160 disbursed       700 000 000 VND
Hand-computed from the fixture's table: committed 2019 = A1 46 500 000, 2020 = A4 465 000 000;
disbursed 2019 = A2 34 875 000 + A3 232 500 000 = 267 375 000, 2020 = 0 (D1 is domestic),
2026 = A5 131 500 000 + A6 26 300 000 = 157 800 000. A3 has no donor country: unspecified.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, col, select

from datastore import queries
from datastore.export import export
from datastore.extracts import EXTRACT_COLUMNS
from datastore.filters import Filters
from datastore.load.write import BatchInfo, load_rows
from datastore.models.facts import Aid
from i18n.catalogue import Lang
from ui.aid_notes import note_lines

CUMULATIVE: dict[str, Any] = {
    "year": 2020,
    "period_start": date(2013, 1, 1),
    "period_end": date(2020, 12, 31),
    "province": "Đồng Nai",
    "donor": "Các tổ chức phi chính phủ nước ngoài (tổng hợp)",
    "sector_code": "430",
    "measure": "committed",
    "amount": 300_000_000_000,
    "currency": "VND",
    "title": "Viện trợ PCPNN lũy kế đến năm 2020",
}
DOMESTIC: dict[str, Any] = {
    "year": 2020,
    "province": "Đồng Nai",
    "donor": "Liên hiệp các tổ chức hữu nghị Việt Nam",
    "donor_kind": "domestic",
    "sector_code": "160",
    "measure": "disbursed",
    "amount": 700_000_000,
    "currency": "VND",
    "title": "10 căn nhà tình nghĩa",
}


@pytest.fixture
def documented(small: Session) -> Session:
    """The small fixture with the cumulative and the domestic row."""
    load_rows(
        session=small,
        kind="aid",
        rows=[CUMULATIVE, DOMESTIC],
        batch=BatchInfo(file_name="documented.csv"),
    )
    small.commit()
    return small


def test_the_rows_keep_their_period_and_donor_kind(documented: Session) -> None:
    rows = documented.exec(select(Aid).order_by(col(Aid.id))).all()
    meaning = {row.title: (row.period_start, row.period_end, row.donor_kind) for row in rows}
    assert meaning[CUMULATIVE["title"]] == (date(2013, 1, 1), date(2020, 12, 31), "foreign_ngo")
    assert meaning[DOMESTIC["title"]] == (date(2020, 1, 1), date(2020, 12, 31), "domestic")
    assert meaning["Trạm y tế xã biên giới"] == (
        date(2019, 1, 1),
        date(2019, 12, 31),
        "foreign_ngo",
    )


def test_neither_enters_the_yearly_committed_and_disbursed_totals(documented: Session) -> None:
    result = queries.aid_committed_vs_disbursed(session=documented, filters=Filters())
    assert result["year"].tolist() == [2019, 2020, 2026]
    assert result["committed"].tolist() == [46_500_000, 465_000_000, 0]
    assert result["disbursed"].tolist() == [267_375_000, 0, 157_800_000]


def test_the_overview_and_every_aid_total_leave_both_out(documented: Session) -> None:
    overview = queries.overview_by_year(session=documented, filters=Filters())
    aid = dict(zip(overview["year"], overview["aid_disbursed"], strict=True))
    assert (aid[2019], aid[2020], aid[2026]) == (267_375_000, 0, 157_800_000)
    by_sector = queries.aid_by_sector(session=documented, filters=Filters())
    assert "430" not in set(by_sector["sector_code"])
    # A1..A6 only: 46.5 + 34.875 + 232.5 + 465 + 131.5 + 26.3 million.
    assert by_sector["amount"].sum() == 936_675_000
    by_year = queries.aid_by_year_and_sector(session=documented, filters=Filters(year_to=2020))
    assert by_year[by_year["year"] == 2020]["amount"].sum() == 465_000_000


@pytest.mark.parametrize(("lang", "label"), [("vi", "Chưa xác định"), ("en", "Unspecified")])
def test_a_foreign_ngo_of_no_stated_country_is_unspecified(
    documented: Session, lang: Lang, label: str
) -> None:
    result = queries.aid_by_donor_country(session=documented, filters=Filters(), lang=lang)
    unspecified = result[result["country_code"].isna()]
    assert unspecified["country"].tolist() == [label]
    assert unspecified["amount"].tolist() == [232_500_000]  # A3 only, not C1 nor D1
    assert not result["country"].isin(["Trong nước", "Domestic"]).any()


def test_the_notes_list_the_cumulative_figure_and_the_domestic_total(documented: Session) -> None:
    notes = queries.aid_notes(session=documented, filters=Filters())
    assert notes.to_dict("records") == [
        {
            "note": "multi_year",
            "measure": "committed",
            "province": "Đồng Nai",
            "period_start": date(2013, 1, 1),
            "period_end": date(2020, 12, 31),
            "amount": 300_000_000_000,
        },
        {
            "note": "domestic",
            "measure": None,
            "province": None,
            "period_start": None,
            "period_end": None,
            "amount": 700_000_000,
        },
    ]


@pytest.mark.parametrize(
    ("year_from", "year_to", "notes"),
    [
        (2015, 2015, ["multi_year"]),  # inside the period; D1 is of 2020
        (2020, 2020, ["multi_year", "domestic"]),
        (2021, None, []),  # after the period
        (None, 2012, []),  # before it
    ],
)
def test_a_multi_year_note_shows_where_the_chosen_years_overlap_its_period(
    documented: Session, year_from: int | None, year_to: int | None, notes: list[str]
) -> None:
    filters = Filters(year_from=year_from, year_to=year_to)
    assert queries.aid_notes(session=documented, filters=filters)["note"].tolist() == notes


def test_the_notes_read_in_both_languages(documented: Session) -> None:
    notes = queries.aid_notes(session=documented, filters=Filters())
    assert note_lines(notes, lang="vi", currency="VND") == [
        "Ngoài ra: 300 tỷ đồng cam kết lũy kế 2013–2020 (Đồng Nai), không tính vào từng năm",
        "Hỗ trợ trong nước (không tính vào viện trợ PCPNN): 700 triệu đồng",
    ]
    assert note_lines(notes, lang="en", currency="VND") == [
        "In addition: 300 billion VND committed, cumulative 2013–2020 (Đồng Nai), not counted "
        "in any single year",
        "Domestic support (not counted as foreign NGO aid): 700 million VND",
    ]


def test_the_aid_extract_has_the_period_and_donor_kind_after_the_year(documented: Session) -> None:
    columns = EXTRACT_COLUMNS["aid"]
    assert columns[:4] == ("year", "period_start", "period_end", "donor_kind")
    assert columns[4:] == (
        "province_code",
        "province",
        "province_2025_code",
        "province_2025",
        "donor",
        "donor_country_code",
        "donor_country",
        "sector_code",
        "sector",
        "measure",
        "amount",
        "currency",
        "amount_vnd",
        "amount_usd",
        "title",
        "source",
    )
    buffer = io.BytesIO()
    export(
        "aid",
        session=documented,
        filters=Filters(year_from=2020, year_to=2020),
        fmt="csv",
        out=buffer,
    )
    lines = buffer.getvalue().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("year,period_start,period_end,donor_kind,province_code")
    kept = {line.split(",")[0:4][1] + "|" + line.split(",")[3] for line in lines[1:]}
    assert kept == {
        '2020-01-01|"foreign_ngo"',  # A4
        '2013-01-01|"foreign_ngo"',  # C1, still reachable with its value
        '2020-01-01|"domestic"',  # D1
    }
    assert any("300000000000" in line for line in lines)
