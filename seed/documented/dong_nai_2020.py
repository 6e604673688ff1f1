"""Article 001, Đồng Nai's people's diplomacy up to 2020: union, nine associations, aid, events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from seed.documented.wording import CHOSEN_DATE, CHOSEN_DAY, NO_DAY, with_note
from seed.names import VUFO

SOURCE = "001_9e1acba55bf73c31.txt"  # Đồng Nai: people's diplomacy up to 2020
UNION_DONG_NAI = "Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai"
DONG_NAI_CAMBODIA = "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai"


@dataclass(frozen=True)
class AssociationsTotal:
    """A province's associations and their members in a year, as an article sums them up."""

    province: str
    year: int
    associations: int
    members_more_than: int


# 001:28 "nâng tổng số Hội thành viên lên 9 Hội với hơn 7 ngàn hội viên" (the article is of
# 2020: it cites Plan 3935/KH-UBND of 8 Apr 2020 and "tháng 7 vừa qua", the US anniversary).
# Only the Vietnam–Cambodia figure is stated per association (4,200, below); the other eight
# 2020 figures are synthetic and drawn so that the nine add up to just over 7,000.
DONG_NAI_2020 = AssociationsTotal(
    province="Đồng Nai", year=2020, associations=9, members_more_than=7_000
)

# The Đồng Nai associations: Vietnam–Laos since 2009 (001:28 "có từ năm 2009"), the others
# founded "tính từ năm 2014 đến nay" (001:28). Only "2014 onwards" is stated for the eight:
# the years below spread them over 2014-2019 in the article's order and are chosen.
_DONG_NAI_ASSOCIATIONS = (
    ("Lào", "LAO", date(2009, 1, 1)),
    ("Campuchia", "KHM", date(2014, 1, 1)),
    ("Thái Lan", "THA", date(2015, 1, 1)),
    ("Hàn Quốc", "KOR", date(2015, 1, 1)),
    ("Nhật Bản", "JPN", date(2016, 1, 1)),
    ("Nga", "RUS", date(2017, 1, 1)),
    ("Pháp", "FRA", date(2017, 1, 1)),
    ("Trung Quốc", "CHN", date(2018, 1, 1)),
    ("Hoa Kỳ", "USA", date(2019, 1, 1)),
)

# 001:20 "năm 2013, tỉnh đã thành lập ... Liên hiệp các tổ chức hữu nghị tỉnh": year stated.
UNION: dict[str, Any] = {
    "kind": "provincial_union",
    "organization": UNION_DONG_NAI,
    "province": "Đồng Nai",
    "founded_on": date(2013, 1, 1),
    "parent": VUFO,
    "source": with_note(SOURCE, CHOSEN_DAY),
}

ASSOCIATIONS: tuple[dict[str, Any], ...] = (
    # 001:28 the nine bilateral associations of Đồng Nai (years: see _DONG_NAI_ASSOCIATIONS).
    *(
        {
            "kind": "friendship_association",
            "organization": f"Hội hữu nghị Việt Nam – {country_vi} tỉnh Đồng Nai",
            "province": "Đồng Nai",
            "partner_country": code,
            "founded_on": founded_on,
            "parent": UNION_DONG_NAI,
            # Laos: the year is stated; the others: only "from 2014 on".
            "source": with_note(SOURCE, CHOSEN_DAY if code == "LAO" else CHOSEN_DATE),
        }
        for country_vi, code, founded_on in _DONG_NAI_ASSOCIATIONS
    ),
)

MEMBERS: tuple[dict[str, Any], ...] = (
    # 001:32 "khi mới thành lập, Hội chỉ có 1 Hội huyện với 296 hội viên": the district is not
    # named; the founding year 2014 is the first of "từ năm 2014" (001:28); the one district
    # association is counted as the association's single chapter.
    {
        "year": 2014,
        "province": "Đồng Nai",
        "organization": DONG_NAI_CAMBODIA,
        "partner_country": "KHM",
        "members": 296,
        "chapters": 1,
        "source": SOURCE,
    },
    # 001:32 "đến nay, Hội đã phát triển thêm 8 liên chi hội với gần 4,2 ngàn hội viên":
    # "nearly 4,200" is stored as 4,200.
    {
        "year": 2020,
        "province": "Đồng Nai",
        "organization": DONG_NAI_CAMBODIA,
        "partner_country": "KHM",
        "members": 4_200,
        "chapters": 8,
        "source": SOURCE,
    },
)

# 001:34 "đến nay tỉnh đã vận động tài trợ và cam kết tài trợ trên 300 tỷ đồng ... y tế, giáo
# dục, an sinh xã hội, bảo vệ tài nguyên, môi trường": a cumulative total to 2020, stored
# once in 2020 as committed, multisector (430); "more than 300" is stored as 300.
# Being cumulative, it keeps the synthetic part from adding any commitment for old Đồng Nai up
# to 2020, so the total is not counted twice.
# The article gives no start: the period begins with the union's founding year, 2013 (001:20),
# and is chosen; as a multi-year period it enters no single year's totals.
CUMULATIVE_COMMITMENT: dict[str, Any] = {
    "year": 2020,
    "period_start": date(2013, 1, 1),
    "period_end": date(2020, 12, 31),
    "province": "Đồng Nai",
    "donor": "Các tổ chức phi chính phủ nước ngoài (tổng hợp)",
    "donor_kind": "foreign_ngo",  # foreign NGOs in general: no country stated
    "sector": "430",
    "measure": "committed",
    "amount": 300_000_000_000,
    "currency": "VND",
    "title": (
        "Viện trợ PCPNN đã vận động và cam kết, lũy kế đến năm 2020 (y tế, giáo dục, an sinh "
        "xã hội, bảo vệ tài nguyên, môi trường) / Foreign NGO aid mobilised and committed, "
        "cumulative to 2020"
    ),
    "source": SOURCE,
}

AID: tuple[dict[str, Any], ...] = (CUMULATIVE_COMMITMENT,)

EXCHANGES: tuple[dict[str, Any], ...] = (
    # 001:38 "lễ kỷ niệm 25 năm thiết lập quan hệ ngoại giao Việt Nam - Hoa Kỳ do Liên hiệp các tổ
    # chức hữu nghị tỉnh tổ chức vào tháng 7 vừa qua", with the US Consul General: July 2020.
    {
        "date": date(2020, 7, 1),
        "province": "Đồng Nai",
        "partner_country": "USA",
        "direction": "incoming",
        "kind": "event",
        "title": (
            "Lễ kỷ niệm 25 năm thiết lập quan hệ ngoại giao Việt Nam – Hoa Kỳ, có Tổng lãnh sự "
            f"Hoa Kỳ tại TP.HCM dự (tháng 7/2020; {NO_DAY})"
        ),
        "source": SOURCE,
    },
    # 001:24 "buổi gặp gỡ và làm việc với Thường trực Tỉnh ủy ... diễn ra vào tháng 7 vừa qua,
    # Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam Nguyễn Phương Nga": a domestic working
    # visit (no partner country), recorded as incoming because the province hosted it.
    {
        "date": date(2020, 7, 1),
        "province": "Đồng Nai",
        "direction": "incoming",
        "kind": "delegation",
        "title": (
            "Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam Nguyễn Phương Nga làm việc với "
            f"Thường trực Tỉnh ủy Đồng Nai về công tác đối ngoại nhân dân (tháng 7/2020; {NO_DAY})"
        ),
        "source": SOURCE,
    },
)
