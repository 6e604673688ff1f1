"""A tiny hand-made dataset, loaded through `load_rows`, small enough to add up by hand.

Provinces (codes: "63" list before 1 July 2025 / "34" list after):
- Bình Phước (63:70) merged into Đồng Nai (34:75); old Đồng Nai is 63:75.
- old Gia Lai (63:64) and old Bình Định (63:52) merged into Gia Lai (34:52), which kept
  Bình Định's code: in the 63 view a post-reform Gia Lai figure shows under Bình Định (52).
- Đắk Lắk (63:66 -> 34:66).
Countries: Campuchia KHM, Lào LAO, Hoa Kỳ USA, Hàn Quốc KOR; plus rows with no country.

Exchange rates (datastore/reference/rates.py): USD = 23 250 VND in 2019 and 2020, 26 300 in 2026.

members (year, province, association, country, members, chapters)
  M1 2019 Bình Phước  VN–Campuchia  KHM  100   2
  M2 2019 Đồng Nai    VN–Campuchia  KHM  300   5
  M3 2019 Đồng Nai    VN–Lào        LAO   50   -   (chapters unknown)
  M4 2020 Đồng Nai    VN–Campuchia  KHM  400   8
  M5 2019 Gia Lai(64) VN–Campuchia  KHM  200   4
  M6 2026 Gia Lai(52) VN–Campuchia  KHM  250   6   (post-reform)
  M7 2026 Đồng Nai    VN–Campuchia  KHM  450   9   (post-reform)
  M8 2019 Bình Định   VN–Lào        LAO   30   1
  M9 2020 Đắk Lắk     Liên hiệp     -     60   -   (no partner country)

aid (year, province, donor, country, sector, measure, amount currency -> VND / USD)
  A1 2019 Bình Phước  East Meets West      USA 121 committed     2 000 USD ->  46 500 000 /  2 000
  A2 2019 Bình Phước  East Meets West      USA 121 disbursed     1 500 USD ->  34 875 000 /  1 500
  A3 2019 Đồng Nai    Quỹ Bảo trợ trẻ em   -   160 disbursed 232 500 000 VND -> 232 500 000 / 10 000
  A4 2020 Đồng Nai    Good Neighbors       KOR 111 committed 465 000 000 VND -> 465 000 000 / 20 000
  A5 2026 Đồng Nai    Good Neighbors       KOR 111 disbursed     5 000 USD -> 131 500 000 /  5 000
  A6 2026 Gia Lai(52) East Meets West      USA 410 disbursed     1 000 USD ->  26 300 000 /  1 000

exchanges (date, province, country, locality, direction, kind, participants)
  E1 2014-03-15 Đắk Lắk     KHM Mondulkiri  incoming delegation  12
  E2 2014-03-20 Đắk Lắk     KHM Mondulkiri  incoming delegation   8
  E3 2019-05-10 Bình Phước  KHM Kratie      outgoing delegation  10
  E4 2020-07-01 Đồng Nai    USA -           incoming event      150
  E5 2019-02-05 Gia Lai(64) KHM Ratanakiri  outgoing delegation  20
  E6 2026-02-10 Gia Lai(52) KHM Ratanakiri  incoming delegation  15  (post-reform)
  E7 2025-09-01 Đồng Nai    LAO -           outgoing conference   -  (post-reform, no count)
  E8 2020-12-12 Đồng Nai    -   -           incoming event       40  (domestic, no country)
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from datastore.load.write import BatchInfo, load_rows
from datastore.vocabulary import DataKind

CAMBODIA_DONG_NAI = "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai"
CAMBODIA_GIA_LAI = "Hội hữu nghị Việt Nam – Campuchia tỉnh Gia Lai"

MEMBERS: list[dict[str, Any]] = [
    {
        "year": 2019,
        "province": "Bình Phước",
        "organization": "Hội hữu nghị Việt Nam – Campuchia tỉnh Bình Phước",
        "partner_country": "Campuchia",
        "members": 100,
        "chapters": 2,
    },
    {
        "year": 2019,
        "province": "Đồng Nai",
        "organization": CAMBODIA_DONG_NAI,
        "partner_country": "Campuchia",
        "members": 300,
        "chapters": 5,
    },
    {
        "year": 2019,
        "province": "Đồng Nai",
        "organization": "Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai",
        "partner_country": "Lào",
        "members": 50,
        "chapters": None,
    },
    {
        "year": 2020,
        "province": "Đồng Nai",
        "organization": CAMBODIA_DONG_NAI,
        "partner_country": "Campuchia",
        "members": 400,
        "chapters": 8,
    },
    {
        "year": 2019,
        "province": "Gia Lai",
        "organization": CAMBODIA_GIA_LAI,
        "partner_country": "Campuchia",
        "members": 200,
        "chapters": 4,
    },
    {
        "year": 2026,
        "province": "Gia Lai",
        "organization": CAMBODIA_GIA_LAI,
        "partner_country": "Campuchia",
        "members": 250,
        "chapters": 6,
    },
    {
        "year": 2026,
        "province": "Đồng Nai",
        "organization": CAMBODIA_DONG_NAI,
        "partner_country": "Campuchia",
        "members": 450,
        "chapters": 9,
    },
    {
        "year": 2019,
        "province": "Bình Định",
        "organization": "Hội hữu nghị Việt Nam – Lào tỉnh Bình Định",
        "partner_country": "Lào",
        "members": 30,
        "chapters": 1,
    },
    {
        "year": 2020,
        "province": "Đắk Lắk",
        "organization": "Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk",
        "partner_country": None,
        "members": 60,
        "chapters": None,
    },
]

AID: list[dict[str, Any]] = [
    {
        "year": 2019,
        "province": "Bình Phước",
        "donor": "East Meets West",
        "donor_country": "Hoa Kỳ",
        "sector": "121",
        "measure": "committed",
        "amount": 2000,
        "currency": "USD",
        "title": "Trạm y tế xã biên giới",
    },
    {
        "year": 2019,
        "province": "Bình Phước",
        "donor": "East Meets West",
        "donor_country": "Hoa Kỳ",
        "sector": "121",
        "measure": "disbursed",
        "amount": 1500,
        "currency": "USD",
        "title": "Trạm y tế xã biên giới",
    },
    {
        "year": 2019,
        "province": "Đồng Nai",
        "donor": "Quỹ Bảo trợ trẻ em tỉnh Đồng Nai",
        "donor_country": None,
        "sector": "160",
        "measure": "disbursed",
        "amount": 232_500_000,
        "currency": "VND",
        "title": "Quà cho trẻ em khó khăn",
    },
    {
        "year": 2020,
        "province": "Đồng Nai",
        "donor": "Good Neighbors",
        "donor_country": "Hàn Quốc",
        "sector": "111",
        "measure": "committed",
        "amount": 465_000_000,
        "currency": "VND",
        "title": "Học bổng cho học sinh",
    },
    {
        "year": 2026,
        "province": "Đồng Nai",
        "donor": "Good Neighbors",
        "donor_country": "Hàn Quốc",
        "sector": "111",
        "measure": "disbursed",
        "amount": 5000,
        "currency": "USD",
        "title": "Học bổng cho học sinh",
    },
    {
        "year": 2026,
        "province": "Gia Lai",
        "donor": "East Meets West",
        "donor_country": "Hoa Kỳ",
        "sector": "410",
        "measure": "disbursed",
        "amount": 1000,
        "currency": "USD",
        "title": "Trồng rừng phòng hộ",
    },
]

EXCHANGES: list[dict[str, Any]] = [
    {
        "date": "15/03/2014",
        "province": "Đắk Lắk",
        "partner_country": "Campuchia",
        "partner_locality": "Mondulkiri",
        "direction": "incoming",
        "kind": "delegation",
        "participants": 12,
        "title": "Đoàn huyện Pechr Chenda thăm huyện Buôn Đôn",
    },
    {
        "date": "20/03/2014",
        "province": "Đắk Lắk",
        "partner_country": "Campuchia",
        "partner_locality": "Mondulkiri",
        "direction": "incoming",
        "kind": "delegation",
        "participants": 8,
        "title": "Đoàn huyện Koh Nhek thăm huyện Ea Súp",
    },
    {
        "date": "10/05/2019",
        "province": "Bình Phước",
        "partner_country": "Campuchia",
        "partner_locality": "Kratie",
        "direction": "outgoing",
        "kind": "delegation",
        "participants": 10,
        "title": "Đoàn Bình Phước thăm tỉnh Kratie",
    },
    {
        "date": "01/07/2020",
        "province": "Đồng Nai",
        "partner_country": "Hoa Kỳ",
        "partner_locality": None,
        "direction": "incoming",
        "kind": "event",
        "participants": 150,
        "title": "Kỷ niệm 25 năm quan hệ Việt Nam – Hoa Kỳ",
    },
    {
        "date": "05/02/2019",
        "province": "Gia Lai",
        "partner_country": "Campuchia",
        "partner_locality": "Ratanakiri",
        "direction": "outgoing",
        "kind": "delegation",
        "participants": 20,
        "title": "Chúc Tết cổ truyền tỉnh Ratanakiri",
    },
    {
        "date": "10/02/2026",
        "province": "Gia Lai",
        "partner_country": "Campuchia",
        "partner_locality": "Ratanakiri",
        "direction": "incoming",
        "kind": "delegation",
        "participants": 15,
        "title": "Đoàn Ratanakiri chúc Tết tỉnh Gia Lai",
    },
    {
        "date": "01/09/2025",
        "province": "Đồng Nai",
        "partner_country": "Lào",
        "partner_locality": None,
        "direction": "outgoing",
        "kind": "conference",
        "participants": None,
        "title": "Hội nghị hợp tác với các tỉnh Nam Lào",
    },
    {
        "date": "12/12/2020",
        "province": "Đồng Nai",
        "partner_country": None,
        "partner_locality": None,
        "direction": "incoming",
        "kind": "event",
        "participants": 40,
        "title": "Tổng kết công tác đối ngoại nhân dân năm 2020",
    },
]


def load_small_fixture(*, session: Session) -> None:
    """Load the members, aid and exchange rows above, one import batch each."""
    loads: tuple[tuple[DataKind, list[dict[str, Any]]], ...] = (
        ("members", MEMBERS),
        ("aid", AID),
        ("exchanges", EXCHANGES),
    )
    for kind, rows in loads:
        load_rows(session=session, kind=kind, rows=rows, batch=BatchInfo(file_name=f"small-{kind}"))
