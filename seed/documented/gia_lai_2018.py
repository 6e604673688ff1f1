"""Article 003, Gia Lai, 28 Oct 2018, ten years of Directive 28: its union, branch, exchanges."""

from __future__ import annotations

from datetime import date
from typing import Any

from seed.documented.wording import NO_DAY
from seed.names import VUFO

SOURCE = "003_eb967b834698ca2b.txt"  # Gia Lai, 28 Oct 2018: ten years of Directive 28
UNION_GIA_LAI = "Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai"

# 003:7 "Ngày 11 tháng 8 năm 1994, Hội hữu nghị với nhân dân các nước tỉnh Gia Lai được đổi
# tên thành Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai"
UNION: dict[str, Any] = {
    "kind": "provincial_union",
    "organization": UNION_GIA_LAI,
    "province": "Gia Lai",
    "founded_on": date(1994, 8, 11),
    "parent": VUFO,
    "source": SOURCE,
}

# 003:7 "Phân hội hữu nghị Việt Nam - Campuchia tỉnh Gia Lai - Kon Tum được thành lập theo
# Quyết định số 304/QĐ-TU, ngày 04 tháng 10 năm 1988": the branch the Gia Lai union grew
# from (Gia Lai - Kon Tum was one province until 1991; stored under Gia Lai).
CHAPTER: dict[str, Any] = {
    "kind": "chapter",
    "organization": "Phân hội hữu nghị Việt Nam – Campuchia tỉnh Gia Lai – Kon Tum",
    "province": "Gia Lai",
    "partner_country": "KHM",
    "founded_on": date(1988, 10, 4),
    "source": SOURCE,
}

# 003:11 "Ngày 15 tháng 10 năm 2018, Liên hiệp các tổ chức hữu nghị tỉnh đã tổ chức Đại hội lần
# thứ I, nhiệm kỳ 2018 - 2023 ... Ban Chấp hành ... với 21 thành viên"; the number of
# delegates is not stated. A congress hosted in the province is recorded as incoming. Before it
# the union was "hầu như không hoạt động" (003:9): the synthetic part keeps Gia Lai quiet.
CONGRESS: dict[str, Any] = {
    "date": date(2018, 10, 15),
    "province": "Gia Lai",
    "direction": "incoming",
    "kind": "conference",
    "title": (
        "Đại hội Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai lần thứ I, nhiệm kỳ 2018–2023, "
        "bầu Ban Chấp hành 21 thành viên"
    ),
    "source": SOURCE,
}

EXCHANGES: tuple[dict[str, Any], ...] = (
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
        "source": SOURCE,
    },
    CONGRESS,
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
        "source": SOURCE,
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
        "source": SOURCE,
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
            f"quán Việt Nam tại Campuchia và Tỉnh hội Việt kiều Ratanakiri ({NO_DAY})"
        ),
        "source": SOURCE,
    },
)
