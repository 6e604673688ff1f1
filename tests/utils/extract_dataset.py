"""The extract fixture, loaded through `load_rows` (the import path).

Provinces as (list:code): Bình Phước 63:70 and old Đồng Nai 63:75 are today Đồng Nai 34:75;
old Gia Lai 63:64 is today Gia Lai 34:52; Đắk Lắk 63:66 is 34:66; Cao Bằng 63:04 is 34:04.

exchanges, in extract order (date, id):
  X1 2014-03-15 Đắk Lắk     KHM Mondulkiri incoming delegation   7  "=HYPERLINK(...)"  seed 000
  X2 2018-06-01 Đồng Nai    LAO -          outgoing humanitarian -  "+ quà Tết"        fixture
  X3 2019-01-02 Gia Lai(64) KHM Ratanakiri outgoing delegation  21  "@Ratanakiri"      fixture
  X4 2019-03-15 Bình Phước  KHM @Kratie    incoming delegation  12  "-Đoàn Kratie"     fixture
  X5 2025-09-10 Đồng Nai    KOR -          outgoing event       30  "Giao lưu Hàn Quốc" fixture
aid, in extract order (year, province code, id):
  A1 2020 Đồng Nai (75)  "=cmd|' /C calc'!A0" USA 121 committed 300000000000 VND
  A2 2022 Cao Bằng (04)  VUFO (no country)       160 disbursed 10000.50 USD
members, in extract order (year, province code, organisation):
  M1 2019 Bình Phước (70) VN–Lào Bình Phước LAO 150 -
  M2 2020 Đồng Nai (75)   VN–Campuchia Đồng Nai KHM 4200 8
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from datastore.load.write import BatchInfo, load_rows

# The column lists exactly as issue 2 states them.
ISSUE_COLUMNS = {
    "members": "year, province_code, province, province_2025_code, province_2025, organization, "
    "partner_country_code, partner_country, members, chapters, source",
    # Issue 11 item 4: the period and the donor's kind right after the year.
    "aid": "year, period_start, period_end, donor_kind, province_code, province, "
    "province_2025_code, province_2025, donor, "
    "donor_country_code, donor_country, sector_code, sector, measure, amount, currency, "
    "amount_vnd, amount_usd, title, source",
    "exchanges": "date, year, province_code, province, province_2025_code, province_2025, "
    "partner_country_code, partner_country, partner_locality, direction, kind, participants, "
    "title, source",
    # Issue 11 item 1: the predecessors, appended at the end so that older files still load.
    "organizations": "kind, organization, province_code, province, province_2025_code, "
    "province_2025, partner_country_code, partner_country, district, founded_on, parent, source, "
    "succeeds",
}

SEED_000 = "000-daklak-2014.md"
HYPERLINK = '=HYPERLINK("http://evil.example","Bấm vào đây")'
LAO_BINH_PHUOC = "Hội hữu nghị Việt Nam – Lào tỉnh Bình Phước"
CAMBODIA_DONG_NAI = "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai"

EXCHANGE_ROWS: list[dict[str, Any]] = [
    {
        "date": "15/03/2014",
        "province": "Đắk Lắk",
        "partner_country": "Campuchia",
        "partner_locality": "Mondulkiri",
        "direction": "incoming",
        "kind": "delegation",
        "participants": 7,
        "title": HYPERLINK,
        "source": SEED_000,
    },
    {
        "date": "01/06/2018",
        "province": "Đồng Nai",
        "partner_country": "Lào",
        "direction": "outgoing",
        "kind": "humanitarian_visit",
        "title": "+ quà Tết",
    },
    {
        "date": "02/01/2019",
        "province": "Gia Lai",
        "partner_country": "KHM",
        "partner_locality": "Ratanakiri",
        "direction": "outgoing",
        "kind": "delegation",
        "participants": 21,
        "title": "@Ratanakiri",
    },
    {
        "date": "15/03/2019",
        "province": "Bình Phước",
        "partner_country": "Cambodia",
        "partner_locality": "@Kratie",
        "direction": "incoming",
        "kind": "delegation",
        "participants": 12,
        "title": "-Đoàn Kratie",
    },
    {
        "date": "10/09/2025",
        "province": "Đồng Nai",
        "partner_country": "Hàn Quốc",
        "direction": "outgoing",
        "kind": "event",
        "participants": 30,
        "title": "Giao lưu Hàn Quốc",
    },
]

AID_ROWS: list[dict[str, Any]] = [
    {
        "year": 2020,
        "province": "Đồng Nai",
        "donor": "=cmd|' /C calc'!A0",
        "donor_country": "Hoa Kỳ",
        "sector": "121",
        "measure": "committed",
        "amount": 300000000000,
        "currency": "VND",
        "title": "Trang thiết bị y tế",
    },
    {
        "year": 2022,
        "province": "Cao Bằng",
        "donor": "VUFO",
        "sector": "An sinh xã hội",
        "measure": "disbursed",
        "amount": "10000.50",
        "currency": "USD",
        "title": "Học bổng",
    },
]

MEMBER_ROWS: list[dict[str, Any]] = [
    {
        "year": 2020,
        "province": "Đồng Nai",
        "organization": CAMBODIA_DONG_NAI,
        "partner_country": "Campuchia",
        "members": 4200,
        "chapters": 8,
    },
    {
        "year": 2019,
        "province": "Bình Phước",
        "organization": LAO_BINH_PHUOC,
        "partner_country": "Lào",
        "members": 150,
    },
]

ORGANIZATION_ROWS: list[dict[str, Any]] = [
    {"kind": "national_union", "organization": "Liên hiệp các tổ chức hữu nghị Việt Nam"},
    {
        "kind": "provincial_union",
        "organization": "Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai",
        "province": "Đồng Nai",
        "founded_on": "2013-05-20",
        "parent": "Liên hiệp các tổ chức hữu nghị Việt Nam",
    },
    {
        "kind": "friendship_association",
        "organization": "Hội hữu nghị Việt Nam – Campuchia huyện Buôn Đôn",
        "province": "Đắk Lắk",
        "partner_country": "KHM",
        "district": "huyện Buôn Đôn",
        "founded_on": "2010-01-01",
    },
]


def load_extract_fixture(session: Session) -> None:
    """Load the fixture above through the import path."""
    batch = BatchInfo(file_name="fixture", source="fixture", keep_row_source=True)
    # A parent must be loaded before the organisations that name it.
    load_rows(session=session, kind="organizations", rows=ORGANIZATION_ROWS[:1], batch=batch)
    load_rows(session=session, kind="organizations", rows=ORGANIZATION_ROWS[1:], batch=batch)
    load_rows(session=session, kind="members", rows=MEMBER_ROWS, batch=batch)
    load_rows(session=session, kind="aid", rows=AID_ROWS, batch=batch)
    load_rows(session=session, kind="exchanges", rows=EXCHANGE_ROWS, batch=batch)
