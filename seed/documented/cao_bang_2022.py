"""Article 004, Cao Bằng, 7 Jul 2022, the first national conference: VUFO, union, gifts."""

from __future__ import annotations

from datetime import date
from typing import Any

from seed.documented.wording import CHOSEN_DATE, with_note
from seed.names import VUFO

SOURCE = "004_e7f187056cb3db50.txt"  # Cao Bằng, 7 Jul 2022: first national conference
UNION_CAO_BANG = "Liên hiệp các tổ chức hữu nghị tỉnh Cao Bằng"

# 004:3 "52 Liên hiệp các tổ chức hữu nghị địa phương" on 7 Jul 2022: the synthetic part founds
# the other unions so that exactly this many of the 63 old provinces had one by that day.
PROVINCIAL_UNIONS_ON = (date(2022, 7, 7), 52)

# 004:1 "Liên hiệp các tổ chức hữu nghị Việt Nam phối hợp ... tổ chức Hội nghị toàn quốc";
# its founding date is not in the seeds.
NATIONAL_UNION: dict[str, Any] = {"kind": "national_union", "organization": VUFO, "source": SOURCE}

# 004:4 "Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Cao Bằng": the union existed on
# 7 Jul 2022; its founding date is not stated, 2010-01-01 is chosen.
UNION: dict[str, Any] = {
    "kind": "provincial_union",
    "organization": UNION_CAO_BANG,
    "province": "Cao Bằng",
    "founded_on": date(2010, 1, 1),
    "parent": VUFO,
    "source": with_note(SOURCE, CHOSEN_DATE),
}

AID: tuple[dict[str, Any], ...] = (
    # 004:16 "10 căn nhà tình nghĩa trị giá 700 triệu đồng"
    {
        "year": 2022,
        "province": "Cao Bằng",
        "donor": VUFO,
        "donor_kind": "domestic",  # VUFO's own gift: not foreign NGO aid
        "sector": "160",
        "measure": "disbursed",
        "amount": 700_000_000,
        "currency": "VND",
        "title": "10 căn nhà tình nghĩa trao tặng tỉnh Cao Bằng ngày 7/7/2022",
        "source": SOURCE,
    },
    # 004:16 "500 triệu đồng quà an sinh xã hội"
    {
        "year": 2022,
        "province": "Cao Bằng",
        "donor": VUFO,
        "donor_kind": "domestic",  # VUFO's own gift: not foreign NGO aid
        "sector": "160",
        "measure": "disbursed",
        "amount": 500_000_000,
        "currency": "VND",
        "title": "Quà an sinh xã hội trao tặng tỉnh Cao Bằng ngày 7/7/2022",
        "source": SOURCE,
    },
    # 004:16 "10.000 USD học bổng cho học sinh nghèo": school pupils, level not given, so DAC 111
    # (education, level unspecified).
    {
        "year": 2022,
        "province": "Cao Bằng",
        "donor": VUFO,
        "donor_kind": "domestic",  # VUFO's own gift: not foreign NGO aid
        "sector": "111",
        "measure": "disbursed",
        "amount": 10_000,
        "currency": "USD",
        "title": "Học bổng cho học sinh nghèo tỉnh Cao Bằng trao ngày 7/7/2022",
        "source": SOURCE,
    },
)

EXCHANGES: tuple[dict[str, Any], ...] = (
    # 004:1 "Ngày 7/7, tại Cao Bằng ... Hội nghị toàn quốc công tác đối ngoại nhân dân năm 2022",
    # 004:3 "hơn 200 đại biểu đến từ 66 tổ chức thành viên Trung ương, 52 Liên hiệp các tổ chức
    # hữu nghị địa phương", 004:8 "Hội nghị toàn quốc lần đầu tiên": "more than 200" stored
    # as 200.
    {
        "date": date(2022, 7, 7),
        "province": "Cao Bằng",
        "direction": "incoming",
        "kind": "conference",
        "participants": 200,
        "title": (
            "Hội nghị toàn quốc công tác đối ngoại nhân dân năm 2022 (lần đầu tiên): hơn 200 đại "
            "biểu từ 66 tổ chức thành viên Trung ương và 52 Liên hiệp các tổ chức hữu nghị địa "
            "phương"
        ),
        "source": SOURCE,
    },
)
