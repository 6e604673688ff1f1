"""Every figure the five seed articles state, as rows for datastore.loading.load_rows.

Each row carries `source` = the article's file name in ../shared/seeds/, and a comment
`# <article>:<line>` quoting what it rests on. Where an article leaves a part out (a day,
a count), the comment says which part is stated and which was chosen. Chosen days follow one
rule: the first day of the stated period (2013 -> 2013-01-01, July 2020 -> 2020-07-01), unless
the comment says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from seed.names import VUFO

S000 = "000_977f301d0d2de412.txt"  # Đắk Lắk: review of people's diplomacy in 2014
S001 = "001_9e1acba55bf73c31.txt"  # Đồng Nai: people's diplomacy up to 2020
S002 = "002_6504cad6700c3f67.txt"  # Hà Nội, 28 Jan 2015: national review of 2014
S003 = "003_eb967b834698ca2b.txt"  # Gia Lai, 28 Oct 2018: ten years of Directive 28
S004 = "004_e7f187056cb3db50.txt"  # Cao Bằng, 7 Jul 2022: first national conference
SOURCES = (S000, S001, S002, S003, S004)

UNION_GIA_LAI = "Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai"
UNION_DONG_NAI = "Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai"
UNION_DAK_LAK = "Liên hiệp các tổ chức hữu nghị tỉnh Đắk Lắk"
UNION_CAO_BANG = "Liên hiệp các tổ chức hữu nghị tỉnh Cao Bằng"
DONG_NAI_CAMBODIA = "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai"
BUON_DON_CAMBODIA = "Hội hữu nghị Việt Nam – Campuchia huyện Buôn Đôn"
EA_SUP_CAMBODIA = "Hội hữu nghị Việt Nam – Campuchia huyện Ea Súp"
DAK_LAK_JAPAN = "Hội hữu nghị Việt Nam – Nhật Bản tỉnh Đắk Lắk"

# 004:3 "52 Liên hiệp các tổ chức hữu nghị địa phương" on 7 Jul 2022: the synthetic part founds
# the other unions so that exactly this many of the 63 old provinces had one by that day.
PROVINCIAL_UNIONS_ON = (date(2022, 7, 7), 52)


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

ORGANIZATIONS: tuple[dict[str, Any], ...] = (
    # 004:1 "Liên hiệp các tổ chức hữu nghị Việt Nam phối hợp ... tổ chức Hội nghị toàn quốc";
    # its founding date is not in the seeds.
    {"kind": "national_union", "organization": VUFO, "source": S004},
    # 003:7 "Ngày 11 tháng 8 năm 1994, Hội hữu nghị với nhân dân các nước tỉnh Gia Lai được đổi
    # tên thành Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai"
    {
        "kind": "provincial_union",
        "organization": UNION_GIA_LAI,
        "province": "Gia Lai",
        "founded_on": date(1994, 8, 11),
        "parent": VUFO,
        "source": S003,
    },
    # 003:7 "Phân hội hữu nghị Việt Nam - Campuchia tỉnh Gia Lai - Kon Tum được thành lập theo
    # Quyết định số 304/QĐ-TU, ngày 04 tháng 10 năm 1988": the branch the Gia Lai union grew
    # from (Gia Lai - Kon Tum was one province until 1991; stored under Gia Lai).
    {
        "kind": "chapter",
        "organization": "Phân hội hữu nghị Việt Nam – Campuchia tỉnh Gia Lai – Kon Tum",
        "province": "Gia Lai",
        "partner_country": "KHM",
        "founded_on": date(1988, 10, 4),
        "source": S003,
    },
    # 001:20 "năm 2013, tỉnh đã thành lập ... Liên hiệp các tổ chức hữu nghị tỉnh": year stated.
    {
        "kind": "provincial_union",
        "organization": UNION_DONG_NAI,
        "province": "Đồng Nai",
        "founded_on": date(2013, 1, 1),
        "parent": VUFO,
        "source": S001,
    },
    # 000:8 "Liên hiệp các tổ chức hữu nghị tỉnh ... năm 2014" and 000:17 "Đắk Lắk": the union
    # was at work in 2014; its founding date is not stated, 2008-01-01 is chosen.
    {
        "kind": "provincial_union",
        "organization": UNION_DAK_LAK,
        "province": "Đắk Lắk",
        "founded_on": date(2008, 1, 1),
        "parent": VUFO,
        "source": S000,
    },
    # 004:4 "Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Cao Bằng": the union existed on
    # 7 Jul 2022; its founding date is not stated, 2010-01-01 is chosen.
    {
        "kind": "provincial_union",
        "organization": UNION_CAO_BANG,
        "province": "Cao Bằng",
        "founded_on": date(2010, 1, 1),
        "parent": VUFO,
        "source": S004,
    },
    # 001:28 the nine bilateral associations of Đồng Nai (years: see _DONG_NAI_ASSOCIATIONS).
    *(
        {
            "kind": "friendship_association",
            "organization": f"Hội hữu nghị Việt Nam – {country_vi} tỉnh Đồng Nai",
            "province": "Đồng Nai",
            "partner_country": code,
            "founded_on": founded_on,
            "parent": UNION_DONG_NAI,
            "source": S001,
        }
        for country_vi, code, founded_on in _DONG_NAI_ASSOCIATIONS
    ),
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
        "source": S000,
    },
    {
        "kind": "friendship_association",
        "organization": EA_SUP_CAMBODIA,
        "province": "Đắk Lắk",
        "partner_country": "KHM",
        "district": "Ea Súp",
        "founded_on": date(2011, 1, 1),
        "parent": UNION_DAK_LAK,
        "source": S000,
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
        "source": S000,
    },
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
        "source": S001,
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
        "source": S001,
    },
)

AID: tuple[dict[str, Any], ...] = (
    # 001:34 "đến nay tỉnh đã vận động tài trợ và cam kết tài trợ trên 300 tỷ đồng ... y tế, giáo
    # dục, an sinh xã hội, bảo vệ tài nguyên, môi trường": a cumulative total to 2020, stored
    # once in 2020 as committed, multisector (430); "more than 300" is stored as 300.
    {
        "year": 2020,
        "province": "Đồng Nai",
        "donor": "Các tổ chức phi chính phủ nước ngoài (tổng hợp)",
        "sector": "430",
        "measure": "committed",
        "amount": 300_000_000_000,
        "currency": "VND",
        "title": (
            "Viện trợ PCPNN đã vận động và cam kết, lũy kế đến năm 2020 (y tế, giáo dục, an sinh "
            "xã hội, bảo vệ tài nguyên, môi trường) / Foreign NGO aid mobilised and committed, "
            "cumulative to 2020"
        ),
        "source": S001,
    },
    # 004:16 "10 căn nhà tình nghĩa trị giá 700 triệu đồng"
    {
        "year": 2022,
        "province": "Cao Bằng",
        "donor": VUFO,
        "sector": "160",
        "measure": "disbursed",
        "amount": 700_000_000,
        "currency": "VND",
        "title": "10 căn nhà tình nghĩa trao tặng tỉnh Cao Bằng ngày 7/7/2022",
        "source": S004,
    },
    # 004:16 "500 triệu đồng quà an sinh xã hội"
    {
        "year": 2022,
        "province": "Cao Bằng",
        "donor": VUFO,
        "sector": "160",
        "measure": "disbursed",
        "amount": 500_000_000,
        "currency": "VND",
        "title": "Quà an sinh xã hội trao tặng tỉnh Cao Bằng ngày 7/7/2022",
        "source": S004,
    },
    # 004:16 "10.000 USD học bổng cho học sinh nghèo": school pupils, level not given, so DAC 111
    # (education, level unspecified).
    {
        "year": 2022,
        "province": "Cao Bằng",
        "donor": VUFO,
        "sector": "111",
        "measure": "disbursed",
        "amount": 10_000,
        "currency": "USD",
        "title": "Học bổng cho học sinh nghèo tỉnh Cao Bằng trao ngày 7/7/2022",
        "source": S004,
    },
)

_NO_DAY = "bài viết không nêu ngày"


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
            f"Mondulkiri sang giao lưu, làm việc (đoàn {number}/7 năm 2014; {_NO_DAY})"
        ),
        "source": S000,
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
            "source": S000,
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
            "source": S000,
        }
        for number, day in ((1, date(2014, 3, 20)), (2, date(2014, 9, 25)))
    ),
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
            f"Hoa Kỳ tại TP.HCM dự (tháng 7/2020; {_NO_DAY})"
        ),
        "source": S001,
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
            f"Thường trực Tỉnh ủy Đồng Nai về công tác đối ngoại nhân dân (tháng 7/2020; {_NO_DAY})"
        ),
        "source": S001,
    },
    # 003:11 "Ngày 04 tháng 7 năm 2013, Đoàn công tác của Đảng đoàn Liên hiệp các tổ chức hữu nghị
    # Việt Nam do đồng chí Trần Đình Đàn ... đã đến thăm và làm việc với Ủy ban nhân dân tỉnh".
    {
        "date": date(2013, 7, 4),
        "province": "Gia Lai",
        "direction": "incoming",
        "kind": "delegation",
        "title": (
            "Đoàn công tác Đảng đoàn Liên hiệp các tổ chức hữu nghị Việt Nam do đồng chí Trần "
            "Đình Đàn làm trưởng đoàn làm việc với UBND tỉnh Gia Lai"
        ),
        "source": S003,
    },
    # 003:11 "Ngày 15 tháng 10 năm 2018, Liên hiệp các tổ chức hữu nghị tỉnh đã tổ chức Đại hội lần
    # thứ I, nhiệm kỳ 2018 - 2023 ... Ban Chấp hành ... với 21 thành viên"; the number of
    # delegates is not stated. A congress hosted in the province is recorded as incoming.
    {
        "date": date(2018, 10, 15),
        "province": "Gia Lai",
        "direction": "incoming",
        "kind": "conference",
        "title": (
            "Đại hội Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai lần thứ I, nhiệm kỳ 2018–2023, "
            "bầu Ban Chấp hành 21 thành viên"
        ),
        "source": S003,
    },
    # 003:17 "90 km đường biên giới giáp với tỉnh Ratanakiri" and 003:37 "các huyện biên giới
    # của hai tỉnh Gia Lai - Ratanakiri thường xuyên tổ chức các đoàn sang thăm, chúc mừng, giao
    # lưu nhân dịp Tết cổ truyền của hai nước": regular, undated; two stand for 2018 (the
    # article's year), one before Vietnamese Tết (16 Feb 2018), one at Khmer New Year (14 Apr).
    {
        "date": date(2018, 2, 9),
        "province": "Gia Lai",
        "partner_country": "KHM",
        "partner_locality": "Ratanakiri",
        "direction": "incoming",
        "kind": "delegation",
        "title": (
            "Đoàn các huyện biên giới tỉnh Ratanakiri thăm, chúc Tết Nguyên đán Gia Lai "
            "(hai tỉnh chung 90 km biên giới; bài viết không nêu ngày)"
        ),
        "source": S003,
    },
    {
        "date": date(2018, 4, 12),
        "province": "Gia Lai",
        "partner_country": "KHM",
        "partner_locality": "Ratanakiri",
        "direction": "outgoing",
        "kind": "delegation",
        "title": (
            "Đoàn các huyện biên giới tỉnh Gia Lai thăm, chúc Tết Chôl Chnăm Thmây tỉnh "
            "Ratanakiri (hai tỉnh chung 90 km biên giới; bài viết không nêu ngày)"
        ),
        "source": S003,
    },
    # 003:39 "Hằng năm, tổ chức đoàn tham dự buổi gặp mặt cộng đồng kiều bào nhân dịp Tết Nguyên
    # đán của Đại sứ quán Việt Nam tại Campuchia và Tỉnh hội Việt kiều Ratanakiri": yearly,
    # undated; one stands for 2018, a week before Tết.
    {
        "date": date(2018, 2, 9),
        "province": "Gia Lai",
        "partner_country": "KHM",
        "partner_locality": "Ratanakiri",
        "direction": "outgoing",
        "kind": "event",
        "title": (
            "Đoàn tỉnh Gia Lai dự gặp mặt cộng đồng kiều bào nhân dịp Tết Nguyên đán của Đại sứ "
            f"quán Việt Nam tại Campuchia và Tỉnh hội Việt kiều Ratanakiri ({_NO_DAY})"
        ),
        "source": S003,
    },
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
        "source": S004,
    },
    # 002:5 "Ngày 28/1, tại Hà Nội, Ban Đối ngoại Trung ương tổ chức Hội nghị Tổng kết công tác
    # đối ngoại nhân dân năm 2014" and 002:14 "trên 200 đại biểu": the year is 2015 (it reviews
    # 2014 and plans 2015); "more than 200" stored as 200.
    {
        "date": date(2015, 1, 28),
        "province": "Hà Nội",
        "direction": "incoming",
        "kind": "conference",
        "participants": 200,
        "title": (
            "Hội nghị Tổng kết công tác đối ngoại nhân dân năm 2014 và triển khai nhiệm vụ năm "
            "2015 do Ban Đối ngoại Trung ương tổ chức, trên 200 đại biểu"
        ),
        "source": S002,
    },
)

# The Đồng Nai aid total is cumulative to 2020: the synthetic part adds no commitment for old
# Đồng Nai up to that year, so the total is not counted twice.
CUMULATIVE_COMMITMENT = AID[0]

DOCUMENTED: dict[str, tuple[dict[str, Any], ...]] = {
    "organizations": ORGANIZATIONS,
    "members": MEMBERS,
    "aid": AID,
    "exchanges": EXCHANGES,
}
