"""Article 000, Đắk Lắk's review of people's diplomacy in 2014: its union, associations, visits."""

from __future__ import annotations

from datetime import date
from typing import Any

from seed.documented.wording import CHOSEN_DATE, NO_DAY, with_note
from seed.names import VUFO

SOURCE = "000_977f301d0d2de412.txt"  # Đắk Lắk: review of people's diplomacy in 2014
UNION_DAK_LAK = "Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk"
BUON_DON_CAMBODIA = "Hội hữu nghị Việt Nam – Campuchia huyện Buôn Đôn"
EA_SUP_CAMBODIA = "Hội hữu nghị Việt Nam – Campuchia huyện Ea Súp"
DAK_LAK_JAPAN = "Hội hữu nghị Việt Nam – Nhật Bản tỉnh Đắk Lắk"

# 000:8 "Liên hiệp các tổ chức hữu nghị tỉnh ... năm 2014" and 000:17 "Đắk Lắk": the union
# was at work in 2014; its founding date is not stated, 2008-01-01 is chosen.
UNION: dict[str, Any] = {
    "kind": "provincial_union",
    "organization": UNION_DAK_LAK,
    "province": "Đắk Lắk",
    "founded_on": date(2008, 1, 1),
    "parent": VUFO,
    "source": with_note(SOURCE, CHOSEN_DATE),
}

ASSOCIATIONS: tuple[dict[str, Any], ...] = (
    # 000:10 "Hội hữu nghị Việt Nam – Campuchia huyện Buôn Đôn" and "... huyện Ea Súp", member
    # organisations of the Đắk Lắk union, at work in 2014; founding dates not stated, chosen.
    {
        "kind": "friendship_association",
        "organization": BUON_DON_CAMBODIA,
        "province": "Đắk Lắk",
        "partner_country": "KHM",
        "district": "Buôn Đôn",
        "founded_on": date(2010, 1, 1),
        "parent": UNION_DAK_LAK,
        "source": with_note(SOURCE, CHOSEN_DATE),
    },
    {
        "kind": "friendship_association",
        "organization": EA_SUP_CAMBODIA,
        "province": "Đắk Lắk",
        "partner_country": "KHM",
        "district": "Ea Súp",
        "founded_on": date(2011, 1, 1),
        "parent": UNION_DAK_LAK,
        "source": with_note(SOURCE, CHOSEN_DATE),
    },
    # 000:10 "Hội hữu nghị Việt Nam – Nhật Bản đã tiếp nhiều cá nhân, tổ chức, đoàn doanh
    # nghiệp Nhật Bản": at work in 2014; founding date not stated, chosen.
    {
        "kind": "friendship_association",
        "organization": DAK_LAK_JAPAN,
        "province": "Đắk Lắk",
        "partner_country": "JPN",
        "founded_on": date(2012, 1, 1),
        "parent": UNION_DAK_LAK,
        "source": with_note(SOURCE, CHOSEN_DATE),
    },
)


def _buon_don(number: int, day: date) -> dict[str, Any]:
    return {
        "date": day,
        "province": "Đắk Lắk",
        "partner_country": "KHM",
        "partner_locality": "Mondulkiri",
        "direction": "incoming",
        "kind": "delegation",
        "title": (
            f"Hội hữu nghị Việt Nam – Campuchia huyện Buôn Đôn đón đoàn các huyện và tỉnh "
            f"Mondulkiri sang giao lưu, làm việc (đoàn {number}/7 năm 2014; {NO_DAY})"
        ),
        "source": SOURCE,
    }


EXCHANGES: tuple[dict[str, Any], ...] = (
    # 000:10 "Hội hữu nghị Việt Nam – Campuchia huyện Buôn Đôn đã tổ chức đón tiếp 07 đoàn của các
    # huyện và tỉnh Mondulkiri": seven delegations in 2014, no dates; spread over the year.
    _buon_don(1, date(2014, 1, 26)),
    _buon_don(2, date(2014, 3, 15)),
    _buon_don(3, date(2014, 5, 1)),
    _buon_don(4, date(2014, 6, 18)),
    _buon_don(5, date(2014, 8, 4)),
    _buon_don(6, date(2014, 9, 20)),
    _buon_don(7, date(2014, 11, 6)),
    # 000:10 "Hội hữu nghị Việt Nam – Campuchia huyện Ea Súp đã tổ chức các đoàn thăm và tặng quà
    # nhân dân huyện Konhex – tỉnh Mondulkiri": "các đoàn" without a count or dates; stored as
    # two (the least a plural says), in the first and second half of 2014.
    *(
        {
            "date": day,
            "province": "Đắk Lắk",
            "partner_country": "KHM",
            "partner_locality": "Mondulkiri",
            "direction": "outgoing",
            "kind": "humanitarian_visit",
            "title": (
                f"Hội hữu nghị Việt Nam – Campuchia huyện Ea Súp thăm và tặng quà nhân dân huyện "
                f"Konhex (Koh Nhek), tỉnh Mondulkiri (lượt {number}; bài viết không nêu số đoàn "
                f"và ngày)"
            ),
            "source": SOURCE,
        }
        for number, day in ((1, date(2014, 5, 15)), (2, date(2014, 11, 15)))
    ),
    # 000:10 "Hội hữu nghị Việt Nam – Nhật Bản đã tiếp nhiều cá nhân, tổ chức, đoàn doanh nghiệp
    # Nhật Bản": "nhiều" without a count or dates; stored as two, in each half of 2014.
    *(
        {
            "date": day,
            "province": "Đắk Lắk",
            "partner_country": "JPN",
            "direction": "incoming",
            "kind": "delegation",
            "title": (
                f"Hội hữu nghị Việt Nam – Nhật Bản tỉnh Đắk Lắk tiếp đoàn doanh nghiệp Nhật Bản "
                f"đến thăm và làm việc (lượt {number}; bài viết không nêu số đoàn và ngày)"
            ),
            "source": SOURCE,
        }
        for number, day in ((1, date(2014, 3, 20)), (2, date(2014, 9, 25)))
    ),
)
